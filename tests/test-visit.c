/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "escale-fake-clock.h"
#include "escale-kiosk.h"

/* The narrow handle an activity's view gets (EscaleVisit) and the staff
 * notices (EscaleNotices), on a real kiosk with a fake clock and a test
 * kind of its own, without a display: counters the kind declared reach the
 * visit's record, others are refused; a wiper added for a visit runs at its
 * reset, even when the page is gone, and never at the next one. */

static const EscaleKeySpec test_keys[] = {
  { "Hello", "greeting", ESCALE_KEY_STRING },
  { NULL },
};

static const EscaleCounterSpec test_counters[] = {
  { "greetings", "Bonjours dits" },
  { "minutes", "Minutes passées à saluer" },
  { NULL },
};

static const EscaleActivityKind test_kind = {
  .name = "hello",
  .keys = test_keys,
  .counters = test_counters,
};

static const EscaleCounterSpec wave_counters[] = {
  { "waves", "Saluts de la main" },
  { NULL },
};

/* A second kind, to hand things over between activities. */
static const EscaleActivityKind wave_kind = {
  .name = "wave",
  .keys = NULL,
  .counters = wave_counters,
};

static const EscaleActivityKind *const test_kinds[] = { &test_kind, &wave_kind, NULL };

typedef struct
{
  char *dir;
  EscaleClock *clock;
  EscaleStatsStore *store;
  EscaleKiosk *kiosk;
  EscaleSession *session;
  EscaleActivity *activity;
  EscaleActivity *wave;        /* of the kind "wave" */
  EscaleSessionRecord *record; /* of the last visit */
  guint n_wipes;
} Fixture;

static void
ended_cb (EscaleSession *session, EscaleSessionRecord *record, Fixture *f)
{
  g_clear_pointer (&f->record, escale_session_record_free);
  f->record = escale_session_record_copy (record);
}

static void
write_file (const char *dir, const char *name, const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *config_dir = NULL;
  g_autofree char *activities = NULL;
  g_autofree char *stats = NULL;
  g_autofree char *runtime = NULL;
  g_autoptr(EscaleConfig) config = NULL;
  g_autoptr(EscaleScratch) scratch = NULL;

  f->dir = g_dir_make_tmp ("escale-visit-XXXXXX", NULL);
  config_dir = g_build_filename (f->dir, "config", NULL);
  activities = g_build_filename (config_dir, "activities", NULL);
  g_assert_cmpint (g_mkdir_with_parents (activities, 0700), ==, 0);
  write_file (config_dir, "escale.ini", "[Centre]\nname=Centre de test\n");
  write_file (activities, "hello.ini",
              "[Activity]\nid=bonjour\ntitle=Dire bonjour\nicon=info\nkind=hello\n"
              "[Hello]\ngreeting=Bonjour !\n");
  write_file (activities, "wave.ini",
              "[Activity]\nid=salut\ntitle=Saluer\nicon=info\nkind=wave\n");
  config = escale_config_load (config_dir, test_kinds);
  g_assert_cmpuint (escale_config_get_problems (config)->len, ==, 0);

  stats = g_build_filename (f->dir, "stats.db", NULL);
  runtime = g_build_filename (f->dir, "runtime", NULL);
  f->clock = escale_fake_clock_new (NULL);
  f->store = escale_stats_store_new (stats);
  scratch = escale_scratch_new (runtime);
  f->kiosk = escale_kiosk_new (config, f->clock, f->store, scratch);
  escale_kiosk_set_goodbye_delay_ms (f->kiosk, 0);
  f->session = escale_kiosk_get_session (f->kiosk);
  f->activity = g_object_ref (escale_config_find_activity (config, "bonjour"));
  f->wave = g_object_ref (escale_config_find_activity (config, "salut"));
  g_signal_connect (f->session, "ended", G_CALLBACK (ended_cb), f);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_pointer (&f->record, escale_session_record_free);
  g_clear_object (&f->activity);
  g_clear_object (&f->wave);
  g_clear_object (&f->kiosk);
  g_clear_object (&f->store);
  g_clear_object (&f->clock);
  g_assert_true (escale_remove_tree (f->dir, NULL));
  g_free (f->dir);
}

/* A whole visit: someone touches the screen, ..., "J'ai fini"; the kiosk
 * records the visit, wipes, and the session is back to IDLE. */
static void
finish_visit (Fixture *f)
{
  escale_session_finish (f->session, ESCALE_END_FINISHED);
  g_assert_cmpint (escale_session_get_state (f->session), ==, ESCALE_SESSION_IDLE);
}

static gboolean
count_wipe (gpointer user_data, GError **error)
{
  ((Fixture *) user_data)->n_wipes++;
  return TRUE;
}

static void
test_counts_reach_the_record (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleVisit) visit = NULL;

  escale_session_input (f->session);
  visit = escale_kiosk_new_visit (f->kiosk, f->activity);
  escale_visit_count (visit, "greetings", 2);
  escale_visit_count (visit, "greetings", 1);
  escale_visit_start_timer (visit, "minutes");
  escale_fake_clock_advance (ESCALE_FAKE_CLOCK (f->clock), 150);
  escale_visit_stop_timer (visit, "minutes");
  escale_fake_clock_advance (ESCALE_FAKE_CLOCK (f->clock), 600);
  finish_visit (f);

  g_assert_nonnull (f->record);
  g_assert_cmpint (escale_session_record_get_count (f->record, "hello", "greetings"), ==, 3);
  /* 2 min 30 s, rounded to the nearest minute; the 10 minutes after the
   * stop do not count. */
  g_assert_cmpint (escale_session_record_get_count (f->record, "hello", "minutes"), ==, 3);
  g_assert_true (escale_visit_is_over (visit));
}

static void
test_undeclared_counter_is_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleVisit) visit = NULL;

  escale_session_input (f->session);
  visit = escale_kiosk_new_visit (f->kiosk, f->activity);
  g_test_expect_message ("escale-visit", G_LOG_LEVEL_CRITICAL,
                         "*“photos-printed” is not declared by the activity kind “hello”*");
  escale_visit_count (visit, "photos-printed", 1);
  g_test_assert_expected_messages ();
  g_test_expect_message ("escale-visit", G_LOG_LEVEL_CRITICAL, "*“hours” is not declared*");
  escale_visit_start_timer (visit, "hours");
  g_test_assert_expected_messages ();
  finish_visit (f);

  g_assert_cmpint (escale_session_record_get_count (f->record, "hello", "photos-printed"), ==, 0);
  g_assert_cmpint (escale_session_record_get_count (f->record, "hello", "hours"), ==, 0);
}

/* The page is gone (the person touched Accueil) before the visit ends:
 * its wiper still runs at that visit's reset, once, and not at the next. */
static void
test_wiper_runs_for_its_visit_only (Fixture *f, gconstpointer data)
{
  EscaleReset *reset = escale_kiosk_get_reset (f->kiosk);
  guint n_wipers = escale_reset_get_n_wipers (reset);
  EscaleVisit *visit;

  escale_session_input (f->session);
  visit = escale_kiosk_new_visit (f->kiosk, f->activity);
  escale_visit_add_wiper (visit, "greetings-card", count_wipe, f, NULL);
  g_assert_cmpuint (escale_reset_get_n_wipers (reset), ==, n_wipers + 1);
  g_assert_cmpstr (escale_reset_get_wiper_name (reset, n_wipers), ==, "bonjour/greetings-card");
  g_assert_finalize_object (visit);

  finish_visit (f);
  g_assert_cmpuint (f->n_wipes, ==, 1);
  g_assert_cmpuint (escale_reset_get_n_wipers (reset), ==, n_wipers);

  /* The next person never opens the activity. */
  escale_session_input (f->session);
  finish_visit (f);
  g_assert_cmpuint (f->n_wipes, ==, 1);
}

/* A view whose wiper points at itself removes it when it goes away. */
static void
test_removed_wiper_never_runs (Fixture *f, gconstpointer data)
{
  EscaleReset *reset = escale_kiosk_get_reset (f->kiosk);
  guint n_wipers = escale_reset_get_n_wipers (reset);
  g_autoptr(EscaleVisit) visit = NULL;

  escale_session_input (f->session);
  visit = escale_kiosk_new_visit (f->kiosk, f->activity);
  escale_visit_add_wiper (visit, "greetings-card", count_wipe, f, NULL);
  escale_visit_remove_wiper (visit, "greetings-card");
  g_assert_cmpuint (escale_reset_get_n_wipers (reset), ==, n_wipers);
  finish_visit (f);
  g_assert_cmpuint (f->n_wipes, ==, 0);
}

/* A handle left over after its visit touches nothing of the next one. */
static void
test_over_after_reset (Fixture *f, gconstpointer data)
{
  EscaleReset *reset = escale_kiosk_get_reset (f->kiosk);
  guint n_wipers = escale_reset_get_n_wipers (reset);
  g_autoptr(EscaleVisit) visit = NULL;

  escale_session_input (f->session);
  visit = escale_kiosk_new_visit (f->kiosk, f->activity);
  escale_visit_set_hold (visit, TRUE);
  g_assert_true (escale_session_is_held (f->session));
  finish_visit (f);
  g_assert_true (escale_visit_is_over (visit));
  g_assert_false (escale_session_is_held (f->session));

  escale_visit_count (visit, "greetings", 1);
  escale_visit_set_hold (visit, TRUE);
  escale_visit_add_wiper (visit, "greetings-card", count_wipe, f, NULL);
  g_assert_cmpint (escale_session_get_state (f->session), ==, ESCALE_SESSION_IDLE);
  g_assert_false (escale_session_is_held (f->session));
  g_assert_cmpuint (escale_reset_get_n_wipers (reset), ==, n_wipers);
}

/* Leaving the page releases its hold and stops what it timed. */
static void
test_handle_gone_releases (Fixture *f, gconstpointer data)
{
  EscaleVisit *visit;

  escale_session_input (f->session);
  visit = escale_kiosk_new_visit (f->kiosk, f->activity);
  escale_visit_set_hold (visit, TRUE);
  escale_visit_start_timer (visit, "minutes");
  escale_fake_clock_advance (ESCALE_FAKE_CLOCK (f->clock), 120);
  g_assert_finalize_object (visit);
  g_assert_false (escale_session_is_held (f->session));
  escale_fake_clock_advance (ESCALE_FAKE_CLOCK (f->clock), 600);
  finish_visit (f);
  g_assert_cmpint (escale_session_record_get_count (f->record, "hello", "minutes"), ==, 2);
}

/* The one place a visit may write files: private to the kiosk's user,
 * emptied at the visit's end, never handed to a finished visit. */
static void
test_scratch_dir (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleVisit) visit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;
  GStatBuf st;

  escale_session_input (f->session);
  visit = escale_kiosk_new_visit (f->kiosk, f->activity);
  dir = g_strdup (escale_visit_get_scratch_dir (visit, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  file = g_build_filename (dir, "formulaire.pdf", NULL);
  write_file (dir, "formulaire.pdf", "%PDF-1.4");

  finish_visit (f);
  g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
  g_assert_null (escale_visit_get_scratch_dir (visit, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CLOSED);
}

/* Statistics that cannot be written (another program holds the file) are
 * a notice for staff while they wait, and no more once written. */
static void
test_store_waiting_is_a_notice (Fixture *f, gconstpointer data)
{
  EscaleNotices *notices = escale_kiosk_get_notices (f->kiosk);
  g_autofree char *path = g_build_filename (f->dir, "stats.db", NULL);
  g_auto (GStrv) lines = NULL;
  sqlite3 *other = NULL;

  g_test_expect_message ("escale-stats", G_LOG_LEVEL_MESSAGE, "*schema*");
  escale_session_input (f->session);
  finish_visit (f);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (escale_notices_get_all (notices)->len, ==, 0);

  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_test_expect_message ("escale-stats", G_LOG_LEVEL_WARNING, "*not written yet (1 waiting)*");
  g_test_expect_message ("escale-kiosk", G_LOG_LEVEL_WARNING, "*kept in memory*");
  escale_session_input (f->session);
  finish_visit (f);
  g_test_assert_expected_messages ();
  lines = escale_notices_format (notices);
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  g_assert_nonnull (strstr (lines[0], "stats.db"));
  g_assert_nonnull (strstr (lines[0], "1 visite attend d'être enregistrée"));
  /* Why, in French: never SQLite's English ("database is locked"). */
  g_assert_nonnull (strstr (lines[0], "le fichier est occupé par un autre programme"));
  g_assert_null (strstr (lines[0], "locked"));

  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  escale_session_input (f->session);
  finish_visit (f);
  g_assert_cmpuint (escale_notices_get_all (notices)->len, ==, 0);
  g_assert_cmpint (escale_stats_store_count_sessions (f->store, NULL), ==, 3);
}

/* escale-stats push (another process, its state in the store's meta)
 * failing for more than a day becomes a notice after the next visit. */
static void
test_push_failing_is_a_notice (Fixture *f, gconstpointer data)
{
  EscaleNotices *notices = escale_kiosk_get_notices (f->kiosk);
  g_autoptr(GDateTime) now = escale_clock_get_now_local (f->clock);
  g_autoptr(GDateTime) before = g_date_time_add_hours (now, -30);
  g_autoptr(GDateTime) utc = g_date_time_to_utc (before);
  g_autofree char *since = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *sql =
    g_strdup_printf ("INSERT INTO meta VALUES ('" ESCALE_STATS_META_PUSH_FAILING_SINCE "', '%s'),"
                     " ('" ESCALE_STATS_META_PUSH_ERROR "', 'connexion au serveur impossible')",
                     since);
  g_auto (GStrv) lines = NULL;

  g_test_expect_message ("escale-stats", G_LOG_LEVEL_MESSAGE, "*schema*");
  g_assert_true (escale_stats_store_open (f->store, NULL));
  g_test_assert_expected_messages ();
  g_assert_true (escale_stats_store_exec (f->store, sql, NULL));
  escale_session_input (f->session);
  finish_visit (f);
  lines = escale_notices_format (notices);
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  g_assert_nonnull (strstr (lines[0], "ne partent plus vers le serveur"));
  g_assert_nonnull (strstr (lines[0], "connexion au serveur impossible"));
}

static void
changed_cb (EscaleNotices *notices, guint *n_changed)
{
  (*n_changed)++;
}

static void
test_notices (Fixture *f, gconstpointer data)
{
  EscaleNotices *notices = escale_kiosk_get_notices (f->kiosk);
  g_autoptr(EscaleVisit) visit = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_changed = 0;

  g_signal_connect (notices, "changed", G_CALLBACK (changed_cb), &n_changed);
  escale_session_input (f->session);
  visit = escale_kiosk_new_visit (f->kiosk, f->activity);
  /* Seen at every visit: said once. */
  for (guint i = 0; i < 2; i++)
    escale_visit_notice (visit, "Hello", "greeting", "le haut-parleur ne répond pas");
  g_assert_true (escale_notices_add (notices, "escale.ini", 0, NULL, "autre chose"));
  g_assert_false (escale_notices_add (notices, "escale.ini", 0, NULL, "autre chose"));
  g_assert_cmpuint (n_changed, ==, 2);

  lines = escale_notices_format (notices);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_cmpstr (lines[0], ==,
                   "activities/hello.ini:7: greeting: le haut-parleur ne répond pas");
  g_assert_cmpstr (lines[1], ==, "escale.ini: autre chose");
  /* The configuration itself is left as it was loaded. */
  g_assert_cmpuint (escale_config_get_problems (escale_kiosk_get_config (f->kiosk))->len, ==, 0);
  g_signal_handlers_disconnect_by_func (notices, changed_cb, &n_changed);
}

/* One activity leaves something for another of the same visit ("Montrer à
 * ma famille": the photo for the call), which finds the other by its kind,
 * takes it once, and counts what it became on the giver's kind. */
static void
test_handoff_between_activities (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleVisit) hello = NULL;
  g_autoptr(EscaleVisit) wave = NULL;
  g_autoptr(GObject) taken = NULL;
  g_autofree char *giver = NULL;
  GObject *thing = g_object_new (G_TYPE_OBJECT, NULL);

  escale_session_input (f->session);
  hello = escale_kiosk_new_visit (f->kiosk, f->activity);
  g_assert_true (escale_visit_find_activity (hello, "wave") == f->wave);
  g_assert_null (escale_visit_find_activity (hello, "call"));
  escale_visit_hand_off (hello, "thing", thing);
  g_object_unref (thing);
  g_clear_object (&hello); /* the page went away: the thing waits */

  wave = escale_kiosk_new_visit (f->kiosk, f->wave);
  g_assert_null (escale_visit_take_handoff (wave, "other", NULL));
  taken = escale_visit_take_handoff (wave, "thing", &giver);
  g_assert_true (taken == thing);
  g_assert_cmpstr (giver, ==, "hello");
  g_assert_null (escale_visit_take_handoff (wave, "thing", NULL));
  escale_visit_count_for (wave, giver, "greetings", 1);
  escale_visit_count (wave, "waves", 1);
  g_assert_finalize_object (g_steal_pointer (&taken));
  finish_visit (f);
  g_assert_cmpint (escale_session_record_get_count (f->record, "hello", "greetings"), ==, 1);
  g_assert_cmpint (escale_session_record_get_count (f->record, "wave", "waves"), ==, 1);
}

/* What nobody took is dropped at the end of the visit, and never reaches
 * the next one. */
static void
test_handoff_dropped_at_visit_end (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleVisit) hello = NULL;
  g_autoptr(EscaleVisit) wave = NULL;
  GObject *thing = g_object_new (G_TYPE_OBJECT, NULL);

  escale_session_input (f->session);
  hello = escale_kiosk_new_visit (f->kiosk, f->activity);
  escale_visit_hand_off (hello, "thing", thing);
  g_object_add_weak_pointer (thing, (gpointer *) &thing);
  g_object_unref (thing);
  g_assert_nonnull (thing);
  finish_visit (f);
  g_assert_null (thing);

  escale_session_input (f->session);
  wave = escale_kiosk_new_visit (f->kiosk, f->wave);
  g_assert_null (escale_visit_take_handoff (wave, "thing", NULL));
  /* A handle of a visit that is over hands nothing to the next one. */
  thing = g_object_new (G_TYPE_OBJECT, NULL);
  escale_visit_hand_off (hello, "thing", thing);
  g_assert_null (escale_visit_take_handoff (wave, "thing", NULL));
  g_assert_finalize_object (thing);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func)                                                                           \
  g_test_add ("/escale/visit/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("counts-reach-the-record", test_counts_reach_the_record);
  ADD ("push-failing-is-a-notice", test_push_failing_is_a_notice);
  ADD ("undeclared-counter-is-refused", test_undeclared_counter_is_refused);
  ADD ("wiper-runs-for-its-visit-only", test_wiper_runs_for_its_visit_only);
  ADD ("removed-wiper-never-runs", test_removed_wiper_never_runs);
  ADD ("over-after-reset", test_over_after_reset);
  ADD ("handle-gone-releases", test_handle_gone_releases);
  ADD ("scratch-dir", test_scratch_dir);
  ADD ("notices", test_notices);
  ADD ("store-waiting-is-a-notice", test_store_waiting_is_a_notice);
  ADD ("handoff-between-activities", test_handoff_between_activities);
  ADD ("handoff-dropped-at-visit-end", test_handoff_dropped_at_visit_end);
#undef ADD
  return g_test_run ();
}
