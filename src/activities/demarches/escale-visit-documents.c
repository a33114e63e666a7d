/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-demarches"

#include <errno.h>
#include <glib/gstdio.h>

#include "escale-visit-documents.h"

char *
escale_visit_documents_dir (EscaleVisit *visit, GError **error)
{
  const char *scratch = escale_visit_get_scratch_dir (visit, error);
  g_autofree char *dir = NULL;

  if (scratch == NULL)
    return NULL;
  dir = g_build_filename (scratch, "documents", NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "Cannot make the visit's documents folder: %s", g_strerror (saved));
      return NULL;
    }
  return g_steal_pointer (&dir);
}
