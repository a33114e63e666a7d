/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-pin"

#include <string.h>

#include "escale-pin.h"
#include "escale-staff-lock.h"

/* Guards the staff space: the hashed code and the back-off after wrong
 * codes live in the store, and each wrong code updates the counter, the
 * lock-out end and the day's failure count in one transaction, so a power
 * cut never resets the wait. Times are wall-clock seconds from the clock. */
struct _EscaleStaffLock
{
  GObject parent_instance;

  /* owned */
  EscaleStatsStore *store;
  EscaleClock *clock;

  guint memory_kib;
  guint passes;
};

G_DEFINE_FINAL_TYPE (EscaleStaffLock, escale_staff_lock, G_TYPE_OBJECT)

#define FREE_ATTEMPTS 3
#define FIRST_WAIT 30
#define MAX_WAIT (15 * 60)

static void
escale_staff_lock_dispose (GObject *object)
{
  EscaleStaffLock *self = ESCALE_STAFF_LOCK (object);

  g_clear_object (&self->store);
  g_clear_object (&self->clock);
  G_OBJECT_CLASS (escale_staff_lock_parent_class)->dispose (object);
}

static void
escale_staff_lock_class_init (EscaleStaffLockClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = escale_staff_lock_dispose;
}

static void
escale_staff_lock_init (EscaleStaffLock *self)
{
  self->memory_kib = ESCALE_PIN_DEFAULT_MEMORY_KIB;
  self->passes = ESCALE_PIN_DEFAULT_PASSES;
}

EscaleStaffLock *
escale_staff_lock_new (EscaleStatsStore *store, EscaleClock *clock)
{
  EscaleStaffLock *self;

  g_return_val_if_fail (ESCALE_IS_STATS_STORE (store), NULL);

  self = g_object_new (ESCALE_TYPE_STAFF_LOCK, NULL);
  self->store = g_object_ref (store);
  self->clock = clock ? g_object_ref (clock) : escale_clock_new_system ();
  return self;
}

/* Cost of new hashes (tests use a small one; checks follow the stored one). */
void
escale_staff_lock_set_cost (EscaleStaffLock *self, guint memory_kib, guint passes)
{
  self->memory_kib = memory_kib;
  self->passes = passes;
}

/* Seconds to wait after @failures wrong codes in a row: none for the first
 * two, then 30 s, doubling each time, at most 15 minutes. */
guint
escale_staff_lock_backoff_for (guint failures)
{
  guint shift;

  if (failures < FREE_ATTEMPTS)
    return 0;
  shift = failures - FREE_ATTEMPTS;
  if (shift >= 5)
    return MAX_WAIT;
  return MIN ((guint) FIRST_WAIT << shift, MAX_WAIT);
}

static gint64
now_unix (EscaleStaffLock *self)
{
  g_autoptr(GDateTime) now = escale_clock_get_now_local (self->clock);

  return g_date_time_to_unix (now);
}

typedef struct
{
  char *hash;
  guint failures;
  gint64 locked_until;
} AccessRow;

static gboolean
read_row (EscaleStaffLock *self, AccessRow *row, GError **error)
{
  g_autoptr(EscaleSqliteStatement) stmt =
      escale_stats_store_prepare (self->store,
                                  "SELECT pin_hash, failures, locked_until FROM staff_access"
                                  " WHERE id = 1",
                                  error);

  if (stmt == NULL || !escale_sqlite_statement_step_row (stmt, error))
    return FALSE;
  row->hash = g_strdup (escale_sqlite_statement_get_text (stmt, 0));
  row->failures = (guint) escale_sqlite_statement_get_int (stmt, 1);
  row->locked_until = escale_sqlite_statement_get_int64 (stmt, 2);
  return TRUE;
}

gboolean
escale_staff_lock_has_pin (EscaleStaffLock *self, GError **error)
{
  AccessRow row = { 0 };
  gboolean has;

  if (!read_row (self, &row, error))
    return FALSE;
  has = row.hash != NULL && *row.hash != '\0';
  g_free (row.hash);
  return has;
}

static gboolean
set_pin_begin (EscaleStaffLock *self, const char *pin, GError **error)
{
  if (!escale_pin_is_acceptable (pin))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "The staff code must be %d to %d digits", ESCALE_PIN_MIN_DIGITS,
                   ESCALE_PIN_MAX_DIGITS);
      return FALSE;
    }
  return escale_stats_store_open (self->store, error);
}

static gboolean
store_hash (EscaleStaffLock *self, const char *hash, GError **error)
{
  g_autoptr(EscaleSqliteStatement) stmt =
               escale_stats_store_prepare (self->store,
                                           "UPDATE staff_access SET pin_hash = ?, failures = 0,"
                                           " locked_until = 0 WHERE id = 1",
                                           error);

  if (stmt == NULL)
    return FALSE;
  escale_sqlite_statement_bind_text (stmt, 1, hash);
  return escale_sqlite_statement_step_done (stmt, error);
}

/* Sets the staff code (6 to 12 digits) and clears the back-off. */
gboolean
escale_staff_lock_set_pin (EscaleStaffLock *self, const char *pin, GError **error)
{
  g_autofree char *hash = NULL;

  if (!set_pin_begin (self, pin, error))
    return FALSE;
  hash = escale_pin_hash (pin, self->memory_kib, self->passes, error);
  return hash != NULL && store_hash (self, hash, error);
}

typedef struct
{
  char *pin;
  guint memory_kib;
  guint passes;
} HashData;

static void
hash_data_free (gpointer data)
{
  HashData *job = data;

  memset (job->pin, 0, strlen (job->pin));
  g_free (job->pin);
  g_free (job);
}

/* In a worker thread: only the memory-hard hash. */
static void
hash_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  HashData *job = task_data;
  GError *error = NULL;
  char *hash = escale_pin_hash (job->pin, job->memory_kib, job->passes, &error);

  if (hash == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, hash, g_free);
}

/* Like escale_staff_lock_set_pin (), the hash in a worker thread; the
 * store is written in the calling thread when _finish () is called. */
void
escale_staff_lock_set_pin_async (EscaleStaffLock *self, const char *pin, GCancellable *cancellable,
                                 GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  HashData *job;

  g_return_if_fail (ESCALE_IS_STAFF_LOCK (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, escale_staff_lock_set_pin_async);
  if (!set_pin_begin (self, pin, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  job = g_new0 (HashData, 1);
  job->pin = g_strdup (pin);
  job->memory_kib = self->memory_kib;
  job->passes = self->passes;
  g_task_set_task_data (task, job, hash_data_free);
  g_task_run_in_thread (task, hash_thread);
}

/* Stores the new code's hash: TRUE once it is the staff code. */
gboolean
escale_staff_lock_set_pin_finish (EscaleStaffLock *self, GAsyncResult *result, GError **error)
{
  g_autofree char *hash = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  hash = g_task_propagate_pointer (G_TASK (result), error);
  return hash != NULL && store_hash (self, hash, error);
}

static gboolean
record_result (EscaleStaffLock *self, gboolean success, guint failures, gint64 locked_until,
               GError **error)
{
  g_autoptr(GDateTime) now = escale_clock_get_now_local (self->clock);
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *sql = NULL;

  if (success)
    sql = g_strdup ("UPDATE staff_access SET failures = 0, locked_until = 0 WHERE id = 1;");
  else
    sql =
      g_strdup_printf ("UPDATE staff_access SET failures = %u, locked_until = %" G_GINT64_FORMAT
                       " WHERE id = 1;"
                       "INSERT INTO staff_failures (day, attempts) VALUES ('%s', 1)"
                       " ON CONFLICT (day) DO UPDATE SET attempts = attempts + 1;",
                       failures, locked_until, day);
  return escale_stats_store_exec_transaction (self->store, sql, error);
}

/* The part of a check before the hash: LOCKED (with the wait), NO_PIN or
 * ERROR end it; -1 means the code must be verified against *@hash. */
static int
check_begin (EscaleStaffLock *self, char **hash, guint *wait_seconds, GError **error)
{
  AccessRow row = { 0 };
  gint64 now = now_unix (self);

  if (wait_seconds)
    *wait_seconds = 0;
  if (!read_row (self, &row, error))
    return ESCALE_PIN_CHECK_ERROR;
  *hash = row.hash;

  /* A clock set back must not stretch the wait beyond the longest one. */
  if (row.locked_until > now + MAX_WAIT)
    row.locked_until = now + MAX_WAIT;
  if (row.locked_until > now)
    {
      if (wait_seconds)
        *wait_seconds = (guint) (row.locked_until - now);
      return ESCALE_PIN_CHECK_LOCKED;
    }
  if (row.hash == NULL || *row.hash == '\0')
    return ESCALE_PIN_CHECK_NO_PIN;
  return -1;
}

/* Records a verified code: a success clears the counter, a failure counts
 * (reading the counter again, in case it moved while the hash was made). */
static EscalePinCheck
check_end (EscaleStaffLock *self, gboolean matches, guint *wait_seconds, GError **error)
{
  AccessRow row = { 0 };
  gint64 now = now_unix (self);
  guint wait;

  if (matches)
    return record_result (self, TRUE, 0, 0, error) ? ESCALE_PIN_CHECK_OK : ESCALE_PIN_CHECK_ERROR;
  if (!read_row (self, &row, error))
    return ESCALE_PIN_CHECK_ERROR;
  g_free (row.hash);
  wait = escale_staff_lock_backoff_for (row.failures + 1);
  if (!record_result (self, FALSE, row.failures + 1, wait ? now + wait : 0, error))
    return ESCALE_PIN_CHECK_ERROR;
  if (wait_seconds)
    *wait_seconds = wait;
  return ESCALE_PIN_CHECK_WRONG;
}

/* Checks @pin. While locked out, returns LOCKED without looking at it.
 * *@wait_seconds is the wait before the next try is allowed. */
EscalePinCheck
escale_staff_lock_check (EscaleStaffLock *self, const char *pin, guint *wait_seconds,
                         GError **error)
{
  g_autofree char *hash = NULL;
  gboolean matches = FALSE;
  int early;

  g_return_val_if_fail (ESCALE_IS_STAFF_LOCK (self), ESCALE_PIN_CHECK_ERROR);

  early = check_begin (self, &hash, wait_seconds, error);
  if (early >= 0)
    return early;
  if (!escale_pin_verify (pin ? pin : "", hash, &matches, error))
    return ESCALE_PIN_CHECK_ERROR;
  return check_end (self, matches, wait_seconds, error);
}

typedef struct
{
  char *pin;
  char *hash;
  gboolean matches;
  EscalePinCheck result;
  guint wait;
} CheckData;

static void
check_data_free (gpointer data)
{
  CheckData *check = data;

  if (check->pin != NULL)
    memset (check->pin, 0, strlen (check->pin));
  g_free (check->pin);
  g_free (check->hash);
  g_free (check);
}

/* In a worker thread: only the memory-hard hash, no store access. */
static void
verify_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  CheckData *check = task_data;
  GError *error = NULL;

  if (!escale_pin_verify (check->pin, check->hash, &check->matches, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
verified_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GTask) task = user_data;
  EscaleStaffLock *self = ESCALE_STAFF_LOCK (source);
  CheckData *check = g_task_get_task_data (task);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }
  check->result = check_end (self, check->matches, &check->wait, &error);
  if (check->result == ESCALE_PIN_CHECK_ERROR)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* Like escale_staff_lock_check (), but the hash (a fraction of a second of
 * work) runs in a worker thread, so the screen never freezes. The store is
 * only touched from the calling thread, before and after. */
void
escale_staff_lock_check_async (EscaleStaffLock *self, const char *pin, GCancellable *cancellable,
                               GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) verify = NULL;
  CheckData *check = g_new0 (CheckData, 1);
  GError *error = NULL;
  int early;

  g_return_if_fail (ESCALE_IS_STAFF_LOCK (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, escale_staff_lock_check_async);
  g_task_set_task_data (task, check, check_data_free);
  check->pin = g_strdup (pin ? pin : "");

  early = check_begin (self, &check->hash, &check->wait, &error);
  if (early >= 0)
    {
      check->result = early;
      if (early == ESCALE_PIN_CHECK_ERROR)
        g_task_return_error (task, error);
      else
        g_task_return_boolean (task, TRUE);
      return;
    }
  verify = g_task_new (self, cancellable, verified_cb, g_steal_pointer (&task));
  g_task_set_task_data (verify, check, NULL);
  g_task_run_in_thread (verify, verify_thread);
}

EscalePinCheck
escale_staff_lock_check_finish (EscaleStaffLock *self, GAsyncResult *result, guint *wait_seconds,
                                GError **error)
{
  CheckData *check;

  g_return_val_if_fail (g_task_is_valid (result, self), ESCALE_PIN_CHECK_ERROR);

  check = g_task_get_task_data (G_TASK (result));
  if (wait_seconds)
    *wait_seconds = check->wait;
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return ESCALE_PIN_CHECK_ERROR;
  return check->result;
}

/* Seconds left before a code may be tried again (0: now). */
guint
escale_staff_lock_get_wait (EscaleStaffLock *self)
{
  AccessRow row = { 0 };
  gint64 now = now_unix (self);

  if (!read_row (self, &row, NULL))
    return 0;
  g_free (row.hash);
  if (row.locked_until <= now)
    return 0;
  return (guint) MIN (row.locked_until - now, MAX_WAIT);
}

guint
escale_staff_lock_get_failures (EscaleStaffLock *self)
{
  AccessRow row = { 0 };

  if (!read_row (self, &row, NULL))
    return 0;
  g_free (row.hash);
  return row.failures;
}
