/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ESCALE_TYPE_BOARD_APPLICATION (escale_board_application_get_type ())
G_DECLARE_FINAL_TYPE (EscaleBoardApplication, escale_board_application, ESCALE, BOARD_APPLICATION,
                      GtkApplication)

EscaleBoardApplication *escale_board_application_new (void);

G_END_DECLS
