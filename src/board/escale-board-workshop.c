/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "escale-board-workshop.h"
#include "escale-stats-report.h"
#include "escale-workshop-choices.h"

struct _EscaleBoardWorkshop
{
  GtkBox parent_instance;

  /* children */
  GtkLabel *summary;
  GtkWidget *form;
  GtkDropDown *theme;
  GtkDropDown *level;
  GtkDropDown *length;
  GtkWidget *prepare;
  GtkWidget *start;
  GtkWidget *cancel;
  GtkWidget *stop;
  gboolean preparing;

  /* owned */
  EscaleHelpSite *site;
};

G_DEFINE_FINAL_TYPE (EscaleBoardWorkshop, escale_board_workshop, GTK_TYPE_BOX)

static void
workshop_changed_cb (EscaleBoardWorkshop *self)
{
  const EscaleHelpWorkshop *workshop = escale_help_site_get_workshop (self->site);
  g_autofree char *text = NULL;

  if (workshop != NULL)
    self->preparing = FALSE;
  gtk_widget_set_visible (self->prepare, workshop == NULL && !self->preparing);
  gtk_widget_set_visible (self->form, workshop == NULL && self->preparing);
  gtk_widget_set_visible (self->stop, workshop != NULL);
  if (workshop == NULL)
    {
      gtk_label_set_label (self->summary, _ ("Pas d'atelier en cours."));
      return;
    }
  {
    g_autoptr(GDateTime) end = g_date_time_new_from_unix_local (workshop->end);
    g_autofree char *until = g_date_time_format (end, "%H h %M");

    /* TRANSLATORS: "Atelier en cours sur tous les postes : E-mail, Débutant, jusqu'à 16 h 30" */
    text = g_strdup_printf (_ ("Atelier en cours sur tous les postes : %s, %s, jusqu'à %s"),
                            escale_coop_theme_label (workshop->theme),
                            escale_workshop_level_label (workshop->level), until);
  }
  gtk_label_set_label (self->summary, text);
}

static void
start_clicked_cb (EscaleBoardWorkshop *self)
{
  guint theme = gtk_drop_down_get_selected (self->theme);
  guint level = gtk_drop_down_get_selected (self->level);
  guint length = gtk_drop_down_get_selected (self->length);

  if (theme >= escale_workshop_n_themes || level >= escale_workshop_n_levels ||
      length >= escale_workshop_n_lengths)
    return;
  escale_help_site_start_workshop (self->site, escale_workshop_themes[theme],
                                   escale_workshop_levels[level], escale_workshop_lengths[length]);
}

static void
prepare_clicked_cb (EscaleBoardWorkshop *self)
{
  self->preparing = TRUE;
  workshop_changed_cb (self);
}

static void
cancel_clicked_cb (EscaleBoardWorkshop *self)
{
  self->preparing = FALSE;
  workshop_changed_cb (self);
}

static void
stop_clicked_cb (EscaleBoardWorkshop *self)
{
  escale_help_site_stop_workshop (self->site);
}

static GtkDropDown *
add_choice (GtkWidget *row, const char *title, GtkStringList *choices)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  /* gtk_drop_down_new () takes the model: give it a reference of its own. */
  GtkWidget *drop = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (choices)), NULL);

  gtk_box_append (GTK_BOX (box), gtk_label_new (title));
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_box_append (GTK_BOX (box), drop);
  gtk_box_append (GTK_BOX (row), box);
  return GTK_DROP_DOWN (drop);
}

static GtkWidget *
add_button (GtkWidget *box, const char *label, GCallback callback, EscaleBoardWorkshop *self)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_add_css_class (button, "big-button");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  g_signal_connect_swapped (button, "clicked", callback, self);
  gtk_box_append (GTK_BOX (box), button);
  return button;
}

static void
escale_board_workshop_dispose (GObject *object)
{
  EscaleBoardWorkshop *self = ESCALE_BOARD_WORKSHOP (object);

  if (self->site != NULL)
    g_signal_handlers_disconnect_by_data (self->site, self);
  g_clear_object (&self->site);
  G_OBJECT_CLASS (escale_board_workshop_parent_class)->dispose (object);
}

static void
escale_board_workshop_class_init (EscaleBoardWorkshopClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = escale_board_workshop_dispose;
}

static void
escale_board_workshop_init (EscaleBoardWorkshop *self)
{
  g_autoptr(GtkStringList) theme_list = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) level_list = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) length_list = gtk_string_list_new (NULL);
  GtkWidget *header;

  for (guint i = 0; i < escale_workshop_n_themes; i++)
    gtk_string_list_append (theme_list, escale_coop_theme_label (escale_workshop_themes[i]));
  for (guint i = 0; i < escale_workshop_n_levels; i++)
    gtk_string_list_append (level_list, escale_workshop_level_label (escale_workshop_levels[i]));
  for (guint i = 0; i < escale_workshop_n_lengths; i++)
    gtk_string_list_append (length_list,
                            escale_workshop_length_label (escale_workshop_lengths[i]));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 12);
  gtk_widget_add_css_class (GTK_WIDGET (self), "board-workshop");
  /* One line when idle: what runs (or not) and the button for it. */
  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
  gtk_box_append (GTK_BOX (self), header);
  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->summary, TRUE);
  gtk_label_set_xalign (self->summary, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->summary), TRUE);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->summary));
  /* Two lines, so that the longest theme fits at 1024 pixels. */
  self->form = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (self), self->form);
  {
    GtkWidget *first = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
    GtkWidget *second = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);

    gtk_box_append (GTK_BOX (self->form), first);
    gtk_box_append (GTK_BOX (self->form), second);
    self->theme = add_choice (first, _ ("Thème"), theme_list);
    self->level = add_choice (second, _ ("Niveau"), level_list);
    self->length = add_choice (second, _ ("Durée prévue"), length_list);
  }
  {
    GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);

    self->start = add_button (buttons, _ ("Commencer l'atelier sur tous les postes"),
                              G_CALLBACK (start_clicked_cb), self);
    self->cancel = add_button (buttons, _ ("Annuler"), G_CALLBACK (cancel_clicked_cb), self);
    gtk_box_append (GTK_BOX (self->form), buttons);
  }
  self->prepare = add_button (header, _ ("Préparer un atelier sur tous les postes"),
                              G_CALLBACK (prepare_clicked_cb), self);
  self->stop = add_button (header, _ ("Terminer l'atelier"), G_CALLBACK (stop_clicked_cb), self);
}

GtkWidget *
escale_board_workshop_new (EscaleHelpSite *site)
{
  EscaleBoardWorkshop *self = g_object_new (ESCALE_TYPE_BOARD_WORKSHOP, NULL);

  self->site = g_object_ref (site);
  g_signal_connect_swapped (site, "workshop-changed", G_CALLBACK (workshop_changed_cb), self);
  workshop_changed_cb (self);
  return GTK_WIDGET (self);
}
