/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ESCALE_PRINT_ERROR (escale_print_error_quark ())
GQuark escale_print_error_quark (void);

typedef enum
{
  ESCALE_PRINT_ERROR_NO_PRINTER, /* none configured, none by default, or not found */
  ESCALE_PRINT_ERROR_FAILED,     /* the job failed or the printer stopped (paper...) */
} EscalePrintError;

/* Draws every page of the job on @cr, the sheet's origin at its top left
 * and its size the page setup's paper (turned for landscape), ending each
 * page with cairo_show_page (). FALSE if a page could not be drawn. */
typedef gboolean (*EscalePrintDrawFunc) (cairo_t *cr, GtkPageSetup *page_setup,
                                         gpointer user_data);

/* What to print and where. The strings and objects are copied or
 * referenced by escale_printing_print_async (). */
typedef struct
{
  const char *printer_name;   /* the config's printer=, NULL or "" for CUPS's default */
  const char *job_title;      /* shown in CUPS's queue and logs: never a visitor's text */
  GtkPrintSettings *settings; /* the printer's name is set here */
  GtkPageSetup *page_setup;
  const char *failed_message; /* translated: what the person reads if CUPS refused the job */
  EscalePrintDrawFunc draw;
  gpointer draw_data;
  GDestroyNotify draw_data_free; /* called once the pages are drawn or the print gave up */
} EscalePrintRequest;

/* Finds the printer (asynchronously, GTK's CUPS backend, never a dialog),
 * refuses a stopped one before anything is sent, draws the pages on a
 * GtkPrintJob's surface and sends it; finishes when CUPS took the job (or
 * refused it). Errors: ESCALE_PRINT_ERROR with a calm French message, or
 * G_IO_ERROR_CANCELLED. */
void escale_printing_print_async (gpointer source_object, const EscalePrintRequest *request,
                                  GCancellable *cancellable, GAsyncReadyCallback callback,
                                  gpointer user_data);
gboolean escale_printing_print_finish (GAsyncResult *result, GError **error);

G_END_DECLS
