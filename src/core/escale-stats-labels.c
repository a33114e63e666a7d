/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-stats"

#include <glib/gi18n-lib.h>

#include "escale-stats-report.h"

/* What staff read for the figures of an EscaleStatsReport: the labels of
 * the buckets, answers, brackets and autonomy levels, the names of
 * activities and counters, and the sentences under the help figures, in
 * one place for the dashboard, the exports, the PDF and escale-stats. */

const char *
escale_stats_duration_bucket_label (guint bucket)
{
  switch (bucket)
    {
    case 0:
      return _ ("Moins de 30 min");
    case 1:
      return _ ("30 min à 1 h");
    case 2:
      return _ ("1 h à 2 h");
    default:
      return _ ("Plus de 2 h");
    }
}

const char *
escale_stats_autonomy_label (EscaleAutonomy value)
{
  switch (value)
    {
    case ESCALE_AUTONOMY_PARTIELLEMENT_AUTONOME:
      return _ ("Partiellement autonome");
    case ESCALE_AUTONOMY_ENTIEREMENT_ACCOMPAGNE:
      return _ ("Entièrement accompagné");
    case ESCALE_AUTONOMY_AUTONOME:
    default:
      return _ ("Autonome");
    }
}

const char *
escale_stats_satisfaction_label (EscaleSatisfaction value)
{
  switch (value)
    {
    case ESCALE_SATISFACTION_YES:
      return _ ("Oui");
    case ESCALE_SATISFACTION_PARTLY:
      return _ ("En partie");
    case ESCALE_SATISFACTION_NO:
      return _ ("Non");
    case ESCALE_SATISFACTION_NONE:
    default:
      return _ ("Sans réponse");
    }
}

const char *
escale_stats_age_label (EscaleAgeBracket value)
{
  switch (value)
    {
    case ESCALE_AGE_18_24:
      return _ ("18-24 ans");
    case ESCALE_AGE_25_39:
      return _ ("25-39 ans");
    case ESCALE_AGE_40_59:
      return _ ("40-59 ans");
    case ESCALE_AGE_60_69:
      return _ ("60-69 ans");
    case ESCALE_AGE_70_PLUS:
      return _ ("70 ans et plus");
    case ESCALE_AGE_DECLINED:
      return _ ("Ne souhaite pas répondre");
    case ESCALE_AGE_NONE:
    default:
      return _ ("Sans réponse");
    }
}

/* What staff read for @group: the activity's title if the store knows it,
 * else its name (a theme, a category, or an activity id of an old store). */
const char *
escale_stats_group_display_name (const EscaleStatsGroup *group)
{
  return group->title != NULL && *group->title != '\0' ? group->title : group->name;
}

/* What the staff read for @counter: its declared label through the
 * catalogue, else its raw name ("kind/counter"), never nothing. */
const char *
escale_stats_counter_display_label (const EscaleStatsCounter *counter)
{
  if (counter->label != NULL && *counter->label != '\0')
    return _ (counter->label);
  return counter->raw_name;
}

/* "12 partiellement autonomes, 3 entièrement accompagnées": the visits
 * that were not autonomous, by La Coop's level. */
char *
escale_stats_autonomy_detail (EscaleStatsReport *report)
{
  guint partly = escale_stats_report_get_autonomy (report, ESCALE_AUTONOMY_PARTIELLEMENT_AUTONOME);
  guint fully = escale_stats_report_get_autonomy (report, ESCALE_AUTONOMY_ENTIEREMENT_ACCOMPAGNE);
  g_autofree char *one =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u partiellement autonome",
                                  "%u partiellement autonomes", partly),
                     partly);
  g_autofree char *two =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entièrement accompagnée (atelier)",
                                  "%u entièrement accompagnées (atelier)", fully),
                     fully);

  return g_strconcat (one, ", ", two, NULL);
}

/* "5 appels à un aidant, aide reçue dans 4 visites". */
char *
escale_stats_help_detail (EscaleStatsReport *report)
{
  guint calls = escale_stats_report_get_helper_calls (report);
  guint given = escale_stats_report_get_help_given (report);
  g_autofree char *one = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u appel à un aidant",
                                                       "%u appels à un aidant", calls),
                                          calls);
  g_autofree char *two =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "aide reçue dans %u visite",
                                  "aide reçue dans %u visites", given),
                     given);

  return g_strconcat (one, ", ", two, NULL);
}

/* Participations in the period's workshops (a person in two counts twice). */
guint
escale_stats_workshop_participants (EscaleStatsReport *report)
{
  GPtrArray *workshops = escale_stats_report_get_workshops (report);
  guint participants = 0;

  for (guint i = 0; i < workshops->len; i++)
    participants += ((EscaleStatsWorkshop *) workshops->pdata[i])->participants;
  return participants;
}

/* La Coop's thematique slugs the issue names, with their labels; any
 * other slug is shown with spaces for its underscores. */
static const char *const coop_themes[][2] = {
  { "prendre_en_main_du_materiel", N_ ("Prendre en main du matériel") },
  { "navigation_sur_internet", N_ ("Navigation sur internet") },
  { "email", N_ ("E-mail") },
  { "sante", N_ ("Santé") },
  { "culture_numerique", N_ ("Culture numérique") },
};

/* What staff read for La Coop's thematique @slug (never freed). */
const char *
escale_coop_theme_label (const char *slug)
{
  g_autofree char *spaced = NULL;

  if (slug == NULL)
    return "";
  for (guint i = 0; i < G_N_ELEMENTS (coop_themes); i++)
    if (g_str_equal (coop_themes[i][0], slug))
      return _ (coop_themes[i][1]);
  spaced = g_strdelimit (g_strdup (slug), "_", ' ');
  return g_intern_string (spaced);
}
