/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <json-glib/json-glib.h>

#include "stats-figures-dataset.h"
#include "stats-test-util.h"

/* Figures funders can trust (issue 11): a known month of visits, written
 * through the kiosk's own API (shared themes, several activities per visit,
 * timeouts, help asked and given, workshops on two kiosks, démarches in
 * categories, activity titles), then every figure of the exports checked
 * one by one against plain SQL on the visit rows, never on the store's
 * own totals. The dashboard's tiles show the same report (test-staff-space
 * reads them on screen). */

/* Plain SQL for a figure of the summary: the section, the label (or NULL:
 * any label, bound as ?1), the query. */
static const char *const summary_sql[][3] = {
  { "Période", "Du", "SELECT '2026-03-01'" },
  { "Période", "Au", "SELECT '2026-03-31'" },
  { "Synthèse", "Visites", "SELECT count (*) FROM sessions s WHERE" PERIOD },
  { "Synthèse", "Heures d'utilisation",
    "SELECT replace (printf ('%.1f', sum (duration_min) / 60.0), '.', ',') FROM sessions s"
    " WHERE" PERIOD },
  { "Synthèse", "Durée médiane (minutes)",
    "WITH d AS (SELECT duration_min m FROM sessions s WHERE" PERIOD "ORDER BY 1)"
    " SELECT replace (printf ('%.1f', avg (m)), '.', ',') FROM (SELECT m FROM d"
    " LIMIT 2 - (SELECT count (*) FROM d) % 2 OFFSET ((SELECT count (*) FROM d) - 1) / 2)" },
  { "Synthèse", "Visites avec aide demandée",
    "SELECT count (*) FROM sessions s WHERE" PERIOD "AND helper_calls > 0" },
  { "Synthèse", "Appels à un aidant",
    "SELECT coalesce (sum (helper_calls), 0) FROM sessions s WHERE" PERIOD },
  { "Synthèse", "Visites avec aide reçue",
    "SELECT count (*) FROM sessions s WHERE" PERIOD "AND help_given" },
  { "Synthèse", "Ateliers collectifs",
    "SELECT count (DISTINCT uid) FROM workshops s WHERE" PERIOD },
  { "Synthèse", "Participations aux ateliers",
    "SELECT coalesce (sum (participants), 0) FROM workshops s WHERE" PERIOD },
  { "Synthèse", "Visites regroupées par mois (anciennes)",
    "SELECT coalesce (sum (sessions), 0) FROM monthly_totals WHERE month = '2026-03'" },
  { "Niveau d'autonomie", NULL,
    "SELECT count (*) FROM sessions s WHERE" PERIOD "AND ?1 = CASE"
    " WHEN workshop_uid IS NOT NULL THEN 'Entièrement accompagné'"
    " WHEN helper_calls > 0 OR help_given THEN 'Partiellement autonome' ELSE 'Autonome' END" },
  { "Durée des visites", NULL,
    "SELECT count (*) FROM sessions s WHERE" PERIOD "AND ?1 = CASE"
    " WHEN duration_min < 30 THEN 'Moins de 30 min' WHEN duration_min < 60 THEN '30 min à 1 h'"
    " WHEN duration_min < 120 THEN '1 h à 2 h' ELSE 'Plus de 2 h' END" },
  { "A trouvé ce qu'il cherchait", NULL,
    "SELECT count (*) FROM sessions s WHERE" PERIOD "AND ?1 = CASE satisfaction"
    " WHEN 'oui' THEN 'Oui' WHEN 'en-partie' THEN 'En partie' WHEN 'non' THEN 'Non'"
    " ELSE 'Sans réponse' END" },
  { "Tranche d'âge", NULL,
    "SELECT count (*) FROM sessions s WHERE" PERIOD "AND ?1 = CASE age_bracket"
    " WHEN '18-24' THEN '18-24 ans' WHEN '25-39' THEN '25-39 ans' WHEN '40-59' THEN '40-59 ans'"
    " WHEN '60-69' THEN '60-69 ans' WHEN '70+' THEN '70 ans et plus'"
    " WHEN 'refus' THEN 'Ne souhaite pas répondre' ELSE 'Sans réponse' END" },
  { "Thématique (visites)", NULL,
    "SELECT count (DISTINCT a.session_id) FROM session_activities a JOIN sessions s"
    " ON s.id = a.session_id WHERE" PERIOD "AND ifnull (a.theme, 'Sans thématique') = ?1" },
  { "Thématique (minutes)", NULL,
    "SELECT sum (a.minutes) FROM session_activities a JOIN sessions s"
    " ON s.id = a.session_id WHERE" PERIOD "AND ifnull (a.theme, 'Sans thématique') = ?1" },
  { "Activité (visites)", NULL,
    "SELECT count (DISTINCT a.session_id) FROM session_activities a JOIN sessions s"
    " ON s.id = a.session_id LEFT JOIN activity_titles t ON t.activity_id = a.activity_id"
    " WHERE" PERIOD "AND coalesce (t.title, a.activity_id) = ?1" },
  { "Activité (minutes)", NULL,
    "SELECT sum (a.minutes) FROM session_activities a JOIN sessions s"
    " ON s.id = a.session_id LEFT JOIN activity_titles t ON t.activity_id = a.activity_id"
    " WHERE" PERIOD "AND coalesce (t.title, a.activity_id) = ?1" },
  { "Catégorie de démarche (visites)", NULL,
    "SELECT count (DISTINCT c.session_id) FROM session_counters c JOIN sessions s"
    " ON s.id = c.session_id WHERE" PERIOD "AND c.counter LIKE '%--' || (SELECT"
    " substr (l.counter, instr (l.counter, '--') + 2) FROM counter_labels l"
    " WHERE l.label LIKE '% — ' || ?1)" },
  { "Compteurs des activités", NULL,
    "SELECT coalesce (sum (c.value), 0) FROM session_counters c JOIN sessions s"
    " ON s.id = c.session_id WHERE" PERIOD "AND (SELECT label FROM counter_labels l"
    " WHERE l.kind = c.kind AND l.counter = c.counter) = ?1" },
};

/* The query for (@section, @label). */
static const char *
find_summary_sql (const char *section, const char *label)
{
  for (guint i = 0; i < G_N_ELEMENTS (summary_sql); i++)
    if (g_str_equal (summary_sql[i][0], section) &&
        (summary_sql[i][1] == NULL || g_strcmp0 (summary_sql[i][1], label) == 0))
      return summary_sql[i][2];
  g_error ("no plain SQL for the figure %s / %s: add it to summary_sql", section, label);
  return NULL;
}

/* Every line of the figures CSV is what plain SQL gives; the figures the
 * issue named are also those counted by hand. */
static void
test_summary_csv_is_plain_sql (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleStatsStore) store = open_new_store (f->path);
  g_autoptr(EscaleStatsReport) report = NULL;
  g_autoptr(GString) csv = NULL;
  g_auto (GStrv) lines = NULL;
  guint checked = 0;

  fill_figures_dataset (store, f->dir);
  report = escale_stats_report_new (store, "2026-03-01", "2026-03-31", NULL);
  csv = escale_stats_export_summary_csv (report);
  lines = g_strsplit (csv->str + strlen (ESCALE_CSV_BOM), "\r\n", -1);
  for (guint i = 1; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      g_auto (GStrv) fields = g_strsplit (lines[i], ";", 3);
      g_autofree char *expected = NULL;

      g_assert_cmpuint (g_strv_length (fields), ==, 3);
      expected = sql_text (f->path, find_summary_sql (fields[0], fields[1]), fields[1]);
      if (*expected == '\0')
        expected = g_strdup ("0");
      if (!g_str_equal (expected, fields[2]))
        g_error ("%s / %s: the export says %s, plain SQL %s", fields[0], fields[1], fields[2],
                 expected);
      checked++;
    }
  /* Every fixed line, 3 levels, 4 durations, 4 answers, 7 ages, 4 themes
   * twice, 5 activities twice, 2 categories, 6 counters (the three of
   * the video calls, declared by every store since schema 7, at 0). */
  g_assert_cmpuint (checked, ==, 11 + 3 + 4 + 4 + 7 + 8 + 10 + 2 + 6);

  /* By hand: visits 1, 2, 5 and 8 used the theme (six activity rows). */
  g_assert_nonnull (strstr (csv->str, "Thématique (visites);Échanger avec ses proches;4\r\n"));
  g_assert_nonnull (strstr (csv->str, "Thématique (minutes);Échanger avec ses proches;250\r\n"));
  g_assert_nonnull (strstr (csv->str, "Activité (visites);Appel vidéo;4\r\n"));
  g_assert_nonnull (strstr (csv->str, "Catégorie de démarche (visites);Logement;2\r\n"));
  g_assert_nonnull (strstr (csv->str, "Niveau d'autonomie;Entièrement accompagné;2\r\n"));
  g_assert_nonnull (strstr (csv->str, "Niveau d'autonomie;Partiellement autonome;3\r\n"));
  g_assert_nonnull (strstr (csv->str, "Niveau d'autonomie;Autonome;3\r\n"));
  g_assert_nonnull (strstr (csv->str, "Synthèse;Visites avec aide reçue;4\r\n"));
  g_assert_nonnull (strstr (csv->str, "Synthèse;Participations aux ateliers;9\r\n"));
  g_assert_null (strstr (csv->str, ";visio;"));
}

/* One visit line of the visits CSV against its row, column by column. */
static void
assert_visit_line (const char *path, char **header, char **fields)
{
  static const char *const plain[][2] = {
    { "Jour", "SELECT day FROM sessions WHERE uid = ?1" },
    { "Heure de début", "SELECT start_hour || ' h' FROM sessions WHERE uid = ?1" },
    { "Jour de la semaine",
      "SELECT CASE weekday WHEN 1 THEN 'lundi' WHEN 2 THEN 'mardi' WHEN 3 THEN 'mercredi'"
      " WHEN 4 THEN 'jeudi' WHEN 5 THEN 'vendredi' WHEN 6 THEN 'samedi' ELSE 'dimanche' END"
      " FROM sessions WHERE uid = ?1" },
    { "Durée (minutes)", "SELECT duration_min FROM sessions WHERE uid = ?1" },
    { "Fin de la visite", "SELECT CASE end_reason WHEN 'finished' THEN 'J''ai fini' WHEN 'timeout'"
                          " THEN 'Inactivité' ELSE 'Équipe' END FROM sessions WHERE uid = ?1" },
    { "Appels à un aidant", "SELECT helper_calls FROM sessions WHERE uid = ?1" },
    { "Aide reçue",
      "SELECT CASE help_given WHEN 1 THEN 'oui' ELSE 'non' END FROM sessions WHERE uid = ?1" },
    { "Niveau d'autonomie",
      "SELECT CASE WHEN workshop_uid IS NOT NULL THEN 'Entièrement accompagné'"
      " WHEN helper_calls > 0 OR help_given THEN 'Partiellement autonome' ELSE 'Autonome' END"
      " FROM sessions WHERE uid = ?1" },
    { "A trouvé ce qu'il cherchait",
      "SELECT CASE satisfaction WHEN 'oui' THEN 'Oui' WHEN 'en-partie' THEN 'En partie'"
      " WHEN 'non' THEN 'Non' ELSE 'Sans réponse' END FROM sessions WHERE uid = ?1" },
    { "Tranche d'âge",
      "SELECT CASE age_bracket WHEN '18-24' THEN '18-24 ans' WHEN '25-39' THEN '25-39 ans'"
      " WHEN '40-59' THEN '40-59 ans' WHEN '60-69' THEN '60-69 ans' WHEN '70+'"
      " THEN '70 ans et plus' WHEN 'refus' THEN 'Ne souhaite pas répondre'"
      " ELSE 'Sans réponse' END FROM sessions WHERE uid = ?1" },
    { "Activités et minutes",
      "SELECT group_concat (n, ', ') FROM (SELECT coalesce (t.title, a.activity_id) || ' ('"
      " || a.minutes || ')' AS n FROM session_activities a JOIN sessions s ON s.id ="
      " a.session_id LEFT JOIN activity_titles t ON t.activity_id = a.activity_id"
      " WHERE s.uid = ?1 ORDER BY a.activity_id)" },
    { "Thématiques",
      "SELECT group_concat (theme, ', ') FROM (SELECT a.theme, min (a.activity_id) FROM"
      " session_activities a JOIN sessions s ON s.id = a.session_id WHERE s.uid = ?1"
      " AND a.theme IS NOT NULL GROUP BY a.theme ORDER BY 2)" },
  };

  for (guint c = 1; header[c] != NULL; c++)
    {
      g_autofree char *expected = NULL;
      g_autofree char *counter_sql = NULL;
      const char *sql = NULL;

      for (guint p = 0; p < G_N_ELEMENTS (plain) && sql == NULL; p++)
        if (g_str_equal (plain[p][0], header[c]))
          sql = plain[p][1];
      if (sql == NULL)
        /* A counter column, named by its label. */
        sql = counter_sql = g_strdup_printf (
          "SELECT coalesce ((SELECT c.value FROM session_counters c JOIN sessions s ON s.id ="
          " c.session_id JOIN counter_labels l ON l.kind = c.kind AND l.counter = c.counter"
          " WHERE s.uid = ?1 AND l.label = '%s'), 0)",
          header[c]);
      expected = sql_text (path, sql, fields[0]);
      if (!g_str_equal (expected, fields[c]))
        g_error ("visit %s, column %s: the export says %s, plain SQL %s", fields[0], header[c],
                 fields[c], expected);
    }
}

/* Every line and column of the visits CSV is its visit row's. */
static void
test_visits_csv_is_plain_sql (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleStatsStore) store = open_new_store (f->path);
  g_autoptr(GString) csv = NULL;
  g_auto (GStrv) lines = NULL;
  g_auto (GStrv) header = NULL;
  guint n = 0;

  fill_figures_dataset (store, f->dir);
  csv = escale_stats_export_sessions_csv (store, "2026-03-01", "2026-03-31", NULL);
  lines = g_strsplit (csv->str + strlen (ESCALE_CSV_BOM), "\r\n", -1);
  header = g_strsplit (lines[0], ";", -1);
  g_assert_cmpuint (g_strv_length (header), ==, 13 + 6);
  for (guint i = 1; lines[i] != NULL && *lines[i] != '\0'; i++, n++)
    {
      g_auto (GStrv) fields = g_strsplit (lines[i], ";", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, g_strv_length (header));
      assert_visit_line (f->path, header, fields);
    }
  g_assert_cmpint (n, ==, query (f->path, "SELECT count (*) FROM sessions s WHERE" PERIOD));
  /* The visit of two activities of one theme names the theme once. */
  g_assert_nonnull (strstr (csv->str, ";Culture (5), Mes photos (15), Appel vidéo (20);"
                                      "Culture numérique, Échanger avec ses proches;"));
}

/* The JSON export's help, autonomy, theme, category and workshop figures
 * are plain SQL's too. */
static void
test_json_is_plain_sql (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleStatsStore) store = open_new_store (f->path);
  g_autoptr(EscaleStatsReport) report = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *json = NULL;
  JsonObject *root, *autonomy;
  JsonArray *themes;

  fill_figures_dataset (store, f->dir);
  report = escale_stats_report_new (store, "2026-03-01", "2026-03-31", NULL);
  json = escale_stats_export_json (report);
  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (root, "help_asked"), ==,
                   query (f->path,
                          "SELECT count (*) FROM sessions s WHERE" PERIOD "AND helper_calls > 0"));
  g_assert_cmpint (json_object_get_int_member (root, "help_given"), ==,
                   query (f->path,
                          "SELECT count (*) FROM sessions s WHERE" PERIOD "AND help_given"));
  autonomy = json_object_get_object_member (root, "autonomy");
  g_assert_cmpint (json_object_get_int_member (autonomy, "entierement_accompagne"), ==,
                   query (f->path, "SELECT count (*) FROM sessions s WHERE" PERIOD
                                   "AND workshop_uid IS NOT NULL"));
  g_assert_cmpint (json_object_get_int_member (autonomy, "autonome"), ==,
                   query (f->path, "SELECT count (*) FROM sessions s WHERE" PERIOD
                                   "AND helper_calls = 0 AND NOT help_given"
                                   " AND workshop_uid IS NULL"));
  g_assert_cmpint (json_object_get_int_member (root, "workshops"), ==, 2);
  themes = json_object_get_array_member (root, "themes");
  for (guint i = 0; i < json_array_get_length (themes); i++)
    {
      JsonObject *theme = json_array_get_object_element (themes, i);
      g_autofree char *expected = sql_text (f->path,
                                            find_summary_sql ("Thématique (visites)", NULL),
                                            json_object_get_string_member (theme, "name"));

      g_assert_cmpint (json_object_get_int_member (theme, "sessions"), ==,
                       g_ascii_strtoll (expected, NULL, 10));
    }
}

/* The sheets of the workbook at @path, read back by tests/read-xlsx.py:
 * sheet name -> rows (tab-separated cells). */
static GHashTable *
read_xlsx (const char *path)
{
  g_autofree char *script =
    g_build_filename (g_getenv ("ESCALE_SOURCE_DIR"), "tests", "read-xlsx.py", NULL);
  const char *argv[] = { "python3", script, path, NULL };
  g_autofree char *out = NULL;
  g_auto (GStrv) lines = NULL;
  GHashTable *sheets =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  GPtrArray *rows = NULL;
  int status = -1;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "== "))
        {
          rows = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (sheets, g_strdup (lines[i] + 3), rows);
        }
      else if (rows != NULL && *lines[i] != '\0')
        g_ptr_array_add (rows, g_strdup (lines[i]));
    }
  return sheets;
}

/* Excel's day number of @day in SQL (days since 1899-12-30). */
#define SERIAL(day) "CAST (julianday (" day ") - julianday ('1899-12-30') AS INTEGER)"

static const char workshops_row_sql[] =
  "SELECT printf ('%d\tAtelier collectif\t%d\t%d\tOrdinateur\t%s\t%s\t%d h', " SERIAL (
    "min (day)") ", sum (participants), max (duration_min),"
                 " CASE min (theme) WHEN 'prendre_en_main_du_materiel' THEN 'Prendre en main du matériel'"
                 " WHEN 'email' THEN 'E-mail' ELSE min (theme) END,"
                 " CASE min (level) WHEN 'debutant' THEN 'Débutant' WHEN 'intermediaire' THEN 'Intermédiaire'"
                 " ELSE 'Avancé' END, min (start_hour)) FROM workshops s WHERE" PERIOD
                 "GROUP BY uid ORDER BY min (day), min (start_hour), uid LIMIT 1 OFFSET ?1";

/* A day of visits as La Coop's individual sheet writes it, from the rows. */
static const char day_row_sql[] =
  "SELECT printf ('%d\tAccompagnement individuel\t%d\t%d\tOrdinateur\t%s"
  "\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d', " SERIAL (
    "s.day") ", count (*),"
             " sum (duration_min), ifnull ((SELECT group_concat (t || ' (' || n || ')', ', ') FROM"
             "  (SELECT a.theme t, count (DISTINCT a.session_id) n FROM session_activities a"
             "   WHERE a.day = s.day AND a.theme IS NOT NULL GROUP BY a.theme ORDER BY n DESC, t)), ''),"
             " sum (helper_calls > 0), sum (help_given),"
             " sum (helper_calls = 0 AND NOT help_given AND workshop_uid IS NULL),"
             " sum (workshop_uid IS NULL AND (helper_calls > 0 OR help_given)),"
             " sum (workshop_uid IS NOT NULL), sum (age_bracket IS '18-24'), sum (age_bracket IS '25-39'),"
             " sum (age_bracket IS '40-59'), sum (age_bracket IS '60-69'), sum (age_bracket IS '70+'),"
             " sum (age_bracket IS 'refus')) FROM sessions s WHERE" PERIOD
             "GROUP BY s.day ORDER BY s.day LIMIT 1 OFFSET ?1";

static void
assert_sheet_rows (const char *path, GPtrArray *rows, const char *sql, gint64 n)
{
  g_assert_cmpint (rows->len, ==, n + 1);
  for (guint i = 1; i < rows->len; i++)
    {
      g_autofree char *offset = g_strdup_printf ("%u", i - 1);
      g_autofree char *expected = sql_text (path, sql, offset);

      g_assert_cmpstr (rows->pdata[i], ==, expected);
    }
}

/* The La Coop workbook, read back from its XML: the workshops and the
 * days are plain SQL's, the summary sheet is the figures CSV's (checked
 * above), with La Coop's column names. */
static void
test_xlsx_is_plain_sql (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleStatsStore) store = open_new_store (f->path);
  g_autoptr(EscaleStatsReport) report = NULL;
  g_autofree char *path = g_build_filename (f->dir, "la-coop.xlsx", NULL);
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  g_autoptr(GHashTable) sheets = NULL;
  g_autoptr(GString) csv = NULL;
  g_auto (GStrv) lines = NULL;
  GPtrArray *rows;

  fill_figures_dataset (store, f->dir);
  report = escale_stats_report_new (store, "2026-03-01", "2026-03-31", NULL);
  g_assert_true (escale_stats_export_xlsx (store, report, path, NULL));
  /* Written whole under its name, no temporary file left beside it. */
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  sheets = read_xlsx (path);
  g_assert_cmpuint (g_hash_table_size (sheets), ==, 3);

  rows = g_hash_table_lookup (sheets, "Ateliers collectifs");
  g_assert_cmpstr (rows->pdata[0], ==,
                   "Date\tType\tParticipants\tDurée (min)\tMatériel numérique utilisé\t"
                   "Thématique(s) d'accompagnement\tNiveau d'autonomie (ou de l'atelier)\t"
                   "Heure de début");
  assert_sheet_rows (f->path, rows, workshops_row_sql, 2);

  rows = g_hash_table_lookup (sheets, "Individuel par jour");
  g_assert_nonnull (strstr (rows->pdata[0], "\tNiveau d'autonomie : Partiellement autonome\t"));
  g_assert_true (g_str_has_suffix (rows->pdata[0],
                                   "\tTranche d'âge du bénéficiaire : Ne souhaite pas répondre"));
  assert_sheet_rows (f->path, rows, day_row_sql,
                     query (f->path, "SELECT count (DISTINCT day) FROM sessions s WHERE" PERIOD));

  rows = g_hash_table_lookup (sheets, "Synthèse");
  csv = escale_stats_export_summary_csv (report);
  lines = g_strsplit (csv->str + strlen (ESCALE_CSV_BOM), "\r\n", -1);
  g_assert_cmpuint (rows->len, ==, g_strv_length (lines) - 1);
  for (guint i = 0; i < rows->len; i++)
    {
      g_auto (GStrv) fields = g_strsplit (lines[i], ";", 3);
      g_auto (GStrv) cells = g_strsplit (rows->pdata[i], "\t", 3);
      char *end = NULL;
      g_autofree char *dotted = g_strdelimit (g_strdup (fields[2]), ",", '.');
      double number = g_ascii_strtod (dotted, &end);

      g_assert_cmpstr (cells[0], ==, fields[0]);
      g_assert_cmpstr (cells[1], ==, fields[1]);
      /* A figure is a number cell ("17,1" in the CSV, 17.1 here). */
      if (*end == '\0')
        g_assert_cmpfloat_with_epsilon (g_ascii_strtod (cells[2], NULL), number, 1e-9);
      else
        g_assert_cmpstr (cells[2], ==, fields[2]);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/escale/stats-figures/summary-csv-is-plain-sql", test_summary_csv_is_plain_sql);
  ADD ("/escale/stats-figures/visits-csv-is-plain-sql", test_visits_csv_is_plain_sql);
  ADD ("/escale/stats-figures/json-is-plain-sql", test_json_is_plain_sql);
  ADD ("/escale/stats-figures/xlsx-is-plain-sql", test_xlsx_is_plain_sql);
#undef ADD
  return g_test_run ();
}
