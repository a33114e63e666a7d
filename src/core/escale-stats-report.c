/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-stats"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "escale-stats-report.h"

/* The figures of one period, computed once from the store: what the staff
 * dashboard shows and what the exports write. Visits older than the
 * retention period only exist as monthly totals; they count in the visits,
 * hours, help and autonomy figures, per activity, theme and category, not
 * in the figures that need single visits (median, buckets, days, hours,
 * answers). Per theme, activity and category a visit counts once, whatever
 * it did inside (README, "Ce que veulent dire les chiffres"). */

struct _EscaleStatsReport
{
  GObject parent_instance;

  char *from;
  char *to;
  guint sessions;
  guint minutes;
  guint folded_sessions;
  double median;
  guint buckets[ESCALE_N_DURATION_BUCKETS];
  guint help_asked;
  guint helper_calls;
  guint help_given;
  guint autonomy[ESCALE_N_AUTONOMY];
  guint satisfaction[ESCALE_N_SATISFACTION];
  guint ages[ESCALE_N_AGE_BRACKETS];
  guint heat[7][24];
  guint pin_failures;
  GArray *days;          /* of EscaleStatsDay, in order */
  GPtrArray *activities; /* of EscaleStatsGroup, most visits first */
  GPtrArray *themes;     /* of EscaleStatsGroup, most visits first */
  GPtrArray *categories; /* of EscaleStatsGroup (name: category, theme: kind) */
  GPtrArray *counters;   /* of EscaleStatsCounter, declared order */
  GPtrArray *workshops;  /* of EscaleStatsWorkshop, in time order */
  GArray *durations;     /* visits per whole minute, while computing */
};

G_DEFINE_FINAL_TYPE (EscaleStatsReport, escale_stats_report, G_TYPE_OBJECT)

static void
group_free (gpointer data)
{
  EscaleStatsGroup *group = data;

  g_free (group->name);
  g_free (group->theme);
  g_free (group->title);
  g_free (group);
}

static void
counter_free (gpointer data)
{
  EscaleStatsCounter *counter = data;

  g_free (counter->kind);
  g_free (counter->counter);
  g_free (counter->label);
  g_free (counter->raw_name);
  g_free (counter);
}

static void
workshop_free (gpointer data)
{
  EscaleStatsWorkshop *workshop = data;

  g_free (workshop->theme);
  g_free (workshop->level);
  g_free (workshop);
}

static void
escale_stats_report_finalize (GObject *object)
{
  EscaleStatsReport *self = ESCALE_STATS_REPORT (object);

  g_free (self->from);
  g_free (self->to);
  g_clear_pointer (&self->days, g_array_unref);
  g_clear_pointer (&self->activities, g_ptr_array_unref);
  g_clear_pointer (&self->themes, g_ptr_array_unref);
  g_clear_pointer (&self->counters, g_ptr_array_unref);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->workshops, g_ptr_array_unref);
  g_clear_pointer (&self->durations, g_array_unref);
  G_OBJECT_CLASS (escale_stats_report_parent_class)->finalize (object);
}

static void
escale_stats_report_class_init (EscaleStatsReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = escale_stats_report_finalize;
}

static void
escale_stats_report_init (EscaleStatsReport *self)
{
  self->days = g_array_new (FALSE, TRUE, sizeof (EscaleStatsDay));
  self->activities = g_ptr_array_new_with_free_func (group_free);
  self->themes = g_ptr_array_new_with_free_func (group_free);
  self->counters = g_ptr_array_new_with_free_func (counter_free);
  self->categories = g_ptr_array_new_with_free_func (group_free);
  self->workshops = g_ptr_array_new_with_free_func (workshop_free);
  self->durations = g_array_new (FALSE, TRUE, sizeof (guint));
}

gboolean
escale_stats_day_is_valid (const char *day)
{
  g_autoptr(GDateTime) parsed = NULL;
  g_autofree char *iso = NULL;

  if (day == NULL || strlen (day) != 10 || day[4] != '-' || day[7] != '-')
    return FALSE;
  iso = g_strconcat (day, "T00:00:00Z", NULL);
  parsed = g_date_time_new_from_iso8601 (iso, NULL);
  return parsed != NULL;
}

typedef gboolean (*RowFunc) (EscaleStatsReport *self, EscaleSqliteStatement *stmt);

/* Runs @sql with the period bound as ?1 and ?2 (days) and, if it has
 * them, ?3 and ?4 (months), calling @func on each row. */
static gboolean
each_row (EscaleStatsReport *self, EscaleStatsStore *store, const char *sql, RowFunc func,
          GError **error)
{
  g_autoptr(EscaleSqliteStatement) stmt = escale_stats_store_prepare (store, sql, error);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *from_month = g_strndup (self->from, 7);
  g_autofree char *to_month = g_strndup (self->to, 7);

  if (stmt == NULL)
    return FALSE;
  escale_sqlite_statement_bind_text (stmt, 1, self->from);
  escale_sqlite_statement_bind_text (stmt, 2, self->to);
  if (escale_sqlite_statement_get_n_params (stmt) >= 4)
    {
      escale_sqlite_statement_bind_text (stmt, 3, from_month);
      escale_sqlite_statement_bind_text (stmt, 4, to_month);
    }
  while (escale_sqlite_statement_step (stmt, &local_error))
    func (self, stmt);
  if (local_error != NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  "Cannot read the statistics: ");
      return FALSE;
    }
  return TRUE;
}

static guint
col (EscaleSqliteStatement *stmt, int i)
{
  return (guint) MAX (escale_sqlite_statement_get_int64 (stmt, i), 0);
}

/* The help figures of a day_totals or monthly_totals row from column
 * @first: visits with help asked, presses, visits with help given, visits
 * of a workshop, autonomous visits (what is left is partly autonomous). */
static void
add_help (EscaleStatsReport *self, EscaleSqliteStatement *stmt, int first, guint sessions)
{
  guint in_workshop = col (stmt, first + 3);
  guint autonomous = col (stmt, first + 4);

  self->help_asked += col (stmt, first);
  self->helper_calls += col (stmt, first + 1);
  self->help_given += col (stmt, first + 2);
  self->autonomy[ESCALE_AUTONOMY_ENTIEREMENT_ACCOMPAGNE] += in_workshop;
  self->autonomy[ESCALE_AUTONOMY_AUTONOME] += autonomous;
  self->autonomy[ESCALE_AUTONOMY_PARTIELLEMENT_AUTONOME] +=
    sessions - MIN (sessions, in_workshop + autonomous);
}

/* One day of day_totals: visits, minutes, help figures, the four
 * duration buckets, three answers and six age brackets (what is left is
 * "no answer"). */
static gboolean
day_row (EscaleStatsReport *self, EscaleSqliteStatement *stmt)
{
  EscaleStatsDay entry = { { 0 }, 0 };
  guint sessions = col (stmt, 1);
  guint answered = 0;

  if (sessions == 0)
    return TRUE;
  self->sessions += sessions;
  self->minutes += col (stmt, 2);
  add_help (self, stmt, 3, sessions);
  for (guint b = 0; b < ESCALE_N_DURATION_BUCKETS; b++)
    self->buckets[b] += col (stmt, 8 + b);
  for (guint v = ESCALE_SATISFACTION_YES; v < ESCALE_N_SATISFACTION; v++)
    {
      guint n = col (stmt, 12 + v - ESCALE_SATISFACTION_YES);

      self->satisfaction[v] += n;
      answered += n;
    }
  self->satisfaction[ESCALE_SATISFACTION_NONE] += sessions - MIN (answered, sessions);
  answered = 0;
  for (guint v = ESCALE_AGE_18_24; v < ESCALE_N_AGE_BRACKETS; v++)
    {
      guint n = col (stmt, 15 + v - ESCALE_AGE_18_24);

      self->ages[v] += n;
      answered += n;
    }
  self->ages[ESCALE_AGE_NONE] += sessions - MIN (answered, sessions);

  g_strlcpy (entry.day, escale_sqlite_statement_get_text (stmt, 0), sizeof entry.day);
  entry.sessions = sessions;
  g_array_append_val (self->days, entry);
  return TRUE;
}

static gboolean
hour_row (EscaleStatsReport *self, EscaleSqliteStatement *stmt)
{
  int weekday = escale_sqlite_statement_get_int (stmt, 0);
  int hour = escale_sqlite_statement_get_int (stmt, 1);

  if (weekday >= 1 && weekday <= 7 && hour >= 0 && hour <= 23)
    self->heat[weekday - 1][hour] += col (stmt, 2);
  return TRUE;
}

/* Visits per whole minute of duration, for the exact median. */
static gboolean
duration_row (EscaleStatsReport *self, EscaleSqliteStatement *stmt)
{
  guint minutes = MIN (col (stmt, 0), 100000);

  if (minutes >= self->durations->len)
    g_array_set_size (self->durations, minutes + 1);
  g_array_index (self->durations, guint, minutes) += col (stmt, 1);
  return TRUE;
}

/* The median of @n visits whose durations are counted per minute. */
static double
median_of (GArray *durations, guint n)
{
  guint want_low = (n - 1) / 2, want_high = n / 2, seen = 0;
  int low = -1, high = -1;

  for (guint m = 0; m < durations->len && high < 0; m++)
    {
      guint count = g_array_index (durations, guint, m);

      if (low < 0 && seen + count > want_low)
        low = m;
      if (high < 0 && seen + count > want_high)
        high = m;
      seen += count;
    }
  return (low + high) / 2.0;
}

static gboolean
folded_row (EscaleStatsReport *self, EscaleSqliteStatement *stmt)
{
  self->folded_sessions += col (stmt, 0);
  self->sessions += col (stmt, 0);
  self->minutes += col (stmt, 1);
  add_help (self, stmt, 2, col (stmt, 0));
  return TRUE;
}

static EscaleStatsGroup *
add_group (GPtrArray *groups, const char *name, const char *theme, guint sessions, guint minutes)
{
  EscaleStatsGroup *group = NULL;

  for (guint i = 0; i < groups->len && group == NULL; i++)
    if (g_strcmp0 (((EscaleStatsGroup *) groups->pdata[i])->name, name) == 0)
      group = groups->pdata[i];
  if (group == NULL)
    {
      group = g_new0 (EscaleStatsGroup, 1);
      group->name = g_strdup (name);
      g_ptr_array_add (groups, group);
    }
  if (group->theme == NULL && theme != NULL)
    group->theme = g_strdup (theme);
  group->sessions += sessions;
  group->minutes += minutes;
  return group;
}

static gboolean
activity_row (EscaleStatsReport *self, EscaleSqliteStatement *stmt)
{
  const char *theme = escale_sqlite_statement_get_text (stmt, 1);

  /* day_activity_totals writes "no theme" as ''. */
  if (theme != NULL && *theme == '\0')
    theme = NULL;
  EscaleStatsGroup *group;

  group = add_group (self->activities, escale_sqlite_statement_get_text (stmt, 0), theme,
                     col (stmt, 2), col (stmt, 3));
  if (group->title == NULL)
    group->title = g_strdup (escale_sqlite_statement_get_text (stmt, 4));
  return TRUE;
}

/* Visits and their minutes in one theme, each visit once ('' is none). */
static gboolean
theme_row (EscaleStatsReport *self, EscaleSqliteStatement *stmt)
{
  const char *theme = escale_sqlite_statement_get_text (stmt, 0);

  add_group (self->themes, theme && *theme ? theme : _ ("Sans thématique"), NULL, col (stmt, 1),
             col (stmt, 2));
  return TRUE;
}

/* Visits in one category of a kind (its COUNTER--CATEGORY counters),
 * each visit once; named by what follows " — " in a declared label of
 * that category, else by its slug. */
static gboolean
category_row (EscaleStatsReport *self, EscaleSqliteStatement *stmt)
{
  const char *label = escale_sqlite_statement_get_text (stmt, 3);
  const char *dash = label ? g_strrstr (_ (label), " — ") : NULL;
  g_autofree char *name = NULL;

  name = dash ? g_strdup (dash + strlen (" — "))
              : g_strdup (escale_sqlite_statement_get_text (stmt, 1));
  add_group (self->categories, name, escale_sqlite_statement_get_text (stmt, 0), col (stmt, 2), 0);
  return TRUE;
}

static gboolean
workshop_row (EscaleStatsReport *self, EscaleSqliteStatement *stmt)
{
  EscaleStatsWorkshop *workshop = g_new0 (EscaleStatsWorkshop, 1);

  g_strlcpy (workshop->day, escale_sqlite_statement_get_text (stmt, 0), sizeof workshop->day);
  workshop->start_hour = escale_sqlite_statement_get_int (stmt, 1);
  workshop->duration_min = col (stmt, 2);
  workshop->theme = g_strdup (escale_sqlite_statement_get_text (stmt, 3));
  workshop->level = g_strdup (escale_sqlite_statement_get_text (stmt, 4));
  workshop->participants = col (stmt, 5);
  g_ptr_array_add (self->workshops, workshop);
  return TRUE;
}

static gboolean
pin_row (EscaleStatsReport *self, EscaleSqliteStatement *stmt)
{
  self->pin_failures += col (stmt, 0);
  return TRUE;
}

static gboolean
counter_row (EscaleStatsReport *self, EscaleSqliteStatement *stmt)
{
  EscaleStatsCounter *counter = g_new0 (EscaleStatsCounter, 1);

  counter->kind = g_strdup (escale_sqlite_statement_get_text (stmt, 0));
  counter->counter = g_strdup (escale_sqlite_statement_get_text (stmt, 1));
  counter->label = g_strdup (escale_sqlite_statement_get_text (stmt, 2));
  counter->raw_name = g_strconcat (counter->kind, "/", counter->counter, NULL);
  counter->value = (guint64) MAX (escale_sqlite_statement_get_int64 (stmt, 3), 0);
  counter->visits = col (stmt, 4);
  g_ptr_array_add (self->counters, counter);
  return TRUE;
}

/* Every declared counter (at 0 if the period has none) and every counter
 * the period holds, summed from the per-day and the monthly totals. */
static const char counters_sql[] =
  "SELECT t.kind, t.counter, l.label, sum (t.value), sum (t.sessions) FROM ("
  " SELECT kind, counter, value, sessions FROM day_counter_totals"
  " WHERE day BETWEEN ?1 AND ?2"
  " UNION ALL SELECT kind, counter, value, 0 FROM monthly_counter_totals"
  "  WHERE ?1 <= ?2 AND month BETWEEN ?3 AND ?4"
  " UNION ALL SELECT kind, counter, 0, 0 FROM counter_labels) t"
  " LEFT JOIN counter_labels l ON l.kind = t.kind AND l.counter = t.counter"
  " GROUP BY t.kind, t.counter ORDER BY l.position IS NULL, l.position, t.kind, t.counter";

static int
compare_groups (gconstpointer a, gconstpointer b)
{
  const EscaleStatsGroup *ga = *(EscaleStatsGroup *const *) a;
  const EscaleStatsGroup *gb = *(EscaleStatsGroup *const *) b;

  if (ga->sessions != gb->sessions)
    return ga->sessions > gb->sessions ? -1 : 1;
  return g_strcmp0 (ga->name, gb->name);
}

#define IN_PERIOD " WHERE day BETWEEN ?1 AND ?2"

static const char themes_sql[] =
  "SELECT theme, sum (sessions), sum (minutes) FROM ("
  " SELECT theme, sessions, minutes FROM day_theme_totals" IN_PERIOD
  " UNION ALL SELECT theme, sessions, minutes FROM monthly_theme_totals"
  "  WHERE ?1 <= ?2 AND month BETWEEN ?3 AND ?4) GROUP BY theme";

static const char categories_sql[] =
  "SELECT t.kind, t.category, sum (t.sessions), (SELECT l.label FROM counter_labels l"
  "  WHERE l.kind = t.kind AND l.counter GLOB '*--' || t.category ORDER BY l.position LIMIT 1)"
  " FROM (SELECT kind, category, sessions FROM day_category_totals" IN_PERIOD
  " UNION ALL SELECT kind, category, sessions FROM monthly_category_totals"
  "  WHERE ?1 <= ?2 AND month BETWEEN ?3 AND ?4) t GROUP BY t.kind, t.category";

/* A workshop recorded by several kiosks is one collective activity: its
 * participants are summed, its start and length are the widest. */
static const char workshops_sql[] =
  "SELECT min (day), min (start_hour), max (duration_min), min (theme), min (level),"
  " sum (participants) FROM workshops" IN_PERIOD " GROUP BY uid ORDER BY 1, 2, uid";

static gboolean
check_period (const char *from_day, const char *to_day, GError **error)
{
  if (!escale_stats_day_is_valid (from_day) || !escale_stats_day_is_valid (to_day) ||
      strcmp (from_day, to_day) > 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "Invalid period %s to %s: use YYYY-MM-DD, the first day before the last",
                   from_day ? from_day : "?", to_day ? to_day : "?");
      return FALSE;
    }
  return TRUE;
}

/* Reads the figures through @store, the kiosk's own or a reader of it
 * (in a worker thread), of the current schema. */
static EscaleStatsReport *
compute (EscaleStatsStore *db, const char *from_day, const char *to_day, GError **error)
{
  g_autoptr(EscaleStatsReport) self = NULL;
  guint row_sessions;

  self = g_object_new (ESCALE_TYPE_STATS_REPORT, NULL);
  self->from = g_strdup (from_day);
  self->to = g_strdup (to_day);

  /* The period's visits from the per-day totals (schema 4): at most a few
   * hundred thousand small rows for five years, whatever the number of
   * visits. */
  if (!each_row (self, db,
                 "SELECT day, sessions, minutes, help_asked, helper_calls, help_given,"
                 " in_workshop, autonomous, under_30_min,"
                 " under_1_h, under_2_h, over_2_h, satisfaction_yes, satisfaction_partly,"
                 " satisfaction_no, age_18_24, age_25_39, age_40_59, age_60_69, age_70_plus,"
                 " age_declined FROM day_totals" IN_PERIOD " ORDER BY day",
                 day_row, error) ||
      !each_row (self, db, "SELECT weekday, start_hour, sessions FROM day_hour_totals" IN_PERIOD,
                 hour_row, error) ||
      !each_row (self, db, "SELECT duration_min, sessions FROM day_duration_totals" IN_PERIOD,
                 duration_row, error))
    return NULL;
  row_sessions = self->sessions;
  if (row_sessions > 0)
    self->median = median_of (self->durations, row_sessions);

  if (!each_row (self, db,
                 "SELECT sum (sessions), sum (minutes), sum (help_asked), sum (helper_calls),"
                 " sum (help_given), sum (in_workshop), sum (autonomous)"
                 " FROM monthly_totals WHERE ?1 <= ?2 AND month BETWEEN ?3 AND ?4",
                 folded_row, error) ||
      !each_row (self, db,
                 "SELECT a.activity_id, a.theme, a.sessions, a.minutes, t.title"
                 " FROM day_activity_totals a LEFT JOIN activity_titles t"
                 " ON t.activity_id = a.activity_id" IN_PERIOD,
                 activity_row, error) ||
      !each_row (self, db,
                 "SELECT a.activity_id, max (a.theme), sum (a.sessions), sum (a.minutes),"
                 " max (t.title) FROM monthly_activity_totals a LEFT JOIN activity_titles t"
                 " ON t.activity_id = a.activity_id"
                 " WHERE ?1 <= ?2 AND month BETWEEN ?3 AND ?4 GROUP BY 1",
                 activity_row, error) ||
      !each_row (self, db, themes_sql, theme_row, error) ||
      !each_row (self, db, categories_sql, category_row, error) ||
      !each_row (self, db, workshops_sql, workshop_row, error) ||
      !each_row (self, db, "SELECT sum (attempts) FROM staff_failures" IN_PERIOD, pin_row,
                 error) ||
      !each_row (self, db, counters_sql, counter_row, error))
    return NULL;

  g_ptr_array_sort (self->activities, compare_groups);
  g_ptr_array_sort (self->themes, compare_groups);
  g_ptr_array_sort (self->categories, compare_groups);
  return g_steal_pointer (&self);
}

/* Computes the figures of the days @from_day to @to_day (YYYY-MM-DD,
 * inclusive). */
EscaleStatsReport *
escale_stats_report_new (EscaleStatsStore *store, const char *from_day, const char *to_day,
                         GError **error)
{
  g_return_val_if_fail (ESCALE_IS_STATS_STORE (store), NULL);

  if (!check_period (from_day, to_day, error) || !escale_stats_store_open (store, error))
    return NULL;
  return compute (store, from_day, to_day, error);
}

typedef struct
{
  char *path;
  char *from;
  char *to;
} ReportData;

static void
report_data_free (gpointer data)
{
  ReportData *job = data;

  g_free (job->path);
  g_free (job->from);
  g_free (job->to);
  g_free (job);
}

/* In a worker thread, with its own read-only connection (WAL lets it read
 * while the kiosk writes visits on its own). */
static void
report_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  ReportData *job = task_data;
  g_autoptr(EscaleStatsStore) reader = escale_stats_store_new_reader (job->path);
  GError *error = NULL;
  EscaleStatsReport *report = NULL;

  if (escale_stats_store_open (reader, &error))
    report = compute (reader, job->from, job->to, &error);
  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, g_object_unref);
}

/* Like escale_stats_report_new (), the reading in a worker thread: the
 * staff screen stays alive whatever the period. The store is opened (and
 * migrated) first, in the calling thread. */
void
escale_stats_report_new_async (EscaleStatsStore *store, const char *from_day, const char *to_day,
                               GCancellable *cancellable, GAsyncReadyCallback callback,
                               gpointer user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  ReportData *job;

  g_return_if_fail (ESCALE_IS_STATS_STORE (store));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, escale_stats_report_new_async);
  if (!check_period (from_day, to_day, &error) || !escale_stats_store_open (store, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  job = g_new0 (ReportData, 1);
  job->path = g_strdup (escale_stats_store_get_path (store));
  job->from = g_strdup (from_day);
  job->to = g_strdup (to_day);
  g_task_set_task_data (task, job, report_data_free);
  g_task_run_in_thread (task, report_thread);
}

EscaleStatsReport *
escale_stats_report_new_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
escale_stats_report_get_from (EscaleStatsReport *self)
{
  return self->from;
}

const char *
escale_stats_report_get_to (EscaleStatsReport *self)
{
  return self->to;
}

guint
escale_stats_report_get_sessions (EscaleStatsReport *self)
{
  return self->sessions;
}

guint
escale_stats_report_get_minutes (EscaleStatsReport *self)
{
  return self->minutes;
}

/* How many of the visits come from monthly totals (older than retention). */
guint
escale_stats_report_get_folded_sessions (EscaleStatsReport *self)
{
  return self->folded_sessions;
}

double
escale_stats_report_get_median_minutes (EscaleStatsReport *self)
{
  return self->median;
}

guint
escale_stats_report_get_duration_bucket (EscaleStatsReport *self, guint bucket)
{
  g_return_val_if_fail (bucket < ESCALE_N_DURATION_BUCKETS, 0);
  return self->buckets[bucket];
}

/* Visits where "Appeler un aidant" was pressed at least once. */
guint
escale_stats_report_get_help_asked (EscaleStatsReport *self)
{
  return self->help_asked;
}

/* Visits where a helper came: acknowledged on the board, or a workshop. */
guint
escale_stats_report_get_help_given (EscaleStatsReport *self)
{
  return self->help_given;
}

/* Visits of La Coop's autonomy @value (they add up to the visits). */
guint
escale_stats_report_get_autonomy (EscaleStatsReport *self, EscaleAutonomy value)
{
  g_return_val_if_fail ((guint) value < ESCALE_N_AUTONOMY, 0);
  return self->autonomy[value];
}

guint
escale_stats_report_get_helper_calls (EscaleStatsReport *self)
{
  return self->helper_calls;
}

guint
escale_stats_report_get_satisfaction (EscaleStatsReport *self, EscaleSatisfaction value)
{
  g_return_val_if_fail ((guint) value < ESCALE_N_SATISFACTION, 0);
  return self->satisfaction[value];
}

guint
escale_stats_report_get_age (EscaleStatsReport *self, EscaleAgeBracket value)
{
  g_return_val_if_fail ((guint) value < ESCALE_N_AGE_BRACKETS, 0);
  return self->ages[value];
}

/* Visits that started on @weekday (1 = Monday) in @hour (0-23). */
guint
escale_stats_report_get_heat (EscaleStatsReport *self, int weekday, int hour)
{
  g_return_val_if_fail (weekday >= 1 && weekday <= 7 && hour >= 0 && hour <= 23, 0);
  return self->heat[weekday - 1][hour];
}

/* Wrong staff codes typed during the period. */
guint
escale_stats_report_get_pin_failures (EscaleStatsReport *self)
{
  return self->pin_failures;
}

/* Returns: (transfer none) (element-type EscaleStatsDay): days with visits */
GArray *
escale_stats_report_get_days (EscaleStatsReport *self)
{
  return self->days;
}

/* Returns: (transfer none) (element-type EscaleStatsGroup) */
GPtrArray *
escale_stats_report_get_activities (EscaleStatsReport *self)
{
  return self->activities;
}

/* Returns: (transfer none) (element-type EscaleStatsGroup) */
GPtrArray *
escale_stats_report_get_themes (EscaleStatsReport *self)
{
  return self->themes;
}

/* Returns: (transfer none) (element-type EscaleStatsGroup): visits per
 * category of a kind (name: the category, theme: the kind) */
GPtrArray *
escale_stats_report_get_categories (EscaleStatsReport *self)
{
  return self->categories;
}

/* Returns: (transfer none) (element-type EscaleStatsWorkshop): the
 * period's collective activities, oldest first */
GPtrArray *
escale_stats_report_get_workshops (EscaleStatsReport *self)
{
  return self->workshops;
}

/* Returns: (transfer none) (element-type EscaleStatsCounter): the
 * counters of the activity kinds, declared ones first in their order. */
GPtrArray *
escale_stats_report_get_counters (EscaleStatsReport *self)
{
  return self->counters;
}

/* The period's total of one counter (0 if it never happened). */
guint64
escale_stats_report_get_counter_value (EscaleStatsReport *self, const char *kind,
                                       const char *counter)
{
  for (guint i = 0; i < self->counters->len; i++)
    {
      EscaleStatsCounter *known = self->counters->pdata[i];

      if (g_strcmp0 (known->kind, kind) == 0 && g_strcmp0 (known->counter, counter) == 0)
        return known->value;
    }
  return 0;
}
