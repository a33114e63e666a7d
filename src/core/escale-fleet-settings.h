/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "escale-config-file.h"

G_BEGIN_DECLS

/* The [Fleet] group of escale.ini: where `escale-stats push` sends this
 * kiosk's day totals (a PostgreSQL server, data/server/README.md). No
 * connection: the kiosk keeps its figures to itself, as before. */
typedef struct
{
  char *connection;   /* absolute path of the file holding the libpq connection string */
  char *site;         /* the site's id on the server */
  char *kiosk;        /* this kiosk's id on the server */
  int hour_threshold; /* hour-of-start cells under this many visits stay here */
  char *territory;    /* absolute path of a reading role's connection string, for the
                       * dashboard's "Tout le territoire", or NULL */
} EscaleFleetSettings;

#define ESCALE_FLEET_DEFAULT_HOUR_THRESHOLD 5

extern const EscaleKeySpec escale_fleet_keys[];

EscaleFleetSettings *escale_fleet_settings_load (EscaleConfigFile *file, const char *config_dir,
                                                 GPtrArray *problems);
EscaleFleetSettings *escale_fleet_settings_load_dir (const char *config_dir, GPtrArray *problems);
void escale_fleet_settings_free (EscaleFleetSettings *self);
char *escale_fleet_settings_read_connection (const EscaleFleetSettings *self, GError **error);
char *escale_fleet_settings_read_territory (const EscaleFleetSettings *self, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleFleetSettings, escale_fleet_settings_free)

G_END_DECLS
