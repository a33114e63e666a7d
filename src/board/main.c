/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <glib/gi18n.h>

#include "config.h"
#include "escale-board-application.h"

int
main (int argc, char *argv[])
{
  g_autoptr(EscaleBoardApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE,
                  g_getenv ("ESCALE_LOCALEDIR") ? g_getenv ("ESCALE_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = escale_board_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
