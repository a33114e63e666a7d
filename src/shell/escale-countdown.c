/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "escale-countdown.h"
#include "escale-session.h"

/* The inactivity overlay: covers the screen, says plainly what will happen,
 * shows the seconds left in huge digits and one huge "Je suis encore là"
 * button. A touch anywhere also keeps the session (the window sees it). */
struct _EscaleCountdown
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkWidget *card;
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

static void
escale_countdown_class_init (EscaleCountdownClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = escale_countdown_dispose;
  widget_class->grab_focus = escale_countdown_grab_focus;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/fr/escale/Escale/ui/escale-countdown.ui");
  gtk_widget_class_bind_template_child (widget_class, EscaleCountdown, card);
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
  escale_countdown_set_remaining (self, ESCALE_DEFAULT_COUNTDOWN);
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
