/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>

#include "escale-fleet-push.h"
#include "escale-fleet-report.h"
#include "escale-stats-report.h"
#include "fleet-dataset.h"
#include "fleet-lab.h"

/* The territory on a real PostgreSQL 15 (tests/fleet-lab.c): what each
 * role may see and write now that row-level security is per kiosk
 * (data/server/migrations/003-kiosk-rows.sql), and the territory's PDF
 * report (`escale-stats report --server`: the territory, then a page per
 * site, the kiosk's own report's shape and figures). */

static FleetLab *lab;
static char *tmp;
static char *today;

#define FIRST_DAY "2026-02-01"
#define LAST_DAY "2026-02-28"

typedef struct
{
  const char *name;
  const char *site;
  const char *role;
  guint32 seed;
  char *db;
  gint64 visits;
} Kiosk;

/* Two kiosks in village a, one in village b. */
static Kiosk kiosks[] = {
  { "poste-a", "a", "ka", 1 },
  { "poste-a2", "a", "ka2", 2 },
  { "poste-b", "b", "kb", 3 },
};

static gint64
admin_int (const char *sql)
{
  g_autofree char *text = fleet_lab_query_text (lab, sql);

  return g_ascii_strtoll (text, NULL, 10);
}

/* Visits of @kiosk on the server, as the administrator sees them. */
static gint64
server_visits (const char *kiosk)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT coalesce (sum (sessions), 0) FROM escale.day_totals WHERE kiosk_id = '%s'", kiosk);

  return admin_int (sql);
}

/* Pushes @db as @kiosk of @site with @role's credentials. */
static gboolean
push_as (const char *role, const char *site, const char *kiosk, const char *db, GError **error)
{
  g_autofree char *conninfo = fleet_lab_conninfo (lab, role);
  g_autoptr(EscaleFleetServer) server = escale_fleet_server_connect (conninfo, error);
  g_autoptr(EscaleStatsStore) store = escale_stats_store_new (db);
  EscaleFleetPushResult result;

  if (server == NULL || !escale_stats_store_open (store, error))
    return FALSE;
  return escale_fleet_push (server, store, site, kiosk, 1, today, TRUE, &result, error);
}

/* @sql as @role: its status, and the rows it touched in *@affected. */
static ExecStatusType
exec_as (const char *role, const char *sql, char **affected, char **message)
{
  PGconn *conn = fleet_lab_connect (lab, role);
  PGresult *result = PQexec (conn, sql);
  ExecStatusType status = PQresultStatus (result);

  if (affected != NULL)
    *affected = g_strdup (PQcmdTuples (result));
  if (message != NULL)
    *message = g_strdup (PQresultErrorMessage (result));
  PQclear (result);
  PQfinish (conn);
  return status;
}

/* The one number @sql gives when @role asks. */
static gint64
int_as (const char *role, const char *sql)
{
  PGconn *conn = fleet_lab_connect (lab, role);
  PGresult *result = PQexec (conn, sql);
  gint64 value;

  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  value = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  PQclear (result);
  PQfinish (conn);
  return value;
}

#define SIBLING_ROW                                                                               \
  "INSERT INTO escale.day_totals VALUES ('a', 'poste-a2', '2026-01-01',"                          \
  " 9, 9, 0, 0, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)"

/* poste-a's role, in the same village as poste-a2, can neither add,
 * change, remove nor even see poste-a2's figures; its own it can. */
static void
test_kiosk_cannot_touch_sibling (void)
{
  gint64 before = server_visits ("poste-a2");
  g_autofree char *affected = NULL;
  g_autofree char *message = NULL;

  g_assert_cmpint (before, >, 0);
  g_assert_cmpint (exec_as ("ka", SIBLING_ROW, NULL, &message), ==, PGRES_FATAL_ERROR);
  g_assert_nonnull (strstr (message, "row-level security"));
  g_assert_cmpint (exec_as ("ka",
                            "UPDATE escale.day_totals SET sessions = 0"
                            " WHERE kiosk_id = 'poste-a2'",
                            &affected, NULL),
                   ==, PGRES_COMMAND_OK);
  g_assert_cmpstr (affected, ==, "0");
  g_clear_pointer (&affected, g_free);
  g_assert_cmpint (exec_as ("ka",
                            "DELETE FROM escale.workshops WHERE kiosk_id = 'poste-a2';"
                            " DELETE FROM escale.day_totals WHERE kiosk_id = 'poste-a2'",
                            &affected, NULL),
                   ==, PGRES_COMMAND_OK);
  g_assert_cmpstr (affected, ==, "0");
  g_assert_cmpint (int_as ("ka", "SELECT count (*) FROM escale.day_totals"
                                 " WHERE kiosk_id = 'poste-a2'"),
                   ==, 0);
  g_assert_cmpint (int_as ("ka", "SELECT coalesce (sum (sessions), 0) FROM escale.day_totals"), ==,
                   server_visits ("poste-a"));
  g_assert_cmpint (server_visits ("poste-a2"), ==, before);
}

/* A push with poste-a's credentials but configured as poste-a2 (a copied
 * escale.ini) is refused as a whole: poste-a2's figures stay its own. */
static void
test_push_as_sibling_refused (void)
{
  gint64 a2 = server_visits ("poste-a2");
  gint64 a = server_visits ("poste-a");
  g_autoptr(GError) error = NULL;

  g_assert_false (push_as ("ka", "a", "poste-a2", kiosks[2].db, &error));
  g_assert_error (error, ESCALE_FLEET_ERROR, ESCALE_FLEET_ERROR_QUERY);
  g_assert_nonnull (strstr (error->message, "row-level security"));
  g_assert_cmpint (server_visits ("poste-a2"), ==, a2);
  g_assert_cmpint (server_visits ("poste-a"), ==, a);
}

/* A role mapped to a site only (as before schema 3) may do nothing until
 * the administrator names its kiosk; then exactly that kiosk. */
static void
test_role_without_kiosk (void)
{
  g_autoptr(GError) error = NULL;

  fleet_lab_exec (lab, "CREATE ROLE kold LOGIN IN ROLE escale_kiosk;"
                       " INSERT INTO escale.site_roles (role_name, site_id) VALUES ('kold', 'a')");
  g_assert_cmpint (int_as ("kold", "SELECT count (*) FROM escale.day_totals"), ==, 0);
  g_assert_false (push_as ("kold", "a", "poste-old", kiosks[0].db, &error));
  g_assert_nonnull (strstr (error->message, "row-level security"));
  g_clear_error (&error);
  g_assert_cmpint (server_visits ("poste-old"), ==, 0);

  fleet_lab_exec (lab, "UPDATE escale.site_roles SET kiosk_id = 'poste-old'"
                       " WHERE role_name = 'kold'");
  g_assert_true (push_as ("kold", "a", "poste-old", kiosks[0].db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (server_visits ("poste-old"), ==, kiosks[0].visits);
  /* A second role for the same kiosk is refused by the administrator's
   * own insert. */
  g_assert_cmpint (exec_as ("postgres",
                            "CREATE ROLE kold2 LOGIN IN ROLE escale_kiosk;"
                            " INSERT INTO escale.site_roles VALUES ('kold2', 'a', 'poste-old')",
                            NULL, NULL),
                   ==, PGRES_FATAL_ERROR);
  fleet_lab_exec (lab, "DELETE FROM escale.day_totals WHERE kiosk_id = 'poste-old';"
                       " DELETE FROM escale.day_duration_totals WHERE kiosk_id = 'poste-old'");
}

/* The reading role sees every kiosk of every site, and writes nothing. */
static void
test_reader_reads_all (void)
{
  gint64 all = 0;

  for (guint i = 0; i < G_N_ELEMENTS (kiosks); i++)
    all += kiosks[i].visits;
  g_assert_cmpint (int_as ("conseiller", "SELECT sum (sessions) FROM escale.day_totals"), ==, all);
  g_assert_cmpint (exec_as ("conseiller", SIBLING_ROW, NULL, NULL), ==, PGRES_FATAL_ERROR);
  g_assert_cmpint (exec_as ("conseiller", "DELETE FROM escale.day_totals", NULL, NULL), ==,
                   PGRES_FATAL_ERROR);
  g_assert_cmpint (server_visits ("poste-b"), ==, kiosks[2].visits);
}

/* The text of @pdf, pages split at form feeds, spaces flattened. */
static char **
pdf_pages (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-raw", "-enc", "UTF-8", pdf, "-", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) spaces = g_regex_new ("[ \\n\\t\u00a0\u202f]+", 0, 0, NULL);
  g_autofree char *out = NULL;
  g_autofree char *flat = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  flat = g_regex_replace_literal (spaces, out, -1, 0, " ", 0, NULL);
  return g_strsplit (flat, "\f", -1);
}

/* "1 234 Visites": the key figure as the report writes it. */
static char *
visits_figure (gint64 n)
{
  g_autofree char *number = escale_stats_format_number ((guint64) n);
  g_autoptr(GRegex) spaces = g_regex_new ("[\u00a0\u202f]", 0, 0, NULL);
  g_autofree char *plain = g_regex_replace_literal (spaces, number, -1, 0, " ", 0, NULL);

  return g_strdup_printf ("%s Visites", plain);
}

static void
assert_page (const char *page, const char *title, gint64 visits)
{
  g_autofree char *figure = visits_figure (visits);

  if (!g_str_has_prefix (page, title) && !g_str_has_prefix (page + (*page == ' '), title))
    g_error ("page does not start with « %s »: %.200s", title, page);
  if (strstr (page, figure) == NULL)
    g_error ("page « %s » lacks « %s »: %.600s", title, figure, page);
}

/* escale-stats report --server: page 1 the territory's figures (the sum of
 * the three kiosks), then one page per site (site a: its two kiosks). */
static void
test_report_pdf_by_site (void)
{
  g_autofree char *pdf = g_build_filename (tmp, "territoire.pdf", NULL);
  g_autofree char *one = g_build_filename (tmp, "site-b.pdf", NULL);
  g_autofree char *conninfo = fleet_lab_conninfo (lab, "conseiller");
  g_autofree char *out = NULL;
  g_auto (GStrv) pages = NULL;
  g_auto (GStrv) site_pages = NULL;
  const char *argv[] = { ESCALE_STATS_EXE, "report", "--server", conninfo, "--from", FIRST_DAY,
                         "--to",           LAST_DAY, "-o",       pdf,      NULL };
  const char *site_argv[] = {
    ESCALE_STATS_EXE, "report",  "--server", conninfo, "--site", "b", "-o", one,
    "--from",         FIRST_DAY, "--to",     LAST_DAY, NULL
  };
  int status;

  g_assert_true (
    g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, &out, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  pages = pdf_pages (pdf);
  /* Three pages, and what pdftotext leaves after the last form feed. */
  g_assert_cmpuint (g_strv_length (pages), ==, 4);
  assert_page (pages[0], "Tout le territoire",
               kiosks[0].visits + kiosks[1].visits + kiosks[2].visits);
  assert_page (pages[1], "Centre a", kiosks[0].visits + kiosks[1].visits);
  assert_page (pages[2], "Centre b", kiosks[2].visits);

  g_assert_true (
    g_spawn_sync (NULL, (char **) site_argv, NULL, 0, NULL, NULL, NULL, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  site_pages = pdf_pages (one);
  g_assert_cmpuint (g_strv_length (site_pages), ==, 2);
  assert_page (site_pages[0], "Centre b", kiosks[2].visits);
}

/* A kiosk's credentials cannot make the territory's report: it may not
 * read the list of sites (nor the others' figures). */
static void
test_report_needs_reader (void)
{
  g_autofree char *pdf = g_build_filename (tmp, "refused.pdf", NULL);
  g_autofree char *conninfo = fleet_lab_conninfo (lab, "kb");
  g_autofree char *err = NULL;
  const char *argv[] = { ESCALE_STATS_EXE, "report", "--server", conninfo, "-o", pdf, NULL };
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, &err, &status, NULL));
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (err, "permission denied"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

int
main (int argc, char *argv[])
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int status;

  g_test_init (&argc, &argv, NULL);
  today = g_date_time_format (now, "%Y-%m-%d");
  lab = fleet_lab_new ();
  tmp = g_build_filename (fleet_lab_get_dir (lab), "kiosks", NULL);
  g_assert_cmpint (g_mkdir (tmp, 0700), ==, 0);
  fleet_lab_exec (lab, "CREATE ROLE conseiller LOGIN IN ROLE escale_reader");
  for (guint i = 0; i < G_N_ELEMENTS (kiosks); i++)
    {
      Kiosk *k = &kiosks[i];
      g_autofree char *name = g_strdup_printf ("%s.db", k->name);
      g_autoptr(EscaleStatsStore) store = NULL;
      g_autoptr(GError) error = NULL;

      fleet_lab_add_site (lab, k->site, k->role, k->name);
      k->db = g_build_filename (tmp, name, NULL);
      store = escale_stats_store_new (k->db);
      fleet_dataset_fill (store, k->seed, FIRST_DAY, 28, 5);
      k->visits = escale_stats_store_count_sessions (store, NULL);
      g_assert_true (push_as (k->role, k->site, k->name, k->db, &error));
      g_assert_no_error (error);
      g_assert_cmpint (server_visits (k->name), ==, k->visits);
    }

  g_test_add_func ("/escale/fleet-territory/kiosk-cannot-touch-sibling",
                   test_kiosk_cannot_touch_sibling);
  g_test_add_func ("/escale/fleet-territory/push-as-sibling-refused",
                   test_push_as_sibling_refused);
  g_test_add_func ("/escale/fleet-territory/role-without-kiosk", test_role_without_kiosk);
  g_test_add_func ("/escale/fleet-territory/reader-reads-all", test_reader_reads_all);
  g_test_add_func ("/escale/fleet-territory/report-pdf-by-site", test_report_pdf_by_site);
  g_test_add_func ("/escale/fleet-territory/report-needs-reader", test_report_needs_reader);
  status = g_test_run ();

  for (guint i = 0; i < G_N_ELEMENTS (kiosks); i++)
    g_free (kiosks[i].db);
  g_clear_pointer (&lab, fleet_lab_free);
  return status;
}
