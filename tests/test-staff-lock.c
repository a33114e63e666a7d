/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "escale-fake-clock.h"
#include "escale-pin.h"
#include "escale-scratch.h"
#include "escale-staff-codes.h"

/* The staff code: Argon2id hashing and verification, the back-off after
 * wrong codes, which survives the process being killed, and the code's own
 * file beside the store (not in it): what a lost or broken store leaves. */

#define TEST_KIB 64
#define TEST_PASSES 1

typedef struct
{
  char *dir;
  char *path;
  EscaleClock *clock;
  EscaleStatsStore *store;
  EscaleCodeLock *lock;
} Fixture;

/* As the kiosk does: a wrong code counts in the day's figures. */
static void
wrong_cb (Fixture *f)
{
  g_assert_true (escale_staff_code_count_failure (f->store, f->clock, NULL));
}

static void
open_lock (Fixture *f)
{
  f->store = escale_stats_store_new (f->path);
  f->lock = escale_staff_code_lock_new (f->store, f->clock);
  escale_code_lock_set_cost (f->lock, TEST_KIB, TEST_PASSES);
  g_signal_connect_swapped (f->lock, "wrong", G_CALLBACK (wrong_cb), f);
}

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GDateTime) start = g_date_time_new_local (2026, 11, 27, 9, 0, 0);

  f->dir = g_dir_make_tmp ("escale-pin-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "stats.db", NULL);
  f->clock = escale_fake_clock_new (start);
  open_lock (f);
  g_test_expect_message ("escale-stats", G_LOG_LEVEL_MESSAGE, "*schema 1*");
  g_test_expect_message ("escale-stats", G_LOG_LEVEL_MESSAGE, "*schema 2*");
  g_assert_true (escale_stats_store_open (f->store, NULL));
  g_test_assert_expected_messages ();
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->lock);
  g_clear_object (&f->store);
  g_clear_object (&f->clock);
  escale_remove_tree (f->dir, NULL);
  g_free (f->dir);
  g_free (f->path);
}

static void
test_hash_and_verify (void)
{
  g_autofree char *hash = escale_pin_hash ("246813", TEST_KIB, TEST_PASSES, NULL);
  g_autofree char *again = escale_pin_hash ("246813", TEST_KIB, TEST_PASSES, NULL);
  g_autofree char *tampered = NULL;
  g_autoptr(GError) error = NULL;
  gboolean matches = FALSE;

  g_assert_nonnull (hash);
  /* The parameters are in the string; the code is not. */
  g_assert_true (g_str_has_prefix (hash, "$argon2id$v=19$m=64,t=1,p=1$"));
  g_assert_null (strstr (hash, "246813"));
  /* A fresh salt each time. */
  g_assert_cmpstr (hash, !=, again);

  g_assert_true (escale_pin_verify ("246813", hash, &matches, NULL));
  g_assert_true (matches);
  g_assert_true (escale_pin_verify ("246814", hash, &matches, NULL));
  g_assert_false (matches);
  g_assert_true (escale_pin_verify ("", hash, &matches, NULL));
  g_assert_false (matches);

  /* The default cost (what the kiosk uses) verifies as well. */
  {
    g_autofree char *strong =
      escale_pin_hash ("13579135", ESCALE_PIN_DEFAULT_MEMORY_KIB, ESCALE_PIN_DEFAULT_PASSES, NULL);

    g_assert_true (g_str_has_prefix (strong, "$argon2id$v=19$m=65536,t=3,p=1$"));
    g_assert_true (escale_pin_verify ("13579135", strong, &matches, NULL));
    g_assert_true (matches);
  }

  /* A damaged string is an error, never a match. */
  tampered = g_strdup (hash);
  tampered[1] = 'X';
  g_assert_false (escale_pin_verify ("246813", tampered, &matches, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_false (matches);

  g_assert_true (escale_pin_is_acceptable ("123456"));
  g_assert_false (escale_pin_is_acceptable ("12345"));
  g_assert_false (escale_pin_is_acceptable ("12345a"));
  g_assert_false (escale_pin_is_acceptable ("1234567890123"));
}

static void
test_backoff_schedule (void)
{
  guint expected[] = { 0, 0, 0, 30, 60, 120, 240, 480, 900, 900, 900 };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpuint (escale_code_lock_backoff_for (i), ==, expected[i]);
  g_assert_cmpuint (escale_code_lock_backoff_for (1000), ==, 900);
}

static void
test_fresh_store_has_no_pin (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (escale_code_lock_has_code (f->lock, &error));
  g_assert_no_error (error);
  g_assert_cmpint (escale_code_lock_check (f->lock, "000000", NULL, NULL), ==,
                   ESCALE_PIN_CHECK_NO_PIN);
  g_assert_false (escale_code_lock_set_code (f->lock, "12", &error));
  g_assert_error (error, ESCALE_CODE_LOCK_ERROR, ESCALE_CODE_LOCK_ERROR_TOO_SHORT);
  g_assert_true (escale_code_lock_set_code (f->lock, "482913", NULL));
  g_assert_true (escale_code_lock_has_code (f->lock, NULL));
  g_assert_cmpint (escale_code_lock_check (f->lock, "482913", NULL, NULL), ==,
                   ESCALE_PIN_CHECK_OK);
}

static void
test_backoff_with_fake_clock (Fixture *f, gconstpointer data)
{
  EscaleFakeClock *clock = ESCALE_FAKE_CLOCK (f->clock);
  guint wait = 0;

  g_assert_true (escale_code_lock_set_code (f->lock, "482913", NULL));
  g_assert_cmpint (escale_code_lock_check (f->lock, "111111", &wait, NULL), ==,
                   ESCALE_PIN_CHECK_WRONG);
  g_assert_cmpuint (wait, ==, 0);
  g_assert_cmpint (escale_code_lock_check (f->lock, "111112", &wait, NULL), ==,
                   ESCALE_PIN_CHECK_WRONG);
  g_assert_cmpint (escale_code_lock_check (f->lock, "111113", &wait, NULL), ==,
                   ESCALE_PIN_CHECK_WRONG);
  g_assert_cmpuint (wait, ==, 30);

  /* Locked: even the right code is not looked at. */
  escale_fake_clock_advance (clock, 29);
  g_assert_cmpint (escale_code_lock_check (f->lock, "482913", &wait, NULL), ==,
                   ESCALE_PIN_CHECK_LOCKED);
  g_assert_cmpuint (wait, ==, 1);
  escale_fake_clock_advance (clock, 1);
  g_assert_cmpint (escale_code_lock_check (f->lock, "999999", &wait, NULL), ==,
                   ESCALE_PIN_CHECK_WRONG);
  g_assert_cmpuint (wait, ==, 60);
  escale_fake_clock_advance (clock, 60);
  g_assert_cmpint (escale_code_lock_check (f->lock, "999998", &wait, NULL), ==,
                   ESCALE_PIN_CHECK_WRONG);
  g_assert_cmpuint (wait, ==, 120);
  g_assert_cmpuint (escale_code_lock_get_failures (f->lock), ==, 5);

  /* Each wrong code is counted in the day's stats. */
  {
    g_autoptr(EscaleSqliteStatement)
                 stmt = escale_stats_store_prepare (f->store,
                                                    "SELECT attempts FROM staff_failures"
                                                    " WHERE day = '2026-11-27'",
                                                    NULL);

    g_assert_nonnull (stmt);
    g_assert_true (escale_sqlite_statement_step (stmt, NULL));
    g_assert_cmpint (escale_sqlite_statement_get_int (stmt, 0), ==, 5);
  }

  /* The right code after the wait opens and clears the back-off. */
  escale_fake_clock_advance (clock, 120);
  g_assert_cmpint (escale_code_lock_check (f->lock, "482913", &wait, NULL), ==,
                   ESCALE_PIN_CHECK_OK);
  g_assert_cmpuint (escale_code_lock_get_failures (f->lock), ==, 0);
  g_assert_cmpint (escale_code_lock_check (f->lock, "000001", &wait, NULL), ==,
                   ESCALE_PIN_CHECK_WRONG);
  g_assert_cmpuint (wait, ==, 0);
}

/* A child process types wrong codes and is killed; the back-off is still
 * there for the next process. */
static void
test_backoff_survives_kill (Fixture *f, gconstpointer data)
{
  pid_t child;
  int status = 0;
  guint wait = 0;

  g_assert_true (escale_code_lock_set_code (f->lock, "482913", NULL));
  g_clear_object (&f->lock);
  g_clear_object (&f->store);

  child = fork ();
  g_assert_cmpint (child, >=, 0);
  if (child == 0)
    {
      EscaleStatsStore *store = escale_stats_store_new (f->path);
      EscaleCodeLock *lock = escale_staff_code_lock_new (store, f->clock);

      /* The fourth is refused unchecked: the wait has begun. */
      for (int i = 0; i < 4; i++)
        escale_code_lock_check (lock, "000000", NULL, NULL);
      /* No clean-up at all: as a power cut. */
      kill (getpid (), SIGKILL);
      _exit (1);
    }
  g_assert_cmpint (waitpid (child, &status, 0), ==, child);
  g_assert_true (WIFSIGNALED (status));

  open_lock (f);
  g_assert_cmpuint (escale_code_lock_get_failures (f->lock), ==, 3);
  g_assert_cmpint (escale_code_lock_check (f->lock, "482913", &wait, NULL), ==,
                   ESCALE_PIN_CHECK_LOCKED);
  g_assert_cmpuint (wait, ==, 30);
}

static void
async_checked_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Checks @pin the way the pad does (the hash in a worker thread). */
static EscalePinCheck
check_async (Fixture *f, const char *pin, guint *wait)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  EscalePinCheck check;

  escale_code_lock_check_async (f->lock, pin, NULL, async_checked_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  check = escale_code_lock_check_finish (f->lock, result, wait, &error);
  g_assert_no_error (error);
  return check;
}

/* Off the main thread, a check counts and waits exactly like the direct
 * one: three wrong codes, then even the right one waits 30 s. */
static void
test_async_check_counts (Fixture *f, gconstpointer data)
{
  guint wait = 0;

  g_assert_cmpint (check_async (f, "482913", &wait), ==, ESCALE_PIN_CHECK_NO_PIN);
  g_assert_true (escale_code_lock_set_code (f->lock, "482913", NULL));
  g_assert_cmpint (check_async (f, "482913", &wait), ==, ESCALE_PIN_CHECK_OK);
  for (int i = 0; i < 3; i++)
    g_assert_cmpint (check_async (f, "000000", &wait), ==, ESCALE_PIN_CHECK_WRONG);
  g_assert_cmpuint (wait, ==, 30);
  g_assert_cmpuint (escale_code_lock_get_failures (f->lock), ==, 3);
  g_assert_cmpint (check_async (f, "482913", &wait), ==, ESCALE_PIN_CHECK_LOCKED);
  escale_fake_clock_advance (ESCALE_FAKE_CLOCK (f->clock), 30);
  g_assert_cmpint (check_async (f, "482913", &wait), ==, ESCALE_PIN_CHECK_OK);
  g_assert_cmpuint (escale_code_lock_get_failures (f->lock), ==, 0);
}

/* A new code hashed in a worker thread is the code from then on; a code
 * of the wrong length is refused without any hashing. */
static void
test_async_set_pin (Fixture *f, gconstpointer data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) refused = NULL;
  g_autoptr(GError) error = NULL;

  escale_code_lock_set_code_async (f->lock, "135792", NULL, async_checked_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (escale_code_lock_set_code_finish (f->lock, result, &error));
  g_assert_no_error (error);
  g_assert_true (escale_code_lock_has_code (f->lock, NULL));
  g_assert_cmpint (escale_code_lock_check (f->lock, "135792", NULL, NULL), ==,
                   ESCALE_PIN_CHECK_OK);

  escale_code_lock_set_code_async (f->lock, "12", NULL, async_checked_cb, &refused);
  while (refused == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (escale_code_lock_set_code_finish (f->lock, refused, &error));
  g_assert_error (error, ESCALE_CODE_LOCK_ERROR, ESCALE_CODE_LOCK_ERROR_TOO_SHORT);
  g_assert_cmpint (escale_code_lock_check (f->lock, "135792", NULL, NULL), ==,
                   ESCALE_PIN_CHECK_OK);
}

static gint64
count (Fixture *f, const char *sql)
{
  gint64 n = -1;

  g_assert_true (escale_stats_store_query_int (f->store, sql, &n, NULL));
  return n;
}

static void
break_store (Fixture *f)
{
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);
  g_autofree char *garbage = g_strnfill (8192, 'x');

  g_clear_object (&f->lock);
  g_clear_object (&f->store);
  g_unlink (wal);
  g_unlink (shm);
  g_assert_true (g_file_set_contents (f->path, garbage, -1, NULL));
  open_lock (f);
}

/* The code lives in a file of its own beside the store, 0600, with the
 * hash only: a store turned to garbage, then deleted, still has the code,
 * and nothing offers to choose a new one. */
static void
test_code_outside_store (Fixture *f, gconstpointer data)
{
  g_autofree char *code_path = g_build_filename (f->dir, "staff-code", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_true (escale_code_lock_set_code (f->lock, "482913", NULL));
  g_assert_cmpstr (escale_code_lock_get_path (f->lock), ==, code_path);
  g_assert_cmpint (g_stat (code_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (code_path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "$argon2id$"));
  g_assert_null (strstr (contents, "482913"));
  g_assert_cmpint (count (f, "SELECT count (*) FROM staff_access WHERE pin_hash <> ''"), ==, 0);

  break_store (f);
  g_assert_false (escale_stats_store_open (f->store, &error));
  g_assert_cmpint (escale_staff_code_get_entry (f->lock, f->store), ==, ESCALE_STAFF_ENTRY_CODE);
  g_assert_cmpint (escale_code_lock_check (f->lock, "482913", NULL, NULL), ==,
                   ESCALE_PIN_CHECK_OK);

  g_assert_cmpint (g_unlink (f->path), ==, 0);
  g_assert_cmpint (escale_staff_code_get_entry (f->lock, f->store), ==, ESCALE_STAFF_ENTRY_CODE);
}

/* What may be offered with no code file: choosing one only on a new
 * install; a store with visits, a marker of an earlier code, or a store
 * that cannot be read say the code was lost. */
static void
test_lost_code_is_not_chosen (Fixture *f, gconstpointer data)
{
  g_autofree char *marker = g_build_filename (f->dir, "staff-code.set", NULL);
  g_autoptr(GDateTime) start = g_date_time_new_local (2026, 11, 2, 10, 0, 0);
  g_autoptr(EscaleSessionRecord)
               visit = escale_session_record_new (start, 600, ESCALE_END_FINISHED, 0);

  g_assert_cmpint (escale_staff_code_get_entry (f->lock, f->store), ==, ESCALE_STAFF_ENTRY_CHOOSE);
  g_assert_true (escale_stats_store_add_session (f->store, visit, NULL));
  g_assert_cmpint (escale_staff_code_get_entry (f->lock, f->store), ==, ESCALE_STAFF_ENTRY_RESET);

  /* A code set, then its file lost with the store: the marker remembers. */
  g_assert_true (escale_code_lock_set_code (f->lock, "482913", NULL));
  g_assert_true (g_file_test (marker, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_unlink (escale_code_lock_get_path (f->lock)), ==, 0);
  g_clear_object (&f->lock);
  g_clear_object (&f->store);
  g_assert_cmpint (g_unlink (f->path), ==, 0);
  open_lock (f);
  g_assert_cmpint (escale_staff_code_get_entry (f->lock, f->store), ==, ESCALE_STAFF_ENTRY_RESET);

  /* An unreadable store proves nothing: refused too. */
  g_assert_cmpint (g_unlink (marker), ==, 0);
  break_store (f);
  g_assert_cmpint (escale_staff_code_get_entry (f->lock, f->store), ==, ESCALE_STAFF_ENTRY_RESET);

  /* A damaged code file is said as such. */
  g_assert_true (g_file_set_contents (escale_code_lock_get_path (f->lock), "nonsense", -1, NULL));
  g_assert_cmpint (escale_staff_code_get_entry (f->lock, f->store), ==,
                   ESCALE_STAFF_ENTRY_DAMAGED);
}

/* A store of the earlier layout kept the hash and its back-off: at the
 * first start the same code moves to its file, waits and all, and leaves
 * the store. */
static void
test_migration_keeps_code (Fixture *f, gconstpointer data)
{
  g_autofree char *hash = escale_pin_hash ("482913", TEST_KIB, TEST_PASSES, NULL);
  g_autofree char *sql =
    g_strdup_printf ("UPDATE staff_access SET pin_hash = '%s', failures = 2 WHERE id = 1;", hash);
  guint wait = 0;

  g_assert_true (escale_stats_store_exec_transaction (f->store, sql, NULL));
  g_assert_false (escale_code_lock_has_code (f->lock, NULL));
  g_test_expect_message ("escale-pin", G_LOG_LEVEL_MESSAGE, "*moved from the store*");
  g_assert_true (escale_staff_code_migrate (f->lock, f->store, NULL));
  g_test_assert_expected_messages ();

  g_assert_true (escale_code_lock_has_code (f->lock, NULL));
  g_assert_cmpuint (escale_code_lock_get_failures (f->lock), ==, 2);
  g_assert_cmpint (count (f, "SELECT count (*) FROM staff_access WHERE pin_hash IS NOT NULL"), ==,
                   0);
  /* The third wrong code in a row waits, as it would have before. */
  g_assert_cmpint (escale_code_lock_check (f->lock, "000000", &wait, NULL), ==,
                   ESCALE_PIN_CHECK_WRONG);
  g_assert_cmpuint (wait, ==, 30);
  escale_fake_clock_advance (ESCALE_FAKE_CLOCK (f->clock), 30);
  g_assert_cmpint (escale_code_lock_check (f->lock, "482913", NULL, NULL), ==,
                   ESCALE_PIN_CHECK_OK);
  /* Once moved, nothing more to do. */
  g_assert_true (escale_staff_code_migrate (f->lock, f->store, NULL));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/escale/staff-lock/hash-and-verify", test_hash_and_verify);
  g_test_add_func ("/escale/staff-lock/backoff-schedule", test_backoff_schedule);
#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/escale/staff-lock/fresh-store-has-no-pin", test_fresh_store_has_no_pin);
  ADD ("/escale/staff-lock/backoff-with-fake-clock", test_backoff_with_fake_clock);
  ADD ("/escale/staff-lock/backoff-survives-kill", test_backoff_survives_kill);
  ADD ("/escale/staff-lock/async-check-counts", test_async_check_counts);
  ADD ("/escale/staff-lock/async-set-pin", test_async_set_pin);
  ADD ("/escale/staff-lock/code-outside-store", test_code_outside_store);
  ADD ("/escale/staff-lock/lost-code-is-not-chosen", test_lost_code_is_not_chosen);
  ADD ("/escale/staff-lock/migration-keeps-code", test_migration_keeps_code);
#undef ADD
  return g_test_run ();
}
