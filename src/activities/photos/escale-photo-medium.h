/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  ESCALE_PHOTO_MEDIUM_STICK,  /* "Clé USB" */
  ESCALE_PHOTO_MEDIUM_CARD,   /* "Carte photo" (SD card reader) */
  ESCALE_PHOTO_MEDIUM_PHONE,  /* "Téléphone" (MTP, AFC) */
  ESCALE_PHOTO_MEDIUM_CAMERA, /* "Appareil photo" (PTP / gphoto2) */
} EscalePhotoMediumKind;

/* Why a medium could not be removed; the message is a calm French sentence
 * that names no device, folder nor file. */
#define ESCALE_PHOTO_MEDIUM_ERROR (escale_photo_medium_error_quark ())
GQuark escale_photo_medium_error_quark (void);
typedef enum
{
  ESCALE_PHOTO_MEDIUM_ERROR_BUSY,   /* still in use: try again in a moment */
  ESCALE_PHOTO_MEDIUM_ERROR_FAILED, /* could not be stopped safely */
} EscalePhotoMediumError;

/* A mounted removable medium, made by EscalePhotoMedia. */
#define ESCALE_TYPE_PHOTO_MEDIUM (escale_photo_medium_get_type ())
G_DECLARE_FINAL_TYPE (EscalePhotoMedium, escale_photo_medium, ESCALE, PHOTO_MEDIUM, GObject)

EscalePhotoMediumKind escale_photo_medium_get_kind (EscalePhotoMedium *self);
const char *escale_photo_medium_get_label (EscalePhotoMedium *self); /* translated */
GFile *escale_photo_medium_get_root (EscalePhotoMedium *self);       /* its mount's root */
gboolean escale_photo_medium_get_read_only (EscalePhotoMedium *self);
/* Unmounts (and ejects, when the drive can) safely; the finish says when
 * the person may pull it out (TRUE), or why not (ESCALE_PHOTO_MEDIUM_ERROR,
 * or G_IO_ERROR_CANCELLED). A mount already gone is a success. */
void escale_photo_medium_remove_async (EscalePhotoMedium *self, GCancellable *cancellable,
                                       GAsyncReadyCallback callback, gpointer user_data);
gboolean escale_photo_medium_remove_finish (EscalePhotoMedium *self, GAsyncResult *result,
                                            GError **error);

/* Beyond the contract: for EscalePhotoMedia and the tests. */
EscalePhotoMedium *escale_photo_medium_new (GMount *mount, EscalePhotoMediumKind kind,
                                            gboolean read_only);
GMount *escale_photo_medium_get_mount (EscalePhotoMedium *self);
const char *escale_photo_medium_kind_label (EscalePhotoMediumKind kind);

/* What GIO tells of a mount or a volume, for the two decisions below. They
 * are pure functions of these hints, so what cannot be plugged in here (a
 * phone over MTP, an iPhone over AFC, a camera over PTP, an SD card reader)
 * is tested all the same. */
typedef struct
{
  const char *uri;               /* mount root, or volume activation root; nullable */
  const char *unix_device;       /* the volume's "unix-device" (/dev/sdb1); nullable */
  const char *drive_unix_device; /* the drive's "unix-device"; nullable */
  const char *drive_name;        /* nullable */
  const char *volume_class;      /* the volume's "class": "device", "network"; nullable */
  const char *const *icon_names; /* themed icon names of drive, volume, mount; nullable */
  gboolean has_drive;
  gboolean drive_removable; /* g_drive_is_removable () or g_drive_is_media_removable () */

  /*< private >*/
  GPtrArray *owned;
} EscalePhotoMediumHints;

/* Fills @hints from @mount and/or @volume (either may be NULL) and their
 * drive; free with escale_photo_medium_hints_clear (). */
void escale_photo_medium_hints_collect (EscalePhotoMediumHints *hints, GMount *mount,
                                        GVolume *volume);
void escale_photo_medium_hints_clear (EscalePhotoMediumHints *hints);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EscalePhotoMediumHints, escale_photo_medium_hints_clear)
/* A visitor's medium: a gvfs phone or camera, a removable drive, or, without
 * a drive (GIO's unix monitor), a local mount under /media or /run/media.
 * Network shares and the machine's own disks are not. */
gboolean escale_photo_medium_hints_is_removable (const EscalePhotoMediumHints *hints);
EscalePhotoMediumKind escale_photo_medium_hints_get_kind (const EscalePhotoMediumHints *hints);

G_END_DECLS
