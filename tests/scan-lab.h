/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* SANE's own "test" backend as the scanner, through the real libsane: a
 * private SANE_CONFIG_DIR whose dll.conf names only "test" and whose
 * test.conf the test writes (number of devices, A4 glass, and what the
 * device does: a slow read, or a status such as SANE_STATUS_NO_DOCS that
 * every read returns). libsane reads it at each sane_init (), which
 * EscaleScanner calls for every scan; but it reads SANE_CONFIG_DIR only
 * once a process, so a test program makes one lab and configures it for
 * each test. */
typedef struct
{
  char *dir;
} ScanLab;

/* @n_devices: 0 for no scanner at all (an empty dll.conf). */
ScanLab *scan_lab_new (guint n_devices);
/* Rewrites test.conf with @extra lines (test.conf syntax), or none. */
void scan_lab_configure (ScanLab *self, guint n_devices, const char *extra);
/* A slow scan: small reads with a delay, so a test can stop it midway. */
#define SCAN_LAB_SLOW                                                                             \
  "read-limit true\nread-limit-size 8192\nread-delay true\nread-delay-duration 20000\n"
void scan_lab_free (ScanLab *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScanLab, scan_lab_free)

G_END_DECLS
