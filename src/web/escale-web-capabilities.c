/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-web"

#include <glib/gi18n-lib.h>
#include <webkit/webkit.h>

#include "escale-web-capabilities.h"

/* What the installed WebKitGTK can do, asked of WebKit itself rather than
 * guessed from its version. Today one question: does a page get WebRTC
 * (RTCPeerConnection) when enable-webrtc is on? Debian 12's WebKitGTK says
 * no; newer builds may say yes, and only then can a visio site work in the
 * locked web view ([Call] web-url=).
 *
 * The probe makes a hidden web view on an ephemeral network session, loads
 * about:blank and evaluates `typeof RTCPeerConnection`; the view and its
 * web process are dropped right after. The answer is kept for the life of
 * the process; callers that ask while a probe runs wait for the same one.
 * The call kind runs it only when the configuration has a web call
 * (src/activities/call/escale-web-call-check.c), so a normal start never
 * pays for it. */

#define PROBE_TIMEOUT_SECONDS 30

static EscaleWebCapability webrtc_answer = ESCALE_WEB_CAPABILITY_UNKNOWN;
static WebKitWebView *probe_view; /* while a probe runs */
static GPtrArray *probe_waiting;  /* of GTask, while a probe runs */
static guint probe_timeout_id;

static void
probe_done (EscaleWebCapability answer, const GError *error)
{
  g_autoptr(GPtrArray) waiting = g_steal_pointer (&probe_waiting);
  g_autoptr(WebKitWebView) view = g_steal_pointer (&probe_view);

  g_clear_handle_id (&probe_timeout_id, g_source_remove);
  if (view != NULL)
    g_signal_handlers_disconnect_matched (view, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL,
                                          &webrtc_answer);
  if (answer != ESCALE_WEB_CAPABILITY_UNKNOWN)
    webrtc_answer = answer;
  for (guint i = 0; waiting != NULL && i < waiting->len; i++)
    {
      GTask *task = waiting->pdata[i];

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_int (task, answer);
    }
}

static void
typeof_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JSCValue)
               value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (source),
                                                                   result, &error);
  g_autofree char *type = NULL;

  if (source != G_OBJECT (probe_view))
    return; /* a probe that timed out */
  if (value == NULL)
    {
      probe_done (ESCALE_WEB_CAPABILITY_UNKNOWN, error);
      return;
    }
  type = jsc_value_to_string (value);
  g_debug ("typeof RTCPeerConnection: %s", type);
  probe_done (g_strcmp0 (type, "undefined") == 0 ? ESCALE_WEB_CAPABILITY_NO
                                                 : ESCALE_WEB_CAPABILITY_YES,
              NULL);
}

static void
load_changed_cb (WebKitWebView *view, WebKitLoadEvent event, gpointer user_data)
{
  if (event != WEBKIT_LOAD_FINISHED)
    return;
  webkit_web_view_evaluate_javascript (view, "typeof RTCPeerConnection", -1, NULL, NULL, NULL,
                                       typeof_cb, NULL);
}

static gboolean
load_failed_cb (WebKitWebView *view, WebKitLoadEvent event, const char *uri, GError *error,
                gpointer user_data)
{
  probe_done (ESCALE_WEB_CAPABILITY_UNKNOWN, error);
  return TRUE;
}

static gboolean
probe_timeout_cb (gpointer user_data)
{
  g_autoptr(GError) error =
               g_error_new (G_IO_ERROR, G_IO_ERROR_TIMED_OUT, _ ("WebKitGTK n'a pas répondu"));

  probe_timeout_id = 0;
  probe_done (ESCALE_WEB_CAPABILITY_UNKNOWN, error);
  return G_SOURCE_REMOVE;
}

static void
probe_start (void)
{
  g_autoptr(WebKitNetworkSession) session = webkit_network_session_new_ephemeral ();
  g_autoptr(WebKitSettings) settings = g_object_new (WEBKIT_TYPE_SETTINGS, "enable-webrtc", TRUE,
                                                      "enable-media-stream", TRUE,
                                                      "enable-developer-extras", FALSE, NULL);

  probe_view = g_object_ref_sink (
    g_object_new (WEBKIT_TYPE_WEB_VIEW, "network-session", session, "settings", settings, NULL));
  /* The handlers' data marks them as the probe's, to disconnect them. */
  g_signal_connect (probe_view, "load-changed", G_CALLBACK (load_changed_cb), &webrtc_answer);
  g_signal_connect (probe_view, "load-failed", G_CALLBACK (load_failed_cb), &webrtc_answer);
  probe_timeout_id = g_timeout_add_seconds (PROBE_TIMEOUT_SECONDS, probe_timeout_cb, NULL);
  webkit_web_view_load_uri (probe_view, "about:blank");
}

/* Asks WebKit whether pages get WebRTC. Answers at once when the process
 * already knows. Needs a display (WebKit's web views are GTK widgets). */
void
escale_web_capabilities_probe_webrtc (GCancellable *cancellable, GAsyncReadyCallback callback,
                                      gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, escale_web_capabilities_probe_webrtc);
  if (webrtc_answer != ESCALE_WEB_CAPABILITY_UNKNOWN)
    {
      g_task_return_int (task, webrtc_answer);
      return;
    }
  if (probe_waiting == NULL)
    {
      probe_waiting = g_ptr_array_new_with_free_func (g_object_unref);
      probe_start ();
    }
  g_ptr_array_add (probe_waiting, g_steal_pointer (&task));
}

/* Returns: FALSE with @error when WebKit could not be asked; else TRUE,
 * with the answer in @has_webrtc. */
gboolean
escale_web_capabilities_probe_webrtc_finish (GAsyncResult *result, gboolean *has_webrtc,
                                             GError **error)
{
  gssize answer;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  answer = g_task_propagate_int (G_TASK (result), error);
  if (answer < 0)
    return FALSE;
  if (has_webrtc != NULL)
    *has_webrtc = answer == ESCALE_WEB_CAPABILITY_YES;
  return TRUE;
}

/* The answer known to this process, without asking. */
EscaleWebCapability
escale_web_capabilities_get_webrtc (void)
{
  return webrtc_answer;
}
