/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gst/app/gstappsrc.h>
#include <gst/gst.h>

G_BEGIN_DECLS

/* One reading: the text, the voice's language and speed, and the pipeline
 * its sound goes into (an appsrc named "src" at its head). Made on the main
 * thread, synthesised by libespeak-ng in the one speech thread. */
typedef struct _EscaleSpeechJob EscaleSpeechJob;

/* Posted on the pipeline's bus when the synthesis starts: an application
 * message whose structure carries "language" (the voice espeak-ng chose). */
#define ESCALE_SPEECH_STARTED "escale-speech-started"

EscaleSpeechJob *escale_speech_job_new (GstElement *pipeline, const char *text,
                                        const char *language, guint words_per_minute);
void escale_speech_job_unref (EscaleSpeechJob *job);
void escale_speech_job_queue (EscaleSpeechJob *job);
void escale_speech_job_cancel (EscaleSpeechJob *job);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleSpeechJob, escale_speech_job_unref)

G_END_DECLS
