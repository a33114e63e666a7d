/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "escale-web-policy.h"

/* The policy of the locked web view: what a page of a cultural site may
 * load, open or ask, answered without a display. */

static EscaleWebPolicy *
museum_policy (void)
{
  EscaleWebPolicy *policy = escale_web_policy_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (
    escale_web_policy_allow_origin (policy, "https://musee.example/collections", &error));
  g_assert_no_error (error);
  return policy;
}

static void
test_allowlisted_origin_only (void)
{
  g_autoptr(EscaleWebPolicy) policy = museum_policy ();

  g_assert_true (
    escale_web_policy_may_navigate (policy, "https://musee.example/", ESCALE_WEB_FRAME_MAIN));
  g_assert_true (escale_web_policy_may_navigate (policy, "https://MUSEE.example:443/a?b#c",
                                                 ESCALE_WEB_FRAME_MAIN));
  /* Another scheme, port, host or a sub-domain is another origin. */
  g_assert_false (
    escale_web_policy_may_navigate (policy, "http://musee.example/", ESCALE_WEB_FRAME_MAIN));
  g_assert_false (
    escale_web_policy_may_navigate (policy, "https://musee.example:8443/", ESCALE_WEB_FRAME_MAIN));
  g_assert_false (
    escale_web_policy_may_navigate (policy, "https://evil.example/", ESCALE_WEB_FRAME_MAIN));
  g_assert_false (
    escale_web_policy_may_navigate (policy, "https://www.musee.example/", ESCALE_WEB_FRAME_MAIN));
  g_assert_false (escale_web_policy_may_navigate (policy, "https://musee.example.evil.example/",
                                                  ESCALE_WEB_FRAME_MAIN));
  /* A host disguised behind user info is refused. */
  g_assert_false (escale_web_policy_may_navigate (policy, "https://musee.example@evil.example/",
                                                  ESCALE_WEB_FRAME_MAIN));
  g_assert_false (
    escale_web_policy_may_navigate (policy, "https://x@musee.example/", ESCALE_WEB_FRAME_MAIN));
}

static void
test_refused_schemes (void)
{
  g_autoptr(EscaleWebPolicy) policy = museum_policy ();
  const char *refused[] = {
    "file:///etc/",
    "FILE:///etc/passwd",
    "about:config",
    "about:about",
    "view-source:https://musee.example/",
    "javascript:alert(1)",
    "data:text/html,<b>x</b>",
    "blob:https://musee.example/0b1e",
    "blob:https://evil.example/0b1e",
    "mailto:a@b.example",
    "tel:+33100000000",
    "sms:+33100000000",
    "intent://scan/#Intent;scheme=zxing;end",
    "ftp://musee.example/",
    "ws://musee.example/",
    "chrome://settings",
    "webkit://gpu",
    "inconnu:truc",
    "",
    "not a uri",
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_test_message ("refused: %s", refused[i]);
      g_assert_false (escale_web_policy_may_navigate (policy, refused[i], ESCALE_WEB_FRAME_MAIN));
      g_assert_false (escale_web_policy_may_open_window (policy, refused[i]));
    }
  g_assert_false (escale_web_policy_may_navigate (policy, NULL, ESCALE_WEB_FRAME_MAIN));

  /* Escale's own pages and a blank page are fine. */
  g_assert_true (
    escale_web_policy_may_navigate (policy, "escale-app://refused", ESCALE_WEB_FRAME_MAIN));
  g_assert_true (escale_web_policy_may_navigate (policy, "about:blank", ESCALE_WEB_FRAME_MAIN));
  /* Inside an allowed page, a frame may hold srcdoc or the page's own blob. */
  g_assert_true (escale_web_policy_may_navigate (policy, "about:srcdoc", ESCALE_WEB_FRAME_SUB));
  g_assert_true (escale_web_policy_may_navigate (policy, "blob:https://musee.example/0b1e",
                                                 ESCALE_WEB_FRAME_SUB));
  g_assert_false (escale_web_policy_may_navigate (policy, "blob:https://evil.example/0b1e",
                                                  ESCALE_WEB_FRAME_SUB));
  g_assert_false (
    escale_web_policy_may_navigate (policy, "data:text/html,x", ESCALE_WEB_FRAME_SUB));
  g_assert_false (escale_web_policy_may_navigate (policy, "file:///etc/", ESCALE_WEB_FRAME_SUB));
}

static void
test_new_windows (void)
{
  g_autoptr(EscaleWebPolicy) policy = museum_policy ();

  g_assert_true (escale_web_policy_may_open_window (policy, "https://musee.example/salle-2"));
  g_assert_false (escale_web_policy_may_open_window (policy, "https://evil.example/"));
  g_assert_false (escale_web_policy_may_open_window (policy, "about:blank"));
  g_assert_false (escale_web_policy_may_open_window (policy, "escale-app://refused"));
}

static void
test_bad_origin_is_explained (void)
{
  g_autoptr(EscaleWebPolicy) policy = escale_web_policy_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (escale_web_policy_allow_origin (policy, "file:///home", &error));
  g_assert_error (error, ESCALE_WEB_POLICY_ERROR, ESCALE_WEB_POLICY_ERROR_BAD_ORIGIN);
  g_assert_nonnull (strstr (error->message, "file:///home"));
  /* Nothing was allowed by the failed call. */
  g_assert_false (escale_web_policy_may_navigate (policy, "file:///home", ESCALE_WEB_FRAME_MAIN));
}

static void
test_permissions (void)
{
  g_autoptr(EscaleWebPolicy) policy = museum_policy ();

  for (guint p = 0; p < ESCALE_WEB_N_PERMISSIONS; p++)
    g_assert_false (escale_web_policy_may_grant (policy, p, "https://musee.example/"));

  escale_web_policy_allow_permission (policy, ESCALE_WEB_PERMISSION_CAMERA);
  escale_web_policy_allow_permission (policy, ESCALE_WEB_PERMISSION_NOTIFICATIONS);
  escale_web_policy_allow_permission (policy, ESCALE_WEB_PERMISSION_POINTER_LOCK);
  g_assert_true (escale_web_policy_may_grant (policy, ESCALE_WEB_PERMISSION_CAMERA,
                                              "https://musee.example/visio"));
  /* Only for the activity's own origins. */
  g_assert_false (
    escale_web_policy_may_grant (policy, ESCALE_WEB_PERMISSION_CAMERA, "https://evil.example/"));
  g_assert_false (escale_web_policy_may_grant (policy, ESCALE_WEB_PERMISSION_MICROPHONE,
                                               "https://musee.example/"));
  /* Never, even when a configuration asks. */
  g_assert_false (escale_web_policy_may_grant (policy, ESCALE_WEB_PERMISSION_NOTIFICATIONS,
                                               "https://musee.example/"));
  g_assert_false (escale_web_policy_may_grant (policy, ESCALE_WEB_PERMISSION_POINTER_LOCK,
                                               "https://musee.example/"));
}

static void
test_downloads_and_dialogs (void)
{
  g_autoptr(EscaleWebPolicy) policy = museum_policy ();

  g_assert_null (escale_web_policy_may_download (policy, "https://musee.example/a.pdf"));
  escale_web_policy_set_download_dir (policy, "/tmp/escale-scratch");
  g_assert_cmpstr (escale_web_policy_may_download (policy, "https://musee.example/a.pdf"), ==,
                   "/tmp/escale-scratch");
  g_assert_null (escale_web_policy_may_download (policy, "https://evil.example/a.exe"));
  g_assert_null (escale_web_policy_may_download (policy, "file:///etc/passwd"));
  escale_web_policy_set_download_dir (policy, NULL);
  g_assert_null (escale_web_policy_may_download (policy, "https://musee.example/a.pdf"));

  g_assert_false (escale_web_policy_may_print (policy));
  g_assert_false (escale_web_policy_may_choose_files (policy, "https://musee.example/"));
  escale_web_policy_allow_file_chooser (policy);
  g_assert_true (escale_web_policy_may_choose_files (policy, "https://musee.example/envoi"));
  g_assert_false (escale_web_policy_may_choose_files (policy, "https://evil.example/"));
  g_assert_false (escale_web_policy_may_choose_files (policy, "file:///etc/passwd"));
  g_assert_false (escale_web_policy_may_choose_files (policy, NULL));
  g_assert_false (escale_web_policy_may_authenticate (policy));
  g_assert_false (escale_web_policy_may_accept_bad_certificate (policy));
}

/* Strict mode's content rules: every socket load blocked (web loads are
 * the web process extension's), then the sites and the also-allow origins
 * let through, default ports written as WebKit writes addresses (without
 * them), dots escaped. */
static void
test_strict_rules (void)
{
  g_autoptr(EscaleWebPolicy) policy = escale_web_policy_new ();
  g_autoptr(GBytes) rules = NULL;
  g_auto(GStrv) origins = NULL;
  const char *text;

  g_assert_null (escale_web_policy_get_strict_dir (policy));
  g_assert_true (escale_web_policy_allow_origin (policy, "https://musee.example/salle", NULL));
  g_assert_true (
    escale_web_policy_allow_subresource_origin (policy, "http://cdn.example:8080/", NULL));
  g_assert_false (escale_web_policy_allow_subresource_origin (policy, "ftp://x.example", NULL));
  escale_web_policy_set_strict (policy, "/tmp/rules");
  g_assert_cmpstr (escale_web_policy_get_strict_dir (policy), ==, "/tmp/rules");
  /* A CDN serves resources; it is still not a page the person can open. */
  g_assert_false (
    escale_web_policy_may_navigate (policy, "http://cdn.example:8080/", ESCALE_WEB_FRAME_MAIN));
  rules = escale_web_policy_get_content_rules (policy);
  text = g_bytes_get_data (rules, NULL);
  g_assert_true (g_str_has_prefix (text, "[{\"trigger\":{\"url-filter\":\"^wss?://\"},"
                                         "\"action\":{\"type\":\"block\"}}"));
  g_assert_null (strstr (text, "\"^https?://\""));
  /* JSON escapes the regex's backslashes once more. */
  g_assert_nonnull (strstr (text, "\"^wss://musee\\\\.example/\""));
  g_assert_nonnull (strstr (text, "\"^ws://cdn\\\\.example\\\\:8080/\""));
  g_assert_nonnull (strstr (text, "ignore-previous-rules"));
  origins = escale_web_policy_get_subresource_origins (policy);
  g_assert_cmpuint (g_strv_length (origins), ==, 2);
  g_assert_true (g_strv_contains ((const char *const *) origins, "https://musee.example"));
  g_assert_true (g_strv_contains ((const char *const *) origins, "http://cdn.example:8080"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/escale/web-policy/allowlisted-origin-only", test_allowlisted_origin_only);
  g_test_add_func ("/escale/web-policy/refused-schemes", test_refused_schemes);
  g_test_add_func ("/escale/web-policy/new-windows-same-view", test_new_windows);
  g_test_add_func ("/escale/web-policy/bad-origin-is-explained", test_bad_origin_is_explained);
  g_test_add_func ("/escale/web-policy/permissions", test_permissions);
  g_test_add_func ("/escale/web-policy/downloads-and-dialogs", test_downloads_and_dialogs);
  g_test_add_func ("/escale/web-policy/strict-rules", test_strict_rules);
  return g_test_run ();
}
