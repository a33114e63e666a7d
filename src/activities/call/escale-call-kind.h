/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-activity.h"

G_BEGIN_DECLS

extern const EscaleActivityKind escale_call_kind;

/* "Montrer à ma famille": another activity of the visit leaves a photo (a
 * GdkTexture, as it should be seen) for Escale's own call screen with
 * escale_visit_hand_off (); each time the call sends it in place of the
 * camera it counts this counter, which the giver's kind must declare, on
 * the giver's kind (escale_visit_count_for ()). */
#define ESCALE_CALL_PICTURE_HANDOFF "call-picture"
#define ESCALE_CALL_PICTURE_SHOWN_COUNTER "photos-shown"

gboolean escale_call_kind_is_web_call (EscaleActivity *activity);
gboolean escale_call_kind_can_show_pictures (EscaleActivity *activity);

/* The parts that need GTK and WebKit, in this folder's views. */
GType escale_call_kind_view_type (EscaleActivity *activity); /* escale-call-view.c */
void escale_call_kind_check_machine (GPtrArray *activities, GCancellable *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer user_data); /* escale-web-call-check.c */

G_END_DECLS
