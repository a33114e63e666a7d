/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <string.h>

#include "bench-photos-common.h"

char *
bench_make_12mp_jpeg (const char *dir, guint index)
{
  g_autoptr (GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 4000, 3000);
  guchar *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  g_autofree char *name = g_strdup_printf ("photo-%03u.jpg", index);
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;

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

/* A value of /proc/PID/status ("VmHWM:"), in kB, or 0. */
static guint64
status_kb (const char *status, const char *field)
{
  const char *line = status != NULL ? strstr (status, field) : NULL;

  return line != NULL ? g_ascii_strtoull (line + strlen (field), NULL, 10) : 0;
}

guint64
bench_rss_kb (void)
{
  g_autofree char *status = NULL;

  g_file_get_contents ("/proc/self/status", &status, NULL, NULL);
  return status_kb (status, "VmRSS:");
}

/* Looks at the helpers alive now: their peak RSS so far, and how many. */
static void
sample_helpers (BenchWatch *watch)
{
  g_autoptr (GDir) proc = g_dir_open ("/proc", 0, NULL);
  const char *name;
  guint alive = 0;

  while (proc && (name = g_dir_read_name (proc)))
    {
      g_autofree char *cmdline_path = g_build_filename ("/proc", name, "cmdline", NULL);
      g_autofree char *status_path = g_build_filename ("/proc", name, "status", NULL);
      g_autofree char *cmdline = NULL;
      g_autofree char *status = NULL;

      if (!g_ascii_isdigit (name[0]) ||
          !g_file_get_contents (cmdline_path, &cmdline, NULL, NULL) ||
          !g_str_equal (cmdline, watch->helper) ||
          !g_file_get_contents (status_path, &status, NULL, NULL))
        continue;
      alive++;
      watch->helper_hwm_kb = MAX (watch->helper_hwm_kb, status_kb (status, "VmHWM:"));
    }
  watch->helpers_at_once = MAX (watch->helpers_at_once, alive);
}

static gboolean
tick_cb (gpointer user_data)
{
  BenchWatch *watch = user_data;
  gint64 now = g_get_monotonic_time ();

  /* The gap before this tick, not counting the look at /proc. */
  watch->worst_gap = MAX (watch->worst_gap, now - watch->last_tick);
  sample_helpers (watch);
  watch->last_tick = g_get_monotonic_time ();
  return G_SOURCE_CONTINUE;
}

void
bench_watch_start (BenchWatch *watch, const char *helper)
{
  *watch = (BenchWatch){ .helper = helper, .last_tick = g_get_monotonic_time () };
  if (helper == NULL)
    g_error ("Set ESCALE_PHOTO_HELPER to the helper to measure (see bench/RESULTS.md)");
  watch->source = g_timeout_add (10, tick_cb, watch);
}

void
bench_watch_stop (BenchWatch *watch)
{
  g_clear_handle_id (&watch->source, g_source_remove);
}
