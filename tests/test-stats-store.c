/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <sqlite3.h>
#include <glib/gstdio.h>
#include <string.h>

#include "escale-activities.h"
#include "escale-scratch.h"
#include "escale-stats-report.h"
#include "escale-stats-store.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  f->dir = g_dir_make_tmp ("escale-stats-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "sub", "stats.db", NULL);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  escale_remove_tree (f->dir, NULL);
  g_free (f->dir);
  g_free (f->path);
}

static EscaleSessionRecord *
make_record (int hour, int minute, int second, gint64 duration)
{
  g_autoptr(GDateTime) start = g_date_time_new_local (2026, 11, 27, hour, minute, second);
  EscaleSessionRecord *record =
    escale_session_record_new (start, duration, ESCALE_END_FINISHED, 1);

  escale_session_record_add_activity (record, "culture", 600);
  escale_session_record_add_activity (record, "infos", 100);
  return record;
}

static gint64
count (const char *path, const char *sql)
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

static void
test_migrates_from_empty (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleStatsStore) store = escale_stats_store_new (f->path);
  g_autoptr(GError) error = NULL;

  g_test_expect_message ("escale-stats", G_LOG_LEVEL_MESSAGE, "*schema 1*");
  g_assert_true (escale_stats_store_open (store, &error));
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  g_assert_cmpint (escale_stats_store_get_schema_version (store), >=, 1);
  g_assert_cmpint (count (f->path, "PRAGMA application_id"), ==, ESCALE_STATS_APPLICATION_ID);
  g_assert_cmpint (count (f->path, "PRAGMA journal_mode = WAL"), !=, -1);
  g_assert_cmpint (escale_stats_store_count_sessions (store, NULL), ==, 0);
  {
    gint64 synchronous = -1;

    /* 2: FULL, every visit on disk when its commit returns (a power cut at
     * closing time loses none). */
    g_assert_true (escale_stats_store_query_int (store, "PRAGMA synchronous", &synchronous, NULL));
    g_assert_cmpint (synchronous, ==, 2);
  }
}

/* The schema holds only coarse, anonymous facts: every column of every
 * table, as "table.column". Any new column must be added here on purpose,
 * after a privacy review. */
static const char *const allowed_columns[] = {
  "sessions.id", "sessions.day", "sessions.start_hour", "sessions.weekday",
  "sessions.duration_min", "sessions.end_reason", "sessions.helper_calls",
  "session_activities.session_id", "session_activities.activity_id", "session_activities.minutes",
  /* Schema 2 (staff space): random ids that link nothing to a person,
   * the helper flag, the two optional answers, the activity's theme. */
  "sessions.uid", "sessions.kiosk_id", "sessions.help_asked", "sessions.satisfaction",
  "sessions.age_bracket", "session_activities.theme", "session_activities.day",
  /* Schema 4: per-day totals for the dashboard. Only counts and sums per
   * day of what the visit rows above already hold (no time finer than
   * the hour of start, no id, nothing linking two visits). */
  "day_totals.day", "day_totals.sessions", "day_totals.minutes", "day_totals.help_asked",
  "day_totals.helper_calls", "day_totals.under_30_min", "day_totals.under_1_h",
  "day_totals.under_2_h", "day_totals.over_2_h", "day_totals.satisfaction_yes",
  "day_totals.satisfaction_partly", "day_totals.satisfaction_no", "day_totals.age_18_24",
  "day_totals.age_25_39", "day_totals.age_40_59", "day_totals.age_60_69", "day_totals.age_70_plus",
  "day_totals.age_declined", "day_hour_totals.day", "day_hour_totals.weekday",
  "day_hour_totals.start_hour", "day_hour_totals.sessions", "day_duration_totals.day",
  "day_duration_totals.duration_min", "day_duration_totals.sessions", "day_activity_totals.day",
  "day_activity_totals.activity_id", "day_activity_totals.theme", "day_activity_totals.sessions",
  "day_activity_totals.minutes",
  /* Schema 2: the store's own settings (its random kiosk id), months
   * folded by retention (counts per kiosk and month), the staff code's
   * hash and its back-off (a day and a count of wrong codes). */
  "meta.key", "meta.value", "monthly_totals.kiosk_id", "monthly_totals.month",
  "monthly_totals.sessions", "monthly_totals.minutes", "monthly_totals.help_asked",
  "monthly_totals.helper_calls", "monthly_activity_totals.kiosk_id",
  "monthly_activity_totals.month", "monthly_activity_totals.activity_id",
  "monthly_activity_totals.theme", "monthly_activity_totals.sessions",
  "monthly_activity_totals.minutes", "staff_access.id", "staff_access.pin_hash",
  "staff_access.failures", "staff_access.locked_until", "staff_failures.day",
  "staff_failures.attempts",
  /* Schema 7: counters of the activity kinds per visit (a whole number
   * under a fixed [a-z0-9-]+ name: nobody's name, number or address),
   * their per-day sums, the months folded by retention, and the declared
   * French labels. */
  "session_counters.session_id", "session_counters.day", "session_counters.kind",
  "session_counters.counter", "session_counters.value", "day_counter_totals.day",
  "day_counter_totals.kind", "day_counter_totals.counter", "day_counter_totals.sessions",
  "day_counter_totals.value", "monthly_counter_totals.kiosk_id", "monthly_counter_totals.month",
  "monthly_counter_totals.kind", "monthly_counter_totals.counter", "monthly_counter_totals.value",
  "counter_labels.kind", "counter_labels.counter", "counter_labels.label",
  "counter_labels.position",
  /* Schema 8: help given (a flag), the random id of the workshop a visit
   * was part of; per-day and per-month counts of the help figures, of
   * visits per theme and per category; the workshops (a day, an hour,
   * minutes, La Coop's theme and level, a number of participants); the
   * titles the centre gave its activities. */
  "sessions.help_given", "sessions.workshop_uid", "day_totals.help_given",
  "day_totals.in_workshop", "day_totals.autonomous", "monthly_totals.help_given",
  "monthly_totals.in_workshop", "monthly_totals.autonomous", "day_theme_totals.day",
  "day_theme_totals.theme", "day_theme_totals.sessions", "day_theme_totals.minutes",
  "day_category_totals.day", "day_category_totals.kind", "day_category_totals.category",
  "day_category_totals.sessions", "monthly_theme_totals.kiosk_id", "monthly_theme_totals.month",
  "monthly_theme_totals.theme", "monthly_theme_totals.sessions", "monthly_theme_totals.minutes",
  "monthly_category_totals.kiosk_id", "monthly_category_totals.month",
  "monthly_category_totals.kind", "monthly_category_totals.category",
  "monthly_category_totals.sessions", "workshops.uid", "workshops.kiosk_id", "workshops.day",
  "workshops.start_hour", "workshops.duration_min", "workshops.theme", "workshops.level",
  "workshops.participants", "activity_titles.activity_id", "activity_titles.title", NULL
};

/* Every column of every table is on the allowlist above, and every column
 * there exists: a new table or column must be reviewed. */
static void
test_schema_holds_only_allowed_columns (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleStatsStore) store = escale_stats_store_new (f->path);
  g_autoptr(EscaleSqliteStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;
  guint n_columns = 0;

  g_test_expect_message ("escale-stats", G_LOG_LEVEL_MESSAGE, "*schema*");
  g_assert_true (escale_stats_store_open (store, NULL));
  g_test_assert_expected_messages ();
  /* Every table: a new one must be reviewed too. */
  stmt = escale_stats_store_prepare (store,
                                     "SELECT m.name, p.name FROM sqlite_master m,"
                                     " pragma_table_info(m.name) p WHERE m.type = 'table'"
                                     " AND m.name NOT LIKE 'sqlite_%'",
                                     &error);
  g_assert_no_error (error);
  while (escale_sqlite_statement_step (stmt, &error))
    {
      g_autofree char *column = g_strdup_printf ("%s.%s",
                                                 escale_sqlite_statement_get_text (stmt, 0),
                                                 escale_sqlite_statement_get_text (stmt, 1));

      if (!g_strv_contains (allowed_columns, column))
        g_error ("column %s is not on the privacy allowlist", column);
      n_columns++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n_columns, ==, g_strv_length ((char **) allowed_columns));
}

static guint64
counter_value (EscaleStatsStore *store, const char *from, const char *to, const char *kind,
               const char *counter)
{
  g_autoptr(EscaleStatsReport) report = escale_stats_report_new (store, from, to, NULL);

  g_assert_nonnull (report);
  return escale_stats_report_get_counter_value (report, kind, counter);
}

/* A kind's counters (the video calls here) through the generic table: only
 * the visit that counted something has rows; the report shows the sums, in
 * the declared order with their labels; retention keeps them. */
static void
test_counters_recorded (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleStatsStore) store = escale_stats_store_new (f->path);
  g_autoptr(EscaleSessionRecord) with_calls = make_record (15, 10, 0, 40 * 60);
  g_autoptr(EscaleSessionRecord) without = make_record (16, 0, 0, 10 * 60);
  static const EscaleCounterSpec photos[] = {
    { "taken", "Photos prises" },
    { "printed", "Photos imprimées" },
    { NULL, NULL },
  };

  escale_session_record_add_count (with_calls, "call", "started", 2);
  escale_session_record_add_count (with_calls, "call", "connected", 1);
  escale_session_record_add_count (with_calls, "call", "minutes", 25);
  escale_session_record_add_count (with_calls, "photos", "taken", 4);
  /* Never declared: still stored, shown with its raw name. */
  escale_session_record_add_count (with_calls, "ateliers", "inscriptions", 1);
  g_test_expect_message ("escale-stats", G_LOG_LEVEL_MESSAGE, "*schema*");
  g_assert_true (escale_stats_store_add_session (store, with_calls, NULL));
  g_test_assert_expected_messages ();
  g_assert_true (escale_stats_store_add_session (store, without, NULL));
  g_assert_true (escale_stats_store_declare_counters (store, "photos", photos, NULL));

  /* Only the visit with a call has rows; counts and minutes, no one called. */
  g_assert_cmpint (count (f->path, "SELECT count (DISTINCT session_id) FROM session_counters"), ==,
                   1);
  g_assert_cmpint (count (f->path, "SELECT count (*) FROM session_counters"), ==, 5);
  g_assert_cmpuint (counter_value (store, "2026-11-01", "2026-11-30", "call", "started"), ==, 2);
  g_assert_cmpuint (counter_value (store, "2026-11-01", "2026-11-30", "call", "connected"), ==, 1);
  g_assert_cmpuint (counter_value (store, "2026-11-01", "2026-11-30", "call", "minutes"), ==, 25);
  g_assert_cmpuint (counter_value (store, "2026-12-01", "2026-12-31", "call", "started"), ==, 0);

  /* The dashboard's report: declared counters in order (photos/printed at
   * 0 all the same), then the undeclared one, raw. */
  {
    g_autoptr(EscaleStatsReport)
                 report = escale_stats_report_new (store, "2026-11-01", "2026-11-30", NULL);
    GPtrArray *counters = escale_stats_report_get_counters (report);
    static const char *const expected[][2] = {
      { "Appels vidéo lancés", "2" },       { "Appels vidéo aboutis", "1" },
      { "Minutes en communication", "25" }, { "Photos prises", "4" },
      { "Photos imprimées", "0" },          { "ateliers/inscriptions", "1" },
    };

    g_assert_cmpuint (counters->len, ==, G_N_ELEMENTS (expected));
    for (guint i = 0; i < counters->len; i++)
      {
        EscaleStatsCounter *counter = counters->pdata[i];
        g_autofree char *value = g_strdup_printf ("%" G_GUINT64_FORMAT, counter->value);

        g_assert_cmpstr (escale_stats_counter_display_label (counter), ==, expected[i][0]);
        g_assert_cmpstr (value, ==, expected[i][1]);
        g_assert_cmpuint (counter->visits, ==, counter->value > 0 ? 1 : 0);
      }
  }

  /* Retention folds the month: the visit rows go, the counters stay. */
  {
    g_autoptr(GDateTime) later = g_date_time_new_local (2028, 6, 1, 10, 0, 0);

    g_assert_true (escale_stats_store_apply_retention (store, later, 13, NULL, NULL));
    g_assert_cmpint (count (f->path, "SELECT count(*) FROM session_counters"), ==, 0);
    g_assert_cmpint (count (f->path, "SELECT count(*) FROM day_counter_totals"), ==, 0);
    g_assert_cmpuint (counter_value (store, "2026-11-01", "2026-11-30", "call", "started"), ==, 2);
    g_assert_cmpuint (counter_value (store, "2026-11-01", "2026-11-30", "call", "connected"), ==,
                      1);
    g_assert_cmpuint (counter_value (store, "2026-11-01", "2026-11-30", "call", "minutes"), ==,
                      25);
    g_assert_cmpuint (counter_value (store, "2026-11-01", "2026-11-30", "ateliers",
                                     "inscriptions"),
                      ==, 1);
  }
}

/* A counter is a number under a fixed name, never a text: every value
 * column of the counter tables holds integers only; a name outside
 * [a-z0-9-]+ is refused when declared, dropped when a record carries it,
 * and refused by the table itself; a text value is refused by the table. */
static void
test_counters_are_never_text (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleStatsStore) store = escale_stats_store_new (f->path);
  g_autoptr(EscaleSessionRecord) record = make_record (10, 0, 0, 20 * 60);
  g_autoptr(GError) error = NULL;
  static const EscaleCounterSpec bad_name[] = { { "Marie Dupont", "Nom" }, { NULL, NULL } };
  static const EscaleCounterSpec url[] = { { "https://ex.fr/a", "Adresse" }, { NULL, NULL } };
  static const EscaleCounterSpec good[] = { { "pages-2", "Pages" }, { NULL, NULL } };
  static const char *const refused_rows[] = {
    "INSERT INTO session_counters VALUES (1, '2026-11-27', 'call', 'note', 'bonjour')",
    "INSERT INTO session_counters VALUES (1, '2026-11-27', 'call', 'note', 1.5)",
    "INSERT INTO session_counters VALUES (1, '2026-11-27', 'call', 'Rue du Port', 1)",
    "INSERT INTO session_counters VALUES (1, '2026-11-27', 'call', 'x', -1)",
    "INSERT INTO monthly_counter_totals VALUES ('k', '2026-11', 'call', 'x', 'texte')",
  };
  sqlite3 *db = NULL;

  g_test_expect_message ("escale-stats", G_LOG_LEVEL_MESSAGE, "*schema*");
  g_assert_true (escale_stats_store_open (store, NULL));
  g_test_assert_expected_messages ();
  g_assert_false (escale_stats_store_declare_counters (store, "photos", bad_name, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (escale_stats_store_declare_counters (store, "photos", url, &error));
  g_clear_error (&error);
  g_assert_false (escale_stats_store_declare_counters (store, "Photos", good, &error));
  g_clear_error (&error);
  g_assert_true (escale_stats_store_declare_counters (store, "photos", good, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->path, "SELECT count (*) FROM counter_labels"
                                   " WHERE kind = 'photos'"),
                   ==, 1);

  escale_session_record_add_count (record, "call", "started", 3);
  escale_session_record_add_count (record, "photos", "pages-2", 12);
  escale_session_record_add_count (record, "call", "Marie Dupont", 1);
  escale_session_record_add_count (record, "https://ex.fr", "minutes", 1);
  g_test_expect_message ("escale-stats", G_LOG_LEVEL_WARNING, "*not stored*");
  g_test_expect_message ("escale-stats", G_LOG_LEVEL_WARNING, "*not stored*");
  g_assert_true (escale_stats_store_add_session (store, record, NULL));
  g_test_assert_expected_messages ();
  g_assert_true (escale_stats_store_fold_before (store, "2026-11-28", NULL, NULL));
  escale_session_record_add_count (record, "call", "connected", 2);
  g_test_expect_message ("escale-stats", G_LOG_LEVEL_WARNING, "*not stored*");
  g_test_expect_message ("escale-stats", G_LOG_LEVEL_WARNING, "*not stored*");
  g_assert_true (escale_stats_store_add_session (store, record, NULL));
  g_test_assert_expected_messages ();

  /* Rows in all three tables, every value an integer, every name plain. */
  g_assert_cmpint (count (f->path, "SELECT count (*) FROM session_counters"), ==, 3);
  g_assert_cmpint (count (f->path, "SELECT count (*) FROM day_counter_totals"), ==, 3);
  g_assert_cmpint (count (f->path, "SELECT count (*) FROM monthly_counter_totals"), ==, 2);
  g_assert_cmpint (count (f->path, "SELECT count (*) FROM (SELECT value FROM session_counters"
                                   " UNION ALL SELECT value FROM day_counter_totals"
                                   " UNION ALL SELECT sessions FROM day_counter_totals"
                                   " UNION ALL SELECT value FROM monthly_counter_totals)"
                                   " WHERE typeof (value) != 'integer'"),
                   ==, 0);
  g_assert_cmpint (count (f->path,
                          "SELECT count (*) FROM (SELECT kind, counter FROM session_counters"
                          " UNION ALL SELECT kind, counter FROM day_counter_totals"
                          " UNION ALL SELECT kind, counter FROM monthly_counter_totals"
                          " UNION ALL SELECT kind, counter FROM counter_labels)"
                          " WHERE kind GLOB '*[^a-z0-9-]*' OR counter GLOB '*[^a-z0-9-]*'"),
                   ==, 0);

  /* The table itself refuses a text, a fraction, a name, a negative. */
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (refused_rows); i++)
    g_assert_cmpint (sqlite3_exec (db, refused_rows[i], NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  sqlite3_close (db);
}

/* Every counter the real kinds declare (the table of
 * src/activities/escale-activities.c) is one the store accepts (a
 * [a-z0-9-]+ name, a label), and a visit that counts each once stores
 * whole numbers only, one row each, none dropped; the report names each
 * with its declared label. */
static void
test_every_kind_counter_is_a_number (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleStatsStore) store = escale_stats_store_new (f->path);
  g_autoptr(EscaleSessionRecord) record = make_record (11, 0, 0, 30 * 60);
  g_autoptr(EscaleStatsReport) report = NULL;
  const EscaleActivityKind *const *kinds = escale_activities_get_kinds ();
  GPtrArray *counters;
  guint n_declared = 0;

  g_test_expect_message ("escale-stats", G_LOG_LEVEL_MESSAGE, "*schema*");
  g_assert_true (escale_stats_store_open (store, NULL));
  g_test_assert_expected_messages ();
  for (guint k = 0; kinds[k] != NULL; k++)
    {
      g_autoptr(GError) error = NULL;

      if (kinds[k]->counters == NULL)
        continue;
      g_assert_true (
        escale_stats_store_declare_counters (store, kinds[k]->name, kinds[k]->counters, &error));
      g_assert_no_error (error);
      for (const EscaleCounterSpec *spec = kinds[k]->counters; spec->name != NULL; spec++)
        {
          g_assert_true (spec->label != NULL && spec->label[0] != '\0');
          escale_session_record_add_count (record, kinds[k]->name, spec->name, 1);
          n_declared++;
        }
    }
  g_assert_cmpuint (n_declared, >, 0);
  /* A counter the store drops would warn, which is fatal here. */
  g_assert_true (escale_stats_store_add_session (store, record, NULL));
  g_assert_cmpint (count (f->path, "SELECT count (*) FROM session_counters"), ==, n_declared);
  g_assert_cmpint (count (f->path, "SELECT count (*) FROM session_counters"
                                   " WHERE typeof (value) != 'integer' OR value != 1"),
                   ==, 0);

  report = escale_stats_report_new (store, "2026-11-01", "2026-11-30", NULL);
  counters = escale_stats_report_get_counters (report);
  g_assert_cmpuint (counters->len, ==, n_declared);
  for (guint i = 0; i < counters->len; i++)
    {
      const EscaleStatsCounter *counter = counters->pdata[i];

      g_assert_nonnull (counter->label);
      g_assert_cmpuint (counter->value, ==, 1);
    }
}

/* The statement helper: a row, then done without an error; a failure is
 * an error in ESCALE_STATS_ERROR, also a bind to a parameter that does not
 * exist (reported by the step); a locked store is BUSY. */
static void
test_statement_helper (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleStatsStore) store = escale_stats_store_new (f->path);
  g_autoptr(EscaleSqliteStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *other = NULL;

  g_test_expect_message ("escale-stats", G_LOG_LEVEL_MESSAGE, "*schema*");
  stmt = escale_stats_store_prepare (store, "SELECT ?1 + 1, ?2, ?3", &error);
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  escale_sqlite_statement_bind_int64 (stmt, 1, G_GINT64_CONSTANT (1) << 40);
  escale_sqlite_statement_bind_text (stmt, 2, "texte");
  escale_sqlite_statement_bind_text (stmt, 3, NULL);
  g_assert_true (escale_sqlite_statement_step (stmt, &error));
  g_assert_cmpint (escale_sqlite_statement_get_int64 (stmt, 0), ==,
                   (G_GINT64_CONSTANT (1) << 40) + 1);
  g_assert_cmpstr (escale_sqlite_statement_get_text (stmt, 1), ==, "texte");
  g_assert_true (escale_sqlite_statement_is_null (stmt, 2));
  g_assert_false (escale_sqlite_statement_step (stmt, &error));
  g_assert_no_error (error);

  escale_sqlite_statement_reset (stmt);
  escale_sqlite_statement_bind_int (stmt, 4, 1);
  g_assert_false (escale_sqlite_statement_step (stmt, &error));
  g_assert_error (error, ESCALE_STATS_ERROR, ESCALE_STATS_ERROR_WRITE);
  g_clear_error (&error);
  g_clear_pointer (&stmt, escale_sqlite_statement_free);

  g_assert_null (escale_stats_store_prepare (store, "SELECT * FROM no_such_table", &error));
  g_assert_error (error, ESCALE_STATS_ERROR, ESCALE_STATS_ERROR_WRITE);
  g_clear_error (&error);

  g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);
  stmt = escale_stats_store_prepare (store, "DELETE FROM staff_failures", &error);
  g_assert_no_error (error);
  g_assert_false (escale_sqlite_statement_step_done (stmt, &error));
  g_assert_error (error, ESCALE_STATS_ERROR, ESCALE_STATS_ERROR_BUSY);
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
}

static void
test_hour_rounded_down (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleStatsStore) store = escale_stats_store_new (f->path);
  g_autoptr(EscaleSessionRecord) record = make_record (14, 59, 59, 25 * 60 + 29);

  g_test_expect_message ("escale-stats", G_LOG_LEVEL_MESSAGE, "*schema*");
  g_assert_true (escale_stats_store_add_session (store, record, NULL));
  g_test_assert_expected_messages ();
  g_assert_cmpint (count (f->path, "SELECT start_hour FROM sessions"), ==, 14);
  g_assert_cmpint (count (f->path, "SELECT weekday FROM sessions"), ==, 5);
  g_assert_cmpint (count (f->path, "SELECT duration_min FROM sessions"), ==, 25);
  g_assert_cmpint (count (f->path, "SELECT count(*) FROM sessions WHERE day = '2026-11-27'"), ==,
                   1);
  g_assert_cmpint (count (f->path, "SELECT sum(minutes) FROM session_activities"), ==, 12);
  /* No second, no minute of the start anywhere. */
  g_assert_cmpint (count (f->path, "SELECT count(*) FROM sessions WHERE day LIKE '%:%'"), ==, 0);
}

static void
test_locked_db_keeps_records (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleStatsStore) store = escale_stats_store_new (f->path);
  g_autoptr(EscaleSessionRecord) record = make_record (10, 0, 0, 300);
  g_autoptr(GError) error = NULL;
  sqlite3 *other = NULL;
  gint64 before, after;

  g_test_expect_message ("escale-stats", G_LOG_LEVEL_MESSAGE, "*schema*");
  g_assert_true (escale_stats_store_add_session (store, record, NULL));
  g_test_assert_expected_messages ();

  /* Another program holds the write lock. */
  g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);

  before = g_get_monotonic_time ();
  g_test_expect_message ("escale-stats", G_LOG_LEVEL_WARNING, "*not written yet (1 waiting)*");
  g_assert_false (escale_stats_store_add_session (store, record, &error));
  g_test_assert_expected_messages ();
  after = g_get_monotonic_time ();
  g_assert_error (error, ESCALE_STATS_ERROR, ESCALE_STATS_ERROR_BUSY);
  g_assert_cmpuint (escale_stats_store_get_n_pending (store), ==, 1);
  g_assert_nonnull (escale_stats_store_get_last_error (store));
  /* Generous bound: the busy timeout is 100 ms; the screen must not freeze. */
  g_assert_cmpint (after - before, <, 5 * G_USEC_PER_SEC);

  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);

  /* The committed row is still there, the waiting one is written now. */
  g_assert_true (escale_stats_store_flush (store, NULL));
  g_assert_cmpuint (escale_stats_store_get_n_pending (store), ==, 0);
  g_assert_cmpint (escale_stats_store_count_sessions (store, NULL), ==, 2);
  g_assert_cmpint (count (f->path, "SELECT count(*) FROM session_activities"), ==, 4);
}

static void
test_full_disk_keeps_records (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleStatsStore) store = escale_stats_store_new (f->path);
  g_autoptr(EscaleSessionRecord) record = make_record (9, 30, 0, 600);
  g_autoptr(GError) error = NULL;
  guint written = 0;

  g_test_expect_message ("escale-stats", G_LOG_LEVEL_MESSAGE, "*schema*");
  g_assert_true (escale_stats_store_open (store, NULL));
  g_test_assert_expected_messages ();
  escale_stats_store_set_max_size_mb (store, 1);

  /* Fill the 1 MB cap; the write that does not fit fails as a full disk
   * (and says so in the log, which is expected here). */
  g_test_expect_message ("escale-stats", G_LOG_LEVEL_WARNING, "*disk is full*");
  while (TRUE)
    {
      if (!escale_stats_store_add_session (store, record, &error))
        break;
      written++;
      g_assert_cmpuint (written, <, 200000);
    }
  g_test_assert_expected_messages ();
  g_assert_error (error, ESCALE_STATS_ERROR, ESCALE_STATS_ERROR_FULL);
  g_assert_cmpuint (escale_stats_store_get_n_pending (store), ==, 1);
  g_assert_cmpint (escale_stats_store_count_sessions (store, NULL), ==, written);

  /* Room again: nothing was lost. */
  escale_stats_store_set_max_size_mb (store, 100);
  g_assert_true (escale_stats_store_flush (store, NULL));
  g_assert_cmpint (escale_stats_store_count_sessions (store, NULL), ==, written + 1);
}

static void
test_unopenable_keeps_records (Fixture *f, gconstpointer data)
{
  g_autofree char *blocker = g_build_filename (f->dir, "a-file", NULL);
  g_autofree char *path = g_build_filename (blocker, "stats.db", NULL);
  g_autoptr(EscaleStatsStore) store = escale_stats_store_new (path);
  g_autoptr(EscaleSessionRecord) record = make_record (11, 0, 0, 60);
  g_autoptr(GError) error = NULL;

  /* The folder cannot be created: a file stands where it should be. */
  g_assert_true (g_file_set_contents (blocker, "", -1, NULL));
  g_test_expect_message ("escale-stats", G_LOG_LEVEL_WARNING, "*Cannot create the folder*");
  g_assert_false (escale_stats_store_add_session (store, record, &error));
  g_test_assert_expected_messages ();
  g_assert_error (error, ESCALE_STATS_ERROR, ESCALE_STATS_ERROR_OPEN);
  g_assert_cmpuint (escale_stats_store_get_n_pending (store), ==, 1);
  g_assert_cmpuint (escale_stats_store_get_n_failures (store), ==, 1);
  /* Dropping a store with records still waiting is loudly logged. */
  g_test_expect_message ("escale-stats", G_LOG_LEVEL_WARNING, "*could not be written*");
  g_clear_object (&store);
  g_test_assert_expected_messages ();
}

static void
test_refuses_foreign_or_newer_file (Fixture *f, gconstpointer data)
{
  sqlite3 *db = NULL;
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (f->dir, 0700);
  {
    g_autofree char *path = g_build_filename (f->dir, "newer.db", NULL);
    g_autoptr(EscaleStatsStore) store = escale_stats_store_new (path);

    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL);
    sqlite3_close (db);
    g_assert_false (escale_stats_store_open (store, &error));
    g_assert_error (error, ESCALE_STATS_ERROR, ESCALE_STATS_ERROR_TOO_NEW);
    g_clear_error (&error);
  }
  {
    g_autofree char *path = g_build_filename (f->dir, "foreign.db", NULL);
    g_autoptr(EscaleStatsStore) store = escale_stats_store_new (path);

    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    sqlite3_exec (db, "PRAGMA application_id = 1234", NULL, NULL, NULL);
    sqlite3_close (db);
    g_assert_false (escale_stats_store_open (store, &error));
    g_assert_error (error, ESCALE_STATS_ERROR, ESCALE_STATS_ERROR_CORRUPT);
  }
}

/* Four corrupted bytes of the header (user_version, offset 60) make the
 * schema version negative: the store refuses the file as damaged, with no
 * crash and without touching it, and keeps the visit it could not write. */
static void
test_refuses_negative_version (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleSessionRecord) record = make_record (10, 0, 0, 60);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize length = 0;

  {
    g_autoptr(EscaleStatsStore) store = escale_stats_store_new (f->path);

    g_assert_true (escale_stats_store_add_session (store, record, &error));
    g_assert_no_error (error);
  }
  g_assert_true (g_file_get_contents (f->path, &before, &length, NULL));
  g_assert_cmpuint (length, >, 64);
  memset (before + 60, 0xff, 4);
  g_assert_true (g_file_set_contents (f->path, before, (gssize) length, NULL));
  {
    g_autoptr(EscaleStatsStore) store = escale_stats_store_new (f->path);

    g_assert_false (escale_stats_store_open (store, &error));
    g_assert_error (error, ESCALE_STATS_ERROR, ESCALE_STATS_ERROR_CORRUPT);
    g_clear_error (&error);
    g_test_expect_message ("escale-stats", G_LOG_LEVEL_WARNING, "*damaged*");
    g_assert_false (escale_stats_store_add_session (store, record, &error));
    g_test_assert_expected_messages ();
    g_assert_cmpuint (escale_stats_store_get_n_pending (store), ==, 1);
    g_test_expect_message ("escale-stats", G_LOG_LEVEL_WARNING, "*could not be written*");
    g_clear_object (&store);
    g_test_assert_expected_messages ();
  }
  /* The damaged file is left as it was, for staff to rescue. */
  g_assert_true (g_file_get_contents (f->path, &after, NULL, NULL));
  g_assert_cmpmem (before, length, after, length);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/escale/stats-store/migrates-from-empty", test_migrates_from_empty);
  ADD ("/escale/stats-store/schema-holds-only-allowed-columns",
       test_schema_holds_only_allowed_columns);
  ADD ("/escale/stats-store/hour-rounded-down", test_hour_rounded_down);
  ADD ("/escale/stats-store/statement-helper", test_statement_helper);
  ADD ("/escale/stats-store/counters-recorded", test_counters_recorded);
  ADD ("/escale/stats-store/counters-are-never-text", test_counters_are_never_text);
  ADD ("/escale/stats-store/every-kind-counter-is-a-number", test_every_kind_counter_is_a_number);
  ADD ("/escale/stats-store/locked-db-keeps-records", test_locked_db_keeps_records);
  ADD ("/escale/stats-store/full-disk-keeps-records", test_full_disk_keeps_records);
  ADD ("/escale/stats-store/unopenable-keeps-records", test_unopenable_keeps_records);
  ADD ("/escale/stats-store/refuses-foreign-or-newer-file", test_refuses_foreign_or_newer_file);
  ADD ("/escale/stats-store/refuses-negative-version", test_refuses_negative_version);
#undef ADD

  return g_test_run ();
}
