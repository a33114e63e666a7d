/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "escale-stats-report.h"

G_BEGIN_DECLS

/* The territory's figures for the staff dashboard, read in a worker
 * thread (libpq blocks: connecting to a far server may take seconds) so
 * the kiosk's screen never waits. */
void escale_fleet_territory_read_async (const char *conninfo, const char *site,
                                        const char *from_day, const char *to_day,
                                        GCancellable *cancellable, GAsyncReadyCallback callback,
                                        gpointer user_data);
EscaleStatsReport *escale_fleet_territory_read_finish (GAsyncResult *result,
                                                       EscaleStatsStore **store, GPtrArray **sites,
                                                       GError **error);

G_END_DECLS
