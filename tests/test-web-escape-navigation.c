/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Ways out of the locked web view by going somewhere: refused schemes and
 * origins, redirects, scripts, new windows and target=_blank, a bad
 * certificate, a site that does not answer. The shared sites and window
 * are in web-escape-fixture.c. */
#include <glib/gstdio.h>

#include "web-escape-fixture.h"

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
                                             " window.open('%s'); }",
                                             target);

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
                                             " window.open('%s'); }",
                                             target);

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
                                          "-subj /CN=127.0.0.1 -keyout %s -out %s",
                                          key, cert);
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
  return escale_web_view_get_offline (f->view);
}

static gboolean
shows_loading (Fixture *f)
{
  return escale_web_view_get_loading (f->view);
}

static void
count_cb (guint *n)
{
  (*n)++;
}

/* A site that takes its time: "Chargement de la page…" at once, not a
 * blank frame; a site that does not answer (a centre without internet)
 * gives Escale's own calm page with "Réessayer" and "Retour", never
 * WebKit's technical error page; "Retour" with no page before it leaves
 * the site ("leave": the list of sites, the procedure). */
static void
test_unreachable_site (Fixture *f, gconstpointer data)
{
  g_autoptr(GSocket) silent = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                             G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) lo = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) lo_any = g_inet_socket_address_new (lo, 0);
  g_autoptr(GSocketAddress) silent_address = NULL;
  g_autofree char *silent_uri = NULL;
  guint leaves = 0;

  /* Listening, never answering: the page is asked for and waits. */
  g_assert_true (g_socket_bind (silent, lo_any, FALSE, NULL));
  g_assert_true (g_socket_listen (silent, NULL));
  silent_address = g_socket_get_local_address (silent, NULL);
  silent_uri = g_strdup_printf ("http://127.0.0.1:%u/", g_inet_socket_address_get_port (
                                                          G_INET_SOCKET_ADDRESS (silent_address)));
  g_assert_true (escale_web_policy_allow_origin (f->policy, silent_uri, NULL));
  escale_web_view_load (f->view, silent_uri);
  wait_for (shows_loading, f);
  g_assert_false (escale_web_view_get_offline (f->view));
  g_socket_close (silent, NULL);
  g_signal_connect_swapped (f->view, "leave", G_CALLBACK (count_cb), &leaves);

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
  g_assert_false (escale_web_view_get_loading (f->view));

  /* Réessayer asks for the same page again. */
  escale_web_view_offline_retry (f->view);
  g_assert_false (escale_web_view_get_offline (f->view));
  wait_for (shows_unreachable, f);
  /* Retour: nothing of the site was shown before, so out of the site. */
  escale_web_view_offline_back (f->view);
  g_assert_false (escale_web_view_get_offline (f->view));
  g_assert_cmpuint (leaves, ==, 1);
}

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
      g_autofree char *path =
        g_strdup_printf ("/escale/web-escape/refused-scheme/%s", refused[i][0]);

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
  ADD ("bad-certificate", test_bad_certificate, NULL);
  ADD ("unreachable-site-calm", test_unreachable_site, NULL);
  return g_test_run ();
}
