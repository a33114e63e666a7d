/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer: a culture collection's collection.ini, any bytes, loaded as
 * the culture corner does (its pictures are the demo's). Whatever the
 * bytes, no crash, no leak, no hang. */
#include <unistd.h>
#include <glib/gstdio.h>

#include "escale-config-file.h"
#include "escale-culture-collection.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static char *dir;
static char *index_file;

static void
set_up (void)
{
  const char *images = g_getenv ("ESCALE_FUZZ_IMAGES");
  g_autofree char *link = NULL;

  g_log_set_always_fatal (G_LOG_FATAL_MASK);
  dir = g_dir_make_tmp ("escale-fuzz-culture-XXXXXX", NULL);
  link = g_build_filename (dir, "images", NULL);
  if (images != NULL)
    symlink (images, link);
  index_file = g_build_filename (dir, "collection.ini", NULL);
}

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  GPtrArray *problems;
  EscaleCultureCollection *collection;

  if (dir == NULL)
    set_up ();
  if (!g_file_set_contents (index_file, (const char *) data, (gssize) size, NULL))
    return 0;
  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) escale_config_problem_free);
  collection = escale_culture_collection_load (dir, "culture/fuzz", problems, NULL);
  g_clear_object (&collection);
  g_ptr_array_unref (problems);
  return 0;
}
