/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-firststeps-exercise.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_FIRSTSTEPS_BUTTONS (escale_firststeps_buttons_get_type ())
G_DECLARE_FINAL_TYPE (EscaleFirststepsButtons, escale_firststeps_buttons, ESCALE,
                      FIRSTSTEPS_BUTTONS, GtkWidget)

GtkWidget *escale_firststeps_buttons_new (void);
GtkWidget *escale_firststeps_buttons_get_button (EscaleFirststepsButtons *self, const char *label);

G_END_DECLS
