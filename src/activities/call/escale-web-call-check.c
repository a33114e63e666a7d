/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-call"

#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "escale-call-kind.h"
#include "escale-kind-check.h"
#include "escale-web-capabilities.h"

/* What only the running machine can tell about call activities: a web
 * call ([Call] web-url=) needs WebRTC in WebKitGTK, which only WebKit
 * itself can answer, and only with a display. Where the answer is no, each
 * web call gets a problem on its web-url line (staff see it on the welcome
 * screen, and --check-config fails); where WebKit could not be asked, a
 * warning that does not fail the check. Without a web call nothing is
 * asked at all. */

static void
cannot_check (EscaleKindCheck *check, const char *reason)
{
  g_autofree char *message =
    g_strdup_printf (_ ("avertissement : WebRTC n'a pas pu être vérifié (%s) ; relancez escale "
                        "--check-config depuis la session de la borne"),
                     reason);

  escale_kind_check_add (check, check->warnings, "Call", "web-url", message);
}

static void
probed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GTask) task = user_data;
  EscaleKindCheck *check = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gboolean has_webrtc = FALSE;

  if (!escale_web_capabilities_probe_webrtc_finish (result, &has_webrtc, &error))
    cannot_check (check, error->message);
  else if (!has_webrtc)
    escale_kind_check_add (check, check->problems, "Call", "web-url",
                           _ ("ce WebKitGTK n'a pas WebRTC : utilisez server= (l'écran "
                              "d'appel d'Escale)"));
  g_task_return_boolean (task, TRUE);
}

void
escale_call_kind_check_machine (GPtrArray *activities, GCancellable *cancellable,
                                GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  EscaleKindCheck *check = escale_kind_check_new (task);

  g_task_set_source_tag (task, escale_call_kind_check_machine);
  for (guint i = 0; i < activities->len; i++)
    if (escale_call_kind_is_web_call (activities->pdata[i]))
      g_ptr_array_add (check->activities, g_object_ref (activities->pdata[i]));

  if (check->activities->len == 0)
    g_task_return_boolean (task, TRUE);
  else if (!gtk_init_check ())
    {
      cannot_check (check, _ ("pas d'écran"));
      g_task_return_boolean (task, TRUE);
    }
  else
    escale_web_capabilities_probe_webrtc (cancellable, probed_cb, g_steal_pointer (&task));
}
