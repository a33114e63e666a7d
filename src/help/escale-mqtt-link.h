/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "escale-help-settings.h"

G_BEGIN_DECLS

typedef enum
{
  ESCALE_MQTT_OFF,         /* no broker configured */
  ESCALE_MQTT_CONNECTING,  /* first attempt under way */
  ESCALE_MQTT_CONNECTED,   /* subscribed, retained topics published */
  ESCALE_MQTT_UNREACHABLE, /* no answer, or the link was lost: retrying */
  ESCALE_MQTT_REFUSED,     /* the broker refused the credentials: retrying */
} EscaleMqttStatus;

#define ESCALE_TYPE_MQTT_LINK (escale_mqtt_link_get_type ())
G_DECLARE_FINAL_TYPE (EscaleMqttLink, escale_mqtt_link, ESCALE, MQTT_LINK, GObject)

EscaleMqttLink *escale_mqtt_link_new (const EscaleHelpSettings *settings, const char *client_id);
void escale_mqtt_link_set_will (EscaleMqttLink *self, const char *topic, const char *payload);
void escale_mqtt_link_subscribe (EscaleMqttLink *self, const char *pattern);
void escale_mqtt_link_start (EscaleMqttLink *self);
void escale_mqtt_link_set_retained (EscaleMqttLink *self, const char *topic, const char *payload);
void escale_mqtt_link_publish (EscaleMqttLink *self, const char *topic, const char *payload,
                               gboolean retain);
EscaleMqttStatus escale_mqtt_link_get_status (EscaleMqttLink *self);

G_END_DECLS
