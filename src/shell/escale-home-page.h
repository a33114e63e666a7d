/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ESCALE_TYPE_HOME_PAGE (escale_home_page_get_type ())
G_DECLARE_FINAL_TYPE (EscaleHomePage, escale_home_page, ESCALE, HOME_PAGE, GtkWidget)

void escale_home_page_set_activities (EscaleHomePage *self, GPtrArray *activities);
GtkWidget *escale_home_page_get_button (EscaleHomePage *self, const char *activity_id);

G_END_DECLS
