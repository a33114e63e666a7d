/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "escale-help-settings.h"
#include "escale-help-topic.h"
#include "escale-mqtt-link.h"

G_BEGIN_DECLS

/* What the visitor's screen may truthfully say about their call for help. */
typedef enum
{
  ESCALE_HELP_PROGRESS_NONE,       /* no request open: nothing shown */
  ESCALE_HELP_PROGRESS_RAISE_HAND, /* nobody can be told: "Levez la main" */
  ESCALE_HELP_PROGRESS_SENDING,    /* on its way to the broker */
  ESCALE_HELP_PROGRESS_SENT,       /* the broker has it: "Votre demande est envoyée" */
  ESCALE_HELP_PROGRESS_SEEN,       /* a helper read it */
  ESCALE_HELP_PROGRESS_COMING,     /* a helper answered "J'arrive" */
} EscaleHelpProgress;

#define ESCALE_TYPE_HELP_CLIENT (escale_help_client_get_type ())
G_DECLARE_FINAL_TYPE (EscaleHelpClient, escale_help_client, ESCALE, HELP_CLIENT, GObject)

EscaleHelpClient *escale_help_client_new (const EscaleHelpSettings *settings);
void escale_help_client_ask (EscaleHelpClient *self);
void escale_help_client_end_visit (EscaleHelpClient *self);
void escale_help_client_helper_here (EscaleHelpClient *self);
EscaleHelpProgress escale_help_client_get_progress (EscaleHelpClient *self);
gboolean escale_help_client_get_given (EscaleHelpClient *self);
const EscaleHelpWorkshop *escale_help_client_get_workshop (EscaleHelpClient *self);
void escale_help_client_set_local_workshop (EscaleHelpClient *self,
                                            const EscaleHelpWorkshop *workshop);
gboolean escale_help_client_start_here (EscaleHelpClient *self, const char *theme,
                                        const char *level, gint64 now, guint minutes);
gboolean escale_help_client_end_here (EscaleHelpClient *self);
gboolean escale_help_client_workshop_is_local (EscaleHelpClient *self);
void escale_help_client_set_ending_soon (EscaleHelpClient *self, gboolean ending_soon);
char *escale_help_client_describe_workshop (EscaleHelpClient *self);
EscaleMqttLink *escale_help_client_get_link (EscaleHelpClient *self);

G_END_DECLS
