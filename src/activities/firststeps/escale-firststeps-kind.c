/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-config"

#include <glib/gi18n-lib.h>

#include "escale-firststeps-kind.h"

/* kind=firststeps: "Premiers pas", a first lesson for people who have never
 * used a computer: touch, touch twice, drag, scroll, type, and the buttons
 * Escale has everywhere. GLib only: this is what escale --check-config reads. */

static const EscaleKeySpec firststeps_keys[] = {
  /* The picture of the drag exercise, a file of the configuration folder
   * (the culture collection's drawings are a good choice). */
  { "Premiers pas", "picture", ESCALE_KEY_PATH },
  /* The villages offered in the typing exercise, separated by ";". */
  { "Premiers pas", "villages", ESCALE_KEY_STRING },
  { NULL },
};

/* Numbers only: never what was typed nor which village was chosen. */
static const EscaleCounterSpec firststeps_counters[] = {
  { "touch-started", N_ ("Premiers pas : exercices « toucher » commencés") },
  { "touch-completed", N_ ("Premiers pas : exercices « toucher » réussis") },
  { "double-started", N_ ("Premiers pas : exercices « toucher deux fois » commencés") },
  { "double-completed", N_ ("Premiers pas : exercices « toucher deux fois » réussis") },
  { "drag-started", N_ ("Premiers pas : exercices « glisser » commencés") },
  { "drag-completed", N_ ("Premiers pas : exercices « glisser » réussis") },
  { "scroll-started", N_ ("Premiers pas : exercices « faire défiler » commencés") },
  { "scroll-completed", N_ ("Premiers pas : exercices « faire défiler » réussis") },
  { "type-started", N_ ("Premiers pas : exercices « écrire » commencés") },
  { "type-completed", N_ ("Premiers pas : exercices « écrire » réussis") },
  { "buttons-started", N_ ("Premiers pas : exercices « les boutons » commencés") },
  { "buttons-completed", N_ ("Premiers pas : exercices « les boutons » réussis") },
  { NULL },
};

static const char *const skill_names[ESCALE_FIRSTSTEPS_N_SKILLS] = {
  "touch", "double", "drag", "scroll", "type", "buttons",
};

/* The counter prefix of @skill ("touch" for touch-started). */
const char *
escale_firststeps_skill_name (EscaleFirststepsSkill skill)
{
  g_return_val_if_fail (skill < ESCALE_FIRSTSTEPS_N_SKILLS, NULL);
  return skill_names[skill];
}

/* A village name is letters, spaces, hyphens and apostrophes: what a
 * person can type on the big keyboard. */
static gboolean
village_is_typeable (const char *name)
{
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalpha (c) && c != ' ' && c != '-' && c != '\'')
        return FALSE;
    }
  return TRUE;
}

/* The names of [Premiers pas] villages=, trimmed, empty ones dropped. */
static char **
split_villages (EscaleActivity *activity)
{
  g_autofree char *value = escale_activity_get_string (activity, "Premiers pas", "villages");
  g_auto(GStrv) parts = g_strsplit (value != NULL ? value : "", ";", -1);
  GPtrArray *names = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *name = g_strstrip (parts[i]);

      if (*name != '\0')
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (names, FALSE);
}

static void
check_villages (EscaleActivity *activity, EscaleConfigFile *file, GPtrArray *problems)
{
  g_auto(GStrv) names = split_villages (activity);
  guint n = g_strv_length (names);

  if (n == 0)
    escale_config_file_problem (file, problems, "Premiers pas", "villages",
                                _ ("donnez au moins un village (des noms séparés par ; )"));
  if (n > ESCALE_FIRSTSTEPS_MAX_VILLAGES)
    escale_config_file_problem (file, problems, "Premiers pas", "villages",
                                _ ("au plus %d villages (un écran n'offre pas plus de six "
                                   "choix) ; les suivants sont ignorés"),
                                ESCALE_FIRSTSTEPS_MAX_VILLAGES);
  for (guint i = 0; i < n; i++)
    {
      if (!g_utf8_validate (names[i], -1, NULL) || !village_is_typeable (names[i]))
        escale_config_file_problem (file, problems, "Premiers pas", "villages",
                                    _ ("« %s » : seulement des lettres, des espaces, des tirets "
                                       "et des apostrophes ; ce nom est ignoré"),
                                    names[i]);
      else if (g_utf8_strlen (names[i], -1) > ESCALE_FIRSTSTEPS_MAX_VILLAGE_LENGTH)
        escale_config_file_problem (file, problems, "Premiers pas", "villages",
                                    _ ("« %s » : au plus %d lettres ; ce nom est ignoré"),
                                    names[i], ESCALE_FIRSTSTEPS_MAX_VILLAGE_LENGTH);
    }
}

static gboolean
is_picture_name (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  return g_str_has_suffix (lower, ".svg") || g_str_has_suffix (lower, ".png") ||
         g_str_has_suffix (lower, ".jpg") || g_str_has_suffix (lower, ".jpeg");
}

static void
check_firststeps (EscaleActivity *activity, EscaleConfigFile *file, GPtrArray *problems)
{
  g_autofree char *picture = escale_activity_get_string (activity, "Premiers pas", "picture");

  check_villages (activity, file, problems);
  if (picture != NULL && !is_picture_name (picture))
    escale_config_file_problem (file, problems, "Premiers pas", "picture",
                                _ ("« %s » n'est pas une image (.svg, .png ou .jpg) ; "
                                   "Escale dessine son propre paysage"),
                                picture);
}

/* The villages the typing exercise offers: the valid ones of the
 * configuration, at most six, else a few of the Dordogne. */
char **
escale_firststeps_kind_get_villages (EscaleActivity *activity)
{
  g_auto(GStrv) names = split_villages (activity);
  GPtrArray *kept = g_ptr_array_new ();

  for (guint i = 0; names[i] != NULL && kept->len < ESCALE_FIRSTSTEPS_MAX_VILLAGES; i++)
    if (g_utf8_validate (names[i], -1, NULL) && village_is_typeable (names[i]) &&
        g_utf8_strlen (names[i], -1) <= ESCALE_FIRSTSTEPS_MAX_VILLAGE_LENGTH)
      g_ptr_array_add (kept, g_strdup (names[i]));
  if (kept->len == 0)
    {
      g_ptr_array_add (kept, g_strdup ("Périgueux"));
      g_ptr_array_add (kept, g_strdup ("Sarlat"));
      g_ptr_array_add (kept, g_strdup ("Bergerac"));
    }
  g_ptr_array_add (kept, NULL);
  return (char **) g_ptr_array_free (kept, FALSE);
}

/* The full path of [Premiers pas] picture=, or NULL for Escale's own drawing. */
char *
escale_firststeps_kind_get_picture (EscaleActivity *activity)
{
  g_autofree char *relative = escale_activity_get_string (activity, "Premiers pas", "picture");

  if (relative == NULL || strstr (relative, "..") != NULL || g_path_is_absolute (relative) ||
      !is_picture_name (relative))
    return NULL;
  return g_build_filename (escale_activity_get_config_dir (activity), relative, NULL);
}

const EscaleActivityKind escale_firststeps_kind = {
  .name = "firststeps",
  .keys = firststeps_keys,
  .check = check_firststeps,
  .counters = firststeps_counters,
  .view_type = escale_firststeps_kind_view_type,
  .first_time = TRUE,
};
