/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-chart-drawing.h"
#include "escale-stats-report.h"

G_BEGIN_DECLS

/* The charts of a period, as the dashboard and the PDF report show them. */
typedef enum
{
  ESCALE_REPORT_CHART_PER_DAY,
  ESCALE_REPORT_CHART_PER_THEME,
  ESCALE_REPORT_CHART_PER_ACTIVITY,
  ESCALE_REPORT_CHART_PER_CATEGORY,
  ESCALE_REPORT_CHART_DURATIONS,
  ESCALE_REPORT_CHART_AGES,
  ESCALE_REPORT_CHART_HEAT,
  ESCALE_N_REPORT_CHARTS,
} EscaleReportChart;

const char *escale_report_chart_title (EscaleReportChart which);
void escale_report_chart_fill (EscaleChartDrawing *drawing, EscaleStatsReport *report,
                               EscaleReportChart which);

G_END_DECLS
