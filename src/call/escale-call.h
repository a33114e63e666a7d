/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "escale-call-peer.h"

G_BEGIN_DECLS

typedef enum
{
  ESCALE_CALL_STATE_IDLE,       /* nothing started, or only the camera preview */
  ESCALE_CALL_STATE_CONNECTING, /* reaching the call server, making or joining the room */
  ESCALE_CALL_STATE_WAITING,    /* in the room, the family is not there (yet, or any more) */
  ESCALE_CALL_STATE_IN_CALL,    /* the family's picture arrives */
  ESCALE_CALL_STATE_ENDED,      /* hung up, or stopped by a problem */
} EscaleCallState;

typedef enum
{
  ESCALE_CALL_PROBLEM_NONE,
  ESCALE_CALL_PROBLEM_WRONG_CODE,         /* no room with this code */
  ESCALE_CALL_PROBLEM_ROOM_FULL,          /* the room has all its people */
  ESCALE_CALL_PROBLEM_SERVER_UNREACHABLE, /* the call server does not answer */
  ESCALE_CALL_PROBLEM_CONNECTION_LOST,    /* the server or the network went away mid-call */
  ESCALE_CALL_PROBLEM_PEER_LEFT,          /* the family hung up (the room stays open) */
  ESCALE_CALL_PROBLEM_NO_CAMERA,
  ESCALE_CALL_PROBLEM_NO_MICROPHONE,
  ESCALE_CALL_PROBLEM_MEDIA, /* our own camera or sound could not start */
} EscaleCallProblem;

#define ESCALE_TYPE_CALL (escale_call_get_type ())
G_DECLARE_FINAL_TYPE (EscaleCall, escale_call, ESCALE, CALL, GObject)

EscaleCall *escale_call_new (const char *server_url, const EscaleCallMedia *media);

gboolean escale_call_start_preview (EscaleCall *self);
void escale_call_create_room (EscaleCall *self);
void escale_call_join_room (EscaleCall *self, const char *code);
void escale_call_hang_up (EscaleCall *self);

EscaleCallState escale_call_get_state (EscaleCall *self);
EscaleCallProblem escale_call_get_problem (EscaleCall *self);
const char *escale_call_get_code (EscaleCall *self);
gboolean escale_call_get_microphone (EscaleCall *self);
void escale_call_set_microphone (EscaleCall *self, gboolean on);
gboolean escale_call_get_camera (EscaleCall *self);
void escale_call_set_camera (EscaleCall *self, gboolean on);
gboolean escale_call_show_picture (EscaleCall *self, GBytes *argb32, int width, int height,
                                   int stride, GError **error);
void escale_call_show_camera (EscaleCall *self);
gboolean escale_call_get_showing_picture (EscaleCall *self);
guint64 escale_call_get_n_remote_frames (EscaleCall *self);
guint64 escale_call_get_n_local_frames (EscaleCall *self);
gboolean escale_call_was_connected (EscaleCall *self);

gboolean escale_call_is_closed (EscaleCall *self);
gboolean escale_call_code_is_valid (const char *code);

G_END_DECLS
