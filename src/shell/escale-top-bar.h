/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ESCALE_TYPE_TOP_BAR (escale_top_bar_get_type ())
G_DECLARE_FINAL_TYPE (EscaleTopBar, escale_top_bar, ESCALE, TOP_BAR, GtkWidget)

G_END_DECLS
