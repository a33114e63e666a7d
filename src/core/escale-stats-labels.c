/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-stats"

#include <stdio.h>
#include <string.h>
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

/* "1 234": groups of three digits with a no-break space, as in French. */
char *
escale_stats_format_number (guint64 n)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, n);
  GString *out = g_string_new (NULL);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, "\u00a0");
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

/* "29 min", "29,5 min", "1 234 min": whole minutes without a decimal,
 * otherwise one, after a comma, as French writes it. */
char *
escale_stats_format_minutes (double minutes)
{
  guint64 tenths = (guint64) (MAX (minutes, 0.0) * 10.0 + 0.5);
  g_autofree char *whole = escale_stats_format_number (tenths / 10);

  if (tenths % 10 == 0)
    /* TRANSLATORS: a number of minutes, "29 min" */
    return g_strdup_printf (_ ("%s min"), whole);
  /* TRANSLATORS: minutes with one decimal, "29,5 min": the comma is French */
  return g_strdup_printf (_ ("%s,%u min"), whole, (guint) (tenths % 10));
}

static const char *const month_names[] = {
  N_ ("janvier"),   N_ ("février"), N_ ("mars"),     N_ ("avril"),
  N_ ("mai"),       N_ ("juin"),    N_ ("juillet"),  N_ ("août"),
  N_ ("septembre"), N_ ("octobre"), N_ ("novembre"), N_ ("décembre"),
};

/* "1er septembre 2026", "31 août 2027" for the day "YYYY-MM-DD". */
char *
escale_stats_format_day (const char *day)
{
  int year, month, mday;

  if (!escale_stats_day_is_valid (day) || sscanf (day, "%d-%d-%d", &year, &month, &mday) != 3)
    return g_strdup (day);
  if (mday == 1)
    /* TRANSLATORS: the first day of a month, then its name and year */
    return g_strdup_printf (_ ("1er %s %d"), _ (month_names[month - 1]), year);
  /* TRANSLATORS: a day of the month, then the month's name and the year */
  return g_strdup_printf (_ ("%d %s %d"), mday, _ (month_names[month - 1]), year);
}

/* "du 1er septembre 2026 au 31 août 2027"; an open bound (NULL, or
 * ESCALE_STATS_FIRST_DAY / ESCALE_STATS_LAST_DAY) in words: "depuis le
 * 1er mars 2026", "jusqu'au 31 mars 2026", "depuis le début". */
char *
escale_stats_format_period (const char *from_day, const char *to_day)
{
  gboolean open_from = from_day == NULL || strcmp (from_day, ESCALE_STATS_FIRST_DAY) <= 0;
  gboolean open_to = to_day == NULL || strcmp (to_day, ESCALE_STATS_LAST_DAY) >= 0;
  g_autofree char *from = open_from ? NULL : escale_stats_format_day (from_day);
  g_autofree char *to = open_to ? NULL : escale_stats_format_day (to_day);

  if (open_from && open_to)
    /* TRANSLATORS: a period with no bounds: every visit recorded */
    return g_strdup (_ ("depuis le début"));
  if (open_to)
    return g_strdup_printf (_ ("depuis le %s"), from);
  if (open_from)
    return g_strdup_printf (_ ("jusqu'au %s"), to);
  return g_strdup_printf (_ ("du %s au %s"), from, to);
}

static char *
percent (guint part, guint whole)
{
  if (whole == 0)
    return g_strdup ("—");
  return g_strdup_printf ("%u %%", (guint) (100.0 * part / whole + 0.5));
}

static void
figure_free (EscaleStatsFigure *figure)
{
  g_free (figure->value);
  g_free (figure->label);
  g_free (figure->detail);
  g_free (figure);
}

static void
add_figure (GPtrArray *figures, char *value, const char *label, char *detail)
{
  EscaleStatsFigure *figure = g_new0 (EscaleStatsFigure, 1);

  figure->value = value;
  figure->label = g_strdup (label);
  figure->detail = detail;
  g_ptr_array_add (figures, figure);
}

static char *
satisfaction_detail (EscaleStatsReport *r, guint answered)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Oui %u, en partie %u, non %u (%u réponse)",
                                       "Oui %u, en partie %u, non %u (%u réponses)", answered),
                          escale_stats_report_get_satisfaction (r, ESCALE_SATISFACTION_YES),
                          escale_stats_report_get_satisfaction (r, ESCALE_SATISFACTION_PARTLY),
                          escale_stats_report_get_satisfaction (r, ESCALE_SATISFACTION_NO),
                          answered);
}

/* The key figures of @report, in the order the dashboard's tiles and the
 * PDF report show them: visits, hours, median, autonomy, satisfaction,
 * help asked (and given), workshops. Of EscaleStatsFigure. */
GPtrArray *
escale_stats_key_figures (EscaleStatsReport *r)
{
  GPtrArray *figures = g_ptr_array_new_with_free_func ((GDestroyNotify) figure_free);
  guint sessions = escale_stats_report_get_sessions (r);
  guint minutes = escale_stats_report_get_minutes (r);
  guint folded = escale_stats_report_get_folded_sessions (r);
  guint workshops = escale_stats_report_get_workshops (r)->len;
  guint participants = escale_stats_workshop_participants (r);
  g_autofree char *hours = escale_stats_format_number (minutes / 60);
  guint answered = 0;

  for (guint i = ESCALE_SATISFACTION_YES; i <= ESCALE_SATISFACTION_NO; i++)
    answered += escale_stats_report_get_satisfaction (r, i);
  add_figure (figures, escale_stats_format_number (sessions), _ ("Visites"),
              folded == 0
                ? NULL
                : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "dont %u d'anciens mois regroupée",
                                                "dont %u d'anciens mois regroupées", folded),
                                   folded));
  add_figure (figures, g_strdup_printf (_ ("%s h %02u"), hours, minutes % 60),
              _ ("Heures d'utilisation"), NULL);
  add_figure (figures, escale_stats_format_minutes (escale_stats_report_get_median_minutes (r)),
              _ ("Durée médiane d'une visite"), NULL);
  add_figure (figures,
              percent (escale_stats_report_get_autonomy (r, ESCALE_AUTONOMY_AUTONOME), sessions),
              _ ("Visites en autonomie"), escale_stats_autonomy_detail (r));
  add_figure (figures,
              percent (escale_stats_report_get_satisfaction (r, ESCALE_SATISFACTION_YES),
                       answered),
              _ ("Ont trouvé ce qu'ils cherchaient"), satisfaction_detail (r, answered));
  add_figure (figures, escale_stats_format_number (escale_stats_report_get_help_asked (r)),
              _ ("Visites avec aide demandée"), escale_stats_help_detail (r));
  add_figure (figures, escale_stats_format_number (workshops),
              g_dngettext (GETTEXT_PACKAGE, "Atelier collectif", "Ateliers collectifs", workshops),
              g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u participation",
                                            "%u participations", participants),
                               participants));
  return figures;
}
