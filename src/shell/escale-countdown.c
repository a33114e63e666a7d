/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "escale-countdown.h"
#include "escale-listen-button.h"
#include "escale-session.h"

/* The inactivity overlay: covers the screen, says plainly what will happen,
 * shows the seconds left in huge digits and one huge "Je suis encore là"
 * button. A touch anywhere also keeps the session (the window sees it). */
struct _EscaleCountdown
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkWidget *card;
  EscaleListenButton *listen_button;
  GtkLabel *title_label;
  GtkLabel *number_label;
  GtkLabel *explain_label;
  GtkWidget *still_here_button;
};

G_DEFINE_FINAL_TYPE (EscaleCountdown, escale_countdown, GTK_TYPE_WIDGET)

static void
escale_countdown_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ESCALE_TYPE_COUNTDOWN);
  G_OBJECT_CLASS (escale_countdown_parent_class)->dispose (object);
}

static gboolean
escale_countdown_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (ESCALE_COUNTDOWN (widget)->still_here_button);
}

/* "Êtes-vous toujours là ?" and what will happen, read once as it shows. */
static char *
countdown_text_cb (gpointer data)
{
  EscaleCountdown *self = data;

  return escale_listen_join (gtk_label_get_text (self->title_label),
                             gtk_label_get_text (self->explain_label), NULL);
}

static void
escale_countdown_class_init (EscaleCountdownClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = escale_countdown_dispose;
  widget_class->grab_focus = escale_countdown_grab_focus;
  g_type_ensure (ESCALE_TYPE_LISTEN_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/fr/escale/Escale/ui/escale-countdown.ui");
  gtk_widget_class_bind_template_child (widget_class, EscaleCountdown, card);
  gtk_widget_class_bind_template_child (widget_class, EscaleCountdown, listen_button);
  gtk_widget_class_bind_template_child (widget_class, EscaleCountdown, title_label);
  gtk_widget_class_bind_template_child (widget_class, EscaleCountdown, number_label);
  gtk_widget_class_bind_template_child (widget_class, EscaleCountdown, explain_label);
  gtk_widget_class_bind_template_child (widget_class, EscaleCountdown, still_here_button);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "countdown");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_ALERT);
}

static void
escale_countdown_init (EscaleCountdown *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  escale_listen_button_set_reader (self->listen_button, countdown_text_cb, self);
  escale_countdown_set_remaining (self, ESCALE_DEFAULT_COUNTDOWN);
}

/* The window's voice, for the countdown's "Écouter". */
void
escale_countdown_set_voice (EscaleCountdown *self, EscaleVoice *voice)
{
  g_return_if_fail (ESCALE_IS_COUNTDOWN (self));
  escale_listen_button_set_voice (self->listen_button, voice);
}

GtkWidget *
escale_countdown_get_listen_button (EscaleCountdown *self)
{
  g_return_val_if_fail (ESCALE_IS_COUNTDOWN (self), NULL);
  return GTK_WIDGET (self->listen_button);
}

void
escale_countdown_set_remaining (EscaleCountdown *self, guint seconds)
{
  g_autofree char *number = NULL;
  g_autofree char *explain = NULL;

  g_return_if_fail (ESCALE_IS_COUNTDOWN (self));

  number = g_strdup_printf ("%u", seconds);
  gtk_label_set_text (self->number_label, number);
  explain = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Sans réponse dans %u seconde, tout sera effacé "
                                          "pour la personne suivante. Touchez l'écran pour "
                                          "continuer.",
                                          "Sans réponse dans %u secondes, tout sera effacé "
                                          "pour la personne suivante. Touchez l'écran pour "
                                          "continuer.",
                                          seconds),
                             seconds);
  gtk_label_set_text (self->explain_label, explain);
}
