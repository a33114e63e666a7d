/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-voice"

#include <gst/gst.h>

#include "escale-speech-synth.h"
#include "escale-voice.h"

/* The voice that reads the screen aloud ("Écouter"): one reading at a time,
 * synthesised by libespeak-ng in the speech thread (escale-speech-synth.c)
 * and played through GStreamer, so the interface never waits for it.
 * "speaking" is TRUE from escale_voice_speak () until the reading ends, is
 * stopped or fails. A reading that fails for lack of a sound device or of
 * the voice makes the voice "available" = FALSE for good, with the reason in
 * escale_voice_get_problem (): the buttons say so once and hide.
 *
 * It also keeps the visit's choices, which the window's wiper resets:
 * "active" (the person turned the voice on: each new screen is read) and
 * "rate" (normal or slow). Never logs what it reads. */
struct _EscaleVoice
{
  GObject parent_instance;

  /* owned */
  char *language;
  char *audio_sink;
  EscaleSpeechJob *job; /* the reading under way, or NULL */
  GstElement *pipeline;
  guint bus_watch;
  char *text;
  char *spoken_language;
  GError *problem;

  gboolean speaking;
  gboolean active;
  EscaleVoiceRate rate;
};

enum
{
  PROP_0,
  PROP_SPEAKING,
  PROP_ACTIVE,
  PROP_RATE,
  PROP_AVAILABLE,
  PROP_TEXT,
  N_PROPS,
};

static GParamSpec *pspecs[N_PROPS];

G_DEFINE_FINAL_TYPE (EscaleVoice, escale_voice, G_TYPE_OBJECT)
G_DEFINE_QUARK (escale - voice - error - quark, escale_voice_error)

/* Words per minute: espeak-ng's default is 175; calmer than that, and
 * slower still for those who ask. */
guint
escale_voice_rate_words_per_minute (EscaleVoiceRate rate)
{
  switch (rate)
    {
    case ESCALE_VOICE_RATE_SLOW:
      return 105;
    case ESCALE_VOICE_RATE_NORMAL:
    default:
      return 145;
    }
}

static void
set_speaking (EscaleVoice *self, gboolean speaking)
{
  if (self->speaking == speaking)
    return;
  self->speaking = speaking;
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_SPEAKING]);
}

/* Stops the sound at once: the sink is closed here, on the main thread
 * (GStreamer's NULL state change does not wait for the speech thread,
 * which is told to drop the rest of the text). */
static void
drop_reading (EscaleVoice *self)
{
  if (self->job != NULL)
    escale_speech_job_cancel (self->job);
  if (self->pipeline != NULL)
    gst_element_set_state (self->pipeline, GST_STATE_NULL);
  g_clear_handle_id (&self->bus_watch, g_source_remove);
  g_clear_pointer (&self->job, escale_speech_job_unref);
  g_clear_object (&self->pipeline);
}

static void
fail (EscaleVoice *self, GError *error)
{
  drop_reading (self);
  if (self->problem == NULL)
    {
      /* Any GStreamer error (the sink's) means the sound cannot be played. */
      if (error->domain == ESCALE_VOICE_ERROR)
        self->problem = g_error_copy (error);
      else
        self->problem =
          g_error_new (ESCALE_VOICE_ERROR, ESCALE_VOICE_ERROR_NO_AUDIO, "%s", error->message);
      g_message ("Reading aloud is not possible on this computer: %s", self->problem->message);
      g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_AVAILABLE]);
    }
  escale_voice_set_active (self, FALSE);
  set_speaking (self, FALSE);
}

static gboolean
bus_cb (GstBus *bus, GstMessage *message, gpointer user_data)
{
  EscaleVoice *self = user_data;
  GstMessageType type = GST_MESSAGE_TYPE (message);

  if (type == GST_MESSAGE_EOS)
    {
      self->bus_watch = 0;
      drop_reading (self);
      set_speaking (self, FALSE);
      return G_SOURCE_REMOVE;
    }
  if (type == GST_MESSAGE_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gst_message_parse_error (message, &error, NULL);
      self->bus_watch = 0;
      fail (self, error);
      return G_SOURCE_REMOVE;
    }
  if (type == GST_MESSAGE_APPLICATION &&
      gst_structure_has_name (gst_message_get_structure (message), ESCALE_SPEECH_STARTED))
    {
      g_free (self->spoken_language);
      self->spoken_language =
        g_strdup (gst_structure_get_string (gst_message_get_structure (message), "language"));
    }
  return G_SOURCE_CONTINUE;
}

static GstElement *
make_pipeline (EscaleVoice *self, GError **error)
{
  g_autofree char *description =
    g_strdup_printf ("appsrc name=src ! audioconvert ! audioresample ! %s", self->audio_sink);

  return gst_parse_launch_full (description, NULL, GST_PARSE_FLAG_FATAL_ERRORS, error);
}

/* Reads @text aloud in place of whatever was being read. */
void
escale_voice_speak (EscaleVoice *self, const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = g_strdup (text);

  g_return_if_fail (ESCALE_IS_VOICE (self));
  g_return_if_fail (text != NULL);

  drop_reading (self);
  if (self->problem != NULL)
    return;
  g_free (self->text);
  self->text = g_steal_pointer (&copy);
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_TEXT]);

  /* GStreamer comes up with the first reading, not with the kiosk: loading
   * its plugin registry (rebuilt whenever the cache was wiped) is time and
   * memory the welcome screen does not need. */
  gst_init (NULL, NULL);
  self->pipeline = make_pipeline (self, &error);
  if (self->pipeline == NULL)
    {
      fail (self, error);
      return;
    }
  {
    g_autoptr(GstBus) bus = gst_element_get_bus (self->pipeline);

    self->bus_watch = gst_bus_add_watch (bus, bus_cb, self);
  }
  self->job = escale_speech_job_new (self->pipeline, self->text, self->language,
                                     escale_voice_rate_words_per_minute (self->rate));
  escale_speech_job_queue (self->job);
  set_speaking (self, TRUE);
}

void
escale_voice_stop (EscaleVoice *self)
{
  g_return_if_fail (ESCALE_IS_VOICE (self));
  drop_reading (self);
  set_speaking (self, FALSE);
}

/* For the next person: silent, off, normal speed, nothing of the last
 * screen kept. Whether the computer can speak at all is not theirs. */
void
escale_voice_reset (EscaleVoice *self)
{
  g_return_if_fail (ESCALE_IS_VOICE (self));
  escale_voice_stop (self);
  escale_voice_set_active (self, FALSE);
  escale_voice_set_rate (self, ESCALE_VOICE_RATE_NORMAL);
  if (self->text != NULL)
    {
      g_clear_pointer (&self->text, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_TEXT]);
    }
}

gboolean
escale_voice_get_speaking (EscaleVoice *self)
{
  g_return_val_if_fail (ESCALE_IS_VOICE (self), FALSE);
  return self->speaking;
}

gboolean
escale_voice_get_active (EscaleVoice *self)
{
  g_return_val_if_fail (ESCALE_IS_VOICE (self), FALSE);
  return self->active;
}

/* On: the person wants the screens read (the buttons read the one shown);
 * off stops the reading. */
void
escale_voice_set_active (EscaleVoice *self, gboolean active)
{
  g_return_if_fail (ESCALE_IS_VOICE (self));
  active = active && self->problem == NULL;
  if (!active)
    escale_voice_stop (self);
  if (self->active == active)
    return;
  self->active = active;
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_ACTIVE]);
}

EscaleVoiceRate
escale_voice_get_rate (EscaleVoice *self)
{
  g_return_val_if_fail (ESCALE_IS_VOICE (self), ESCALE_VOICE_RATE_NORMAL);
  return self->rate;
}

/* A reading under way starts again at the new speed. */
void
escale_voice_set_rate (EscaleVoice *self, EscaleVoiceRate rate)
{
  g_return_if_fail (ESCALE_IS_VOICE (self));
  if (self->rate == rate)
    return;
  self->rate = rate;
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_RATE]);
  if (self->speaking && self->text != NULL)
    {
      g_autofree char *text = g_strdup (self->text);

      escale_voice_speak (self, text);
    }
}

gboolean
escale_voice_get_available (EscaleVoice *self)
{
  g_return_val_if_fail (ESCALE_IS_VOICE (self), FALSE);
  return self->problem == NULL;
}

/* Why the voice is not available (ESCALE_VOICE_ERROR), or NULL. */
const GError *
escale_voice_get_problem (EscaleVoice *self)
{
  g_return_val_if_fail (ESCALE_IS_VOICE (self), NULL);
  return self->problem;
}

/* The text of the last reading, as handed to espeak-ng, or NULL. */
const char *
escale_voice_get_text (EscaleVoice *self)
{
  g_return_val_if_fail (ESCALE_IS_VOICE (self), NULL);
  return self->text;
}

/* The language of the espeak-ng voice of the last reading ("fr"), or NULL
 * before one started. */
const char *
escale_voice_get_spoken_language (EscaleVoice *self)
{
  g_return_val_if_fail (ESCALE_IS_VOICE (self), NULL);
  return self->spoken_language;
}

static void
escale_voice_dispose (GObject *object)
{
  drop_reading (ESCALE_VOICE (object));
  G_OBJECT_CLASS (escale_voice_parent_class)->dispose (object);
}

static void
escale_voice_finalize (GObject *object)
{
  EscaleVoice *self = ESCALE_VOICE (object);

  g_free (self->language);
  g_free (self->audio_sink);
  g_free (self->text);
  g_free (self->spoken_language);
  g_clear_error (&self->problem);
  G_OBJECT_CLASS (escale_voice_parent_class)->finalize (object);
}

static void
escale_voice_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  EscaleVoice *self = ESCALE_VOICE (object);

  switch (prop_id)
    {
    case PROP_SPEAKING:
      g_value_set_boolean (value, self->speaking);
      break;
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;
    case PROP_RATE:
      g_value_set_int (value, self->rate);
      break;
    case PROP_AVAILABLE:
      g_value_set_boolean (value, self->problem == NULL);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_voice_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  EscaleVoice *self = ESCALE_VOICE (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      escale_voice_set_active (self, g_value_get_boolean (value));
      break;
    case PROP_RATE:
      escale_voice_set_rate (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_voice_class_init (EscaleVoiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = escale_voice_dispose;
  object_class->finalize = escale_voice_finalize;
  object_class->get_property = escale_voice_get_property;
  object_class->set_property = escale_voice_set_property;

  pspecs[PROP_SPEAKING] = g_param_spec_boolean ("speaking", NULL, NULL, FALSE, ro);
  pspecs[PROP_ACTIVE] = g_param_spec_boolean ("active", NULL, NULL, FALSE, rw);
  pspecs[PROP_RATE] = g_param_spec_int ("rate", NULL, NULL, ESCALE_VOICE_RATE_NORMAL,
                                        ESCALE_VOICE_RATE_SLOW, ESCALE_VOICE_RATE_NORMAL, rw);
  pspecs[PROP_AVAILABLE] = g_param_spec_boolean ("available", NULL, NULL, TRUE, ro);
  pspecs[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, pspecs);
}

static void
escale_voice_init (EscaleVoice *self)
{
}

/* @language: an espeak-ng voice name ("fr"); @audio_sink: a GStreamer sink
 * description, NULL for "autoaudiosink" (PipeWire or PulseAudio, else
 * ALSA, whichever answers). */
EscaleVoice *
escale_voice_new (const char *language, const char *audio_sink)
{
  EscaleVoice *self;

  g_return_val_if_fail (language != NULL, NULL);

  self = g_object_new (ESCALE_TYPE_VOICE, NULL);
  self->language = g_strdup (language);
  self->audio_sink =
    g_strdup (audio_sink != NULL && *audio_sink != '\0' ? audio_sink : "autoaudiosink");
  return self;
}
