/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Ways out of the locked web view from inside a page: downloads and PDFs,
 * the file chooser, printing, passwords, script dialogs, permissions,
 * developer tools, a crashed web process and the context menu. The shared
 * sites and window are in web-escape-fixture.c. */
#include "web-escape-fixture.h"

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
  escale_test_spin (300);
  assert_still_kiosk (f);
}

static void
test_file_chooser (Fixture *f, gconstpointer data)
{
  load_and_wait (f, "/file-input");
  real_click (f, 1);
  wait_for (refused_something, f);
  escale_test_spin (300);
  assert_still_kiosk (f);
  g_assert_cmpstr (webkit_web_view_get_title (web (f)), ==, "Salle 1");
}

/* <input type=color>: WebKit's own chooser would be a second window. */
static void
test_color_chooser (Fixture *f, gconstpointer data)
{
  load_and_wait (f, "/color-input");
  real_click (f, 1);
  wait_for (refused_something, f);
  escale_test_spin (300);
  assert_still_kiosk (f);
  g_assert_cmpuint (count_toplevels (), ==, 1);
}

static void
test_print (Fixture *f, gconstpointer data)
{
  load_and_wait (f, "/");
  run_js (f, "window.print()");
  wait_for (refused_something, f);
  escale_test_spin (300);
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
  g_assert_cmpstr (escale_web_view_get_dialog_message (f->view), ==, "Le musée ferme à 18 heures");
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
  escale_test_spin (500);
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
      WebKitContextMenuAction action = webkit_context_menu_item_get_stock_action (
        webkit_context_menu_get_item_at_position (menu, i));

      if (action != WEBKIT_CONTEXT_MENU_ACTION_GO_BACK &&
          action != WEBKIT_CONTEXT_MENU_ACTION_RELOAD)
        menu_has_only_back_reload = FALSE;
    }
  return TRUE; /* the test only looks at what Escale left in the menu */
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

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  ADD ("download-refused", test_download_refused, NULL);
  ADD ("pdf-refused", test_pdf_refused, NULL);
  ADD ("download-attribute-refused", test_download_attribute_refused, NULL);
  ADD ("file-chooser", test_file_chooser, NULL);
  ADD ("color-chooser", test_color_chooser, NULL);
  ADD ("print", test_print, NULL);
  ADD ("http-auth", test_http_auth, NULL);
  ADD ("alert-calm-never-blocks", test_alert_is_calm_and_never_blocks, NULL);
  ADD ("permissions-denied", test_permissions_denied, NULL);
  ADD ("no-developer-tools", test_no_developer_tools, NULL);
  ADD ("crash-page", test_crash_page, NULL);
  ADD ("context-menu-limited", test_context_menu, NULL);
  return g_test_run ();
}
