/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "escale-help-kiosk.h"
#include "escale-help-settings.h"
#include "escale-mqtt-link.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_HELP_SITE (escale_help_site_get_type ())
G_DECLARE_FINAL_TYPE (EscaleHelpSite, escale_help_site, ESCALE, HELP_SITE, GObject)

/* The site's kiosks as helpers follow them (a GListModel of
 * EscaleHelpKiosk, by id), from the broker's retained topics. Emits
 * "request" (EscaleHelpKiosk) when a kiosk asks for help. */
EscaleHelpSite *escale_help_site_new (const EscaleHelpSettings *settings, const char *client_id);
EscaleHelpKiosk *escale_help_site_find (EscaleHelpSite *self, const char *kiosk_id);
void escale_help_site_answer (EscaleHelpSite *self, const char *kiosk_id, EscaleHelpState state);
void escale_help_site_start_workshop (EscaleHelpSite *self, const char *theme, const char *level,
                                      guint minutes);
void escale_help_site_stop_workshop (EscaleHelpSite *self);
const EscaleHelpWorkshop *escale_help_site_get_workshop (EscaleHelpSite *self);
EscaleMqttLink *escale_help_site_get_link (EscaleHelpSite *self);

G_END_DECLS
