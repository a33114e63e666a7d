/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "stats-test-util.h"

/* Retention (folding old months) and merging other kiosks' stores. */

static void
test_retention_folds_then_vacuums (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleStatsStore) store = open_new_store (f->path);
  g_autoptr(EscaleStatsReport) report = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_local (2027, 5, 10, 12, 0, 0);
  g_autofree char *cutoff = escale_stats_retention_cutoff (now, 13);
  g_autofree char *contents = NULL;
  gsize length = 0;
  guint folded = 0;

  g_assert_cmpstr (cutoff, ==, "2026-04-01");
  fill_known_dataset (store);
  add_visit (store, 2026, 4, 2, 9, 33, 0, ESCALE_SATISFACTION_NONE, ESCALE_AGE_NONE,
             "zz-marqueur-unique", "Information");

  g_assert_true (escale_stats_store_apply_retention (store, now, 13, &folded, NULL));
  /* Ten March visits and the one of 28 February become monthly totals. */
  g_assert_cmpuint (folded, ==, 11);
  g_assert_cmpint (query (f->path, "SELECT count (*) FROM sessions"), ==, 2);
  g_assert_cmpint (query (f->path, "SELECT sessions FROM monthly_totals WHERE month = '2026-03'"),
                   ==, 10);
  g_assert_cmpint (query (f->path, "SELECT helper_calls FROM monthly_totals"
                                   " WHERE month = '2026-03'"),
                   ==, 7);
  g_assert_cmpint (query (f->path, "SELECT sessions FROM monthly_activity_totals"
                                   " WHERE month = '2026-03' AND activity_id = 'visio'"),
                   ==, 3);

  /* The dashboard still counts the month, from its totals. */
  report = escale_stats_report_new (store, "2026-03-01", "2026-03-31", NULL);
  g_assert_cmpuint (escale_stats_report_get_sessions (report), ==, 10);
  g_assert_cmpuint (escale_stats_report_get_folded_sessions (report), ==, 10);
  g_assert_cmpuint (escale_stats_report_get_help_asked (report), ==, 4);
  g_assert_cmpuint (find_group (escale_stats_report_get_activities (report), "visio")->sessions,
                    ==, 3);

  /* Folding again changes nothing. */
  g_assert_true (escale_stats_store_apply_retention (store, now, 13, &folded, NULL));
  g_assert_cmpuint (folded, ==, 0);
  g_assert_cmpint (query (f->path, "SELECT sessions FROM monthly_totals WHERE month = '2026-03'"),
                   ==, 10);

  /* Folding the April visit too: its unique activity name then only lives
   * in the totals table; the deleted row left no copy behind. */
  g_assert_true (escale_stats_store_fold_before (store, "2026-05-01", &folded, NULL));
  g_assert_cmpuint (folded, ==, 2);
  g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
  {
    guint seen = 0;

    for (gsize i = 0; i + 18 <= length; i++)
      if (memcmp (contents + i, "zz-marqueur-unique", 18) == 0)
        seen++;
    /* once in the totals table, once in its primary-key index */
    g_assert_cmpuint (seen, <=, 2);
  }
  g_assert_cmpint (query (f->path, "SELECT count (*) FROM sessions"), ==, 0);
  g_assert_cmpint (query (f->path, "SELECT count (*) FROM session_activities"), ==, 0);
  g_assert_cmpint (query (f->path, "SELECT count (*) FROM day_activity_totals"), ==, 0);
  assert_totals_match_rows (f->path);
}

static void
test_merge_counts_once (Fixture *f, gconstpointer data)
{
  g_autofree char *other_path = g_build_filename (f->dir, "other.db", NULL);
  g_autoptr(EscaleStatsStore) store = open_new_store (f->path);
  g_autoptr(EscaleStatsStore) other = open_new_store (other_path);
  g_autoptr(EscaleStatsReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 6, 1, 12, 0, 0);
  guint added = 0;

  fill_known_dataset (store);
  add_visit (other, 2026, 3, 10, 10, 15, 0, ESCALE_SATISFACTION_YES, ESCALE_AGE_60_69, "visio",
             "Échanger avec ses proches");
  add_visit (other, 2026, 3, 11, 10, 25, 1, ESCALE_SATISFACTION_YES, ESCALE_AGE_60_69, "culture",
             "Culture numérique");
  add_visit (other, 2025, 1, 11, 10, 25, 1, ESCALE_SATISFACTION_YES, ESCALE_AGE_60_69, "culture",
             "Culture numérique");
  /* The other kiosk folded January 2025 already. */
  g_assert_true (escale_stats_store_apply_retention (other, now, 13, NULL, NULL));
  g_assert_cmpstr (escale_stats_store_get_kiosk_id (store), !=,
                   escale_stats_store_get_kiosk_id (other));
  g_clear_object (&other);
  g_assert_true (g_file_get_contents (other_path, &before, NULL, NULL));

  g_assert_true (escale_stats_store_merge (store, other_path, &added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 2);
  assert_totals_match_rows (f->path);
  /* Merging the same store again adds nothing. */
  g_assert_true (escale_stats_store_merge (store, other_path, &added, &error));
  g_assert_cmpuint (added, ==, 0);

  report = escale_stats_report_new (store, "2026-03-01", "2026-03-31", NULL);
  g_assert_cmpuint (escale_stats_report_get_sessions (report), ==, 12);
  g_assert_cmpuint (find_group (escale_stats_report_get_activities (report), "visio")->sessions,
                    ==, 4);
  g_clear_object (&report);
  report = escale_stats_report_new (store, "2025-01-01", "2025-01-31", NULL);
  g_assert_cmpuint (escale_stats_report_get_sessions (report), ==, 1);
  g_assert_cmpint (query (f->path, "SELECT count (*) FROM monthly_totals"), ==, 1);

  /* The merged store was only read. */
  g_assert_true (g_file_get_contents (other_path, &after, NULL, NULL));
  g_assert_true (memcmp (before, after, 4096) == 0);
}

static void
test_merge_refuses_foreign_file (Fixture *f, gconstpointer data)
{
  g_autofree char *junk = g_build_filename (f->dir, "junk.db", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.db", NULL);
  g_autoptr(EscaleStatsStore) store = open_new_store (f->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (junk, "this is not a database, just text\n", -1, NULL));
  g_assert_false (escale_stats_store_merge (store, junk, NULL, &error));
  g_assert_error (error, ESCALE_STATS_ERROR, ESCALE_STATS_ERROR_CORRUPT);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (junk, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "this is not a database, just text\n");

  g_assert_false (escale_stats_store_merge (store, missing, NULL, &error));
  g_assert_error (error, ESCALE_STATS_ERROR, ESCALE_STATS_ERROR_OPEN);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

/* A visit with counters of two kinds, one declared only in its store. */
static void
add_counted_visit (EscaleStatsStore *store, int month, int day, gint64 calls, gint64 photos)
{
  g_autoptr(GDateTime) start = g_date_time_new_local (2026, month, day, 10, 0, 0);
  g_autoptr(EscaleSessionRecord)
               record = escale_session_record_new (start, 20 * 60, ESCALE_END_FINISHED, 0);

  escale_session_record_add_count (record, "call", "started", calls);
  escale_session_record_add_count (record, "photos", "taken", photos);
  g_assert_true (escale_stats_store_add_session (store, record, NULL));
}

/* Merging brings the other kiosk's counters (rows, folded months and the
 * labels of a kind only it declared) once; a store of schema 6 is refused
 * until it was opened once, then its calls arrive as counters. */
static void
test_merge_counters (Fixture *f, gconstpointer data)
{
  static const EscaleCounterSpec photos[] = { { "taken", "Photos prises" }, { NULL, NULL } };
  g_autofree char *other_path = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *old_path = g_build_filename (f->dir, "old.db", NULL);
  g_autoptr(EscaleStatsStore) store = open_new_store (f->path);
  g_autoptr(EscaleStatsStore) other = open_new_store (other_path);
  g_autoptr(EscaleStatsReport) report = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_local (2027, 4, 1, 12, 0, 0);
  g_autoptr(GError) error = NULL;
  guint added = 0;

  add_counted_visit (store, 3, 2, 1, 0);
  g_assert_true (escale_stats_store_declare_counters (other, "photos", photos, NULL));
  add_counted_visit (other, 3, 3, 2, 5);
  add_counted_visit (other, 1, 10, 4, 1);
  /* The other kiosk folded its January already. */
  g_assert_true (escale_stats_store_apply_retention (other, now, 13, NULL, NULL));
  g_clear_object (&other);

  for (guint round = 0; round < 2; round++)
    {
      g_assert_true (escale_stats_store_merge (store, other_path, &added, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (added, ==, round == 0 ? 1 : 0);
    }
  assert_totals_match_rows (f->path);
  report = escale_stats_report_new (store, "2026-01-01", "2026-03-31", NULL);
  g_assert_cmpuint (escale_stats_report_get_counter_value (report, "call", "started"), ==, 7);
  g_assert_cmpuint (escale_stats_report_get_counter_value (report, "photos", "taken"), ==, 6);
  g_assert_cmpint (query (f->path, "SELECT count (*) FROM counter_labels"
                                   " WHERE label = 'Photos prises'"),
                   ==, 1);
  g_clear_object (&report);

  make_v6_store (old_path);
  g_assert_false (escale_stats_store_merge (store, old_path, NULL, &error));
  g_assert_error (error, ESCALE_STATS_ERROR, ESCALE_STATS_ERROR_TOO_NEW);
  g_clear_error (&error);
  other = escale_stats_store_new (old_path);
  g_test_expect_message ("escale-stats", G_LOG_LEVEL_MESSAGE, "*schema 7*");
  g_assert_true (escale_stats_store_open (other, NULL));
  g_test_assert_expected_messages ();
  g_clear_object (&other);
  g_assert_true (escale_stats_store_merge (store, old_path, &added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 4);
  assert_totals_match_rows (f->path);
  report = escale_stats_report_new (store, "2025-01-01", "2026-03-31", NULL);
  /* 7 from here, 6 from the old store's visits, 8 from its folded months. */
  g_assert_cmpuint (escale_stats_report_get_counter_value (report, "call", "started"), ==,
                    7 + 6 + 8);
  g_assert_cmpuint (escale_stats_report_get_counter_value (report, "call", "minutes"), ==,
                    73 + 90);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/escale/stats-model/retention-folds-then-vacuums", test_retention_folds_then_vacuums);
  ADD ("/escale/stats-model/merge-counts-once", test_merge_counts_once);
  ADD ("/escale/stats-model/merge-refuses-foreign-file", test_merge_refuses_foreign_file);
  ADD ("/escale/stats-model/merge-counters", test_merge_counters);
#undef ADD
  return g_test_run ();
}
