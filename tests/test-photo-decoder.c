/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The photo decoder with its real helper (ESCALE_PHOTO_HELPER, the build
 * tree's), in its real sandbox: pictures made here, upright whatever the
 * camera's EXIF says, bad files refused calmly, bombs refused at once,
 * a helper that hangs killed, two helpers at most. */
#include <gtk/gtk.h>
#include <glib/gstdio.h>

#include "escale-photo-decoder-private.h"
#include "photo-test-pictures.h"

typedef struct
{
  char *dir;
} Fixture;

typedef struct
{
  gboolean done;
  GdkTexture *texture;
  GError *error;
  gint64 elapsed_us;
} Decode;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("escale-photo-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (f->dir), ==, 0);
  g_free (f->dir);
}

static char *
fixture_path (Fixture *f, const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static void
decoded_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  Decode *d = user_data;

  d->texture =
    escale_photo_decoder_decode_finish (ESCALE_PHOTO_DECODER (object), result, &d->error);
  d->done = TRUE;
}

static void
decode_start (EscalePhotoDecoder *decoder, const char *path, guint max_size,
              GCancellable *cancellable, Decode *d)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  escale_photo_decoder_decode_async (decoder, file, max_size, cancellable, decoded_cb, d);
}

static gboolean
set_true_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
decode_wait_at_most (Decode *d, guint seconds)
{
  gboolean late = FALSE;
  guint id = g_timeout_add_seconds (seconds, set_true_cb, &late);

  while (!d->done && !late)
    g_main_context_iteration (NULL, TRUE);
  if (!late)
    g_source_remove (id);
  if (!d->done)
    g_error ("The decoder gave no answer within %u s", seconds);
}

static void
decode_wait (Decode *d)
{
  decode_wait_at_most (d, 60);
}

static void
decode_clear (Decode *d)
{
  g_clear_object (&d->texture);
  g_clear_error (&d->error);
  d->done = FALSE;
}

/* Decodes with a fresh real decoder; the caller clears @d. */
static void
decode (const char *path, guint max_size, Decode *d)
{
  g_autoptr(EscalePhotoDecoder) decoder = escale_photo_decoder_new ();
  gint64 start = g_get_monotonic_time ();

  decode_start (decoder, path, max_size, NULL, d);
  decode_wait (d);
  d->elapsed_us = g_get_monotonic_time () - start;
}

static void
assert_decode_error (const char *path, EscalePhotoError code)
{
  Decode d = { 0 };

  decode (path, 256, &d);
  g_assert_null (d.texture);
  g_assert_error (d.error, ESCALE_PHOTO_ERROR, (int) code);
  decode_clear (&d);
}

/* The colour a person sees at (x, y). */
static void
texture_rgb (GdkTexture *texture, int x, int y, guint8 rgb[3])
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guchar *data = g_malloc ((gsize) width * height * 4);
  const guchar *p;

  gdk_texture_download (texture, data, (gsize) width * 4);
  p = data + ((gsize) y * width + x) * 4; /* cairo's ARGB32: B, G, R, A here */
  rgb[0] = p[2], rgb[1] = p[1], rgb[2] = p[0];
}

static void
assert_colour_at (GdkTexture *texture, int x, int y, PhotoTestColour colour)
{
  const guint8 *want = photo_test_colours[colour];
  guint8 rgb[3];

  texture_rgb (texture, x, y, rgb);
  for (int i = 0; i < 3; i++)
    if (ABS ((int) rgb[i] - (int) want[i]) > 60)
      g_error ("At %d,%d: %u,%u,%u where %u,%u,%u was expected", x, y, rgb[0], rgb[1], rgb[2],
               want[0], want[1], want[2]);
}

static void
assert_quadrants (GdkTexture *texture, int width, int height)
{
  g_assert_cmpint (gdk_texture_get_width (texture), ==, width);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, height);
  assert_colour_at (texture, width / 4, height / 4, PHOTO_TEST_RED);
  assert_colour_at (texture, 3 * width / 4, height / 4, PHOTO_TEST_GREEN);
  assert_colour_at (texture, width / 4, 3 * height / 4, PHOTO_TEST_BLUE);
  assert_colour_at (texture, 3 * width / 4, 3 * height / 4, PHOTO_TEST_YELLOW);
}

static void
test_orientation_upright (Fixture *f, gconstpointer data)
{
  /* Portrait, as a phone held upright takes it. */
  g_autoptr(GdkPixbuf) upright = photo_test_quadrants (48, 64, FALSE);

  for (int orientation = 1; orientation <= 8; orientation++)
    {
      g_autoptr(GdkPixbuf) stored = photo_test_stored_for_orientation (upright, orientation);
      g_autoptr(GBytes) jpeg = photo_test_jpeg (stored, orientation);
      g_autofree char *name = g_strdup_printf ("orientation-%d.jpg", orientation);
      g_autofree char *path = fixture_path (f, name);
      Decode d = { 0 };

      g_test_message ("EXIF orientation %d", orientation);
      photo_test_write (path, jpeg);
      decode (path, 0, &d);
      g_assert_no_error (d.error);
      assert_quadrants (d.texture, 48, 64);
      decode_clear (&d);

      /* Scaled while decoding, still upright. */
      decode (path, 32, &d);
      g_assert_no_error (d.error);
      assert_quadrants (d.texture, 24, 32);
      decode_clear (&d);
    }
}

static void
test_png_with_alpha (Fixture *f, gconstpointer data)
{
  g_autoptr(GdkPixbuf) pixbuf = photo_test_quadrants (40, 30, TRUE);
  g_autofree char *path = fixture_path (f, "logo.png");
  g_autoptr(GError) error = NULL;
  guint8 rgb[3];
  Decode d = { 0 };

  /* The top left corner is see-through. */
  memset (gdk_pixbuf_get_pixels (pixbuf), 0, 4);
  gdk_pixbuf_save (pixbuf, path, "png", &error, NULL);
  g_assert_no_error (error);
  decode (path, 0, &d);
  g_assert_no_error (d.error);
  assert_quadrants (d.texture, 40, 30);
  texture_rgb (d.texture, 0, 0, rgb);
  g_assert_cmpuint (rgb[0], ==, 0); /* premultiplied by alpha 0 */
  decode_clear (&d);
}

static void
test_unreadable (Fixture *f, gconstpointer data)
{
  g_autoptr(GdkPixbuf) pixbuf = photo_test_quadrants (200, 150, FALSE);
  g_autoptr(GBytes) jpeg = photo_test_jpeg (pixbuf, 1);
  gsize size = g_bytes_get_size (jpeg);
  g_autoptr(GBytes) truncated = g_bytes_new_from_bytes (jpeg, 0, size / 2);
  g_autofree char *png = NULL;
  gsize png_size = 0;
  g_autoptr(GBytes) truncated_png = NULL;
  g_autofree guint8 *scrambled = g_memdup2 (g_bytes_get_data (jpeg, NULL), size);
  g_autoptr(GBytes) corrupt = NULL;
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) text = g_bytes_new_static ("Liste des courses\n", 18);
  const struct
  {
    const char *name;
    GBytes *bytes;
  } cases[] = {
    { "empty.jpg", empty },  { "text.jpg", text },      { "truncated.jpg", truncated },
    { "corrupt.jpg", NULL }, { "truncated.png", NULL },
  };

  /* Everything after the markers' start turned to noise. */
  for (gsize i = 40; i < size; i++)
    scrambled[i] = (guint8) (i * 131u);
  corrupt = g_bytes_new_static (scrambled, size);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &png, &png_size, "png", NULL, NULL));
  truncated_png = g_bytes_new_static (png, png_size * 2 / 3);

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = fixture_path (f, cases[i].name);

      g_test_message ("%s", cases[i].name);
      photo_test_write (path, cases[i].bytes                             ? cases[i].bytes
                              : g_str_has_suffix (cases[i].name, ".png") ? truncated_png
                                                                         : corrupt);
      assert_decode_error (path, ESCALE_PHOTO_ERROR_UNREADABLE);
    }

  {
    g_autofree char *missing = fixture_path (f, "gone.jpg");

    assert_decode_error (missing, ESCALE_PHOTO_ERROR_UNREADABLE);
  }
}

static void
test_bomb_refused_fast (Fixture *f, gconstpointer data)
{
  g_autoptr(GBytes) bomb = photo_test_png_bomb (50000, 50000);
  g_autofree char *path = fixture_path (f, "bomb.png");
  Decode d = { 0 };

  g_assert_cmpuint (g_bytes_get_size (bomb), <, 2048);
  photo_test_write (path, bomb);
  decode (path, 256, &d);
  g_assert_null (d.texture);
  g_assert_error (d.error, ESCALE_PHOTO_ERROR, ESCALE_PHOTO_ERROR_TOO_LARGE);
  g_test_message ("refused in %" G_GINT64_FORMAT " ms", d.elapsed_us / 1000);
  g_assert_cmpint (d.elapsed_us, <, 3 * G_USEC_PER_SEC);
  decode_clear (&d);

  /* Asked for the whole picture, just as fast. */
  decode (path, 0, &d);
  g_assert_error (d.error, ESCALE_PHOTO_ERROR, ESCALE_PHOTO_ERROR_TOO_LARGE);
  decode_clear (&d);
}

static void
test_too_many_bytes (Fixture *f, gconstpointer data)
{
  g_autofree char *path = fixture_path (f, "huge.ppm");

  /* 25 megapixels, under the pixel limit, but 75 MB of file. */
  photo_test_write_sparse_ppm (path, 5000, 5000);
  assert_decode_error (path, ESCALE_PHOTO_ERROR_TOO_LARGE);
}

static char *
make_jpeg (Fixture *f, const char *name, int width, int height)
{
  g_autoptr(GdkPixbuf) pixbuf = photo_test_quadrants (width, height, FALSE);
  g_autoptr(GBytes) jpeg = photo_test_jpeg (pixbuf, 1);
  char *path = fixture_path (f, name);

  photo_test_write (path, jpeg);
  return path;
}

static void
test_thumbnail_of_12mp (Fixture *f, gconstpointer data)
{
  g_autofree char *path = make_jpeg (f, "camera.jpg", 4000, 3000);
  Decode d = { 0 };

  decode (path, 256, &d);
  g_assert_no_error (d.error);
  assert_quadrants (d.texture, 256, 192);
  g_test_message ("12 MP to 256 px in %" G_GINT64_FORMAT " ms", d.elapsed_us / 1000);
  g_assert_cmpint (d.elapsed_us, <, 3 * G_USEC_PER_SEC);
  decode_clear (&d);
}

static gboolean
loader_exists (const char *format)
{
  g_autoptr(GSList) formats = gdk_pixbuf_get_formats ();

  for (GSList *l = formats; l; l = l->next)
    {
      g_autofree char *name = gdk_pixbuf_format_get_name (l->data);

      if (g_str_equal (name, format))
        return TRUE;
    }
  return FALSE;
}

static void
test_heic (Fixture *f, gconstpointer data)
{
  g_autoptr(GdkPixbuf) pixbuf = photo_test_quadrants (128, 96, FALSE);
  g_autofree char *png = fixture_path (f, "iphone.png");
  g_autofree char *heic = fixture_path (f, "iphone.heic");
  g_autofree char *heif_enc = g_find_program_in_path ("heif-enc");
  const char *argv[] = { heif_enc, "-q", "90", "-o", heic, png, NULL };
  g_autoptr(GError) error = NULL;
  int status = -1;
  Decode d = { 0 };

  if (!loader_exists ("heif/avif") || heif_enc == NULL)
    {
      g_test_skip ("No HEIC: install heif-gdk-pixbuf and libheif-examples (scripts/deps.sh)");
      return;
    }
  gdk_pixbuf_save (pixbuf, png, "png", &error, NULL);
  g_assert_no_error (error);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpint (g_unlink (png), ==, 0);

  decode (heic, 64, &d);
  g_assert_no_error (d.error);
  assert_quadrants (d.texture, 64, 48);
  decode_clear (&d);
}

static void
test_webp (Fixture *f, gconstpointer data)
{
  g_autoptr(GdkPixbuf) pixbuf = photo_test_quadrants (128, 96, FALSE);
  g_autofree char *path = fixture_path (f, "message.webp");
  g_autoptr(GError) error = NULL;
  Decode d = { 0 };

  if (!loader_exists ("webp"))
    {
      g_test_skip ("No WebP: install webp-pixbuf-loader (scripts/deps.sh)");
      return;
    }
  gdk_pixbuf_save (pixbuf, path, "webp", &error, "quality", "90", NULL);
  g_assert_no_error (error);
  decode (path, 0, &d);
  g_assert_no_error (d.error);
  assert_quadrants (d.texture, 128, 96);
  decode_clear (&d);
}

/* The parent of process @pid ("PID (COMM) STATE PPID ..." in its stat). */
static int
parent_of (const char *pid)
{
  g_autofree char *path = g_build_filename ("/proc", pid, "stat", NULL);
  g_autofree char *stat = NULL;
  const char *end;

  if (!g_file_get_contents (path, &stat, NULL, NULL) || !(end = strrchr (stat, ')')) ||
      strlen (end) < 5)
    return -1;
  return atoi (end + 4);
}

static gboolean
has_argument (const char *pid, const char *arg, gboolean arg0_only)
{
  g_autofree char *path = g_build_filename ("/proc", pid, "cmdline", NULL);
  g_autofree char *cmdline = NULL;
  gsize size = 0;

  if (!g_file_get_contents (path, &cmdline, &size, NULL))
    return FALSE;
  for (gsize at = 0; at < size; at += strlen (cmdline + at) + 1)
    {
      if (g_str_equal (cmdline + at, arg))
        return TRUE;
      if (arg0_only)
        break;
    }
  return FALSE;
}

/* Processes of this test (its children, theirs...) alive now with @arg
 * among their arguments (@arg0_only: as the program itself). Zombies have
 * no arguments left and do not count. Other programs' processes are not
 * even read: the suite runs tests side by side. */
static guint
count_processes (const char *arg, gboolean arg0_only)
{
  g_autoptr(GHashTable) parents = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) pids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) proc = g_dir_open ("/proc", 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (proc)))
    if (g_ascii_isdigit (name[0]))
      {
        g_hash_table_insert (parents, GINT_TO_POINTER (atoi (name)),
                             GINT_TO_POINTER (parent_of (name)));
        g_ptr_array_add (pids, g_strdup (name));
      }
  for (guint i = 0; i < pids->len; i++)
    {
      int pid = atoi (pids->pdata[i]);

      for (int depth = 0; depth < 16 && pid > 1 && pid != getpid (); depth++)
        pid = GPOINTER_TO_INT (g_hash_table_lookup (parents, GINT_TO_POINTER (pid)));
      if (pid == getpid () && has_argument (pids->pdata[i], arg, arg0_only))
        n++;
    }
  return n;
}

/* The sandbox's last processes die just after the one we killed. */
static void
assert_processes_gone (const char *marker)
{
  gint64 deadline = g_get_monotonic_time () + G_USEC_PER_SEC;

  while (count_processes (marker, FALSE) > 0 && g_get_monotonic_time () < deadline)
    g_usleep (5000);
  g_assert_cmpuint (count_processes (marker, FALSE), ==, 0);
}

static gboolean
bwrap_works (void)
{
  g_autofree char *bwrap = g_find_program_in_path ("bwrap");
  const char *argv[] = { bwrap, "--unshare-all", "--unshare-user", "--ro-bind", "/", "/", "true",
                         NULL };
  int status = -1;

  return bwrap &&
         g_spawn_sync (NULL, (char **) argv, NULL,
                       G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL,
                       NULL, &status, NULL) &&
         g_spawn_check_wait_status (status, NULL);
}

/* A stand-in helper that answers the sandbox check, then hangs without
 * burning the CPU, as a loader in an endless loop would (sleep replaces
 * the shell, so killing the helper leaves nothing behind). */
static char *
make_hanging_helper (Fixture *f, char **marker)
{
  char *path = fixture_path (f, "hanging-helper");
  g_autofree char *body = NULL;

  *marker = g_strdup_printf ("600.%d", (int) getpid ());
  body = g_strdup_printf ("[ \"$1\" = --check ] && exit 0\nexec sleep %s\n", *marker);
  photo_test_write_script (path, body);
  return path;
}

static void
test_hung_helper_killed (Fixture *f, gconstpointer data)
{
  g_autofree char *marker = NULL;
  g_autofree char *helper = make_hanging_helper (f, &marker);
  g_autofree char *path = make_jpeg (f, "fine.jpg", 400, 300);
  g_autoptr(EscalePhotoDecoder) decoder = _escale_photo_decoder_new_for_test (helper, 500);
  gint64 start = g_get_monotonic_time ();
  Decode d = { 0 };

  decode_start (decoder, path, 256, NULL, &d);
  decode_wait_at_most (&d, 5);
  g_assert_null (d.texture);
  g_assert_error (d.error, ESCALE_PHOTO_ERROR, ESCALE_PHOTO_ERROR_TIMEOUT);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  decode_clear (&d);
  /* Killed, not left to sleep. */
  assert_processes_gone (marker);

  /* And the next picture decodes as usual. */
  decode (path, 256, &d);
  g_assert_no_error (d.error);
  assert_quadrants (d.texture, 256, 192);
  decode_clear (&d);
}

static void
test_failing_helpers (Fixture *f, gconstpointer data)
{
  /* One crashes; one announces a 2 x 2 picture, sends one row and exits
   * happily: neither half answer becomes a picture. */
  const char *bodies[] = {
    "[ \"$1\" = --check ] && exit 0\ncat >/dev/null\nkill -SEGV $$\n",
    "[ \"$1\" = --check ] && exit 0\ncat >/dev/null\n"
    "printf 'EPH1\\002\\000\\000\\000\\002\\000\\000\\000\\006\\000\\000\\000\\000\\000\\000\\000'\n"
    "printf '\\377\\000\\000\\377\\000\\000'\nexit 0\n",
  };
  g_autofree char *helper = fixture_path (f, "failing-helper");
  g_autofree char *path = fixture_path (f, "any.jpg");
  g_autoptr(GBytes) bytes = g_bytes_new_static ("0123456789", 10);

  photo_test_write (path, bytes);
  for (gsize i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(EscalePhotoDecoder) decoder = NULL;
      Decode d = { 0 };

      photo_test_write_script (helper, bodies[i]);
      decoder = _escale_photo_decoder_new_for_test (helper, 5000);
      decode_start (decoder, path, 0, NULL, &d);
      decode_wait (&d);
      g_assert_null (d.texture);
      g_assert_error (d.error, ESCALE_PHOTO_ERROR, ESCALE_PHOTO_ERROR_HELPER);
      decode_clear (&d);
    }
}

static gboolean
cancel_when_running_cb (gpointer user_data)
{
  const char *marker = g_object_get_data (user_data, "marker");

  if (count_processes (marker, FALSE) == 0)
    return G_SOURCE_CONTINUE;
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
test_cancel_kills_helper (Fixture *f, gconstpointer data)
{
  g_autofree char *marker = NULL;
  g_autofree char *helper = make_hanging_helper (f, &marker);
  g_autofree char *path = make_jpeg (f, "fine.jpg", 400, 300);
  g_autoptr(EscalePhotoDecoder) decoder = _escale_photo_decoder_new_for_test (helper, 60000);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Decode d[3] = { 0 };
  gint64 start;

  /* Two run (and hang), one waits; cancelling ends all three. */
  for (int i = 0; i < 3; i++)
    decode_start (decoder, path, 256, cancellable, &d[i]);
  g_object_set_data (G_OBJECT (cancellable), "marker", marker);
  g_timeout_add (20, cancel_when_running_cb, cancellable);
  decode_wait_at_most (&d[0], 10);
  start = g_get_monotonic_time ();
  for (int i = 0; i < 3; i++)
    {
      decode_wait_at_most (&d[i], 5);
      g_assert_null (d[i].texture);
      g_assert_error (d[i].error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      decode_clear (&d[i]);
    }
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
  assert_processes_gone (marker);
}

typedef struct
{
  const char *arg; /* what a helper process has among its arguments */
  gboolean arg0_only;
  gint stop;
  guint most;
} Watch;

static gpointer
watch_helpers (gpointer data)
{
  Watch *w = data;

  while (!g_atomic_int_get (&w->stop))
    {
      w->most = MAX (w->most, count_processes (w->arg, w->arg0_only));
      g_usleep (2000);
    }
  return NULL;
}

/* Starts six decodes of @path at once, waits for them all, and returns
 * the most helpers seen alive together; @textures (if given) gets them. */
static guint
decode_six (EscalePhotoDecoder *decoder, const char *path, Watch *watch, int width, int height,
            GdkTexture **textures)
{
  g_autoptr(GThread) thread = g_thread_new ("watch", watch_helpers, watch);
  Decode d[6] = { 0 };

  for (int i = 0; i < 6; i++)
    decode_start (decoder, path, 0, NULL, &d[i]);
  for (int i = 0; i < 6; i++)
    {
      decode_wait (&d[i]);
      g_assert_no_error (d[i].error);
      g_assert_cmpint (gdk_texture_get_width (d[i].texture), ==, width);
      g_assert_cmpint (gdk_texture_get_height (d[i].texture), ==, height);
      if (textures)
        textures[i] = g_steal_pointer (&d[i].texture);
      decode_clear (&d[i]);
    }
  g_atomic_int_set (&watch->stop, 1);
  g_thread_join (g_steal_pointer (&thread));
  g_test_message ("at most %u helpers seen at once", watch->most);
  return watch->most;
}

/* The stand-in's answer: its pixels are the text "START END", the times
 * (ns) it began and finished its work. */
static void
texture_times (GdkTexture *texture, gint64 *start, gint64 *end)
{
  char text[40] = { 0 };
  guint8 rgb[3];

  for (int x = 0; x < 13; x++)
    {
      texture_rgb (texture, x, 0, rgb);
      memcpy (text + 3 * x, rgb, 3);
    }
  g_assert_cmpint (sscanf (text, "%" G_GINT64_FORMAT " %" G_GINT64_FORMAT, start, end), ==, 2);
  g_assert_cmpint (*end - *start, >=, 300 * 1000 * 1000);
}

static void
test_two_at_a_time (Fixture *f, gconstpointer data)
{
  g_autofree char *path = fixture_path (f, "any.jpg");
  g_autofree char *helper = fixture_path (f, "slow-helper");
  g_autofree char *marker = g_strdup_printf ("0.4%08d", (int) getpid ());
  g_autofree char *body = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static ("0123456789", 10);
  g_autoptr(EscalePhotoDecoder) decoder = NULL;
  Watch watch = { marker, FALSE, 0, 0 };
  GdkTexture *textures[6] = { 0 };
  gint64 start[6], end[6];
  guint most = 0;

  /* A stand-in that takes 0.4 s over each picture, and answers with a
   * 13 x 1 picture whose 39 bytes say when it started and ended. */
  body = g_strdup_printf (
    "[ \"$1\" = --check ] && exit 0\ncat >/dev/null\nstart=$(date +%%s%%N)\nsleep %s\n"
    "printf 'EPH1\\015\\000\\000\\000\\001\\000\\000\\000\\047\\000\\000\\000\\000\\000\\000\\000'\n"
    "printf '%%s %%s' \"$start\" \"$(date +%%s%%N)\"\n",
    marker);
  photo_test_write (path, bytes);
  photo_test_write_script (helper, body);
  decoder = _escale_photo_decoder_new_for_test (helper, 10000);
  decode_six (decoder, path, &watch, 13, 1, textures);
  g_assert_cmpuint (watch.most, <=, 2);

  /* What the helpers say: how many were at work at each one's start. */
  for (int i = 0; i < 6; i++)
    {
      texture_times (textures[i], &start[i], &end[i]);
      g_object_unref (textures[i]);
    }
  for (int i = 0; i < 6; i++)
    {
      guint at_work = 0;

      for (int j = 0; j < 6; j++)
        at_work += start[j] <= start[i] && start[i] < end[j];
      most = MAX (most, at_work);
    }
  g_test_message ("at most %u helpers at work at once, by their own clocks", most);
  g_assert_cmpuint (most, ==, 2);
}

static void
test_two_at_a_time_real (Fixture *f, gconstpointer data)
{
  g_autofree char *path = make_jpeg (f, "camera.jpg", 4000, 3000);
  g_autoptr(EscalePhotoDecoder) decoder = escale_photo_decoder_new ();
  Watch watch = { g_getenv ("ESCALE_PHOTO_HELPER"), TRUE, 0, 0 };

  /* The real helper on whole 12 MP pictures: how many overlap depends on
   * the machine's load, never more than two. */
  g_assert_nonnull (watch.arg);
  g_assert_cmpuint (decode_six (decoder, path, &watch, 4000, 3000, NULL), <=, 2);
}

static void
test_sandbox_sees_nothing (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *secret_dir = g_dir_make_tmp ("escale-secret-XXXXXX", &error);
  g_autofree char *secret = g_build_filename (secret_dir, "visitor.jpg", NULL);
  g_autofree char *helper = fixture_path (f, "curious-helper");
  g_autofree char *path = fixture_path (f, "any.jpg");
  g_autofree char *body = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static ("0123456789", 10);
  g_autoptr(EscalePhotoDecoder) decoder = NULL;
  Decode d = { 0 };
  guint8 rgb[3];

  g_assert_no_error (error);
  if (!bwrap_works ())
    {
      g_test_skip ("bwrap is missing or refuses here: the helper runs with rlimits only");
      g_assert_cmpint (g_rmdir (secret_dir), ==, 0);
      return;
    }
  photo_test_write (path, bytes);
  photo_test_write (secret, bytes);
  g_assert_cmpint (g_chmod (secret, 0644), ==, 0);

  /* A helper that looks around and paints what it saw: red for a file or
   * folder of ours (the secret sits in /tmp, which exists in the sandbox
   * only as the way to this stand-in helper), green for a network
   * interface, blue for root or any capability. */
  body = g_strdup_printf (
    "[ \"$1\" = --check ] && exit 0\ncat >/dev/null\nr=0 g=0 b=0\n"
    "for p in '%s' /home /media /run /root /var; do [ -e \"$p\" ] && r=377; done\n"
    "[ \"$(grep -c : /proc/net/dev)\" -gt 1 ] && g=377\n"
    "[ \"$(id -u)\" = 0 ] && b=377\n"
    "grep -q '^CapEff:[[:space:]]*0*$' /proc/self/status || b=377\n"
    "printf 'EPH1\\001\\000\\000\\000\\001\\000\\000\\000\\003\\000\\000\\000\\000\\000\\000\\000'\n"
    "printf \"\\\\$r\\\\$g\\\\$b\"\n",
    secret);
  photo_test_write_script (helper, body);
  decoder = _escale_photo_decoder_new_for_test (helper, 5000);
  decode_start (decoder, path, 0, NULL, &d);
  decode_wait (&d);
  g_assert_no_error (d.error);
  texture_rgb (d.texture, 0, 0, rgb);
  g_assert_cmpuint (rgb[0], ==, 0);
  g_assert_cmpuint (rgb[1], ==, 0);
  g_assert_cmpuint (rgb[2], ==, 0);
  decode_clear (&d);

  g_assert_cmpint (g_unlink (secret), ==, 0);
  g_assert_cmpint (g_rmdir (secret_dir), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func)                                                                           \
  g_test_add ("/escale/photo-decoder/" path, Fixture, NULL, fixture_set_up, func,                 \
              fixture_tear_down)
  ADD ("orientation-upright", test_orientation_upright);
  ADD ("png-with-alpha", test_png_with_alpha);
  ADD ("unreadable", test_unreadable);
  ADD ("bomb-refused-fast", test_bomb_refused_fast);
  ADD ("too-many-bytes", test_too_many_bytes);
  ADD ("thumbnail-of-12mp", test_thumbnail_of_12mp);
  ADD ("heic", test_heic);
  ADD ("webp", test_webp);
  ADD ("hung-helper-killed", test_hung_helper_killed);
  ADD ("failing-helpers", test_failing_helpers);
  ADD ("cancel-kills-helper", test_cancel_kills_helper);
  ADD ("two-at-a-time", test_two_at_a_time);
  ADD ("two-at-a-time-real", test_two_at_a_time_real);
  ADD ("sandbox-sees-nothing", test_sandbox_sees_nothing);
#undef ADD

  return g_test_run ();
}
