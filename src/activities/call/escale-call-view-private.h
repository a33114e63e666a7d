/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-call-view.h"

G_BEGIN_DECLS

/* The call screen's insides, shared by escale-call-view.c (states, counting,
 * lifetime), escale-call-view-actions.c (what the buttons do) and
 * escale-call-view-screens.c (the five screens, built in code, in an
 * EscaleCallFrame). */
struct _EscaleCallView
{
  EscaleActivityView parent_instance;

  /* widgets */
  GtkWidget *box; /* the EscaleCallFrame */
  GtkLabel *guide;
  GtkStack *stack;
  GtkLabel *pad_display;
  GtkLabel *code_label;
  GtkPicture *qr_picture;
  GtkLabel *link_label;
  GtkPicture *remote_picture;
  GtkPicture *self_picture;
  GtkWidget *side;     /* the column on the right */
  GtkWidget *switches; /* microphone and camera */
  GtkWidget *hang_up_button;
  GtkWidget *back_button; /* Retour, on the pad */
  GtkWidget *microphone_button;
  GtkWidget *camera_button;
  GtkWidget *picture_button; /* Montrer ma photo / Revenir à la caméra */
  GtkWidget *ready_box;      /* on the start screen: the photo is ready */
  GtkPicture *ready_picture;
  GtkLabel *message_title;
  GtkLabel *message_text;
  GtkWidget *message_button;

  /* borrowed from EscaleActivityView */
  EscaleActivity *activity;
  EscaleVisit *visit; /* NULL outside a kiosk */

  /* owned */
  EscaleCall *call;
  char *family_page;
  GString *typed;
  gboolean made_room;    /* the last call was made with a code for the family */
  gboolean call_open;    /* counted as started, not yet as ended */
  gboolean call_counted; /* the open call was counted as connected */
  gboolean closing;      /* a reset or the end of the page: do not reopen the camera */
  GdkTexture *picture;   /* the photo handed over by another activity, or NULL */
  char *picture_giver;   /* its kind, which counts it as shown */
  gboolean picture_counted;
};

/* escale-call-view.c */
void _escale_call_view_set_guide (EscaleCallView *self, const char *text);
void _escale_call_view_show_start (EscaleCallView *self);

/* escale-call-view-actions.c */
void _escale_call_view_install_actions (GtkWidgetClass *widget_class);
void _escale_call_view_update_pad_display (EscaleCallView *self);
void _escale_call_view_update_switches (EscaleCallView *self);

/* escale-call-view-picture.c */
void _escale_call_view_take_picture (EscaleCallView *self);
void _escale_call_view_update_picture (EscaleCallView *self);
void _escale_call_view_drop_picture (EscaleCallView *self);
void _escale_call_view_toggle_picture (EscaleCallView *self);

/* escale-call-view-screens.c */
void _escale_call_view_build (EscaleCallView *self);
void _escale_call_view_button_set_text (GtkWidget *button, const char *text);
void _escale_call_view_arrange (EscaleCallView *self);
void _escale_call_view_fit_remote (EscaleCallView *self, int width, int height);

G_END_DECLS
