/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-firststeps-exercise.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_FIRSTSTEPS_TARGET (escale_firststeps_target_get_type ())
G_DECLARE_FINAL_TYPE (EscaleFirststepsTarget, escale_firststeps_target, ESCALE, FIRSTSTEPS_TARGET,
                      GtkWidget)

GtkWidget *escale_firststeps_target_new (guint presses);
void escale_firststeps_target_get_area (EscaleFirststepsTarget *self, graphene_rect_t *area);
guint escale_firststeps_target_get_round (EscaleFirststepsTarget *self);

G_END_DECLS
