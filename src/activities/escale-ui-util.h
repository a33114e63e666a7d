/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "escale-activity.h"

G_BEGIN_DECLS

GtkWidget *escale_activity_icon_new (EscaleActivity *activity, int pixel_size);
GtkWidget *escale_big_button_new (const char *icon_name, const char *label);
GtkWidget *escale_wrapping_button_new (const char *text, const char *css_class);
GtkWidget *escale_wrapped_label_new (const char *text, const char *css_class);
GtkWidget *escale_centred_label_new (const char *text, const char *css_class);
void escale_button_show_if_useful (GtkWidget *button, gboolean useful);
GtkWidget *escale_wrapping_row_new (void);

G_END_DECLS
