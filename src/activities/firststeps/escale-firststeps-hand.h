/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-firststeps-exercise.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_FIRSTSTEPS_HAND (escale_firststeps_hand_get_type ())
G_DECLARE_FINAL_TYPE (EscaleFirststepsHand, escale_firststeps_hand, ESCALE, FIRSTSTEPS_HAND,
                      GtkWidget)

GtkWidget *escale_firststeps_hand_new (void);
void escale_firststeps_hand_play (EscaleFirststepsHand *self, const EscaleFirststepsDemo *demo,
                                  gboolean touch);
void escale_firststeps_hand_stop (EscaleFirststepsHand *self);
gboolean escale_firststeps_hand_get_playing (EscaleFirststepsHand *self);
void escale_firststeps_hand_show_at (EscaleFirststepsHand *self, double progress);

G_END_DECLS
