/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-activity.h"

G_BEGIN_DECLS

extern const EscaleActivityKind escale_hello_kind;

GType escale_hello_kind_view_type (EscaleActivity *activity); /* escale-hello-view.c */
guint escale_hello_kind_get_n_wipes (void);                   /* escale-hello-view.c */
void escale_hello_kind_set_reminder (const char *reminder);

G_END_DECLS
