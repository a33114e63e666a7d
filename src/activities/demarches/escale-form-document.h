/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-document.h"
#include "escale-form-definition.h"

G_BEGIN_DECLS

/* The form's document made of @answers (question id -> the answer as
 * escale_form_check () gave it; "" for an optional question left empty; no
 * entry for a question the way through did not ask). A block naming a
 * question not asked, or left empty, is left out; a field left empty
 * keeps a line to write on by hand. */
EscaleDocument *escale_form_document_new (EscaleFormDefinition *definition, GHashTable *answers);

/* @text with each {id} replaced by its answer; NULL when one of them was
 * not asked or left empty. */
char *escale_form_document_fill (const char *text, GHashTable *answers);

G_END_DECLS
