/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-call"

#include <glib/gi18n.h>

#include "escale-call-frame.h"
#include "escale-call-view-private.h"
#include "escale-ui-util.h"

/* The call screen's five screens, built in code (their widgets are made
 * in loops, which a template would not make clearer): "start" (two
 * choices), "pad" (the digits), "code" (the code, its QR code and the
 * family page's address), "call" (the family, as large as the screen) and
 * "message" (a calm sentence and one button); beside them the side column
 * (oneself, small and always the same size, and Raccrocher). */

#define SELF_VIEW_WIDTH 256

/* Changes a button's words and what a screen reader says of it. */
void
_escale_call_view_button_set_text (GtkWidget *button, const char *text)
{
  gtk_label_set_text (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
}

/* A button whose words wrap, so that the call screen fits 1024 px. */
static GtkWidget *
action_button (const char *label, const char *action, const char *css_class)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *text = gtk_label_new (label);

  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 14);
  gtk_label_set_justify (GTK_LABEL (text), GTK_JUSTIFY_CENTER);
  gtk_button_set_child (GTK_BUTTON (button), text);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  if (css_class != NULL)
    gtk_widget_add_css_class (button, css_class);
  if (label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                    -1);
  return button;
}

/* A key of the pad: its label is its accessible name. */
static GtkWidget *
pad_button (const char *label, const char *action, const char *css_class)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_add_css_class (button, css_class);
  return button;
}

static GtkPicture *
video_picture (const char *css_class)
{
  GtkWidget *picture = gtk_picture_new ();

  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_CONTAIN);
  gtk_widget_add_css_class (picture, css_class);
  return GTK_PICTURE (picture);
}

/* "Votre photo est prête", with the photo small (a photo handed over). */
static GtkWidget *
build_ready (EscaleCallView *self)
{
  self->ready_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  self->ready_picture = video_picture ("call-ready-photo");
  gtk_widget_set_size_request (GTK_WIDGET (self->ready_picture), 96, 72);
  gtk_box_append (GTK_BOX (self->ready_box), GTK_WIDGET (self->ready_picture));
  gtk_box_append (GTK_BOX (self->ready_box),
                  escale_wrapped_label_new (_ ("Votre photo est prête."), "call-ready-text"));
  gtk_widget_set_visible (self->ready_box, FALSE);
  return self->ready_box;
}

static GtkWidget *
build_start (EscaleCallView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), build_ready (self));
  gtk_box_append (GTK_BOX (box), action_button (_ ("Créer un code pour ma famille"), "call.create",
                                                "call-choice"));
  gtk_box_append (GTK_BOX (box),
                  action_button (_ ("J'ai reçu un code"), "call.pad", "call-choice"));
  return box;
}

static GtkWidget *
build_pad (EscaleCallView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *grid = gtk_grid_new ();
  const char *keys = "123456789";

  self->pad_display = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->pad_display), "call-pad-display");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->pad_display));
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 16);
  gtk_widget_set_halign (grid, GTK_ALIGN_CENTER);
  for (guint i = 0; i < 10; i++)
    {
      char digit[2] = { i < 9 ? keys[i] : '0', '\0' };
      GtkWidget *button = pad_button (digit, "call.digit", "call-key");

      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", digit);
      gtk_grid_attach (GTK_GRID (grid), button, i < 9 ? (int) i % 3 : 1, i < 9 ? (int) i / 3 : 3,
                       1, 1);
    }
  /* One word each: on one line, as tall as the digits. */
  gtk_grid_attach (GTK_GRID (grid), pad_button (_ ("Effacer"), "call.erase", "call-key"), 0, 3, 1,
                   1);
  gtk_grid_attach (GTK_GRID (grid), pad_button (_ ("Appeler"), "call.join", "call-go"), 2, 3, 1,
                   1);
  gtk_box_append (GTK_BOX (box), grid);
  return box;
}

/* The code in huge digits and the QR code beside, what the family does
 * with them (the guide line says what to do with the code). */
static GtkWidget *
build_code (EscaleCallView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 20);

  self->code_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->code_label), "call-code");
  gtk_label_set_selectable (self->code_label, FALSE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->code_label), TRUE);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->code_label));
  self->qr_picture = GTK_PICTURE (gtk_picture_new ());
  gtk_widget_set_size_request (GTK_WIDGET (self->qr_picture), 160, 160);
  gtk_widget_add_css_class (GTK_WIDGET (self->qr_picture), "call-qr");
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->qr_picture));
  gtk_box_append (GTK_BOX (box), row);
  gtk_box_append (GTK_BOX (box), escale_wrapped_label_new (_ ("Il le tape sur la page d'appel, "
                                                              "ou il photographie le carré."),
                                                           "call-code-help"));
  self->link_label = GTK_LABEL (escale_wrapped_label_new (NULL, "call-link"));
  gtk_label_set_wrap_mode (self->link_label, PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->link_label));
  return box;
}

/* The family, as large as the frame (the guide line, the self-view and
 * Raccrocher lie over its edges), with "Montrer ma photo" (shown with a
 * photo only) and the microphone and camera switches at the bottom. */
static GtkWidget *
build_call (EscaleCallView *self)
{
  GtkWidget *overlay = gtk_overlay_new ();

  self->remote_picture = video_picture ("call-remote");
  gtk_widget_set_vexpand (GTK_WIDGET (self->remote_picture), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->remote_picture), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self->remote_picture), 240, 135);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), GTK_WIDGET (self->remote_picture));
  self->switches = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (self->switches, "call-switches");
  gtk_widget_set_halign (self->switches, GTK_ALIGN_START);
  gtk_widget_set_valign (self->switches, GTK_ALIGN_END);
  self->picture_button = action_button (NULL, "call.picture", "call-switch");
  gtk_widget_set_visible (self->picture_button, FALSE);
  self->microphone_button = action_button (NULL, "call.microphone", "call-switch");
  self->camera_button = action_button (NULL, "call.camera", "call-switch");
  gtk_box_append (GTK_BOX (self->switches), self->picture_button);
  gtk_box_append (GTK_BOX (self->switches), self->microphone_button);
  gtk_box_append (GTK_BOX (self->switches), self->camera_button);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), self->switches);
  return overlay;
}

/* On the right under the self-view, in the same place on every screen:
 * Retour at the top (on the pad), Raccrocher at the bottom (while a call
 * is made or on). */
static GtkWidget *
build_side (EscaleCallView *self)
{
  GtkWidget *side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *room = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_add_css_class (side, "call-side");
  self->back_button = action_button (_ ("Retour"), "call.back", NULL);
  gtk_box_append (GTK_BOX (side), self->back_button);
  gtk_widget_set_vexpand (room, TRUE);
  gtk_box_append (GTK_BOX (side), room);
  self->hang_up_button = action_button (_ ("Raccrocher"), "call.hang-up", "call-hang-up");
  gtk_box_append (GTK_BOX (side), self->hang_up_button);
  return side;
}

static GtkWidget *
build_message (EscaleCallView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  self->message_title = GTK_LABEL (escale_wrapped_label_new (NULL, "message-title"));
  self->message_text = GTK_LABEL (escale_wrapped_label_new (NULL, "message-text"));
  self->message_button = action_button ("", "call.back", "call-choice");
  gtk_widget_set_halign (self->message_button, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->message_title));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->message_text));
  gtk_box_append (GTK_BOX (box), self->message_button);
  return box;
}

/* The guide line, the five screens in a stack and the side column, in a
 * frame that lays them out (escale-call-frame.c). */
void
_escale_call_view_build (EscaleCallView *self)
{
  GtkWidget *guide = escale_wrapped_label_new (NULL, "call-guide");
  GtkWidget *scrolled;

  self->guide = GTK_LABEL (guide);
  gtk_widget_set_valign (guide, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->guide), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Où en est l'appel"), -1);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_hhomogeneous (self->stack, FALSE);
  gtk_stack_set_vhomogeneous (self->stack, FALSE);
  gtk_stack_add_named (self->stack, build_start (self), "start");
  gtk_stack_add_named (self->stack, build_pad (self), "pad");
  gtk_stack_add_named (self->stack, build_code (self), "code");
  gtk_stack_add_named (self->stack, build_call (self), "call");
  gtk_stack_add_named (self->stack, build_message (self), "message");
  /* A screen taller than the space left scrolls on its own: the self-view
   * and Raccrocher stay in view. */
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->stack));
  self->side = build_side (self);
  self->self_picture = video_picture ("call-self");
  self->box = escale_call_frame_new (guide, scrolled, self->side, GTK_WIDGET (self->self_picture),
                                     SELF_VIEW_WIDTH, SELF_VIEW_WIDTH * 9 / 16);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
}

/* What each screen shows around it: the self-view and the side column on
 * every screen but a message, Raccrocher while a call is made or on, the
 * switches in the call, and the family under everything. */
void
_escale_call_view_arrange (EscaleCallView *self)
{
  const char *screen = gtk_stack_get_visible_child_name (self->stack);
  gboolean message = g_strcmp0 (screen, "message") == 0;
  gboolean call = g_strcmp0 (screen, "call") == 0;

  /* A message says it all: its title is the screen's only heading. */
  gtk_widget_set_visible (GTK_WIDGET (self->guide), !message);
  gtk_widget_set_visible (self->side, !message);
  gtk_widget_set_visible (self->hang_up_button, call || g_strcmp0 (screen, "code") == 0);
  gtk_widget_set_visible (self->back_button, g_strcmp0 (screen, "pad") == 0);
  escale_call_frame_set_overlaid (ESCALE_CALL_FRAME (self->box), call);
}

/* The family fills their space: cut at the edges when little would go
 * (a landscape picture on a wide screen), whole on black otherwise (a
 * phone held upright). */
void
_escale_call_view_fit_remote (EscaleCallView *self, int width, int height)
{
  GtkWidget *picture = GTK_WIDGET (self->remote_picture);
  int space_width = gtk_widget_get_width (picture);
  int space_height = gtk_widget_get_height (picture);
  double ratio;

  if (space_width <= 0 || space_height <= 0 || width <= 0 || height <= 0)
    return;
  ratio = ((double) width / height) / ((double) space_width / space_height);
  gtk_picture_set_content_fit (self->remote_picture, ratio > 0.75 && ratio < 1.34
                                                       ? GTK_CONTENT_FIT_COVER
                                                       : GTK_CONTENT_FIT_CONTAIN);
}
