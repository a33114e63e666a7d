/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-call"

#include <malloc.h>

#include <gst/gst.h>
#include <gst/app/gstappsink.h>
#include <gst/sdp/sdp.h>
#include <gst/video/video.h>
#define GST_USE_UNSTABLE_API
#include <gst/webrtc/webrtc.h>

#include "escale-call-peer.h"
#include "escale-call-picture.h"

/* The outgoing video: what the camera or a picture becomes. */
#define SEND_WIDTH 640
#define SEND_HEIGHT 360

/* One WebRTC peer connection with the call server, as a GStreamer pipeline
 * around webrtcbin: either sending our camera and microphone (VP8 + Opus),
 * or receiving one family member's picture and voice. Pictures come out as
 * BGRA frames in GBytes through the "frame" signal, on the main context;
 * nothing is ever written to disk. All signals are emitted on the context
 * that created the peer. */
struct _EscaleCallPeer
{
  GObject parent_instance;

  EscaleCallPeerRole role;
  EscaleCallMedia media;
  GMainContext *context;
  GstElement *pipeline;
  GstElement *webrtc;
  guint bus_watch;
  guint64 n_frames;
  EscaleCallPicture *picture; /* sender only: a photo in place of the camera */

  GMutex lock; /* guards the fields below, written by streaming threads */
  GBytes *frame;
  int frame_width;
  int frame_height;
  int frame_stride;
  gboolean frame_scheduled;
};

enum
{
  SIGNAL_LOCAL_DESCRIPTION,
  SIGNAL_ICE_CANDIDATE,
  SIGNAL_FRAME,
  SIGNAL_FAILED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];
static gint live_pipelines;

G_DEFINE_FINAL_TYPE (EscaleCallPeer, escale_call_peer, G_TYPE_OBJECT)
/* The name has dashes, which clang-format would space out. */
/* clang-format off */
G_DEFINE_QUARK (escale-call-error-quark, escale_call_error)
/* clang-format on */

void
escale_call_media_clear (EscaleCallMedia *media)
{
  g_clear_pointer (&media->stun_server, g_free);
  g_clear_pointer (&media->turn_server, g_free);
  g_clear_pointer (&media->local_address, g_free);
}

void
escale_call_media_copy (const EscaleCallMedia *from, EscaleCallMedia *to)
{
  to->test_pattern = from->test_pattern;
  to->stun_server = g_strdup (from->stun_server);
  to->turn_server = g_strdup (from->turn_server);
  to->local_address = g_strdup (from->local_address);
}

/* Number of call pipelines that exist in this process: 0 after a reset. */
guint
escale_call_peer_count_live_pipelines (void)
{
  return (guint) g_atomic_int_get (&live_pipelines);
}

void
escale_call_peer_stop (EscaleCallPeer *self)
{
  g_clear_handle_id (&self->bus_watch, g_source_remove);
  if (self->pipeline != NULL)
    {
      gst_element_set_state (self->pipeline, GST_STATE_NULL);
      g_clear_pointer (&self->webrtc, gst_object_unref);
      g_clear_pointer (&self->pipeline, gst_object_unref);
      g_atomic_int_add (&live_pipelines, -1);
    }
  if (self->picture != NULL)
    escale_call_picture_clear (self->picture);
  g_mutex_lock (&self->lock);
  g_clear_pointer (&self->frame, g_bytes_unref);
  g_mutex_unlock (&self->lock);
}

static void
escale_call_peer_dispose (GObject *object)
{
  escale_call_peer_stop (ESCALE_CALL_PEER (object));
  G_OBJECT_CLASS (escale_call_peer_parent_class)->dispose (object);
}

static void
escale_call_peer_finalize (GObject *object)
{
  EscaleCallPeer *self = ESCALE_CALL_PEER (object);

  escale_call_media_clear (&self->media);
  g_clear_object (&self->picture);
  g_main_context_unref (self->context);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (escale_call_peer_parent_class)->finalize (object);
}

static void
escale_call_peer_class_init (EscaleCallPeerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = escale_call_peer_dispose;
  object_class->finalize = escale_call_peer_finalize;

  /* (type "offer" or "answer", SDP): send it to the server */
  signals[SIGNAL_LOCAL_DESCRIPTION] = g_signal_new ("local-description", G_TYPE_FROM_CLASS (klass),
                                                    G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                    G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  /* (m-line index, candidate or NULL when gathering is complete) */
  signals[SIGNAL_ICE_CANDIDATE] = g_signal_new ("ice-candidate", G_TYPE_FROM_CLASS (klass),
                                                G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_STRING);
  /* (BGRA pixels, width, height, stride) */
  signals[SIGNAL_FRAME] = g_signal_new ("frame", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 4, G_TYPE_BYTES, G_TYPE_INT,
                                        G_TYPE_INT, G_TYPE_INT);
  /* (a technical reason, for the logs only) */
  signals[SIGNAL_FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
escale_call_peer_init (EscaleCallPeer *self)
{
  g_mutex_init (&self->lock);
  self->context = g_main_context_ref_thread_default ();
}

/* Runs @func with a reference on @self on the peer's main context. */
static void
invoke (EscaleCallPeer *self, GSourceFunc func, gpointer data, GDestroyNotify destroy)
{
  GSource *source = g_idle_source_new ();

  g_source_set_callback (source, func, data, destroy);
  g_source_attach (source, self->context);
  g_source_unref (source);
}

typedef struct
{
  EscaleCallPeer *self;
  char *type;
  char *text;
  guint mline;
} Deferred;

static Deferred *
deferred_new (EscaleCallPeer *self, const char *type, const char *text, guint mline)
{
  Deferred *deferred = g_new0 (Deferred, 1);

  deferred->self = g_object_ref (self);
  deferred->type = g_strdup (type);
  deferred->text = g_strdup (text);
  deferred->mline = mline;
  return deferred;
}

static void
deferred_free (gpointer data)
{
  Deferred *deferred = data;

  g_object_unref (deferred->self);
  g_free (deferred->type);
  g_free (deferred->text);
  g_free (deferred);
}

static gboolean
emit_local_description (gpointer data)
{
  Deferred *deferred = data;

  if (deferred->self->pipeline != NULL)
    g_signal_emit (deferred->self, signals[SIGNAL_LOCAL_DESCRIPTION], 0, deferred->type,
                   deferred->text);
  return G_SOURCE_REMOVE;
}

static gboolean
emit_ice_candidate (gpointer data)
{
  Deferred *deferred = data;

  if (deferred->self->pipeline != NULL)
    g_signal_emit (deferred->self, signals[SIGNAL_ICE_CANDIDATE], 0, deferred->mline,
                   deferred->text);
  return G_SOURCE_REMOVE;
}

static gboolean
emit_failed (gpointer data)
{
  Deferred *deferred = data;

  if (deferred->self->pipeline != NULL)
    g_signal_emit (deferred->self, signals[SIGNAL_FAILED], 0, deferred->text);
  return G_SOURCE_REMOVE;
}

static gboolean
emit_frame (gpointer data)
{
  EscaleCallPeer *self = data;
  g_autoptr(GBytes) frame = NULL;
  int width, height, stride;

  g_mutex_lock (&self->lock);
  frame = g_steal_pointer (&self->frame);
  width = self->frame_width;
  height = self->frame_height;
  stride = self->frame_stride;
  self->frame_scheduled = FALSE;
  g_mutex_unlock (&self->lock);

  if (frame != NULL && self->pipeline != NULL)
    {
      self->n_frames++;
      g_signal_emit (self, signals[SIGNAL_FRAME], 0, frame, width, height, stride);
    }
  return G_SOURCE_REMOVE;
}

/* Streaming thread: keeps only the newest frame, so a busy UI drops frames
 * instead of queueing them. */
static GstFlowReturn
new_sample_cb (GstAppSink *sink, gpointer user_data)
{
  EscaleCallPeer *self = user_data;
  g_autoptr(GstSample) sample = gst_app_sink_pull_sample (sink);
  GstVideoInfo info;
  GstMapInfo map;
  GstBuffer *buffer;
  gboolean schedule;

  if (sample == NULL)
    return GST_FLOW_EOS;
  buffer = gst_sample_get_buffer (sample);
  if (buffer == NULL || !gst_video_info_from_caps (&info, gst_sample_get_caps (sample)) ||
      !gst_buffer_map (buffer, &map, GST_MAP_READ))
    return GST_FLOW_OK;

  g_mutex_lock (&self->lock);
  g_clear_pointer (&self->frame, g_bytes_unref);
  self->frame = g_bytes_new (map.data, map.size);
  self->frame_width = GST_VIDEO_INFO_WIDTH (&info);
  self->frame_height = GST_VIDEO_INFO_HEIGHT (&info);
  self->frame_stride = GST_VIDEO_INFO_PLANE_STRIDE (&info, 0);
  schedule = !self->frame_scheduled;
  self->frame_scheduled = TRUE;
  g_mutex_unlock (&self->lock);
  gst_buffer_unmap (buffer, &map);

  if (schedule)
    invoke (self, emit_frame, g_object_ref (self), g_object_unref);
  return GST_FLOW_OK;
}

static void
attach_frame_sink (EscaleCallPeer *self, GstElement *sink)
{
  GstAppSinkCallbacks callbacks = { .new_sample = new_sample_cb };

  gst_app_sink_set_callbacks (GST_APP_SINK (sink), &callbacks, g_object_ref (self),
                              g_object_unref);
}

static void
fail_from_thread (EscaleCallPeer *self, const char *reason)
{
  invoke (self, emit_failed, deferred_new (self, NULL, reason, 0), deferred_free);
}

static void
description_created_cb (GstPromise *promise, gpointer user_data)
{
  EscaleCallPeer *self = user_data;
  const char *field = self->role == ESCALE_CALL_PEER_SEND ? "offer" : "answer";
  GstWebRTCSessionDescription *description = NULL;
  const GstStructure *reply;
  g_autofree char *text = NULL;

  if (gst_promise_wait (promise) != GST_PROMISE_RESULT_REPLIED ||
      (reply = gst_promise_get_reply (promise)) == NULL ||
      !gst_structure_get (reply, field, GST_TYPE_WEBRTC_SESSION_DESCRIPTION, &description, NULL) ||
      description == NULL)
    {
      gst_promise_unref (promise);
      fail_from_thread (self, "webrtcbin could not create a session description");
      return;
    }
  gst_promise_unref (promise);

  if (self->webrtc != NULL)
    g_signal_emit_by_name (self->webrtc, "set-local-description", description, NULL);
  text = gst_sdp_message_as_text (description->sdp);
  gst_webrtc_session_description_free (description);
  invoke (self, emit_local_description, deferred_new (self, field, text, 0), deferred_free);
}

static void
create_description (EscaleCallPeer *self)
{
  GstPromise *promise =
    gst_promise_new_with_change_func (description_created_cb, g_object_ref (self), g_object_unref);

  g_signal_emit_by_name (self->webrtc,
                         self->role == ESCALE_CALL_PEER_SEND ? "create-offer" : "create-answer",
                         NULL, promise);
}

static gboolean
negotiate (gpointer data)
{
  EscaleCallPeer *self = data;

  if (self->webrtc != NULL)
    create_description (self);
  return G_SOURCE_REMOVE;
}

static void
negotiation_needed_cb (GstElement *webrtc, gpointer user_data)
{
  EscaleCallPeer *self = user_data;

  if (self->role == ESCALE_CALL_PEER_SEND)
    invoke (self, negotiate, g_object_ref (self), g_object_unref);
}

static void
ice_candidate_cb (GstElement *webrtc, guint mline, const char *candidate, gpointer user_data)
{
  EscaleCallPeer *self = user_data;

  invoke (self, emit_ice_candidate, deferred_new (self, NULL, candidate, mline), deferred_free);
}

static void
ice_gathering_state_cb (GObject *webrtc, GParamSpec *pspec, gpointer user_data)
{
  EscaleCallPeer *self = user_data;
  GstWebRTCICEGatheringState state;

  g_object_get (webrtc, "ice-gathering-state", &state, NULL);
  if (state == GST_WEBRTC_ICE_GATHERING_STATE_COMPLETE)
    invoke (self, emit_ice_candidate, deferred_new (self, NULL, NULL, 0), deferred_free);
}

static void
ice_connection_state_cb (GObject *webrtc, GParamSpec *pspec, gpointer user_data)
{
  EscaleCallPeer *self = user_data;
  GstWebRTCICEConnectionState state;

  g_object_get (webrtc, "ice-connection-state", &state, NULL);
  if (state == GST_WEBRTC_ICE_CONNECTION_STATE_FAILED)
    fail_from_thread (self, "ICE failed");
}

/* Streaming thread: a decoded stream from the server gets its sink. */
static void
decoded_pad_cb (GstElement *decodebin, GstPad *pad, gpointer user_data)
{
  EscaleCallPeer *self = user_data;
  g_autoptr(GstCaps) caps = gst_pad_get_current_caps (pad);
  const char *name;
  const char *description;
  g_autoptr(GError) error = NULL;
  GstElement *bin;
  g_autoptr(GstPad) sink_pad = NULL;

  if (caps == NULL)
    caps = gst_pad_query_caps (pad, NULL);
  name = gst_structure_get_name (gst_caps_get_structure (caps, 0));
  if (g_str_has_prefix (name, "video/"))
    description = "queue max-size-buffers=2 leaky=downstream ! videoconvert ! "
                  "video/x-raw,format=BGRA ! appsink name=frames sync=false max-buffers=1 "
                  "drop=true";
  else if (g_str_has_prefix (name, "audio/") && self->media.test_pattern)
    description = "queue ! fakesink sync=true";
  else if (g_str_has_prefix (name, "audio/"))
    description = "queue ! audioconvert ! audioresample ! autoaudiosink";
  else
    return;

  bin = gst_parse_bin_from_description (description, TRUE, &error);
  if (bin == NULL)
    {
      fail_from_thread (self, error->message);
      return;
    }
  if (g_str_has_prefix (name, "video/"))
    {
      g_autoptr(GstElement) sink = gst_bin_get_by_name (GST_BIN (bin), "frames");

      attach_frame_sink (self, sink);
    }
  gst_bin_add (GST_BIN (self->pipeline), bin);
  gst_element_sync_state_with_parent (bin);
  sink_pad = gst_element_get_static_pad (bin, "sink");
  if (gst_pad_link (pad, sink_pad) != GST_PAD_LINK_OK)
    fail_from_thread (self, "cannot link a received stream");
}

static void
webrtc_pad_cb (GstElement *webrtc, GstPad *pad, gpointer user_data)
{
  EscaleCallPeer *self = user_data;
  GstElement *decodebin;
  g_autoptr(GstPad) sink_pad = NULL;

  if (GST_PAD_DIRECTION (pad) != GST_PAD_SRC || self->pipeline == NULL)
    return;
  decodebin = gst_element_factory_make ("decodebin", NULL);
  g_signal_connect_object (decodebin, "pad-added", G_CALLBACK (decoded_pad_cb), self, 0);
  gst_bin_add (GST_BIN (self->pipeline), decodebin);
  gst_element_sync_state_with_parent (decodebin);
  sink_pad = gst_element_get_static_pad (decodebin, "sink");
  gst_pad_link (pad, sink_pad);
}

static gboolean
bus_message_cb (GstBus *bus, GstMessage *message, gpointer user_data)
{
  EscaleCallPeer *self = user_data;

  if (GST_MESSAGE_TYPE (message) == GST_MESSAGE_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gst_message_parse_error (message, &error, NULL);
      g_signal_emit (self, signals[SIGNAL_FAILED], 0, error->message);
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
has_device (const char *klass)
{
  g_autoptr(GstDeviceMonitor) monitor = gst_device_monitor_new ();
  GList *devices;
  gboolean found;

  gst_device_monitor_add_filter (monitor, klass, NULL);
  devices = gst_device_monitor_get_devices (monitor);
  found = devices != NULL;
  g_list_free_full (devices, gst_object_unref);
  return found;
}

static char *
send_description (const EscaleCallMedia *media)
{
  const char *video_source =
    media->test_pattern ? "videotestsrc is-live=true pattern=ball background-color=0xff0b3d91"
                        : "autovideosrc";
  const char *audio_source = media->test_pattern
                               ? "audiotestsrc is-live=true wave=sine freq=440 volume=0.05"
                               : "autoaudiosrc";

  return g_strdup_printf (
    "webrtcbin name=webrtc bundle-policy=max-bundle "
    "%s ! videoconvert ! videoscale ! videorate ! "
    "video/x-raw,format=I420,width=%d,height=%d,pixel-aspect-ratio=1/1,framerate=20/1 ! "
    "videobalance name=blank ! tee name=split "
    "split. ! queue max-size-buffers=2 leaky=downstream ! videoconvert ! "
    "vp8enc deadline=1 cpu-used=8 target-bitrate=600000 keyframe-max-dist=40 "
    "error-resilient=partitions ! rtpvp8pay pt=96 picture-id-mode=15-bit ! "
    "application/x-rtp,media=video,encoding-name=VP8,payload=96,clock-rate=90000 ! webrtc. "
    "split. ! queue max-size-buffers=1 leaky=downstream ! videoconvert ! "
    "video/x-raw,format=BGRA ! appsink name=frames sync=false max-buffers=1 drop=true "
    "%s ! audioconvert ! audioresample ! volume name=microphone ! opusenc ! rtpopuspay pt=111 ! "
    "application/x-rtp,media=audio,encoding-name=OPUS,payload=111,clock-rate=48000 ! webrtc. ",
    video_source, SEND_WIDTH, SEND_HEIGHT, audio_source);
}

/* A real call needs a camera and a microphone; the test picture does not. */
static gboolean
check_devices (EscaleCallPeerRole role, const EscaleCallMedia *media, GError **error)
{
  if (role != ESCALE_CALL_PEER_SEND || media->test_pattern)
    return TRUE;
  if (!has_device ("Video/Source"))
    {
      g_set_error (error, ESCALE_CALL_ERROR, ESCALE_CALL_ERROR_NO_CAMERA,
                   "no camera found on this computer");
      return FALSE;
    }
  if (!has_device ("Audio/Source"))
    {
      g_set_error (error, ESCALE_CALL_ERROR, ESCALE_CALL_ERROR_NO_MICROPHONE,
                   "no microphone found on this computer");
      return FALSE;
    }
  return TRUE;
}

/* The sender's whole pipeline, or a bare webrtcbin for the receiver (its
 * decoding branches are added as the family's streams arrive). */
static GstElement *
build_pipeline (EscaleCallPeerRole role, const EscaleCallMedia *media, GError **error)
{
  g_autoptr(GError) parse_error = NULL;
  GstElement *pipeline;

  if (role == ESCALE_CALL_PEER_SEND)
    {
      g_autofree char *description = send_description (media);

      pipeline = gst_parse_launch (description, &parse_error);
    }
  else
    {
      GstElement *webrtc = gst_element_factory_make ("webrtcbin", "webrtc");

      pipeline = gst_pipeline_new (NULL);
      if (webrtc != NULL)
        {
          gst_util_set_object_arg (G_OBJECT (webrtc), "bundle-policy", "max-bundle");
          gst_bin_add (GST_BIN (pipeline), webrtc);
        }
    }
  if (pipeline == NULL || parse_error != NULL || !GST_IS_BIN (pipeline))
    {
      g_clear_object (&pipeline);
      g_set_error (error, ESCALE_CALL_ERROR, ESCALE_CALL_ERROR_MEDIA,
                   "cannot build the call pipeline: %s",
                   parse_error != NULL ? parse_error->message : "unknown");
      return NULL;
    }
  return pipeline;
}

static void
configure_ice (EscaleCallPeer *self, const EscaleCallMedia *media)
{
  g_autoptr(GstObject) ice = NULL;
  g_autoptr(GObject) agent = NULL;

  if (media->stun_server != NULL)
    g_object_set (self->webrtc, "stun-server", media->stun_server, NULL);
  if (media->turn_server != NULL)
    g_object_set (self->webrtc, "turn-server", media->turn_server, NULL);

  g_object_get (self->webrtc, "ice-agent", &ice, NULL);
  if (ice != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (ice), "agent"))
    g_object_get (ice, "agent", &agent, NULL);
  if (agent != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (agent), "upnp"))
    g_object_set (agent, "upnp", FALSE, NULL);
  /* libnice skips loopback addresses: an address given here is used alone. */
  if (ice != NULL && media->local_address != NULL)
    {
      gboolean added = FALSE;

      g_signal_emit_by_name (ice, "add-local-ip-address", media->local_address, &added);
    }
}

static void
connect_webrtc (EscaleCallPeer *self)
{
  g_autoptr(GstBus) bus = gst_element_get_bus (self->pipeline);

  g_signal_connect_object (self->webrtc, "on-negotiation-needed",
                           G_CALLBACK (negotiation_needed_cb), self, 0);
  g_signal_connect_object (self->webrtc, "on-ice-candidate", G_CALLBACK (ice_candidate_cb), self,
                           0);
  g_signal_connect_object (self->webrtc, "notify::ice-gathering-state",
                           G_CALLBACK (ice_gathering_state_cb), self, 0);
  g_signal_connect_object (self->webrtc, "notify::ice-connection-state",
                           G_CALLBACK (ice_connection_state_cb), self, 0);
  if (self->role == ESCALE_CALL_PEER_RECEIVE)
    g_signal_connect_object (self->webrtc, "pad-added", G_CALLBACK (webrtc_pad_cb), self, 0);
  else
    {
      g_autoptr(GstElement) sink = gst_bin_get_by_name (GST_BIN (self->pipeline), "frames");
      g_autoptr(GstElement) blank = gst_bin_get_by_name (GST_BIN (self->pipeline), "blank");
      g_autoptr(GstPad) camera_pad = gst_element_get_static_pad (blank, "src");

      attach_frame_sink (self, sink);
      /* After the camera switch: a photo shows even with the camera off;
       * before the tee: the self-view shows what the family sees. */
      self->picture = escale_call_picture_new (SEND_WIDTH, SEND_HEIGHT);
      escale_call_picture_attach (self->picture, camera_pad);
    }
  self->bus_watch = gst_bus_add_watch (bus, bus_message_cb, self);
}

/* GStreamer starts new streaming threads for each call, and glibc gives
 * each new thread that allocates a malloc arena of its own (up to 8 per
 * core) and gives little of their freed memory back: without a limit the
 * kiosk grew by ~12 MiB with each call (bench/RESULTS.md). The deployed
 * units set MALLOC_ARENA_MAX=2; this sets the same limit however Escale was
 * started (its desktop file, a developer), unless that variable is set.
 * When the program loads, before any thread: glibc settles its limit once
 * it has made 8 arenas, which GTK's and WebKit's threads do long before a
 * visitor makes a call (set at the first call, it changed nothing). */
__attribute__ ((constructor)) static void
limit_malloc_arenas (void)
{
  if (g_getenv ("MALLOC_ARENA_MAX") == NULL)
    mallopt (M_ARENA_MAX, 2);
}

EscaleCallPeer *
escale_call_peer_new (EscaleCallPeerRole role, const EscaleCallMedia *media, GError **error)
{
  g_autoptr(EscaleCallPeer) self = NULL;
  GstElement *pipeline;

  if (!gst_is_initialized ())
    gst_init (NULL, NULL);
  if (!check_devices (role, media, error))
    return NULL;

  self = g_object_new (ESCALE_TYPE_CALL_PEER, NULL);
  self->role = role;
  escale_call_media_copy (media, &self->media);
  pipeline = build_pipeline (role, media, error);
  if (pipeline == NULL)
    return NULL;
  self->pipeline = gst_object_ref_sink (pipeline);
  g_atomic_int_add (&live_pipelines, 1);
  self->webrtc = gst_bin_get_by_name (GST_BIN (pipeline), "webrtc");
  configure_ice (self, media);
  connect_webrtc (self);
  return g_steal_pointer (&self);
}

gboolean
escale_call_peer_start (EscaleCallPeer *self, GError **error)
{
  g_return_val_if_fail (self->pipeline != NULL, FALSE);

  if (gst_element_set_state (self->pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE)
    {
      g_set_error (error, ESCALE_CALL_ERROR,
                   self->media.test_pattern ? ESCALE_CALL_ERROR_MEDIA
                                            : ESCALE_CALL_ERROR_NO_CAMERA,
                   "the call pipeline does not start");
      return FALSE;
    }
  return TRUE;
}

static void
remote_set_cb (GstPromise *promise, gpointer user_data)
{
  EscaleCallPeer *self = user_data;

  gst_promise_unref (promise);
  if (self->role == ESCALE_CALL_PEER_RECEIVE && self->webrtc != NULL)
    create_description (self);
}

/* The server's answer to our offer, or its offer of a family member's
 * streams (then the answer comes through "local-description"). */
void
escale_call_peer_set_remote (EscaleCallPeer *self, const char *type, const char *sdp)
{
  GstSDPMessage *message = NULL;
  GstWebRTCSessionDescription *description;
  GstPromise *promise;

  if (self->webrtc == NULL)
    return;
  if (gst_sdp_message_new_from_text (sdp, &message) != GST_SDP_OK)
    {
      g_signal_emit (self, signals[SIGNAL_FAILED], 0, "unreadable SDP from the server");
      return;
    }
  description = gst_webrtc_session_description_new (g_str_equal (type, "offer")
                                                      ? GST_WEBRTC_SDP_TYPE_OFFER
                                                      : GST_WEBRTC_SDP_TYPE_ANSWER,
                                                    message);
  promise = gst_promise_new_with_change_func (remote_set_cb, g_object_ref (self), g_object_unref);
  g_signal_emit_by_name (self->webrtc, "set-remote-description", description, promise);
  gst_webrtc_session_description_free (description);
}

void
escale_call_peer_set_microphone (EscaleCallPeer *self, gboolean on)
{
  g_autoptr(GstElement) volume = NULL;

  if (self->pipeline == NULL)
    return;
  volume = gst_bin_get_by_name (GST_BIN (self->pipeline), "microphone");
  if (volume != NULL)
    g_object_set (volume, "mute", !on, NULL);
}

/* Camera off sends and shows a black picture: the family sees that the
 * camera is off rather than a frozen face. */
void
escale_call_peer_set_camera (EscaleCallPeer *self, gboolean on)
{
  g_autoptr(GstElement) blank = NULL;

  if (self->pipeline == NULL)
    return;
  blank = gst_bin_get_by_name (GST_BIN (self->pipeline), "blank");
  if (blank != NULL)
    g_object_set (blank, "brightness", on ? 0.0 : -1.0, "contrast", on ? 1.0 : 0.0, "saturation",
                  on ? 1.0 : 0.0, NULL);
}

guint64
escale_call_peer_get_n_frames (EscaleCallPeer *self)
{
  return self->n_frames;
}

/* Sends @argb32 (see escale_call_picture_show ()) in place of the camera
 * until escale_call_peer_show_camera (); the sender only. */
gboolean
escale_call_peer_show_picture (EscaleCallPeer *self, GBytes *argb32, int width, int height,
                               int stride, GError **error)
{
  if (self->picture == NULL || self->pipeline == NULL)
    {
      g_set_error_literal (error, ESCALE_CALL_ERROR, ESCALE_CALL_ERROR_MEDIA,
                           "only a running sender can show a picture");
      return FALSE;
    }
  return escale_call_picture_show (self->picture, argb32, width, height, stride, error);
}

void
escale_call_peer_show_camera (EscaleCallPeer *self)
{
  if (self->picture != NULL)
    escale_call_picture_clear (self->picture);
}
