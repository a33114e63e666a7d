/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-board"

#include <glib/gi18n.h>
#include <libnotify/notify.h>

#include "escale-board-alert.h"

/* How escale-board tells the conseiller that a visitor asked for help: a
 * short chime (resources/sounds/board-request.oga, made by
 * scripts/make-board-sound) and a desktop notification on the board's PC,
 * once per request. A request is a kiosk and the moment it asked ("since"):
 * the same request heard again (the broker restarted and the kiosk
 * published its state again, the board reconnected) rings no more.
 *
 * The chime plays through GtkMediaFile: GTK's own media backend
 * (libgtk-4-media-gstreamer, GStreamer's Vorbis decoder from
 * gstreamer1.0-plugins-base, both in Debian 12), so nothing but GTK is
 * linked and the sound lives in the resources. libcanberra/GSound would
 * add a library for the same result and look sounds up in a theme. With
 * no sound output at all, the system bell rings instead. */
struct _EscaleBoardAlert
{
  GObject parent_instance;

  GtkMediaStream *sound;
  GHashTable *rung; /* "KIOSK-ID SINCE" of each request already announced */
  guint n_rung;
};

G_DEFINE_FINAL_TYPE (EscaleBoardAlert, escale_board_alert, G_TYPE_OBJECT)

static void
escale_board_alert_dispose (GObject *object)
{
  EscaleBoardAlert *self = ESCALE_BOARD_ALERT (object);

  if (self->sound != NULL)
    gtk_media_stream_pause (self->sound);
  g_clear_object (&self->sound);
  g_clear_pointer (&self->rung, g_hash_table_unref);
  G_OBJECT_CLASS (escale_board_alert_parent_class)->dispose (object);
}

static void
escale_board_alert_class_init (EscaleBoardAlertClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = escale_board_alert_dispose;
}

static void
escale_board_alert_init (EscaleBoardAlert *self)
{
  self->rung = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

EscaleBoardAlert *
escale_board_alert_new (void)
{
  return g_object_new (ESCALE_TYPE_BOARD_ALERT, NULL);
}

static void
play (EscaleBoardAlert *self, GtkWidget *window)
{
  if (self->sound == NULL)
    self->sound = gtk_media_file_new_for_resource ("/fr/escale/Escale/sounds/board-request.oga");
  if (gtk_media_stream_get_error (self->sound) != NULL)
    {
      gtk_widget_error_bell (window);
      return;
    }
  /* A second request while the first chime plays starts it again. */
  if (gtk_media_stream_get_playing (self->sound) || gtk_media_stream_get_ended (self->sound))
    gtk_media_stream_seek (self->sound, 0);
  gtk_media_stream_play (self->sound);
}

/* A desktop notification on the conseiller's PC (libnotify: the
 * freedesktop notification server of any desktop), in case the board's
 * window is behind another. */
static void
notify (GtkWidget *window, EscaleHelpKiosk *kiosk)
{
  g_autoptr(GObject) notification = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (!notify_is_initted () && !notify_init ("escale-board"))
    return;
  /* TRANSLATORS: "Poste 3 demande de l'aide" */
  title = g_strdup_printf (_ ("%s demande de l'aide"), escale_help_kiosk_get_label (kiosk));
  /* libnotify 0.8 declares no autoptr for its type. */
  notification = G_OBJECT (
    notify_notification_new (title, _ ("Touchez « J'arrive » sur le tableau."), "help-browser"));
  notify_notification_set_urgency (NOTIFY_NOTIFICATION (notification), NOTIFY_URGENCY_CRITICAL);
  notify_notification_set_app_name (NOTIFY_NOTIFICATION (notification), _ ("Tableau des aidants"));
  if (!notify_notification_show (NOTIFY_NOTIFICATION (notification), &error))
    g_message ("No desktop notification for a help request: %s", error->message);
}

/* Announces @kiosk's request on @window's PC, unless this very request was
 * announced already. TRUE when it rang. */
gboolean
escale_board_alert_ring (EscaleBoardAlert *self, GtkWidget *window, EscaleHelpKiosk *kiosk)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (ESCALE_IS_BOARD_ALERT (self), FALSE);
  key = g_strdup_printf ("%s %" G_GINT64_FORMAT, escale_help_kiosk_get_id (kiosk),
                         escale_help_kiosk_get_since (kiosk));
  if (!g_hash_table_add (self->rung, g_steal_pointer (&key)))
    return FALSE;
  self->n_rung++;
  play (self, window);
  notify (window, kiosk);
  return TRUE;
}

/* For tests: how many requests were announced. */
guint
escale_board_alert_get_n_rung (EscaleBoardAlert *self)
{
  g_return_val_if_fail (ESCALE_IS_BOARD_ALERT (self), 0);
  return self->n_rung;
}

/* For tests: the chime, once a request made it play (or NULL). */
GtkMediaStream *
escale_board_alert_get_sound (EscaleBoardAlert *self)
{
  g_return_val_if_fail (ESCALE_IS_BOARD_ALERT (self), NULL);
  return self->sound;
}
