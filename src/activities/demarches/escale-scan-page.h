/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "escale-visit.h"

G_BEGIN_DECLS

/* "Scanner un document": two big buttons (a document in grey at 200 dpi, a
 * photo in colour at 300 dpi), a live progress bar with "Arrêter", the page
 * shown large with "Recommencer", "Ajouter une page" and "C'est bon", and a
 * calm message when the scanner is missing, empty, busy or gone. The pages
 * make one PDF in the visit's documents/ folder; "done" gives it (a GFile)
 * and counts pages-scanned.CATEGORY. "cancelled": the person left with
 * "Annuler"; the pages are dropped. Nothing outlives the visit: its wiper
 * "scan" stops a scan and drops the pages, and the scratch folder's wiper
 * takes documents/. */
#define ESCALE_TYPE_SCAN_PAGE (escale_scan_page_get_type ())
G_DECLARE_FINAL_TYPE (EscaleScanPage, escale_scan_page, ESCALE, SCAN_PAGE, GtkWidget)

/* @device: the config's scanner= or NULL (the first SANE lists);
 * @category: the Coop slug of the procedure, or NULL for "autre". */
GtkWidget *escale_scan_page_new (EscaleVisit *visit, const char *device, const char *category);
guint escale_scan_page_get_n_pages (EscaleScanPage *self);

G_END_DECLS
