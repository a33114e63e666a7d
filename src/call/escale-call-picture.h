/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gst/gst.h>

G_BEGIN_DECLS

#define ESCALE_TYPE_CALL_PICTURE (escale_call_picture_get_type ())
G_DECLARE_FINAL_TYPE (EscaleCallPicture, escale_call_picture, ESCALE, CALL_PICTURE, GObject)

EscaleCallPicture *escale_call_picture_new (int width, int height);
void escale_call_picture_attach (EscaleCallPicture *self, GstPad *pad);
gboolean escale_call_picture_show (EscaleCallPicture *self, GBytes *argb32, int width, int height,
                                   int stride, GError **error);
void escale_call_picture_clear (EscaleCallPicture *self);

G_END_DECLS
