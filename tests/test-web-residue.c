/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <libsoup/soup.h>

#include "escale-scratch.h"
#include "escale-test-util.h"
#include "escale-web-view.h"

/* Nothing of one person's web visit is left for the next: after
 * escale_web_profile_renew() (the "web-data" wiper of the reset), a new
 * locked view on the same local site finds no cookie, localStorage,
 * sessionStorage, IndexedDB database, service worker or cache entry. */

typedef struct
{
  SoupServer *server;
  char *base;
  guint cached_hits;    /* requests that reached the server for /cached.js */
  gboolean cookie_seen; /* a request of the second visit carried a cookie */
  gboolean second_visit;
  EscaleWebProfile *profile;
  EscaleWebPolicy *policy;
  GtkWindow *window;
  EscaleWebView *view;
  char *js_result;
} Fixture;

static const char page[] =
  "<!DOCTYPE html><html><head><title>Musée</title>"
  "<script src=\"/cached.js\"></script></head><body><h1>Bienvenue</h1></body></html>";

static void
handler (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
         gpointer user_data)
{
  Fixture *f = user_data;
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);
  const char *type = "text/html";
  const char *body = page;

  if (f->second_visit && soup_message_headers_get_one (request, "Cookie") != NULL)
    f->cookie_seen = TRUE;

  if (g_str_equal (path, "/cached.js"))
    {
      f->cached_hits++;
      soup_message_headers_replace (response, "Cache-Control", "max-age=3600");
      type = "text/javascript";
      body = "window.cachedLoaded = true;";
    }
  else if (g_str_equal (path, "/sw.js"))
    {
      type = "text/javascript";
      body = "self.addEventListener('fetch', function () {});";
    }
  else if (!f->second_visit)
    soup_message_headers_replace (response, "Set-Cookie", "visite=marie; Path=/; Max-Age=3600");

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, type, SOUP_MEMORY_STATIC, body, strlen (body));
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_for (gboolean (*cond) (Fixture *), Fixture *f)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (30, timeout_cb, &timed_out);

  while (!cond (f) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  g_assert_false (timed_out);
}

static WebKitWebView *
web (Fixture *f)
{
  return escale_web_view_get_web_view (f->view);
}

static gboolean
loaded (Fixture *f)
{
  const char *uri = webkit_web_view_get_uri (web (f));

  return !webkit_web_view_is_loading (web (f)) && uri != NULL && g_str_has_prefix (uri, f->base);
}

static void
js_done_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  Fixture *f = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JSCValue)
               value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (source),
                                                                   result, &error);

  f->js_result = value != NULL ? jsc_value_to_string (value)
                               : g_strdup_printf ("(error: %s)", error->message);
}

static gboolean
js_finished (Fixture *f)
{
  return f->js_result != NULL;
}

static char *
eval_page (Fixture *f, const char *body)
{
  g_clear_pointer (&f->js_result, g_free);
  webkit_web_view_call_async_javascript_function (web (f), body, -1, NULL, NULL, NULL, NULL,
                                                  js_done_cb, f);
  wait_for (js_finished, f);
  return g_steal_pointer (&f->js_result);
}

static void
open_view (Fixture *f)
{
  f->view = ESCALE_WEB_VIEW (escale_web_view_new (f->profile, f->policy));
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  escale_web_view_load (f->view, f->base);
  wait_for (loaded, f);
}

/* What the page can find of earlier visits, as one line. */
static const char probe[] =
  "const dbs = indexedDB.databases ? (await indexedDB.databases ()).length : -1;"
  "const sw = navigator.serviceWorker"
  "  ? (await navigator.serviceWorker.getRegistrations ()).length : 0;"
  "return 'cookie=' + document.cookie + ';local=' + localStorage.length +"
  "  ';session=' + sessionStorage.length + ';idb=' + dbs + ';sw=' + sw;";

static const char fill[] = "document.cookie = 'js=lucien; max-age=3600';"
                           "localStorage.setItem ('nom', 'Marie');"
                           "sessionStorage.setItem ('panier', 'carte');"
                           "await new Promise ((resolve, reject) => {"
                           "  const req = indexedDB.open ('album', 1);"
                           "  req.onupgradeneeded = () => req.result.createObjectStore ('photos');"
                           "  req.onsuccess = () => {"
                           "    const tx = req.result.transaction ('photos', 'readwrite');"
                           "    tx.objectStore ('photos').put ('mamie.jpg', 1);"
                           "    tx.oncomplete = () => { req.result.close (); resolve (); };"
                           "  };"
                           "  req.onerror = () => reject (req.error);"
                           "});"
                           "if (navigator.serviceWorker) {"
                           "  await navigator.serviceWorker.register ('/sw.js');"
                           "  await navigator.serviceWorker.ready;"
                           "}"
                           "return 'ok';";

static void
test_renew_leaves_nothing (void)
{
  Fixture fixture = { 0 };
  Fixture *f = &fixture;
  WebKitNetworkSession *first_session = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autofree char *filled = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GSList *uris;
  guint hits_before;

  f->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (f->server, NULL, handler, f, NULL);
  g_assert_true (soup_server_listen (f->server, address, 0, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (f->server);
  f->base = g_strdup_printf ("http://127.0.0.1:%d/", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  f->profile = escale_web_profile_new ();
  f->policy = escale_web_policy_new ();
  g_assert_true (escale_web_policy_allow_origin (f->policy, f->base, NULL));
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_present (f->window);

  /* The first person's visit leaves traces everywhere a site can. */
  open_view (f);
  filled = eval_page (f, fill);
  g_assert_cmpstr (filled, ==, "ok");
  before = eval_page (f, probe);
  g_test_message ("first visit: %s", before);
  g_assert_nonnull (strstr (before, "visite=marie"));
  g_assert_nonnull (strstr (before, "js=lucien"));
  g_assert_nonnull (strstr (before, "local=1"));
  g_assert_nonnull (strstr (before, "session=1"));
  g_assert_null (strstr (before, "idb=0"));
  g_assert_null (strstr (before, "sw=0"));
  hits_before = f->cached_hits;
  g_assert_cmpuint (hits_before, >=, 1);

  /* The visit ends: the page goes, then the wiper runs. */
  first_session = escale_web_profile_get_network_session (f->profile);
  g_object_add_weak_pointer (G_OBJECT (first_session), (gpointer *) &first_session);
  gtk_window_set_child (f->window, NULL);
  g_assert_true (escale_web_profile_renew (f->profile, &error));
  g_assert_no_error (error);
  /* The first visit's network session (its cookies and caches in memory)
   * is gone, not merely replaced. */
  escale_test_drain ();
  g_assert_null (first_session);

  /* The next person finds nothing. */
  f->second_visit = TRUE;
  open_view (f);
  after = eval_page (f, probe);
  g_test_message ("second visit: %s", after);
  g_assert_cmpstr (after, ==, "cookie=;local=0;session=0;idb=0;sw=0");
  g_assert_false (f->cookie_seen);
  /* The page's script (Cache-Control: max-age=3600) came from the server
   * again: no cache entry survived. */
  g_assert_cmpuint (f->cached_hits, >, hits_before);

  gtk_window_destroy (f->window);
  escale_test_drain ();
  soup_server_disconnect (f->server);
  g_assert_finalize_object (g_steal_pointer (&f->server));
  g_assert_finalize_object (g_steal_pointer (&f->profile));
  g_assert_finalize_object (g_steal_pointer (&f->policy));
  g_free (f->base);
}

/* WebKit's sandbox files of web processes killed with an earlier kiosk
 * are removed at start; those of a live process and anything else stay. */
/* The kiosk's children named WebKit... (web, network processes). */
static guint
count_webkit_children (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc", 0, NULL);
  const char *name;
  guint count = 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *stat_path = g_build_filename ("/proc", name, "stat", NULL);
      g_autofree char *stat = NULL;
      const char *after;

      if (!g_ascii_isdigit (name[0]) || !g_file_get_contents (stat_path, &stat, NULL, NULL))
        continue;
      /* "PID (COMM) STATE PPID ..." */
      after = strrchr (stat, ')');
      if (after != NULL && strstr (stat, "(WebKit") != NULL &&
          g_ascii_strtoll (after + 4, NULL, 10) == getpid ())
        count++;
    }
  return count;
}

/* A kiosk waiting on its welcome screen, and after a visit that opened no
 * page, runs no web or network process: the memory of an old PC is the
 * web's only when a page is shown (the session is made when a view asks). */
static void
test_no_web_process_at_rest (void)
{
  g_autoptr(EscaleWebProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC;

  /* In a process of its own: the other tests' pages started theirs. */
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT);
      g_test_trap_assert_passed ();
      return;
    }
  profile = escale_web_profile_new ();
  g_assert_true (escale_web_profile_renew (profile, &error));
  g_assert_no_error (error);
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (count_webkit_children (), ==, 0);
  /* Nor does it poll for web processes' memory: the guard sleeps. */
  g_assert_false (escale_web_profile_get_guarding (profile));
  /* Asked for, the session is ephemeral as ever. */
  g_assert_true (
    webkit_network_session_is_ephemeral (escale_web_profile_get_network_session (profile)));
}

static void
test_sandbox_leftovers_swept (void)
{
  g_autofree char *cache = g_dir_make_tmp ("escale-cache-XXXXXX", NULL);
  g_autofree char *flatpak = g_build_filename (cache, ".flatpak", NULL);
  g_autofree char *live_name = g_strdup_printf ("webkit-%d-1", (int) getpid ());
  g_autofree char *dead_name = NULL;
  g_autofree char *dead = NULL;
  g_autofree char *live = NULL;
  g_autofree char *other = g_build_filename (flatpak, "org.example.App", NULL);
  const char *argv[] = { "true", NULL };
  GPid child;
  int status;

  /* A process that has come and gone: its pid is free. */
  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL,
                                G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                &child, NULL));
  g_assert_cmpint (waitpid (child, &status, 0), ==, child);
  dead_name = g_strdup_printf ("webkit-%d-7", (int) child);
  dead = g_build_filename (flatpak, dead_name, NULL);
  live = g_build_filename (flatpak, live_name, NULL);
  for (guint i = 0; i < 3; i++)
    {
      const char *d = i == 0 ? dead : i == 1 ? live : other;
      g_autofree char *info = g_build_filename (d, "bwrapinfo.json", NULL);

      g_assert_cmpint (g_mkdir_with_parents (d, 0700), ==, 0);
      g_assert_true (g_file_set_contents (info, "{}", -1, NULL));
    }
  escale_web_profile_sweep_sandbox_leftovers (cache);
  g_assert_false (g_file_test (dead, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (live, G_FILE_TEST_IS_DIR));
  g_assert_true (g_file_test (other, G_FILE_TEST_IS_DIR));
  g_assert_true (escale_remove_tree (cache, NULL));
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/escale/web-residue/renew-leaves-nothing", test_renew_leaves_nothing);
  g_test_add_func ("/escale/web-residue/no-web-process-at-rest", test_no_web_process_at_rest);
  g_test_add_func ("/escale/web-residue/sandbox-leftovers-swept", test_sandbox_leftovers_swept);
  return g_test_run ();
}
