/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-activity.h"

G_BEGIN_DECLS

extern const EscaleActivityKind escale_info_kind;

GType escale_info_kind_view_type (EscaleActivity *activity); /* escale-info-view.c */

G_END_DECLS
