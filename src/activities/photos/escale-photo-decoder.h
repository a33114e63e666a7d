/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <gdk/gdk.h>

G_BEGIN_DECLS

#define ESCALE_PHOTO_ERROR (escale_photo_error_quark ())
GQuark escale_photo_error_quark (void);

typedef enum
{
  ESCALE_PHOTO_ERROR_UNREADABLE, /* not an image, corrupt, truncated, empty */
  ESCALE_PHOTO_ERROR_TOO_LARGE,  /* declares more pixels than allowed (bombs) */
  ESCALE_PHOTO_ERROR_TIMEOUT,    /* the helper took too long and was killed */
  ESCALE_PHOTO_ERROR_HELPER,     /* the helper crashed or could not start */
} EscalePhotoError;

#define ESCALE_TYPE_PHOTO_DECODER (escale_photo_decoder_get_type ())
G_DECLARE_FINAL_TYPE (EscalePhotoDecoder, escale_photo_decoder, ESCALE, PHOTO_DECODER, GObject)

EscalePhotoDecoder *escale_photo_decoder_new (void);
/* Decodes @file in a short-lived sandboxed helper process (the parent reads
 * the bytes with GIO, so gvfs media work, and pipes them to the helper; the
 * helper has resource limits and, where bwrap exists, no network and no
 * file system view), applies the EXIF orientation, scales so the longest
 * side is at most @max_size pixels (0: the whole picture, still bounded by
 * the pixel limit). At most two helpers run at once; others wait in order.
 * Cancelling kills the helper.
 *
 * Limits: 64 MiB of file, 40 million pixels declared, 15 s per picture.
 * The helper is $libexecdir/escale-photo-helper, or $ESCALE_PHOTO_HELPER
 * when set (the build tree's helper, for tests and scripts/run-demo). Error
 * messages never name the file. */
void escale_photo_decoder_decode_async (EscalePhotoDecoder *self, GFile *file, guint max_size,
                                        GCancellable *cancellable, GAsyncReadyCallback callback,
                                        gpointer user_data);
GdkTexture *escale_photo_decoder_decode_finish (EscalePhotoDecoder *self, GAsyncResult *result,
                                                GError **error);

void escale_photo_decoder_check_async (EscalePhotoDecoder *self, GCancellable *cancellable,
                                       GAsyncReadyCallback callback, gpointer user_data);
gboolean escale_photo_decoder_check_finish (EscalePhotoDecoder *self, GAsyncResult *result,
                                            gboolean *sandboxed, GError **error);

G_END_DECLS
