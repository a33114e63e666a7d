/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>

#include "escale-help-topic.h"

static const char *const words[ESCALE_HELP_N_STATES] = {
  [ESCALE_HELP_IDLE] = "idle",     [ESCALE_HELP_ASKED] = "asked", [ESCALE_HELP_SEEN] = "seen",
  [ESCALE_HELP_COMING] = "coming", [ESCALE_HELP_DONE] = "done",   [ESCALE_HELP_LEFT] = "left",
};

const char *
escale_help_state_to_word (EscaleHelpState state)
{
  g_return_val_if_fail (state < ESCALE_HELP_N_STATES, "idle");
  return words[state];
}

gboolean
escale_help_state_from_word (const char *word, EscaleHelpState *state)
{
  for (guint i = 0; i < ESCALE_HELP_N_STATES; i++)
    if (g_strcmp0 (word, words[i]) == 0)
      {
        *state = i;
        return TRUE;
      }
  return FALSE;
}

/* A request someone still has to answer. */
gboolean
escale_help_state_is_open (EscaleHelpState state)
{
  return state == ESCALE_HELP_ASKED || state == ESCALE_HELP_SEEN || state == ESCALE_HELP_COMING;
}

/* "asked 1767000000": the state word, then when it began (seconds since
 * 1970) so that a board started later still says "depuis 2 min". A phone
 * may publish the word alone. */
char *
escale_help_payload (EscaleHelpState state, gint64 since_unix)
{
  return g_strdup_printf ("%s %" G_GINT64_FORMAT, escale_help_state_to_word (state), since_unix);
}

gboolean
escale_help_parse_payload (const char *payload, gsize length, EscaleHelpState *state,
                           gint64 *since_unix)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) parts = NULL;
  char *end = NULL;

  if (payload == NULL || length == 0 || length > 64 || memchr (payload, '\0', length) != NULL)
    return FALSE;
  text = g_strndup (payload, length);
  parts = g_strsplit (g_strstrip (text), " ", 3);
  if (!escale_help_state_from_word (parts[0], state) || (parts[1] != NULL && parts[2] != NULL))
    return FALSE;
  *since_unix = 0;
  if (parts[1] != NULL)
    {
      gint64 value = g_ascii_strtoll (parts[1], &end, 10);

      if (end == parts[1] || *end != '\0' || value < 0)
        return FALSE;
      *since_unix = value;
    }
  return TRUE;
}

char *
escale_help_workshop_payload (const EscaleHelpWorkshop *workshop)
{
  return g_strdup_printf ("%s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %s %s", workshop->uid,
                          workshop->start, workshop->end, workshop->theme, workshop->level);
}

static gboolean
is_word (const char *text, const char *allowed, gsize max)
{
  gsize length = strlen (text);

  return length > 0 && length < max && strspn (text, allowed) == length;
}

/* A new workshop (a fresh uid) from @start (Unix seconds) for @minutes. */
void
escale_help_workshop_init (EscaleHelpWorkshop *workshop, const char *theme, const char *level,
                           gint64 start, guint minutes)
{
  g_autofree char *uid = g_uuid_string_random ();

  memset (workshop, 0, sizeof *workshop);
  /* 32 hexadecimal digits: the store's [0-9a-z]{1,32}. */
  for (guint i = 0, n = 0; uid[i] != '\0' && n + 1 < sizeof workshop->uid; i++)
    if (uid[i] != '-')
      workshop->uid[n++] = uid[i];
  workshop->start = start;
  workshop->end = start + (gint64) minutes * 60;
  g_strlcpy (workshop->theme, theme, sizeof workshop->theme);
  g_strlcpy (workshop->level, level, sizeof workshop->level);
}

/* FALSE for an empty payload (no workshop) and for anything malformed. */
gboolean
escale_help_workshop_parse (const char *payload, gsize length, EscaleHelpWorkshop *workshop)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) parts = NULL;
  char *end_start = NULL;
  char *end_end = NULL;

  if (payload == NULL || length == 0 || length > 200 || memchr (payload, '\0', length) != NULL)
    return FALSE;
  text = g_strndup (payload, length);
  parts = g_strsplit (g_strstrip (text), " ", 0);
  if (g_strv_length (parts) != 5 ||
      !is_word (parts[0], "0123456789abcdefghijklmnopqrstuvwxyz", sizeof workshop->uid) ||
      !is_word (parts[3], "abcdefghijklmnopqrstuvwxyz0123456789_", sizeof workshop->theme) ||
      !(g_str_equal (parts[4], "debutant") || g_str_equal (parts[4], "intermediaire") ||
        g_str_equal (parts[4], "avance")))
    return FALSE;
  workshop->start = g_ascii_strtoll (parts[1], &end_start, 10);
  workshop->end = g_ascii_strtoll (parts[2], &end_end, 10);
  if (*end_start != '\0' || *end_end != '\0' || workshop->start <= 0 ||
      workshop->end < workshop->start)
    return FALSE;
  g_strlcpy (workshop->uid, parts[0], sizeof workshop->uid);
  g_strlcpy (workshop->theme, parts[3], sizeof workshop->theme);
  g_strlcpy (workshop->level, parts[4], sizeof workshop->level);
  return TRUE;
}

char *
escale_help_topic_kiosk (const char *site, const char *kiosk, const char *leaf)
{
  return g_strdup_printf ("escale/%s/kiosks/%s/%s", site, kiosk, leaf);
}

char *
escale_help_topic_workshop (const char *site)
{
  return g_strdup_printf ("escale/%s/workshop", site);
}

/* What a board subscribes to: every leaf of every kiosk of the site. */
char *
escale_help_topic_all_kiosks (const char *site)
{
  return g_strdup_printf ("escale/%s/kiosks/+/+", site);
}

/* The kiosk a topic of the site speaks of, and its leaf; NULL for others. */
char *
escale_help_topic_kiosk_of (const char *site, const char *topic, const char **leaf)
{
  g_autofree char *prefix = g_strdup_printf ("escale/%s/kiosks/", site);
  const char *rest;
  const char *slash;

  if (!g_str_has_prefix (topic, prefix))
    return NULL;
  rest = topic + strlen (prefix);
  slash = strchr (rest, '/');
  if (slash == NULL || slash == rest || strchr (slash + 1, '/') != NULL)
    return NULL;
  *leaf = slash + 1;
  return g_strndup (rest, slash - rest);
}
