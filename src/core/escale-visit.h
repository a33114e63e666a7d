/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "escale-activity.h"
#include "escale-config.h"
#include "escale-handoff.h"
#include "escale-notices.h"
#include "escale-reset.h"
#include "escale-scratch.h"
#include "escale-session.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_VISIT (escale_visit_get_type ())
G_DECLARE_FINAL_TYPE (EscaleVisit, escale_visit, ESCALE, VISIT, GObject)

EscaleVisit *escale_visit_new (EscaleActivity *activity, EscaleSession *session,
                               EscaleReset *reset, EscaleScratch *scratch, EscaleNotices *notices,
                               EscaleConfig *config, EscaleHandoff *handoff);

void escale_visit_count (EscaleVisit *self, const char *counter, guint n);
void escale_visit_start_timer (EscaleVisit *self, const char *counter);
void escale_visit_stop_timer (EscaleVisit *self, const char *counter);
void escale_visit_set_hold (EscaleVisit *self, gboolean hold);
void escale_visit_add_wiper (EscaleVisit *self, const char *name, EscaleWipeFunc func,
                             gpointer user_data, GDestroyNotify destroy);
void escale_visit_remove_wiper (EscaleVisit *self, const char *name);
const char *escale_visit_get_scratch_dir (EscaleVisit *self, GError **error);
void escale_visit_notice (EscaleVisit *self, const char *group, const char *key,
                          const char *message);
gboolean escale_visit_is_over (EscaleVisit *self);

/* Between the activities of one visit */
EscaleActivity *escale_visit_find_activity (EscaleVisit *self, const char *kind);
void escale_visit_hand_off (EscaleVisit *self, const char *name, gpointer object);
gpointer escale_visit_take_handoff (EscaleVisit *self, const char *name, char **giver_kind);
void escale_visit_count_for (EscaleVisit *self, const char *kind, const char *counter, guint n);

G_END_DECLS
