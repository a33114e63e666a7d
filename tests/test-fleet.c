/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <signal.h>
#include <glib/gstdio.h>

#include "escale-fleet-report.h"
#include "escale-fleet-server.h"
#include "escale-stats-export.h"
#include "escale-stats-report.h"
#include "escale-stats-store.h"
#include "fleet-dataset.h"
#include "fleet-lab.h"

/* Several kiosks on a real PostgreSQL 15 (tests/fleet-lab.c): three
 * kiosks' stores generated through the kiosk's API, pushed by the real
 * `escale-stats push` (interleaved, one killed halfway, the server
 * restarted, a backup restored), then the server's figures against the
 * kiosks' own: the sum, each visit once, nothing lost. Then what each
 * kiosk role may do, the hour threshold, a newer server schema, the
 * back-off and staff warning, and retention keeping unsent days. */

static FleetLab *lab;
static char *tmp;
static char *today;
static char *period_end; /* the last day of this month */

#define PERIOD_START "2026-02-01"

typedef struct
{
  const char *name;
  const char *site;
  const char *role;
  int threshold;
  char *dir;
  char *db;
} Kiosk;

static Kiosk kiosk_a = { "poste-a", "a", "ka", 1 };
static Kiosk kiosk_a2 = { "poste-a2", "a", "ka2", 1 };
static Kiosk kiosk_b = { "poste-b", "b", "kb", 5 };

/* The kiosk's config folder: escale.ini with [Fleet], and the connection
 * file readable by its owner only. */
static void
kiosk_write_config (Kiosk *k, const char *site, const char *conninfo)
{
  g_autofree char *conn = g_build_filename (k->dir, "server.conn", NULL);
  g_autofree char *ini = g_build_filename (k->dir, "escale.ini", NULL);
  g_autofree char *text = g_strdup_printf (
    "[Centre]\nname=Centre %s\n\n[Fleet]\nconnection=server.conn\nsite=%s\nkiosk=%s\n"
    "hour-threshold=%d\n",
    site, site, k->name, k->threshold);
  g_autofree char *line = g_strconcat ("# the kiosk's role\n", conninfo, "\n", NULL);

  g_assert_true (g_file_set_contents (conn, line, -1, NULL));
  g_assert_cmpint (g_chmod (conn, 0600), ==, 0);
  g_assert_true (g_file_set_contents (ini, text, -1, NULL));
}

static void
kiosk_init (Kiosk *k, guint32 seed, guint max_per_day)
{
  g_autoptr(EscaleStatsStore) store = NULL;
  g_autofree char *conninfo = fleet_lab_conninfo (lab, k->role);

  k->dir = g_build_filename (tmp, k->name, NULL);
  k->db = g_build_filename (k->dir, "stats.db", NULL);
  g_assert_cmpint (g_mkdir (k->dir, 0700), ==, 0);
  kiosk_write_config (k, k->site, conninfo);
  store = escale_stats_store_new (k->db);
  fleet_dataset_fill (store, seed, PERIOD_START, 89, max_per_day);
}

/* @n visits today, as the kiosk writes them. */
static void
kiosk_visits_today (Kiosk *k, guint32 seed, guint n)
{
  g_autoptr(EscaleStatsStore) store = escale_stats_store_new (k->db);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  for (guint i = 0; i < n; i++)
    fleet_dataset_visit (store, rand, now);
}

static GSubprocess *
start_stats (GSubprocessFlags flags, const char *const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  g_ptr_array_add (argv, (char *) ESCALE_STATS_EXE);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  process =
    g_subprocess_newv ((const char *const *) argv->pdata,
                       flags | G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_MERGE,
                       &error);
  g_assert_no_error (error);
  return process;
}

/* Runs escale-stats with @args; its exit status, its output in *@out. */
static int
run_stats (const char *const *args, char **out)
{
  g_autoptr(GSubprocess) process = start_stats (0, args);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, &text, NULL, &error));
  g_assert_no_error (error);
  if (out != NULL)
    *out = g_steal_pointer (&text);
  return g_subprocess_get_exit_status (process);
}

static int
push (Kiosk *k, const char *option, char **out)
{
  return run_stats ((const char *const[]){ "--db", k->db, "--config", k->dir, "push", option,
                                           NULL },
                    out);
}

static void
push_ok (Kiosk *k)
{
  g_autofree char *out = NULL;
  int status = push (k, "--now", &out);

  if (status != 0)
    g_error ("push of %s failed: %s", k->name, out);
  g_assert_nonnull (strstr (out, "Envoyé au serveur"));
}

static char *
csv_of (EscaleStatsStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleStatsReport)
               report = escale_stats_report_new (store, PERIOD_START, period_end, &error);
  GString *csv;

  g_assert_no_error (error);
  csv = escale_stats_export_summary_csv (report);
  return g_string_free (csv, FALSE);
}

/* The figures CSV of the kiosks' stores merged into one (each visit once). */
static char *
local_csv (Kiosk *const *kiosks, gint64 *n_visits)
{
  g_autofree char *path = g_build_filename (tmp, "merged.db", NULL);
  g_autoptr(EscaleStatsStore) merged = NULL;

  g_unlink (path);
  merged = escale_stats_store_new (path);
  for (guint i = 0; kiosks[i] != NULL; i++)
    g_assert_true (escale_stats_store_merge (merged, kiosks[i]->db, NULL, NULL));
  *n_visits = escale_stats_store_count_sessions (merged, NULL);
  return csv_of (merged);
}

static EscaleStatsStore *
server_store (const char *site, const char *kiosk)
{
  g_autofree char *admin = fleet_lab_conninfo (lab, "postgres");
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleFleetServer) server = escale_fleet_server_connect (admin, &error);
  EscaleStatsStore *store;

  g_assert_no_error (error);
  store = escale_fleet_load_store (server, site, kiosk, PERIOD_START, period_end, &error);
  g_assert_no_error (error);
  return store;
}

static char *
server_csv (const char *site, const char *kiosk)
{
  g_autoptr(EscaleStatsStore) store = server_store (site, kiosk);

  return csv_of (store);
}

static gint64
server_int (const char *sql)
{
  g_autofree char *text = fleet_lab_query_text (lab, sql);

  return g_ascii_strtoll (text, NULL, 10);
}

static gint64
server_visits_today (Kiosk *k)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce (sum (sessions), 0) FROM"
                                          " escale.day_totals WHERE kiosk_id = '%s'"
                                          " AND day = '%s'",
                                          k->name, today);

  return server_int (sql);
}

/* A push of @k started while another session holds escale.pushes: it
 * copies and upserts every table, then waits on the lock for its last
 * statement; killed there, its transaction must leave nothing. */
static void
push_killed_halfway (Kiosk *k)
{
  PGconn *holder = fleet_lab_connect (lab, "postgres");
  PGresult *locked = PQexec (holder, "BEGIN; LOCK TABLE escale.pushes IN ACCESS EXCLUSIVE MODE");
  g_autoptr(GSubprocess) process = NULL;
  gint64 waiting = 0;

  g_assert_cmpint (PQresultStatus (locked), ==, PGRES_COMMAND_OK);
  PQclear (locked);
  process = start_stats (0, (const char *const[]){ "--db", k->db, "--config", k->dir, "push",
                                                   "--now", NULL });
  for (guint i = 0; i < 600 && waiting == 0; i++)
    {
      g_usleep (20 * 1000);
      waiting = server_int ("SELECT count (*) FROM pg_stat_activity WHERE application_name ="
                            " 'escale-stats' AND wait_event_type = 'Lock'");
    }
  g_assert_cmpint (waiting, ==, 1);
  g_subprocess_send_signal (process, SIGKILL);
  g_assert_true (g_subprocess_wait (process, NULL, NULL));
  g_assert_false (g_subprocess_get_successful (process));
  PQclear (PQexec (holder, "ROLLBACK"));
  PQfinish (holder);
}

/* A restore from a backup: the file as it was, no journal left. */
static void
restore (Kiosk *k, const char *contents, gsize length)
{
  g_autofree char *wal = g_strconcat (k->db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (k->db, "-shm", NULL);

  g_unlink (wal);
  g_unlink (shm);
  g_assert_true (g_file_set_contents (k->db, contents, length, NULL));
}

/* The key columns of a server table, for the allowlist. */
#define DAY_COLUMNS(t) t ".site_id " t ".kiosk_id " t ".day "
#define MONTH_COLUMNS(t) t ".site_id " t ".kiosk_id " t ".month "

static void
assert_same_text (const char *what, const char *expected, const char *got)
{
  if (g_strcmp0 (expected, got) != 0)
    g_error ("%s differ:\n--- kiosks\n%s\n--- server\n%s", what, expected, got);
}

/* Interleaved pushes of three kiosks on two sites, a push killed halfway,
 * the server restarted, a kiosk restored from its backup: the server's
 * figures are the kiosks' own, each visit once. */
static void
test_three_kiosks (void)
{
  Kiosk *all[] = { &kiosk_a, &kiosk_a2, &kiosk_b, NULL };
  Kiosk *site_a[] = { &kiosk_a, &kiosk_a2, NULL };
  g_autofree char *backup = g_build_filename (tmp, "poste-a-backup.db", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  gint64 n_visits = 0;

  push_ok (&kiosk_a);
  push_ok (&kiosk_b);
  g_assert_true (g_file_get_contents (kiosk_a.db, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (backup, contents, length, NULL));
  kiosk_visits_today (&kiosk_a, 11, 3);
  push_ok (&kiosk_a);
  g_assert_cmpint (server_visits_today (&kiosk_a), ==, 3);
  push_ok (&kiosk_a2);

  /* Killed while waiting on the server: nothing of it is there. */
  kiosk_visits_today (&kiosk_a2, 12, 2);
  push_killed_halfway (&kiosk_a2);
  g_assert_cmpint (server_visits_today (&kiosk_a2), ==, 0);
  fleet_lab_stop (lab);
  fleet_lab_start (lab);
  push_ok (&kiosk_a2);
  g_assert_cmpint (server_visits_today (&kiosk_a2), ==, 2);

  /* Restored from a backup made before today's visits, then one more
   * visit: the server holds today as the kiosk now does. */
  restore (&kiosk_a, contents, length);
  kiosk_visits_today (&kiosk_a, 13, 1);
  push_ok (&kiosk_a);
  g_assert_cmpint (server_visits_today (&kiosk_a), ==, 1);
  push_ok (&kiosk_b);
  push_ok (&kiosk_b);
  g_assert_cmpint (push (&kiosk_b, "--all", NULL), ==, 0);

  expected = local_csv ((Kiosk *const *) all, &n_visits);
  got = server_csv (NULL, NULL);
  assert_same_text ("territory figures", expected, got);
  g_assert_cmpint (n_visits, >, 300);
  g_assert_cmpint (server_int ("SELECT sum (sessions) FROM escale.day_totals"), ==, n_visits);

  g_clear_pointer (&expected, g_free);
  g_clear_pointer (&got, g_free);
  expected = local_csv ((Kiosk *const *) site_a, &n_visits);
  got = server_csv ("a", NULL);
  assert_same_text ("site a's figures", expected, got);
}

/* The sheets of a workbook, read back by tests/read-xlsx.py. */
static char *
read_xlsx (const char *path)
{
  g_autofree char *script = g_build_filename (ESCALE_SOURCE_DIR, "tests", "read-xlsx.py", NULL);
  g_autofree char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char *[]){ "python3", script, (char *) path, NULL }, NULL,
                               G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

/* escale-stats export --format @format: poste-a's file and the server's
 * for poste-a are the same. */
static void
assert_same_export (const char *format)
{
  g_autofree char *admin = fleet_lab_conninfo (lab, "postgres");
  g_autofree char *own = g_strdup_printf ("%s/own.%s", tmp, format);
  g_autofree char *remote = g_strdup_printf ("%s/remote.%s", tmp, format);
  g_autofree char *own_text = NULL;
  g_autofree char *remote_text = NULL;

  g_assert_cmpint (run_stats ((const char *const[]){ "--db", kiosk_a.db, "export", "--format",
                                                     format, "--from", PERIOD_START, "--to",
                                                     period_end, "-o", own, "--force", NULL },
                              NULL),
                   ==, 0);
  g_assert_cmpint (run_stats ((const char *const[]){ "export", "--server", admin, "--site", "a",
                                                     "--kiosk", "poste-a", "--format", format,
                                                     "--from", PERIOD_START, "--to", period_end,
                                                     "-o", remote, "--force", NULL },
                              NULL),
                   ==, 0);
  if (g_str_equal (format, "xlsx"))
    {
      own_text = read_xlsx (own);
      remote_text = read_xlsx (remote);
      g_assert_nonnull (strstr (own_text, "== "));
    }
  else
    {
      g_assert_true (g_file_get_contents (own, &own_text, NULL, NULL));
      g_assert_true (g_file_get_contents (remote, &remote_text, NULL, NULL));
    }
  assert_same_text (format, own_text, remote_text);
}

/* One kiosk's figures from the server are its own report: every figure of
 * the CSV, the hour grid (threshold 1), and escale-stats summary's text. */
static void
test_one_kiosk_report (void)
{
  g_autoptr(EscaleStatsStore) own = escale_stats_store_new (kiosk_a.db);
  g_autoptr(EscaleStatsStore) remote = server_store ("a", "poste-a");
  g_autoptr(EscaleStatsReport)
               own_report = escale_stats_report_new (own, PERIOD_START, period_end, NULL);
  g_autoptr(EscaleStatsReport)
               remote_report = escale_stats_report_new (remote, PERIOD_START, period_end, NULL);
  g_autofree char *expected = csv_of (own);
  g_autofree char *got = csv_of (remote);
  g_autofree char *admin = fleet_lab_conninfo (lab, "postgres");
  g_autofree char *local_text = NULL;
  g_autofree char *server_text = NULL;
  guint cells = 0;

  assert_same_text ("poste-a's figures", expected, got);
  for (int weekday = 1; weekday <= 7; weekday++)
    for (int hour = 0; hour < 24; hour++)
      {
        g_assert_cmpuint (escale_stats_report_get_heat (remote_report, weekday, hour), ==,
                          escale_stats_report_get_heat (own_report, weekday, hour));
        cells += escale_stats_report_get_heat (own_report, weekday, hour) > 0;
      }
  g_assert_cmpuint (cells, >, 20);

  g_assert_cmpint (run_stats ((const char *const[]){ "--db", kiosk_a.db, "summary", "--from",
                                                     PERIOD_START, "--to", period_end, NULL },
                              &local_text),
                   ==, 0);
  g_assert_cmpint (run_stats ((const char *const[]){ "summary", "--server", admin, "--site", "a",
                                                     "--kiosk", "poste-a", "--from", PERIOD_START,
                                                     "--to", period_end, NULL },
                              &server_text),
                   ==, 0);
  g_assert_nonnull (strstr (local_text, "Visites : "));
  assert_same_text ("escale-stats summary", local_text, server_text);
  assert_same_export ("csv");
  assert_same_export ("json");
  assert_same_export ("xlsx");
}

/* Hour-of-start cells under the kiosk's threshold (5 for poste-b) never
 * reach the server; the others do. */
static void
test_hour_threshold (void)
{
  g_autoptr(EscaleStatsStore) store = escale_stats_store_new (kiosk_b.db);
  gint64 small = 0, large = 0;

  g_assert_true (escale_stats_store_query_int (
    store,
    "SELECT count (*) FROM (SELECT sum (sessions) AS n FROM day_hour_totals"
    " GROUP BY substr (day, 1, 7), weekday, start_hour) WHERE n < 5",
    &small, NULL));
  g_assert_true (escale_stats_store_query_int (
    store,
    "SELECT count (*) FROM (SELECT sum (sessions) AS n FROM day_hour_totals"
    " GROUP BY substr (day, 1, 7), weekday, start_hour) WHERE n >= 5",
    &large, NULL));
  g_assert_cmpint (small, >, 0);
  g_assert_cmpint (large, >, 0);
  g_assert_cmpint (server_int ("SELECT count (*) FROM escale.month_hour_totals"
                               " WHERE kiosk_id = 'poste-b' AND sessions < 5"),
                   ==, 0);
  g_assert_cmpint (server_int ("SELECT count (*) FROM escale.month_hour_totals"
                               " WHERE kiosk_id = 'poste-b'"),
                   ==, large);
}

static ExecStatusType
exec_as (const char *role, const char *sql, char **affected)
{
  PGconn *conn = fleet_lab_connect (lab, role);
  PGresult *result = PQexec (conn, sql);
  ExecStatusType status = PQresultStatus (result);

  if (affected != NULL)
    *affected = g_strdup (PQcmdTuples (result));
  PQclear (result);
  PQfinish (conn);
  return status;
}

/* Kiosk a's role cannot write, change or remove site b's figures, not
 * even through a push configured with site=b. */
static void
test_site_roles (void)
{
  g_autofree char *before = server_csv ("b", NULL);
  g_autofree char *after = NULL;
  g_autofree char *affected = NULL;
  g_autofree char *out = NULL;
  g_autofree char *conninfo = fleet_lab_conninfo (lab, "ka");
  Kiosk liar = { "poste-b", "b", "ka", 1 };
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_cmpint (exec_as ("ka",
                            "INSERT INTO escale.day_totals VALUES ('b', 'poste-b', '2026-01-01',"
                            " 9, 9, 0, 0, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)",
                            NULL),
                   ==, PGRES_FATAL_ERROR);
  g_assert_cmpint (exec_as ("ka", "UPDATE escale.day_totals SET sessions = 0 WHERE site_id = 'b'",
                            &affected),
                   ==, PGRES_COMMAND_OK);
  g_assert_cmpstr (affected, ==, "0");
  g_clear_pointer (&affected, g_free);
  g_assert_cmpint (exec_as ("ka", "DELETE FROM escale.day_totals WHERE site_id = 'b'", &affected),
                   ==, PGRES_COMMAND_OK);
  g_assert_cmpstr (affected, ==, "0");
  g_assert_cmpint (exec_as ("ka", "DROP TABLE escale.day_totals", NULL), ==, PGRES_FATAL_ERROR);

  /* poste-b's own store and config, but kiosk a's credentials. */
  liar.dir = g_build_filename (tmp, "liar", NULL);
  liar.db = g_build_filename (liar.dir, "stats.db", NULL);
  g_assert_cmpint (g_mkdir (liar.dir, 0700), ==, 0);
  g_assert_true (g_file_get_contents (kiosk_b.db, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (liar.db, contents, length, NULL));
  kiosk_write_config (&liar, "b", conninfo);
  g_assert_cmpint (push (&liar, "--now", &out), ==, 1);
  g_assert_nonnull (strstr (out, "row-level security"));
  after = server_csv ("b", NULL);
  assert_same_text ("site b's figures after kiosk a tried", before, after);
  g_free (liar.dir);
  g_free (liar.db);
}

/* A server of a newer schema is refused before anything is sent; the
 * failure backs the next tries off and, after a day, warns the staff. */
static void
test_newer_schema_and_backoff (void)
{
  g_autoptr(EscaleStatsStore) store = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) later = g_date_time_add_hours (now, 2);
  g_autoptr(GDateTime) next_day = g_date_time_add_hours (now, 25);
  g_autofree char *out = NULL;
  g_autofree char *warning = NULL;
  g_autofree char *pushed_before = NULL;
  g_autofree char *pushed_after = NULL;

  pushed_before =
    fleet_lab_query_text (lab, "SELECT pushed_at FROM escale.pushes WHERE kiosk_id = 'poste-a'");
  /* The schema after ours. */
  fleet_lab_exec (lab, "INSERT INTO escale.migrations (version) VALUES (4)");
  kiosk_visits_today (&kiosk_a, 14, 1);
  g_assert_cmpint (push (&kiosk_a, "--now", &out), ==, 1);
  g_assert_cmpint (ESCALE_FLEET_SCHEMA_VERSION, ==, 3);
  g_assert_nonnull (strstr (out, "schéma 4, plus récent"));
  g_clear_pointer (&out, g_free);
  /* The hourly timer's next run waits (1 h after one failure). */
  g_assert_cmpint (push (&kiosk_a, NULL, &out), ==, 0);
  g_assert_nonnull (strstr (out, "prochain essai"));
  pushed_after =
    fleet_lab_query_text (lab, "SELECT pushed_at FROM escale.pushes WHERE kiosk_id = 'poste-a'");
  g_assert_cmpstr (pushed_before, ==, pushed_after);
  g_assert_cmpint (server_visits_today (&kiosk_a), ==, 1);

  store = escale_stats_store_new (kiosk_a.db);
  g_assert_null (escale_stats_store_push_warning (store, later));
  warning = escale_stats_store_push_warning (store, next_day);
  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (warning, "ne partent plus vers le serveur"));
  g_assert_nonnull (strstr (warning, "plus récent"));

  fleet_lab_exec (lab, "DELETE FROM escale.migrations WHERE version = 4");
  push_ok (&kiosk_a);
  g_assert_cmpint (server_visits_today (&kiosk_a), ==, 2);
  g_assert_null (escale_stats_store_push_warning (store, next_day));
}

/* Retention never folds a day the server does not have for good. */
static void
test_retention_keeps_unsent_days (void)
{
  Kiosk k = { "poste-c", "c", "kc", 1 };
  g_autoptr(EscaleStatsStore) store = NULL;
  g_autoptr(GDateTime) far = g_date_time_new_local (2030, 1, 15, 12, 0, 0);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before, after;

  fleet_lab_add_site (lab, "c", "kc", "poste-c");
  kiosk_init (&k, 4, 3);
  /* Configured, server unreachable: nothing sent, nothing folded. */
  kiosk_write_config (&k, "c", "host=127.0.0.1 port=1 dbname=escale user=kc");
  g_assert_cmpint (push (&k, "--now", &out), ==, 1);
  g_assert_nonnull (strstr (out, "connexion au serveur impossible"));
  store = escale_stats_store_new (k.db);
  before = escale_stats_store_count_sessions (store, NULL);
  g_assert_true (escale_stats_store_apply_retention (store, far, 1, NULL, NULL));
  g_assert_cmpint (escale_stats_store_count_sessions (store, NULL), ==, before);

  /* Sent: the sent months may go, the server keeps them. */
  g_clear_object (&store);
  {
    g_autofree char *conninfo = fleet_lab_conninfo (lab, "kc");

    kiosk_write_config (&k, "c", conninfo);
  }
  push_ok (&k);
  store = escale_stats_store_new (k.db);
  escale_stats_store_apply_retention (store, far, 1, NULL, &error);
  g_assert_no_error (error);
  after = escale_stats_store_count_sessions (store, NULL);
  g_assert_cmpint (after, ==, 0);
  g_clear_object (&store);
  push_ok (&k);
  /* Even --all (every day the kiosk still holds) keeps the folded ones. */
  g_assert_cmpint (push (&k, "--all", NULL), ==, 0);
  g_assert_cmpint (server_int ("SELECT sum (sessions) FROM escale.day_totals"
                               " WHERE kiosk_id = 'poste-c'"),
                   ==, before);
  /* The months folded after the first push are not sent again as months. */
  {
    g_autoptr(EscaleStatsStore) remote = server_store ("c", "poste-c");
    g_autoptr(EscaleStatsReport)
                 report = escale_stats_report_new (remote, PERIOD_START, period_end, NULL);

    g_assert_cmpuint (escale_stats_report_get_sessions (report), ==, before);
    g_assert_cmpuint (escale_stats_report_get_folded_sessions (report), ==, 0);
  }
  g_free (k.dir);
  g_free (k.db);
}

/* sslmode=verify-full: the server's certificate is checked against the
 * CA given in sslrootcert=, and its name against the host. */
static void
test_tls_verify_full (void)
{
  g_autofree char *other_ca = NULL;
  g_autofree char *ca = fleet_lab_enable_tls (lab, &other_ca);
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *out = NULL;
  g_autofree char *plain = fleet_lab_conninfo (lab, kiosk_a.role);

  good = g_strdup_printf ("%s host=localhost sslmode=verify-full sslrootcert=%s", plain, ca);
  bad = g_strdup_printf ("%s host=localhost sslmode=verify-full sslrootcert=%s", plain, other_ca);
  kiosk_write_config (&kiosk_a, kiosk_a.site, bad);
  g_assert_cmpint (push (&kiosk_a, "--now", &out), ==, 1);
  g_assert_nonnull (strstr (out, "certificate verify failed"));
  kiosk_write_config (&kiosk_a, kiosk_a.site, good);
  push_ok (&kiosk_a);
  kiosk_write_config (&kiosk_a, kiosk_a.site, plain);
}

/* A kiosk that folded its old months (retention) before it ever pushed:
 * its first push sends them as months, so the server's report of its
 * period is its own, folded visits included; later pushes never send
 * them twice. */
static void
test_months_folded_before_first_push (void)
{
  Kiosk k = { "poste-d", "c", "kd", 1 };
  g_autoptr(EscaleStatsStore) store = NULL;
  g_autoptr(EscaleStatsReport) report = NULL;
  g_autoptr(GDateTime) june = g_date_time_new_local (2026, 6, 15, 12, 0, 0);
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;

  fleet_lab_add_site (lab, "c", "kd", "poste-d");
  kiosk_init (&k, 5, 4);
  store = escale_stats_store_new (k.db);
  /* Keep 1 month before June: February and March are folded, April
   * stays as days. */
  g_assert_true (escale_stats_store_apply_retention (store, june, 2, NULL, NULL));
  report = escale_stats_report_new (store, PERIOD_START, period_end, NULL);
  g_assert_cmpuint (escale_stats_report_get_folded_sessions (report), >, 50);
  g_assert_cmpuint (escale_stats_report_get_sessions (report), >,
                    escale_stats_report_get_folded_sessions (report));
  expected = csv_of (store);
  g_clear_object (&store);

  push_ok (&k);
  push_ok (&k);
  g_assert_cmpint (push (&k, "--all", NULL), ==, 0);
  got = server_csv ("c", "poste-d");
  assert_same_text ("poste-d's figures, folded months included", expected, got);
  g_free (k.dir);
  g_free (k.db);
}

/* The server holds only totals: any new column of its schema must be
 * added here on purpose, after a privacy review (as the kiosk's store's
 * allowlist in test-stats-store.c). */
static void
test_server_columns_allowlist (void)
{
  g_autofree char *columns =
    fleet_lab_query_text (lab, "SELECT string_agg (table_name || '.' || column_name, ' '"
                               " ORDER BY table_name, ordinal_position)"
                               " FROM information_schema.columns WHERE table_schema = 'escale'");
  g_autofree char *expected = g_strjoin (
    " ", "activity_titles.site_id activity_titles.kiosk_id activity_titles.activity_id",
    "activity_titles.title counter_labels.site_id counter_labels.kiosk_id counter_labels.kind",
    "counter_labels.counter counter_labels.label counter_labels.position",
    DAY_COLUMNS ("day_activity_totals") "day_activity_totals.activity_id",
    "day_activity_totals.theme day_activity_totals.sessions day_activity_totals.minutes",
    DAY_COLUMNS ("day_category_totals") "day_category_totals.kind day_category_totals.category",
    "day_category_totals.sessions", DAY_COLUMNS ("day_counter_totals") "day_counter_totals.kind",
    "day_counter_totals.counter day_counter_totals.sessions day_counter_totals.value",
    DAY_COLUMNS ("day_duration_totals") "day_duration_totals.duration_min",
    "day_duration_totals.sessions", DAY_COLUMNS ("day_theme_totals") "day_theme_totals.theme",
    "day_theme_totals.sessions day_theme_totals.minutes",
    DAY_COLUMNS (
      "day_totals") "day_totals.sessions day_totals.minutes day_totals.help_asked day_totals.helper_calls",
    "day_totals.help_given day_totals.in_workshop day_totals.autonomous day_totals.under_30_min",
    "day_totals.under_1_h day_totals.under_2_h day_totals.over_2_h day_totals.satisfaction_yes",
    "day_totals.satisfaction_partly day_totals.satisfaction_no day_totals.age_18_24",
    "day_totals.age_25_39 day_totals.age_40_59 day_totals.age_60_69 day_totals.age_70_plus",
    "day_totals.age_declined migrations.version migrations.applied_at",
    MONTH_COLUMNS ("month_hour_totals") "month_hour_totals.weekday month_hour_totals.start_hour",
    "month_hour_totals.sessions",
    MONTH_COLUMNS ("monthly_activity_totals") "monthly_activity_totals.activity_id",
    "monthly_activity_totals.theme",
    "monthly_activity_totals.sessions monthly_activity_totals.minutes",
    MONTH_COLUMNS ("monthly_category_totals") "monthly_category_totals.kind",
    "monthly_category_totals.category monthly_category_totals.sessions",
    MONTH_COLUMNS ("monthly_counter_totals") "monthly_counter_totals.kind",
    "monthly_counter_totals.counter monthly_counter_totals.value",
    MONTH_COLUMNS ("monthly_theme_totals") "monthly_theme_totals.theme",
    "monthly_theme_totals.sessions monthly_theme_totals.minutes",
    MONTH_COLUMNS ("monthly_totals") "monthly_totals.sessions monthly_totals.minutes",
    "monthly_totals.help_asked monthly_totals.helper_calls monthly_totals.help_given",
    "monthly_totals.in_workshop monthly_totals.autonomous pushes.site_id pushes.kiosk_id",
    "pushes.pushed_at pushes.first_day pushes.last_day site_roles.role_name site_roles.site_id",
    "site_roles.kiosk_id",
    "sites.site_id sites.name workshops.site_id workshops.kiosk_id workshops.uid workshops.day",
    "workshops.start_hour workshops.duration_min workshops.theme workshops.level",
    "workshops.participants", NULL);

  assert_same_text ("the server's columns (allowlist, then server)", expected, columns);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) month = NULL;
  g_autoptr(GDateTime) next_month = NULL;
  g_autoptr(GDateTime) last = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  month =
    g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now), 1, 12, 0, 0);
  next_month = g_date_time_add_months (month, 1);
  last = g_date_time_add_days (next_month, -1);
  today = g_date_time_format (now, "%Y-%m-%d");
  period_end = g_date_time_format (last, "%Y-%m-%d");
  /* In the lab's folder, which its watchdog removes even after a failure. */
  lab = fleet_lab_new ();
  tmp = g_build_filename (fleet_lab_get_dir (lab), "kiosks", NULL);
  g_assert_cmpint (g_mkdir (tmp, 0700), ==, 0);
  fleet_lab_add_site (lab, "a", "ka", "poste-a");
  fleet_lab_add_site (lab, "a", "ka2", "poste-a2");
  fleet_lab_add_site (lab, "b", "kb", "poste-b");
  kiosk_init (&kiosk_a, 1, 6);
  kiosk_init (&kiosk_a2, 2, 3);
  kiosk_init (&kiosk_b, 3, 6);

  g_test_add_func ("/escale/fleet/three-kiosks-count-once", test_three_kiosks);
  g_test_add_func ("/escale/fleet/one-kiosk-same-report", test_one_kiosk_report);
  g_test_add_func ("/escale/fleet/hour-threshold", test_hour_threshold);
  g_test_add_func ("/escale/fleet/site-roles", test_site_roles);
  g_test_add_func ("/escale/fleet/newer-schema-backoff", test_newer_schema_and_backoff);
  g_test_add_func ("/escale/fleet/retention-keeps-unsent", test_retention_keeps_unsent_days);
  g_test_add_func ("/escale/fleet/folded-before-first-push", test_months_folded_before_first_push);
  g_test_add_func ("/escale/fleet/server-columns-allowlist", test_server_columns_allowlist);
  g_test_add_func ("/escale/fleet/tls-verify-full", test_tls_verify_full);
  status = g_test_run ();

  g_clear_pointer (&lab, fleet_lab_free);
  return status;
}
