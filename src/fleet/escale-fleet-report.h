/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-fleet-server.h"
#include "escale-stats-store.h"

G_BEGIN_DECLS

EscaleStatsStore *escale_fleet_load_store (EscaleFleetServer *server, const char *site,
                                           const char *kiosk, const char *from_day,
                                           const char *to_day, GError **error);

G_END_DECLS
