/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-activity-view.h"
#include "escale-photo-grid.h"
#include "escale-photo-media.h"
#include "escale-photo-viewer.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_PHOTOS_VIEW (escale_photos_view_get_type ())
G_DECLARE_FINAL_TYPE (EscalePhotosView, escale_photos_view, ESCALE, PHOTOS_VIEW,
                      EscaleActivityView)

/* For tests: what the person sees and holds. */
const char *escale_photos_view_get_screen (EscalePhotosView *self);
const char *escale_photos_view_get_message (EscalePhotosView *self);
EscalePhotoGrid *escale_photos_view_get_grid (EscalePhotosView *self);
EscalePhotoViewer *escale_photos_view_get_viewer (EscalePhotosView *self);
void escale_photos_view_open_photo (EscalePhotosView *self, guint index);

G_END_DECLS
