/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "escale-activity-view.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_CULTURE_VIEW (escale_culture_view_get_type ())
G_DECLARE_FINAL_TYPE (EscaleCultureView, escale_culture_view, ESCALE, CULTURE_VIEW,
                      EscaleActivityView)

const char *escale_culture_view_get_screen (EscaleCultureView *self);
gboolean escale_culture_view_get_presenting (EscaleCultureView *self);
void escale_culture_view_open_item (EscaleCultureView *self, guint index);
void escale_culture_view_present (EscaleCultureView *self, guint index);
void escale_culture_view_show_sites (EscaleCultureView *self);
void escale_culture_view_zoom (EscaleCultureView *self, int direction);
GtkWidget *escale_culture_view_get_web_view (EscaleCultureView *self);

G_END_DECLS
