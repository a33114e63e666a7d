/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-stats-report.h"
#include "escale-stats-store.h"

G_BEGIN_DECLS

/* escale-stats push, and the reports of a fleet server (src/fleet/). */
int escale_stats_cmd_push (const char *db_option, const char *config_dir, gboolean all,
                           gboolean now);
EscaleStatsReport *escale_stats_server_report (const char *server, const char *site,
                                               const char *kiosk, const char *from_day,
                                               const char *to_day, EscaleStatsStore **store,
                                               GError **error);
gboolean escale_stats_server_pdf (const char *server, const char *site, const char *kiosk,
                                  const char *from_day, const char *to_day, const char *title,
                                  const char *path, GError **error);

G_END_DECLS
