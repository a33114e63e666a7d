/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The topic layout, the one place it is written (README "Appeler un aidant"
 * documents it for phone MQTT apps):
 *
 *   escale/SITE/kiosks/KIOSK/state   retained: "STATE [UNIX-TIME]"
 *   escale/SITE/kiosks/KIOSK/name    retained: what helpers read ("Poste 3")
 *   escale/SITE/kiosks/KIOSK/online  retained: "1", or "0" (the will)
 *   escale/SITE/kiosks/KIOSK/workshop retained: a workshop started at that
 *                                    kiosk alone (same payload), or ""
 *   escale/SITE/workshop             retained: the workshop running, or ""
 *
 * A kiosk writes its own topics only (the broker's ACL says so);
 * helpers (escale-board, a phone) write the state topics and the workshop. */
typedef enum
{
  ESCALE_HELP_IDLE,   /* "idle": nobody asked */
  ESCALE_HELP_ASKED,  /* "asked": the person pressed "Appeler un aidant" */
  ESCALE_HELP_SEEN,   /* "seen": a helper read it */
  ESCALE_HELP_COMING, /* "coming": a helper is on the way ("J'arrive") */
  ESCALE_HELP_DONE,   /* "done": the helper came ("Fait") */
  ESCALE_HELP_LEFT,   /* "left": the visit ended with the request open */
} EscaleHelpState;

#define ESCALE_HELP_N_STATES 6

const char *escale_help_state_to_word (EscaleHelpState state);
gboolean escale_help_state_from_word (const char *word, EscaleHelpState *state);
gboolean escale_help_state_is_open (EscaleHelpState state);

char *escale_help_payload (EscaleHelpState state, gint64 since_unix);
gboolean escale_help_parse_payload (const char *payload, gsize length, EscaleHelpState *state,
                                    gint64 *since_unix);

/* A workshop on the site's kiosks, as helpers start it from the board:
 * payload "UID START END THEME LEVEL" (times in Unix seconds, THEME a La
 * Coop thematique slug, LEVEL debutant|intermediaire|avance); an empty
 * payload: no workshop. */
typedef struct
{
  char uid[33];
  gint64 start;
  gint64 end; /* planned */
  char theme[64];
  char level[16];
} EscaleHelpWorkshop;

void escale_help_workshop_init (EscaleHelpWorkshop *workshop, const char *theme, const char *level,
                                gint64 start, guint minutes);
char *escale_help_workshop_payload (const EscaleHelpWorkshop *workshop);
gboolean escale_help_workshop_parse (const char *payload, gsize length,
                                     EscaleHelpWorkshop *workshop);

char *escale_help_topic_kiosk (const char *site, const char *kiosk, const char *leaf);
char *escale_help_topic_workshop (const char *site);
char *escale_help_topic_all_kiosks (const char *site);
char *escale_help_topic_kiosk_of (const char *site, const char *topic, const char **leaf);

G_END_DECLS
