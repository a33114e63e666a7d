/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "escale-config.h"
#include "escale-stats-report.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_DASHBOARD_SCOPE (escale_dashboard_scope_get_type ())
G_DECLARE_FINAL_TYPE (EscaleDashboardScope, escale_dashboard_scope, ESCALE, DASHBOARD_SCOPE,
                      GtkWidget)

GtkWidget *escale_dashboard_scope_new (EscaleConfig *config);
gboolean escale_dashboard_scope_is_local (EscaleDashboardScope *self);
const char *escale_dashboard_scope_get_title (EscaleDashboardScope *self);
void escale_dashboard_scope_read_async (EscaleDashboardScope *self, const char *from_day,
                                        const char *to_day, GCancellable *cancellable,
                                        GAsyncReadyCallback callback, gpointer user_data);
gboolean escale_dashboard_scope_is_reading (EscaleDashboardScope *self);
EscaleStatsStore *escale_dashboard_scope_get_store (EscaleDashboardScope *self,
                                                    EscaleStatsReport *report);

G_END_DECLS
