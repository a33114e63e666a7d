/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-fleet"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "escale-fleet-push.h"
#include "escale-fleet-tables.h"

/* A day stays open for two days: a visit begun before midnight is written
 * when it ends, and the kiosk's clock may be set back a little. */
#define OPEN_DAYS 2

char *
escale_fleet_meta_get (EscaleStatsStore *store, const char *key)
{
  g_autoptr(EscaleSqliteStatement) stmt =
               escale_stats_store_prepare (store, "SELECT value FROM meta WHERE key = ?1", NULL);

  if (stmt == NULL)
    return NULL;
  escale_sqlite_statement_bind_text (stmt, 1, key);
  if (!escale_sqlite_statement_step (stmt, NULL))
    return NULL;
  return g_strdup (escale_sqlite_statement_get_text (stmt, 0));
}

gboolean
escale_fleet_meta_set (EscaleStatsStore *store, const char *key, const char *value, GError **error)
{
  g_autoptr(EscaleSqliteStatement) stmt =
      escale_stats_store_prepare (store,
                                  "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)",
                                  error);

  if (stmt == NULL)
    return FALSE;
  escale_sqlite_statement_bind_text (stmt, 1, key);
  escale_sqlite_statement_bind_text (stmt, 2, value);
  return escale_sqlite_statement_step_done (stmt, error);
}

/* One push: where from, where to, what. */
typedef struct
{
  EscaleFleetServer *server;
  EscaleStatsStore *reader; /* the kiosk's store, in a read transaction */
  const char *site;
  const char *kiosk;
  const char *from_day;  /* the first day sent: the server's later rows are replaced */
  const char *fleet_day; /* the first day of the kiosk's first push (meta) */
  int threshold;         /* hour-of-start cells under it stay on the kiosk */
  EscaleFleetPushResult *result;
} Push;

/* The kiosk's rows of @table from the push's first day on, as COPY text
 * rows prefixed with the site and kiosk. */
static gboolean
read_rows (Push *push, const EscaleFleetTable *table, GString *data, guint *n_rows, GError **error)
{
  g_autofree char *sql = escale_fleet_table_push_sql (table);
  g_autoptr(EscaleSqliteStatement) stmt = escale_stats_store_prepare (push->reader, sql, error);
  g_autoptr(GError) local_error = NULL;
  guint n_columns = escale_fleet_table_n_columns (table);
  int n_params;

  if (stmt == NULL)
    return FALSE;
  n_params = escale_sqlite_statement_get_n_params (stmt);
  if (n_params >= 1)
    escale_sqlite_statement_bind_text (stmt, 1, push->from_day);
  if (n_params >= 2)
    escale_sqlite_statement_bind_text (stmt, 2, "9999-12-31");
  if (n_params >= 3)
    escale_sqlite_statement_bind_int (stmt, 3, push->threshold);
  if (n_params >= 4)
    escale_sqlite_statement_bind_text (stmt, 4, push->fleet_day);
  while (escale_sqlite_statement_step (stmt, &local_error))
    {
      escale_fleet_copy_append_field (data, push->site);
      g_string_append_c (data, '\t');
      escale_fleet_copy_append_field (data, push->kiosk);
      for (guint i = 0; i < n_columns; i++)
        {
          g_string_append_c (data, '\t');
          escale_fleet_copy_append_field (data, escale_sqlite_statement_is_null (stmt, i)
                                                  ? NULL
                                                  : escale_sqlite_statement_get_text (stmt, i));
        }
      g_string_append_c (data, '\n');
      (*n_rows)++;
    }
  if (local_error != NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _ ("lecture des statistiques du poste : "));
      return FALSE;
    }
  return TRUE;
}

/* One table: the kiosk's rows into a temporary table by COPY, then
 * upserted into escale.NAME (row-level security checks each one). */
static gboolean
push_table (Push *push, const EscaleFleetTable *table, GError **error)
{
  EscaleFleetServer *server = push->server;
  g_autoptr(GString) data = g_string_new (NULL);
  g_autofree char *temp = g_strconcat ("push_", table->name, NULL);
  g_autofree char *remove = escale_fleet_table_delete_sql (table);
  const char *params[] = { push->site, push->kiosk, push->from_day };
  g_autoptr(PGresult) removed = NULL;
  g_autofree char *create = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *upsert = NULL;
  guint n_rows = 0;

  if (!read_rows (push, table, data, &n_rows, error) ||
      (removed = escale_fleet_server_query (server, remove, 3, params, error)) == NULL)
    return FALSE;
  if (g_str_equal (table->name, "day_totals"))
    push->result->days = n_rows;
  push->result->rows += n_rows;
  if (n_rows == 0)
    return TRUE;
  create =
    g_strdup_printf ("CREATE TEMP TABLE %s (LIKE escale.%s) ON COMMIT DROP", temp, table->name);
  copy = g_strdup_printf ("COPY %s (site_id, kiosk_id, %s, %s) FROM STDIN", temp, table->keys,
                          table->values);
  upsert = escale_fleet_table_upsert_sql (table, temp);
  return escale_fleet_server_exec (server, create, error) &&
         escale_fleet_server_copy (server, copy, data, error) &&
         escale_fleet_server_exec (server, upsert, error);
}

static char *
day_before (const char *day, int n)
{
  g_autofree char *iso = g_strconcat (day, "T12:00:00Z", NULL);
  g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (iso, NULL);
  g_autoptr(GDateTime) moved = parsed ? g_date_time_add_days (parsed, -n) : NULL;

  return moved ? g_date_time_format (moved, "%Y-%m-%d") : g_strdup ("0000-01-01");
}

/* The first day the kiosk still holds as days (older months may be
 * folded by retention: the server keeps what it had of them), @today if
 * none: a push of every day replaces those days and nothing older. */
static char *
first_day (EscaleStatsStore *reader, const char *today, GError **error)
{
  g_autoptr(EscaleSqliteStatement) stmt =
               escale_stats_store_prepare (reader, "SELECT min (day) FROM day_totals", error);

  if (stmt == NULL || !escale_sqlite_statement_step_row (stmt, error))
    return NULL;
  if (escale_sqlite_statement_is_null (stmt, 0))
    return g_strdup (today);
  return g_strdup (escale_sqlite_statement_get_text (stmt, 0));
}

static gboolean
push_all (Push *push, const char *today, GError **error)
{
  const char *params[] = { push->site, push->kiosk, push->from_day, today };
  g_autoptr(PGresult) done = NULL;
  const EscaleFleetTable *tables;
  guint n_tables;

  tables = escale_fleet_tables (&n_tables);
  for (guint i = 0; i < n_tables; i++)
    if (!push_table (push, &tables[i], error))
      return FALSE;
  done = escale_fleet_server_query (
    push->server,
    "INSERT INTO escale.pushes (site_id, kiosk_id, pushed_at, first_day, last_day)"
    " VALUES ($1, $2, now (), $3::date, $4::date)"
    " ON CONFLICT (site_id, kiosk_id) DO UPDATE SET pushed_at = excluded.pushed_at,"
    " first_day = excluded.first_day, last_day = excluded.last_day",
    4, params, error);
  return done != NULL;
}

/* Sends this kiosk's totals of the days not yet sent for good (every day
 * with @all) in one server transaction: pushing again, after a crash or
 * after a restore, replaces the same rows and never adds to them. The
 * store is read through its own snapshot (a reader: the kiosk keeps
 * writing visits meanwhile); then the last day that will not change any
 * more is noted in its meta table, which retention respects. */
gboolean
escale_fleet_push (EscaleFleetServer *server, EscaleStatsStore *store, const char *site,
                   const char *kiosk, int hour_threshold, const char *today, gboolean all,
                   EscaleFleetPushResult *result, GError **error)
{
  g_autoptr(EscaleStatsStore) reader = NULL;
  g_autofree char *stored = escale_fleet_meta_get (store, ESCALE_FLEET_META_THROUGH);
  const char *through = all ? NULL : stored;
  g_autofree char *from_day = NULL;
  g_autofree char *new_through = day_before (today, OPEN_DAYS);
  g_autofree char *fleet_day = escale_fleet_meta_get (store, ESCALE_FLEET_META_FIRST_DAY);
  Push push = { server, NULL, site, kiosk, NULL, NULL, hour_threshold, result };
  gboolean ok;

  memset (result, 0, sizeof *result);
  reader = escale_stats_store_new_reader (escale_stats_store_get_path (store));
  if (!escale_stats_store_open (reader, error) ||
      !escale_stats_store_exec (reader, "BEGIN", error))
    return FALSE;
  if (through != NULL && *through != '\0')
    from_day = day_before (through, -1);
  else if ((from_day = first_day (reader, today, error)) == NULL)
    return FALSE;
  g_strlcpy (result->from, from_day, sizeof result->from);
  /* The first push: months folded before it go as months, later ones
   * are on the server as days. */
  if (fleet_day == NULL)
    fleet_day = g_strdup (from_day);
  push.reader = reader;
  push.from_day = from_day;
  push.fleet_day = fleet_day;

  if (!escale_fleet_server_exec (server, "BEGIN", error))
    return FALSE;
  ok = push_all (&push, today, error);
  escale_stats_store_exec (reader, "COMMIT", NULL);
  if (!ok)
    {
      escale_fleet_server_exec (server, "ROLLBACK", NULL);
      return FALSE;
    }
  if (!escale_fleet_server_exec (server, "COMMIT", error))
    return FALSE;
  if (!escale_fleet_meta_set (store, ESCALE_FLEET_META_FIRST_DAY, fleet_day, error))
    return FALSE;
  /* Never backwards: a clock set back must not re-open days. */
  if (stored != NULL && strcmp (stored, new_through) > 0)
    return TRUE;
  return escale_fleet_meta_set (store, ESCALE_FLEET_META_THROUGH, new_through, error);
}
