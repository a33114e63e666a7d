/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-config"

#include <glib/gi18n-lib.h>

#include "escale-config-file.h"
#include "escale-culture-collection.h"

/* A collection of the culture corner, as a centre drops it in a folder
 * (see kiosk-config/culture/README.md):
 *
 *   FOLDER/collection.ini    [Collection] title, description
 *                            [Item N] title, image, caption, text-N, credit,
 *                                     audio, video
 *   FOLDER/...               the pictures, sounds and films it names
 *
 * Problems are reported as "culture/FOLDER/collection.ini:LINE: key: what to
 * do", like the rest of the configuration; an item whose picture is
 * missing is left out, the others are shown. */
struct _EscaleCultureCollection
{
  GObject parent_instance;

  char *title;
  char *description;
  GPtrArray *items; /* of EscaleCultureItem */
};

G_DEFINE_FINAL_TYPE (EscaleCultureCollection, escale_culture_collection, G_TYPE_OBJECT)

static const EscaleKeySpec collection_keys[] = {
  { "Collection", "title", ESCALE_KEY_STRING, 0, 0, TRUE },
  { "Collection", "description", ESCALE_KEY_STRING },
  { "Item *", "title", ESCALE_KEY_STRING, 0, 0, TRUE },
  { "Item *", "image", ESCALE_KEY_PATH, 0, 0, TRUE },
  { "Item *", "caption", ESCALE_KEY_STRING },
  { "Item *", "text-*", ESCALE_KEY_STRING },
  { "Item *", "credit", ESCALE_KEY_STRING },
  { "Item *", "audio", ESCALE_KEY_PATH },
  { "Item *", "video", ESCALE_KEY_PATH },
  { NULL },
};

static void
item_free (gpointer data)
{
  EscaleCultureItem *item = data;

  g_free (item->title);
  g_free (item->caption);
  g_strfreev (item->paragraphs);
  g_free (item->credit);
  g_free (item->image);
  g_free (item->audio);
  g_free (item->video);
  g_free (item);
}

static void
escale_culture_collection_finalize (GObject *object)
{
  EscaleCultureCollection *self = ESCALE_CULTURE_COLLECTION (object);

  g_free (self->title);
  g_free (self->description);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  G_OBJECT_CLASS (escale_culture_collection_parent_class)->finalize (object);
}

static void
escale_culture_collection_class_init (EscaleCultureCollectionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = escale_culture_collection_finalize;
}

static void
escale_culture_collection_init (EscaleCultureCollection *self)
{
  self->items = g_ptr_array_new_with_free_func (item_free);
}

/* A path the validation accepted (inside the folder, existing), made absolute. */
static char *
get_path (GKeyFile *key_file, const char *dir, const char *group, const char *key)
{
  g_autofree char *value = escale_key_file_get_text (key_file, group, key);
  g_autofree char *full = NULL;

  if (value == NULL || g_path_is_absolute (value) || strstr (value, "..") != NULL)
    return NULL;
  full = g_build_filename (dir, value, NULL);
  return g_file_test (full, G_FILE_TEST_IS_REGULAR) ? g_steal_pointer (&full) : NULL;
}

static int
compare_item_groups (gconstpointer a, gconstpointer b)
{
  const char *ga = *(const char *const *) a;
  const char *gb = *(const char *const *) b;

  return (int) (g_ascii_strtoll (ga + 5, NULL, 10) - g_ascii_strtoll (gb + 5, NULL, 10));
}

/* Loads DIR/collection.ini. Returns NULL with @error when the file cannot
 * be read; otherwise a collection (maybe with fewer items) and the
 * problems found, for the staff. @display_dir names the folder in messages. */
EscaleCultureCollection *
escale_culture_collection_load (const char *dir, const char *display_dir, GPtrArray *problems,
                                GError **error)
{
  g_autoptr(EscaleCultureCollection) self = NULL;
  g_autoptr(EscaleConfigFile) file = NULL;
  g_autofree char *path = g_build_filename (dir, "collection.ini", NULL);
  g_autofree char *display =
    g_build_filename (display_dir ? display_dir : dir, "collection.ini", NULL);
  const EscaleKeySpec *spec_lists[] = { collection_keys, NULL };
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  g_auto(GStrv) all_groups = NULL;
  GKeyFile *key_file;

  g_return_val_if_fail (dir != NULL && problems != NULL, NULL);

  file = escale_config_file_load (path, display, problems, error);
  if (file == NULL)
    return NULL;
  escale_config_file_validate (file, spec_lists, dir, problems);
  key_file = escale_config_file_get_key_file (file);

  self = g_object_new (ESCALE_TYPE_CULTURE_COLLECTION, NULL);
  self->title = escale_key_file_get_text (key_file, "Collection", "title");
  self->description = escale_key_file_get_text (key_file, "Collection", "description");
  if (self->title == NULL)
    self->title = g_path_get_basename (dir);

  all_groups = g_key_file_get_groups (key_file, NULL);
  for (guint i = 0; all_groups[i] != NULL; i++)
    if (g_str_has_prefix (all_groups[i], "Item ") && g_ascii_isdigit (all_groups[i][5]))
      g_ptr_array_add (groups, all_groups[i]);
  g_ptr_array_sort (groups, compare_item_groups);

  for (guint i = 0; i < groups->len; i++)
    {
      const char *group = groups->pdata[i];
      EscaleCultureItem *item = g_new0 (EscaleCultureItem, 1);

      item->title = escale_key_file_get_text (key_file, group, "title");
      item->image = get_path (key_file, dir, group, "image");
      if (item->title == NULL || item->image == NULL)
        {
          /* The validation already said what is missing, with its line. */
          item_free (item);
          continue;
        }
      item->caption = escale_key_file_get_text (key_file, group, "caption");
      if (item->caption == NULL)
        item->caption = g_strdup (item->title);
      item->paragraphs = escale_config_file_get_numbered (file, group, "text");
      item->credit = escale_key_file_get_text (key_file, group, "credit");
      item->audio = get_path (key_file, dir, group, "audio");
      item->video = get_path (key_file, dir, group, "video");
      g_ptr_array_add (self->items, item);
    }

  if (self->items->len == 0)
    escale_config_problem_add (problems, display, 0, NULL,
                               _ ("la collection n'a aucune œuvre à montrer : ajoutez un groupe "
                                  "[Item 1] avec un titre et une image"));
  return g_steal_pointer (&self);
}

const char *
escale_culture_collection_get_title (EscaleCultureCollection *self)
{
  g_return_val_if_fail (ESCALE_IS_CULTURE_COLLECTION (self), NULL);
  return self->title;
}

const char *
escale_culture_collection_get_description (EscaleCultureCollection *self)
{
  g_return_val_if_fail (ESCALE_IS_CULTURE_COLLECTION (self), NULL);
  return self->description;
}

guint
escale_culture_collection_get_n_items (EscaleCultureCollection *self)
{
  g_return_val_if_fail (ESCALE_IS_CULTURE_COLLECTION (self), 0);
  return self->items->len;
}

const EscaleCultureItem *
escale_culture_collection_get_item (EscaleCultureCollection *self, guint index)
{
  g_return_val_if_fail (ESCALE_IS_CULTURE_COLLECTION (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);
  return self->items->pdata[index];
}
