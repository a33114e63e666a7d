/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "escale-activity.h"
#include "escale-visit.h"
#include "escale-web-profile.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_CULTURE_SITES (escale_culture_sites_get_type ())
G_DECLARE_FINAL_TYPE (EscaleCultureSites, escale_culture_sites, ESCALE, CULTURE_SITES, GtkWidget)

GtkWidget *escale_culture_sites_new (EscaleActivity *activity, EscaleVisit *visit,
                                     EscaleWebProfile *web_profile);
guint escale_culture_sites_get_n_sites (EscaleCultureSites *self);
void escale_culture_sites_show_list (EscaleCultureSites *self);
void escale_culture_sites_open (EscaleCultureSites *self, guint index);
GtkWidget *escale_culture_sites_get_web_view (EscaleCultureSites *self);

G_END_DECLS
