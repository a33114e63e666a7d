/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ESCALE_TYPE_PHOTO_GRID_ROW (escale_photo_grid_row_get_type ())
G_DECLARE_FINAL_TYPE (EscalePhotoGridRow, escale_photo_grid_row, ESCALE, PHOTO_GRID_ROW, GObject)

EscalePhotoGridRow *escale_photo_grid_row_new_header (const char *title);
EscalePhotoGridRow *escale_photo_grid_row_new_tiles (guint first, guint count);
const char *escale_photo_grid_row_get_header (EscalePhotoGridRow *self);
guint escale_photo_grid_row_get_first (EscalePhotoGridRow *self);
guint escale_photo_grid_row_get_count (EscalePhotoGridRow *self);

G_END_DECLS
