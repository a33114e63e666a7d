/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "escale-form-definition.h"

G_BEGIN_DECLS

/* One question on one screen: the question in large words, its help, the
 * control its type takes (a large entry; the keypad beside it for digits;
 * big buttons for a choice, "Oui"/"Non", a commune), and the kind message
 * next to the field when the answer cannot be taken. Signal "activate":
 * Enter was pressed in the entry. */
#define ESCALE_TYPE_FORM_QUESTION_VIEW (escale_form_question_view_get_type ())
G_DECLARE_FINAL_TYPE (EscaleFormQuestionView, escale_form_question_view, ESCALE,
                      FORM_QUESTION_VIEW, GtkBox)

/* @answer: the answer given before (the summary's "Modifier", or
 * "Précédent"), to show again; NULL if none. */
GtkWidget *escale_form_question_view_new (EscaleFormDefinition *definition, guint index,
                                          const char *answer);
/* What to give escale_form_check (). */
char *escale_form_question_view_get_input (EscaleFormQuestionView *self);
/* The message next to the field; NULL hides it. */
void escale_form_question_view_set_message (EscaleFormQuestionView *self, const char *message);
const char *escale_form_question_view_get_message (EscaleFormQuestionView *self);
/* Empties every control (the visit is over). */
void escale_form_question_view_clear (EscaleFormQuestionView *self);

G_END_DECLS
