/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-fleet-server.h"
#include "escale-stats-store.h"

G_BEGIN_DECLS

/* What a push sent. */
typedef struct
{
  guint days;    /* day_totals rows: days with visits */
  guint64 rows;  /* rows of every table */
  char from[11]; /* first day sent: the server's rows of this kiosk from it on were replaced */
} EscaleFleetPushResult;

/* The local record of pushes, in the store's meta table. */
#define ESCALE_FLEET_META_THROUGH ESCALE_STATS_META_PUSHED_THROUGH
#define ESCALE_FLEET_META_FIRST_DAY                                                               \
  "fleet-first-day"                                    /* of the first push: months before        \
                                                        * it are sent as months */
#define ESCALE_FLEET_META_SUCCESS "fleet-last-success" /* UTC, ISO 8601 */
#define ESCALE_FLEET_META_ATTEMPT "fleet-last-attempt"
#define ESCALE_FLEET_META_FAILURES "fleet-failures"
#define ESCALE_FLEET_META_ERROR ESCALE_STATS_META_PUSH_ERROR
#define ESCALE_FLEET_META_FAILING_SINCE ESCALE_STATS_META_PUSH_FAILING_SINCE

gboolean escale_fleet_push (EscaleFleetServer *server, EscaleStatsStore *store, const char *site,
                            const char *kiosk, int hour_threshold, const char *today, gboolean all,
                            EscaleFleetPushResult *result, GError **error);
char *escale_fleet_meta_get (EscaleStatsStore *store, const char *key);
gboolean escale_fleet_meta_set (EscaleStatsStore *store, const char *key, const char *value,
                                GError **error);

G_END_DECLS
