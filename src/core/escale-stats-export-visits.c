/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-stats"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "escale-stats-export.h"

/* The visits CSV: one line per visit, streamed by blocks of 1 MiB into a
 * file (or built in memory), in a worker thread for the dashboard. */

static const char *
end_reason_label (const char *code)
{
  if (g_strcmp0 (code, "finished") == 0)
    return _ ("J'ai fini");
  if (g_strcmp0 (code, "timeout") == 0)
    return _ ("Inactivité");
  return _ ("Équipe");
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
  /* La Coop's level, as escale_session_record_get_autonomy () says. */
  escale_csv_append_field (line, escale_stats_autonomy_label (
                                   !escale_sqlite_statement_is_null (stmt, 14)
                                     ? ESCALE_AUTONOMY_ENTIEREMENT_ACCOMPAGNE
                                   : escale_sqlite_statement_get_int64 (stmt, 7) > 0 ||
                                       escale_sqlite_statement_get_int (stmt, 8)
                                     ? ESCALE_AUTONOMY_PARTIELLEMENT_AUTONOME
                                     : ESCALE_AUTONOMY_AUTONOME));
  g_string_append_c (line, ';');
  escale_csv_append_field (line, escale_stats_satisfaction_label (escale_satisfaction_from_code (
                                   escale_sqlite_statement_get_text (stmt, 9))));
  g_string_append_c (line, ';');
  escale_csv_append_field (line, escale_stats_age_label (escale_age_bracket_from_code (
                                   escale_sqlite_statement_get_text (stmt, 10))));
  g_string_append_c (line, ';');
}

/* TRUE if @theme is one of the ", "-separated items of @themes. */
static gboolean
has_theme (GString *themes, const char *theme)
{
  g_auto (GStrv) items = g_strsplit (themes->str, ", ", -1);

  return g_strv_contains ((const char *const *) items, theme);
}

/* One activity row of the visit: "title (minutes)" (its config id if the
 * store knows no title), its theme once. */
static void
append_activity (GString *activities, GString *themes, EscaleSqliteStatement *stmt)
{
  const char *theme = escale_sqlite_statement_get_text (stmt, 13);
  const char *title = escale_sqlite_statement_get_text (stmt, 15);

  if (activities->len > 0)
    g_string_append (activities, ", ");
  g_string_append (activities, title ? title : escale_sqlite_statement_get_text (stmt, 11));
  g_string_append (activities, " (");
  append_uint (activities, escale_sqlite_statement_get_int64 (stmt, 12));
  g_string_append_c (activities, ')');
  if (theme != NULL && !has_theme (themes, theme))
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
  GPtrArray *keys;             /* "kind/counter" of each column */
  gint64 *values;              /* the current visit's, per column */
  EscaleSqliteStatement *rows; /* session_id, "kind/counter", value */
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
                                     (char *) escale_sqlite_statement_get_text (stmt, 2),
                                     NULL,
                                     0,
                                     0 };
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

      for (guint i = 0;
           escale_sqlite_statement_get_int64 (columns->rows, 0) == id && i < columns->keys->len;
           i++)
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
    _ ("Identifiant de visite"), _ ("Jour"),
    _ ("Heure de début"),        _ ("Jour de la semaine"),
    _ ("Durée (minutes)"),       _ ("Fin de la visite"),
    _ ("Appels à un aidant"),    _ ("Aide reçue"),
    _ ("Niveau d'autonomie"),    _ ("A trouvé ce qu'il cherchait"),
    _ ("Tranche d'âge"),         _ ("Activités et minutes"),
    _ ("Thématiques"),
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
    N_ ("lundi"),    N_ ("mardi"),  N_ ("mercredi"), N_ ("jeudi"),
    N_ ("vendredi"), N_ ("samedi"), N_ ("dimanche"),
  };
  const char *weekday_names[7];
  const char *yes = _ ("oui"), *no = _ ("non");
  g_autoptr(GString) activities = g_string_new (NULL);
  g_autoptr(GString) themes = g_string_new (NULL);
  g_autoptr(GString) line = g_string_new (NULL);
  g_autoptr(EscaleSqliteStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto (CounterColumns) columns = { NULL, NULL, NULL, FALSE };
  gint64 current = -1;

  for (guint i = 0; i < 7; i++)
    weekday_names[i] = _ (weekdays[i]);
  if (!write_header (&columns, store, from_day, to_day, out, error))
    return FALSE;

  /* "+s.day": the visits in id order (a plain table scan, the day checked
   * on the way) rather than through the day index and a sort of a million
   * rows; each visit's activities come from their primary key, in order. */
  stmt = escale_stats_store_prepare (store,
                                     "SELECT s.id, s.uid, s.day, s.start_hour, s.weekday,"
                                     " s.duration_min, s.end_reason, s.helper_calls,"
                                     " s.help_given, s.satisfaction, s.age_bracket,"
                                     " a.activity_id, a.minutes, a.theme, s.workshop_uid,"
                                     " t.title FROM sessions s LEFT JOIN session_activities a"
                                     " ON a.session_id = s.id LEFT JOIN activity_titles t"
                                     " ON t.activity_id = a.activity_id"
                                     " WHERE +s.day BETWEEN ?1 AND ?2"
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
  g_autoptr(GString) out = g_string_new (ESCALE_CSV_BOM);

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

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "Cannot create %s: %s", tmp,
                   g_strerror (saved));
      return FALSE;
    }
  g_string_append (out, ESCALE_CSV_BOM);
  ok = write_sessions (store, from_day, to_day, out, fd, error);
  if (ok && fsync (fd) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "Cannot write %s: %s", tmp,
                   g_strerror (saved));
      ok = FALSE;
    }
  if (close (fd) != 0 && ok)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "Cannot write %s: %s", tmp,
                   g_strerror (saved));
      ok = FALSE;
    }
  if (ok && g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "Cannot write %s: %s", path,
                   g_strerror (saved));
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
