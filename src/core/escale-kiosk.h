/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "escale-clock.h"
#include "escale-config.h"
#include "escale-notices.h"
#include "escale-reset.h"
#include "escale-scratch.h"
#include "escale-session.h"
#include "escale-staff-codes.h"
#include "escale-stats-store.h"
#include "escale-visit.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_KIOSK (escale_kiosk_get_type ())
G_DECLARE_FINAL_TYPE (EscaleKiosk, escale_kiosk, ESCALE, KIOSK, GObject)

EscaleKiosk *escale_kiosk_new (EscaleConfig *config, EscaleClock *clock, EscaleStatsStore *store,
                               EscaleScratch *scratch);

EscaleConfig *escale_kiosk_get_config (EscaleKiosk *self);
EscaleSession *escale_kiosk_get_session (EscaleKiosk *self);
EscaleReset *escale_kiosk_get_reset (EscaleKiosk *self);
EscaleScratch *escale_kiosk_get_scratch (EscaleKiosk *self);
EscaleStatsStore *escale_kiosk_get_store (EscaleKiosk *self);
EscaleNotices *escale_kiosk_get_notices (EscaleKiosk *self);
EscaleVisit *escale_kiosk_new_visit (EscaleKiosk *self, EscaleActivity *activity);

void escale_kiosk_start (EscaleKiosk *self);
void escale_kiosk_set_goodbye_delay_ms (EscaleKiosk *self, guint delay_ms);
gboolean escale_kiosk_get_out_of_order (EscaleKiosk *self);
gint64 escale_kiosk_get_last_reset_usec (EscaleKiosk *self);
EscaleClock *escale_kiosk_get_clock (EscaleKiosk *self);
EscaleCodeLock *escale_kiosk_get_staff_lock (EscaleKiosk *self);
EscaleCodeLock *escale_kiosk_get_helper_lock (EscaleKiosk *self);
gboolean escale_kiosk_reset_now (EscaleKiosk *self);
void escale_kiosk_set_feedback (EscaleKiosk *self, EscaleSatisfaction satisfaction,
                                EscaleAgeBracket age_bracket);
void escale_kiosk_set_help_given (EscaleKiosk *self);
void escale_kiosk_set_workshop (EscaleKiosk *self, const char *uid);
const char *escale_kiosk_get_workshop (EscaleKiosk *self);

G_END_DECLS
