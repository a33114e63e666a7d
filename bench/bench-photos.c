/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The photo decoder on a camera's worth of pictures: N decodes of 12 MP
 * JPEGs to 256 px thumbnails with the real helper in its sandbox. Prints
 * the total time, the slowest main-loop gap (what the UI would feel) and
 * peak RSS of this process and of the largest helper seen (its VmHWM,
 * sampled every 10 ms). Usage:
 *   ESCALE_PHOTO_HELPER=BUILDDIR/src/activities/photos/escale-photo-helper \
 *     bench-photos [DECODES [FILES [SIZE]]]
 * FILES distinct pictures (default 20) are made first, then decoded in
 * turn DECODES times (default 200) to SIZE px (default 256; 1280 is the
 * full-screen viewer's case). */
#include <sys/resource.h>
#include <glib/gstdio.h>

#include "escale-photo-decoder.h"

typedef struct
{
  const char *helper;
  guint left;
  guint failed;
  gint64 last_tick;
  gint64 worst_gap;
  guint64 helper_hwm_kb; /* the largest VmHWM seen in a helper */
} Bench;

/* A picture with detail everywhere (gradients and a fine pattern), so that
 * it weighs and decodes like a photo rather than a flat test card. */
static char *
make_picture (const char *dir, guint index)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 4000, 3000);
  guchar *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  g_autofree char *name = g_strdup_printf ("photo-%03u.jpg", index);
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  for (int y = 0; y < 3000; y++)
    for (int x = 0; x < 4000; x++)
      {
        guchar *p = pixels + (gsize) y * stride + (gsize) x * 3;
        guint noise = (guint) (x * 7919 + y * 104729 + index * 31) * 2654435761u;

        p[0] = (guchar) (x / 16 + (noise >> 28));
        p[1] = (guchar) (y / 12 + ((noise >> 20) & 15));
        p[2] = (guchar) ((x + y) / 28 + index * 9 + ((noise >> 12) & 15));
      }
  gdk_pixbuf_save (pixbuf, path, "jpeg", &error, "quality", "90", NULL);
  g_assert_no_error (error);
  return path;
}

static void
decoded_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  Bench *bench = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture =
               escale_photo_decoder_decode_finish (ESCALE_PHOTO_DECODER (object), result, &error);

  if (texture == NULL)
    bench->failed++;
  bench->left--;
}

/* Looks at the helpers alive now: their peak RSS so far. */
static void
sample_helpers (Bench *bench)
{
  g_autoptr(GDir) proc = g_dir_open ("/proc", 0, NULL);
  const char *name;

  while (proc && (name = g_dir_read_name (proc)))
    {
      g_autofree char *cmdline_path = g_build_filename ("/proc", name, "cmdline", NULL);
      g_autofree char *status_path = g_build_filename ("/proc", name, "status", NULL);
      g_autofree char *cmdline = NULL;
      g_autofree char *status = NULL;
      const char *hwm;

      if (!g_ascii_isdigit (name[0]) ||
          !g_file_get_contents (cmdline_path, &cmdline, NULL, NULL) ||
          !g_str_equal (cmdline, bench->helper) ||
          !g_file_get_contents (status_path, &status, NULL, NULL) ||
          !(hwm = strstr (status, "VmHWM:")))
        continue;
      bench->helper_hwm_kb = MAX (bench->helper_hwm_kb, g_ascii_strtoull (hwm + 6, NULL, 10));
    }
}

static gboolean
tick_cb (gpointer user_data)
{
  Bench *bench = user_data;
  gint64 now = g_get_monotonic_time ();

  /* The gap before this tick, not counting the look at /proc. */
  bench->worst_gap = MAX (bench->worst_gap, now - bench->last_tick);
  sample_helpers (bench);
  bench->last_tick = g_get_monotonic_time ();
  return G_SOURCE_CONTINUE;
}

int
main (int argc, char **argv)
{
  guint decodes = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 200;
  guint n_files = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 20;
  guint size = argc > 3 ? (guint) g_ascii_strtoull (argv[3], NULL, 10) : 256;
  g_autofree char *dir = g_dir_make_tmp ("escale-bench-photos-XXXXXX", NULL);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(EscalePhotoDecoder) decoder = escale_photo_decoder_new ();
  Bench bench = { g_getenv ("ESCALE_PHOTO_HELPER"), decodes, 0, 0, 0, 0 };
  struct rusage usage;
  gint64 start;
  guint tick;

  g_assert_nonnull (dir);
  if (bench.helper == NULL)
    g_error ("Set ESCALE_PHOTO_HELPER to the helper to measure (see the top of this file)");
  g_assert_cmpuint (n_files, >, 0);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (paths, make_picture (dir, i));

  start = bench.last_tick = g_get_monotonic_time ();
  tick = g_timeout_add (10, tick_cb, &bench);
  for (guint i = 0; i < decodes; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths->pdata[i % n_files]);

      escale_photo_decoder_decode_async (decoder, file, size, NULL, decoded_cb, &bench);
    }
  while (bench.left > 0)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);

  getrusage (RUSAGE_SELF, &usage);
  g_print ("%u decodes of 12 MP JPEGs (%u files) to %u px: %.2f s, %u failed\n", decodes, n_files,
           size, (g_get_monotonic_time () - start) / 1e6, bench.failed);
  g_print ("slowest main-loop gap: %.1f ms\n", bench.worst_gap / 1e3);
  g_print ("peak RSS: this process %.1f MB, the largest helper seen %.1f MB\n",
           usage.ru_maxrss / 1024.0, bench.helper_hwm_kb / 1024.0);

  for (guint i = 0; i < paths->len; i++)
    g_unlink (paths->pdata[i]);
  g_rmdir (dir);
  return bench.failed == 0 ? 0 : 1;
}
