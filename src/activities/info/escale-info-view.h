/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "escale-activity-view.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_INFO_VIEW (escale_info_view_get_type ())
G_DECLARE_FINAL_TYPE (EscaleInfoView, escale_info_view, ESCALE, INFO_VIEW, EscaleActivityView)

gboolean escale_info_view_scroll (EscaleInfoView *self, int direction);

G_END_DECLS
