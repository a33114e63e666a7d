/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-fleet"

#include "escale-fleet-report.h"
#include "escale-fleet-territory.h"

/* A staff screen waits at most this long for a server that does not
 * answer, unless the connection string says otherwise. */
#define CONNECT_TIMEOUT_S 5

typedef struct
{
  char *conninfo;
  char *site;
  char *from;
  char *to;
} ReadJob;

typedef struct
{
  EscaleStatsReport *report;
  EscaleStatsStore *store;
  GPtrArray *sites;
} ReadResult;

static void
read_job_free (gpointer data)
{
  ReadJob *job = data;

  g_free (job->conninfo);
  g_free (job->site);
  g_free (job->from);
  g_free (job->to);
  g_free (job);
}

static void
read_result_free (gpointer data)
{
  ReadResult *result = data;

  g_clear_object (&result->report);
  g_clear_object (&result->store);
  g_clear_pointer (&result->sites, g_ptr_array_unref);
  g_free (result);
}

static void
read_thread_cb (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  ReadJob *job = task_data;
  g_autoptr(EscaleFleetServer) server = NULL;
  g_autoptr(GPtrArray) sites = NULL;
  GError *error = NULL;
  ReadResult *result;

  if ((server = escale_fleet_server_connect_full (job->conninfo, CONNECT_TIMEOUT_S, &error)) ==
        NULL ||
      (sites = escale_fleet_list_sites (server, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  result = g_new0 (ReadResult, 1);
  result->sites = g_steal_pointer (&sites);
  result->report =
    escale_fleet_report_new (server, job->site, NULL, job->from, job->to, &result->store, &error);
  if (result->report == NULL)
    {
      read_result_free (result);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, result, read_result_free);
}

/* The figures of @from_day..@to_day of @site (NULL: every site) from the
 * server @conninfo names (a reading role), and the territory's sites. */
void
escale_fleet_territory_read_async (const char *conninfo, const char *site, const char *from_day,
                                   const char *to_day, GCancellable *cancellable,
                                   GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ReadJob *job = g_new0 (ReadJob, 1);

  g_task_set_source_tag (task, escale_fleet_territory_read_async);
  job->conninfo = g_strdup (conninfo);
  job->site = g_strdup (site);
  job->from = g_strdup (from_day);
  job->to = g_strdup (to_day);
  g_task_set_task_data (task, job, read_job_free);
  g_task_run_in_thread (task, read_thread_cb);
}

/* The report, or NULL and @error; *@store the store in memory it was
 * read from and *@sites the territory's sites (EscaleFleetSite). */
EscaleStatsReport *
escale_fleet_territory_read_finish (GAsyncResult *result, EscaleStatsStore **store,
                                    GPtrArray **sites, GError **error)
{
  ReadResult *read = g_task_propagate_pointer (G_TASK (result), error);
  EscaleStatsReport *report;

  if (read == NULL)
    return NULL;
  report = g_steal_pointer (&read->report);
  *store = g_steal_pointer (&read->store);
  *sites = g_steal_pointer (&read->sites);
  read_result_free (read);
  return report;
}
