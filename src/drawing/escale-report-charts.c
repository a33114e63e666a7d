/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "escale-report-charts.h"

/* What each chart of a period shows, from its EscaleStatsReport: the one
 * place the dashboard and the PDF report get their charts' figures from. */

const char *
escale_report_chart_title (EscaleReportChart which)
{
  switch (which)
    {
    case ESCALE_REPORT_CHART_PER_DAY:
      return _ ("Visites par jour");
    case ESCALE_REPORT_CHART_PER_THEME:
      return _ ("Par thématique (La Coop de la médiation numérique)");
    case ESCALE_REPORT_CHART_PER_ACTIVITY:
      return _ ("Par activité (et sa thématique)");
    case ESCALE_REPORT_CHART_PER_CATEGORY:
      return _ ("Démarches par catégorie (visites)");
    case ESCALE_REPORT_CHART_DURATIONS:
      return _ ("Durée des visites");
    case ESCALE_REPORT_CHART_AGES:
      return _ ("Tranches d'âge");
    case ESCALE_REPORT_CHART_HEAT:
    case ESCALE_N_REPORT_CHARTS:
    default:
      return _ ("Heure d'arrivée et jour de la semaine (nombre de visites)");
    }
}

/* The ten largest groups, an activity with its theme. */
static void
fill_groups (EscaleChartDrawing *drawing, GPtrArray *groups, gboolean with_theme)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) values = g_array_new (FALSE, TRUE, sizeof (guint));

  for (guint i = 0; i < groups->len && i < 10; i++)
    {
      EscaleStatsGroup *group = groups->pdata[i];

      if (with_theme && group->theme != NULL)
        g_ptr_array_add (labels,
                         g_strdup_printf ("%s (%s)", escale_stats_group_display_name (group),
                                          group->theme));
      else
        g_ptr_array_add (labels, g_strdup (escale_stats_group_display_name (group)));
      g_array_append_val (values, group->sessions);
    }
  escale_chart_drawing_set_bars (drawing, (const char *const *) labels->pdata,
                                 (guint *) values->data, values->len);
}

/* Every day from the first of the period to the last with visits, the
 * days without any as empty columns, so the axis is the calendar. */
static void
fill_days (EscaleChartDrawing *drawing, EscaleStatsReport *r)
{
  GArray *days = escale_stats_report_get_days (r);
  g_autoptr(GPtrArray) day_labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) day_values = g_array_new (FALSE, TRUE, sizeof (guint));

  if (days->len > 0)
    {
      g_autofree char *iso = g_strconcat (escale_stats_report_get_from (r), "T12:00:00Z", NULL);
      g_autoptr(GDateTime) day = g_date_time_new_from_iso8601 (iso, NULL);
      const char *last = g_array_index (days, EscaleStatsDay, days->len - 1).day;
      guint next = 0;

      for (guint n = 0; day != NULL && n < 400 * 10; n++)
        {
          g_autofree char *key = g_date_time_format (day, "%Y-%m-%d");
          guint sessions = 0;
          GDateTime *later;

          if (strcmp (key, last) > 0)
            break;
          if (next < days->len &&
              g_str_equal (g_array_index (days, EscaleStatsDay, next).day, key))
            sessions = g_array_index (days, EscaleStatsDay, next++).sessions;
          /* "DD/MM": short enough to write under the columns. */
          g_ptr_array_add (day_labels, g_strdup_printf ("%.2s/%.2s", key + 8, key + 5));
          g_array_append_val (day_values, sessions);
          later = g_date_time_add_days (day, 1);
          g_date_time_unref (day);
          day = later;
        }
    }
  escale_chart_drawing_set_columns (drawing, (const char *const *) day_labels->pdata,
                                    (guint *) day_values->data, day_values->len);
}

static void
fill_heat (EscaleChartDrawing *drawing, EscaleStatsReport *r)
{
  guint heat[7 * 24];

  for (int d = 1; d <= 7; d++)
    for (int h = 0; h < 24; h++)
      heat[(d - 1) * 24 + h] = escale_stats_report_get_heat (r, d, h);
  escale_chart_drawing_set_heat (drawing, heat);
}

static void
fill_ages (EscaleChartDrawing *drawing, EscaleStatsReport *r)
{
  const char *labels[ESCALE_N_AGE_BRACKETS];
  guint values[ESCALE_N_AGE_BRACKETS];

  for (guint i = 0; i < ESCALE_N_AGE_BRACKETS; i++)
    {
      /* Answers first, then "ne souhaite pas répondre", then no answer. */
      guint bracket = i + 1 < ESCALE_N_AGE_BRACKETS ? i + 1 : ESCALE_AGE_NONE;

      labels[i] = escale_stats_age_label (bracket);
      values[i] = escale_stats_report_get_age (r, bracket);
    }
  escale_chart_drawing_set_bars (drawing, labels, values, ESCALE_N_AGE_BRACKETS);
}

static void
fill_durations (EscaleChartDrawing *drawing, EscaleStatsReport *r)
{
  const char *labels[ESCALE_N_DURATION_BUCKETS];
  guint values[ESCALE_N_DURATION_BUCKETS];

  for (guint i = 0; i < ESCALE_N_DURATION_BUCKETS; i++)
    {
      labels[i] = escale_stats_duration_bucket_label (i);
      values[i] = escale_stats_report_get_duration_bucket (r, i);
    }
  escale_chart_drawing_set_bars (drawing, labels, values, ESCALE_N_DURATION_BUCKETS);
}

/* Sets @drawing to the chart @which of @report. */
void
escale_report_chart_fill (EscaleChartDrawing *drawing, EscaleStatsReport *report,
                          EscaleReportChart which)
{
  switch (which)
    {
    case ESCALE_REPORT_CHART_PER_DAY:
      fill_days (drawing, report);
      break;
    case ESCALE_REPORT_CHART_PER_THEME:
      fill_groups (drawing, escale_stats_report_get_themes (report), FALSE);
      break;
    case ESCALE_REPORT_CHART_PER_ACTIVITY:
      fill_groups (drawing, escale_stats_report_get_activities (report), TRUE);
      break;
    case ESCALE_REPORT_CHART_PER_CATEGORY:
      fill_groups (drawing, escale_stats_report_get_categories (report), FALSE);
      break;
    case ESCALE_REPORT_CHART_DURATIONS:
      fill_durations (drawing, report);
      break;
    case ESCALE_REPORT_CHART_AGES:
      fill_ages (drawing, report);
      break;
    case ESCALE_REPORT_CHART_HEAT:
    case ESCALE_N_REPORT_CHARTS:
    default:
      fill_heat (drawing, report);
      break;
    }
}
