/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-web"

#include "escale-web-extension.h"
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
 * Counting ("blocked", shown to staff as "contenus tiers bloqués"): a load
 * the filter blocks is seen by nobody (WebKit tells of it only in a console
 * message it keeps to itself for an ephemeral session). So the filter
 * blocks WebSockets only, and Escale's web process extension
 * (src/web/extension/) cancels, in send-request, every other load of a
 * strict page to an origin that is not allowed (images, scripts, style
 * sheets, fonts, media, frames, fetch, XMLHttpRequest, beacons, pings) and
 * tells the view of each one, as it tells of each WebSocket the page makes
 * to such an origin: a bare message with the page's identifier, no
 * address. Each new page asks its view for the allowed origins before its
 * first document is parsed; a strict view shows no page whose process
 * never asked (the extension is not installed), and keeps its pages in
 * one process (see strict_settings ()). */

#define FILTER_ID "escale-strict-%u" /* one a view: two views never write the same file */

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

/* A page of this view asks which origins may serve it: all of them, or
 * only the allowed sites and their also-allow origins. */
static void
reply_origins (EscaleWebView *self, WebKitUserMessage *message, guint64 page_id)
{
  gboolean strict = self->filter_state != ESCALE_WEB_FILTER_NONE;
  g_auto(GStrv) origins = strict ? escale_web_policy_get_subresource_origins (self->policy)
                                  : g_new0 (char *, 1);

  self->guarded_page = page_id;
  webkit_user_message_send_reply (message,
                                  webkit_user_message_new (ESCALE_STRICT_ORIGINS_MESSAGE,
                                                           g_variant_new ("(b^as)", strict,
                                                                          (const char *const *)
                                                                            origins)));
}

/* Messages of the web process extension, sent to the context with the
 * page's identifier: each view answers for its own page. */
static gboolean
extension_message_cb (WebKitWebContext *context, WebKitUserMessage *message, EscaleWebView *self)
{
  GVariant *parameters = webkit_user_message_get_parameters (message);
  const char *name = webkit_user_message_get_name (message);
  guint64 page_id;

  if (self->web_view == NULL || parameters == NULL ||
      !g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(t)")))
    return FALSE;
  g_variant_get (parameters, "(t)", &page_id);
  if (page_id != webkit_web_view_get_page_id (self->web_view))
    return FALSE;
  if (g_str_equal (name, ESCALE_STRICT_ORIGINS_MESSAGE))
    reply_origins (self, message, page_id);
  else if (g_str_equal (name, ESCALE_BLOCKED_MESSAGE))
    {
      if (self->filter_state != ESCALE_WEB_FILTER_NONE)
        _escale_web_view_count_blocked (self);
      webkit_user_message_send_reply (message, webkit_user_message_new (name, NULL));
    }
  else
    return FALSE;
  return TRUE;
}

/* What a strict view's pages go without:
 * - service workers and shared workers, which run without a page: the
 *   extension would never see their loads (dedicated workers load through
 *   their page and stay);
 * - a new web process for another site: WebKit gives the page there an
 *   identifier of its own while it loads, which its view does not know
 *   yet, so its question would go unanswered and the page unguarded. */
static void
strict_settings (WebKitSettings *settings)
{
  WebKitFeatureList *features = webkit_settings_get_all_features ();

  for (gsize i = 0; i < webkit_feature_list_get_length (features); i++)
    {
      WebKitFeature *feature = webkit_feature_list_get (features, i);
      const char *id = webkit_feature_get_identifier (feature);

      if (g_str_equal (id, "ServiceWorkers") || g_str_equal (id, "SharedWorker") ||
          g_str_equal (id, "ProcessSwapOnCrossSiteNavigation"))
        webkit_settings_set_feature_enabled (settings, feature, FALSE);
    }
  webkit_feature_list_unref (features);
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

  g_signal_connect_object (escale_web_profile_get_web_context (self->profile),
                           "user-message-received", G_CALLBACK (extension_message_cb), self, 0);
  if (dir == NULL)
    {
      self->filter_state = ESCALE_WEB_FILTER_NONE;
      return;
    }
  self->filter_state = ESCALE_WEB_FILTER_PENDING;
  strict_settings (webkit_web_view_get_settings (self->web_view));
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

/* A strict view's web page (@uri) in a WebKit page whose extension never
 * asked for its origins (not installed, or a page WebKit made anew) would
 * go unfiltered but for WebSockets: it is not shown.
 * The question reaches the view before the page's response does (one
 * connection, in order). */
gboolean
_escale_web_view_filter_may_show (EscaleWebView *self, const char *uri)
{
  const char *scheme = g_uri_peek_scheme (uri); /* interned */

  if (self->filter_state != ESCALE_WEB_FILTER_READY ||
      self->guarded_page == webkit_web_view_get_page_id (self->web_view) ||
      (g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "https") != 0))
    return TRUE;
  g_warning ("Strict mode: the page's web process never asked for its rules (is Escale's web "
             "process extension installed?); no page is shown");
  return FALSE;
}

void
_escale_web_view_filter_stop (EscaleWebView *self)
{
  if (self->filter_cancellable != NULL)
    g_cancellable_cancel (self->filter_cancellable);
  g_clear_object (&self->filter_cancellable);
  g_clear_pointer (&self->filter_pending_uri, g_free);
}
