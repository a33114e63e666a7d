/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "escale-web-view.h"

/* One test per way out of the locked web view. A local server on
 * 127.0.0.1 (port 0) plays the allowlisted museum site; a second one plays
 * a site that is not allowed. Each test acts through the page (script, or a
 * real click under Xvfb) and checks what a person would see: the kiosk's own
 * page still shown (the site or Escale's refusal page), still one window,
 * nothing saved, nothing opened. */

typedef struct
{
  SoupServer *allowed;
  SoupServer *other;
  char *base;          /* http://127.0.0.1:PORT of the allowed site */
  char *other_base;
  char *dir;
  EscaleWebProfile *profile;
  EscaleWebPolicy *policy;
  GtkWindow *window;
  EscaleWebView *view;
  GString *uris_seen;  /* every address the view showed, one a line */
} Fixture;

static const char *escape_target; /* for /link pages built per test */

/* A one-page PDF, the kind of programme a museum site links to. */
static const char minimal_pdf[] =
  "%PDF-1.4\n"
  "1 0 obj\n"
  "<< /Type /Catalog /Pages 2 0 R >>\n"
  "endobj\n"
  "2 0 obj\n"
  "<< /Type /Pages /Kids [3 0 R] /Count 1 >>\n"
  "endobj\n"
  "3 0 obj\n"
  "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>\n"
  "endobj\n"
  "4 0 obj\n"
  "<< /Length 49 >>\n"
  "stream\n"
  "BT /F1 24 Tf 40 100 Td (Programme du musee) Tj ET\n"
  "endstream\n"
  "endobj\n"
  "5 0 obj\n"
  "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\n"
  "endobj\n"
  "xref\n"
  "0 6\n"
  "0000000000 65535 f \n"
  "0000000009 00000 n \n"
  "0000000058 00000 n \n"
  "0000000115 00000 n \n"
  "0000000241 00000 n \n"
  "0000000340 00000 n \n"
  "trailer\n"
  "<< /Size 6 /Root 1 0 R >>\n"
  "startxref\n"
  "410\n"
  "%%EOF\n";

static void
reply (SoupServerMessage *msg, guint status, const char *type, const char *body)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, type, SOUP_MEMORY_COPY, body, strlen (body));
}

static void
allowed_handler (SoupServer *server, SoupServerMessage *msg, const char *path,
                 GHashTable *query, gpointer user_data)
{
  Fixture *f = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  if (g_str_equal (path, "/redirect"))
    {
      g_autofree char *to = g_strconcat (f->other_base, "/", NULL);

      soup_message_headers_replace (headers, "Location", to);
      reply (msg, SOUP_STATUS_FOUND, "text/html", "");
    }
  else if (g_str_equal (path, "/redirect-inside"))
    {
      soup_message_headers_replace (headers, "Location", "/salle-2");
      reply (msg, SOUP_STATUS_FOUND, "text/html", "");
    }
  else if (g_str_equal (path, "/programme.pdf"))
    reply (msg, SOUP_STATUS_OK, "application/pdf", minimal_pdf);
  else if (g_str_equal (path, "/catalogue.bin"))
    reply (msg, SOUP_STATUS_OK, "application/octet-stream", "MZ not a program");
  else if (g_str_equal (path, "/auth"))
    {
      soup_message_headers_replace (headers, "WWW-Authenticate", "Basic realm=\"musee\"");
      reply (msg, SOUP_STATUS_UNAUTHORIZED, "text/html",
             "<title>Accès réservé</title><p>Réservé</p>");
    }
  else if (g_str_equal (path, "/link"))
    {
      g_autofree char *body = g_strdup_printf (
        "<!DOCTYPE html><html><head><title>Salle 1</title><style>"
        "body{margin:0}a,input{display:block;width:100vw;height:100vh}</style></head>"
        "<body><a id=\"l\" href=\"%s\">Aller plus loin</a></body></html>", escape_target);

      reply (msg, SOUP_STATUS_OK, "text/html", body);
    }
  else if (g_str_equal (path, "/blank-link"))
    {
      g_autofree char *body = g_strdup_printf (
        "<!DOCTYPE html><html><head><title>Salle 1</title><style>"
        "body{margin:0}a{display:block;width:100vw;height:100vh}</style></head>"
        "<body><a id=\"l\" target=\"_blank\" href=\"%s\">Ouvrir</a></body></html>",
        escape_target);

      reply (msg, SOUP_STATUS_OK, "text/html", body);
    }
  else if (g_str_equal (path, "/file-input"))
    reply (msg, SOUP_STATUS_OK, "text/html",
           "<!DOCTYPE html><html><head><title>Salle 1</title><style>"
           "body{margin:0}input{display:block;width:100vw;height:100vh}</style></head>"
           "<body><input id=\"f\" type=\"file\"></body></html>");
  else if (g_str_equal (path, "/salle-2"))
    reply (msg, SOUP_STATUS_OK, "text/html", "<title>Salle 2</title><p>La salle des tableaux</p>");
  else
    reply (msg, SOUP_STATUS_OK, "text/html",
           "<!DOCTYPE html><title>Salle 1</title><h1>Bienvenue au musée</h1>");
}

static void
other_handler (SoupServer *server, SoupServerMessage *msg, const char *path,
               GHashTable *query, gpointer user_data)
{
  reply (msg, SOUP_STATUS_OK, "text/html", "<title>Ailleurs</title><p>Un autre site</p>");
}

static char *
start_server (SoupServer **server, SoupServerCallback handler, gpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  GSList *uris;
  char *base;

  *server = soup_server_new (NULL, NULL);
  soup_server_add_handler (*server, NULL, handler, data, NULL);
  g_assert_true (soup_server_listen (*server, address, 0, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (*server);
  base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return base;
}

static WebKitWebView *web (Fixture *f);

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Spins the main loop until @cond holds; fails the test after 30 s. */
static void
wait_for (gboolean (*cond) (Fixture *), Fixture *f)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (30, timeout_cb, &timed_out);

  while (!cond (f) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  else
    g_test_message ("timed out showing %s (loading: %d)", webkit_web_view_get_uri (web (f)),
                    webkit_web_view_is_loading (web (f)));
  g_assert_false (timed_out);
}

static void
spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static WebKitWebView *
web (Fixture *f)
{
  return escale_web_view_get_web_view (f->view);
}

static gboolean
loaded (Fixture *f)
{
  return !webkit_web_view_is_loading (web (f)) && webkit_web_view_get_uri (web (f)) != NULL;
}

static gboolean
shows_site (Fixture *f)
{
  return loaded (f) && g_str_has_prefix (webkit_web_view_get_uri (web (f)), f->base);
}

static gboolean
shows_refusal (Fixture *f)
{
  return loaded (f) &&
         g_strcmp0 (webkit_web_view_get_uri (web (f)), ESCALE_WEB_REFUSED_URI) == 0 &&
         g_strcmp0 (webkit_web_view_get_title (web (f)), "Page non disponible") == 0;
}

static gboolean
shows_salle_2 (Fixture *f)
{
  return loaded (f) && g_str_has_suffix (webkit_web_view_get_uri (web (f)), "/salle-2");
}

static gboolean
refused_something (Fixture *f)
{
  return escale_web_view_get_refusals (f->view) > 0;
}

static guint
count_toplevels (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  return g_list_model_get_n_items (toplevels);
}

static const char *expected_uri;

static gboolean
shows_expected (Fixture *f)
{
  return loaded (f) && g_strcmp0 (webkit_web_view_get_uri (web (f)), expected_uri) == 0;
}

static void
load_and_wait (Fixture *f, const char *path)
{
  g_autofree char *uri = g_strconcat (f->base, path, NULL);

  escale_web_view_load (f->view, uri);
  expected_uri = uri;
  wait_for (shows_expected, f);
  expected_uri = NULL;
}

/* The person's view of the kiosk: our own page (the allowed site or the
 * refusal page), one window, nothing downloaded. */
static void
assert_still_kiosk (Fixture *f)
{
  const char *uri = webkit_web_view_get_uri (web (f));

  g_assert_true (g_str_has_prefix (uri, f->base) || g_str_equal (uri, ESCALE_WEB_REFUSED_URI));
  g_assert_cmpuint (count_toplevels (), ==, 1);
  g_assert_true (gtk_window_is_active (f->window) || gtk_widget_get_mapped (GTK_WIDGET (f->window)));
  g_assert_false (escale_web_view_get_crashed (f->view));
}

static void
run_js (Fixture *f, const char *script)
{
  webkit_web_view_evaluate_javascript (web (f), script, -1, NULL, NULL, NULL, NULL, NULL);
}

static char *js_result;

static void
js_done_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(JSCValue) value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (source),
                                                                          result, NULL);

  js_result = value != NULL ? jsc_value_to_string (value) : g_strdup ("(error)");
}

static gboolean
js_finished (Fixture *f)
{
  return js_result != NULL;
}

/* Runs an async function body in the page and returns its result as text. */
static char *
eval_page (Fixture *f, const char *body)
{
  g_clear_pointer (&js_result, g_free);
  webkit_web_view_call_async_javascript_function (web (f), body, -1, NULL, NULL, NULL, NULL,
                                                  js_done_cb, NULL);
  wait_for (js_finished, f);
  return g_steal_pointer (&js_result);
}

/* A real click in the middle of the screen, through X, as a finger would. */
static void
real_click (Fixture *f, int button)
{
  g_autofree char *cmd = g_strdup_printf ("xdotool mousemove 640 400 click %d", button);
  g_autoptr(GError) error = NULL;
  int status = 0;

  spin (300);
  g_assert_true (g_spawn_command_line_sync (cmd, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
}

static void
uri_changed_cb (WebKitWebView *view, GParamSpec *pspec, Fixture *f)
{
  g_string_append_printf (f->uris_seen, "%s\n", webkit_web_view_get_uri (view));
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("escale-web-escape-XXXXXX", &error);
  g_assert_no_error (error);
  f->base = start_server (&f->allowed, allowed_handler, f);
  f->other_base = start_server (&f->other, other_handler, f);
  f->profile = escale_web_profile_new ();
  f->policy = escale_web_policy_new ();
  g_assert_true (escale_web_policy_allow_origin (f->policy, f->base, NULL));

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1280, 800);
  f->view = ESCALE_WEB_VIEW (escale_web_view_new (f->profile, f->policy));
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  f->uris_seen = g_string_new (NULL);
  g_signal_connect (web (f), "notify::uri", G_CALLBACK (uri_changed_cb), f);
  gtk_window_fullscreen (f->window);
  gtk_window_present (f->window);
  g_assert_cmpuint (count_toplevels (), ==, 1);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (f->window);
  g_clear_object (&f->profile);
  g_clear_object (&f->policy);
  soup_server_disconnect (f->allowed);
  soup_server_disconnect (f->other);
  g_clear_object (&f->allowed);
  g_clear_object (&f->other);
  g_assert_true (g_rmdir (f->dir) == 0);  /* nothing was downloaded into it */
  g_free (f->dir);
  g_free (f->base);
  g_free (f->other_base);
  g_string_free (f->uris_seen, TRUE);
  g_assert_cmpuint (count_toplevels (), ==, 0);
}

/* --- navigation to refused schemes and origins --------------------------- */

static void
click_link_to (Fixture *f, const char *target)
{
  escape_target = target;
  load_and_wait (f, "/link");
  run_js (f, "document.getElementById('l').click()");
}

static gboolean
refused_or_moved_on (Fixture *f)
{
  return shows_refusal (f) || shows_salle_2 (f);
}

/* A link to a refused address: Escale's calm page, whose "Retour" brings
 * the site back. WebKit itself stops some (file: from a web page) before
 * asking the policy; then the page just stays, and half a second later the
 * page moves on to an allowed room, proving nothing else was shown. */
static void
test_refused_link (Fixture *f, gconstpointer data)
{
  const char *target = data;
  g_autofree char *scheme = g_strndup (target, strcspn (target, ":"));

  click_link_to (f, target);
  run_js (f, "setTimeout(function () { location.href = '/salle-2'; }, 500)");
  wait_for (refused_or_moved_on, f);
  assert_still_kiosk (f);
  g_assert_null (strstr (f->uris_seen->str, target));
  g_assert_false (g_str_has_prefix (webkit_web_view_get_uri (web (f)), scheme));

  if (shows_refusal (f))
    {
      g_test_message ("%s: refused with Escale's page", target);
      run_js (f, "document.getElementById('back').click()");
      wait_for (shows_site, f);
      assert_still_kiosk (f);
    }
  else
    g_test_message ("%s: stopped by WebKit before the policy", target);
}

/* An address given by the kiosk itself is checked too. */
static void
test_direct_file_load (Fixture *f, gconstpointer data)
{
  escale_web_view_load (f->view, "file:///etc/");
  wait_for (shows_refusal, f);
  assert_still_kiosk (f);
  g_assert_null (strstr (f->uris_seen->str, "file:"));
}

static void
test_other_origin (Fixture *f, gconstpointer data)
{
  g_autofree char *target = g_strconcat (f->other_base, "/", NULL);

  click_link_to (f, target);
  wait_for (shows_refusal, f);
  assert_still_kiosk (f);
}

static void
test_allowed_link (Fixture *f, gconstpointer data)
{
  g_autofree char *target = g_strconcat (f->base, "/salle-2", NULL);

  click_link_to (f, target);
  wait_for (shows_salle_2, f);
  g_assert_cmpstr (webkit_web_view_get_uri (web (f)), ==, target);
  g_assert_cmpuint (escale_web_view_get_refusals (f->view), ==, 0);
  assert_still_kiosk (f);
}

static void
test_redirect_rechecked (Fixture *f, gconstpointer data)
{
  g_autofree char *inside = g_strconcat (f->base, "/redirect-inside", NULL);
  g_autofree char *outside = g_strconcat (f->base, "/redirect", NULL);
  g_autofree char *salle = g_strconcat (f->base, "/salle-2", NULL);

  /* A redirect inside the site is followed... */
  escale_web_view_load (f->view, inside);
  wait_for (shows_salle_2, f);
  g_assert_cmpstr (webkit_web_view_get_uri (web (f)), ==, salle);
  /* ...one to another site is refused. */
  escale_web_view_load (f->view, outside);
  wait_for (shows_refusal, f);
  assert_still_kiosk (f);
}

/* A script sending the page to file:///etc/ (WebKit or the policy stops
 * it); the next, allowed, navigation shows that nothing else was shown. */
static void
test_script_navigation (Fixture *f, gconstpointer data)
{
  load_and_wait (f, "/");
  run_js (f, "location.href = 'file:///etc/'");
  run_js (f, "setTimeout(function () { location.href = '/salle-2'; }, 200)");
  wait_for (shows_salle_2, f);
  assert_still_kiosk (f);
  g_assert_null (strstr (f->uris_seen->str, "file:"));
}

static void
test_blob_top_level (Fixture *f, gconstpointer data)
{
  load_and_wait (f, "/");
  run_js (f, "var a = document.createElement('a');"
             "a.href = URL.createObjectURL(new Blob(['<h1>x</h1>'], {type: 'text/html'}));"
             "document.body.appendChild(a); a.click();");
  wait_for (shows_refusal, f);
  assert_still_kiosk (f);
}

/* --- new windows ---------------------------------------------------------- */

static void
test_window_open_refused (Fixture *f, gconstpointer data)
{
  g_autofree char *target = g_strconcat (f->other_base, "/", NULL);
  g_autofree char *script = g_strdup_printf ("document.onclick = function () {"
                                             " window.open('%s'); }", target);

  load_and_wait (f, "/");
  run_js (f, script);
  real_click (f, 1);
  wait_for (shows_refusal, f);
  assert_still_kiosk (f);
}

static void
test_window_open_allowed_same_view (Fixture *f, gconstpointer data)
{
  g_autofree char *target = g_strconcat (f->base, "/salle-2", NULL);
  g_autofree char *script = g_strdup_printf ("document.onclick = function () {"
                                             " window.open('%s'); }", target);

  load_and_wait (f, "/");
  run_js (f, script);
  real_click (f, 1);
  wait_for (shows_salle_2, f);
  g_assert_cmpstr (webkit_web_view_get_uri (web (f)), ==, target);
  assert_still_kiosk (f);
}

static void
test_target_blank (Fixture *f, gconstpointer data)
{
  g_autofree char *refused = g_strconcat (f->other_base, "/", NULL);

  escape_target = refused;
  load_and_wait (f, "/blank-link");
  real_click (f, 1);
  wait_for (shows_refusal, f);
  assert_still_kiosk (f);
}

/* --- downloads, dialogs, permissions ------------------------------------- */

static void
test_download_refused (Fixture *f, gconstpointer data)
{
  g_autofree char *target = g_strconcat (f->base, "/catalogue.bin", NULL);

  click_link_to (f, target);
  wait_for (shows_refusal, f);
  assert_still_kiosk (f);
}

/* A PDF is not shown with PDF.js (whose Download and Print buttons would
 * be ways out): the calm page says it is not available here. */
static void
test_pdf_refused (Fixture *f, gconstpointer data)
{
  g_autofree char *target = g_strconcat (f->base, "/programme.pdf", NULL);

  click_link_to (f, target);
  wait_for (shows_refusal, f);
  assert_still_kiosk (f);
}

static void
test_download_attribute_refused (Fixture *f, gconstpointer data)
{
  load_and_wait (f, "/");
  run_js (f, "var a = document.createElement('a'); a.download = 'lettre.txt';"
             "a.href = URL.createObjectURL(new Blob(['bonjour'], {type: 'text/plain'}));"
             "document.body.appendChild(a); a.click();");
  wait_for (refused_something, f);
  spin (300);
  assert_still_kiosk (f);
}

static void
test_file_chooser (Fixture *f, gconstpointer data)
{
  load_and_wait (f, "/file-input");
  real_click (f, 1);
  wait_for (refused_something, f);
  spin (300);
  assert_still_kiosk (f);
  g_assert_cmpstr (webkit_web_view_get_title (web (f)), ==, "Salle 1");
}

static void
test_print (Fixture *f, gconstpointer data)
{
  load_and_wait (f, "/");
  run_js (f, "window.print()");
  wait_for (refused_something, f);
  spin (300);
  assert_still_kiosk (f);
}

static void
test_http_auth (Fixture *f, gconstpointer data)
{
  g_autofree char *target = g_strconcat (f->base, "/auth", NULL);

  escale_web_view_load (f->view, target);
  wait_for (refused_something, f);
  wait_for (loaded, f);
  assert_still_kiosk (f);
}

static gboolean
has_dialog (Fixture *f)
{
  return escale_web_view_get_dialog_message (f->view) != NULL;
}

static gboolean
view_gone (Fixture *f)
{
  return f->view == NULL;
}

static void
test_alert_is_calm_and_never_blocks (Fixture *f, gconstpointer data)
{
  g_autofree char *answer = NULL;

  load_and_wait (f, "/");
  run_js (f, "alert('Le musée ferme à 18 heures')");
  wait_for (has_dialog, f);
  g_assert_cmpstr (escale_web_view_get_dialog_message (f->view), ==,
                   "Le musée ferme à 18 heures");
  g_assert_cmpuint (count_toplevels (), ==, 1);
  g_assert_true (escale_web_view_answer_dialog (f->view, TRUE));
  g_assert_null (escale_web_view_get_dialog_message (f->view));

  /* A prompt never waits for an answer; a pending alert does not keep the
   * view alive when the visit ends. */
  answer = eval_page (f, "return String(prompt('Votre nom ?'))");
  g_assert_cmpstr (answer, ==, "null");
  run_js (f, "alert('encore')");
  wait_for (has_dialog, f);
  g_object_add_weak_pointer (G_OBJECT (f->view), (gpointer *) &f->view);
  gtk_window_set_child (f->window, NULL);
  wait_for (view_gone, f);
  f->view = ESCALE_WEB_VIEW (escale_web_view_new (f->profile, f->policy));
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  load_and_wait (f, "/");
  assert_still_kiosk (f);
}

static void
test_permissions_denied (Fixture *f, gconstpointer data)
{
  g_autofree char *geo = NULL;
  g_autofree char *notif = NULL;

  load_and_wait (f, "/");
  geo = eval_page (f, "return await new Promise(r => navigator.geolocation.getCurrentPosition("
                      "() => r('granted'), e => r('denied')))");
  g_assert_cmpstr (geo, ==, "denied");
  notif = eval_page (f, "return await Notification.requestPermission()");
  g_assert_cmpstr (notif, ==, "denied");
  g_assert_cmpuint (escale_web_view_get_refusals (f->view), >=, 1);
  assert_still_kiosk (f);
}

static void
test_no_developer_tools (Fixture *f, gconstpointer data)
{
  WebKitSettings *settings = webkit_web_view_get_settings (web (f));

  g_assert_false (webkit_settings_get_enable_developer_extras (settings));
  g_assert_false (webkit_settings_get_javascript_can_open_windows_automatically (settings));
  g_assert_false (webkit_settings_get_allow_file_access_from_file_urls (settings));
  g_assert_false (webkit_settings_get_allow_universal_access_from_file_urls (settings));
  load_and_wait (f, "/");
  /* Asking for the inspector from the page's side does nothing. */
  webkit_web_inspector_show (webkit_web_view_get_inspector (web (f)));
  spin (500);
  assert_still_kiosk (f);
}

/* --- crash ---------------------------------------------------------------- */

static gboolean
crashed (Fixture *f)
{
  return escale_web_view_get_crashed (f->view);
}

static void
test_crash_page (Fixture *f, gconstpointer data)
{
  g_autofree char *home = NULL;

  load_and_wait (f, "/");
  home = g_strdup (webkit_web_view_get_uri (web (f)));
  g_test_expect_message ("escale-web", G_LOG_LEVEL_MESSAGE, "*web process ended*");
  webkit_web_view_terminate_web_process (web (f));
  wait_for (crashed, f);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (count_toplevels (), ==, 1);

  escale_web_view_retry (f->view);
  g_assert_false (escale_web_view_get_crashed (f->view));
  wait_for (shows_site, f);
  g_assert_cmpstr (webkit_web_view_get_uri (web (f)), ==, home);
  assert_still_kiosk (f);
}

static guint menu_items = G_MAXUINT;
static gboolean menu_has_only_back_reload;

static gboolean
menu_shown_cb (WebKitWebView *view, WebKitContextMenu *menu, WebKitHitTestResult *hit,
               gpointer data)
{
  menu_items = webkit_context_menu_get_n_items (menu);
  menu_has_only_back_reload = TRUE;
  for (guint i = 0; i < menu_items; i++)
    {
      WebKitContextMenuAction action =
        webkit_context_menu_item_get_stock_action (webkit_context_menu_get_item_at_position (menu,
                                                                                            i));

      if (action != WEBKIT_CONTEXT_MENU_ACTION_GO_BACK &&
          action != WEBKIT_CONTEXT_MENU_ACTION_RELOAD)
        menu_has_only_back_reload = FALSE;
    }
  return TRUE;  /* the test only looks at what Escale left in the menu */
}

static gboolean
menu_seen (Fixture *f)
{
  return menu_items != G_MAXUINT;
}

/* A right click (or a long press) offers only Retour and Recharger: no
 * "Inspect Element", no "Open Link in New Window", no "Save Image As". */
static void
test_context_menu (Fixture *f, gconstpointer data)
{
  g_autofree char *target = g_strconcat (f->base, "/salle-2", NULL);

  click_link_to (f, target);
  wait_for (shows_salle_2, f);
  escape_target = "/salle-2";
  load_and_wait (f, "/link");
  g_signal_connect_after (web (f), "context-menu", G_CALLBACK (menu_shown_cb), NULL);
  real_click (f, 3);
  wait_for (menu_seen, f);
  g_assert_cmpuint (menu_items, ==, 2);
  g_assert_true (menu_has_only_back_reload);
  assert_still_kiosk (f);
}

static gboolean
tls_handled (Fixture *f)
{
  return shows_refusal (f);
}

/* A site whose certificate cannot be trusted is refused calmly: no
 * "accept the risk" question. */
static void
test_bad_certificate (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key = g_build_filename (f->dir, "key.pem", NULL);
  g_autofree char *cert = g_build_filename (f->dir, "cert.pem", NULL);
  g_autofree char *cmd = g_strdup_printf ("openssl req -x509 -newkey rsa:2048 -nodes -days 1 "
                                          "-subj /CN=127.0.0.1 -keyout %s -out %s", key, cert);
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(SoupServer) tls_server = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autofree char *uri = NULL;
  GSList *uris;
  int status = 0;

  g_assert_true (g_spawn_command_line_sync (cmd, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  certificate = g_tls_certificate_new_from_files (cert, key, &error);
  g_assert_no_error (error);
  tls_server = soup_server_new ("tls-certificate", certificate, NULL);
  soup_server_add_handler (tls_server, NULL, other_handler, f, NULL);
  g_assert_true (soup_server_listen (tls_server, address, SOUP_SERVER_LISTEN_HTTPS, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (tls_server);
  uri = g_strdup_printf ("https://127.0.0.1:%d/", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  /* The address is allowed: only the certificate is wrong. */
  g_assert_true (escale_web_policy_allow_origin (f->policy, uri, NULL));

  escale_web_view_load (f->view, uri);
  wait_for (tls_handled, f);
  assert_still_kiosk (f);
  g_assert_null (strstr (f->uris_seen->str, "Ailleurs"));
  soup_server_disconnect (tls_server);
  g_assert_cmpint (g_unlink (key), ==, 0);
  g_assert_cmpint (g_unlink (cert), ==, 0);
}

static gboolean
shows_unreachable (Fixture *f)
{
  return loaded (f) &&
         g_strcmp0 (webkit_web_view_get_uri (web (f)), ESCALE_WEB_UNREACHABLE_URI) == 0 &&
         g_strcmp0 (webkit_web_view_get_title (web (f)), "La page ne répond pas") == 0;
}

/* A site that does not answer (a centre without internet) gives Escale's
 * calm page, never WebKit's technical error page. */
static void
test_unreachable_site (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, &error);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autofree char *uri = NULL;

  /* A port that was free a moment ago and on which nobody listens. */
  g_assert_true (g_socket_bind (socket, any, FALSE, &error));
  bound = g_socket_get_local_address (socket, &error);
  uri = g_strdup_printf ("http://127.0.0.1:%u/",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_assert_true (escale_web_policy_allow_origin (f->policy, uri, NULL));

  escale_web_view_load (f->view, uri);
  wait_for (shows_unreachable, f);
  g_assert_cmpuint (count_toplevels (), ==, 1);
  g_assert_false (escale_web_view_get_crashed (f->view));
}

#define ADD(path, func, data) \
  g_test_add ("/escale/web-escape/" path, Fixture, data, fixture_setup, func, fixture_teardown)

int
main (int argc, char **argv)
{
  static const char *const refused[][2] = {
    { "file", "file:///etc/" },
    { "about", "about:config" },
    { "view-source", "view-source:http://127.0.0.1/" },
    { "data", "data:text/html,<h1>ailleurs</h1>" },
    { "mailto", "mailto:accueil@mairie.example" },
    { "tel", "tel:+33500000000" },
    { "sms", "sms:+33600000000" },
    { "intent", "intent://scan/#Intent;scheme=zxing;end" },
    { "unknown-scheme", "escale-inconnu:truc" },
  };

  gtk_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *path = g_strdup_printf ("/escale/web-escape/refused-scheme/%s",
                                               refused[i][0]);

      g_test_add (path, Fixture, refused[i][1], fixture_setup, test_refused_link,
                  fixture_teardown);
    }
  ADD ("direct-file-load", test_direct_file_load, NULL);
  ADD ("other-origin", test_other_origin, NULL);
  ADD ("allowed-link-works", test_allowed_link, NULL);
  ADD ("redirect-rechecked", test_redirect_rechecked, NULL);
  ADD ("script-navigation", test_script_navigation, NULL);
  ADD ("blob-top-level", test_blob_top_level, NULL);
  ADD ("window-open-refused", test_window_open_refused, NULL);
  ADD ("window-open-allowed-same-view", test_window_open_allowed_same_view, NULL);
  ADD ("target-blank", test_target_blank, NULL);
  ADD ("download-refused", test_download_refused, NULL);
  ADD ("pdf-refused", test_pdf_refused, NULL);
  ADD ("download-attribute-refused", test_download_attribute_refused, NULL);
  ADD ("file-chooser", test_file_chooser, NULL);
  ADD ("print", test_print, NULL);
  ADD ("http-auth", test_http_auth, NULL);
  ADD ("alert-calm-never-blocks", test_alert_is_calm_and_never_blocks, NULL);
  ADD ("permissions-denied", test_permissions_denied, NULL);
  ADD ("no-developer-tools", test_no_developer_tools, NULL);
  ADD ("crash-page", test_crash_page, NULL);
  ADD ("context-menu-limited", test_context_menu, NULL);
  ADD ("bad-certificate", test_bad_certificate, NULL);
  ADD ("unreachable-site-calm", test_unreachable_site, NULL);
  return g_test_run ();
}
