/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "escale-help-site.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_BOARD_WORKSHOP (escale_board_workshop_get_type ())
G_DECLARE_FINAL_TYPE (EscaleBoardWorkshop, escale_board_workshop, ESCALE, BOARD_WORKSHOP, GtkBox)

/* The board's workshop box: start one on every kiosk of the site (theme,
 * level, planned length), or see the one running and end it. */
GtkWidget *escale_board_workshop_new (EscaleHelpSite *site);

G_END_DECLS
