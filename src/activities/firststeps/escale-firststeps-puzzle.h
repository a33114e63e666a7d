/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-firststeps-exercise.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_FIRSTSTEPS_PUZZLE (escale_firststeps_puzzle_get_type ())
G_DECLARE_FINAL_TYPE (EscaleFirststepsPuzzle, escale_firststeps_puzzle, ESCALE, FIRSTSTEPS_PUZZLE,
                      GtkWidget)

GtkWidget *escale_firststeps_puzzle_new (const char *picture_path);
void escale_firststeps_puzzle_get_piece (EscaleFirststepsPuzzle *self, graphene_rect_t *piece);
void escale_firststeps_puzzle_get_hole (EscaleFirststepsPuzzle *self, graphene_rect_t *hole);
gboolean escale_firststeps_puzzle_get_solved (EscaleFirststepsPuzzle *self);
gboolean escale_firststeps_puzzle_has_picture (EscaleFirststepsPuzzle *self);

G_END_DECLS
