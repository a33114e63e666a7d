/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-activity.h"

G_BEGIN_DECLS

/* What a kind's machine check (EscaleActivityKind.check_machine) keeps
 * while it runs: the activities it checks and the problems and warnings
 * it finds, as the GTask's data. Shared by the kinds that have one. */
typedef struct
{
  GPtrArray *activities; /* of EscaleActivity, those the check is about */
  GPtrArray *problems;   /* of EscaleConfigProblem */
  GPtrArray *warnings;   /* of EscaleConfigProblem */
} EscaleKindCheck;

/* A check set as @task's data. */
EscaleKindCheck *escale_kind_check_new (GTask *task);
/* @message on each activity's [@group] @key line (line 1 if unwritten). */
void escale_kind_check_add (EscaleKindCheck *self, GPtrArray *to, const char *group,
                            const char *key, const char *message);
/* Every kind's check_machine_finish. */
void escale_kind_check_finish (GAsyncResult *result, GPtrArray *problems, GPtrArray *warnings);

G_END_DECLS
