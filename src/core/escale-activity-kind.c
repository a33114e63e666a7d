/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-config"

#include <glib/gi18n-lib.h>

#include "escale-activity-kind.h"

/* Returns: (nullable): the kind called @name among the NULL-terminated @kinds. */
const EscaleActivityKind *
escale_activity_kinds_find (const EscaleActivityKind *const *kinds, const char *name)
{
  g_return_val_if_fail (kinds != NULL, NULL);

  for (guint i = 0; name != NULL && kinds[i] != NULL; i++)
    if (g_str_equal (kinds[i]->name, name))
      return kinds[i];
  return NULL;
}

/* The kinds' names for a message: "call, culture ou info". */
char *
escale_activity_kinds_list_names (const EscaleActivityKind *const *kinds)
{
  g_autoptr(GString) first = g_string_new (NULL);
  guint n = 0;

  g_return_val_if_fail (kinds != NULL && kinds[0] != NULL, NULL);

  while (kinds[n + 1] != NULL)
    {
      g_string_append_printf (first, "%s%s", n > 0 ? ", " : "", kinds[n]->name);
      n++;
    }
  if (n == 0)
    return g_strdup (kinds[0]->name);
  /* TRANSLATORS: the last two of a list of activity kinds, "call, culture ou info" */
  return g_strdup_printf (_ ("%s ou %s"), first->str, kinds[n]->name);
}

/* Returns: (nullable): the counter @name that @kind declares. */
const EscaleCounterSpec *
escale_activity_kind_find_counter (const EscaleActivityKind *kind, const char *name)
{
  g_return_val_if_fail (kind != NULL, NULL);

  for (guint i = 0; name != NULL && kind->counters != NULL && kind->counters[i].name != NULL; i++)
    if (g_str_equal (kind->counters[i].name, name))
      return &kind->counters[i];
  return NULL;
}
