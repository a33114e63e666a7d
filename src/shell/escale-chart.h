/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ESCALE_TYPE_CHART (escale_chart_get_type ())
G_DECLARE_FINAL_TYPE (EscaleChart, escale_chart, ESCALE, CHART, GtkWidget)

GtkWidget *escale_chart_new (void);
void escale_chart_set_bars (EscaleChart *self, const char *const *labels, const guint *values,
                            guint n);
void escale_chart_set_columns (EscaleChart *self, const char *const *labels, const guint *values,
                               guint n);
void escale_chart_set_heat (EscaleChart *self, const guint *values /* [7 * 24] */);

G_END_DECLS
