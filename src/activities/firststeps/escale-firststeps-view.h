/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-activity-view.h"
#include "escale-firststeps-hand.h"
#include "escale-firststeps-kind.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_FIRSTSTEPS_VIEW (escale_firststeps_view_get_type ())
G_DECLARE_FINAL_TYPE (EscaleFirststepsView, escale_firststeps_view, ESCALE, FIRSTSTEPS_VIEW,
                      EscaleActivityView)

/* The exercise shown, or NULL on the summary. */
GtkWidget *escale_firststeps_view_get_exercise (EscaleFirststepsView *self);
guint escale_firststeps_view_get_index (EscaleFirststepsView *self);
const char *escale_firststeps_view_get_instruction (EscaleFirststepsView *self);
const char *escale_firststeps_view_get_feedback (EscaleFirststepsView *self);
const char *escale_firststeps_view_get_tip (EscaleFirststepsView *self);
GtkWidget *escale_firststeps_view_get_tip_button (EscaleFirststepsView *self);
const char *escale_firststeps_view_get_summary (EscaleFirststepsView *self);
GtkWidget *escale_firststeps_view_get_again_button (EscaleFirststepsView *self);
GtkWidget *escale_firststeps_view_get_next_button (EscaleFirststepsView *self);
GtkWidget *escale_firststeps_view_get_restart_button (EscaleFirststepsView *self);
EscaleFirststepsHand *escale_firststeps_view_get_hand (EscaleFirststepsView *self);
gboolean escale_firststeps_view_get_touch (EscaleFirststepsView *self);
void escale_firststeps_view_note_input_source (EscaleFirststepsView *self, GdkInputSource source);

G_END_DECLS
