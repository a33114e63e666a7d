/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-web"

#include <glib/gi18n-lib.h>

#include "escale-web-policy.h"

/* The one answer to "may this page load, open, ask?" for the web views of
 * one activity. Everything is refused unless the activity's configuration
 * allowed it: navigation only to the listed origins (scheme, host and port,
 * exactly), Escale's own escale-app: pages, and about:blank. No file:,
 * view-source:, data:, blob: or javascript: page, no mailto:, tel:, sms:,
 * intent: or unknown scheme, never a second window, no file chooser, no
 * print dialog, no password or certificate question. Permissions are denied
 * except those the activity allowed for its own origins; notifications and
 * pointer lock never. Downloads only into the activity's scratch folder, when
 * it has one. The web view asks; it never decides by itself. */
struct _EscaleWebPolicy
{
  GObject parent_instance;

  GHashTable *origins; /* "https://host:443" -> NULL */
  gboolean permissions[ESCALE_WEB_N_PERMISSIONS];
  char *download_dir;
  gboolean file_chooser;
};

G_DEFINE_FINAL_TYPE (EscaleWebPolicy, escale_web_policy, G_TYPE_OBJECT)

/* The name has dashes, which clang-format would space out. */
/* clang-format off */
G_DEFINE_QUARK (escale-web-policy-error-quark, escale_web_policy_error)
/* clang-format on */

static void
escale_web_policy_finalize (GObject *object)
{
  EscaleWebPolicy *self = ESCALE_WEB_POLICY (object);

  g_clear_pointer (&self->origins, g_hash_table_unref);
  g_free (self->download_dir);
  G_OBJECT_CLASS (escale_web_policy_parent_class)->finalize (object);
}

static void
escale_web_policy_class_init (EscaleWebPolicyClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = escale_web_policy_finalize;
}

static void
escale_web_policy_init (EscaleWebPolicy *self)
{
  self->origins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* Returns: (transfer full): a policy that refuses everything but Escale's own pages. */
EscaleWebPolicy *
escale_web_policy_new (void)
{
  return g_object_new (ESCALE_TYPE_WEB_POLICY, NULL);
}

/* "https://Example.org/x?y" -> "https://example.org:443"; NULL unless the URI
 * is http or https with a host. User info in the URI makes it refused: it is
 * a classic way to disguise a host. */
char *
escale_web_policy_origin_of (const char *uri)
{
  g_autoptr(GUri) parsed = NULL;
  const char *scheme;
  const char *host;
  int port;

  if (uri == NULL)
    return NULL;
  parsed = g_uri_parse (uri, G_URI_FLAGS_ENCODED | G_URI_FLAGS_SCHEME_NORMALIZE, NULL);
  if (parsed == NULL)
    return NULL;
  scheme = g_uri_get_scheme (parsed);
  host = g_uri_get_host (parsed);
  if (g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "https") != 0)
    return NULL;
  if (host == NULL || *host == '\0' || g_uri_get_userinfo (parsed) != NULL)
    return NULL;
  port = g_uri_get_port (parsed);
  if (port < 0)
    port = g_str_equal (scheme, "https") ? 443 : 80;
  {
    g_autofree char *lower = g_ascii_strdown (host, -1);

    return g_strdup_printf ("%s://%s:%d", scheme, lower, port);
  }
}

/* Allows navigation to the origin of @url (scheme, host, port): the address
 * of a site listed in the activity's configuration. */
gboolean
escale_web_policy_allow_origin (EscaleWebPolicy *self, const char *url, GError **error)
{
  char *origin;

  g_return_val_if_fail (ESCALE_IS_WEB_POLICY (self), FALSE);

  origin = escale_web_policy_origin_of (url);
  if (origin == NULL)
    {
      g_set_error (error, ESCALE_WEB_POLICY_ERROR, ESCALE_WEB_POLICY_ERROR_BAD_ORIGIN,
                   _ ("« %s » n'est pas une adresse web : écrivez-la sous la forme "
                      "https://site/..."),
                   url);
      return FALSE;
    }
  g_hash_table_add (self->origins, origin);
  return TRUE;
}

void
escale_web_policy_allow_permission (EscaleWebPolicy *self, EscaleWebPermission permission)
{
  g_return_if_fail (ESCALE_IS_WEB_POLICY (self));
  g_return_if_fail ((guint) permission < ESCALE_WEB_N_PERMISSIONS);
  self->permissions[permission] = TRUE;
}

/* Whether @permission was allowed at all (for the allowed origins only):
 * the web view turns the matching WebKit features on only then. */
gboolean
escale_web_policy_has_permission (EscaleWebPolicy *self, EscaleWebPermission permission)
{
  g_return_val_if_fail (ESCALE_IS_WEB_POLICY (self), FALSE);
  g_return_val_if_fail ((guint) permission < ESCALE_WEB_N_PERMISSIONS, FALSE);
  return self->permissions[permission];
}

/* Downloads go only into @dir (the session's scratch folder); NULL refuses
 * them all, which is the default. */
void
escale_web_policy_set_download_dir (EscaleWebPolicy *self, const char *dir)
{
  g_return_if_fail (ESCALE_IS_WEB_POLICY (self));
  g_free (self->download_dir);
  self->download_dir = g_strdup (dir);
}

gboolean
escale_web_policy_is_allowed_origin (EscaleWebPolicy *self, const char *uri)
{
  g_autofree char *origin = escale_web_policy_origin_of (uri);

  g_return_val_if_fail (ESCALE_IS_WEB_POLICY (self), FALSE);
  return origin != NULL && g_hash_table_contains (self->origins, origin);
}

static gboolean
has_scheme (const char *uri, const char *scheme)
{
  gsize len = strlen (scheme);

  return g_ascii_strncasecmp (uri, scheme, len) == 0 && uri[len] == ':';
}

/* blob:https://host/uuid belongs to https://host. */
static gboolean
blob_of_allowed_origin (EscaleWebPolicy *self, const char *uri)
{
  return has_scheme (uri, "blob") && escale_web_policy_is_allowed_origin (self, uri + 5);
}

/* May the page (or one of its frames) go to @uri? Asked for every
 * navigation and again for the response, after redirects. */
gboolean
escale_web_policy_may_navigate (EscaleWebPolicy *self, const char *uri, EscaleWebFrame frame)
{
  g_return_val_if_fail (ESCALE_IS_WEB_POLICY (self), FALSE);

  if (uri == NULL)
    return FALSE;
  if (has_scheme (uri, ESCALE_APP_SCHEME))
    return TRUE;
  if (g_str_equal (uri, "about:blank"))
    return TRUE;
  if (frame == ESCALE_WEB_FRAME_SUB &&
      (g_str_equal (uri, "about:srcdoc") || blob_of_allowed_origin (self, uri)))
    return TRUE;
  /* file:, about:, view-source:, data:, blob:, javascript:, mailto:, tel:,
   * sms:, intent: and every other scheme end here. */
  return escale_web_policy_is_allowed_origin (self, uri);
}

/* window.open() and target=_blank: the page is shown in the same view when
 * its address is allowed; a second window is never opened. */
gboolean
escale_web_policy_may_open_window (EscaleWebPolicy *self, const char *uri)
{
  g_return_val_if_fail (ESCALE_IS_WEB_POLICY (self), FALSE);
  return uri != NULL && !has_scheme (uri, ESCALE_APP_SCHEME) &&
         escale_web_policy_may_navigate (self, uri, ESCALE_WEB_FRAME_MAIN) &&
         !g_str_equal (uri, "about:blank");
}

gboolean
escale_web_policy_may_grant (EscaleWebPolicy *self, EscaleWebPermission permission,
                             const char *origin_uri)
{
  g_return_val_if_fail (ESCALE_IS_WEB_POLICY (self), FALSE);

  switch (permission)
    {
    case ESCALE_WEB_PERMISSION_NOTIFICATIONS:
    case ESCALE_WEB_PERMISSION_POINTER_LOCK:
    case ESCALE_WEB_PERMISSION_OTHER:
    case ESCALE_WEB_N_PERMISSIONS:
      return FALSE;
    case ESCALE_WEB_PERMISSION_CAMERA:
    case ESCALE_WEB_PERMISSION_MICROPHONE:
    case ESCALE_WEB_PERMISSION_GEOLOCATION:
    case ESCALE_WEB_PERMISSION_CLIPBOARD:
    case ESCALE_WEB_PERMISSION_MEDIA_KEYS:
    case ESCALE_WEB_PERMISSION_DEVICE_INFO:
    case ESCALE_WEB_PERMISSION_WEBSITE_DATA:
    default:
      break;
    }
  return self->permissions[permission] && escale_web_policy_is_allowed_origin (self, origin_uri);
}

/* Returns: (nullable): the folder a download from @uri may be written to,
 * or NULL when it is refused. The file is never opened with another
 * application. */
const char *
escale_web_policy_may_download (EscaleWebPolicy *self, const char *uri)
{
  g_return_val_if_fail (ESCALE_IS_WEB_POLICY (self), NULL);

  if (self->download_dir == NULL)
    return NULL;
  if (!escale_web_policy_is_allowed_origin (self, uri) && !blob_of_allowed_origin (self, uri))
    return NULL;
  return self->download_dir;
}

/* The print dialog would be a window full of choices and file paths: it is
 * never shown. */
gboolean
escale_web_policy_may_print (EscaleWebPolicy *self)
{
  g_return_val_if_fail (ESCALE_IS_WEB_POLICY (self), FALSE);
  return FALSE;
}

/* A procedure's site may ask for a file (a scanned proof); the view then
 * shows Escale's own chooser of the visit's documents, never the system's,
 * which would open the whole disk to a stranger. */
void
escale_web_policy_allow_file_chooser (EscaleWebPolicy *self)
{
  g_return_if_fail (ESCALE_IS_WEB_POLICY (self));
  self->file_chooser = TRUE;
}

/* Whether the page at @uri may be offered Escale's chooser: only where
 * escale_web_policy_allow_file_chooser () was called, and only for a page
 * of the allowlist. */
gboolean
escale_web_policy_may_choose_files (EscaleWebPolicy *self, const char *uri)
{
  g_return_val_if_fail (ESCALE_IS_WEB_POLICY (self), FALSE);
  return self->file_chooser && uri != NULL && escale_web_policy_is_allowed_origin (self, uri);
}

/* HTTP password dialogs would keep a password in memory for the next person. */
gboolean
escale_web_policy_may_authenticate (EscaleWebPolicy *self)
{
  g_return_val_if_fail (ESCALE_IS_WEB_POLICY (self), FALSE);
  return FALSE;
}

/* Nobody at the PC can judge a certificate exception. */
gboolean
escale_web_policy_may_accept_bad_certificate (EscaleWebPolicy *self)
{
  g_return_val_if_fail (ESCALE_IS_WEB_POLICY (self), FALSE);
  return FALSE;
}
