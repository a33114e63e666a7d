/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-photos"

#include <glib/gi18n.h>

#include "escale-photo-decoder.h"
#include "escale-photos-kind.h"

/* What only the running machine can tell about "Mes photos": whether its
 * decoding helper runs here at all (installed, its loaders present), and
 * whether it runs inside bwrap. Without the helper no photo can show: a
 * problem on each photos activity's kind= line, which --check-config
 * fails on and staff see on the welcome screen. Without the sandbox the
 * photos are still decoded, with resource limits only: a warning. */

typedef struct
{
  GPtrArray *photos; /* of EscaleActivity */
  GPtrArray *problems;
  GPtrArray *warnings;
} Check;

static void
check_free (gpointer data)
{
  Check *check = data;

  g_ptr_array_unref (check->photos);
  g_ptr_array_unref (check->problems);
  g_ptr_array_unref (check->warnings);
  g_free (check);
}

static void
add_for_each (GPtrArray *to, GPtrArray *photos, const char *message)
{
  for (guint i = 0; i < photos->len; i++)
    escale_config_problem_add (to, escale_activity_get_source (photos->pdata[i]),
                               MAX (escale_activity_get_line (photos->pdata[i], "Activity",
                                                              "kind"),
                                    1),
                               "kind", "%s", message);
}

static void
checked_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GTask) task = user_data;
  Check *check = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gboolean sandboxed = FALSE;

  if (!escale_photo_decoder_check_finish (ESCALE_PHOTO_DECODER (object), result, &sandboxed,
                                          &error))
    add_for_each (check->problems, check->photos, error->message);
  else if (!sandboxed)
    add_for_each (check->warnings, check->photos,
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
  Check *check = g_new0 (Check, 1);

  g_task_set_source_tag (task, escale_photos_kind_check_machine);
  check->photos = g_ptr_array_new_with_free_func (g_object_unref);
  check->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) escale_config_problem_free);
  check->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) escale_config_problem_free);
  g_task_set_task_data (task, check, check_free);
  for (guint i = 0; i < activities->len; i++)
    if (escale_activity_get_kind (activities->pdata[i]) == &escale_photos_kind)
      g_ptr_array_add (check->photos, g_object_ref (activities->pdata[i]));
  if (check->photos->len == 0)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  decoder = escale_photo_decoder_new ();
  escale_photo_decoder_check_async (decoder, cancellable, checked_cb, g_steal_pointer (&task));
}

void
escale_photos_kind_check_machine_finish (GAsyncResult *result, GPtrArray *problems,
                                         GPtrArray *warnings)
{
  Check *check;

  g_return_if_fail (g_task_is_valid (result, NULL));

  g_task_propagate_boolean (G_TASK (result), NULL);
  check = g_task_get_task_data (G_TASK (result));
  g_ptr_array_extend_and_steal (problems, g_ptr_array_ref (check->problems));
  g_ptr_array_extend_and_steal (warnings, g_ptr_array_ref (check->warnings));
}
