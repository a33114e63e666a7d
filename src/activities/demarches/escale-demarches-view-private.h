/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-demarches-view.h"
#include "escale-document-output.h"
#include "escale-document.h"

G_BEGIN_DECLS

/* Shared by escale-demarches-view.c (state, actions) and
 * escale-demarches-view-screens.c (building the screens). */
struct _EscaleDemarchesView
{
  EscaleActivityView parent_instance;

  /* children */
  GtkWidget *scroller; /* holds the stack: no screen pushes the window off */
  GtkWidget *stack;
  GtkWidget *needs_grid;
  GtkWidget *tools_row; /* "Prendre rendez-vous avec le conseiller", then the added tools */
  GtkWidget *need_title;
  GtkWidget *need_grid;
  GtkWidget *need_more;
  GtkWidget *procedure_slot;
  GtkWidget *site_slot;
  GtkWidget *site;      /* EscaleDemarchesSite in site_slot, or NULL */
  GtkWidget *tool_slot; /* the page of the tool touched */
  GtkWidget *checklist_slot;

  /* borrowed from EscaleActivityView */
  EscaleActivity *activity;
  EscaleVisit *visit; /* nullable */
  EscaleWebProfile *web_profile;

  /* owned */
  GPtrArray *procedures; /* of EscaleProcedure */
  GPtrArray *tools;      /* of DemarchesTool */
  char *need;
  guint need_page;
  EscaleProcedure *procedure;   /* the one open, or NULL */
  EscaleDocumentOutput *output; /* lists printed or saved, pages counted for the visit */
};

/* "Other things" of the home's bottom row: the integrator adds "Remplir un
 * formulaire" (part C) and "Scanner un document" (part D) with this, in
 * escale_demarches_view_constructed (). Touching the button shows, under a
 * "Retour" bar, the page @make_page builds then (a new one each time; it
 * is dropped when the person leaves it). The page goes back itself with
 * escale_demarches_view_show_home (). */
typedef GtkWidget *(*EscaleDemarchesToolPageFunc) (EscaleDemarchesView *view, gpointer user_data);

void _escale_demarches_view_add_tool (EscaleDemarchesView *self, const char *label,
                                      const char *icon_name, EscaleDemarchesToolPageFunc make_page,
                                      gpointer user_data, GDestroyNotify destroy);

/* escale-demarches-view-tools.c: "Scanner un document", "Remplir un
 * formulaire". */
void _escale_demarches_view_add_tools (EscaleDemarchesView *self);

/* The procedure open, as it was left (not counted again). */
void _escale_demarches_view_back_to_procedure (EscaleDemarchesView *self);

/* escale-demarches-view-screens.c */
GtkWidget *_escale_demarches_home_new (EscaleDemarchesView *self);
GtkWidget *_escale_demarches_need_new (EscaleDemarchesView *self);
GtkWidget *_escale_demarches_procedure_new (EscaleDemarchesView *self, EscaleProcedure *procedure);
GtkWidget *_escale_demarches_booking_new (EscaleDemarchesView *self);
GtkWidget *_escale_demarches_checklist_new (EscaleDemarchesView *self, EscaleDocument *document);
EscaleDocument *_escale_demarches_checklist_document_new (EscaleDemarchesView *self,
                                                          EscaleProcedure *procedure);
GtkWidget *_escale_demarches_tool_frame_new (EscaleDemarchesView *self, GtkWidget **slot);
void _escale_demarches_fill_need (EscaleDemarchesView *self);
GtkWidget *_escale_demarches_button_new (const char *text, const char *css_class);

G_END_DECLS
