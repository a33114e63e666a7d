/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A visitor's medium for the tests, really mounted under /media where GIO's
 * unix volume monitor sees it as a stick: a FAT image (dosfstools, mtools)
 * mounted with the kernel's vfat where it has one, else through FUSE
 * (fusefat; this machine's kernel has no vfat), or an ext2 image for a
 * medium that can be written. Mounting needs root, as in CI. */
typedef struct
{
  char *dir;     /* temporary: the image and the files put on it */
  char *staging; /* what goes on the FAT image */
  char *image;
  char *mount; /* /media/escale-test-XXXXXX */
} PhotoTestMedium;

/* TRUE as root; otherwise the test is skipped, saying why. */
gboolean photo_test_medium_need_root (void);
/* Runs @argv (searched in PATH); any failure ends the test. */
void photo_test_run (const char *const *argv);
gboolean photo_test_is_mounted (const char *path);

PhotoTestMedium *photo_test_medium_new (void);
/* Puts @bytes at @relative on the FAT image to be made, modified at
 * @mtime (seconds since 1970, UTC; 0: now). */
void photo_test_medium_put (PhotoTestMedium *self, const char *relative, GBytes *bytes,
                            gint64 mtime);
/* Makes the FAT image of what was put, named @label. */
void photo_test_medium_make_fat (PhotoTestMedium *self, const char *label);
void photo_test_medium_mount_fat_read_only (PhotoTestMedium *self);
/* Whether the FAT image is mounted through fusefat, whose dates are one
 * month late (fusefat 1.0: a file of 20 July shows 20 August). */
gboolean photo_test_medium_fat_through_fuse (void);
void photo_test_medium_mount_ext2_read_write (PhotoTestMedium *self);
gboolean photo_test_medium_is_mounted (PhotoTestMedium *self);
/* Pulled out: unmounted behind the back of whoever shows it. */
void photo_test_medium_pull_out (PhotoTestMedium *self);
/* Unmounts what is still mounted, removes the mount point and the files. */
void photo_test_medium_free (PhotoTestMedium *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhotoTestMedium, photo_test_medium_free)

G_END_DECLS
