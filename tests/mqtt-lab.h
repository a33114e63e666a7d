/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A private mosquitto for help tests: Debian's broker on 127.0.0.1 and a
 * free port, with data/mosquitto/escale-acl (the example centres copy) and
 * a password file with the users "poste-1", "poste-2", "poste-3",
 * "board" and "observer", who may read every topic of every site (each
 * user's password is "pw-" and its name). No persistence:
 * a restart forgets every retained message, as a broker whose disk was
 * lost would. Stopped and restarted by the test, on the same port. */

typedef struct _MqttLab MqttLab;

MqttLab *mqtt_lab_new (void);
MqttLab *mqtt_lab_new_full (gboolean tls);
guint mqtt_lab_get_port (MqttLab *lab);
void mqtt_lab_start (MqttLab *lab);
void mqtt_lab_stop (MqttLab *lab);
char *mqtt_lab_write_config (MqttLab *lab, const char *kiosk, const char *extra);
void mqtt_lab_free (MqttLab *lab);
gboolean mqtt_lab_wait_for (gboolean (*done) (gpointer data), gpointer data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MqttLab, mqtt_lab_free)

G_END_DECLS
