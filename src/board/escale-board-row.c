/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "escale-board-row.h"

struct _EscaleBoardRow
{
  GtkBox parent_instance;

  /* children */
  GtkLabel *label;
  GtkWidget *coming;
  GtkWidget *done;
  GtkWidget *clear;

  /* owned */
  EscaleHelpKiosk *kiosk;
};

enum
{
  ANSWER,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (EscaleBoardRow, escale_board_row, GTK_TYPE_BOX)

/* Redraws the row; also called every half minute for "depuis N min". */
void
escale_board_row_refresh (EscaleBoardRow *self)
{
  EscaleHelpState state = escale_help_kiosk_get_state (self->kiosk);
  g_autofree char *what =
    escale_help_kiosk_describe (self->kiosk, g_get_real_time () / G_USEC_PER_SEC);
  /* TRANSLATORS: "Poste 3 : demande d'aide depuis 2 min" */
  g_autofree char *text =
    g_strdup_printf (_ ("%s : %s"), escale_help_kiosk_get_label (self->kiosk), what);
  gboolean waiting = state == ESCALE_HELP_ASKED || state == ESCALE_HELP_SEEN;

  gtk_label_set_label (self->label, text);
  gtk_widget_set_visible (self->coming, waiting);
  gtk_widget_set_visible (self->done, waiting || state == ESCALE_HELP_COMING);
  gtk_widget_set_visible (self->clear, state == ESCALE_HELP_LEFT);
  if (waiting)
    gtk_widget_add_css_class (GTK_WIDGET (self), "asking");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "asking");
  if (state == ESCALE_HELP_COMING)
    gtk_widget_add_css_class (GTK_WIDGET (self), "coming");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "coming");
}

static void
kiosk_changed_cb (EscaleBoardRow *self)
{
  escale_board_row_refresh (self);
}

static void
coming_clicked_cb (EscaleBoardRow *self)
{
  g_signal_emit (self, signals[ANSWER], 0, ESCALE_HELP_COMING);
}

static void
done_clicked_cb (EscaleBoardRow *self)
{
  g_signal_emit (self, signals[ANSWER], 0, ESCALE_HELP_DONE);
}

static void
clear_clicked_cb (EscaleBoardRow *self)
{
  g_signal_emit (self, signals[ANSWER], 0, ESCALE_HELP_IDLE);
}

static void
escale_board_row_dispose (GObject *object)
{
  EscaleBoardRow *self = ESCALE_BOARD_ROW (object);

  if (self->kiosk != NULL)
    g_signal_handlers_disconnect_by_data (self->kiosk, self);
  g_clear_object (&self->kiosk);
  G_OBJECT_CLASS (escale_board_row_parent_class)->dispose (object);
}

static void
escale_board_row_class_init (EscaleBoardRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = escale_board_row_dispose;

  signals[ANSWER] = g_signal_new ("answer", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
}

static GtkWidget *
add_button (EscaleBoardRow *self, const char *label, GCallback callback)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_add_css_class (button, "big-button");
  g_signal_connect_swapped (button, "clicked", callback, self);
  gtk_box_append (GTK_BOX (self), button);
  return button;
}

static void
escale_board_row_init (EscaleBoardRow *self)
{
  gtk_box_set_spacing (GTK_BOX (self), 16);
  gtk_widget_add_css_class (GTK_WIDGET (self), "board-row");
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->label, TRUE);
  gtk_label_set_xalign (self->label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->label), TRUE);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->label));
  self->coming = add_button (self, _ ("J'arrive"), G_CALLBACK (coming_clicked_cb));
  gtk_widget_add_css_class (self->coming, "suggested");
  self->done = add_button (self, _ ("Fait"), G_CALLBACK (done_clicked_cb));
  self->clear = add_button (self, _ ("Effacer"), G_CALLBACK (clear_clicked_cb));
}

GtkWidget *
escale_board_row_new (EscaleHelpKiosk *kiosk)
{
  EscaleBoardRow *self = g_object_new (ESCALE_TYPE_BOARD_ROW, NULL);

  self->kiosk = g_object_ref (kiosk);
  g_signal_connect_swapped (kiosk, "notify", G_CALLBACK (kiosk_changed_cb), self);
  escale_board_row_refresh (self);
  return GTK_WIDGET (self);
}

const char *
escale_board_row_get_text (EscaleBoardRow *self)
{
  return gtk_label_get_label (self->label);
}
