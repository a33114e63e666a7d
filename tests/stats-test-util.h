/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>
#include <glib/gstdio.h>

#include "escale-scratch.h"
#include "escale-stats-export.h"
#include "escale-stats-report.h"
#include "escale-stats-schema.h"
#include "escale-stats-store.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

void setup (Fixture *f, gconstpointer data);
void teardown (Fixture *f, gconstpointer data);
gint64 query (const char *path, const char *sql);
EscaleStatsStore *open_new_store (const char *path);
void assert_totals_match_rows (const char *path);
extern const char undo_schema_4[];
void add_visit (EscaleStatsStore *store, int year, int month, int day, int hour, int minutes,
                int helper_calls, EscaleSatisfaction satisfaction, EscaleAgeBracket age,
                const char *activity, const char *theme);
void fill_known_dataset (EscaleStatsStore *store);
EscaleStatsGroup *find_group (GPtrArray *groups, const char *name);
void add_random_visit (EscaleStatsStore *store, GRand *rand);
gint64 query_period (const char *path, const char *from, const char *to, const char *format, ...)
  G_GNUC_PRINTF (4, 5);
void assert_report_matches_rows (EscaleStatsStore *store, const char *path, const char *from,
                                 const char *to);
void keep_result_cb (GObject *source, GAsyncResult *result, gpointer user_data);
void make_v6_store (const char *path);
void make_v7_store (const char *path);
