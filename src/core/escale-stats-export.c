/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-stats"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "escale-stats-export.h"

#define BOM "\xef\xbb\xbf"

/* Appends @value as one CSV field: quoted when it holds a separator, a
 * quote, a line break or outer spaces, with quotes doubled. */
void
escale_csv_append_field (GString *out, const char *value)
{
  gsize len;

  if (value == NULL)
    return;
  len = strlen (value);
  if (strpbrk (value, ";\"\r\n") == NULL && (len == 0 || (value[0] != ' ' &&
                                                          value[len - 1] != ' ')))
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
append_row (GString *out, const char *section, const char *label, const char *value)
{
  escale_csv_append_field (out, section);
  g_string_append_c (out, ';');
  escale_csv_append_field (out, label);
  g_string_append_c (out, ';');
  escale_csv_append_field (out, value);
  g_string_append (out, "\r\n");
}

static void
append_count (GString *out, const char *section, const char *label, guint value)
{
  char buf[16];

  g_snprintf (buf, sizeof buf, "%u", value);
  append_row (out, section, label, buf);
}

/* A decimal with a comma, as French spreadsheets read it. */
static char *
french_decimal (double value)
{
  char *text = g_strdup_printf ("%.1f", value);

  g_strdelimit (text, ".", ',');
  return text;
}

/* The period's figures, one per line: "Rubrique;Indicateur;Valeur". */
GString *
escale_stats_export_summary_csv (EscaleStatsReport *report)
{
  GString *out = g_string_new (BOM);
  g_autofree char *hours = french_decimal (escale_stats_report_get_minutes (report) / 60.0);
  g_autofree char *median = french_decimal (escale_stats_report_get_median_minutes (report));
  const char *period = _("Période");
  const char *summary = _("Synthèse");

  escale_csv_append_field (out, _("Rubrique"));
  g_string_append_c (out, ';');
  escale_csv_append_field (out, _("Indicateur"));
  g_string_append_c (out, ';');
  escale_csv_append_field (out, _("Valeur"));
  g_string_append (out, "\r\n");

  append_row (out, period, _("Du"), escale_stats_report_get_from (report));
  append_row (out, period, _("Au"), escale_stats_report_get_to (report));
  append_count (out, summary, _("Visites"), escale_stats_report_get_sessions (report));
  append_row (out, summary, _("Heures d'utilisation"), hours);
  append_row (out, summary, _("Durée médiane (minutes)"), median);
  append_count (out, summary, _("Visites accompagnées"),
                escale_stats_report_get_accompanied (report));
  append_count (out, summary, _("Visites en autonomie"),
                escale_stats_report_get_autonomous (report));
  append_count (out, summary, _("Appels à un aidant"),
                escale_stats_report_get_helper_calls (report));
  append_count (out, summary, _("Visites regroupées par mois (anciennes)"),
                escale_stats_report_get_folded_sessions (report));
  for (guint i = 0; i < ESCALE_N_DURATION_BUCKETS; i++)
    append_count (out, _("Durée des visites"), escale_stats_duration_bucket_label (i),
                  escale_stats_report_get_duration_bucket (report, i));
  for (guint i = ESCALE_SATISFACTION_YES; i <= ESCALE_SATISFACTION_NO; i++)
    append_count (out, _("A trouvé ce qu'il cherchait"), escale_stats_satisfaction_label (i),
                  escale_stats_report_get_satisfaction (report, i));
  append_count (out, _("A trouvé ce qu'il cherchait"),
                escale_stats_satisfaction_label (ESCALE_SATISFACTION_NONE),
                escale_stats_report_get_satisfaction (report, ESCALE_SATISFACTION_NONE));
  for (guint i = ESCALE_AGE_18_24; i < ESCALE_N_AGE_BRACKETS; i++)
    append_count (out, _("Tranche d'âge"), escale_stats_age_label (i),
                  escale_stats_report_get_age (report, i));
  append_count (out, _("Tranche d'âge"), escale_stats_age_label (ESCALE_AGE_NONE),
                escale_stats_report_get_age (report, ESCALE_AGE_NONE));

  for (guint i = 0; i < escale_stats_report_get_themes (report)->len; i++)
    {
      EscaleStatsGroup *group = escale_stats_report_get_themes (report)->pdata[i];

      append_count (out, _("Thématique (visites)"), group->name, group->sessions);
      append_count (out, _("Thématique (minutes)"), group->name, group->minutes);
    }
  for (guint i = 0; i < escale_stats_report_get_activities (report)->len; i++)
    {
      EscaleStatsGroup *group = escale_stats_report_get_activities (report)->pdata[i];

      append_count (out, _("Activité (visites)"), group->name, group->sessions);
      append_count (out, _("Activité (minutes)"), group->name, group->minutes);
    }
  for (guint i = 0; i < escale_stats_report_get_counters (report)->len; i++)
    {
      EscaleStatsCounter *counter = escale_stats_report_get_counters (report)->pdata[i];
      char value[24];

      g_snprintf (value, sizeof value, "%" G_GUINT64_FORMAT, counter->value);
      append_row (out, _("Compteurs des activités"), escale_stats_counter_display_label (counter),
                  value);
    }
  return out;
}

static const char *
end_reason_label (const char *code)
{
  if (g_strcmp0 (code, "finished") == 0)
    return _("J'ai fini");
  if (g_strcmp0 (code, "timeout") == 0)
    return _("Inactivité");
  return _("Équipe");
}

#define FLUSH_AT (1024 * 1024)

/* Writes @out to @fd (if any) once it holds FLUSH_AT bytes or on @last. */
static gboolean
flush_to (GString *out, int fd, gboolean last, GError **error)
{
  gsize done = 0;

  if (fd < 0 || (!last && out->len < FLUSH_AT))
    return TRUE;
  while (done < out->len)
    {
      gssize n = write (fd, out->str + done, out->len - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       "Cannot write the export: %s", g_strerror (saved));
          return FALSE;
        }
      done += n;
    }
  g_string_truncate (out, 0);
  return TRUE;
}

static void
append_uint (GString *out, gint64 value)
{
  char buf[24];
  int i = sizeof buf;
  guint64 v = value < 0 ? 0 : (guint64) value;

  do
    {
      buf[--i] = '0' + v % 10;
      v /= 10;
    }
  while (v > 0);
  g_string_append_len (out, buf + i, sizeof buf - i);
}

/* The visit's own fields, each followed by ';'. */
static void
append_visit (GString *line, EscaleSqliteStatement *stmt, const char *const *weekday_names,
              const char *yes, const char *no)
{
  int weekday = CLAMP (escale_sqlite_statement_get_int (stmt, 4), 1, 7);

  escale_csv_append_field (line, escale_sqlite_statement_get_text (stmt, 1));
  g_string_append_c (line, ';');
  escale_csv_append_field (line, escale_sqlite_statement_get_text (stmt, 2));
  g_string_append_c (line, ';');
  append_uint (line, escale_sqlite_statement_get_int64 (stmt, 3));
  g_string_append (line, " h;");
  g_string_append (line, weekday_names[weekday - 1]);
  g_string_append_c (line, ';');
  append_uint (line, escale_sqlite_statement_get_int64 (stmt, 5));
  g_string_append_c (line, ';');
  escale_csv_append_field (line, end_reason_label (escale_sqlite_statement_get_text (stmt, 6)));
  g_string_append_c (line, ';');
  append_uint (line, escale_sqlite_statement_get_int64 (stmt, 7));
  g_string_append_c (line, ';');
  g_string_append (line, escale_sqlite_statement_get_int (stmt, 8) ? yes : no);
  g_string_append_c (line, ';');
  escale_csv_append_field (line, escale_stats_satisfaction_label (escale_satisfaction_from_code (
                                   escale_sqlite_statement_get_text (stmt, 9))));
  g_string_append_c (line, ';');
  escale_csv_append_field (line, escale_stats_age_label (escale_age_bracket_from_code (
                                   escale_sqlite_statement_get_text (stmt, 10))));
  g_string_append_c (line, ';');
}

/* One activity row of the visit: "name (minutes)", its theme once. */
static void
append_activity (GString *activities, GString *themes, EscaleSqliteStatement *stmt)
{
  const char *theme = escale_sqlite_statement_get_text (stmt, 13);

  if (activities->len > 0)
    g_string_append (activities, ", ");
  g_string_append (activities, escale_sqlite_statement_get_text (stmt, 11));
  g_string_append (activities, " (");
  append_uint (activities, escale_sqlite_statement_get_int64 (stmt, 12));
  g_string_append_c (activities, ')');
  if (theme != NULL && strstr (themes->str, theme) == NULL)
    {
      if (themes->len > 0)
        g_string_append (themes, ", ");
      g_string_append (themes, theme);
    }
}

/* The visits CSV's counter columns: every declared counter, in order,
 * then the undeclared ones of the period; and a cursor over the period's
 * counter rows in visit order, read in step with the visits. */
typedef struct
{
  GPtrArray *keys;                 /* "kind/counter" of each column */
  gint64 *values;                  /* the current visit's, per column */
  EscaleSqliteStatement *rows;     /* session_id, "kind/counter", value */
  gboolean has_row;
} CounterColumns;

static void
counter_columns_clear (CounterColumns *columns)
{
  g_clear_pointer (&columns->keys, g_ptr_array_unref);
  g_clear_pointer (&columns->values, g_free);
  g_clear_pointer (&columns->rows, escale_sqlite_statement_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CounterColumns, counter_columns_clear)

static gboolean
counter_columns_init (CounterColumns *columns, EscaleStatsStore *store, const char *from_day,
                      const char *to_day, GString *header, GError **error)
{
  g_autoptr(EscaleSqliteStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  columns->keys = g_ptr_array_new_with_free_func (g_free);
  stmt = escale_stats_store_prepare (store,
                                     "SELECT kind, counter, label FROM ("
                                     " SELECT kind, counter, label, position FROM counter_labels"
                                     " UNION SELECT kind, counter, NULL, NULL"
                                     "  FROM day_counter_totals d WHERE day BETWEEN ?1 AND ?2"
                                     "  AND NOT EXISTS (SELECT 1 FROM counter_labels l"
                                     "   WHERE l.kind = d.kind AND l.counter = d.counter))"
                                     " ORDER BY position IS NULL, position, kind, counter",
                                     error);
  if (stmt == NULL)
    return FALSE;
  escale_sqlite_statement_bind_text (stmt, 1, from_day);
  escale_sqlite_statement_bind_text (stmt, 2, to_day);
  while (escale_sqlite_statement_step (stmt, &local_error))
    {
      EscaleStatsCounter counter = { (char *) escale_sqlite_statement_get_text (stmt, 0),
                                     (char *) escale_sqlite_statement_get_text (stmt, 1),
                                     (char *) escale_sqlite_statement_get_text (stmt, 2), NULL,
                                     0, 0 };
      g_autofree char *key = g_strconcat (counter.kind, "/", counter.counter, NULL);

      counter.raw_name = key;
      g_string_append_c (header, ';');
      escale_csv_append_field (header, escale_stats_counter_display_label (&counter));
      g_ptr_array_add (columns->keys, g_steal_pointer (&key));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  columns->values = g_new0 (gint64, columns->keys->len + 1);
  columns->rows = escale_stats_store_prepare (store,
                                              "SELECT session_id, kind || '/' || counter, value"
                                              " FROM session_counters"
                                              " WHERE +day BETWEEN ?1 AND ?2 ORDER BY session_id",
                                              error);
  if (columns->rows == NULL)
    return FALSE;
  escale_sqlite_statement_bind_text (columns->rows, 1, from_day);
  escale_sqlite_statement_bind_text (columns->rows, 2, to_day);
  columns->has_row = escale_sqlite_statement_step (columns->rows, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* Appends ";value" per column for visit @id, reading its counter rows. */
static gboolean
counter_columns_append (CounterColumns *columns, gint64 id, GString *out, GError **error)
{
  g_autoptr(GError) local_error = NULL;

  memset (columns->values, 0, sizeof (gint64) * columns->keys->len);
  while (columns->has_row && escale_sqlite_statement_get_int64 (columns->rows, 0) <= id)
    {
      const char *key = escale_sqlite_statement_get_text (columns->rows, 1);

      for (guint i = 0; escale_sqlite_statement_get_int64 (columns->rows, 0) == id &&
                        i < columns->keys->len; i++)
        if (g_str_equal (columns->keys->pdata[i], key))
          columns->values[i] = escale_sqlite_statement_get_int64 (columns->rows, 2);
      columns->has_row = escale_sqlite_statement_step (columns->rows, &local_error);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  for (guint i = 0; i < columns->keys->len; i++)
    {
      g_string_append_c (out, ';');
      append_uint (out, columns->values[i]);
    }
  return TRUE;
}

/* The header line of the visits CSV, its counter columns included. */
static gboolean
write_header (CounterColumns *columns, EscaleStatsStore *store, const char *from_day,
              const char *to_day, GString *out, GError **error)
{
  const char *headers[] = {
    _("Identifiant de visite"), _("Jour"), _("Heure de début"), _("Jour de la semaine"),
    _("Durée (minutes)"), _("Fin de la visite"), _("Appels à un aidant"), _("Accompagnée"),
    _("A trouvé ce qu'il cherchait"), _("Tranche d'âge"), _("Activités et minutes"),
    _("Thématiques"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    {
      if (i > 0)
        g_string_append_c (out, ';');
      escale_csv_append_field (out, headers[i]);
    }
  if (!counter_columns_init (columns, store, from_day, to_day, out, error))
    return FALSE;
  g_string_append (out, "\r\n");
  return TRUE;
}

/* One line per visit of the period, as the store holds it, nothing more,
 * appended to @out; with @fd >= 0, written there by blocks of 1 MiB as it
 * goes (a million visits never sit in memory). One statement reads the
 * visits in id order with their activities, another their counters. */
static gboolean
write_sessions (EscaleStatsStore *store, const char *from_day, const char *to_day, GString *out,
                int fd, GError **error)
{
  static const char *const weekdays[] = {
    N_("lundi"), N_("mardi"), N_("mercredi"), N_("jeudi"), N_("vendredi"), N_("samedi"),
    N_("dimanche"),
  };
  const char *weekday_names[7];
  const char *yes = _("oui"), *no = _("non");
  g_autoptr(GString) activities = g_string_new (NULL);
  g_autoptr(GString) themes = g_string_new (NULL);
  g_autoptr(GString) line = g_string_new (NULL);
  g_autoptr(EscaleSqliteStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto (CounterColumns) columns = { NULL, NULL, NULL, FALSE };
  gint64 current = -1;

  for (guint i = 0; i < 7; i++)
    weekday_names[i] = _(weekdays[i]);
  if (!write_header (&columns, store, from_day, to_day, out, error))
    return FALSE;

  /* "+s.day": the visits in id order (a plain table scan, the day checked
   * on the way) rather than through the day index and a sort of a million
   * rows; each visit's activities come from their primary key, in order. */
  stmt = escale_stats_store_prepare (store,
                                     "SELECT s.id, s.uid, s.day, s.start_hour, s.weekday,"
                                     " s.duration_min, s.end_reason, s.helper_calls,"
                                     " s.accompanied, s.satisfaction, s.age_bracket,"
                                     " a.activity_id, a.minutes, a.theme"
                                     " FROM sessions s LEFT JOIN session_activities a"
                                     " ON a.session_id = s.id WHERE +s.day BETWEEN ?1 AND ?2"
                                     " ORDER BY s.id, a.activity_id",
                                     error);
  if (stmt == NULL)
    return FALSE;
  escale_sqlite_statement_bind_text (stmt, 1, from_day);
  escale_sqlite_statement_bind_text (stmt, 2, to_day);
  for (;;)
    {
      gboolean row = escale_sqlite_statement_step (stmt, &local_error);
      gint64 id = row ? escale_sqlite_statement_get_int64 (stmt, 0) : -1;

      if (current >= 0 && id != current)
        {
          /* The previous visit is complete. */
          g_string_append_len (out, line->str, line->len);
          escale_csv_append_field (out, activities->str);
          g_string_append_c (out, ';');
          escale_csv_append_field (out, themes->str);
          if (!counter_columns_append (&columns, current, out, error))
            return FALSE;
          g_string_append (out, "\r\n");
          if (!flush_to (out, fd, FALSE, error))
            return FALSE;
        }
      if (!row)
        break;
      if (id != current)
        {
          current = id;
          g_string_truncate (activities, 0);
          g_string_truncate (themes, 0);
          g_string_truncate (line, 0);
          append_visit (line, stmt, weekday_names, yes, no);
        }
      if (!escale_sqlite_statement_is_null (stmt, 11))
        append_activity (activities, themes, stmt);
    }
  if (local_error != NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  "Cannot read the visits: ");
      return FALSE;
    }
  return flush_to (out, fd, TRUE, error);
}

static gboolean
check_days (const char *from_day, const char *to_day, GError **error)
{
  if (!escale_stats_day_is_valid (from_day) || !escale_stats_day_is_valid (to_day))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "Invalid period %s to %s: use YYYY-MM-DD", from_day, to_day);
      return FALSE;
    }
  return TRUE;
}

/* One line per visit of the period, as the store holds it, nothing more. */
GString *
escale_stats_export_sessions_csv (EscaleStatsStore *store, const char *from_day,
                                  const char *to_day, GError **error)
{
  g_autoptr(GString) out = g_string_new (BOM);

  if (!check_days (from_day, to_day, error) || !escale_stats_store_open (store, error) ||
      !write_sessions (store, from_day, to_day, out, -1, error))
    return NULL;
  return g_steal_pointer (&out);
}

static gboolean
write_file (EscaleStatsStore *store, const char *from_day, const char *to_day, const char *path,
            GError **error)
{
  g_autofree char *tmp = g_strconcat (path, ".XXXXXX", NULL);
  g_autoptr(GString) out = g_string_sized_new (FLUSH_AT + 4096);
  int fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0644);
  gboolean ok;

  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "Cannot create %s: %s", tmp, g_strerror (saved));
      return FALSE;
    }
  g_string_append (out, BOM);
  ok = write_sessions (store, from_day, to_day, out, fd, error);
  if (ok && fsync (fd) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "Cannot write %s: %s", tmp, g_strerror (saved));
      ok = FALSE;
    }
  if (close (fd) != 0 && ok)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "Cannot write %s: %s", tmp, g_strerror (saved));
      ok = FALSE;
    }
  if (ok && g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "Cannot write %s: %s", path, g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (tmp);
  return ok;
}

/* Like escale_stats_export_sessions_csv (), streamed into @path by large
 * blocks: a temporary file next to it, synced, then renamed, so a failed
 * export never leaves half a file. */
gboolean
escale_stats_export_sessions_csv_file (EscaleStatsStore *store, const char *from_day,
                                       const char *to_day, const char *path, GError **error)
{
  return check_days (from_day, to_day, error) && escale_stats_store_open (store, error) &&
         write_file (store, from_day, to_day, path, error);
}

typedef struct
{
  char *store_path;
  char *from;
  char *to;
  char *path;
} ExportData;

static void
export_data_free (gpointer data)
{
  ExportData *job = data;

  g_free (job->store_path);
  g_free (job->from);
  g_free (job->to);
  g_free (job->path);
  g_free (job);
}

/* In a worker thread, with its own read-only connection to the store. */
static void
export_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  ExportData *job = task_data;
  g_autoptr(EscaleStatsStore) reader = escale_stats_store_new_reader (job->store_path);
  GError *error = NULL;
  gboolean ok = escale_stats_store_open (reader, &error) &&
                write_file (reader, job->from, job->to, job->path, &error);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Like escale_stats_export_sessions_csv_file (), in a worker thread: the
 * staff screen stays alive during a long export. */
void
escale_stats_export_sessions_csv_file_async (EscaleStatsStore *store, const char *from_day,
                                             const char *to_day, const char *path,
                                             GCancellable *cancellable,
                                             GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  ExportData *job;

  g_return_if_fail (ESCALE_IS_STATS_STORE (store));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, escale_stats_export_sessions_csv_file_async);
  if (!check_days (from_day, to_day, &error) || !escale_stats_store_open (store, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  job = g_new0 (ExportData, 1);
  job->store_path = g_strdup (escale_stats_store_get_path (store));
  job->from = g_strdup (from_day);
  job->to = g_strdup (to_day);
  job->path = g_strdup (path);
  g_task_set_task_data (task, job, export_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
escale_stats_export_sessions_csv_file_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
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

/* The period's figures as JSON, with stable English keys for other tools. */
char *
escale_stats_export_json (EscaleStatsReport *report)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  static const char *const buckets[] = { "under_30_min", "30_to_60_min", "1_to_2_h",
                                         "over_2_h" };

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "from");
  json_builder_add_string_value (builder, escale_stats_report_get_from (report));
  json_builder_set_member_name (builder, "to");
  json_builder_add_string_value (builder, escale_stats_report_get_to (report));
  add_int (builder, "sessions", escale_stats_report_get_sessions (report));
  add_int (builder, "minutes", escale_stats_report_get_minutes (report));
  add_int (builder, "folded_sessions", escale_stats_report_get_folded_sessions (report));
  json_builder_set_member_name (builder, "median_minutes");
  json_builder_add_double_value (builder, escale_stats_report_get_median_minutes (report));
  add_int (builder, "accompanied", escale_stats_report_get_accompanied (report));
  add_int (builder, "autonomous", escale_stats_report_get_autonomous (report));
  add_int (builder, "helper_calls", escale_stats_report_get_helper_calls (report));
  add_int (builder, "staff_code_failures", escale_stats_report_get_pin_failures (report));

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
  for (guint i = 0; i < escale_stats_report_get_days (report)->len; i++)
    {
      EscaleStatsDay *day = &g_array_index (escale_stats_report_get_days (report),
                                            EscaleStatsDay, i);

      add_int (builder, day->day, day->sessions);
    }
  json_builder_end_object (builder);

  add_groups (builder, "activities", escale_stats_report_get_activities (report), TRUE);
  add_groups (builder, "themes", escale_stats_report_get_themes (report), FALSE);
  add_counters (builder, escale_stats_report_get_counters (report));

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

/* A USB stick if one is mounted (the first under /media/USER or
 * /run/media/USER), else the staff folder in the user's data dir. */
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
  return g_build_filename (g_get_user_data_dir (), "escale", "exports", NULL);
}
