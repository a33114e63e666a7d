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

void
escale_fleet_site_free (EscaleFleetSite *site)
{
  if (site == NULL)
    return;
  g_free (site->id);
  g_free (site->name);
  g_free (site);
}

/* The territory's sites, by name (escale.sites: the reading role only). */
GPtrArray *
escale_fleet_list_sites (EscaleFleetServer *server, GError **error)
{
  g_autoptr(PGresult) rows =
      escale_fleet_server_query (server,
                                 "SELECT site_id, name FROM escale.sites ORDER BY name, site_id",
                                 0, NULL, error);
  GPtrArray *sites;

  if (rows == NULL)
    return NULL;
  sites = g_ptr_array_new_with_free_func ((GDestroyNotify) escale_fleet_site_free);
  for (int r = 0; r < PQntuples (rows); r++)
    {
      EscaleFleetSite *site = g_new0 (EscaleFleetSite, 1);

      site->id = g_strdup (PQgetvalue (rows, r, 0));
      site->name = g_strdup (PQgetvalue (rows, r, 1));
      g_ptr_array_add (sites, site);
    }
  return sites;
}

/* The report of @from_day..@to_day for @site and @kiosk (NULL: all), read
 * by the kiosk's report code; *@store (if not NULL) receives the store in
 * memory it was read from (the workbook takes the activities' titles
 * there). */
EscaleStatsReport *
escale_fleet_report_new (EscaleFleetServer *server, const char *site, const char *kiosk,
                         const char *from_day, const char *to_day, EscaleStatsStore **store,
                         GError **error)
{
  g_autoptr(EscaleStatsStore)
               loaded = escale_fleet_load_store (server, site, kiosk, from_day, to_day, error);
  EscaleStatsReport *report;

  if (loaded == NULL ||
      (report = escale_stats_report_new (loaded, from_day, to_day, error)) == NULL)
    return NULL;
  if (store != NULL)
    *store = g_steal_pointer (&loaded);
  return report;
}
