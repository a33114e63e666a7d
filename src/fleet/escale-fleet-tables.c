/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-fleet"

#include "escale-fleet-tables.h"

#define DAY_TOTALS_VALUES                                                                         \
  "sessions, minutes, help_asked, helper_calls, help_given, in_workshop, autonomous,"             \
  " under_30_min, under_1_h, under_2_h, over_2_h, satisfaction_yes, satisfaction_partly,"         \
  " satisfaction_no, age_18_24, age_25_39, age_40_59, age_60_69, age_70_plus, age_declined"

/* Server-side filter of every load: $1..$2 the period, $3 a site or NULL,
 * $4 a kiosk or NULL. */
#define LOAD_FILTER                                                                               \
  " AND ($3::text IS NULL OR site_id = $3) AND ($4::text IS NULL OR kiosk_id = $4)"

/* Months a kiosk folded before its first push (?4: that push's first
 * day); later months reach the server as days. */
#define BEFORE_FLEET " WHERE month < substr (?4, 1, 7)"
#define MONTHS_OF_PERIOD " WHERE month BETWEEN substr ($1, 1, 7) AND substr ($2, 1, 7)" LOAD_FILTER
#define MONTHLY_SUMS                                                                              \
  "sum (sessions), sum (minutes), sum (help_asked), sum (helper_calls), sum (help_given),"        \
  " sum (in_workshop), sum (autonomous)"
#define MONTHLY_VALUES                                                                            \
  "sessions, minutes, help_asked, helper_calls, help_given, in_workshop, autonomous"

static const EscaleFleetTable tables[] = {
  { "day_totals", "day", DAY_TOTALS_VALUES, NULL, NULL, NULL, "sum", "day" },
  { "day_duration_totals", "day, duration_min", "sessions", NULL, NULL, NULL, "sum", "day" },
  { "day_activity_totals", "day, activity_id, theme", "sessions, minutes", NULL, NULL, NULL, "sum",
    "day" },
  { "day_theme_totals", "day, theme", "sessions, minutes", NULL, NULL, NULL, "sum", "day" },
  { "day_category_totals", "day, kind, category", "sessions", NULL, NULL, NULL, "sum", "day" },
  { "day_counter_totals", "day, kind, counter", "sessions, value", NULL, NULL, NULL, "sum",
    "day" },
  /* Whole months from the first pushed day's, cells of at least the
   * threshold only. On the kiosk side a month's cells go to the period's
   * first day of that month: the report reads weekday and hour only. */
  { "month_hour_totals", "month, weekday, start_hour", "sessions",
    "SELECT substr (day, 1, 7), weekday, start_hour, sum (sessions) FROM day_hour_totals"
    " WHERE day BETWEEN substr (?1, 1, 7) || '-01' AND ?2 GROUP BY 1, 2, 3"
    " HAVING sum (sessions) >= ?3",
    "SELECT greatest (month || '-01', $1::text), weekday, start_hour, sum (sessions)"
    " FROM escale.month_hour_totals WHERE month BETWEEN substr ($1, 1, 7) AND substr ($2, 1, 7)" LOAD_FILTER
    " GROUP BY 1, 2, 3",
    "day_hour_totals (day, weekday, start_hour, sessions)", "sum", "month" },
  /* A workshop recorded on several kiosks stays one per kiosk: the report
   * makes them one collective activity by uid. Retention keeps workshops
   * (a few rows a month), so every push sends them all. */
  { "workshops", "uid", "day, start_hour, duration_min, theme, level, participants",
    "SELECT uid, min (day), min (start_hour), max (duration_min), min (theme), min (level),"
    " sum (participants) FROM workshops GROUP BY uid",
    "SELECT uid, site_id || '/' || kiosk_id, day, start_hour, duration_min, theme, level,"
    " participants FROM escale.workshops WHERE day BETWEEN $1 AND $2" LOAD_FILTER,
    "workshops (uid, kiosk_id, day, start_hour, duration_min, theme, level, participants)", "sum",
    NULL },
  /* Schema 2: the months folded before the first push, on the kiosk side
   * as one kiosk "server" (the report sums a kiosk's monthly rows). */
  { "monthly_totals", "month", MONTHLY_VALUES,
    "SELECT month, " MONTHLY_SUMS " FROM monthly_totals" BEFORE_FLEET " GROUP BY 1",
    "SELECT 'server', month, " MONTHLY_SUMS " FROM escale.monthly_totals" MONTHS_OF_PERIOD
    " GROUP BY 2",
    "monthly_totals (kiosk_id, month, " MONTHLY_VALUES ")", "sum", NULL },
  { "monthly_activity_totals", "month, activity_id", "theme, sessions, minutes",
    "SELECT month, activity_id, max (theme), sum (sessions), sum (minutes)"
    " FROM monthly_activity_totals" BEFORE_FLEET " GROUP BY 1, 2",
    "SELECT 'server', month, activity_id, max (theme), sum (sessions), sum (minutes)"
    " FROM escale.monthly_activity_totals" MONTHS_OF_PERIOD " GROUP BY 2, 3",
    "monthly_activity_totals (kiosk_id, month, activity_id, theme, sessions, minutes)", "sum",
    NULL },
  { "monthly_theme_totals", "month, theme", "sessions, minutes",
    "SELECT month, theme, sum (sessions), sum (minutes) FROM monthly_theme_totals" BEFORE_FLEET
    " GROUP BY 1, 2",
    "SELECT 'server', month, theme, sum (sessions), sum (minutes)"
    " FROM escale.monthly_theme_totals" MONTHS_OF_PERIOD " GROUP BY 2, 3",
    "monthly_theme_totals (kiosk_id, month, theme, sessions, minutes)", "sum", NULL },
  { "monthly_category_totals", "month, kind, category", "sessions",
    "SELECT month, kind, category, sum (sessions) FROM monthly_category_totals" BEFORE_FLEET
    " GROUP BY 1, 2, 3",
    "SELECT 'server', month, kind, category, sum (sessions)"
    " FROM escale.monthly_category_totals" MONTHS_OF_PERIOD " GROUP BY 2, 3, 4",
    "monthly_category_totals (kiosk_id, month, kind, category, sessions)", "sum", NULL },
  { "monthly_counter_totals", "month, kind, counter", "value",
    "SELECT month, kind, counter, sum (value) FROM monthly_counter_totals" BEFORE_FLEET
    " GROUP BY 1, 2, 3",
    "SELECT 'server', month, kind, counter, sum (value)"
    " FROM escale.monthly_counter_totals" MONTHS_OF_PERIOD " GROUP BY 2, 3, 4",
    "monthly_counter_totals (kiosk_id, month, kind, counter, value)", "sum", NULL },
  /* Names, not figures: every push sends them all, the report takes them
   * from every kiosk whatever the period. */
  { "counter_labels", "kind, counter", "label, position",
    "SELECT kind, counter, label, position FROM counter_labels",
    "SELECT kind, counter, min (label), min (position) FROM escale.counter_labels"
    " WHERE $1::text <= $2::text" LOAD_FILTER " GROUP BY 1, 2",
    NULL, "min", NULL },
  { "activity_titles", "activity_id", "title", "SELECT activity_id, title FROM activity_titles",
    "SELECT activity_id, min (title) FROM escale.activity_titles WHERE $1::text <= $2::text" LOAD_FILTER
    " GROUP BY 1",
    NULL, "min", NULL },
};

const EscaleFleetTable *
escale_fleet_tables (guint *n_tables)
{
  *n_tables = G_N_ELEMENTS (tables);
  return tables;
}

char *
escale_fleet_table_push_sql (const EscaleFleetTable *table)
{
  if (table->push != NULL)
    return g_strdup (table->push);
  return g_strdup_printf ("SELECT %s, %s FROM %s WHERE day BETWEEN ?1 AND ?2", table->keys,
                          table->values, table->name);
}

/* Before a push writes its rows: this kiosk's rows from the push's first
 * day ($3) on, so that a day sent again (a restored backup, a visit
 * purged) is replaced as a whole, rows that went away included. $1 site,
 * $2 kiosk. */
char *
escale_fleet_table_delete_sql (const EscaleFleetTable *table)
{
  const char *range = "";

  if (g_strcmp0 (table->range, "day") == 0)
    range = " AND day >= $3::date";
  else if (g_strcmp0 (table->range, "month") == 0)
    range = " AND month >= substr ($3, 1, 7)";
  else
    range = " AND $3::text IS NOT NULL";
  return g_strdup_printf ("DELETE FROM escale.%s WHERE site_id = $1 AND kiosk_id = $2%s",
                          table->name, range);
}

/* From the COPY'd temporary table into escale.NAME: a row already there
 * (same site, kiosk and keys) takes the new values, so pushing a day
 * again replaces it, never adds to it. */
char *
escale_fleet_table_upsert_sql (const EscaleFleetTable *table, const char *temp_name)
{
  g_auto (GStrv) values = g_strsplit (table->values, ",", -1);
  g_autoptr(GString) sql = g_string_new (NULL);

  g_string_append_printf (sql,
                          "INSERT INTO escale.%s (site_id, kiosk_id, %s, %s)"
                          " SELECT site_id, kiosk_id, %s, %s FROM %s"
                          " ON CONFLICT (site_id, kiosk_id, %s) DO UPDATE SET ",
                          table->name, table->keys, table->values, table->keys, table->values,
                          temp_name, table->keys);
  for (guint i = 0; values[i] != NULL; i++)
    {
      const char *column = g_strstrip (values[i]);

      g_string_append_printf (sql, "%s%s = excluded.%s", i > 0 ? ", " : "", column, column);
    }
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* The server's rows of the period, kiosks combined per key. */
char *
escale_fleet_table_load_sql (const EscaleFleetTable *table)
{
  g_auto (GStrv) values = NULL;
  g_autoptr(GString) sql = NULL;

  if (table->load != NULL)
    return g_strdup (table->load);
  values = g_strsplit (table->values, ",", -1);
  sql = g_string_new ("SELECT ");
  /* Days come back as text: YYYY-MM-DD under DateStyle ISO. */
  g_string_append (sql, table->keys);
  for (guint i = 0; values[i] != NULL; i++)
    g_string_append_printf (sql, ", %s (%s)", table->combine, g_strstrip (values[i]));
  g_string_append_printf (sql,
                          " FROM escale.%s WHERE day BETWEEN $1 AND $2" LOAD_FILTER " GROUP BY %s",
                          table->name, table->keys);
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* INSERT of one loaded row into the kiosk-side store (replacing what its
 * migrations wrote: the call kind's counter labels). */
char *
escale_fleet_table_insert_sql (const EscaleFleetTable *table, guint n_columns)
{
  g_autoptr(GString) sql = g_string_new ("INSERT OR REPLACE INTO ");

  if (table->into != NULL)
    g_string_append (sql, table->into);
  else
    g_string_append_printf (sql, "%s (%s, %s)", table->name, table->keys, table->values);
  g_string_append (sql, " VALUES (");
  for (guint i = 1; i <= n_columns; i++)
    g_string_append_printf (sql, "%s?%u", i > 1 ? ", " : "", i);
  g_string_append_c (sql, ')');
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* Columns a push statement returns: keys then values. */
guint
escale_fleet_table_n_columns (const EscaleFleetTable *table)
{
  g_autofree char *all = g_strconcat (table->keys, ",", table->values, NULL);
  g_auto (GStrv) columns = g_strsplit (all, ",", -1);

  return g_strv_length (columns);
}
