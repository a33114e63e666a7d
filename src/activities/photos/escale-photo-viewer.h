/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "escale-photo-canvas.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_PHOTO_VIEWER (escale_photo_viewer_get_type ())
G_DECLARE_FINAL_TYPE (EscalePhotoViewer, escale_photo_viewer, ESCALE, PHOTO_VIEWER, GtkWidget)

#define ESCALE_PHOTO_VIEWER_SLIDESHOW_SECONDS 5

GtkWidget *escale_photo_viewer_new (void);
void escale_photo_viewer_set_n_photos (EscalePhotoViewer *self, guint n_photos);
void escale_photo_viewer_show_photo (EscalePhotoViewer *self, guint index);
guint escale_photo_viewer_get_index (EscalePhotoViewer *self);
gboolean escale_photo_viewer_step (EscalePhotoViewer *self, int delta);
void escale_photo_viewer_set_texture (EscalePhotoViewer *self, guint index, GdkTexture *texture);
void escale_photo_viewer_set_prints_left (EscalePhotoViewer *self, guint prints_left);
GdkTexture *escale_photo_viewer_get_texture (EscalePhotoViewer *self);
void escale_photo_viewer_set_can_show_family (EscalePhotoViewer *self, gboolean can_show);
void escale_photo_viewer_start_slideshow (EscalePhotoViewer *self);
void escale_photo_viewer_stop_slideshow (EscalePhotoViewer *self);
gboolean escale_photo_viewer_get_slideshow (EscalePhotoViewer *self);
void escale_photo_viewer_show_message (EscalePhotoViewer *self, const char *title,
                                       const char *text, gboolean done);
const char *escale_photo_viewer_get_screen (EscalePhotoViewer *self);
void escale_photo_viewer_clear (EscalePhotoViewer *self);
EscalePhotoCanvas *escale_photo_viewer_get_canvas (EscalePhotoViewer *self);

G_END_DECLS
