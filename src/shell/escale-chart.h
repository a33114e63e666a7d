/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "escale-report-charts.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_CHART (escale_chart_get_type ())
G_DECLARE_FINAL_TYPE (EscaleChart, escale_chart, ESCALE, CHART, GtkWidget)

GtkWidget *escale_chart_new (void);
void escale_chart_show (EscaleChart *self, EscaleStatsReport *report, EscaleReportChart which);

G_END_DECLS
