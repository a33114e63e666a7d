/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-photo-media"

#include "escale-photo-media.h"

/* The media a visitor plugs in, as GIO's volume monitor sees them: with
 * udisks2 and gvfs (gvfs-daemons, gvfs-backends) sticks, cards, phones over
 * MTP or AFC and cameras over PTP; without them, GIO's own unix monitor,
 * which sees what is mounted under /media. Nothing here logs a name. */
struct _EscalePhotoMedia
{
  GObject parent_instance;

  /* owned */
  GVolumeMonitor *monitor;
  GListStore *media;         /* of EscalePhotoMedium */
  GHashTable *pending;       /* GMount -> GCancellable of its read-only query */
  GHashTable *mounting;      /* GVolume set: mounts we asked for, not finished */
  GCancellable *cancellable; /* for our volume mounts, cancelled in dispose */
};

G_DEFINE_FINAL_TYPE (EscalePhotoMedia, escale_photo_media, G_TYPE_OBJECT)

enum
{
  SIGNAL_MOUNT_FAILED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

typedef struct
{
  EscalePhotoMedia *self; /* not a reference: only used when not cancelled */
  GMount *mount;
  GCancellable *cancellable;
  EscalePhotoMediumKind kind;
} QueryData;

static void
query_data_free (QueryData *data)
{
  g_object_unref (data->mount);
  g_object_unref (data->cancellable);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QueryData, query_data_free)

static gboolean
find_medium (EscalePhotoMedia *self, GMount *mount, guint *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->media));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (EscalePhotoMedium) medium = g_list_model_get_item (G_LIST_MODEL (self->media), i);

      if (escale_photo_medium_get_mount (medium) == mount)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

static void
filesystem_info_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (QueryData) data = user_data;
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (EscalePhotoMedium) medium = NULL;
  EscalePhotoMedia *self = data->self;
  gboolean read_only = FALSE;

  info = g_file_query_filesystem_info_finish (G_FILE (source), result, &error);
  if (g_cancellable_is_cancelled (data->cancellable))
    return; /* pulled out meanwhile, or we are gone */
  g_hash_table_remove (self->pending, data->mount);

  /* Some gvfs backends do not say; then it is only not known to be
   * read-only, which changes nothing: nothing here ever writes. */
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_FILESYSTEM_READONLY))
    read_only = g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_FILESYSTEM_READONLY);

  medium = escale_photo_medium_new (data->mount, data->kind, read_only);
  g_list_store_append (self->media, medium);
}

static void
add_mount (EscalePhotoMedia *self, GMount *mount)
{
  g_auto (EscalePhotoMediumHints) hints = { 0 };
  g_autoptr (GFile) root = NULL;
  guint position;
  QueryData *data;

  if (g_mount_is_shadowed (mount) || g_hash_table_contains (self->pending, mount) ||
      find_medium (self, mount, &position))
    return;

  escale_photo_medium_hints_collect (&hints, mount, NULL);
  if (!escale_photo_medium_hints_is_removable (&hints))
    return;

  data = g_new0 (QueryData, 1);
  data->self = self;
  data->mount = g_object_ref (mount);
  data->cancellable = g_cancellable_new ();
  data->kind = escale_photo_medium_hints_get_kind (&hints);
  g_hash_table_insert (self->pending, g_object_ref (mount), g_object_ref (data->cancellable));

  root = g_mount_get_root (mount);
  g_file_query_filesystem_info_async (root, G_FILE_ATTRIBUTE_FILESYSTEM_READONLY,
                                      G_PRIORITY_DEFAULT, data->cancellable, filesystem_info_cb,
                                      data);
}

static void
remove_mount (EscalePhotoMedia *self, GMount *mount)
{
  GCancellable *pending = g_hash_table_lookup (self->pending, mount);
  guint position;

  if (pending != NULL)
    {
      g_cancellable_cancel (pending);
      g_hash_table_remove (self->pending, mount);
    }
  if (find_medium (self, mount, &position))
    g_list_store_remove (self->media, position);
}

typedef struct
{
  EscalePhotoMedia *self; /* not a reference: only used when not cancelled */
  GCancellable *cancellable;
} MountData;

static void
volume_mounted_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autofree MountData *data = user_data;
  g_autoptr (GCancellable) cancellable = data->cancellable;
  EscalePhotoMedia *self = data->self;
  g_autoptr (GError) error = NULL;
  gboolean mounted = g_volume_mount_finish (G_VOLUME (source), result, &error);

  if (g_cancellable_is_cancelled (cancellable))
    return;
  g_hash_table_remove (self->mounting, source);
  if (mounted)
    return; /* the monitor says "mount-added" */
  /* The error's text may name the device: its code only. */
  g_message ("a medium could not be mounted (GIO error %d)", error->code);
  g_signal_emit (self, signals[SIGNAL_MOUNT_FAILED], 0);
}

/* Only when a volume appears (or at start), as GNOME does: a medium the
 * person removed but left in its reader is not mounted again behind them. */
static void
maybe_mount_volume (EscalePhotoMedia *self, GVolume *volume)
{
  g_auto (EscalePhotoMediumHints) hints = { 0 };
  g_autoptr (GMount) mount = g_volume_get_mount (volume);
  MountData *data;

  if (mount != NULL || g_hash_table_contains (self->mounting, volume) ||
      !g_volume_can_mount (volume) || !g_volume_should_automount (volume))
    return;

  escale_photo_medium_hints_collect (&hints, NULL, volume);
  if (!escale_photo_medium_hints_is_removable (&hints))
    return;

  data = g_new0 (MountData, 1);
  data->self = self;
  data->cancellable = g_object_ref (self->cancellable);
  g_hash_table_add (self->mounting, g_object_ref (volume));
  /* No GMountOperation: a medium that needs a password is not for here. */
  g_volume_mount (volume, G_MOUNT_MOUNT_NONE, NULL, self->cancellable, volume_mounted_cb, data);
}

static void
mount_added_cb (GVolumeMonitor *monitor, GMount *mount, EscalePhotoMedia *self)
{
  add_mount (self, mount);
}

static void
mount_removed_cb (GVolumeMonitor *monitor, GMount *mount, EscalePhotoMedia *self)
{
  remove_mount (self, mount);
}

/* A mount becomes shadowed when a better one of the same volume comes
 * (gvfs), or stops being so. */
static void
mount_changed_cb (GVolumeMonitor *monitor, GMount *mount, EscalePhotoMedia *self)
{
  if (g_mount_is_shadowed (mount))
    remove_mount (self, mount);
  else
    add_mount (self, mount);
}

static void
volume_added_cb (GVolumeMonitor *monitor, GVolume *volume, EscalePhotoMedia *self)
{
  maybe_mount_volume (self, volume);
}

static void
escale_photo_media_dispose (GObject *object)
{
  EscalePhotoMedia *self = ESCALE_PHOTO_MEDIA (object);
  GHashTableIter iter;
  gpointer cancellable;

  g_cancellable_cancel (self->cancellable);
  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, NULL, &cancellable))
    g_cancellable_cancel (cancellable);
  g_hash_table_remove_all (self->pending);
  g_hash_table_remove_all (self->mounting);
  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_clear_object (&self->monitor);
  g_clear_object (&self->media);
  G_OBJECT_CLASS (escale_photo_media_parent_class)->dispose (object);
}

static void
escale_photo_media_finalize (GObject *object)
{
  EscalePhotoMedia *self = ESCALE_PHOTO_MEDIA (object);

  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_pointer (&self->mounting, g_hash_table_unref);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (escale_photo_media_parent_class)->finalize (object);
}

static void
escale_photo_media_class_init (EscalePhotoMediaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = escale_photo_media_dispose;
  object_class->finalize = escale_photo_media_finalize;

  /* A medium could not be mounted (unknown or damaged file system, a
   * phone that refused). Says nothing of which: nothing may name it. */
  signals[SIGNAL_MOUNT_FAILED] = g_signal_new ("mount-failed", G_TYPE_FROM_CLASS (klass),
                                               G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                               0);
}

static void
escale_photo_media_init (EscalePhotoMedia *self)
{
  self->media = g_list_store_new (ESCALE_TYPE_PHOTO_MEDIUM);
  self->pending = g_hash_table_new_full (NULL, NULL, g_object_unref, g_object_unref);
  self->mounting = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->cancellable = g_cancellable_new ();
}

EscalePhotoMedia *
escale_photo_media_new (void)
{
  EscalePhotoMedia *self = g_object_new (ESCALE_TYPE_PHOTO_MEDIA, NULL);
  GList *volumes, *mounts;

  self->monitor = g_volume_monitor_get ();
  g_signal_connect (self->monitor, "mount-added", G_CALLBACK (mount_added_cb), self);
  g_signal_connect (self->monitor, "mount-removed", G_CALLBACK (mount_removed_cb), self);
  g_signal_connect (self->monitor, "mount-changed", G_CALLBACK (mount_changed_cb), self);
  g_signal_connect (self->monitor, "volume-added", G_CALLBACK (volume_added_cb), self);

  volumes = g_volume_monitor_get_volumes (self->monitor);
  for (GList *l = volumes; l != NULL; l = l->next)
    maybe_mount_volume (self, l->data);
  g_list_free_full (volumes, g_object_unref);

  mounts = g_volume_monitor_get_mounts (self->monitor);
  for (GList *l = mounts; l != NULL; l = l->next)
    add_mount (self, l->data);
  g_list_free_full (mounts, g_object_unref);

  return self;
}

GListModel *
escale_photo_media_get_media (EscalePhotoMedia *self)
{
  g_return_val_if_fail (ESCALE_IS_PHOTO_MEDIA (self), NULL);
  return G_LIST_MODEL (self->media);
}

static gboolean
is_removable (GMount *mount, GVolume *volume)
{
  g_auto (EscalePhotoMediumHints) hints = { 0 };

  escale_photo_medium_hints_collect (&hints, mount, volume);
  return escale_photo_medium_hints_is_removable (&hints);
}

static gboolean
any_plugged_in (GVolumeMonitor *monitor)
{
  g_autolist (GMount) mounts = g_volume_monitor_get_mounts (monitor);
  g_autolist (GVolume) volumes = g_volume_monitor_get_volumes (monitor);
  g_autolist (GDrive) drives = g_volume_monitor_get_connected_drives (monitor);

  for (GList *l = mounts; l != NULL; l = l->next)
    if (!g_mount_is_shadowed (l->data) && is_removable (l->data, NULL))
      return TRUE;
  /* Plugged in but not mounted: a phone that was not allowed, a stick whose
   * file system is unknown, one the person "removed" but left there. */
  for (GList *l = volumes; l != NULL; l = l->next)
    if (is_removable (NULL, l->data))
      return TRUE;
  for (GList *l = drives; l != NULL; l = l->next)
    if ((g_drive_is_removable (l->data) || g_drive_is_media_removable (l->data)) &&
        g_drive_has_media (l->data))
      return TRUE;
  return FALSE;
}

gboolean
escale_photo_media_any_plugged (void)
{
  g_autoptr (GVolumeMonitor) monitor = g_volume_monitor_get ();

  return any_plugged_in (monitor);
}
