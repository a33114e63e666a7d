/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "escale-session-record.h"
#include "escale-voice.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_FEEDBACK_PAGE (escale_feedback_page_get_type ())
G_DECLARE_FINAL_TYPE (EscaleFeedbackPage, escale_feedback_page, ESCALE, FEEDBACK_PAGE, GtkWidget)

GtkWidget *escale_feedback_page_new (void);
void escale_feedback_page_start (EscaleFeedbackPage *self);
const char *escale_feedback_page_get_step (EscaleFeedbackPage *self);
void escale_feedback_page_set_voice (EscaleFeedbackPage *self, EscaleVoice *voice);
GtkWidget *escale_feedback_page_get_listen_button (EscaleFeedbackPage *self);

G_END_DECLS
