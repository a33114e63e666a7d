/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ESCALE_VOICE_ERROR (escale_voice_error_quark ())
GQuark escale_voice_error_quark (void);

typedef enum
{
  ESCALE_VOICE_ERROR_NO_VOICE, /* espeak-ng or its voice for the language is missing */
  ESCALE_VOICE_ERROR_NO_AUDIO, /* no sound server nor sound card to play on */
} EscaleVoiceError;

typedef enum
{
  ESCALE_VOICE_RATE_NORMAL,
  ESCALE_VOICE_RATE_SLOW,
} EscaleVoiceRate;

#define ESCALE_TYPE_VOICE (escale_voice_get_type ())
G_DECLARE_FINAL_TYPE (EscaleVoice, escale_voice, ESCALE, VOICE, GObject)

EscaleVoice *escale_voice_new (const char *language, const char *audio_sink);

void escale_voice_speak (EscaleVoice *self, const char *text);
void escale_voice_stop (EscaleVoice *self);
void escale_voice_reset (EscaleVoice *self);

gboolean escale_voice_get_speaking (EscaleVoice *self);
gboolean escale_voice_get_active (EscaleVoice *self);
void escale_voice_set_active (EscaleVoice *self, gboolean active);
EscaleVoiceRate escale_voice_get_rate (EscaleVoice *self);
void escale_voice_set_rate (EscaleVoice *self, EscaleVoiceRate rate);
gboolean escale_voice_get_available (EscaleVoice *self);
const GError *escale_voice_get_problem (EscaleVoice *self);
const char *escale_voice_get_text (EscaleVoice *self);
const char *escale_voice_get_spoken_language (EscaleVoice *self);
guint escale_voice_rate_words_per_minute (EscaleVoiceRate rate);

G_END_DECLS
