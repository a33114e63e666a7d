/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "stats-test-util.h"

/* Schema 8 (issue 11): help asked and given, La Coop's autonomy, each
 * visit once per theme and category, workshops, activity titles. */

static EscaleStatsStore *
open_v7_store (const char *path)
{
  EscaleStatsStore *store;

  make_v7_store (path);
  store = escale_stats_store_new (path);
  g_test_expect_message ("escale-stats", G_LOG_LEVEL_MESSAGE, "*schema 8*");
  g_assert_true (escale_stats_store_open (store, NULL));
  g_test_assert_expected_messages ();
  g_assert_cmpint (escale_stats_store_get_schema_version (store), ==, 8);
  return store;
}

/* Schema 7 to 8 keeps every visit and what it meant: 'accompanied' was
 * "pressed Appeler un aidant", it is help_asked now; no visit of then had
 * help given (nothing could acknowledge it). The shared theme of visit 1
 * counts it once; the totals are rebuilt from the rows. */
static void
test_migrates_v7 (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleStatsStore) store = open_v7_store (f->path);
  g_autoptr(EscaleStatsReport) march = NULL;
  g_autoptr(EscaleStatsReport) folded = NULL;
  EscaleStatsGroup *theme;

  g_assert_cmpint (query (f->path, "SELECT count (*) FROM sessions"), ==, 4);
  g_assert_cmpint (query (f->path, "SELECT sum (help_asked) FROM sessions"), ==, 2);
  g_assert_cmpint (query (f->path, "SELECT sum (help_asked) FROM sessions WHERE id IN (2, 3)"), ==,
                   2);
  g_assert_cmpint (query (f->path, "SELECT count (*) FROM sessions WHERE help_given = 0"
                                   " AND workshop_uid IS NULL"),
                   ==, 4);
  assert_totals_match_rows (f->path);
  assert_report_matches_rows (store, f->path, "2026-03-01", "2026-03-31");

  march = escale_stats_report_new (store, "2026-03-01", "2026-03-31", NULL);
  theme = find_group (escale_stats_report_get_themes (march), "Échanger avec ses proches");
  /* Visits 1 (visio and photos) and 2: two visits, not three rows. */
  g_assert_cmpuint (theme->sessions, ==, 2);
  g_assert_cmpuint (theme->minutes, ==, 20 + 15 + 25);
  g_assert_cmpuint (find_group (escale_stats_report_get_categories (march), "logement")->sessions,
                    ==, 2);
  g_assert_cmpuint (escale_stats_report_get_help_asked (march), ==, 2);
  g_assert_cmpuint (escale_stats_report_get_helper_calls (march), ==, 3);
  g_assert_cmpuint (escale_stats_report_get_help_given (march), ==, 0);
  g_assert_cmpuint (escale_stats_report_get_autonomy (march, ESCALE_AUTONOMY_AUTONOME), ==, 2);
  g_assert_cmpuint (escale_stats_report_get_autonomy (march,
                                                      ESCALE_AUTONOMY_PARTIELLEMENT_AUTONOME),
                    ==, 2);

  /* The folded month keeps its help figures; its theme is what it was. */
  folded = escale_stats_report_new (store, "2025-01-01", "2025-01-31", NULL);
  g_assert_cmpuint (escale_stats_report_get_sessions (folded), ==, 9);
  g_assert_cmpuint (escale_stats_report_get_help_asked (folded), ==, 2);
  g_assert_cmpuint (escale_stats_report_get_autonomy (folded, ESCALE_AUTONOMY_AUTONOME), ==, 7);
  g_assert_cmpuint (find_group (escale_stats_report_get_themes (folded),
                                "Échanger avec ses proches")
                      ->sessions,
                    ==, 7);
}

/* After the migration the kiosk writes on: a visit of a workshop, a visit
 * helped on the board, and retention folds each theme once per visit. */
static void
test_migrated_store_writes_on (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleStatsStore) store = open_v7_store (f->path);
  g_autoptr(GDateTime) start = g_date_time_new_local (2026, 3, 9, 14, 0, 0);
  g_autoptr(GDateTime) now = g_date_time_new_local (2027, 6, 1, 12, 0, 0);
  g_autoptr(EscaleSessionRecord)
               workshop_visit = escale_session_record_new (start, 90 * 60, ESCALE_END_STAFF, 0);
  g_autoptr(EscaleSessionRecord)
               helped = escale_session_record_new (start, 20 * 60, ESCALE_END_FINISHED, 1);
  guint folded = 0;

  g_strlcpy (workshop_visit->workshop_uid, "0123456789abcdef0123456789abcdef",
             sizeof workshop_visit->workshop_uid);
  escale_session_record_add_activity (workshop_visit, "visio", 50 * 60);
  escale_session_record_set_theme (workshop_visit, "visio", "Échanger avec ses proches");
  escale_session_record_add_activity (workshop_visit, "photos", 40 * 60);
  escale_session_record_set_theme (workshop_visit, "photos", "Échanger avec ses proches");
  helped->help_given = TRUE;
  g_assert_cmpint (escale_session_record_get_autonomy (workshop_visit), ==,
                   ESCALE_AUTONOMY_ENTIEREMENT_ACCOMPAGNE);
  g_assert_cmpint (escale_session_record_get_autonomy (helped), ==,
                   ESCALE_AUTONOMY_PARTIELLEMENT_AUTONOME);
  g_assert_true (escale_stats_store_add_session (store, workshop_visit, NULL));
  g_assert_true (escale_stats_store_add_session (store, helped, NULL));

  /* A workshop visit is help given even if the kiosk did not say so. */
  g_assert_cmpint (query (f->path, "SELECT help_given FROM sessions WHERE workshop_uid ="
                                   " '0123456789abcdef0123456789abcdef'"),
                   ==, 1);
  assert_totals_match_rows (f->path);
  assert_report_matches_rows (store, f->path, "2026-03-01", "2026-03-31");

  g_assert_true (escale_stats_store_apply_retention (store, now, 13, &folded, NULL));
  g_assert_cmpuint (folded, ==, 6);
  /* Visits 1, 2 and the workshop visit: three, whatever they did inside. */
  g_assert_cmpint (query (f->path,
                          "SELECT sum (sessions) FROM monthly_theme_totals"
                          " WHERE month = '2026-03' AND theme = 'Échanger avec ses proches'"),
                   ==, 3);
  g_assert_cmpint (query (f->path, "SELECT sum (sessions) FROM monthly_category_totals"
                                   " WHERE month = '2026-03' AND category = 'logement'"),
                   ==, 2);
  {
    g_autoptr(EscaleStatsReport)
                 report = escale_stats_report_new (store, "2026-03-01", "2026-03-31", NULL);

    g_assert_cmpuint (escale_stats_report_get_folded_sessions (report), ==, 6);
    g_assert_cmpuint (escale_stats_report_get_help_given (report), ==, 2);
    g_assert_cmpuint (escale_stats_report_get_autonomy (report,
                                                        ESCALE_AUTONOMY_ENTIEREMENT_ACCOMPAGNE),
                      ==, 1);
    g_assert_cmpuint (escale_stats_report_get_autonomy (report,
                                                        ESCALE_AUTONOMY_PARTIELLEMENT_AUTONOME),
                      ==, 3);
    g_assert_cmpuint (escale_stats_report_get_autonomy (report, ESCALE_AUTONOMY_AUTONOME), ==, 2);
    g_assert_cmpuint (find_group (escale_stats_report_get_themes (report),
                                  "Échanger avec ses proches")
                        ->sessions,
                      ==, 3);
  }
}

static void
fill_workshop (EscaleWorkshopRecord *w, const char *uid, int participants)
{
  g_strlcpy (w->uid, uid, sizeof w->uid);
  g_strlcpy (w->day, "2026-03-10", sizeof w->day);
  w->start_hour = 14;
  w->duration_min = 90;
  w->theme = (char *) "email";
  w->level = (char *) "debutant";
  w->participants = participants;
}

/* A workshop is never lost: on a locked store it waits in memory with the
 * visits and is written by the next flush, once. */
static void
test_workshop_kept_when_locked (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleStatsStore) store = open_new_store (f->path);
  g_autoptr(GError) error = NULL;
  EscaleWorkshopRecord w = { { 0 } };
  sqlite3 *other = NULL;

  fill_workshop (&w, "aa11", 5);
  g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_test_expect_message ("escale-stats", G_LOG_LEVEL_WARNING, "*not written yet (1 waiting)*");
  g_assert_false (escale_stats_store_add_workshop (store, &w, &error));
  g_test_assert_expected_messages ();
  g_assert_error (error, ESCALE_STATS_ERROR, ESCALE_STATS_ERROR_BUSY);
  g_assert_cmpuint (escale_stats_store_get_n_pending (store), ==, 1);
  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);

  g_assert_true (escale_stats_store_flush (store, NULL));
  g_assert_cmpuint (escale_stats_store_get_n_pending (store), ==, 0);
  g_assert_cmpint (query (f->path, "SELECT count (*) FROM workshops WHERE uid = 'aa11'"
                                   " AND theme = 'email' AND level = 'debutant'"
                                   " AND participants = 5 AND duration_min = 90"),
                   ==, 1);
}

/* What the store could never keep is refused at once, not queued; an
 * empty uid gets a random one. */
static void
test_workshop_refused_when_invalid (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleStatsStore) store = open_new_store (f->path);
  g_autoptr(GError) error = NULL;
  EscaleWorkshopRecord w = { { 0 } };

  fill_workshop (&w, "", 3);
  w.level = (char *) "expert";
  g_assert_false (escale_stats_store_add_workshop (store, &w, &error));
  g_assert_error (error, ESCALE_STATS_ERROR, ESCALE_STATS_ERROR_WRITE);
  g_clear_error (&error);
  w.level = (char *) "avance";
  w.theme = (char *) "Mon atelier du mardi";
  g_assert_false (escale_stats_store_add_workshop (store, &w, &error));
  g_clear_error (&error);
  g_assert_cmpuint (escale_stats_store_get_n_pending (store), ==, 0);

  w.theme = (char *) "navigation_sur_internet";
  g_assert_true (escale_stats_store_add_workshop (store, &w, NULL));
  g_assert_cmpint (query (f->path, "SELECT length (uid) FROM workshops"), ==, 32);
}

/* A workshop run on three kiosks from escale-board is one collective
 * activity: its participants add up; merging a store twice adds nothing. */
static void
test_workshop_of_several_kiosks_is_one (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleStatsStore) store = open_new_store (f->path);
  g_autofree char *other_path = g_build_filename (f->dir, "other.db", NULL);
  g_autoptr(EscaleStatsStore) other = open_new_store (other_path);
  g_autoptr(EscaleStatsReport) report = NULL;
  EscaleWorkshopRecord w = { { 0 } };
  EscaleStatsWorkshop *one;
  guint added;

  fill_workshop (&w, "cafe01", 2);
  g_assert_true (escale_stats_store_add_workshop (store, &w, NULL));
  fill_workshop (&w, "cafe01", 3);
  g_assert_true (escale_stats_store_add_workshop (other, &w, NULL));
  fill_workshop (&w, "cafe02", 4);
  w.day[9] = '2'; /* 2026-03-12 */
  g_assert_true (escale_stats_store_add_workshop (other, &w, NULL));
  g_clear_object (&other);
  g_assert_true (escale_stats_store_merge (store, other_path, &added, NULL));
  g_assert_true (escale_stats_store_merge (store, other_path, &added, NULL));

  report = escale_stats_report_new (store, "2026-03-01", "2026-03-31", NULL);
  g_assert_cmpuint (escale_stats_report_get_workshops (report)->len, ==, 2);
  one = escale_stats_report_get_workshops (report)->pdata[0];
  g_assert_cmpstr (one->day, ==, "2026-03-10");
  g_assert_cmpuint (one->participants, ==, 2 + 3);
  g_assert_cmpstr (one->theme, ==, "email");
  g_assert_cmpuint (escale_stats_workshop_participants (report), ==, 2 + 3 + 4);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/escale/stats-help/migrates-v7", test_migrates_v7);
  ADD ("/escale/stats-help/migrated-store-writes-on", test_migrated_store_writes_on);
  ADD ("/escale/stats-help/workshop-kept-when-locked", test_workshop_kept_when_locked);
  ADD ("/escale/stats-help/workshop-refused-when-invalid", test_workshop_refused_when_invalid);
  ADD ("/escale/stats-help/workshop-of-several-kiosks-is-one",
       test_workshop_of_several_kiosks_is_one);
#undef ADD
  return g_test_run ();
}
