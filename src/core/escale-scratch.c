/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-scratch"

#include <errno.h>
#include <glib/gstdio.h>

#include "escale-scratch.h"

/* The one place where a session may write files: downloads, copied photos,
 * temporary files. It lives in $XDG_RUNTIME_DIR (RAM on systemd machines, so
 * it does not survive a power cut) under a fresh random name per session. */
struct _EscaleScratch
{
  GObject parent_instance;

  char *base_dir;
  char *path; /* NULL until first asked for */
};

G_DEFINE_FINAL_TYPE (EscaleScratch, escale_scratch, G_TYPE_OBJECT)

static void
escale_scratch_finalize (GObject *object)
{
  EscaleScratch *self = ESCALE_SCRATCH (object);

  g_clear_pointer (&self->base_dir, g_free);
  g_clear_pointer (&self->path, g_free);
  G_OBJECT_CLASS (escale_scratch_parent_class)->finalize (object);
}

static void
escale_scratch_class_init (EscaleScratchClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = escale_scratch_finalize;
}

static void
escale_scratch_init (EscaleScratch *self)
{
}

/* $XDG_RUNTIME_DIR/escale, or when it is unset (no systemd-logind), a
 * private directory in the user's cache that only the user can read. */
char *
escale_scratch_default_base_dir (void)
{
  const char *runtime = g_getenv ("XDG_RUNTIME_DIR");

  if (runtime != NULL && *runtime == '/' && g_file_test (runtime, G_FILE_TEST_IS_DIR))
    return g_build_filename (runtime, "escale", NULL);
  return g_build_filename (g_get_user_cache_dir (), "escale", "runtime", NULL);
}

EscaleScratch *
escale_scratch_new (const char *base_dir)
{
  EscaleScratch *self = g_object_new (ESCALE_TYPE_SCRATCH, NULL);

  self->base_dir = base_dir ? g_strdup (base_dir) : escale_scratch_default_base_dir ();
  return self;
}

/* The current session's directory, created (mode 0700) on first use. */
const char *
escale_scratch_get_path (EscaleScratch *self, GError **error)
{
  g_autofree char *template = NULL;
  char *made;

  g_return_val_if_fail (ESCALE_IS_SCRATCH (self), NULL);

  if (self->path != NULL && g_file_test (self->path, G_FILE_TEST_IS_DIR))
    return self->path;

  if (g_mkdir_with_parents (self->base_dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "Cannot create %s: %s",
                   self->base_dir, g_strerror (saved));
      return NULL;
    }
  g_chmod (self->base_dir, 0700);

  template = g_build_filename (self->base_dir, "session-XXXXXX", NULL);
  made = g_mkdtemp_full (template, 0700);
  if (made == NULL)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "Cannot create a session directory in %s: %s", self->base_dir,
                   g_strerror (saved));
      return NULL;
    }
  g_free (self->path);
  self->path = g_steal_pointer (&template);
  return self->path;
}

/* Deletes @path and everything below it without following symbolic links.
 * A missing path is not an error. Errors never name what is inside: a file
 * name a visitor chose ("lettre-a-ma-fille.pdf") must not reach the logs. */
gboolean
escale_remove_tree (const char *path, GError **error)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    {
      if (errno == ENOENT)
        return TRUE;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   "Cannot inspect an entry of the session folder: %s", g_strerror (errno));
      return FALSE;
    }

  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, error);
      const char *name;

      if (dir == NULL)
        return FALSE;
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (!escale_remove_tree (child, error))
            return FALSE;
        }
      if (g_rmdir (path) != 0)
        {
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                       "Cannot remove a folder of the session folder: %s", g_strerror (errno));
          return FALSE;
        }
      return TRUE;
    }

  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   "Cannot remove a file of the session folder: %s", g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

/* Removes the current session's directory; the next one gets a new name. */
gboolean
escale_scratch_wipe (EscaleScratch *self, GError **error)
{
  g_return_val_if_fail (ESCALE_IS_SCRATCH (self), FALSE);

  if (self->path == NULL)
    return TRUE;
  if (!escale_remove_tree (self->path, error))
    return FALSE;
  g_clear_pointer (&self->path, g_free);
  return TRUE;
}

/* At start-up: removes every session-* left by a crash or a power cut. */
gboolean
escale_scratch_wipe_leftovers (EscaleScratch *self, GError **error)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  g_return_val_if_fail (ESCALE_IS_SCRATCH (self), FALSE);

  dir = g_dir_open (self->base_dir, 0, &local_error);
  if (dir == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = NULL;

      if (!g_str_has_prefix (name, "session-"))
        continue;
      if (self->path != NULL && g_str_has_suffix (self->path, name))
        continue;
      child = g_build_filename (self->base_dir, name, NULL);
      g_message ("Removing a session directory left by an earlier run");
      if (!escale_remove_tree (child, error))
        return FALSE;
    }
  return TRUE;
}
