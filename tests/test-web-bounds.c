/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The bounds of a page on an unattended kiosk (issue 17): a page that
 * freezes, a page that eats memory, a page that talks to third parties.
 * Local SoupServers play the allowed site and a forbidden origin; nothing
 * touches the page but the page itself. */
#include <stdio.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "escale-scratch.h"
#include "escale-web-extension.h"
#include "help-shot.h"
#include "photos-test-widgets.h"
#include "web-escape-fixture.h"

#define ADD_BOUNDS(path, func)                                                                    \
  g_test_add ("/escale/web-bounds/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

static gboolean
shows_calm_page (Fixture *f)
{
  return escale_web_view_get_crashed (f->view) &&
         photos_test_shows_label (GTK_WIDGET (f->view), "La page a rencontré un problème.");
}

static gboolean
shows_salle_1 (Fixture *f)
{
  return shows_site (f) && g_strcmp0 (webkit_web_view_get_title (web (f)), "Salle 1") == 0;
}

static gboolean
tick_cb (gpointer data)
{
  (*(guint *) data)++;
  return G_SOURCE_CONTINUE;
}

static void
home_cb (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  *(gboolean *) data = TRUE;
}

/* The next person's visit: a new session and a new view, as a reset
 * makes them; the previous view must be gone entirely. */
static void
next_visit (Fixture *f)
{
  EscaleWebView *old = g_object_ref (f->view);
  g_autoptr(GError) error = NULL;

  gtk_window_set_child (f->window, NULL);
  escale_test_drain ();
  g_assert_finalize_object (old);
  g_assert_true (escale_web_profile_renew (f->profile, &error));
  g_assert_no_error (error);
  f->view = ESCALE_WEB_VIEW (escale_web_view_new (f->profile, f->policy));
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
}

/* A KiB figure of /proc/PID/status ("VmHWM", "VmRSS"), 0 when gone. */
static guint64
status_kib (const char *pid, const char *field)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/status", pid);
  g_autofree char *text = NULL;
  const char *at;

  if (!g_file_get_contents (path, &text, NULL, NULL) || (at = strstr (text, field)) == NULL)
    return 0;
  return g_ascii_strtoull (at + strlen (field) + 1, NULL, 10);
}

static gboolean
descends_from_us (const char *pid)
{
  g_autofree char *stat = NULL;
  g_autofree char *path = g_strdup_printf ("/proc/%s/stat", pid);
  const char *close;
  int ppid = 0;

  if (!g_file_get_contents (path, &stat, NULL, NULL) || (close = strrchr (stat, ')')) == NULL ||
      sscanf (close + 2, "%*c %d", &ppid) != 1 || ppid <= 1)
    return FALSE;
  if (ppid == getpid ())
    return TRUE;
  {
    g_autofree char *parent = g_strdup_printf ("%d", ppid);

    return descends_from_us (parent);
  }
}

/* The largest peak RSS (MiB) among this test's web processes alive now. */
static guint64
web_processes_peak_mib (void)
{
  g_autoptr(GDir) proc = g_dir_open ("/proc", 0, NULL);
  const char *name;
  guint64 peak = 0;

  while ((name = g_dir_read_name (proc)) != NULL)
    {
      g_autofree char *comm_path = g_strdup_printf ("/proc/%s/comm", name);
      g_autofree char *comm = NULL;

      if (!g_ascii_isdigit (name[0]) || !g_file_get_contents (comm_path, &comm, NULL, NULL) ||
          !g_str_has_prefix (comm, "WebKitWebProces") || !descends_from_us (name))
        continue;
      peak = MAX (peak, status_kib (name, "VmHWM:") / 1024);
    }
  return peak;
}

static guint64 peak_seen;
static guint samples;

static gboolean
sample_cb (gpointer data)
{
  samples++;
  peak_seen = MAX (peak_seen, web_processes_peak_mib ());
  return G_SOURCE_CONTINUE;
}

#define TEST_MEMORY_LIMIT 600 /* MiB */
#define MEMORY_MARGIN 150     /* MiB: what a page adds between two of WebKit's looks */
/* MiB the kiosk's own process may grow by meanwhile; AddressSanitizer keeps
 * freed memory in quarantine (ESCALE_SANITIZE=1 runs). */
#ifdef __SANITIZE_ADDRESS__
#define KIOSK_GROWTH_LIMIT 150
#else
#define KIOSK_GROWTH_LIMIT 50
#endif

/* A page that takes 50 MB every 100 ms: WebKit ends its process under the
 * configured limit (plus the margin of one poll), the person sees the calm
 * page, and the kiosk's own memory did not grow with it. */
static void
test_memory_ceiling (Fixture *f, gconstpointer data)
{
  EscaleWebView *old = g_object_ref (f->view);
  guint64 kiosk_before, kiosk_after;
  guint sampler;

  /* The same view, on a profile with a small ceiling so the test is quick. */
  gtk_window_set_child (f->window, NULL);
  escale_test_drain ();
  g_assert_finalize_object (old);
  g_assert_finalize_object (g_steal_pointer (&f->profile));
  f->profile = escale_web_profile_new_with_memory_limit (TEST_MEMORY_LIMIT);
  f->view = ESCALE_WEB_VIEW (escale_web_view_new (f->profile, f->policy));
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));

  load_and_wait (f, "/");
  kiosk_before = status_kib ("self", "VmRSS:") / 1024;
  peak_seen = 0;
  sampler = g_timeout_add (20, sample_cb, NULL);
  load_and_wait (f, "/allocate");
  wait_for (shows_calm_page, f);
  g_source_remove (sampler);
  kiosk_after = status_kib ("self", "VmRSS:") / 1024;
  g_test_message ("web process peak %" G_GUINT64_FORMAT
                  " MiB (%u samples); kiosk %" G_GUINT64_FORMAT " -> %" G_GUINT64_FORMAT " MiB",
                  peak_seen, samples, kiosk_before, kiosk_after);
  g_assert_cmpuint (peak_seen, >, TEST_MEMORY_LIMIT / 2); /* the page did allocate */
  g_assert_cmpuint (peak_seen, <, TEST_MEMORY_LIMIT + MEMORY_MARGIN);
  g_assert_cmpuint (kiosk_after, <, kiosk_before + KIOSK_GROWTH_LIMIT);
  g_assert_true (
    photos_test_shows_label (GTK_WIDGET (f->view), "La page a rencontré un problème."));
}

/* Nobody touches the kiosk: the page loops for ever 1.5 s after it
 * showed. The calm page comes on its own (the watchdog, not input), while
 * the kiosk's own clock (the countdown, "J'ai fini") keeps ticking;
 * "Accueil" works; the next visit's page loads normally. */
static void
test_hang_without_input (Fixture *f, gconstpointer data)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) home = g_simple_action_new ("home", NULL);
  gboolean went_home = FALSE;
  guint ticks = 0, ticks_at_freeze;
  guint ticker;
  GtkWidget *button;

  g_signal_connect (home, "activate", G_CALLBACK (home_cb), &went_home);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (home));
  gtk_widget_insert_action_group (GTK_WIDGET (f->window), "win", G_ACTION_GROUP (group));

  load_and_wait (f, "/freeze");
  g_assert_false (escale_web_view_get_crashed (f->view));
  escale_test_spin (1700); /* the page's loop has started */
  ticker = g_timeout_add (100, tick_cb, &ticks);
  ticks_at_freeze = ticks;
  wait_for (shows_calm_page, f); /* 30 s ceiling; the design says < 10 s */
  g_source_remove (ticker);
  help_shot_save (GTK_WIDGET (f->window), "web-bounds-hang");
  /* The kiosk's main loop never waited for the frozen page. */
  g_assert_cmpuint (ticks, >, ticks_at_freeze + 10);
  g_assert_cmpuint (escale_web_view_get_hangs (f->view), ==, 1);

  button = photos_test_find_button (GTK_WIDGET (f->view), "Accueil");
  g_assert_nonnull (button);
  g_assert_nonnull (photos_test_find_button (GTK_WIDGET (f->view), "Réessayer"));
  g_signal_emit_by_name (button, "clicked"); /* a touch */
  g_assert_true (went_home);

  next_visit (f);
  load_and_wait (f, "/");
  wait_for (shows_salle_1, f);
  escale_test_spin (3000); /* a few probes of a page that answers */
  g_assert_false (escale_web_view_get_crashed (f->view));
  g_assert_cmpuint (escale_web_view_get_hangs (f->view), ==, 0);
}

/* --- third parties ----------------------------------------------------- */

/* The forbidden origin: it logs every request it receives (path and
 * Referer), whatever the request is (a WebSocket handshake too). */
typedef struct
{
  SoupServer *server;
  char *base;
  GString *log;
} Forbidden;

static void
forbidden_handler (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
                   gpointer user_data)
{
  Forbidden *forbidden = user_data;
  const char *referer =
    soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "Referer");

  g_string_append_printf (forbidden->log, "%s %s\n", path, referer != NULL ? referer : "-");
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "image/gif", SOUP_MEMORY_STATIC, "GIF89a", 6);
}

static void
forbidden_start (Forbidden *forbidden)
{
  forbidden->log = g_string_new (NULL);
  forbidden->base = start_server (&forbidden->server, forbidden_handler, forbidden);
}

static void
forbidden_stop (Forbidden *forbidden)
{
  soup_server_disconnect (forbidden->server);
  g_assert_finalize_object (g_steal_pointer (&forbidden->server));
  g_free (forbidden->base);
  g_string_free (forbidden->log, TRUE);
}

static const char *third_party_base;
static GString *site_log; /* the allowed site's own beacons, pings, fetches... */

/* The page: every kind of load a page can make, once to its own site and
 * once to the forbidden origin; "fini" in its title when all are over. */
static char *
third_parties_page (void)
{
  g_autofree char *socket_base = g_strconcat ("ws", third_party_base + strlen ("http"), NULL);

  return g_strdup_printf (
    "<!DOCTYPE html><html><head><title>Salle 1</title>"
    "<link rel=stylesheet href='/own.css'><script src='/own.js'></script>"
    "<link rel=stylesheet href='%1$s/style.css'><script src='%1$s/script.js'></script>"
    "<style>@font-face{font-family:F;src:url(%1$s/font.woff)}p{font-family:F}"
    "@font-face{font-family:O;src:url(/own-font.woff)}#ownp{font-family:O}</style>"
    "</head><body><div id=own></div><p>Bienvenue</p><span id=ownp>Salle</span>"
    "<img id=ownimg src='/own.svg'><img src='%1$s/pixel.gif'>"
    "<iframe name=pane></iframe>"
    "<a id=link href='/own-pane' target=pane ping='/own-ping %1$s/ping'>Suite</a>"
    "<script>"
    "window.results = {};"
    "const socket = (url) => new Promise(r => { try { const w = new WebSocket(url);"
    "  w.onopen = () => { results[url] = 'open'; w.close(); r(0); };"
    "  w.onerror = w.onclose = () => r(0); } catch (e) { r(0); } });"
    "const xhr = (url) => new Promise(r => { const x = new XMLHttpRequest();"
    "  x.open('GET', url); x.onload = x.onerror = () => r(0); x.send(); });"
    "navigator.sendBeacon('/own-beacon', 'x'); navigator.sendBeacon('%1$s/beacon', 'x');"
    "const worker = (url) => new Promise(r => { const w = new Worker(URL.createObjectURL("
    "  new Blob([`fetch('${url}').catch(e => 0).then(() => postMessage(0))`])));"
    "  w.onmessage = w.onerror = () => r(0); });"
    "const tries = [fetch('/own-fetch').catch(e => 0), xhr('/own-xhr'),"
    " worker(location.origin + '/own-worker'), worker('%1$s/worker'),"
    " fetch('%1$s/cors').catch(e => 0),"
    " fetch('%1$s/no-cors', {mode: 'no-cors'}).catch(e => 0), xhr('%1$s/xhr'),"
    " document.fonts.load('16px F').catch(e => 0), document.fonts.load('16px O').catch(e => 0),"
    " socket('%2$s/socket'), socket(location.origin.replace('http', 'ws') + '/own-socket')];"
    "document.getElementById('link').click();"
    "Promise.allSettled(tries).then(() => setTimeout(() => document.title = 'fini', 500));"
    "</script></body></html>",
    third_party_base, socket_base);
}

/* The allowed site's own resources, and pages that reach for the
 * forbidden origin in every way a page can. */
static void
site_handler (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
              gpointer user_data)
{
  g_autofree char *body = NULL;
  const char *type = "text/html";

  if (g_str_equal (path, "/own.js"))
    body = g_strdup ("window.ownScript = true;"), type = "text/javascript";
  else if (g_str_equal (path, "/own.css"))
    body = g_strdup ("#own{width:123px}"), type = "text/css";
  else if (g_str_equal (path, "/own.svg"))
    body = g_strdup ("<svg xmlns='http://www.w3.org/2000/svg' width='20' height='20'/>"),
    type = "image/svg+xml";
  else if (g_str_has_prefix (path, "/own-"))
    {
      g_string_append_printf (site_log, "%s\n", path);
      body = g_strdup (""), type = "text/plain";
    }
  else if (g_str_equal (path, "/third-parties"))
    body = third_parties_page ();
  else if (g_str_equal (path, "/referer"))
    /* The page asks for its full address to be sent everywhere. */
    body = g_strdup_printf ("<!DOCTYPE html><html><head><title>Salle 1</title>"
                            "<meta name=referrer content=unsafe-url></head><body>"
                            "<img src='%s/pixel.gif' onload=\"document.title='fini'\" "
                            "onerror=\"document.title='fini'\"></body></html>",
                            third_party_base);
  soup_server_message_set_status (msg, body != NULL ? SOUP_STATUS_OK : SOUP_STATUS_NOT_FOUND,
                                  NULL);
  if (body != NULL)
    soup_server_message_set_response (msg, type, SOUP_MEMORY_COPY, body, strlen (body));
}

/* The site's own WebSocket: the handshake is what the page sees. */
static void
own_socket_cb (SoupServer *server, SoupServerMessage *msg, const char *path,
               SoupWebsocketConnection *connection, gpointer user_data)
{
  g_string_append_printf (site_log, "%s\n", path);
}

static gboolean
page_finished (Fixture *f)
{
  return g_strcmp0 (webkit_web_view_get_title (web (f)), "fini") == 0;
}

/* A new view on @f's policy, as the culture corner makes one per site. */
static void
new_view (Fixture *f)
{
  EscaleWebView *old = g_object_ref (f->view);

  gtk_window_set_child (f->window, NULL);
  escale_test_drain ();
  g_assert_finalize_object (old);
  f->view = ESCALE_WEB_VIEW (escale_web_view_new (f->profile, f->policy));
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
}

static void
serve_site (Fixture *f, Forbidden *forbidden)
{
  forbidden_start (forbidden);
  third_party_base = forbidden->base;
  site_log = g_string_new (NULL);
  for (const char *const *p = (const char *const[]){ "/own.js", "/own.css", "/own.svg", "/own-",
                                                     "/third-parties", "/referer", NULL };
       *p != NULL; p++)
    soup_server_add_handler (f->allowed, *p, site_handler, f, NULL);
  soup_server_add_websocket_handler (f->allowed, "/own-socket", NULL, NULL, own_socket_cb, f,
                                     NULL);
}

static void
unserve_site (Forbidden *forbidden)
{
  forbidden_stop (forbidden);
  g_string_free (g_steal_pointer (&site_log), TRUE);
}

/* Every first-party load of /third-parties reached the site. */
static gboolean
site_heard_everything (Fixture *f)
{
  for (const char *const *p =
         (const char *const[]){ "/own-beacon\n", "/own-fetch\n", "/own-xhr\n", "/own-font.woff\n",
                                "/own-ping\n", "/own-socket\n", "/own-worker\n", NULL };
       *p != NULL; p++)
    if (strstr (site_log->str, *p) == NULL)
      return FALSE;
  return TRUE;
}

/* The forbidden origin's loads of /third-parties that strict mode blocks:
 * style sheet, script, image, font, beacon, fetch (cors and no-cors),
 * XMLHttpRequest, WebSocket, <a ping>, a worker's fetch. */
#define THIRD_PARTY_LOADS 11

static char *other_site; /* the allowed site under another name: another site for WebKit */

static gboolean
other_site_finished (Fixture *f)
{
  return g_str_has_prefix (webkit_web_view_get_uri (web (f)), other_site) &&
         !webkit_web_view_is_loading (web (f)) && page_finished (f);
}

/* Strict mode: every kind of load to another origin never reaches it and
 * is counted, each one; the site's own loads of every kind still work.
 * Then the same on another allowed site, which WebKit shows in a new web
 * process: its new page asks for the rules too. */
static void
test_strict_blocks_third_parties (Fixture *f, gconstpointer data)
{
  g_autofree char *rules_dir = g_dir_make_tmp ("escale-strict-XXXXXX", NULL);
  g_autofree char *own = NULL;
  g_autofree char *own_socket = NULL;
  g_autofree char *workers = NULL;
  g_autofree char *other_page = NULL;
  Forbidden forbidden = { 0 };

  serve_site (f, &forbidden);
  other_site = g_strconcat ("http://localhost", strrchr (f->base, ':'), NULL);
  other_page = g_strconcat (other_site, "/third-parties", NULL);
  g_assert_true (escale_web_policy_allow_origin (f->policy, other_site, NULL));
  escale_web_policy_set_strict (f->policy, rules_dir);
  new_view (f);
  load_and_wait (f, "/third-parties");
  wait_for (page_finished, f);
  wait_for (site_heard_everything, f);
  escale_test_spin (500); /* a late beacon or ping would show now */
  own = eval_page (f, "return [window.ownScript === true,"
                      " document.getElementById('ownimg').naturalWidth > 0,"
                      " getComputedStyle(document.getElementById('own')).width].join(' ')");
  g_assert_cmpstr (own, ==, "true true 123px");
  own_socket = eval_page (f, "return results[location.origin.replace('http', 'ws') + "
                             "'/own-socket']");
  g_assert_cmpstr (own_socket, ==, "open");
  /* Workers that run without a page (the extension would not see their
   * loads) are not there. */
  workers =
    eval_page (f, "return [typeof navigator.serviceWorker, typeof SharedWorker].join(' ')");
  g_assert_cmpstr (workers, ==, "undefined undefined");
  g_assert_cmpstr (forbidden.log->str, ==, "");
  g_assert_cmpuint (escale_web_view_get_blocked (f->view), ==, THIRD_PARTY_LOADS);

  escale_web_view_load (f->view, other_page);
  wait_for (other_site_finished, f);
  escale_test_spin (500);
  g_assert_cmpstr (forbidden.log->str, ==, "");
  g_assert_cmpuint (escale_web_view_get_blocked (f->view), ==, 2 * THIRD_PARTY_LOADS);
  g_clear_pointer (&other_site, g_free);
  escale_web_policy_set_strict (f->policy, NULL);
  new_view (f); /* the strict view and its filter go before their folder */
  escale_remove_tree (rules_dir, NULL);
  unserve_site (&forbidden);
}

/* The same page without strict mode: every one of those loads reaches the
 * forbidden origin (so the test above would see one that got through),
 * and nothing is counted. */
static void
test_not_strict_lets_third_parties (Fixture *f, gconstpointer data)
{
  Forbidden forbidden = { 0 };
  g_auto(GStrv) lines = NULL;
  g_autofree char *workers = NULL;
  g_autoptr(GHashTable) paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  serve_site (f, &forbidden);
  load_and_wait (f, "/third-parties");
  wait_for (page_finished, f);
  wait_for (site_heard_everything, f);
  escale_test_spin (500);
  workers =
    eval_page (f, "return [typeof navigator.serviceWorker, typeof SharedWorker].join(' ')");
  g_assert_cmpstr (workers, ==, "object function");
  /* Each kind once at least (a busy machine may see one asked twice). */
  lines = g_strsplit (forbidden.log->str, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    g_hash_table_add (paths, g_strndup (lines[i], strcspn (lines[i], " ")));
  g_assert_cmpuint (g_hash_table_size (paths), ==, THIRD_PARTY_LOADS);
  g_assert_cmpuint (escale_web_view_get_blocked (f->view), ==, 0);
  unserve_site (&forbidden);
}

/* Strict mode rests on Escale's web process extension: where it is not
 * installed, a strict site is not shown at all (the refusal page is), and
 * nothing reaches the other origin. */
static void
test_strict_needs_extension (Fixture *f, gconstpointer data)
{
  g_autofree char *rules_dir = g_dir_make_tmp ("escale-strict-XXXXXX", NULL);
  g_autofree char *empty = g_dir_make_tmp ("escale-no-extension-XXXXXX", NULL);
  g_autofree char *installed = g_strdup (g_getenv (ESCALE_WEB_EXTENSIONS_ENV));
  g_autofree char *uri = NULL;
  EscaleWebView *old = g_object_ref (f->view);
  Forbidden forbidden = { 0 };

  serve_site (f, &forbidden);
  gtk_window_set_child (f->window, NULL);
  escale_test_drain ();
  g_assert_finalize_object (old);
  g_assert_finalize_object (g_steal_pointer (&f->profile));
  g_setenv (ESCALE_WEB_EXTENSIONS_ENV, empty, TRUE);
  f->profile = escale_web_profile_new ();
  escale_web_policy_set_strict (f->policy, rules_dir);
  f->view = ESCALE_WEB_VIEW (escale_web_view_new (f->profile, f->policy));
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  g_test_expect_message ("escale-web", G_LOG_LEVEL_WARNING, "*extension installed?*");
  uri = g_strconcat (f->base, "/third-parties", NULL);
  escale_web_view_load (f->view, uri);
  wait_for (shows_refusal, f);
  g_test_assert_expected_messages ();
  escale_test_spin (500);
  g_assert_cmpstr (forbidden.log->str, ==, "");
  g_assert_null (strstr (f->uris_seen->str, "/third-parties"));

  g_setenv (ESCALE_WEB_EXTENSIONS_ENV, installed, TRUE);
  escale_web_policy_set_strict (f->policy, NULL);
  new_view (f);
  escale_remove_tree (rules_dir, NULL);
  g_rmdir (empty);
  unserve_site (&forbidden);
}

/* Strict mode off: what goes to another origin carries only the page's
 * origin as Referer, even when the page asks for its full address. */
static void
test_referer_trimmed (Fixture *f, gconstpointer data)
{
  g_autofree char *expected = NULL;
  Forbidden forbidden = { 0 };

  serve_site (f, &forbidden);
  load_and_wait (f, "/referer");
  wait_for (page_finished, f);
  expected = g_strdup_printf ("/pixel.gif %s/\n", f->base);
  g_assert_cmpstr (forbidden.log->str, ==, expected);
  g_assert_cmpuint (escale_web_view_get_blocked (f->view), ==, 0);
  unserve_site (&forbidden);
}

int
main (int argc, char **argv)
{
  g_autoptr(GtkCssProvider) css = NULL;

  gtk_test_init (&argc, &argv, NULL);
  /* The kiosk's style sheet, so the calm page is drawn as the kiosk draws it. */
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/fr/escale/Escale/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  ADD_BOUNDS ("hang-without-input-shows-calm-page", test_hang_without_input);
  ADD_BOUNDS ("memory-ceiling-ends-runaway-page", test_memory_ceiling);
  ADD_BOUNDS ("strict-blocks-third-parties", test_strict_blocks_third_parties);
  ADD_BOUNDS ("not-strict-lets-third-parties", test_not_strict_lets_third_parties);
  ADD_BOUNDS ("strict-needs-the-extension", test_strict_needs_extension);
  ADD_BOUNDS ("referer-trimmed-to-origin", test_referer_trimmed);
  return g_test_run ();
}
