/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-activity.h"

G_BEGIN_DECLS

extern const EscaleActivityKind escale_call_kind;

gboolean escale_call_kind_is_web_call (EscaleActivity *activity);
guint escale_call_kind_get_web_url_line (EscaleActivity *activity);

/* The parts that need GTK and WebKit, in this folder's views. */
GType escale_call_kind_view_type (EscaleActivity *activity); /* escale-call-view.c */
void escale_call_kind_check_machine (GPtrArray *activities, GCancellable *cancellable,
                                     GAsyncReadyCallback callback, gpointer user_data);
void escale_call_kind_check_machine_finish (GAsyncResult *result, GPtrArray *problems,
                                            GPtrArray *warnings); /* escale-web-call-check.c */

G_END_DECLS
