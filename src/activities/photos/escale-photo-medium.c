/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-photo-medium"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "escale-photo-medium.h"

/* A mounted medium of a visitor. Nothing here ever writes to it, and its
 * name, its volume label and its device are never logged nor shown. */
struct _EscalePhotoMedium
{
  GObject parent_instance;

  /* owned */
  GMount *mount;
  GFile *root;

  EscalePhotoMediumKind kind;
  gboolean read_only;
};

G_DEFINE_FINAL_TYPE (EscalePhotoMedium, escale_photo_medium, G_TYPE_OBJECT)

/* The name has dashes, which clang-format would space out. */
/* clang-format off */
G_DEFINE_QUARK (escale-photo-medium-error-quark, escale_photo_medium_error)
/* clang-format on */

static void
escale_photo_medium_finalize (GObject *object)
{
  EscalePhotoMedium *self = ESCALE_PHOTO_MEDIUM (object);

  g_clear_object (&self->mount);
  g_clear_object (&self->root);
  G_OBJECT_CLASS (escale_photo_medium_parent_class)->finalize (object);
}

static void
escale_photo_medium_class_init (EscalePhotoMediumClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = escale_photo_medium_finalize;
}

static void
escale_photo_medium_init (EscalePhotoMedium *self)
{
}

EscalePhotoMedium *
escale_photo_medium_new (GMount *mount, EscalePhotoMediumKind kind, gboolean read_only)
{
  EscalePhotoMedium *self;

  g_return_val_if_fail (G_IS_MOUNT (mount), NULL);

  self = g_object_new (ESCALE_TYPE_PHOTO_MEDIUM, NULL);
  self->mount = g_object_ref (mount);
  self->root = g_mount_get_root (mount);
  self->kind = kind;
  self->read_only = read_only;
  return self;
}

EscalePhotoMediumKind
escale_photo_medium_get_kind (EscalePhotoMedium *self)
{
  g_return_val_if_fail (ESCALE_IS_PHOTO_MEDIUM (self), ESCALE_PHOTO_MEDIUM_STICK);
  return self->kind;
}

const char *
escale_photo_medium_kind_label (EscalePhotoMediumKind kind)
{
  switch (kind)
    {
    case ESCALE_PHOTO_MEDIUM_STICK:
      return _ ("Clé USB");
    case ESCALE_PHOTO_MEDIUM_CARD:
      return _ ("Carte photo");
    case ESCALE_PHOTO_MEDIUM_PHONE:
      return _ ("Téléphone");
    case ESCALE_PHOTO_MEDIUM_CAMERA:
      return _ ("Appareil photo");
    default:
      g_return_val_if_reached (_ ("Clé USB"));
    }
}

const char *
escale_photo_medium_get_label (EscalePhotoMedium *self)
{
  g_return_val_if_fail (ESCALE_IS_PHOTO_MEDIUM (self), NULL);
  return escale_photo_medium_kind_label (self->kind);
}

GFile *
escale_photo_medium_get_root (EscalePhotoMedium *self)
{
  g_return_val_if_fail (ESCALE_IS_PHOTO_MEDIUM (self), NULL);
  return self->root;
}

gboolean
escale_photo_medium_get_read_only (EscalePhotoMedium *self)
{
  g_return_val_if_fail (ESCALE_IS_PHOTO_MEDIUM (self), FALSE);
  return self->read_only;
}

GMount *
escale_photo_medium_get_mount (EscalePhotoMedium *self)
{
  g_return_val_if_fail (ESCALE_IS_PHOTO_MEDIUM (self), NULL);
  return self->mount;
}

/* After a failure: had it already gone (pulled out, or removed by an earlier
 * tap)? Then the person may take it, which is what they asked. */
static gboolean
mount_is_gone (GMount *mount)
{
  g_autoptr (GVolumeMonitor) monitor = g_volume_monitor_get ();
  g_autolist (GMount) mounts = g_volume_monitor_get_mounts (monitor);
  g_autoptr (GFile) root = g_mount_get_root (mount);

  for (GList *l = mounts; l != NULL; l = l->next)
    {
      g_autoptr (GFile) other = g_mount_get_root (l->data);

      if (l->data == (gpointer) mount || g_file_equal (root, other))
        return FALSE;
    }
  return TRUE;
}

/* GIO's errors name the device or the mount point (umount's own words):
 * only their code goes further, as a sentence of ours. */
static void
removed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  gboolean done;

  if (g_task_get_task_data (task) != NULL) /* it was an eject */
    done = g_mount_eject_with_operation_finish (G_MOUNT (source), result, &error);
  else
    done = g_mount_unmount_with_operation_finish (G_MOUNT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_task_return_error (task, g_steal_pointer (&error));
  else if (done || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_MOUNTED) ||
           mount_is_gone (G_MOUNT (source)))
    g_task_return_boolean (task, TRUE);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BUSY))
    {
      g_message ("a medium is busy and was not removed");
      g_task_return_new_error (
        task, ESCALE_PHOTO_MEDIUM_ERROR, ESCALE_PHOTO_MEDIUM_ERROR_BUSY, "%s",
        _ ("Le support est encore utilisé. Attendez quelques secondes, puis réessayez."));
    }
  else
    {
      g_message ("a medium could not be removed (GIO error %d)", error->code);
      g_task_return_new_error (
        task, ESCALE_PHOTO_MEDIUM_ERROR, ESCALE_PHOTO_MEDIUM_ERROR_FAILED, "%s",
        _ (
          "Le support n’a pas pu être arrêté sans risque : il est peut-être encore utilisé. Attendez quelques secondes et réessayez ; si cela recommence, demandez à un animateur."));
    }
}

void
escale_photo_medium_remove_async (EscalePhotoMedium *self, GCancellable *cancellable,
                                  GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (ESCALE_IS_PHOTO_MEDIUM (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, escale_photo_medium_remove_async);

  /* No GMountOperation: nothing may ask the visitor a question. */
  if (g_mount_can_eject (self->mount))
    {
      g_task_set_task_data (task, GINT_TO_POINTER (TRUE), NULL);
      g_mount_eject_with_operation (self->mount, G_MOUNT_UNMOUNT_NONE, NULL, cancellable,
                                    removed_cb, g_steal_pointer (&task));
    }
  else if (g_mount_can_unmount (self->mount))
    g_mount_unmount_with_operation (self->mount, G_MOUNT_UNMOUNT_NONE, NULL, cancellable,
                                    removed_cb, g_steal_pointer (&task));
  else
    g_task_return_new_error (
      task, ESCALE_PHOTO_MEDIUM_ERROR, ESCALE_PHOTO_MEDIUM_ERROR_FAILED, "%s",
      _ (
        "Ce support ne peut pas être arrêté depuis ce poste. Demandez à un animateur avant de le retirer."));
}

gboolean
escale_photo_medium_remove_finish (EscalePhotoMedium *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Hints */

static void
hints_add_icon_names (GPtrArray *names, GIcon *icon)
{
  const char *const *icon_names;

  if (icon == NULL || !G_IS_THEMED_ICON (icon))
    return;
  icon_names = g_themed_icon_get_names (G_THEMED_ICON (icon));
  for (guint i = 0; icon_names != NULL && icon_names[i] != NULL; i++)
    g_ptr_array_add (names, g_strdup (icon_names[i]));
}

static const char *
hints_keep (EscalePhotoMediumHints *hints, char *owned)
{
  if (owned != NULL)
    g_ptr_array_add (hints->owned, owned);
  return owned;
}

void
escale_photo_medium_hints_collect (EscalePhotoMediumHints *hints, GMount *mount, GVolume *volume)
{
  g_autoptr (GVolume) mount_volume = NULL;
  g_autoptr (GDrive) drive = NULL;
  g_autoptr (GPtrArray) icon_names = g_ptr_array_new ();
  g_autoptr (GIcon) mount_icon = NULL;
  g_autoptr (GIcon) volume_icon = NULL;
  g_autoptr (GIcon) drive_icon = NULL;
  g_autoptr (GFile) root = NULL;

  memset (hints, 0, sizeof *hints);
  hints->owned = g_ptr_array_new_with_free_func (g_free);

  if (volume == NULL && mount != NULL)
    volume = mount_volume = g_mount_get_volume (mount);

  if (mount != NULL)
    {
      root = g_mount_get_root (mount);
      mount_icon = g_mount_get_icon (mount);
      hints_add_icon_names (icon_names, mount_icon);
    }
  else if (volume != NULL)
    root = g_volume_get_activation_root (volume);
  if (root != NULL)
    hints->uri = hints_keep (hints, g_file_get_uri (root));

  if (volume != NULL)
    {
      hints->unix_device =
        hints_keep (hints, g_volume_get_identifier (volume, G_VOLUME_IDENTIFIER_KIND_UNIX_DEVICE));
      hints->volume_class =
        hints_keep (hints, g_volume_get_identifier (volume, G_VOLUME_IDENTIFIER_KIND_CLASS));
      volume_icon = g_volume_get_icon (volume);
      hints_add_icon_names (icon_names, volume_icon);
      drive = g_volume_get_drive (volume);
    }
  if (drive == NULL && mount != NULL)
    drive = g_mount_get_drive (mount);
  if (drive != NULL)
    {
      hints->has_drive = TRUE;
      hints->drive_removable = g_drive_is_removable (drive) || g_drive_is_media_removable (drive);
      hints->drive_name = hints_keep (hints, g_drive_get_name (drive));
      hints->drive_unix_device =
        hints_keep (hints, g_drive_get_identifier (drive, G_DRIVE_IDENTIFIER_KIND_UNIX_DEVICE));
      drive_icon = g_drive_get_icon (drive);
      hints_add_icon_names (icon_names, drive_icon);
    }

  /* The names themselves go to the hints' owned strings, the array of
   * pointers to them too (as its last, NULL-terminated, element). */
  for (guint i = 0; i < icon_names->len; i++)
    g_ptr_array_add (hints->owned, icon_names->pdata[i]);
  g_ptr_array_add (icon_names, NULL);
  hints->icon_names = (const char *const *) g_ptr_array_steal (icon_names, NULL);
  g_ptr_array_add (hints->owned, (gpointer) hints->icon_names);
}

void
escale_photo_medium_hints_clear (EscalePhotoMediumHints *hints)
{
  g_clear_pointer (&hints->owned, g_ptr_array_unref);
  memset (hints, 0, sizeof *hints);
}

static const char *
hints_scheme (const EscalePhotoMediumHints *hints)
{
  return hints->uri != NULL ? g_uri_peek_scheme (hints->uri) : NULL;
}

static gboolean
is_device_scheme (const char *scheme)
{
  return g_strcmp0 (scheme, "mtp") == 0 || g_strcmp0 (scheme, "afc") == 0 ||
         g_strcmp0 (scheme, "gphoto2") == 0;
}

gboolean
escale_photo_medium_hints_is_removable (const EscalePhotoMediumHints *hints)
{
  const char *scheme = hints_scheme (hints);
  g_autofree char *path = NULL;

  if (is_device_scheme (scheme))
    return TRUE;
  /* smb://, sftp://, dav://...: someone's share, not a visitor's medium. */
  if (scheme != NULL && strcmp (scheme, "file") != 0)
    return FALSE;
  if (g_strcmp0 (hints->volume_class, "network") == 0)
    return FALSE;
  /* udisks2 knows the drive: an internal disk is never removable, even
   * when one of its partitions is mounted under /media. */
  if (hints->has_drive)
    return hints->drive_removable;
  if (hints->uri == NULL)
    return FALSE;
  path = g_filename_from_uri (hints->uri, NULL, NULL);
  return path != NULL &&
         (g_str_has_prefix (path, "/media/") || g_str_has_prefix (path, "/run/media/"));
}

static gboolean
is_card_device (const char *device)
{
  g_autofree char *base = NULL;

  if (device == NULL)
    return FALSE;
  base = g_path_get_basename (device);
  return g_str_has_prefix (base, "mmcblk");
}

/* Words udisks2 and the readers' firmware use in a card reader's name;
 * "sd" alone is not one (sdb, SanDisk...). */
static gboolean
is_card_reader_name (const char *name)
{
  static const char *const words[] = {
    "sd/mmc",    "sd card",     "sd-card",      "sdcard",     "sdhc",        "sdxc",
    "microsd",   "mmc",         "card reader",  "cardreader", "card-reader", "multi-card",
    "multicard", "memory card", "compactflash", "cf card",    "xd-picture",  "memory stick",
  };
  g_autofree char *lower = NULL;

  if (name == NULL)
    return FALSE;
  lower = g_ascii_strdown (name, -1);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strstr (lower, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

EscalePhotoMediumKind
escale_photo_medium_hints_get_kind (const EscalePhotoMediumHints *hints)
{
  const char *scheme = hints_scheme (hints);

  if (g_strcmp0 (scheme, "mtp") == 0 || g_strcmp0 (scheme, "afc") == 0)
    return ESCALE_PHOTO_MEDIUM_PHONE;
  if (g_strcmp0 (scheme, "gphoto2") == 0)
    return ESCALE_PHOTO_MEDIUM_CAMERA;
  if (is_card_device (hints->unix_device) || is_card_device (hints->drive_unix_device) ||
      is_card_device (hints->drive_name) || is_card_reader_name (hints->drive_name))
    return ESCALE_PHOTO_MEDIUM_CARD;
  /* gvfs's udisks2 monitor names the icons after the drive's media:
   * media-flash-sd, media-flash-cf... for a card reader; a phone or a
   * camera seen as a plain disk has its own. */
  for (guint i = 0; hints->icon_names != NULL && hints->icon_names[i] != NULL; i++)
    {
      const char *icon = hints->icon_names[i];

      if (g_str_has_prefix (icon, "media-flash"))
        return ESCALE_PHOTO_MEDIUM_CARD;
      if (g_str_has_prefix (icon, "phone"))
        return ESCALE_PHOTO_MEDIUM_PHONE;
      if (g_str_has_prefix (icon, "camera-photo"))
        return ESCALE_PHOTO_MEDIUM_CAMERA;
    }
  return ESCALE_PHOTO_MEDIUM_STICK;
}
