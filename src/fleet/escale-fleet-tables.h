/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One table of totals as both sides hold it: the kiosk's (SQLite, the
 * store's own day_* tables) and the server's (escale.NAME, the same
 * columns after site_id and kiosk_id). Push reads the kiosk's rows and
 * upserts them; the server report sums the server's rows back into a
 * store of the kiosk's schema, so the one report code reads both. */
typedef struct
{
  const char *name;    /* escale.NAME on the server */
  const char *keys;    /* key columns after (site_id, kiosk_id) */
  const char *values;  /* the other columns, replaced on conflict */
  const char *push;    /* the kiosk's rows: ?1..?2 days, ?3 hour threshold; NULL: generic */
  const char *load;    /* the server's rows summed: NULL: generic */
  const char *into;    /* where the loaded rows go on the kiosk side: NULL: NAME (keys, values) */
  const char *combine; /* how the server combines a column of kiosks: "sum" or "min" */
  const char *range;   /* "day", "month", or NULL: a push replaces the rows from its first
                        * day on (the whole kiosk's rows for NULL) */
} EscaleFleetTable;

const EscaleFleetTable *escale_fleet_tables (guint *n_tables);
guint escale_fleet_table_n_columns (const EscaleFleetTable *table);
char *escale_fleet_table_push_sql (const EscaleFleetTable *table);
char *escale_fleet_table_delete_sql (const EscaleFleetTable *table);
char *escale_fleet_table_upsert_sql (const EscaleFleetTable *table, const char *temp_name);
char *escale_fleet_table_load_sql (const EscaleFleetTable *table);
char *escale_fleet_table_insert_sql (const EscaleFleetTable *table, guint n_columns);

G_END_DECLS
