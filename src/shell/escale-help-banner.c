/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "escale-help-banner.h"

/* The message over the visitor's screen after "Appeler un aidant". It says
 * only what the help client knows: sent, seen, someone coming, or, when
 * nobody can be told, to raise a hand. It comes back on each change even
 * after "D'accord", and goes when the request is over. The helper who
 * comes finds "Je suis aidant" there (workshops at this kiosk). */
struct _EscaleHelpBanner
{
  GtkBox parent_instance;

  /* children */
  GtkLabel *label;

  /* owned */
  EscaleHelpClient *client;
};

G_DEFINE_FINAL_TYPE (EscaleHelpBanner, escale_help_banner, GTK_TYPE_BOX)

const char *
escale_help_progress_message (EscaleHelpProgress progress)
{
  switch (progress)
    {
    case ESCALE_HELP_PROGRESS_RAISE_HAND:
      return _ ("Levez la main, un aidant va venir.");
    case ESCALE_HELP_PROGRESS_SENDING:
      return _ ("Nous prévenons un aidant…");
    case ESCALE_HELP_PROGRESS_SENT:
      return _ ("Votre demande est envoyée. Restez tranquillement à votre place.");
    case ESCALE_HELP_PROGRESS_SEEN:
      return _ ("Le conseiller a vu votre demande.");
    case ESCALE_HELP_PROGRESS_COMING:
      return _ ("Le conseiller a vu votre demande, il arrive.");
    case ESCALE_HELP_PROGRESS_NONE:
      return "";
    default:
      g_assert_not_reached ();
    }
}

static void
progress_cb (EscaleHelpBanner *self)
{
  EscaleHelpProgress progress = escale_help_client_get_progress (self->client);
  const char *text = escale_help_progress_message (progress);

  gtk_label_set_label (self->label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_widget_set_visible (GTK_WIDGET (self), progress != ESCALE_HELP_PROGRESS_NONE);
}

static void
ok_clicked_cb (EscaleHelpBanner *self)
{
  escale_help_banner_dismiss (self);
}

static void
escale_help_banner_dispose (GObject *object)
{
  EscaleHelpBanner *self = ESCALE_HELP_BANNER (object);

  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);
  g_clear_object (&self->client);
  G_OBJECT_CLASS (escale_help_banner_parent_class)->dispose (object);
}

static void
escale_help_banner_class_init (EscaleHelpBannerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = escale_help_banner_dispose;
}

static void
escale_help_banner_init (EscaleHelpBanner *self)
{
  GtkWidget *image = gtk_image_new_from_icon_name ("escale-helper-symbolic");
  GtkWidget *ok = gtk_button_new_with_label (_ ("D'accord"));

  gtk_image_set_pixel_size (GTK_IMAGE (image), 56);
  gtk_box_append (GTK_BOX (self), image);
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->label, TRUE);
  gtk_label_set_max_width_chars (self->label, 30);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->label));
  gtk_widget_add_css_class (ok, "big-button");
  g_signal_connect_swapped (ok, "clicked", G_CALLBACK (ok_clicked_cb), self);
  gtk_box_append (GTK_BOX (self), ok);
  /* For the helper who came: the helpers' code, then the workshop screen.
   * Quiet beside "D'accord", so the visitor's answer stays the obvious one. */
  {
    GtkWidget *helper = gtk_button_new_with_label (_ ("Je suis aidant"));

    gtk_actionable_set_action_name (GTK_ACTIONABLE (helper), "win.helper-space");
    gtk_widget_add_css_class (helper, "big-button");
    gtk_widget_add_css_class (helper, "helper-entry");
    gtk_box_append (GTK_BOX (self), helper);
  }
}

void
escale_help_banner_set_client (EscaleHelpBanner *self, EscaleHelpClient *client)
{
  g_return_if_fail (ESCALE_IS_HELP_BANNER (self) && self->client == NULL);
  self->client = g_object_ref (client);
  g_signal_connect_swapped (client, "notify::progress", G_CALLBACK (progress_cb), self);
}

/* After a press of "Appeler un aidant": the message, even if dismissed. */
void
escale_help_banner_show (EscaleHelpBanner *self)
{
  g_return_if_fail (ESCALE_IS_HELP_BANNER (self));
  progress_cb (self);
}

void
escale_help_banner_dismiss (EscaleHelpBanner *self)
{
  g_return_if_fail (ESCALE_IS_HELP_BANNER (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

const char *
escale_help_banner_get_text (EscaleHelpBanner *self)
{
  g_return_val_if_fail (ESCALE_IS_HELP_BANNER (self), NULL);
  return gtk_label_get_label (self->label);
}
