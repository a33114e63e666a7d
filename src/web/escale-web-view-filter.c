/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-web"

#include <json-glib/json-glib.h>

#include "escale-web-view-private.h"

/* Strict third-party mode (a site's strict=true): the policy's content
 * rules (escale_web_policy_get_content_rules ()) are compiled by WebKit's
 * WebKitUserContentFilterStore into the policy's folder (the visit's
 * scratch folder, wiped with it) and applied through the view's
 * WebKitUserContentManager, so every sub-resource, beacon or WebSocket to
 * an origin that is neither an allowed site nor one of its also-allow=
 * origins is never requested. No page is loaded before the filter is in
 * place; if it cannot be compiled, the calm refusal page is shown instead
 * (never the page without its filter).
 *
 * Counting ("blocked", shown to staff as "contenus tiers bloqués"): WebKit
 * tells of a blocked load only as a console message, and forwards none for
 * an ephemeral session. So a script in a world of its own (the page cannot
 * see it) listens to the error events of the page's elements (img,
 * script, link, media, iframe...): an element of another origin that
 * failed in strict mode was blocked, and one bare message (no address)
 * goes to the view. Blocked fetch, beacons, WebSockets and fonts give no
 * such event and are blocked without being counted. */

#define FILTER_ID "escale-strict-%u" /* one a view: two views never write the same file */
#define COUNT_WORLD "escale-strict"
#define COUNT_HANDLE "escaleBlocked"

static const char count_script[] =
  "(() => {"
  "  const allowed = %s;"
  "  document.addEventListener('error', (event) => {"
  "    const t = event.target;"
  "    const u = t && (t.currentSrc || t.src || t.href || t.data);"
  "    if (typeof u !== 'string' || u === '') return;"
  "    let o; try { o = new URL(u, document.baseURI); } catch (e) { return; }"
  "    if (!/^(https?|wss?):$/.test(o.protocol) || allowed.includes(o.origin)) return;"
  "    window.webkit.messageHandlers." COUNT_HANDLE ".postMessage(1);"
  "  }, true);"
  "})();";

static void
filter_saved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GCancellable) cancellable = user_data;
  g_autoptr(WebKitUserContentFilter) filter = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  EscaleWebView *self;

  filter = webkit_user_content_filter_store_save_finish (WEBKIT_USER_CONTENT_FILTER_STORE (source),
                                                         result, &error);
  if (g_cancellable_is_cancelled (cancellable))
    return;
  self = g_object_get_data (G_OBJECT (cancellable), "view");
  g_clear_object (&self->filter_cancellable);
  uri = g_steal_pointer (&self->filter_pending_uri);
  if (filter == NULL)
    {
      g_warning ("Strict mode: the content filter could not be compiled (%s); no page is shown",
                 error->message);
      self->filter_state = ESCALE_WEB_FILTER_FAILED;
      if (uri != NULL)
        _escale_web_view_show_refusal (self, uri);
      return;
    }
  webkit_user_content_manager_add_filter (webkit_web_view_get_user_content_manager (
                                            self->web_view),
                                          filter);
  self->filter_state = ESCALE_WEB_FILTER_READY;
  if (uri != NULL)
    webkit_web_view_load_uri (self->web_view, uri);
}

static void
blocked_message_cb (WebKitUserContentManager *manager, JSCValue *value, EscaleWebView *self)
{
  _escale_web_view_count_blocked (self);
}

/* The counting script, told the allowed origins as a JSON array. */
static void
add_count_script (EscaleWebView *self, WebKitUserContentManager *manager)
{
  g_auto(GStrv) origins = escale_web_policy_get_subresource_origins (self->policy);
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);
  g_autoptr(WebKitUserScript) script = NULL;
  g_autofree char *list = NULL;
  g_autofree char *source = NULL;

  for (guint i = 0; origins[i] != NULL; i++)
    json_array_add_string_element (array, origins[i]);
  json_node_set_array (node, array);
  list = json_to_string (node, FALSE);
  source = g_strdup_printf (count_script, list);
  script = webkit_user_script_new_for_world (source, WEBKIT_USER_CONTENT_INJECT_ALL_FRAMES,
                                             WEBKIT_USER_SCRIPT_INJECT_AT_DOCUMENT_START,
                                             COUNT_WORLD, NULL, NULL);
  webkit_user_content_manager_add_script (manager, script);
  g_signal_connect_object (manager, "script-message-received::" COUNT_HANDLE,
                           G_CALLBACK (blocked_message_cb), self, 0);
  webkit_user_content_manager_register_script_message_handler (manager, COUNT_HANDLE, COUNT_WORLD);
}

/* Called once the view is built: compiles the strict mode's filter when
 * the policy asks for it. */
void
_escale_web_view_filter_start (EscaleWebView *self)
{
  const char *dir = escale_web_policy_get_strict_dir (self->policy);
  g_autoptr(WebKitUserContentFilterStore) store = NULL;
  g_autoptr(GBytes) rules = NULL;
  g_autofree char *identifier = NULL;
  static guint filters_made;

  if (dir == NULL)
    {
      self->filter_state = ESCALE_WEB_FILTER_NONE;
      return;
    }
  self->filter_state = ESCALE_WEB_FILTER_PENDING;
  add_count_script (self, webkit_web_view_get_user_content_manager (self->web_view));
  store = webkit_user_content_filter_store_new (dir);
  rules = escale_web_policy_get_content_rules (self->policy);
  self->filter_cancellable = g_cancellable_new ();
  g_object_set_data (G_OBJECT (self->filter_cancellable), "view", self);
  identifier = g_strdup_printf (FILTER_ID, ++filters_made);
  webkit_user_content_filter_store_save (store, identifier, rules, self->filter_cancellable,
                                         filter_saved_cb, g_object_ref (self->filter_cancellable));
}

/* TRUE when @uri may be loaded now; otherwise it is kept for when the
 * filter is in place (or refused if the filter failed). */
gboolean
_escale_web_view_filter_ready (EscaleWebView *self, const char *uri)
{
  switch (self->filter_state)
    {
    case ESCALE_WEB_FILTER_PENDING:
      g_free (self->filter_pending_uri);
      self->filter_pending_uri = g_strdup (uri);
      gtk_widget_set_visible (self->loading, TRUE);
      return FALSE;
    case ESCALE_WEB_FILTER_FAILED:
      _escale_web_view_show_refusal (self, uri);
      return FALSE;
    case ESCALE_WEB_FILTER_NONE:
    case ESCALE_WEB_FILTER_READY:
    default:
      return TRUE;
    }
}

void
_escale_web_view_filter_stop (EscaleWebView *self)
{
  if (self->filter_cancellable != NULL)
    g_cancellable_cancel (self->filter_cancellable);
  g_clear_object (&self->filter_cancellable);
  g_clear_pointer (&self->filter_pending_uri, g_free);
}
