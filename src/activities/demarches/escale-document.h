/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* A simple A4 document built in memory (a title, headings, paragraphs,
 * items to tick, label/value fields, page breaks), laid out with Pango and
 * drawn with cairo: into a PDF held in memory, or onto any cairo context
 * (a print job's surface). It never writes a file, and adds nothing of its
 * own: no date, no centre's name, no page furniture but "page N sur M". */
#define ESCALE_DOCUMENT_ERROR (escale_document_error_quark ())
GQuark escale_document_error_quark (void);
typedef enum
{
  ESCALE_DOCUMENT_ERROR_FAILED, /* cairo could not draw or make the PDF */
} EscaleDocumentError;

#define ESCALE_TYPE_DOCUMENT (escale_document_get_type ())
G_DECLARE_FINAL_TYPE (EscaleDocument, escale_document, ESCALE, DOCUMENT, GObject)

/* A4 in PostScript points. */
#define ESCALE_DOCUMENT_A4_WIDTH 595.275590551
#define ESCALE_DOCUMENT_A4_HEIGHT 841.88976378

EscaleDocument *escale_document_new (const char *title);
const char *escale_document_get_title (EscaleDocument *self);
void escale_document_add_heading (EscaleDocument *self, const char *text);
void escale_document_add_paragraph (EscaleDocument *self, const char *text);
/* An empty box to tick by hand, then @text. */
void escale_document_add_check_item (EscaleDocument *self, const char *text);
/* @label in bold, @value beside it; an empty or NULL @value leaves a dotted
 * line to fill in by hand. */
void escale_document_add_field (EscaleDocument *self, const char *label, const char *value);
void escale_document_add_page_break (EscaleDocument *self);

/* How many A4 pages it takes (what a print counts against a limit). */
guint escale_document_count_pages (EscaleDocument *self);
/* Draws every page on @cr, whose origin is the top left of an A4 sheet in
 * points, ending each with cairo_show_page (). */
gboolean escale_document_render (EscaleDocument *self, cairo_t *cr, GError **error);
/* The whole document as a PDF, in memory. */
GBytes *escale_document_to_pdf (EscaleDocument *self, GError **error);
/* Drops every text it holds (a visit's wiper calls this). */
void escale_document_clear (EscaleDocument *self);

G_END_DECLS
