/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-firststeps-exercise.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_FIRSTSTEPS_TYPING (escale_firststeps_typing_get_type ())
G_DECLARE_FINAL_TYPE (EscaleFirststepsTyping, escale_firststeps_typing, ESCALE, FIRSTSTEPS_TYPING,
                      GtkWidget)

GtkWidget *escale_firststeps_typing_new (const char *const *villages);
GtkWidget *escale_firststeps_typing_get_village_button (EscaleFirststepsTyping *self, guint i);
GtkWidget *escale_firststeps_typing_get_entry (EscaleFirststepsTyping *self);
GtkWidget *escale_firststeps_typing_get_key (EscaleFirststepsTyping *self, const char *label);
const char *escale_firststeps_typing_get_village (EscaleFirststepsTyping *self);

G_END_DECLS
