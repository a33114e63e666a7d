/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-web"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

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
  char *strict_dir;         /* strict mode: where its rules are compiled */
  GHashTable *also_allowed; /* sub-resource origins besides the sites' */
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
  g_free (self->strict_dir);
  g_clear_pointer (&self->also_allowed, g_hash_table_unref);
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
  self->also_allowed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
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

static gboolean
add_origin (GHashTable *origins, const char *url, GError **error)
{
  char *origin = escale_web_policy_origin_of (url);

  if (origin == NULL)
    {
      g_set_error (error, ESCALE_WEB_POLICY_ERROR, ESCALE_WEB_POLICY_ERROR_BAD_ORIGIN,
                   _ ("« %s » n'est pas une adresse web : écrivez-la sous la forme "
                      "https://site/..."),
                   url);
      return FALSE;
    }
  g_hash_table_add (origins, origin);
  return TRUE;
}

/* Allows navigation to the origin of @url (scheme, host, port): the address
 * of a site listed in the activity's configuration. */
gboolean
escale_web_policy_allow_origin (EscaleWebPolicy *self, const char *url, GError **error)
{
  g_return_val_if_fail (ESCALE_IS_WEB_POLICY (self), FALSE);
  return add_origin (self->origins, url, error);
}

/* Strict third-party mode: a page may load sub-resources (images,
 * scripts, styles, fonts, fetch, beacons, WebSockets) only from the allowed
 * sites and the origins given to allow_subresource_origin (); the view
 * applies escale_web_policy_get_content_rules () as a WebKit content filter
 * compiled into @rules_dir (the visit's scratch folder). NULL turns it off. */
void
escale_web_policy_set_strict (EscaleWebPolicy *self, const char *rules_dir)
{
  g_return_if_fail (ESCALE_IS_WEB_POLICY (self));
  g_free (self->strict_dir);
  self->strict_dir = g_strdup (rules_dir);
}

/* Returns: (nullable): where strict mode compiles its rules; NULL when the
 * policy is not strict. */
const char *
escale_web_policy_get_strict_dir (EscaleWebPolicy *self)
{
  g_return_val_if_fail (ESCALE_IS_WEB_POLICY (self), NULL);
  return self->strict_dir;
}

/* In strict mode, the origin of @url may serve sub-resources (a CDN, fonts,
 * images the site needs) but is still not a page the person can open. */
gboolean
escale_web_policy_allow_subresource_origin (EscaleWebPolicy *self, const char *url, GError **error)
{
  g_return_val_if_fail (ESCALE_IS_WEB_POLICY (self), FALSE);
  return add_origin (self->also_allowed, url, error);
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

/* --- strict mode: WebKit content rules ---------------------------------- */

/* A regular expression matching @text literally (WebKit's content rules
 * take a small regex language: every character but letters and digits is
 * escaped). */
static void
append_literal (GString *out, const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p))
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
}

/* "http://host:8080" -> "^http://host:8080/"; a default port is not
 * written in the addresses WebKit matches ("^https://host/"). @scheme
 * replaces the origin's own (ws for http, wss for https). */
static char *
origin_filter (const char *origin, const char *scheme)
{
  const char *host = strstr (origin, "://") + 3;
  const char *colon = strrchr (host, ':');
  g_autofree char *bare = g_strndup (host, colon - host);
  gboolean secure = g_str_has_prefix (origin, "https:");
  gboolean default_port = g_str_equal (colon + 1, secure ? "443" : "80");
  GString *out = g_string_new ("^");

  append_literal (out, scheme);
  g_string_append (out, "://");
  append_literal (out, bare);
  if (!default_port)
    {
      g_string_append (out, "\\:");
      g_string_append (out, colon + 1);
    }
  g_string_append_c (out, '/');
  return g_string_free (out, FALSE);
}

static void
add_rule (JsonBuilder *builder, const char *filter, const char *action)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "trigger");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "url-filter");
  json_builder_add_string_value (builder, filter);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "action");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, action);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static void
add_origin_rules (JsonBuilder *builder, GHashTable *origins)
{
  GHashTableIter iter;
  const char *origin;

  g_hash_table_iter_init (&iter, origins);
  while (g_hash_table_iter_next (&iter, (gpointer *) &origin, NULL))
    {
      gboolean secure = g_str_has_prefix (origin, "https:");
      g_autofree char *socket = origin_filter (origin, secure ? "wss" : "ws");

      add_rule (builder, socket, "ignore-previous-rules");
    }
}

/* "https://host:443" -> "https://host", as a page's URL.origin writes it. */
static char *
web_origin (const char *origin)
{
  gboolean secure = g_str_has_prefix (origin, "https:");
  const char *colon = strrchr (strstr (origin, "://") + 3, ':');

  if (g_str_equal (colon + 1, secure ? "443" : "80"))
    return g_strndup (origin, colon - origin);
  return g_strdup (origin);
}

/* Returns: (transfer full): the origins strict mode lets sub-resources come
 * from (the sites and their also-allow origins), as URL.origin writes them. */
GStrv
escale_web_policy_get_subresource_origins (EscaleWebPolicy *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GHashTable *tables[] = { self->origins, self->also_allowed };

  g_return_val_if_fail (ESCALE_IS_WEB_POLICY (self), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      GHashTableIter iter;
      const char *origin;

      g_hash_table_iter_init (&iter, tables[i]);
      while (g_hash_table_iter_next (&iter, (gpointer *) &origin, NULL))
        {
          g_autofree char *written = web_origin (origin);

          g_strv_builder_add (builder, written);
        }
    }
  return g_strv_builder_end (builder);
}

/* Returns: (transfer full): the JSON rules of strict mode: every ws and
 * wss load (a WebSocket) blocked, then the allowed sites and the extra
 * origins let through. The http and https loads of a strict page are
 * cancelled and counted by Escale's web process extension, which WebKit
 * would not let see a load the filter blocked (escale-web-view-filter.c).
 * Other schemes (data:, blob:, escale-app:) are not network loads and stay
 * as the rest of the policy decides. */
GBytes *
escale_web_policy_get_content_rules (EscaleWebPolicy *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  char *text;

  g_return_val_if_fail (ESCALE_IS_WEB_POLICY (self), NULL);
  json_builder_begin_array (builder);
  add_rule (builder, "^wss?://", "block");
  add_origin_rules (builder, self->origins);
  add_origin_rules (builder, self->also_allowed);
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  return g_bytes_new_take (text, strlen (text));
}
