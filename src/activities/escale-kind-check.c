/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "escale-config-file.h"
#include "escale-kind-check.h"

static void
check_free (gpointer data)
{
  EscaleKindCheck *self = data;

  g_ptr_array_unref (self->activities);
  g_ptr_array_unref (self->problems);
  g_ptr_array_unref (self->warnings);
  g_free (self);
}

EscaleKindCheck *
escale_kind_check_new (GTask *task)
{
  EscaleKindCheck *self = g_new0 (EscaleKindCheck, 1);

  self->activities = g_ptr_array_new_with_free_func (g_object_unref);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) escale_config_problem_free);
  self->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) escale_config_problem_free);
  g_task_set_task_data (task, self, check_free);
  return self;
}

void
escale_kind_check_add (EscaleKindCheck *self, GPtrArray *to, const char *group, const char *key,
                       const char *message)
{
  for (guint i = 0; i < self->activities->len; i++)
    escale_config_problem_add (to, escale_activity_get_source (self->activities->pdata[i]),
                               MAX (escale_activity_get_line (self->activities->pdata[i], group,
                                                              key),
                                    1),
                               key, "%s", message);
}

void
escale_kind_check_finish (GAsyncResult *result, GPtrArray *problems, GPtrArray *warnings)
{
  EscaleKindCheck *self;

  g_return_if_fail (G_IS_TASK (result));

  g_task_propagate_boolean (G_TASK (result), NULL);
  self = g_task_get_task_data (G_TASK (result));
  g_ptr_array_extend_and_steal (problems, g_ptr_array_ref (self->problems));
  g_ptr_array_extend_and_steal (warnings, g_ptr_array_ref (self->warnings));
}
