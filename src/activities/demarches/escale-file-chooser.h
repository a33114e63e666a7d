/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "escale-visit.h"
#include "escale-web-view.h"

G_BEGIN_DECLS

/* Escale's chooser for a page's <input type="file">, drawn over the page:
 * big tiles of the files of the visit's documents/ folder (what was scanned
 * or made during the visit) and of the visitor's own removable media, found
 * by the photos kind's EscalePhotoMedia and only read; never a folder of
 * the PC, never a symbolic link. Pictures are shown through the sandboxed
 * EscalePhotoDecoder. Touch a tile, then "Envoyer ce document"; "Annuler"
 * sends nothing. Each file sent counts files-sent.CATEGORY. */
#define ESCALE_TYPE_FILE_CHOOSER (escale_file_chooser_get_type ())
G_DECLARE_FINAL_TYPE (EscaleFileChooser, escale_file_chooser, ESCALE, FILE_CHOOSER, GtkWidget)

/* Makes @view's policy allow the chooser (for its allowlisted pages only)
 * and shows an EscaleFileChooser over the page at each request. For the
 * site of a procedure; @category: its Coop slug, or NULL for "autre". */
void escale_file_chooser_attach (EscaleWebView *view, EscaleVisit *visit, const char *category);

/* The chooser shown now over @view, or NULL (tests, bench). */
EscaleFileChooser *escale_file_chooser_get_shown (EscaleWebView *view);
/* Files offered (GFile): the visit's documents at once, then the media's
 * once they are listed ("ready" is then emitted). */
GListModel *escale_file_chooser_get_files (EscaleFileChooser *self);
gboolean escale_file_chooser_get_ready (EscaleFileChooser *self);

G_END_DECLS
