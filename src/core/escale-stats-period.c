/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "escale-stats-report.h"

/* The periods the dashboard offers, as two YYYY-MM-DD days (inclusive):
 * the calendar week, month, quarter and year containing a day, and the
 * twelve months from a given month (school year, grant year). */

/* The twelve months from the first of @start_month (1-12) that contain @now:
 * 9 for the school year, [Staff] grant-year-start for the grant year. */
void
escale_stats_year_range (GDateTime *now, guint start_month, char **from_day, char **to_day)
{
  int year = g_date_time_get_year (now) - (g_date_time_get_month (now) < (int) start_month);
  g_autoptr(GDateTime) start = g_date_time_new_local (year, (int) start_month, 1, 0, 0, 0);
  g_autoptr(GDateTime) next = g_date_time_add_months (start, 12);
  g_autoptr(GDateTime) end = g_date_time_add_days (next, -1);

  *from_day = g_date_time_format (start, "%Y-%m-%d");
  *to_day = g_date_time_format (end, "%Y-%m-%d");
}

/* The calendar period containing @now, as two YYYY-MM-DD days (inclusive). */
void
escale_stats_period_range (EscaleStatsPeriod period, GDateTime *now, char **from_day,
                           char **to_day)
{
  int year = g_date_time_get_year (now);
  int month = g_date_time_get_month (now);
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;

  switch (period)
    {
    case ESCALE_PERIOD_WEEK:
      {
        g_autoptr(GDateTime)
                     day = g_date_time_new_local (year, month, g_date_time_get_day_of_month (now),
                                                  0, 0, 0);

        start = g_date_time_add_days (day, 1 - g_date_time_get_day_of_week (now));
        end = g_date_time_add_days (start, 6);
      }
      break;
    case ESCALE_PERIOD_MONTH:
      start = g_date_time_new_local (year, month, 1, 0, 0, 0);
      break;
    case ESCALE_PERIOD_QUARTER:
      start = g_date_time_new_local (year, 1 + 3 * ((month - 1) / 3), 1, 0, 0, 0);
      break;
    case ESCALE_PERIOD_YEAR:
      escale_stats_year_range (now, 1, from_day, to_day);
      return;
    default:
      g_assert_not_reached ();
    }
  if (end == NULL)
    {
      g_autoptr(GDateTime)
                   next = g_date_time_add_months (start, period == ESCALE_PERIOD_MONTH ? 1 : 3);
      end = g_date_time_add_days (next, -1);
    }
  *from_day = g_date_time_format (start, "%Y-%m-%d");
  *to_day = g_date_time_format (end, "%Y-%m-%d");
}
