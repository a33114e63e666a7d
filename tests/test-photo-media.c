/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "escale-photo-library.h"
#include "escale-photo-media.h"
#include "photo-test-medium.h"

/* A visitor's medium as GIO's volume monitor sees it. The real-mount tests
 * make a FAT image with pictures (dosfstools, mtools) and mount it under
 * /media as a stick would be: with the kernel's vfat where it has one, else
 * through FUSE (fusefat; this machine's kernel has no vfat). They need root,
 * as in CI. A phone (MTP, AFC) or a camera (PTP) cannot be plugged in here:
 * what tells them apart is a pure function of GIO's hints, tested alone. */

/* The kind and the removability, from hints as gvfs and udisks2 give them */

static void
test_kind_from_hints (void)
{
  static const char *const flash_sd[] = { "media-flash-sd", "media-flash", NULL };
  static const char *const usb_stick[] = { "drive-removable-media-usb", NULL };
  static const struct
  {
    EscalePhotoMediumHints hints;
    EscalePhotoMediumKind kind;
  } cases[] = {
    { { .uri = "mtp://SAMSUNG_Android_R58M12345/" }, ESCALE_PHOTO_MEDIUM_PHONE },
    { { .uri = "afc://00008030-001A2D3E0C38802E/" }, ESCALE_PHOTO_MEDIUM_PHONE },
    { { .uri = "gphoto2://Canon_Inc._Canon_Digital_Camera/" }, ESCALE_PHOTO_MEDIUM_CAMERA },
    { { .uri = "file:///media/escale/3839-6231",
        .unix_device = "/dev/mmcblk0p1",
        .has_drive = TRUE,
        .drive_removable = TRUE },
      ESCALE_PHOTO_MEDIUM_CARD },
    { { .uri = "file:///media/escale/EOS_DIGITAL",
        .unix_device = "/dev/sdc1",
        .drive_name = "Generic- SD/MMC",
        .has_drive = TRUE,
        .drive_removable = TRUE },
      ESCALE_PHOTO_MEDIUM_CARD },
    { { .uri = "file:///media/escale/NIKON",
        .unix_device = "/dev/sdd1",
        .drive_name = "Multi-Card Reader",
        .has_drive = TRUE },
      ESCALE_PHOTO_MEDIUM_CARD },
    { { .uri = "file:///media/escale/CARD",
        .unix_device = "/dev/sde1",
        .icon_names = flash_sd,
        .has_drive = TRUE },
      ESCALE_PHOTO_MEDIUM_CARD },
    { { .uri = "file:///media/escale/CLE",
        .unix_device = "/dev/sdb1",
        .drive_unix_device = "/dev/sdb",
        .drive_name = "SanDisk Cruzer Blade",
        .icon_names = usb_stick,
        .has_drive = TRUE,
        .drive_removable = TRUE },
      ESCALE_PHOTO_MEDIUM_STICK },
    { { .uri = "file:///media/escale-test-1", .unix_device = "/dev/loop3" },
      ESCALE_PHOTO_MEDIUM_STICK },
    { { .uri = NULL }, ESCALE_PHOTO_MEDIUM_STICK },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case %u", i);
      g_assert_cmpint (escale_photo_medium_hints_get_kind (&cases[i].hints), ==, cases[i].kind);
    }
}

static void
test_removable_from_hints (void)
{
  static const struct
  {
    EscalePhotoMediumHints hints;
    gboolean removable;
  } cases[] = {
    { { .uri = "mtp://Xiaomi_Redmi/" }, TRUE },
    { { .uri = "afc://00008030-001A2D3E0C38802E/" }, TRUE },
    { { .uri = "gphoto2://Nikon_DSC/" }, TRUE },
    { { .uri = "file:///media/escale/CLE" }, TRUE }, /* GIO's unix monitor */
    { { .uri = "file:///run/media/escale/CLE" }, TRUE },
    { { .uri = "file:///media/escale/CLE", .has_drive = TRUE, .drive_removable = TRUE }, TRUE },
    { { .uri = "file:///mnt/usb", .has_drive = TRUE, .drive_removable = TRUE }, TRUE },
    /* The machine's own disks, even a partition mounted under /media. */
    { { .uri = "file:///" }, FALSE },
    { { .uri = "file:///home" }, FALSE },
    { { .uri = "file:///boot/efi", .has_drive = TRUE }, FALSE },
    { { .uri = "file:///media/escale/DATA", .unix_device = "/dev/nvme0n1p3", .has_drive = TRUE },
      FALSE },
    { { .uri = "file:///mediatheque" }, FALSE },
    /* Someone's shares. */
    { { .uri = "smb://serveur/partage/" }, FALSE },
    { { .uri = "sftp://serveur/" }, FALSE },
    { { .uri = "file:///media/nfs", .volume_class = "network" }, FALSE },
    /* A volume from /etc/fstab, with nothing to say where it is. */
    { { .uri = NULL }, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case %u", i);
      g_assert_cmpint (escale_photo_medium_hints_is_removable (&cases[i].hints), ==,
                       cases[i].removable);
    }
}

static void
test_labels (void)
{
  g_assert_cmpstr (escale_photo_medium_kind_label (ESCALE_PHOTO_MEDIUM_STICK), ==, "Clé USB");
  g_assert_cmpstr (escale_photo_medium_kind_label (ESCALE_PHOTO_MEDIUM_CARD), ==, "Carte photo");
  g_assert_cmpstr (escale_photo_medium_kind_label (ESCALE_PHOTO_MEDIUM_PHONE), ==, "Téléphone");
  g_assert_cmpstr (escale_photo_medium_kind_label (ESCALE_PHOTO_MEDIUM_CAMERA), ==,
                   "Appareil photo");
}

/* Real mounts */

typedef struct
{
  PhotoTestMedium *medium; /* tests/photo-test-medium.c */
  EscalePhotoMedia *media;
  GBytes *jpeg; /* one picture put on the medium */
  gboolean done;
  gboolean removed;
  GError *error;
  guint failed;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  if (getuid () == 0)
    f->medium = photo_test_medium_new ();
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (f->media != NULL)
    g_assert_finalize_object (f->media);
  g_clear_pointer (&f->medium, photo_test_medium_free);
  g_clear_pointer (&f->jpeg, g_bytes_unref);
  g_clear_error (&f->error);
}

static GBytes *
make_picture (const char *type, guint32 colour)
{
  g_autoptr (GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 64, 48);
  g_autoptr (GError) error = NULL;
  char *buffer = NULL;
  gsize size = 0;

  gdk_pixbuf_fill (pixbuf, colour);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, type, &error, NULL));
  g_assert_no_error (error);
  return g_bytes_new_take (buffer, size);
}

/* A FAT image, as a stick from a shop, with pictures in nested folders. */
static void
make_fat_image (Fixture *f)
{
  g_autoptr (GBytes) png = make_picture ("png", 0x2060a0ff);
  g_autoptr (GBytes) text = g_bytes_new_static ("pas une photo\n", 14);

  f->jpeg = make_picture ("jpeg", 0xc03020ff);
  photo_test_medium_put (f->medium, "DCIM/100CANON/IMG_0001.JPG", f->jpeg, 0);
  photo_test_medium_put (f->medium, "DCIM/100CANON/IMG_0002.JPG", f->jpeg, 0);
  photo_test_medium_put (f->medium, "Vacances 2024/plage.png", png, 0);
  photo_test_medium_put (f->medium, "Vacances 2024/le soir/coucher.jpeg", f->jpeg, 0);
  photo_test_medium_put (f->medium, "Vacances 2024/liste.txt", text, 0);
  photo_test_medium_make_fat (f->medium, "GRANDFILS");
}

static EscalePhotoMedium *
find_ours (Fixture *f)
{
  GListModel *media = escale_photo_media_get_media (f->media);

  for (guint i = 0; i < g_list_model_get_n_items (media); i++)
    {
      g_autoptr (EscalePhotoMedium) medium = g_list_model_get_item (media, i);
      g_autofree char *path = g_file_get_path (escale_photo_medium_get_root (medium));

      if (g_strcmp0 (path, f->medium->mount) == 0)
        return medium; /* the model keeps it */
    }
  return NULL;
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

static gboolean
timed_out_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until our medium is there (or gone), 10 s at most. */
static EscalePhotoMedium *
wait_for_ours (Fixture *f, gboolean present)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (10, timed_out_cb, &timed_out);

  while (!timed_out && (find_ours (f) != NULL) != present)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout);
  return find_ours (f);
}

/* Other tests may have media of theirs under /media meanwhile. */
static void
assert_only_visitors_media (Fixture *f)
{
  GListModel *media = escale_photo_media_get_media (f->media);

  for (guint i = 0; i < g_list_model_get_n_items (media); i++)
    {
      g_autoptr (EscalePhotoMedium) medium = g_list_model_get_item (media, i);
      g_autofree char *path = g_file_get_path (escale_photo_medium_get_root (medium));

      g_assert_nonnull (path);
      g_assert_true (g_str_has_prefix (path, "/media/") || g_str_has_prefix (path, "/run/media/"));
    }
}

static void
failed_cb (EscalePhotoMedia *media, Fixture *f)
{
  f->failed++;
}

static void
removed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Fixture *f = user_data;

  g_clear_error (&f->error);
  f->removed = escale_photo_medium_remove_finish (ESCALE_PHOTO_MEDIUM (source), result, &f->error);
  f->done = TRUE;
}

static gboolean
remove_medium (Fixture *f, EscalePhotoMedium *medium)
{
  f->done = FALSE;
  escale_photo_medium_remove_async (medium, NULL, removed_cb, f);
  while (!f->done)
    g_main_context_iteration (NULL, TRUE);
  return f->removed;
}

static void
library_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Fixture *f = user_data;

  g_assert_true (
    escale_photo_library_scan_finish (ESCALE_PHOTO_LIBRARY (source), result, &f->error));
  f->done = TRUE;
}

/* The names of the pictures found, in lower case (fusefat shows the FAT
 * short name PLAGE.PNG for what mtools wrote as plage.png), sorted, joined
 * by "|"; the JPEGs read
 * back through their GFile, byte for byte. */
static char *
found_names (Fixture *f, EscalePhotoLibrary *library)
{
  GListModel *photos = escale_photo_library_get_photos (library);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (photos); i++)
    {
      g_autoptr (EscalePhoto) photo = g_list_model_get_item (photos, i);
      g_autoptr (GBytes)
                   bytes = g_file_load_bytes (escale_photo_get_file (photo), NULL, NULL, NULL);
      g_autofree char *base = g_file_get_basename (escale_photo_get_file (photo));
      char *name = g_ascii_strdown (base, -1);

      g_assert_nonnull (bytes);
      if (!g_str_has_suffix (name, ".png"))
        g_assert_true (g_bytes_equal (bytes, f->jpeg));
      g_ptr_array_add (names, name);
    }
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("|", (char **) names->pdata);
}

static void
test_stick_appears_and_goes (Fixture *f, gconstpointer data)
{
  EscalePhotoMedium *medium;
  g_autoptr (EscalePhotoLibrary) library = NULL;
  g_autofree char *names = NULL;

  if (!photo_test_medium_need_root ())
    return;
  make_fat_image (f);
  /* Made before the stick comes: it must notice mounts made later. */
  f->media = escale_photo_media_new ();
  g_signal_connect (f->media, "mount-failed", G_CALLBACK (failed_cb), f);
  g_assert_null (find_ours (f));

  photo_test_medium_mount_fat_read_only (f->medium);
  medium = wait_for_ours (f, TRUE);
  g_assert_nonnull (medium);
  g_assert_cmpint (escale_photo_medium_get_kind (medium), ==, ESCALE_PHOTO_MEDIUM_STICK);
  g_assert_cmpstr (escale_photo_medium_get_label (medium), ==, "Clé USB");
  g_assert_true (escale_photo_medium_get_read_only (medium));
  g_assert_true (escale_photo_media_any_plugged ());
  assert_only_visitors_media (f);

  /* Its pictures, through the same GFile, byte for byte. */
  library = escale_photo_library_new (escale_photo_medium_get_root (medium));
  f->done = FALSE;
  escale_photo_library_scan_async (library, NULL, library_done_cb, f);
  while (!f->done)
    g_main_context_iteration (NULL, TRUE);
  names = found_names (f, library);
  g_assert_cmpstr (names, ==, "coucher.jpeg|img_0001.jpg|img_0002.jpg|plage.png");
  g_clear_object (&library);

  /* Pulled out (unmounted behind our back): gone from the list. */
  photo_test_medium_pull_out (f->medium);
  g_assert_null (wait_for_ours (f, FALSE));
  g_assert_cmpuint (f->failed, ==, 0);
}

static void
test_remove_unmounts (Fixture *f, gconstpointer data)
{
  g_autoptr (EscalePhotoMedium) medium = NULL;

  if (!photo_test_medium_need_root ())
    return;
  photo_test_medium_mount_ext2_read_write (f->medium);
  /* Already there when it starts, this time. */
  f->media = escale_photo_media_new ();
  medium = wait_for_ours (f, TRUE);
  g_assert_nonnull (medium);
  g_object_ref (medium);
  g_assert_false (escale_photo_medium_get_read_only (medium));
  g_assert_cmpint (escale_photo_medium_get_kind (medium), ==, ESCALE_PHOTO_MEDIUM_STICK);

  g_assert_true (remove_medium (f, medium));
  g_assert_no_error (f->error);
  /* May be pulled out now: nothing of it is mounted any more. */
  g_assert_false (photo_test_medium_is_mounted (f->medium));
  g_assert_null (wait_for_ours (f, FALSE));

  /* Asked again (a second tap), it is already done. */
  g_assert_true (remove_medium (f, medium));
}

static void
test_remove_busy_says_so_calmly (Fixture *f, gconstpointer data)
{
  g_autofree char *inside = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GFileInputStream) stream = NULL;
  g_autofree char *base = NULL;
  EscalePhotoMedium *medium;

  if (!photo_test_medium_need_root ())
    return;
  photo_test_medium_mount_ext2_read_write (f->medium);
  inside = g_build_filename (f->medium->mount, "photo de Mamie.jpg", NULL);
  g_assert_true (g_file_set_contents (inside, "x", 1, NULL));
  f->media = escale_photo_media_new ();
  medium = wait_for_ours (f, TRUE);
  g_assert_nonnull (medium);

  /* A picture still being read: the medium cannot be stopped yet. */
  file = g_file_new_for_path (inside);
  stream = g_file_read (file, NULL, NULL);
  g_assert_nonnull (stream);
  g_assert_false (remove_medium (f, medium));
  g_assert_nonnull (f->error);
  g_assert_true (f->error->domain == ESCALE_PHOTO_MEDIUM_ERROR);
  g_test_message ("%s", f->error->message);
  /* A calm sentence of ours, naming nothing of the medium. */
  base = g_path_get_basename (f->medium->mount);
  g_assert_null (strstr (f->error->message, base));
  g_assert_null (strstr (f->error->message, "/dev/"));
  g_assert_null (strstr (f->error->message, "Mamie"));
  g_assert_null (strstr (f->error->message, "umount"));
  g_assert_true (g_str_has_prefix (f->error->message, "Le support n’a pas pu être arrêté"));
  g_assert_true (photo_test_medium_is_mounted (f->medium));
  g_assert_true (find_ours (f) == medium);

  /* Once the picture is closed, it goes. */
  g_assert_true (g_input_stream_close (G_INPUT_STREAM (stream), NULL, NULL));
  g_assert_true (remove_medium (f, medium));
  g_assert_false (photo_test_medium_is_mounted (f->medium));
}

int
main (int argc, char *argv[])
{
  /* GIO's own monitor, which sees what is mounted under /media. Where gvfs
   * is installed (scripts/deps.sh's run packages), its udisks2 monitor would
   * be chosen instead, and it needs udisks2 and udev on the system bus,
   * which a test machine or a container does not have. */
  g_setenv ("GIO_USE_VOLUME_MONITOR", "unix", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/escale/photo-media/kind-from-hints", test_kind_from_hints);
  g_test_add_func ("/escale/photo-media/removable-from-hints", test_removable_from_hints);
  g_test_add_func ("/escale/photo-media/labels", test_labels);
#define ADD(path, func)                                                                           \
  g_test_add ("/escale/photo-media/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("stick-appears-and-goes", test_stick_appears_and_goes);
  ADD ("remove-unmounts", test_remove_unmounts);
  ADD ("remove-busy-says-so-calmly", test_remove_busy_says_so_calmly);
#undef ADD

  return g_test_run ();
}
