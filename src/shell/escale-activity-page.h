/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "escale-activity.h"
#include "escale-kiosk.h"
#include "escale-web-profile.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_ACTIVITY_PAGE (escale_activity_page_get_type ())
G_DECLARE_FINAL_TYPE (EscaleActivityPage, escale_activity_page, ESCALE, ACTIVITY_PAGE, GtkWidget)

GtkWidget *escale_activity_page_new (EscaleActivity *activity, EscaleKiosk *kiosk,
                                     EscaleWebProfile *web_profile);
EscaleActivity *escale_activity_page_get_activity (EscaleActivityPage *self);
GtkWidget *escale_activity_page_get_content (EscaleActivityPage *self);
char *escale_activity_page_dup_guide_step (EscaleActivityPage *self);

G_END_DECLS
