/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "escale-stats-error.h"

G_BEGIN_DECLS

/* One prepared SQLite statement, for the stats store and its readers.
 * Every failure is a GError in ESCALE_STATS_ERROR. A plain struct, not a
 * GObject: it has no property, signal or subclass, and lives for one
 * query or for the life of its store; g_autoptr() finalizes it. */
typedef struct _EscaleSqliteStatement EscaleSqliteStatement;

struct sqlite3;

/* For the store only: others get statements from escale_stats_store_prepare (). */
EscaleSqliteStatement *escale_sqlite_statement_new (struct sqlite3 *db, const char *sql,
                                                    gboolean persistent, GError **error);
void escale_sqlite_statement_free (EscaleSqliteStatement *self);
gboolean escale_sqlite_set_error (struct sqlite3 *db, int rc, const char *what, GError **error);

/* Parameters are numbered from 1. A failed bind is reported by the next step. */
void escale_sqlite_statement_bind_int (EscaleSqliteStatement *self, int index, int value);
void escale_sqlite_statement_bind_int64 (EscaleSqliteStatement *self, int index, gint64 value);
void escale_sqlite_statement_bind_text (EscaleSqliteStatement *self, int index, const char *value);
int escale_sqlite_statement_get_n_params (EscaleSqliteStatement *self);

gboolean escale_sqlite_statement_step (EscaleSqliteStatement *self, GError **error);
gboolean escale_sqlite_statement_step_done (EscaleSqliteStatement *self, GError **error);
gboolean escale_sqlite_statement_step_row (EscaleSqliteStatement *self, GError **error);
void escale_sqlite_statement_reset (EscaleSqliteStatement *self);

/* Columns are numbered from 0, as SQLite does. */
int escale_sqlite_statement_get_int (EscaleSqliteStatement *self, int column);
gint64 escale_sqlite_statement_get_int64 (EscaleSqliteStatement *self, int column);
const char *escale_sqlite_statement_get_text (EscaleSqliteStatement *self, int column);
gboolean escale_sqlite_statement_is_null (EscaleSqliteStatement *self, int column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleSqliteStatement, escale_sqlite_statement_free)

G_END_DECLS
