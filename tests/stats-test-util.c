/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "stats-test-util.h"

/* What the stats tests share: a store on a temporary file, queries on it,
 * known and random visits, and the checks of the totals against the rows. */

void
setup (Fixture *f, gconstpointer data)
{
  f->dir = g_dir_make_tmp ("escale-model-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "stats.db", NULL);
}

void
teardown (Fixture *f, gconstpointer data)
{
  escale_remove_tree (f->dir, NULL);
  g_free (f->dir);
  g_free (f->path);
}

gint64
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

EscaleStatsStore *
open_new_store (const char *path)
{
  EscaleStatsStore *store = escale_stats_store_new (path);

  g_test_expect_message ("escale-stats", G_LOG_LEVEL_MESSAGE, "*schema 1*");
  g_test_expect_message ("escale-stats", G_LOG_LEVEL_MESSAGE, "*schema 2*");
  g_assert_true (escale_stats_store_open (store, NULL));
  g_test_assert_expected_messages ();
  return store;
}

/* The per-day totals of schemas 4, 7 and 8 hold exactly what the visit rows
 * give: each table, recomputed from the rows, differs from it by no row
 * either way. */
void
assert_totals_match_rows (const char *path)
{
  static const char *const pairs[][2] = {
    { "SELECT day, count (*), sum (duration_min), sum (help_asked), sum (helper_calls),"
      " sum (help_given), sum (workshop_uid IS NOT NULL),"
      " sum (helper_calls = 0 AND NOT help_given AND workshop_uid IS NULL),"
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
    /* Schema 7: the counters of the activity kinds. */
    { "SELECT day, kind, counter, count (*), sum (value) FROM session_counters"
      " GROUP BY 1, 2, 3",
      "SELECT * FROM day_counter_totals" },
    /* Schema 8: each visit once per theme and per category. */
    { "SELECT day, ifnull (theme, ''), count (DISTINCT session_id), sum (minutes)"
      " FROM session_activities GROUP BY 1, 2",
      "SELECT * FROM day_theme_totals" },
    { "SELECT day, kind, substr (counter, instr (counter, '--') + 2),"
      " count (DISTINCT session_id) FROM session_counters WHERE counter LIKE '%--%'"
      " GROUP BY 1, 2, 3",
      "SELECT * FROM day_category_totals" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_autofree char *one =
        g_strdup_printf ("SELECT count (*) FROM (%s EXCEPT %s)", pairs[i][0], pairs[i][1]);
      g_autofree char *other =
        g_strdup_printf ("SELECT count (*) FROM (%s EXCEPT %s)", pairs[i][1], pairs[i][0]);

      g_assert_cmpint (query (path, one), ==, 0);
      g_assert_cmpint (query (path, other), ==, 0);
    }
}

/* What migrations 4 to 8 left: dropping it gives back exactly schema 3. */
const char undo_schema_4[] =
  "DROP TRIGGER day_totals_add; DROP TRIGGER day_totals_remove;"
  "DROP TRIGGER day_theme_totals_add; DROP TRIGGER day_theme_totals_remove;"
  "DROP TRIGGER day_category_totals_add; DROP TRIGGER day_category_totals_remove;"
  "DROP TABLE day_theme_totals; DROP TABLE day_category_totals;"
  "DROP TABLE monthly_theme_totals; DROP TABLE monthly_category_totals;"
  "DROP TABLE workshops; DROP TABLE activity_titles; DROP INDEX sessions_by_day;"
  "ALTER TABLE sessions DROP COLUMN help_given; ALTER TABLE sessions DROP COLUMN workshop_uid;"
  "ALTER TABLE sessions RENAME COLUMN help_asked TO accompanied;"
  "CREATE INDEX sessions_by_day ON sessions (day, start_hour, weekday, duration_min,"
  "  accompanied, helper_calls, satisfaction, age_bracket);"
  "ALTER TABLE monthly_totals DROP COLUMN help_given;"
  "ALTER TABLE monthly_totals DROP COLUMN in_workshop;"
  "ALTER TABLE monthly_totals DROP COLUMN autonomous;"
  "ALTER TABLE monthly_totals RENAME COLUMN help_asked TO accompanied;"
  "DROP TABLE session_counters; DROP TABLE day_counter_totals;"
  "DROP TABLE monthly_counter_totals; DROP TABLE counter_labels;"
  "DROP TRIGGER day_activity_totals_add; DROP TRIGGER day_activity_totals_remove;"
  "DROP TABLE day_totals; DROP TABLE day_hour_totals;"
  "DROP TABLE day_duration_totals; DROP TABLE day_activity_totals;";

/* A visit on @day at @hour, lasting @minutes, with optional answers. */
void
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

/* Ten visits in March 2026 whose figures are known by hand. */
void
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
  add_visit (store, 2026, 3, 31, 17, 200, 3, ESCALE_SATISFACTION_NO, ESCALE_AGE_70_PLUS, "culture",
             "Culture numérique");
  /* Outside the period: never counted. */
  add_visit (store, 2026, 4, 1, 9, 500, 5, ESCALE_SATISFACTION_NO, ESCALE_AGE_18_24, "culture",
             "Culture numérique");
  add_visit (store, 2026, 2, 28, 9, 500, 5, ESCALE_SATISFACTION_NO, ESCALE_AGE_18_24, "culture",
             "Culture numérique");
}

EscaleStatsGroup *
find_group (GPtrArray *groups, const char *name)
{
  for (guint i = 0; i < groups->len; i++)
    if (g_strcmp0 (((EscaleStatsGroup *) groups->pdata[i])->name, name) == 0)
      return groups->pdata[i];
  return NULL;
}

/* A visit of up to two activities drawn from @rand (one of them without a
 * theme), for the comparison with the visit rows. */
void
add_random_visit (EscaleStatsStore *store, GRand *rand)
{
  static const char *const activities[][2] = {
    { "visio", "Échanger avec ses proches" },
    { "culture", "Culture numérique" },
    { "demarches", "Aide aux démarches administratives" },
    { "sans-theme", NULL },
    /* Shares its theme with "visio": a visit of both counts once there. */
    { "photos", "Échanger avec ses proches" },
  };
  static const char *const categories[] = { "logement", "social-sante", "autre" };
  g_autoptr(GDateTime) start = g_date_time_new_local (2026, g_rand_int_range (rand, 1, 7),
                                                       g_rand_int_range (rand, 1, 29),
                                                       g_rand_int_range (rand, 8, 20), 5, 0);
  int minutes = g_rand_int_range (rand, 0, 4) == 0 ? g_rand_int_range (rand, 0, 300)
                                                   : g_rand_int_range (rand, 1, 70);
  g_autoptr(EscaleSessionRecord) record =
               escale_session_record_new (start, minutes * 60 + 30, g_rand_int_range (rand, 0, 3),
                                          g_rand_int_range (rand, 0, 5) == 0
                                            ? g_rand_int_range (rand, 1, 3)
                                            : 0);
  guint first = g_rand_int_range (rand, 0, G_N_ELEMENTS (activities));

  record->satisfaction = g_rand_int_range (rand, 0, ESCALE_N_SATISFACTION);
  record->age_bracket = g_rand_int_range (rand, 0, ESCALE_N_AGE_BRACKETS);
  if (record->helper_calls > 0 || g_rand_int_range (rand, 0, 8) == 0)
    record->help_given = g_rand_boolean (rand);
  if (g_rand_int_range (rand, 0, 10) == 0)
    g_strlcpy (record->workshop_uid, g_rand_boolean (rand) ? "a1" : "b2",
               sizeof record->workshop_uid);
  /* Démarches in one or two categories, one to three counters each. */
  for (guint i = 0; g_rand_int_range (rand, 0, 3) == 0 && i < 3; i++)
    {
      g_autofree char *name =
        g_strdup_printf ("%s--%s", g_rand_boolean (rand) ? "procedures-opened" : "sites-opened",
                         categories[g_rand_int_range (rand, 0, 2)]);

      escale_session_record_add_count (record, "demarches", name, g_rand_int_range (rand, 1, 4));
    }
  for (guint i = 0; i < (guint) g_rand_int_range (rand, 0, 4); i++)
    {
      guint a = (first + i) % G_N_ELEMENTS (activities);

      escale_session_record_add_activity (record, activities[a][0], minutes * 30);
      if (activities[a][1] != NULL)
        escale_session_record_set_theme (record, activities[a][0], activities[a][1]);
    }
  /* Some video calls, some photos (a kind never declared here). */
  if (g_rand_int_range (rand, 0, 4) == 0)
    {
      int started = g_rand_int_range (rand, 1, 4);

      escale_session_record_add_count (record, "call", "started", started);
      escale_session_record_add_count (record, "call", "connected",
                                       g_rand_int_range (rand, 0, started + 1));
      escale_session_record_add_count (record, "call", "minutes", g_rand_int_range (rand, 0, 40));
    }
  if (g_rand_int_range (rand, 0, 6) == 0)
    escale_session_record_add_count (record, "photos", "taken", g_rand_int_range (rand, 1, 9));
  g_assert_true (escale_stats_store_add_session (store, record, NULL));
}

/* Runs @format with each @ replaced by the period's condition on day. */
gint64
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

/* The report's counters are the sums of the period's counter rows (and
 * their number of visits), every declared one listed, none twice. */
static void
assert_counters_match_rows (EscaleStatsReport *report, const char *path, const char *from,
                            const char *to)
{
  GPtrArray *counters = escale_stats_report_get_counters (report);

  g_assert_cmpint (counters->len, ==,
                   query_period (path, from, to,
                                 "SELECT count (*) FROM (SELECT kind, counter FROM"
                                 " session_counters WHERE @ UNION SELECT kind, counter"
                                 " FROM counter_labels)"));
  for (guint i = 0; i < counters->len; i++)
    {
      EscaleStatsCounter *counter = counters->pdata[i];

      g_assert_cmpint (counter->value, ==,
                       query_period (path, from, to,
                                     "SELECT total (value) FROM session_counters WHERE @"
                                     " AND kind = '%s' AND counter = '%s'",
                                     counter->kind, counter->counter));
      g_assert_cmpint (counter->visits, ==,
                       query_period (path, from, to,
                                     "SELECT count (*) FROM session_counters WHERE @"
                                     " AND kind = '%s' AND counter = '%s'",
                                     counter->kind, counter->counter));
    }
}

/* The report's visits, minutes, help figures and autonomy levels are the
 * sums of the period's visit rows, and its median duration is theirs
 * (when there are @n > 0 of them). */
static void
assert_sums_match_rows (EscaleStatsReport *report, const char *path, const char *from,
                        const char *to, gint64 n)
{
  g_assert_cmpint (escale_stats_report_get_sessions (report), ==, n);
  g_assert_cmpint (escale_stats_report_get_minutes (report), ==,
                   query_period (path, from, to,
                                 "SELECT total (duration_min) FROM sessions WHERE @"));
  g_assert_cmpint (escale_stats_report_get_help_asked (report), ==,
                   query_period (path, from, to,
                                 "SELECT count (*) FROM sessions WHERE @ AND helper_calls > 0"));
  g_assert_cmpint (escale_stats_report_get_help_given (report), ==,
                   query_period (path, from, to,
                                 "SELECT count (*) FROM sessions WHERE @ AND (help_given = 1"
                                 " OR workshop_uid IS NOT NULL)"));
  g_assert_cmpint (escale_stats_report_get_autonomy (report, ESCALE_AUTONOMY_AUTONOME), ==,
                   query_period (path, from, to,
                                 "SELECT count (*) FROM sessions WHERE @ AND helper_calls = 0"
                                 " AND help_given = 0 AND workshop_uid IS NULL"));
  g_assert_cmpint (escale_stats_report_get_autonomy (report,
                                                     ESCALE_AUTONOMY_PARTIELLEMENT_AUTONOME),
                   ==,
                   query_period (path, from, to,
                                 "SELECT count (*) FROM sessions WHERE @ AND workshop_uid IS NULL"
                                 " AND (helper_calls > 0 OR help_given = 1)"));
  g_assert_cmpint (escale_stats_report_get_autonomy (report,
                                                     ESCALE_AUTONOMY_ENTIEREMENT_ACCOMPAGNE),
                   ==,
                   query_period (path, from, to,
                                 "SELECT count (*) FROM sessions WHERE @"
                                 " AND workshop_uid IS NOT NULL"));
  g_assert_cmpint (escale_stats_report_get_helper_calls (report), ==,
                   query_period (path, from, to,
                                 "SELECT total (helper_calls) FROM sessions WHERE @"));
  if (n > 0)
    {
      gint64 low = query_period (path, from, to,
                                 "SELECT duration_min FROM sessions WHERE @ ORDER BY 1"
                                 " LIMIT 1 OFFSET %" G_GINT64_FORMAT,
                                 (n - 1) / 2);
      gint64 high = query_period (path, from, to,
                                  "SELECT duration_min FROM sessions WHERE @ ORDER BY 1"
                                  " LIMIT 1 OFFSET %" G_GINT64_FORMAT,
                                  n / 2);

      g_assert_cmpfloat (escale_stats_report_get_median_minutes (report), ==, (low + high) / 2.0);
    }
}

/* The report's visits per duration bucket, satisfaction answer, age
 * bracket and (for two hours) weekday are the period's rows counted so. */
static void
assert_breakdowns_match_rows (EscaleStatsReport *report, const char *path, const char *from,
                              const char *to)
{
  static const char *const satisfaction[] = { "IS NULL", "= 'oui'", "= 'en-partie'", "= 'non'" };
  static const char *const ages[] = { "IS NULL",   "= '18-24'", "= '25-39'", "= '40-59'",
                                      "= '60-69'", "= '70+'",   "= 'refus'" };
  static const char *const buckets[] = { "< 30", "BETWEEN 30 AND 59", "BETWEEN 60 AND 119",
                                         ">= 120" };

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
                       escale_stats_report_get_heat (report, w, 9),
                     ==,
                     query_period (path, from, to,
                                   "SELECT count (*) FROM sessions WHERE @ AND weekday = %d"
                                   " AND start_hour IN (9, 14)",
                                   w));
}

/* The report has one day per day with visits, in order, each with its
 * number of visit rows. */
static void
assert_days_match_rows (EscaleStatsReport *report, const char *path, const char *from,
                        const char *to)
{
  GArray *days = escale_stats_report_get_days (report);

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
}

/* The report has one group per activity used in the period, with its
 * visits and minutes from the activity rows; only "sans-theme" has no
 * theme. */
static void
assert_activities_match_rows (EscaleStatsReport *report, const char *path, const char *from,
                              const char *to)
{
  GPtrArray *groups = escale_stats_report_get_activities (report);

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
                                     " AND activity_id = '%s'",
                                     group->name));
      g_assert_cmpint (group->minutes, ==,
                       query_period (path, from, to,
                                     "SELECT total (minutes) FROM session_activities WHERE @"
                                     " AND activity_id = '%s'",
                                     group->name));
      g_assert_true ((group->theme == NULL) == (strcmp (group->name, "sans-theme") == 0));
    }
}

/* Each theme's visits are the period's distinct visits with an activity
 * of that theme ("Sans thématique": of none), its minutes theirs in it;
 * every theme of the period is there. */
static void
assert_themes_match_rows (EscaleStatsReport *report, const char *path, const char *from,
                          const char *to)
{
  GPtrArray *groups = escale_stats_report_get_themes (report);

  g_assert_cmpint (groups->len, ==,
                   query_period (path, from, to,
                                 "SELECT count (DISTINCT ifnull (theme, '')) FROM"
                                 " session_activities WHERE @"));
  for (guint i = 0; i < groups->len; i++)
    {
      EscaleStatsGroup *group = groups->pdata[i];
      g_autofree char *cond = strcmp (group->name, "Sans thématique") == 0
                                ? g_strdup ("theme IS NULL")
                                : g_strdup_printf ("theme = '%s'", group->name);

      g_assert_cmpint (group->sessions, ==,
                       query_period (path, from, to,
                                     "SELECT count (DISTINCT session_id) FROM"
                                     " session_activities WHERE @ AND %s",
                                     cond));
      g_assert_cmpint (group->minutes, ==,
                       query_period (path, from, to,
                                     "SELECT total (minutes) FROM session_activities"
                                     " WHERE @ AND %s",
                                     cond));
    }
}

/* Each category's visits are the period's distinct visits with a counter
 * COUNTER--CATEGORY of its kind. */
static void
assert_categories_match_rows (EscaleStatsReport *report, const char *path, const char *from,
                              const char *to)
{
  GPtrArray *groups = escale_stats_report_get_categories (report);

  g_assert_cmpint (groups->len, ==,
                   query_period (path, from, to,
                                 "SELECT count (DISTINCT kind || '/' || substr (counter,"
                                 " instr (counter, '--') + 2)) FROM session_counters"
                                 " WHERE @ AND counter LIKE '%%--%%'"));
  for (guint i = 0; i < groups->len; i++)
    {
      EscaleStatsGroup *group = groups->pdata[i];

      g_assert_cmpint (group->sessions, ==,
                       query_period (path, from, to,
                                     "SELECT count (DISTINCT session_id) FROM session_counters"
                                     " WHERE @ AND kind = '%s' AND counter LIKE '%%--%s'",
                                     group->theme, group->name));
    }
}

/* The report of @from..@to gives what the visit rows give when read one
 * by one (as the report did before the per-day totals). */
void
assert_report_matches_rows (EscaleStatsStore *store, const char *path, const char *from,
                            const char *to)
{
  g_autoptr(EscaleStatsReport) report = escale_stats_report_new (store, from, to, NULL);
  gint64 n = query_period (path, from, to, "SELECT count (*) FROM sessions WHERE @");

  g_assert_nonnull (report);
  assert_sums_match_rows (report, path, from, to, n);
  assert_breakdowns_match_rows (report, path, from, to);
  assert_days_match_rows (report, path, from, to);
  assert_activities_match_rows (report, path, from, to);
  assert_counters_match_rows (report, path, from, to);
  assert_themes_match_rows (report, path, from, to);
  assert_categories_match_rows (report, path, from, to);
}

void
keep_result_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* A store of schema 6, built by the real migrations 1 to 6 (as a kiosk of
 * that time made it), with video calls in visits and in folded months. */
void
make_v6_store (const char *path)
{
  static const char rows[] =
    "INSERT INTO sessions (id, day, start_hour, weekday, duration_min, end_reason,"
    " helper_calls, uid, kiosk_id, accompanied) VALUES"
    " (1, '2026-03-02', 9, 1, 40, 'finished', 0, 'u1', 'k6', 0),"
    " (2, '2026-03-02', 10, 1, 30, 'finished', 0, 'u2', 'k6', 0),"
    " (3, '2026-03-05', 14, 4, 60, 'timeout', 1, 'u3', 'k6', 1),"
    " (4, '2026-03-06', 15, 5, 20, 'finished', 0, 'u4', 'k6', 0);"
    "INSERT INTO session_activities VALUES (1, 'visio', 35, 'Échanger avec ses proches',"
    " '2026-03-02');"
    "INSERT INTO session_calls VALUES (1, '2026-03-02', 2, 1, 25), (2, '2026-03-02', 1, 0, 0),"
    " (3, '2026-03-05', 3, 3, 48);"
    "INSERT INTO monthly_totals VALUES ('k0', '2025-01', 9, 300, 2, 1),"
    " ('k0', '2025-02', 1, 10, 0, 0);"
    "INSERT INTO monthly_call_totals VALUES ('k0', '2025-01', 7, 5, 90),"
    " ('k0', '2025-02', 1, 0, 0);";
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL), ==, SQLITE_OK);
  for (guint v = 0; v < 6; v++)
    {
      /* What the store's add_missing_columns () does before schema 3. */
      if (v == 2)
        g_assert_cmpint (sqlite3_exec (db, "ALTER TABLE session_activities ADD COLUMN day TEXT",
                                       NULL, NULL, NULL),
                         ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, escale_stats_migrations[v], NULL, NULL, NULL), ==,
                       SQLITE_OK);
    }
  g_assert_cmpint (sqlite3_exec (db,
                                 "PRAGMA user_version = 6;"
                                 "PRAGMA application_id = 1163084609;",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, rows, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* A store of schema 7, built by the real migrations 1 to 7 (as a kiosk of
 * that time made it): visit 1 went through two activities of one theme,
 * visits 2 and 3 pressed "Appeler un aidant" (schema 7's 'accompanied'),
 * visits 3 and 4 opened démarches of the category 'logement', and January
 * 2025 was folded (7 of its visits through "visio" and "photos", both of
 * one theme). */
void
make_v7_store (const char *path)
{
  static const char rows[] =
    "INSERT INTO sessions (id, day, start_hour, weekday, duration_min, end_reason,"
    " helper_calls, uid, kiosk_id, accompanied, satisfaction, age_bracket) VALUES"
    " (1, '2026-03-02', 9, 1, 40, 'finished', 0, 'u1', 'k7', 0, 'oui', '70+'),"
    " (2, '2026-03-02', 10, 1, 30, 'timeout', 2, 'u2', 'k7', 1, NULL, NULL),"
    " (3, '2026-03-05', 14, 4, 60, 'finished', 1, 'u3', 'k7', 1, 'non', '60-69'),"
    " (4, '2026-03-06', 15, 5, 20, 'finished', 0, 'u4', 'k7', 0, NULL, 'refus');"
    "INSERT INTO session_activities (session_id, activity_id, minutes, theme, day) VALUES"
    " (1, 'visio', 20, 'Échanger avec ses proches', '2026-03-02'),"
    " (1, 'photos', 15, 'Échanger avec ses proches', '2026-03-02'),"
    " (1, 'culture', 5, 'Culture numérique', '2026-03-02'),"
    " (2, 'visio', 25, 'Échanger avec ses proches', '2026-03-02'),"
    " (3, 'demarches', 50, 'Aide aux démarches administratives', '2026-03-05'),"
    " (3, 'sans-theme', 5, NULL, '2026-03-05');"
    "INSERT INTO session_counters VALUES"
    " (3, '2026-03-05', 'demarches', 'procedures-opened--logement', 2),"
    " (3, '2026-03-05', 'demarches', 'sites-opened--logement', 1),"
    " (3, '2026-03-05', 'demarches', 'procedures-opened--social-sante', 1),"
    " (4, '2026-03-06', 'demarches', 'sites-opened--logement', 1),"
    " (1, '2026-03-02', 'call', 'started', 1);"
    "INSERT INTO monthly_totals VALUES ('k0', '2025-01', 9, 300, 2, 3);"
    "INSERT INTO monthly_activity_totals VALUES"
    " ('k0', '2025-01', 'visio', 'Échanger avec ses proches', 5, 100),"
    " ('k0', '2025-01', 'photos', 'Échanger avec ses proches', 2, 30);";
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL), ==, SQLITE_OK);
  for (guint v = 0; v < 7; v++)
    {
      if (v == 2)
        g_assert_cmpint (sqlite3_exec (db, "ALTER TABLE session_activities ADD COLUMN day TEXT",
                                       NULL, NULL, NULL),
                         ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, escale_stats_migrations[v], NULL, NULL, NULL), ==,
                       SQLITE_OK);
    }
  g_assert_cmpint (sqlite3_exec (db,
                                 "PRAGMA user_version = 7;"
                                 "PRAGMA application_id = 1163084609;",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, rows, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}
