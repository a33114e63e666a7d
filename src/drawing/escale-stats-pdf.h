/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-stats-report.h"

G_BEGIN_DECLS

/* The one-page A4 report of a period for a funder's file (cairo's PDF
 * surface and Pango): the centre, the period, the key figures, the
 * dashboard's charts, the definitions in a footnote. */
gboolean escale_stats_pdf_write (EscaleStatsReport *report, const char *centre_name,
                                 const char *path, GError **error);
gboolean escale_stats_pdf_write_pages (EscaleStatsReport **reports, const char *const *names,
                                       guint n, const char *title, const char *path,
                                       GError **error);
gboolean escale_stats_pdf_definition (guint i, const char **term, const char **text);

G_END_DECLS
