/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <webkit/webkit.h>

#include "escale-app-scheme.h"
#include "escale-web-policy.h"
#include "escale-web-profile.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_WEB_VIEW (escale_web_view_get_type ())
G_DECLARE_FINAL_TYPE (EscaleWebView, escale_web_view, ESCALE, WEB_VIEW, GtkWidget)

GtkWidget *escale_web_view_new (EscaleWebProfile *profile, EscaleWebPolicy *policy);
void escale_web_view_load (EscaleWebView *self, const char *uri);
gboolean escale_web_view_go_back (EscaleWebView *self);
void escale_web_view_retry (EscaleWebView *self);
WebKitWebView *escale_web_view_get_web_view (EscaleWebView *self);
EscaleWebPolicy *escale_web_view_get_policy (EscaleWebView *self);
gboolean escale_web_view_get_offline (EscaleWebView *self);
gboolean escale_web_view_get_loading (EscaleWebView *self);
void escale_web_view_offline_retry (EscaleWebView *self);
void escale_web_view_offline_back (EscaleWebView *self);
gboolean escale_web_view_get_crashed (EscaleWebView *self);
guint escale_web_view_get_refusals (EscaleWebView *self);
guint escale_web_view_get_hangs (EscaleWebView *self);
guint escale_web_view_get_blocked (EscaleWebView *self);
const char *escale_web_view_get_dialog_message (EscaleWebView *self);
gboolean escale_web_view_answer_dialog (EscaleWebView *self, gboolean yes);

/* Shows Escale's own chooser for the page's <input type="file">: called
 * only where the policy allows it (escale_web_policy_allow_file_chooser ()
 * and a page of the allowlist); takes a reference on @request and answers
 * it (select or cancel) later, returning TRUE, or returns FALSE to refuse.
 * Without one, every request is refused, as it always was. */
typedef gboolean (*EscaleWebFileChooserFunc) (EscaleWebView *view,
                                              WebKitFileChooserRequest *request,
                                              gpointer user_data);
void escale_web_view_set_file_chooser (EscaleWebView *self, EscaleWebFileChooserFunc func,
                                       gpointer user_data, GDestroyNotify destroy);
/* A card drawn over the page (the chooser), removed with _remove_overlay (). */
void escale_web_view_add_overlay (EscaleWebView *self, GtkWidget *card);
void escale_web_view_remove_overlay (EscaleWebView *self, GtkWidget *card);

G_END_DECLS
