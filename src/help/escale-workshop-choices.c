/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>

#include "escale-workshop-choices.h"

const char *const escale_workshop_themes[] = {
  "prendre_en_main_du_materiel", "navigation_sur_internet", "email", "sante", "culture_numerique",
};
const guint escale_workshop_n_themes = G_N_ELEMENTS (escale_workshop_themes);

const char *const escale_workshop_levels[] = { "debutant", "intermediaire", "avance" };
const guint escale_workshop_n_levels = G_N_ELEMENTS (escale_workshop_levels);
static const char *const level_labels[] = { N_ ("Débutant"), N_ ("Intermédiaire"), N_ ("Avancé") };

const guint escale_workshop_lengths[] = { 60, 90, 120, 180 };
const guint escale_workshop_n_lengths = G_N_ELEMENTS (escale_workshop_lengths);
static const char *const length_labels[] = { N_ ("1 heure"), N_ ("1 h 30"), N_ ("2 heures"),
                                             N_ ("3 heures") };

/* "Débutant" for "debutant"; an unknown slug as it is. */
const char *
escale_workshop_level_label (const char *level)
{
  for (guint i = 0; i < G_N_ELEMENTS (escale_workshop_levels); i++)
    if (g_str_equal (escale_workshop_levels[i], level))
      return _ (level_labels[i]);
  return level;
}

/* "1 h 30" for 90; NULL for a length not offered. */
const char *
escale_workshop_length_label (guint minutes)
{
  for (guint i = 0; i < G_N_ELEMENTS (escale_workshop_lengths); i++)
    if (escale_workshop_lengths[i] == minutes)
      return _ (length_labels[i]);
  return NULL;
}
