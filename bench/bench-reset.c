/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Time from "J'ai fini" to a clean welcome screen, with web data present:
 * each round loads a local page that sets a cookie, localStorage and
 * IndexedDB in the visit's web profile, then presses J'ai fini and waits for
 * the welcome screen (goodbye message skipped). Prints one line per round
 * and the median. Usage: bench-reset [ROUNDS] */
#include <libsoup/soup.h>
#include <webkit/webkit.h>

#include "../tests/escale-test-util.h"

static const char *page =
  "<!doctype html><title>x</title><script>"
  "document.cookie = 'a=' + Math.random() + '; max-age=999';"
  "for (let i = 0; i < 50; i++) localStorage.setItem('k' + i, 'v'.repeat(200));"
  "const r = indexedDB.open('b', 1);"
  "r.onupgradeneeded = () => r.result.createObjectStore('s');"
  "r.onsuccess = () => { const t = r.result.transaction('s', 'readwrite');"
  "  t.objectStore('s').put('x'.repeat(1000), 1); t.oncomplete = () => document.title = 'ok'; };"
  "</script>";

static void
serve (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
       gpointer data)
{
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, page, strlen (page));
}

static gboolean
titled (gpointer view)
{
  return g_strcmp0 (webkit_web_view_get_title (view), "ok") == 0;
}

static int
compare (gconstpointer a, gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return da < db ? -1 : da > db;
}

int
main (int argc, char *argv[])
{
  guint rounds = argc > 1 ? (guint) atoi (argv[1]) : 20;
  g_autofree char *demo = NULL;
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *url = NULL;
  EscaleTestKiosk k = { 0 };
  GSList *uris;

  gtk_init ();
  g_setenv ("ESCALE_SOURCE_DIR", ESCALE_SOURCE_DIR, FALSE);
  demo = escale_test_demo_config ();
  soup_server_add_handler (server, NULL, serve, NULL, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, NULL);
  uris = soup_server_get_uris (server);
  url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  escale_test_kiosk_init (&k, demo, FALSE);
  for (guint i = 0; i < rounds; i++)
    {
      GtkWidget *holder = gtk_window_new ();
      WebKitWebView *view = g_object_new (WEBKIT_TYPE_WEB_VIEW, "network-session",
                                          escale_web_profile_get_network_session (k.profile),
                                          NULL);
      gint64 start;
      double ms;

      gtk_widget_activate_action (GTK_WIDGET (k.window), "win.start", NULL);
      gtk_window_set_child (GTK_WINDOW (holder), GTK_WIDGET (view));
      gtk_window_present (GTK_WINDOW (holder));
      webkit_web_view_load_uri (view, url);
      escale_test_wait_until (titled, view, 30000);
      /* An activity's web view is destroyed with its page at reset. */
      gtk_window_destroy (GTK_WINDOW (holder));

      start = g_get_monotonic_time ();
      gtk_widget_activate_action (GTK_WIDGET (k.window), "win.finish", NULL);
      while (g_strcmp0 (escale_window_get_page_name (k.window), "welcome") != 0)
        g_main_context_iteration (NULL, TRUE);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);
      g_print ("round %2u: %.1f ms (wipers: %.1f ms)\n", i + 1, ms,
               escale_kiosk_get_last_reset_usec (k.kiosk) / 1000.0);
      escale_test_spin (200);
    }
  g_array_sort (times, compare);
  g_print ("reset median: %.1f ms, min %.1f, max %.1f over %u rounds\n",
           g_array_index (times, double, times->len / 2), g_array_index (times, double, 0),
           g_array_index (times, double, times->len - 1), rounds);
  escale_test_kiosk_clear (&k);
  return 0;
}
