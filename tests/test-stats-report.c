/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "stats-test-util.h"

/* The figures of a period: a known dataset, the per-day totals against
 * the visit rows, the worker thread, the calendar periods. */

static void
test_aggregates_known_dataset (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleStatsStore) store = open_new_store (f->path);
  g_autoptr(EscaleStatsReport) report = NULL;
  g_autoptr(GError) error = NULL;
  GArray *days;
  EscaleStatsGroup *group;

  fill_known_dataset (store);
  report = escale_stats_report_new (store, "2026-03-01", "2026-03-31", &error);
  g_assert_no_error (error);

  g_assert_cmpuint (escale_stats_report_get_sessions (report), ==, 10);
  g_assert_cmpuint (escale_stats_report_get_minutes (report), ==,
                    10 + 20 + 29 + 30 + 45 + 59 + 60 + 90 + 120 + 200);
  /* Sorted: 10 20 29 30 45 | 59 60 90 120 200 -> (45 + 59) / 2. */
  g_assert_cmpfloat (escale_stats_report_get_median_minutes (report), ==, 52.0);
  g_assert_cmpuint (escale_stats_report_get_duration_bucket (report, 0), ==, 3);
  g_assert_cmpuint (escale_stats_report_get_duration_bucket (report, 1), ==, 3);
  g_assert_cmpuint (escale_stats_report_get_duration_bucket (report, 2), ==, 2);
  g_assert_cmpuint (escale_stats_report_get_duration_bucket (report, 3), ==, 2);
  g_assert_cmpuint (escale_stats_report_get_help_asked (report), ==, 4);
  g_assert_cmpuint (escale_stats_report_get_autonomy (report, ESCALE_AUTONOMY_AUTONOME), ==, 6);
  g_assert_cmpuint (escale_stats_report_get_helper_calls (report), ==, 7);
  g_assert_cmpuint (escale_stats_report_get_satisfaction (report, ESCALE_SATISFACTION_YES), ==, 4);
  g_assert_cmpuint (escale_stats_report_get_satisfaction (report, ESCALE_SATISFACTION_PARTLY), ==,
                    1);
  g_assert_cmpuint (escale_stats_report_get_satisfaction (report, ESCALE_SATISFACTION_NO), ==, 2);
  g_assert_cmpuint (escale_stats_report_get_satisfaction (report, ESCALE_SATISFACTION_NONE), ==,
                    3);
  g_assert_cmpuint (escale_stats_report_get_age (report, ESCALE_AGE_70_PLUS), ==, 4);
  g_assert_cmpuint (escale_stats_report_get_age (report, ESCALE_AGE_DECLINED), ==, 1);
  g_assert_cmpuint (escale_stats_report_get_age (report, ESCALE_AGE_NONE), ==, 1);
  g_assert_cmpuint (escale_stats_report_get_age (report, ESCALE_AGE_18_24), ==, 1);

  days = escale_stats_report_get_days (report);
  g_assert_cmpuint (days->len, ==, 5);
  g_assert_cmpstr (g_array_index (days, EscaleStatsDay, 0).day, ==, "2026-03-02");
  g_assert_cmpuint (g_array_index (days, EscaleStatsDay, 0).sessions, ==, 3);
  g_assert_cmpstr (g_array_index (days, EscaleStatsDay, 4).day, ==, "2026-03-31");

  /* Monday 9 h: two visits; Thursday 16 h: two. */
  g_assert_cmpuint (escale_stats_report_get_heat (report, 1, 9), ==, 2);
  g_assert_cmpuint (escale_stats_report_get_heat (report, 4, 16), ==, 2);
  g_assert_cmpuint (escale_stats_report_get_heat (report, 1, 10), ==, 0);

  group = find_group (escale_stats_report_get_activities (report), "visio");
  g_assert_nonnull (group);
  g_assert_cmpuint (group->sessions, ==, 3);
  g_assert_cmpuint (group->minutes, ==, 120);
  g_assert_cmpstr (group->theme, ==, "Échanger avec ses proches");
  group = find_group (escale_stats_report_get_themes (report), "Culture numérique");
  g_assert_nonnull (group);
  g_assert_cmpuint (group->sessions, ==, 3);
  /* Most visited first. */
  g_assert_cmpuint (((EscaleStatsGroup *) escale_stats_report_get_themes (report)->pdata[0])
                      ->sessions,
                    ==, 3);
}

/* Two thousand varied visits: the report from the per-day totals gives
 * the very figures of the visit rows, for the whole half-year, a month, a
 * single day and an empty period; and the totals follow deletions. */
static void
test_day_totals_match_rows (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleStatsStore) store = open_new_store (f->path);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261128);
  guint folded = 0;

  for (guint i = 0; i < 2000; i++)
    add_random_visit (store, rand);
  assert_totals_match_rows (f->path);
  assert_report_matches_rows (store, f->path, "2026-01-01", "2026-06-30");
  assert_report_matches_rows (store, f->path, "2026-03-01", "2026-03-31");
  assert_report_matches_rows (store, f->path, "2026-02-10", "2026-02-10");
  assert_report_matches_rows (store, f->path, "2025-01-01", "2025-12-31");

  /* Retention deletes rows: their days leave the totals, nothing else. */
  g_assert_true (escale_stats_store_fold_before (store, "2026-03-15", &folded, NULL));
  g_assert_cmpuint (folded, >, 0);
  assert_totals_match_rows (f->path);
  g_assert_cmpint (query (f->path, "SELECT count (*) FROM day_totals WHERE day < '2026-03-15'"),
                   ==, 0);
  g_assert_cmpint (query (f->path, "SELECT count (*) FROM day_duration_totals"
                                   " WHERE day < '2026-03-15'"),
                   ==, 0);
  assert_report_matches_rows (store, f->path, "2026-04-01", "2026-06-30");
}

/* The dashboard's way: the same figures, read in a worker thread through
 * its own connection; a wrong period is refused. */
static void
test_report_in_worker_thread (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleStatsStore) store = open_new_store (f->path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) refused = NULL;
  g_autoptr(EscaleStatsReport) report = NULL;
  g_autoptr(GError) error = NULL;

  fill_known_dataset (store);
  escale_stats_report_new_async (store, "2026-03-01", "2026-03-31", NULL, keep_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  report = escale_stats_report_new_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (escale_stats_report_get_sessions (report), ==, 10);
  g_assert_cmpfloat (escale_stats_report_get_median_minutes (report), ==, 52.0);
  g_assert_cmpuint (escale_stats_report_get_helper_calls (report), ==, 7);
  g_assert_cmpuint (escale_stats_report_get_days (report)->len, ==, 5);

  escale_stats_report_new_async (store, "2026-03-31", "2026-03-01", NULL, keep_result_cb,
                                 &refused);
  while (refused == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (escale_stats_report_new_finish (refused, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

static void
test_period_ranges (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 11, 27, 15, 0, 0); /* a Friday */
  struct
  {
    EscaleStatsPeriod period;
    const char *from, *to;
  } cases[] = {
    { ESCALE_PERIOD_WEEK, "2026-11-23", "2026-11-29" },
    { ESCALE_PERIOD_MONTH, "2026-11-01", "2026-11-30" },
    { ESCALE_PERIOD_QUARTER, "2026-10-01", "2026-12-31" },
    { ESCALE_PERIOD_YEAR, "2026-01-01", "2026-12-31" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;

      escale_stats_period_range (cases[i].period, now, &from, &to);
      g_assert_cmpstr (from, ==, cases[i].from);
      g_assert_cmpstr (to, ==, cases[i].to);
    }
  g_assert_false (escale_stats_day_is_valid ("2026-02-30"));
  g_assert_false (escale_stats_day_is_valid ("26-02-01"));
  g_assert_true (escale_stats_day_is_valid ("2024-02-29"));
}

/* What staff read is written the French way: "29 min" or "29,5 min",
 * never "29.0 min"; a period without bounds in words, never the
 * 2000-01-01..9999-12-31 that stands for it. */
static void
test_french_minutes_and_open_periods (Fixture *f, gconstpointer data)
{
  const struct
  {
    double minutes;
    const char *text;
  } minutes[] = {
    { 29.0, "29 min" },    { 29.5, "29,5 min" },         { 0.0, "0 min" },
    { 52.25, "52,3 min" }, { 1234.0, "1\u00a0234 min" }, { 1234.5, "1\u00a0234,5 min" },
  };
  const struct
  {
    const char *from;
    const char *to;
    const char *text;
  } periods[] = {
    { ESCALE_STATS_FIRST_DAY, ESCALE_STATS_LAST_DAY, "depuis le début" },
    { NULL, NULL, "depuis le début" },
    { "2026-03-01", ESCALE_STATS_LAST_DAY, "depuis le 1er mars 2026" },
    { ESCALE_STATS_FIRST_DAY, "2026-11-03", "jusqu'au 3 novembre 2026" },
    { "2026-03-01", "2026-03-31", "du 1er mars 2026 au 31 mars 2026" },
  };
  g_autoptr(EscaleStatsStore) store = open_new_store (f->path);
  g_autoptr(EscaleStatsReport) report = NULL;
  g_autoptr(GPtrArray) figures = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (minutes); i++)
    {
      g_autofree char *text = escale_stats_format_minutes (minutes[i].minutes);

      g_assert_cmpstr (text, ==, minutes[i].text);
    }
  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    {
      g_autofree char *text = escale_stats_format_period (periods[i].from, periods[i].to);

      g_assert_cmpstr (text, ==, periods[i].text);
    }
  /* The dashboard's and the PDF's tile: the median of the known month. */
  fill_known_dataset (store);
  report = escale_stats_report_new (store, "2026-03-01", "2026-03-31", &error);
  g_assert_no_error (error);
  figures = escale_stats_key_figures (report);
  g_assert_cmpstr (((EscaleStatsFigure *) figures->pdata[2])->value, ==, "52 min");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/escale/stats-model/aggregates-known-dataset", test_aggregates_known_dataset);
  ADD ("/escale/stats-model/day-totals-match-rows", test_day_totals_match_rows);
  ADD ("/escale/stats-model/report-in-worker-thread", test_report_in_worker_thread);
  g_test_add_func ("/escale/stats-model/period-ranges", test_period_ranges);
  ADD ("/escale/stats-model/french-minutes-and-open-periods",
       test_french_minutes_and_open_periods);
#undef ADD
  return g_test_run ();
}
