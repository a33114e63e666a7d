/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <sqlite3.h>

#include "escale-sqlite-statement.h"

struct _EscaleSqliteStatement
{
  sqlite3_stmt *stmt; /* owned */
  sqlite3 *db;        /* borrowed: the connection outlives its statements */
  int bind_rc;        /* the first failed bind, reported by the next step */
};

EscaleStatsError
escale_stats_error_from_sqlite (int rc)
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

/* Sets @error from @rc, naming @what and the database file. Returns FALSE. */
gboolean
escale_sqlite_set_error (sqlite3 *db, int rc, const char *what, GError **error)
{
  const char *path = db ? sqlite3_db_filename (db, "main") : NULL;
  const char *detail = db ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  g_set_error (error, ESCALE_STATS_ERROR, escale_stats_error_from_sqlite (rc), "%s (%s): %s", what,
               path ? path : "?", detail);
  return FALSE;
}

/* Prepares @sql on @db; @persistent for the statements a store keeps for
 * its whole life. */
EscaleSqliteStatement *
escale_sqlite_statement_new (sqlite3 *db, const char *sql, gboolean persistent, GError **error)
{
  EscaleSqliteStatement *self;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  rc = sqlite3_prepare_v3 (db, sql, -1, persistent ? SQLITE_PREPARE_PERSISTENT : 0, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      sqlite3_finalize (stmt);
      escale_sqlite_set_error (db, rc, "Statistics store", error);
      return NULL;
    }
  self = g_new0 (EscaleSqliteStatement, 1);
  self->stmt = stmt;
  self->db = db;
  self->bind_rc = SQLITE_OK;
  return self;
}

void
escale_sqlite_statement_free (EscaleSqliteStatement *self)
{
  if (self == NULL)
    return;
  sqlite3_finalize (self->stmt);
  g_free (self);
}

static void
check_bind (EscaleSqliteStatement *self, int rc)
{
  if (rc != SQLITE_OK && self->bind_rc == SQLITE_OK)
    self->bind_rc = rc;
}

void
escale_sqlite_statement_bind_int (EscaleSqliteStatement *self, int index, int value)
{
  check_bind (self, sqlite3_bind_int (self->stmt, index, value));
}

void
escale_sqlite_statement_bind_int64 (EscaleSqliteStatement *self, int index, gint64 value)
{
  check_bind (self, sqlite3_bind_int64 (self->stmt, index, value));
}

/* Binds a copy of @value; NULL binds SQL NULL. */
void
escale_sqlite_statement_bind_text (EscaleSqliteStatement *self, int index, const char *value)
{
  if (value == NULL)
    check_bind (self, sqlite3_bind_null (self->stmt, index));
  else
    check_bind (self, sqlite3_bind_text (self->stmt, index, value, -1, SQLITE_TRANSIENT));
}

int
escale_sqlite_statement_get_n_params (EscaleSqliteStatement *self)
{
  return sqlite3_bind_parameter_count (self->stmt);
}

/* Runs the statement to its next row. TRUE: a row is there to read. FALSE:
 * either the statement is done (@error left unset) or it failed (@error
 * set); a caller that must tell them apart passes an error. */
gboolean
escale_sqlite_statement_step (EscaleSqliteStatement *self, GError **error)
{
  int rc;

  if (self->bind_rc != SQLITE_OK)
    {
      g_set_error (error, ESCALE_STATS_ERROR, ESCALE_STATS_ERROR_WRITE,
                   "Statistics store: cannot bind a value of %s: %s", sqlite3_sql (self->stmt),
                   sqlite3_errstr (self->bind_rc));
      return FALSE;
    }
  rc = sqlite3_step (self->stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    escale_sqlite_set_error (self->db, rc, "Statistics store", error);
  return FALSE;
}

/* For a statement that returns no row (INSERT, UPDATE...): TRUE when it
 * ran to its end; resets it for the next use either way. */
gboolean
escale_sqlite_statement_step_done (EscaleSqliteStatement *self, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean row = escale_sqlite_statement_step (self, &local_error);

  escale_sqlite_statement_reset (self);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (row)
    {
      g_set_error (error, ESCALE_STATS_ERROR, ESCALE_STATS_ERROR_WRITE,
                   "Statistics store: %s returned a row", sqlite3_sql (self->stmt));
      return FALSE;
    }
  return TRUE;
}

/* For a query that must give a row (a count, a PRAGMA): TRUE with the row
 * ready to read; no row at all is an error (the store is not ours). */
gboolean
escale_sqlite_statement_step_row (EscaleSqliteStatement *self, GError **error)
{
  g_autoptr(GError) local_error = NULL;

  if (escale_sqlite_statement_step (self, &local_error))
    return TRUE;
  if (local_error == NULL)
    g_set_error (&local_error, ESCALE_STATS_ERROR, ESCALE_STATS_ERROR_CORRUPT,
                 "Statistics store (%s): no row for %s", sqlite3_db_filename (self->db, "main"),
                 sqlite3_sql (self->stmt));
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* Ready to run again, with no value bound. */
void
escale_sqlite_statement_reset (EscaleSqliteStatement *self)
{
  sqlite3_reset (self->stmt);
  sqlite3_clear_bindings (self->stmt);
  self->bind_rc = SQLITE_OK;
}

int
escale_sqlite_statement_get_int (EscaleSqliteStatement *self, int column)
{
  return sqlite3_column_int (self->stmt, column);
}

gint64
escale_sqlite_statement_get_int64 (EscaleSqliteStatement *self, int column)
{
  return sqlite3_column_int64 (self->stmt, column);
}

/* Returns: (transfer none) (nullable): valid until the next step or reset. */
const char *
escale_sqlite_statement_get_text (EscaleSqliteStatement *self, int column)
{
  return (const char *) sqlite3_column_text (self->stmt, column);
}

gboolean
escale_sqlite_statement_is_null (EscaleSqliteStatement *self, int column)
{
  return sqlite3_column_type (self->stmt, column) == SQLITE_NULL;
}
