/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "escale-call.h"
#include "escale-janus.h"

G_BEGIN_DECLS

/* Shared by escale-call.c and escale-call-receive.c only. */

#define VIDEOROOM "janus.plugin.videoroom"

struct _EscaleCall
{
  GObject parent_instance;

  char *server_url;
  EscaleCallMedia media;

  EscaleCallState state;
  EscaleCallProblem problem;
  gboolean microphone;
  gboolean camera;
  gboolean showing_picture;

  EscaleJanus *janus;
  GCancellable *cancellable;
  EscaleCallPeer *sender;
  EscaleCallPeer *receiver;

  char *code;
  guint64 room;
  char *secret; /* set only when we made the room */
  guint create_attempts;
  guint64 publish_handle;
  guint64 subscribe_handle;
  guint64 spare_handle; /* attached early, so that subscribing is one step */
  gboolean spare_coming;
  guint64 my_feed;
  guint64 remote_feed;

  char *offer;           /* our offer, kept until the room is joined */
  GPtrArray *candidates; /* "index\ncandidate" kept until the offer is sent */
  gboolean offer_sent;
  gboolean subscribed;

  guint64 n_remote_frames;
  gboolean was_connected;
};

void _escale_call_set_state (EscaleCall *self, EscaleCallState state, EscaleCallProblem problem);
void _escale_call_end_with (EscaleCall *self, EscaleCallProblem problem);
gboolean _escale_call_step_failed (EscaleCall *self, GError *error);
void _escale_call_emit_remote_frame (EscaleCall *self, GBytes *frame, int width, int height,
                                     int stride);
void _escale_call_peer_failed_cb (EscaleCallPeer *peer, const char *reason, gpointer user_data);
void _escale_call_attach_spare (EscaleCall *self);
void _escale_call_subscribe (EscaleCall *self, JsonObject *data);
void _escale_call_drop_receiver (EscaleCall *self);

G_END_DECLS
