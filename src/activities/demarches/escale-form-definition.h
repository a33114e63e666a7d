/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A simple form written by the centre (one .ini in kiosk-config/formulaires/,
 * format in its README.md): its questions, one a screen, the communes a
 * postal code may name, and the document made of the answers. GLib only:
 * `escale --check-config` loads every form with it. Every problem is a
 * FILE:LINE: key message; a form with any is not offered to visitors. */

typedef enum
{
  ESCALE_FORM_FIELD_TEXT,
  ESCALE_FORM_FIELD_NUMBER,
  ESCALE_FORM_FIELD_DATE,
  ESCALE_FORM_FIELD_CHOICE,
  ESCALE_FORM_FIELD_YES_NO,
  ESCALE_FORM_FIELD_POSTAL_CODE, /* the code on the keypad, then the commune from the list */
  ESCALE_FORM_FIELD_PHONE,
  ESCALE_FORM_FIELD_EMAIL,
} EscaleFormFieldType;

typedef enum
{
  ESCALE_FORM_WHEN_ANY,
  ESCALE_FORM_WHEN_PAST,   /* today or before: a birth date */
  ESCALE_FORM_WHEN_FUTURE, /* today or after: the day of a journey */
} EscaleFormWhen;

#define ESCALE_FORM_END "fin" /* next=fin: the summary comes next */

typedef struct
{
  char *id; /* [a-z0-9-]+, {id} in the document */
  EscaleFormFieldType type;
  char *label;       /* the question, as asked */
  char *short_label; /* in the summary and the document */
  char *help;        /* nullable: one sentence under the question */
  gboolean required;
  GStrv choices; /* CHOICE: 2 to 6 */
  gboolean has_min, has_max;
  gint64 min, max;     /* NUMBER */
  EscaleFormWhen when; /* DATE */
  char *next;          /* nullable: an id or ESCALE_FORM_END; NULL: the following one */
  char *next_if_yes;   /* YES_NO only, nullable */
  char *next_if_no;    /* YES_NO only, nullable */
} EscaleFormQuestion;

typedef struct
{
  char *postal_code; /* 5 digits */
  char *name;
} EscaleFormCommune;

typedef enum
{
  ESCALE_FORM_BLOCK_HEADING,   /* heading:Text */
  ESCALE_FORM_BLOCK_PARAGRAPH, /* paragraph:Text with {id} */
  ESCALE_FORM_BLOCK_CHECK,     /* check:Text with {id} */
  ESCALE_FORM_BLOCK_FIELD,     /* field:id, the question's short label and its answer */
  ESCALE_FORM_BLOCK_ANSWERS,   /* answers: every answer given, as fields */
  ESCALE_FORM_BLOCK_SIGNATURE, /* signature: a line to sign on */
} EscaleFormBlockType;

typedef struct
{
  EscaleFormBlockType type;
  char *text; /* the text or the question's id; NULL for answers and signature */
} EscaleFormBlock;

#define ESCALE_TYPE_FORM_DEFINITION (escale_form_definition_get_type ())
G_DECLARE_FINAL_TYPE (EscaleFormDefinition, escale_form_definition, ESCALE, FORM_DEFINITION,
                      GObject)

/* @problems: of EscaleConfigProblem. NULL if the form is unusable (any
 * problem makes it so: a visitor never meets a half-checked form). */
EscaleFormDefinition *escale_form_definition_load (const char *path, const char *display_name,
                                                   GPtrArray *problems);
/* Every *.ini of @dir, by file name; @display_dir names them in problems. */
GPtrArray *escale_form_definitions_load_dir (const char *dir, const char *display_dir,
                                             GPtrArray *problems);

const char *escale_form_definition_get_title (EscaleFormDefinition *self);
/* A Coop category slug, or "autre" when the file names none. */
const char *escale_form_definition_get_category (EscaleFormDefinition *self);
const char *escale_form_definition_get_intro (EscaleFormDefinition *self); /* nullable */
const char *escale_form_definition_get_document_title (EscaleFormDefinition *self);
guint escale_form_definition_get_n_questions (EscaleFormDefinition *self);
const EscaleFormQuestion *escale_form_definition_get_question (EscaleFormDefinition *self,
                                                               guint index);
int escale_form_definition_find_question (EscaleFormDefinition *self, const char *id);
/* Of EscaleFormCommune, in the file's order. */
GPtrArray *escale_form_definition_get_communes (EscaleFormDefinition *self);
/* Of EscaleFormBlock. */
GPtrArray *escale_form_definition_get_blocks (EscaleFormDefinition *self);
/* The question after @index given its @answer (NULL if unanswered): its
 * index, or -1 for the summary. */
int escale_form_definition_next (EscaleFormDefinition *self, guint index, const char *answer);

G_END_DECLS
