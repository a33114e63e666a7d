/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "escale-form-definition.h"

G_BEGIN_DECLS

/* A big on-screen keypad (0-9 and "Effacer") that types into @target, for
 * a number, a date, a postal code or a phone: the digits are shown as they
 * are written on paper (14/07/1950, 05 53 12 34 56), at most as many as
 * the field takes. */
#define ESCALE_TYPE_FORM_KEYPAD (escale_form_keypad_get_type ())
G_DECLARE_FINAL_TYPE (EscaleFormKeypad, escale_form_keypad, ESCALE, FORM_KEYPAD, GtkGrid)

GtkWidget *escale_form_keypad_new (GtkEditable *target, EscaleFormFieldType type);
/* The digits of @text shown the way @type writes them. */
char *escale_form_keypad_format (EscaleFormFieldType type, const char *digits);

G_END_DECLS
