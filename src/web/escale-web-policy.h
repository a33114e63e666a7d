/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Escale's own pages are served under this scheme, never from file:. */
#define ESCALE_APP_SCHEME "escale-app"

typedef enum
{
  ESCALE_WEB_FRAME_MAIN, /* the page itself: a refusal shows Escale's page */
  ESCALE_WEB_FRAME_SUB,  /* an iframe inside an allowed page */
} EscaleWebFrame;

typedef enum
{
  ESCALE_WEB_PERMISSION_CAMERA,
  ESCALE_WEB_PERMISSION_MICROPHONE,
  ESCALE_WEB_PERMISSION_GEOLOCATION,
  ESCALE_WEB_PERMISSION_NOTIFICATIONS,
  ESCALE_WEB_PERMISSION_POINTER_LOCK,
  ESCALE_WEB_PERMISSION_CLIPBOARD,
  ESCALE_WEB_PERMISSION_MEDIA_KEYS,
  ESCALE_WEB_PERMISSION_DEVICE_INFO,
  ESCALE_WEB_PERMISSION_WEBSITE_DATA,
  ESCALE_WEB_PERMISSION_OTHER,
  ESCALE_WEB_N_PERMISSIONS
} EscaleWebPermission;

#define ESCALE_WEB_POLICY_ERROR (escale_web_policy_error_quark ())
typedef enum
{
  ESCALE_WEB_POLICY_ERROR_BAD_ORIGIN,
} EscaleWebPolicyError;

GQuark escale_web_policy_error_quark (void);

#define ESCALE_TYPE_WEB_POLICY (escale_web_policy_get_type ())
G_DECLARE_FINAL_TYPE (EscaleWebPolicy, escale_web_policy, ESCALE, WEB_POLICY, GObject)

EscaleWebPolicy *escale_web_policy_new (void);
gboolean escale_web_policy_allow_origin (EscaleWebPolicy *self, const char *url, GError **error);
void escale_web_policy_allow_permission (EscaleWebPolicy *self, EscaleWebPermission permission);
gboolean escale_web_policy_has_permission (EscaleWebPolicy *self, EscaleWebPermission permission);
void escale_web_policy_set_download_dir (EscaleWebPolicy *self, const char *dir);
void escale_web_policy_set_strict (EscaleWebPolicy *self, const char *rules_dir);
const char *escale_web_policy_get_strict_dir (EscaleWebPolicy *self);
gboolean escale_web_policy_allow_subresource_origin (EscaleWebPolicy *self, const char *url,
                                                     GError **error);
GBytes *escale_web_policy_get_content_rules (EscaleWebPolicy *self);
GStrv escale_web_policy_get_subresource_origins (EscaleWebPolicy *self);

char *escale_web_policy_origin_of (const char *uri);
gboolean escale_web_policy_is_allowed_origin (EscaleWebPolicy *self, const char *uri);
gboolean escale_web_policy_may_navigate (EscaleWebPolicy *self, const char *uri,
                                         EscaleWebFrame frame);
gboolean escale_web_policy_may_open_window (EscaleWebPolicy *self, const char *uri);
gboolean escale_web_policy_may_grant (EscaleWebPolicy *self, EscaleWebPermission permission,
                                      const char *origin_uri);
const char *escale_web_policy_may_download (EscaleWebPolicy *self, const char *uri);
gboolean escale_web_policy_may_print (EscaleWebPolicy *self);
void escale_web_policy_allow_file_chooser (EscaleWebPolicy *self);
gboolean escale_web_policy_may_choose_files (EscaleWebPolicy *self, const char *uri);
gboolean escale_web_policy_may_authenticate (EscaleWebPolicy *self);
gboolean escale_web_policy_may_accept_bad_certificate (EscaleWebPolicy *self);

G_END_DECLS
