/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-config"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "escale-config-file.h"

/* A GKeyFile that knows on which line each key stands. GKeyFile's own
 * errors carry no line number and reject a whole file for one bad line, so
 * the text is scanned first: malformed lines are reported and dropped, and
 * the rest is handed to GKeyFile. */
struct _EscaleConfigFile
{
  char *name; /* as shown in messages, relative to the config dir */
  GKeyFile *key_file;
  GHashTable *lines; /* "group\nkey" and "group\n" -> line number */
};

void
escale_config_problem_free (EscaleConfigProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->file);
  g_free (problem->key);
  g_free (problem->message);
  g_free (problem);
}

char *
escale_config_problem_to_string (const EscaleConfigProblem *problem)
{
  GString *out = g_string_new (problem->file);

  if (problem->line > 0)
    g_string_append_printf (out, ":%u", problem->line);
  g_string_append (out, ": ");
  if (problem->key != NULL)
    g_string_append_printf (out, "%s: ", problem->key);
  g_string_append (out, problem->message);
  return g_string_free (out, FALSE);
}

static void
problem_addv (GPtrArray *problems, const char *file, guint line, const char *key,
              const char *format, va_list args)
{
  EscaleConfigProblem *problem = g_new0 (EscaleConfigProblem, 1);

  problem->file = g_strdup (file);
  problem->line = line;
  problem->key = g_strdup (key);
  problem->message = g_strdup_vprintf (format, args);
  g_ptr_array_add (problems, problem);
}

void
escale_config_problem_add (GPtrArray *problems, const char *file, guint line, const char *key,
                           const char *format, ...)
{
  va_list args;

  va_start (args, format);
  problem_addv (problems, file, line, key, format, args);
  va_end (args);
}

void
escale_config_file_free (EscaleConfigFile *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_clear_pointer (&self->key_file, g_key_file_unref);
  g_clear_pointer (&self->lines, g_hash_table_unref);
  g_free (self);
}

static char *
line_key (const char *group, const char *key)
{
  return g_strconcat (group, "\n", key ? key : "", NULL);
}

static gboolean
valid_key_name (const char *key)
{
  if (*key == '\0')
    return FALSE;
  for (const char *p = key; *p; p++)
    if (!(g_ascii_isalnum (*p) || *p == '-' || *p == '_' || *p == '[' || *p == ']' || *p == '@' ||
          *p == '.'))
      return FALSE;
  return TRUE;
}

/* A "[Group]" line: returns the group's name, or NULL (with a problem)
 * when the line is not a valid one. */
static char *
scan_group_line (EscaleConfigFile *self, const char *line, guint lineno, GPtrArray *problems)
{
  const char *close = strchr (line, ']');
  g_autofree char *group = NULL;
  g_autofree char *gk = NULL;

  if (close == NULL || close[1] != '\0' || close == line + 1)
    {
      escale_config_problem_add (problems, self->name, lineno, NULL,
                                 _ ("« %s » n'est pas une ligne [Groupe] valide ; les "
                                    "lignes suivantes sont ignorées jusqu'au groupe "
                                    "suivant"),
                                 line);
      return NULL;
    }
  group = g_strndup (line + 1, close - line - 1);
  gk = line_key (group, NULL);
  if (g_hash_table_contains (self->lines, gk))
    escale_config_problem_add (problems, self->name, lineno, NULL,
                               _ ("le groupe [%s] apparaît deux fois ; ses clés sont "
                                  "fusionnées"),
                               group);
  else
    g_hash_table_insert (self->lines, g_steal_pointer (&gk), GUINT_TO_POINTER (lineno));
  return g_steal_pointer (&group);
}

/* A "key=value" line in @group: TRUE when it is kept. */
static gboolean
scan_key_line (EscaleConfigFile *self, const char *group, const char *line, guint lineno,
               GPtrArray *problems)
{
  const char *eq = strchr (line, '=');
  g_autofree char *key = NULL;
  g_autofree char *lk = NULL;

  if (eq == NULL)
    {
      escale_config_problem_add (problems, self->name, lineno, NULL,
                                 _ ("« %s » n'est pas une ligne clé=valeur ; "
                                    "elle est ignorée"),
                                 line);
      return FALSE;
    }
  key = g_strstrip (g_strndup (line, eq - line));
  if (!valid_key_name (key))
    {
      escale_config_problem_add (problems, self->name, lineno, NULL,
                                 _ ("« %s » n'est pas un nom de clé valide ; la ligne est "
                                    "ignorée"),
                                 key);
      return FALSE;
    }
  if (group == NULL)
    {
      escale_config_problem_add (problems, self->name, lineno, key,
                                 _ ("cette clé est placée avant tout [Groupe] ou dans un "
                                    "groupe invalide ; elle est ignorée"));
      return FALSE;
    }
  lk = line_key (group, key);
  if (g_hash_table_contains (self->lines, lk))
    escale_config_problem_add (problems, self->name, lineno, key,
                               _ ("définie deux fois dans [%s] ; la valeur de la ligne %u est "
                                  "utilisée"),
                               group, lineno);
  g_hash_table_insert (self->lines, g_steal_pointer (&lk), GUINT_TO_POINTER (lineno));
  return TRUE;
}

/* Loads @path. Only an unreadable file is an error; every problem inside it
 * goes to @problems and the readable part is kept. */
/* A configuration file is text a person wrote: far below this. */
#define MAX_CONFIG_BYTES (1024 * 1024)

/* Reads @path, which must be a regular file (after symlinks) of at most
 * MAX_CONFIG_BYTES: a FIFO would block start-up for ever, /dev/zero fill
 * the memory, a huge file take minutes. Opened without blocking, then
 * checked on the open file, so what is read is what was checked. */
static gboolean
read_config_text (const char *path, char **contents, gsize *length, GError **error)
{
  g_autoptr(GString) text = NULL;
  struct stat st;
  gssize got;
  int fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC, 0);

  if (fd < 0)
    {
      int saved = errno;

      g_set_error_literal (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                           g_strerror (saved));
      return FALSE;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                           _ ("ce n'est pas un fichier ordinaire"));
      return FALSE;
    }
  text = g_string_sized_new (MIN ((gsize) st.st_size, MAX_CONFIG_BYTES) + 1);
  do
    {
      char buffer[8192];

      got = read (fd, buffer, sizeof buffer);
      if (got > 0)
        g_string_append_len (text, buffer, got);
    }
  while ((got > 0 || (got < 0 && errno == EINTR)) && text->len <= MAX_CONFIG_BYTES);
  close (fd);
  if (text->len > MAX_CONFIG_BYTES)
    {
      g_autofree char *limit = g_format_size (MAX_CONFIG_BYTES);

      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   _ ("fichier trop gros (%s au plus pour un fichier de configuration)"), limit);
      return FALSE;
    }
  if (got < 0)
    {
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_IO, g_strerror (errno));
      return FALSE;
    }
  *length = text->len;
  *contents = g_string_free (g_steal_pointer (&text), FALSE);
  return TRUE;
}

EscaleConfigFile *
escale_config_file_load (const char *path, const char *display_name, GPtrArray *problems,
                         GError **error)
{
  g_autoptr(EscaleConfigFile) self = g_new0 (EscaleConfigFile, 1);
  g_autofree char *contents = NULL;
  g_autoptr(GString) clean = g_string_new (NULL);
  g_auto(GStrv) text_lines = NULL;
  g_autofree char *group = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;

  self->name = g_strdup (display_name ? display_name : path);
  self->lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->key_file = g_key_file_new ();

  if (!read_config_text (path, &contents, &length, error))
    return NULL;

  if (!g_utf8_validate (contents, length, NULL))
    {
      escale_config_problem_add (problems, self->name, 0, NULL,
                                 _ ("le fichier n'est pas en UTF-8 : enregistrez-le à nouveau en "
                                    "UTF-8"));
      return g_steal_pointer (&self);
    }

  /* GKeyFile gets only the lines found valid, each at its own line. */
  text_lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; text_lines[i] != NULL; i++)
    {
      const char *line = g_strstrip (text_lines[i]);
      gboolean keep;

      if (*line == '\0' || *line == '#')
        keep = FALSE;
      else if (*line == '[')
        {
          g_free (group);
          group = scan_group_line (self, line, i + 1, problems);
          keep = group != NULL;
        }
      else
        keep = scan_key_line (self, group, line, i + 1, problems);
      if (keep)
        g_string_append_printf (clean, "%s\n", line);
      else
        g_string_append_c (clean, '\n');
    }

  if (!g_key_file_load_from_data (self->key_file, clean->str, clean->len, G_KEY_FILE_KEEP_COMMENTS,
                                  &local_error))
    {
      /* The scan above should have removed anything GKeyFile refuses. */
      escale_config_problem_add (problems, self->name, 0, NULL, "%s", local_error->message);
      g_key_file_unref (self->key_file);
      self->key_file = g_key_file_new ();
    }

  return g_steal_pointer (&self);
}

const char *
escale_config_file_get_name (EscaleConfigFile *self)
{
  return self->name;
}

GKeyFile *
escale_config_file_get_key_file (EscaleConfigFile *self)
{
  return self->key_file;
}

/* The line of @key in @group, or of the group header when @key is NULL; 0 if unknown. */
guint
escale_config_file_get_line (EscaleConfigFile *self, const char *group, const char *key)
{
  g_autofree char *lk = line_key (group, key);

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->lines, lk));
}

void
escale_config_file_problem (EscaleConfigFile *self, GPtrArray *problems, const char *group,
                            const char *key, const char *format, ...)
{
  va_list args;
  guint line = escale_config_file_get_line (self, group, key);

  if (line == 0 && key != NULL)
    line = escale_config_file_get_line (self, group, NULL);
  va_start (args, format);
  problem_addv (problems, self->name, line, key, format, args);
  va_end (args);
}

static gboolean
pattern_matches (const char *pattern, const char *name, char wildcard_sep)
{
  gsize len = strlen (pattern);

  if (len >= 2 && pattern[len - 1] == '*' && pattern[len - 2] == wildcard_sep)
    {
      const char *rest;

      if (strncmp (pattern, name, len - 1) != 0)
        return FALSE;
      rest = name + len - 1;
      if (*rest == '\0')
        return FALSE;
      for (; *rest; rest++)
        if (!g_ascii_isdigit (*rest))
          return FALSE;
      return TRUE;
    }
  return g_str_equal (pattern, name);
}

static const EscaleKeySpec *
find_spec (const EscaleKeySpec *const *spec_lists, const char *group, const char *key,
           gboolean *group_known)
{
  *group_known = FALSE;
  for (guint l = 0; spec_lists[l] != NULL; l++)
    for (const EscaleKeySpec *spec = spec_lists[l]; spec->group != NULL; spec++)
      {
        if (!pattern_matches (spec->group, group, ' '))
          continue;
        *group_known = TRUE;
        if (key != NULL && pattern_matches (spec->key, key, '-'))
          return spec;
      }
  return NULL;
}

static gboolean
check_int (EscaleConfigFile *self, const EscaleKeySpec *spec, const char *group, const char *key,
           char *value, GPtrArray *problems)
{
  char *end = NULL;
  gint64 number = value ? g_ascii_strtoll (g_strstrip (value), &end, 10) : 0;
  g_autofree char *digits = NULL;

  if (value == NULL || end == value || *end != '\0')
    {
      escale_config_file_problem (self, problems, group, key,
                                  _ ("« %s » n'est pas un nombre entier"), value ? value : "");
      return FALSE;
    }
  if (number >= spec->min && number <= spec->max)
    return TRUE;
  digits = g_strdup_printf ("%" G_GINT64_FORMAT, number);
  escale_config_file_problem (self, problems, group, key, _ ("%s est hors limites (de %d à %d)"),
                              digits, spec->min, spec->max);
  return FALSE;
}

static gboolean
check_id (EscaleConfigFile *self, const char *group, const char *key, const char *value,
          GPtrArray *problems)
{
  if (value == NULL || *value == '\0' || strlen (value) > 40)
    {
      escale_config_file_problem (self, problems, group, key,
                                  _ ("doit faire de 1 à 40 caractères"));
      return FALSE;
    }
  for (const char *p = value; *p; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-'))
      {
        escale_config_file_problem (self, problems, group, key,
                                    _ ("« %s » ne peut contenir que a-z, 0-9 et -"), value);
        return FALSE;
      }
  return TRUE;
}

static gboolean
check_url (EscaleConfigFile *self, const char *group, const char *key, const char *value,
           GPtrArray *problems)
{
  g_autoptr(GUri) uri = value ? g_uri_parse (value, G_URI_FLAGS_NONE, NULL) : NULL;

  if (uri != NULL && g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0' &&
      (g_str_equal (g_uri_get_scheme (uri), "https") ||
       g_str_equal (g_uri_get_scheme (uri), "http")))
    return TRUE;
  escale_config_file_problem (self, problems, group, key,
                              _ ("« %s » n'est pas une adresse web commençant "
                                 "par https://"),
                              value ? value : "");
  return FALSE;
}

static gboolean
check_path (EscaleConfigFile *self, const char *group, const char *key, const char *value,
            const char *base_dir, GPtrArray *problems)
{
  g_autofree char *full = NULL;

  if (value == NULL || *value == '\0' || g_path_is_absolute (value) ||
      strstr (value, "..") != NULL)
    {
      escale_config_file_problem (self, problems, group, key,
                                  _ ("« %s » doit être un chemin dans le dossier de "
                                     "configuration"),
                                  value ? value : "");
      return FALSE;
    }
  full = g_build_filename (base_dir, value, NULL);
  if (g_file_test (full, G_FILE_TEST_EXISTS))
    return TRUE;
  escale_config_file_problem (self, problems, group, key,
                              _ ("« %s » n'existe pas dans le dossier de configuration"), value);
  return FALSE;
}

static gboolean
check_value (EscaleConfigFile *self, const EscaleKeySpec *spec, const char *group, const char *key,
             const char *base_dir, GPtrArray *problems)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = g_key_file_get_string (self->key_file, group, key, NULL);

  switch (spec->type)
    {
    case ESCALE_KEY_STRING:
      if (spec->required && (value == NULL || *g_strstrip (value) == '\0'))
        {
          escale_config_file_problem (self, problems, group, key, _ ("ne doit pas être vide"));
          return FALSE;
        }
      return TRUE;
    case ESCALE_KEY_INT:
      return check_int (self, spec, group, key, value, problems);
    case ESCALE_KEY_BOOL:
      g_key_file_get_boolean (self->key_file, group, key, &error);
      if (error != NULL)
        {
          escale_config_file_problem (self, problems, group, key,
                                      _ ("« %s » doit valoir true ou false"), value ? value : "");
          return FALSE;
        }
      return TRUE;
    case ESCALE_KEY_ID:
      return check_id (self, group, key, value, problems);
    case ESCALE_KEY_URL:
      return check_url (self, group, key, value, problems);
    case ESCALE_KEY_PATH:
      return check_path (self, group, key, value, base_dir, problems);
    default:
      g_assert_not_reached ();
    }
}

/* Checks every group and key against @spec_lists (a NULL-terminated array
 * of spec arrays, each ended by a zeroed entry). Unknown and invalid keys are
 * reported and removed, so later reads fall back to defaults. */
void
escale_config_file_validate (EscaleConfigFile *self, const EscaleKeySpec *const *spec_lists,
                             const char *base_dir, GPtrArray *problems)
{
  g_auto(GStrv) groups = g_key_file_get_groups (self->key_file, NULL);

  for (guint g = 0; groups[g] != NULL; g++)
    {
      g_auto(GStrv) keys = g_key_file_get_keys (self->key_file, groups[g], NULL, NULL);
      gboolean group_known;

      find_spec (spec_lists, groups[g], NULL, &group_known);
      if (!group_known)
        {
          escale_config_file_problem (self, problems, groups[g], NULL,
                                      _ ("groupe [%s] inconnu ; il est ignoré"), groups[g]);
          g_key_file_remove_group (self->key_file, groups[g], NULL);
          continue;
        }

      for (guint k = 0; keys && keys[k] != NULL; k++)
        {
          g_autofree char *base_key = g_strndup (keys[k], strcspn (keys[k], "["));
          const EscaleKeySpec *spec = find_spec (spec_lists, groups[g], base_key, &group_known);

          if (spec == NULL)
            {
              escale_config_file_problem (self, problems, groups[g], keys[k],
                                          _ ("clé inconnue dans [%s] ; elle est ignorée"),
                                          groups[g]);
              g_key_file_remove_key (self->key_file, groups[g], keys[k], NULL);
            }
          else if (!check_value (self, spec, groups[g], keys[k], base_dir, problems))
            g_key_file_remove_key (self->key_file, groups[g], keys[k], NULL);
        }
    }

  /* Required keys, for groups that are present (or [Main]-like groups without '*'). */
  for (guint l = 0; spec_lists[l] != NULL; l++)
    for (const EscaleKeySpec *spec = spec_lists[l]; spec->group != NULL; spec++)
      {
        if (!spec->required || strchr (spec->group, '*') != NULL || strchr (spec->key, '*'))
          continue;
        if (!g_key_file_has_key (self->key_file, spec->group, spec->key, NULL))
          {
            guint line = escale_config_file_get_line (self, spec->group, NULL);

            escale_config_problem_add (problems, self->name, line ? line : 1, spec->key,
                                       _ ("manquante dans [%s]"), spec->group);
          }
      }
}

/* A text value in the person's language when the file has a translation
 * (key[en]=...), stripped; NULL when unset or blank. */
char *
escale_key_file_get_text (GKeyFile *key_file, const char *group, const char *key)
{
  char *value = g_key_file_get_locale_string (key_file, group, key, NULL, NULL);

  if (value != NULL && *g_strstrip (value) == '\0')
    g_clear_pointer (&value, g_free);
  return value;
}

static int
compare_numbered (gconstpointer a, gconstpointer b)
{
  const char *ka = *(const char *const *) a;
  const char *kb = *(const char *const *) b;
  const char *da = strrchr (ka, '-');
  const char *db = strrchr (kb, '-');

  return (int) (g_ascii_strtoll (da + 1, NULL, 10) - g_ascii_strtoll (db + 1, NULL, 10));
}

/* Values of "prefix-1", "prefix-2"... in @group, in numeric order. */
char **
escale_config_file_get_numbered (EscaleConfigFile *self, const char *group, const char *key_prefix)
{
  g_auto(GStrv) keys = g_key_file_get_keys (self->key_file, group, NULL, NULL);
  g_autoptr(GPtrArray) matching = g_ptr_array_new ();
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();
  g_autofree char *pattern = g_strconcat (key_prefix, "-*", NULL);

  for (guint k = 0; keys && keys[k] != NULL; k++)
    if (pattern_matches (pattern, keys[k], '-'))
      g_ptr_array_add (matching, keys[k]);
  g_ptr_array_sort (matching, compare_numbered);

  for (guint i = 0; i < matching->len; i++)
    {
      g_autofree char *value =
        g_key_file_get_locale_string (self->key_file, group, matching->pdata[i], NULL, NULL);

      if (value != NULL && *g_strstrip (value) != '\0')
        g_strv_builder_add (values, value);
    }
  return g_strv_builder_end (values);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* The names of the .ini files of @dir, in the order of their names (how
 * activities, procedures and forms are read), or NULL with @error when the
 * folder cannot be opened. */
GPtrArray *
escale_config_list_ini_names (const char *dir, GError **error)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, error);
  GPtrArray *names;
  const char *name;

  if (folder == NULL)
    return NULL;
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (folder)) != NULL)
    if (g_str_has_suffix (name, ".ini"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  return names;
}
