/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <unistd.h>
#include <utime.h>

#include "escale-scratch.h"
#include "photo-test-medium.h"

gboolean
photo_test_medium_need_root (void)
{
  if (getuid () == 0)
    return TRUE;
  g_test_skip ("mounting a test medium needs root (CI runs the tests as root)");
  return FALSE;
}

void
photo_test_run (const char *const *argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *err = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, &err, &status, &error))
    g_error ("%s: %s (scripts/deps.sh installs it)", argv[0], error->message);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s %s", argv[0], error->message, err);
}

gboolean
photo_test_is_mounted (const char *path)
{
  g_autofree char *mountinfo = NULL;
  g_auto (GStrv) lines = NULL;

  g_assert_true (g_file_get_contents ("/proc/self/mountinfo", &mountinfo, NULL, NULL));
  lines = g_strsplit (mountinfo, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) fields = g_strsplit (lines[i], " ", 6);

      if (g_strv_length (fields) >= 5 && strcmp (fields[4], path) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
kernel_has (const char *fs_type)
{
  g_autofree char *filesystems = NULL;
  g_autofree char *line = g_strdup_printf ("\t%s\n", fs_type);

  return g_file_get_contents ("/proc/filesystems", &filesystems, NULL, NULL) &&
         strstr (filesystems, line) != NULL;
}

/* A test that aborts never frees its medium: its stick stays mounted under
 * /media, and the next run's Escale would see two sticks. Each mount point
 * names its test's process; those of processes gone are taken away. */
static void
sweep_media_of_dead_tests (void)
{
  g_autoptr (GDir) dir = g_dir_open ("/media", 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename ("/media", name, NULL);
      g_autofree char *proc = NULL;
      guint64 pid;

      if (!g_str_has_prefix (name, "escale-test-") ||
          !g_ascii_string_to_unsigned (name + strlen ("escale-test-"), 10, 1, G_MAXINT, &pid,
                                       NULL))
        continue;
      proc = g_strdup_printf ("/proc/%" G_GUINT64_FORMAT, pid);
      if (g_file_test (proc, G_FILE_TEST_EXISTS))
        continue;
      if (photo_test_is_mounted (path))
        photo_test_run ((const char *const[]){ "umount", "-l", path, NULL });
      g_rmdir (path);
    }
}

PhotoTestMedium *
photo_test_medium_new (void)
{
  PhotoTestMedium *self = g_new0 (PhotoTestMedium, 1);

  self->dir = g_dir_make_tmp ("escale-photo-medium-XXXXXX", NULL);
  g_assert_nonnull (self->dir);
  self->staging = g_build_filename (self->dir, "staging", NULL);
  g_assert_cmpint (g_mkdir (self->staging, 0700), ==, 0);
  self->image = g_build_filename (self->dir, "medium.img", NULL);
  g_assert_cmpint (g_mkdir_with_parents ("/media", 0755), ==, 0);
  sweep_media_of_dead_tests ();
  self->mount = g_strdup_printf ("/media/escale-test-%d", (int) getpid ());
  g_assert_cmpint (g_mkdir (self->mount, 0755), ==, 0);
  return self;
}

void
photo_test_medium_put (PhotoTestMedium *self, const char *relative, GBytes *bytes, gint64 mtime)
{
  g_autofree char *path = g_build_filename (self->staging, relative, NULL);
  g_autofree char *parent = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_assert_true (
    g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  if (mtime != 0)
    {
      struct utimbuf times = { .actime = mtime, .modtime = mtime };

      g_assert_cmpint (utime (path, &times), ==, 0);
    }
}

/* A FAT image, as a stick from a shop, with what was put, folders and all
 * (mcopy -m keeps the modification times, which date the photos). */
void
photo_test_medium_make_fat (PhotoTestMedium *self, const char *label)
{
  g_autoptr (GDir) dir = g_dir_open (self->staging, 0, NULL);
  g_autoptr (GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  const char *const command[] = { "mcopy", "-i", self->image, "-s", "-Q", "-m" };
  const char *name;

  photo_test_run ((const char *const[]){ "truncate", "-s", "16M", self->image, NULL });
  photo_test_run ((const char *const[]){ "mkfs.vfat", "-n", label, self->image, NULL });
  for (guint i = 0; i < G_N_ELEMENTS (command); i++)
    g_ptr_array_add (argv, g_strdup (command[i]));
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (argv, g_build_filename (self->staging, name, NULL));
  g_assert_cmpuint (argv->len, >, 6);
  g_ptr_array_add (argv, g_strdup ("::/"));
  g_ptr_array_add (argv, NULL);
  photo_test_run ((const char *const *) argv->pdata);
}

gboolean
photo_test_medium_fat_through_fuse (void)
{
  return !kernel_has ("vfat");
}

void
photo_test_medium_mount_fat_read_only (PhotoTestMedium *self)
{
  if (!photo_test_medium_fat_through_fuse ())
    photo_test_run ((const char *const[]){ "mount", "-t", "vfat", "-o", "loop,ro", self->image,
                                           self->mount, NULL });
  else
    photo_test_run (
      (const char *const[]){ "fusefat", "-o", "ro", self->image, self->mount, NULL });
  g_assert_true (photo_test_is_mounted (self->mount));
}

void
photo_test_medium_mount_ext2_read_write (PhotoTestMedium *self)
{
  photo_test_run ((const char *const[]){ "truncate", "-s", "8M", self->image, NULL });
  photo_test_run ((const char *const[]){ "mkfs.ext2", "-q", "-F", self->image, NULL });
  photo_test_run ((const char *const[]){ "mount", "-o", "loop", self->image, self->mount, NULL });
  g_assert_true (photo_test_is_mounted (self->mount));
}

gboolean
photo_test_medium_is_mounted (PhotoTestMedium *self)
{
  return photo_test_is_mounted (self->mount);
}

void
photo_test_medium_pull_out (PhotoTestMedium *self)
{
  /* Lazily, as a stick pulled out while the kiosk still reads it: the
   * kernel lets go of it at once (a plain umount fails on a busy mount). */
  photo_test_run ((const char *const[]){ "umount", "-l", self->mount, NULL });
  g_assert_false (photo_test_is_mounted (self->mount));
}

void
photo_test_medium_free (PhotoTestMedium *self)
{
  if (photo_test_is_mounted (self->mount))
    photo_test_run ((const char *const[]){ "umount", "-l", self->mount, NULL });
  g_assert_cmpint (g_rmdir (self->mount), ==, 0);
  g_assert_true (escale_remove_tree (self->dir, NULL));
  g_free (self->dir);
  g_free (self->staging);
  g_free (self->image);
  g_free (self->mount);
  g_free (self);
}
