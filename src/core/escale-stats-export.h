/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "escale-stats-report.h"
#include "escale-stats-store.h"

G_BEGIN_DECLS

/* Exports for the funders: CSV (UTF-8 with BOM, ';' between fields,
 * French headers, as French spreadsheets expect) and JSON. The figures
 * CSV and the JSON are in escale-stats-export.c, the visits CSV in
 * escale-stats-export-visits.c. */

#define ESCALE_CSV_BOM "\xef\xbb\xbf"

void escale_csv_append_field (GString *out, const char *value);

typedef void (*EscaleStatsRowFunc) (const char *section, const char *label, const char *value,
                                    gpointer user_data);
void escale_stats_summary_foreach (EscaleStatsReport *report, EscaleStatsRowFunc func,
                                   gpointer user_data);
gboolean escale_stats_export_xlsx (EscaleStatsStore *store, EscaleStatsReport *report,
                                   const char *path, GError **error);
GString *escale_stats_export_summary_csv (EscaleStatsReport *report);
GString *escale_stats_export_sessions_csv (EscaleStatsStore *store, const char *from_day,
                                           const char *to_day, GError **error);
gboolean escale_stats_export_sessions_csv_file (EscaleStatsStore *store, const char *from_day,
                                                const char *to_day, const char *path,
                                                GError **error);
void escale_stats_export_sessions_csv_file_async (EscaleStatsStore *store, const char *from_day,
                                                  const char *to_day, const char *path,
                                                  GCancellable *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer user_data);
gboolean escale_stats_export_sessions_csv_file_finish (GAsyncResult *result, GError **error);
char *escale_stats_export_json (EscaleStatsReport *report);
gboolean escale_stats_export_write (const char *path, GString *contents, GError **error);
char *escale_stats_export_target_dir (void);

G_END_DECLS
