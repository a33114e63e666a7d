/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "escale-help-client.h"
#include "escale-kiosk.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_STAFF_PAGE (escale_staff_page_get_type ())
G_DECLARE_FINAL_TYPE (EscaleStaffPage, escale_staff_page, ESCALE, STAFF_PAGE, GtkWidget)

GtkWidget *escale_staff_page_new (EscaleKiosk *kiosk);
void escale_staff_page_open (EscaleStaffPage *self);
void escale_staff_page_open_helper (EscaleStaffPage *self, EscaleHelpClient *client);
void escale_staff_page_close (EscaleStaffPage *self);
gboolean escale_staff_page_is_unlocked (EscaleStaffPage *self);
const char *escale_staff_page_get_view (EscaleStaffPage *self);
void escale_staff_page_type (EscaleStaffPage *self, const char *digits);
void escale_staff_page_validate (EscaleStaffPage *self);
gboolean escale_staff_page_is_busy (EscaleStaffPage *self);
const char *escale_staff_page_get_message (EscaleStaffPage *self);
const char *escale_staff_page_get_title (EscaleStaffPage *self);
gboolean escale_staff_page_get_keys_shown (EscaleStaffPage *self);
GtkWidget *escale_staff_page_get_dashboard (EscaleStaffPage *self);
GtkWidget *escale_staff_page_get_workshop_form (EscaleStaffPage *self);
gboolean escale_staff_page_get_reduced (EscaleStaffPage *self);

G_END_DECLS
