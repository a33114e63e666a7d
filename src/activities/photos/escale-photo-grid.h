/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ESCALE_TYPE_PHOTO_GRID (escale_photo_grid_get_type ())
G_DECLARE_FINAL_TYPE (EscalePhotoGrid, escale_photo_grid, ESCALE, PHOTO_GRID, GtkWidget)

/* Thumbnails kept in memory at most; those scrolled out of sight go first. */
#define ESCALE_PHOTO_GRID_MAX_THUMBNAILS 300

GtkWidget *escale_photo_grid_new (void);
void escale_photo_grid_clear (EscalePhotoGrid *self);
void escale_photo_grid_add_section (EscalePhotoGrid *self, const char *title, guint n_photos);
guint escale_photo_grid_get_n_photos (EscalePhotoGrid *self);
void escale_photo_grid_set_thumbnail (EscalePhotoGrid *self, guint index, GdkTexture *texture);
guint escale_photo_grid_get_n_thumbnails (EscalePhotoGrid *self);
gboolean escale_photo_grid_scroll (EscalePhotoGrid *self, int direction);
gboolean escale_photo_grid_can_scroll (EscalePhotoGrid *self, int direction);

G_END_DECLS
