/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "stats-figures-dataset.h"

/* A known month of visits for issue 11's figures, written through the
 * kiosk's own API: shared themes, several activities per visit, timeouts,
 * help asked and given, workshops on two kiosks, démarches in categories,
 * activity titles. Used by test-stats-figures (exports) and
 * test-dashboard-figures (the tiles on screen). */

typedef struct
{
  const char *id;
  int minutes;
  const char *theme;
} Use;

/* A visit on @day of March 2026 (32 is the 1st of April). */
static void
visit (EscaleStatsStore *store, int day, int hour, int minutes, EscaleEndReason reason,
       int helper_calls, gboolean help_given, const char *workshop, const Use *uses,
       const char *const *counters)
{
  g_autoptr(GDateTime) first = g_date_time_new_local (2026, 3, 1, hour, 5, 0);
  g_autoptr(GDateTime) start = g_date_time_add_days (first, day - 1);
  g_autoptr(EscaleSessionRecord)
               record = escale_session_record_new (start, minutes * 60, reason, helper_calls);

  record->help_given = help_given;
  if (workshop != NULL)
    g_strlcpy (record->workshop_uid, workshop, sizeof record->workshop_uid);
  record->satisfaction = (day + hour) % ESCALE_N_SATISFACTION;
  record->age_bracket = (day * 3 + hour) % ESCALE_N_AGE_BRACKETS;
  for (guint i = 0; uses != NULL && uses[i].id != NULL; i++)
    {
      escale_session_record_add_activity (record, uses[i].id, uses[i].minutes * 60);
      escale_session_record_set_theme (record, uses[i].id, uses[i].theme);
    }
  for (guint i = 0; counters != NULL && counters[i] != NULL; i += 2)
    escale_session_record_add_count (record, "demarches", counters[i],
                                     g_ascii_strtoll (counters[i + 1], NULL, 10));
  g_assert_true (escale_stats_store_add_session (store, record, NULL));
}

static void
workshop (EscaleStatsStore *store, const char *uid, int month, int day, const char *theme,
          const char *level, int participants)
{
  EscaleWorkshopRecord w = { { 0 } };

  g_strlcpy (w.uid, uid, sizeof w.uid);
  g_snprintf (w.day, sizeof w.day, "2026-%02d-%02d", month, day);
  w.start_hour = 14;
  w.duration_min = 90;
  w.theme = (char *) theme;
  w.level = (char *) level;
  w.participants = participants;
  g_assert_true (escale_stats_store_add_workshop (store, &w, NULL));
}

static const EscaleCounterSpec demarches_counters[] = {
  { "procedures-opened--logement", "Démarches ouvertes — Logement" },
  { "procedures-opened--social-sante", "Démarches ouvertes — Social, santé" },
  { "sites-opened--logement", "Sites officiels ouverts — Logement" },
  { NULL, NULL },
};

#define ECH "Échanger avec ses proches"
#define CULT "Culture numérique"
#define DEM "Aide aux démarches administratives"

/* March 2026 on this kiosk, plus a workshop of a second kiosk merged in
 * (@dir holds its store). */
void
fill_figures_dataset (EscaleStatsStore *store, const char *dir)
{
  const Use v1[] = { { "visio", 20, ECH }, { "photos", 15, ECH }, { "culture", 5, CULT }, { 0 } };
  const Use v2[] = { { "visio", 25, ECH }, { 0 } };
  const Use v3[] = { { "demarches", 50, DEM }, { "sans-theme", 5, NULL }, { 0 } };
  const Use v4[] = { { "demarches", 20, DEM }, { 0 } };
  const Use v5[] = { { "visio", 50, ECH }, { "photos", 40, ECH }, { 0 } };
  const Use v6[] = { { "culture", 85, CULT }, { 0 } };
  const Use v8[] = { { "culture", 100, CULT }, { "visio", 100, ECH }, { 0 } };
  const char *const c3[] = { "procedures-opened--logement",
                             "2",
                             "sites-opened--logement",
                             "1",
                             "procedures-opened--social-sante",
                             "1",
                             NULL };
  const char *const c4[] = { "sites-opened--logement", "1", NULL };
  g_autofree char *other_path = g_build_filename (dir, "kiosk2.db", NULL);
  g_autoptr(EscaleStatsStore) other = escale_stats_store_new (other_path);

  g_assert_true (
    escale_stats_store_declare_counters (store, "demarches", demarches_counters, NULL));
  g_assert_true (escale_stats_store_declare_activity (store, "visio", "Appel vidéo", NULL));
  g_assert_true (escale_stats_store_declare_activity (store, "photos", "Mes photos", NULL));
  g_assert_true (escale_stats_store_declare_activity (store, "culture", "Culture", NULL));
  g_assert_true (escale_stats_store_declare_activity (store, "demarches", "Mes démarches", NULL));
  visit (store, 2, 9, 40, ESCALE_END_FINISHED, 0, FALSE, NULL, v1, NULL);
  visit (store, 2, 10, 30, ESCALE_END_TIMEOUT, 2, TRUE, NULL, v2, NULL);
  visit (store, 5, 14, 60, ESCALE_END_FINISHED, 1, TRUE, NULL, v3, c3);
  visit (store, 6, 15, 20, ESCALE_END_FINISHED, 0, FALSE, NULL, v4, c4);
  visit (store, 10, 14, 90, ESCALE_END_STAFF, 0, FALSE, "w1", v5, NULL);
  visit (store, 10, 14, 85, ESCALE_END_TIMEOUT, 0, TRUE, "w1", v6, NULL);
  visit (store, 12, 11, 3, ESCALE_END_TIMEOUT, 0, FALSE, NULL, NULL, NULL);
  visit (store, 31, 17, 200, ESCALE_END_FINISHED, 3, FALSE, NULL, v8, NULL);
  /* Outside the period. */
  visit (store, 32, 9, 500, ESCALE_END_FINISHED, 5, TRUE, NULL, v8, c4);
  workshop (store, "w1", 3, 10, "prendre_en_main_du_materiel", "debutant", 2);
  workshop (store, "w2", 3, 20, "email", "intermediaire", 4);
  workshop (store, "w3", 4, 2, "email", "avance", 6);
  /* Kiosk 2 took part in w1 with three visits of its own. */
  workshop (other, "w1", 3, 10, "prendre_en_main_du_materiel", "debutant", 3);
  g_clear_object (&other);
  g_assert_true (escale_stats_store_merge (store, other_path, NULL, NULL));
}

/* Plain SQL for each key figure (a tile of the dashboard, a box of the
 * PDF report): its name, its value, its detail line (NULL: none).
 * ngettext's plurals are SQL's CASE here. */
const char *const key_figures_sql[N_KEY_FIGURES][3] = {
  { "Visites", "SELECT count (*) FROM sessions s WHERE" PERIOD, NULL },
  { "Heures d'utilisation",
    "SELECT printf ('%d h %02d', sum (duration_min) / 60, sum (duration_min) % 60)"
    " FROM sessions s WHERE" PERIOD,
    NULL },
  { "Durée médiane d'une visite",
    "WITH d AS (SELECT duration_min m FROM sessions s WHERE" PERIOD "ORDER BY 1)"
    " SELECT printf ('%.0f min', avg (m)) FROM (SELECT m FROM d"
    " LIMIT 2 - (SELECT count (*) FROM d) % 2 OFFSET ((SELECT count (*) FROM d) - 1) / 2)",
    NULL },
  { "Visites en autonomie",
    "SELECT printf ('%d %%', CAST (100.0 * sum (helper_calls = 0 AND NOT help_given"
    " AND workshop_uid IS NULL) / count (*) + 0.5 AS INTEGER)) FROM sessions s WHERE" PERIOD,
    "SELECT printf ('%d partiellement autonome%s, %d entièrement accompagnée%s (atelier)', p,"
    " CASE WHEN p > 1 THEN 's' ELSE '' END, w, CASE WHEN w > 1 THEN 's' ELSE '' END) FROM"
    " (SELECT sum (workshop_uid IS NULL AND (helper_calls > 0 OR help_given)) p,"
    " sum (workshop_uid IS NOT NULL) w FROM sessions s WHERE" PERIOD ")" },
  { "Ont trouvé ce qu'ils cherchaient",
    "SELECT printf ('%d %%', CAST (100.0 * sum (satisfaction = 'oui')"
    " / count (satisfaction) + 0.5 AS INTEGER)) FROM sessions s WHERE" PERIOD,
    "SELECT printf ('Oui %d, en partie %d, non %d (%d réponse%s)', sum (satisfaction = 'oui'),"
    " sum (satisfaction = 'en-partie'), sum (satisfaction = 'non'), count (satisfaction),"
    " CASE WHEN count (satisfaction) > 1 THEN 's' ELSE '' END) FROM sessions s WHERE" PERIOD },
  { "Visites avec aide demandée",
    "SELECT count (*) FROM sessions s WHERE" PERIOD "AND helper_calls > 0",
    "SELECT printf ('%d appel%s à un aidant, aide reçue dans %d visite%s', c,"
    " CASE WHEN c > 1 THEN 's' ELSE '' END, g, CASE WHEN g > 1 THEN 's' ELSE '' END) FROM"
    " (SELECT sum (helper_calls) c, sum (help_given) g FROM sessions s WHERE" PERIOD ")" },
  { "Ateliers collectifs", "SELECT count (DISTINCT uid) FROM workshops s WHERE" PERIOD,
    "SELECT printf ('%d participation%s', p, CASE WHEN p > 1 THEN 's' ELSE '' END) FROM"
    " (SELECT sum (participants) p FROM workshops s WHERE" PERIOD ")" },
};

/* The first column of @sql's first row as text ("" if none), ?1 bound
 * to @param. */
char *
sql_text (const char *path, const char *sql, const char *param)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  sqlite3_bind_text (stmt, 1, param, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text ? text : g_strdup ("");
}
