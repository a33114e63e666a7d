/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-scanner"

#include <cairo-pdf.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>

#include "escale-scan-pdf.h"

GdkPixbuf *
escale_scan_image_to_pixbuf (const EscaleScanImage *image)
{
  GdkPixbuf *pixbuf =
    gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, (int) image->width, (int) image->height);
  const guint8 *in = g_bytes_get_data (image->pixels, NULL);
  guint8 *out = gdk_pixbuf_get_pixels (pixbuf);
  int out_stride = gdk_pixbuf_get_rowstride (pixbuf);

  for (guint y = 0; y < image->height; y++)
    {
      const guint8 *row = in + y * image->stride;
      guint8 *dest = out + (gsize) y * out_stride;

      if (image->channels == 3)
        memcpy (dest, row, (gsize) image->width * 3);
      else
        for (guint x = 0; x < image->width; x++)
          dest[3 * x] = dest[3 * x + 1] = dest[3 * x + 2] = row[x];
    }
  return pixbuf;
}

/* A cairo surface of @image carrying its JPEG, which the PDF surface embeds
 * as it is. */
static cairo_surface_t *
surface_of (const EscaleScanImage *image, GError **error)
{
  g_autoptr(GdkPixbuf) pixbuf = escale_scan_image_to_pixbuf (image);
  g_autofree char *jpeg = NULL;
  gsize jpeg_size = 0;
  char *data;
  cairo_surface_t *surface;
  const guint8 *in;
  guint8 *out;
  int stride;

  if (!gdk_pixbuf_save_to_buffer (pixbuf, &jpeg, &jpeg_size, "jpeg", error, "quality", "85", NULL))
    return NULL;
  surface =
    cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) image->width, (int) image->height);
  cairo_surface_flush (surface);
  in = gdk_pixbuf_get_pixels (pixbuf);
  out = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (guint y = 0; y < image->height; y++)
    for (guint x = 0; x < image->width; x++)
      {
        const guint8 *p = in + (gsize) y * gdk_pixbuf_get_rowstride (pixbuf) + 3 * x;

        *(guint32 *) (out + (gsize) y * stride + 4 * x) = (p[0] << 16) | (p[1] << 8) | p[2];
      }
  cairo_surface_mark_dirty (surface);
  data = g_steal_pointer (&jpeg);
  cairo_surface_set_mime_data (surface, CAIRO_MIME_TYPE_JPEG, (guchar *) data, jpeg_size, g_free,
                               data);
  return surface;
}

gboolean
escale_scan_pdf_write (GPtrArray *images, const char *path, GError **error)
{
  cairo_surface_t *pdf;
  cairo_t *cr;
  cairo_status_t status;

  g_return_val_if_fail (images != NULL && images->len > 0, FALSE);

  pdf = cairo_pdf_surface_create (path, 595, 842);
  cairo_pdf_surface_set_metadata (pdf, CAIRO_PDF_METADATA_CREATOR, "Escale");
  cr = cairo_create (pdf);
  for (guint i = 0; i < images->len; i++)
    {
      const EscaleScanImage *image = g_ptr_array_index (images, i);
      double scale = 72.0 / (image->dpi > 0 ? image->dpi : 200);
      cairo_surface_t *surface = surface_of (image, error);

      if (surface == NULL)
        {
          cairo_destroy (cr);
          cairo_surface_destroy (pdf);
          g_unlink (path);
          return FALSE;
        }
      cairo_pdf_surface_set_size (pdf, image->width * scale, image->height * scale);
      cairo_save (cr);
      cairo_scale (cr, scale, scale);
      cairo_set_source_surface (cr, surface, 0, 0);
      cairo_paint (cr);
      cairo_restore (cr);
      cairo_show_page (cr);
      cairo_surface_destroy (surface);
    }
  cairo_destroy (cr);
  cairo_surface_finish (pdf);
  status = cairo_surface_status (pdf);
  cairo_surface_destroy (pdf);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Cannot write the PDF: %s",
                   cairo_status_to_string (status));
      g_unlink (path);
      return FALSE;
    }
  return TRUE;
}

char *
escale_scan_pdf_new_path (const char *dir)
{
  for (guint n = 1;; n++)
    {
      g_autofree char *name = g_strdup_printf ("document-%u.pdf", n);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&path);
    }
}
