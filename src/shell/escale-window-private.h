/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared between escale-window.c (state, input, wipers) and
 * escale-window-actions.c (what the buttons do). Not for other files. */

#include "escale-countdown.h"
#include "escale-help-banner.h"
#include "escale-home-page.h"
#include "escale-listen-button.h"
#include "escale-welcome-page.h"
#include "escale-window.h"

G_BEGIN_DECLS

/* The one window. It shows what the session's state says (welcome, home,
 * an activity, the countdown, "Tout est effacé"), feeds every touch and key
 * to the session, and in kiosk mode swallows every way out. It registers
 * the wipers for what it holds: the pages, the text size, the clipboards. */
struct _EscaleWindow
{
  GtkApplicationWindow parent_instance;

  /* template widgets */
  GtkStack *stack;
  GtkWidget *top_bar;
  GtkWidget *bottom_bar;
  GtkLabel *place_label;
  GtkWidget *home_button;
  GtkWidget *finish_button;
  GtkLabel *help_label;
  GtkLabel *unavailable_staff_label;
  GtkWidget *helper_banner;
  GtkLabel *workshop_label;
  GtkWidget *goodbye_reminder;
  GtkPicture *goodbye_picture; /* drawn at the first reminder: an SVG loads librsvg */
  GtkLabel *goodbye_reminder_label;
  GtkWidget *contrast_button;
  EscaleListenButton *listen_button;
  EscaleListenButton *goodbye_listen_button;
  GtkLabel *goodbye_title;
  EscaleWelcomePage *welcome_page;
  EscaleHomePage *home_page;
  GtkBox *activity_slot;
  EscaleCountdown *countdown;

  /* owned */
  EscaleKiosk *kiosk;
  EscaleWebProfile *web_profile;
  EscaleHelpClient *help_client;
  EscaleVoice *voice; /* "Écouter", shared by the screens' buttons */
  char *before_help;
  gulong clicked_hook; /* every GtkButton's "clicked": input for the session */

  /* borrowed */
  GtkWidget *activity_page; /* child of activity_slot, or NULL */
  GtkWidget *staff_page;    /* the staff space, a page of the stack */
  GtkWidget *feedback_page; /* the optional end-of-visit questions */
  char *before_staff;       /* the page the staff space was opened from */

  gboolean locked;
  gboolean high_contrast;
  gboolean welcome_listening; /* a visit starts from the welcome's "Écouter" */
  guint text_scale;
};

EscaleSession *_escale_window_get_session (EscaleWindow *self);
void _escale_window_show_page (EscaleWindow *self, const char *name);
void _escale_window_drop_activity_page (EscaleWindow *self);
void _escale_window_apply_text_scale (EscaleWindow *self);
void _escale_window_apply_contrast (EscaleWindow *self);
void _escale_window_update_for_state (EscaleWindow *self);
void _escale_window_open_staff_space (EscaleWindow *self);
void _escale_window_setup_staff (EscaleWindow *self);
void _escale_window_setup_voice (EscaleWindow *self);
void _escale_window_voice_screen_changed (EscaleWindow *self);
void _escale_window_voice_follow_guide (EscaleWindow *self);
gboolean _escale_window_voice_keeps_welcome (EscaleWindow *self);
gboolean _escale_window_voice_owns_press (EscaleWindow *self, double x, double y);
void _escale_window_class_actions_init (GtkWidgetClass *widget_class);

G_END_DECLS
