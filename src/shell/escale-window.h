/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "escale-help-client.h"
#include "escale-kiosk.h"
#include "escale-voice.h"
#include "escale-web-profile.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_WINDOW (escale_window_get_type ())
G_DECLARE_FINAL_TYPE (EscaleWindow, escale_window, ESCALE, WINDOW, GtkApplicationWindow)

#define ESCALE_TEXT_SCALE_LEVELS 4

EscaleWindow *escale_window_new (GtkApplication *application, EscaleKiosk *kiosk,
                                 EscaleWebProfile *web_profile, EscaleHelpClient *help_client,
                                 gboolean locked);
const char *escale_window_get_page_name (EscaleWindow *self);
GtkWidget *escale_window_get_activity_page (EscaleWindow *self);
GtkWidget *escale_window_get_welcome_page (EscaleWindow *self);
GtkWidget *escale_window_get_home_page (EscaleWindow *self);
guint escale_window_get_text_scale (EscaleWindow *self);
gboolean escale_window_filter_key (EscaleWindow *self, guint keyval, GdkModifierType state);
gboolean escale_window_get_helper_banner_visible (EscaleWindow *self);
GtkWidget *escale_window_get_help_banner (EscaleWindow *self);
const char *escale_window_get_workshop_band (EscaleWindow *self);
GtkWidget *escale_window_get_staff_page (EscaleWindow *self);
GtkWidget *escale_window_get_feedback_page (EscaleWindow *self);
EscaleVoice *escale_window_get_voice (EscaleWindow *self);
GtkWidget *escale_window_get_listen_button (EscaleWindow *self);
GtkWidget *escale_window_get_goodbye_listen_button (EscaleWindow *self);

G_END_DECLS
