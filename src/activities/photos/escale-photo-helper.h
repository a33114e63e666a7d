/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What escale-photo-helper (the decoding process) and EscalePhotoDecoder
 * (its parent) agree on. Both are built from the same tree, so the header
 * is in the machine's byte order.
 *
 *   escale-photo-helper MAX_SIZE   the picture's bytes on stdin; on stdout a
 *                                  header, then height rows of rowstride
 *                                  bytes (RGB or RGBA, not premultiplied,
 *                                  no padding), then nothing; exit 0.
 *   escale-photo-helper --check    exit 0 if JPEG and PNG can be decoded
 *                                  (the parent's test of its sandbox). */

#include <stdint.h>

#define ESCALE_PHOTO_MAGIC 0x31485045u /* "EPH1" */

/* More than this on stdin is refused (TOO_LARGE) without decoding. */
#define ESCALE_PHOTO_MAX_INPUT_BYTES (64u * 1024u * 1024u)
/* A picture declaring more pixels than this is refused as soon as its
 * header is read, before any pixel is decoded (decompression bombs). */
#define ESCALE_PHOTO_MAX_PIXELS (40u * 1000u * 1000u)

/* Exit codes besides 0. bwrap uses 1 for its own failures and 128 + N for a
 * helper killed by signal N: anything else means the helper failed. */
#define ESCALE_PHOTO_EXIT_UNREADABLE 10 /* not an image, corrupt, truncated, empty */
#define ESCALE_PHOTO_EXIT_TOO_LARGE 11  /* too many bytes or too many pixels */
#define ESCALE_PHOTO_EXIT_USAGE 12      /* wrong arguments, or a write failed */

typedef struct
{
  uint32_t magic;
  uint32_t width;
  uint32_t height;
  uint32_t rowstride; /* width * (has_alpha ? 4 : 3) */
  uint32_t has_alpha; /* 0 or 1 */
} EscalePhotoHeader;
