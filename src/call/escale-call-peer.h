/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ESCALE_CALL_ERROR (escale_call_error_quark ())
GQuark escale_call_error_quark (void);

typedef enum
{
  ESCALE_CALL_ERROR_NO_CAMERA,     /* no camera on this PC */
  ESCALE_CALL_ERROR_NO_MICROPHONE, /* no microphone on this PC */
  ESCALE_CALL_ERROR_MEDIA,         /* GStreamer could not build or run the media */
} EscaleCallError;

/* How the media side of a call is set up: from the activity's [Call] keys. */
typedef struct
{
  gboolean test_pattern; /* a test picture and tone instead of camera and microphone */
  char *stun_server;     /* stun://host:port, or NULL */
  char *turn_server;     /* turn://user:password@host:port, or NULL */
  char *local_address;   /* the only local address ICE may use, or NULL for all */
} EscaleCallMedia;

void escale_call_media_clear (EscaleCallMedia *media);
void escale_call_media_copy (const EscaleCallMedia *from, EscaleCallMedia *to);

typedef enum
{
  ESCALE_CALL_PEER_SEND,    /* our camera and microphone, to the server */
  ESCALE_CALL_PEER_RECEIVE, /* a family member's picture and voice, from the server */
} EscaleCallPeerRole;

#define ESCALE_TYPE_CALL_PEER (escale_call_peer_get_type ())
G_DECLARE_FINAL_TYPE (EscaleCallPeer, escale_call_peer, ESCALE, CALL_PEER, GObject)

EscaleCallPeer *escale_call_peer_new (EscaleCallPeerRole role, const EscaleCallMedia *media,
                                      GError **error);
gboolean escale_call_peer_start (EscaleCallPeer *self, GError **error);
void escale_call_peer_set_remote (EscaleCallPeer *self, const char *type, const char *sdp);
void escale_call_peer_set_microphone (EscaleCallPeer *self, gboolean on);
void escale_call_peer_set_camera (EscaleCallPeer *self, gboolean on);
void escale_call_peer_stop (EscaleCallPeer *self);
gboolean escale_call_peer_show_picture (EscaleCallPeer *self, GBytes *argb32, int width,
                                        int height, int stride, GError **error);
void escale_call_peer_show_camera (EscaleCallPeer *self);
guint64 escale_call_peer_get_n_frames (EscaleCallPeer *self);
guint escale_call_peer_count_live_pipelines (void);

G_END_DECLS
