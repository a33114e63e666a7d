/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "escale-document-output.h"

G_BEGIN_DECLS

/* "Imprimer" and "Enregistrer sur ma clé USB" for one document, with what
 * is going on and how it went, in large calm words. Signal "done"
 * (gboolean printed): the document was printed (TRUE) or saved (FALSE);
 * the person may then do the other one too. */
#define ESCALE_TYPE_DOCUMENT_OUTPUT_CHOOSER (escale_document_output_chooser_get_type ())
G_DECLARE_FINAL_TYPE (EscaleDocumentOutputChooser, escale_document_output_chooser, ESCALE,
                      DOCUMENT_OUTPUT_CHOOSER, GtkBox)

GtkWidget *escale_document_output_chooser_new (EscaleDocumentOutput *output,
                                               EscaleDocument *document);
/* For tests and screenshots: the two buttons, and the line that says how
 * it went. */
GtkButton *escale_document_output_chooser_get_print_button (EscaleDocumentOutputChooser *self);
GtkButton *escale_document_output_chooser_get_save_button (EscaleDocumentOutputChooser *self);
const char *escale_document_output_chooser_get_status (EscaleDocumentOutputChooser *self);
gboolean escale_document_output_chooser_get_busy (EscaleDocumentOutputChooser *self);

G_END_DECLS
