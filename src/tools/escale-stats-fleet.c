/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-stats-cli"

#include <stdio.h>
#include <glib/gi18n.h>

#include "escale-config.h"
#include "escale-fleet-push.h"
#include "escale-fleet-report.h"
#include "escale-fleet-settings.h"
#include "escale-stats-pdf.h"
#include "escale-stats-fleet.h"

/* Back-off after failed pushes: the timer runs hourly; after N failures in
 * a row the next try waits 2^(N-1) hours, at most 8. --now ignores it. */
#define MAX_BACKOFF_HOURS 8

static gint64
meta_int (EscaleStatsStore *store, const char *key)
{
  g_autofree char *value = escale_fleet_meta_get (store, key);

  return value ? g_ascii_strtoll (value, NULL, 10) : 0;
}

static char *
now_text (GDateTime *now)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (now);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

/* TRUE when the last failures ask to wait before trying again. */
static gboolean
backing_off (EscaleStatsStore *store, GDateTime *now)
{
  gint64 failures = meta_int (store, ESCALE_FLEET_META_FAILURES);
  g_autofree char *attempt = escale_fleet_meta_get (store, ESCALE_FLEET_META_ATTEMPT);
  g_autoptr(GDateTime) last = attempt ? g_date_time_new_from_iso8601 (attempt, NULL) : NULL;
  gint64 wait_hours;

  if (failures <= 0 || last == NULL)
    return FALSE;
  wait_hours = MIN ((gint64) 1 << MIN (failures - 1, 8), MAX_BACKOFF_HOURS);
  /* A few minutes early is fine: timers drift. */
  return g_date_time_difference (now, last) <
         wait_hours * G_TIME_SPAN_HOUR - 5 * G_TIME_SPAN_MINUTE;
}

/* Notes a failure (for the back-off and the staff warning) and says it. */
static int
push_failed (EscaleStatsStore *store, GDateTime *now, const char *message)
{
  g_autofree char *when = now_text (now);
  g_autofree char *failures =
    g_strdup_printf ("%" G_GINT64_FORMAT, meta_int (store, ESCALE_FLEET_META_FAILURES) + 1);

  if (meta_int (store, ESCALE_FLEET_META_FAILURES) == 0)
    escale_fleet_meta_set (store, ESCALE_FLEET_META_FAILING_SINCE, when, NULL);
  escale_fleet_meta_set (store, ESCALE_FLEET_META_ATTEMPT, when, NULL);
  escale_fleet_meta_set (store, ESCALE_FLEET_META_FAILURES, failures, NULL);
  escale_fleet_meta_set (store, ESCALE_FLEET_META_ERROR, message, NULL);
  g_printerr ("escale-stats push : %s\n", message);
  return EXIT_FAILURE;
}

static int
push_to (EscaleStatsStore *store, const EscaleFleetSettings *settings, gboolean all,
         GDateTime *now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleFleetServer) server = NULL;
  g_autofree char *conninfo = NULL;
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *when = now_text (now);
  g_autofree char *rows = NULL;
  EscaleFleetPushResult result;

  if ((conninfo = escale_fleet_settings_read_connection (settings, &error)) == NULL ||
      (server = escale_fleet_server_connect (conninfo, &error)) == NULL ||
      !escale_fleet_push (server, store, settings->site, settings->kiosk, settings->hour_threshold,
                          today, all, &result, &error))
    return push_failed (store, now, error->message);
  escale_fleet_meta_set (store, ESCALE_FLEET_META_SUCCESS, when, NULL);
  escale_fleet_meta_set (store, ESCALE_FLEET_META_ATTEMPT, when, NULL);
  escale_fleet_meta_set (store, ESCALE_FLEET_META_FAILURES, "0", NULL);
  escale_stats_store_exec (store,
                           "DELETE FROM meta WHERE key = '" ESCALE_FLEET_META_FAILING_SINCE "'",
                           NULL);
  rows = g_strdup_printf ("%" G_GUINT64_FORMAT, result.rows);
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Envoyé au serveur : %u jour de visites depuis le %s, %s lignes\n",
                        "Envoyé au serveur : %u jours de visites depuis le %s, %s lignes\n",
                        result.days),
           result.days, result.from, rows);
  return EXIT_SUCCESS;
}

/* The store: --db, else [Stats] path, else the kiosk account's default. */
static char *
store_path (const char *db_path, const char *config_dir)
{
  g_autoptr(EscaleConfig) config = NULL;

  if (db_path != NULL)
    return g_strdup (db_path);
  config = escale_config_load_main (config_dir);
  if (escale_config_get_stats_path (config) != NULL)
    return g_strdup (escale_config_get_stats_path (config));
  return escale_stats_store_default_path ();
}

/* escale-stats push: this kiosk's new days to the server of [Fleet] in
 * @config_dir/escale.ini. Nothing configured is not an error (the timer
 * runs on every kiosk); a configuration with problems is. */
int
escale_stats_cmd_push (const char *db_option, const char *config_dir, gboolean all, gboolean now)
{
  g_autofree char *db_path = store_path (db_option, config_dir);
  g_autoptr(GPtrArray) problems =
               g_ptr_array_new_with_free_func ((GDestroyNotify) escale_config_problem_free);
  g_autoptr(EscaleFleetSettings) settings = escale_fleet_settings_load_dir (config_dir, problems);
  g_autoptr(EscaleStatsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) clock = g_date_time_new_now_local ();
  g_autofree char *through = NULL;

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = escale_config_problem_to_string (problems->pdata[i]);

      g_printerr ("escale-stats push : %s\n", line);
    }
  if (settings->connection == NULL)
    {
      if (problems->len > 0)
        return EXIT_FAILURE;
      g_print ("%s\n", _ ("Aucun serveur configuré ([Fleet] connection=) : rien à envoyer."));
      return EXIT_SUCCESS;
    }
  if (!g_file_test (db_path, G_FILE_TEST_IS_REGULAR))
    {
      g_print (_ ("%s n'existe pas encore : rien à envoyer.\n"), db_path);
      return EXIT_SUCCESS;
    }
  store = escale_stats_store_new (db_path);
  if (!escale_stats_store_open (store, &error))
    {
      g_printerr ("escale-stats push : %s\n", error->message);
      return EXIT_FAILURE;
    }
  /* From now on retention keeps every day not sent yet. */
  through = escale_fleet_meta_get (store, ESCALE_FLEET_META_THROUGH);
  if (through == NULL && !escale_fleet_meta_set (store, ESCALE_FLEET_META_THROUGH, "", &error))
    {
      g_printerr ("escale-stats push : %s\n", error->message);
      return EXIT_FAILURE;
    }
  if (!now && backing_off (store, clock))
    {
      g_print ("%s\n", _ ("Le dernier envoi a échoué : le prochain essai attend encore un peu "
                          "(--now pour essayer tout de suite)."));
      return EXIT_SUCCESS;
    }
  return push_to (store, settings, all, clock);
}

/* The report of a period from a fleet server: the territory, one site, or
 * one kiosk; *@store receives the in-memory store it was read from (the
 * workbook reads activity titles there). */
EscaleStatsReport *
escale_stats_server_report (const char *server_uri, const char *site, const char *kiosk,
                            const char *from_day, const char *to_day, EscaleStatsStore **store,
                            GError **error)
{
  g_autoptr(EscaleFleetServer) server = escale_fleet_server_connect (server_uri, error);

  if (server == NULL)
    return NULL;
  return escale_fleet_report_new (server, site, kiosk, from_day, to_day, store, error);
}

/* The name a site's page goes under: escale.sites' name, else its id. */
static const char *
site_name (GPtrArray *sites, const char *id)
{
  for (guint i = 0; i < sites->len; i++)
    {
      EscaleFleetSite *site = sites->pdata[i];

      if (g_str_equal (site->id, id))
        return site->name;
    }
  return id;
}

/* escale-stats report --server: the PDF of the territory (first page,
 * under @title, "Tout le territoire" if NULL) then one page per site, in
 * the kiosk's report's shape; with @site or @kiosk, that one page only. */
gboolean
escale_stats_server_pdf (const char *server_uri, const char *site, const char *kiosk,
                         const char *from_day, const char *to_day, const char *title,
                         const char *path, GError **error)
{
  g_autoptr(EscaleFleetServer) server = escale_fleet_server_connect (server_uri, error);
  g_autoptr(GPtrArray) sites = NULL;
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  EscaleStatsReport *report;

  if (server == NULL || (sites = escale_fleet_list_sites (server, error)) == NULL ||
      (report = escale_fleet_report_new (server, site, kiosk, from_day, to_day, NULL, error)) ==
        NULL)
    return FALSE;
  g_ptr_array_add (reports, report);
  if (kiosk != NULL && site != NULL)
    /* TRANSLATORS: a site's name, then a kiosk's id */
    g_ptr_array_add (names, g_strdup_printf (_ ("%s, poste %s"), site_name (sites, site), kiosk));
  else if (kiosk != NULL)
    g_ptr_array_add (names, g_strdup_printf (_ ("Poste %s"), kiosk));
  else if (site != NULL)
    g_ptr_array_add (names, g_strdup (site_name (sites, site)));
  else
    {
      g_ptr_array_add (names, g_strdup (title ? title : _ ("Tout le territoire")));
      for (guint i = 0; i < sites->len; i++)
        {
          EscaleFleetSite *one = sites->pdata[i];

          if ((report = escale_fleet_report_new (server, one->id, NULL, from_day, to_day, NULL,
                                                 error)) == NULL)
            return FALSE;
          g_ptr_array_add (reports, report);
          g_ptr_array_add (names, g_strdup (one->name));
        }
    }
  return escale_stats_pdf_write_pages ((EscaleStatsReport **) reports->pdata,
                                       (const char *const *) names->pdata, reports->len,
                                       names->pdata[0], path, error);
}
