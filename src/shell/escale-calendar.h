/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ESCALE_TYPE_CALENDAR (escale_calendar_get_type ())
G_DECLARE_FINAL_TYPE (EscaleCalendar, escale_calendar, ESCALE, CALENDAR, GtkWidget)

GtkWidget *escale_calendar_new (void);
void escale_calendar_set_range (EscaleCalendar *self, const char *from_day, const char *to_day);
char *escale_calendar_get_from (EscaleCalendar *self);
char *escale_calendar_get_to (EscaleCalendar *self);

G_END_DECLS
