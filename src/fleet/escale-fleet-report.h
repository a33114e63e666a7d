/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-fleet-server.h"
#include "escale-stats-report.h"
#include "escale-stats-store.h"

G_BEGIN_DECLS

/* A site of the territory (escale.sites). */
typedef struct
{
  char *id;
  char *name;
} EscaleFleetSite;

EscaleStatsStore *escale_fleet_load_store (EscaleFleetServer *server, const char *site,
                                           const char *kiosk, const char *from_day,
                                           const char *to_day, GError **error);
EscaleStatsReport *escale_fleet_report_new (EscaleFleetServer *server, const char *site,
                                            const char *kiosk, const char *from_day,
                                            const char *to_day, EscaleStatsStore **store,
                                            GError **error);
GPtrArray *escale_fleet_list_sites (EscaleFleetServer *server, GError **error);
void escale_fleet_site_free (EscaleFleetSite *site);

G_END_DECLS
