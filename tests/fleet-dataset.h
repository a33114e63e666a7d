/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-stats-store.h"

G_BEGIN_DECLS

/* Generated visits for the fleet tests and bench, written through the
 * kiosk's own API (tests/fleet-dataset.c): the same activities, themes,
 * démarches counters and titles as tests/stats-figures-dataset.c. */
void fleet_dataset_declare (EscaleStatsStore *store);
void fleet_dataset_visit (EscaleStatsStore *store, GRand *rand, GDateTime *day);
void fleet_dataset_fill (EscaleStatsStore *store, guint32 seed, const char *first_day,
                         guint n_days, guint max_visits_per_day);

G_END_DECLS
