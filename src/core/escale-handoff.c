/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-handoff"

#include "escale-handoff.h"

/* What one activity leaves for another during the same visit ("Montrer à
 * ma famille": the photo for the call), by an agreed name, with the kind
 * that gave it. One thing per name: a new one replaces the old. The kiosk
 * owns the one table and empties it at every reset (its wiper "handoff"),
 * so nothing handed over reaches the next visitor; the activities reach it
 * only through their EscaleVisit. The objects are opaque here (core knows
 * no GTK): a texture for the photos, whatever the two kinds agree on. */
struct _EscaleHandoff
{
  GObject parent_instance;

  GHashTable *items; /* name -> Item, owned */
};

typedef struct
{
  GObject *object;
  char *giver_kind;
} Item;

G_DEFINE_FINAL_TYPE (EscaleHandoff, escale_handoff, G_TYPE_OBJECT)

static void
item_free (gpointer data)
{
  Item *item = data;

  g_clear_object (&item->object);
  g_free (item->giver_kind);
  g_free (item);
}

static void
escale_handoff_dispose (GObject *object)
{
  EscaleHandoff *self = ESCALE_HANDOFF (object);

  if (self->items != NULL)
    g_hash_table_remove_all (self->items);
  G_OBJECT_CLASS (escale_handoff_parent_class)->dispose (object);
}

static void
escale_handoff_finalize (GObject *object)
{
  g_clear_pointer (&ESCALE_HANDOFF (object)->items, g_hash_table_unref);
  G_OBJECT_CLASS (escale_handoff_parent_class)->finalize (object);
}

static void
escale_handoff_class_init (EscaleHandoffClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = escale_handoff_dispose;
  object_class->finalize = escale_handoff_finalize;
}

static void
escale_handoff_init (EscaleHandoff *self)
{
  self->items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, item_free);
}

EscaleHandoff *
escale_handoff_new (void)
{
  return g_object_new (ESCALE_TYPE_HANDOFF, NULL);
}

/* Leaves @object (a GObject, referenced) under @name, given by an activity
 * of the kind @giver_kind; replaces what was there. */
void
escale_handoff_put (EscaleHandoff *self, const char *name, const char *giver_kind, gpointer object)
{
  Item *item;

  g_return_if_fail (ESCALE_IS_HANDOFF (self));
  g_return_if_fail (name != NULL && giver_kind != NULL);
  g_return_if_fail (G_IS_OBJECT (object));

  item = g_new0 (Item, 1);
  item->object = g_object_ref (object);
  item->giver_kind = g_strdup (giver_kind);
  g_hash_table_replace (self->items, g_strdup (name), item);
}

/* Returns: (transfer full) (nullable): what was left under @name, which is
 * then no longer here; @giver_kind (optional) gets the giver's kind. */
gpointer
escale_handoff_take (EscaleHandoff *self, const char *name, char **giver_kind)
{
  Item *item;
  gpointer object;

  g_return_val_if_fail (ESCALE_IS_HANDOFF (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (giver_kind != NULL)
    *giver_kind = NULL;
  item = g_hash_table_lookup (self->items, name);
  if (item == NULL)
    return NULL;
  object = g_steal_pointer (&item->object);
  if (giver_kind != NULL)
    *giver_kind = g_steal_pointer (&item->giver_kind);
  g_hash_table_remove (self->items, name);
  return object;
}

/* Drops everything: the end of a visit. */
void
escale_handoff_clear (EscaleHandoff *self)
{
  g_return_if_fail (ESCALE_IS_HANDOFF (self));
  g_hash_table_remove_all (self->items);
}
