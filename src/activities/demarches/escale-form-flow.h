/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "escale-document-output.h"
#include "escale-form-definition.h"
#include "escale-visit.h"

G_BEGIN_DECLS

/* A whole form, as a person fills it in: what it is for ("Commencer"),
 * then one question a screen ("Précédent" always, "Suivant" checks the
 * answer and says kindly what is expected), then the summary to check
 * (each answer with "Modifier"), then the document printed or saved
 * (EscaleDocumentOutputChooser), then "J'ai terminé".
 *
 * Signals: "finished" (the person touched "J'ai terminé" once the document
 * was printed or saved; forms-completed--<slug> was counted at that first print or
 * save), "cancelled" (the person left from the first screen: answers
 * dropped). Everything typed lives in this widget's memory only, and is
 * dropped when it goes, or by the visit's wiper (the visit may be NULL in
 * tests). */
#define ESCALE_TYPE_FORM_FLOW (escale_form_flow_get_type ())
G_DECLARE_FINAL_TYPE (EscaleFormFlow, escale_form_flow, ESCALE, FORM_FLOW, GtkBox)

GtkWidget *escale_form_flow_new (EscaleFormDefinition *definition, EscaleVisit *visit,
                                 EscaleDocumentOutput *output);

/* For tests and screenshots. */
const char *escale_form_flow_get_screen (EscaleFormFlow *self); /* intro question summary output */
const char *escale_form_flow_get_question_id (EscaleFormFlow *self); /* NULL off a question */
const char *escale_form_flow_get_message (EscaleFormFlow *self);     /* next to the field */
guint escale_form_flow_get_n_answers (EscaleFormFlow *self);
/* The document of the output screen, or NULL. */
EscaleDocument *escale_form_flow_get_document (EscaleFormFlow *self);
/* The date "past" and "future" dates are measured from (tests). */
void escale_form_flow_set_today (EscaleFormFlow *self, GDate *today);

G_END_DECLS
