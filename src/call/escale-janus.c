/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-call"

#include <libsoup/soup.h>

#include "escale-janus.h"

/* A client of the Janus WebRTC server's JSON API over a WebSocket: one Janus
 * session, plugin handles, requests matched to their answers by transaction,
 * keepalives. Asynchronous plugin events arrive as the "event" signal; the
 * "lost" signal says the server went away. Nothing is logged about rooms or
 * people; nothing is written anywhere. */
struct _EscaleJanus
{
  GObject parent_instance;

  char *url;
  SoupSession *session;
  SoupWebsocketConnection *ws;
  guint64 session_id;
  GHashTable *pending; /* transaction -> GTask */
  guint keepalive_id;
  gboolean closing;
};

enum
{
  SIGNAL_EVENT,
  SIGNAL_LOST,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (EscaleJanus, escale_janus, G_TYPE_OBJECT)
/* The name has dashes, which clang-format would space out. */
/* clang-format off */
G_DEFINE_QUARK (escale-janus-error-quark, escale_janus_error)
/* clang-format on */

#define KEEPALIVE_SEC 20
#define ANSWER_TIMEOUT_SEC 15

/* What a pending request waits for. */
typedef enum
{
  WAIT_SESSION, /* "success" with data.id: the session */
  WAIT_HANDLE,  /* "success" with data.id: a handle */
  WAIT_PLUGIN,  /* "success" or "event" with plugindata */
} WaitKind;

typedef struct
{
  WaitKind kind;
  guint timeout_id;
  char *transaction;
} Pending;

static void
pending_free (gpointer data)
{
  Pending *pending = data;

  g_clear_handle_id (&pending->timeout_id, g_source_remove);
  g_free (pending->transaction);
  g_free (pending);
}

static void
fail_all_pending (EscaleJanus *self, GQuark domain, int code, const char *message)
{
  g_autoptr(GList) tasks = g_hash_table_get_values (self->pending);

  g_hash_table_steal_all (self->pending);
  for (GList *l = tasks; l != NULL; l = l->next)
    {
      GTask *task = l->data;

      g_task_return_new_error (task, domain, code, "%s", message);
      g_object_unref (task);
    }
}

static void
escale_janus_dispose (GObject *object)
{
  EscaleJanus *self = ESCALE_JANUS (object);

  escale_janus_close (self);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (escale_janus_parent_class)->dispose (object);
}

static void
escale_janus_finalize (GObject *object)
{
  EscaleJanus *self = ESCALE_JANUS (object);

  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_free (self->url);
  G_OBJECT_CLASS (escale_janus_parent_class)->finalize (object);
}

static void
escale_janus_class_init (EscaleJanusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = escale_janus_dispose;
  object_class->finalize = escale_janus_finalize;

  /* (handle, plugin data, SDP of an attached jsep or NULL) */
  signals[SIGNAL_EVENT] = g_signal_new ("event", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_UINT64,
                                        JSON_TYPE_OBJECT, G_TYPE_STRING);
  signals[SIGNAL_LOST] = g_signal_new ("lost", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                       NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
escale_janus_init (EscaleJanus *self)
{
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

EscaleJanus *
escale_janus_new (const char *url)
{
  EscaleJanus *self = g_object_new (ESCALE_TYPE_JANUS, NULL);

  self->url = g_strdup (url);
  return self;
}

gboolean
escale_janus_is_connected (EscaleJanus *self)
{
  return self->ws != NULL && self->session_id != 0 &&
         soup_websocket_connection_get_state (self->ws) == SOUP_WEBSOCKET_STATE_OPEN;
}

/* json-glib 1.6 (Debian 12) has no json_object_get_object_member_if_exists. */
static JsonObject *
member_object (JsonObject *object, const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static char *
new_transaction (void)
{
  return g_strdup_printf ("%08x%08x", g_random_int (), g_random_int ());
}

static void
send_object (EscaleJanus *self, JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);
  g_autofree char *text = json_to_string (node, FALSE);

  if (self->ws != NULL &&
      soup_websocket_connection_get_state (self->ws) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_send_text (self->ws, text);
}

static JsonObject *
new_request (EscaleJanus *self, const char *verb, guint64 handle)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "janus", verb);
  if (self->session_id != 0)
    json_object_set_int_member (object, "session_id", (gint64) self->session_id);
  if (handle != 0)
    json_object_set_int_member (object, "handle_id", (gint64) handle);
  return object;
}

static gboolean
answer_timeout_cb (gpointer data)
{
  GTask *task = data;
  EscaleJanus *self = g_task_get_source_object (task);
  Pending *pending = g_task_get_task_data (task);
  g_autofree char *transaction = g_strdup (pending->transaction);

  pending->timeout_id = 0;
  if (g_hash_table_steal (self->pending, transaction))
    {
      g_task_return_new_error (task, ESCALE_JANUS_ERROR, ESCALE_JANUS_ERROR_TIMED_OUT,
                               "the call server did not answer");
      g_object_unref (task);
    }
  return G_SOURCE_REMOVE;
}

/* Sends @request (consumed) and keeps @task until its answer comes. */
static void
send_request (EscaleJanus *self, JsonObject *request, WaitKind kind, GTask *task)
{
  Pending *pending = g_new0 (Pending, 1);

  if (self->ws == NULL)
    {
      g_task_return_new_error (task, ESCALE_JANUS_ERROR, ESCALE_JANUS_ERROR_UNREACHABLE,
                               "not connected to the call server");
      g_object_unref (task);
      json_object_unref (request);
      pending_free (pending);
      return;
    }
  pending->kind = kind;
  pending->transaction = new_transaction ();
  pending->timeout_id = g_timeout_add_seconds (ANSWER_TIMEOUT_SEC, answer_timeout_cb, task);
  g_task_set_task_data (task, pending, pending_free);
  json_object_set_string_member (request, "transaction", pending->transaction);
  g_hash_table_insert (self->pending, g_strdup (pending->transaction), task);
  send_object (self, request);
  json_object_unref (request);
}

static gboolean
send_keepalive_cb (gpointer data)
{
  EscaleJanus *self = data;
  g_autofree char *transaction = new_transaction ();
  JsonObject *request = new_request (self, "keepalive", 0);

  json_object_set_string_member (request, "transaction", transaction);
  send_object (self, request);
  json_object_unref (request);
  return G_SOURCE_CONTINUE;
}

static GError *
plugin_error (JsonObject *data)
{
  gint64 code = json_object_get_int_member_with_default (data, "error_code", 0);
  int ours = ESCALE_JANUS_ERROR_FAILED;

  /* The videoroom plugin's codes: 426 no such room, 427 room exists,
   * 432 too many publishers. */
  if (code == 426)
    ours = ESCALE_JANUS_ERROR_NO_SUCH_ROOM;
  else if (code == 427)
    ours = ESCALE_JANUS_ERROR_ROOM_EXISTS;
  else if (code == 432)
    ours = ESCALE_JANUS_ERROR_ROOM_FULL;
  /* Not the error text: it names the room, i.e. the code a person typed. */
  return g_error_new (ESCALE_JANUS_ERROR, ours, "videoroom error %" G_GINT64_FORMAT, code);
}

static const char *
jsep_sdp (JsonObject *message)
{
  JsonObject *jsep = member_object (message, "jsep");

  return jsep != NULL ? json_object_get_string_member_with_default (jsep, "sdp", NULL) : NULL;
}

static JsonObject *
plugin_data (JsonObject *message)
{
  JsonObject *plugindata = member_object (message, "plugindata");

  return plugindata != NULL ? member_object (plugindata, "data") : NULL;
}

typedef struct
{
  JsonObject *data;
  char *sdp;
} PluginAnswer;

static void
plugin_answer_free (gpointer data)
{
  PluginAnswer *answer = data;

  g_clear_pointer (&answer->data, json_object_unref);
  g_free (answer->sdp);
  g_free (answer);
}

static void
complete_pending (EscaleJanus *self, const char *verb, const char *transaction,
                  JsonObject *message)
{
  GTask *task = g_hash_table_lookup (self->pending, transaction);
  Pending *pending;
  JsonObject *data;

  if (task == NULL || g_str_equal (verb, "ack"))
    return;
  pending = g_task_get_task_data (task);
  g_hash_table_steal (self->pending, transaction);

  if (g_str_equal (verb, "error"))
    {
      JsonObject *error = member_object (message, "error");

      /* The reason can name the room: it is not kept in the message,
       * which the call logs. */
      g_task_return_new_error (task, ESCALE_JANUS_ERROR, ESCALE_JANUS_ERROR_FAILED,
                               "call server error %" G_GINT64_FORMAT,
                               error != NULL
                                 ? json_object_get_int_member_with_default (error, "code", 0)
                                 : 0);
    }
  else if (pending->kind == WAIT_SESSION || pending->kind == WAIT_HANDLE)
    {
      JsonObject *answer = member_object (message, "data");
      gint64 id = answer != NULL ? json_object_get_int_member_with_default (answer, "id", 0) : 0;

      if (id == 0)
        g_task_return_new_error (task, ESCALE_JANUS_ERROR, ESCALE_JANUS_ERROR_FAILED,
                                 "call server answer without an id");
      else
        g_task_return_int (task, id);
    }
  else if ((data = plugin_data (message)) == NULL)
    g_task_return_new_error (task, ESCALE_JANUS_ERROR, ESCALE_JANUS_ERROR_FAILED,
                             "call server answer without plugin data");
  else if (json_object_has_member (data, "error_code"))
    g_task_return_error (task, plugin_error (data));
  else
    {
      PluginAnswer *answer = g_new0 (PluginAnswer, 1);

      answer->data = json_object_ref (data);
      answer->sdp = g_strdup (jsep_sdp (message));
      g_task_return_pointer (task, answer, plugin_answer_free);
    }
  g_object_unref (task);
}

static void
ws_message_cb (SoupWebsocketConnection *ws, int type, GBytes *bytes, gpointer user_data)
{
  EscaleJanus *self = user_data;
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize size;
  const char *text = g_bytes_get_data (bytes, &size);
  JsonNode *root;
  JsonObject *message;
  const char *verb;
  const char *transaction;

  if (!json_parser_load_from_data (parser, text, (gssize) size, NULL))
    return;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return;
  message = json_node_get_object (root);
  verb = json_object_get_string_member_with_default (message, "janus", "");
  transaction = json_object_get_string_member_with_default (message, "transaction", NULL);

  g_object_ref (self);
  if (transaction != NULL && g_hash_table_contains (self->pending, transaction))
    complete_pending (self, verb, transaction, message);
  else if (g_str_equal (verb, "event"))
    {
      JsonObject *data = plugin_data (message);
      guint64 sender = (guint64) json_object_get_int_member_with_default (message, "sender", 0);

      if (data != NULL)
        g_signal_emit (self, signals[SIGNAL_EVENT], 0, sender, data, jsep_sdp (message));
    }
  g_object_unref (self);
}

static void
ws_closed_cb (SoupWebsocketConnection *ws, gpointer user_data)
{
  EscaleJanus *self = user_data;
  gboolean expected = self->closing;

  g_object_ref (self);
  g_clear_handle_id (&self->keepalive_id, g_source_remove);
  g_signal_handlers_disconnect_by_data (self->ws, self);
  g_clear_object (&self->ws);
  self->session_id = 0;
  fail_all_pending (self, ESCALE_JANUS_ERROR, ESCALE_JANUS_ERROR_UNREACHABLE,
                    "the call server closed the connection");
  if (!expected)
    g_signal_emit (self, signals[SIGNAL_LOST], 0);
  g_object_unref (self);
}

static void
session_created_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GTask) task = user_data;
  EscaleJanus *self = g_task_get_source_object (task);
  GError *error = NULL;
  gssize id = g_task_propagate_int (G_TASK (result), &error);

  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  self->session_id = (guint64) id;
  self->keepalive_id = g_timeout_add_seconds (KEEPALIVE_SEC, send_keepalive_cb, self);
  g_task_return_boolean (task, TRUE);
}

static void
ws_connected_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GTask) task = user_data;
  EscaleJanus *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  GTask *create_task;

  self->ws = soup_session_websocket_connect_finish (SOUP_SESSION (source), result, &error);
  if (self->ws == NULL)
    {
      g_task_return_new_error (task, ESCALE_JANUS_ERROR, ESCALE_JANUS_ERROR_UNREACHABLE,
                               "cannot reach the call server: %s", error->message);
      return;
    }
  g_signal_connect (self->ws, "message", G_CALLBACK (ws_message_cb), self);
  g_signal_connect (self->ws, "closed", G_CALLBACK (ws_closed_cb), self);

  create_task =
    g_task_new (self, g_task_get_cancellable (task), session_created_cb, g_object_ref (task));
  send_request (self, new_request (self, "create", 0), WAIT_SESSION, create_task);
}

void
escale_janus_connect_async (EscaleJanus *self, GCancellable *cancellable,
                            GAsyncReadyCallback callback, gpointer user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(SoupMessage) message = NULL;
  const char *protocols[] = { "janus-protocol", NULL };

  g_return_if_fail (self->ws == NULL);
  message = soup_message_new (SOUP_METHOD_GET, self->url);
  if (message == NULL)
    {
      g_task_return_new_error (task, ESCALE_JANUS_ERROR, ESCALE_JANUS_ERROR_UNREACHABLE,
                               "not a call server address");
      g_object_unref (task);
      return;
    }
  if (self->session == NULL)
    self->session = soup_session_new_with_options ("timeout", 10, "idle-timeout", 10, NULL);
  self->closing = FALSE;
  soup_session_websocket_connect_async (self->session, message, NULL, (char **) protocols,
                                        G_PRIORITY_DEFAULT, cancellable, ws_connected_cb, task);
}

gboolean
escale_janus_connect_finish (EscaleJanus *self, GAsyncResult *result, GError **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
escale_janus_attach_async (EscaleJanus *self, const char *plugin, GCancellable *cancellable,
                           GAsyncReadyCallback callback, gpointer user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  JsonObject *request = new_request (self, "attach", 0);

  json_object_set_string_member (request, "plugin", plugin);
  send_request (self, request, WAIT_HANDLE, task);
}

guint64
escale_janus_attach_finish (EscaleJanus *self, GAsyncResult *result, GError **error)
{
  gssize id = g_task_propagate_int (G_TASK (result), error);

  return id > 0 ? (guint64) id : 0;
}

static JsonObject *
new_message (EscaleJanus *self, guint64 handle, JsonNode *body, const char *type, const char *sdp)
{
  JsonObject *request = new_request (self, "message", handle);

  json_object_set_member (request, "body", json_node_copy (body));
  if (sdp != NULL)
    {
      JsonObject *jsep = json_object_new ();

      json_object_set_string_member (jsep, "type", type);
      json_object_set_string_member (jsep, "sdp", sdp);
      json_object_set_object_member (request, "jsep", jsep);
    }
  return request;
}

void
escale_janus_message_async (EscaleJanus *self, guint64 handle, JsonNode *body,
                            const char *jsep_type, const char *jsep_sdp_text,
                            GCancellable *cancellable, GAsyncReadyCallback callback,
                            gpointer user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  send_request (self, new_message (self, handle, body, jsep_type, jsep_sdp_text), WAIT_PLUGIN,
                task);
}

/* Returns: (transfer full): the plugin's answer data; @jsep_sdp gets the SDP
 * the answer carried, if any. */
JsonObject *
escale_janus_message_finish (EscaleJanus *self, GAsyncResult *result, char **sdp, GError **error)
{
  PluginAnswer *answer = g_task_propagate_pointer (G_TASK (result), error);
  JsonObject *data;

  if (answer == NULL)
    return NULL;
  data = g_steal_pointer (&answer->data);
  if (sdp != NULL)
    *sdp = g_steal_pointer (&answer->sdp);
  plugin_answer_free (answer);
  return data;
}

void
escale_janus_trickle (EscaleJanus *self, guint64 handle, guint mline_index, const char *candidate)
{
  JsonObject *request = new_request (self, "trickle", handle);
  JsonObject *ice = json_object_new ();
  g_autofree char *transaction = new_transaction ();

  if (candidate != NULL)
    {
      json_object_set_string_member (ice, "candidate", candidate);
      json_object_set_int_member (ice, "sdpMLineIndex", mline_index);
    }
  else
    json_object_set_boolean_member (ice, "completed", TRUE);
  json_object_set_object_member (request, "candidate", ice);
  json_object_set_string_member (request, "transaction", transaction);
  send_object (self, request);
  json_object_unref (request);
}

void
escale_janus_detach (EscaleJanus *self, guint64 handle)
{
  JsonObject *request = new_request (self, "detach", handle);
  g_autofree char *transaction = new_transaction ();

  json_object_set_string_member (request, "transaction", transaction);
  send_object (self, request);
  json_object_unref (request);
}

/* Destroys the Janus session (which leaves every room and closes every
 * peer connection on the server's side) and closes the socket. */
void
escale_janus_close (EscaleJanus *self)
{
  g_clear_handle_id (&self->keepalive_id, g_source_remove);
  if (self->ws != NULL)
    {
      SoupWebsocketConnection *ws = self->ws;

      if (self->session_id != 0)
        {
          JsonObject *request = new_request (self, "destroy", 0);
          g_autofree char *transaction = new_transaction ();

          json_object_set_string_member (request, "transaction", transaction);
          send_object (self, request);
          json_object_unref (request);
        }
      self->closing = TRUE;
      self->ws = NULL;
      g_signal_handlers_disconnect_by_data (ws, self);
      if (soup_websocket_connection_get_state (ws) == SOUP_WEBSOCKET_STATE_OPEN)
        soup_websocket_connection_close (ws, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
      g_object_unref (ws);
    }
  self->session_id = 0;
  if (self->pending != NULL)
    fail_all_pending (self, G_IO_ERROR, G_IO_ERROR_CANCELLED, "the call was closed");
}
