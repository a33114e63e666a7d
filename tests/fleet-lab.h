/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

/* A private PostgreSQL 15 for the fleet tests and bench: Debian's
 * initdb and pg_ctl in a temporary folder, run as "nobody" when the test
 * runs as root (PostgreSQL refuses root), on 127.0.0.1 and a free port,
 * "trust" logins (the roles are what the tests are about, not passwords).
 * The database "escale" gets data/server/'s schema through
 * escale-server-migrate. A watchdog process stops the server and removes
 * the folder when the test process ends, even on a failed assertion. */

typedef struct _FleetLab FleetLab;

FleetLab *fleet_lab_new (void);
FleetLab *fleet_lab_new_full (gboolean durable);
void fleet_lab_start (FleetLab *lab);
void fleet_lab_stop (FleetLab *lab);
char *fleet_lab_enable_tls (FleetLab *lab, char **other_ca);
char *fleet_lab_conninfo (FleetLab *lab, const char *user);
PGconn *fleet_lab_connect (FleetLab *lab, const char *user);
void fleet_lab_exec (FleetLab *lab, const char *sql);
char *fleet_lab_query_text (FleetLab *lab, const char *sql);
void fleet_lab_add_site (FleetLab *lab, const char *site, const char *role, const char *kiosk);
const char *fleet_lab_get_dir (FleetLab *lab);
void fleet_lab_free (FleetLab *lab);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FleetLab, fleet_lab_free)

G_END_DECLS
