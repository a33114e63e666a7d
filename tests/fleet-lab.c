/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <pwd.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "fleet-lab.h"

#define PG_BIN "/usr/lib/postgresql/15/bin"

struct _FleetLab
{
  char *dir;  /* the temporary folder: data/, the socket, the log */
  char *data; /* the cluster */
  guint port;
  gboolean running;
  gboolean durable;      /* fsync as a real server does (bench), else off (tests) */
  char *tls;             /* the folder of the server's certificate, once TLS is on */
  GSubprocess *watchdog; /* holds our end of a pipe; stops all when it closes */
};

/* A port nothing listens on now (PostgreSQL cannot pick one itself). */
static guint
unused_port (void)
{
  g_autoptr(GSocketListener) probe = g_socket_listener_new ();
  guint16 port = g_socket_listener_add_any_inet_port (probe, NULL, NULL);

  g_assert_cmpuint (port, >, 0);
  g_socket_listener_close (probe);
  return port;
}

/* argv run as the server's owner: "nobody" for root, else ourselves. */
static GPtrArray *
as_owner (void)
{
  GPtrArray *argv = g_ptr_array_new_with_free_func (g_free);

  if (getuid () == 0)
    {
      g_ptr_array_add (argv, g_strdup ("runuser"));
      g_ptr_array_add (argv, g_strdup ("-u"));
      g_ptr_array_add (argv, g_strdup ("nobody"));
      g_ptr_array_add (argv, g_strdup ("--"));
    }
  return argv;
}

static void
run_owner (const char *const *args)
{
  g_autoptr(GPtrArray) argv = as_owner ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s%s", args[0], out, err);
}

/* Stops the server (immediately) and removes the folder once its stdin
 * closes: when this process exits, whatever the way. */
static void
start_watchdog (FleetLab *lab)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *script = g_strdup_printf (
    "cat >/dev/null; %s %s/pg_ctl -D \"$1\" -m immediate stop >/dev/null 2>&1; rm -rf \"$2\"",
    getuid () == 0 ? "runuser -u nobody --" : "", PG_BIN);

  lab->watchdog = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE, &error, "sh", "-c", script,
                                    "watchdog", lab->data, lab->dir, NULL);
  g_assert_no_error (error);
}

FleetLab *
fleet_lab_new (void)
{
  return fleet_lab_new_full (FALSE);
}

FleetLab *
fleet_lab_new_full (gboolean durable)
{
  FleetLab *lab = g_new0 (FleetLab, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *migrate =
    g_build_filename (ESCALE_SOURCE_DIR, "data", "server", "escale-server-migrate", NULL);
  g_autofree char *admin = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  lab->dir = g_dir_make_tmp ("escale-fleet-XXXXXX", &error);
  g_assert_no_error (error);
  lab->data = g_build_filename (lab->dir, "data", NULL);
  lab->durable = durable;
  if (getuid () == 0)
    {
      struct passwd *nobody = getpwnam ("nobody");

      g_assert_nonnull (nobody);
      g_assert_cmpint (chown (lab->dir, nobody->pw_uid, nobody->pw_gid), ==, 0);
    }
  start_watchdog (lab);
  run_owner ((const char *const[]){ PG_BIN "/initdb", "-D", lab->data, "-A", "trust", "-U",
                                    "postgres", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync",
                                    NULL });
  lab->port = unused_port ();
  fleet_lab_start (lab);
  fleet_lab_exec (lab, "CREATE DATABASE escale");
  admin = fleet_lab_conninfo (lab, "postgres");
  g_assert_true (g_spawn_sync (NULL, (char *[]){ "sh", migrate, admin, NULL }, NULL,
                               G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("escale-server-migrate failed: %s%s", out, err);
  return lab;
}

void
fleet_lab_start (FleetLab *lab)
{
  g_autofree char *ssl = lab->tls ? g_strdup_printf (" -c ssl=on -c ssl_cert_file=%s/server.crt"
                                                     " -c ssl_key_file=%s/server.key",
                                                     lab->tls, lab->tls)
                                  : g_strdup ("");
  g_autofree char *options =
    g_strdup_printf ("-p %u -k %s -c listen_addresses=127.0.0.1%s%s", lab->port, lab->dir,
                     lab->durable ? "" : " -c fsync=off -c full_page_writes=off", ssl);
  g_autofree char *log = g_build_filename (lab->dir, "server.log", NULL);

  run_owner ((const char *const[]){ PG_BIN "/pg_ctl", "-D", lab->data, "-o", options, "-l", log,
                                    "-w", "-s", "start", NULL });
  lab->running = TRUE;
}

/* A fast shutdown: sessions are cut, open transactions roll back. */
void
fleet_lab_stop (FleetLab *lab)
{
  run_owner ((const char *const[]){ PG_BIN "/pg_ctl", "-D", lab->data, "-m", "fast", "-w", "-s",
                                    "stop", NULL });
  lab->running = FALSE;
}

/* Restarts the server with TLS: a certificate for "localhost" and
 * 127.0.0.1 signed by a CA of its own, whose certificate it returns (for
 * sslrootcert=); *@other_ca gets an unrelated CA's. */
char *
fleet_lab_enable_tls (FleetLab *lab, char **other_ca)
{
  g_autofree char *script = NULL;

  lab->tls = g_build_filename (lab->dir, "tls", NULL);
  script = g_strdup_printf (
    "set -e; mkdir -m 700 '%s'; cd '%s';"
    " for ca in ca other-ca; do openssl req -x509 -newkey rsa:2048 -nodes -keyout $ca.key"
    "  -out $ca.crt -days 2 -subj \"/CN=Escale test $ca\" 2>/dev/null; done;"
    " openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr"
    "  -subj /CN=localhost 2>/dev/null;"
    " printf 'subjectAltName=DNS:localhost,IP:127.0.0.1' > san.ext;"
    " openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial"
    "  -out server.crt -days 2 -extfile san.ext 2>/dev/null; chmod 600 server.key",
    lab->tls, lab->tls);
  fleet_lab_stop (lab);
  run_owner ((const char *const[]){ "sh", "-c", script, NULL });
  fleet_lab_start (lab);
  *other_ca = g_build_filename (lab->tls, "other-ca.crt", NULL);
  return g_build_filename (lab->tls, "ca.crt", NULL);
}

char *
fleet_lab_conninfo (FleetLab *lab, const char *user)
{
  return g_strdup_printf ("host=127.0.0.1 port=%u dbname=escale user=%s", lab->port, user);
}

PGconn *
fleet_lab_connect (FleetLab *lab, const char *user)
{
  g_autofree char *conninfo = fleet_lab_conninfo (lab, user);
  PGconn *conn = PQconnectdb (conninfo);

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("cannot connect as %s: %s", user, PQerrorMessage (conn));
  return conn;
}

static PGconn *
admin_conn (FleetLab *lab, const char *sql)
{
  g_autofree char *conninfo =
    g_strdup_printf ("host=127.0.0.1 port=%u user=postgres dbname=%s", lab->port,
                     g_str_has_prefix (sql, "CREATE DATABASE") ? "postgres" : "escale");
  PGconn *conn = PQconnectdb (conninfo);

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("cannot connect as postgres: %s", PQerrorMessage (conn));
  return conn;
}

/* Runs @sql as the database's owner; it must succeed. */
void
fleet_lab_exec (FleetLab *lab, const char *sql)
{
  PGconn *conn = admin_conn (lab, sql);
  PGresult *result = PQexec (conn, sql);

  if (PQresultStatus (result) != PGRES_COMMAND_OK && PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (result));
  PQclear (result);
  PQfinish (conn);
}

/* The first column of the first row of @sql as the owner ("" if no row). */
char *
fleet_lab_query_text (FleetLab *lab, const char *sql)
{
  PGconn *conn = admin_conn (lab, sql);
  PGresult *result = PQexec (conn, sql);
  char *text;

  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (result));
  text = g_strdup (PQntuples (result) > 0 ? PQgetvalue (result, 0, 0) : "");
  PQclear (result);
  PQfinish (conn);
  return text;
}

/* A site and a kiosk role for it, as data/server/README.md says. */
void
fleet_lab_add_site (FleetLab *lab, const char *site, const char *role, const char *kiosk)
{
  g_autofree char *sql =
    g_strdup_printf ("INSERT INTO escale.sites VALUES ('%s', 'Centre %s') ON CONFLICT DO NOTHING;"
                     " CREATE ROLE %s LOGIN IN ROLE escale_kiosk;"
                     " INSERT INTO escale.site_roles VALUES ('%s', '%s', '%s')",
                     site, site, role, role, site, kiosk);

  fleet_lab_exec (lab, sql);
}

const char *
fleet_lab_get_dir (FleetLab *lab)
{
  return lab->dir;
}

void
fleet_lab_free (FleetLab *lab)
{
  if (lab->running)
    fleet_lab_stop (lab);
  /* Closing its stdin lets the watchdog remove the folder; wait for it. */
  g_output_stream_close (g_subprocess_get_stdin_pipe (lab->watchdog), NULL, NULL);
  g_subprocess_wait (lab->watchdog, NULL, NULL);
  g_object_unref (lab->watchdog);
  g_free (lab->data);
  g_free (lab->tls);
  g_free (lab->dir);
  g_free (lab);
}
