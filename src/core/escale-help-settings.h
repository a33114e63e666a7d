/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "escale-config-file.h"

G_BEGIN_DECLS

/* The [Help] group of escale.ini: where a call for help goes (an MQTT
 * broker on the centre's network) and who this kiosk is there. Read by
 * the kiosk and by escale-board. A kiosk without a broker still takes
 * requests: it tells the person to raise a hand. */
typedef struct
{
  char *broker;       /* host name or address; NULL: no broker */
  int port;           /* 1883, or 8883 with TLS, unless given */
  char *site;         /* the site's id in the topics */
  char *kiosk;        /* this kiosk's id in the topics (and its MQTT user) */
  char *kiosk_label;  /* what helpers read: "Poste 3" */
  char *credentials;  /* absolute path of a "user:password" file, or NULL */
  char *ca_file;      /* absolute path of the CA to trust: TLS; NULL: plain */
  int workshop_delay; /* inactivity delay during a workshop, in seconds */
} EscaleHelpSettings;

#define ESCALE_DEFAULT_WORKSHOP_IDLE_DELAY 1800 /* half an hour */

extern const EscaleKeySpec escale_help_keys[];

EscaleHelpSettings *escale_help_settings_load (EscaleConfigFile *file, const char *config_dir,
                                               GPtrArray *problems);
EscaleHelpSettings *escale_help_settings_load_file (const char *path, GPtrArray *problems);
EscaleHelpSettings *escale_help_settings_copy (const EscaleHelpSettings *self);
void escale_help_settings_free (EscaleHelpSettings *self);
gboolean escale_help_settings_read_credentials (const EscaleHelpSettings *self, char **user,
                                                char **password, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleHelpSettings, escale_help_settings_free)

G_END_DECLS
