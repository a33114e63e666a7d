/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "escale-voice.h"

G_BEGIN_DECLS

/* What a screen says aloud: a new string, or NULL for nothing. */
typedef char *(*EscaleListenReader) (gpointer user_data);

#define ESCALE_TYPE_LISTEN_BUTTON (escale_listen_button_get_type ())
G_DECLARE_FINAL_TYPE (EscaleListenButton, escale_listen_button, ESCALE, LISTEN_BUTTON, GtkWidget)

void escale_listen_button_set_voice (EscaleListenButton *self, EscaleVoice *voice);
void escale_listen_button_set_reader (EscaleListenButton *self, EscaleListenReader reader,
                                      gpointer user_data);
void escale_listen_button_screen_changed (EscaleListenButton *self);
GtkWidget *escale_listen_button_get_toggle (EscaleListenButton *self);
GtkWidget *escale_listen_button_get_rate_toggle (EscaleListenButton *self);
const char *escale_listen_button_get_message (EscaleListenButton *self);

char *escale_listen_join (const char *first, ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
