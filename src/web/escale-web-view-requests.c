/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-web"

#include <glib/gi18n-lib.h>

#include "escale-web-view-private.h"

/* What a page of an EscaleWebView may ask besides navigating: certificate
 * exceptions, passwords, files, printing, the context menu, permissions
 * and downloads. Each answer comes from the view's EscaleWebPolicy; every
 * refusal is counted in the view's "refusals". */

/* No certificate exception: the calm refusal page instead. */
static gboolean
tls_errors_cb (WebKitWebView *web_view, const char *uri, GTlsCertificate *certificate,
               GTlsCertificateFlags errors, EscaleWebView *self)
{
  if (!escale_web_policy_may_accept_bad_certificate (self->policy))
    _escale_web_view_show_refusal (self, uri);
  return TRUE;
}

static gboolean
authenticate_cb (WebKitWebView *web_view, WebKitAuthenticationRequest *request,
                 EscaleWebView *self)
{
  if (!escale_web_policy_may_authenticate (self->policy))
    {
      _escale_web_view_count_refusal (self, webkit_web_view_get_uri (web_view));
      webkit_authentication_request_cancel (request);
    }
  return TRUE;
}

/* Never the system's file dialog: Escale's own chooser where the policy
 * allows it and the view was given one, otherwise nothing. TRUE in every
 * case, so WebKit never opens its GtkFileChooserDialog. */
static gboolean
file_chooser_cb (WebKitWebView *web_view, WebKitFileChooserRequest *request, EscaleWebView *self)
{
  const char *uri = webkit_web_view_get_uri (web_view);

  if (self->file_chooser != NULL && escale_web_policy_may_choose_files (self->policy, uri) &&
      self->file_chooser (self, request, self->file_chooser_data))
    return TRUE;
  _escale_web_view_count_refusal (self, uri);
  webkit_file_chooser_request_cancel (request);
  return TRUE;
}

/* The print dialog is never shown; where printing is refused, nothing happens. */
static gboolean
print_cb (WebKitWebView *web_view, WebKitPrintOperation *operation, EscaleWebView *self)
{
  _escale_web_view_count_refusal (self, webkit_web_view_get_uri (web_view));
  return TRUE;
}

/* Only "Retour" and "Recharger". */
static gboolean
context_menu_cb (WebKitWebView *web_view, WebKitContextMenu *menu, WebKitHitTestResult *hit,
                 EscaleWebView *self)
{
  webkit_context_menu_remove_all (menu);
  if (webkit_web_view_can_go_back (web_view))
    webkit_context_menu_append (menu, webkit_context_menu_item_new_from_stock_action_with_label (
                                        WEBKIT_CONTEXT_MENU_ACTION_GO_BACK, _ ("Retour")));
  webkit_context_menu_append (menu, webkit_context_menu_item_new_from_stock_action_with_label (
                                      WEBKIT_CONTEXT_MENU_ACTION_RELOAD, _ ("Recharger")));
  return FALSE;
}

static EscaleWebPermission
permission_kind (WebKitPermissionRequest *request)
{
  if (WEBKIT_IS_GEOLOCATION_PERMISSION_REQUEST (request))
    return ESCALE_WEB_PERMISSION_GEOLOCATION;
  if (WEBKIT_IS_NOTIFICATION_PERMISSION_REQUEST (request))
    return ESCALE_WEB_PERMISSION_NOTIFICATIONS;
  if (WEBKIT_IS_POINTER_LOCK_PERMISSION_REQUEST (request))
    return ESCALE_WEB_PERMISSION_POINTER_LOCK;
  if (WEBKIT_IS_CLIPBOARD_PERMISSION_REQUEST (request))
    return ESCALE_WEB_PERMISSION_CLIPBOARD;
  if (WEBKIT_IS_MEDIA_KEY_SYSTEM_PERMISSION_REQUEST (request))
    return ESCALE_WEB_PERMISSION_MEDIA_KEYS;
  if (WEBKIT_IS_DEVICE_INFO_PERMISSION_REQUEST (request))
    return ESCALE_WEB_PERMISSION_DEVICE_INFO;
  if (WEBKIT_IS_WEBSITE_DATA_ACCESS_PERMISSION_REQUEST (request))
    return ESCALE_WEB_PERMISSION_WEBSITE_DATA;
  return ESCALE_WEB_PERMISSION_OTHER;
}

static gboolean
permission_cb (WebKitWebView *web_view, WebKitPermissionRequest *request, EscaleWebView *self)
{
  const char *origin = webkit_web_view_get_uri (web_view);
  gboolean grant;

  if (WEBKIT_IS_USER_MEDIA_PERMISSION_REQUEST (request))
    {
      WebKitUserMediaPermissionRequest *media = WEBKIT_USER_MEDIA_PERMISSION_REQUEST (request);

      grant =
        (webkit_user_media_permission_is_for_video_device (media) ||
         webkit_user_media_permission_is_for_audio_device (media)) &&
        (!webkit_user_media_permission_is_for_video_device (media) ||
         escale_web_policy_may_grant (self->policy, ESCALE_WEB_PERMISSION_CAMERA, origin)) &&
        (!webkit_user_media_permission_is_for_audio_device (media) ||
         escale_web_policy_may_grant (self->policy, ESCALE_WEB_PERMISSION_MICROPHONE, origin));
    }
  else
    grant = escale_web_policy_may_grant (self->policy, permission_kind (request), origin);

  if (grant)
    webkit_permission_request_allow (request);
  else
    {
      _escale_web_view_count_refusal (self, origin);
      webkit_permission_request_deny (request);
    }
  return TRUE;
}

/* Downloads: only into the policy's folder, never opened. */

static gboolean
decide_destination_cb (WebKitDownload *download, const char *suggested, EscaleWebView *self)
{
  const char *uri = webkit_uri_request_get_uri (webkit_download_get_request (download));
  const char *dir = escale_web_policy_may_download (self->policy, uri);
  g_autofree char *base = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    {
      webkit_download_cancel (download);
      return TRUE;
    }
  base = g_path_get_basename (suggested != NULL && *suggested ? suggested : "document");
  if (base[0] == '.' || strchr (base, G_DIR_SEPARATOR) != NULL)
    base[0] = '_';
  path = g_build_filename (dir, base, NULL);
  webkit_download_set_destination (download, path);
  return TRUE;
}

static void
download_started_cb (WebKitNetworkSession *session, WebKitDownload *download, EscaleWebView *self)
{
  const char *uri = webkit_uri_request_get_uri (webkit_download_get_request (download));

  if (webkit_download_get_web_view (download) != self->web_view)
    return;
  if (escale_web_policy_may_download (self->policy, uri) == NULL)
    {
      _escale_web_view_count_refusal (self, uri);
      webkit_download_cancel (download);
      return;
    }
  g_signal_connect_object (download, "decide-destination", G_CALLBACK (decide_destination_cb),
                           self, 0);
}

/* <input type=color>: WebKit's own chooser is a window of its own, a way
 * out of the kiosk. Refused like every request with no kiosk-safe
 * handler; the page keeps its default colour. */
static gboolean
color_chooser_cb (WebKitWebView *web_view, WebKitColorChooserRequest *request, EscaleWebView *self)
{
  _escale_web_view_count_refusal (self, webkit_web_view_get_uri (web_view));
  webkit_color_chooser_request_cancel (request);
  return TRUE;
}

/* Connects the handlers above to the view's WebKitWebView and session. */
void
_escale_web_view_connect_requests (EscaleWebView *self)
{
  g_signal_connect_object (self->web_view, "load-failed-with-tls-errors",
                           G_CALLBACK (tls_errors_cb), self, 0);
  g_signal_connect_object (self->web_view, "authenticate", G_CALLBACK (authenticate_cb), self, 0);
  g_signal_connect_object (self->web_view, "run-file-chooser", G_CALLBACK (file_chooser_cb), self,
                           0);
  g_signal_connect_object (self->web_view, "print", G_CALLBACK (print_cb), self, 0);
  g_signal_connect_object (self->web_view, "run-color-chooser", G_CALLBACK (color_chooser_cb),
                           self, 0);
  g_signal_connect_object (self->web_view, "context-menu", G_CALLBACK (context_menu_cb), self, 0);
  g_signal_connect_object (self->web_view, "permission-request", G_CALLBACK (permission_cb), self,
                           0);
  g_signal_connect_object (self->session, "download-started", G_CALLBACK (download_started_cb),
                           self, 0);
}
