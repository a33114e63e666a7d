/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tap to first paint of a web activity, and the memory of all Escale
 * processes with one page open. Drives the real culture activity page: a
 * local SoupServer stands in for a museum's site; each round touches the
 * site's tile, waits until the page is loaded and a frame of the window has
 * been painted after it, then touches "Autres sites" (which drops the view
 * and its page). Round 1 starts the first web process of the program (cold);
 * later rounds find the process WebKit keeps ready (warm).
 * Usage: bench-web [ROUNDS]. Prints one line per round, the medians, then
 * the summed PSS and RSS of this process and all its descendants (web,
 * network processes) with one page open. */
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <stdlib.h>

#include "escale-activities.h"
#include "escale-activity-page.h"
#include "escale-config-file.h"
#include "escale-culture-view.h"
#include "escale-web-view.h"

static const char page[] =
  "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Musée</title>"
  "<style>body{font-family:serif;background:#fbf6ea}h1{color:#5b1a8a}</style></head>"
  "<body><h1>Musée du village</h1><p>Salle 1 : les outils d'autrefois.</p></body></html>";

static void
serve (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
       gpointer data)
{
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_STATIC, page,
                                    strlen (page));
}

static const char *
button_text (GtkWidget *button)
{
  for (GtkWidget *w = gtk_widget_get_first_child (button); w != NULL;
       w = gtk_widget_get_first_child (w))
    for (GtkWidget *c = w; c != NULL; c = gtk_widget_get_next_sibling (c))
      if (GTK_IS_LABEL (c))
        return gtk_label_get_text (GTK_LABEL (c));
  return NULL;
}

static GtkWidget *
find_button (GtkWidget *root, const char *text)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_is_drawable (root) &&
      g_strcmp0 (button_text (root), text) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
touch (GtkWidget *window, const char *text)
{
  GtkWidget *button = find_button (window, text);

  if (button == NULL)
    g_error ("no button “%s” on screen", text);
  g_signal_emit_by_name (button, "clicked");
}

static gboolean loaded;
static gboolean painted;

static void
load_changed_cb (WebKitWebView *view, WebKitLoadEvent event, gpointer data)
{
  if (event == WEBKIT_LOAD_FINISHED)
    loaded = TRUE;
}

static void
after_paint_cb (GdkFrameClock *clock, gpointer data)
{
  if (loaded)
    painted = TRUE;
}

static int
compare (gconstpointer a, gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return (da > db) - (da < db);
}

/* PSS and RSS (kB) of @pid and all its descendants. */
static void
memory_of_tree (int pid, guint64 *pss, guint64 *rss, guint *n)
{
  g_autoptr(GDir) proc = g_dir_open ("/proc", 0, NULL);
  g_autoptr(GHashTable) parent = g_hash_table_new (NULL, NULL);
  const char *name;

  while ((name = g_dir_read_name (proc)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *stat = NULL;
      const char *close;
      int ppid = 0;

      if (!g_ascii_isdigit (name[0]))
        continue;
      path = g_build_filename ("/proc", name, "stat", NULL);
      if (!g_file_get_contents (path, &stat, NULL, NULL) || (close = strrchr (stat, ')')) == NULL)
        continue;
      if (sscanf (close + 2, "%*c %d", &ppid) == 1)
        g_hash_table_insert (parent, GINT_TO_POINTER (atoi (name)), GINT_TO_POINTER (ppid));
    }

  *pss = *rss = 0;
  *n = 0;
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, parent);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        int p = GPOINTER_TO_INT (key);
        g_autofree char *path = NULL;
        g_autofree char *rollup = NULL;
        g_auto(GStrv) lines = NULL;

        while (p > 1 && p != pid)
          p = GPOINTER_TO_INT (g_hash_table_lookup (parent, GINT_TO_POINTER (p)));
        if (p != pid)
          continue;
        path = g_strdup_printf ("/proc/%d/smaps_rollup", GPOINTER_TO_INT (key));
        if (!g_file_get_contents (path, &rollup, NULL, NULL))
          continue;
        (*n)++;
        lines = g_strsplit (rollup, "\n", -1);
        for (guint i = 0; lines[i] != NULL; i++)
          {
            if (g_str_has_prefix (lines[i], "Pss:"))
              *pss += g_ascii_strtoull (lines[i] + 4, NULL, 10);
            else if (g_str_has_prefix (lines[i], "Rss:"))
              *rss += g_ascii_strtoull (lines[i] + 4, NULL, 10);
          }
      }
  }
}

/* Serves the museum's page on a free port of the loopback: the port. */
static int
serve_page (SoupServer *server, GSocketAddress *address)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;
  int port;

  soup_server_add_handler (server, NULL, serve, NULL, NULL);
  if (!soup_server_listen (server, address, 0, &error))
    g_error ("%s", error->message);
  uris = soup_server_get_uris (server);
  port = g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return port;
}

/* A culture activity with one site, the page at @port, written in @dir:
 * the file's path. */
static char *
write_activity (const char *dir, int port)
{
  g_autofree char *ini =
    g_strdup_printf ("[Activity]\nid=culture\ntitle=Culture\nicon=culture\nkind=culture\n"
                     "[Site 1]\ntitle=Musée du village\nurl=http://127.0.0.1:%d/\n",
                     port);
  char *ini_path = g_build_filename (dir, "culture.ini", NULL);

  g_file_set_contents (ini_path, ini, -1, NULL);
  return ini_path;
}

/* A kiosk-sized window showing @activity's page, painted once, that
 * notes when it paints after a load. */
static GtkWidget *
open_window (EscaleActivity *activity, EscaleWebProfile *profile)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (window), escale_activity_page_new (activity, NULL, profile));
  gtk_window_present (GTK_WINDOW (window));
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
  return window;
}

/* Touches the site's tile: ms until the loaded page has been painted. */
static double
time_tap_to_paint (GtkWidget *window)
{
  gint64 start;
  GtkWidget *view;

  while (g_main_context_iteration (NULL, FALSE))
    ;
  loaded = painted = FALSE;
  start = g_get_monotonic_time ();
  touch (window, "Musée du village");
  view = escale_culture_view_get_web_view (ESCALE_CULTURE_VIEW (escale_activity_page_get_content (
    ESCALE_ACTIVITY_PAGE (gtk_window_get_child (GTK_WINDOW (window))))));
  g_signal_connect (escale_web_view_get_web_view (ESCALE_WEB_VIEW (view)), "load-changed",
                    G_CALLBACK (load_changed_cb), NULL);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* @rounds taps on the site, back to the list between two: one line each. */
static void
measure_rounds (GtkWidget *window, guint rounds, GArray *times)
{
  touch (window, "Sites de musées");
  for (guint r = 0; r < rounds; r++)
    {
      double ms = time_tap_to_paint (window);

      g_array_append_val (times, ms);
      g_print ("round %u: tap to painted page %.0f ms%s\n", r + 1, ms, r == 0 ? " (cold)" : "");
      if (r + 1 == rounds)
        break;
      touch (window, "Autres sites");
    }
}

/* The first round, then the median and range of the others. */
static void
print_cold_and_warm (GArray *times)
{
  double *warm;

  if (times->len <= 1)
    return;
  warm = (double *) times->data + 1;
  qsort (warm, times->len - 1, sizeof (double), (int (*) (const void *, const void *)) compare);
  g_print ("cold: %.0f ms; warm: median %.0f ms, min %.0f, max %.0f over %u rounds\n",
           g_array_index (times, double, 0), warm[(times->len - 2) / 2], warm[0],
           warm[times->len - 2], times->len - 1);
}

static void
print_memory (void)
{
  guint64 pss, rss;
  guint n_procs;

  memory_of_tree (getpid (), &pss, &rss, &n_procs);
  g_print ("memory with one page open: PSS %.0f MB, RSS %.0f MB, %u processes\n", pss / 1024.0,
           rss / 1024.0, n_procs);
}

int
main (int argc, char **argv)
{
  guint rounds = argc > 1 ? (guint) atoi (argv[1]) : 10;
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GPtrArray) problems = g_ptr_array_new ();
  g_autofree char *dir = g_dir_make_tmp ("escale-bench-web-XXXXXX", &error);
  g_autofree char *ini_path = NULL;
  g_autoptr(EscaleConfigFile) file = NULL;
  g_autoptr(EscaleActivity) activity = NULL;
  g_autoptr(EscaleWebProfile) profile = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  GtkWidget *window;

  gtk_init ();
  ini_path = write_activity (dir, serve_page (server, address));
  file = escale_config_file_load (ini_path, NULL, problems, &error);
  activity = escale_activity_new_from_file (file, dir, escale_activities_get_kinds (), problems);
  g_assert (activity != NULL);

  profile = escale_web_profile_new ();
  window = open_window (activity, profile);
  measure_rounds (window, rounds, times);
  print_cold_and_warm (times);
  print_memory ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (ini_path);
  g_rmdir (dir);
  return 0;
}
