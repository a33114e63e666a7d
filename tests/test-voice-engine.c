/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>
#include <string.h>

#include <glib/gstdio.h>
#include <gst/gst.h>

#include "escale-voice.h"
#include "sound-lab.h"

/* The voice of "Écouter": libespeak-ng's French voice, written to WAV
 * files through the same pipeline the kiosk plays through (only the sink
 * differs), and played on a real PulseAudio server (tests/sound-lab.c) to
 * be stopped. */

#define WAIT_SECONDS 60
#define SHORT_TEXT "Touchez le grand bouton vert pour commencer."
#define LONG_TEXT                                                                                 \
  "Touchez le grand bouton vert pour commencer. Ensuite, choisissez une photo, "                  \
  "puis touchez Imprimer en bas de l'écran."

typedef struct
{
  char *dir;
} Fixture;

typedef struct
{
  guint rate;
  guint channels;
  gsize n_samples;
  gint16 *samples;
} Wav;

/* Started before any thread: PULSE_SERVER is set in the environment. */
static SoundLab *lab;

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("escale-voice-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static void
wav_free (Wav *wav)
{
  g_free (wav->samples);
  g_free (wav);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Wav, wav_free)

static guint32
read_le32 (const guint8 *p)
{
  return p[0] | (p[1] << 8) | (p[2] << 16) | ((guint32) p[3] << 24);
}

/* RIFF/WAVE, 16-bit PCM: its "fmt " and "data" chunks. */
static Wav *
wav_load (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *bytes = NULL;
  gsize length = 0;
  gsize offset = 12;
  Wav *wav = g_new0 (Wav, 1);

  g_file_get_contents (path, (char **) &bytes, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 44);
  g_assert_cmpmem (bytes, 4, "RIFF", 4);
  g_assert_cmpmem (bytes + 8, 4, "WAVE", 4);
  while (offset + 8 <= length)
    {
      guint32 size = read_le32 (bytes + offset + 4);
      const guint8 *body = bytes + offset + 8;

      g_assert_cmpuint (offset + 8 + size, <=, length);
      if (memcmp (bytes + offset, "fmt ", 4) == 0)
        {
          g_assert_cmpuint (body[0] | (body[1] << 8), ==, 1); /* PCM */
          wav->channels = body[2] | (body[3] << 8);
          wav->rate = read_le32 (body + 4);
          g_assert_cmpuint (body[14] | (body[15] << 8), ==, 16);
        }
      else if (memcmp (bytes + offset, "data", 4) == 0)
        {
          wav->n_samples = size / 2;
          wav->samples = g_memdup2 (body, wav->n_samples * 2);
        }
      offset += 8 + size + (size & 1);
    }
  g_assert_cmpuint (wav->rate, >, 0);
  g_assert_cmpuint (wav->channels, ==, 1);
  g_assert_nonnull (wav->samples);
  return wav;
}

static double
wav_seconds (Wav *wav)
{
  return (double) wav->n_samples / wav->rate;
}

/* The share of 20 ms frames louder than a whisper: speech has a few pauses
 * between words, silence has only those. */
static double
wav_voiced_share (Wav *wav)
{
  gsize frame = wav->rate / 50;
  gsize frames = 0;
  gsize voiced = 0;

  for (gsize start = 0; start + frame <= wav->n_samples; start += frame, frames++)
    {
      double sum = 0;

      for (gsize i = start; i < start + frame; i++)
        sum += (double) wav->samples[i] * wav->samples[i];
      voiced += sqrt (sum / frame) > 500;
    }
  return frames > 0 ? (double) voiced / frames : 0;
}

static guint
count_words (const char *text)
{
  g_auto (GStrv) words = g_strsplit_set (text, " ,.'", -1);
  guint n = 0;

  for (guint i = 0; words[i] != NULL; i++)
    n += words[i][0] != '\0';
  return n;
}

/* "fr" or "fr-fr": the language, with or without its country. */
static void
assert_language (const char *language, const char *primary)
{
  g_autofree char *head = NULL;

  g_assert_nonnull (language);
  head = g_strndup (language, strcspn (language, "-_"));
  g_assert_cmpstr (head, ==, primary);
}

static void
wait_silent (EscaleVoice *voice)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  while (escale_voice_get_speaking (voice) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (escale_voice_get_speaking (voice));
}

/* Reads @text with @language at @rate into a WAV file, and loads it. */
static Wav *
synthesise (Fixture *fixture, const char *language, EscaleVoiceRate rate, const char *text,
            char **spoken_language)
{
  g_autofree char *name = g_strdup_printf ("%s-%d-%u.wav", language, rate, g_str_hash (text));
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autofree char *sink = g_strdup_printf ("wavenc ! filesink location=\"%s\"", path);
  g_autoptr(EscaleVoice) voice = escale_voice_new (language, sink);

  escale_voice_set_rate (voice, rate);
  escale_voice_speak (voice, text);
  g_assert_true (escale_voice_get_speaking (voice));
  g_assert_cmpstr (escale_voice_get_text (voice), ==, text);
  wait_silent (voice);
  g_assert_no_error ((GError *) escale_voice_get_problem (voice));
  if (spoken_language != NULL)
    *spoken_language = g_strdup (escale_voice_get_spoken_language (voice));
  g_assert_finalize_object (g_steal_pointer (&voice));
  return wav_load (path);
}

/* French speech of a plausible length: the French voice, sound most of the
 * time, about as long as the words at the rate asked (broad bounds), twice
 * the words about twice as long, the slow rate slower. */
static void
test_french_speech (Fixture *fixture, gconstpointer data)
{
  g_autofree char *language = NULL;
  g_autoptr(Wav) short_wav =
               synthesise (fixture, "fr", ESCALE_VOICE_RATE_NORMAL, SHORT_TEXT, &language);
  g_autoptr(Wav) long_wav = synthesise (fixture, "fr", ESCALE_VOICE_RATE_NORMAL, LONG_TEXT, NULL);
  g_autoptr(Wav) slow_wav = synthesise (fixture, "fr", ESCALE_VOICE_RATE_SLOW, SHORT_TEXT, NULL);
  double expected = count_words (SHORT_TEXT) * 60.0 /
                    escale_voice_rate_words_per_minute (ESCALE_VOICE_RATE_NORMAL);
  double ratio;

  assert_language (language, "fr");
  g_test_message ("%u words: %.2f s (expected about %.2f s), voiced %.0f %%",
                  count_words (SHORT_TEXT), wav_seconds (short_wav), expected,
                  100 * wav_voiced_share (short_wav));
  g_assert_cmpfloat (wav_seconds (short_wav), >, expected * 0.5);
  g_assert_cmpfloat (wav_seconds (short_wav), <, expected * 2.0);
  g_assert_cmpfloat (wav_voiced_share (short_wav), >, 0.5);

  ratio = wav_seconds (long_wav) / wav_seconds (short_wav);
  g_test_message ("%u words: %.2f s, ratio %.2f", count_words (LONG_TEXT), wav_seconds (long_wav),
                  ratio);
  g_assert_cmpfloat (ratio, >, 0.6 * count_words (LONG_TEXT) / count_words (SHORT_TEXT));
  g_assert_cmpfloat (ratio, <, 1.6 * count_words (LONG_TEXT) / count_words (SHORT_TEXT));
  g_assert_cmpfloat (wav_voiced_share (long_wav), >, 0.5);

  g_test_message ("slow: %.2f s", wav_seconds (slow_wav));
  g_assert_cmpfloat (wav_seconds (slow_wav), >, 1.2 * wav_seconds (short_wav));
}

/* The same words through the English voice sound otherwise: the kiosk's is
 * the French one. */
static void
test_not_english (Fixture *fixture, gconstpointer data)
{
  g_autofree char *fr_language = NULL;
  g_autofree char *en_language = NULL;
  g_autoptr(Wav)
               fr = synthesise (fixture, "fr", ESCALE_VOICE_RATE_NORMAL, SHORT_TEXT, &fr_language);
  g_autoptr(Wav)
               en = synthesise (fixture, "en", ESCALE_VOICE_RATE_NORMAL, SHORT_TEXT, &en_language);
  gsize n = MIN (fr->n_samples, en->n_samples);
  double difference = 0;
  double energy = 0;

  assert_language (fr_language, "fr");
  assert_language (en_language, "en");
  for (gsize i = 0; i < n; i++)
    {
      difference += fabs ((double) fr->samples[i] - en->samples[i]);
      energy += fabs ((double) fr->samples[i]);
    }
  g_test_message ("fr %.2f s, en %.2f s, difference %.2f", wav_seconds (fr), wav_seconds (en),
                  difference / energy);
  g_assert_cmpfloat (difference / energy, >, 0.5);
}

static void
speaking_changed_cb (EscaleVoice *voice, GParamSpec *pspec, gint64 *stopped_at)
{
  if (!escale_voice_get_speaking (voice))
    *stopped_at = g_get_monotonic_time ();
}

/* A reading played on a sound server, touched again: the engine reports it
 * stopped within 200 ms of the stop (a functional bound, not a benchmark:
 * the stop is synchronous), the stream is gone from the server, and the
 * voice reads again at once afterwards. */
static void
test_stop (Fixture *fixture, gconstpointer data)
{
  g_autoptr(EscaleVoice) voice = escale_voice_new ("fr", NULL);
  gint64 stopped_at = 0;
  gint64 asked_at;

  g_signal_connect (voice, "notify::speaking", G_CALLBACK (speaking_changed_cb), &stopped_at);
  escale_voice_speak (voice, LONG_TEXT);
  sound_lab_wait_streams (lab, 1);
  g_assert_true (escale_voice_get_speaking (voice));

  asked_at = g_get_monotonic_time ();
  escale_voice_stop (voice);
  while (stopped_at == 0 && g_get_monotonic_time () < asked_at + WAIT_SECONDS * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, TRUE);
  g_test_message ("stopped after %.1f ms", (stopped_at - asked_at) / 1000.0);
  g_assert_cmpint (stopped_at, >, 0);
  g_assert_cmpint (stopped_at - asked_at, <, 200 * 1000);
  sound_lab_wait_streams (lab, 0);
  g_assert_false (escale_voice_get_speaking (voice));

  escale_voice_speak (voice, SHORT_TEXT);
  wait_silent (voice);
  g_assert_true (escale_voice_get_available (voice));
  assert_language (escale_voice_get_spoken_language (voice), "fr");

  g_assert_finalize_object (g_steal_pointer (&voice));
}

/* No sound server answering: the reading fails calmly, once, and the voice
 * says it is not available. */
static void
test_no_audio (Fixture *fixture, gconstpointer data)
{
  g_autofree char *sink = g_strdup_printf ("pulsesink server=\"unix:%s/none\"", fixture->dir);
  g_autoptr(EscaleVoice) voice = escale_voice_new ("fr", sink);

  escale_voice_set_active (voice, TRUE);
  escale_voice_speak (voice, SHORT_TEXT);
  wait_silent (voice);
  g_assert_false (escale_voice_get_available (voice));
  g_assert_error ((GError *) escale_voice_get_problem (voice), ESCALE_VOICE_ERROR,
                  ESCALE_VOICE_ERROR_NO_AUDIO);
  g_assert_false (escale_voice_get_active (voice));
  escale_voice_speak (voice, SHORT_TEXT);
  g_assert_false (escale_voice_get_speaking (voice));
  g_assert_finalize_object (g_steal_pointer (&voice));
}

/* autoaudiosink finding no device only warns and plays into a fakesink:
 * that is no device either. */
static void
test_fake_sink (Fixture *fixture, gconstpointer data)
{
  g_autoptr(EscaleVoice) voice = escale_voice_new ("fr", "fakesink sync=true");

  escale_voice_speak (voice, SHORT_TEXT);
  wait_silent (voice);
  g_assert_error ((GError *) escale_voice_get_problem (voice), ESCALE_VOICE_ERROR,
                  ESCALE_VOICE_ERROR_NO_AUDIO);
  g_assert_finalize_object (g_steal_pointer (&voice));
}

/* No voice for the language: the same, for another reason. */
static void
test_no_voice (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "none.wav", NULL);
  g_autofree char *sink = g_strdup_printf ("wavenc ! filesink location=\"%s\"", path);
  g_autoptr(EscaleVoice) voice = escale_voice_new ("zz-none", sink);

  escale_voice_speak (voice, SHORT_TEXT);
  wait_silent (voice);
  g_assert_error ((GError *) escale_voice_get_problem (voice), ESCALE_VOICE_ERROR,
                  ESCALE_VOICE_ERROR_NO_VOICE);
  g_assert_finalize_object (g_steal_pointer (&voice));
}

/* The kiosk makes its voice at start: GStreamer, whose plugin registry is
 * rebuilt after every wipe of the cache (200 ms of the welcome screen's
 * start on this machine), waits until someone touches "Écouter". Run in a
 * child, so no earlier case has started GStreamer. */
static void
test_gstreamer_waits (Fixture *fixture, gconstpointer data)
{
  if (g_test_subprocess ())
    {
      g_autofree char *wav = g_build_filename (fixture->dir, "first.wav", NULL);
      g_autofree char *sink = g_strdup_printf ("wavenc ! filesink location=%s", wav);
      g_autoptr(EscaleVoice) voice = escale_voice_new ("fr", sink);

      escale_voice_set_active (voice, TRUE);
      escale_voice_reset (voice);
      g_assert_false (gst_is_initialized ());
      escale_voice_speak (voice, SHORT_TEXT);
      g_assert_true (gst_is_initialized ());
      escale_voice_stop (voice);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  /* A child of the first case inherits PULSE_SERVER and needs no lab. */
  if (!g_test_subprocess ())
    lab = sound_lab_start ();
  g_test_add ("/escale/voice/gstreamer-waits-for-first-reading", Fixture, NULL, fixture_set_up,
              test_gstreamer_waits, fixture_tear_down);
  g_test_add ("/escale/voice/french-speech-of-plausible-length", Fixture, NULL, fixture_set_up,
              test_french_speech, fixture_tear_down);
  g_test_add ("/escale/voice/not-the-english-voice", Fixture, NULL, fixture_set_up,
              test_not_english, fixture_tear_down);
  g_test_add ("/escale/voice/stop-within-200-ms", Fixture, NULL, fixture_set_up, test_stop,
              fixture_tear_down);
  g_test_add ("/escale/voice/no-audio-device", Fixture, NULL, fixture_set_up, test_no_audio,
              fixture_tear_down);
  g_test_add ("/escale/voice/fallback-sink-is-no-device", Fixture, NULL, fixture_set_up,
              test_fake_sink, fixture_tear_down);
  g_test_add ("/escale/voice/no-french-voice", Fixture, NULL, fixture_set_up, test_no_voice,
              fixture_tear_down);
  status = g_test_run ();
  if (lab != NULL)
    sound_lab_stop (lab);
  return status;
}
