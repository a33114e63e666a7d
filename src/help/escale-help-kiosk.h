/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "escale-help-topic.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_HELP_KIOSK (escale_help_kiosk_get_type ())
G_DECLARE_FINAL_TYPE (EscaleHelpKiosk, escale_help_kiosk, ESCALE, HELP_KIOSK, GObject)

/* One kiosk of the site as a board sees it: properties "label", "state",
 * "since" (Unix seconds the state began, 0 unknown) and "online", each
 * notified when it changes. */
EscaleHelpKiosk *escale_help_kiosk_new (const char *id);
const char *escale_help_kiosk_get_id (EscaleHelpKiosk *self);
const char *escale_help_kiosk_get_label (EscaleHelpKiosk *self);
EscaleHelpState escale_help_kiosk_get_state (EscaleHelpKiosk *self);
gint64 escale_help_kiosk_get_since (EscaleHelpKiosk *self);
gboolean escale_help_kiosk_get_online (EscaleHelpKiosk *self);
void escale_help_kiosk_set_label (EscaleHelpKiosk *self, const char *label);
void escale_help_kiosk_set_state (EscaleHelpKiosk *self, EscaleHelpState state, gint64 since);
void escale_help_kiosk_set_online (EscaleHelpKiosk *self, gboolean online);
void escale_help_kiosk_set_workshop (EscaleHelpKiosk *self, const EscaleHelpWorkshop *workshop);
const EscaleHelpWorkshop *escale_help_kiosk_get_workshop (EscaleHelpKiosk *self);
char *escale_help_kiosk_describe (EscaleHelpKiosk *self, gint64 now_unix);

G_END_DECLS
