/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-help"

#include <glib/gi18n-lib.h>

#include "escale-help-settings.h"

const EscaleKeySpec escale_help_keys[] = {
  { "Help", "broker", ESCALE_KEY_STRING },
  { "Help", "port", ESCALE_KEY_INT, 1, 65535 },
  { "Help", "site", ESCALE_KEY_ID },
  { "Help", "kiosk", ESCALE_KEY_ID },
  { "Help", "kiosk-label", ESCALE_KEY_STRING },
  { "Help", "credentials", ESCALE_KEY_PATH },
  { "Help", "ca-file", ESCALE_KEY_PATH },
  { "Help", "workshop-idle-delay", ESCALE_KEY_INT, 300, 14400 },
  { NULL },
};

static char *
get_text (GKeyFile *key_file, const char *key)
{
  g_autofree char *value = g_key_file_get_string (key_file, "Help", key, NULL);

  if (value == NULL || *g_strstrip (value) == '\0')
    return NULL;
  return g_steal_pointer (&value);
}

static char *
get_path (GKeyFile *key_file, const char *config_dir, const char *key)
{
  g_autofree char *value = get_text (key_file, key);

  return value != NULL ? g_build_filename (config_dir, value, NULL) : NULL;
}

/* Reads [Help] once escale_config_file_validate() dropped what was invalid.
 * A broker needs a site: without it that is a problem, and the kiosk runs
 * as if no broker were configured (people raise a hand). kiosk= is for
 * kiosks only (escale-board has none): a kiosk without it sends nothing. */
EscaleHelpSettings *
escale_help_settings_load (EscaleConfigFile *file, const char *config_dir, GPtrArray *problems)
{
  GKeyFile *key_file = escale_config_file_get_key_file (file);
  g_autoptr(EscaleHelpSettings) self = g_new0 (EscaleHelpSettings, 1);

  self->broker = get_text (key_file, "broker");
  self->site = get_text (key_file, "site");
  self->kiosk = get_text (key_file, "kiosk");
  self->kiosk_label = get_text (key_file, "kiosk-label");
  self->credentials = get_path (key_file, config_dir, "credentials");
  self->ca_file = get_path (key_file, config_dir, "ca-file");
  self->port = g_key_file_get_integer (key_file, "Help", "port", NULL);
  if (self->port == 0)
    self->port = self->ca_file != NULL ? 8883 : 1883;
  self->workshop_delay = g_key_file_get_integer (key_file, "Help", "workshop-idle-delay", NULL);
  if (self->workshop_delay == 0)
    self->workshop_delay = ESCALE_DEFAULT_WORKSHOP_IDLE_DELAY;
  if (self->kiosk_label == NULL && self->kiosk != NULL)
    self->kiosk_label = g_strdup (self->kiosk);

  if (self->broker != NULL && self->site == NULL)
    {
      escale_config_file_problem (file, problems, "Help", "broker",
                                  _ ("il faut aussi site= ; les demandes d'aide ne partiront "
                                     "pas"));
      g_clear_pointer (&self->broker, g_free);
    }
  return g_steal_pointer (&self);
}

/* escale-board's own file: a [Help] group alone, paths relative to it.
 * Never NULL: an unreadable file is a problem and no broker. */
EscaleHelpSettings *
escale_help_settings_load_file (const char *path, GPtrArray *problems)
{
  const EscaleKeySpec *spec_lists[] = { escale_help_keys, NULL };
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr(GError) error = NULL;
  EscaleConfigFile *file = escale_config_file_load (path, name, problems, &error);
  EscaleHelpSettings *self;

  if (file == NULL)
    {
      escale_config_problem_add (problems, name, 0, NULL, _ ("illisible (%s)"), error->message);
      self = g_new0 (EscaleHelpSettings, 1);
      self->workshop_delay = ESCALE_DEFAULT_WORKSHOP_IDLE_DELAY;
      return self;
    }
  escale_config_file_validate (file, spec_lists, dir, problems);
  self = escale_help_settings_load (file, dir, problems);
  escale_config_file_free (file);
  return self;
}

EscaleHelpSettings *
escale_help_settings_copy (const EscaleHelpSettings *self)
{
  EscaleHelpSettings *copy = g_new0 (EscaleHelpSettings, 1);

  copy->broker = g_strdup (self->broker);
  copy->port = self->port;
  copy->site = g_strdup (self->site);
  copy->kiosk = g_strdup (self->kiosk);
  copy->kiosk_label = g_strdup (self->kiosk_label);
  copy->credentials = g_strdup (self->credentials);
  copy->ca_file = g_strdup (self->ca_file);
  copy->workshop_delay = self->workshop_delay;
  return copy;
}

void
escale_help_settings_free (EscaleHelpSettings *self)
{
  if (self == NULL)
    return;
  g_free (self->broker);
  g_free (self->site);
  g_free (self->kiosk);
  g_free (self->kiosk_label);
  g_free (self->credentials);
  g_free (self->ca_file);
  g_free (self);
}

/* The credentials file holds one line "user:password" (the kiosk's own
 * account on the broker). No credentials file: anonymous, @user NULL. */
gboolean
escale_help_settings_read_credentials (const EscaleHelpSettings *self, char **user,
                                       char **password, GError **error)
{
  g_autofree char *contents = NULL;
  char *colon;

  *user = NULL;
  *password = NULL;
  if (self->credentials == NULL)
    return TRUE;
  if (!g_file_get_contents (self->credentials, &contents, NULL, error))
    return FALSE;
  g_strchomp (contents);
  colon = strchr (contents, ':');
  if (colon == NULL || colon == contents || strchr (contents, '\n') != NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _ ("%s : une seule ligne « utilisateur:mot de passe » est attendue"),
                   self->credentials);
      return FALSE;
    }
  *colon = '\0';
  *user = g_strdup (contents);
  *password = g_strdup (colon + 1);
  return TRUE;
}
