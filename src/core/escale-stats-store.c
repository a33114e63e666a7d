/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-stats"

#include <errno.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "escale-stats-store.h"

/* The anonymous usage store. One connection, WAL, prepared statements kept
 * for the life of the store. A write that fails (locked, disk full, file
 * gone) never loses a record: it stays queued in memory and is written by the
 * next successful flush; what has been committed is never rewritten. */
struct _EscaleStatsStore
{
  GObject parent_instance;

  char *path;
  sqlite3 *db;
  sqlite3_stmt *insert_session;
  sqlite3_stmt *insert_activity;
  sqlite3_stmt *insert_calls;
  guint max_size_mb;
  char *kiosk_id;

  GQueue pending;     /* of EscaleSessionRecord, oldest first */
  guint n_failures;
  char *last_error;
};

G_DEFINE_FINAL_TYPE (EscaleStatsStore, escale_stats_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (escale-stats-error-quark, escale_stats_error)

/* Each entry takes the schema from version N to N+1. Never edit a released
 * entry: add a new one. */
static const char *const migrations[] = {
  /* 0 -> 1: the spine's schema. */
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
  ");",

  /* 1 -> 2: the staff space. Every existing row is kept: it gets a random
   * id and this kiosk's id, so stores of several kiosks can be merged
   * without counting a visit twice. */
  "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
  "INSERT INTO meta (key, value) VALUES ('kiosk_id', lower(hex(randomblob(16))));"
  "ALTER TABLE sessions ADD COLUMN uid TEXT;"
  "ALTER TABLE sessions ADD COLUMN kiosk_id TEXT;"
  "ALTER TABLE sessions ADD COLUMN accompanied INTEGER NOT NULL DEFAULT 0"
  "  CHECK (accompanied IN (0, 1));"
  "ALTER TABLE sessions ADD COLUMN satisfaction TEXT"
  "  CHECK (satisfaction IN ('oui', 'en-partie', 'non'));"
  "ALTER TABLE sessions ADD COLUMN age_bracket TEXT"
  "  CHECK (age_bracket IN ('18-24', '25-39', '40-59', '60-69', '70+', 'refus'));"
  "UPDATE sessions SET uid = lower(hex(randomblob(16))),"
  "  kiosk_id = (SELECT value FROM meta WHERE key = 'kiosk_id'),"
  "  accompanied = (helper_calls > 0);"
  "CREATE UNIQUE INDEX sessions_by_uid ON sessions (uid);"
  "ALTER TABLE session_activities ADD COLUMN theme TEXT;"
  /* What retention leaves of old visits: totals per kiosk and month. */
  "CREATE TABLE monthly_totals ("
  "  kiosk_id TEXT NOT NULL,"
  "  month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),"
  "  sessions INTEGER NOT NULL CHECK (sessions >= 0),"
  "  minutes INTEGER NOT NULL CHECK (minutes >= 0),"
  "  accompanied INTEGER NOT NULL CHECK (accompanied >= 0),"
  "  helper_calls INTEGER NOT NULL CHECK (helper_calls >= 0),"
  "  PRIMARY KEY (kiosk_id, month)"
  ");"
  "CREATE TABLE monthly_activity_totals ("
  "  kiosk_id TEXT NOT NULL,"
  "  month TEXT NOT NULL,"
  "  activity_id TEXT NOT NULL,"
  "  theme TEXT,"
  "  sessions INTEGER NOT NULL CHECK (sessions >= 0),"
  "  minutes INTEGER NOT NULL CHECK (minutes >= 0),"
  "  PRIMARY KEY (kiosk_id, month, activity_id)"
  ");"
  /* The staff code and its back-off, one row; failures counted per day. */
  "CREATE TABLE staff_access ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  pin_hash TEXT,"
  "  failures INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),"
  "  locked_until INTEGER NOT NULL DEFAULT 0"
  ");"
  "INSERT INTO staff_access (id) VALUES (1);"
  "CREATE TABLE staff_failures ("
  "  day TEXT PRIMARY KEY,"
  "  attempts INTEGER NOT NULL CHECK (attempts >= 0)"
  ");",

  /* 2 -> 3: the dashboard reads a period from covering indexes only (a
   * year of a busy centre in tens of milliseconds): each activity row
   * carries its visit's day (added by add_missing_columns () first), and
   * the day index of schema 1 becomes a covering one. */
  "UPDATE session_activities SET day = (SELECT day FROM sessions WHERE id = session_id);"
  "CREATE INDEX IF NOT EXISTS activities_by_day ON session_activities"
  "  (day, activity_id, theme, minutes);"
  "DROP INDEX IF EXISTS sessions_by_day;"
  "CREATE INDEX sessions_by_day ON sessions (day, start_hour, weekday, duration_min,"
  "  accompanied, helper_calls, satisfaction, age_bracket);",

  /* 3 -> 4: per-day totals, so that any period (five years of a busy
   * centre) reads at most a few hundred thousand small rows instead of a
   * million visits. They hold nothing finer than the visit rows: counts per
   * day, per day and activity, per day and hour of start, per day and whole
   * minute of duration (for the exact median). Triggers keep them in the
   * same transaction as every insert or delete of a visit or activity row
   * (a visit's write, a merge, retention, purge); rows that fall to zero are
   * deleted so that retention leaves no trace of a day. Visit rows are never
   * updated after their insert; if that changes, add UPDATE triggers. */
  "CREATE TABLE day_totals ("
  "  day TEXT PRIMARY KEY,"
  "  sessions INTEGER NOT NULL, minutes INTEGER NOT NULL,"
  "  accompanied INTEGER NOT NULL, helper_calls INTEGER NOT NULL,"
  "  under_30_min INTEGER NOT NULL, under_1_h INTEGER NOT NULL,"
  "  under_2_h INTEGER NOT NULL, over_2_h INTEGER NOT NULL,"
  "  satisfaction_yes INTEGER NOT NULL, satisfaction_partly INTEGER NOT NULL,"
  "  satisfaction_no INTEGER NOT NULL,"
  "  age_18_24 INTEGER NOT NULL, age_25_39 INTEGER NOT NULL, age_40_59 INTEGER NOT NULL,"
  "  age_60_69 INTEGER NOT NULL, age_70_plus INTEGER NOT NULL, age_declined INTEGER NOT NULL"
  ") WITHOUT ROWID;"
  "CREATE TABLE day_hour_totals ("
  "  day TEXT NOT NULL, weekday INTEGER NOT NULL, start_hour INTEGER NOT NULL,"
  "  sessions INTEGER NOT NULL,"
  "  PRIMARY KEY (day, weekday, start_hour)"
  ") WITHOUT ROWID;"
  "CREATE TABLE day_duration_totals ("
  "  day TEXT NOT NULL, duration_min INTEGER NOT NULL, sessions INTEGER NOT NULL,"
  "  PRIMARY KEY (day, duration_min)"
  ") WITHOUT ROWID;"
  /* theme '' stands for no theme (a primary key cannot hold NULL). */
  "CREATE TABLE day_activity_totals ("
  "  day TEXT NOT NULL, activity_id TEXT NOT NULL, theme TEXT NOT NULL,"
  "  sessions INTEGER NOT NULL, minutes INTEGER NOT NULL,"
  "  PRIMARY KEY (day, activity_id, theme)"
  ") WITHOUT ROWID;"
  "INSERT INTO day_totals SELECT day, count (*), sum (duration_min), sum (accompanied),"
  "  sum (helper_calls), sum (duration_min < 30),"
  "  sum (duration_min >= 30 AND duration_min < 60),"
  "  sum (duration_min >= 60 AND duration_min < 120), sum (duration_min >= 120),"
  "  sum (satisfaction IS 'oui'), sum (satisfaction IS 'en-partie'),"
  "  sum (satisfaction IS 'non'), sum (age_bracket IS '18-24'), sum (age_bracket IS '25-39'),"
  "  sum (age_bracket IS '40-59'), sum (age_bracket IS '60-69'), sum (age_bracket IS '70+'),"
  "  sum (age_bracket IS 'refus')"
  "  FROM sessions GROUP BY day;"
  "INSERT INTO day_hour_totals SELECT day, weekday, start_hour, count (*) FROM sessions"
  "  GROUP BY 1, 2, 3;"
  "INSERT INTO day_duration_totals SELECT day, duration_min, count (*) FROM sessions"
  "  GROUP BY 1, 2;"
  "INSERT INTO day_activity_totals SELECT day, activity_id, ifnull (theme, ''), count (*),"
  "  sum (minutes) FROM session_activities GROUP BY 1, 2, 3;"
  "CREATE TRIGGER day_totals_add AFTER INSERT ON sessions BEGIN"
  "  INSERT INTO day_totals VALUES (NEW.day, 1, NEW.duration_min, NEW.accompanied,"
  "    NEW.helper_calls, NEW.duration_min < 30,"
  "    NEW.duration_min >= 30 AND NEW.duration_min < 60,"
  "    NEW.duration_min >= 60 AND NEW.duration_min < 120, NEW.duration_min >= 120,"
  "    NEW.satisfaction IS 'oui', NEW.satisfaction IS 'en-partie', NEW.satisfaction IS 'non',"
  "    NEW.age_bracket IS '18-24', NEW.age_bracket IS '25-39', NEW.age_bracket IS '40-59',"
  "    NEW.age_bracket IS '60-69', NEW.age_bracket IS '70+', NEW.age_bracket IS 'refus')"
  "  ON CONFLICT (day) DO UPDATE SET sessions = sessions + 1,"
  "    minutes = minutes + excluded.minutes, accompanied = accompanied + excluded.accompanied,"
  "    helper_calls = helper_calls + excluded.helper_calls,"
  "    under_30_min = under_30_min + excluded.under_30_min,"
  "    under_1_h = under_1_h + excluded.under_1_h, under_2_h = under_2_h + excluded.under_2_h,"
  "    over_2_h = over_2_h + excluded.over_2_h,"
  "    satisfaction_yes = satisfaction_yes + excluded.satisfaction_yes,"
  "    satisfaction_partly = satisfaction_partly + excluded.satisfaction_partly,"
  "    satisfaction_no = satisfaction_no + excluded.satisfaction_no,"
  "    age_18_24 = age_18_24 + excluded.age_18_24, age_25_39 = age_25_39 + excluded.age_25_39,"
  "    age_40_59 = age_40_59 + excluded.age_40_59, age_60_69 = age_60_69 + excluded.age_60_69,"
  "    age_70_plus = age_70_plus + excluded.age_70_plus,"
  "    age_declined = age_declined + excluded.age_declined;"
  "  INSERT INTO day_hour_totals VALUES (NEW.day, NEW.weekday, NEW.start_hour, 1)"
  "  ON CONFLICT DO UPDATE SET sessions = sessions + 1;"
  "  INSERT INTO day_duration_totals VALUES (NEW.day, NEW.duration_min, 1)"
  "  ON CONFLICT DO UPDATE SET sessions = sessions + 1;"
  "END;"
  "CREATE TRIGGER day_totals_remove AFTER DELETE ON sessions BEGIN"
  "  UPDATE day_totals SET sessions = sessions - 1, minutes = minutes - OLD.duration_min,"
  "    accompanied = accompanied - OLD.accompanied,"
  "    helper_calls = helper_calls - OLD.helper_calls,"
  "    under_30_min = under_30_min - (OLD.duration_min < 30),"
  "    under_1_h = under_1_h - (OLD.duration_min >= 30 AND OLD.duration_min < 60),"
  "    under_2_h = under_2_h - (OLD.duration_min >= 60 AND OLD.duration_min < 120),"
  "    over_2_h = over_2_h - (OLD.duration_min >= 120),"
  "    satisfaction_yes = satisfaction_yes - (OLD.satisfaction IS 'oui'),"
  "    satisfaction_partly = satisfaction_partly - (OLD.satisfaction IS 'en-partie'),"
  "    satisfaction_no = satisfaction_no - (OLD.satisfaction IS 'non'),"
  "    age_18_24 = age_18_24 - (OLD.age_bracket IS '18-24'),"
  "    age_25_39 = age_25_39 - (OLD.age_bracket IS '25-39'),"
  "    age_40_59 = age_40_59 - (OLD.age_bracket IS '40-59'),"
  "    age_60_69 = age_60_69 - (OLD.age_bracket IS '60-69'),"
  "    age_70_plus = age_70_plus - (OLD.age_bracket IS '70+'),"
  "    age_declined = age_declined - (OLD.age_bracket IS 'refus')"
  "  WHERE day = OLD.day;"
  "  DELETE FROM day_totals WHERE day = OLD.day AND sessions <= 0;"
  "  UPDATE day_hour_totals SET sessions = sessions - 1"
  "  WHERE day = OLD.day AND weekday = OLD.weekday AND start_hour = OLD.start_hour;"
  "  DELETE FROM day_hour_totals WHERE day = OLD.day AND weekday = OLD.weekday"
  "    AND start_hour = OLD.start_hour AND sessions <= 0;"
  "  UPDATE day_duration_totals SET sessions = sessions - 1"
  "  WHERE day = OLD.day AND duration_min = OLD.duration_min;"
  "  DELETE FROM day_duration_totals WHERE day = OLD.day AND duration_min = OLD.duration_min"
  "    AND sessions <= 0;"
  "END;"
  "CREATE TRIGGER day_activity_totals_add AFTER INSERT ON session_activities BEGIN"
  "  INSERT INTO day_activity_totals VALUES (NEW.day, NEW.activity_id, ifnull (NEW.theme, ''),"
  "    1, NEW.minutes)"
  "  ON CONFLICT DO UPDATE SET sessions = sessions + 1, minutes = minutes + excluded.minutes;"
  "END;"
  "CREATE TRIGGER day_activity_totals_remove AFTER DELETE ON session_activities BEGIN"
  "  UPDATE day_activity_totals SET sessions = sessions - 1, minutes = minutes - OLD.minutes"
  "  WHERE day = OLD.day AND activity_id = OLD.activity_id AND theme = ifnull (OLD.theme, '');"
  "  DELETE FROM day_activity_totals WHERE day = OLD.day AND activity_id = OLD.activity_id"
  "    AND theme = ifnull (OLD.theme, '') AND sessions <= 0;"
  "END;",

  /* 4 -> 5: video calls. Only visits with a call have a row: how many calls
   * were started, how many connected (the family's picture arrived), whole
   * minutes connected. Nothing about who was called. Few visits have one,
   * so a period's figures read this small table through its day index. */
  "CREATE TABLE session_calls ("
  "  session_id INTEGER PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,"
  "  day TEXT NOT NULL,"
  "  calls_started INTEGER NOT NULL CHECK (calls_started > 0),"
  "  calls_connected INTEGER NOT NULL"
  "    CHECK (calls_connected >= 0 AND calls_connected <= calls_started),"
  "  call_minutes INTEGER NOT NULL CHECK (call_minutes >= 0)"
  ");"
  "CREATE INDEX session_calls_by_day ON session_calls (day);",
};

#define SCHEMA_VERSION 5
G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == SCHEMA_VERSION);

static int
error_code_for (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return ESCALE_STATS_ERROR_BUSY;
    case SQLITE_FULL:
      return ESCALE_STATS_ERROR_FULL;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return ESCALE_STATS_ERROR_CORRUPT;
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      return ESCALE_STATS_ERROR_OPEN;
    default:
      return ESCALE_STATS_ERROR_WRITE;
    }
}

static gboolean
set_sqlite_error (EscaleStatsStore *self, int rc, const char *what, GError **error)
{
  const char *detail = self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  g_set_error (error, ESCALE_STATS_ERROR, error_code_for (rc), "%s (%s): %s", what,
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
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      set_sqlite_error (self, rc, "Statistics store", error);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  *out = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return TRUE;
}

static void
clear_pending (EscaleStatsStore *self)
{
  EscaleSessionRecord *record;

  while ((record = g_queue_pop_head (&self->pending)) != NULL)
    escale_session_record_free (record);
}

static void
close_db (EscaleStatsStore *self)
{
  g_clear_pointer (&self->insert_session, sqlite3_finalize);
  g_clear_pointer (&self->insert_activity, sqlite3_finalize);
  g_clear_pointer (&self->insert_calls, sqlite3_finalize);
  g_clear_pointer (&self->db, sqlite3_close);
}

static void
escale_stats_store_finalize (GObject *object)
{
  EscaleStatsStore *self = ESCALE_STATS_STORE (object);

  if (self->pending.length > 0)
    g_warning ("%u session records could not be written to %s", self->pending.length,
               self->path);
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
  if (version > SCHEMA_VERSION)
    {
      g_set_error (error, ESCALE_STATS_ERROR, ESCALE_STATS_ERROR_TOO_NEW,
                   "%s was written by a newer Escale (schema %" G_GINT64_FORMAT
                   ", this one knows %d)", self->path, version, SCHEMA_VERSION);
      return FALSE;
    }
  if (version == SCHEMA_VERSION)
    return TRUE;

  if (!exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  for (gint64 v = version; v < SCHEMA_VERSION; v++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %" G_GINT64_FORMAT, v + 1);

      g_message ("Migrating statistics store to schema %" G_GINT64_FORMAT, v + 1);
      if (!add_missing_columns (self, v + 1, error) || !exec (self, migrations[v], error) ||
          !exec (self, bump, error))
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
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, "SELECT value FROM meta WHERE key = 'kiosk_id'", -1,
                               &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, ESCALE_STATS_ERROR, ESCALE_STATS_ERROR_CORRUPT,
                     "%s has no kiosk id", self->path);
      else
        set_sqlite_error (self, rc, "Statistics store", error);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  g_free (self->kiosk_id);
  self->kiosk_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return TRUE;
}

static gboolean
prepare (EscaleStatsStore *self, const char *sql, sqlite3_stmt **stmt, GError **error)
{
  int rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, stmt, NULL);

  if (rc != SQLITE_OK)
    return set_sqlite_error (self, rc, "Statistics store", error);
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
  if (rc != SQLITE_OK ||
      !exec (self, "PRAGMA journal_mode = WAL", error) ||
      !exec (self, "PRAGMA synchronous = NORMAL", error) ||
      !exec (self, "PRAGMA foreign_keys = ON", error) ||
      !exec (self, "PRAGMA secure_delete = ON", error) ||
      /* Checkpoints (an fsync) run when nobody waits: the kiosk calls
       * escale_stats_store_checkpoint() while idle; this is only a cap. */
      !exec (self, "PRAGMA wal_autocheckpoint = 10000", error) ||
      !migrate (self, error) ||
      !load_kiosk_id (self, error) ||
      !prepare (self,
                "INSERT INTO sessions (day, start_hour, weekday, duration_min, end_reason,"
                " helper_calls, uid, kiosk_id, accompanied, satisfaction, age_bracket)"
                " VALUES (?, ?, ?, ?, ?, ?, coalesce (?, lower (hex (randomblob (16)))),"
                " ?, ?, ?, ?)",
                &self->insert_session, error) ||
      !prepare (self,
                "INSERT INTO session_activities (session_id, activity_id, minutes, theme, day)"
                " VALUES (?, ?, ?, ?, ?)",
                &self->insert_activity, error) ||
      !prepare (self,
                "INSERT INTO session_calls (session_id, day, calls_started, calls_connected,"
                " call_minutes) VALUES (?, ?, ?, ?, ?)",
                &self->insert_calls, error))
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

static gboolean
step_done (EscaleStatsStore *self, sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (self, rc, "Cannot write to the statistics store", error);
  return TRUE;
}

static gboolean
write_record (EscaleStatsStore *self, const EscaleSessionRecord *record, GError **error)
{
  sqlite3_int64 session_id;

  sqlite3_bind_text (self->insert_session, 1, record->day, -1, SQLITE_STATIC);
  sqlite3_bind_int (self->insert_session, 2, record->start_hour);
  sqlite3_bind_int (self->insert_session, 3, record->weekday);
  sqlite3_bind_int (self->insert_session, 4, record->duration_min);
  sqlite3_bind_text (self->insert_session, 5, escale_end_reason_to_string (record->end_reason),
                     -1, SQLITE_STATIC);
  sqlite3_bind_int (self->insert_session, 6, record->helper_calls);
  if (record->uid[0] != '\0')
    sqlite3_bind_text (self->insert_session, 7, record->uid, -1, SQLITE_STATIC);
  sqlite3_bind_text (self->insert_session, 8, self->kiosk_id, -1, SQLITE_STATIC);
  sqlite3_bind_int (self->insert_session, 9, record->accompanied || record->helper_calls > 0);
  sqlite3_bind_text (self->insert_session, 10,
                     escale_satisfaction_to_code (record->satisfaction), -1, SQLITE_STATIC);
  sqlite3_bind_text (self->insert_session, 11,
                     escale_age_bracket_to_code (record->age_bracket), -1, SQLITE_STATIC);
  if (!step_done (self, self->insert_session, error))
    return FALSE;

  session_id = sqlite3_last_insert_rowid (self->db);
  for (guint i = 0; i < record->activities->len; i++)
    {
      const EscaleActivityUse *use = &g_array_index (record->activities, EscaleActivityUse, i);

      sqlite3_bind_int64 (self->insert_activity, 1, session_id);
      sqlite3_bind_text (self->insert_activity, 2, use->activity_id, -1, SQLITE_STATIC);
      sqlite3_bind_int (self->insert_activity, 3, use->minutes);
      sqlite3_bind_text (self->insert_activity, 4, use->theme, -1, SQLITE_STATIC);
      sqlite3_bind_text (self->insert_activity, 5, record->day, -1, SQLITE_STATIC);
      if (!step_done (self, self->insert_activity, error))
        return FALSE;
    }

  if (record->calls_started > 0)
    {
      sqlite3_bind_int64 (self->insert_calls, 1, session_id);
      sqlite3_bind_text (self->insert_calls, 2, record->day, -1, SQLITE_STATIC);
      sqlite3_bind_int (self->insert_calls, 3, record->calls_started);
      sqlite3_bind_int (self->insert_calls, 4, MIN (record->calls_connected,
                                                    record->calls_started));
      sqlite3_bind_int (self->insert_calls, 5, record->call_minutes);
      if (!step_done (self, self->insert_calls, error))
        return FALSE;
    }
  return TRUE;
}

/* Video calls of the visits from @from to @to (YYYY-MM-DD, inclusive):
 * calls started, connected, and minutes connected. */
gboolean
escale_stats_store_count_calls (EscaleStatsStore *self, const char *from, const char *to,
                                gint64 *started, gint64 *connected, gint64 *minutes,
                                GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (ESCALE_IS_STATS_STORE (self), FALSE);

  if (!escale_stats_store_open (self, error))
    return FALSE;
  rc = sqlite3_prepare_v2 (self->db,
                           "SELECT total (calls_started), total (calls_connected),"
                           " total (call_minutes) FROM session_calls WHERE day BETWEEN ? AND ?",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
    }
  if (rc != SQLITE_ROW)
    {
      set_sqlite_error (self, rc, "Statistics store", error);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  *started = sqlite3_column_int64 (stmt, 0);
  *connected = sqlite3_column_int64 (stmt, 1);
  *minutes = sqlite3_column_int64 (stmt, 2);
  sqlite3_finalize (stmt);
  return TRUE;
}

static void
remember_failure (EscaleStatsStore *self, const GError *error)
{
  self->n_failures++;
  g_free (self->last_error);
  self->last_error = g_strdup (error->message);
  g_warning ("Statistics not written yet (%u waiting): %s", self->pending.length,
             error->message);
}

/* Writes every queued record, all in one transaction. On failure nothing of
 * the batch is committed and the queue is kept whole for the next try. */
gboolean
escale_stats_store_flush (EscaleStatsStore *self, GError **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (ESCALE_IS_STATS_STORE (self), FALSE);

  if (self->pending.length == 0)
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

guint
escale_stats_store_get_n_pending (EscaleStatsStore *self)
{
  g_return_val_if_fail (ESCALE_IS_STATS_STORE (self), 0);
  return self->pending.length;
}

guint
escale_stats_store_get_n_failures (EscaleStatsStore *self)
{
  g_return_val_if_fail (ESCALE_IS_STATS_STORE (self), 0);
  return self->n_failures;
}

/* The last write error, for the staff screen; NULL if none happened. */
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

  if (!escale_stats_store_open (self, error) || !exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!exec (self, sql, error) || !exec (self, "COMMIT", error))
    {
      exec (self, "ROLLBACK", NULL);
      return FALSE;
    }
  return TRUE;
}

sqlite3 *
escale_stats_store_get_db (EscaleStatsStore *self)
{
  g_return_val_if_fail (ESCALE_IS_STATS_STORE (self), NULL);
  return self->db;
}
