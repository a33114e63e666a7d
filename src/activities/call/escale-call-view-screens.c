/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-call"

#include <glib/gi18n.h>

#include "escale-call-view-private.h"
#include "escale-ui-util.h"

/* The call screen's five screens, built in code (their widgets are made
 * in loops and placed by a callback, which a template would not make
 * clearer): "start" (the preview and two choices), "pad" (the digits),
 * "code" (the code, its QR code and the family page's address), "call"
 * (the family large, oneself small, the switches and Raccrocher) and
 * "message" (a calm sentence and one button). */

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
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *choices = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);

  GtkWidget *left = gtk_box_new (GTK_ORIENTATION_VERTICAL, 16);

  self->self_pictures[0] = video_picture ("call-preview");
  gtk_widget_set_hexpand (left, TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self->self_pictures[0]), 240, 135);
  gtk_widget_set_valign (left, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (left), GTK_WIDGET (self->self_pictures[0]));
  gtk_box_append (GTK_BOX (left), build_ready (self));
  gtk_box_append (GTK_BOX (box), left);
  gtk_widget_set_valign (choices, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (choices), action_button (_ ("Créer un code pour ma famille"),
                                                    "call.create", "call-choice"));
  gtk_box_append (GTK_BOX (choices),
                  action_button (_ ("J'ai reçu un code"), "call.pad", "call-choice"));
  gtk_box_append (GTK_BOX (box), choices);
  return box;
}

static GtkWidget *
build_pad (EscaleCallView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 16);
  GtkWidget *grid = gtk_grid_new ();
  const char *keys = "123456789";

  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *back = action_button (_ ("Retour"), "call.back", NULL);

  self->pad_display = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->pad_display), "call-pad-display");
  gtk_widget_set_hexpand (GTK_WIDGET (self->pad_display), TRUE);
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->pad_display));
  gtk_box_append (GTK_BOX (top), back);
  gtk_box_append (GTK_BOX (box), top);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 10);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 16);
  gtk_widget_set_halign (grid, GTK_ALIGN_CENTER);
  for (guint i = 0; i < 10; i++)
    {
      char digit[2] = { i < 9 ? keys[i] : '0', '\0' };
      GtkWidget *button = gtk_button_new_with_label (digit);

      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", digit);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "call.digit");
      gtk_widget_add_css_class (button, "call-key");
      gtk_grid_attach (GTK_GRID (grid), button, i < 9 ? (int) i % 3 : 1, i < 9 ? (int) i / 3 : 3,
                       1, 1);
    }
  gtk_grid_attach (GTK_GRID (grid), action_button (_ ("Effacer"), "call.erase", "call-key"), 0, 3,
                   1, 1);
  gtk_grid_attach (GTK_GRID (grid), action_button (_ ("Appeler"), "call.join", "call-go"), 2, 3, 1,
                   1);
  gtk_box_append (GTK_BOX (box), grid);
  return box;
}

static GtkWidget *
build_code (EscaleCallView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 20);
  GtkWidget *left = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *hang_up = action_button (_ ("Raccrocher"), "call.hang-up", "call-hang-up");

  gtk_widget_add_css_class (hang_up, "compact");
  gtk_widget_set_hexpand (left, TRUE);
  gtk_box_append (GTK_BOX (left), escale_wrapped_label_new (_ ("Donnez ce code à votre proche "
                                                               "au téléphone :"),
                                                            "call-code-intro"));
  self->code_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->code_label), "call-code");
  gtk_label_set_selectable (self->code_label, FALSE);
  gtk_box_append (GTK_BOX (left), GTK_WIDGET (self->code_label));
  gtk_box_append (GTK_BOX (left), escale_wrapped_label_new (_ ("Il le tape sur la page d'appel, "
                                                               "ou il photographie le carré."),
                                                            "call-code-help"));
  self->link_label = GTK_LABEL (escale_wrapped_label_new (NULL, "call-link"));
  gtk_box_append (GTK_BOX (left), GTK_WIDGET (self->link_label));
  gtk_box_append (GTK_BOX (box), left);

  {
    GtkWidget *right = gtk_box_new (GTK_ORIENTATION_VERTICAL, 16);

    self->qr_picture = GTK_PICTURE (gtk_picture_new ());
    gtk_widget_set_size_request (GTK_WIDGET (self->qr_picture), 160, 160);
    gtk_widget_add_css_class (GTK_WIDGET (self->qr_picture), "call-qr");
    gtk_box_append (GTK_BOX (right), GTK_WIDGET (self->qr_picture));
    gtk_box_append (GTK_BOX (right), hang_up);
    gtk_box_append (GTK_BOX (box), right);
  }
  return box;
}

/* Oneself, small, in the bottom right corner of the family's picture:
 * a quarter of its width whatever the size of the frames. */
static gboolean
place_self_view_cb (GtkOverlay *overlay, GtkWidget *child, GdkRectangle *allocation,
                    gpointer user_data)
{
  int width = gtk_widget_get_width (GTK_WIDGET (overlay));
  int height = gtk_widget_get_height (GTK_WIDGET (overlay));

  allocation->width = MAX (width / 4, 120);
  allocation->height = allocation->width * 9 / 16;
  allocation->x = MAX (width - allocation->width - 12, 0);
  allocation->y = MAX (height - allocation->height - 12, 0);
  return TRUE;
}

static GtkWidget *
build_call (EscaleCallView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
  GtkWidget *overlay = gtk_overlay_new ();
  GtkWidget *left = gtk_box_new (GTK_ORIENTATION_VERTICAL, 16);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 16);

  self->remote_picture = video_picture ("call-remote");
  gtk_widget_set_vexpand (GTK_WIDGET (self->remote_picture), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->remote_picture), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self->remote_picture), 240, 135);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), GTK_WIDGET (self->remote_picture));
  self->self_pictures[1] = video_picture ("call-self");
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), GTK_WIDGET (self->self_pictures[1]));
  g_signal_connect (overlay, "get-child-position", G_CALLBACK (place_self_view_cb), NULL);
  gtk_widget_set_hexpand (left, TRUE);
  gtk_box_append (GTK_BOX (left), overlay);
  /* "Montrer ma photo" / "Revenir à la caméra": under the pictures, wide. */
  self->picture_button = action_button (NULL, "call.picture", "call-switch");
  gtk_label_set_max_width_chars (GTK_LABEL (
                                   gtk_button_get_child (GTK_BUTTON (self->picture_button))),
                                 30);
  gtk_widget_set_visible (self->picture_button, FALSE);
  gtk_box_append (GTK_BOX (left), self->picture_button);
  gtk_box_append (GTK_BOX (box), left);

  self->microphone_button = action_button (NULL, "call.microphone", "call-switch");
  self->camera_button = action_button (NULL, "call.camera", "call-switch");
  gtk_box_append (GTK_BOX (bar), self->microphone_button);
  gtk_box_append (GTK_BOX (bar), self->camera_button);
  {
    GtkWidget *hang_up = action_button (_ ("Raccrocher"), "call.hang-up", "call-hang-up");

    gtk_widget_set_vexpand (hang_up, TRUE);
    gtk_box_append (GTK_BOX (bar), hang_up);
  }
  gtk_box_append (GTK_BOX (box), bar);
  return box;
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

/* The guide line on top and the five screens in a stack. */
void
_escale_call_view_build (EscaleCallView *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 16);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->guide = GTK_LABEL (escale_wrapped_label_new (NULL, "call-guide"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->guide), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Où en est l'appel"), -1);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->guide));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_set_hhomogeneous (self->stack, FALSE);
  gtk_stack_set_vhomogeneous (self->stack, FALSE);
  gtk_stack_add_named (self->stack, build_start (self), "start");
  gtk_stack_add_named (self->stack, build_pad (self), "pad");
  gtk_stack_add_named (self->stack, build_code (self), "code");
  gtk_stack_add_named (self->stack, build_call (self), "call");
  gtk_stack_add_named (self->stack, build_message (self), "message");
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->stack));
}
