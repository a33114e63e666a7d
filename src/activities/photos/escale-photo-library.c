/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-photo-library"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "escale-photo-library.h"

#define TICK_MS 100

/* Finds a medium's pictures in a worker thread. What the worker shares with
 * the main thread is the root (immutable) and one atomic counter; the
 * photos are handed over once, when it returns. No name is ever logged. */
struct _EscalePhotoLibrary
{
  GObject parent_instance;

  /* owned */
  GFile *root;
  GListStore *photos; /* of EscalePhoto */
  GTask *scan;        /* the scan running, or NULL */
  GSource *tick;      /* reads the worker's counter while it runs */
  gint *worker_found; /* shared with the worker (atomic), an rc box */

  guint n_found;
};

G_DEFINE_FINAL_TYPE (EscalePhotoLibrary, escale_photo_library, G_TYPE_OBJECT)

/* The name has dashes, which clang-format would space out. */
/* clang-format off */
G_DEFINE_QUARK (escale-photo-library-error-quark, escale_photo_library_error)
/* clang-format on */

enum
{
  PROP_0,
  PROP_N_FOUND,
  N_PROPS,
};

static GParamSpec *props[N_PROPS];

/* The worker */

#define SCAN_ATTRIBUTES                                                                           \
  G_FILE_ATTRIBUTE_STANDARD_NAME                                                                  \
  "," G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_IS_HIDDEN                      \
  "," G_FILE_ATTRIBUTE_STANDARD_FAST_CONTENT_TYPE "," G_FILE_ATTRIBUTE_TIME_MODIFIED              \
  "," G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC

typedef struct
{
  GFile *dir;
  guint depth; /* 0 for the root */
} Folder;

typedef struct
{
  GFile *file;
  gint64 mtime_usec; /* G_MININT64: unknown */
  guint order;       /* found in this order: ties keep it */
} Found;

typedef struct
{
  GCancellable *cancellable;
  gint *n_found; /* atomic, shared */
  GQueue folders;
  GArray *found; /* of Found */
  guint n_entries;
} Scan;

static void
folder_free (Folder *folder)
{
  g_object_unref (folder->dir);
  g_free (folder);
}

static void
found_clear (Found *found)
{
  g_clear_object (&found->file);
}

static gboolean
has_photo_extension (const char *name)
{
  static const char *const extensions[] = { "jpg", "jpeg", "png", "heic", "heif", "webp" };
  const char *dot = strrchr (name, '.');

  if (dot == NULL || dot == name)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    if (g_ascii_strcasecmp (dot + 1, extensions[i]) == 0)
      return TRUE;
  return FALSE;
}

/* A gvfs backend (a phone, a camera) may give a type without a name that
 * says it; for local files this is the same guess from the name. */
static gboolean
has_photo_content_type (GFileInfo *info)
{
  static const char *const types[] = {
    "image/jpeg", "image/png", "image/heic", "image/heif", "image/webp",
  };
  const char *type =
    g_file_info_get_attribute_string (info, G_FILE_ATTRIBUTE_STANDARD_FAST_CONTENT_TYPE);

  if (type == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_content_type_equals (type, types[i]))
      return TRUE;
  return FALSE;
}

/* Folders that hold no one's photos: what Windows and Android leave on a
 * medium (hidden ones, such as .Trash-1000 or .thumbnails, are skipped
 * anyway). Names are bytes: compared as such, never as UTF-8. */
static gboolean
is_system_folder (const char *name)
{
  static const char *const names[] = { "System Volume Information", "$RECYCLE.BIN", "RECYCLER",
                                       "LOST.DIR", "lost+found" };

  if (g_str_has_prefix (name, ".Trash-"))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (name, names[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
scan_add_photo (Scan *scan, GFileEnumerator *enumerator, GFileInfo *info)
{
  Found found = { NULL, G_MININT64, scan->found->len };

  found.file = g_file_enumerator_get_child (enumerator, info);
  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_TIME_MODIFIED))
    found.mtime_usec =
      (gint64) g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) *
        G_USEC_PER_SEC +
      g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);
  g_array_append_val (scan->found, found);
  g_atomic_int_set (scan->n_found, (gint) scan->found->len);
}

/* Looks at one folder's names; FALSE when a limit was reached (or the scan
 * cancelled): then the scan stops. */
static gboolean
scan_folder (Scan *scan, Folder *folder, GError **error)
{
  g_autoptr (GFileEnumerator) enumerator = NULL;

  enumerator = g_file_enumerate_children (folder->dir, SCAN_ATTRIBUTES,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, scan->cancellable,
                                          error);
  if (enumerator == NULL)
    return !g_cancellable_is_cancelled (scan->cancellable);

  while (TRUE)
    {
      GFileInfo *info = NULL; /* owned by the enumerator */
      const char *name;

      if (!g_file_enumerator_iterate (enumerator, &info, NULL, scan->cancellable, NULL) ||
          info == NULL)
        break; /* the end, or this folder failed: the others are still read */
      if (++scan->n_entries > ESCALE_PHOTO_LIBRARY_MAX_ENTRIES)
        return FALSE;

      name = g_file_info_get_name (info);
      if (g_file_info_get_is_hidden (info) || name[0] == '.')
        continue;
      /* Symbolic links are never followed, to a folder or a file. */
      switch (g_file_info_get_file_type (info))
        {
        case G_FILE_TYPE_DIRECTORY:
          if (folder->depth < ESCALE_PHOTO_LIBRARY_MAX_DEPTH && !is_system_folder (name))
            {
              Folder *child = g_new0 (Folder, 1);

              child->dir = g_file_enumerator_get_child (enumerator, info);
              child->depth = folder->depth + 1;
              g_queue_push_tail (&scan->folders, child);
            }
          break;
        case G_FILE_TYPE_REGULAR:
          if (has_photo_extension (name) || has_photo_content_type (info))
            {
              scan_add_photo (scan, enumerator, info);
              if (scan->found->len >= ESCALE_PHOTO_LIBRARY_MAX_PHOTOS)
                return FALSE;
            }
          break;
        case G_FILE_TYPE_UNKNOWN:
        case G_FILE_TYPE_SYMBOLIC_LINK:
        case G_FILE_TYPE_SPECIAL:
        case G_FILE_TYPE_SHORTCUT:
        case G_FILE_TYPE_MOUNTABLE:
        default:
          break;
        }
    }
  return !g_cancellable_is_cancelled (scan->cancellable);
}

static int
found_compare (gconstpointer a, gconstpointer b)
{
  const Found *fa = a, *fb = b;

  if (fa->mtime_usec != fb->mtime_usec)
    return fa->mtime_usec > fb->mtime_usec ? -1 : 1; /* newest first */
  return fa->order < fb->order ? -1 : (fa->order > fb->order);
}

static GPtrArray *
found_to_photos (GArray *found)
{
  GPtrArray *photos = g_ptr_array_new_full (found->len, g_object_unref);

  g_array_sort (found, found_compare);
  for (guint i = 0; i < found->len; i++)
    {
      Found *f = &g_array_index (found, Found, i);
      g_autoptr (GDateTime) date = NULL;

      if (f->mtime_usec != G_MININT64)
        {
          g_autoptr (GDateTime)
                       seconds = g_date_time_new_from_unix_local (f->mtime_usec / G_USEC_PER_SEC);

          date = seconds ? g_date_time_add (seconds, f->mtime_usec % G_USEC_PER_SEC) : NULL;
        }
      g_ptr_array_add (photos, escale_photo_new (f->file, date));
    }
  return photos;
}

static void
scan_worker (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  EscalePhotoLibrary *self = source; /* only its root and counter, both immutable here */
  Scan scan = { cancellable, task_data, G_QUEUE_INIT, NULL, 0 };
  g_autoptr (GArray) found = g_array_new (FALSE, FALSE, sizeof (Found));
  Folder *folder = g_new0 (Folder, 1);
  g_autoptr (GError) error = NULL;
  gboolean go_on;

  g_array_set_clear_func (found, (GDestroyNotify) found_clear);
  scan.found = found;
  folder->dir = g_object_ref (self->root);
  go_on = scan_folder (&scan, folder, &error);
  folder_free (folder);

  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_message ("a medium's root could not be read (GIO error %d)", error->code);
      g_task_return_new_error (task, ESCALE_PHOTO_LIBRARY_ERROR,
                               ESCALE_PHOTO_LIBRARY_ERROR_UNREADABLE, "%s",
                               _ ("Les photos de ce support ne peuvent pas être lues."));
      return;
    }

  while (go_on && (folder = g_queue_pop_head (&scan.folders)) != NULL)
    {
      go_on = scan_folder (&scan, folder, NULL);
      folder_free (folder);
    }
  g_queue_clear_full (&scan.folders, (GDestroyNotify) folder_free);

  if (!g_task_return_error_if_cancelled (task))
    g_task_return_pointer (task, found_to_photos (found), (GDestroyNotify) g_ptr_array_unref);
}

/* The main thread */

static void
set_n_found (EscalePhotoLibrary *self, guint n_found)
{
  if (self->n_found == n_found)
    return;
  self->n_found = n_found;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_N_FOUND]);
}

static gboolean
tick_cb (gpointer user_data)
{
  EscalePhotoLibrary *self = user_data;

  set_n_found (self, (guint) g_atomic_int_get (self->worker_found));
  return G_SOURCE_CONTINUE;
}

static void
scan_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  EscalePhotoLibrary *self = ESCALE_PHOTO_LIBRARY (source);
  g_autoptr (GTask) task = g_steal_pointer (&self->scan);
  g_autoptr (GPtrArray) photos = NULL;
  GError *error = NULL;

  g_assert (task == user_data);
  if (self->tick != NULL)
    g_source_destroy (self->tick);
  g_clear_pointer (&self->tick, g_source_unref);

  photos = g_task_propagate_pointer (G_TASK (result), &error);
  if (photos == NULL)
    {
      set_n_found (self, g_list_model_get_n_items (G_LIST_MODEL (self->photos)));
      g_task_return_error (task, error);
      return;
    }
  g_list_store_splice (self->photos, 0, g_list_model_get_n_items (G_LIST_MODEL (self->photos)),
                       photos->pdata, photos->len);
  set_n_found (self, photos->len);
  g_task_return_boolean (task, TRUE);
}

void
escale_photo_library_scan_async (EscalePhotoLibrary *self, GCancellable *cancellable,
                                 GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GTask) worker = NULL;

  g_return_if_fail (ESCALE_IS_PHOTO_LIBRARY (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, escale_photo_library_scan_async);
  if (self->scan != NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING, "a scan is already running");
      return;
    }

  self->scan = g_object_ref (task);
  g_atomic_int_set (self->worker_found, 0);
  set_n_found (self, 0);
  self->tick = g_timeout_source_new (TICK_MS);
  g_source_set_callback (self->tick, tick_cb, self, NULL);
  g_source_set_static_name (self->tick, "[escale] photo scan progress");
  g_source_attach (self->tick, g_task_get_context (task));

  worker = g_task_new (self, cancellable, scan_done_cb, task);
  g_task_set_source_tag (worker, scan_worker);
  g_task_set_task_data (worker, g_atomic_rc_box_acquire (self->worker_found),
                        (GDestroyNotify) g_atomic_rc_box_release);
  g_task_run_in_thread (worker, scan_worker);
}

gboolean
escale_photo_library_scan_finish (EscalePhotoLibrary *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

guint
escale_photo_library_get_n_found (EscalePhotoLibrary *self)
{
  g_return_val_if_fail (ESCALE_IS_PHOTO_LIBRARY (self), 0);
  return self->n_found;
}

GListModel *
escale_photo_library_get_photos (EscalePhotoLibrary *self)
{
  g_return_val_if_fail (ESCALE_IS_PHOTO_LIBRARY (self), NULL);
  return G_LIST_MODEL (self->photos);
}

static void
escale_photo_library_get_property (GObject *object, guint prop_id, GValue *value,
                                   GParamSpec *pspec)
{
  EscalePhotoLibrary *self = ESCALE_PHOTO_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_N_FOUND:
      g_value_set_uint (value, self->n_found);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_photo_library_finalize (GObject *object)
{
  EscalePhotoLibrary *self = ESCALE_PHOTO_LIBRARY (object);

  /* A scan holds a reference: none runs now. */
  g_clear_object (&self->root);
  g_clear_object (&self->photos);
  g_clear_pointer (&self->worker_found, g_atomic_rc_box_release);
  G_OBJECT_CLASS (escale_photo_library_parent_class)->finalize (object);
}

static void
escale_photo_library_class_init (EscalePhotoLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = escale_photo_library_get_property;
  object_class->finalize = escale_photo_library_finalize;

  props[PROP_N_FOUND] =
    g_param_spec_uint ("n-found", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, props);
}

static void
escale_photo_library_init (EscalePhotoLibrary *self)
{
  self->photos = g_list_store_new (ESCALE_TYPE_PHOTO);
  self->worker_found = g_atomic_rc_box_new0 (gint);
}

EscalePhotoLibrary *
escale_photo_library_new (GFile *root)
{
  EscalePhotoLibrary *self;

  g_return_val_if_fail (G_IS_FILE (root), NULL);

  self = g_object_new (ESCALE_TYPE_PHOTO_LIBRARY, NULL);
  self->root = g_object_ref (root);
  return self;
}
