/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-call"

#include "escale-call-private.h"
#include "escale-videoroom.h"

/* One video call through a Janus videoroom: our camera goes up as a
 * publisher, the family's picture comes down through a subscriber. The kiosk
 * either makes a fresh room (a 6-digit code and a random secret, destroyed at
 * hang-up) or joins the room whose code the family gave. Nothing is kept:
 * the code lives in this object only, and media never touch the disk. */

enum
{
  PROP_0,
  PROP_STATE,
  PROP_PROBLEM,
  PROP_CODE,
  PROP_MICROPHONE,
  PROP_CAMERA,
  PROP_SHOWING_PICTURE,
  N_PROPS,
};

enum
{
  SIGNAL_LOCAL_FRAME,
  SIGNAL_REMOTE_FRAME,
  N_SIGNALS,
};

static GParamSpec *pspecs[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (EscaleCall, escale_call, G_TYPE_OBJECT)

static void stop_everything (EscaleCall *self);

static void
set_showing_picture (EscaleCall *self, gboolean showing)
{
  if (self->showing_picture == showing)
    return;
  self->showing_picture = showing;
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_SHOWING_PICTURE]);
}

void
_escale_call_set_state (EscaleCall *self, EscaleCallState state, EscaleCallProblem problem)
{
  if (state == ESCALE_CALL_STATE_IN_CALL)
    self->was_connected = TRUE;

  g_object_freeze_notify (G_OBJECT (self));
  if (self->problem != problem)
    {
      self->problem = problem;
      g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_PROBLEM]);
    }
  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_STATE]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/* Ends the call calmly: everything closed, the reason kept for the screen. */
void
_escale_call_end_with (EscaleCall *self, EscaleCallProblem problem)
{
  if (self->state == ESCALE_CALL_STATE_ENDED)
    return;
  stop_everything (self);
  _escale_call_set_state (self, ESCALE_CALL_STATE_ENDED, problem);
}

static EscaleCallProblem
problem_from_error (const GError *error)
{
  if (g_error_matches (error, ESCALE_JANUS_ERROR, ESCALE_JANUS_ERROR_NO_SUCH_ROOM))
    return ESCALE_CALL_PROBLEM_WRONG_CODE;
  if (g_error_matches (error, ESCALE_JANUS_ERROR, ESCALE_JANUS_ERROR_ROOM_FULL))
    return ESCALE_CALL_PROBLEM_ROOM_FULL;
  if (g_error_matches (error, ESCALE_CALL_ERROR, ESCALE_CALL_ERROR_NO_CAMERA))
    return ESCALE_CALL_PROBLEM_NO_CAMERA;
  if (g_error_matches (error, ESCALE_CALL_ERROR, ESCALE_CALL_ERROR_NO_MICROPHONE))
    return ESCALE_CALL_PROBLEM_NO_MICROPHONE;
  if (error->domain == ESCALE_CALL_ERROR)
    return ESCALE_CALL_PROBLEM_MEDIA;
  return ESCALE_CALL_PROBLEM_SERVER_UNREACHABLE;
}

/* TRUE when the step failed and the call is over; quiet when cancelled. */
gboolean
_escale_call_step_failed (EscaleCall *self, GError *error)
{
  if (error == NULL)
    return FALSE;
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_message ("call: %s", error->message);
      _escale_call_end_with (self, self->state == ESCALE_CALL_STATE_CONNECTING
                                     ? problem_from_error (error)
                                     : ESCALE_CALL_PROBLEM_CONNECTION_LOST);
    }
  return TRUE;
}

static void
room_destroyed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(JsonObject)
               data = escale_janus_message_finish (ESCALE_JANUS (source), result, NULL, NULL);

  escale_janus_close (ESCALE_JANUS (source));
}

static void
stop_everything (EscaleCall *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->janus != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->janus, self);
      /* Destroying the Janus session leaves the room; a room we made is
       * destroyed first, and Janus must have done it before the session goes
       * (it handles requests in parallel). */
      if (escale_janus_is_connected (self->janus) && self->publish_handle != 0 &&
          self->secret != NULL)
        {
          g_autoptr(JsonNode) destroy_body = escale_videoroom_destroy (self->room, self->secret);

          escale_janus_message_async (self->janus, self->publish_handle, destroy_body, NULL, NULL,
                                      NULL, room_destroyed_cb, NULL);
        }
      else
        escale_janus_close (self->janus);
      g_clear_object (&self->janus);
    }

  if (self->sender != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->sender, self);
      escale_call_peer_stop (self->sender);
      g_clear_object (&self->sender);
    }
  set_showing_picture (self, FALSE);
  if (self->receiver != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->receiver, self);
      escale_call_peer_stop (self->receiver);
      g_clear_object (&self->receiver);
    }

  g_clear_pointer (&self->secret, g_free);
  g_clear_pointer (&self->offer, g_free);
  g_ptr_array_set_size (self->candidates, 0);
  self->room = 0;
  self->publish_handle = self->subscribe_handle = self->spare_handle = 0;
  self->spare_coming = FALSE;
  self->my_feed = self->remote_feed = 0;
  self->offer_sent = self->subscribed = FALSE;
  if (self->code != NULL)
    {
      g_clear_pointer (&self->code, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_CODE]);
    }
}

static void
escale_call_dispose (GObject *object)
{
  EscaleCall *self = ESCALE_CALL (object);

  stop_everything (self);
  G_OBJECT_CLASS (escale_call_parent_class)->dispose (object);
}

static void
escale_call_finalize (GObject *object)
{
  EscaleCall *self = ESCALE_CALL (object);

  g_free (self->server_url);
  escale_call_media_clear (&self->media);
  g_ptr_array_unref (self->candidates);
  G_OBJECT_CLASS (escale_call_parent_class)->finalize (object);
}

static void
escale_call_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  EscaleCall *self = ESCALE_CALL (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case PROP_PROBLEM:
      g_value_set_int (value, self->problem);
      break;
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_MICROPHONE:
      g_value_set_boolean (value, self->microphone);
      break;
    case PROP_CAMERA:
      g_value_set_boolean (value, self->camera);
      break;
    case PROP_SHOWING_PICTURE:
      g_value_set_boolean (value, self->showing_picture);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_call_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  EscaleCall *self = ESCALE_CALL (object);

  switch (prop_id)
    {
    case PROP_MICROPHONE:
      escale_call_set_microphone (self, g_value_get_boolean (value));
      break;
    case PROP_CAMERA:
      escale_call_set_camera (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_call_class_init (EscaleCallClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = escale_call_dispose;
  object_class->finalize = escale_call_finalize;
  object_class->get_property = escale_call_get_property;
  object_class->set_property = escale_call_set_property;

  pspecs[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, ESCALE_CALL_STATE_IDLE, ESCALE_CALL_STATE_ENDED,
                      ESCALE_CALL_STATE_IDLE,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  pspecs[PROP_PROBLEM] =
    g_param_spec_int ("problem", NULL, NULL, ESCALE_CALL_PROBLEM_NONE, ESCALE_CALL_PROBLEM_MEDIA,
                      ESCALE_CALL_PROBLEM_NONE,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  pspecs[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  pspecs[PROP_MICROPHONE] =
    g_param_spec_boolean ("microphone", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  pspecs[PROP_CAMERA] =
    g_param_spec_boolean ("camera", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* A picture is sent in place of the camera (escale_call_show_picture ()) */
  pspecs[PROP_SHOWING_PICTURE] =
    g_param_spec_boolean ("showing-picture", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, pspecs);

  /* (BGRA pixels, width, height, stride) */
  signals[SIGNAL_LOCAL_FRAME] = g_signal_new ("local-frame", G_TYPE_FROM_CLASS (klass),
                                              G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                              4, G_TYPE_BYTES, G_TYPE_INT, G_TYPE_INT, G_TYPE_INT);
  signals[SIGNAL_REMOTE_FRAME] =
    g_signal_new ("remote-frame", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 4, G_TYPE_BYTES, G_TYPE_INT, G_TYPE_INT, G_TYPE_INT);
}

static void
escale_call_init (EscaleCall *self)
{
  self->microphone = TRUE;
  self->camera = TRUE;
  self->candidates = g_ptr_array_new_with_free_func (g_free);
}

EscaleCall *
escale_call_new (const char *server_url, const EscaleCallMedia *media)
{
  EscaleCall *self = g_object_new (ESCALE_TYPE_CALL, NULL);

  self->server_url = g_strdup (server_url);
  escale_call_media_copy (media, &self->media);
  return self;
}

/* A code is 6 digits, the number of a videoroom. */
gboolean
escale_call_code_is_valid (const char *code)
{
  if (code == NULL || strlen (code) != 6 || code[0] == '0')
    return FALSE;
  for (guint i = 0; i < 6; i++)
    if (!g_ascii_isdigit (code[i]))
      return FALSE;
  return TRUE;
}

void
_escale_call_emit_remote_frame (EscaleCall *self, GBytes *frame, int width, int height, int stride)
{
  g_signal_emit (self, signals[SIGNAL_REMOTE_FRAME], 0, frame, width, height, stride);
}

static void
janus_event_cb (EscaleJanus *janus, guint64 handle, JsonObject *data, const char *sdp,
                gpointer user_data)
{
  EscaleCall *self = user_data;
  gint64 gone = 0;

  if (handle != self->publish_handle)
    return;
  _escale_call_subscribe (self, data);
  if (json_object_has_member (data, "unpublished"))
    gone = json_object_get_int_member_with_default (data, "unpublished", 0);
  if (json_object_has_member (data, "leaving"))
    gone = json_object_get_int_member_with_default (data, "leaving", 0);
  /* The family made the room and hung up: nothing to wait for. */
  if (g_strcmp0 (json_object_get_string_member_with_default (data, "videoroom", ""),
                 "destroyed") == 0)
    {
      _escale_call_end_with (self, ESCALE_CALL_PROBLEM_PEER_LEFT);
      return;
    }
  if (gone != 0 && (guint64) gone == self->remote_feed)
    {
      _escale_call_drop_receiver (self);
      _escale_call_set_state (self, ESCALE_CALL_STATE_WAITING, ESCALE_CALL_PROBLEM_PEER_LEFT);
    }
}

static void
janus_lost_cb (EscaleJanus *janus, gpointer user_data)
{
  EscaleCall *self = user_data;

  g_message ("call: the call server went away");
  _escale_call_end_with (self, self->state == ESCALE_CALL_STATE_CONNECTING
                                 ? ESCALE_CALL_PROBLEM_SERVER_UNREACHABLE
                                 : ESCALE_CALL_PROBLEM_CONNECTION_LOST);
}

/* --- Sending our picture ------------------------------------------------- */

static void
published_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(EscaleCall) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *sdp = NULL;
  g_autoptr(JsonObject)
               data = escale_janus_message_finish (ESCALE_JANUS (source), result, &sdp, &error);

  if (_escale_call_step_failed (self, error))
    return;
  if (sdp != NULL && self->sender != NULL)
    escale_call_peer_set_remote (self->sender, "answer", sdp);
}

static void
flush_candidates (EscaleCall *self)
{
  for (guint i = 0; i < self->candidates->len; i++)
    {
      const char *entry = g_ptr_array_index (self->candidates, i);
      const char *newline = strchr (entry, '\n');

      escale_janus_trickle (self->janus, self->publish_handle,
                            (guint) g_ascii_strtoull (entry, NULL, 10),
                            newline[1] != '\0' ? newline + 1 : NULL);
    }
  g_ptr_array_set_size (self->candidates, 0);
}

/* Sends our offer once both it and the room are there. */
static void
maybe_publish (EscaleCall *self)
{
  g_autoptr(JsonNode) body = NULL;

  if (self->offer == NULL || self->offer_sent || self->my_feed == 0 || self->janus == NULL)
    return;
  body = escale_videoroom_configure ();
  self->offer_sent = TRUE;
  escale_janus_message_async (self->janus, self->publish_handle, body, "offer", self->offer,
                              self->cancellable, published_cb, g_object_ref (self));
  flush_candidates (self);
}

static void
sender_description_cb (EscaleCallPeer *peer, const char *type, const char *sdp, gpointer user_data)
{
  EscaleCall *self = user_data;

  g_free (self->offer);
  self->offer = g_strdup (sdp);
  maybe_publish (self);
}

static void
sender_candidate_cb (EscaleCallPeer *peer, guint mline, const char *candidate, gpointer user_data)
{
  EscaleCall *self = user_data;

  if (self->offer_sent && self->janus != NULL)
    escale_janus_trickle (self->janus, self->publish_handle, mline, candidate);
  else
    g_ptr_array_add (self->candidates,
                     g_strdup_printf ("%u\n%s", mline, candidate != NULL ? candidate : ""));
}

static void
sender_frame_cb (EscaleCallPeer *peer, GBytes *frame, int width, int height, int stride,
                 gpointer user_data)
{
  EscaleCall *self = user_data;

  g_signal_emit (self, signals[SIGNAL_LOCAL_FRAME], 0, frame, width, height, stride);
}

/* Starts the camera and microphone (the preview before joining); our offer
 * is prepared meanwhile, so that "Appeler" goes fast. */
gboolean
escale_call_start_preview (EscaleCall *self)
{
  g_autoptr(GError) error = NULL;

  if (self->sender != NULL)
    return TRUE;
  if (self->state == ESCALE_CALL_STATE_ENDED)
    _escale_call_set_state (self, ESCALE_CALL_STATE_IDLE, ESCALE_CALL_PROBLEM_NONE);
  self->sender = escale_call_peer_new (ESCALE_CALL_PEER_SEND, &self->media, &error);
  if (self->sender == NULL)
    {
      g_message ("call: %s", error->message);
      _escale_call_end_with (self, problem_from_error (error));
      return FALSE;
    }
  g_signal_connect (self->sender, "frame", G_CALLBACK (sender_frame_cb), self);
  g_signal_connect (self->sender, "local-description", G_CALLBACK (sender_description_cb), self);
  g_signal_connect (self->sender, "ice-candidate", G_CALLBACK (sender_candidate_cb), self);
  g_signal_connect (self->sender, "failed", G_CALLBACK (_escale_call_peer_failed_cb), self);
  escale_call_peer_set_microphone (self->sender, self->microphone);
  escale_call_peer_set_camera (self->sender, self->camera);
  if (!escale_call_peer_start (self->sender, &error))
    {
      g_message ("call: %s", error->message);
      _escale_call_end_with (self, problem_from_error (error));
      return FALSE;
    }
  return TRUE;
}

/* --- Rooms --------------------------------------------------------------- */

static void
joined_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(EscaleCall) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject)
               data = escale_janus_message_finish (ESCALE_JANUS (source), result, NULL, &error);

  if (_escale_call_step_failed (self, error))
    return;
  self->my_feed = (guint64) json_object_get_int_member_with_default (data, "id", 0);
  self->code = g_strdup_printf ("%" G_GUINT64_FORMAT, self->room);
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_CODE]);
  _escale_call_set_state (self, ESCALE_CALL_STATE_WAITING, ESCALE_CALL_PROBLEM_NONE);
  _escale_call_subscribe (self, data);
  maybe_publish (self);
}

static void
join_room (EscaleCall *self)
{
  g_autoptr(JsonNode) body = escale_videoroom_join_publisher (self->room);

  escale_janus_message_async (self->janus, self->publish_handle, body, NULL, NULL,
                              self->cancellable, joined_cb, g_object_ref (self));
}

static void create_room (EscaleCall *self);

static void
room_created_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(EscaleCall) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject)
               data = escale_janus_message_finish (ESCALE_JANUS (source), result, NULL, &error);

  if (g_error_matches (error, ESCALE_JANUS_ERROR, ESCALE_JANUS_ERROR_ROOM_EXISTS) &&
      self->create_attempts < 8)
    {
      create_room (self);
      return;
    }
  if (_escale_call_step_failed (self, error))
    return;
  join_room (self);
}

static void
create_room (EscaleCall *self)
{
  g_autoptr(JsonNode) body = NULL;

  g_free (self->secret);
  escale_videoroom_new_room (&self->room, &self->secret);
  self->create_attempts++;
  body = escale_videoroom_create (self->room, self->secret);
  escale_janus_message_async (self->janus, self->publish_handle, body, NULL, NULL,
                              self->cancellable, room_created_cb, g_object_ref (self));
}

static void
publisher_attached_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(EscaleCall) self = user_data;
  g_autoptr(GError) error = NULL;
  guint64 handle = escale_janus_attach_finish (ESCALE_JANUS (source), result, &error);

  if (_escale_call_step_failed (self, error))
    return;
  self->publish_handle = handle;
  if (self->room == 0)
    create_room (self);
  else
    join_room (self);
}

static void
connected_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(EscaleCall) self = user_data;
  g_autoptr(GError) error = NULL;

  escale_janus_connect_finish (ESCALE_JANUS (source), result, &error);
  if (_escale_call_step_failed (self, error))
    return;
  escale_janus_attach_async (self->janus, VIDEOROOM, self->cancellable, publisher_attached_cb,
                             g_object_ref (self));
  _escale_call_attach_spare (self);
}

static void
connect_to_server (EscaleCall *self, guint64 room)
{
  if (self->state == ESCALE_CALL_STATE_CONNECTING || self->state == ESCALE_CALL_STATE_WAITING ||
      self->state == ESCALE_CALL_STATE_IN_CALL)
    return;
  _escale_call_set_state (self, ESCALE_CALL_STATE_CONNECTING, ESCALE_CALL_PROBLEM_NONE);
  if (!escale_call_start_preview (self))
    return;
  self->room = room;
  self->create_attempts = 0;
  self->cancellable = g_cancellable_new ();
  self->janus = escale_janus_new (self->server_url);
  g_signal_connect (self->janus, "event", G_CALLBACK (janus_event_cb), self);
  g_signal_connect (self->janus, "lost", G_CALLBACK (janus_lost_cb), self);
  escale_janus_connect_async (self->janus, self->cancellable, connected_cb, g_object_ref (self));
}

/* Makes a fresh room; its code appears in the "code" property. */
void
escale_call_create_room (EscaleCall *self)
{
  connect_to_server (self, 0);
}

/* Joins the room whose code the family gave. */
void
escale_call_join_room (EscaleCall *self, const char *code)
{
  if (!escale_call_code_is_valid (code))
    {
      _escale_call_set_state (self, ESCALE_CALL_STATE_ENDED, ESCALE_CALL_PROBLEM_WRONG_CODE);
      return;
    }
  connect_to_server (self, g_ascii_strtoull (code, NULL, 10));
}

/* Leaves the room (destroying it if we made it), closes every connection
 * and stops camera and microphone. Safe to call at any time. */
void
escale_call_hang_up (EscaleCall *self)
{
  stop_everything (self);
  _escale_call_set_state (self, ESCALE_CALL_STATE_ENDED, ESCALE_CALL_PROBLEM_NONE);
}

EscaleCallState
escale_call_get_state (EscaleCall *self)
{
  return self->state;
}

EscaleCallProblem
escale_call_get_problem (EscaleCall *self)
{
  return self->problem;
}

const char *
escale_call_get_code (EscaleCall *self)
{
  return self->code;
}

gboolean
escale_call_get_microphone (EscaleCall *self)
{
  return self->microphone;
}

void
escale_call_set_microphone (EscaleCall *self, gboolean on)
{
  on = !!on;
  if (self->microphone == on)
    return;
  self->microphone = on;
  if (self->sender != NULL)
    escale_call_peer_set_microphone (self->sender, on);
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_MICROPHONE]);
}

gboolean
escale_call_get_camera (EscaleCall *self)
{
  return self->camera;
}

void
escale_call_set_camera (EscaleCall *self, gboolean on)
{
  on = !!on;
  if (self->camera == on)
    return;
  self->camera = on;
  if (self->sender != NULL)
    escale_call_peer_set_camera (self->sender, on);
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_CAMERA]);
}

guint64
escale_call_get_n_remote_frames (EscaleCall *self)
{
  return self->n_remote_frames;
}

guint64
escale_call_get_n_local_frames (EscaleCall *self)
{
  return self->sender != NULL ? escale_call_peer_get_n_frames (self->sender) : 0;
}

/* For the statistics: did the family's picture ever arrive, and for how
 * long in total. Nothing about who was called. */
gboolean
escale_call_was_connected (EscaleCall *self)
{
  return self->was_connected;
}

/* TRUE when nothing of the call is open: no camera, no peer connection, no
 * connection to the server. What a reset checks. */
gboolean
escale_call_is_closed (EscaleCall *self)
{
  return self->sender == NULL && self->receiver == NULL && self->janus == NULL;
}

/* Sends a still picture in place of the camera, while the camera runs
 * (the preview, waiting for the family or during the call), until
 * escale_call_show_camera () or the hang-up: no renegotiation, the call
 * goes on. @argb32 is Cairo's ARGB32 (what gdk_texture_download () writes),
 * scaled to the outgoing size and centred on black, converted at once and
 * not kept. The self-view ("local-frame") shows what the family sees.
 * FALSE (with @error) when no camera runs or the picture is unusable. */
gboolean
escale_call_show_picture (EscaleCall *self, GBytes *argb32, int width, int height, int stride,
                          GError **error)
{
  g_return_val_if_fail (ESCALE_IS_CALL (self), FALSE);
  g_return_val_if_fail (argb32 != NULL, FALSE);

  if (self->sender == NULL)
    {
      g_set_error_literal (error, ESCALE_CALL_ERROR, ESCALE_CALL_ERROR_MEDIA,
                           "no camera runs: nothing to show the picture in");
      return FALSE;
    }
  if (!escale_call_peer_show_picture (self->sender, argb32, width, height, stride, error))
    return FALSE;
  set_showing_picture (self, TRUE);
  return TRUE;
}

/* "Revenir à la caméra": the camera again; the picture's frame is dropped. */
void
escale_call_show_camera (EscaleCall *self)
{
  g_return_if_fail (ESCALE_IS_CALL (self));

  if (self->sender != NULL)
    escale_call_peer_show_camera (self->sender);
  set_showing_picture (self, FALSE);
}

gboolean
escale_call_get_showing_picture (EscaleCall *self)
{
  g_return_val_if_fail (ESCALE_IS_CALL (self), FALSE);
  return self->showing_picture;
}
