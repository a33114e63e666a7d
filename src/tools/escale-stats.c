/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-stats-cli"

#include <locale.h>
#include <stdio.h>
#include <termios.h>
#include <unistd.h>
#include <sys/stat.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "config.h"
#include "escale-pin.h"
#include "escale-scratch.h"
#include "escale-sqlite-statement.h"
#include "escale-stats-schema.h"
#include "escale-staff-codes.h"
#include "escale-config.h"
#include "escale-stats-export.h"
#include "escale-stats-check.h"
#include "escale-stats-fleet.h"
#include "escale-stats-pdf.h"
#include "escale-stats-report.h"
#include "escale-stats-store.h"

/* escale-stats: the staff's command line over the anonymous stats store.
 * Exit status 0 on success, 1 when the command failed, 2 for bad usage.
 * A command that fails leaves its input files as they were. */

#define EXIT_USAGE 2

static char *opt_db;
static char *opt_from;
static char *opt_to;
static char *opt_format;
static char *opt_output;
static char *opt_centre;
static char *opt_config;
static gboolean opt_sessions;
static gboolean opt_force;
static int opt_older_than = -1;
static char *opt_server;
static char *opt_site;
static char *opt_kiosk;
static gboolean opt_all;
static gboolean opt_now;

static const GOptionEntry global_entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, &opt_db,
    N_ ("Le fichier des statistiques (par défaut : ~/.local/share/escale/stats.db)"),
    N_ ("FICHIER") },
  { "from", 0, 0, G_OPTION_ARG_STRING, &opt_from, N_ ("Premier jour, AAAA-MM-JJ"), N_ ("DATE") },
  { "to", 0, 0, G_OPTION_ARG_STRING, &opt_to, N_ ("Dernier jour, AAAA-MM-JJ"), N_ ("DATE") },
  { "format", 0, 0, G_OPTION_ARG_STRING, &opt_format, N_ ("export : csv, json ou xlsx (avec -o)"),
    N_ ("FORMAT") },
  { "sessions", 0, 0, G_OPTION_ARG_NONE, &opt_sessions,
    N_ ("export : une ligne CSV par visite au lieu des chiffres de la période"), NULL },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output,
    N_ ("export : écrire dans FICHIER au lieu de la sortie standard"), N_ ("FICHIER") },
  { "force", 0, 0, G_OPTION_ARG_NONE, &opt_force,
    N_ ("export, report : remplacer FICHIER s'il existe déjà"), NULL },
  { "centre", 0, 0, G_OPTION_ARG_STRING, &opt_centre,
    N_ ("report : le nom du centre (par défaut : [Centre] name de la configuration)"),
    N_ ("NOM") },
  { "config", 0, 0, G_OPTION_ARG_FILENAME, &opt_config,
    N_ ("report : le dossier de configuration où lire le nom du centre"), N_ ("DOSSIER") },
  { "server", 0, 0, G_OPTION_ARG_STRING, &opt_server,
    N_ ("summary, export, report : les chiffres du serveur (chaîne de connexion PostgreSQL)"),
    N_ ("URI") },
  { "site", 0, 0, G_OPTION_ARG_STRING, &opt_site, N_ ("--server : un seul site"), N_ ("ID") },
  { "kiosk", 0, 0, G_OPTION_ARG_STRING, &opt_kiosk, N_ ("--server : un seul poste"), N_ ("ID") },
  { "all", 0, 0, G_OPTION_ARG_NONE, &opt_all, N_ ("push : renvoyer tous les jours"), NULL },
  { "now", 0, 0, G_OPTION_ARG_NONE, &opt_now,
    N_ ("push : essayer tout de suite, même après des échecs"), NULL },
  { "older-than", 0, 0, G_OPTION_ARG_INT, &opt_older_than,
    N_ ("purge : regrouper en totaux mensuels les visites de plus de MOIS mois entiers"),
    N_ ("MOIS") },
  { NULL },
};

/* Prints "escale-stats: MESSAGE" on stderr; EXIT_FAILURE. */
int
escale_stats_fail (const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("escale-stats: %s\n", message);
  return EXIT_FAILURE;
}

static int usage_error (const char *format, ...) G_GNUC_PRINTF (1, 2);

static int
usage_error (const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("escale-stats: %s\n%s\n", message, _ ("Essayez « escale-stats --help »."));
  return EXIT_USAGE;
}

static const char *
db_path (void)
{
  static char *fallback;

  if (opt_db != NULL)
    return opt_db;
  if (fallback == NULL)
    fallback = escale_stats_store_default_path ();
  return fallback;
}

/* Opens an existing store (migrating it if it is older). */
static EscaleStatsStore *
open_existing (GError **error)
{
  g_autoptr(EscaleStatsStore) store = NULL;

  if (!g_file_test (db_path (), G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, ESCALE_STATS_ERROR, ESCALE_STATS_ERROR_OPEN,
                   _ ("%s n'existe pas (donnez le fichier avec --db FICHIER)"), db_path ());
      return NULL;
    }
  store = escale_stats_store_new (db_path ());
  if (!escale_stats_store_open (store, error))
    return NULL;
  return g_steal_pointer (&store);
}

/* The period's report: from the store (opened into *@store if not yet),
 * or from the fleet server with --server. */
static EscaleStatsReport *
open_report (EscaleStatsStore **store, GError **error)
{
  if (opt_server != NULL)
    return escale_stats_server_report (opt_server, opt_site, opt_kiosk, opt_from, opt_to, store,
                                       error);
  if (*store == NULL && (*store = open_existing (error)) == NULL)
    return NULL;
  return escale_stats_report_new (*store, opt_from, opt_to, error);
}

/* Whether @a and @b are the same file (a link, another spelling). */
static gboolean
same_file (GStatBuf *a, const char *b)
{
  GStatBuf other;

  return g_stat (b, &other) == 0 && a->st_dev == other.st_dev && a->st_ino == other.st_ino;
}

/* export -o writes a temporary file and renames it over @path: that must
 * never replace the store itself (every visit and the staff code would be
 * gone), its journal, a device or a folder, nor a file staff did not mean
 * to replace. */
static gboolean
check_output (const char *path, GError **error)
{
  static const char *const journals[] = { "", "-wal", "-shm", "-journal" };
  GStatBuf target;

  if (g_lstat (path, &target) != 0)
    return TRUE; /* a new file */
  if (g_stat (path, &target) != 0 || !S_ISREG (target.st_mode))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _ ("%s n'est pas un fichier ordinaire : choisissez un fichier pour l'export"),
                   path);
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (journals); i++)
    {
      g_autofree char *store_file = g_strconcat (db_path (), journals[i], NULL);

      if (same_file (&target, store_file))
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                       _ ("%s est le fichier des statistiques lui-même : l'export ne peut pas "
                          "l'écraser"),
                       path);
          return FALSE;
        }
    }
  if (!opt_force)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                   _ ("%s existe déjà : ajoutez --force pour le remplacer"), path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
resolve_period (GError **error)
{
  if (opt_from == NULL)
    opt_from = g_strdup (ESCALE_STATS_FIRST_DAY);
  if (opt_to == NULL)
    opt_to = g_strdup (ESCALE_STATS_LAST_DAY);
  for (guint i = 0; i < 2; i++)
    {
      const char *day = i == 0 ? opt_from : opt_to;

      if (!escale_stats_day_is_valid (day))
        {
          /* TRANSLATORS: --from or --to, then the day given */
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _ ("%s « %s » n'est pas une date : écrivez-la AAAA-MM-JJ, par exemple "
                          "2026-03-31"),
                       i == 0 ? "--from" : "--to", day);
          return FALSE;
        }
    }
  if (strcmp (opt_from, opt_to) > 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _ ("--from %s est après --to %s"), opt_from, opt_to);
      return FALSE;
    }
  return TRUE;
}

/* "Aide demandée : 3 visites (detail)"; the number of workshops when
 * @detail is NULL and @what names them. */
static void
print_visits (const char *what, guint n, const char *detail)
{
  g_autofree char *number = escale_stats_format_number (n);
  g_autofree char *count =
    detail ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s visite", "%s visites", n), number)
           : g_strdup (number);

  if (detail)
    g_print ("%s : %s (%s)\n", what, count, detail);
  else
    g_print ("%s : %s\n", what, count);
}

static void
print_satisfaction (EscaleStatsReport *report)
{
  g_autofree char *yes = escale_stats_format_number (
    escale_stats_report_get_satisfaction (report, ESCALE_SATISFACTION_YES));
  g_autofree char *partly = escale_stats_format_number (
    escale_stats_report_get_satisfaction (report, ESCALE_SATISFACTION_PARTLY));
  g_autofree char *no = escale_stats_format_number (
    escale_stats_report_get_satisfaction (report, ESCALE_SATISFACTION_NO));
  g_autofree char *none = escale_stats_format_number (
    escale_stats_report_get_satisfaction (report, ESCALE_SATISFACTION_NONE));

  g_print (_ (
             "Ont trouvé ce qu'ils cherchaient : oui %s, en partie %s, non %s, sans réponse %s\n"),
           yes, partly, no, none);
}

/* Each group (theme, activity by title, category): its distinct visits
 * and, if any, minutes. */
static void
print_groups (const char *what, GPtrArray *groups)
{
  for (guint i = 0; i < groups->len; i++)
    {
      EscaleStatsGroup *group = groups->pdata[i];
      g_autofree char *number = escale_stats_format_number (group->sessions);
      g_autofree char *visits =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s visite", "%s visites", group->sessions),
                         number);
      g_autofree char *minutes = escale_stats_format_minutes (group->minutes);

      if (group->minutes > 0)
        g_print (_ ("  %s « %s » : %s, %s\n"), what, escale_stats_group_display_name (group),
                 visits, minutes);
      else
        g_print (_ ("  %s « %s » : %s\n"), what, escale_stats_group_display_name (group), visits);
    }
}

static int
cmd_summary (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleStatsStore) store = NULL;
  g_autoptr(EscaleStatsReport) report = NULL;
  g_autofree char *help = NULL;
  g_autofree char *autonomy = NULL;
  g_autofree char *period = NULL;
  g_autofree char *visits = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *median = NULL;
  guint minutes;

  if (!resolve_period (&error))
    return usage_error ("%s", error->message);
  if ((report = open_report (&store, &error)) == NULL)
    return escale_stats_fail ("%s", error->message);

  minutes = escale_stats_report_get_minutes (report);
  period = escale_stats_format_period (opt_from, opt_to);
  visits = escale_stats_format_number (escale_stats_report_get_sessions (report));
  folded = escale_stats_format_number (escale_stats_report_get_folded_sessions (report));
  hours = escale_stats_format_number (minutes / 60);
  median = escale_stats_format_minutes (escale_stats_report_get_median_minutes (report));
  g_print (_ ("Période : %s\n"), period);
  g_print (_ ("Visites : %s (dont %s venant des totaux mensuels)\n"), visits, folded);
  g_print (_ ("Heures d'utilisation : %s h %02u\n"), hours, minutes % 60);
  g_print (_ ("Durée médiane d'une visite : %s\n"), median);
  for (guint i = 0; i < ESCALE_N_DURATION_BUCKETS; i++)
    {
      g_autofree char *n =
        escale_stats_format_number (escale_stats_report_get_duration_bucket (report, i));

      g_print ("  %s : %s\n", escale_stats_duration_bucket_label (i), n);
    }
  help = escale_stats_help_detail (report);
  autonomy = escale_stats_autonomy_detail (report);
  print_visits (_ ("Aide demandée"), escale_stats_report_get_help_asked (report), help);
  print_visits (_ ("En autonomie"),
                escale_stats_report_get_autonomy (report, ESCALE_AUTONOMY_AUTONOME), autonomy);
  print_visits (_ ("Ateliers collectifs"), escale_stats_report_get_workshops (report)->len, NULL);
  print_satisfaction (report);
  print_groups (_ ("Thématique"), escale_stats_report_get_themes (report));
  print_groups (_ ("Activité"), escale_stats_report_get_activities (report));
  print_groups (_ ("Catégorie de démarche"), escale_stats_report_get_categories (report));
  for (guint i = 0; i < escale_stats_report_get_counters (report)->len; i++)
    {
      EscaleStatsCounter *counter = escale_stats_report_get_counters (report)->pdata[i];
      g_autofree char *value = escale_stats_format_number (counter->value);
      g_autofree char *n = escale_stats_format_number (counter->visits);

      /* TRANSLATORS: a counter's label, its total, the visits that had it. */
      g_print (g_dngettext (GETTEXT_PACKAGE, "%s : %s (%s visite)\n", "%s : %s (%s visites)\n",
                            counter->visits),
               escale_stats_counter_display_label (counter), value, n);
    }
  g_print (_ ("Codes équipe erronés : %u\n"), escale_stats_report_get_pin_failures (report));
  return EXIT_SUCCESS;
}

/* The La Coop workbook of the period, into -o FILE only (a workbook on a
 * terminal helps nobody). */
static int
export_xlsx (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleStatsStore) store = NULL;
  g_autoptr(EscaleStatsReport) report = NULL;

  if (opt_output == NULL)
    return usage_error ("%s", _ ("--format xlsx demande -o FICHIER.xlsx"));
  if (!resolve_period (&error))
    return usage_error ("%s", error->message);
  if (!check_output (opt_output, &error))
    return escale_stats_fail ("%s", error->message);
  if ((report = open_report (&store, &error)) == NULL ||
      !escale_stats_export_xlsx (store, report, opt_output, &error))
    return escale_stats_fail ("%s", error->message);
  return EXIT_SUCCESS;
}

static int
cmd_export (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleStatsStore) store = NULL;
  g_autoptr(EscaleStatsReport) report = NULL;
  g_autoptr(GString) out = NULL;
  gboolean json;

  if (opt_format == NULL)
    return usage_error ("%s", _ ("export demande --format csv, --format json ou --format xlsx"));
  if (!g_str_equal (opt_format, "csv") && !g_str_equal (opt_format, "json") &&
      !g_str_equal (opt_format, "xlsx"))
    return usage_error (_ ("format « %s » inconnu : utilisez csv, json ou xlsx"), opt_format);
  json = g_str_equal (opt_format, "json");
  if (!g_str_equal (opt_format, "csv") && opt_sessions)
    return usage_error ("%s", _ ("--sessions n'existe que pour --format csv"));
  if (g_str_equal (opt_format, "xlsx"))
    return export_xlsx ();
  if (!resolve_period (&error))
    return usage_error ("%s", error->message);
  if (opt_output != NULL && !check_output (opt_output, &error))
    return escale_stats_fail ("%s", error->message);
  if (opt_server != NULL && opt_sessions)
    return usage_error ("%s", _ ("--sessions n'existe pas avec --server : le serveur n'a "
                                 "aucune visite, seulement des totaux"));
  if (opt_server == NULL && (store = open_existing (&error)) == NULL)
    return escale_stats_fail ("%s", error->message);

  if (opt_sessions && opt_output != NULL)
    {
      /* Streamed into the file, by large blocks. */
      if (!escale_stats_export_sessions_csv_file (store, opt_from, opt_to, opt_output, &error))
        return escale_stats_fail ("%s", error->message);
      return EXIT_SUCCESS;
    }
  if (opt_sessions)
    out = escale_stats_export_sessions_csv (store, opt_from, opt_to, &error);
  else if ((report = open_report (&store, &error)) != NULL)
    {
      if (json)
        {
          g_autofree char *text = escale_stats_export_json (report);

          out = g_string_new (text);
          g_string_append_c (out, '\n');
        }
      else
        out = escale_stats_export_summary_csv (report);
    }
  if (out == NULL)
    return escale_stats_fail ("%s", error->message);

  if (opt_output == NULL)
    {
      if (fwrite (out->str, 1, out->len, stdout) != out->len || fflush (stdout) != 0)
        return escale_stats_fail ("%s", _ ("impossible d'écrire sur la sortie standard"));
      return EXIT_SUCCESS;
    }
  if (!escale_stats_export_write (opt_output, out, &error))
    return escale_stats_fail ("%s", error->message);
  return EXIT_SUCCESS;
}

/* The one-page PDF report of the period, into -o FILE only, with the
 * same safety rules as export -o. */
static int
cmd_report (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleStatsStore) store = NULL;
  g_autoptr(EscaleStatsReport) report = NULL;
  g_autoptr(EscaleConfig) config = NULL;

  if (opt_output == NULL)
    return usage_error ("%s", _ ("report demande -o FICHIER.pdf"));
  if (!resolve_period (&error))
    return usage_error ("%s", error->message);
  if (!check_output (opt_output, &error))
    return escale_stats_fail ("%s", error->message);
  if (opt_server != NULL)
    {
      /* The territory, then each site (or --site, --kiosk): the page's
       * name is the server's, or --centre for the territory's. */
      if (!escale_stats_server_pdf (opt_server, opt_site, opt_kiosk, opt_from, opt_to, opt_centre,
                                    opt_output, &error))
        return escale_stats_fail ("%s", error->message);
      return EXIT_SUCCESS;
    }
  if (opt_centre == NULL)
    config = escale_config_load_main (opt_config ? opt_config : CONFIGDIR);
  if ((store = open_existing (&error)) == NULL ||
      (report = escale_stats_report_new (store, opt_from, opt_to, &error)) == NULL ||
      !escale_stats_pdf_write (report,
                               opt_centre ? opt_centre : escale_config_get_centre_name (config),
                               opt_output, &error))
    return escale_stats_fail ("%s", error->message);
  return EXIT_SUCCESS;
}

static int
cmd_purge (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleStatsStore) store = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *cutoff = NULL;
  guint folded = 0;

  if (opt_older_than < 0)
    return usage_error ("%s", _ ("purge demande --older-than MOIS"));
  if (opt_older_than > 1200)
    return usage_error (_ ("--older-than %d : 1200 mois au plus"), opt_older_than);
  if ((store = open_existing (&error)) == NULL)
    return escale_stats_fail ("%s", error->message);
  cutoff = escale_stats_retention_cutoff (now, (guint) opt_older_than);
  if (!escale_stats_store_fold_before (store, cutoff, &folded, &error))
    return escale_stats_fail ("%s", error->message);
  g_print (_ ("%u visites d'avant le %s regroupées en totaux mensuels et effacées.\n"), folded,
           cutoff);
  return EXIT_SUCCESS;
}

/* The appliance's nightly maintenance (escale-maintenance), while the kiosk
 * is stopped: the write-ahead log folded in and the file compacted. */
static int
cmd_maintenance (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleStatsStore) store = NULL;

  if ((store = open_existing (&error)) == NULL ||
      !escale_stats_store_exec (store, "PRAGMA wal_checkpoint (TRUNCATE)", &error) ||
      !escale_stats_store_exec (store, "VACUUM", &error))
    return escale_stats_fail ("%s", error->message);
  return EXIT_SUCCESS;
}

static int
cmd_merge (char **others)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleStatsStore) store = NULL;

  if (others == NULL || others[0] == NULL)
    return usage_error ("%s", _ ("merge demande au moins un autre fichier de statistiques"));
  for (guint i = 0; others[i] != NULL; i++)
    if (!g_file_test (others[i], G_FILE_TEST_IS_REGULAR))
      return escale_stats_fail (
        _ ("%s n'existe pas ou n'est pas un fichier : rien n'a été fusionné"), others[i]);

  /* Merging into a new file is how several kiosks are consolidated. */
  store = escale_stats_store_new (db_path ());
  if (!escale_stats_store_open (store, &error))
    return escale_stats_fail ("%s", error->message);
  for (guint i = 0; others[i] != NULL; i++)
    {
      guint added = 0;

      if (!escale_stats_store_merge (store, others[i], &added, &error) && i == 0)
        return escale_stats_fail (_ ("%s : rien n'a été fusionné"), error->message);
      if (error != NULL)
        return escale_stats_fail (
          _ (
            "%s (les fichiers précédents ont été fusionnés ; refusionner ne compte jamais deux fois)"),
          error->message);
      g_print (_ ("%s : %u nouvelles visites\n"), others[i], added);
    }
  return EXIT_SUCCESS;
}

static char *
read_pin_line (void)
{
  struct termios saved, quiet;
  gboolean tty = isatty (STDIN_FILENO);
  char line[64] = { 0 };
  char *result;

  if (tty)
    {
      g_printerr ("%s", _ ("Nouveau code de l'équipe (6 à 12 chiffres) : "));
      tcgetattr (STDIN_FILENO, &saved);
      quiet = saved;
      quiet.c_lflag &= ~ECHO;
      tcsetattr (STDIN_FILENO, TCSANOW, &quiet);
    }
  result = fgets (line, sizeof line, stdin) ? g_strdup (g_strchomp (line)) : NULL;
  if (tty)
    {
      tcsetattr (STDIN_FILENO, TCSANOW, &saved);
      g_printerr ("\n");
    }
  memset (line, 0, sizeof line);
  return result;
}

static gboolean
store_is_ours (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  GStatBuf st;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  return g_stat (dir, &st) != 0 || st.st_uid == geteuid ();
}

/* Sets the staff code in its file beside the store (as root too: the
 * file is given to the folder's owner), whatever the store's health: the
 * administrator's way to reset a lost code. */
static int
cmd_set_code (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleStatsStore) store = NULL;
  g_autoptr(EscaleCodeLock) lock = NULL;
  g_autofree char *pin = read_pin_line ();

  if (pin == NULL || !escale_pin_is_acceptable (pin))
    return escale_stats_fail (
      _ ("le code de l'équipe doit avoir de %d à %d chiffres, lus sur l'entrée standard ; "
         "rien n'a été changé"),
      ESCALE_PIN_MIN_DIGITS, ESCALE_PIN_MAX_DIGITS);
  store = escale_stats_store_new (db_path ());
  lock = escale_staff_code_lock_new (store, NULL);
  /* The store, when it can be opened, keeps no older code; it is created
   * only by its folder's owner (never root's file in the kiosk's folder). */
  if (store_is_ours (db_path ()) && escale_stats_store_open (store, NULL) &&
      !escale_staff_code_migrate (lock, store, &error))
    return escale_stats_fail ("%s", error->message);
  if (!escale_code_lock_set_code (lock, pin, &error))
    return escale_stats_fail ("%s", error->message);
  memset (pin, 0, strlen (pin));
  g_print (_ ("Code de l'équipe enregistré dans %s.\n"), escale_code_lock_get_path (lock));
  return EXIT_SUCCESS;
}

static void
quiet_log (const char *domain, GLogLevelFlags level, const char *message, gpointer data)
{
}

int
main (int argc, char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const char *command;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context =
    g_option_context_new (_ ("COMMANDE — les statistiques anonymes d'utilisation d'Escale"));
  g_option_context_set_description (
    context,
    _ ("Commandes :\n"
       "  summary [--from DATE] [--to DATE]          les chiffres d'une période\n"
       "  export --format csv|json [--sessions] [--from DATE] [--to DATE] [-o FICHIER [--force]]\n"
       "  report [--from DATE] [--to DATE] -o FICHIER.pdf [--force] [--centre NOM]\n"
       "                                             le rapport d'une page pour les financeurs\n"
       "  purge --older-than MOIS                    regrouper les anciennes visites "
       "en totaux mensuels\n"
       "  merge AUTRE.db...                          ajouter, une seule fois, les "
       "visites d'autres postes\n"
       "  check                                      intégrité, schéma, nombre de lignes\n"
       "  set-code                                   choisir le code de l'équipe (lu sur "
       "l'entrée standard), à côté du fichier des statistiques\n"));
  {
    /* Several kiosks (escale-stats-fleet.c, data/server/README.md). */
    g_autofree char *description = g_strconcat (
      g_option_context_get_description (context),
      _ ("  push [--all] [--now] [--config DOSSIER]    envoyer les nouveaux jours au serveur "
         "([Fleet])\n"
         "  summary|export|report --server URI [--site ID] [--kiosk ID]\n"
         "                                             les chiffres du territoire, d'un site, "
         "d'un poste (report : le territoire puis une page par site)\n"),
      NULL);

    g_option_context_set_description (context, description);
  }
  g_option_context_add_main_entries (context, global_entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error ("%s", error->message);
  if (argc < 2)
    return usage_error ("%s", _ ("aucune commande donnée"));

  /* Migration notes are for the kiosk's log, not for this output. */
  g_log_set_handler ("escale-stats", G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO, quiet_log, NULL);
  g_log_set_handler ("escale-pin", G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO, quiet_log, NULL);

  command = argv[1];
  if (!g_str_equal (command, "merge") && argc > 2)
    return usage_error (_ ("argument inattendu « %s »"), argv[2]);
  if (g_str_equal (command, "summary"))
    return cmd_summary ();
  if (g_str_equal (command, "export"))
    return cmd_export ();
  if (g_str_equal (command, "report"))
    return cmd_report ();
  if (g_str_equal (command, "purge"))
    return cmd_purge ();
  if (g_str_equal (command, "merge"))
    return cmd_merge (argv + 2);
  if (g_str_equal (command, "check"))
    return escale_stats_cmd_check (db_path ());
  /* "set-pin": its name before 2026-12. */
  if (g_str_equal (command, "set-code") || g_str_equal (command, "set-pin"))
    return cmd_set_code ();
  if (g_str_equal (command, "push"))
    return escale_stats_cmd_push (opt_db, opt_config ? opt_config : CONFIGDIR, opt_all, opt_now);
  if (g_str_equal (command, "maintenance"))
    return cmd_maintenance ();
  return usage_error (_ ("commande « %s » inconnue"), command);
}
