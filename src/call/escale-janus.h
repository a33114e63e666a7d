/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define ESCALE_JANUS_ERROR (escale_janus_error_quark ())
GQuark escale_janus_error_quark (void);

typedef enum
{
  ESCALE_JANUS_ERROR_UNREACHABLE,  /* no server at the URL, or it went away */
  ESCALE_JANUS_ERROR_NO_SUCH_ROOM, /* the videoroom does not know this room */
  ESCALE_JANUS_ERROR_ROOM_EXISTS,  /* a room with this number already exists */
  ESCALE_JANUS_ERROR_ROOM_FULL,    /* too many people in the room */
  ESCALE_JANUS_ERROR_FAILED,       /* any other error the server gave */
  ESCALE_JANUS_ERROR_TIMED_OUT,    /* the server did not answer */
} EscaleJanusError;

#define ESCALE_TYPE_JANUS (escale_janus_get_type ())
G_DECLARE_FINAL_TYPE (EscaleJanus, escale_janus, ESCALE, JANUS, GObject)

EscaleJanus *escale_janus_new (const char *url);

void escale_janus_connect_async (EscaleJanus *self, GCancellable *cancellable,
                                 GAsyncReadyCallback callback, gpointer user_data);
gboolean escale_janus_connect_finish (EscaleJanus *self, GAsyncResult *result, GError **error);

void escale_janus_attach_async (EscaleJanus *self, const char *plugin, GCancellable *cancellable,
                                GAsyncReadyCallback callback, gpointer user_data);
guint64 escale_janus_attach_finish (EscaleJanus *self, GAsyncResult *result, GError **error);

void escale_janus_message_async (EscaleJanus *self, guint64 handle, JsonNode *body,
                                 const char *jsep_type, const char *jsep_sdp,
                                 GCancellable *cancellable, GAsyncReadyCallback callback,
                                 gpointer user_data);
JsonObject *escale_janus_message_finish (EscaleJanus *self, GAsyncResult *result, char **jsep_sdp,
                                         GError **error);

void escale_janus_trickle (EscaleJanus *self, guint64 handle, guint mline_index,
                           const char *candidate);
void escale_janus_detach (EscaleJanus *self, guint64 handle);
void escale_janus_close (EscaleJanus *self);
gboolean escale_janus_is_connected (EscaleJanus *self);

G_END_DECLS
