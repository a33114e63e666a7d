/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "escale-scanner.h"

G_BEGIN_DECLS

/* Writes @images (of EscaleScanImage) as one PDF at @path, one page each,
 * at the size they were scanned (an A4 page stays an A4 page), with cairo's
 * PDF surface. Pages are stored as JPEG (quality 85), so a PDF of a few
 * pages stays small enough for the sites that limit what they accept. */
gboolean escale_scan_pdf_write (GPtrArray *images, const char *path, GError **error);

/* An RGB copy of @image (grey spread over three channels), to show it. */
GdkPixbuf *escale_scan_image_to_pixbuf (const EscaleScanImage *image);

/* A new file name in @dir: document-1.pdf, document-2.pdf... */
char *escale_scan_pdf_new_path (const char *dir);

G_END_DECLS
