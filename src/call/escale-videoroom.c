/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <sys/random.h>

#include "escale-videoroom.h"

/* A fresh room: a 6-digit number (the code people read out) and a random
 * secret that only this kiosk knows, needed to destroy the room. */
void
escale_videoroom_new_room (guint64 *room, char **secret)
{
  guint8 bytes[16];
  guint32 number;
  GString *text = g_string_new (NULL);

  if (getrandom (bytes, sizeof bytes, 0) != sizeof bytes)
    for (guint i = 0; i < sizeof bytes; i++)
      bytes[i] = (guint8) g_random_int ();
  for (guint i = 0; i < sizeof bytes; i++)
    g_string_append_printf (text, "%02x", bytes[i]);
  memcpy (&number, bytes, sizeof number);
  *room = 100000 + number % 900000;
  *secret = g_string_free (text, FALSE);
}

static JsonBuilder *
begin (const char *request, guint64 room)
{
  JsonBuilder *builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "request");
  json_builder_add_string_value (builder, request);
  if (room != 0)
    {
      json_builder_set_member_name (builder, "room");
      json_builder_add_int_value (builder, (gint64) room);
    }
  return builder;
}

static JsonNode *
end (JsonBuilder *builder)
{
  JsonNode *node;

  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  g_object_unref (builder);
  return node;
}

static void
add_string (JsonBuilder *builder, const char *name, const char *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_int (JsonBuilder *builder, const char *name, gint64 value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_bool (JsonBuilder *builder, const char *name, gboolean value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, value);
}

/* A private, temporary room for the kiosk and at most two family members. */
JsonNode *
escale_videoroom_create (guint64 room, const char *secret)
{
  JsonBuilder *builder = begin ("create", room);

  add_string (builder, "secret", secret);
  add_bool (builder, "is_private", TRUE);
  add_bool (builder, "permanent", FALSE);
  add_int (builder, "publishers", 3);
  add_string (builder, "audiocodec", "opus");
  add_string (builder, "videocodec", "vp8");
  return end (builder);
}

JsonNode *
escale_videoroom_destroy (guint64 room, const char *secret)
{
  JsonBuilder *builder = begin ("destroy", room);

  add_string (builder, "secret", secret);
  return end (builder);
}

JsonNode *
escale_videoroom_join_publisher (guint64 room)
{
  JsonBuilder *builder = begin ("join", room);

  add_string (builder, "ptype", "publisher");
  add_string (builder, "display", "escale");
  return end (builder);
}

JsonNode *
escale_videoroom_join_subscriber (guint64 room, guint64 private_id, guint64 feed)
{
  JsonBuilder *builder = begin ("join", room);

  add_string (builder, "ptype", "subscriber");
  add_int (builder, "private_id", (gint64) private_id);
  json_builder_set_member_name (builder, "streams");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  add_int (builder, "feed", (gint64) feed);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  return end (builder);
}

JsonNode *
escale_videoroom_configure (void)
{
  JsonBuilder *builder = begin ("configure", 0);

  add_bool (builder, "audio", TRUE);
  add_bool (builder, "video", TRUE);
  return end (builder);
}

JsonNode *
escale_videoroom_start (guint64 room)
{
  return end (begin ("start", room));
}

/* The first publisher of a "publishers" list that is not @me, or 0. */
guint64
escale_videoroom_other_publisher (JsonObject *data, guint64 me)
{
  JsonNode *node = json_object_get_member (data, "publishers");
  JsonArray *publishers;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return 0;
  publishers = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (publishers); i++)
    {
      JsonObject *publisher = json_array_get_object_element (publishers, i);
      guint64 id = (guint64) json_object_get_int_member_with_default (publisher, "id", 0);

      if (id != 0 && id != me)
        return id;
    }
  return 0;
}
