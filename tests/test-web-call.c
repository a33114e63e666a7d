/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "escale-activities.h"
#include "escale-activity-page.h"
#include "escale-call-kind.h"
#include "escale-home-page.h"
#include "escale-scratch.h"
#include "escale-test-util.h"
#include "escale-web-call-view.h"
#include "escale-web-capabilities.h"
#include "escale-welcome-page.h"

/* A call activity configured as a visio site ([Call] web-url=): where the
 * installed WebKitGTK has no WebRTC (Debian 12), staff get a notice
 * naming the file, line and key, and the person a calm page; the site's
 * origin alone may use the camera and microphone. */

#define NO_WEBRTC_PROBLEM                                                                         \
  "activities/visio.ini:10: web-url: ce WebKitGTK n'a pas WebRTC : "                              \
  "utilisez server= (l'écran d'appel d'Escale)"
#define CALM_TITLE "Les appels vidéo par internet ne sont pas possibles sur ce poste."

static const char escale_ini[] = "[Centre]\n"
                                 "name=Centre de test\n";

/* [Call] web-url is on line WEB_URL_LINE. */
static const char web_call_ini[] = "[Activity]\n"
                                   "id=visio\n"
                                   "title=Appeler ma famille\n"
                                   "icon=call\n"
                                   "kind=call\n"
                                   "\n"
                                   "[Call]\n"
                                   "# A visio site, where WebKitGTK has WebRTC.\n"
                                   "\n"
                                   "web-url=https://visio.example.org/famille\n"
                                   "%s"
                                   "\n"
                                   "[Guide]\n"
                                   "step-1=Touchez le nom de votre proche.\n";

static char *
config_new (const char *extra_call_line)
{
  g_autofree char *dir = g_dir_make_tmp ("escale-web-call-XXXXXX", NULL);
  g_autofree char *activities = g_build_filename (dir, "activities", NULL);
  g_autofree char *main_path = g_build_filename (dir, "escale.ini", NULL);
  g_autofree char *activity_path = g_build_filename (activities, "visio.ini", NULL);
  g_autofree char *activity = g_strdup_printf (web_call_ini, extra_call_line);

  g_assert_nonnull (dir);
  g_assert_cmpint (g_mkdir (activities, 0700), ==, 0);
  g_assert_true (g_file_set_contents (main_path, escale_ini, -1, NULL));
  g_assert_true (g_file_set_contents (activity_path, activity, -1, NULL));
  return g_steal_pointer (&dir);
}

static void
result_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
result_ready (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

/* What the application does at start-up: the kinds' checks of the running
 * machine, whose problems become staff notices. */
static gboolean
check_config (EscaleConfig *config, EscaleNotices *notices)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) problems =
               g_ptr_array_new_with_free_func ((GDestroyNotify) escale_config_problem_free);
  g_autoptr(GPtrArray) warnings =
               g_ptr_array_new_with_free_func ((GDestroyNotify) escale_config_problem_free);

  escale_activities_check_machine (config, NULL, result_cb, &result);
  escale_test_wait_until (result_ready, &result, 60000);
  escale_activities_check_machine_finish (result, problems, warnings);
  g_assert_cmpuint (warnings->len, ==, 0);
  for (guint i = 0; i < problems->len; i++)
    {
      EscaleConfigProblem *problem = problems->pdata[i];

      escale_notices_add (notices, problem->file, problem->line, problem->key, problem->message);
    }
  return TRUE;
}

static gboolean
has_problem (EscaleNotices *notices, const char *text)
{
  g_auto(GStrv) lines = escale_notices_format (notices);

  return g_strv_contains ((const char *const *) lines, text);
}

static gboolean
config_has_web_call (EscaleConfig *config)
{
  GPtrArray *activities = escale_config_get_activities (config);

  for (guint i = 0; i < activities->len; i++)
    if (escale_call_kind_is_web_call (activities->pdata[i]))
      return TRUE;
  return FALSE;
}

/* A configuration without a web call never makes a probe: a normal start
 * pays nothing for this feature. Runs first, before any probe answered. */
static void
test_no_web_call_no_probe (void)
{
  g_autofree char *demo = escale_test_demo_config ();
  g_autoptr(EscaleConfig) config = escale_config_load (demo, escale_activities_get_kinds ());
  guint n_problems = escale_config_get_problems (config)->len;
  g_autoptr(EscaleNotices) notices = escale_notices_new ();

  g_assert_false (config_has_web_call (config));
  g_assert_true (check_config (config, notices));
  g_assert_cmpint (escale_web_capabilities_get_webrtc (), ==, ESCALE_WEB_CAPABILITY_UNKNOWN);
  g_assert_cmpuint (escale_config_get_problems (config)->len, ==, n_problems);
  g_assert_cmpuint (escale_notices_get_all (notices)->len, ==, 0);
}

/* --- the probe says what a page really has ----------------------------- */

static void
page_handler (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
              gpointer user_data)
{
  static const char body[] = "<!DOCTYPE html><title>Visio</title><p>Bonjour</p>";

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_STATIC, body,
                                    strlen (body));
}

static void
load_changed_cb (WebKitWebView *view, WebKitLoadEvent event, gpointer user_data)
{
  if (event == WEBKIT_LOAD_FINISHED)
    *(gboolean *) user_data = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* What a page served over http sees, in a web view of its own with WebRTC
 * asked for: "undefined" on Debian 12, "function" where WebKit has it. */
static char *
page_typeof_rtc (void)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(WebKitNetworkSession) session = webkit_network_session_new_ephemeral ();
  g_autoptr(WebKitSettings) settings = g_object_new (WEBKIT_TYPE_SETTINGS, "enable-webrtc", TRUE,
                                                      "enable-media-stream", TRUE, NULL);
  g_autoptr(WebKitWebView) view = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JSCValue) value = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *answer = NULL;
  gboolean loaded = FALSE;
  GSList *uris;

  soup_server_add_handler (server, NULL, page_handler, NULL, NULL);
  g_assert_true (soup_server_listen (server, address, 0, &error));
  uris = soup_server_get_uris (server);
  uri = g_uri_ref (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  view = g_object_ref_sink (
    g_object_new (WEBKIT_TYPE_WEB_VIEW, "network-session", session, "settings", settings, NULL));
  g_signal_connect (view, "load-changed", G_CALLBACK (load_changed_cb), &loaded);
  {
    g_autofree char *text = g_strdup_printf ("http://127.0.0.1:%d/", g_uri_get_port (uri));

    webkit_web_view_load_uri (view, text);
  }
  escale_test_wait_until (is_true, &loaded, 60000);
  webkit_web_view_evaluate_javascript (view, "document.title + ' ' + typeof RTCPeerConnection", -1,
                                       NULL, NULL, NULL, result_cb, &result);
  escale_test_wait_until (result_ready, &result, 60000);
  value = webkit_web_view_evaluate_javascript_finish (view, result, &error);
  g_assert_no_error (error);
  soup_server_disconnect (server);
  answer = jsc_value_to_string (value);
  /* The page itself answered, not an error page. */
  g_assert_true (g_str_has_prefix (answer, "Visio "));
  return g_strdup (answer + strlen ("Visio "));
}

static void
test_probe_matches_page (void)
{
  g_autofree char *seen = page_typeof_rtc ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) again = NULL;
  g_autoptr(GError) error = NULL;
  gboolean has_webrtc = TRUE;
  gboolean cached = !has_webrtc;

  g_test_message ("a page sees typeof RTCPeerConnection = %s", seen);
  escale_web_capabilities_probe_webrtc (NULL, result_cb, &result);
  escale_test_wait_until (result_ready, &result, 60000);
  g_assert_true (escale_web_capabilities_probe_webrtc_finish (result, &has_webrtc, &error));
  g_assert_no_error (error);
  /* Debian 12: "undefined", so no; a newer WebKitGTK: yes. */
  g_assert_cmpint (has_webrtc, ==, g_strcmp0 (seen, "undefined") != 0);
  g_assert_cmpint (escale_web_capabilities_get_webrtc (), ==,
                   has_webrtc ? ESCALE_WEB_CAPABILITY_YES : ESCALE_WEB_CAPABILITY_NO);

  /* Asked again, the process answers from what it knows. */
  escale_web_capabilities_probe_webrtc (NULL, result_cb, &again);
  escale_test_wait_until (result_ready, &again, 60000);
  g_assert_true (escale_web_capabilities_probe_webrtc_finish (again, &cached, NULL));
  g_assert_cmpint (cached, ==, has_webrtc);
}

/* --- staff problem and calm page --------------------------------------- */

static const char *
screen_of (EscaleTestKiosk *k)
{
  GtkWidget *page = escale_window_get_activity_page (k->window);
  GtkWidget *content;

  if (page == NULL)
    return NULL;
  content = escale_activity_page_get_content (ESCALE_ACTIVITY_PAGE (page));
  if (!ESCALE_IS_WEB_CALL_VIEW (content))
    return NULL;
  return escale_web_call_view_get_screen (ESCALE_WEB_CALL_VIEW (content));
}

static gboolean
screen_decided (gpointer data)
{
  const char *screen = screen_of (data);

  return screen != NULL && !g_str_equal (screen, "wait");
}

static gboolean
probe_has_webrtc (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  gboolean has_webrtc = FALSE;

  escale_web_capabilities_probe_webrtc (NULL, result_cb, &result);
  escale_test_wait_until (result_ready, &result, 60000);
  g_assert_true (escale_web_capabilities_probe_webrtc_finish (result, &has_webrtc, NULL));
  return has_webrtc;
}

static gboolean
has_visible_label (GtkWidget *root, const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return gtk_widget_is_drawable (root);
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (has_visible_label (c, text))
      return TRUE;
  return FALSE;
}

static gboolean
app_noticed_no_webrtc (gpointer k)
{
  return has_problem (escale_kiosk_get_notices (((EscaleTestKiosk *) k)->kiosk),
                      NO_WEBRTC_PROBLEM);
}

static void
test_config_problem_and_calm_page (void)
{
  g_autofree char *dir = config_new ("");
  EscaleTestKiosk k = { 0 };
  EscaleConfig *config;
  EscaleSession *session;
  GtkWidget *welcome;
  GtkWidget *button;
  gboolean has_webrtc;
  gboolean no_webrtc;

  /* The application asks WebKit once the welcome screen is painted and
   * logs a missing WebRTC when the answer comes (from the main loop): what
   * WebKit answers here is known first, so the log is expected, and its
   * notice awaited. */
  has_webrtc = probe_has_webrtc ();
  escale_test_kiosk_init (&k, dir, FALSE);
  if (!has_webrtc)
    {
      g_test_expect_message ("escale-app", G_LOG_LEVEL_WARNING,
                             "Configuration on this machine: *WebRTC*");
      escale_test_wait_until (app_noticed_no_webrtc, &k, 60000);
    }
  config = escale_kiosk_get_config (k.kiosk);
  session = escale_kiosk_get_session (k.kiosk);
  welcome = escale_window_get_welcome_page (k.window);
  g_assert_true (config_has_web_call (config));
  g_assert_cmpuint (escale_config_get_problems (config)->len, ==, 0);

  /* What the application does at start-up when a web call is configured. */
  g_assert_true (check_config (config, escale_kiosk_get_notices (k.kiosk)));
  g_test_assert_expected_messages ();
  no_webrtc = escale_web_capabilities_get_webrtc () == ESCALE_WEB_CAPABILITY_NO;
  g_assert_cmpint (has_problem (escale_kiosk_get_notices (k.kiosk), NO_WEBRTC_PROBLEM), ==,
                   no_webrtc);
  /* The welcome screen's note for staff follows. */
  if (no_webrtc)
    g_assert_nonnull (strstr (escale_welcome_page_get_staff_note (ESCALE_WELCOME_PAGE (welcome)),
                              NO_WEBRTC_PROBLEM));

  /* The activity stays on the home screen; touching it opens the calm page. */
  gtk_widget_activate_action (GTK_WIDGET (k.window), "win.start", NULL);
  button = escale_home_page_get_button (ESCALE_HOME_PAGE (escale_window_get_home_page (k.window)),
                                        "visio");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  escale_test_wait_until (screen_decided, &k, 60000);
  if (no_webrtc)
    {
      g_assert_cmpstr (screen_of (&k), ==, "unavailable");
      escale_test_spin (100);
      g_assert_true (has_visible_label (GTK_WIDGET (k.window), CALM_TITLE));
      g_assert_true (has_visible_label (GTK_WIDGET (k.window), "Un aidant peut vous aider."));
      /* Nothing is going on: the countdown may run as usual. */
      g_assert_false (escale_session_is_held (session));
    }
  else
    {
      g_assert_cmpstr (screen_of (&k), ==, "web");
      /* Held only while the camera or microphone is in use (a call). */
      g_assert_false (escale_session_is_held (session));
    }

  /* Accueil leaves the page and lets the countdown run again. */
  gtk_widget_activate_action (GTK_WIDGET (k.window), "win.home", NULL);
  g_assert_null (escale_window_get_activity_page (k.window));
  g_assert_false (escale_session_is_held (session));

  escale_test_kiosk_clear (&k);
  g_assert_true (escale_remove_tree (dir, NULL));
}

/* server= and web-url= together: a problem on web-url's line, and the
 * activity keeps Escale's own call screen. */
static void
test_server_and_web_url (void)
{
  g_autofree char *dir = config_new ("server=wss://visio.example.org/janus\n");
  g_autoptr(EscaleConfig) config = escale_config_load (dir, escale_activities_get_kinds ());
  EscaleActivity *activity = escale_config_find_activity (config, "visio");
  g_auto(GStrv) lines = escale_config_format_problems (config);

  g_assert_nonnull (activity);
  g_assert_false (escale_call_kind_is_web_call (activity));
  g_assert_false (config_has_web_call (config));
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  g_assert_true (g_str_has_prefix (lines[0], "activities/visio.ini:10: web-url: server= et "
                                             "web-url= ne vont pas ensemble"));
  g_assert_true (escale_remove_tree (dir, NULL));
}

/* --- camera and microphone only for the site -------------------------- */

static void
test_policy_media_only_for_site (void)
{
  g_autoptr(EscaleWebPolicy) policy = NULL;
  g_autoptr(GError) error = NULL;
  const char *const others[] = {
    "https://other.example.org/famille",
    "http://visio.example.org/famille",       /* not the same scheme */
    "https://visio.example.org:8443/famille", /* not the same port */
    "https://evil.visio.example.org/",
    "https://visio.example.org.evil.example/",
    "escale-app://refused",
    "file:///etc/passwd",
    NULL,
  };

  policy = escale_web_call_view_new_policy ("https://visio.example.org/famille", &error);
  g_assert_no_error (error);
  g_assert_true (escale_web_policy_may_navigate (policy, "https://visio.example.org/salle/42",
                                                 ESCALE_WEB_FRAME_MAIN));
  g_assert_true (escale_web_policy_may_grant (policy, ESCALE_WEB_PERMISSION_CAMERA,
                                              "https://visio.example.org/salle/42"));
  g_assert_true (escale_web_policy_may_grant (policy, ESCALE_WEB_PERMISSION_MICROPHONE,
                                              "https://VISIO.example.org:443/"));
  /* Nothing else, even for the site. */
  g_assert_false (escale_web_policy_may_grant (policy, ESCALE_WEB_PERMISSION_GEOLOCATION,
                                               "https://visio.example.org/"));
  g_assert_false (escale_web_policy_may_grant (policy, ESCALE_WEB_PERMISSION_NOTIFICATIONS,
                                               "https://visio.example.org/"));
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_assert_false (
        escale_web_policy_may_grant (policy, ESCALE_WEB_PERMISSION_CAMERA, others[i]));
      g_assert_false (
        escale_web_policy_may_grant (policy, ESCALE_WEB_PERMISSION_MICROPHONE, others[i]));
      if (others[i] != NULL && !g_str_has_prefix (others[i], "escale-app:"))
        g_assert_false (escale_web_policy_may_navigate (policy, others[i], ESCALE_WEB_FRAME_MAIN));
    }

  /* Not a web address: no policy. */
  g_clear_error (&error);
  g_assert_null (escale_web_call_view_new_policy ("visio.example.org", &error));
  g_assert_error (error, ESCALE_WEB_POLICY_ERROR, ESCALE_WEB_POLICY_ERROR_BAD_ORIGIN);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  /* Order matters: the first test checks that nothing probed yet. */
  g_test_add_func ("/escale/web-call/no-web-call-no-probe", test_no_web_call_no_probe);
  g_test_add_func ("/escale/web-call/probe-matches-page", test_probe_matches_page);
  g_test_add_func ("/escale/web-call/config-problem-and-calm-page",
                   test_config_problem_and_calm_page);
  g_test_add_func ("/escale/web-call/server-and-web-url", test_server_and_web_url);
  g_test_add_func ("/escale/web-call/policy-media-only-for-site", test_policy_media_only_for_site);
  return g_test_run ();
}
