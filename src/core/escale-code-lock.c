/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-pin"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "escale-code-lock.h"

/* Guards the staff space (and the helpers' workshop pad): the hashed code
 * and the back-off after wrong codes live in one small key file of their
 * own, in Escale's state folder beside the statistics store, so a store
 * that cannot be opened, or was deleted, never locks staff out nor lets the
 * next person choose a new code. Every change rewrites the whole file
 * atomically and durably (temporary file, fsync, rename), mode 0600, so a
 * power cut never resets the wait. A marker file beside it ("PATH.set")
 * remembers that a code was set once. Times are wall-clock seconds from the
 * clock. */
struct _EscaleCodeLock
{
  GObject parent_instance;

  /* owned */
  char *path;
  EscaleClock *clock;

  guint memory_kib;
  guint passes;
};

enum
{
  WRONG,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (EscaleCodeLock, escale_code_lock, G_TYPE_OBJECT)
/* clang-format off */
G_DEFINE_QUARK (escale-code-lock-error-quark, escale_code_lock_error)
/* clang-format on */

#define FREE_ATTEMPTS 3
#define FIRST_WAIT 30
#define MAX_WAIT (15 * 60)
#define GROUP "Code"

static void
escale_code_lock_finalize (GObject *object)
{
  EscaleCodeLock *self = ESCALE_CODE_LOCK (object);

  g_clear_pointer (&self->path, g_free);
  g_clear_object (&self->clock);
  G_OBJECT_CLASS (escale_code_lock_parent_class)->finalize (object);
}

static void
escale_code_lock_class_init (EscaleCodeLockClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = escale_code_lock_finalize;

  /* After a wrong code was counted (the kiosk counts them per day). */
  signals[WRONG] = g_signal_new ("wrong", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 0);
}

static void
escale_code_lock_init (EscaleCodeLock *self)
{
  self->memory_kib = ESCALE_PIN_DEFAULT_MEMORY_KIB;
  self->passes = ESCALE_PIN_DEFAULT_PASSES;
}

/* @path: the code's file (created on the first code, with its folder). */
EscaleCodeLock *
escale_code_lock_new (const char *path, EscaleClock *clock)
{
  EscaleCodeLock *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (ESCALE_TYPE_CODE_LOCK, NULL);
  self->path = g_strdup (path);
  self->clock = clock ? g_object_ref (clock) : escale_clock_new_system ();
  return self;
}

const char *
escale_code_lock_get_path (EscaleCodeLock *self)
{
  g_return_val_if_fail (ESCALE_IS_CODE_LOCK (self), NULL);
  return self->path;
}

/* Cost of new hashes (tests use a small one; checks follow the stored one). */
void
escale_code_lock_set_cost (EscaleCodeLock *self, guint memory_kib, guint passes)
{
  self->memory_kib = memory_kib;
  self->passes = passes;
}

/* Seconds to wait after @failures wrong codes in a row: none for the first
 * two, then 30 s, doubling each time, at most 15 minutes. */
guint
escale_code_lock_backoff_for (guint failures)
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
now_unix (EscaleCodeLock *self)
{
  g_autoptr(GDateTime) now = escale_clock_get_now_local (self->clock);

  return g_date_time_to_unix (now);
}

typedef struct
{
  char *hash; /* NULL or "": no code */
  guint failures;
  gint64 locked_until;
} CodeState;

static void
code_state_clear (CodeState *state)
{
  g_clear_pointer (&state->hash, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CodeState, code_state_clear)

/* A missing file is no code (TRUE); a file that is not ours is an error. */
static gboolean
read_state (EscaleCodeLock *self, CodeState *state, GError **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) local = NULL;
  gint64 failures;

  memset (state, 0, sizeof *state);
  if (!g_key_file_load_from_file (file, self->path, G_KEY_FILE_NONE, &local))
    {
      if (g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE;
      g_set_error (error, ESCALE_CODE_LOCK_ERROR,
                   local->domain == G_FILE_ERROR ? ESCALE_CODE_LOCK_ERROR_READ
                                                 : ESCALE_CODE_LOCK_ERROR_DAMAGED,
                   "%s: %s", self->path, local->message);
      return FALSE;
    }
  state->hash = g_key_file_get_string (file, GROUP, "Hash", NULL);
  failures = g_key_file_get_int64 (file, GROUP, "Failures", NULL);
  state->locked_until = g_key_file_get_int64 (file, GROUP, "LockedUntil", NULL);
  if (state->hash == NULL || failures < 0 || failures > G_MAXINT)
    {
      code_state_clear (state);
      g_set_error (error, ESCALE_CODE_LOCK_ERROR, ESCALE_CODE_LOCK_ERROR_DAMAGED,
                   "%s: not an Escale code file", self->path);
      return FALSE;
    }
  state->failures = (guint) failures;
  return TRUE;
}

/* Run as root (escale-stats set-code), the file must stay the kiosk's:
 * it gets the owner of its folder. */
static void
give_to_folder_owner (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  GStatBuf st;

  if (geteuid () != 0 || g_stat (dir, &st) != 0 || st.st_uid == 0)
    return;
  if (chown (path, st.st_uid, st.st_gid) != 0)
    g_warning ("%s cannot be given to its folder's owner: %s", path, g_strerror (errno));
}

static gboolean
write_file (const char *path, const char *data, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) local = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_file_set_contents_full (path, data, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local))
    {
      g_set_error (error, ESCALE_CODE_LOCK_ERROR, ESCALE_CODE_LOCK_ERROR_WRITE, "%s: %s", path,
                   local ? local->message : g_strerror (errno));
      return FALSE;
    }
  give_to_folder_owner (path);
  return TRUE;
}

static gboolean
write_state (EscaleCodeLock *self, const CodeState *state, GError **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *data = NULL;
  g_autofree char *marker = g_strconcat (self->path, ".set", NULL);
  gboolean has_code = state->hash != NULL && *state->hash != '\0';

  g_key_file_set_comment (file, NULL, NULL,
                          " Escale: a code's hash (Argon2id) and its back-off. Replace it with"
                          "\n escale-stats set-code, never by hand.",
                          NULL);
  g_key_file_set_string (file, GROUP, "Hash", state->hash ? state->hash : "");
  g_key_file_set_int64 (file, GROUP, "Failures", state->failures);
  g_key_file_set_int64 (file, GROUP, "LockedUntil", state->locked_until);
  data = g_key_file_to_data (file, NULL, NULL);
  if (!write_file (self->path, data, error))
    return FALSE;
  if (has_code && !g_file_test (marker, G_FILE_TEST_EXISTS) &&
      !write_file (marker,
                   "A code was set on this kiosk: a missing code file is not a new "
                   "install.\n",
                   error))
    return FALSE;
  return TRUE;
}

gboolean
escale_code_lock_has_code (EscaleCodeLock *self, GError **error)
{
  g_auto (CodeState) state = { 0 };

  if (!read_state (self, &state, error))
    return FALSE;
  return state.hash != NULL && *state.hash != '\0';
}

/* Whether a code was ever set here: then a missing code file means a file
 * lost, not a new install, and nobody at the kiosk may choose a new code. */
gboolean
escale_code_lock_was_set_before (EscaleCodeLock *self)
{
  g_autofree char *marker = g_strconcat (self->path, ".set", NULL);

  return g_file_test (marker, G_FILE_TEST_EXISTS);
}

/* Takes over a hash made elsewhere (an older store kept it) with its
 * back-off: the code stays the same. */
gboolean
escale_code_lock_import (EscaleCodeLock *self, const char *hash, guint failures,
                         gint64 locked_until, GError **error)
{
  CodeState state = { (char *) hash, failures, locked_until };
  gboolean matches;

  g_return_val_if_fail (ESCALE_IS_CODE_LOCK (self), FALSE);

  /* Only a well-formed hash: checking "" against it tells without work. */
  if (!escale_pin_verify ("", hash, &matches, error))
    return FALSE;
  return write_state (self, &state, error);
}

static gboolean
set_code_begin (EscaleCodeLock *self, const char *code, GError **error)
{
  if (!escale_pin_is_acceptable (code))
    {
      g_set_error (error, ESCALE_CODE_LOCK_ERROR, ESCALE_CODE_LOCK_ERROR_TOO_SHORT,
                   "A code must be %d to %d digits", ESCALE_PIN_MIN_DIGITS, ESCALE_PIN_MAX_DIGITS);
      return FALSE;
    }
  return TRUE;
}

static gboolean
store_hash (EscaleCodeLock *self, const char *hash, GError **error)
{
  CodeState state = { (char *) hash, 0, 0 };

  return write_state (self, &state, error);
}

/* Sets the code (6 to 12 digits) and clears the back-off. */
gboolean
escale_code_lock_set_code (EscaleCodeLock *self, const char *code, GError **error)
{
  g_autofree char *hash = NULL;

  if (!set_code_begin (self, code, error))
    return FALSE;
  hash = escale_pin_hash (code, self->memory_kib, self->passes, error);
  return hash != NULL && store_hash (self, hash, error);
}

typedef struct
{
  char *code;
  guint memory_kib;
  guint passes;
} HashData;

static void
hash_data_free (gpointer data)
{
  HashData *job = data;

  memset (job->code, 0, strlen (job->code));
  g_free (job->code);
  g_free (job);
}

/* In a worker thread: only the memory-hard hash. */
static void
hash_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  HashData *job = task_data;
  GError *error = NULL;
  char *hash = escale_pin_hash (job->code, job->memory_kib, job->passes, &error);

  if (hash == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, hash, g_free);
}

/* Like escale_code_lock_set_code (), the hash in a worker thread; the
 * file is written in the calling thread when _finish () is called. */
void
escale_code_lock_set_code_async (EscaleCodeLock *self, const char *code, GCancellable *cancellable,
                                 GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  HashData *job;

  g_return_if_fail (ESCALE_IS_CODE_LOCK (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, escale_code_lock_set_code_async);
  if (!set_code_begin (self, code, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  job = g_new0 (HashData, 1);
  job->code = g_strdup (code);
  job->memory_kib = self->memory_kib;
  job->passes = self->passes;
  g_task_set_task_data (task, job, hash_data_free);
  g_task_run_in_thread (task, hash_thread);
}

/* Stores the new code's hash: TRUE once it is the code. */
gboolean
escale_code_lock_set_code_finish (EscaleCodeLock *self, GAsyncResult *result, GError **error)
{
  g_autofree char *hash = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  hash = g_task_propagate_pointer (G_TASK (result), error);
  return hash != NULL && store_hash (self, hash, error);
}

/* The part of a check before the hash: LOCKED (with the wait), NO_PIN or
 * ERROR end it; -1 means the code must be verified against *@hash. */
static int
check_begin (EscaleCodeLock *self, char **hash, guint *wait_seconds, GError **error)
{
  g_auto (CodeState) state = { 0 };
  gint64 now = now_unix (self);

  if (wait_seconds)
    *wait_seconds = 0;
  if (!read_state (self, &state, error))
    return ESCALE_PIN_CHECK_ERROR;

  /* A clock set back must not stretch the wait beyond the longest one. */
  if (state.locked_until > now + MAX_WAIT)
    state.locked_until = now + MAX_WAIT;
  if (state.locked_until > now)
    {
      if (wait_seconds)
        *wait_seconds = (guint) (state.locked_until - now);
      return ESCALE_PIN_CHECK_LOCKED;
    }
  if (state.hash == NULL || *state.hash == '\0')
    return ESCALE_PIN_CHECK_NO_PIN;
  *hash = g_steal_pointer (&state.hash);
  return -1;
}

/* Records a verified code: a success clears the counter, a failure counts
 * (reading the file again, in case it moved while the hash was made). */
static EscalePinCheck
check_end (EscaleCodeLock *self, gboolean matches, guint *wait_seconds, GError **error)
{
  g_auto (CodeState) state = { 0 };
  gint64 now = now_unix (self);
  guint wait;

  if (!read_state (self, &state, error))
    return ESCALE_PIN_CHECK_ERROR;
  if (matches)
    {
      if (state.failures == 0 && state.locked_until == 0)
        return ESCALE_PIN_CHECK_OK;
      state.failures = 0;
      state.locked_until = 0;
      return write_state (self, &state, error) ? ESCALE_PIN_CHECK_OK : ESCALE_PIN_CHECK_ERROR;
    }
  state.failures++;
  wait = escale_code_lock_backoff_for (state.failures);
  state.locked_until = wait ? now + wait : 0;
  if (!write_state (self, &state, error))
    return ESCALE_PIN_CHECK_ERROR;
  if (wait_seconds)
    *wait_seconds = wait;
  g_signal_emit (self, signals[WRONG], 0);
  return ESCALE_PIN_CHECK_WRONG;
}

/* Checks @code. While locked out, returns LOCKED without looking at it.
 * *@wait_seconds is the wait before the next try is allowed. */
EscalePinCheck
escale_code_lock_check (EscaleCodeLock *self, const char *code, guint *wait_seconds,
                        GError **error)
{
  g_autofree char *hash = NULL;
  gboolean matches = FALSE;
  int early;

  g_return_val_if_fail (ESCALE_IS_CODE_LOCK (self), ESCALE_PIN_CHECK_ERROR);

  early = check_begin (self, &hash, wait_seconds, error);
  if (early >= 0)
    return early;
  if (!escale_pin_verify (code ? code : "", hash, &matches, error))
    return ESCALE_PIN_CHECK_ERROR;
  return check_end (self, matches, wait_seconds, error);
}

typedef struct
{
  char *code;
  char *hash;
  gboolean matches;
  EscalePinCheck result;
  guint wait;
} CheckData;

static void
check_data_free (gpointer data)
{
  CheckData *check = data;

  if (check->code != NULL)
    memset (check->code, 0, strlen (check->code));
  g_free (check->code);
  g_free (check->hash);
  g_free (check);
}

/* In a worker thread: only the memory-hard hash, no file access. */
static void
verify_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  CheckData *check = task_data;
  GError *error = NULL;

  if (!escale_pin_verify (check->code, check->hash, &check->matches, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
verified_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GTask) task = user_data;
  EscaleCodeLock *self = ESCALE_CODE_LOCK (source);
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

/* Like escale_code_lock_check (), but the hash (a fraction of a second of
 * work) runs in a worker thread, so the screen never freezes. The file is
 * only touched from the calling thread, before and after. */
void
escale_code_lock_check_async (EscaleCodeLock *self, const char *code, GCancellable *cancellable,
                              GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) verify = NULL;
  CheckData *check = g_new0 (CheckData, 1);
  GError *error = NULL;
  int early;

  g_return_if_fail (ESCALE_IS_CODE_LOCK (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, escale_code_lock_check_async);
  g_task_set_task_data (task, check, check_data_free);
  check->code = g_strdup (code ? code : "");

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
escale_code_lock_check_finish (EscaleCodeLock *self, GAsyncResult *result, guint *wait_seconds,
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
escale_code_lock_get_wait (EscaleCodeLock *self)
{
  g_auto (CodeState) state = { 0 };
  gint64 now = now_unix (self);

  if (!read_state (self, &state, NULL) || state.locked_until <= now)
    return 0;
  return (guint) MIN (state.locked_until - now, MAX_WAIT);
}

guint
escale_code_lock_get_failures (EscaleCodeLock *self)
{
  g_auto (CodeState) state = { 0 };

  if (!read_state (self, &state, NULL))
    return 0;
  return state.failures;
}
