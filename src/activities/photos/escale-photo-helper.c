/* SPDX-License-Identifier: GPL-3.0-or-later */
/* escale-photo-helper: decodes one picture from a stranger's medium, so that
 * a loader bug costs this short-lived process, never the kiosk. It sets its
 * own resource limits first; the parent (EscalePhotoDecoder) runs it inside
 * bwrap where bwrap works: no network, no file system but /usr and the
 * libraries. The protocol is in escale-photo-helper.h. It never knows the
 * picture's name and writes nothing but pixels. */
#define G_LOG_DOMAIN "escale-photo-helper"

#include <errno.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/resource.h>

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "escale-photo-helper.h"

#define ADDRESS_SPACE_BYTES (512u * 1024u * 1024u)
#define CPU_SECONDS 10
#define CHUNK_BYTES (64 * 1024)

static void
set_limit (int resource, rlim_t value)
{
  struct rlimit limit = { value, value };

  /* Failing to lower a limit is not fatal: the parent's timeout and the
   * sandbox still hold. */
  setrlimit (resource, &limit);
}

static void
limit_resources (void)
{
  /* AddressSanitizer reserves terabytes of shadow memory: under it, the
   * address space stays unlimited (the other limits still apply). */
#if !defined(__SANITIZE_ADDRESS__)
  set_limit (RLIMIT_AS, ADDRESS_SPACE_BYTES);
#endif
  set_limit (RLIMIT_CPU, CPU_SECONDS);
  set_limit (RLIMIT_CORE, 0);
  set_limit (RLIMIT_FSIZE, 0); /* no file is written; pipes are not files */
  /* Each malloc arena reserves 64 MiB of address space: a threaded loader
   * (HEIC) would run out of it under the limit for nothing. */
  mallopt (M_ARENA_MAX, 2);
}

static int
check_formats (void)
{
  g_autoptr(GSList) formats = gdk_pixbuf_get_formats ();
  gboolean jpeg = FALSE, png = FALSE;

  for (GSList *l = formats; l; l = l->next)
    {
      g_autofree char *name = gdk_pixbuf_format_get_name (l->data);

      jpeg = jpeg || g_str_equal (name, "jpeg");
      png = png || g_str_equal (name, "png");
    }
  return jpeg && png ? EXIT_SUCCESS : ESCALE_PHOTO_EXIT_USAGE;
}

/* Called once the picture's header is read, before any pixel: refuses a
 * bomb at once, and asks the loader to decode straight to the size wanted
 * (a JPEG is then scaled inside libjpeg, cheaply). */
static void
size_prepared_cb (GdkPixbufLoader *loader, int width, int height, gpointer user_data)
{
  guint max_size = GPOINTER_TO_UINT (user_data);
  int longest = MAX (width, height);

  if (width <= 0 || height <= 0)
    _exit (ESCALE_PHOTO_EXIT_UNREADABLE);
  if ((guint64) width * (guint64) height > ESCALE_PHOTO_MAX_PIXELS)
    _exit (ESCALE_PHOTO_EXIT_TOO_LARGE);
  if (max_size == 0 || (guint) longest <= max_size)
    return;

  gdk_pixbuf_loader_set_size (loader, MAX (1, (int) ((guint64) width * max_size / longest)),
                              MAX (1, (int) ((guint64) height * max_size / longest)));
}

static gboolean
write_all (const void *data, size_t size)
{
  const char *p = data;

  while (size > 0)
    {
      ssize_t n = write (STDOUT_FILENO, p, size);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      p += n;
      size -= (size_t) n;
    }
  return TRUE;
}

static guint32
read_be32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

/* A JPEG's segments, then its scans, lead to its end marker. */
static gboolean
jpeg_is_complete (const guint8 *data, gsize size)
{
  gsize i = 2;

  while (i + 2 <= size && data[i] == 0xff)
    {
      guint8 marker = data[i + 1];

      if (marker == 0xd9) /* EOI */
        return TRUE;
      if (marker == 0xff || marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7))
        {
          i += marker == 0xff ? 1 : 2; /* fill byte, or a marker alone */
          continue;
        }
      if (i + 4 > size)
        return FALSE;
      i += 2 + ((gsize) data[i + 2] << 8 | data[i + 3]);
      if (marker != 0xda) /* SOS: its entropy-coded data follows */
        continue;
      while (i + 1 < size && !(data[i] == 0xff && data[i + 1] != 0x00 &&
                               !(data[i + 1] >= 0xd0 && data[i + 1] <= 0xd7)))
        i++;
    }
  return FALSE;
}

/* A PNG's chunks lead to IEND. */
static gboolean
png_is_complete (const guint8 *data, gsize size)
{
  gsize i = 8;

  while (i + 12 <= size)
    {
      guint32 length = read_be32 (data + i);

      if (memcmp (data + i + 4, "IEND", 4) == 0)
        return TRUE;
      if (length > size - i - 12)
        return FALSE;
      i += 12 + (gsize) length;
    }
  return FALSE;
}

/* gdk-pixbuf's incremental loaders take a cut JPEG, PNG or WebP without a
 * word and give a picture half made of whatever the memory held: a cut
 * file is unreadable here, whatever the loader says. */
static gboolean
input_is_complete (const guint8 *data, gsize size)
{
  if (size >= 2 && data[0] == 0xff && data[1] == 0xd8)
    return jpeg_is_complete (data, size);
  if (size >= 8 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0)
    return png_is_complete (data, size);
  if (size >= 12 && memcmp (data, "RIFF", 4) == 0 && memcmp (data + 8, "WEBP", 4) == 0)
    {
      guint32 riff_size;

      memcpy (&riff_size, data + 4, 4);
      return size >= 8 + (gsize) GUINT32_FROM_LE (riff_size);
    }
  return TRUE;
}

/* Feeds stdin to the loader as it comes, keeping it to check that it was
 * whole; returns an exit code. The loader is closed on return (a failed
 * write closes it itself). */
static int
load (GdkPixbufLoader *loader)
{
  g_autoptr(GByteArray) input = g_byte_array_new ();
  g_autofree guchar *chunk = g_malloc (CHUNK_BYTES);

  for (;;)
    {
      ssize_t n = read (STDIN_FILENO, chunk, CHUNK_BYTES);

      if (n < 0 && errno == EINTR)
        continue;
      if (n == 0)
        break;
      if (n < 0 || input->len + (gsize) n > ESCALE_PHOTO_MAX_INPUT_BYTES)
        {
          gdk_pixbuf_loader_close (loader, NULL);
          return n < 0 ? ESCALE_PHOTO_EXIT_USAGE : ESCALE_PHOTO_EXIT_TOO_LARGE;
        }
      g_byte_array_append (input, chunk, (guint) n);
      if (!gdk_pixbuf_loader_write (loader, chunk, (gsize) n, NULL))
        return ESCALE_PHOTO_EXIT_UNREADABLE;
    }
  if (input->len == 0)
    {
      gdk_pixbuf_loader_close (loader, NULL);
      return ESCALE_PHOTO_EXIT_UNREADABLE;
    }
  if (!gdk_pixbuf_loader_close (loader, NULL) || !input_is_complete (input->data, input->len))
    return ESCALE_PHOTO_EXIT_UNREADABLE;
  return EXIT_SUCCESS;
}

static int
send_pixels (GdkPixbuf *pixbuf)
{
  g_autoptr(GdkPixbuf) upright = gdk_pixbuf_apply_embedded_orientation (pixbuf);
  int width = gdk_pixbuf_get_width (upright);
  int height = gdk_pixbuf_get_height (upright);
  gboolean has_alpha = gdk_pixbuf_get_has_alpha (upright);
  int channels = gdk_pixbuf_get_n_channels (upright);
  EscalePhotoHeader header = {
    .magic = ESCALE_PHOTO_MAGIC,
    .width = (uint32_t) width,
    .height = (uint32_t) height,
    .rowstride = (uint32_t) (width * channels),
    .has_alpha = has_alpha ? 1 : 0,
  };
  const guchar *pixels = gdk_pixbuf_read_pixels (upright);
  int stride = gdk_pixbuf_get_rowstride (upright);

  /* Only 8-bit RGB and RGBA are ever given by gdk-pixbuf's loaders. */
  if (gdk_pixbuf_get_bits_per_sample (upright) != 8 || channels != (has_alpha ? 4 : 3))
    return ESCALE_PHOTO_EXIT_UNREADABLE;
  if (!write_all (&header, sizeof header))
    return ESCALE_PHOTO_EXIT_USAGE;
  for (int y = 0; y < height; y++)
    if (!write_all (pixels + (gsize) y * stride, header.rowstride))
      return ESCALE_PHOTO_EXIT_USAGE;
  return EXIT_SUCCESS;
}

int
main (int argc, char **argv)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  guint64 max_size = 0;
  GdkPixbuf *pixbuf;
  int status;

  limit_resources ();

  if (argc == 2 && g_str_equal (argv[1], "--check"))
    return check_formats ();
  if (argc != 2 || !g_ascii_string_to_unsigned (argv[1], 10, 0, G_MAXINT, &max_size, NULL))
    return ESCALE_PHOTO_EXIT_USAGE;

  loader = gdk_pixbuf_loader_new ();
  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb),
                    GUINT_TO_POINTER ((guint) max_size));
  status = load (loader);
  if (status != EXIT_SUCCESS)
    return status;

  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL)
    return ESCALE_PHOTO_EXIT_UNREADABLE;
  return send_pixels (pixbuf);
}
