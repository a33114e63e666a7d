/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-speech"

#include <espeak-ng/speak_lib.h>
#include <string.h>

#include "escale-speech-synth.h"
#include "escale-voice.h"

/* libespeak-ng keeps one global state and is not thread-safe: every call to
 * it is made from one thread, the speech thread (a GThreadPool of one),
 * which takes the readings in turn. Its synchronous mode hands us the
 * samples through a callback; they go into the reading's appsrc, so the
 * sound starts after the first 200 ms of speech is made, and the same code
 * plays to the loudspeaker or writes a WAV file (tests) depending only on
 * the sink at the end of the pipeline. The main thread never waits for it:
 * it learns what happened from the pipeline's bus. */

struct _EscaleSpeechJob
{
  gatomicrefcount ref;
  gint cancelled;

  GstElement *pipeline;
  GstAppSrc *src;
  char *text;
  char *language;
  guint words_per_minute;
  guint64 samples;
};

/* Speech thread only. */
static int engine_rate;
static EscaleSpeechJob *current_job;

EscaleSpeechJob *
escale_speech_job_new (GstElement *pipeline, const char *text, const char *language,
                       guint words_per_minute)
{
  EscaleSpeechJob *job = g_new0 (EscaleSpeechJob, 1);
  GstElement *src = gst_bin_get_by_name (GST_BIN (pipeline), "src");

  g_return_val_if_fail (GST_IS_APP_SRC (src), NULL);
  g_atomic_ref_count_init (&job->ref);
  job->pipeline = gst_object_ref (pipeline);
  job->src = GST_APP_SRC (src);
  job->text = g_strdup (text);
  job->language = g_strdup (language);
  job->words_per_minute = words_per_minute;
  return job;
}

static EscaleSpeechJob *
escale_speech_job_ref (EscaleSpeechJob *job)
{
  g_atomic_ref_count_inc (&job->ref);
  return job;
}

void
escale_speech_job_unref (EscaleSpeechJob *job)
{
  if (!g_atomic_ref_count_dec (&job->ref))
    return;
  gst_object_unref (job->src);
  gst_object_unref (job->pipeline);
  g_free (job->text);
  g_free (job->language);
  g_free (job);
}

/* From the main thread: the speech thread drops the rest of the text at its
 * next 200 ms of samples (or before it starts). */
void
escale_speech_job_cancel (EscaleSpeechJob *job)
{
  g_atomic_int_set (&job->cancelled, TRUE);
}

static gboolean
job_cancelled (EscaleSpeechJob *job)
{
  return g_atomic_int_get (&job->cancelled);
}

static void
post_error (EscaleSpeechJob *job, EscaleVoiceError code, const char *message)
{
  g_autoptr(GError) error = g_error_new_literal (ESCALE_VOICE_ERROR, code, message);

  gst_element_post_message (job->pipeline,
                            gst_message_new_error (GST_OBJECT (job->pipeline), error, NULL));
}

static int
synth_cb (short *wav, int n_samples, espeak_EVENT *events)
{
  EscaleSpeechJob *job = current_job;
  GstBuffer *buffer;

  if (job == NULL || job_cancelled (job))
    return 1;
  if (wav == NULL || n_samples <= 0)
    return 0;
  buffer = gst_buffer_new_memdup (wav, (gsize) n_samples * sizeof (short));
  GST_BUFFER_PTS (buffer) = gst_util_uint64_scale (job->samples, GST_SECOND, engine_rate);
  GST_BUFFER_DURATION (buffer) = gst_util_uint64_scale (n_samples, GST_SECOND, engine_rate);
  job->samples += n_samples;
  /* Fails once the pipeline was stopped (flushing): then stop making sound. */
  return gst_app_src_push_buffer (job->src, buffer) == GST_FLOW_OK ? 0 : 1;
}

static gboolean
ensure_engine (void)
{
  static gboolean tried;

  if (!tried)
    {
      tried = TRUE;
      /* DONT_EXIT: without it, espeak-ng calls exit () when its data is
       * missing. */
      engine_rate =
        espeak_Initialize (AUDIO_OUTPUT_SYNCHRONOUS, 200, NULL, espeakINITIALIZE_DONT_EXIT);
      if (engine_rate > 0)
        espeak_SetSynthCallback (synth_cb);
    }
  return engine_rate > 0;
}

/* Calm: a little lower and less sing-song than espeak-ng's default. */
static void
set_voice_parameters (EscaleSpeechJob *job)
{
  espeak_SetParameter (espeakRATE, (int) job->words_per_minute, 0);
  espeak_SetParameter (espeakPITCH, 40, 0);
  espeak_SetParameter (espeakRANGE, 35, 0);
}

/* Sound to a real device, not to the fakesink autoaudiosink falls back on
 * when it finds none (it only warns, and the text would be "read" to
 * nobody). */
static gboolean
has_fake_sink (GstElement *pipeline)
{
  g_autoptr(GstIterator) iter = gst_bin_iterate_recurse (GST_BIN (pipeline));
  g_auto (GValue) item = G_VALUE_INIT;
  gboolean fake = FALSE;

  while (!fake && gst_iterator_next (iter, &item) == GST_ITERATOR_OK)
    {
      GstElementFactory *factory = gst_element_get_factory (g_value_get_object (&item));

      fake = factory != NULL &&
             g_str_equal (gst_plugin_feature_get_name (GST_PLUGIN_FEATURE (factory)), "fakesink");
      g_value_reset (&item);
    }
  return fake;
}

static gboolean
open_audio (EscaleSpeechJob *job)
{
  GstCaps *caps = gst_caps_new_simple ("audio/x-raw", "format", G_TYPE_STRING, "S16LE", "layout",
                                       G_TYPE_STRING, "interleaved", "rate", G_TYPE_INT,
                                       engine_rate, "channels", G_TYPE_INT, 1, NULL);

  g_object_set (job->src, "caps", caps, "format", GST_FORMAT_TIME, NULL);
  gst_caps_unref (caps);
  /* The sink opens its device going to READY: a sound server that does
   * not answer, or no sound card, fails here (the sink posts its error). */
  if (gst_element_set_state (job->pipeline, GST_STATE_READY) == GST_STATE_CHANGE_FAILURE)
    {
      post_error (job, ESCALE_VOICE_ERROR_NO_AUDIO, "the audio sink could not open its device");
      return FALSE;
    }
  if (has_fake_sink (job->pipeline))
    {
      post_error (job, ESCALE_VOICE_ERROR_NO_AUDIO, "no audio device (autoaudiosink fell back)");
      return FALSE;
    }
  return gst_element_set_state (job->pipeline, GST_STATE_PLAYING) != GST_STATE_CHANGE_FAILURE;
}

static void
speak_job (EscaleSpeechJob *job)
{
  espeak_VOICE *voice;
  const char *language;

  if (!ensure_engine ())
    {
      post_error (job, ESCALE_VOICE_ERROR_NO_VOICE, "espeak-ng could not start (no data)");
      return;
    }
  if (espeak_SetVoiceByName (job->language) != EE_OK)
    {
      post_error (job, ESCALE_VOICE_ERROR_NO_VOICE, "espeak-ng has no voice for this language");
      return;
    }
  voice = espeak_GetCurrentVoice ();
  /* languages: a priority byte, then the language ("fr"). */
  language = voice != NULL && voice->languages != NULL && voice->languages[0] != '\0'
               ? voice->languages + 1
               : job->language;
  set_voice_parameters (job);
  if (job_cancelled (job) || !open_audio (job))
    return;
  gst_element_post_message (job->pipeline,
                            gst_message_new_application (GST_OBJECT (job->pipeline),
                                                         gst_structure_new (ESCALE_SPEECH_STARTED,
                                                                            "language",
                                                                            G_TYPE_STRING,
                                                                            language, NULL)));
  current_job = job;
  espeak_Synth (job->text, strlen (job->text) + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, NULL,
                NULL);
  current_job = NULL;
  if (!job_cancelled (job))
    gst_app_src_end_of_stream (job->src);
}

static void
speech_thread_func (gpointer data, gpointer user_data)
{
  g_autoptr(EscaleSpeechJob) job = data;

  if (!job_cancelled (job))
    speak_job (job);
  /* Stopped while this thread opened the sound (after the main thread
   * closed it): closed again, so no stream stays open on the server. */
  if (job_cancelled (job))
    gst_element_set_state (job->pipeline, GST_STATE_NULL);
}

static GThreadPool *
speech_thread (void)
{
  static gsize pool;

  if (g_once_init_enter (&pool))
    g_once_init_leave (&pool,
                       (gsize) g_thread_pool_new (speech_thread_func, NULL, 1, FALSE, NULL));
  return (GThreadPool *) pool;
}

void
escale_speech_job_queue (EscaleSpeechJob *job)
{
  g_thread_pool_push (speech_thread (), escale_speech_job_ref (job), NULL);
}
