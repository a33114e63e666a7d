/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-activity.h"

G_BEGIN_DECLS

extern const EscaleActivityKind escale_culture_kind;

GType escale_culture_kind_view_type (EscaleActivity *activity); /* escale-culture-view.c */

G_END_DECLS
