/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "escale-form-definition.h"
#include "escale-form-flow.h"

G_BEGIN_DECLS

/* A form with one question of every type (text, number, date, choice,
 * yes-no, postal code and commune, phone, e-mail), written in @dir. */
EscaleFormDefinition *form_test_every_type (const char *dir);
/* Answers the flow's current question as a person would: digits on the
 * keypad, words typed in the entry, a choice touched; a postal code's
 * commune after a space ("24200 Vitrac"). Does not touch "Suivant". */
void form_test_type (EscaleFormFlow *flow, EscaleFormDefinition *definition, const char *answer);
/* Types @answer, then touches "Suivant". */
void form_test_answer (EscaleFormFlow *flow, EscaleFormDefinition *definition, const char *answer);
/* The text of the question's entry, or NULL. */
const char *form_test_entry_text (GtkWidget *root);
/* Whether any label or entry under @root shows text containing @needle. */
gboolean form_test_shows_text (GtkWidget *root, const char *needle);

G_END_DECLS
