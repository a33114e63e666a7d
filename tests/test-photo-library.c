/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "escale-photo-library.h"
#include "escale-scratch.h"

/* Finding a medium's pictures: what the photo grid will show, in what
 * order, and that no folder tree can hang or crash the kiosk. Plain temp
 * folders: the scan sees files through GIO the same way on a mount. */

typedef struct
{
  char *dir;
  GThread *main_thread;
  GArray *notified; /* values of n-found, in order */
  gboolean notified_off_main;
  gboolean done;
  GError *error;
  gint64 started, finished; /* monotonic, µs */
  GCancellable *cancel_at_first_notify;
  gint64 cancelled_at;
} Fixture;

/* Tens of thousands of files are made in a second in RAM (/dev/shm), in a
 * minute on this machine's disk: RAM where there is some. Empty files take
 * no room there. */
static char *
make_tmp_dir (const char *template)
{
  g_autofree char *path = NULL;

  if (access ("/dev/shm", W_OK) == 0)
    {
      path = g_build_filename ("/dev/shm", template, NULL);
      if (g_mkdtemp (path) != NULL)
        return g_steal_pointer (&path);
    }
  return g_dir_make_tmp (template, NULL);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = make_tmp_dir ("escale-photo-library-XXXXXX");
  g_assert_nonnull (f->dir);
  f->main_thread = g_thread_self ();
  f->notified = g_array_new (FALSE, FALSE, sizeof (guint));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_assert_true (escale_remove_tree (f->dir, NULL));
  g_free (f->dir);
  g_array_unref (f->notified);
  g_clear_error (&f->error);
  g_clear_object (&f->cancel_at_first_notify);
}

/* An empty file (the scan never reads them), parents made. */
static char *
touch (const char *dir, const char *relative)
{
  char *path = g_build_filename (dir, relative, NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  int fd;

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_true (g_close (fd, NULL));
  return path;
}

static void
set_mtime (const char *path, guint64 seconds)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;

  g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, seconds,
                               G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, &error);
  g_assert_no_error (error);
}

static void
n_found_cb (EscalePhotoLibrary *library, GParamSpec *pspec, Fixture *f)
{
  guint n = escale_photo_library_get_n_found (library);

  if (g_thread_self () != f->main_thread)
    f->notified_off_main = TRUE;
  g_array_append_val (f->notified, n);
  if (f->cancel_at_first_notify != NULL && n > 0 && f->cancelled_at == 0)
    {
      f->cancelled_at = g_get_monotonic_time ();
      g_cancellable_cancel (f->cancel_at_first_notify);
    }
}

static void
scanned_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Fixture *f = user_data;

  escale_photo_library_scan_finish (ESCALE_PHOTO_LIBRARY (source), result, &f->error);
  f->finished = g_get_monotonic_time ();
  f->done = TRUE;
}

/* Scans f->dir (or @root) to the end and returns the library. */
static EscalePhotoLibrary *
scan (Fixture *f, const char *root, GCancellable *cancellable)
{
  g_autoptr (GFile) file = g_file_new_for_path (root ? root : f->dir);
  EscalePhotoLibrary *library = escale_photo_library_new (file);

  g_signal_connect (library, "notify::n-found", G_CALLBACK (n_found_cb), f);
  f->done = FALSE;
  g_clear_error (&f->error);
  g_array_set_size (f->notified, 0);
  f->started = g_get_monotonic_time ();
  escale_photo_library_scan_async (library, cancellable, scanned_cb, f);
  while (!f->done)
    g_main_context_iteration (NULL, TRUE);
  return library;
}

static GFile *
photo_file (EscalePhotoLibrary *library, guint i)
{
  g_autoptr (EscalePhoto)
               photo = g_list_model_get_item (escale_photo_library_get_photos (library), i);

  return g_object_ref (escale_photo_get_file (photo));
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* The names found, sorted, joined by "|". */
static char *
found_names (EscalePhotoLibrary *library)
{
  GListModel *photos = escale_photo_library_get_photos (library);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (photos); i++)
    {
      g_autoptr (GFile) file = photo_file (library, i);

      g_ptr_array_add (names, g_file_get_basename (file));
    }
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("|", (char **) names->pdata);
}

static void
test_finds_pictures_only (Fixture *f, gconstpointer data)
{
  static const char *const files[] = {
    "a.jpg",
    "DCIM/100APPLE/B.JPG",
    "c.Jpeg",
    "d/e/f/d.png",
    "e.heic",
    "f.webp",
    "g.HEIF",
    /* Not pictures, or not the visitor's. */
    "notes.txt",
    "a.jpg.bak",
    "jpg",
    "noextension",
    ".hidden.jpg",
    "._IMG_0001.JPG",
    "DCIM/.thumbnails/t.jpg",
    "System Volume Information/s.jpg",
    "$RECYCLE.BIN/r.jpg",
    ".Trash-1000/files/x.jpg",
    "LOST.DIR/l.jpg",
  };
  g_autoptr (EscalePhotoLibrary) library = NULL;
  g_autofree char *names = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_free (touch (f->dir, files[i]));
  library = scan (f, NULL, NULL);
  g_assert_no_error (f->error);
  names = found_names (library);
  g_assert_cmpstr (names, ==, "B.JPG|a.jpg|c.Jpeg|d.png|e.heic|f.webp|g.HEIF");
  g_assert_cmpuint (escale_photo_library_get_n_found (library), ==, 7);
  g_assert_false (f->notified_off_main);
}

static void
test_newest_first (Fixture *f, gconstpointer data)
{
  /* 2024-07-14 12:00 UTC, then a day, a year... apart, in no order. */
  static const struct
  {
    const char *name;
    guint64 mtime;
  } files[] = {
    { "old/1999.jpg", 929361600 },
    { "2024-07-14.jpg", 1720958400 },
    { "deep/er/2024-07-15.png", 1721044800 },
    { "2023.webp", 1689422400 },
    { "2025.JPG", 1752494400 },
  };
  static const char *const expected[] = { "2025.JPG", "2024-07-15.png", "2024-07-14.jpg",
                                          "2023.webp", "1999.jpg" };
  g_autoptr (EscalePhotoLibrary) library = NULL;
  GListModel *photos;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = touch (f->dir, files[i].name);

      set_mtime (path, files[i].mtime);
    }
  library = scan (f, NULL, NULL);
  g_assert_no_error (f->error);
  photos = escale_photo_library_get_photos (library);
  g_assert_cmpuint (g_list_model_get_n_items (photos), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr (EscalePhoto) photo = g_list_model_get_item (photos, i);
      g_autofree char *name = g_file_get_basename (escale_photo_get_file (photo));

      g_assert_cmpstr (name, ==, expected[i]);
    }

  /* Its date is the modification time, in local time. */
  {
    g_autoptr (EscalePhoto) photo = g_list_model_get_item (photos, 2);
    GDateTime *date = escale_photo_get_date (photo);
    g_autoptr (GDateTime) expected_date = g_date_time_new_from_unix_local (1720958400);

    g_assert_nonnull (date);
    g_assert_true (g_date_time_equal (date, expected_date));
    g_assert_cmpint (g_date_time_get_utc_offset (date), ==,
                     g_date_time_get_utc_offset (expected_date));
  }
}

/* @n pictures, 100 a folder, with distinct times (one a minute). */
static void
make_many (Fixture *f, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("DCIM/%03u/IMG_%05u.JPG", i / 100, i);
      g_autofree char *path = touch (f->dir, name);

      set_mtime (path, 1600000000 + 60 * (guint64) i);
    }
}

static gboolean
is_non_decreasing (GArray *values)
{
  for (guint i = 1; i < values->len; i++)
    if (g_array_index (values, guint, i) < g_array_index (values, guint, i - 1))
      return FALSE;
  return TRUE;
}

static void
test_ten_thousand (Fixture *f, gconstpointer data)
{
  g_autoptr (EscalePhotoLibrary) library = NULL;
  g_autoptr (EscalePhoto) first = NULL;
  g_autoptr (EscalePhoto) last = NULL;
  g_autofree char *first_name = NULL;
  GListModel *photos;
  gint64 made = g_get_monotonic_time ();

  make_many (f, 10000);
  made = g_get_monotonic_time () - made;
  library = scan (f, NULL, NULL);
  g_test_message ("10,000 pictures in 100 folders: made in %" G_GINT64_FORMAT
                  " ms, scanned in %" G_GINT64_FORMAT " ms",
                  made / 1000, (f->finished - f->started) / 1000);
  g_assert_no_error (f->error);
  photos = escale_photo_library_get_photos (library);
  g_assert_cmpuint (g_list_model_get_n_items (photos), ==, 10000);
  g_assert_cmpuint (escale_photo_library_get_n_found (library), ==, 10000);
  first = g_list_model_get_item (photos, 0);
  first_name = g_file_get_basename (escale_photo_get_file (first));
  g_assert_cmpstr (first_name, ==, "IMG_09999.JPG");
  last = g_list_model_get_item (photos, 9999);
  g_assert_cmpint (g_date_time_to_unix (escale_photo_get_date (last)), ==, 1600000000);

  /* n-found was told on the main thread only, never going back, ending
   * with the count. */
  g_assert_false (f->notified_off_main);
  g_assert_cmpuint (f->notified->len, >=, 1);
  g_assert_true (is_non_decreasing (f->notified));
  g_assert_cmpuint (g_array_index (f->notified, guint, f->notified->len - 1), ==, 10000);
}

/* More than the count limit, among twice as many other files: a scan long
 * enough (a few hundred ms here) for the screen to count while it looks.
 * Made once, for the tests that need it, removed at the end. */
static char *big_dir;

static const char *
get_big_dir (void)
{
  if (big_dir != NULL)
    return big_dir;
  big_dir = make_tmp_dir ("escale-photo-library-big-XXXXXX");
  g_assert_nonnull (big_dir);
  for (guint i = 0; i < ESCALE_PHOTO_LIBRARY_MAX_PHOTOS + 500; i++)
    {
      g_autofree char *photo = g_strdup_printf ("%03u/IMG_%05u.jpg", i / 250, i);
      g_autofree char *other = g_strdup_printf ("%03u/IMG_%05u.xmp", i / 250, i);
      g_autofree char *video = g_strdup_printf ("%03u/VID_%05u.mp4", i / 250, i);

      g_free (touch (big_dir, photo));
      g_free (touch (big_dir, other));
      g_free (touch (big_dir, video));
    }
  return big_dir;
}

static void
test_count_limit_and_progress (Fixture *f, gconstpointer data)
{
  g_autoptr (EscalePhotoLibrary) library = NULL;
  guint between = 0;

  library = scan (f, get_big_dir (), NULL);
  g_test_message ("%u pictures among twice as many other files: scanned in %" G_GINT64_FORMAT
                  " ms",
                  ESCALE_PHOTO_LIBRARY_MAX_PHOTOS + 500, (f->finished - f->started) / 1000);
  g_assert_no_error (f->error);
  g_assert_cmpuint (g_list_model_get_n_items (escale_photo_library_get_photos (library)), ==,
                    ESCALE_PHOTO_LIBRARY_MAX_PHOTOS);
  g_assert_cmpuint (escale_photo_library_get_n_found (library), ==,
                    ESCALE_PHOTO_LIBRARY_MAX_PHOTOS);

  /* "142 photos trouvées…": told while looking, on the main thread. */
  g_assert_false (f->notified_off_main);
  g_assert_true (is_non_decreasing (f->notified));
  for (guint i = 0; i < f->notified->len; i++)
    if (g_array_index (f->notified, guint, i) > 0 &&
        g_array_index (f->notified, guint, i) < ESCALE_PHOTO_LIBRARY_MAX_PHOTOS)
      between++;
  g_test_message ("n-found told %u times, %u of them while scanning", f->notified->len, between);
  g_assert_cmpuint (between, >=, 1);
  g_assert_cmpuint (g_array_index (f->notified, guint, f->notified->len - 1), ==,
                    ESCALE_PHOTO_LIBRARY_MAX_PHOTOS);
}

static void
test_cancel_stops_early (Fixture *f, gconstpointer data)
{
  g_autoptr (EscalePhotoLibrary) library = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  gint64 full;

  library = scan (f, get_big_dir (), NULL);
  g_assert_no_error (f->error);
  full = f->finished - f->started;

  /* The same again, cancelled as soon as it says it found some. */
  f->cancel_at_first_notify = g_object_ref (cancellable);
  f->done = FALSE;
  f->started = g_get_monotonic_time ();
  escale_photo_library_scan_async (library, cancellable, scanned_cb, f);
  while (!f->done)
    g_main_context_iteration (NULL, TRUE);
  g_test_message ("a full scan took %" G_GINT64_FORMAT " ms; cancelled after %" G_GINT64_FORMAT
                  " ms, it ended %" G_GINT64_FORMAT " ms later",
                  full / 1000, (f->cancelled_at - f->started) / 1000,
                  (f->finished - f->cancelled_at) / 1000);
  g_assert_error (f->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (f->cancelled_at, >, 0);
  /* It stopped where it was, not at the end of the medium. */
  g_assert_cmpint (f->finished - f->cancelled_at, <, full / 2);
  /* The photos of the last whole scan stay. */
  g_assert_cmpuint (g_list_model_get_n_items (escale_photo_library_get_photos (library)), ==,
                    ESCALE_PHOTO_LIBRARY_MAX_PHOTOS);
  g_assert_cmpuint (escale_photo_library_get_n_found (library), ==,
                    ESCALE_PHOTO_LIBRARY_MAX_PHOTOS);
}

static void
test_deep_folders (Fixture *f, gconstpointer data)
{
  g_autoptr (GString) relative = g_string_new (NULL);
  g_autoptr (EscalePhotoLibrary) library = NULL;
  g_autoptr (EscalePhoto) deepest = NULL;
  g_autofree char *deepest_name = NULL;

  /* One picture at the root and one in each of 50 nested folders; the
   * deeper ones are newer, so the first found is the deepest one seen. */
  for (guint depth = 0; depth <= 50; depth++)
    {
      g_autofree char *name = g_strdup_printf ("%sdepth-%02u.jpg", relative->str, depth);
      g_autofree char *path = touch (f->dir, name);

      set_mtime (path, 1700000000 + depth);
      g_string_append (relative, "dossier/");
    }
  library = scan (f, NULL, NULL);
  g_assert_no_error (f->error);
  g_assert_cmpuint (g_list_model_get_n_items (escale_photo_library_get_photos (library)), ==,
                    ESCALE_PHOTO_LIBRARY_MAX_DEPTH + 1);
  deepest = g_list_model_get_item (escale_photo_library_get_photos (library), 0);
  deepest_name = g_file_get_basename (escale_photo_get_file (deepest));
  g_assert_cmpstr (deepest_name, ==, "depth-32.jpg");
}

static void
symlink_or_fail (const char *target, const char *dir, const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  if (symlink (target, path) != 0)
    g_error ("symlink: %s", g_strerror (errno));
}

static void
test_symlink_loop (Fixture *f, gconstpointer data)
{
  g_autofree char *inner = g_build_filename (f->dir, "a", "b", NULL);
  g_autoptr (EscalePhotoLibrary) library = NULL;
  g_autofree char *names = NULL;

  g_free (touch (f->dir, "a/b/photo.jpg"));
  symlink_or_fail ("..", inner, "up");              /* a/b/up -> a: a loop */
  symlink_or_fail (".", inner, "here");             /* a/b/here -> a/b */
  symlink_or_fail (f->dir, inner, "root");          /* back to the top */
  symlink_or_fail ("photo.jpg", inner, "link.jpg"); /* a picture, by a link */
  symlink_or_fail ("/etc", f->dir, "etc");          /* out of the medium */
  library = scan (f, NULL, NULL);
  g_assert_no_error (f->error);
  names = found_names (library);
  g_assert_cmpstr (names, ==, "photo.jpg");
}

static void
test_invalid_utf8_names (Fixture *f, gconstpointer data)
{
  /* Latin-1 names from an old camera or Windows: not UTF-8. */
  static const char *const files[] = {
    "\xc9t\xe9 \xe0 la mer.jpg",
    "vacances \xff\xfe/No\xebl.PNG",
    "\xc3\x28/\x80.jpeg",
  };
  g_autoptr (EscalePhotoLibrary) library = NULL;
  g_autoptr (GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
  GListModel *photos;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_assert_false (g_utf8_validate (files[i], -1, NULL));
      g_ptr_array_add (expected, touch (f->dir, files[i]));
    }
  g_free (touch (f->dir, "\xff.txt"));
  library = scan (f, NULL, NULL);
  g_assert_no_error (f->error);
  photos = escale_photo_library_get_photos (library);
  g_assert_cmpuint (g_list_model_get_n_items (photos), ==, G_N_ELEMENTS (files));
  /* Each one's GFile is the very file, bytes and all. */
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr (GFile) file = photo_file (library, i);
      g_autofree char *path = g_file_get_path (file);
      guint index;

      g_assert_true (g_ptr_array_find_with_equal_func (expected, path, g_str_equal, &index));
      g_assert_true (g_file_query_exists (file, NULL));
    }
}

static void
test_unreadable_root (Fixture *f, gconstpointer data)
{
  g_autofree char *gone = g_build_filename (f->dir, "Vacances de Mamie", NULL);
  g_autoptr (EscalePhotoLibrary) library = NULL;

  library = scan (f, gone, NULL);
  g_assert_error (f->error, ESCALE_PHOTO_LIBRARY_ERROR, ESCALE_PHOTO_LIBRARY_ERROR_UNREADABLE);
  g_assert_cmpstr (f->error->message, ==, "Les photos de ce support ne peuvent pas être lues.");
  g_assert_cmpuint (g_list_model_get_n_items (escale_photo_library_get_photos (library)), ==, 0);
}

static void
test_month_label (void)
{
  g_autoptr (GDateTime) july = g_date_time_new_local (2024, 7, 14, 12, 0, 0);
  g_autoptr (GDateTime) august = g_date_time_new_local (2023, 8, 1, 0, 0, 0);
  g_autoptr (GDateTime) december = g_date_time_new_local (1999, 12, 31, 23, 59, 59);
  g_autofree char *july_label = escale_photo_month_label (july);
  g_autofree char *august_label = escale_photo_month_label (august);
  g_autofree char *december_label = escale_photo_month_label (december);
  g_autofree char *unknown_label = escale_photo_month_label (NULL);

  /* The tests run with LC_ALL=C.UTF-8: strftime would say "July". */
  g_assert_cmpstr (july_label, ==, "Juillet 2024");
  g_assert_cmpstr (august_label, ==, "Août 2023");
  g_assert_cmpstr (december_label, ==, "Décembre 1999");
  g_assert_cmpstr (unknown_label, ==, "Date inconnue");
}

int
main (int argc, char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func)                                                                           \
  g_test_add ("/escale/photo-library/" path, Fixture, NULL, fixture_set_up, func,                 \
              fixture_tear_down)
  ADD ("finds-pictures-only", test_finds_pictures_only);
  ADD ("newest-first", test_newest_first);
  ADD ("ten-thousand", test_ten_thousand);
  ADD ("count-limit-and-progress", test_count_limit_and_progress);
  ADD ("cancel-stops-early", test_cancel_stops_early);
  ADD ("deep-folders", test_deep_folders);
  ADD ("symlink-loop", test_symlink_loop);
  ADD ("invalid-utf8-names", test_invalid_utf8_names);
  ADD ("unreadable-root", test_unreadable_root);
  g_test_add_func ("/escale/photo-library/month-label-in-french", test_month_label);
#undef ADD

  status = g_test_run ();
  if (big_dir != NULL)
    g_assert_true (escale_remove_tree (big_dir, NULL));
  g_free (big_dir);
  return status;
}
