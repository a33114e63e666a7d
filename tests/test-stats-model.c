/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "stats-test-util.h"

/* The stats store's schema over time: every migration keeps every row
 * and figure of the store it finds. */

/* The spine's schema, exactly as version 1 created it. */
static const char v1_schema[] =
  "CREATE TABLE sessions ("
  "  id INTEGER PRIMARY KEY,"
  "  day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
  "  start_hour INTEGER NOT NULL CHECK (start_hour BETWEEN 0 AND 23),"
  "  weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),"
  "  duration_min INTEGER NOT NULL CHECK (duration_min >= 0),"
  "  end_reason TEXT NOT NULL CHECK (end_reason IN ('finished', 'timeout', 'staff')),"
  "  helper_calls INTEGER NOT NULL DEFAULT 0 CHECK (helper_calls >= 0)"
  ");"
  "CREATE INDEX sessions_by_day ON sessions (day);"
  "CREATE TABLE session_activities ("
  "  session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,"
  "  activity_id TEXT NOT NULL,"
  "  minutes INTEGER NOT NULL CHECK (minutes >= 0),"
  "  PRIMARY KEY (session_id, activity_id)"
  ");"
  "INSERT INTO sessions VALUES (1, '2026-03-02', 9, 1, 40, 'finished', 0);"
  "INSERT INTO sessions VALUES (2, '2026-03-03', 14, 2, 75, 'timeout', 2);"
  "INSERT INTO session_activities VALUES (1, 'culture', 30);"
  "INSERT INTO session_activities VALUES (2, 'visio', 70);"
  "PRAGMA user_version = 1;"
  "PRAGMA application_id = 1163084609;";

static void
test_migrates_v1_keeping_rows (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleStatsStore) store = NULL;
  g_autoptr(EscaleStatsReport) report = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, v1_schema, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = escale_stats_store_new (f->path);
  g_test_expect_message ("escale-stats", G_LOG_LEVEL_MESSAGE, "*schema 2*");
  g_assert_true (escale_stats_store_open (store, NULL));
  g_test_assert_expected_messages ();

  g_assert_cmpint (escale_stats_store_get_schema_version (store), ==, ESCALE_STATS_SCHEMA_VERSION);
  g_assert_cmpint (query (f->path, "SELECT count (*) FROM sessions"), ==, 2);
  g_assert_cmpint (query (f->path, "SELECT sum (minutes) FROM session_activities"), ==, 100);
  /* Every old visit got its own random id and this kiosk's id. */
  g_assert_cmpint (query (f->path, "SELECT count (DISTINCT uid) FROM sessions"), ==, 2);
  g_assert_cmpint (query (f->path, "SELECT length (uid) FROM sessions WHERE id = 1"), ==, 32);
  g_assert_cmpint (query (f->path, "SELECT count (*) FROM sessions s, meta m"
                                   " WHERE m.key = 'kiosk_id' AND s.kiosk_id = m.value"),
                   ==, 2);
  /* A visit where a helper was called counts as help asked. */
  g_assert_cmpint (query (f->path, "SELECT help_asked FROM sessions WHERE id = 2"), ==, 1);
  g_assert_cmpint (query (f->path, "SELECT help_asked FROM sessions WHERE id = 1"), ==, 0);
  g_assert_cmpint (query (f->path, "SELECT count (*) FROM sessions WHERE satisfaction IS NULL"
                                   " AND age_bracket IS NULL"),
                   ==, 2);
  /* Activity rows carry their visit's day, for the dashboard's index. */
  g_assert_cmpint (query (f->path, "SELECT count (*) FROM session_activities a JOIN sessions s"
                                   " ON s.id = a.session_id WHERE a.day = s.day"),
                   ==, 2);

  report = escale_stats_report_new (store, "2026-03-01", "2026-03-31", NULL);
  g_assert_nonnull (report);
  g_assert_cmpuint (escale_stats_report_get_sessions (report), ==, 2);
  g_assert_cmpuint (escale_stats_report_get_minutes (report), ==, 115);

  /* New visits go on next to the old ones. */
  add_visit (store, 2026, 3, 4, 10, 20, 0, ESCALE_SATISFACTION_YES, ESCALE_AGE_70_PLUS, "visio",
             "Échanger avec ses proches");
  g_assert_cmpint (query (f->path, "SELECT count (*) FROM sessions"), ==, 3);
}

/* A development build's schema 2 already had the activities' day column:
 * schema 3 must still apply on it, keeping every row. */
static void
test_migrates_dev_v2_with_day (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleStatsStore) store = open_new_store (f->path);
  sqlite3 *db = NULL;

  add_visit (store, 2026, 3, 4, 10, 20, 0, ESCALE_SATISFACTION_YES, ESCALE_AGE_70_PLUS, "visio",
             "Échanger avec ses proches");
  g_clear_object (&store);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, undo_schema_4, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DROP INDEX activities_by_day; PRAGMA user_version = 2", NULL,
                                 NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);

  store = escale_stats_store_new (f->path);
  g_test_expect_message ("escale-stats", G_LOG_LEVEL_MESSAGE, "*schema 3*");
  g_assert_true (escale_stats_store_open (store, NULL));
  g_test_assert_expected_messages ();
  g_assert_cmpint (escale_stats_store_get_schema_version (store), ==, ESCALE_STATS_SCHEMA_VERSION);
  g_assert_cmpint (query (f->path, "SELECT count (*) FROM session_activities"
                                   " WHERE day = '2026-03-04'"),
                   ==, 1);
  g_assert_cmpint (query (f->path, "SELECT count (*) FROM sqlite_master"
                                   " WHERE name = 'activities_by_day'"),
                   ==, 1);
}

static void
test_new_visit_fields (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleStatsStore) store = open_new_store (f->path);

  add_visit (store, 2026, 11, 27, 15, 12, 1, ESCALE_SATISFACTION_PARTLY, ESCALE_AGE_60_69,
             "demarches", "Aide aux démarches administratives");
  g_assert_cmpint (query (f->path, "SELECT help_asked FROM sessions"), ==, 1);
  g_assert_cmpint (query (f->path, "SELECT satisfaction = 'en-partie' FROM sessions"), ==, 1);
  g_assert_cmpint (query (f->path, "SELECT age_bracket = '60-69' FROM sessions"), ==, 1);
  g_assert_cmpint (query (f->path, "SELECT theme = 'Aide aux démarches administratives'"
                                   " FROM session_activities"),
                   ==, 1);
  g_assert_cmpstr (escale_stats_store_get_kiosk_id (store), !=, NULL);
  g_assert_cmpint (strlen (escale_stats_store_get_kiosk_id (store)), ==, 32);
}

/* A store of schema 3 (before the per-day totals) with visits: the
 * migration builds the totals from its rows, and writes go on. */
static void
test_migrates_v3_building_day_totals (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleStatsStore) store = open_new_store (f->path);
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  sqlite3 *db = NULL;

  for (guint i = 0; i < 300; i++)
    add_random_visit (store, rand);
  g_clear_object (&store);
  /* Back to exactly schema 3: migration 4 only added these. */
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, undo_schema_4, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 3", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (query (f->path, "SELECT count (*) FROM sqlite_master"
                                   " WHERE name LIKE 'day%totals'"),
                   ==, 0);

  store = escale_stats_store_new (f->path);
  g_test_expect_message ("escale-stats", G_LOG_LEVEL_MESSAGE, "*schema 4*");
  g_assert_true (escale_stats_store_open (store, NULL));
  g_test_assert_expected_messages ();
  g_assert_cmpint (escale_stats_store_get_schema_version (store), ==, ESCALE_STATS_SCHEMA_VERSION);
  g_assert_cmpint (query (f->path, "SELECT count (*) FROM sessions"), ==, 300);
  g_assert_cmpint (query (f->path, "SELECT sum (sessions) FROM day_totals"), ==, 300);
  assert_totals_match_rows (f->path);
  assert_report_matches_rows (store, f->path, "2026-01-01", "2026-06-30");

  for (guint i = 0; i < 20; i++)
    add_random_visit (store, rand);
  g_assert_cmpint (query (f->path, "SELECT sum (sessions) FROM day_totals"), ==, 320);
  assert_totals_match_rows (f->path);
}

/* The call figures of schema 6, by the old tables' column and the
 * counter each becomes in schema 7, and the folded months of make_v6_store. */
static const char *const call_columns[][2] = {
  { "calls_started", "started" },
  { "calls_connected", "connected" },
  { "call_minutes", "minutes" },
};
static const char *const call_months[] = { "2025-01", "2025-02" };

/* Every call figure of a store, per visit (ids 1 to 4) and per folded month. */
typedef struct
{
  gint64 per_visit[5][G_N_ELEMENTS (call_columns)];
  gint64 per_month[G_N_ELEMENTS (call_months)][G_N_ELEMENTS (call_columns)];
} CallFigures;

/* Reads @figures from the old call tables of the schema-6 store at @path. */
static void
read_v6_call_figures (const char *path, CallFigures *figures)
{
  for (guint c = 0; c < G_N_ELEMENTS (call_columns); c++)
    {
      for (guint id = 1; id <= 4; id++)
        {
          g_autofree char *sql = g_strdup_printf ("SELECT ifnull (sum (%s), 0) FROM"
                                                  " session_calls WHERE session_id = %u",
                                                  call_columns[c][0], id);

          figures->per_visit[id][c] = query (path, sql);
        }
      for (guint m = 0; m < G_N_ELEMENTS (call_months); m++)
        {
          g_autofree char *sql = g_strdup_printf ("SELECT ifnull (sum (%s), 0) FROM"
                                                  " monthly_call_totals WHERE month = '%s'",
                                                  call_columns[c][0], call_months[m]);

          figures->per_month[m][c] = query (path, sql);
        }
    }
}

/* The 'call' counters of the migrated store at @path hold @figures. */
static void
assert_call_counters_hold (const char *path, const CallFigures *figures)
{
  for (guint c = 0; c < G_N_ELEMENTS (call_columns); c++)
    {
      for (guint id = 1; id <= 4; id++)
        {
          g_autofree char *sql = g_strdup_printf ("SELECT ifnull (sum (value), 0) FROM"
                                                  " session_counters WHERE session_id = %u"
                                                  " AND kind = 'call' AND counter = '%s'",
                                                  id, call_columns[c][1]);

          g_assert_cmpint (query (path, sql), ==, figures->per_visit[id][c]);
        }
      for (guint m = 0; m < G_N_ELEMENTS (call_months); m++)
        {
          g_autofree char *sql = g_strdup_printf ("SELECT ifnull (sum (value), 0) FROM"
                                                  " monthly_counter_totals WHERE month = '%s'"
                                                  " AND kiosk_id = 'k0' AND kind = 'call'"
                                                  " AND counter = '%s'",
                                                  call_months[m], call_columns[c][1]);

          g_assert_cmpint (query (path, sql), ==, figures->per_month[m][c]);
        }
    }
}

/* What the migration leaves besides the values: no row for a zero, no old
 * table, the labels, every visit. */
static void
assert_call_tables_replaced (const char *path)
{
  /* Zeros leave no row: visit 2 connected nothing and talked 0 minutes. */
  g_assert_cmpint (query (path, "SELECT count (*) FROM session_counters"), ==, 7);
  g_assert_cmpint (query (path, "SELECT count (*) FROM monthly_counter_totals"), ==, 4);
  g_assert_cmpint (query (path, "SELECT count (*) FROM sqlite_master WHERE name IN"
                                " ('session_calls', 'monthly_call_totals')"),
                   ==, 0);
  g_assert_cmpint (query (path, "SELECT count (*) FROM counter_labels WHERE kind = 'call'"
                                " AND label IN ('Appels vidéo lancés', 'Appels vidéo aboutis',"
                                " 'Minutes en communication')"),
                   ==, 3);
  g_assert_cmpint (query (path, "SELECT count (*) FROM sessions"), ==, 4);
}

/* The dashboard's call figures of March 2026 and of the folded months. */
static void
assert_call_figures_reported (EscaleStatsStore *store)
{
  g_autoptr(EscaleStatsReport)
               month = escale_stats_report_new (store, "2026-03-01", "2026-03-31", NULL);
  g_autoptr(EscaleStatsReport)
               folded = escale_stats_report_new (store, "2025-01-01", "2025-02-28", NULL);

  g_assert_cmpuint (escale_stats_report_get_counter_value (month, "call", "started"), ==, 6);
  g_assert_cmpuint (escale_stats_report_get_counter_value (month, "call", "connected"), ==, 4);
  g_assert_cmpuint (escale_stats_report_get_counter_value (month, "call", "minutes"), ==, 73);
  g_assert_cmpuint (escale_stats_report_get_counter_value (folded, "call", "started"), ==, 8);
  g_assert_cmpuint (escale_stats_report_get_counter_value (folded, "call", "connected"), ==, 5);
  g_assert_cmpuint (escale_stats_report_get_counter_value (folded, "call", "minutes"), ==, 90);
  g_assert_cmpuint (escale_stats_report_get_sessions (folded), ==, 10);
}

/* Schema 6 to 7: every call figure of the old tables, per visit and per
 * folded month, becomes a 'call' counter with the same value (zeros are
 * not stored), the labels come along, the old tables go; the dashboard's
 * figures are the same before and after. */
static void
test_migrates_v6_calls_to_counters (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleStatsStore) store = NULL;
  CallFigures figures;

  make_v6_store (f->path);
  read_v6_call_figures (f->path, &figures);
  g_assert_cmpint (figures.per_visit[1][0] + figures.per_visit[2][0] + figures.per_visit[3][0], ==,
                   6);
  g_assert_cmpint (figures.per_month[0][2], ==, 90);

  store = escale_stats_store_new (f->path);
  g_test_expect_message ("escale-stats", G_LOG_LEVEL_MESSAGE, "*schema 7*");
  g_assert_true (escale_stats_store_open (store, NULL));
  g_test_assert_expected_messages ();
  g_assert_cmpint (escale_stats_store_get_schema_version (store), ==, ESCALE_STATS_SCHEMA_VERSION);

  assert_call_counters_hold (f->path, &figures);
  assert_call_tables_replaced (f->path);
  assert_totals_match_rows (f->path);
  assert_report_matches_rows (store, f->path, "2026-03-01", "2026-03-31");
  assert_call_figures_reported (store);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/escale/stats-model/migrates-v1-keeping-rows", test_migrates_v1_keeping_rows);
  ADD ("/escale/stats-model/migrates-dev-v2-with-day", test_migrates_dev_v2_with_day);
  ADD ("/escale/stats-model/new-visit-fields", test_new_visit_fields);
  ADD ("/escale/stats-model/migrates-v3-building-day-totals",
       test_migrates_v3_building_day_totals);
  ADD ("/escale/stats-model/migrates-v6-calls-to-counters", test_migrates_v6_calls_to_counters);
#undef ADD
  return g_test_run ();
}
