/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "escale-help-kiosk.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_BOARD_ALERT (escale_board_alert_get_type ())
G_DECLARE_FINAL_TYPE (EscaleBoardAlert, escale_board_alert, ESCALE, BOARD_ALERT, GObject)

EscaleBoardAlert *escale_board_alert_new (void);
gboolean escale_board_alert_ring (EscaleBoardAlert *self, GtkWidget *window,
                                  EscaleHelpKiosk *kiosk);
guint escale_board_alert_get_n_rung (EscaleBoardAlert *self);
GtkMediaStream *escale_board_alert_get_sound (EscaleBoardAlert *self);

G_END_DECLS
