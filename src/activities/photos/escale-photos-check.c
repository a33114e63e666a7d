/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-photos"

#include <glib/gi18n.h>

#include "escale-kind-check.h"
#include "escale-photo-decoder.h"
#include "escale-photos-kind.h"

/* What only the running machine can tell about "Mes photos": whether its
 * decoding helper runs here at all (installed, its loaders present), and
 * whether it runs inside bwrap. Without the helper no photo can show: a
 * problem on each photos activity's kind= line, which --check-config
 * fails on and staff see on the welcome screen. Without the sandbox the
 * photos are still decoded, with resource limits only: a warning. */

static void
checked_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GTask) task = user_data;
  EscaleKindCheck *check = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gboolean sandboxed = FALSE;

  if (!escale_photo_decoder_check_finish (ESCALE_PHOTO_DECODER (object), result, &sandboxed,
                                          &error))
    escale_kind_check_add (check, check->problems, "Activity", "kind", error->message);
  else if (!sandboxed)
    escale_kind_check_add (
      check, check->warnings, "Activity", "kind",
      _ ("avertissement : bwrap (paquet bubblewrap) ne fonctionne pas ici : les "
         "photos des visiteurs sont décodées sans bac à sable, avec des limites "
         "seulement"));
  g_task_return_boolean (task, TRUE);
}

void
escale_photos_kind_check_machine (GPtrArray *activities, GCancellable *cancellable,
                                  GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(EscalePhotoDecoder) decoder = NULL;
  EscaleKindCheck *check = escale_kind_check_new (task);

  g_task_set_source_tag (task, escale_photos_kind_check_machine);
  for (guint i = 0; i < activities->len; i++)
    if (escale_activity_get_kind (activities->pdata[i]) == &escale_photos_kind)
      g_ptr_array_add (check->activities, g_object_ref (activities->pdata[i]));
  if (check->activities->len == 0)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  decoder = escale_photo_decoder_new ();
  escale_photo_decoder_check_async (decoder, cancellable, checked_cb, g_steal_pointer (&task));
}
