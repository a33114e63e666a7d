/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-fleet"

#include "escale-fleet-report.h"
#include "escale-fleet-tables.h"

/* The server's figures are read by the kiosk's own report code: the
 * period's rows, kiosks summed per key, go into a private in-memory store
 * of the kiosk's schema, which escale_stats_report_new () then reads like
 * any kiosk's. One set of definitions for the kiosk and the territory. */

static gboolean
load_table (EscaleFleetServer *server, EscaleStatsStore *store, const EscaleFleetTable *table,
            const char *const *params, GError **error)
{
  g_autofree char *load = escale_fleet_table_load_sql (table);
  g_autoptr(PGresult) rows = escale_fleet_server_query (server, load, 4, params, error);
  g_autofree char *insert = NULL;
  g_autoptr(EscaleSqliteStatement) stmt = NULL;
  int n_columns;

  if (rows == NULL)
    return FALSE;
  n_columns = PQnfields (rows);
  insert = escale_fleet_table_insert_sql (table, n_columns);
  if ((stmt = escale_stats_store_prepare (store, insert, error)) == NULL)
    return FALSE;
  for (int r = 0; r < PQntuples (rows); r++)
    {
      escale_sqlite_statement_reset (stmt);
      for (int c = 0; c < n_columns; c++)
        escale_sqlite_statement_bind_text (stmt, c + 1,
                                           PQgetisnull (rows, r, c) ? NULL
                                                                    : PQgetvalue (rows, r, c));
      if (!escale_sqlite_statement_step_done (stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* A store in memory holding the server's totals of @from_day..@to_day for
 * @site (every site if NULL) and @kiosk (every kiosk if NULL). */
EscaleStatsStore *
escale_fleet_load_store (EscaleFleetServer *server, const char *site, const char *kiosk,
                         const char *from_day, const char *to_day, GError **error)
{
  g_autoptr(EscaleStatsStore) store = escale_stats_store_new (":memory:");
  const char *const params[] = { from_day, to_day, site, kiosk };
  const EscaleFleetTable *tables;
  guint n_tables;

  if (!escale_stats_store_open (store, error) || !escale_stats_store_begin (store, error))
    return NULL;
  tables = escale_fleet_tables (&n_tables);
  for (guint i = 0; i < n_tables; i++)
    if (!load_table (server, store, &tables[i], params, error))
      {
        escale_stats_store_rollback (store);
        return NULL;
      }
  if (!escale_stats_store_commit (store, error))
    return NULL;
  return g_steal_pointer (&store);
}
