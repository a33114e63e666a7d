/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "escale-photo-medium.h"

G_BEGIN_DECLS

/* Watches g_volume_monitor_get (): removable media (a stick, a card, a
 * phone or camera through gvfs) as they are plugged in, mounted (volumes
 * that can be mounted and should be automounted are mounted, without any
 * question asked), and pulled out; never the system's own disks (see
 * escale_photo_medium_hints_is_removable ()). A mount that fails gives the
 * "mount-failed" signal (no name, no argument). Use it on the main thread. */
#define ESCALE_TYPE_PHOTO_MEDIA (escale_photo_media_get_type ())
G_DECLARE_FINAL_TYPE (EscalePhotoMedia, escale_photo_media, ESCALE, PHOTO_MEDIA, GObject)

EscalePhotoMedia *escale_photo_media_new (void);
/* Of EscalePhotoMedium, in the order they appeared. */
GListModel *escale_photo_media_get_media (EscalePhotoMedia *self);
/* Whether any removable medium is plugged in now (mounted or not), for the
 * goodbye screen's "N'oubliez pas votre clé !" (GLib only, callable without
 * an instance, on the main thread). */
gboolean escale_photo_media_any_plugged (void);

G_END_DECLS
