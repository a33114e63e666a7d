/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <fcntl.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "photo-test-pictures.h"

const guint8 photo_test_colours[4][3] = {
  [PHOTO_TEST_RED] = { 255, 0, 0 },
  [PHOTO_TEST_GREEN] = { 0, 255, 0 },
  [PHOTO_TEST_BLUE] = { 0, 0, 255 },
  [PHOTO_TEST_YELLOW] = { 255, 255, 0 },
};

GdkPixbuf *
photo_test_quadrants (int width, int height, gboolean with_alpha)
{
  GdkPixbuf *pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, with_alpha, 8, width, height);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  guchar *pixels = gdk_pixbuf_get_pixels (pixbuf);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        int quadrant = (y < height / 2 ? 0 : 2) + (x < width / 2 ? 0 : 1);
        guchar *p = pixels + (gsize) y * stride + (gsize) x * channels;

        memcpy (p, photo_test_colours[quadrant], 3);
        if (with_alpha)
          p[3] = 255;
      }
  return pixbuf;
}

/* Where stored pixel (sx, sy) is seen, for the eight EXIF orientations
 * (TIFF 6.0: which side row 0 and column 0 of the stored picture are on). */
static void
seen_at (int orientation, int width, int height, int sx, int sy, int *dx, int *dy)
{
  switch (orientation)
    {
    case 2: /* row 0 top, column 0 right */
      *dx = width - 1 - sx, *dy = sy;
      break;
    case 3: /* row 0 bottom, column 0 right */
      *dx = width - 1 - sx, *dy = height - 1 - sy;
      break;
    case 4: /* row 0 bottom, column 0 left */
      *dx = sx, *dy = height - 1 - sy;
      break;
    case 5: /* row 0 left, column 0 top */
      *dx = sy, *dy = sx;
      break;
    case 6: /* row 0 right, column 0 top: a phone held upright */
      *dx = width - 1 - sy, *dy = sx;
      break;
    case 7: /* row 0 right, column 0 bottom */
      *dx = width - 1 - sy, *dy = height - 1 - sx;
      break;
    case 8: /* row 0 left, column 0 bottom */
      *dx = sy, *dy = height - 1 - sx;
      break;
    default: /* 1: as stored */
      *dx = sx, *dy = sy;
      break;
    }
}

GdkPixbuf *
photo_test_stored_for_orientation (GdkPixbuf *upright, int orientation)
{
  int width = gdk_pixbuf_get_width (upright);
  int height = gdk_pixbuf_get_height (upright);
  gboolean turned = orientation >= 5;
  int sw = turned ? height : width, sh = turned ? width : height;
  GdkPixbuf *stored = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, sw, sh);
  const guchar *in = gdk_pixbuf_read_pixels (upright);
  guchar *out = gdk_pixbuf_get_pixels (stored);
  int in_stride = gdk_pixbuf_get_rowstride (upright);
  int in_channels = gdk_pixbuf_get_n_channels (upright);

  for (int sy = 0; sy < sh; sy++)
    for (int sx = 0; sx < sw; sx++)
      {
        int dx, dy;

        seen_at (orientation, width, height, sx, sy, &dx, &dy);
        memcpy (out + (gsize) sy * gdk_pixbuf_get_rowstride (stored) + (gsize) sx * 3,
                in + (gsize) dy * in_stride + (gsize) dx * in_channels, 3);
      }
  return stored;
}

GBytes *
photo_test_jpeg (GdkPixbuf *pixbuf, int orientation)
{
  /* APP1 "Exif", a big-endian TIFF header and one IFD entry: 0x0112
   * Orientation, SHORT, count 1. Length 34 counts itself, not the marker. */
  /* clang-format off */
  const guint8 app1[] = {
    0xff, 0xe1, 0x00, 34, 'E', 'x', 'i', 'f', 0, 0,                  /* marker, length, id */
    'M', 'M', 0, 0x2a, 0, 0, 0, 8,                                  /* TIFF header */
    0, 1,                                                           /* one entry */
    0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (guint8) orientation, 0, 0,    /* the tag */
    0, 0, 0, 0,                                                     /* no next IFD */
  };
  /* clang-format on */
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize size = 0;
  GByteArray *jpeg;

  g_assert_true (
    gdk_pixbuf_save_to_buffer (pixbuf, &data, &size, "jpeg", &error, "quality", "95", NULL));
  g_assert_no_error (error);
  g_assert_cmpuint (size, >, 2);

  jpeg = g_byte_array_sized_new (size + sizeof app1);
  g_byte_array_append (jpeg, (const guint8 *) data, 2); /* SOI */
  if (orientation > 0)
    g_byte_array_append (jpeg, app1, sizeof app1);
  g_byte_array_append (jpeg, (const guint8 *) data + 2, size - 2);
  return g_byte_array_free_to_bytes (jpeg);
}

static guint32
crc32_of (const guint8 *data, gsize size)
{
  guint32 crc = 0xffffffffu;

  for (gsize i = 0; i < size; i++)
    {
      crc ^= data[i];
      for (int bit = 0; bit < 8; bit++)
        crc = (crc >> 1) ^ (0xedb88320u & -(crc & 1u));
    }
  return crc ^ 0xffffffffu;
}

static void
append_be32 (GByteArray *array, guint32 value)
{
  guint32 be = GUINT32_TO_BE (value);

  g_byte_array_append (array, (const guint8 *) &be, 4);
}

static void
append_chunk (GByteArray *png, const char *type, const guint8 *data, guint32 size)
{
  g_autoptr(GByteArray) typed = g_byte_array_new ();

  g_byte_array_append (typed, (const guint8 *) type, 4);
  g_byte_array_append (typed, data, size);
  append_be32 (png, size);
  g_byte_array_append (png, typed->data, typed->len);
  append_be32 (png, crc32_of (typed->data, typed->len));
}

GBytes *
photo_test_png_bomb (guint32 width, guint32 height)
{
  static const guint8 signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  GByteArray *png = g_byte_array_new ();
  g_autoptr(GByteArray) ihdr = g_byte_array_new ();
  g_autoptr(GByteArray) idat = g_byte_array_new ();
  /* 8-bit RGB, deflate, no filter method, no interlace. */
  static const guint8 ihdr_tail[] = { 8, 2, 0, 0, 0 };
  /* A zlib stream with one stored (uncompressed) block of 1024 zeros. */
  static const guint8 zlib_head[] = { 0x78, 0x01, 0x01, 0x00, 0x04, 0xff, 0xfb };
  guint8 zeros[1024] = { 0 };

  g_byte_array_append (png, signature, sizeof signature);
  append_be32 (ihdr, width);
  append_be32 (ihdr, height);
  g_byte_array_append (ihdr, ihdr_tail, sizeof ihdr_tail);
  append_chunk (png, "IHDR", ihdr->data, ihdr->len);
  g_byte_array_append (idat, zlib_head, sizeof zlib_head);
  g_byte_array_append (idat, zeros, sizeof zeros);
  append_chunk (png, "IDAT", idat->data, idat->len);
  return g_byte_array_free_to_bytes (png);
}

void
photo_test_write_sparse_ppm (const char *path, guint width, guint height)
{
  g_autofree char *header = g_strdup_printf ("P6\n%u %u\n255\n", width, height);
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, header, strlen (header)), ==, (gssize) strlen (header));
  g_assert_cmpint (ftruncate (fd, (off_t) (strlen (header) + (gsize) width * height * 3)), ==, 0);
  close (fd);
}

void
photo_test_write (const char *path, GBytes *bytes)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes),
                       &error);
  g_assert_no_error (error);
}

void
photo_test_write_script (const char *path, const char *body)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strconcat ("#!/bin/sh\n", body, NULL);

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, 0755), ==, 0);
}
