/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "escale-document.h"
#include "escale-visit.h"

G_BEGIN_DECLS

/* Where a document goes: printed (CUPS, no dialog, nothing on disk) or
 * saved as a PDF on the visitor's own writable stick (GIO). One per
 * activity view: it counts the pages printed during the visit against
 * max-pages. Errors are calm French sentences for the person. */
#define ESCALE_DOCUMENT_OUTPUT_ERROR (escale_document_output_error_quark ())
GQuark escale_document_output_error_quark (void);
typedef enum
{
  ESCALE_DOCUMENT_OUTPUT_ERROR_NOT_ALLOWED,  /* printing is off here */
  ESCALE_DOCUMENT_OUTPUT_ERROR_LIMIT,        /* more pages than the visit has left */
  ESCALE_DOCUMENT_OUTPUT_ERROR_NO_STICK,     /* no writable stick plugged in */
  ESCALE_DOCUMENT_OUTPUT_ERROR_STICK_FULL,   /* nothing written: the stick is full */
  ESCALE_DOCUMENT_OUTPUT_ERROR_STICK_FAILED, /* nothing written: another reason */
  ESCALE_DOCUMENT_OUTPUT_ERROR_FAILED,       /* the document could not be made */
} EscaleDocumentOutputError;

#define ESCALE_TYPE_DOCUMENT_OUTPUT (escale_document_output_get_type ())
G_DECLARE_FINAL_TYPE (EscaleDocumentOutput, escale_document_output, ESCALE, DOCUMENT_OUTPUT,
                      GObject)

/* @visit may be NULL (tests); @printer: a CUPS queue, NULL or "" for
 * CUPS's default; @max_pages: pages this output may print in all. */
EscaleDocumentOutput *escale_document_output_new (EscaleVisit *visit, const char *printer,
                                                  gboolean print_allowed, guint max_pages);
gboolean escale_document_output_get_print_allowed (EscaleDocumentOutput *self);
/* Pages that may still be printed (notify::pages-left). */
guint escale_document_output_get_pages_left (EscaleDocumentOutput *self);
/* Whether a writable stick is plugged in and mounted (notify::has-stick). */
gboolean escale_document_output_get_has_stick (EscaleDocumentOutput *self);

/* Prints every page, or nothing: a document longer than the pages left is
 * refused before anything is sent. */
void escale_document_output_print_async (EscaleDocumentOutput *self, EscaleDocument *document,
                                         GCancellable *cancellable, GAsyncReadyCallback callback,
                                         gpointer user_data);
/* @pages: set to the pages printed. */
gboolean escale_document_output_print_finish (EscaleDocumentOutput *self, GAsyncResult *result,
                                              guint *pages, GError **error);

/* Writes the PDF at the top of the first writable stick, named after the
 * document's title, never over a file already there; a stick that fills up
 * keeps nothing of it (the document stays in memory: print it, or try
 * another stick). */
void escale_document_output_save_async (EscaleDocumentOutput *self, EscaleDocument *document,
                                        GCancellable *cancellable, GAsyncReadyCallback callback,
                                        gpointer user_data);
/* Returns the file's name on the stick, to show. */
char *escale_document_output_save_finish (EscaleDocumentOutput *self, GAsyncResult *result,
                                          GError **error);

/* Writes the PDF in the visit's scratch folder, under documents/ (0700),
 * where the file chooser of a procedure's site shows what this visit made;
 * wiped with the visit. Needs a visit. Returns the file. */
GFile *escale_document_output_keep_in_visit (EscaleDocumentOutput *self, EscaleDocument *document,
                                             GError **error);

G_END_DECLS
