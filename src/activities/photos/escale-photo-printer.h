/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "escale-printing.h" /* ESCALE_PRINT_ERROR */

G_BEGIN_DECLS

#define ESCALE_TYPE_PHOTO_PRINTER (escale_photo_printer_get_type ())
G_DECLARE_FINAL_TYPE (EscalePhotoPrinter, escale_photo_printer, ESCALE, PHOTO_PRINTER, GObject)

/* @printer_name: the config's [Photos] printer=, or NULL for CUPS's default. */
EscalePhotoPrinter *escale_photo_printer_new (const char *printer_name);

/* Prints @photo (already decoded, EXIF orientation and the viewer's
 * rotation applied) on one page, scaled to fit and centred, the page in
 * the photo's orientation (landscape for a wide photo). No dialog is ever
 * shown. Finishes when the job was handed to CUPS (or failed): a stopped
 * printer is refused before anything is sent, so no visitor's photo waits
 * in a queue for the next visitor. */
void escale_photo_printer_print_async (EscalePhotoPrinter *self, GdkTexture *photo,
                                       GCancellable *cancellable, GAsyncReadyCallback callback,
                                       gpointer user_data);
gboolean escale_photo_printer_print_finish (EscalePhotoPrinter *self, GAsyncResult *result,
                                            GError **error);

G_END_DECLS
