/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "escale-kiosk.h"
#include "escale-stats-report.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_DASHBOARD (escale_dashboard_get_type ())
G_DECLARE_FINAL_TYPE (EscaleDashboard, escale_dashboard, ESCALE, DASHBOARD, GtkWidget)

GtkWidget *escale_dashboard_new (EscaleKiosk *kiosk);
void escale_dashboard_show_period (EscaleDashboard *self, EscaleStatsPeriod period);
gboolean escale_dashboard_show_range (EscaleDashboard *self, const char *from_day,
                                      const char *to_day);
gboolean escale_dashboard_is_loading (EscaleDashboard *self);
EscaleStatsReport *escale_dashboard_get_report (EscaleDashboard *self);
EscaleStatsStore *escale_dashboard_get_store (EscaleDashboard *self);
char *escale_dashboard_export (EscaleDashboard *self, gboolean sessions, const char *dir,
                               GError **error);
char *escale_dashboard_export_xlsx (EscaleDashboard *self, const char *dir, GError **error);
char *escale_dashboard_export_pdf (EscaleDashboard *self, const char *dir, GError **error);

G_END_DECLS
