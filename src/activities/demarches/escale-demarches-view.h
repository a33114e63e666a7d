/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-activity-view.h"
#include "escale-procedure.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_DEMARCHES_VIEW (escale_demarches_view_get_type ())
G_DECLARE_FINAL_TYPE (EscaleDemarchesView, escale_demarches_view, ESCALE, DEMARCHES_VIEW,
                      EscaleActivityView)

/* What a person can do, by name (tests drive the same through buttons). */
void escale_demarches_view_show_home (EscaleDemarchesView *self);
void escale_demarches_view_open_need (EscaleDemarchesView *self, const char *need);
gboolean escale_demarches_view_open_procedure (EscaleDemarchesView *self, const char *id);
void escale_demarches_view_open_site (EscaleDemarchesView *self);
void escale_demarches_view_show_booking (EscaleDemarchesView *self);
void escale_demarches_view_prepare_list (EscaleDemarchesView *self);

/* For tests: what the person sees. */
const char *escale_demarches_view_get_screen (EscaleDemarchesView *self);
GtkWidget *escale_demarches_view_get_site (EscaleDemarchesView *self);

G_END_DECLS
