/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "escale-help-kiosk.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_BOARD_ROW (escale_board_row_get_type ())
G_DECLARE_FINAL_TYPE (EscaleBoardRow, escale_board_row, ESCALE, BOARD_ROW, GtkBox)

/* One kiosk on the board: "Poste 3 : demande d'aide depuis 2 min", and the
 * buttons that make sense in that state. A button emits "answer" with the
 * EscaleHelpState to publish. */
GtkWidget *escale_board_row_new (EscaleHelpKiosk *kiosk);
void escale_board_row_refresh (EscaleBoardRow *self);
const char *escale_board_row_get_text (EscaleBoardRow *self);

G_END_DECLS
