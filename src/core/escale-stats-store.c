/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-stats"

#include <errno.h>
#include <sqlite3.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "escale-stats-schema.h"
#include "escale-stats-store.h"

/* The anonymous usage store. One connection, WAL, prepared statements kept
 * for the life of the store. A write that fails (locked, disk full, file
 * gone) never loses a record: it stays queued in memory and is written by the
 * next successful flush; what has been committed is never rewritten. */
struct _EscaleStatsStore
{
  GObject parent_instance;

  char *path;
  gboolean reader; /* read-only, never migrates: a worker's or `check`'s */
  sqlite3 *db;
  EscaleSqliteStatement *insert_session;
  EscaleSqliteStatement *insert_activity;
  EscaleSqliteStatement *insert_counter;
  EscaleSqliteStatement *insert_workshop;
  EscaleStatsProfileFunc profiler;
  gpointer profiler_data;
  guint max_size_mb;
  char *kiosk_id;

  GQueue pending;           /* of EscaleSessionRecord, oldest first */
  GQueue pending_workshops; /* of EscaleWorkshopRecord, oldest first */
  guint n_failures;
  char *last_error;
};

G_DEFINE_FINAL_TYPE (EscaleStatsStore, escale_stats_store, G_TYPE_OBJECT)
/* The name has dashes, which clang-format would space out. */
/* clang-format off */
G_DEFINE_QUARK (escale-stats-error-quark, escale_stats_error)
/* clang-format on */

static gboolean
set_sqlite_error (EscaleStatsStore *self, int rc, const char *what, GError **error)
{
  const char *detail = self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  g_set_error (error, ESCALE_STATS_ERROR, escale_stats_error_from_sqlite (rc), "%s (%s): %s", what,
               self->path, detail);
  return FALSE;
}

static gboolean
exec (EscaleStatsStore *self, const char *sql, GError **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return set_sqlite_error (self, rc, "Statistics store", error);
  return TRUE;
}

static gboolean
query_int (EscaleStatsStore *self, const char *sql, gint64 *out, GError **error)
{
  g_autoptr(EscaleSqliteStatement)
               stmt = escale_sqlite_statement_new (self->db, sql, FALSE, error);

  if (stmt == NULL || !escale_sqlite_statement_step_row (stmt, error))
    return FALSE;
  *out = escale_sqlite_statement_get_int64 (stmt, 0);
  return TRUE;
}

static void
clear_pending (EscaleStatsStore *self)
{
  EscaleSessionRecord *record;

  EscaleWorkshopRecord *workshop;

  while ((record = g_queue_pop_head (&self->pending)) != NULL)
    escale_session_record_free (record);
  while ((workshop = g_queue_pop_head (&self->pending_workshops)) != NULL)
    escale_workshop_record_free (workshop);
}

static void
close_db (EscaleStatsStore *self)
{
  g_clear_pointer (&self->insert_session, escale_sqlite_statement_free);
  g_clear_pointer (&self->insert_activity, escale_sqlite_statement_free);
  g_clear_pointer (&self->insert_counter, escale_sqlite_statement_free);
  g_clear_pointer (&self->insert_workshop, escale_sqlite_statement_free);
  g_clear_pointer (&self->db, sqlite3_close);
}

static void
escale_stats_store_finalize (GObject *object)
{
  EscaleStatsStore *self = ESCALE_STATS_STORE (object);

  if (self->pending.length + self->pending_workshops.length > 0)
    g_warning ("%u session records and %u workshops could not be written to %s",
               self->pending.length, self->pending_workshops.length, self->path);
  clear_pending (self);
  close_db (self);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->kiosk_id, g_free);
  g_clear_pointer (&self->last_error, g_free);
  G_OBJECT_CLASS (escale_stats_store_parent_class)->finalize (object);
}

static void
escale_stats_store_class_init (EscaleStatsStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = escale_stats_store_finalize;
}

static void
escale_stats_store_init (EscaleStatsStore *self)
{
  g_queue_init (&self->pending);
  g_queue_init (&self->pending_workshops);
}

char *
escale_stats_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "escale", "stats.db", NULL);
}

/* Creates the store object; nothing touches the disk until open or the
 * first write, so a broken disk never stops the kiosk from starting. */
EscaleStatsStore *
escale_stats_store_new (const char *path)
{
  EscaleStatsStore *self = g_object_new (ESCALE_TYPE_STATS_STORE, NULL);

  self->path = path ? g_strdup (path) : escale_stats_store_default_path ();
  return self;
}

/* A read-only store on @path for a worker thread or a check: opening it
 * never creates, migrates nor writes anything; it only reads. */
EscaleStatsStore *
escale_stats_store_new_reader (const char *path)
{
  EscaleStatsStore *self = escale_stats_store_new (path);

  self->reader = TRUE;
  return self;
}

const char *
escale_stats_store_get_path (EscaleStatsStore *self)
{
  g_return_val_if_fail (ESCALE_IS_STATS_STORE (self), NULL);
  return self->path;
}

/* Caps the file size (0: no cap). Reaching it is handled like a full disk. */
void
escale_stats_store_set_max_size_mb (EscaleStatsStore *self, guint max_mb)
{
  g_return_if_fail (ESCALE_IS_STATS_STORE (self));

  self->max_size_mb = max_mb;
  if (self->db != NULL && max_mb > 0)
    {
      g_autofree char *sql = NULL;
      gint64 page_size = 4096;

      query_int (self, "PRAGMA page_size", &page_size, NULL);
      sql = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT,
                             ((gint64) max_mb * 1024 * 1024) / MAX (page_size, 512));
      exec (self, sql, NULL);
    }
}

/* Columns a migration needs that SQLite cannot add "if not exists": a
 * development build of schema 2 already had session_activities.day. */
static gboolean
add_missing_columns (EscaleStatsStore *self, gint64 to_version, GError **error)
{
  gint64 has_day = 0;

  if (to_version != 3)
    return TRUE;
  if (!query_int (self,
                  "SELECT count (*) FROM pragma_table_info ('session_activities')"
                  " WHERE name = 'day'",
                  &has_day, error))
    return FALSE;
  return has_day > 0 || exec (self, "ALTER TABLE session_activities ADD COLUMN day TEXT", error);
}

static gboolean
migrate (EscaleStatsStore *self, GError **error)
{
  gint64 version = 0;
  gint64 app_id = 0;

  if (!query_int (self, "PRAGMA user_version", &version, error) ||
      !query_int (self, "PRAGMA application_id", &app_id, error))
    return FALSE;

  if (app_id != 0 && app_id != ESCALE_STATS_APPLICATION_ID)
    {
      g_set_error (error, ESCALE_STATS_ERROR, ESCALE_STATS_ERROR_CORRUPT,
                   "%s is not an Escale statistics file", self->path);
      return FALSE;
    }
  /* Four corrupted header bytes make a negative version: it must not
   * index the migrations. */
  if (version < 0)
    {
      g_set_error (error, ESCALE_STATS_ERROR, ESCALE_STATS_ERROR_CORRUPT,
                   "%s is damaged (schema version %" G_GINT64_FORMAT ")", self->path, version);
      return FALSE;
    }
  if (version > ESCALE_STATS_SCHEMA_VERSION)
    {
      g_set_error (error, ESCALE_STATS_ERROR, ESCALE_STATS_ERROR_TOO_NEW,
                   "%s was written by a newer Escale (schema %" G_GINT64_FORMAT
                   ", this one knows %d)",
                   self->path, version, ESCALE_STATS_SCHEMA_VERSION);
      return FALSE;
    }
  if (version == ESCALE_STATS_SCHEMA_VERSION)
    return TRUE;

  if (!exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  for (gint64 v = version; v < ESCALE_STATS_SCHEMA_VERSION; v++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %" G_GINT64_FORMAT, v + 1);

      g_message ("Migrating statistics store to schema %" G_GINT64_FORMAT, v + 1);
      if (!add_missing_columns (self, v + 1, error) ||
          !exec (self, escale_stats_migrations[v], error) || !exec (self, bump, error))
        {
          exec (self, "ROLLBACK", NULL);
          return FALSE;
        }
    }
  {
    g_autofree char *set_id =
      g_strdup_printf ("PRAGMA application_id = %d", ESCALE_STATS_APPLICATION_ID);

    if (!exec (self, set_id, error))
      {
        exec (self, "ROLLBACK", NULL);
        return FALSE;
      }
  }
  return exec (self, "COMMIT", error);
}

static gboolean
load_kiosk_id (EscaleStatsStore *self, GError **error)
{
  g_autoptr(EscaleSqliteStatement)
               stmt = escale_sqlite_statement_new (self->db,
                                                   "SELECT value FROM meta WHERE key = 'kiosk_id'",
                                                   FALSE, error);
  g_autoptr(GError) local_error = NULL;

  if (stmt == NULL)
    return FALSE;
  if (!escale_sqlite_statement_step (stmt, &local_error))
    {
      if (local_error == NULL)
        g_set_error (&local_error, ESCALE_STATS_ERROR, ESCALE_STATS_ERROR_CORRUPT,
                     "%s has no kiosk id", self->path);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_free (self->kiosk_id);
  self->kiosk_id = g_strdup (escale_sqlite_statement_get_text (stmt, 0));
  return TRUE;
}

static gboolean
prepare (EscaleStatsStore *self, const char *sql, EscaleSqliteStatement **stmt, GError **error)
{
  *stmt = escale_sqlite_statement_new (self->db, sql, TRUE, error);
  return *stmt != NULL;
}

/* A reader: read-only, a longer busy timeout (a worker may wait), nothing
 * written, not even a PRAGMA. */
static gboolean
open_reader (EscaleStatsStore *self, GError **error)
{
  int rc =
    sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_busy_timeout (self->db, 2000);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, rc, "Cannot read the statistics", error);
      close_db (self);
      return FALSE;
    }
  sqlite3_extended_result_codes (self->db, 1);
  return TRUE;
}

/* Opens (creating if needed) and migrates. Safe to call again after a failure. */
gboolean
escale_stats_store_open (EscaleStatsStore *self, GError **error)
{
  g_autofree char *dir = NULL;
  int rc;

  g_return_val_if_fail (ESCALE_IS_STATS_STORE (self), FALSE);

  if (self->db != NULL)
    return TRUE;
  if (self->reader)
    return open_reader (self, error);

  dir = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, ESCALE_STATS_ERROR, ESCALE_STATS_ERROR_OPEN,
                   "Cannot create the folder %s: %s", dir, g_strerror (saved));
      return FALSE;
    }

  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX |
                          SQLITE_OPEN_URI,
                        NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, rc, "Cannot open the statistics store", error);
      close_db (self);
      return FALSE;
    }
  sqlite3_extended_result_codes (self->db, 1);

  /* A short busy timeout: a locked file must never freeze the screen; the
   * record stays queued and is written later. */
  rc = sqlite3_busy_timeout (self->db, 100);
  if (rc != SQLITE_OK || !exec (self, "PRAGMA journal_mode = WAL", error) ||
      /* FULL: a visit's commit is on disk when it returns. Centres cut
       * the power at the wall at closing time; with NORMAL the last
       * visits of the day could go with it. It costs ~0.15 ms a visit
       * (p99 9-20 ms on a busy 2-core machine), once a visit: HACKING.md. */
      !exec (self, "PRAGMA synchronous = FULL", error) ||
      !exec (self, "PRAGMA foreign_keys = ON", error) ||
      !exec (self, "PRAGMA secure_delete = ON", error) ||
      /* Checkpoints (an fsync) run when nobody waits: the kiosk calls
       * escale_stats_store_checkpoint() while idle; this is only a cap. */
      !exec (self, "PRAGMA wal_autocheckpoint = 10000", error) || !migrate (self, error) ||
      !load_kiosk_id (self, error) ||
      !prepare (self,
                "INSERT INTO sessions (day, start_hour, weekday, duration_min, end_reason,"
                " helper_calls, uid, kiosk_id, help_asked, satisfaction, age_bracket,"
                " help_given, workshop_uid)"
                " VALUES (?, ?, ?, ?, ?, ?, coalesce (?, lower (hex (randomblob (16)))),"
                " ?, ?, ?, ?, ?, ?)",
                &self->insert_session, error) ||
      !prepare (self,
                "INSERT INTO session_activities (session_id, activity_id, minutes, theme, day)"
                " VALUES (?, ?, ?, ?, ?)",
                &self->insert_activity, error) ||
      !prepare (self,
                "INSERT INTO session_counters (session_id, day, kind, counter, value)"
                " VALUES (?, ?, ?, ?, ?)",
                &self->insert_counter, error) ||
      !prepare (self,
                "INSERT INTO workshops (uid, kiosk_id, day, start_hour, duration_min, theme,"
                " level, participants)"
                " VALUES (coalesce (?, lower (hex (randomblob (16)))), ?, ?, ?, ?, ?, ?, ?)",
                &self->insert_workshop, error))
    {
      if (rc != SQLITE_OK)
        set_sqlite_error (self, rc, "Cannot configure the statistics store", error);
      close_db (self);
      return FALSE;
    }

  if (self->max_size_mb > 0)
    escale_stats_store_set_max_size_mb (self, self->max_size_mb);
  return TRUE;
}

int
escale_stats_store_get_schema_version (EscaleStatsStore *self)
{
  gint64 version = -1;

  g_return_val_if_fail (ESCALE_IS_STATS_STORE (self), -1);
  if (self->db == NULL || !query_int (self, "PRAGMA user_version", &version, NULL))
    return -1;
  return (int) version;
}

/* TRUE if @name can name a kind or a counter: [a-z0-9-]+. */
gboolean
escale_stats_counter_name_is_valid (const char *name)
{
  if (name == NULL || *name == '\0')
    return FALSE;
  for (const char *p = name; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

/* The visit's counters, one row each. A name outside [a-z0-9-]+ could hold
 * a text of what the person did: it is never written (nor logged). */
static gboolean
write_counters (EscaleStatsStore *self, const EscaleSessionRecord *record, gint64 session_id,
                GError **error)
{
  EscaleSqliteStatement *stmt = self->insert_counter;

  for (guint i = 0; record->counters != NULL && i < record->counters->len; i++)
    {
      const EscaleCounterValue *entry = &g_array_index (record->counters, EscaleCounterValue, i);

      if (entry->value <= 0)
        continue;
      if (!escale_stats_counter_name_is_valid (entry->kind) ||
          !escale_stats_counter_name_is_valid (entry->counter))
        {
          g_warning ("A counter whose name is not [a-z0-9-]+ was not stored");
          continue;
        }
      escale_sqlite_statement_bind_int64 (stmt, 1, session_id);
      escale_sqlite_statement_bind_text (stmt, 2, record->day);
      escale_sqlite_statement_bind_text (stmt, 3, entry->kind);
      escale_sqlite_statement_bind_text (stmt, 4, entry->counter);
      escale_sqlite_statement_bind_int64 (stmt, 5, entry->value);
      if (!escale_sqlite_statement_step_done (stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_record (EscaleStatsStore *self, const EscaleSessionRecord *record, GError **error)
{
  EscaleSqliteStatement *stmt = self->insert_session;
  gint64 session_id;

  escale_sqlite_statement_bind_text (stmt, 1, record->day);
  escale_sqlite_statement_bind_int (stmt, 2, record->start_hour);
  escale_sqlite_statement_bind_int (stmt, 3, record->weekday);
  escale_sqlite_statement_bind_int (stmt, 4, record->duration_min);
  escale_sqlite_statement_bind_text (stmt, 5, escale_end_reason_to_string (record->end_reason));
  escale_sqlite_statement_bind_int (stmt, 6, record->helper_calls);
  if (record->uid[0] != '\0')
    escale_sqlite_statement_bind_text (stmt, 7, record->uid);
  escale_sqlite_statement_bind_text (stmt, 8, self->kiosk_id);
  escale_sqlite_statement_bind_int (stmt, 9, record->helper_calls > 0);
  escale_sqlite_statement_bind_text (stmt, 10, escale_satisfaction_to_code (record->satisfaction));
  escale_sqlite_statement_bind_text (stmt, 11, escale_age_bracket_to_code (record->age_bracket));
  /* A visit of a workshop was accompanied whatever the kiosk said. */
  escale_sqlite_statement_bind_int (stmt, 12,
                                    record->help_given || record->workshop_uid[0] != '\0');
  if (record->workshop_uid[0] != '\0')
    escale_sqlite_statement_bind_text (stmt, 13, record->workshop_uid);
  if (!escale_sqlite_statement_step_done (stmt, error))
    return FALSE;

  session_id = sqlite3_last_insert_rowid (self->db);
  stmt = self->insert_activity;
  for (guint i = 0; i < record->activities->len; i++)
    {
      const EscaleActivityUse *use = &g_array_index (record->activities, EscaleActivityUse, i);

      escale_sqlite_statement_bind_int64 (stmt, 1, session_id);
      escale_sqlite_statement_bind_text (stmt, 2, use->activity_id);
      escale_sqlite_statement_bind_int (stmt, 3, use->minutes);
      escale_sqlite_statement_bind_text (stmt, 4, use->theme);
      escale_sqlite_statement_bind_text (stmt, 5, record->day);
      if (!escale_sqlite_statement_step_done (stmt, error))
        return FALSE;
    }

  return write_counters (self, record, session_id, error);
}

static gboolean
write_workshop (EscaleStatsStore *self, const EscaleWorkshopRecord *workshop, GError **error)
{
  EscaleSqliteStatement *stmt = self->insert_workshop;

  if (workshop->uid[0] != '\0')
    escale_sqlite_statement_bind_text (stmt, 1, workshop->uid);
  escale_sqlite_statement_bind_text (stmt, 2, self->kiosk_id);
  escale_sqlite_statement_bind_text (stmt, 3, workshop->day);
  escale_sqlite_statement_bind_int (stmt, 4, workshop->start_hour);
  escale_sqlite_statement_bind_int (stmt, 5, workshop->duration_min);
  escale_sqlite_statement_bind_text (stmt, 6, workshop->theme);
  escale_sqlite_statement_bind_text (stmt, 7, workshop->level);
  escale_sqlite_statement_bind_int (stmt, 8, workshop->participants);
  return escale_sqlite_statement_step_done (stmt, error);
}

/* What staff read on the warnings screen: why, in French; SQLite's own
 * English line goes only to the log. */
static const char *
failure_reason (const GError *error)
{
  if (g_error_matches (error, ESCALE_STATS_ERROR, ESCALE_STATS_ERROR_FULL))
    return _ ("le disque est plein");
  if (g_error_matches (error, ESCALE_STATS_ERROR, ESCALE_STATS_ERROR_BUSY))
    return _ ("le fichier est occupé par un autre programme");
  return _ ("le fichier ne peut pas être écrit");
}

static void
remember_failure (EscaleStatsStore *self, const GError *error)
{
  self->n_failures++;
  g_free (self->last_error);
  self->last_error = g_strdup (failure_reason (error));
  g_warning ("Statistics not written yet (%u waiting): %s",
             self->pending.length + self->pending_workshops.length, error->message);
}

/* Writes every queued record, all in one transaction. On failure nothing of
 * the batch is committed and the queue is kept whole for the next try. */
gboolean
escale_stats_store_flush (EscaleStatsStore *self, GError **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (ESCALE_IS_STATS_STORE (self), FALSE);

  if (self->pending.length + self->pending_workshops.length == 0)
    return TRUE;

  if (!escale_stats_store_open (self, &local_error))
    goto failed;

  if (!exec (self, "BEGIN IMMEDIATE", &local_error))
    goto failed;

  for (GList *l = self->pending.head; l != NULL; l = l->next)
    {
      if (!write_record (self, l->data, &local_error))
        {
          exec (self, "ROLLBACK", NULL);
          goto failed;
        }
    }
  for (GList *l = self->pending_workshops.head; l != NULL; l = l->next)
    {
      if (!write_workshop (self, l->data, &local_error))
        {
          exec (self, "ROLLBACK", NULL);
          goto failed;
        }
    }

  if (!exec (self, "COMMIT", &local_error))
    {
      exec (self, "ROLLBACK", NULL);
      goto failed;
    }

  clear_pending (self);
  return TRUE;

failed:
  remember_failure (self, local_error);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* Queues @record and tries to write everything queued. Returns FALSE if it
 * could not be written now; it stays queued and is not lost. */
gboolean
escale_stats_store_add_session (EscaleStatsStore *self, const EscaleSessionRecord *record,
                                GError **error)
{
  g_return_val_if_fail (ESCALE_IS_STATS_STORE (self), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  g_queue_push_tail (&self->pending, escale_session_record_copy (record));
  return escale_stats_store_flush (self, error);
}

/* Queues @workshop and tries to write everything queued, like
 * escale_stats_store_add_session (): on a locked or full store it stays
 * queued in memory and is written by the next flush. A record the store
 * could never keep (see escale_workshop_record_is_valid ()) is refused
 * with ESCALE_STATS_ERROR_WRITE and not queued. */
gboolean
escale_stats_store_add_workshop (EscaleStatsStore *self, const EscaleWorkshopRecord *workshop,
                                 GError **error)
{
  g_return_val_if_fail (ESCALE_IS_STATS_STORE (self), FALSE);
  g_return_val_if_fail (workshop != NULL, FALSE);

  if (!escale_workshop_record_is_valid (workshop))
    {
      g_set_error (error, ESCALE_STATS_ERROR, ESCALE_STATS_ERROR_WRITE,
                   "A workshop record with a bad day, hour, theme, level or id was not kept");
      return FALSE;
    }
  g_queue_push_tail (&self->pending_workshops, escale_workshop_record_copy (workshop));
  return escale_stats_store_flush (self, error);
}

/* Records (visits and workshops) waiting to be written. */
guint
escale_stats_store_get_n_pending (EscaleStatsStore *self)
{
  g_return_val_if_fail (ESCALE_IS_STATS_STORE (self), 0);
  return self->pending.length + self->pending_workshops.length;
}

guint
escale_stats_store_get_n_failures (EscaleStatsStore *self)
{
  g_return_val_if_fail (ESCALE_IS_STATS_STORE (self), 0);
  return self->n_failures;
}

/* Why the last write failed, in French for the staff screen; NULL if none
 * happened. */
const char *
escale_stats_store_get_last_error (EscaleStatsStore *self)
{
  g_return_val_if_fail (ESCALE_IS_STATS_STORE (self), NULL);
  return self->last_error;
}

gint64
escale_stats_store_count_sessions (EscaleStatsStore *self, GError **error)
{
  gint64 count = -1;

  g_return_val_if_fail (ESCALE_IS_STATS_STORE (self), -1);

  if (!escale_stats_store_open (self, error) ||
      !query_int (self, "SELECT count(*) FROM sessions", &count, error))
    return -1;
  return count;
}

/* Copies the write-ahead log into the database file (an fsync). Cheap when
 * there is nothing to copy; call it when nobody is waiting. */
void
escale_stats_store_checkpoint (EscaleStatsStore *self)
{
  g_return_if_fail (ESCALE_IS_STATS_STORE (self));

  if (self->db != NULL)
    sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
}

/* This store's random id (drawn once, when the store is created). */
const char *
escale_stats_store_get_kiosk_id (EscaleStatsStore *self)
{
  g_return_val_if_fail (ESCALE_IS_STATS_STORE (self), NULL);
  return self->kiosk_id;
}

/* Runs @sql (several statements, no results) in one transaction. */
gboolean
escale_stats_store_exec_transaction (EscaleStatsStore *self, const char *sql, GError **error)
{
  g_return_val_if_fail (ESCALE_IS_STATS_STORE (self), FALSE);

  if (!escale_stats_store_begin (self, error))
    return FALSE;
  if (!exec (self, sql, error))
    {
      escale_stats_store_rollback (self);
      return FALSE;
    }
  return escale_stats_store_commit (self, error);
}

/* Prepares @sql (opening the store first if needed).
 * Returns: (transfer full) (nullable): free with g_autoptr() */
EscaleSqliteStatement *
escale_stats_store_prepare (EscaleStatsStore *self, const char *sql, GError **error)
{
  g_return_val_if_fail (ESCALE_IS_STATS_STORE (self), NULL);

  if (!escale_stats_store_open (self, error))
    return NULL;
  return escale_sqlite_statement_new (self->db, sql, FALSE, error);
}

/* Runs @sql (one or several statements, no results), outside any
 * transaction of its own. */
gboolean
escale_stats_store_exec (EscaleStatsStore *self, const char *sql, GError **error)
{
  g_return_val_if_fail (ESCALE_IS_STATS_STORE (self), FALSE);

  return escale_stats_store_open (self, error) && exec (self, sql, error);
}

/* The first column of the first row of @sql, which must give one. */
gboolean
escale_stats_store_query_int (EscaleStatsStore *self, const char *sql, gint64 *out, GError **error)
{
  g_return_val_if_fail (ESCALE_IS_STATS_STORE (self), FALSE);

  return escale_stats_store_open (self, error) && query_int (self, sql, out, error);
}

/* Starts a write transaction (taking the write lock now). */
gboolean
escale_stats_store_begin (EscaleStatsStore *self, GError **error)
{
  return escale_stats_store_exec (self, "BEGIN IMMEDIATE", error);
}

/* Commits; on failure rolls back, so the store is never left inside a
 * transaction. */
gboolean
escale_stats_store_commit (EscaleStatsStore *self, GError **error)
{
  g_return_val_if_fail (ESCALE_IS_STATS_STORE (self), FALSE);

  if (!exec (self, "COMMIT", error))
    {
      escale_stats_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

void
escale_stats_store_rollback (EscaleStatsStore *self)
{
  g_return_if_fail (ESCALE_IS_STATS_STORE (self));

  if (self->db != NULL && !sqlite3_get_autocommit (self->db))
    exec (self, "ROLLBACK", NULL);
}

/* Rows changed by the last INSERT, UPDATE or DELETE. */
gint64
escale_stats_store_get_changes (EscaleStatsStore *self)
{
  g_return_val_if_fail (ESCALE_IS_STATS_STORE (self), 0);
  return self->db ? sqlite3_changes64 (self->db) : 0;
}

static int
profile_cb (unsigned type, void *data, void *p, void *x)
{
  EscaleStatsStore *self = data;

  if (type == SQLITE_TRACE_PROFILE && self->profiler != NULL)
    self->profiler (sqlite3_sql (p), *(sqlite3_int64 *) x / 1e6, self->profiler_data);
  return 0;
}

/* Calls @func after each statement with its time (NULL: stop). For bench/. */
void
escale_stats_store_set_profiler (EscaleStatsStore *self, EscaleStatsProfileFunc func,
                                 gpointer user_data)
{
  g_return_if_fail (ESCALE_IS_STATS_STORE (self));

  self->profiler = func;
  self->profiler_data = user_data;
  if (self->db != NULL)
    sqlite3_trace_v2 (self->db, func ? SQLITE_TRACE_PROFILE : 0, func ? profile_cb : NULL, self);
}
