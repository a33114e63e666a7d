/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "fleet-dataset.h"

typedef struct
{
  const char *id;
  const char *title;
  const char *theme;
} Activity;

static const Activity activities[] = {
  { "visio", "Appel vidéo", "Échanger avec ses proches" },
  { "photos", "Mes photos", "Échanger avec ses proches" },
  { "culture", "Culture", "Culture numérique" },
  { "demarches", "Mes démarches", "Aide aux démarches administratives" },
  { "sans-theme", "Jeux", NULL },
};

static const EscaleCounterSpec demarches_counters[] = {
  { "procedures-opened--logement", "Démarches ouvertes — Logement" },
  { "procedures-opened--social-sante", "Démarches ouvertes — Social, santé" },
  { "sites-opened--logement", "Sites officiels ouverts — Logement" },
  { NULL, NULL },
};

void
fleet_dataset_declare (EscaleStatsStore *store)
{
  g_assert_true (
    escale_stats_store_declare_counters (store, "demarches", demarches_counters, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (activities); i++)
    g_assert_true (
      escale_stats_store_declare_activity (store, activities[i].id, activities[i].title, NULL));
}

/* One visit on @day (its date only): an hour, a length, one or two
 * activities, sometimes démarches counters, help, a workshop, answers. */
void
fleet_dataset_visit (EscaleStatsStore *store, GRand *rand, GDateTime *day)
{
  g_autoptr(GDateTime) start = g_date_time_new_local (g_date_time_get_year (day),
                                                       g_date_time_get_month (day),
                                                       g_date_time_get_day_of_month (day),
                                                       g_rand_int_range (rand, 9, 19),
                                                       g_rand_int_range (rand, 0, 60), 0);
  int minutes = g_rand_int_range (rand, 2, 150);
  g_autoptr(EscaleSessionRecord) record =
               escale_session_record_new (start, minutes * 60, g_rand_int_range (rand, 0, 3),
                                          g_rand_int_range (rand, 0, 8) / 5);
  guint first = g_rand_int_range (rand, 0, G_N_ELEMENTS (activities));
  guint n = g_rand_int_range (rand, 0, 3);

  record->help_given = g_rand_int_range (rand, 0, 4) == 0;
  record->satisfaction = g_rand_int_range (rand, 0, ESCALE_N_SATISFACTION);
  record->age_bracket = g_rand_int_range (rand, 0, ESCALE_N_AGE_BRACKETS);
  for (guint i = 0; i < n; i++)
    {
      const Activity *a = &activities[(first + i * 2) % G_N_ELEMENTS (activities)];

      escale_session_record_add_activity (record, a->id, minutes * 60 / (i + 2));
      escale_session_record_set_theme (record, a->id, a->theme);
      if (g_str_equal (a->id, "demarches"))
        escale_session_record_add_count (record, "demarches",
                                         demarches_counters[g_rand_int_range (rand, 0, 3)].name,
                                         g_rand_int_range (rand, 1, 4));
    }
  g_assert_true (escale_stats_store_add_session (store, record, NULL));
}

/* @n_days from @first_day, 0 to @max_visits_per_day visits each, and a
 * workshop every 20 days, all from @seed. */
void
fleet_dataset_fill (EscaleStatsStore *store, guint32 seed, const char *first_day, guint n_days,
                    guint max_visits_per_day)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autofree char *iso = g_strconcat (first_day, "T12:00:00", NULL);
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) first = g_date_time_new_from_iso8601 (iso, local);

  fleet_dataset_declare (store);
  for (guint d = 0; d < n_days; d++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (first, d);
      guint n = g_rand_int_range (rand, 0, max_visits_per_day + 1);

      for (guint v = 0; v < n; v++)
        fleet_dataset_visit (store, rand, day);
      if (d % 20 == 7)
        {
          EscaleWorkshopRecord w = { { 0 } };
          g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");

          g_snprintf (w.uid, sizeof w.uid, "w%x%u", seed, d);
          g_strlcpy (w.day, date, sizeof w.day);
          w.start_hour = 14;
          w.duration_min = 90;
          w.theme = (char *) "email";
          w.level = (char *) "debutant";
          w.participants = g_rand_int_range (rand, 2, 9);
          g_assert_true (escale_stats_store_add_workshop (store, &w, NULL));
        }
    }
}
