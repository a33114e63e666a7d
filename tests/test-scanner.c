/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "escale-scanner.h"
#include "scan-lab.h"

/* EscaleScanner against SANE's own "test" backend through the real
 * libsane (tests/scan-lab.c): the devices listed, a page of each preset
 * with its size, the faults a scanner really gives (no scanner, no paper,
 * busy, gone during the scan), and a scan stopped midway. */

/* One per process: libsane reads SANE_CONFIG_DIR once. */
static ScanLab *lab;

typedef struct
{
  EscaleScanImage *image;
  GError *error;
  gboolean done;
  double max_progress;
} ScanResult;

static void
scan_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ScanResult *r = user_data;

  r->image = escale_scanner_scan_finish (ESCALE_SCANNER (source), result, &r->error);
  r->done = TRUE;
}

static void
progress_cb (EscaleScanner *scanner, GParamSpec *pspec, ScanResult *r)
{
  r->max_progress = MAX (r->max_progress, escale_scanner_get_progress (scanner));
}

static void
scan (const char *device, EscaleScanPreset preset, GCancellable *cancellable, ScanResult *r)
{
  g_autoptr(EscaleScanner) scanner = escale_scanner_new (device);

  g_signal_connect (scanner, "notify::progress", G_CALLBACK (progress_cb), r);
  escale_scanner_scan_async (scanner, preset, cancellable, scan_done_cb, r);
  g_assert_true (escale_scanner_get_busy (scanner));
  while (!r->done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (escale_scanner_get_busy (scanner));
}

static void
scan_result_clear (ScanResult *r)
{
  g_clear_pointer (&r->image, escale_scan_image_free);
  g_clear_error (&r->error);
}

static void
list_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  *(GStrv *) user_data = escale_scanner_list_devices_finish (result, NULL);
}

static void
test_lists_devices (void)
{
  scan_lab_configure (lab, 2, NULL);
  g_auto(GStrv) names = NULL;

  escale_scanner_list_devices_async (NULL, list_done_cb, &names);
  while (names == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_strv_length (names), ==, 2);
  g_assert_cmpstr (names[0], ==, "test:0");
  g_assert_cmpstr (names[1], ==, "test:1");

  g_clear_pointer (&names, g_strfreev);
  scan_lab_configure (lab, 0, NULL);
  escale_scanner_list_devices_async (NULL, list_done_cb, &names);
  while (names == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_strv_length (names), ==, 0);
}

/* A4 in grey at 200 dpi: 1654 x 2339 pixels, one byte each. */
static void
test_document_preset (void)
{
  scan_lab_configure (lab, 1, NULL);
  ScanResult r = { 0 };

  scan (NULL, ESCALE_SCAN_PRESET_DOCUMENT, NULL, &r);
  g_assert_no_error (r.error);
  g_assert_cmpuint (r.image->channels, ==, 1);
  g_assert_cmpfloat (r.image->dpi, ==, 200);
  g_assert_cmpuint (r.image->width, >=, 1650);
  g_assert_cmpuint (r.image->width, <=, 1656);
  g_assert_cmpuint (r.image->height, >=, 2335);
  g_assert_cmpuint (r.image->height, <=, 2341);
  g_assert_cmpuint (g_bytes_get_size (r.image->pixels), ==, r.image->stride * r.image->height);
  g_assert_cmpfloat (r.max_progress, ==, 1.0);
  scan_result_clear (&r);
}

/* A4 in colour at 300 dpi, on the device named in the config. */
static void
test_photo_preset (void)
{
  scan_lab_configure (lab, 2, NULL);
  ScanResult r = { 0 };
  const guint8 *pixels;
  gboolean coloured = FALSE;

  scan ("test:1", ESCALE_SCAN_PRESET_PHOTO, NULL, &r);
  g_assert_no_error (r.error);
  g_assert_cmpuint (r.image->channels, ==, 3);
  g_assert_cmpfloat (r.image->dpi, ==, 300);
  g_assert_cmpuint (r.image->width, >=, 2478);
  g_assert_cmpuint (r.image->width, <=, 2482);
  g_assert_cmpuint (r.image->height, >=, 3505);
  g_assert_cmpuint (r.image->height, <=, 3510);
  /* The colour pattern really has colours. */
  pixels = g_bytes_get_data (r.image->pixels, NULL);
  for (gsize i = 0; i + 2 < g_bytes_get_size (r.image->pixels) && !coloured; i += 3)
    coloured = pixels[i] != pixels[i + 1] || pixels[i + 1] != pixels[i + 2];
  g_assert_true (coloured);
  scan_result_clear (&r);
}

static void
assert_scan_fails (guint n_devices, const char *device, const char *conf, int code,
                   const char *words)
{
  ScanResult r = { 0 };

  scan_lab_configure (lab, n_devices, conf);
  scan (device, ESCALE_SCAN_PRESET_DOCUMENT, NULL, &r);
  g_assert_null (r.image);
  g_assert_error (r.error, ESCALE_SCANNER_ERROR, code);
  /* A calm French sentence that names no device. */
  g_assert_nonnull (strstr (r.error->message, words));
  g_assert_null (strstr (r.error->message, "test"));
  scan_result_clear (&r);
}

static void
test_no_device (void)
{
  assert_scan_fails (0, NULL, NULL, ESCALE_SCANNER_ERROR_NO_DEVICE, "Aucun scanner");
}

static void
test_configured_device_absent (void)
{
  assert_scan_fails (1, "test:7", NULL, ESCALE_SCANNER_ERROR_NO_DEVICE, "Aucun scanner");
}

static void
test_no_paper (void)
{
  assert_scan_fails (1, NULL, "read-status-code \"SANE_STATUS_NO_DOCS\"\n",
                     ESCALE_SCANNER_ERROR_NO_PAPER, "pas de feuille");
}

static void
test_jammed (void)
{
  assert_scan_fails (1, NULL, "read-status-code \"SANE_STATUS_JAMMED\"\n",
                     ESCALE_SCANNER_ERROR_JAMMED, "coincée");
}

static void
test_busy (void)
{
  assert_scan_fails (1, NULL, "read-status-code \"SANE_STATUS_DEVICE_BUSY\"\n",
                     ESCALE_SCANNER_ERROR_BUSY, "occupé");
}

/* A USB scanner pulled out, or a network one switched off, fails its
 * reads with an I/O error once the scan has started. */
static void
test_device_gone_mid_scan (void)
{
  assert_scan_fails (1, NULL, SCAN_LAB_SLOW "read-status-code \"SANE_STATUS_IO_ERROR\"\n",
                     ESCALE_SCANNER_ERROR_DEVICE_GONE, "ne répond plus");
}

static gboolean
cancel_when_started_cb (gpointer user_data)
{
  GCancellable **cancellable = user_data;

  g_cancellable_cancel (*cancellable);
  return G_SOURCE_REMOVE;
}

static void
started_cb (EscaleScanner *scanner, GParamSpec *pspec, GCancellable **cancellable)
{
  double progress = escale_scanner_get_progress (scanner);

  if (progress > 0.02 && progress < 0.5 && !g_cancellable_is_cancelled (*cancellable))
    g_idle_add (cancel_when_started_cb, cancellable);
}

/* Stopped midway: no page, the device free again for the next scan. */
static void
test_cancel_mid_scan (void)
{
  scan_lab_configure (lab, 1, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(EscaleScanner) scanner = escale_scanner_new (NULL);
  ScanResult r = { 0 };

  scan_lab_configure (lab, 1, SCAN_LAB_SLOW);
  g_signal_connect (scanner, "notify::progress", G_CALLBACK (progress_cb), &r);
  g_signal_connect (scanner, "notify::progress", G_CALLBACK (started_cb), &cancellable);
  escale_scanner_scan_async (scanner, ESCALE_SCAN_PRESET_DOCUMENT, cancellable, scan_done_cb, &r);
  while (!r.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (r.image);
  g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpfloat (r.max_progress, >, 0.0);
  g_assert_cmpfloat (r.max_progress, <, 1.0);
  scan_result_clear (&r);

  r = (ScanResult){ 0 };
  scan_lab_configure (lab, 1, NULL);
  scan (NULL, ESCALE_SCAN_PRESET_DOCUMENT, NULL, &r);
  g_assert_no_error (r.error);
  g_assert_nonnull (r.image);
  scan_result_clear (&r);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/escale/scanner/lists-devices", test_lists_devices);
  g_test_add_func ("/escale/scanner/document-grey-200-dpi-a4", test_document_preset);
  g_test_add_func ("/escale/scanner/photo-colour-300-dpi-a4", test_photo_preset);
  g_test_add_func ("/escale/scanner/no-device", test_no_device);
  g_test_add_func ("/escale/scanner/configured-device-absent", test_configured_device_absent);
  g_test_add_func ("/escale/scanner/no-paper", test_no_paper);
  g_test_add_func ("/escale/scanner/jammed", test_jammed);
  g_test_add_func ("/escale/scanner/busy", test_busy);
  g_test_add_func ("/escale/scanner/device-gone-mid-scan", test_device_gone_mid_scan);
  g_test_add_func ("/escale/scanner/cancel-mid-scan", test_cancel_mid_scan);
  lab = scan_lab_new (1);
  status = g_test_run ();
  scan_lab_free (lab);
  return status;
}
