/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ESCALE_TYPE_CULTURE_ZOOM (escale_culture_zoom_get_type ())
G_DECLARE_FINAL_TYPE (EscaleCultureZoom, escale_culture_zoom, ESCALE, CULTURE_ZOOM, GtkWidget)

GtkWidget *escale_culture_zoom_new (void);
void escale_culture_zoom_set_paintable (EscaleCultureZoom *self, GdkPaintable *paintable,
                                        const char *alternative_text);
void escale_culture_zoom_step (EscaleCultureZoom *self, int direction);
gboolean escale_culture_zoom_can_step (EscaleCultureZoom *self, int direction);

G_END_DECLS
