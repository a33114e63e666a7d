/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The requests of Janus's videoroom plugin that a call uses, as JSON bodies
 * (transfer full), and what a call reads from its events. */
void escale_videoroom_new_room (guint64 *room, char **secret);
JsonNode *escale_videoroom_create (guint64 room, const char *secret);
JsonNode *escale_videoroom_destroy (guint64 room, const char *secret);
JsonNode *escale_videoroom_join_publisher (guint64 room);
JsonNode *escale_videoroom_join_subscriber (guint64 room, guint64 private_id, guint64 feed);
JsonNode *escale_videoroom_configure (void);
JsonNode *escale_videoroom_start (guint64 room);
guint64 escale_videoroom_other_publisher (JsonObject *data, guint64 me);

G_END_DECLS
