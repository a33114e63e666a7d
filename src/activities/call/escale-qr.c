/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <qrencode.h>

#include "escale-qr.h"

#define MODULE_PIXELS 8
#define QUIET_ZONE 4

/* A QR code of @text as a black-on-white texture with its quiet zone, or
 * NULL if @text cannot be encoded. Made in memory, never written. */
GdkTexture *
escale_qr_texture_new (const char *text)
{
  QRcode *code = QRcode_encodeString (text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  g_autoptr(GBytes) bytes = NULL;
  guint8 *pixels;
  int side;
  int stride;

  if (code == NULL)
    return NULL;
  side = (code->width + 2 * QUIET_ZONE) * MODULE_PIXELS;
  stride = side * 3;
  pixels = g_malloc (stride * side);
  memset (pixels, 0xff, stride * side);
  for (int y = 0; y < code->width; y++)
    for (int x = 0; x < code->width; x++)
      if (code->data[y * code->width + x] & 1)
        for (int dy = 0; dy < MODULE_PIXELS; dy++)
          memset (pixels + ((y + QUIET_ZONE) * MODULE_PIXELS + dy) * stride +
                    (x + QUIET_ZONE) * MODULE_PIXELS * 3,
                  0, MODULE_PIXELS * 3);
  QRcode_free (code);
  bytes = g_bytes_new_take (pixels, stride * side);
  return gdk_memory_texture_new (side, side, GDK_MEMORY_R8G8B8, bytes, stride);
}
