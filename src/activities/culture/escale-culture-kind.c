/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>

#include "escale-culture-kind.h"

/* kind=culture: the centre's offline collection ([Culture] collection=, a
 * folder described in kiosk-config/culture/README.md) and a few cultural
 * sites it chose ([Site N], the only addresses the locked web view opens).
 * GLib only: this is what escale --check-config reads. */

static const EscaleKeySpec culture_keys[] = {
  { "Culture", "collection", ESCALE_KEY_PATH },
  { "Site *", "title", ESCALE_KEY_STRING, 0, 0, TRUE },
  { "Site *", "url", ESCALE_KEY_URL, 0, 0, TRUE },
  { "Site *", "description", ESCALE_KEY_STRING },
  /* Strict third-party mode (HACKING.md, "Bounds of a page"). */
  { "Site *", "strict", ESCALE_KEY_BOOL },
  { "Site *", "also-allow", ESCALE_KEY_STRING },
  { "Entry *", "title", ESCALE_KEY_STRING, 0, 0, TRUE },
  { "Entry *", "line-*", ESCALE_KEY_STRING },
  { NULL },
};

/* A number only: never the address of what was blocked. */
static const EscaleCounterSpec culture_counters[] = {
  { ESCALE_CULTURE_BLOCKED_COUNTER, N_ ("Contenus tiers bloqués") },
  { NULL },
};

/* [Site N] also-allow=: origins (https://cdn.example.org) separated by
 * spaces, each a web address; only of use with strict=true. */
static void
check_site (EscaleActivity *activity, EscaleConfigFile *file, const char *group,
            GPtrArray *problems)
{
  g_autofree char *also = escale_activity_get_string (activity, group, "also-allow");
  g_auto(GStrv) words = NULL;

  if (also == NULL)
    return;
  if (!escale_culture_kind_get_strict (activity, group))
    escale_config_file_problem (file, problems, group, "also-allow",
                                _ ("n'a d'effet qu'avec strict=true dans le même groupe"));
  words = g_strsplit_set (also, " \t", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autoptr(GUri) uri = g_uri_parse (words[i], G_URI_FLAGS_NONE, NULL);
      const char *scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;

      if (*words[i] == '\0')
        continue;
      if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0' ||
          g_uri_get_userinfo (uri) != NULL ||
          (g_strcmp0 (scheme, "https") != 0 && g_strcmp0 (scheme, "http") != 0))
        escale_config_file_problem (file, problems, group, "also-allow",
                                    _ ("« %s » n'est pas une origine web (https://site, "
                                       "séparées par des espaces) ; elle est ignorée"),
                                    words[i]);
    }
}

/* [Site N] strict=true: the site's pages may load nothing from other
 * origins than the activity's sites and its also-allow= origins. */
gboolean
escale_culture_kind_get_strict (EscaleActivity *activity, const char *group)
{
  g_autofree char *strict = escale_activity_get_string (activity, group, "strict");

  return g_strcmp0 (strict, "true") == 0 || g_strcmp0 (strict, "1") == 0;
}

static void
check_culture (EscaleActivity *activity, EscaleConfigFile *file, GPtrArray *problems)
{
  g_auto(GStrv) groups = escale_activity_get_groups (activity, "Site");

  for (guint i = 0; groups[i] != NULL; i++)
    check_site (activity, file, groups[i], problems);
}

const EscaleActivityKind escale_culture_kind = {
  .name = "culture",
  .keys = culture_keys,
  .counters = culture_counters,
  .check = check_culture,
  .view_type = escale_culture_kind_view_type,
};
