/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-web-extension"

#include <libsoup/soup.h>
#include <webkit/webkit-web-process-extension.h>

#include "escale-web-extension.h"

/* Runs inside each web process of Escale (loaded by WebKit from the
 * profile's extensions folder; see escale-web-profile.c). One thing only:
 * every request leaving a page for another origin carries a Referer
 * holding only the page's origin ("https://site/"), whatever referrer
 * policy the page asked for (a meta tag, a header, an attribute): the
 * address the person was reading is never handed to a third party. WebKit
 * offers no other way to rewrite a request's headers (the UI process sees
 * none); send-request is where its API allows it. */

/* "https://Host:8443/a?b" -> "https://host:8443"; NULL for what is not
 * an http(s) address. */
static char *
origin_of (const char *uri)
{
  g_autoptr(GUri) parsed = uri != NULL ? g_uri_parse (uri, G_URI_FLAGS_ENCODED, NULL) : NULL;
  const char *scheme = parsed != NULL ? g_uri_get_scheme (parsed) : NULL;
  g_autofree char *host = NULL;
  int port;

  if (scheme == NULL || g_uri_get_host (parsed) == NULL ||
      (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0))
    return NULL;
  host = g_ascii_strdown (g_uri_get_host (parsed), -1);
  port = g_uri_get_port (parsed);
  if (port < 0)
    return g_strdup_printf ("%s://%s", scheme, host);
  return g_strdup_printf ("%s://%s:%d", scheme, host, port);
}

static gboolean
send_request_cb (WebKitWebPage *page, WebKitURIRequest *request,
                 WebKitURIResponse *redirected_response, gpointer user_data)
{
  SoupMessageHeaders *headers = webkit_uri_request_get_http_headers (request);
  const char *referer = headers != NULL ? soup_message_headers_get_one (headers, "Referer") : NULL;
  g_autofree char *from = origin_of (referer);
  g_autofree char *to = origin_of (webkit_uri_request_get_uri (request));

  if (referer != NULL && (from == NULL || g_strcmp0 (from, to) != 0))
    {
      if (from != NULL)
        {
          g_autofree char *trimmed = g_strconcat (from, "/", NULL);

          soup_message_headers_replace (headers, "Referer", trimmed);
        }
      else
        soup_message_headers_remove (headers, "Referer");
    }
  return FALSE; /* the request goes on */
}

static void
page_created_cb (WebKitWebProcessExtension *extension, WebKitWebPage *page, gpointer user_data)
{
  g_signal_connect (page, "send-request", G_CALLBACK (send_request_cb), NULL);
}

/* WebKit's entry point, looked up by name when the module is loaded. */
G_MODULE_EXPORT void
webkit_web_process_extension_initialize (WebKitWebProcessExtension *extension);

G_MODULE_EXPORT void
webkit_web_process_extension_initialize (WebKitWebProcessExtension *extension)
{
  g_signal_connect (extension, "page-created", G_CALLBACK (page_created_cb), NULL);
}
