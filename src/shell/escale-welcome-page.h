/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ESCALE_TYPE_WELCOME_PAGE (escale_welcome_page_get_type ())
G_DECLARE_FINAL_TYPE (EscaleWelcomePage, escale_welcome_page, ESCALE, WELCOME_PAGE, GtkWidget)

void escale_welcome_page_set_centre_name (EscaleWelcomePage *self, const char *name);
void escale_welcome_page_set_staff_note (EscaleWelcomePage *self, const char *note);
const char *escale_welcome_page_get_staff_note (EscaleWelcomePage *self);
void escale_welcome_page_set_activities (EscaleWelcomePage *self, GPtrArray *activities);
GtkWidget *escale_welcome_page_get_first_time_button (EscaleWelcomePage *self);
GtkWidget *escale_welcome_page_get_listen_button (EscaleWelcomePage *self);
char *escale_welcome_page_dup_words (EscaleWelcomePage *self);

G_END_DECLS
