/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-stats"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "escale-stats-report.h"
#include "escale-stats-store.h"

/* The store's slow, rare operations, for the staff screen and the CLI:
 * retention, merging other kiosks' stores, checking. Kept apart from the
 * per-visit write path of escale-stats-store.c. */

/* Records the title of the configured activity @activity_id (replacing
 * an older one), so that every figure of it is shown by title. */
gboolean
escale_stats_store_declare_activity (EscaleStatsStore *self, const char *activity_id,
                                     const char *title, GError **error)
{
  g_autoptr(EscaleSqliteStatement) insert = NULL;

  g_return_val_if_fail (ESCALE_IS_STATS_STORE (self), FALSE);
  g_return_val_if_fail (activity_id != NULL && title != NULL, FALSE);

  insert = escale_stats_store_prepare (self,
                                       "INSERT INTO activity_titles (activity_id, title)"
                                       " VALUES (?, ?) ON CONFLICT (activity_id)"
                                       " DO UPDATE SET title = excluded.title",
                                       error);
  if (insert == NULL)
    return FALSE;
  escale_sqlite_statement_bind_text (insert, 1, activity_id);
  escale_sqlite_statement_bind_text (insert, 2, title);
  return escale_sqlite_statement_step_done (insert, error);
}

/* Records the counters @kind declares ({ NULL, NULL } terminated), with
 * their French labels and order, in the store itself: escale-stats (which
 * knows no activity) and the stores merged from other kiosks can then name
 * them. A counter declared before and no longer is kept (its figures stay
 * named); the kind's counters keep their place among the kinds. */
gboolean
escale_stats_store_declare_counters (EscaleStatsStore *self, const char *kind,
                                     const EscaleCounterSpec *specs, GError **error)
{
  g_autoptr(EscaleSqliteStatement) base = NULL;
  g_autoptr(EscaleSqliteStatement) insert = NULL;
  gint64 first = 0;

  g_return_val_if_fail (ESCALE_IS_STATS_STORE (self), FALSE);
  g_return_val_if_fail (specs != NULL, FALSE);

  for (guint i = 0; i == 0 || specs[i - 1].name != NULL; i++)
    {
      /* The kind first, then each counter's name and label. */
      const EscaleCounterSpec *spec = i > 0 ? &specs[i - 1] : NULL;

      if (!escale_stats_counter_name_is_valid (spec ? spec->name : kind) ||
          (spec != NULL && (spec->label == NULL || *spec->label == '\0')))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       "Counter %u of kind %s: a name must be [a-z0-9-]+ and have a label", i,
                       escale_stats_counter_name_is_valid (kind) ? kind : "(invalid)");
          return FALSE;
        }
    }

  /* Each kind owns a block of 1000 places, its counters in declared order. */
  base = escale_stats_store_prepare (self,
                                     "SELECT coalesce ((SELECT min (position) / 1000 FROM"
                                     " counter_labels WHERE kind = ?1),"
                                     " (SELECT max (position) / 1000 + 1 FROM counter_labels),"
                                     " 0) * 1000",
                                     error);
  if (base == NULL)
    return FALSE;
  escale_sqlite_statement_bind_text (base, 1, kind);
  if (!escale_sqlite_statement_step_row (base, error))
    return FALSE;
  first = escale_sqlite_statement_get_int64 (base, 0);
  escale_sqlite_statement_reset (base);

  insert =
    escale_stats_store_prepare (self,
                                "INSERT INTO counter_labels (kind, counter, label, position)"
                                " VALUES (?, ?, ?, ?) ON CONFLICT (kind, counter)"
                                " DO UPDATE SET label = excluded.label,"
                                " position = excluded.position",
                                error);
  if (insert == NULL || !escale_stats_store_begin (self, error))
    return FALSE;
  for (guint i = 0; specs[i].name != NULL; i++)
    {
      escale_sqlite_statement_bind_text (insert, 1, kind);
      escale_sqlite_statement_bind_text (insert, 2, specs[i].name);
      escale_sqlite_statement_bind_text (insert, 3, specs[i].label);
      escale_sqlite_statement_bind_int64 (insert, 4, first + MIN (i, 999));
      if (!escale_sqlite_statement_step_done (insert, error))
        {
          escale_stats_store_rollback (self);
          return FALSE;
        }
    }
  return escale_stats_store_commit (self, error);
}

/* The first day kept when keeping @months whole months before @now's month,
 * as YYYY-MM-DD. */
char *
escale_stats_retention_cutoff (GDateTime *now, guint months)
{
  g_autoptr(GDateTime) first = g_date_time_new_local (g_date_time_get_year (now),
                                                       g_date_time_get_month (now), 1, 0, 0, 0);
  g_autoptr(GDateTime) cutoff = g_date_time_add_months (first, -(int) months);

  return g_date_time_format (cutoff, "%Y-%m-%d");
}

/* Folds every visit before @cutoff_day (YYYY-MM-DD) into monthly totals,
 * deletes those visits, then vacuums and truncates the WAL so the deleted
 * rows leave no trace in the file. The totals stay. */
gboolean
escale_stats_store_fold_before (EscaleStatsStore *self, const char *cutoff_day, guint *n_folded,
                                GError **error)
{
  g_autofree char *sql = NULL;
  gint64 changes;

  g_return_val_if_fail (ESCALE_IS_STATS_STORE (self), FALSE);
  g_return_val_if_fail (cutoff_day != NULL && strlen (cutoff_day) == 10, FALSE);

  if (n_folded)
    *n_folded = 0;
  if (!escale_stats_store_open (self, error))
    return FALSE;

  for (const char *p = cutoff_day; *p; p++)
    g_return_val_if_fail (g_ascii_isdigit (*p) || *p == '-', FALSE);

  sql = g_strdup_printf (
    "INSERT INTO monthly_totals (kiosk_id, month, sessions, minutes, help_asked,"
    " helper_calls, help_given, in_workshop, autonomous)"
    " SELECT coalesce (kiosk_id, ''), substr (day, 1, 7), count (*), sum (duration_min),"
    " sum (help_asked), sum (helper_calls), sum (help_given), sum (workshop_uid IS NOT NULL),"
    " sum (NOT help_asked AND NOT help_given AND workshop_uid IS NULL)"
    " FROM sessions WHERE day < '%s' GROUP BY 1, 2"
    " ON CONFLICT (kiosk_id, month) DO UPDATE SET sessions = sessions + excluded.sessions,"
    " minutes = minutes + excluded.minutes, help_asked = help_asked + excluded.help_asked,"
    " helper_calls = helper_calls + excluded.helper_calls,"
    " help_given = help_given + excluded.help_given,"
    " in_workshop = in_workshop + excluded.in_workshop,"
    " autonomous = autonomous + excluded.autonomous;"
    /* Themes and categories once per visit, as day_theme_totals. */
    "INSERT INTO monthly_theme_totals (kiosk_id, month, theme, sessions, minutes)"
    " SELECT k, m, t, count (*), sum (n) FROM (SELECT coalesce (s.kiosk_id, '') AS k,"
    "  substr (s.day, 1, 7) AS m, ifnull (a.theme, '') AS t, sum (a.minutes) AS n"
    "  FROM session_activities a JOIN sessions s ON s.id = a.session_id"
    "  WHERE s.day < '%s' GROUP BY a.session_id, t) GROUP BY 1, 2, 3"
    " ON CONFLICT (kiosk_id, month, theme) DO UPDATE SET"
    " sessions = sessions + excluded.sessions, minutes = minutes + excluded.minutes;"
    "INSERT INTO monthly_category_totals (kiosk_id, month, kind, category, sessions)"
    " SELECT k, m, kind, c, count (*) FROM (SELECT DISTINCT c.session_id,"
    "  coalesce (s.kiosk_id, '') AS k, substr (s.day, 1, 7) AS m, c.kind,"
    "  substr (c.counter, instr (c.counter, '--') + 2) AS c"
    "  FROM session_counters c JOIN sessions s ON s.id = c.session_id"
    "  WHERE s.day < '%s' AND instr (c.counter, '--') > 0) GROUP BY 1, 2, 3, 4"
    " ON CONFLICT (kiosk_id, month, kind, category) DO UPDATE SET"
    " sessions = sessions + excluded.sessions;"
    "INSERT INTO monthly_activity_totals (kiosk_id, month, activity_id, theme, sessions,"
    " minutes)"
    " SELECT coalesce (s.kiosk_id, ''), substr (s.day, 1, 7), a.activity_id, max (a.theme),"
    " count (*), sum (a.minutes) FROM session_activities a JOIN sessions s"
    " ON s.id = a.session_id WHERE s.day < '%s' GROUP BY 1, 2, 3"
    " ON CONFLICT (kiosk_id, month, activity_id) DO UPDATE SET"
    " sessions = sessions + excluded.sessions, minutes = minutes + excluded.minutes,"
    " theme = coalesce (excluded.theme, theme);"
    "INSERT INTO monthly_counter_totals (kiosk_id, month, kind, counter, value)"
    " SELECT coalesce (s.kiosk_id, ''), substr (s.day, 1, 7), c.kind, c.counter, sum (c.value)"
    " FROM session_counters c JOIN sessions s ON s.id = c.session_id WHERE s.day < '%s'"
    " GROUP BY 1, 2, 3, 4"
    " ON CONFLICT (kiosk_id, month, kind, counter) DO UPDATE SET"
    " value = value + excluded.value;"
    "DELETE FROM sessions WHERE day < '%s';",
    cutoff_day, cutoff_day, cutoff_day, cutoff_day, cutoff_day, cutoff_day);

  if (!escale_stats_store_begin (self, error))
    return FALSE;
  if (!escale_stats_store_exec (self, sql, error))
    {
      escale_stats_store_rollback (self);
      return FALSE;
    }
  changes = escale_stats_store_get_changes (self);
  if (n_folded)
    *n_folded = changes;
  if (!escale_stats_store_commit (self, error))
    return FALSE;
  if (changes == 0)
    return TRUE;
  return escale_stats_store_exec (self, "VACUUM", error) &&
         escale_stats_store_exec (self, "PRAGMA wal_checkpoint (TRUNCATE)", error);
}

/* What staff read when escale-stats push has not reached its server for
 * more than a day (offline is normal for a few hours in the country);
 * NULL otherwise, and on a kiosk that sends nothing. */
char *
escale_stats_store_push_warning (EscaleStatsStore *self, GDateTime *now)
{
  g_autoptr(EscaleSqliteStatement) stmt = escale_stats_store_prepare (
    self,
    "SELECT (SELECT value FROM meta WHERE key = '" ESCALE_STATS_META_PUSH_FAILING_SINCE "'),"
    " (SELECT value FROM meta WHERE key = '" ESCALE_STATS_META_PUSH_ERROR "')",
    NULL);
  g_autoptr(GDateTime) since = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *day = NULL;

  if (stmt == NULL || !escale_sqlite_statement_step (stmt, NULL) ||
      escale_sqlite_statement_is_null (stmt, 0))
    return NULL;
  since = g_date_time_new_from_iso8601 (escale_sqlite_statement_get_text (stmt, 0), NULL);
  if (since == NULL || g_date_time_difference (now, since) < G_TIME_SPAN_DAY)
    return NULL;
  local = g_date_time_to_local (since);
  day = g_date_time_format (local, "%Y-%m-%d");
  {
    g_autofree char *french = escale_stats_format_day (day);

    return g_strdup_printf (_ ("Les chiffres de ce poste ne partent plus vers le serveur depuis "
                               "le %s (%s) : ils restent ici et partiront au prochain envoi "
                               "réussi"),
                            french, escale_sqlite_statement_get_text (stmt, 1));
  }
}

/* A kiosk that sends its figures to a server (escale-stats push) keeps
 * every month holding a day not sent for good yet: the first day of the
 * first such month in *@month, NULL when nothing is sent from here. */
static gboolean
first_unsent_month (EscaleStatsStore *self, char **month, GError **error)
{
  g_autoptr(EscaleSqliteStatement) stmt = escale_stats_store_prepare (
    self,
    "SELECT CASE value WHEN '' THEN '0000-01-01' ELSE date (value, '+1 day', 'start of month')"
    " END FROM meta WHERE key = '" ESCALE_STATS_META_PUSHED_THROUGH "'",
    error);
  g_autoptr(GError) local_error = NULL;

  *month = NULL;
  if (stmt == NULL)
    return FALSE;
  if (escale_sqlite_statement_step (stmt, &local_error))
    *month = g_strdup (escale_sqlite_statement_get_text (stmt, 0));
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* Applies the retention period: keeps @months whole months before now. */
gboolean
escale_stats_store_apply_retention (EscaleStatsStore *self, GDateTime *now, guint months,
                                    guint *n_folded, GError **error)
{
  g_autofree char *cutoff = escale_stats_retention_cutoff (now, months);
  g_autofree char *unsent = NULL;

  if (!first_unsent_month (self, &unsent, error))
    return FALSE;
  if (unsent != NULL && strcmp (unsent, cutoff) < 0)
    return escale_stats_store_fold_before (self, unsent, n_folded, error);
  return escale_stats_store_fold_before (self, cutoff, n_folded, error);
}

/* A failure to read the file to merge names that file, never the healthy
 * store it was to be merged into. */
static gboolean
other_unreadable (const char *other_path, GError *local_error, GError **error)
{
  /* SQLite's own words name the store it was attached to: kept for the log. */
  g_debug ("Merge: %s", local_error->message);
  g_set_error (error, ESCALE_STATS_ERROR, ESCALE_STATS_ERROR_CORRUPT,
               _ ("%s n'est pas un fichier de statistiques Escale lisible"), other_path);
  return FALSE;
}

static gboolean
query_other_int (EscaleStatsStore *self, const char *other_path, const char *sql, gint64 *out,
                 GError **error)
{
  g_autoptr(GError) local_error = NULL;

  if (escale_stats_store_query_int (self, sql, out, &local_error))
    return TRUE;
  return other_unreadable (other_path, local_error, error);
}

static const char merge_sql[] =
  "INSERT INTO main.sessions (uid, kiosk_id, day, start_hour, weekday, duration_min,"
  " end_reason, helper_calls, help_asked, satisfaction, age_bracket, help_given, workshop_uid)"
  " SELECT uid, kiosk_id, day, start_hour, weekday, duration_min, end_reason, helper_calls,"
  " help_asked, satisfaction, age_bracket, help_given, workshop_uid FROM other.sessions o"
  " WHERE NOT EXISTS (SELECT 1 FROM main.sessions m WHERE m.uid = o.uid);"
  "INSERT INTO main.session_activities (session_id, activity_id, minutes, theme, day)"
  " SELECT m.id, a.activity_id, a.minutes, a.theme, m.day FROM other.session_activities a"
  " JOIN other.sessions o ON o.id = a.session_id JOIN main.sessions m ON m.uid = o.uid"
  " WHERE NOT EXISTS (SELECT 1 FROM main.session_activities x"
  "  WHERE x.session_id = m.id AND x.activity_id = a.activity_id);"
  "INSERT INTO main.session_counters (session_id, day, kind, counter, value)"
  " SELECT m.id, m.day, c.kind, c.counter, c.value"
  " FROM other.session_counters c JOIN other.sessions o ON o.id = c.session_id"
  " JOIN main.sessions m ON m.uid = o.uid"
  " WHERE NOT EXISTS (SELECT 1 FROM main.session_counters x WHERE x.session_id = m.id"
  "  AND x.kind = c.kind AND x.counter = c.counter);"
  /* Labels this store lacks (a kind only the other kiosk has). */
  "INSERT OR IGNORE INTO main.counter_labels SELECT * FROM other.counter_labels;"
  /* A month another kiosk already folded is taken whole, once, and only if
   * none of that kiosk's visits of that month are here as rows. */
  "INSERT OR IGNORE INTO main.monthly_counter_totals (kiosk_id, month, kind, counter, value)"
  " SELECT kiosk_id, month, kind, counter, value FROM other.monthly_counter_totals o"
  " WHERE NOT EXISTS (SELECT 1 FROM main.sessions s"
  "  WHERE s.kiosk_id = o.kiosk_id AND substr (s.day, 1, 7) = o.month);"
  "INSERT OR IGNORE INTO main.monthly_totals"
  " SELECT * FROM other.monthly_totals o WHERE NOT EXISTS (SELECT 1 FROM main.sessions s"
  "  WHERE s.kiosk_id = o.kiosk_id AND substr (s.day, 1, 7) = o.month);"
  "INSERT OR IGNORE INTO main.monthly_activity_totals"
  " SELECT * FROM other.monthly_activity_totals o WHERE NOT EXISTS (SELECT 1 FROM"
  "  main.sessions s WHERE s.kiosk_id = o.kiosk_id AND substr (s.day, 1, 7) = o.month);"
  "INSERT OR IGNORE INTO main.monthly_theme_totals"
  " SELECT * FROM other.monthly_theme_totals o WHERE NOT EXISTS (SELECT 1 FROM"
  "  main.sessions s WHERE s.kiosk_id = o.kiosk_id AND substr (s.day, 1, 7) = o.month);"
  "INSERT OR IGNORE INTO main.monthly_category_totals"
  " SELECT * FROM other.monthly_category_totals o WHERE NOT EXISTS (SELECT 1 FROM"
  "  main.sessions s WHERE s.kiosk_id = o.kiosk_id AND substr (s.day, 1, 7) = o.month);"
  /* A workshop is one row per kiosk that recorded it: once, whatever the
   * merges. */
  "INSERT OR IGNORE INTO main.workshops SELECT * FROM other.workshops;"
  "INSERT OR IGNORE INTO main.activity_titles SELECT * FROM other.activity_titles;";

/* Adds the visits of the store at @other_path that this one does not hold
 * yet (by their random id), so merging the same store twice counts once.
 * @other_path is opened read-only and never modified. */
gboolean
escale_stats_store_merge (EscaleStatsStore *self, const char *other_path, guint *n_added,
                          GError **error)
{
  g_autofree char *escaped = NULL;
  g_autofree char *uri = NULL;
  gint64 app_id = 0, version = 0, before = 0, after = 0;
  gboolean ok;

  g_return_val_if_fail (ESCALE_IS_STATS_STORE (self), FALSE);

  if (n_added)
    *n_added = 0;
  if (!escale_stats_store_open (self, error))
    return FALSE;
  if (!g_file_test (other_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, ESCALE_STATS_ERROR, ESCALE_STATS_ERROR_OPEN,
                   _ ("%s n'existe pas ou n'est pas un fichier"), other_path);
      return FALSE;
    }

  escaped = g_uri_escape_string (other_path, "/", FALSE);
  uri = g_strconcat ("file:", escaped, "?mode=ro", NULL);
  {
    g_autoptr(EscaleSqliteStatement)
                 attach = escale_stats_store_prepare (self, "ATTACH ? AS other", error);
    g_autoptr(GError) local_error = NULL;

    if (attach == NULL)
      return FALSE;
    escale_sqlite_statement_bind_text (attach, 1, uri);
    if (!escale_sqlite_statement_step_done (attach, &local_error))
      return other_unreadable (other_path, local_error, error);
  }

  ok = query_other_int (self, other_path, "PRAGMA other.application_id", &app_id, error) &&
       query_other_int (self, other_path, "PRAGMA other.user_version", &version, error);
  if (ok && app_id != ESCALE_STATS_APPLICATION_ID)
    {
      g_set_error (error, ESCALE_STATS_ERROR, ESCALE_STATS_ERROR_CORRUPT,
                   _ ("%s n'est pas un fichier de statistiques Escale"), other_path);
      ok = FALSE;
    }
  else if (ok && version != escale_stats_store_get_schema_version (self))
    {
      g_set_error (error, ESCALE_STATS_ERROR, ESCALE_STATS_ERROR_TOO_NEW,
                   _ ("%s a le schéma %d et ce fichier le schéma %d : s'il est plus ancien, "
                      "ouvrez-le une fois avec cette version (escale-stats --db %s summary), "
                      "sinon mettez Escale à jour, puis fusionnez"),
                   other_path, (int) version, escale_stats_store_get_schema_version (self),
                   other_path);
      ok = FALSE;
    }

  ok =
    ok &&
    escale_stats_store_query_int (self, "SELECT count (*) FROM main.sessions", &before, error) &&
    escale_stats_store_begin (self, error);
  if (ok && !escale_stats_store_exec (self, merge_sql, error))
    {
      escale_stats_store_rollback (self);
      ok = FALSE;
    }
  ok = ok && escale_stats_store_commit (self, error);
  ok = ok &&
       escale_stats_store_query_int (self, "SELECT count (*) FROM main.sessions", &after, error);
  escale_stats_store_exec (self, "DETACH other", NULL);

  if (ok && n_added)
    *n_added = (guint) (after - before);
  return ok;
}
