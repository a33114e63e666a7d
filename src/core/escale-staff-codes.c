/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-pin"

#include "escale-staff-codes.h"

/* Where the codes live and what the staff's pad may offer. The codes are
 * kept out of the statistics store (HACKING.md, "Staff and helper codes"):
 * a store that cannot be opened must not lock staff out, and a store that
 * was deleted must not let the next person choose a new code. */

static EscaleCodeLock *
lock_beside_store (EscaleStatsStore *store, EscaleClock *clock, const char *name)
{
  g_autofree char *dir = g_path_get_dirname (escale_stats_store_get_path (store));
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return escale_code_lock_new (path, clock);
}

EscaleCodeLock *
escale_staff_code_lock_new (EscaleStatsStore *store, EscaleClock *clock)
{
  return lock_beside_store (store, clock, "staff-code");
}

EscaleCodeLock *
escale_helper_code_lock_new (EscaleStatsStore *store, EscaleClock *clock)
{
  return lock_beside_store (store, clock, "helper-code");
}

/* Before schema-independent code files, the store's staff_access row kept
 * the hash and its back-off. At the first start with no code file, the
 * same code moves to the file and leaves the store (copies, exports and
 * merges of the store then carry no code). Nothing to do is TRUE. */
gboolean
escale_staff_code_migrate (EscaleCodeLock *lock, EscaleStatsStore *store, GError **error)
{
  g_autoptr(EscaleSqliteStatement) stmt = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *hash = NULL;
  guint failures;
  gint64 locked_until;

  if (escale_code_lock_has_code (lock, &local) || local != NULL ||
      !g_file_test (escale_stats_store_get_path (store), G_FILE_TEST_EXISTS))
    return TRUE;
  stmt = escale_stats_store_prepare (store,
                                     "SELECT pin_hash, failures, locked_until FROM staff_access"
                                     " WHERE id = 1 AND pin_hash <> ''",
                                     error);
  if (stmt == NULL)
    return FALSE;
  /* No row and no error: no code in the store either. */
  if (!escale_sqlite_statement_step (stmt, &local))
    {
      if (local == NULL)
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  hash = g_strdup (escale_sqlite_statement_get_text (stmt, 0));
  failures = (guint) escale_sqlite_statement_get_int (stmt, 1);
  locked_until = escale_sqlite_statement_get_int64 (stmt, 2);
  g_clear_pointer (&stmt, escale_sqlite_statement_free);
  if (!escale_code_lock_import (lock, hash, failures, locked_until, error))
    return FALSE;
  g_message ("The staff code moved from the store to %s", escale_code_lock_get_path (lock));
  return escale_stats_store_exec_transaction (
    store, "UPDATE staff_access SET pin_hash = NULL, failures = 0, locked_until = 0;", error);
}

/* A missing code may be chosen at the kiosk only on a new install: no code
 * was ever set here, and the store is absent or holds no visit. A store
 * that cannot be read proves nothing either way: refuse. */
EscaleStaffEntry
escale_staff_code_get_entry (EscaleCodeLock *lock, EscaleStatsStore *store)
{
  g_autoptr(GError) error = NULL;
  gint64 visits;

  if (escale_code_lock_has_code (lock, &error))
    return ESCALE_STAFF_ENTRY_CODE;
  if (error != NULL)
    return ESCALE_STAFF_ENTRY_DAMAGED;
  if (escale_code_lock_was_set_before (lock))
    return ESCALE_STAFF_ENTRY_RESET;
  if (!g_file_test (escale_stats_store_get_path (store), G_FILE_TEST_EXISTS))
    return ESCALE_STAFF_ENTRY_CHOOSE;
  visits = escale_stats_store_count_sessions (store, NULL);
  return visits == 0 ? ESCALE_STAFF_ENTRY_CHOOSE : ESCALE_STAFF_ENTRY_RESET;
}

/* Wrong codes per day, a figure of the staff's report (anonymous). */
gboolean
escale_staff_code_count_failure (EscaleStatsStore *store, EscaleClock *clock, GError **error)
{
  g_autoptr(GDateTime) now = escale_clock_get_now_local (clock);
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *sql =
    g_strdup_printf ("INSERT INTO staff_failures (day, attempts) VALUES ('%s', 1)"
                     " ON CONFLICT (day) DO UPDATE SET attempts = attempts + 1;",
                     day);

  return escale_stats_store_exec_transaction (store, sql, error);
}
