/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <glib/gi18n.h>

#include "config.h"
#include "escale-application.h"

int
main (int argc, char *argv[])
{
  g_autoptr(EscaleApplication) app = NULL;
  int status;

  setlocale (LC_ALL, "");
  /* ESCALE_LOCALEDIR lets run-demo use the catalogues of an uninstalled build. */
  bindtextdomain (GETTEXT_PACKAGE,
                  g_getenv ("ESCALE_LOCALEDIR") ? g_getenv ("ESCALE_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = escale_application_new ();
  status = g_application_run (G_APPLICATION (app), argc, argv);
  return escale_application_get_exit_status (app, status);
}
