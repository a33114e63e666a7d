/* SPDX-License-Identifier: GPL-3.0-or-later */
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
  g_assert_nonnull (strstr (summary->str,
                            "Thématique (visites);\"Loisirs; \"\"jeux\"\"\";1\r\n"));
  g_assert_nonnull (strstr (summary->str, "Tranche d'âge;70 ans et plus;4\r\n"));

  sessions = escale_stats_export_sessions_csv (store, "2026-03-01", "2026-03-31", NULL);
  g_assert_nonnull (sessions);
  g_assert_true (g_str_has_prefix (sessions->str, "\xef\xbb\xbfIdentifiant de visite;Jour;"));
  lines = g_strsplit (sessions->str, "\r\n", -1);
  /* Header, 11 visits, and the empty tail: never more than the store holds. */
  g_assert_cmpuint (g_strv_length (lines), ==, 13);
  g_assert_nonnull (strstr (lines[1], ";2026-03-02;9 h;lundi;10;J'ai fini;0;non;Oui;"
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
  g_assert_true (escale_stats_export_sessions_csv_file (store, "2026-01-01", "2026-12-31",
                                                        out_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out_path, &streamed, &length, NULL));
  g_assert_cmpuint (length, ==, in_memory->len);
  g_assert_true (memcmp (streamed, in_memory->str, length) == 0);
  /* A visit with two activities lists both, in order, on its one line. */
  g_assert_nonnull (strstr (streamed, "culture ("));
  g_assert_nonnull (strstr (streamed, "), demarches ("));

  g_assert_false (escale_stats_export_sessions_csv_file (store, "2026-01-01", "2026-12-31",
                                                         missing, &error));
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


int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  g_test_add_func ("/escale/stats-model/csv-escaping", test_csv_escaping);
  ADD ("/escale/stats-model/csv-exports", test_csv_exports);
  ADD ("/escale/stats-model/csv-export-streamed", test_csv_export_streamed);
#undef ADD
  return g_test_run ();
}
