/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>

#include "escale-scratch.h"
#include "scan-lab.h"

static void
write_file (const char *dir, const char *name, const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

void
scan_lab_configure (ScanLab *self, guint n_devices, const char *extra)
{
  /* An A4 page must fit: the test backend's glass is 200 mm by default. */
  g_autofree char *conf =
    g_strdup_printf ("number_of_devices %u\ngeometry_max 300.0\nbr_x 210.0\nbr_y 297.0\n"
                     "test-picture \"Color pattern\"\n%s",
                     MAX (n_devices, 1), extra != NULL ? extra : "");

  write_file (self->dir, "dll.conf", n_devices > 0 ? "test\n" : "# no backend\n");
  write_file (self->dir, "test.conf", conf);
}

ScanLab *
scan_lab_new (guint n_devices)
{
  ScanLab *self = g_new0 (ScanLab, 1);
  g_autoptr(GError) error = NULL;

  self->dir = g_dir_make_tmp ("escale-sane-XXXXXX", &error);
  g_assert_no_error (error);
  scan_lab_configure (self, n_devices, NULL);
  /* No colon at the end: only this folder, never /etc/sane.d. */
  g_setenv ("SANE_CONFIG_DIR", self->dir, TRUE);
  return self;
}

void
scan_lab_free (ScanLab *self)
{
  g_unsetenv ("SANE_CONFIG_DIR");
  g_assert_true (escale_remove_tree (self->dir, NULL));
  g_free (self->dir);
  g_free (self);
}
