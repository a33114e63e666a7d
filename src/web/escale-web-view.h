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
gboolean escale_web_view_get_crashed (EscaleWebView *self);
guint escale_web_view_get_refusals (EscaleWebView *self);
const char *escale_web_view_get_dialog_message (EscaleWebView *self);
gboolean escale_web_view_answer_dialog (EscaleWebView *self, gboolean yes);

G_END_DECLS
