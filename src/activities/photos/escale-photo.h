/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* One picture of a medium, as EscalePhotoLibrary found it: where it is and
 * when it was last changed (what the grid sorts and groups by). Its name is
 * never shown, logged nor counted; it may not even be valid UTF-8. */
#define ESCALE_TYPE_PHOTO (escale_photo_get_type ())
G_DECLARE_FINAL_TYPE (EscalePhoto, escale_photo, ESCALE, PHOTO, GObject)

/* @date: its modification time, in local time, or NULL when the medium
 * does not say (a few phones). */
EscalePhoto *escale_photo_new (GFile *file, GDateTime *date);
GFile *escale_photo_get_file (EscalePhoto *self);
/* Local time, its modification time; NULL when the medium gave none. */
GDateTime *escale_photo_get_date (EscalePhoto *self);
/* "Juillet 2024", translated (never strftime: the kiosk may run with
 * LANG=C); for a NULL date, "Date inconnue". */
char *escale_photo_month_label (GDateTime *date);

G_END_DECLS
