/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <unistd.h>

#include "escale-activity-page.h"
#include "escale-home-page.h"
#include "escale-photos-view.h"
#include "escale-test-util.h"
#include "photo-test-medium.h"
#include "photo-test-pictures.h"
#include "photos-test-widgets.h"
#include "print-lab.h"

/* "Mes photos" in the whole kiosk, with a stick really plugged in: a FAT
 * image with pictures made here, mounted under /media while the real
 * application runs (tests/photo-test-medium.c; root, as in CI). The
 * pictures are decoded by the real sandboxed helper (ESCALE_PHOTO_HELPER,
 * the build tree's). What the person sees, what the visit's record counts,
 * and that nothing of the photos outlives the visit. */

static PrintLab *lab; /* started by the print test only */

typedef struct
{
  char *dir;
  char *config_dir;
  PhotoTestMedium *medium;
  EscaleTestKiosk k;
  EscaleSessionRecord *record;
  EscalePhotosView *view; /* weak */
} Fixture;

/* The pictures on the stick, newest first as the grid shows them: three
 * of July 2024, two of March 2023 (their modification times). One colour
 * each, but the second: a phone's portrait, stored on its side with EXIF
 * orientation 6, four coloured quarters (tests/photo-test-pictures.c). */
static const struct
{
  const char *path;
  int width, height; /* as seen, upright */
  guint32 rgba;      /* 0: the quarters */
  int year, month, day;
} pictures[] = {
  { "DCIM/100PHOTO/IMG_0005.JPG", 640, 480, 0xd02020ff, 2024, 7, 20 },
  { "DCIM/100PHOTO/IMG_0004.JPG", 480, 640, 0, 2024, 7, 14 },
  { "Vacances/plage.jpg", 800, 400, 0x2020d0ff, 2024, 7, 2 },
  { "Vacances/vieux/mamie.png", 300, 300, 0xd0d020ff, 2023, 3, 28 },
  { "Vacances/vieux/papi.jpg", 320, 240, 0x20d0d0ff, 2023, 3, 5 },
};

static GBytes *
make_picture (guint i)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, pictures[i].width,
                                                 pictures[i].height);
  g_autoptr(GError) error = NULL;
  char *buffer = NULL;
  gsize size = 0;

  if (pictures[i].rgba == 0)
    {
      g_autoptr(GdkPixbuf)
                   upright = photo_test_quadrants (pictures[i].width, pictures[i].height, FALSE);
      g_autoptr(GdkPixbuf) stored = photo_test_stored_for_orientation (upright, 6);

      return photo_test_jpeg (stored, 6);
    }
  gdk_pixbuf_fill (pixbuf, pictures[i].rgba);
  g_assert_true (
    gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size,
                               g_str_has_suffix (pictures[i].path, ".png") ? "png" : "jpeg",
                               &error, NULL));
  g_assert_no_error (error);
  return g_bytes_new_take (buffer, size);
}

static void
write_photos_ini (Fixture *f, const char *photos_keys)
{
  g_autofree char *path = g_build_filename (f->config_dir, "activities", "20-photos.ini", NULL);
  g_autofree char *text = g_strdup_printf ("[Activity]\n"
                                           "id=photos\n"
                                           "title=Mes photos\n"
                                           "icon=photos\n"
                                           "kind=photos\n"
                                           "order=20\n"
                                           "\n"
                                           "[Photos]\n"
                                           "%s\n"
                                           "[Guide]\n"
                                           "step-1=Branchez votre clé USB.\n"
                                           "step-2=Touchez une photo.\n",
                                           photos_keys);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *demo = escale_test_demo_config ();
  g_autofree char *command = NULL;

  if (getuid () != 0)
    return;
  f->dir = g_dir_make_tmp ("escale-photos-visit-XXXXXX", NULL);
  f->config_dir = g_build_filename (f->dir, "config", NULL);
  command = g_strdup_printf ("cp -r '%s' '%s'", demo, f->config_dir);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
  write_photos_ini (f, data != NULL ? data : "");
  f->medium = photo_test_medium_new ();
  for (guint i = 0; i < G_N_ELEMENTS (pictures); i++)
    {
      g_autoptr(GBytes) bytes = make_picture (i);
      g_autoptr(GDateTime) date = g_date_time_new_local (pictures[i].year, pictures[i].month,
                                                          pictures[i].day, 12, 0, 0);

      photo_test_medium_put (f->medium, pictures[i].path, bytes, g_date_time_to_unix (date));
    }
  photo_test_medium_make_fat (f->medium, "GRANDFILS");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (f->dir == NULL)
    return;
  g_clear_pointer (&f->record, escale_session_record_free);
  if (f->k.window != NULL)
    escale_test_kiosk_clear (&f->k);
  g_clear_pointer (&f->medium, photo_test_medium_free);
  g_assert_true (escale_remove_tree (f->dir, NULL));
  g_free (f->config_dir);
  g_free (f->dir);
}

static void
ended_cb (EscaleSession *session, EscaleSessionRecord *record, Fixture *f)
{
  g_clear_pointer (&f->record, escale_session_record_free);
  f->record = escale_session_record_copy (record);
}

static void
kiosk_init (Fixture *f)
{
  escale_test_kiosk_init (&f->k, f->config_dir, FALSE);
  g_signal_connect (escale_kiosk_get_session (f->k.kiosk), "ended", G_CALLBACK (ended_cb), f);
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.start", NULL);
}

/* Touches "Mes photos" on the home screen. */
static EscalePhotosView *
open_photos (Fixture *f)
{
  GtkWidget *home = escale_window_get_home_page (f->k.window);
  GtkWidget *button = escale_home_page_get_button (ESCALE_HOME_PAGE (home), "photos");
  GtkWidget *page;
  GtkWidget *content;

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  page = escale_window_get_activity_page (f->k.window);
  g_assert_nonnull (page);
  content = escale_activity_page_get_content (ESCALE_ACTIVITY_PAGE (page));
  g_assert_true (ESCALE_IS_PHOTOS_VIEW (content));
  f->view = ESCALE_PHOTOS_VIEW (content);
  g_object_add_weak_pointer (G_OBJECT (f->view), (gpointer *) &f->view);
  return f->view;
}

typedef struct
{
  Fixture *f;
  const char *screen;
} ScreenWait;

static gboolean
screen_is (gpointer data)
{
  ScreenWait *wait = data;

  return wait->f->view != NULL &&
         g_strcmp0 (escale_photos_view_get_screen (wait->f->view), wait->screen) == 0;
}

static void
wait_for_screen (Fixture *f, const char *screen)
{
  ScreenWait wait = { f, screen };

  escale_test_wait_until (screen_is, &wait, 20000);
  escale_test_drain ();
}

typedef struct
{
  GtkWidget *root;
  const char *text;
} LabelWait;

static gboolean
label_shown (gpointer data)
{
  LabelWait *wait = data;

  return photos_test_shows_label (wait->root, wait->text);
}

/* Waits (20 s at most) for a label @text under @root, then asserts it. */
static void
assert_label_comes (GtkWidget *root, const char *text)
{
  LabelWait wait = { root, text };

  escale_test_wait_until (label_shown, &wait, 20000);
  g_assert_true (photos_test_shows_label (root, text));
}

static GdkTexture *
shown_texture (Fixture *f)
{
  EscalePhotoViewer *viewer = escale_photos_view_get_viewer (f->view);

  return escale_photo_canvas_get_texture (escale_photo_viewer_get_canvas (viewer));
}

static gboolean
photo_shown (gpointer data)
{
  return shown_texture (data) != NULL;
}

static gboolean
all_thumbnails (gpointer data)
{
  Fixture *f = data;

  return escale_photo_grid_get_n_thumbnails (escale_photos_view_get_grid (f->view)) ==
         G_N_ELEMENTS (pictures);
}

/* Every thumbnail decoded by the helper: the grid asks only for those on
 * screen (or nearly), so it is scrolled down as a person would. */
static void
wait_for_all_thumbnails (Fixture *f)
{
  EscalePhotoGrid *grid = escale_photos_view_get_grid (f->view);

  for (guint i = 0; i < 150 && !all_thumbnails (f); i++)
    {
      escale_photo_grid_scroll (grid, 1);
      escale_test_spin (200);
    }
  g_assert_true (all_thumbnails (f));
  while (escale_photo_grid_scroll (grid, -1))
    escale_test_spin (100);
}

/* The pixel of @texture at (@fx, @fy) of its width and height, 0xRRGGBB. */
static guint32
colour_at (GdkTexture *texture, double fx, double fy)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guchar *pixels = g_malloc ((gsize) width * height * 4);
  const guchar *p;

  gdk_texture_download (texture, pixels, (gsize) width * 4);
  p = pixels + ((gsize) (height * fy) * width + (gsize) (width * fx)) * 4; /* B G R A */
  return (guint32) p[2] << 16 | (guint32) p[1] << 8 | p[0];
}

static void
assert_colour_near (guint32 colour, const guint8 rgb[3])
{
  for (int c = 0; c < 3; c++)
    g_assert_cmpint (ABS ((int) ((colour >> (16 - 8 * c)) & 0xff) - rgb[c]), <=, 16);
}

/* Photo @index as a person should see it: its size, its colour, upright. */
static void
assert_shows_picture (GdkTexture *texture, guint index)
{
  guint32 rgba = pictures[index].rgba;

  g_assert_cmpint (gdk_texture_get_width (texture), ==, pictures[index].width);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, pictures[index].height);
  if (rgba != 0)
    {
      const guint8 rgb[3] = { rgba >> 24, (rgba >> 16) & 0xff, (rgba >> 8) & 0xff };

      assert_colour_near (colour_at (texture, 0.5, 0.5), rgb);
      return;
    }
  assert_colour_near (colour_at (texture, 0.25, 0.25), photo_test_colours[PHOTO_TEST_RED]);
  assert_colour_near (colour_at (texture, 0.75, 0.25), photo_test_colours[PHOTO_TEST_GREEN]);
  assert_colour_near (colour_at (texture, 0.25, 0.75), photo_test_colours[PHOTO_TEST_BLUE]);
  assert_colour_near (colour_at (texture, 0.75, 0.75), photo_test_colours[PHOTO_TEST_YELLOW]);
}

/* The photo @index, shown large after the real helper decoded it. */
static GdkTexture *
open_photo (Fixture *f, guint index)
{
  GtkWidget *tile =
    photos_test_find_tile (GTK_WIDGET (escale_photos_view_get_grid (f->view)), index);
  GdkTexture *texture;

  g_assert_nonnull (tile);
  g_signal_emit_by_name (tile, "clicked");
  wait_for_screen (f, "viewer");
  escale_test_wait_until (photo_shown, f, 20000);
  texture = shown_texture (f);
  assert_shows_picture (texture, index);
  return texture;
}

/* The first picture shown under @root: a thumbnail in the grid, the
 * drawing of the ports. */
static GdkTexture *
find_picture (GtkWidget *root)
{
  if (GTK_IS_PICTURE (root) && GDK_IS_TEXTURE (gtk_picture_get_paintable (GTK_PICTURE (root))))
    return GDK_TEXTURE (gtk_picture_get_paintable (GTK_PICTURE (root)));
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GdkTexture *found = find_picture (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* "J'ai fini": the goodbye screen (reminding of the stick or not), then
 * the welcome screen; the record is in f->record. */
static void
finish_visit (Fixture *f, gboolean reminded)
{
  GtkWidget *window = GTK_WIDGET (f->k.window);

  escale_kiosk_set_goodbye_delay_ms (f->k.kiosk, 1000);
  gtk_widget_activate_action (window, "win.finish", NULL);
  escale_test_spin (100);
  g_assert_true (escale_test_kiosk_saying_goodbye (&f->k));
  g_assert_true (photos_test_shows_label (window, "Tout est effacé. Merci et à bientôt !"));
  g_assert_cmpint (photos_test_shows_label (window, "N'oubliez pas votre clé !"), ==, reminded);
  escale_test_wait_until (escale_test_kiosk_back_to_welcome, &f->k, 5000);
  g_assert_nonnull (f->record);
}

/* Nothing of the visit's files is left in the runtime folder. */
static void
assert_no_files_under (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_assert_true (g_file_test (child, G_FILE_TEST_IS_DIR));
      assert_no_files_under (child);
    }
}

/* "Juillet 2024 — 3 photos": the header of the month of picture @i. */
static char *
month_header (guint i, guint n_photos)
{
  static const char *const months[] = { "Janvier",   "Février", "Mars",     "Avril",
                                        "Mai",       "Juin",    "Juillet",  "Août",
                                        "Septembre", "Octobre", "Novembre", "Décembre" };
  int month = pictures[i].month + (photo_test_medium_fat_through_fuse () ? 1 : 0);

  return g_strdup_printf ("%s %d — %u photos", months[month - 1], pictures[i].year, n_photos);
}

/* The guide panel's step that stands out. */
static guint
guide_step (Fixture *f)
{
  return escale_activity_view_get_guide_step (ESCALE_ACTIVITY_VIEW (f->view));
}

static int
count_of (Fixture *f, const char *counter)
{
  return escale_session_record_get_count (f->record, "photos", counter);
}

/* The stick is plugged in while "Mes photos" waits: it is opened, its
 * photos shown by month, one large, then "Retirer ma clé" unmounts it. */
static void
test_stick_to_photo_and_remove (Fixture *f, gconstpointer data)
{
  GtkWidget *view;
  GtkWidget *grid;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *july = NULL;
  g_autofree char *march = NULL;

  if (!photo_test_medium_need_root ())
    return;
  kiosk_init (f);
  view = GTK_WIDGET (open_photos (f));
  g_assert_cmpstr (escale_photos_view_get_screen (f->view), ==, "waiting");
  g_assert_true (
    photos_test_shows_label (view, "Branchez votre clé, votre carte ou votre téléphone"));
  g_assert_cmpuint (guide_step (f), ==, 1);
  /* The drawing of where to plug it in. */
  g_assert_nonnull (find_picture (view));

  photo_test_medium_mount_fat_read_only (f->medium);
  wait_for_screen (f, "grid");
  grid = GTK_WIDGET (escale_photos_view_get_grid (f->view));
  g_assert_true (photos_test_shows_label (view, "Vos photos : 5 photos"));
  /* Newest first, by month, whatever their folders. */
  july = month_header (0, 3);
  march = month_header (3, 2);
  assert_label_comes (grid, july);
  /* The second month, further down ("Voir plus bas"). */
  for (guint i = 0; i < 10 && !photos_test_shows_label (grid, march); i++)
    {
      escale_photo_grid_scroll (ESCALE_PHOTO_GRID (grid), 1);
      escale_test_spin (200);
    }
  g_assert_true (photos_test_shows_label (grid, march));
  while (escale_photo_grid_scroll (ESCALE_PHOTO_GRID (grid), -1))
    escale_test_spin (100);
  wait_for_all_thumbnails (f);
  g_assert_nonnull (find_picture (grid));
  g_assert_cmpuint (guide_step (f), ==, 2);

  /* The newest photo, large; then the next one. */
  /* Held, so the next photo's texture cannot reuse its address. */
  texture = g_object_ref (open_photo (f, 0));
  g_assert_true (photos_test_is_drawable (view, "Imprimer cette photo"));
  g_assert_cmpuint (guide_step (f), ==, 3);
  photos_test_click (view, "Suivante");
  escale_test_wait_until (photo_shown, f, 20000);
  g_assert_true (shown_texture (f) != texture);
  /* The phone's portrait, upright. */
  assert_shows_picture (shown_texture (f), 1);

  /* Back to all of them, and the stick taken back safely. */
  photos_test_click (view, "Toutes mes photos");
  wait_for_screen (f, "grid");
  photos_test_click (view, "Retirer ma clé");
  assert_label_comes (view, "Vous pouvez retirer votre clé.");
  g_assert_cmpstr (escale_photos_view_get_screen (f->view), ==, "message");
  g_assert_cmpstr (escale_photos_view_get_message (f->view), ==, "Vous pouvez retirer votre clé.");
  g_assert_false (photo_test_medium_is_mounted (f->medium));
  g_assert_cmpuint (guide_step (f), ==, 5);

  /* Nothing to remind of: the stick was taken back. */
  finish_visit (f, FALSE);
  g_assert_cmpint (count_of (f, "media-opened"), ==, 1);
  g_assert_cmpint (count_of (f, "photos-viewed"), ==, 2);
  g_assert_cmpint (count_of (f, "pages-printed"), ==, 0);
}

/* The visit ends during a slideshow with the stick still in: the goodbye
 * reminds of it, and nothing of the photos remains in Escale, in memory or
 * on disk, even while something still holds the view (the visit's wiper
 * "photos" does it, not the view's dispose). */
static void
test_visit_ends_on_a_photo (Fixture *f, gconstpointer data)
{
  g_autofree char *runtime = NULL;
  EscalePhotosView *held;
  GdkTexture *shown;
  GdkTexture *thumbnail;

  if (!photo_test_medium_need_root ())
    return;
  /* Already plugged in when the person opens "Mes photos". */
  photo_test_medium_mount_fat_read_only (f->medium);
  kiosk_init (f);
  runtime = g_build_filename (f->k.dir, "runtime", NULL);
  open_photos (f);
  wait_for_screen (f, "grid");
  wait_for_all_thumbnails (f);
  thumbnail = find_picture (GTK_WIDGET (escale_photos_view_get_grid (f->view)));
  g_assert_nonnull (thumbnail);
  g_object_add_weak_pointer (G_OBJECT (thumbnail), (gpointer *) &thumbnail);
  shown = open_photo (f, 2);
  g_object_add_weak_pointer (G_OBJECT (shown), (gpointer *) &shown);
  /* The slideshow holds the countdown; its first step is seconds away. */
  escale_photo_viewer_start_slideshow (escale_photos_view_get_viewer (f->view));
  g_assert_true (escale_activity_view_get_holding (ESCALE_ACTIVITY_VIEW (f->view)));
  held = g_object_ref (f->view);

  finish_visit (f, TRUE);
  g_assert_cmpint (count_of (f, "media-opened"), ==, 1);
  g_assert_cmpint (count_of (f, "photos-viewed"), ==, 1);
  escale_test_drain ();
  /* The photo shown and the thumbnails are gone from memory. */
  g_assert_null (shown);
  g_assert_null (thumbnail);
  g_assert_cmpuint (escale_photo_grid_get_n_thumbnails (escale_photos_view_get_grid (held)), ==,
                    0);
  /* The slideshow stopped: nothing holds the next visit's countdown. */
  g_assert_false (escale_photo_viewer_get_slideshow (escale_photos_view_get_viewer (held)));
  g_assert_false (escale_activity_view_get_holding (ESCALE_ACTIVITY_VIEW (held)));
  g_assert_finalize_object (held);
  g_assert_null (f->view);
  assert_no_files_under (runtime);
  /* Never written to: still the stick it was. */
  g_assert_true (photo_test_medium_is_mounted (f->medium));
}

/* Pulled out while a photo is shown: a calm sentence, then the first
 * screen; nothing of it kept, the kiosk goes on. */
static void
test_pulled_out_while_shown (Fixture *f, gconstpointer data)
{
  GtkWidget *view;
  GdkTexture *shown;

  if (!photo_test_medium_need_root ())
    return;
  kiosk_init (f);
  view = GTK_WIDGET (open_photos (f));
  photo_test_medium_mount_fat_read_only (f->medium);
  wait_for_screen (f, "grid");
  shown = open_photo (f, 1);
  g_object_add_weak_pointer (G_OBJECT (shown), (gpointer *) &shown);

  photo_test_medium_pull_out (f->medium);
  wait_for_screen (f, "message");
  g_assert_cmpstr (escale_photos_view_get_message (f->view), ==, "Votre clé a été retirée.");
  g_assert_true (photos_test_shows_label (view, "Votre clé a été retirée."));
  escale_test_drain ();
  g_assert_null (shown);
  g_assert_false (escale_session_is_held (escale_kiosk_get_session (f->k.kiosk)));
  photos_test_click (view, "D'accord");
  g_assert_cmpstr (escale_photos_view_get_screen (f->view), ==, "waiting");
  g_assert_cmpuint (guide_step (f), ==, 1);

  finish_visit (f, FALSE);
  g_assert_cmpint (count_of (f, "media-opened"), ==, 1);
  g_assert_cmpint (count_of (f, "photos-viewed"), ==, 1);
}

/* [Photos] print=false: no "Imprimer cette photo" anywhere. */
static void
test_print_off (Fixture *f, gconstpointer data)
{
  GtkWidget *view;

  if (!photo_test_medium_need_root ())
    return;
  photo_test_medium_mount_fat_read_only (f->medium);
  kiosk_init (f);
  view = GTK_WIDGET (open_photos (f));
  wait_for_screen (f, "grid");
  open_photo (f, 0);
  g_assert_true (photos_test_is_drawable (view, "Suivante"));
  g_assert_false (photos_test_is_drawable (view, "Imprimer cette photo"));
  photos_test_click (view, "Suivante");
  g_assert_false (photos_test_is_drawable (view, "Imprimer cette photo"));
}

static gboolean
printed (gpointer data)
{
  Fixture *f = data;
  EscalePhotoViewer *viewer = escale_photos_view_get_viewer (f->view);

  /* The message with its button: the print's outcome, not "La photo part…". */
  return g_strcmp0 (escale_photo_viewer_get_screen (viewer), "message") == 0 &&
         photos_test_is_drawable (GTK_WIDGET (viewer), "Revenir à la photo");
}

/* [Photos] max-prints=1: one page printed (a real CUPS, tests/print-lab.c),
 * then "Imprimer cette photo" goes for the rest of the visit. */
static void
test_max_prints_reached (Fixture *f, gconstpointer data)
{
  GtkWidget *view;
  g_autofree char *pdf = NULL;

  if (!photo_test_medium_need_root ())
    return;
  print_lab_start (lab);
  print_lab_add_queue (lab, "Accueil");
  photo_test_medium_mount_fat_read_only (f->medium);
  kiosk_init (f);
  view = GTK_WIDGET (open_photos (f));
  wait_for_screen (f, "grid");
  open_photo (f, 0);
  photos_test_click (view, "Imprimer cette photo");
  g_assert_true (photos_test_shows_label (view, "1 page en couleur."));
  g_assert_cmpuint (guide_step (f), ==, 4);
  photos_test_click (view, "Imprimer");
  escale_test_wait_until (printed, f, 30000);
  g_assert_true (photos_test_shows_label (view, "La photo est imprimée."));
  pdf = print_lab_wait_for_pdf (lab, "Accueil");
  g_assert_nonnull (pdf);
  photos_test_click (view, "Revenir à la photo");
  g_assert_false (photos_test_is_drawable (view, "Imprimer cette photo"));
  photos_test_click (view, "Suivante");
  escale_test_wait_until (photo_shown, f, 20000);
  g_assert_false (photos_test_is_drawable (view, "Imprimer cette photo"));

  finish_visit (f, TRUE);
  g_assert_cmpint (count_of (f, "pages-printed"), ==, 1);
  g_assert_cmpuint (print_lab_count_pdfs (lab, "Accueil"), ==, 1);
}

int
main (int argc, char **argv)
{
  g_autoptr(PrintLab) owned_lab = NULL;

  /* GIO's own volume monitor, which sees mounts under /media (gvfs's would
   * want udisks2 on a system bus), and the lab's CUPS, before GTK. */
  g_setenv ("GIO_USE_VOLUME_MONITOR", "unix", TRUE);
  g_log_set_writer_func (print_lab_log_writer_cb, NULL, NULL);
  owned_lab = lab = print_lab_new ();
  g_setenv ("CUPS_SERVER", print_lab_get_socket (lab), TRUE);
  gtk_test_init (&argc, &argv, NULL);
  escale_test_tolerate_list_scroll_warning ();

#define ADD(path, keys, func)                                                                     \
  g_test_add ("/escale/photos-visit/" path, Fixture, keys, fixture_set_up, func, fixture_tear_down)
  ADD ("stick-to-photo-and-remove", NULL, test_stick_to_photo_and_remove);
  ADD ("visit-ends-on-a-photo", NULL, test_visit_ends_on_a_photo);
  ADD ("pulled-out-while-shown", NULL, test_pulled_out_while_shown);
  ADD ("print-off", "print=false\n", test_print_off);
  ADD ("max-prints-reached", "max-prints=1\nprinter=Accueil\n", test_max_prints_reached);
#undef ADD
  return g_test_run ();
}
