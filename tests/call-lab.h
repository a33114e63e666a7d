/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A private network for call tests: the test process moves into a network
 * namespace of its own (gone when the process and its children exit, even
 * after a crash), with a veth carrying 127.0.0.2 (Janus and libnice skip
 * loopback interfaces), and runs Janus there with a config in a temp dir. */

#define CALL_LAB_ADDRESS "127.0.0.2"
#define CALL_LAB_JANUS_URL "ws://127.0.0.2:8188/"

void call_lab_enter_network (void);
void call_lab_start_janus (const char *tmp_dir);
void call_lab_stop_janus (void);
void call_lab_wait_for (gboolean (*condition) (gpointer), gpointer data, const char *what);
GSubprocess *call_lab_spawn (GError **error, const char *const *argv);
void call_lab_kill_group (GSubprocess *process);

void call_lab_start_family_server (void);
char *call_lab_family_url (const char *code);
void call_lab_start_chromium (const char *tmp_dir, const char *url);
void call_lab_stop_chromium (void);
char *call_lab_eval (const char *expression);
void call_lab_page_screenshot (const char *path);

GBytes *call_lab_plain_picture (guint32 rgb, int width, int height, gboolean *freed);
void call_lab_mean_colour (GBytes *frame, int width, int height, int stride, double rgb[3]);
gboolean call_lab_is_red (const double rgb[3]);
gboolean call_lab_is_test_pattern (const double rgb[3]);

G_END_DECLS
