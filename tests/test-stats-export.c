/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <json-glib/json-glib.h>

#include "stats-test-util.h"

/* The exports for the funders: CSV (figures and visits, in memory and
 * streamed) and JSON. */

static void
test_csv_escaping (void)
{
  g_autoptr(GString) out = g_string_new (NULL);

  escale_csv_append_field (out, "simple");
  g_string_append_c (out, '|');
  escale_csv_append_field (out, "Aide; démarches");
  g_string_append_c (out, '|');
  escale_csv_append_field (out, "dit \"bonjour\"");
  g_string_append_c (out, '|');
  escale_csv_append_field (out, "ligne 1\nligne 2");
  g_string_append_c (out, '|');
  escale_csv_append_field (out, "Échanger avec ses proches");
  g_string_append_c (out, '|');
  escale_csv_append_field (out, " espace");
  g_assert_cmpstr (out->str, ==,
                   "simple|\"Aide; démarches\"|\"dit \"\"bonjour\"\"\"|\"ligne 1\nligne 2\"|"
                   "Échanger avec ses proches|\" espace\"");
}

static void
test_csv_exports (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleStatsStore) store = open_new_store (f->path);
  g_autoptr(EscaleStatsReport) report = NULL;
  g_autoptr(GString) summary = NULL;
  g_autoptr(GString) sessions = NULL;
  g_autofree char *json = NULL;
  g_auto (GStrv) lines = NULL;
  g_autofree char *out_path = g_build_filename (f->dir, "export.csv", NULL);
  g_autofree char *read_back = NULL;

  fill_known_dataset (store);
  /* A theme with a separator and a quote, as a config may hold. */
  add_visit (store, 2026, 3, 20, 10, 5, 0, ESCALE_SATISFACTION_NONE, ESCALE_AGE_NONE, "ateliers",
             "Loisirs; \"jeux\"");
  report = escale_stats_report_new (store, "2026-03-01", "2026-03-31", NULL);

  summary = escale_stats_export_summary_csv (report);
  g_assert_true (g_str_has_prefix (summary->str, "\xef\xbb\xbfRubrique;Indicateur;Valeur\r\n"));
  g_assert_nonnull (strstr (summary->str, "Synthèse;Visites;11\r\n"));
  g_assert_nonnull (strstr (summary->str, "Synthèse;Durée médiane (minutes);45,0\r\n"));
  g_assert_nonnull (strstr (summary->str, "Thématique (visites);\"Loisirs; \"\"jeux\"\"\";1\r\n"));
  g_assert_nonnull (strstr (summary->str, "Tranche d'âge;70 ans et plus;4\r\n"));

  sessions = escale_stats_export_sessions_csv (store, "2026-03-01", "2026-03-31", NULL);
  g_assert_nonnull (sessions);
  g_assert_true (g_str_has_prefix (sessions->str, "\xef\xbb\xbfIdentifiant de visite;Jour;"));
  lines = g_strsplit (sessions->str, "\r\n", -1);
  /* Header, 11 visits, and the empty tail: never more than the store holds. */
  g_assert_cmpuint (g_strv_length (lines), ==, 13);
  g_assert_nonnull (strstr (lines[1], ";2026-03-02;9 h;lundi;10;J'ai fini;0;non;Autonome;Oui;"
                                      "70 ans et plus;visio (10);Échanger avec ses proches"));

  g_assert_true (escale_stats_export_write (out_path, sessions, NULL));
  g_assert_true (g_file_get_contents (out_path, &read_back, NULL, NULL));
  g_assert_cmpstr (read_back, ==, sessions->str);

  json = escale_stats_export_json (report);
  g_assert_nonnull (strstr (json, "\"sessions\" : 11"));
  g_assert_nonnull (strstr (json, "\"70+\" : 4"));
}

/* The visits export streamed into a file (by 1 MiB blocks, the way the
 * dashboard writes it) is byte for byte the one built in memory, also
 * past its first block; a folder that does not exist leaves no file. */
static void
test_csv_export_streamed (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleStatsStore) store = open_new_store (f->path);
  g_autoptr(GRand) rand = g_rand_new_with_seed (77);
  g_autoptr(GString) in_memory = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out_path = g_build_filename (f->dir, "visites.csv", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "absent", "visites.csv", NULL);
  g_autofree char *streamed = NULL;
  gsize length = 0;

  for (guint i = 0; i < 9000; i++)
    add_random_visit (store, rand);
  in_memory = escale_stats_export_sessions_csv (store, "2026-01-01", "2026-12-31", NULL);
  g_assert_nonnull (in_memory);
  g_assert_cmpuint (in_memory->len, >, 1024 * 1024);
  g_assert_true (
    escale_stats_export_sessions_csv_file (store, "2026-01-01", "2026-12-31", out_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out_path, &streamed, &length, NULL));
  g_assert_cmpuint (length, ==, in_memory->len);
  g_assert_true (memcmp (streamed, in_memory->str, length) == 0);
  /* A visit with two activities lists both, in order, on its one line. */
  g_assert_nonnull (strstr (streamed, "culture ("));
  g_assert_nonnull (strstr (streamed, "), demarches ("));

  g_assert_false (
    escale_stats_export_sessions_csv_file (store, "2026-01-01", "2026-12-31", missing, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  /* The dashboard's way, in a worker thread: the same bytes. */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autofree char *async_path = g_build_filename (f->dir, "visites-bis.csv", NULL);
    g_autofree char *async_contents = NULL;

    escale_stats_export_sessions_csv_file_async (store, "2026-01-01", "2026-12-31", async_path,
                                                 NULL, keep_result_cb, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (escale_stats_export_sessions_csv_file_finish (result, NULL));
    g_assert_true (g_file_get_contents (async_path, &async_contents, &length, NULL));
    g_assert_cmpuint (length, ==, in_memory->len);
    g_assert_true (memcmp (async_contents, in_memory->str, length) == 0);
  }
}

/* Every counter in every export: one line each in the figures CSV (with
 * its label), an object each in the JSON, a column each in the visits CSV
 * (declared ones in order, then the period's undeclared ones, raw). */
static void
test_exports_list_counters (Fixture *f, gconstpointer data)
{
  static const EscaleCounterSpec photos[] = { { "taken", "Photos prises" }, { NULL, NULL } };
  g_autoptr(EscaleStatsStore) store = open_new_store (f->path);
  g_autoptr(EscaleStatsReport) report = NULL;
  g_autoptr(GDateTime) start = g_date_time_new_local (2026, 3, 20, 10, 0, 0);
  g_autoptr(EscaleSessionRecord)
               record = escale_session_record_new (start, 30 * 60, ESCALE_END_FINISHED, 0);
  g_autoptr(GString) summary = NULL;
  g_autoptr(GString) visits = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *json = NULL;
  g_auto (GStrv) lines = NULL;
  JsonArray *counters;

  g_assert_true (escale_stats_store_declare_counters (store, "photos", photos, NULL));
  add_visit (store, 2026, 3, 19, 9, 10, 0, ESCALE_SATISFACTION_NONE, ESCALE_AGE_NONE, NULL, NULL);
  escale_session_record_add_count (record, "call", "started", 2);
  escale_session_record_add_count (record, "call", "minutes", 15);
  escale_session_record_add_count (record, "photos", "taken", 3);
  escale_session_record_add_count (record, "ateliers", "inscriptions", 1);
  g_assert_true (escale_stats_store_add_session (store, record, NULL));
  report = escale_stats_report_new (store, "2026-03-01", "2026-03-31", NULL);

  summary = escale_stats_export_summary_csv (report);
  g_assert_nonnull (strstr (summary->str, "Compteurs des activités;Appels vidéo lancés;2\r\n"
                                          "Compteurs des activités;Appels vidéo aboutis;0\r\n"
                                          "Compteurs des activités;Minutes en communication;15\r\n"
                                          "Compteurs des activités;Photos prises;3\r\n"
                                          "Compteurs des activités;ateliers/inscriptions;1\r\n"));

  json = escale_stats_export_json (report);
  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  counters = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                           "counters");
  g_assert_cmpuint (json_array_get_length (counters), ==, 5);
  {
    JsonObject *first = json_array_get_object_element (counters, 0);
    JsonObject *last = json_array_get_object_element (counters, 4);

    g_assert_cmpstr (json_object_get_string_member (first, "kind"), ==, "call");
    g_assert_cmpstr (json_object_get_string_member (first, "counter"), ==, "started");
    g_assert_cmpstr (json_object_get_string_member (first, "label"), ==, "Appels vidéo lancés");
    g_assert_cmpint (json_object_get_int_member (first, "value"), ==, 2);
    g_assert_cmpint (json_object_get_int_member (first, "visits"), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (last, "kind"), ==, "ateliers");
    g_assert_true (json_object_get_null_member (last, "label"));
    g_assert_cmpint (json_object_get_int_member (last, "value"), ==, 1);
  }

  visits = escale_stats_export_sessions_csv (store, "2026-03-01", "2026-03-31", NULL);
  g_assert_nonnull (visits);
  lines = g_strsplit (visits->str, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_true (g_str_has_suffix (lines[0], ";Thématiques;Appels vidéo lancés;"
                                             "Appels vidéo aboutis;Minutes en communication;"
                                             "Photos prises;ateliers/inscriptions"));
  g_assert_true (g_str_has_suffix (lines[1], ";0;0;0;0;0"));
  g_assert_true (g_str_has_suffix (lines[2], ";2;0;15;3;1"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  g_test_add_func ("/escale/stats-model/csv-escaping", test_csv_escaping);
  ADD ("/escale/stats-model/csv-exports", test_csv_exports);
  ADD ("/escale/stats-model/csv-export-streamed", test_csv_export_streamed);
  ADD ("/escale/stats-model/exports-list-counters", test_exports_list_counters);
#undef ADD
  return g_test_run ();
}
