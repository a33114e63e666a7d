/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-config"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "escale-print-keys.h"

/* A CUPS queue name has no spaces, slashes or '#' (lpadmin's own rule). */
static gboolean
is_queue_name (const char *printer)
{
  for (const char *c = printer; *c != '\0'; c++)
    if (g_ascii_isspace (*c) || *c == '/' || *c == '#' || g_ascii_iscntrl (*c))
      return FALSE;
  return TRUE;
}

/* print=, true unless the centre switched printing off. */
gboolean
escale_print_keys_get_print (EscaleActivity *activity, const char *group)
{
  g_autofree char *print = escale_activity_get_string (activity, group, "print");

  return g_strcmp0 (print, "false") != 0 && g_strcmp0 (print, "0") != 0;
}

/* max-prints=, pages one visit may print, 0 to 50; @fallback when absent. */
guint
escale_print_keys_get_max_prints (EscaleActivity *activity, const char *group, guint fallback)
{
  g_autofree char *max = escale_activity_get_string (activity, group, "max-prints");

  if (max == NULL)
    return fallback;
  return (guint) CLAMP (g_ascii_strtoll (max, NULL, 10), 0, 50);
}

/* Returns: (nullable): printer=, or NULL for CUPS's default; a name the
 * check refused is NULL too. */
char *
escale_print_keys_get_printer (EscaleActivity *activity, const char *group)
{
  g_autofree char *printer = escale_activity_get_string (activity, group, "printer");

  if (printer == NULL || !is_queue_name (printer))
    return NULL;
  return g_steal_pointer (&printer);
}

/* A typo in printer= is told at once rather than at the first print. */
void
escale_print_keys_check (EscaleActivity *activity, const char *group, EscaleConfigFile *file,
                         GPtrArray *problems)
{
  g_autofree char *printer = escale_activity_get_string (activity, group, "printer");

  if (printer == NULL || is_queue_name (printer))
    return;
  escale_config_file_problem (file, problems, group, "printer",
                              _ ("« %s » n'est pas un nom d'imprimante CUPS (sans espace, "
                                 "« / » ni « # ») : lpstat -p donne les noms ; "
                                 "l'imprimante par défaut est utilisée"),
                              printer);
}
