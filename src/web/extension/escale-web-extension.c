/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-web-extension"

#include <libsoup/soup.h>
#include <webkit/webkit-web-process-extension.h>

#include "escale-web-extension.h"

/* Runs inside each web process of Escale (loaded by WebKit from the
 * profile's extensions folder; see escale-web-profile.c). Two things:
 *
 * - Referer: every request leaving a page for another origin carries a
 *   Referer holding only the page's origin ("https://site/"), whatever
 *   referrer policy the page asked for: the address the person was reading
 *   is never handed to a third party. WebKit offers no other way to rewrite
 *   a request's headers (the UI process sees none).
 *
 * - Strict mode (a site's strict=true): send-request sees every load of a
 *   page that goes through WebKit's loaders (images, scripts, style sheets,
 *   fonts, media, frames, fetch, XMLHttpRequest, sendBeacon, <a ping>,
 *   redirects), so this is where such a load to an origin that is not
 *   allowed is cancelled and counted: the view's content filter runs
 *   before send-request, and a load it blocks is seen by nobody. The
 *   filter keeps what send-request never sees: WebSockets. Those are
 *   counted when the page makes one (a guard around the page's WebSocket
 *   constructor, below). A new page asks its view which origins are
 *   allowed (ESCALE_STRICT_ORIGINS_MESSAGE) before its first document is
 *   parsed; the view refuses to show a strict page whose process never
 *   asked (an extension that is not installed). */

#define RULES_KEY "escale-strict-rules"

typedef struct
{
  gboolean strict; /* the view said so: only @allowed may serve sub-resources */
  GStrv allowed;   /* "https://host", "http://host:8080", as URL.origin writes them */
  guint64 page_id;
  char *counted_on;    /* the page's address when @counted was started */
  GHashTable *counted; /* addresses blocked on it: each is counted once */
} PageRules;

static WebKitWebProcessExtension *the_extension;

static void
page_rules_free (gpointer data)
{
  PageRules *rules = data;

  g_strfreev (rules->allowed);
  g_free (rules->counted_on);
  g_clear_pointer (&rules->counted, g_hash_table_unref);
  g_free (rules);
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

/* "https://Host:443/a?b" -> "https://host", as URL.origin writes it; NULL
 * for what is not an http(s) address. */
static char *
origin_of (const char *uri)
{
  g_autoptr(GUri) parsed = uri != NULL ? g_uri_parse (uri, G_URI_FLAGS_ENCODED, NULL) : NULL;
  const char *scheme = parsed != NULL ? g_uri_get_scheme (parsed) : NULL;
  g_autofree char *host = NULL;
  gboolean secure;
  int port;

  if (scheme == NULL || g_uri_get_host (parsed) == NULL ||
      (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0))
    return NULL;
  secure = g_ascii_strcasecmp (scheme, "https") == 0;
  host = g_ascii_strdown (g_uri_get_host (parsed), -1);
  if (strchr (host, ':') != NULL) /* IPv6 */
    {
      g_autofree char *bare = g_steal_pointer (&host);

      host = g_strdup_printf ("[%s]", bare);
    }
  port = g_uri_get_port (parsed);
  if (port < 0 || port == (secure ? 443 : 80))
    return g_strdup_printf ("%s://%s", secure ? "https" : "http", host);
  return g_strdup_printf ("%s://%s:%d", secure ? "https" : "http", host, port);
}

static void
trim_referer (WebKitURIRequest *request, const char *to)
{
  SoupMessageHeaders *headers = webkit_uri_request_get_http_headers (request);
  const char *referer = headers != NULL ? soup_message_headers_get_one (headers, "Referer") : NULL;
  g_autofree char *from = origin_of (referer);

  if (referer == NULL || (from != NULL && g_strcmp0 (from, to) == 0))
    return;
  if (from != NULL)
    {
      g_autofree char *trimmed = g_strconcat (from, "/", NULL);

      soup_message_headers_replace (headers, "Referer", trimmed);
    }
  else
    soup_message_headers_remove (headers, "Referer");
}

/* One more content blocked on the page shown: an address is counted once
 * a page (WebKit asks for a resource twice when its preload scanner saw
 * it first). The view gets a number, never the address. */
static void
count_blocked (WebKitWebPage *page, PageRules *rules, const char *uri)
{
  const char *shown = webkit_web_page_get_uri (page);

  if (rules->counted == NULL || g_strcmp0 (shown, rules->counted_on) != 0)
    {
      g_clear_pointer (&rules->counted, g_hash_table_unref);
      rules->counted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_free (rules->counted_on);
      rules->counted_on = g_strdup (shown);
    }
  if (!g_hash_table_add (rules->counted, g_strdup (uri)))
    return;
  webkit_web_process_extension_send_message_to_context (
    the_extension,
    webkit_user_message_new (ESCALE_BLOCKED_MESSAGE, g_variant_new ("(t)", rules->page_id)), NULL,
    NULL, NULL);
}

static gboolean
send_request_cb (WebKitWebPage *page, WebKitURIRequest *request,
                 WebKitURIResponse *redirected_response, gpointer user_data)
{
  PageRules *rules = g_object_get_data (G_OBJECT (page), RULES_KEY);
  g_autofree char *to = origin_of (webkit_uri_request_get_uri (request));

  if (rules->strict && to != NULL && !g_strv_contains ((const char *const *) rules->allowed, to))
    {
      count_blocked (page, rules, webkit_uri_request_get_uri (request));
      return TRUE; /* cancelled: nothing leaves the machine */
    }
  trim_referer (request, to);
  return FALSE; /* the request goes on */
}

/* --- WebSockets: blocked by the view's filter, counted here -------------- */

/* Installed in the page's own world before its scripts run: a WebSocket
 * to an origin that is not allowed is counted when made (the filter then
 * refuses it). @count is not reachable from the page. */
static const char socket_guard[] =
  "(count, allowed) => {"
  "  const Native = window.WebSocket;"
  "  const address = (given) => {"
  "    try { return new URL(String(given), location.href); } catch (e) { return null; }"
  "  };"
  "  const Guarded = new Proxy(Native, { construct (target, args, newTarget) {"
  "    const u = address(args[0]);"
  "    if (u !== null && (u.protocol === 'ws:' || u.protocol === 'wss:') &&"
  "        !allowed.includes((u.protocol === 'wss:' ? 'https://' : 'http://') + u.host))"
  "      count(u.href);"
  "    return Reflect.construct(target, args, newTarget);"
  "  } });"
  "  Object.defineProperty(window, 'WebSocket',"
  "    { value: Guarded, writable: true, configurable: true, enumerable: false });"
  "}";

static void
socket_blocked_cb (const char *uri, gpointer user_data)
{
  g_autoptr(WebKitWebPage) page = g_weak_ref_get (user_data);

  if (page != NULL)
    count_blocked (page, g_object_get_data (G_OBJECT (page), RULES_KEY), uri);
}

static void
window_object_cleared_cb (WebKitScriptWorld *world, WebKitWebPage *page, WebKitFrame *frame,
                          gpointer user_data)
{
  PageRules *rules = g_object_get_data (G_OBJECT (page), RULES_KEY);
  g_autoptr(JSCContext) context = NULL;
  g_autoptr(JSCValue) guard = NULL;
  g_autoptr(JSCValue) count = NULL;
  g_autoptr(JSCValue) allowed = NULL;
  g_autoptr(JSCValue) result = NULL;
  GWeakRef *weak;

  if (rules == NULL || !rules->strict)
    return;
  context = webkit_frame_get_js_context_for_script_world (frame, world);
  guard = jsc_context_evaluate (context, socket_guard, -1);
  weak = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak, page);
  count = jsc_value_new_function (context, NULL, G_CALLBACK (socket_blocked_cb), weak,
                                  weak_ref_free, G_TYPE_NONE, 1, G_TYPE_STRING);
  allowed = jsc_value_new_array_from_strv (context, (const char *const *) rules->allowed);
  result =
    jsc_value_function_call (guard, JSC_TYPE_VALUE, count, JSC_TYPE_VALUE, allowed, G_TYPE_NONE);
}

/* --- the page's rules, from its view -------------------------------------- */

static void
rules_received_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr(WebKitWebPage) page = g_weak_ref_get (weak);
  g_autoptr(WebKitUserMessage) reply = NULL;
  g_autoptr(GError) error = NULL;
  PageRules *rules;
  GVariant *parameters;

  reply =
    webkit_web_process_extension_send_message_to_context_finish (WEBKIT_WEB_PROCESS_EXTENSION (
                                                                   source),
                                                                 result, &error);
  weak_ref_free (weak);
  if (page == NULL)
    return;
  rules = g_object_get_data (G_OBJECT (page), RULES_KEY);
  /* No answer (a view that is not Escale's): not strict. */
  parameters = reply != NULL ? webkit_user_message_get_parameters (reply) : NULL;
  if (parameters != NULL && g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(bas)")))
    g_variant_get (parameters, "(b^as)", &rules->strict, &rules->allowed);
}

static void
page_created_cb (WebKitWebProcessExtension *extension, WebKitWebPage *page, gpointer user_data)
{
  PageRules *rules = g_new0 (PageRules, 1);
  GWeakRef *weak = g_new0 (GWeakRef, 1);

  rules->page_id = webkit_web_page_get_id (page);
  g_object_set_data_full (G_OBJECT (page), RULES_KEY, rules, page_rules_free);
  g_signal_connect (page, "send-request", G_CALLBACK (send_request_cb), NULL);
  g_weak_ref_init (weak, page);
  webkit_web_process_extension_send_message_to_context (
    extension,
    webkit_user_message_new (ESCALE_STRICT_ORIGINS_MESSAGE, g_variant_new ("(t)", rules->page_id)),
    NULL, rules_received_cb, weak);
}

/* WebKit's entry point, looked up by name when the module is loaded. */
G_MODULE_EXPORT void
webkit_web_process_extension_initialize (WebKitWebProcessExtension *extension);

G_MODULE_EXPORT void
webkit_web_process_extension_initialize (WebKitWebProcessExtension *extension)
{
  the_extension = extension;
  g_signal_connect (extension, "page-created", G_CALLBACK (page_created_cb), NULL);
  g_signal_connect (webkit_script_world_get_default (), "window-object-cleared",
                    G_CALLBACK (window_object_cleared_cb), NULL);
}
