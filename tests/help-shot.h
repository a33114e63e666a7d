/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Saves @window as drawn into $ESCALE_HELP_SCREENSHOTS/help-NAME.png (the
 * help tests' pictures to look at); does nothing when that is not set. */
void help_shot_save (GtkWidget *window, const char *name);

G_END_DECLS
