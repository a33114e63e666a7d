/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <glib/gstdio.h>

#include "escale-fleet-push.h"
#include "escale-fleet-report.h"
#include "escale-fleet-server.h"
#include "escale-stats-report.h"
#include "escale-stats-store.h"
#include "fleet-dataset.h"
#include "fleet-lab.h"

/* A territory on one PostgreSQL 15 (tests/fleet-lab.c, fsync on): N
 * kiosks on 16 sites, YEARS of generated visits each (a few distinct
 * stores, copied: each kiosk pushes under its own role and id), then the
 * time of each kiosk's first full push, of a daily push, of the
 * territory's and a site's yearly report, and the database's size.
 *   bench-fleet [KIOSKS=50] [YEARS=5] [DISTINCT=5] [MAX_VISITS_PER_DAY=8]
 * Prints Markdown rows for bench/RESULTS.md. */

#define N_SITES 16

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return da < db ? -1 : da > db;
}

/* "median / slowest" of @times, in ms. */
static char *
summary_of (GArray *times)
{
  g_array_sort (times, compare_double);
  return g_strdup_printf ("%.0f / %.0f ms", g_array_index (times, double, times->len / 2),
                          g_array_index (times, double, times->len - 1));
}

static EscaleFleetServer *
connect_as (FleetLab *lab, const char *user)
{
  g_autofree char *conninfo = fleet_lab_conninfo (lab, user);
  g_autoptr(GError) error = NULL;
  EscaleFleetServer *server = escale_fleet_server_connect (conninfo, &error);

  g_assert_no_error (error);
  return server;
}

/* Connects as kiosk @i's role and pushes its store; the time of both. */
static double
push_kiosk (FleetLab *lab, guint i, const char *db, const char *today, guint64 *rows)
{
  g_autofree char *role = g_strdup_printf ("k%02u", i);
  g_autofree char *site = g_strdup_printf ("s%02u", i % N_SITES);
  g_autofree char *kiosk = g_strdup_printf ("poste-%02u", i);
  g_autoptr(EscaleStatsStore) store = escale_stats_store_new (db);
  g_autoptr(GError) error = NULL;
  EscaleFleetPushResult result;
  gint64 start;

  g_assert_true (escale_stats_store_open (store, NULL));
  start = g_get_monotonic_time ();
  {
    g_autoptr(EscaleFleetServer) server = connect_as (lab, role);

    escale_fleet_push (server, store, site, kiosk, 5, today, FALSE, &result, &error);
  }
  g_assert_no_error (error);
  if (rows != NULL)
    *rows += result.rows;
  return ms_since (start);
}

/* The report of @from..@to for @site (NULL: every site), as
 * escale-stats summary --server computes it. */
static double
time_report (FleetLab *lab, const char *site, const char *from, const char *to, guint *visits)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(EscaleFleetServer) server = connect_as (lab, "postgres");
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleStatsStore)
               store = escale_fleet_load_store (server, site, NULL, from, to, &error);
  g_autoptr(EscaleStatsReport) report = NULL;

  g_assert_no_error (error);
  report = escale_stats_report_new (store, from, to, &error);
  g_assert_no_error (error);
  *visits = escale_stats_report_get_sessions (report);
  return ms_since (start);
}

static void
report_rows (FleetLab *lab, const char *label, const char *site, const char *from, const char *to)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *summary = NULL;
  guint visits = 0;

  for (guint run = 0; run < 5; run++)
    {
      double ms = time_report (lab, site, from, to, &visits);

      g_array_append_val (times, ms);
    }
  summary = summary_of (times);
  printf ("| %s (%s to %s, %u visits), 5 runs: median / slowest | %s |\n", label, from, to, visits,
          summary);
}

static void
quiet_cb (const char *domain, GLogLevelFlags level, const char *message, gpointer data)
{
}

/* 16 sites, and one kiosk role per kiosk mapped to one of them. */
static void
add_sites_and_roles (FleetLab *lab, guint n_kiosks)
{
  for (guint s = 0; s < N_SITES; s++)
    {
      g_autofree char *sql =
        g_strdup_printf ("INSERT INTO escale.sites VALUES ('s%02u', 'Site %u')", s, s);

      fleet_lab_exec (lab, sql);
    }
  for (guint i = 0; i < n_kiosks; i++)
    {
      g_autofree char *sql =
        g_strdup_printf ("CREATE ROLE k%02u LOGIN IN ROLE escale_kiosk;"
                         " INSERT INTO escale.site_roles VALUES ('k%02u', 's%02u', 'poste-%02u')",
                         i, i, i % N_SITES, i);

      fleet_lab_exec (lab, sql);
    }
}

/* A few distinct kiosks' years, through the kiosk's own API; the visits
 * of one. */
static gint64
generate_models (FleetLab *lab, guint distinct, const char *first_day, guint n_days, guint per_day)
{
  gint64 start = g_get_monotonic_time ();
  gint64 visits = 0;

  for (guint d = 0; d < distinct; d++)
    {
      g_autofree char *path = g_strdup_printf ("%s/model-%u.db", fleet_lab_get_dir (lab), d);
      g_autoptr(EscaleStatsStore) store = escale_stats_store_new (path);

      fleet_dataset_fill (store, 100 + d, first_day, n_days, per_day);
      visits += escale_stats_store_count_sessions (store, NULL);
    }
  fprintf (stderr, "generated %u stores, %" G_GINT64_FORMAT " visits, in %.1f s\n", distinct,
           visits, ms_since (start) / 1000);
  return visits / distinct;
}

/* Each kiosk: its copy of a model, then its first push (every day). */
static GArray *
first_pushes (FleetLab *lab, guint n_kiosks, guint distinct, const char *today, guint64 *rows)
{
  GArray *times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < n_kiosks; i++)
    {
      g_autofree char *model =
        g_strdup_printf ("%s/model-%u.db", fleet_lab_get_dir (lab), i % distinct);
      g_autofree char *path = g_strdup_printf ("%s/kiosk-%02u.db", fleet_lab_get_dir (lab), i);
      g_autofree char *contents = NULL;
      gsize length;
      double ms;

      g_assert_true (g_file_get_contents (model, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (path, contents, length, NULL));
      ms = push_kiosk (lab, i, path, today, rows);
      g_array_append_val (times, ms);
    }
  return times;
}

/* A day's visits on up to 20 kiosks, then their hourly push. */
static GArray *
daily_pushes (FleetLab *lab, guint n_kiosks, guint per_day, GDateTime *now, const char *today)
{
  GArray *times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < MIN (n_kiosks, 20); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/kiosk-%02u.db", fleet_lab_get_dir (lab), i);
      g_autoptr(GRand) rand = g_rand_new_with_seed (i);
      double ms;

      {
        g_autoptr(EscaleStatsStore) store = escale_stats_store_new (path);

        for (guint v = 0; v < per_day; v++)
          fleet_dataset_visit (store, rand, now);
      }
      ms = push_kiosk (lab, i, path, today, NULL);
      g_array_append_val (times, ms);
    }
  return times;
}

static void
print_size (FleetLab *lab)
{
  g_autofree char *size =
    fleet_lab_query_text (lab, "SELECT pg_size_pretty (pg_database_size ('escale'))");
  g_autofree char *day_rows =
    fleet_lab_query_text (lab, "SELECT count (*) FROM escale.day_totals");
  g_autofree char *tables = fleet_lab_query_text (
    lab, "SELECT string_agg (relname || ' ' || pg_size_pretty (pg_total_relation_size (oid)),"
         " ', ' ORDER BY pg_total_relation_size (oid) DESC) FROM pg_class"
         " WHERE relnamespace = 'escale'::regnamespace AND relkind = 'r'");

  printf ("| server database size (day_totals: %s rows) | %s |\n", day_rows, size);
  printf ("| the tables with their indexes | %s |\n", tables);
}

int
main (int argc, char *argv[])
{
  guint n_kiosks = argc > 1 ? atoi (argv[1]) : 50;
  guint years = argc > 2 ? atoi (argv[2]) : 5;
  guint distinct = argc > 3 ? atoi (argv[3]) : 5;
  guint per_day = argc > 4 ? atoi (argv[4]) : 8;
  g_autoptr(FleetLab) lab = fleet_lab_new_full (TRUE);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) first = g_date_time_add_years (now, -(int) years);
  g_autoptr(GDateTime) year_ago = g_date_time_add_days (now, -364);
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *first_day = g_date_time_format (first, "%Y-%m-%d");
  g_autofree char *year_from = g_date_time_format (year_ago, "%Y-%m-%d");
  g_autoptr(GArray) first_push = NULL;
  g_autoptr(GArray) daily_push = NULL;
  g_autofree char *first_summary = NULL;
  g_autofree char *daily_summary = NULL;
  guint n_days = g_date_time_difference (now, first) / G_TIME_SPAN_DAY;
  guint64 rows = 0;
  gint64 visits;

  /* The store's migration notes, once per in-memory report store. */
  g_log_set_handler ("escale-stats", G_LOG_LEVEL_MESSAGE, quiet_cb, NULL);
  add_sites_and_roles (lab, n_kiosks);
  visits = generate_models (lab, distinct, first_day, n_days, per_day);
  first_push = first_pushes (lab, n_kiosks, distinct, today, &rows);
  daily_push = daily_pushes (lab, n_kiosks, per_day, now, today);
  fleet_lab_exec (lab, "VACUUM ANALYZE");

  first_summary = summary_of (first_push);
  daily_summary = summary_of (daily_push);
  printf ("| %u kiosks on %d sites, %u years (%s to %s), about %" G_GINT64_FORMAT
          " visits a kiosk (%u distinct stores) | |\n",
          n_kiosks, N_SITES, years, first_day, today, visits, distinct);
  printf ("| first full push of one kiosk (connect included): median / slowest | %s |\n",
          first_summary);
  printf ("| rows sent by all first pushes | %" G_GUINT64_FORMAT " |\n", rows);
  printf ("| daily push (%u new visits, connect included), %u kiosks: median / slowest | %s |\n",
          per_day, daily_push->len, daily_summary);
  report_rows (lab, "territory yearly report", NULL, year_from, today);
  report_rows (lab, "one site's yearly report", "s01", year_from, today);
  report_rows (lab, "territory report of every year", NULL, first_day, today);
  print_size (lab);
  return 0;
}
