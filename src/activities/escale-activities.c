/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "escale-activities.h"
#include "escale-call-kind.h"
#include "escale-culture-kind.h"
#include "escale-demarches-kind.h"
#include "escale-firststeps-kind.h"
#include "escale-info-kind.h"
#include "escale-photos-kind.h"

/* The kinds of activity this Escale knows, in the order their names are
 * given in messages ("utilisez call, culture, demarches, firststeps, info
 * ou photos"). Adding a kind is a folder beside call/, culture/, demarches/,
 * firststeps/, info/ and photos/, and one line here: nothing else names a
 * kind. */
static const EscaleActivityKind *const kinds[] = {
  &escale_call_kind,
  &escale_culture_kind,
  &escale_demarches_kind,
  &escale_firststeps_kind,
  &escale_info_kind,
  &escale_photos_kind,
  NULL,
};

/* Returns: (array zero-terminated=1) (transfer none): for escale_config_load (). */
const EscaleActivityKind *const *
escale_activities_get_kinds (void)
{
  return kinds;
}

/* What the goodbye screen must remind the person of ("N'oubliez pas votre
 * clé !"), asked of each kind @config's activities have, once each, in
 * the order of the activities: the first answer, or NULL. */
char *
escale_activities_goodbye_reminder (EscaleConfig *config)
{
  GPtrArray *activities = escale_config_get_activities (config);
  g_autoptr(GPtrArray) asked = g_ptr_array_new ();

  for (guint i = 0; i < activities->len; i++)
    {
      const EscaleActivityKind *kind = escale_activity_get_kind (activities->pdata[i]);
      char *reminder;

      if (kind->goodbye_reminder == NULL || g_ptr_array_find (asked, kind, NULL))
        continue;
      g_ptr_array_add (asked, (gpointer) kind);
      reminder = kind->goodbye_reminder ();
      if (reminder != NULL)
        return reminder;
    }
  return NULL;
}

/* The first of @activities (of EscaleActivity) whose kind the welcome
 * screen's "C'est ma première fois" opens, or NULL. */
EscaleActivity *
escale_activities_find_first_time (GPtrArray *activities)
{
  for (guint i = 0; activities != NULL && i < activities->len; i++)
    if (escale_activity_get_kind (activities->pdata[i])->first_time)
      return activities->pdata[i];
  return NULL;
}

/* --- checks only the running machine can answer ------------------------ */

typedef struct
{
  guint pending;
  GPtrArray *problems; /* of EscaleConfigProblem */
  GPtrArray *warnings; /* of EscaleConfigProblem */
} MachineCheck;

static void
machine_check_free (gpointer data)
{
  MachineCheck *check = data;

  g_ptr_array_unref (check->problems);
  g_ptr_array_unref (check->warnings);
  g_free (check);
}

typedef struct
{
  GTask *task;
  const EscaleActivityKind *kind;
} KindCheck;

static void
kind_checked_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  KindCheck *kind_check = user_data;
  g_autoptr(GTask) task = kind_check->task;
  MachineCheck *check = g_task_get_task_data (task);

  kind_check->kind->check_machine_finish (result, check->problems, check->warnings);
  g_free (kind_check);
  if (--check->pending == 0)
    g_task_return_boolean (task, TRUE);
}

/* The kinds of @activities that have checks of the running machine, once each. */
static GPtrArray *
kinds_to_check (GPtrArray *activities)
{
  GPtrArray *to_check = g_ptr_array_new ();

  for (guint i = 0; i < activities->len; i++)
    {
      const EscaleActivityKind *kind = escale_activity_get_kind (activities->pdata[i]);

      if (kind->check_machine != NULL && !g_ptr_array_find (to_check, kind, NULL))
        g_ptr_array_add (to_check, (gpointer) kind);
    }
  return to_check;
}

/* Runs the checks of the running machine of every kind @config's
 * activities have (whether WebKit has WebRTC for a web call). Kinds
 * without such checks, and configurations without such kinds, cost
 * nothing. */
void
escale_activities_check_machine (EscaleConfig *config, GCancellable *cancellable,
                                 GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  GPtrArray *activities = escale_config_get_activities (config);
  g_autoptr(GPtrArray) to_check = kinds_to_check (activities);
  MachineCheck *check = g_new0 (MachineCheck, 1);

  g_task_set_source_tag (task, escale_activities_check_machine);
  check->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) escale_config_problem_free);
  check->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) escale_config_problem_free);
  check->pending = 1;
  g_task_set_task_data (task, check, machine_check_free);
  for (guint i = 0; i < to_check->len; i++)
    {
      KindCheck *kind_check = g_new0 (KindCheck, 1);

      kind_check->task = g_object_ref (task);
      kind_check->kind = to_check->pdata[i];
      check->pending++;
      kind_check->kind->check_machine (activities, cancellable, kind_checked_cb, kind_check);
    }
  if (--check->pending == 0)
    g_task_return_boolean (task, TRUE);
}

/* Adds what cannot work on this machine to @problems and what could not
 * be checked to @warnings (both of EscaleConfigProblem). */
void
escale_activities_check_machine_finish (GAsyncResult *result, GPtrArray *problems,
                                        GPtrArray *warnings)
{
  MachineCheck *check;

  g_return_if_fail (g_task_is_valid (result, NULL));

  g_task_propagate_boolean (G_TASK (result), NULL);
  check = g_task_get_task_data (G_TASK (result));
  g_ptr_array_extend_and_steal (problems, g_ptr_array_ref (check->problems));
  g_ptr_array_extend_and_steal (warnings, g_ptr_array_ref (check->warnings));
}
