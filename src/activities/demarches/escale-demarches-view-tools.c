/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-demarches"

#include <glib/gi18n.h>

#include "escale-demarches-kind.h"
#include "escale-demarches-view-private.h"
#include "escale-scan-page.h"

/* The "other things" of the home's bottom row that are not procedures:
 * "Scanner un document" (escale-scan-page.c) and "Remplir un formulaire"
 * (escale-form-*.c), each a page of its own under the view's "Retour"
 * bar (escale_demarches_view_add_tool ()). */

static void
scan_finished_cb (EscaleDemarchesView *self)
{
  escale_demarches_view_show_home (self);
}

/* A scan made from the home belongs to no procedure: "autre". The PDF
 * waits in the visit's documents/ folder for a site's chooser. */
static GtkWidget *
make_scan_page (EscaleDemarchesView *self, gpointer user_data)
{
  g_autofree char *device = escale_demarches_kind_get_scanner (self->activity);
  GtkWidget *page = escale_scan_page_new (self->visit, device, NULL);

  g_signal_connect_object (page, "done", G_CALLBACK (scan_finished_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "cancelled", G_CALLBACK (scan_finished_cb), self,
                           G_CONNECT_SWAPPED);
  return page;
}

void
escale_demarches_view_add_tools (EscaleDemarchesView *self)
{
  /* Everything scanned lives in the visit's scratch folder: no visit
   * (a view shown outside a visit), no scanning. */
  if (self->visit != NULL)
    escale_demarches_view_add_tool (self, _ ("Scanner un document"), "scanner", make_scan_page,
                                    NULL, NULL);
}
