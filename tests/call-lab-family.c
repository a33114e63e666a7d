/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <signal.h>

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "call-lab.h"

/* The family's side for call tests: Escale's family page served by a local
 * SoupServer on 127.0.0.1, opened by Debian's headless Chromium (fake camera
 * and microphone), driven through the DevTools protocol. Everything runs in
 * the test's private network namespace. */

static SoupServer *server;
static guint server_port;
static GSubprocess *chromium;
static SoupSession *session;
static SoupWebsocketConnection *devtools;
static JsonNode *reply;
static guint next_id = 1;
static guint waited_id;

static void
serve_file (SoupServerMessage *message, const char *path, const char *type)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    {
      soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (message, type, SOUP_MEMORY_TAKE, g_steal_pointer (&contents),
                                    length);
}

static void
on_request (SoupServer *soup_server, SoupServerMessage *message, const char *path,
            GHashTable *query, gpointer user_data)
{
  const char *source_dir = g_getenv ("ESCALE_SOURCE_DIR");
  g_autofree char *family_dir = g_build_filename (source_dir, "data", "family", NULL);
  const char *name = strrchr (path, '/') + 1;
  g_autofree char *file = NULL;
  const char *type = "text/plain";

  if (g_str_equal (name, "janus.js"))
    file = g_strdup ("/usr/share/javascript/janus-gateway/janus.js");
  else if (g_str_equal (name, "adapter.js"))
    file = g_strdup ("/usr/share/javascript/webrtc-adapter/adapter.js");
  else if (g_str_equal (name, "index.html") || g_str_equal (name, "family.js") ||
           g_str_equal (name, "family.css") || g_str_equal (name, "config.js"))
    file = g_build_filename (family_dir, name, NULL);

  if (g_str_has_suffix (name, ".html"))
    type = "text/html; charset=utf-8";
  else if (g_str_has_suffix (name, ".js"))
    type = "text/javascript; charset=utf-8";
  else if (g_str_has_suffix (name, ".css"))
    type = "text/css; charset=utf-8";

  if (file == NULL)
    soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
  else
    serve_file (message, file, type);
}

void
call_lab_start_family_server (void)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_assert_nonnull (g_getenv ("ESCALE_SOURCE_DIR"));
  server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server, "/family", on_request, NULL, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  server_port = (guint) g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
}

char *
call_lab_family_url (const char *code)
{
  return g_strdup_printf ("http://127.0.0.1:%u/family/index.html?server=%s%s%s", server_port,
                          CALL_LAB_JANUS_URL, *code != '\0' ? "&code=" : "", code);
}

static gboolean
devtools_port_written (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static void
on_devtools_message (SoupWebsocketConnection *ws, int type, GBytes *bytes, gpointer user_data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize size;
  const char *text = g_bytes_get_data (bytes, &size);
  JsonObject *object;

  if (!json_parser_load_from_data (parser, text, (gssize) size, NULL))
    return;
  object = json_node_get_object (json_parser_get_root (parser));
  if (json_object_get_int_member_with_default (object, "id", 0) == waited_id)
    reply = json_node_copy (json_parser_get_root (parser));
}

static void
on_devtools_connected (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;

  devtools = soup_session_websocket_connect_finish (SOUP_SESSION (source), result, &error);
  g_assert_no_error (error);
  g_signal_connect (devtools, "message", G_CALLBACK (on_devtools_message), NULL);
}

static gboolean
devtools_ready (gpointer data)
{
  return devtools != NULL;
}

/* The page's DevTools WebSocket address, from Chromium's target list. */
static char *
find_page_target (guint port)
{
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/json/list", port);
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      g_autoptr(SoupMessage) message = soup_message_new (SOUP_METHOD_GET, url);
      g_autoptr(GBytes) body = soup_session_send_and_read (session, message, NULL, NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonArray *targets;

      if (body != NULL &&
          json_parser_load_from_data (parser, g_bytes_get_data (body, NULL),
                                      (gssize) g_bytes_get_size (body), NULL) &&
          JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
        {
          targets = json_node_get_array (json_parser_get_root (parser));
          for (guint i = 0; i < json_array_get_length (targets); i++)
            {
              JsonObject *target = json_array_get_object_element (targets, i);

              if (g_strcmp0 (json_object_get_string_member_with_default (target, "type", ""),
                             "page") == 0)
                return g_strdup (json_object_get_string_member (target, "webSocketDebuggerUrl"));
            }
        }
      g_usleep (100 * 1000);
    }
  g_error ("call lab: Chromium shows no page");
}

void
call_lab_start_chromium (const char *tmp_dir, const char *url)
{
  g_autofree char *profile = g_build_filename (tmp_dir, "chromium", NULL);
  g_autofree char *profile_arg = g_strconcat ("--user-data-dir=", profile, NULL);
  g_autofree char *port_file = g_build_filename (profile, "DevToolsActivePort", NULL);
  g_autofree char *port_text = NULL;
  g_autofree char *target = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupMessage) message = NULL;

  g_assert_null (chromium);
  chromium =
    call_lab_spawn (&error,
                    (const char *const[]){
                      "chromium",
                      "--headless=new",
                      "--no-sandbox",
                      "--disable-gpu",
                      profile_arg,
                      "--no-first-run",
                      "--no-default-browser-check",
                      "--disable-background-networking",
                      "--disable-component-update",
                      "--disable-sync",
                      "--disable-default-apps",
                      "--disable-extensions",
                      "--mute-audio",
                      "--window-size=1024,768",
                      "--use-fake-device-for-media-stream",
                      "--use-fake-ui-for-media-stream",
                      "--allow-loopback-in-peer-connection",
                      "--disable-features=WebRtcHideLocalIpsWithMdns,Translate,MediaRouter",
                      "--autoplay-policy=no-user-gesture-required",
                      "--remote-debugging-port=0",
                      "--remote-allow-origins=*",
                      url,
                      NULL });
  g_assert_no_error (error);

  call_lab_wait_for (devtools_port_written, port_file, "Chromium's DevTools port");
  while (port_text == NULL || strchr (port_text, '\n') == NULL)
    {
      g_clear_pointer (&port_text, g_free);
      g_file_get_contents (port_file, &port_text, NULL, NULL);
      g_usleep (20 * 1000);
    }

  if (session == NULL)
    session = soup_session_new ();
  target = find_page_target ((guint) g_ascii_strtoull (port_text, NULL, 10));
  message = soup_message_new (SOUP_METHOD_GET, target);
  soup_session_websocket_connect_async (session, message, NULL, NULL, G_PRIORITY_DEFAULT, NULL,
                                        on_devtools_connected, NULL);
  call_lab_wait_for (devtools_ready, NULL, "the DevTools connection");
}

void
call_lab_stop_chromium (void)
{
  if (devtools != NULL)
    {
      g_signal_handlers_disconnect_by_func (devtools, on_devtools_message, NULL);
      if (soup_websocket_connection_get_state (devtools) == SOUP_WEBSOCKET_STATE_OPEN)
        soup_websocket_connection_close (devtools, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
      g_clear_object (&devtools);
    }
  if (chromium != NULL)
    {
      g_autofree char *group = g_strdup_printf ("%s", g_subprocess_get_identifier (chromium));

      call_lab_kill_group (chromium);
      g_clear_object (&chromium);
      /* The group's last processes may still be going away: wait until no
       * process of the group is left, so that the profile can be removed. */
      for (guint i = 0; i < 200 && kill (-(pid_t) g_ascii_strtoll (group, NULL, 10), 0) == 0; i++)
        g_usleep (10 * 1000);
    }
}

static gboolean
has_reply (gpointer data)
{
  return reply != NULL;
}

/* Evaluates @expression in the family page; returns its value as text. */
char *
call_lab_eval (const char *expression)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) request = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) answer = NULL;
  JsonObject *result;
  JsonNode *value;

  waited_id = next_id++;
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, waited_id);
  json_builder_set_member_name (builder, "method");
  json_builder_add_string_value (builder, "Runtime.evaluate");
  json_builder_set_member_name (builder, "params");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "expression");
  json_builder_add_string_value (builder, expression);
  json_builder_set_member_name (builder, "returnByValue");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  request = json_builder_get_root (builder);
  text = json_to_string (request, FALSE);
  soup_websocket_connection_send_text (devtools, text);
  call_lab_wait_for (has_reply, NULL, "the family page's answer");
  answer = g_steal_pointer (&reply);

  result = json_object_get_object_member (json_node_get_object (answer), "result");
  result = json_object_get_object_member (result, "result");
  value = json_object_get_member (result, "value");
  if (value == NULL)
    return g_strdup ("");
  if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (value));
  return json_to_string (value, FALSE);
}

/* Saves what the family page shows as a PNG (for docs/screenshots). */
void
call_lab_page_screenshot (const char *path)
{
  g_autofree char *request = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *result;
  g_autofree guchar *png = NULL;
  gsize length = 0;

  waited_id = next_id++;
  request = g_strdup_printf ("{\"id\":%u,\"method\":\"Page.captureScreenshot\","
                             "\"params\":{\"format\":\"png\"}}",
                             waited_id);
  soup_websocket_connection_send_text (devtools, request);
  call_lab_wait_for (has_reply, NULL, "the family page's picture");
  answer = g_steal_pointer (&reply);
  result = json_object_get_object_member (json_node_get_object (answer), "result");
  png = g_base64_decode (json_object_get_string_member (result, "data"), &length);
  g_file_set_contents (path, (const char *) png, (gssize) length, &error);
  g_assert_no_error (error);
}
