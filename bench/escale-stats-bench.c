/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE /* RUSAGE_THREAD */
#include <stdio.h>
#include <sys/resource.h>
#include <glib/gstdio.h>

#include "escale-fake-clock.h"
#include "escale-stats-export.h"
#include "escale-stats-report.h"
#include "escale-stats-store.h"

/* Times, on a filled store (bench/run-stats-bench.sh makes one): each
 * dashboard query of each period (through SQLite's own profile trace, so
 * the very statements EscaleStatsReport runs), the whole report, the full
 * CSV export of the visits, and the write of one visit as the kiosk does
 * it at the end of a visit (on the UI thread). Prints Markdown rows. */

typedef struct
{
  GPtrArray *names; /* short statement text */
  GArray *ms;
} Profile;

static void
profile_cb (const char *sql, double ms, gpointer data)
{
  Profile *profile = data;
  g_autofree char *flat = g_strndup (sql, 70);

  if (g_str_has_prefix (sql, "PRAGMA"))
    return;
  g_strdelimit (flat, "\n|", ' ');
  g_ptr_array_add (profile->names, g_steal_pointer (&flat));
  g_array_append_val (profile->ms, ms);
}

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return da < db ? -1 : da > db;
}

static const char *const periods[] = { "week", "month", "quarter", "year", "all (5 years)" };

/* The store at @path, opened as the kiosk opens it, or NULL. */
static EscaleStatsStore *
open_store (const char *path, GError **error)
{
  g_autoptr(EscaleStatsStore) store = escale_stats_store_new (path);

  if (!escale_stats_store_open (store, error))
    return NULL;
  return g_steal_pointer (&store);
}

/* 15:00 on @day (YYYY-MM-DD), local time: "now" for the periods. */
static GDateTime *
afternoon_of (const char *day)
{
  g_autofree char *iso = g_strconcat (day, "T15:00:00", NULL);

  return g_date_time_new_from_iso8601 (iso, g_time_zone_new_local ());
}

/* The first and last day of period @p (an index in periods) as of @now. */
static void
period_range (guint p, GDateTime *now, char **from, char **to)
{
  if (p < 4)
    escale_stats_period_range (p, now, from, to);
  else
    {
      *from = g_strdup ("2000-01-01");
      *to = g_strdup ("9999-12-31");
    }
}

/* The rows of one period: for the whole store, every counter; then each
 * statement the report ran, and the report's own time. */
static void
print_report_rows (guint p, EscaleStatsReport *report, Profile *profile, double total)
{
  for (guint i = 0; p == 4 && i < escale_stats_report_get_counters (report)->len; i++)
    {
      EscaleStatsCounter *counter = escale_stats_report_get_counters (report)->pdata[i];

      printf ("| %s | counter %s/%s: %" G_GUINT64_FORMAT " in %u visits | |\n", periods[p],
              counter->kind, counter->counter, counter->value, counter->visits);
    }
  for (guint i = 0; i < profile->ms->len; i++)
    printf ("| %s (%u visits) | `%s…` | %.1f |\n", periods[p],
            escale_stats_report_get_sessions (report), (char *) profile->names->pdata[i],
            g_array_index (profile->ms, double, i));
  printf ("| %s | **whole report** | **%.1f** |\n", periods[p], total);
}

/* Times the dashboard's report of period @p, page cache warm, and prints
 * its rows. */
static gboolean
bench_report (EscaleStatsStore *store, GDateTime *now, guint p, Profile *profile, GError **error)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autoptr(EscaleStatsReport) report = NULL;
  gint64 t0;
  double total;

  period_range (p, now, &from, &to);
  /* Warm the page cache once, as a dashboard opened twice would. */
  g_clear_object (&report);
  report = escale_stats_report_new (store, from, to, NULL);
  g_ptr_array_set_size (profile->names, 0);
  g_array_set_size (profile->ms, 0);
  g_clear_object (&report);
  t0 = g_get_monotonic_time ();
  report = escale_stats_report_new (store, from, to, error);
  total = (g_get_monotonic_time () - t0) / 1000.0;
  if (report == NULL)
    return FALSE;
  print_report_rows (p, report, profile, total);
  return TRUE;
}

/* The table of every dashboard statement of every period. */
static gboolean
bench_reports (EscaleStatsStore *store, GDateTime *now, Profile *profile, GError **error)
{
  gboolean ok = TRUE;

  escale_stats_store_set_profiler (store, profile_cb, profile);
  printf ("| period | statement | ms |\n|---|---|---|\n");
  for (guint p = 0; ok && p < G_N_ELEMENTS (periods); p++)
    ok = bench_report (store, now, p, profile, error);
  escale_stats_store_set_profiler (store, NULL, NULL);
  return ok;
}

/* The full CSV export of the visits, next to the store at @db_path. */
static gboolean
bench_export (EscaleStatsStore *store, const char *db_path, GError **error)
{
  g_autofree char *path = g_strconcat (db_path, ".export.csv", NULL);
  GStatBuf st = { 0 };
  gint64 t0;
  double seconds;

  /* As the dashboard and escale-stats --output do it: streamed to the
   * file by 1 MiB blocks, then synced and renamed. */
  t0 = g_get_monotonic_time ();
  if (!escale_stats_export_sessions_csv_file (store, "2000-01-01", "9999-12-31", path, error))
    return FALSE;
  seconds = (g_get_monotonic_time () - t0) / 1e6;
  g_stat (path, &st);
  printf ("\nFull CSV export of the visits, streamed to the file and synced: %.2f s "
          "(%.0f MB)\n",
          seconds, st.st_size / 1e6);
  g_unlink (path);
  return TRUE;
}

/* Visit @i of the write benchmark, as a kiosk records one. */
static EscaleSessionRecord *
bench_visit (GDateTime *now, guint i)
{
  EscaleSessionRecord *record =
    escale_session_record_new (now, 1800 + i, ESCALE_END_FINISHED, i % 5 == 0);

  escale_session_record_add_activity (record, "visio", 900);
  escale_session_record_set_theme (record, "visio", "Échanger avec ses proches");
  escale_session_record_add_activity (record, "culture", 600);
  escale_session_record_set_theme (record, "culture", "Culture numérique");
  escale_session_record_add_count (record, "call", "started", 1);
  escale_session_record_add_count (record, "call", "connected", 1);
  escale_session_record_add_count (record, "call", "minutes", 12);
  record->satisfaction = ESCALE_SATISFACTION_YES;
  record->age_bracket = ESCALE_AGE_70_PLUS;
  return record;
}

/* The two lines of the write benchmark, from the @n sorted @times and
 * the sorted times of the writes not taken off the CPU. */
static void
print_write_times (GArray *times, GArray *unpreempted, guint n, guint n_preempted)
{
  double slowest_unpreempted;

  slowest_unpreempted =
    unpreempted->len ? g_array_index (unpreempted, double, unpreempted->len - 1) : 0;
  printf ("\nOne visit written (1 session row + 2 activity rows + 3 counter rows, one "
          "transaction, WAL, "
          "synchronous=FULL, checkpoint between visits), %u writes: p50 %.3f ms, p99 %.3f ms, "
          "max %.3f ms\n",
          n, g_array_index (times, double, n / 2), g_array_index (times, double, n * 99 / 100),
          g_array_index (times, double, n - 1));
  printf ("  of which %u taken off the CPU by the scheduler; the %u others: p99 %.3f ms, "
          "max %.3f ms\n",
          n_preempted, unpreempted->len,
          unpreempted->len ? g_array_index (unpreempted, double, unpreempted->len * 99 / 100) : 0,
          slowest_unpreempted);
}

/* 1000 end-of-visit writes, each timed on its own. */
static gboolean
bench_visit_writes (EscaleStatsStore *store, GDateTime *now, GError **error)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) unpreempted = g_array_new (FALSE, FALSE, sizeof (double));
  const guint n = 1000;
  guint n_preempted = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EscaleSessionRecord) record = bench_visit (now, i);
      struct rusage before, after;
      gint64 t0;
      double ms;

      /* The kiosk checkpoints while idle, between visits (not timed). */
      if (i % 20 == 0)
        escale_stats_store_checkpoint (store);
      getrusage (RUSAGE_THREAD, &before);
      t0 = g_get_monotonic_time ();
      if (!escale_stats_store_add_session (store, record, error))
        return FALSE;
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      getrusage (RUSAGE_THREAD, &after);
      g_array_append_val (times, ms);
      /* On a shared machine (load above the number of cores) a write is
       * sometimes taken off the CPU for a scheduler tick (~4 ms): the
       * kernel counts that as an involuntary context switch. */
      if (after.ru_nivcsw != before.ru_nivcsw)
        n_preempted++;
      else
        g_array_append_val (unpreempted, ms);
    }
  g_array_sort (times, compare_double);
  g_array_sort (unpreempted, compare_double);
  print_write_times (times, unpreempted, n, n_preempted);
  return TRUE;
}

int
main (int argc, char *argv[])
{
  g_autoptr(EscaleStatsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  Profile profile = { g_ptr_array_new_with_free_func (g_free),
                      g_array_new (FALSE, FALSE, sizeof (double)) };

  if (argc != 3)
    {
      g_printerr ("usage: escale-stats-bench STORE.db TODAY(YYYY-MM-DD)\n");
      return 2;
    }
  store = open_store (argv[1], &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  now = afternoon_of (argv[2]);
  printf ("Store: %" G_GINT64_FORMAT " visits\n\n",
          escale_stats_store_count_sessions (store, NULL));

  if (!bench_reports (store, now, &profile, &error) || !bench_export (store, argv[1], &error) ||
      !bench_visit_writes (store, now, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_ptr_array_unref (profile.names);
  g_array_unref (profile.ms);
  return 0;
}
