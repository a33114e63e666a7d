/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-fleet"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "escale-fleet-server.h"

struct _EscaleFleetServer
{
  PGconn *conn;
};

G_DEFINE_QUARK (escale - fleet - error - quark, escale_fleet_error)

/* libpq's messages end with a newline and may span lines: one line. */
static char *
server_message (PGconn *conn, const PGresult *result)
{
  const char *text = result ? PQresultErrorMessage (result) : PQerrorMessage (conn);
  g_autofree char *copy = g_strdup (text && *text ? text : "?");

  g_strdelimit (copy, "\r\n\t", ' ');
  return g_strdup (g_strstrip (copy));
}

static gboolean
check_schema (EscaleFleetServer *self, GError **error)
{
  g_autoptr(PGresult) result = NULL;
  int version;

  result = PQexec (self->conn, "SELECT coalesce (max (version), 0) FROM escale.migrations");
  if (PQresultStatus (result) != PGRES_TUPLES_OK || PQntuples (result) != 1)
    {
      g_autofree char *message = server_message (self->conn, result);

      g_set_error (error, ESCALE_FLEET_ERROR, ESCALE_FLEET_ERROR_SCHEMA,
                   _ ("ce serveur n'a pas le schéma d'Escale (data/server/README.md) : %s"),
                   message);
      return FALSE;
    }
  version = atoi (PQgetvalue (result, 0, 0));
  if (version > ESCALE_FLEET_SCHEMA_VERSION)
    {
      g_set_error (error, ESCALE_FLEET_ERROR, ESCALE_FLEET_ERROR_SCHEMA,
                   _ ("le serveur a le schéma %d, plus récent que celui que connaît ce "
                      "poste (%d) : mettez Escale à jour ; rien n'a été envoyé ni lu"),
                   version, ESCALE_FLEET_SCHEMA_VERSION);
      return FALSE;
    }
  if (version < ESCALE_FLEET_SCHEMA_VERSION)
    {
      g_set_error (error, ESCALE_FLEET_ERROR, ESCALE_FLEET_ERROR_SCHEMA,
                   _ ("le serveur a le schéma %d, ce poste attend le %d : l'administrateur "
                      "lance escale-server-migrate"),
                   version, ESCALE_FLEET_SCHEMA_VERSION);
      return FALSE;
    }
  return TRUE;
}

/* Connects with @conninfo (a libpq connection string or URI: sslmode=
 * verify-full and sslrootcert= work as in psql), 10 s at most unless it
 * says otherwise, then checks the server's schema version. */
EscaleFleetServer *
escale_fleet_server_connect (const char *conninfo, GError **error)
{
  return escale_fleet_server_connect_full (conninfo, 10, error);
}

/* The same, waiting @timeout_s seconds at most for the server. */
EscaleFleetServer *
escale_fleet_server_connect_full (const char *conninfo, guint timeout_s, GError **error)
{
  g_autofree char *timeout = g_strdup_printf ("%u", timeout_s);
  /* Later keywords override: the connection string's own values win. */
  const char *const keys[] = { "connect_timeout", "application_name", "dbname", NULL };
  const char *const values[] = { timeout, "escale-stats", conninfo, NULL };
  g_autoptr(EscaleFleetServer) self = g_new0 (EscaleFleetServer, 1);

  self->conn = PQconnectdbParams (keys, values, 1);
  if (PQstatus (self->conn) != CONNECTION_OK)
    {
      g_autofree char *message = server_message (self->conn, NULL);

      g_set_error (error, ESCALE_FLEET_ERROR, ESCALE_FLEET_ERROR_CONNECT,
                   _ ("connexion au serveur impossible : %s"), message);
      return NULL;
    }
  if (!escale_fleet_server_exec (self, "SET DateStyle = ISO; SET client_encoding = 'UTF8'",
                                 error) ||
      !check_schema (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

void
escale_fleet_server_free (EscaleFleetServer *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->conn, PQfinish);
  g_free (self);
}

PGconn *
escale_fleet_server_get_conn (EscaleFleetServer *self)
{
  return self->conn;
}

static gboolean
result_ok (EscaleFleetServer *self, PGresult *result, GError **error)
{
  ExecStatusType status = PQresultStatus (result);

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    return TRUE;
  {
    g_autofree char *message = server_message (self->conn, result);

    g_set_error (error, ESCALE_FLEET_ERROR,
                 PQstatus (self->conn) == CONNECTION_OK ? ESCALE_FLEET_ERROR_QUERY
                                                        : ESCALE_FLEET_ERROR_CONNECT,
                 _ ("le serveur a refusé : %s"), message);
  }
  return FALSE;
}

/* Runs @sql with text parameters (NULL for SQL NULL). */
PGresult *
escale_fleet_server_query (EscaleFleetServer *self, const char *sql, int n_params,
                           const char *const *params, GError **error)
{
  g_autoptr(PGresult)
               result = PQexecParams (self->conn, sql, n_params, NULL, params, NULL, NULL, 0);

  if (!result_ok (self, result, error))
    return NULL;
  return g_steal_pointer (&result);
}

gboolean
escale_fleet_server_exec (EscaleFleetServer *self, const char *sql, GError **error)
{
  g_autoptr(PGresult) result = PQexec (self->conn, sql);

  return result_ok (self, result, error);
}

/* One field of a COPY text row: \N for NULL, backslash escapes. */
void
escale_fleet_copy_append_field (GString *data, const char *value)
{
  if (value == NULL)
    {
      g_string_append (data, "\\N");
      return;
    }
  for (const char *p = value; *p; p++)
    switch (*p)
      {
      case '\\':
        g_string_append (data, "\\\\");
        break;
      case '\t':
        g_string_append (data, "\\t");
        break;
      case '\n':
        g_string_append (data, "\\n");
        break;
      case '\r':
        g_string_append (data, "\\r");
        break;
      default:
        g_string_append_c (data, *p);
      }
}

/* Runs @copy_sql (COPY ... FROM STDIN) with @data, rows in COPY's text
 * format. */
gboolean
escale_fleet_server_copy (EscaleFleetServer *self, const char *copy_sql, GString *data,
                          GError **error)
{
  g_autoptr(PGresult) start = PQexec (self->conn, copy_sql);
  g_autoptr(PGresult) end = NULL;

  if (PQresultStatus (start) != PGRES_COPY_IN)
    return result_ok (self, start, error);
  if (PQputCopyData (self->conn, data->str, (int) data->len) != 1 ||
      PQputCopyEnd (self->conn, NULL) != 1)
    {
      g_autofree char *message = server_message (self->conn, NULL);

      g_set_error (error, ESCALE_FLEET_ERROR, ESCALE_FLEET_ERROR_CONNECT,
                   _ ("envoi interrompu : %s"), message);
      return FALSE;
    }
  end = PQgetResult (self->conn);
  while (TRUE)
    {
      g_autoptr(PGresult) extra = PQgetResult (self->conn);

      if (extra == NULL)
        break;
    }
  return result_ok (self, end, error);
}
