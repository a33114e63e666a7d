/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-firststeps-exercise.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_FIRSTSTEPS_SCROLL (escale_firststeps_scroll_get_type ())
G_DECLARE_FINAL_TYPE (EscaleFirststepsScroll, escale_firststeps_scroll, ESCALE, FIRSTSTEPS_SCROLL,
                      GtkWidget)

GtkWidget *escale_firststeps_scroll_new (void);
GtkAdjustment *escale_firststeps_scroll_get_adjustment (EscaleFirststepsScroll *self);
GtkWidget *escale_firststeps_scroll_get_scroller (EscaleFirststepsScroll *self);
gboolean escale_firststeps_scroll_going_down (EscaleFirststepsScroll *self);

G_END_DECLS
