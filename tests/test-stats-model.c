/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "escale-scratch.h"
#include "escale-stats-export.h"
#include "escale-stats-report.h"
#include "escale-stats-store.h"

/* The staff space's stats model: migration from the spine's schema, the
 * aggregates on a known dataset, exports, retention and merging. */

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  f->dir = g_dir_make_tmp ("escale-model-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "stats.db", NULL);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  escale_remove_tree (f->dir, NULL);
  g_free (f->dir);
  g_free (f->path);
}

static gint64
query (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static EscaleStatsStore *
open_new_store (const char *path)
{
  EscaleStatsStore *store = escale_stats_store_new (path);

  g_test_expect_message ("escale-stats", G_LOG_LEVEL_MESSAGE, "*schema 1*");
  g_test_expect_message ("escale-stats", G_LOG_LEVEL_MESSAGE, "*schema 2*");
  g_assert_true (escale_stats_store_open (store, NULL));
  g_test_assert_expected_messages ();
  return store;
}

/* The per-day totals of schema 4 hold exactly what the visit rows give:
 * each table, recomputed from the rows, differs from it by no row either
 * way. */
static void
assert_totals_match_rows (const char *path)
{
  static const char *const pairs[][2] = {
    { "SELECT day, count (*), sum (duration_min), sum (accompanied), sum (helper_calls),"
      " sum (duration_min < 30), sum (duration_min >= 30 AND duration_min < 60),"
      " sum (duration_min >= 60 AND duration_min < 120), sum (duration_min >= 120),"
      " sum (satisfaction IS 'oui'), sum (satisfaction IS 'en-partie'),"
      " sum (satisfaction IS 'non'), sum (age_bracket IS '18-24'),"
      " sum (age_bracket IS '25-39'), sum (age_bracket IS '40-59'),"
      " sum (age_bracket IS '60-69'), sum (age_bracket IS '70+'),"
      " sum (age_bracket IS 'refus') FROM sessions GROUP BY day",
      "SELECT * FROM day_totals" },
    { "SELECT day, weekday, start_hour, count (*) FROM sessions GROUP BY 1, 2, 3",
      "SELECT * FROM day_hour_totals" },
    { "SELECT day, duration_min, count (*) FROM sessions GROUP BY 1, 2",
      "SELECT * FROM day_duration_totals" },
    { "SELECT day, activity_id, ifnull (theme, ''), count (*), sum (minutes)"
      " FROM session_activities GROUP BY 1, 2, 3",
      "SELECT * FROM day_activity_totals" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_autofree char *one = g_strdup_printf ("SELECT count (*) FROM (%s EXCEPT %s)",
                                              pairs[i][0], pairs[i][1]);
      g_autofree char *other = g_strdup_printf ("SELECT count (*) FROM (%s EXCEPT %s)",
                                                pairs[i][1], pairs[i][0]);

      g_assert_cmpint (query (path, one), ==, 0);
      g_assert_cmpint (query (path, other), ==, 0);
    }
}

/* What migrations 4 to 6 added: dropping it gives back exactly schema 3. */
static const char undo_schema_4[] =
  "DROP TABLE monthly_call_totals; DROP TABLE session_calls;"
  "DROP TRIGGER day_totals_add; DROP TRIGGER day_totals_remove;"
  "DROP TRIGGER day_activity_totals_add; DROP TRIGGER day_activity_totals_remove;"
  "DROP TABLE day_totals; DROP TABLE day_hour_totals;"
  "DROP TABLE day_duration_totals; DROP TABLE day_activity_totals;";

/* A visit on @day at @hour, lasting @minutes, with optional answers. */
static void
add_visit (EscaleStatsStore *store, int year, int month, int day, int hour, int minutes,
           int helper_calls, EscaleSatisfaction satisfaction, EscaleAgeBracket age,
           const char *activity, const char *theme)
{
  g_autoptr(GDateTime) start = g_date_time_new_local (year, month, day, hour, 10, 0);
  g_autoptr(EscaleSessionRecord) record =
    escale_session_record_new (start, minutes * 60, ESCALE_END_FINISHED, helper_calls);

  record->satisfaction = satisfaction;
  record->age_bracket = age;
  if (activity != NULL)
    {
      escale_session_record_add_activity (record, activity, minutes * 60);
      escale_session_record_set_theme (record, activity, theme);
    }
  g_assert_true (escale_stats_store_add_session (store, record, NULL));
}

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

  g_assert_cmpint (escale_stats_store_get_schema_version (store), ==, 6);
  g_assert_cmpint (query (f->path, "SELECT count (*) FROM sessions"), ==, 2);
  g_assert_cmpint (query (f->path, "SELECT sum (minutes) FROM session_activities"), ==, 100);
  /* Every old visit got its own random id and this kiosk's id. */
  g_assert_cmpint (query (f->path, "SELECT count (DISTINCT uid) FROM sessions"), ==, 2);
  g_assert_cmpint (query (f->path, "SELECT length (uid) FROM sessions WHERE id = 1"), ==, 32);
  g_assert_cmpint (query (f->path, "SELECT count (*) FROM sessions s, meta m"
                                   " WHERE m.key = 'kiosk_id' AND s.kiosk_id = m.value"), ==, 2);
  /* A visit where a helper was called counts as accompanied. */
  g_assert_cmpint (query (f->path, "SELECT accompanied FROM sessions WHERE id = 2"), ==, 1);
  g_assert_cmpint (query (f->path, "SELECT accompanied FROM sessions WHERE id = 1"), ==, 0);
  g_assert_cmpint (query (f->path, "SELECT count (*) FROM sessions WHERE satisfaction IS NULL"
                                   " AND age_bracket IS NULL"), ==, 2);
  /* Activity rows carry their visit's day, for the dashboard's index. */
  g_assert_cmpint (query (f->path, "SELECT count (*) FROM session_activities a JOIN sessions s"
                                   " ON s.id = a.session_id WHERE a.day = s.day"), ==, 2);

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
  g_assert_cmpint (sqlite3_exec (db, "DROP INDEX activities_by_day; PRAGMA user_version = 2",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = escale_stats_store_new (f->path);
  g_test_expect_message ("escale-stats", G_LOG_LEVEL_MESSAGE, "*schema 3*");
  g_assert_true (escale_stats_store_open (store, NULL));
  g_test_assert_expected_messages ();
  g_assert_cmpint (escale_stats_store_get_schema_version (store), ==, 6);
  g_assert_cmpint (query (f->path, "SELECT count (*) FROM session_activities"
                                   " WHERE day = '2026-03-04'"), ==, 1);
  g_assert_cmpint (query (f->path, "SELECT count (*) FROM sqlite_master"
                                   " WHERE name = 'activities_by_day'"), ==, 1);
}

static void
test_new_visit_fields (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleStatsStore) store = open_new_store (f->path);

  add_visit (store, 2026, 11, 27, 15, 12, 1, ESCALE_SATISFACTION_PARTLY, ESCALE_AGE_60_69,
             "demarches", "Aide aux démarches administratives");
  g_assert_cmpint (query (f->path, "SELECT accompanied FROM sessions"), ==, 1);
  g_assert_cmpint (query (f->path, "SELECT satisfaction = 'en-partie' FROM sessions"), ==, 1);
  g_assert_cmpint (query (f->path, "SELECT age_bracket = '60-69' FROM sessions"), ==, 1);
  g_assert_cmpint (query (f->path, "SELECT theme = 'Aide aux démarches administratives'"
                                   " FROM session_activities"), ==, 1);
  g_assert_cmpstr (escale_stats_store_get_kiosk_id (store), !=, NULL);
  g_assert_cmpint (strlen (escale_stats_store_get_kiosk_id (store)), ==, 32);
}

/* Ten visits in March 2026 whose figures are known by hand. */
static void
fill_known_dataset (EscaleStatsStore *store)
{
  /* 2 March 2026 is a Monday. */
  add_visit (store, 2026, 3, 2, 9, 10, 0, ESCALE_SATISFACTION_YES, ESCALE_AGE_70_PLUS, "visio",
             "Échanger avec ses proches");
  add_visit (store, 2026, 3, 2, 9, 20, 1, ESCALE_SATISFACTION_YES, ESCALE_AGE_70_PLUS, "visio",
             "Échanger avec ses proches");
  add_visit (store, 2026, 3, 2, 14, 29, 0, ESCALE_SATISFACTION_NO, ESCALE_AGE_60_69, "culture",
             "Culture numérique");
  add_visit (store, 2026, 3, 3, 10, 30, 2, ESCALE_SATISFACTION_PARTLY, ESCALE_AGE_40_59,
             "demarches", "Aide aux démarches administratives");
  add_visit (store, 2026, 3, 3, 10, 45, 0, ESCALE_SATISFACTION_NONE, ESCALE_AGE_NONE, "culture",
             "Culture numérique");
  add_visit (store, 2026, 3, 4, 11, 59, 0, ESCALE_SATISFACTION_YES, ESCALE_AGE_DECLINED,
             "demarches", "Aide aux démarches administratives");
  add_visit (store, 2026, 3, 4, 11, 60, 1, ESCALE_SATISFACTION_NONE, ESCALE_AGE_18_24, "photos",
             "Prendre en main du matériel");
  add_visit (store, 2026, 3, 5, 16, 90, 0, ESCALE_SATISFACTION_YES, ESCALE_AGE_25_39, "visio",
             "Échanger avec ses proches");
  add_visit (store, 2026, 3, 5, 16, 120, 0, ESCALE_SATISFACTION_NONE, ESCALE_AGE_70_PLUS, NULL,
             NULL);
  add_visit (store, 2026, 3, 31, 17, 200, 3, ESCALE_SATISFACTION_NO, ESCALE_AGE_70_PLUS,
             "culture", "Culture numérique");
  /* Outside the period: never counted. */
  add_visit (store, 2026, 4, 1, 9, 500, 5, ESCALE_SATISFACTION_NO, ESCALE_AGE_18_24, "culture",
             "Culture numérique");
  add_visit (store, 2026, 2, 28, 9, 500, 5, ESCALE_SATISFACTION_NO, ESCALE_AGE_18_24, "culture",
             "Culture numérique");
}

static EscaleStatsGroup *
find_group (GPtrArray *groups, const char *name)
{
  for (guint i = 0; i < groups->len; i++)
    if (g_strcmp0 (((EscaleStatsGroup *) groups->pdata[i])->name, name) == 0)
      return groups->pdata[i];
  return NULL;
}

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
  g_assert_cmpuint (escale_stats_report_get_accompanied (report), ==, 4);
  g_assert_cmpuint (escale_stats_report_get_autonomous (report), ==, 6);
  g_assert_cmpuint (escale_stats_report_get_helper_calls (report), ==, 7);
  g_assert_cmpuint (escale_stats_report_get_satisfaction (report, ESCALE_SATISFACTION_YES), ==,
                    4);
  g_assert_cmpuint (escale_stats_report_get_satisfaction (report, ESCALE_SATISFACTION_PARTLY),
                    ==, 1);
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
                      ->sessions, ==, 3);
}

/* A visit of up to two activities drawn from @rand (one of them without a
 * theme), for the comparison with the visit rows. */
static void
add_random_visit (EscaleStatsStore *store, GRand *rand)
{
  static const char *const activities[][2] = {
    { "visio", "Échanger avec ses proches" }, { "culture", "Culture numérique" },
    { "demarches", "Aide aux démarches administratives" }, { "sans-theme", NULL },
  };
  g_autoptr(GDateTime) start =
    g_date_time_new_local (2026, g_rand_int_range (rand, 1, 7), g_rand_int_range (rand, 1, 29),
                           g_rand_int_range (rand, 8, 20), 5, 0);
  int minutes = g_rand_int_range (rand, 0, 4) == 0 ? g_rand_int_range (rand, 0, 300)
                                                  : g_rand_int_range (rand, 1, 70);
  g_autoptr(EscaleSessionRecord) record =
    escale_session_record_new (start, minutes * 60 + 30, g_rand_int_range (rand, 0, 3),
                               g_rand_int_range (rand, 0, 5) == 0 ? g_rand_int_range (rand, 1, 3)
                                                                  : 0);
  guint first = g_rand_int_range (rand, 0, G_N_ELEMENTS (activities));

  record->satisfaction = g_rand_int_range (rand, 0, ESCALE_N_SATISFACTION);
  record->age_bracket = g_rand_int_range (rand, 0, ESCALE_N_AGE_BRACKETS);
  for (guint i = 0; i < (guint) g_rand_int_range (rand, 0, 3); i++)
    {
      guint a = (first + i) % G_N_ELEMENTS (activities);

      escale_session_record_add_activity (record, activities[a][0], minutes * 30);
      if (activities[a][1] != NULL)
        escale_session_record_set_theme (record, activities[a][0], activities[a][1]);
    }
  g_assert_true (escale_stats_store_add_session (store, record, NULL));
}

static gint64
query_period (const char *path, const char *from, const char *to, const char *format, ...)
  G_GNUC_PRINTF (4, 5);

/* Runs @format with each @ replaced by the period's condition on day. */
static gint64
query_period (const char *path, const char *from, const char *to, const char *format, ...)
{
  g_autofree char *where = g_strdup_printf (" day BETWEEN '%s' AND '%s' ", from, to);
  g_autofree char *sql = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *filled = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  parts = g_strsplit (sql, "@", -1);
  filled = g_strjoinv (where, parts);
  return query (path, filled);
}

/* The report of @from..@to gives what the visit rows give when read one
 * by one (as the report did before the per-day totals). */
static void
assert_report_matches_rows (EscaleStatsStore *store, const char *path, const char *from,
                            const char *to)
{
  g_autoptr(EscaleStatsReport) report = escale_stats_report_new (store, from, to, NULL);
  gint64 n = query_period (path, from, to, "SELECT count (*) FROM sessions WHERE @");
  static const char *const satisfaction[] = { "IS NULL", "= 'oui'", "= 'en-partie'", "= 'non'" };
  static const char *const ages[] = { "IS NULL", "= '18-24'", "= '25-39'", "= '40-59'",
                                      "= '60-69'", "= '70+'", "= 'refus'" };
  static const char *const buckets[] = { "< 30", "BETWEEN 30 AND 59", "BETWEEN 60 AND 119",
                                         ">= 120" };
  GArray *days;
  GPtrArray *groups;

  g_assert_nonnull (report);
  g_assert_cmpint (escale_stats_report_get_sessions (report), ==, n);
  g_assert_cmpint (escale_stats_report_get_minutes (report), ==,
                   query_period (path, from, to,
                                 "SELECT total (duration_min) FROM sessions WHERE @"));
  g_assert_cmpint (escale_stats_report_get_accompanied (report), ==,
                   query_period (path, from, to,
                                 "SELECT total (accompanied) FROM sessions WHERE @"));
  g_assert_cmpint (escale_stats_report_get_helper_calls (report), ==,
                   query_period (path, from, to,
                                 "SELECT total (helper_calls) FROM sessions WHERE @"));
  if (n > 0)
    {
      gint64 low = query_period (path, from, to,
                                 "SELECT duration_min FROM sessions WHERE @ ORDER BY 1"
                                 " LIMIT 1 OFFSET %" G_GINT64_FORMAT, (n - 1) / 2);
      gint64 high = query_period (path, from, to,
                                  "SELECT duration_min FROM sessions WHERE @ ORDER BY 1"
                                  " LIMIT 1 OFFSET %" G_GINT64_FORMAT, n / 2);

      g_assert_cmpfloat (escale_stats_report_get_median_minutes (report), ==,
                         (low + high) / 2.0);
    }
  for (guint b = 0; b < ESCALE_N_DURATION_BUCKETS; b++)
    g_assert_cmpint (escale_stats_report_get_duration_bucket (report, b), ==,
                     query_period (path, from, to,
                                   "SELECT count (*) FROM sessions WHERE @ AND duration_min %s",
                                   buckets[b]));
  for (guint v = 0; v < ESCALE_N_SATISFACTION; v++)
    g_assert_cmpint (escale_stats_report_get_satisfaction (report, v), ==,
                     query_period (path, from, to,
                                   "SELECT count (*) FROM sessions WHERE @ AND satisfaction %s",
                                   satisfaction[v]));
  for (guint v = 0; v < ESCALE_N_AGE_BRACKETS; v++)
    g_assert_cmpint (escale_stats_report_get_age (report, v), ==,
                     query_period (path, from, to,
                                   "SELECT count (*) FROM sessions WHERE @ AND age_bracket %s",
                                   ages[v]));
  for (int w = 1; w <= 7; w++)
    g_assert_cmpint (escale_stats_report_get_heat (report, w, 14) +
                       escale_stats_report_get_heat (report, w, 9), ==,
                     query_period (path, from, to,
                                   "SELECT count (*) FROM sessions WHERE @ AND weekday = %d"
                                   " AND start_hour IN (9, 14)", w));

  days = escale_stats_report_get_days (report);
  g_assert_cmpint (days->len, ==,
                   query_period (path, from, to,
                                 "SELECT count (DISTINCT day) FROM sessions WHERE @"));
  for (guint i = 0; i < days->len; i++)
    {
      EscaleStatsDay *day = &g_array_index (days, EscaleStatsDay, i);

      g_assert_cmpint (day->sessions, ==,
                       query_period (path, day->day, day->day,
                                     "SELECT count (*) FROM sessions WHERE @"));
      if (i > 0)
        g_assert_cmpstr (g_array_index (days, EscaleStatsDay, i - 1).day, <, day->day);
    }

  groups = escale_stats_report_get_activities (report);
  g_assert_cmpint (groups->len, ==,
                   query_period (path, from, to,
                                 "SELECT count (DISTINCT activity_id) FROM session_activities"
                                 " WHERE @"));
  for (guint i = 0; i < groups->len; i++)
    {
      EscaleStatsGroup *group = groups->pdata[i];

      g_assert_cmpint (group->sessions, ==,
                       query_period (path, from, to,
                                     "SELECT count (*) FROM session_activities WHERE @"
                                     " AND activity_id = '%s'", group->name));
      g_assert_cmpint (group->minutes, ==,
                       query_period (path, from, to,
                                     "SELECT total (minutes) FROM session_activities WHERE @"
                                     " AND activity_id = '%s'", group->name));
      g_assert_true ((group->theme == NULL) == (strcmp (group->name, "sans-theme") == 0));
    }
  groups = escale_stats_report_get_themes (report);
  for (guint i = 0; i < groups->len; i++)
    {
      EscaleStatsGroup *group = groups->pdata[i];

      if (strcmp (group->name, "Sans thématique") == 0)
        g_assert_cmpint (group->sessions, ==,
                         query_period (path, from, to,
                                       "SELECT count (*) FROM session_activities WHERE @"
                                       " AND theme IS NULL"));
      else
        g_assert_cmpint (group->sessions, ==,
                         query_period (path, from, to,
                                       "SELECT count (*) FROM session_activities WHERE @"
                                       " AND theme = '%s'", group->name));
    }
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
                                   " WHERE day < '2026-03-15'"), ==, 0);
  assert_report_matches_rows (store, f->path, "2026-04-01", "2026-06-30");
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
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 3", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (query (f->path, "SELECT count (*) FROM sqlite_master"
                                   " WHERE name LIKE 'day%totals'"), ==, 0);

  store = escale_stats_store_new (f->path);
  g_test_expect_message ("escale-stats", G_LOG_LEVEL_MESSAGE, "*schema 4*");
  g_assert_true (escale_stats_store_open (store, NULL));
  g_test_assert_expected_messages ();
  g_assert_cmpint (escale_stats_store_get_schema_version (store), ==, 6);
  g_assert_cmpint (query (f->path, "SELECT count (*) FROM sessions"), ==, 300);
  g_assert_cmpint (query (f->path, "SELECT sum (sessions) FROM day_totals"), ==, 300);
  assert_totals_match_rows (f->path);
  assert_report_matches_rows (store, f->path, "2026-01-01", "2026-06-30");

  for (guint i = 0; i < 20; i++)
    add_random_visit (store, rand);
  g_assert_cmpint (query (f->path, "SELECT sum (sessions) FROM day_totals"), ==, 320);
  assert_totals_match_rows (f->path);
}

static void
keep_result_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
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
  escale_stats_report_new_async (store, "2026-03-01", "2026-03-31", NULL, keep_result_cb,
                                 &result);
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
  struct { EscaleStatsPeriod period; const char *from, *to; } cases[] = {
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

static void
test_csv_escaping (void)
{
  g_autoptr(GString) out = g_string_new (NULL);

  escale_csv_append_field (out, "simple");
  g_string_append_c (out, '|');
  escale_csv_append_field (out, "Aide; démarches");
  g_string_append_c (out, '|');
  escale_csv_append_field (out, "dit \"bonjour\"");
  g_string_append_c (out, '|');
  escale_csv_append_field (out, "ligne 1\nligne 2");
  g_string_append_c (out, '|');
  escale_csv_append_field (out, "Échanger avec ses proches");
  g_string_append_c (out, '|');
  escale_csv_append_field (out, " espace");
  g_assert_cmpstr (out->str, ==,
                   "simple|\"Aide; démarches\"|\"dit \"\"bonjour\"\"\"|\"ligne 1\nligne 2\"|"
                   "Échanger avec ses proches|\" espace\"");
}

static void
test_csv_exports (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleStatsStore) store = open_new_store (f->path);
  g_autoptr(EscaleStatsReport) report = NULL;
  g_autoptr(GString) summary = NULL;
  g_autoptr(GString) sessions = NULL;
  g_autofree char *json = NULL;
  g_auto (GStrv) lines = NULL;
  g_autofree char *out_path = g_build_filename (f->dir, "export.csv", NULL);
  g_autofree char *read_back = NULL;

  fill_known_dataset (store);
  /* A theme with a separator and a quote, as a config may hold. */
  add_visit (store, 2026, 3, 20, 10, 5, 0, ESCALE_SATISFACTION_NONE, ESCALE_AGE_NONE, "ateliers",
             "Loisirs; \"jeux\"");
  report = escale_stats_report_new (store, "2026-03-01", "2026-03-31", NULL);

  summary = escale_stats_export_summary_csv (report);
  g_assert_true (g_str_has_prefix (summary->str, "\xef\xbb\xbfRubrique;Indicateur;Valeur\r\n"));
  g_assert_nonnull (strstr (summary->str, "Synthèse;Visites;11\r\n"));
  g_assert_nonnull (strstr (summary->str, "Synthèse;Durée médiane (minutes);45,0\r\n"));
  g_assert_nonnull (strstr (summary->str,
                            "Thématique (visites);\"Loisirs; \"\"jeux\"\"\";1\r\n"));
  g_assert_nonnull (strstr (summary->str, "Tranche d'âge;70 ans et plus;4\r\n"));

  sessions = escale_stats_export_sessions_csv (store, "2026-03-01", "2026-03-31", NULL);
  g_assert_nonnull (sessions);
  g_assert_true (g_str_has_prefix (sessions->str, "\xef\xbb\xbfIdentifiant de visite;Jour;"));
  lines = g_strsplit (sessions->str, "\r\n", -1);
  /* Header, 11 visits, and the empty tail: never more than the store holds. */
  g_assert_cmpuint (g_strv_length (lines), ==, 13);
  g_assert_nonnull (strstr (lines[1], ";2026-03-02;9 h;lundi;10;J'ai fini;0;non;Oui;"
                                      "70 ans et plus;visio (10);Échanger avec ses proches"));

  g_assert_true (escale_stats_export_write (out_path, sessions, NULL));
  g_assert_true (g_file_get_contents (out_path, &read_back, NULL, NULL));
  g_assert_cmpstr (read_back, ==, sessions->str);

  json = escale_stats_export_json (report);
  g_assert_nonnull (strstr (json, "\"sessions\" : 11"));
  g_assert_nonnull (strstr (json, "\"70+\" : 4"));
}

/* The visits export streamed into a file (by 1 MiB blocks, the way the
 * dashboard writes it) is byte for byte the one built in memory, also
 * past its first block; a folder that does not exist leaves no file. */
static void
test_csv_export_streamed (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleStatsStore) store = open_new_store (f->path);
  g_autoptr(GRand) rand = g_rand_new_with_seed (77);
  g_autoptr(GString) in_memory = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out_path = g_build_filename (f->dir, "visites.csv", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "absent", "visites.csv", NULL);
  g_autofree char *streamed = NULL;
  gsize length = 0;

  for (guint i = 0; i < 9000; i++)
    add_random_visit (store, rand);
  in_memory = escale_stats_export_sessions_csv (store, "2026-01-01", "2026-12-31", NULL);
  g_assert_nonnull (in_memory);
  g_assert_cmpuint (in_memory->len, >, 1024 * 1024);
  g_assert_true (escale_stats_export_sessions_csv_file (store, "2026-01-01", "2026-12-31",
                                                        out_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out_path, &streamed, &length, NULL));
  g_assert_cmpuint (length, ==, in_memory->len);
  g_assert_true (memcmp (streamed, in_memory->str, length) == 0);
  /* A visit with two activities lists both, in order, on its one line. */
  g_assert_nonnull (strstr (streamed, "culture ("));
  g_assert_nonnull (strstr (streamed, "), demarches ("));

  g_assert_false (escale_stats_export_sessions_csv_file (store, "2026-01-01", "2026-12-31",
                                                         missing, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  /* The dashboard's way, in a worker thread: the same bytes. */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autofree char *async_path = g_build_filename (f->dir, "visites-bis.csv", NULL);
    g_autofree char *async_contents = NULL;

    escale_stats_export_sessions_csv_file_async (store, "2026-01-01", "2026-12-31", async_path,
                                                 NULL, keep_result_cb, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (escale_stats_export_sessions_csv_file_finish (result, NULL));
    g_assert_true (g_file_get_contents (async_path, &async_contents, &length, NULL));
    g_assert_cmpuint (length, ==, in_memory->len);
    g_assert_true (memcmp (async_contents, in_memory->str, length) == 0);
  }
}

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
                                   " WHERE month = '2026-03'"), ==, 7);
  g_assert_cmpint (query (f->path, "SELECT sessions FROM monthly_activity_totals"
                                   " WHERE month = '2026-03' AND activity_id = 'visio'"), ==, 3);

  /* The dashboard still counts the month, from its totals. */
  report = escale_stats_report_new (store, "2026-03-01", "2026-03-31", NULL);
  g_assert_cmpuint (escale_stats_report_get_sessions (report), ==, 10);
  g_assert_cmpuint (escale_stats_report_get_folded_sessions (report), ==, 10);
  g_assert_cmpuint (escale_stats_report_get_accompanied (report), ==, 4);
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

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/escale/stats-model/migrates-v1-keeping-rows", test_migrates_v1_keeping_rows);
  ADD ("/escale/stats-model/migrates-dev-v2-with-day", test_migrates_dev_v2_with_day);
  ADD ("/escale/stats-model/new-visit-fields", test_new_visit_fields);
  ADD ("/escale/stats-model/aggregates-known-dataset", test_aggregates_known_dataset);
  ADD ("/escale/stats-model/day-totals-match-rows", test_day_totals_match_rows);
  ADD ("/escale/stats-model/report-in-worker-thread", test_report_in_worker_thread);
  ADD ("/escale/stats-model/migrates-v3-building-day-totals",
       test_migrates_v3_building_day_totals);
  g_test_add_func ("/escale/stats-model/period-ranges", test_period_ranges);
  g_test_add_func ("/escale/stats-model/csv-escaping", test_csv_escaping);
  ADD ("/escale/stats-model/csv-exports", test_csv_exports);
  ADD ("/escale/stats-model/csv-export-streamed", test_csv_export_streamed);
  ADD ("/escale/stats-model/retention-folds-then-vacuums", test_retention_folds_then_vacuums);
  ADD ("/escale/stats-model/merge-counts-once", test_merge_counts_once);
  ADD ("/escale/stats-model/merge-refuses-foreign-file", test_merge_refuses_foreign_file);
#undef ADD
  return g_test_run ();
}
