/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* One chart of the figures (bars, columns per day, or the hour x weekday
 * grid) and how to draw it on any cairo context: the dashboard's
 * EscaleChart widget on screen, the PDF report on paper. Sizes are in
 * chart units (text is 18 units high); scale the context to draw smaller. */
typedef struct _EscaleChartDrawing EscaleChartDrawing;

#define ESCALE_CHART_TEXT_UNITS 18

EscaleChartDrawing *escale_chart_drawing_new (void);
void escale_chart_drawing_free (EscaleChartDrawing *self);
void escale_chart_drawing_set_bars (EscaleChartDrawing *self, const char *const *labels,
                                    const guint *values, guint n);
void escale_chart_drawing_set_columns (EscaleChartDrawing *self, const char *const *labels,
                                       const guint *values, guint n);
void escale_chart_drawing_set_heat (EscaleChartDrawing *self, const guint *values /* [7 * 24] */);
int escale_chart_drawing_get_height (EscaleChartDrawing *self);
char *escale_chart_drawing_describe (EscaleChartDrawing *self);
void escale_chart_drawing_draw (EscaleChartDrawing *self, cairo_t *cr, PangoContext *context,
                                int width, int height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleChartDrawing, escale_chart_drawing_free)

G_END_DECLS
