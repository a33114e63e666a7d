/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "escale-counter.h"
#include "escale-session-record.h"
#include "escale-sqlite-statement.h"
#include "escale-stats-error.h"

G_BEGIN_DECLS

#define ESCALE_STATS_APPLICATION_ID 0x45534341 /* "ESCA" */

#define ESCALE_TYPE_STATS_STORE (escale_stats_store_get_type ())
G_DECLARE_FINAL_TYPE (EscaleStatsStore, escale_stats_store, ESCALE, STATS_STORE, GObject)

EscaleStatsStore *escale_stats_store_new (const char *path);
EscaleStatsStore *escale_stats_store_new_reader (const char *path);
gboolean escale_stats_store_open (EscaleStatsStore *self, GError **error);
const char *escale_stats_store_get_path (EscaleStatsStore *self);
char *escale_stats_store_default_path (void);
void escale_stats_store_set_max_size_mb (EscaleStatsStore *self, guint max_mb);
int escale_stats_store_get_schema_version (EscaleStatsStore *self);

gboolean escale_stats_store_add_session (EscaleStatsStore *self, const EscaleSessionRecord *record,
                                         GError **error);
gboolean escale_stats_store_add_workshop (EscaleStatsStore *self,
                                          const EscaleWorkshopRecord *workshop, GError **error);
gboolean escale_stats_store_flush (EscaleStatsStore *self, GError **error);
guint escale_stats_store_get_n_pending (EscaleStatsStore *self);
guint escale_stats_store_get_n_failures (EscaleStatsStore *self);
const char *escale_stats_store_get_last_error (EscaleStatsStore *self);

const char *escale_stats_store_get_kiosk_id (EscaleStatsStore *self);
void escale_stats_store_checkpoint (EscaleStatsStore *self);
gboolean escale_stats_store_exec_transaction (EscaleStatsStore *self, const char *sql,
                                              GError **error);

gint64 escale_stats_store_count_sessions (EscaleStatsStore *self, GError **error);

/* Counters of activity kinds (escale-stats-store-admin.c for the declaring). */
gboolean escale_stats_counter_name_is_valid (const char *name);
gboolean escale_stats_store_declare_activity (EscaleStatsStore *self, const char *activity_id,
                                              const char *title, GError **error);
gboolean escale_stats_store_declare_counters (EscaleStatsStore *self, const char *kind,
                                              const EscaleCounterSpec *specs, GError **error);

/* The last day escale-stats push sent for good (meta table; '' before the
 * first push): retention keeps every later day. */
#define ESCALE_STATS_META_PUSHED_THROUGH "fleet-pushed-through"
/* Since when pushes fail (UTC, ISO 8601; absent after a success), and why. */
#define ESCALE_STATS_META_PUSH_FAILING_SINCE "fleet-failing-since"
#define ESCALE_STATS_META_PUSH_ERROR "fleet-last-error"
char *escale_stats_store_push_warning (EscaleStatsStore *self, GDateTime *now);

/* Retention and merging (escale-stats-store-admin.c). */
char *escale_stats_retention_cutoff (GDateTime *now, guint months);
gboolean escale_stats_store_fold_before (EscaleStatsStore *self, const char *cutoff_day,
                                         guint *n_folded, GError **error);
gboolean escale_stats_store_apply_retention (EscaleStatsStore *self, GDateTime *now, guint months,
                                             guint *n_folded, GError **error);
gboolean escale_stats_store_merge (EscaleStatsStore *self, const char *other_path, guint *n_added,
                                   GError **error);

/* For the reports, exports, staff lock and tools, which run their own
 * queries; the store opens itself first. */
EscaleSqliteStatement *escale_stats_store_prepare (EscaleStatsStore *self, const char *sql,
                                                   GError **error);
gboolean escale_stats_store_exec (EscaleStatsStore *self, const char *sql, GError **error);
gboolean escale_stats_store_query_int (EscaleStatsStore *self, const char *sql, gint64 *out,
                                       GError **error);
gboolean escale_stats_store_begin (EscaleStatsStore *self, GError **error);
gboolean escale_stats_store_commit (EscaleStatsStore *self, GError **error);
void escale_stats_store_rollback (EscaleStatsStore *self);
gint64 escale_stats_store_get_changes (EscaleStatsStore *self);

/* For bench/: each statement run, with its time in milliseconds. */
typedef void (*EscaleStatsProfileFunc) (const char *sql, double ms, gpointer user_data);
void escale_stats_store_set_profiler (EscaleStatsStore *self, EscaleStatsProfileFunc func,
                                      gpointer user_data);

G_END_DECLS
