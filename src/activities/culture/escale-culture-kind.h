/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-activity.h"

G_BEGIN_DECLS

extern const EscaleActivityKind escale_culture_kind;

/* Loads a strict site's filter blocked (a number, never an address). */
#define ESCALE_CULTURE_BLOCKED_COUNTER "third-party-blocked"

gboolean escale_culture_kind_get_strict (EscaleActivity *activity, const char *group);

GType escale_culture_kind_view_type (EscaleActivity *activity); /* escale-culture-view.c */

G_END_DECLS
