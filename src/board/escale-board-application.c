/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-board"

#include <glib/gi18n.h>

#include "config.h"
#include "escale-board-application.h"
#include "escale-board-window.h"
#include "escale-help-site.h"

/* escale-board: the conseiller's window on the site's kiosks. Reads one
 * file, escale-board.ini, with a [Help] group like the kiosks' (broker,
 * port, site, credentials of a helper's account, ca-file). */
struct _EscaleBoardApplication
{
  GtkApplication parent_instance;

  char *config_path;
  EscaleHelpSite *site;
};

G_DEFINE_FINAL_TYPE (EscaleBoardApplication, escale_board_application, GTK_TYPE_APPLICATION)

static int
escale_board_application_handle_local_options (GApplication *app, GVariantDict *options)
{
  EscaleBoardApplication *self = ESCALE_BOARD_APPLICATION (app);
  const char *path = NULL;

  if (g_variant_dict_lookup (options, "config", "^&ay", &path))
    self->config_path = g_canonicalize_filename (path, NULL);
  else
    self->config_path = g_build_filename (CONFIGDIR, "escale-board.ini", NULL);
  return -1;
}

static void
escale_board_application_startup (GApplication *app)
{
  EscaleBoardApplication *self = ESCALE_BOARD_APPLICATION (app);
  g_autoptr(GPtrArray) problems =
               g_ptr_array_new_with_free_func ((GDestroyNotify) escale_config_problem_free);
  g_autoptr(EscaleHelpSettings) settings = NULL;
  g_autofree char *client_id = NULL;

  G_APPLICATION_CLASS (escale_board_application_parent_class)->startup (app);
  settings = escale_help_settings_load_file (self->config_path, problems);
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = escale_config_problem_to_string (problems->pdata[i]);

      g_printerr ("%s\n", line);
    }
  client_id = g_strdup_printf ("escale-board-%s-%d", g_get_host_name (), (int) getpid ());
  self->site = escale_help_site_new (settings, client_id);
}

static void
escale_board_application_activate (GApplication *app)
{
  EscaleBoardApplication *self = ESCALE_BOARD_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (escale_board_window_new (GTK_APPLICATION (app), self->site));
  gtk_window_present (window);
}

static void
escale_board_application_finalize (GObject *object)
{
  EscaleBoardApplication *self = ESCALE_BOARD_APPLICATION (object);

  g_clear_object (&self->site);
  g_free (self->config_path);
  G_OBJECT_CLASS (escale_board_application_parent_class)->finalize (object);
}

static void
escale_board_application_class_init (EscaleBoardApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = escale_board_application_finalize;
  app_class->handle_local_options = escale_board_application_handle_local_options;
  app_class->startup = escale_board_application_startup;
  app_class->activate = escale_board_application_activate;
}

static void
escale_board_application_init (EscaleBoardApplication *self)
{
  static const GOptionEntry entries[] = {
    { "config", 'c', 0, G_OPTION_ARG_FILENAME, NULL,
      N_ ("Lire le fichier de réglages FICHIER (escale-board.ini)"), N_ ("FICHIER") },
    { NULL },
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

EscaleBoardApplication *
escale_board_application_new (void)
{
  return g_object_new (ESCALE_TYPE_BOARD_APPLICATION, "application-id", "fr.escale.Board", "flags",
                       G_APPLICATION_NON_UNIQUE, NULL);
}
