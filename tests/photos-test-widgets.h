/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What a person sees of "Mes photos", found the way a person finds it:
 * by the words on a button or a label. */

/* The first button under @root whose words are @text, or NULL. */
GtkWidget *photos_test_find_button (GtkWidget *root, const char *text);
/* Whether a label showing @text is on screen under @root. */
gboolean photos_test_shows_label (GtkWidget *root, const char *text);
/* Touches the button @text, which must be on screen and sensitive. */
void photos_test_click (GtkWidget *root, const char *text);
/* Whether the button @text is on screen. */
gboolean photos_test_is_drawable (GtkWidget *root, const char *text);
/* The grid's tile of photo @index (the grid's own data on the button). */
GtkWidget *photos_test_find_tile (GtkWidget *root, guint index);

G_END_DECLS
