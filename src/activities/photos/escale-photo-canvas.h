/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ESCALE_TYPE_PHOTO_CANVAS (escale_photo_canvas_get_type ())
G_DECLARE_FINAL_TYPE (EscalePhotoCanvas, escale_photo_canvas, ESCALE, PHOTO_CANVAS, GtkWidget)

#define ESCALE_PHOTO_CANVAS_MAX_ZOOM 4.0

GtkWidget *escale_photo_canvas_new (void);
void escale_photo_canvas_set_texture (EscalePhotoCanvas *self, GdkTexture *texture);
GdkTexture *escale_photo_canvas_get_texture (EscalePhotoCanvas *self);
double escale_photo_canvas_get_zoom (EscalePhotoCanvas *self);
void escale_photo_canvas_set_zoom (EscalePhotoCanvas *self, double zoom);
gboolean escale_photo_canvas_zoom_in (EscalePhotoCanvas *self);
gboolean escale_photo_canvas_zoom_out (EscalePhotoCanvas *self);
void escale_photo_canvas_rotate (EscalePhotoCanvas *self);
guint escale_photo_canvas_get_rotation (EscalePhotoCanvas *self);
void escale_photo_canvas_pan (EscalePhotoCanvas *self, double dx, double dy);
void escale_photo_canvas_get_offset (EscalePhotoCanvas *self, double *x, double *y);
void escale_photo_canvas_reset (EscalePhotoCanvas *self);

GdkTexture *escale_photo_texture_rotate (GdkTexture *texture, guint quarter_turns);

G_END_DECLS
