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

#include "bench-photos-common.h"
#include "escale-photo-decoder.h"

typedef struct
{
  guint left;
  guint failed;
} Bench;

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

int
main (int argc, char **argv)
{
  guint decodes = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 200;
  guint n_files = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 20;
  guint size = argc > 3 ? (guint) g_ascii_strtoull (argv[3], NULL, 10) : 256;
  g_autofree char *dir = g_dir_make_tmp ("escale-bench-photos-XXXXXX", NULL);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(EscalePhotoDecoder) decoder = escale_photo_decoder_new ();
  Bench bench = { decodes, 0 };
  BenchWatch watch;
  struct rusage usage;
  gint64 start;

  g_assert_nonnull (dir);
  g_assert_cmpuint (n_files, >, 0);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (paths, bench_make_12mp_jpeg (dir, i));

  start = g_get_monotonic_time ();
  bench_watch_start (&watch, g_getenv ("ESCALE_PHOTO_HELPER"));
  for (guint i = 0; i < decodes; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths->pdata[i % n_files]);

      escale_photo_decoder_decode_async (decoder, file, size, NULL, decoded_cb, &bench);
    }
  while (bench.left > 0)
    g_main_context_iteration (NULL, TRUE);
  bench_watch_stop (&watch);

  getrusage (RUSAGE_SELF, &usage);
  g_print ("%u decodes of 12 MP JPEGs (%u files) to %u px: %.2f s, %u failed\n", decodes, n_files,
           size, (g_get_monotonic_time () - start) / 1e6, bench.failed);
  g_print ("slowest main-loop gap: %.1f ms\n", watch.worst_gap / 1e3);
  g_print ("peak RSS: this process %.1f MB, the largest helper seen %.1f MB, %u at once\n",
           usage.ru_maxrss / 1024.0, watch.helper_hwm_kb / 1024.0, watch.helpers_at_once);

  for (guint i = 0; i < paths->len; i++)
    g_unlink (paths->pdata[i]);
  g_rmdir (dir);
  return bench.failed == 0 ? 0 : 1;
}
