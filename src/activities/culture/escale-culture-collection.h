/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One work of a collection: a picture, words to read, maybe a sound or a
 * film. Paths are absolute, checked to exist when the collection loaded. */
typedef struct
{
  char *title;
  char *caption;     /* one line, for the slideshow; the title if unset */
  char **paragraphs; /* text-1, text-2... */
  char *credit;
  char *image;
  char *audio; /* nullable */
  char *video; /* nullable */
} EscaleCultureItem;

#define ESCALE_TYPE_CULTURE_COLLECTION (escale_culture_collection_get_type ())
G_DECLARE_FINAL_TYPE (EscaleCultureCollection, escale_culture_collection, ESCALE,
                      CULTURE_COLLECTION, GObject)

EscaleCultureCollection *escale_culture_collection_load (const char *dir, const char *display_dir,
                                                         GPtrArray *problems, GError **error);
const char *escale_culture_collection_get_title (EscaleCultureCollection *self);
const char *escale_culture_collection_get_description (EscaleCultureCollection *self);
guint escale_culture_collection_get_n_items (EscaleCultureCollection *self);
const EscaleCultureItem *escale_culture_collection_get_item (EscaleCultureCollection *self,
                                                             guint index);

G_END_DECLS
