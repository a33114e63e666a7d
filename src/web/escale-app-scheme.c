/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-web"

#include <glib/gi18n-lib.h>

#include "escale-app-scheme.h"

/* Escale's own pages inside a web view, served from memory under
 * escale-app: (never file:, which would open the disk): the calm refusal
 * page with its big "Retour" (a site that does not answer gets Escale's
 * own page, escale-web-view-pages.c). Every translated string is escaped
 * before it goes into HTML. */

static char *
app_page (const char *title, const char *text, gboolean with_back)
{
  g_autofree char *e_title = g_markup_escape_text (title, -1);
  g_autofree char *e_text = g_markup_escape_text (text, -1);
  g_autofree char *e_back = g_markup_escape_text (_ ("Retour"), -1);

  return g_strdup_printf (
    "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\">"
    "<title>%s</title><style>"
    "body{background:#f4f1ea;color:#1a1a1a;font-family:sans-serif;font-size:30px;"
    "display:flex;flex-direction:column;align-items:center;justify-content:center;"
    "min-height:80vh;margin:0;padding:16px;text-align:center}"
    "h1{font-size:34px;margin:0 0 16px}p{max-width:28em;line-height:1.4}"
    "a{display:inline-block;margin-top:32px;padding:20px 64px;min-height:40px;"
    "background:#0b3d6e;color:#fff;border-radius:16px;text-decoration:none;"
    "font-size:34px;font-weight:bold}"
    "</style></head><body><h1>%s</h1><p>%s</p>%s%s%s</body></html>",
    e_title, e_title, e_text, with_back ? "<a id=\"back\" href=\"" ESCALE_APP_BACK_URI "\">" : "",
    with_back ? e_back : "", with_back ? "</a>" : "");
}

static void
app_scheme_cb (WebKitURISchemeRequest *request, gpointer user_data)
{
  const char *uri = webkit_uri_scheme_request_get_uri (request);
  g_autofree char *html = NULL;
  g_autoptr(GInputStream) stream = NULL;
  gsize len;

  if (g_str_equal (uri, ESCALE_APP_SCHEME "://blank"))
    html = g_strdup ("<!DOCTYPE html><html><body></body></html>");
  else
    html = app_page (_ ("Page non disponible"),
                     _ ("Cette page n'est pas disponible ici. Touchez Retour."), TRUE);

  len = strlen (html);
  stream = g_memory_input_stream_new_from_data (g_steal_pointer (&html), (gssize) len, g_free);
  webkit_uri_scheme_request_finish (request, stream, (gint64) len, "text/html");
}

/* Registers escale-app: on @context, once. It is a local scheme: a web
 * page cannot link to it or frame it. */
void
escale_app_scheme_register (WebKitWebContext *context)
{
  if (g_object_get_data (G_OBJECT (context), "escale-app-scheme") != NULL)
    return;
  webkit_web_context_register_uri_scheme (context, ESCALE_APP_SCHEME, app_scheme_cb, NULL, NULL);
  webkit_security_manager_register_uri_scheme_as_local (webkit_web_context_get_security_manager (
                                                          context),
                                                        ESCALE_APP_SCHEME);
  g_object_set_data (G_OBJECT (context), "escale-app-scheme", GINT_TO_POINTER (1));
}
