/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "escale-photo-grid-row.h"

/* One line of the photo grid's list: a month's header ("Juillet 2024 — 12
 * photos"), or up to a line's worth of photos, @count from @first. */
struct _EscalePhotoGridRow
{
  GObject parent_instance;

  char *header; /* NULL for a line of photos */
  guint first;
  guint count;
};

G_DEFINE_FINAL_TYPE (EscalePhotoGridRow, escale_photo_grid_row, G_TYPE_OBJECT)

static void
escale_photo_grid_row_finalize (GObject *object)
{
  g_free (ESCALE_PHOTO_GRID_ROW (object)->header);
  G_OBJECT_CLASS (escale_photo_grid_row_parent_class)->finalize (object);
}

static void
escale_photo_grid_row_class_init (EscalePhotoGridRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = escale_photo_grid_row_finalize;
}

static void
escale_photo_grid_row_init (EscalePhotoGridRow *self)
{
}

EscalePhotoGridRow *
escale_photo_grid_row_new_header (const char *title)
{
  EscalePhotoGridRow *self = g_object_new (ESCALE_TYPE_PHOTO_GRID_ROW, NULL);

  self->header = g_strdup (title);
  return self;
}

EscalePhotoGridRow *
escale_photo_grid_row_new_tiles (guint first, guint count)
{
  EscalePhotoGridRow *self = g_object_new (ESCALE_TYPE_PHOTO_GRID_ROW, NULL);

  self->first = first;
  self->count = count;
  return self;
}

const char *
escale_photo_grid_row_get_header (EscalePhotoGridRow *self)
{
  g_return_val_if_fail (ESCALE_IS_PHOTO_GRID_ROW (self), NULL);
  return self->header;
}

guint
escale_photo_grid_row_get_first (EscalePhotoGridRow *self)
{
  g_return_val_if_fail (ESCALE_IS_PHOTO_GRID_ROW (self), 0);
  return self->first;
}

guint
escale_photo_grid_row_get_count (EscalePhotoGridRow *self)
{
  g_return_val_if_fail (ESCALE_IS_PHOTO_GRID_ROW (self), 0);
  return self->count;
}
