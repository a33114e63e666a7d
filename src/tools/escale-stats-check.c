/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <glib/gi18n.h>

#include "escale-scratch.h"
#include "escale-sqlite-statement.h"
#include "escale-stats-check.h"
#include "escale-stats-error.h"
#include "escale-stats-schema.h"
#include "escale-stats-store.h"

/* escale-stats check: what a store holds, whether SQLite finds it whole,
 * and whether its tables are those of its schema version. */

static gboolean
check_query (EscaleStatsStore *store, const char *db_path, const char *sql, char **text,
             GError **error)
{
  g_autoptr(EscaleSqliteStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  stmt = escale_stats_store_prepare (store, sql, &local_error);
  if (stmt == NULL || !escale_sqlite_statement_step_row (stmt, &local_error))
    {
      g_set_error (error, ESCALE_STATS_ERROR, ESCALE_STATS_ERROR_CORRUPT,
                   _ ("%s n'est pas un fichier de statistiques Escale lisible : %s"), db_path,
                   local_error->message);
      return FALSE;
    }
  *text = g_strdup (escale_sqlite_statement_get_text (stmt, 0));
  return TRUE;
}

/* Read-only: never migrates nor repairs. */
/* The tables of @store, sorted; NULL if they cannot be read. */
static GPtrArray *
list_tables (EscaleStatsStore *store)
{
  g_autoptr(EscaleSqliteStatement) stmt = escale_stats_store_prepare (
    store,
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    " ORDER BY name",
    NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);

  if (stmt == NULL)
    return NULL;
  while (escale_sqlite_statement_step (stmt, NULL))
    g_ptr_array_add (tables, g_strdup (escale_sqlite_statement_get_text (stmt, 0)));
  return g_steal_pointer (&tables);
}

/* The tables a store of this version has: those of a new one, made in a
 * temporary folder (the schema is written once, in the migrations). */
static GPtrArray *
expected_tables (void)
{
  g_autofree char *dir = g_dir_make_tmp ("escale-stats-check-XXXXXX", NULL);
  g_autofree char *path = NULL;
  g_autoptr(EscaleStatsStore) fresh = NULL;
  GPtrArray *tables = NULL;

  if (dir == NULL)
    return NULL;
  path = g_build_filename (dir, "schema.db", NULL);
  fresh = escale_stats_store_new (path);
  if (escale_stats_store_open (fresh, NULL))
    tables = list_tables (fresh);
  g_clear_object (&fresh);
  escale_remove_tree (dir, NULL);
  return tables;
}

static gboolean
has_table (GPtrArray *tables, const char *name)
{
  return g_ptr_array_find_with_equal_func (tables, name, g_str_equal, NULL);
}

/* The tables: an older schema is brought up to date when next opened, a
 * store of this version missing a table is damaged. */
static int
check_schema (EscaleStatsStore *store, const char *db_path, int version)
{
  g_autoptr(GPtrArray) expected = expected_tables ();
  g_autoptr(GPtrArray) present = list_tables (store);
  int status = EXIT_SUCCESS;

  if (version < ESCALE_STATS_SCHEMA_VERSION)
    g_print (_ ("Schéma ancien : il sera mis à jour à la prochaine ouverture par Escale\n"));
  if (expected == NULL || present == NULL)
    return escale_stats_fail (_ ("impossible de lire les tables de %s"), db_path);
  for (guint i = 0; i < expected->len; i++)
    {
      const char *table = expected->pdata[i];
      g_autofree char *sql = NULL;
      g_autofree char *count = NULL;

      if (!has_table (present, table))
        {
          if (version == ESCALE_STATS_SCHEMA_VERSION)
            {
              g_print (_ ("Table manquante : %s\n"), table);
              status = EXIT_FAILURE;
            }
          continue;
        }
      sql = g_strdup_printf ("SELECT count (*) FROM \"%s\"", table);
      if (check_query (store, db_path, sql, &count, NULL))
        g_print (_ ("Lignes dans %s : %s\n"), table, count);
    }
  return status;
}

/* escale-stats check: read-only, never migrates nor repairs. */
int
escale_stats_cmd_check (const char *db_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleStatsStore) store = NULL;
  g_autofree char *integrity = NULL;
  g_autofree char *version = NULL;
  g_autofree char *app_id = NULL;
  int status = EXIT_SUCCESS;

  if (!g_file_test (db_path, G_FILE_TEST_IS_REGULAR))
    return escale_stats_fail (_ ("%s n'existe pas (donnez le fichier avec --db FICHIER)"),
                              db_path);
  store = escale_stats_store_new_reader (db_path);
  if (!escale_stats_store_open (store, NULL))
    return escale_stats_fail (_ ("impossible d'ouvrir %s"), db_path);
  if (!check_query (store, db_path, "PRAGMA application_id", &app_id, &error) ||
      !check_query (store, db_path, "PRAGMA user_version", &version, &error))
    return escale_stats_fail ("%s", error->message);
  if (atoi (app_id) != ESCALE_STATS_APPLICATION_ID)
    return escale_stats_fail (_ ("%s est un fichier SQLite mais pas des statistiques Escale"),
                              db_path);
  if (!check_query (store, db_path, "PRAGMA integrity_check", &integrity, &error))
    return escale_stats_fail ("%s", error->message);
  g_print (_ ("Fichier : %s\nVersion du schéma : %s\nIntégrité : %s\n"), db_path, version,
           integrity);
  if (atoi (version) > ESCALE_STATS_SCHEMA_VERSION)
    return escale_stats_fail (
      _ ("%s a été écrit par une version plus récente d'Escale (schéma %d, celle-ci "
         "connaît le schéma %d) : mettez Escale à jour pour le vérifier"),
      db_path, atoi (version), ESCALE_STATS_SCHEMA_VERSION);
  if (!g_str_equal (integrity, "ok") || atoi (version) < 0)
    status = EXIT_FAILURE;
  else if (check_schema (store, db_path, atoi (version)) != EXIT_SUCCESS)
    status = EXIT_FAILURE;
  if (status != EXIT_SUCCESS)
    g_printerr (
      _ (
        "escale-stats : %s est endommagé ; gardez-en une copie et exportez ce qui peut être lu\n"),
      db_path);
  return status;
}
