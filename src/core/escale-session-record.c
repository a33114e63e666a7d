/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "escale-session-record.h"

G_DEFINE_BOXED_TYPE (EscaleSessionRecord, escale_session_record, escale_session_record_copy,
                     escale_session_record_free)

const char *
escale_end_reason_to_string (EscaleEndReason reason)
{
  switch (reason)
    {
    case ESCALE_END_FINISHED:
      return "finished";
    case ESCALE_END_TIMEOUT:
      return "timeout";
    case ESCALE_END_STAFF:
      return "staff";
    default:
      g_return_val_if_reached ("finished");
    }
}

static const char *const satisfaction_codes[ESCALE_N_SATISFACTION] = {
  NULL,
  "oui",
  "en-partie",
  "non",
};

static const char *const age_codes[ESCALE_N_AGE_BRACKETS] = {
  NULL, "18-24", "25-39", "40-59", "60-69", "70+", "refus",
};

const char *
escale_satisfaction_to_code (EscaleSatisfaction value)
{
  if ((guint) value >= ESCALE_N_SATISFACTION)
    return NULL;
  return satisfaction_codes[value];
}

EscaleSatisfaction
escale_satisfaction_from_code (const char *code)
{
  for (guint i = 1; code != NULL && i < ESCALE_N_SATISFACTION; i++)
    if (g_str_equal (code, satisfaction_codes[i]))
      return i;
  return ESCALE_SATISFACTION_NONE;
}

const char *
escale_age_bracket_to_code (EscaleAgeBracket value)
{
  if ((guint) value >= ESCALE_N_AGE_BRACKETS)
    return NULL;
  return age_codes[value];
}

EscaleAgeBracket
escale_age_bracket_from_code (const char *code)
{
  for (guint i = 1; code != NULL && i < ESCALE_N_AGE_BRACKETS; i++)
    if (g_str_equal (code, age_codes[i]))
      return i;
  return ESCALE_AGE_NONE;
}

int
escale_seconds_to_minutes (gint64 seconds)
{
  if (seconds <= 0)
    return 0;
  return (int) ((seconds + 30) / 60);
}

static void
clear_use (gpointer data)
{
  EscaleActivityUse *use = data;

  g_clear_pointer (&use->activity_id, g_free);
  g_clear_pointer (&use->theme, g_free);
}

static void
clear_counter_value (gpointer data)
{
  EscaleCounterValue *value = data;

  g_clear_pointer (&value->kind, g_free);
  g_clear_pointer (&value->counter, g_free);
}

static GArray *
counters_new (void)
{
  GArray *counters = g_array_new (FALSE, TRUE, sizeof (EscaleCounterValue));

  g_array_set_clear_func (counters, clear_counter_value);
  return counters;
}

EscaleSessionRecord *
escale_session_record_new (GDateTime *start, gint64 duration_sec, EscaleEndReason reason,
                           int helper_calls)
{
  EscaleSessionRecord *self = g_new0 (EscaleSessionRecord, 1);
  g_autofree char *day = g_date_time_format (start, "%Y-%m-%d");

  g_strlcpy (self->day, day, sizeof self->day);
  self->start_hour = g_date_time_get_hour (start);
  self->weekday = g_date_time_get_day_of_week (start);
  self->duration_min = escale_seconds_to_minutes (duration_sec);
  self->end_reason = reason;
  self->helper_calls = helper_calls;
  self->activities = g_array_new (FALSE, TRUE, sizeof (EscaleActivityUse));
  g_array_set_clear_func (self->activities, clear_use);
  self->counters = counters_new ();
  return self;
}

/* Records the total time spent in one activity. The session sums the
 * seconds of repeated visits first, so rounding happens once per activity. */
void
escale_session_record_add_activity (EscaleSessionRecord *self, const char *activity_id,
                                    gint64 seconds)
{
  EscaleActivityUse use;

  g_return_if_fail (self != NULL);
  g_return_if_fail (activity_id != NULL);

  for (guint i = 0; i < self->activities->len; i++)
    {
      EscaleActivityUse *known = &g_array_index (self->activities, EscaleActivityUse, i);

      if (g_str_equal (known->activity_id, activity_id))
        {
          known->minutes += escale_seconds_to_minutes (seconds);
          return;
        }
    }

  use.activity_id = g_strdup (activity_id);
  use.minutes = escale_seconds_to_minutes (seconds);
  use.theme = NULL;
  g_array_append_val (self->activities, use);
}

/* Sets the theme of every use of @activity_id (from the activity's config). */
void
escale_session_record_set_theme (EscaleSessionRecord *self, const char *activity_id,
                                 const char *theme)
{
  g_return_if_fail (self != NULL);

  for (guint i = 0; i < self->activities->len; i++)
    {
      EscaleActivityUse *use = &g_array_index (self->activities, EscaleActivityUse, i);

      if (g_strcmp0 (use->activity_id, activity_id) == 0)
        {
          g_free (use->theme);
          use->theme = g_strdup (theme);
        }
    }
}

/* Adds @value to a counter of an activity kind. Only positive values are
 * kept: a counter that stayed at zero leaves no row. */
void
escale_session_record_add_count (EscaleSessionRecord *self, const char *kind, const char *counter,
                                 gint64 value)
{
  EscaleCounterValue entry;

  g_return_if_fail (self != NULL);
  g_return_if_fail (kind != NULL && counter != NULL);

  if (value <= 0)
    return;
  for (guint i = 0; i < self->counters->len; i++)
    {
      EscaleCounterValue *known = &g_array_index (self->counters, EscaleCounterValue, i);

      if (g_str_equal (known->kind, kind) && g_str_equal (known->counter, counter))
        {
          known->value += value;
          return;
        }
    }
  entry.kind = g_strdup (kind);
  entry.counter = g_strdup (counter);
  entry.value = value;
  g_array_append_val (self->counters, entry);
}

gint64
escale_session_record_get_count (const EscaleSessionRecord *self, const char *kind,
                                 const char *counter)
{
  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->counters->len; i++)
    {
      const EscaleCounterValue *known = &g_array_index (self->counters, EscaleCounterValue, i);

      if (g_str_equal (known->kind, kind) && g_str_equal (known->counter, counter))
        return known->value;
    }
  return 0;
}

EscaleSessionRecord *
escale_session_record_copy (const EscaleSessionRecord *self)
{
  EscaleSessionRecord *copy = g_new0 (EscaleSessionRecord, 1);

  *copy = *self;
  copy->activities = g_array_new (FALSE, TRUE, sizeof (EscaleActivityUse));
  g_array_set_clear_func (copy->activities, clear_use);
  for (guint i = 0; i < self->activities->len; i++)
    {
      const EscaleActivityUse *use = &g_array_index (self->activities, EscaleActivityUse, i);
      EscaleActivityUse dup = { g_strdup (use->activity_id), use->minutes, g_strdup (use->theme) };

      g_array_append_val (copy->activities, dup);
    }
  copy->counters = counters_new ();
  for (guint i = 0; i < self->counters->len; i++)
    {
      const EscaleCounterValue *value = &g_array_index (self->counters, EscaleCounterValue, i);

      escale_session_record_add_count (copy, value->kind, value->counter, value->value);
    }
  return copy;
}

void
escale_session_record_free (EscaleSessionRecord *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->activities, g_array_unref);
  g_clear_pointer (&self->counters, g_array_unref);
  g_free (self);
}

static const char *const autonomy_slugs[ESCALE_N_AUTONOMY] = {
  "autonome",
  "partiellement_autonome",
  "entierement_accompagne",
};

/* La Coop's slug of @value ("autonome"...). */
const char *
escale_autonomy_to_slug (EscaleAutonomy value)
{
  g_return_val_if_fail ((guint) value < ESCALE_N_AUTONOMY, "autonome");
  return autonomy_slugs[value];
}

/* The one place the mapping of a visit to La Coop's autonomy is written
 * in C; the store's day_totals (schema 8) computes the same in SQL. */
EscaleAutonomy
escale_session_record_get_autonomy (const EscaleSessionRecord *self)
{
  g_return_val_if_fail (self != NULL, ESCALE_AUTONOMY_AUTONOME);

  if (self->workshop_uid[0] != '\0')
    return ESCALE_AUTONOMY_ENTIEREMENT_ACCOMPAGNE;
  if (self->helper_calls > 0 || self->help_given)
    return ESCALE_AUTONOMY_PARTIELLEMENT_AUTONOME;
  return ESCALE_AUTONOMY_AUTONOME;
}

static gboolean
is_slug (const char *text, gboolean underscore, gsize max)
{
  gsize n = 0;

  if (text == NULL || *text == '\0')
    return FALSE;
  for (const char *p = text; *p; p++, n++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && !(underscore && *p == '_'))
      return FALSE;
  return max == 0 || n <= max;
}

gboolean
escale_workshop_level_is_valid (const char *level)
{
  return g_strcmp0 (level, "debutant") == 0 || g_strcmp0 (level, "intermediaire") == 0 ||
         g_strcmp0 (level, "avance") == 0;
}

/* TRUE if the store can keep @self: a day, an hour 0-23, minutes and
 * participants >= 0, a theme slug, a level, a uid empty or [0-9a-z]{1,32}. */
gboolean
escale_workshop_record_is_valid (const EscaleWorkshopRecord *self)
{
  g_autofree char *iso = NULL;
  g_autoptr(GDateTime) day = NULL;

  if (self == NULL || strlen (self->day) != 10)
    return FALSE;
  iso = g_strconcat (self->day, "T00:00:00Z", NULL);
  day = g_date_time_new_from_iso8601 (iso, NULL);
  return day != NULL && self->start_hour >= 0 && self->start_hour <= 23 &&
         self->duration_min >= 0 && self->participants >= 0 && is_slug (self->theme, TRUE, 0) &&
         escale_workshop_level_is_valid (self->level) &&
         (self->uid[0] == '\0' || is_slug (self->uid, FALSE, 32));
}

EscaleWorkshopRecord *
escale_workshop_record_copy (const EscaleWorkshopRecord *self)
{
  EscaleWorkshopRecord *copy = g_new0 (EscaleWorkshopRecord, 1);

  *copy = *self;
  copy->theme = g_strdup (self->theme);
  copy->level = g_strdup (self->level);
  return copy;
}

void
escale_workshop_record_free (EscaleWorkshopRecord *self)
{
  if (self == NULL)
    return;
  g_free (self->theme);
  g_free (self->level);
  g_free (self);
}
