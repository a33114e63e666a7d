/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "escale-stats-store.h"

/* The known month of issue 11's figures (tests/stats-figures-dataset.c). */
#define PERIOD " s.day BETWEEN '2026-03-01' AND '2026-03-31' "

void fill_figures_dataset (EscaleStatsStore *store, const char *dir);
char *sql_text (const char *path, const char *sql, const char *param);

#define N_KEY_FIGURES 7
extern const char *const key_figures_sql[N_KEY_FIGURES][3];
