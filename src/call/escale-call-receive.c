/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-call"

#include "escale-call-private.h"
#include "escale-videoroom.h"

/* The family's side of a call: a second Janus handle subscribes to their
 * streams and a receiving EscaleCallPeer decodes them. Part of EscaleCall
 * (escale-call.c), split off to keep each file to one concern. */

static void
receiver_frame_cb (EscaleCallPeer *peer, GBytes *frame, int width, int height, int stride,
                   gpointer user_data)
{
  EscaleCall *self = user_data;

  self->n_remote_frames++;
  if (self->state == ESCALE_CALL_STATE_WAITING)
    _escale_call_set_state (self, ESCALE_CALL_STATE_IN_CALL, ESCALE_CALL_PROBLEM_NONE);
  _escale_call_emit_remote_frame (self, frame, width, height, stride);
}

static void
receiver_description_cb (EscaleCallPeer *peer, const char *type, const char *sdp,
                         gpointer user_data)
{
  EscaleCall *self = user_data;
  g_autoptr(JsonNode) body = escale_videoroom_start (self->room);

  escale_janus_message_async (self->janus, self->subscribe_handle, body, type, sdp, NULL, NULL,
                              NULL);
}

static void
receiver_candidate_cb (EscaleCallPeer *peer, guint mline, const char *candidate,
                       gpointer user_data)
{
  EscaleCall *self = user_data;

  if (self->janus != NULL && self->subscribe_handle != 0)
    escale_janus_trickle (self->janus, self->subscribe_handle, mline, candidate);
}

void
_escale_call_peer_failed_cb (EscaleCallPeer *peer, const char *reason, gpointer user_data)
{
  EscaleCall *self = user_data;

  g_message ("call: media stopped: %s", reason);
  _escale_call_end_with (self, self->state == ESCALE_CALL_STATE_CONNECTING
                                 ? ESCALE_CALL_PROBLEM_MEDIA
                                 : ESCALE_CALL_PROBLEM_CONNECTION_LOST);
}

void
_escale_call_drop_receiver (EscaleCall *self)
{
  if (self->receiver != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->receiver, self);
      escale_call_peer_stop (self->receiver);
      g_clear_object (&self->receiver);
    }
  if (self->janus != NULL && self->subscribe_handle != 0)
    escale_janus_detach (self->janus, self->subscribe_handle);
  self->subscribe_handle = 0;
  self->remote_feed = 0;
  self->subscribed = FALSE;
}

static void
subscribed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(EscaleCall) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *sdp = NULL;
  g_autoptr(JsonObject)
               data = escale_janus_message_finish (ESCALE_JANUS (source), result, &sdp, &error);

  if (_escale_call_step_failed (self, error))
    return;
  if (sdp == NULL)
    {
      g_message ("call: the server offered no media for the family");
      _escale_call_drop_receiver (self);
      return;
    }
  self->receiver = escale_call_peer_new (ESCALE_CALL_PEER_RECEIVE, &self->media, &error);
  if (self->receiver == NULL)
    {
      _escale_call_step_failed (self, error);
      return;
    }
  g_signal_connect (self->receiver, "frame", G_CALLBACK (receiver_frame_cb), self);
  g_signal_connect (self->receiver, "local-description", G_CALLBACK (receiver_description_cb),
                    self);
  g_signal_connect (self->receiver, "ice-candidate", G_CALLBACK (receiver_candidate_cb), self);
  g_signal_connect (self->receiver, "failed", G_CALLBACK (_escale_call_peer_failed_cb), self);
  if (!escale_call_peer_start (self->receiver, &error))
    {
      _escale_call_step_failed (self, error);
      return;
    }
  escale_call_peer_set_remote (self->receiver, "offer", sdp);
}

static void
join_as_subscriber (EscaleCall *self, guint64 handle)
{
  g_autoptr(JsonNode) body =
               escale_videoroom_join_subscriber (self->room, self->my_feed, self->remote_feed);

  self->subscribe_handle = handle;
  escale_janus_message_async (self->janus, handle, body, NULL, NULL, self->cancellable,
                              subscribed_cb, g_object_ref (self));
}

/* A handle for the family's streams: used at once if they are already
 * there, kept for when they come otherwise. */
static void
subscriber_attached_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(EscaleCall) self = user_data;
  g_autoptr(GError) error = NULL;
  guint64 handle = escale_janus_attach_finish (ESCALE_JANUS (source), result, &error);

  if (_escale_call_step_failed (self, error))
    return;
  self->spare_coming = FALSE;
  if (self->subscribed && self->subscribe_handle == 0)
    join_as_subscriber (self, handle);
  else
    self->spare_handle = handle;
}

/* Looks for another publisher in a "publishers" list and subscribes to it. */
void
_escale_call_subscribe (EscaleCall *self, JsonObject *data)
{
  guint64 feed;

  if (self->subscribed || (feed = escale_videoroom_other_publisher (data, self->my_feed)) == 0)
    return;
  self->remote_feed = feed;
  self->subscribed = TRUE;
  if (self->spare_handle != 0)
    {
      guint64 handle = self->spare_handle;

      self->spare_handle = 0;
      join_as_subscriber (self, handle);
    }
  else if (!self->spare_coming)
    {
      self->spare_coming = TRUE;
      escale_janus_attach_async (self->janus, VIDEOROOM, self->cancellable, subscriber_attached_cb,
                                 g_object_ref (self));
    }
}

/* Attaches a handle for the family's streams before they are announced. */
void
_escale_call_attach_spare (EscaleCall *self)
{
  self->spare_coming = TRUE;
  escale_janus_attach_async (self->janus, VIDEOROOM, self->cancellable, subscriber_attached_cb,
                             g_object_ref (self));
}
