/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "escale-culture-collection.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_CULTURE_SLIDESHOW (escale_culture_slideshow_get_type ())
G_DECLARE_FINAL_TYPE (EscaleCultureSlideshow, escale_culture_slideshow, ESCALE, CULTURE_SLIDESHOW,
                      GtkWidget)

GtkWidget *escale_culture_slideshow_new (EscaleCultureCollection *collection,
                                         GHashTable *textures);
void escale_culture_slideshow_show_item (EscaleCultureSlideshow *self, guint index);
guint escale_culture_slideshow_get_index (EscaleCultureSlideshow *self);
gboolean escale_culture_slideshow_step (EscaleCultureSlideshow *self, int delta);

GdkTexture *escale_culture_texture_lookup (GHashTable *textures, const char *path, gboolean whole);

G_END_DECLS
