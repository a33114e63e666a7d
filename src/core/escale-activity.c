/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-config"

#include <glib/gi18n-lib.h>

#include "escale-activity.h"

/* One activity of the home screen, as an administrator described it in
 * activities/NAME.ini. Immutable once loaded. Kind-specific keys stay in the
 * validated key file and are read by the page that shows the activity. */
struct _EscaleActivity
{
  GObject parent_instance;

  char *source;       /* file name, for messages */
  char *config_dir;
  char *id;
  char *title;
  char *subtitle;
  char *icon;         /* a built-in name, or an absolute path */
  char *theme;
  char *intro;
  EscaleActivityKind kind;
  int order;
  char **steps;
  char **helper_tips;
  GPtrArray *sections;   /* of EscaleActivitySection */
  GKeyFile *key_file;
  guint web_url_line;    /* of [Call] web-url, when this is a web call; else 0 */
};

G_DEFINE_FINAL_TYPE (EscaleActivity, escale_activity, G_TYPE_OBJECT)

static const char *const kind_names[] = {
  [ESCALE_ACTIVITY_CALL] = "call",
  [ESCALE_ACTIVITY_PHOTOS] = "photos",
  [ESCALE_ACTIVITY_CULTURE] = "culture",
  [ESCALE_ACTIVITY_FORMS] = "forms",
  [ESCALE_ACTIVITY_INFO] = "info",
};

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
  { NULL }
};

/* Keys each kind adds. Later features add theirs here, and only here. */
static const EscaleKeySpec info_keys[] = {
  { "Entry *", "title", ESCALE_KEY_STRING, 0, 0, TRUE },
  { "Entry *", "line-*", ESCALE_KEY_STRING },
  { NULL }
};

static const EscaleKeySpec culture_keys[] = {
  { "Culture", "collection", ESCALE_KEY_PATH },
  { "Site *", "title", ESCALE_KEY_STRING, 0, 0, TRUE },
  { "Site *", "url", ESCALE_KEY_URL, 0, 0, TRUE },
  { "Site *", "description", ESCALE_KEY_STRING },
  { "Entry *", "title", ESCALE_KEY_STRING, 0, 0, TRUE },
  { "Entry *", "line-*", ESCALE_KEY_STRING },
  { NULL }
};

static const EscaleKeySpec call_keys[] = {
  { "Call", "server", ESCALE_KEY_STRING },        /* ws:// or wss:// address of Janus */
  { "Call", "family-page", ESCALE_KEY_URL },      /* the family's page, for the code's link */
  { "Call", "stun", ESCALE_KEY_STRING },          /* stun://host:port */
  { "Call", "turn", ESCALE_KEY_STRING },          /* turn://user:password@host:port */
  { "Call", "test-pattern", ESCALE_KEY_BOOL },    /* a test picture and tone, for demos */
  { "Call", "local-address", ESCALE_KEY_STRING }, /* the only address ICE may use (labs) */
  { "Call", "web-url", ESCALE_KEY_URL },          /* a visio site instead, where WebKit has WebRTC */
  { NULL }
};

static const EscaleKeySpec no_keys[] = {
  { "Entry *", "title", ESCALE_KEY_STRING, 0, 0, TRUE },
  { "Entry *", "line-*", ESCALE_KEY_STRING },
  { NULL }
};

static const EscaleKeySpec *
kind_keys (EscaleActivityKind kind)
{
  switch (kind)
    {
    case ESCALE_ACTIVITY_INFO:
      return info_keys;
    case ESCALE_ACTIVITY_CULTURE:
      return culture_keys;
    case ESCALE_ACTIVITY_CALL:
      return call_keys;
    case ESCALE_ACTIVITY_PHOTOS:
    case ESCALE_ACTIVITY_FORMS:
      return no_keys;
    default:
      g_assert_not_reached ();
    }
}

gboolean
escale_activity_kind_from_string (const char *name, EscaleActivityKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (name != NULL && g_str_equal (name, kind_names[i]))
      {
        *kind = (EscaleActivityKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
escale_activity_kind_to_string (EscaleActivityKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_names), NULL);
  return kind_names[kind];
}

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

/* A call activity is either Escale's own call screen (server=) or a visio
 * site in the locked web view (web-url=), never both. */
static void
check_web_call (EscaleActivity *self, EscaleConfigFile *file, GPtrArray *problems)
{
  g_autofree char *server = escale_key_file_get_text (self->key_file, "Call", "server");
  g_autofree char *web_url = escale_key_file_get_text (self->key_file, "Call", "web-url");
  g_autoptr(GUri) uri = web_url != NULL ? g_uri_parse (web_url, G_URI_FLAGS_NONE, NULL) : NULL;

  /* An address that is not a web address was reported by the validation. */
  if (uri == NULL || g_uri_get_host (uri) == NULL ||
      (g_strcmp0 (g_uri_get_scheme (uri), "https") != 0 &&
       g_strcmp0 (g_uri_get_scheme (uri), "http") != 0))
    return;
  if (server != NULL)
    {
      escale_config_file_problem (file, problems, "Call", "web-url",
                                  _("server= et web-url= ne vont pas ensemble : gardez "
                                    "server= (l'écran d'appel d'Escale) ou web-url= (un site "
                                    "d'appel), pas les deux ; l'écran d'appel d'Escale est "
                                    "utilisé"));
      return;
    }
  self->web_url_line = MAX (escale_config_file_get_line (file, "Call", "web-url"), 1);
}

/* Builds an activity from a loaded file; returns NULL (with problems) when
 * it cannot be shown safely. */
EscaleActivity *
escale_activity_new_from_file (EscaleConfigFile *file, const char *config_dir,
                               GPtrArray *problems)
{
  g_autoptr(EscaleActivity) self = NULL;
  GKeyFile *key_file = escale_config_file_get_key_file (file);
  g_autofree char *kind_name = g_key_file_get_string (key_file, "Activity", "kind", NULL);
  const EscaleKeySpec *spec_lists[3] = { common_keys, NULL, NULL };
  EscaleActivityKind kind = ESCALE_ACTIVITY_INFO;
  guint n_before = problems->len;

  if (kind_name == NULL)
    {
      escale_config_file_problem (file, problems, "Activity", "kind",
                                  _("manquant ; utilisez call, photos, culture, forms ou info"));
      return NULL;
    }
  if (!escale_activity_kind_from_string (g_strstrip (kind_name), &kind))
    {
      escale_config_file_problem (file, problems, "Activity", "kind",
                                  _("« %s » n'est pas un type d'activité ; utilisez call, "
                                    "photos, culture, forms ou info"), kind_name);
      return NULL;
    }
  spec_lists[1] = kind_keys (kind);
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
                                      _("pas d'icône « %s » : utilisez %s, ou une image du "
                                        "dossier de configuration"), icon, names);
        self->icon = g_strdup ("info");
      }
  }

  load_sections (self, file);
  if (kind == ESCALE_ACTIVITY_CALL)
    check_web_call (self, file, problems);

  /* Without an id or a title there is nothing safe to show. */
  if (self->id == NULL || self->title == NULL)
    {
      if (problems->len == n_before)
        escale_config_problem_add (problems, self->source, 1, NULL,
                                   _("une activité doit avoir un id et un title"));
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

EscaleActivityKind
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

/* A call activity configured as a visio site ([Call] web-url=, without
 * server=), shown in the locked web view where WebKit has WebRTC. */
gboolean
escale_activity_is_web_call (EscaleActivity *self)
{
  g_return_val_if_fail (ESCALE_IS_ACTIVITY (self), FALSE);
  return self->web_url_line > 0;
}

/* The line of [Call] web-url in the activity's file, for staff messages;
 * 0 unless this is a web call. */
guint
escale_activity_get_web_url_line (EscaleActivity *self)
{
  g_return_val_if_fail (ESCALE_IS_ACTIVITY (self), 0);
  return self->web_url_line;
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
