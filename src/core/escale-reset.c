/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-reset"

#include "escale-reset.h"

/* The registry of everything that holds a person's data. A reset runs every
 * wiper in registration order; a wiper that fails is tried once more, and any
 * failure is reported to the caller, which must not show the welcome screen
 * over data that may remain. */
struct _EscaleReset
{
  GObject parent_instance;

  GPtrArray *wipers; /* of Wiper */
  char *last_failure;
};

typedef struct
{
  char *name;
  EscaleWipeFunc func;
  gpointer user_data;
  GDestroyNotify destroy;
  gboolean for_visit; /* dropped once a reset wiped everything */
} Wiper;

G_DEFINE_FINAL_TYPE (EscaleReset, escale_reset, G_TYPE_OBJECT)
/* The name has dashes, which clang-format would space out. */
/* clang-format off */
G_DEFINE_QUARK (escale-reset-error-quark, escale_reset_error)
/* clang-format on */

static void
wiper_free (gpointer data)
{
  Wiper *wiper = data;

  if (wiper->destroy)
    wiper->destroy (wiper->user_data);
  g_free (wiper->name);
  g_free (wiper);
}

static void
escale_reset_finalize (GObject *object)
{
  EscaleReset *self = ESCALE_RESET (object);

  g_clear_pointer (&self->wipers, g_ptr_array_unref);
  g_clear_pointer (&self->last_failure, g_free);
  G_OBJECT_CLASS (escale_reset_parent_class)->finalize (object);
}

static void
escale_reset_class_init (EscaleResetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = escale_reset_finalize;
}

static void
escale_reset_init (EscaleReset *self)
{
  self->wipers = g_ptr_array_new_with_free_func (wiper_free);
}

EscaleReset *
escale_reset_new (void)
{
  return g_object_new (ESCALE_TYPE_RESET, NULL);
}

/* Registers a wiper under a unique @name; a second registration with the same
 * name replaces the first (a page that is rebuilt registers again). */
void
escale_reset_register (EscaleReset *self, const char *name, EscaleWipeFunc func,
                       gpointer user_data, GDestroyNotify destroy)
{
  Wiper *wiper;

  g_return_if_fail (ESCALE_IS_RESET (self));
  g_return_if_fail (name != NULL);
  g_return_if_fail (func != NULL);

  escale_reset_unregister (self, name);
  wiper = g_new0 (Wiper, 1);
  wiper->name = g_strdup (name);
  wiper->func = func;
  wiper->user_data = user_data;
  wiper->destroy = destroy;
  g_ptr_array_add (self->wipers, wiper);
}

/* Registers a wiper for the current visit only: it runs at the next reset
 * (and its retries), and is dropped once a reset succeeded, so nothing of
 * one visit's wipers reaches the next visit. What a page opened for the
 * visit leaves behind is wiped even when the page is gone by then. */
void
escale_reset_register_for_visit (EscaleReset *self, const char *name, EscaleWipeFunc func,
                                 gpointer user_data, GDestroyNotify destroy)
{
  escale_reset_register (self, name, func, user_data, destroy);
  if (self->wipers->len > 0)
    ((Wiper *) g_ptr_array_index (self->wipers, self->wipers->len - 1))->for_visit = TRUE;
}

static void
drop_visit_wipers (EscaleReset *self)
{
  for (guint i = self->wipers->len; i > 0; i--)
    if (((Wiper *) g_ptr_array_index (self->wipers, i - 1))->for_visit)
      g_ptr_array_remove_index (self->wipers, i - 1);
}

void
escale_reset_unregister (EscaleReset *self, const char *name)
{
  g_return_if_fail (ESCALE_IS_RESET (self));

  for (guint i = 0; i < self->wipers->len; i++)
    {
      Wiper *wiper = g_ptr_array_index (self->wipers, i);

      if (g_str_equal (wiper->name, name))
        {
          g_ptr_array_remove_index (self->wipers, i);
          return;
        }
    }
}

/* The first wiper, in registration order, that has not run yet. A wiper
 * may unregister others while it runs (the UI wiper drops the activity
 * page, whose view then unregisters its own), so the list is read again
 * each time rather than walked by index. */
static Wiper *
next_wiper (EscaleReset *self, GHashTable *done)
{
  for (guint i = 0; i < self->wipers->len; i++)
    {
      Wiper *wiper = g_ptr_array_index (self->wipers, i);

      if (!g_hash_table_contains (done, wiper->name))
        return wiper;
    }
  return NULL;
}

/* Runs every wiper. Returns FALSE if any still failed after its retry; the
 * error names each of them. Every wiper runs even if an earlier one failed. */
gboolean
escale_reset_run (EscaleReset *self, GError **error)
{
  g_autoptr(GString) failures = g_string_new (NULL);
  g_autoptr(GHashTable) done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Wiper *wiper;

  g_return_val_if_fail (ESCALE_IS_RESET (self), FALSE);

  while ((wiper = next_wiper (self, done)) != NULL)
    {
      g_autoptr(GError) first = NULL;
      g_autoptr(GError) second = NULL;
      char *name = g_strdup (wiper->name);

      g_hash_table_add (done, name);
      if (wiper->func (wiper->user_data, &first))
        continue;

      g_warning ("Wiper “%s” failed, trying again: %s", name,
                 first ? first->message : "no reason given");
      if (wiper->func (wiper->user_data, &second))
        continue;

      g_warning ("Wiper “%s” failed twice: %s", name,
                 second ? second->message : "no reason given");
      g_string_append_printf (failures, "%s%s: %s", failures->len ? "; " : "", name,
                              second ? second->message : "no reason given");
    }

  g_clear_pointer (&self->last_failure, g_free);
  if (failures->len == 0)
    {
      drop_visit_wipers (self);
      return TRUE;
    }

  self->last_failure = g_strdup (failures->str);
  g_set_error (error, ESCALE_RESET_ERROR, ESCALE_RESET_ERROR_WIPER_FAILED,
               "Some data may remain: %s", failures->str);
  return FALSE;
}

guint
escale_reset_get_n_wipers (EscaleReset *self)
{
  g_return_val_if_fail (ESCALE_IS_RESET (self), 0);
  return self->wipers->len;
}

const char *
escale_reset_get_wiper_name (EscaleReset *self, guint index)
{
  g_return_val_if_fail (ESCALE_IS_RESET (self), NULL);
  g_return_val_if_fail (index < self->wipers->len, NULL);
  return ((Wiper *) g_ptr_array_index (self->wipers, index))->name;
}

/* What the last run could not wipe, for the staff screen; NULL if all went well. */
const char *
escale_reset_get_last_failure (EscaleReset *self)
{
  g_return_val_if_fail (ESCALE_IS_RESET (self), NULL);
  return self->last_failure;
}
