/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "escale-help-client.h"
#include "escale-kiosk.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_WORKSHOP_FORM (escale_workshop_form_get_type ())
G_DECLARE_FINAL_TYPE (EscaleWorkshopForm, escale_workshop_form, ESCALE, WORKSHOP_FORM, GtkBox)

/* The helper's screen at a kiosk, behind the helpers' code: start a
 * workshop here (theme, level, planned end), or end the one started here.
 * Emits "done" when the helper is finished with it. */
GtkWidget *escale_workshop_form_new (EscaleKiosk *kiosk);
void escale_workshop_form_set_client (EscaleWorkshopForm *self, EscaleHelpClient *client);
void escale_workshop_form_refresh (EscaleWorkshopForm *self);
gboolean escale_workshop_form_choose (EscaleWorkshopForm *self, const char *theme,
                                      const char *level, guint minutes);
const char *escale_workshop_form_get_view (EscaleWorkshopForm *self);

G_END_DECLS
