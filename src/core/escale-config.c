/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-config"

#include <glib/gi18n-lib.h>

#include "escale-config.h"
#include "escale-fleet-settings.h"
#include "escale-help-settings.h"
#include "escale-session.h"

/* The kiosk's configuration: escale.ini and activities/ *.ini in one folder.
 * Loading never fails: every problem is collected with its file, line and
 * key, and whatever is valid is kept, so the kiosk always starts. Read-only
 * once loaded: what goes wrong later is an EscaleNotices' business. */
struct _EscaleConfig
{
  GObject parent_instance;

  char *dir;
  char *centre_name;
  char *language;
  guint idle_delay;
  guint countdown;
  guint goodbye_delay;
  gboolean end_questions;
  char *stats_path;
  guint retention_months;
  guint stats_max_size_mb;
  EscaleHelpSettings *help;
  guint grant_year_start; /* 1 (January) to 12 */
  guint web_memory_limit; /* MiB per web process; 0: the web layer's default */
  GPtrArray *activities;  /* of EscaleActivity, sorted by order */
  GPtrArray *problems;    /* of EscaleConfigProblem */
};

G_DEFINE_FINAL_TYPE (EscaleConfig, escale_config, G_TYPE_OBJECT)

static const EscaleKeySpec main_keys[] = {
  { "Centre", "name", ESCALE_KEY_STRING, 0, 0, TRUE },
  { "Centre", "language", ESCALE_KEY_STRING },
  { "Session", "idle-delay", ESCALE_KEY_INT, 30, 3600 },
  { "Session", "countdown", ESCALE_KEY_INT, 10, 600 },
  { "Session", "goodbye-delay", ESCALE_KEY_INT, 2, 30 },
  { "Session", "end-questions", ESCALE_KEY_BOOL },
  { "Stats", "path", ESCALE_KEY_STRING },
  { "Stats", "retention-months", ESCALE_KEY_INT, 1, 120 },
  { "Stats", "max-size-mb", ESCALE_KEY_INT, 1, 100000 },
  { "Staff", "grant-year-start", ESCALE_KEY_INT, 1, 12 },
  /* MiB a web process may use before it is ended (HACKING.md). */
  { "Web", "memory-limit", ESCALE_KEY_INT, 256, 16384 },
  /* Read by escale-setup-kiosk only: the hour of the nightly maintenance. */
  { "Appliance", "maintenance-hour", ESCALE_KEY_INT, 0, 23 },
  { NULL },
};

static void
escale_config_finalize (GObject *object)
{
  EscaleConfig *self = ESCALE_CONFIG (object);

  g_free (self->dir);
  g_free (self->centre_name);
  g_free (self->language);
  g_free (self->stats_path);
  g_clear_pointer (&self->help, escale_help_settings_free);
  g_clear_pointer (&self->activities, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  G_OBJECT_CLASS (escale_config_parent_class)->finalize (object);
}

static void
escale_config_class_init (EscaleConfigClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = escale_config_finalize;
}

static void
escale_config_init (EscaleConfig *self)
{
  self->idle_delay = ESCALE_DEFAULT_IDLE_DELAY;
  self->countdown = ESCALE_DEFAULT_COUNTDOWN;
  self->goodbye_delay = ESCALE_DEFAULT_GOODBYE_DELAY;
  self->end_questions = TRUE;
  self->retention_months = 13;
  self->help = g_new0 (EscaleHelpSettings, 1);
  self->help->workshop_delay = ESCALE_DEFAULT_WORKSHOP_IDLE_DELAY;
  self->grant_year_start = 1;
  self->activities = g_ptr_array_new_with_free_func (g_object_unref);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) escale_config_problem_free);
}

static guint
get_uint (GKeyFile *key_file, const char *group, const char *key, guint fallback)
{
  if (!g_key_file_has_key (key_file, group, key, NULL))
    return fallback;
  return (guint) g_key_file_get_integer (key_file, group, key, NULL);
}

static void
load_main (EscaleConfig *self)
{
  g_autofree char *path = g_build_filename (self->dir, "escale.ini", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleConfigFile) file = NULL;
  const EscaleKeySpec *spec_lists[] = { main_keys, escale_help_keys, escale_fleet_keys, NULL };
  GKeyFile *key_file;

  file = escale_config_file_load (path, "escale.ini", self->problems, &error);
  if (file == NULL)
    {
      escale_config_problem_add (self->problems, "escale.ini", 0, NULL,
                                 _ ("illisible (%s) ; les réglages par défaut sont utilisés"),
                                 error->message);
      return;
    }

  escale_config_file_validate (file, spec_lists, self->dir, self->problems);
  key_file = escale_config_file_get_key_file (file);

  {
    g_autofree char *name = g_key_file_get_locale_string (key_file, "Centre", "name", NULL, NULL);

    if (name != NULL && *g_strstrip (name) != '\0')
      {
        g_free (self->centre_name);
        self->centre_name = g_steal_pointer (&name);
      }
  }
  self->language = g_key_file_get_string (key_file, "Centre", "language", NULL);
  self->idle_delay = get_uint (key_file, "Session", "idle-delay", self->idle_delay);
  self->countdown = get_uint (key_file, "Session", "countdown", self->countdown);
  self->goodbye_delay = get_uint (key_file, "Session", "goodbye-delay", self->goodbye_delay);
  if (g_key_file_has_key (key_file, "Session", "end-questions", NULL))
    {
      g_autoptr(GError) bool_error = NULL;
      gboolean value = g_key_file_get_boolean (key_file, "Session", "end-questions", &bool_error);

      if (bool_error == NULL)
        self->end_questions = value;
    }
  self->retention_months =
    get_uint (key_file, "Stats", "retention-months", self->retention_months);
  self->stats_max_size_mb = get_uint (key_file, "Stats", "max-size-mb", 0);
  g_clear_pointer (&self->help, escale_help_settings_free);
  self->help = escale_help_settings_load (file, self->dir, self->problems);
  /* [Fleet] is read by escale-stats push; checked here for --check-config. */
  escale_fleet_settings_free (escale_fleet_settings_load (file, self->dir, self->problems));
  self->grant_year_start =
    get_uint (key_file, "Staff", "grant-year-start", self->grant_year_start);
  self->web_memory_limit = get_uint (key_file, "Web", "memory-limit", 0);

  {
    g_autofree char *stats = g_key_file_get_string (key_file, "Stats", "path", NULL);

    if (stats != NULL && *g_strstrip (stats) != '\0')
      {
        if (g_path_is_absolute (stats))
          self->stats_path = g_steal_pointer (&stats);
        else
          escale_config_file_problem (file, self->problems, "Stats", "path",
                                      _ (
                                        "« %s » doit être un chemin absolu ; le chemin par défaut "
                                        "est utilisé"),
                                      stats);
      }
  }
}

static int
compare_activities (gconstpointer a, gconstpointer b)
{
  EscaleActivity *aa = *(EscaleActivity *const *) a;
  EscaleActivity *ab = *(EscaleActivity *const *) b;
  int diff = escale_activity_get_order (aa) - escale_activity_get_order (ab);

  return diff != 0 ? diff : g_strcmp0 (escale_activity_get_id (aa), escale_activity_get_id (ab));
}

static void
load_activities (EscaleConfig *self, const EscaleActivityKind *const *kinds)
{
  g_autofree char *dir_path = g_build_filename (self->dir, "activities", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = escale_config_list_ini_names (dir_path, &error);

  if (names == NULL)
    {
      escale_config_problem_add (self->problems, "activities", 0, NULL,
                                 _ ("le dossier est illisible (%s)"), error->message);
      return;
    }

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir_path, names->pdata[i], NULL);
      g_autofree char *display = g_build_filename ("activities", names->pdata[i], NULL);
      g_autoptr(EscaleConfigFile) file = NULL;
      g_autoptr(EscaleActivity) activity = NULL;
      g_autoptr(GError) load_error = NULL;
      EscaleActivity *twin;

      file = escale_config_file_load (path, display, self->problems, &load_error);
      if (file == NULL)
        {
          escale_config_problem_add (self->problems, display, 0, NULL, _ ("illisible (%s)"),
                                     load_error->message);
          continue;
        }
      activity = escale_activity_new_from_file (file, self->dir, kinds, self->problems);
      if (activity == NULL)
        continue;

      twin = escale_config_find_activity (self, escale_activity_get_id (activity));
      if (twin != NULL)
        {
          escale_config_file_problem (
            file, self->problems, "Activity", "id",
            _ ("« %s » est déjà utilisé par %s ; cette activité n'est pas "
               "affichée"),
            escale_activity_get_id (activity), escale_activity_get_source (twin));
          continue;
        }
      g_ptr_array_add (self->activities, g_steal_pointer (&activity));
    }

  g_ptr_array_sort (self->activities, compare_activities);
  if (self->activities->len > ESCALE_MAX_HOME_ACTIVITIES)
    {
      for (guint i = ESCALE_MAX_HOME_ACTIVITIES; i < self->activities->len; i++)
        escale_config_problem_add (self->problems,
                                   escale_activity_get_source (self->activities->pdata[i]), 0,
                                   NULL,
                                   _ (
                                     "plus de %d activités : celle-ci n'est pas affichée (baissez "
                                     "son order pour l'afficher à la place d'une autre)"),
                                   ESCALE_MAX_HOME_ACTIVITIES);
      g_ptr_array_set_size (self->activities, ESCALE_MAX_HOME_ACTIVITIES);
    }
}

static EscaleConfig *
config_new (const char *dir)
{
  EscaleConfig *self = g_object_new (ESCALE_TYPE_CONFIG, NULL);

  self->dir = g_canonicalize_filename (dir, NULL);
  self->centre_name = g_strdup (_ ("Espace numérique"));
  return self;
}

/* Loads the configuration in @dir, with the activity kinds @kinds (a
 * NULL-terminated array: the application passes escale_activities_get_kinds (),
 * a test may add its own). Never returns NULL. */
EscaleConfig *
escale_config_load (const char *dir, const EscaleActivityKind *const *kinds)
{
  EscaleConfig *self;

  g_return_val_if_fail (kinds != NULL && kinds[0] != NULL, NULL);

  self = config_new (dir);
  if (!g_file_test (self->dir, G_FILE_TEST_IS_DIR))
    {
      escale_config_problem_add (self->problems, self->dir, 0, NULL,
                                 _ ("le dossier de configuration n'existe pas"));
      return self;
    }

  load_main (self);
  load_activities (self, kinds);
  if (self->activities->len == 0)
    escale_config_problem_add (self->problems, "activities", 0, NULL,
                               _ ("aucune activité valide : la borne affiche « momentanément "
                                  "indisponible »"));
  return self;
}

/* Only escale.ini of @dir, for staff tools that need the centre's name
 * and staff settings, not the activities. Never returns NULL. */
EscaleConfig *
escale_config_load_main (const char *dir)
{
  EscaleConfig *self = config_new (dir);

  load_main (self);
  return self;
}

/* The month (1-12) the funders' grant year starts with: [Staff]
 * grant-year-start, January by default. */
guint
escale_config_get_grant_year_start (EscaleConfig *self)
{
  return self->grant_year_start;
}

/* [Web] memory-limit in MiB, or 0 when not set (the web layer's default). */
guint
escale_config_get_web_memory_limit (EscaleConfig *self)
{
  return self->web_memory_limit;
}

const char *
escale_config_get_dir (EscaleConfig *self)
{
  return self->dir;
}

const char *
escale_config_get_centre_name (EscaleConfig *self)
{
  return self->centre_name;
}

const char *
escale_config_get_language (EscaleConfig *self)
{
  return self->language;
}

guint
escale_config_get_idle_delay (EscaleConfig *self)
{
  return self->idle_delay;
}

guint
escale_config_get_countdown (EscaleConfig *self)
{
  return self->countdown;
}

guint
escale_config_get_goodbye_delay (EscaleConfig *self)
{
  return self->goodbye_delay;
}

/* Whether the two optional questions are asked when a person leaves. */
gboolean
escale_config_get_end_questions (EscaleConfig *self)
{
  return self->end_questions;
}

/* The configured store path, or NULL for the default one. */
const char *
escale_config_get_stats_path (EscaleConfig *self)
{
  return self->stats_path;
}

guint
escale_config_get_retention_months (EscaleConfig *self)
{
  return self->retention_months;
}

guint
escale_config_get_stats_max_size_mb (EscaleConfig *self)
{
  return self->stats_max_size_mb;
}

/* [Help]: never NULL once loaded (all empty when the group is absent). */
const EscaleHelpSettings *
escale_config_get_help (EscaleConfig *self)
{
  return self->help;
}

/* Returns: (transfer none) (element-type EscaleActivity) */
GPtrArray *
escale_config_get_activities (EscaleConfig *self)
{
  return self->activities;
}

EscaleActivity *
escale_config_find_activity (EscaleConfig *self, const char *id)
{
  for (guint i = 0; i < self->activities->len; i++)
    if (g_strcmp0 (escale_activity_get_id (self->activities->pdata[i]), id) == 0)
      return self->activities->pdata[i];
  return NULL;
}

/* Returns: (transfer none) (element-type EscaleConfigProblem) */
GPtrArray *
escale_config_get_problems (EscaleConfig *self)
{
  return self->problems;
}

/* Every problem as "FILE:LINE: key: message". */
char **
escale_config_format_problems (EscaleConfig *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < self->problems->len; i++)
    {
      g_autofree char *line = escale_config_problem_to_string (self->problems->pdata[i]);

      g_strv_builder_add (builder, line);
    }
  return g_strv_builder_end (builder);
}
