/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "escale-procedure.h"
#include "escale-visit.h"
#include "escale-web-profile.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_DEMARCHES_SITE (escale_demarches_site_get_type ())
G_DECLARE_FINAL_TYPE (EscaleDemarchesSite, escale_demarches_site, ESCALE, DEMARCHES_SITE,
                      GtkWidget)

GtkWidget *escale_demarches_site_new (EscaleProcedure *procedure, EscaleWebProfile *profile,
                                      EscaleVisit *visit);
guint escale_demarches_site_get_current_step (EscaleDemarchesSite *self);
GtkWidget *escale_demarches_site_get_web_view (EscaleDemarchesSite *self);

G_END_DECLS
