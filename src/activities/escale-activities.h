/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-activity-view.h"
#include "escale-config.h"

G_BEGIN_DECLS

const EscaleActivityKind *const *escale_activities_get_kinds (void);

void escale_activities_check_machine (EscaleConfig *config, GCancellable *cancellable,
                                      GAsyncReadyCallback callback, gpointer user_data);
void escale_activities_check_machine_finish (GAsyncResult *result, GPtrArray *problems,
                                             GPtrArray *warnings);
char *escale_activities_goodbye_reminder (EscaleConfig *config);
EscaleActivity *escale_activities_find_first_time (GPtrArray *activities);

G_END_DECLS
