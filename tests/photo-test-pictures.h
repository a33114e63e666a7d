/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>

G_BEGIN_DECLS

/* Pictures made by the tests, never taken from anywhere. */

/* Quadrants of four colours, as a person sees the picture upright:
 * red top left, green top right, blue bottom left, yellow bottom right. */
typedef enum
{
  PHOTO_TEST_RED,
  PHOTO_TEST_GREEN,
  PHOTO_TEST_BLUE,
  PHOTO_TEST_YELLOW,
} PhotoTestColour;

extern const guint8 photo_test_colours[4][3];

GdkPixbuf *photo_test_quadrants (int width, int height, gboolean with_alpha);
/* What a camera held some way stores for @upright, with EXIF orientation
 * @orientation (1-8) telling how to show it. */
GdkPixbuf *photo_test_stored_for_orientation (GdkPixbuf *upright, int orientation);
/* @pixbuf as a JPEG carrying an EXIF APP1 segment with @orientation (0: no
 * EXIF at all). */
GBytes *photo_test_jpeg (GdkPixbuf *pixbuf, int orientation);
/* A PNG that declares @width x @height pixels, with a little data only. */
GBytes *photo_test_png_bomb (guint32 width, guint32 height);
/* A binary PPM of @width x @height, sparse on disk. */
void photo_test_write_sparse_ppm (const char *path, guint width, guint height);

void photo_test_write (const char *path, GBytes *bytes);
/* A shell script, executable. */
void photo_test_write_script (const char *path, const char *body);

G_END_DECLS
