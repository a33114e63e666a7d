/* SPDX-License-Identifier: GPL-3.0-or-later */
/* "Mes photos" in the whole kiosk when a camera's card of 200 photos of
 * 12 MP is plugged in: the real application on the demo configuration,
 * the card a real ext2 image loop-mounted read-only under /media (root;
 * ext2 because this machine's kernel has no vfat and fusefat's own speed
 * is not a stick's), the real sandboxed helper decoding.
 *   - mount -> the grid shown; mount -> every thumbnail of the first
 *     screen shown;
 *   - all 200 thumbnails, the grid scrolled down a screen as soon as the
 *     screen shown is complete (a person at the speed of the machine);
 *   - the slowest main-loop gap meanwhile (the UI thread blocked);
 *   - this process's memory growth from before the mount to its peak, and
 *     the helpers' (largest peak RSS of one, how many at once);
 *   - a photo full screen: the touch on a tile or "Suivante" -> the decoded
 *     photo in the viewer, N times.
 * Usage (bench/run-photos does it all):
 *   ESCALE_PHOTO_HELPER=BUILDDIR/src/activities/photos/escale-photo-helper \
 *     xvfb-run -a -s '-screen 0 1280x800x24' dbus-run-session -- \
 *     BUILDDIR/bench/bench-photos-visit [PHOTOS [VIEWS]] */
#include <sys/resource.h>
#include <glib/gstdio.h>
#include <unistd.h>
#include <utime.h>

#include "bench-photos-common.h"
#include "escale-activity-page.h"
#include "escale-home-page.h"
#include "escale-photo-canvas.h"
#include "escale-photo-grid.h"
#include "escale-photo-viewer.h"
#include "escale-photos-view.h"
#include "escale-scratch.h"
#include "escale-test-util.h"
#include "photo-test-medium.h"
#include "photos-test-widgets.h"

#define N_DISTINCT 20

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e3;
}

/* @n photos on the staging folder of @medium, a camera's DCIM layout, one
 * a day going back from today; N_DISTINCT different pictures in turn. */
static void
fill_card (PhotoTestMedium *medium, guint n)
{
  g_autofree char *made = g_build_filename (medium->dir, "made", NULL);
  g_autofree char *dcim = g_build_filename (medium->staging, "DCIM", "100CAMERA", NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_assert_cmpint (g_mkdir_with_parents (made, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (dcim, 0700), ==, 0);
  for (guint i = 0; i < MIN (n, N_DISTINCT); i++)
    g_free (bench_make_12mp_jpeg (made, i));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *from_name = g_strdup_printf ("photo-%03u.jpg", i % N_DISTINCT);
      g_autofree char *from = g_build_filename (made, from_name, NULL);
      g_autofree char *to_name = g_strdup_printf ("IMG_%04u.JPG", i + 1);
      g_autofree char *to = g_build_filename (dcim, to_name, NULL);
      g_autoptr (GFile) source = g_file_new_for_path (from);
      g_autoptr (GFile) target = g_file_new_for_path (to);
      struct utimbuf times;

      g_assert_true (g_file_copy (source, target, G_FILE_COPY_NONE, NULL, NULL, NULL, NULL));
      times.actime = times.modtime = now - (gint64) (n - i) * 24 * 3600;
      g_assert_cmpint (utime (to, &times), ==, 0);
    }
  g_assert_true (escale_remove_tree (made, NULL));
}

/* The card: an ext2 image made from the staging folder (mke2fs -d). */
static void
make_card_image (PhotoTestMedium *medium)
{
  photo_test_run ((const char *const[]){ "truncate", "-s", "1G", medium->image, NULL });
  photo_test_run ((const char *const[]){ "mkfs.ext2", "-q", "-F", "-L", "CANON", "-d",
                                         medium->staging, medium->image, NULL });
  g_assert_true (escale_remove_tree (medium->staging, NULL));
}

static EscalePhotosView *
open_photos (EscaleTestKiosk *k)
{
  GtkWidget *home = escale_window_get_home_page (k->window);
  GtkWidget *page;

  gtk_widget_activate_action (GTK_WIDGET (k->window), "win.start", NULL);
  g_signal_emit_by_name (escale_home_page_get_button (ESCALE_HOME_PAGE (home), "photos"),
                         "clicked");
  page = escale_window_get_activity_page (k->window);
  return ESCALE_PHOTOS_VIEW (escale_activity_page_get_content (ESCALE_ACTIVITY_PAGE (page)));
}

static gboolean
shows_grid (gpointer view)
{
  return g_strcmp0 (escale_photos_view_get_screen (view), "grid") == 0;
}

/* The tiles on screen (even in part), and how many still wait for their
 * picture. */
static void
count_tiles (GtkWidget *widget, GtkWidget *scroller, guint *on_screen, guint *waiting)
{
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (widget))
    return;
  if (gtk_widget_has_css_class (widget, "photo-tile"))
    {
      if (gtk_widget_compute_bounds (widget, scroller, &bounds) &&
          bounds.origin.y + bounds.size.height > 0 &&
          bounds.origin.y < gtk_widget_get_height (scroller))
        {
          (*on_screen)++;
          *waiting += gtk_widget_has_css_class (widget, "photo-tile-waiting");
        }
      return;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    count_tiles (c, scroller, on_screen, waiting);
}

static GtkWidget *
find_scroller (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_scroller (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
screen_complete (gpointer view)
{
  GtkWidget *grid = GTK_WIDGET (escale_photos_view_get_grid (view));
  GtkWidget *scroller = find_scroller (grid);
  guint on_screen = 0, waiting = 0;

  count_tiles (grid, scroller, &on_screen, &waiting);
  return on_screen > 0 && waiting == 0;
}

static gboolean
photo_shown (gpointer view)
{
  EscalePhotoViewer *viewer = escale_photos_view_get_viewer (view);

  return escale_photo_canvas_get_texture (escale_photo_viewer_get_canvas (viewer)) != NULL;
}

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Touches the first tile, then "Suivante" @views - 1 times. */
static void
view_photos (EscalePhotosView *view, guint views)
{
  g_autoptr (GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < views; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      if (i == 0)
        g_signal_emit_by_name (photos_test_find_tile (GTK_WIDGET (view), 0), "clicked");
      else
        photos_test_click (GTK_WIDGET (view), "Suivante");
      escale_test_wait_until (photo_shown, view, 20000);
      ms = ms_since (start);
      g_array_append_val (times, ms);
    }
  g_array_sort (times, compare_double);
  g_print ("photo full screen (tap -> shown), %u photos: median %.0f ms, max %.0f ms\n", views,
           g_array_index (times, double, views / 2), g_array_index (times, double, views - 1));
}

int
main (int argc, char **argv)
{
  guint n = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 200;
  guint views = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 10;
  g_autofree char *demo = NULL;
  g_autofree char *config = NULL;
  g_autofree char *command = NULL;
  EscaleTestKiosk k = { 0 };
  PhotoTestMedium *medium;
  EscalePhotosView *view;
  EscalePhotoGrid *grid;
  BenchWatch watch;
  struct rusage usage;
  guint64 rss_before;
  gint64 mounted;

  gtk_init ();
  g_setenv ("ESCALE_SOURCE_DIR", ESCALE_SOURCE_DIR, FALSE);
  if (getuid () != 0)
    g_error ("The card is loop-mounted under /media: run as root");
  g_assert_cmpuint (views, >, 0);
  medium = photo_test_medium_new ();
  fill_card (medium, n);
  make_card_image (medium);
  demo = escale_test_demo_config ();
  config = g_build_filename (medium->dir, "config", NULL);
  command = g_strdup_printf ("cp -r '%s' '%s'", demo, config);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));

  escale_test_kiosk_init (&k, config, FALSE);
  view = open_photos (&k);
  escale_test_spin (500);
  rss_before = bench_rss_kb ();
  bench_watch_start (&watch, g_getenv ("ESCALE_PHOTO_HELPER"));
  mounted = g_get_monotonic_time ();
  photo_test_run (
    (const char *const[]){ "mount", "-o", "loop,ro", medium->image, medium->mount, NULL });
  escale_test_wait_until (shows_grid, view, 20000);
  g_print ("%u photos of 12 MP on a card: mount -> grid shown %.0f ms\n", n, ms_since (mounted));
  grid = escale_photos_view_get_grid (view);
  while (escale_photo_grid_get_n_photos (grid) < n)
    g_main_context_iteration (NULL, TRUE);
  g_print ("mount -> all %u photos found %.0f ms\n", n, ms_since (mounted));
  escale_test_wait_until (screen_complete, view, 60000);
  g_print ("mount -> first screen of thumbnails shown %.0f ms\n", ms_since (mounted));
  /* The list sizes its rows lazily: it may say it cannot go further
   * before the next rows are laid out, so a few turns are given. */
  for (guint stuck = 0; stuck < 20 && escale_photo_grid_get_n_thumbnails (grid) < n;)
    {
      gint64 until = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

      while (!screen_complete (view) && g_get_monotonic_time () < until)
        g_main_context_iteration (NULL, TRUE);
      if (!screen_complete (view))
        {
          GtkWidget *scroller = find_scroller (GTK_WIDGET (grid));
          guint on_screen = 0, waiting = 0;

          count_tiles (GTK_WIDGET (grid), scroller, &on_screen, &waiting);
          g_error ("stuck: %u tiles on screen, %u waiting, %u decoded", on_screen, waiting,
                   escale_photo_grid_get_n_thumbnails (grid));
        }
      if (escale_photo_grid_scroll (grid, 1))
        stuck = 0;
      else
        stuck++;
      escale_test_spin (20);
    }
  g_print ("mount -> every screen's thumbnails, scrolled down screen by screen to the "
           "last: %.1f s (%u of %u decoded)\n",
           ms_since (mounted) / 1e3, escale_photo_grid_get_n_thumbnails (grid), n);
  view_photos (view, views);
  bench_watch_stop (&watch);

  getrusage (RUSAGE_SELF, &usage);
  g_print ("slowest main-loop gap meanwhile: %.1f ms (10 ms: never blocked)\n",
           watch.worst_gap / 1e3);
  g_print ("memory: Escale %.1f MB before the card, peak %.1f MB (+%.1f MB); helpers: "
           "the largest %.1f MB, %u at once\n",
           rss_before / 1024.0, usage.ru_maxrss / 1024.0,
           (usage.ru_maxrss - (double) rss_before) / 1024.0, watch.helper_hwm_kb / 1024.0,
           watch.helpers_at_once);

  escale_test_kiosk_clear (&k);
  photo_test_medium_free (medium);
  return 0;
}
