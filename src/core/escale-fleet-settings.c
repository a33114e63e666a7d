/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-fleet"

#include <sys/stat.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "escale-fleet-settings.h"

const EscaleKeySpec escale_fleet_keys[] = {
  { "Fleet", "connection", ESCALE_KEY_PATH },
  { "Fleet", "site", ESCALE_KEY_ID },
  { "Fleet", "kiosk", ESCALE_KEY_ID },
  { "Fleet", "hour-threshold", ESCALE_KEY_INT, 1, 1000 },
  { "Fleet", "territory", ESCALE_KEY_PATH },
  { NULL },
};

static char *
get_text (GKeyFile *key_file, const char *key)
{
  g_autofree char *value = g_key_file_get_string (key_file, "Fleet", key, NULL);

  if (value == NULL || *g_strstrip (value) == '\0')
    return NULL;
  return g_steal_pointer (&value);
}

/* The connection string holds a password: a file that others than its
 * owner (the kiosk account) can read is refused, like ssh refuses a key.
 * @key's file, @path; @what says what is lost without it. */
static gboolean
check_connection_file (const char *path, EscaleConfigFile *file, const char *key, const char *what,
                       GPtrArray *problems)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      /* TRANSLATORS: a file, then what does not happen without it */
      escale_config_file_problem (file, problems, "Fleet", key, _ ("« %s » est introuvable ; %s"),
                                  path, what);
      return FALSE;
    }
  if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0)
    {
      escale_config_file_problem (file, problems, "Fleet", key,
                                  _ ("« %s » est lisible par d'autres comptes que son "
                                     "propriétaire : faites chmod 600 ; %s"),
                                  path, what);
      return FALSE;
    }
  return TRUE;
}

/* territory=: a reading role's connection for the dashboard's "Tout le
 * territoire" (the coordinating centre's kiosk); needs no site nor kiosk. */
static void
load_territory (EscaleFleetSettings *self, GKeyFile *key_file, EscaleConfigFile *file,
                const char *config_dir, GPtrArray *problems)
{
  g_autofree char *territory = get_text (key_file, "territory");

  if (territory == NULL)
    return;
  self->territory = g_build_filename (config_dir, territory, NULL);
  if (!check_connection_file (self->territory, file, "territory",
                              _ ("le tableau de bord n'affichera pas le territoire"), problems))
    g_clear_pointer (&self->territory, g_free);
}

/* Reads [Fleet] once escale_config_file_validate () dropped what was
 * invalid. A connection needs a site and a kiosk id: without them, or with
 * a connection file others can read, that is a problem and nothing is
 * sent (connection is left NULL). */
EscaleFleetSettings *
escale_fleet_settings_load (EscaleConfigFile *file, const char *config_dir, GPtrArray *problems)
{
  GKeyFile *key_file = escale_config_file_get_key_file (file);
  g_autoptr(EscaleFleetSettings) self = g_new0 (EscaleFleetSettings, 1);
  g_autofree char *connection = get_text (key_file, "connection");

  self->site = get_text (key_file, "site");
  self->kiosk = get_text (key_file, "kiosk");
  self->hour_threshold = g_key_file_get_integer (key_file, "Fleet", "hour-threshold", NULL);
  if (self->hour_threshold <= 0)
    self->hour_threshold = ESCALE_FLEET_DEFAULT_HOUR_THRESHOLD;
  load_territory (self, key_file, file, config_dir, problems);
  if (connection == NULL)
    return g_steal_pointer (&self);

  self->connection = g_build_filename (config_dir, connection, NULL);
  for (guint i = 0; i < 2; i++)
    {
      const char *key = i == 0 ? "site" : "kiosk";

      if ((i == 0 ? self->site : self->kiosk) == NULL)
        {
          escale_config_file_problem (file, problems, "Fleet", "connection",
                                      _ ("il faut aussi %s= ; les chiffres ne partiront pas"),
                                      key);
          g_clear_pointer (&self->connection, g_free);
          return g_steal_pointer (&self);
        }
    }
  if (!check_connection_file (self->connection, file, "connection",
                              _ ("les chiffres ne partiront pas"), problems))
    g_clear_pointer (&self->connection, g_free);
  return g_steal_pointer (&self);
}

/* escale.ini of @config_dir, [Fleet] only (the kiosk's own loading checks
 * every group), for escale-stats push. Never NULL: an unreadable file is
 * a problem. */
EscaleFleetSettings *
escale_fleet_settings_load_dir (const char *config_dir, GPtrArray *problems)
{
  g_autofree char *path = g_build_filename (config_dir, "escale.ini", NULL);
  g_autoptr(GError) error = NULL;
  EscaleConfigFile *file = escale_config_file_load (path, "escale.ini", problems, &error);
  EscaleFleetSettings *self;

  if (file == NULL)
    {
      escale_config_problem_add (problems, "escale.ini", 0, NULL, _ ("illisible (%s)"),
                                 error->message);
      self = g_new0 (EscaleFleetSettings, 1);
      self->hour_threshold = ESCALE_FLEET_DEFAULT_HOUR_THRESHOLD;
      return self;
    }
  {
    /* Checked like the kiosk does, for [Fleet] only (the others are not
     * ours to judge here). */
    const EscaleKeySpec *spec_lists[] = { escale_fleet_keys, NULL };
    GKeyFile *key_file = escale_config_file_get_key_file (file);
    g_auto (GStrv) groups = g_key_file_get_groups (key_file, NULL);

    for (guint i = 0; groups[i] != NULL; i++)
      if (!g_str_equal (groups[i], "Fleet"))
        g_key_file_remove_group (key_file, groups[i], NULL);
    escale_config_file_validate (file, spec_lists, config_dir, problems);
  }
  self = escale_fleet_settings_load (file, config_dir, problems);
  escale_config_file_free (file);
  return self;
}

/* The libpq connection string in @path, one line (comments with '#'
 * skipped). */
static char *
read_connection_file (const char *path, GError **error)
{
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;

  if (!g_file_get_contents (path, &contents, NULL, error))
    return NULL;
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (*line != '\0' && *line != '#')
        return g_strdup (line);
    }
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, _ ("%s est vide"), path);
  return NULL;
}

/* The kiosk's own connection string (connection=). */
char *
escale_fleet_settings_read_connection (const EscaleFleetSettings *self, GError **error)
{
  if (self->connection == NULL)
    {
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                           _ ("aucun serveur configuré ([Fleet] connection=)"));
      return NULL;
    }
  return read_connection_file (self->connection, error);
}

/* The reading role's connection string (territory=). */
char *
escale_fleet_settings_read_territory (const EscaleFleetSettings *self, GError **error)
{
  if (self->territory == NULL)
    {
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                           _ ("aucun accès au territoire configuré ([Fleet] territory=)"));
      return NULL;
    }
  return read_connection_file (self->territory, error);
}

void
escale_fleet_settings_free (EscaleFleetSettings *self)
{
  if (self == NULL)
    return;
  g_free (self->connection);
  g_free (self->site);
  g_free (self->kiosk);
  g_free (self->territory);
  g_free (self);
}
