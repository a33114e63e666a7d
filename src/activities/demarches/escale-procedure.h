/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One step of a procedure: what to do, its picture (an absolute path) and
 * an optional glob on the page's address telling that the person is at it. */
typedef struct
{
  char *text;
  char *picture;
  char *address; /* nullable: a GPatternSpec glob, "*" matches anything */
} EscaleProcedureStep;

#define ESCALE_TYPE_PROCEDURE (escale_procedure_get_type ())
G_DECLARE_FINAL_TYPE (EscaleProcedure, escale_procedure, ESCALE, PROCEDURE, GObject)

/* La Coop de la médiation numérique's administrative categories (slugs),
 * and "autre" for what has none. */
#define ESCALE_PROCEDURE_CATEGORY_OTHER "autre"

const char *const *escale_procedure_category_slugs (void);
const char *escale_procedure_category_label (const char *slug);
gboolean escale_procedure_category_is_known (const char *slug);

/* The needs of the activity's home, in the order of its buttons. */
const char *const *escale_procedure_need_ids (void);
const char *escale_procedure_need_label (const char *need);

EscaleProcedure *escale_procedure_load (const char *path, const char *display_name,
                                        GPtrArray *problems);
GPtrArray *escale_procedures_load_dir (const char *dir, const char *display_dir,
                                       GPtrArray *problems);

const char *escale_procedure_get_id (EscaleProcedure *self);
const char *escale_procedure_get_title (EscaleProcedure *self);
const char *escale_procedure_get_category (EscaleProcedure *self);
const char *escale_procedure_get_need (EscaleProcedure *self);
const char *escale_procedure_get_purpose (EscaleProcedure *self);
const char *const *escale_procedure_get_bring (EscaleProcedure *self);
const char *const *escale_procedure_get_pitfalls (EscaleProcedure *self);
const char *const *escale_procedure_get_ask_conseiller (EscaleProcedure *self);
guint escale_procedure_get_n_steps (EscaleProcedure *self);
const EscaleProcedureStep *escale_procedure_get_step (EscaleProcedure *self, guint index);
const char *escale_procedure_get_site_url (EscaleProcedure *self);
const char *const *escale_procedure_get_site_allow (EscaleProcedure *self);
guint escale_procedure_find_step (EscaleProcedure *self, const char *uri);

G_END_DECLS
