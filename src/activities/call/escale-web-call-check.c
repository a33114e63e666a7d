/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-call"

#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "escale-call-kind.h"
#include "escale-web-capabilities.h"

/* What only the running machine can tell about call activities: a web
 * call ([Call] web-url=) needs WebRTC in WebKitGTK, which only WebKit
 * itself can answer, and only with a display. Where the answer is no, each
 * web call gets a problem on its web-url line (staff see it on the welcome
 * screen, and --check-config fails); where WebKit could not be asked, a
 * warning that does not fail the check. Without a web call nothing is
 * asked at all. */

typedef struct
{
  GPtrArray *web_calls; /* of EscaleActivity */
  GPtrArray *problems;  /* of EscaleConfigProblem */
  GPtrArray *warnings;  /* of EscaleConfigProblem */
} Check;

static void
check_free (gpointer data)
{
  Check *check = data;

  g_ptr_array_unref (check->web_calls);
  g_ptr_array_unref (check->problems);
  g_ptr_array_unref (check->warnings);
  g_free (check);
}

static void
add_for_each (GPtrArray *to, GPtrArray *web_calls, const char *message)
{
  for (guint i = 0; i < web_calls->len; i++)
    escale_config_problem_add (to, escale_activity_get_source (web_calls->pdata[i]),
                               escale_call_kind_get_web_url_line (web_calls->pdata[i]), "web-url",
                               "%s", message);
}

static void
cannot_check (Check *check, const char *reason)
{
  g_autofree char *message =
    g_strdup_printf (_ ("avertissement : WebRTC n'a pas pu être vérifié (%s) ; relancez escale "
                        "--check-config depuis la session de la borne"),
                     reason);

  add_for_each (check->warnings, check->web_calls, message);
}

static void
probed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GTask) task = user_data;
  Check *check = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gboolean has_webrtc = FALSE;

  if (!escale_web_capabilities_probe_webrtc_finish (result, &has_webrtc, &error))
    cannot_check (check, error->message);
  else if (!has_webrtc)
    add_for_each (check->problems, check->web_calls,
                  _ ("ce WebKitGTK n'a pas WebRTC : utilisez server= (l'écran d'appel "
                     "d'Escale)"));
  g_task_return_boolean (task, TRUE);
}

void
escale_call_kind_check_machine (GPtrArray *activities, GCancellable *cancellable,
                                GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  Check *check = g_new0 (Check, 1);

  g_task_set_source_tag (task, escale_call_kind_check_machine);
  check->web_calls = g_ptr_array_new_with_free_func (g_object_unref);
  check->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) escale_config_problem_free);
  check->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) escale_config_problem_free);
  g_task_set_task_data (task, check, check_free);
  for (guint i = 0; i < activities->len; i++)
    if (escale_call_kind_is_web_call (activities->pdata[i]))
      g_ptr_array_add (check->web_calls, g_object_ref (activities->pdata[i]));

  if (check->web_calls->len == 0)
    g_task_return_boolean (task, TRUE);
  else if (!gtk_init_check ())
    {
      cannot_check (check, _ ("pas d'écran"));
      g_task_return_boolean (task, TRUE);
    }
  else
    escale_web_capabilities_probe_webrtc (cancellable, probed_cb, g_steal_pointer (&task));
}

void
escale_call_kind_check_machine_finish (GAsyncResult *result, GPtrArray *problems,
                                       GPtrArray *warnings)
{
  Check *check;

  g_return_if_fail (g_task_is_valid (result, NULL));

  g_task_propagate_boolean (G_TASK (result), NULL);
  check = g_task_get_task_data (G_TASK (result));
  g_ptr_array_extend_and_steal (problems, g_ptr_array_ref (check->problems));
  g_ptr_array_extend_and_steal (warnings, g_ptr_array_ref (check->warnings));
}
