/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-photos"

#include <glib/gi18n.h>

#include "escale-photos-view-private.h"
#include "escale-ui-util.h"

/* The widgets of "Mes photos"' screens; what they do is in
 * escale-photos-view.c. */

static GtkWidget *
screen_box_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);

  gtk_widget_add_css_class (box, "photos-screen");
  return box;
}

static GtkWidget *
build_waiting (EscalePhotosView *self)
{
  GtkWidget *box = screen_box_new ();

  gtk_box_append (GTK_BOX (box),
                  escale_centred_label_new (
                    _ ("Branchez votre clé, votre carte ou votre téléphone"), "message-title"));
  self->ports_picture =
    GTK_PICTURE (gtk_picture_new_for_resource ("/fr/escale/Escale/pictures/photos-ports.svg"));
  gtk_picture_set_can_shrink (self->ports_picture, TRUE);
  gtk_picture_set_alternative_text (
    self->ports_picture, _ ("Où brancher : les prises USB et la fente pour carte photo, à "
                            "l'avant de l'ordinateur ou sur le côté du portable"));
  gtk_widget_set_vexpand (GTK_WIDGET (self->ports_picture), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->ports_picture));
  self->waiting_hint = GTK_LABEL (escale_centred_label_new (
    _ ("Sur votre téléphone, touchez Autoriser. Une clé ou une carte : retirez-la, puis "
       "rebranchez-la."),
    "message-text"));
  gtk_widget_add_css_class (GTK_WIDGET (self->waiting_hint), "photos-hint");
  gtk_widget_set_visible (GTK_WIDGET (self->waiting_hint), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->waiting_hint));
  return box;
}

/* The centre's own drawing of where its ports are ([Photos] ports-picture). */
void
_escale_photos_view_set_ports_picture (EscalePhotosView *self, const char *path)
{
  gtk_picture_set_filename (self->ports_picture, path);
}

static GtkWidget *
build_choose (EscalePhotosView *self)
{
  GtkWidget *box = screen_box_new ();

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box),
                  escale_centred_label_new (_ ("Que voulez-vous ouvrir ? Touchez-le."),
                                            "message-title"));
  self->choose_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_box_set_homogeneous (GTK_BOX (self->choose_box), TRUE);
  gtk_widget_set_halign (self->choose_box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), self->choose_box);
  return box;
}

static GtkWidget *
build_scanning (EscalePhotosView *self)
{
  GtkWidget *box = screen_box_new ();
  GtkWidget *spinner = gtk_spinner_new ();

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  self->scanning_title = GTK_LABEL (escale_centred_label_new (NULL, "message-title"));
  self->scanning_label = GTK_LABEL (escale_centred_label_new (NULL, "message-text"));
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
  gtk_widget_set_size_request (spinner, 64, 64);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->scanning_title));
  gtk_box_append (GTK_BOX (box), spinner);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->scanning_label));
  return box;
}

static GtkWidget *
build_grid (EscalePhotosView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);

  self->grid_title = GTK_LABEL (escale_wrapped_label_new (NULL, "photos-title"));
  gtk_widget_set_hexpand (GTK_WIDGET (self->grid_title), TRUE);
  self->remove_button = escale_big_button_new (NULL, _ ("Retirer ma clé"));
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->grid_title));
  gtk_box_append (GTK_BOX (header), self->remove_button);
  gtk_box_append (GTK_BOX (box), header);
  self->grid = ESCALE_PHOTO_GRID (escale_photo_grid_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->grid), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->grid));
  return box;
}

static GtkWidget *
build_message (EscalePhotosView *self)
{
  GtkWidget *box = screen_box_new ();

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  self->message_title = GTK_LABEL (escale_centred_label_new (NULL, "message-title"));
  self->message_text = GTK_LABEL (escale_centred_label_new (NULL, "message-text"));
  self->message_button = gtk_button_new_with_label (_ ("D'accord"));
  gtk_widget_add_css_class (self->message_button, "big-button");
  gtk_widget_set_halign (self->message_button, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->message_title));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->message_text));
  gtk_box_append (GTK_BOX (box), self->message_button);
  return box;
}

void
_escale_photos_view_build (EscalePhotosView *self)
{
  self->stack = gtk_stack_new ();
  /* Sized by the screen shown only: the viewer's bars need the whole width
   * (the guide steps aside then), the grid beside the guide does not. */
  gtk_stack_set_hhomogeneous (GTK_STACK (self->stack), FALSE);
  gtk_stack_set_vhomogeneous (GTK_STACK (self->stack), FALSE);
  gtk_stack_add_named (GTK_STACK (self->stack), build_waiting (self), "waiting");
  gtk_stack_add_named (GTK_STACK (self->stack), build_choose (self), "choose");
  gtk_stack_add_named (GTK_STACK (self->stack), build_scanning (self), "scanning");
  gtk_stack_add_named (GTK_STACK (self->stack), build_grid (self), "grid");
  self->viewer = ESCALE_PHOTO_VIEWER (escale_photo_viewer_new ());
  gtk_stack_add_named (GTK_STACK (self->stack), GTK_WIDGET (self->viewer), "viewer");
  gtk_stack_add_named (GTK_STACK (self->stack), build_message (self), "message");
  gtk_widget_set_parent (self->stack, GTK_WIDGET (self));
}
