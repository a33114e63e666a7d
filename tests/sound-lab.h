/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A real PulseAudio server of the test's own (the protocol PipeWire's
 * pipewire-pulse speaks too) with one null sink: sound is played in real
 * time and goes nowhere. sound_lab_start () points PULSE_SERVER at it, so
 * GStreamer's autoaudiosink, as the kiosk uses it, plays there: call it at
 * the start of main (), before any thread. */
typedef struct _SoundLab SoundLab;

SoundLab *sound_lab_start (void);
guint sound_lab_count_streams (SoundLab *lab);
void sound_lab_wait_streams (SoundLab *lab, guint n);
void sound_lab_stop (SoundLab *lab);

G_END_DECLS
