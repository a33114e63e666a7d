/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

/* The fleet layer: a kiosk's day totals on a PostgreSQL server
 * (data/server/), through libpq. Core below it never sees libpq. */

#define ESCALE_FLEET_ERROR (escale_fleet_error_quark ())
GQuark escale_fleet_error_quark (void);

typedef enum
{
  ESCALE_FLEET_ERROR_CONNECT, /* the server cannot be reached or refused the login */
  ESCALE_FLEET_ERROR_SCHEMA,  /* not an Escale server, or of another schema version */
  ESCALE_FLEET_ERROR_QUERY,   /* a statement failed (rights, constraint, lost connection) */
} EscaleFleetError;

/* The server schema this Escale reads and writes (data/server/migrations/). */
#define ESCALE_FLEET_SCHEMA_VERSION 3

typedef struct _EscaleFleetServer EscaleFleetServer;

EscaleFleetServer *escale_fleet_server_connect (const char *conninfo, GError **error);
EscaleFleetServer *escale_fleet_server_connect_full (const char *conninfo, guint timeout_s,
                                                     GError **error);
void escale_fleet_server_free (EscaleFleetServer *self);
PGconn *escale_fleet_server_get_conn (EscaleFleetServer *self);
PGresult *escale_fleet_server_query (EscaleFleetServer *self, const char *sql, int n_params,
                                     const char *const *params, GError **error);
gboolean escale_fleet_server_exec (EscaleFleetServer *self, const char *sql, GError **error);
gboolean escale_fleet_server_copy (EscaleFleetServer *self, const char *copy_sql, GString *data,
                                   GError **error);
void escale_fleet_copy_append_field (GString *data, const char *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleFleetServer, escale_fleet_server_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

G_END_DECLS
