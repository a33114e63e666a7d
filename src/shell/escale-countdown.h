/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "escale-voice.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_COUNTDOWN (escale_countdown_get_type ())
G_DECLARE_FINAL_TYPE (EscaleCountdown, escale_countdown, ESCALE, COUNTDOWN, GtkWidget)

void escale_countdown_set_remaining (EscaleCountdown *self, guint seconds);
void escale_countdown_set_voice (EscaleCountdown *self, EscaleVoice *voice);
GtkWidget *escale_countdown_get_listen_button (EscaleCountdown *self);

G_END_DECLS
