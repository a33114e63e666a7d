/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-config"

#include <glib/gi18n-lib.h>

#include "escale-activity.h"

/* One activity of the home screen, as an administrator described it in
 * activities/NAME.ini. Immutable once loaded. Its kind (an
 * EscaleActivityKind from the table the config was loaded with) says which
 * keys it may have besides the common ones; those stay in the validated key
 * file and are read by the kind's own code. */
struct _EscaleActivity
{
  GObject parent_instance;

  char *source; /* file name, for messages */
  char *config_dir;
  char *id;
  char *title;
  char *subtitle;
  char *icon; /* a built-in name, or an absolute path */
  char *theme;
  char *intro;
  const EscaleActivityKind *kind;
  int order;
  char **steps;
  char **helper_tips;
  GPtrArray *sections; /* of EscaleActivitySection */
  GKeyFile *key_file;
  GHashTable *lines; /* "group\nkey" -> line in the file, for staff messages */
};

G_DEFINE_FINAL_TYPE (EscaleActivity, escale_activity, G_TYPE_OBJECT)

static const char *const builtin_icons[] = {
  "call", "photos", "culture", "forms", "info", "museum", "music", "help", NULL,
};

static const EscaleKeySpec common_keys[] = {
  { "Activity", "id", ESCALE_KEY_ID, 0, 0, TRUE },
  { "Activity", "title", ESCALE_KEY_STRING, 0, 0, TRUE },
  { "Activity", "subtitle", ESCALE_KEY_STRING },
  { "Activity", "icon", ESCALE_KEY_STRING, 0, 0, TRUE },
  { "Activity", "kind", ESCALE_KEY_STRING, 0, 0, TRUE },
  { "Activity", "order", ESCALE_KEY_INT, 0, 999 },
  { "Activity", "theme", ESCALE_KEY_STRING },
  { "Activity", "intro", ESCALE_KEY_STRING },
  { "Guide", "step-*", ESCALE_KEY_STRING },
  { "Guide", "helper-tip-*", ESCALE_KEY_STRING },
  { NULL },
};

gboolean
escale_icon_is_builtin (const char *name)
{
  return name != NULL && g_strv_contains (builtin_icons, name);
}

static void
section_free (gpointer data)
{
  EscaleActivitySection *section = data;

  g_free (section->title);
  g_strfreev (section->lines);
  g_free (section);
}

static void
escale_activity_finalize (GObject *object)
{
  EscaleActivity *self = ESCALE_ACTIVITY (object);

  g_free (self->source);
  g_free (self->config_dir);
  g_free (self->id);
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->icon);
  g_free (self->theme);
  g_free (self->intro);
  g_strfreev (self->steps);
  g_strfreev (self->helper_tips);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_pointer (&self->key_file, g_key_file_unref);
  g_clear_pointer (&self->lines, g_hash_table_unref);
  G_OBJECT_CLASS (escale_activity_parent_class)->finalize (object);
}

static void
escale_activity_class_init (EscaleActivityClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = escale_activity_finalize;
}

static void
escale_activity_init (EscaleActivity *self)
{
  self->sections = g_ptr_array_new_with_free_func (section_free);
  self->lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
load_sections (EscaleActivity *self, EscaleConfigFile *file)
{
  g_auto(GStrv) groups = escale_activity_get_groups (self, "Entry");

  for (guint i = 0; groups[i] != NULL; i++)
    {
      EscaleActivitySection *section = g_new0 (EscaleActivitySection, 1);

      section->title = escale_key_file_get_text (self->key_file, groups[i], "title");
      section->lines = escale_config_file_get_numbered (file, groups[i], "line");
      if (section->title == NULL)
        {
          section_free (section);
          continue;
        }
      g_ptr_array_add (self->sections, section);
    }
}

static void
remember_lines (EscaleActivity *self, EscaleConfigFile *file)
{
  g_auto(GStrv) groups = g_key_file_get_groups (self->key_file, NULL);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_auto(GStrv) keys = g_key_file_get_keys (self->key_file, groups[i], NULL, NULL);

      for (guint k = 0; keys != NULL && keys[k] != NULL; k++)
        g_hash_table_insert (self->lines, g_strconcat (groups[i], "\n", keys[k], NULL),
                             GUINT_TO_POINTER (
                               escale_config_file_get_line (file, groups[i], keys[k])));
    }
}

/* Returns: (nullable): the kind named by [Activity] kind, after a problem
 * naming the valid kinds when there is none. */
static const EscaleActivityKind *
find_kind (EscaleConfigFile *file, const EscaleActivityKind *const *kinds, GPtrArray *problems)
{
  GKeyFile *key_file = escale_config_file_get_key_file (file);
  g_autofree char *name = g_key_file_get_string (key_file, "Activity", "kind", NULL);
  g_autofree char *valid = escale_activity_kinds_list_names (kinds);
  const EscaleActivityKind *kind;

  if (name == NULL)
    {
      escale_config_file_problem (file, problems, "Activity", "kind", _ ("manquant ; utilisez %s"),
                                  valid);
      return NULL;
    }
  kind = escale_activity_kinds_find (kinds, g_strstrip (name));
  if (kind == NULL)
    escale_config_file_problem (file, problems, "Activity", "kind",
                                _ ("« %s » n'est pas un type d'activité ; utilisez %s"), name,
                                valid);
  return kind;
}

/* Builds an activity from a loaded file; returns NULL (with problems) when
 * it cannot be shown safely. */
EscaleActivity *
escale_activity_new_from_file (EscaleConfigFile *file, const char *config_dir,
                               const EscaleActivityKind *const *kinds, GPtrArray *problems)
{
  g_autoptr(EscaleActivity) self = NULL;
  GKeyFile *key_file = escale_config_file_get_key_file (file);
  const EscaleKeySpec *spec_lists[3] = { common_keys, NULL, NULL };
  const EscaleActivityKind *kind;
  guint n_before = problems->len;

  kind = find_kind (file, kinds, problems);
  if (kind == NULL)
    return NULL;
  spec_lists[1] = kind->keys;
  escale_config_file_validate (file, spec_lists, config_dir, problems);

  self = g_object_new (ESCALE_TYPE_ACTIVITY, NULL);
  self->source = g_strdup (escale_config_file_get_name (file));
  self->config_dir = g_strdup (config_dir);
  self->key_file = g_key_file_ref (key_file);
  self->kind = kind;
  self->id = g_key_file_get_string (key_file, "Activity", "id", NULL);
  self->title = escale_key_file_get_text (key_file, "Activity", "title");
  self->subtitle = escale_key_file_get_text (key_file, "Activity", "subtitle");
  self->theme = escale_key_file_get_text (key_file, "Activity", "theme");
  self->intro = escale_key_file_get_text (key_file, "Activity", "intro");
  self->order = g_key_file_has_key (key_file, "Activity", "order", NULL)
                  ? g_key_file_get_integer (key_file, "Activity", "order", NULL)
                  : 500;
  self->steps = escale_config_file_get_numbered (file, "Guide", "step");
  self->helper_tips = escale_config_file_get_numbered (file, "Guide", "helper-tip");

  {
    g_autofree char *icon = g_key_file_get_string (key_file, "Activity", "icon", NULL);
    g_autofree char *path = NULL;

    if (icon != NULL)
      g_strstrip (icon);
    if (icon != NULL && !escale_icon_is_builtin (icon) && !g_path_is_absolute (icon) &&
        strstr (icon, "..") == NULL)
      path = g_build_filename (config_dir, icon, NULL);

    if (escale_icon_is_builtin (icon))
      self->icon = g_steal_pointer (&icon);
    else if (path != NULL && g_file_test (path, G_FILE_TEST_IS_REGULAR))
      self->icon = g_steal_pointer (&path);
    else
      {
        g_autofree char *names = g_strjoinv (", ", (char **) builtin_icons);

        if (icon != NULL)
          escale_config_file_problem (file, problems, "Activity", "icon",
                                      _ ("pas d'icône « %s » : utilisez %s, ou une image du "
                                         "dossier de configuration"),
                                      icon, names);
        self->icon = g_strdup ("info");
      }
  }

  load_sections (self, file);
  remember_lines (self, file);
  if (kind->check != NULL)
    kind->check (self, file, problems);

  /* Without an id or a title there is nothing safe to show. */
  if (self->id == NULL || self->title == NULL)
    {
      if (problems->len == n_before)
        escale_config_problem_add (problems, self->source, 1, NULL,
                                   _ ("une activité doit avoir un id et un title"));
      return NULL;
    }

  return g_steal_pointer (&self);
}

const char *
escale_activity_get_id (EscaleActivity *self)
{
  return self->id;
}

const char *
escale_activity_get_title (EscaleActivity *self)
{
  return self->title;
}

const char *
escale_activity_get_subtitle (EscaleActivity *self)
{
  return self->subtitle;
}

const char *
escale_activity_get_icon (EscaleActivity *self)
{
  return self->icon;
}

const EscaleActivityKind *
escale_activity_get_kind (EscaleActivity *self)
{
  return self->kind;
}

int
escale_activity_get_order (EscaleActivity *self)
{
  return self->order;
}

const char *
escale_activity_get_theme (EscaleActivity *self)
{
  return self->theme;
}

const char *
escale_activity_get_intro (EscaleActivity *self)
{
  return self->intro;
}

const char *const *
escale_activity_get_steps (EscaleActivity *self)
{
  return (const char *const *) self->steps;
}

const char *const *
escale_activity_get_helper_tips (EscaleActivity *self)
{
  return (const char *const *) self->helper_tips;
}

/* Returns: (transfer none) (element-type EscaleActivitySection) */
GPtrArray *
escale_activity_get_sections (EscaleActivity *self)
{
  return self->sections;
}

const char *
escale_activity_get_config_dir (EscaleActivity *self)
{
  return self->config_dir;
}

const char *
escale_activity_get_source (EscaleActivity *self)
{
  return self->source;
}

/* The line of @key in @group of the activity's file, for staff messages;
 * 0 when the file has no such key. */
guint
escale_activity_get_line (EscaleActivity *self, const char *group, const char *key)
{
  g_autofree char *line_key = g_strconcat (group, "\n", key, NULL);

  g_return_val_if_fail (ESCALE_IS_ACTIVITY (self), 0);
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->lines, line_key));
}

/* A validated kind-specific value, translated when the file has a
 * translation; NULL when unset or empty. */
char *
escale_activity_get_string (EscaleActivity *self, const char *group, const char *key)
{
  return escale_key_file_get_text (self->key_file, group, key);
}

static int
compare_group_numbers (gconstpointer a, gconstpointer b)
{
  const char *ga = *(const char *const *) a;
  const char *gb = *(const char *const *) b;

  return (int) (g_ascii_strtoll (strrchr (ga, ' ') + 1, NULL, 10) -
                g_ascii_strtoll (strrchr (gb, ' ') + 1, NULL, 10));
}

/* Groups named "@prefix N", in the order of N. */
char **
escale_activity_get_groups (EscaleActivity *self, const char *prefix)
{
  g_auto(GStrv) groups = g_key_file_get_groups (self->key_file, NULL);
  g_autoptr(GPtrArray) matching = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *with_space = g_strconcat (prefix, " ", NULL);

  for (guint i = 0; groups[i] != NULL; i++)
    if (g_str_has_prefix (groups[i], with_space) &&
        g_ascii_isdigit (groups[i][strlen (with_space)]))
      g_ptr_array_add (matching, g_strdup (groups[i]));
  g_ptr_array_sort (matching, compare_group_numbers);
  g_ptr_array_add (matching, NULL);
  return (char **) g_ptr_array_steal (matching, NULL);
}
