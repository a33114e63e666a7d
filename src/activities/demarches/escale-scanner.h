/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Why a scan did not give a page; the message is a calm French sentence
 * that names no device. A cancelled scan is G_IO_ERROR_CANCELLED. */
#define ESCALE_SCANNER_ERROR (escale_scanner_error_quark ())
GQuark escale_scanner_error_quark (void);
typedef enum
{
  ESCALE_SCANNER_ERROR_NO_DEVICE,   /* no scanner found, or the configured one is absent */
  ESCALE_SCANNER_ERROR_NO_PAPER,    /* the feeder is empty */
  ESCALE_SCANNER_ERROR_JAMMED,      /* paper jammed, or the cover is open */
  ESCALE_SCANNER_ERROR_BUSY,        /* in use, or warming up: try again in a moment */
  ESCALE_SCANNER_ERROR_DEVICE_GONE, /* it stopped answering during the scan */
  ESCALE_SCANNER_ERROR_FAILED,      /* anything else */
} EscaleScannerError;

/* The two settings a visitor may choose; nothing else is ever asked. */
typedef enum
{
  ESCALE_SCAN_PRESET_DOCUMENT, /* grey, 200 dpi: a letter, a form, a card */
  ESCALE_SCAN_PRESET_PHOTO,    /* colour, 300 dpi: a photo, a coloured paper */
} EscaleScanPreset;

/* One scanned page, 8 bits a sample: grey (1 byte a pixel) or RGB (3). */
typedef struct
{
  guint width;
  guint height;
  gsize stride;
  guint channels; /* 1 or 3 */
  double dpi;
  GBytes *pixels;
} EscaleScanImage;

#define ESCALE_TYPE_SCAN_IMAGE (escale_scan_image_get_type ())
GType escale_scan_image_get_type (void) G_GNUC_CONST;
EscaleScanImage *escale_scan_image_copy (const EscaleScanImage *self);
void escale_scan_image_free (EscaleScanImage *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleScanImage, escale_scan_image_free)

/* A scanner reached through SANE (libsane: any backend, sane-airscan for
 * driverless network and USB scanners). Every call into libsane runs on a
 * worker thread, one at a time for the whole process, between its own
 * sane_init () and sane_exit (), so a scanner plugged in later is found and
 * the main loop never waits. Use the object on the main thread; "progress"
 * (0 to 1, or -1 when the height is not known) is notified there. */
#define ESCALE_TYPE_SCANNER (escale_scanner_get_type ())
G_DECLARE_FINAL_TYPE (EscaleScanner, escale_scanner, ESCALE, SCANNER, GObject)

/* @device: a SANE device name (the config's scanner=), or NULL for the
 * first one SANE lists. */
EscaleScanner *escale_scanner_new (const char *device);
double escale_scanner_get_progress (EscaleScanner *self);
gboolean escale_scanner_get_busy (EscaleScanner *self);

/* The SANE names of the scanners found now (maybe none). */
void escale_scanner_list_devices_async (GCancellable *cancellable, GAsyncReadyCallback callback,
                                        gpointer user_data);
GStrv escale_scanner_list_devices_finish (GAsyncResult *result, GError **error);

/* Scans one page with @preset; one scan at a time per scanner. */
void escale_scanner_scan_async (EscaleScanner *self, EscaleScanPreset preset,
                                GCancellable *cancellable, GAsyncReadyCallback callback,
                                gpointer user_data);
EscaleScanImage *escale_scanner_scan_finish (EscaleScanner *self, GAsyncResult *result,
                                             GError **error);

G_END_DECLS
