/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a helper may choose for a workshop, on the board and at a kiosk:
 * La Coop's thematique slugs (labels: escale_coop_theme_label ()), its
 * levels, and the planned lengths. */
extern const char *const escale_workshop_themes[];
extern const guint escale_workshop_n_themes;
extern const char *const escale_workshop_levels[];
extern const guint escale_workshop_n_levels;
extern const guint escale_workshop_lengths[]; /* minutes */
extern const guint escale_workshop_n_lengths;

const char *escale_workshop_level_label (const char *level);
const char *escale_workshop_length_label (guint minutes);

G_END_DECLS
