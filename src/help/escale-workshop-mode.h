/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "escale-help-client.h"
#include "escale-kiosk.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_WORKSHOP_MODE (escale_workshop_mode_get_type ())
G_DECLARE_FINAL_TYPE (EscaleWorkshopMode, escale_workshop_mode, ESCALE, WORKSHOP_MODE, GObject)

/* The kiosk's side of a workshop, started on the site's kiosks from the
 * board or here by a helper: property "active", notified when it begins
 * and ends. */
EscaleWorkshopMode *escale_workshop_mode_new (EscaleKiosk *kiosk, EscaleHelpClient *client);
void escale_workshop_mode_check_time (EscaleWorkshopMode *self);

G_END_DECLS
