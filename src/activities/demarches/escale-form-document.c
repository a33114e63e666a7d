/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-demarches"

#include <glib/gi18n-lib.h>

#include "escale-form-document.h"

char *
escale_form_document_fill (const char *text, GHashTable *answers)
{
  g_autoptr(GString) filled = g_string_new (NULL);
  const char *p = text;

  for (const char *open = strchr (p, '{'); open != NULL; open = strchr (p, '{'))
    {
      const char *close = strchr (open, '}');
      g_autofree char *id = NULL;
      const char *answer;

      if (close == NULL)
        break;
      id = g_strndup (open + 1, close - open - 1);
      answer = g_hash_table_lookup (answers, id);
      if (answer == NULL || answer[0] == '\0')
        return NULL;
      g_string_append_len (filled, p, open - p);
      g_string_append (filled, answer);
      p = close + 1;
    }
  g_string_append (filled, p);
  return g_string_free (g_steal_pointer (&filled), FALSE);
}

static void
add_answers (EscaleDocument *document, EscaleFormDefinition *definition, GHashTable *answers)
{
  for (guint i = 0; i < escale_form_definition_get_n_questions (definition); i++)
    {
      const EscaleFormQuestion *q = escale_form_definition_get_question (definition, i);
      const char *answer = g_hash_table_lookup (answers, q->id);

      if (answer != NULL && answer[0] != '\0')
        escale_document_add_field (document, q->short_label, answer);
    }
}

static void
add_block (EscaleDocument *document, EscaleFormDefinition *definition, GHashTable *answers,
           const EscaleFormBlock *block)
{
  g_autofree char *text = NULL;
  int index;

  switch (block->type)
    {
    case ESCALE_FORM_BLOCK_HEADING:
    case ESCALE_FORM_BLOCK_PARAGRAPH:
    case ESCALE_FORM_BLOCK_CHECK:
      text = escale_form_document_fill (block->text, answers);
      if (text == NULL)
        return;
      if (block->type == ESCALE_FORM_BLOCK_HEADING)
        escale_document_add_heading (document, text);
      else if (block->type == ESCALE_FORM_BLOCK_PARAGRAPH)
        escale_document_add_paragraph (document, text);
      else
        escale_document_add_check_item (document, text);
      break;
    case ESCALE_FORM_BLOCK_FIELD:
      index = escale_form_definition_find_question (definition, block->text);
      if (index >= 0 && g_hash_table_contains (answers, block->text))
        escale_document_add_field (document,
                                   escale_form_definition_get_question (definition, index)
                                     ->short_label,
                                   g_hash_table_lookup (answers, block->text));
      break;
    case ESCALE_FORM_BLOCK_ANSWERS:
      add_answers (document, definition, answers);
      break;
    case ESCALE_FORM_BLOCK_SIGNATURE:
      escale_document_add_paragraph (document, "");
      escale_document_add_field (document, _ ("Signature"), NULL);
      break;
    default:
      g_assert_not_reached ();
    }
}

EscaleDocument *
escale_form_document_new (EscaleFormDefinition *definition, GHashTable *answers)
{
  EscaleDocument *document;
  GPtrArray *blocks;

  g_return_val_if_fail (ESCALE_IS_FORM_DEFINITION (definition), NULL);
  document = escale_document_new (escale_form_definition_get_document_title (definition));
  blocks = escale_form_definition_get_blocks (definition);
  for (guint i = 0; i < blocks->len; i++)
    add_block (document, definition, answers, blocks->pdata[i]);
  return document;
}
