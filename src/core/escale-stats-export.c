/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-stats"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <unistd.h>

#include "escale-stats-export.h"

/* Appends @value as one CSV field: quoted when it holds a separator, a
 * quote, a line break or outer spaces, with quotes doubled. */
void
escale_csv_append_field (GString *out, const char *value)
{
  gsize len;

  if (value == NULL)
    return;
  len = strlen (value);
  if (strpbrk (value, ";\"\r\n") == NULL &&
      (len == 0 || (value[0] != ' ' && value[len - 1] != ' ')))
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
emit_count (EscaleStatsRowFunc func, gpointer data, const char *section, const char *label,
            guint value)
{
  char buf[16];

  g_snprintf (buf, sizeof buf, "%u", value);
  func (section, label, buf, data);
}

/* A decimal with a comma, as French spreadsheets read it. */
static char *
french_decimal (double value)
{
  char *text = g_strdup_printf ("%.1f", value);

  g_strdelimit (text, ".", ',');
  return text;
}

static void
emit_groups (EscaleStatsRowFunc func, gpointer data, GPtrArray *groups, const char *visits,
             const char *minutes)
{
  for (guint i = 0; i < groups->len; i++)
    {
      EscaleStatsGroup *group = groups->pdata[i];

      emit_count (func, data, visits, escale_stats_group_display_name (group), group->sessions);
      if (minutes != NULL)
        emit_count (func, data, minutes, escale_stats_group_display_name (group), group->minutes);
    }
}

static void
emit_help (EscaleStatsReport *report, EscaleStatsRowFunc func, gpointer data, const char *summary)
{
  emit_count (func, data, summary, _ ("Visites avec aide demandée"),
              escale_stats_report_get_help_asked (report));
  emit_count (func, data, summary, _ ("Appels à un aidant"),
              escale_stats_report_get_helper_calls (report));
  emit_count (func, data, summary, _ ("Visites avec aide reçue"),
              escale_stats_report_get_help_given (report));
  for (guint i = 0; i < ESCALE_N_AUTONOMY; i++)
    emit_count (func, data, _ ("Niveau d'autonomie"), escale_stats_autonomy_label (i),
                escale_stats_report_get_autonomy (report, i));
  emit_count (func, data, summary, _ ("Ateliers collectifs"),
              escale_stats_report_get_workshops (report)->len);
  emit_count (func, data, summary, _ ("Participations aux ateliers"),
              escale_stats_workshop_participants (report));
}

/* Calls @func with each figure of the period, as (section, label, value):
 * the figures CSV's lines and the XLSX's "Synthèse" sheet. */
void
escale_stats_summary_foreach (EscaleStatsReport *report, EscaleStatsRowFunc func, gpointer data)
{
  g_autofree char *hours = french_decimal (escale_stats_report_get_minutes (report) / 60.0);
  g_autofree char *median = french_decimal (escale_stats_report_get_median_minutes (report));
  const char *period = _ ("Période");
  const char *summary = _ ("Synthèse");
  const char *found = _ ("A trouvé ce qu'il cherchait");

  func (period, _ ("Du"), escale_stats_report_get_from (report), data);
  func (period, _ ("Au"), escale_stats_report_get_to (report), data);
  emit_count (func, data, summary, _ ("Visites"), escale_stats_report_get_sessions (report));
  func (summary, _ ("Heures d'utilisation"), hours, data);
  func (summary, _ ("Durée médiane (minutes)"), median, data);
  emit_help (report, func, data, summary);
  emit_count (func, data, summary, _ ("Visites regroupées par mois (anciennes)"),
              escale_stats_report_get_folded_sessions (report));
  for (guint i = 0; i < ESCALE_N_DURATION_BUCKETS; i++)
    emit_count (func, data, _ ("Durée des visites"), escale_stats_duration_bucket_label (i),
                escale_stats_report_get_duration_bucket (report, i));
  for (guint i = 0; i < ESCALE_N_SATISFACTION; i++)
    {
      /* The answers, then "no answer". */
      guint v = (i + 1) % ESCALE_N_SATISFACTION;

      emit_count (func, data, found, escale_stats_satisfaction_label (v),
                  escale_stats_report_get_satisfaction (report, v));
    }
  for (guint i = 0; i < ESCALE_N_AGE_BRACKETS; i++)
    {
      guint v = (i + 1) % ESCALE_N_AGE_BRACKETS;

      emit_count (func, data, _ ("Tranche d'âge"), escale_stats_age_label (v),
                  escale_stats_report_get_age (report, v));
    }
  emit_groups (func, data, escale_stats_report_get_themes (report), _ ("Thématique (visites)"),
               _ ("Thématique (minutes)"));
  emit_groups (func, data, escale_stats_report_get_activities (report), _ ("Activité (visites)"),
               _ ("Activité (minutes)"));
  emit_groups (func, data, escale_stats_report_get_categories (report),
               _ ("Catégorie de démarche (visites)"), NULL);
  for (guint i = 0; i < escale_stats_report_get_counters (report)->len; i++)
    {
      EscaleStatsCounter *counter = escale_stats_report_get_counters (report)->pdata[i];
      char value[24];

      g_snprintf (value, sizeof value, "%" G_GUINT64_FORMAT, counter->value);
      func (_ ("Compteurs des activités"), escale_stats_counter_display_label (counter), value,
            data);
    }
}

static void
append_row_cb (const char *section, const char *label, const char *value, gpointer data)
{
  GString *out = data;

  escale_csv_append_field (out, section);
  g_string_append_c (out, ';');
  escale_csv_append_field (out, label);
  g_string_append_c (out, ';');
  escale_csv_append_field (out, value);
  g_string_append (out, "\r\n");
}

/* The period's figures, one per line: "Rubrique;Indicateur;Valeur". */
GString *
escale_stats_export_summary_csv (EscaleStatsReport *report)
{
  GString *out = g_string_new (ESCALE_CSV_BOM);

  append_row_cb (_ ("Rubrique"), _ ("Indicateur"), _ ("Valeur"), out);
  escale_stats_summary_foreach (report, append_row_cb, out);
  return out;
}

static void
add_groups (JsonBuilder *builder, const char *name, GPtrArray *groups, gboolean with_theme)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < groups->len; i++)
    {
      EscaleStatsGroup *group = groups->pdata[i];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, group->name);
      if (group->title != NULL)
        {
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, group->title);
        }
      if (with_theme)
        {
          json_builder_set_member_name (builder, "theme");
          if (group->theme)
            json_builder_add_string_value (builder, group->theme);
          else
            json_builder_add_null_value (builder);
        }
      json_builder_set_member_name (builder, "sessions");
      json_builder_add_int_value (builder, group->sessions);
      json_builder_set_member_name (builder, "minutes");
      json_builder_add_int_value (builder, group->minutes);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_int (JsonBuilder *builder, const char *name, gint64 value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

/* "counters": [{ kind, counter, label (null if undeclared), value, visits }] */
static void
add_counters (JsonBuilder *builder, GPtrArray *counters)
{
  json_builder_set_member_name (builder, "counters");
  json_builder_begin_array (builder);
  for (guint i = 0; i < counters->len; i++)
    {
      EscaleStatsCounter *counter = counters->pdata[i];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, counter->kind);
      json_builder_set_member_name (builder, "counter");
      json_builder_add_string_value (builder, counter->counter);
      json_builder_set_member_name (builder, "label");
      if (counter->label != NULL)
        json_builder_add_string_value (builder, escale_stats_counter_display_label (counter));
      else
        json_builder_add_null_value (builder);
      add_int (builder, "value", (gint64) MIN (counter->value, G_MAXINT64));
      add_int (builder, "visits", counter->visits);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* The period's totals: visits, minutes, help and the staff code. */
static void
add_totals (JsonBuilder *builder, EscaleStatsReport *report)
{
  json_builder_set_member_name (builder, "from");
  json_builder_add_string_value (builder, escale_stats_report_get_from (report));
  json_builder_set_member_name (builder, "to");
  json_builder_add_string_value (builder, escale_stats_report_get_to (report));
  add_int (builder, "sessions", escale_stats_report_get_sessions (report));
  add_int (builder, "minutes", escale_stats_report_get_minutes (report));
  add_int (builder, "folded_sessions", escale_stats_report_get_folded_sessions (report));
  json_builder_set_member_name (builder, "median_minutes");
  json_builder_add_double_value (builder, escale_stats_report_get_median_minutes (report));
  add_int (builder, "help_asked", escale_stats_report_get_help_asked (report));
  add_int (builder, "helper_calls", escale_stats_report_get_helper_calls (report));
  add_int (builder, "help_given", escale_stats_report_get_help_given (report));
  json_builder_set_member_name (builder, "autonomy");
  json_builder_begin_object (builder);
  for (guint i = 0; i < ESCALE_N_AUTONOMY; i++)
    add_int (builder, escale_autonomy_to_slug (i), escale_stats_report_get_autonomy (report, i));
  json_builder_end_object (builder);
  add_int (builder, "workshops", escale_stats_report_get_workshops (report)->len);
  add_int (builder, "workshop_participants", escale_stats_workshop_participants (report));
  add_int (builder, "staff_code_failures", escale_stats_report_get_pin_failures (report));
}

/* How the visits spread: by length, by answer to the goodbye questions,
 * by day. */
static void
add_spreads (JsonBuilder *builder, EscaleStatsReport *report)
{
  static const char *const buckets[] = { "under_30_min", "30_to_60_min", "1_to_2_h", "over_2_h" };
  GArray *days = escale_stats_report_get_days (report);

  json_builder_set_member_name (builder, "durations");
  json_builder_begin_object (builder);
  for (guint i = 0; i < ESCALE_N_DURATION_BUCKETS; i++)
    add_int (builder, buckets[i], escale_stats_report_get_duration_bucket (report, i));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "satisfaction");
  json_builder_begin_object (builder);
  for (guint i = 0; i < ESCALE_N_SATISFACTION; i++)
    add_int (builder, i == 0 ? "no_answer" : escale_satisfaction_to_code (i),
             escale_stats_report_get_satisfaction (report, i));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "age_brackets");
  json_builder_begin_object (builder);
  for (guint i = 0; i < ESCALE_N_AGE_BRACKETS; i++)
    add_int (builder, i == 0 ? "no_answer" : escale_age_bracket_to_code (i),
             escale_stats_report_get_age (report, i));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "days");
  json_builder_begin_object (builder);
  for (guint i = 0; i < days->len; i++)
    {
      EscaleStatsDay *day = &g_array_index (days, EscaleStatsDay, i);

      add_int (builder, day->day, day->sessions);
    }
  json_builder_end_object (builder);
}

/* Visits started, by weekday (Monday first) and hour. */
static void
add_hour_by_weekday (JsonBuilder *builder, EscaleStatsReport *report)
{
  json_builder_set_member_name (builder, "hour_by_weekday");
  json_builder_begin_array (builder);
  for (int d = 1; d <= 7; d++)
    {
      json_builder_begin_array (builder);
      for (int h = 0; h < 24; h++)
        json_builder_add_int_value (builder, escale_stats_report_get_heat (report, d, h));
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);
}

/* The period's figures as JSON, with stable English keys for other tools. */
char *
escale_stats_export_json (EscaleStatsReport *report)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  add_totals (builder, report);
  add_spreads (builder, report);
  add_groups (builder, "activities", escale_stats_report_get_activities (report), TRUE);
  add_groups (builder, "themes", escale_stats_report_get_themes (report), FALSE);
  add_groups (builder, "categories", escale_stats_report_get_categories (report), FALSE);
  add_counters (builder, escale_stats_report_get_counters (report));
  add_hour_by_weekday (builder, report);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

/* Writes atomically: a failed export never leaves half a file. */
gboolean
escale_stats_export_write (const char *path, GString *contents, GError **error)
{
  return g_file_set_contents_full (path, contents->str, contents->len,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}

/* A USB stick if one is mounted (the first writable one under
 * /media/USER or /run/media/USER), else NULL: staff cannot reach a folder
 * of the kiosk's own, so the dashboard asks for a stick and waits. */
char *
escale_stats_export_target_dir (void)
{
  const char *roots[] = { "/media", "/run/media" };

  for (guint i = 0; i < G_N_ELEMENTS (roots); i++)
    {
      g_autofree char *base = g_build_filename (roots[i], g_get_user_name (), NULL);
      g_autoptr(GDir) dir = g_dir_open (base, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (base, name, NULL);

          if (g_file_test (path, G_FILE_TEST_IS_DIR) && g_access (path, W_OK) == 0)
            return g_steal_pointer (&path);
        }
    }
  return NULL;
}
