/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "escale-photo.h"

G_BEGIN_DECLS

/* Folders nested deeper than this below the root are not looked into:
 * the pictures of the root and of up to 32 levels of folders are found. */
#define ESCALE_PHOTO_LIBRARY_MAX_DEPTH 32
/* The scan stops at this many pictures: those of the folders nearest the
 * root first (folders are looked into breadth first). */
#define ESCALE_PHOTO_LIBRARY_MAX_PHOTOS 20000
/* ...and after looking at this many names (files and folders) in all, so a
 * medium full of something else does not keep it busy for long. */
#define ESCALE_PHOTO_LIBRARY_MAX_ENTRIES 500000

#define ESCALE_PHOTO_LIBRARY_ERROR (escale_photo_library_error_quark ())
GQuark escale_photo_library_error_quark (void);
typedef enum
{
  ESCALE_PHOTO_LIBRARY_ERROR_UNREADABLE, /* the medium's root could not be read */
} EscalePhotoLibraryError;

/* Every picture under @root, found recursively in a worker thread with GIO
 * enumerators; folders do not matter. JPEG, PNG, HEIC/HEIF and WebP, known
 * by their extension (any case), else by the content type the medium gives
 * without reading the file. Never follows a symbolic link (a loop ends);
 * skips hidden files and folders (.thumbnails, .Trash-1000, a Mac's
 * "._" files) and "System Volume Information", "$RECYCLE.BIN"; names that
 * are not valid UTF-8 are fine (never printed). Bounded: see above. */
#define ESCALE_TYPE_PHOTO_LIBRARY (escale_photo_library_get_type ())
G_DECLARE_FINAL_TYPE (EscalePhotoLibrary, escale_photo_library, ESCALE, PHOTO_LIBRARY, GObject)

EscalePhotoLibrary *escale_photo_library_new (GFile *root);
/* One scan at a time (another while one runs: G_IO_ERROR_PENDING).
 * Cancelling stops the worker at the next name; the photos stay as they
 * were. The finish fails with ESCALE_PHOTO_LIBRARY_ERROR_UNREADABLE (a
 * calm French message naming nothing) or G_IO_ERROR_CANCELLED. */
void escale_photo_library_scan_async (EscalePhotoLibrary *self, GCancellable *cancellable,
                                      GAsyncReadyCallback callback, gpointer user_data);
gboolean escale_photo_library_scan_finish (EscalePhotoLibrary *self, GAsyncResult *result,
                                           GError **error);
/* Property "n-found": pictures found so far, notified on the main thread
 * (the thread that started the scan) at most every 100 ms while scanning,
 * for "142 photos trouvées…"; when the scan ends, the number of photos. */
guint escale_photo_library_get_n_found (EscalePhotoLibrary *self);
/* Of EscalePhoto, newest first (by modification time; those without one
 * last), filled at once when the scan ends. */
GListModel *escale_photo_library_get_photos (EscalePhotoLibrary *self);

G_END_DECLS
