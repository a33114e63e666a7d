/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-form-definition.h"

G_BEGIN_DECLS

/* What a person typed or chose, checked for one question (GLib only):
 * TRUE with @value set to the answer as the summary and the document show
 * it (a date 14/07/1950, a phone 05 53 12 34 56, a commune "24200
 * Sarlat-la-Canéda", "oui"/"non"), "" for an optional question left empty;
 * or FALSE with @message set to one kind French sentence, said next to the
 * field. @input: the text typed (the keypad's digits for a number, a date,
 * a postal code or a phone), or the choice touched; for a postal code,
 * "24200" then "24200 Sarlat-la-Canéda" once the commune is chosen.
 * @today: the date that "past" and "future" are measured from. */
gboolean escale_form_check (const EscaleFormQuestion *question, EscaleFormDefinition *definition,
                            const char *input, GDate *today, char **value, char **message);

/* The communes of @definition whose postal code is @postal_code (5 digits). */
GPtrArray *escale_form_communes_for (EscaleFormDefinition *definition, const char *postal_code);

G_END_DECLS
