/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "escale-activities.h"
#include "escale-listen-button.h"
#include "escale-welcome-page.h"

/* "Bienvenue. Touchez l'écran pour commencer." The whole page is one button,
 * so a touch anywhere, a click or Enter starts a visit. When the centre
 * offers "Premiers pas", a second button, "C'est ma première fois", starts
 * the visit straight into it. "Écouter" beside it reads this screen aloud
 * (escale_welcome_page_dup_words ()); the window starts the visit with the
 * voice on (escale-window-voice.c). A small note for staff appears at the
 * bottom when the configuration has problems. */
struct _EscaleWelcomePage
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkWidget *start_button;
  GtkWidget *first_time_button;
  GtkWidget *listen_button;
  GtkLabel *centre_label;
  GtkLabel *title_label;
  GtkLabel *hint_label;
  GtkLabel *staff_label;

  /* owned */
  char *first_time_id; /* the "Premiers pas" activity, or NULL */
};

G_DEFINE_FINAL_TYPE (EscaleWelcomePage, escale_welcome_page, GTK_TYPE_WIDGET)

static void
escale_welcome_page_dispose (GObject *object)
{
  GtkWidget *child;

  g_clear_pointer (&ESCALE_WELCOME_PAGE (object)->first_time_id, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), ESCALE_TYPE_WELCOME_PAGE);
  /* The row of "Écouter" and "C'est ma première fois" too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (escale_welcome_page_parent_class)->dispose (object);
}

static gboolean
escale_welcome_page_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (ESCALE_WELCOME_PAGE (widget)->start_button);
}

static void
escale_welcome_page_class_init (EscaleWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = escale_welcome_page_dispose;
  widget_class->grab_focus = escale_welcome_page_grab_focus;

  g_type_ensure (ESCALE_TYPE_LISTEN_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/fr/escale/Escale/ui/escale-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EscaleWelcomePage, start_button);
  gtk_widget_class_bind_template_child (widget_class, EscaleWelcomePage, first_time_button);
  gtk_widget_class_bind_template_child (widget_class, EscaleWelcomePage, listen_button);
  gtk_widget_class_bind_template_child (widget_class, EscaleWelcomePage, centre_label);
  gtk_widget_class_bind_template_child (widget_class, EscaleWelcomePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, EscaleWelcomePage, hint_label);
  gtk_widget_class_bind_template_child (widget_class, EscaleWelcomePage, staff_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "welcomepage");
}

/* "C'est ma première fois": the visit starts, and opens "Premiers pas". */
static void
first_time_clicked_cb (EscaleWelcomePage *self)
{
  g_autofree char *id = g_strdup (self->first_time_id);

  if (id == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.start", NULL);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-activity", "s", id);
}

static void
escale_welcome_page_init (EscaleWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->first_time_button, "clicked", G_CALLBACK (first_time_clicked_cb),
                            self);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (
                                    gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
}

void
escale_welcome_page_set_centre_name (EscaleWelcomePage *self, const char *name)
{
  g_return_if_fail (ESCALE_IS_WELCOME_PAGE (self));
  gtk_label_set_text (self->centre_label, name ? name : "");
}

/* Shown to staff on the welcome screen; NULL hides it. */
void
escale_welcome_page_set_staff_note (EscaleWelcomePage *self, const char *note)
{
  g_return_if_fail (ESCALE_IS_WELCOME_PAGE (self));
  gtk_label_set_text (self->staff_label, note ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->staff_label), note != NULL && *note != '\0');
}

/* The note shown to staff, or NULL when none is shown. */
const char *
escale_welcome_page_get_staff_note (EscaleWelcomePage *self)
{
  g_return_val_if_fail (ESCALE_IS_WELCOME_PAGE (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->staff_label)))
    return NULL;
  return gtk_label_get_text (self->staff_label);
}

/* The configuration's activities (of EscaleActivity): the first whose
 * kind is for a first time ("Premiers pas") gets the "C'est ma première
 * fois" button. */
void
escale_welcome_page_set_activities (EscaleWelcomePage *self, GPtrArray *activities)
{
  EscaleActivity *first_steps;

  g_return_if_fail (ESCALE_IS_WELCOME_PAGE (self));
  first_steps = escale_activities_find_first_time (activities);
  g_free (self->first_time_id);
  self->first_time_id = first_steps != NULL ? g_strdup (escale_activity_get_id (first_steps))
                                            : NULL;
  gtk_widget_set_visible (self->first_time_button, first_steps != NULL);
}

GtkWidget *
escale_welcome_page_get_first_time_button (EscaleWelcomePage *self)
{
  g_return_val_if_fail (ESCALE_IS_WELCOME_PAGE (self), NULL);
  return self->first_time_button;
}

/* The welcome screen's "Écouter" (an EscaleListenButton). */
GtkWidget *
escale_welcome_page_get_listen_button (EscaleWelcomePage *self)
{
  g_return_val_if_fail (ESCALE_IS_WELCOME_PAGE (self), NULL);
  return self->listen_button;
}

/* What "Écouter" reads here: the centre, the welcome, what to touch. */
char *
escale_welcome_page_dup_words (EscaleWelcomePage *self)
{
  g_return_val_if_fail (ESCALE_IS_WELCOME_PAGE (self), NULL);
  return escale_listen_join (gtk_label_get_text (self->centre_label),
                             gtk_label_get_text (self->title_label),
                             gtk_label_get_text (self->hint_label),
                             gtk_widget_get_visible (self->first_time_button)
                               ? _ ("Si vous n'avez jamais utilisé d'ordinateur, touchez "
                                    "C'est ma première fois.")
                               : NULL,
                             NULL);
}
