/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "escale-board-alert.h"
#include "escale-help-site.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_BOARD_WINDOW (escale_board_window_get_type ())
G_DECLARE_FINAL_TYPE (EscaleBoardWindow, escale_board_window, ESCALE, BOARD_WINDOW,
                      GtkApplicationWindow)

GtkWidget *escale_board_window_new (GtkApplication *application, EscaleHelpSite *site);
EscaleBoardAlert *escale_board_window_get_alert (EscaleBoardWindow *self);

G_END_DECLS
