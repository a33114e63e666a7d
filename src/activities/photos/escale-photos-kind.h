/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-activity.h"

G_BEGIN_DECLS

extern const EscaleActivityKind escale_photos_kind;

#define ESCALE_PHOTOS_DEFAULT_MAX_PRINTS 5

GType escale_photos_kind_view_type (EscaleActivity *activity); /* escale-photos-view.c */

char *escale_photos_kind_get_ports_picture (EscaleActivity *activity);

/* escale-photos-check.c: the decoding helper runs here, sandboxed or not. */
void escale_photos_kind_check_machine (GPtrArray *activities, GCancellable *cancellable,
                                       GAsyncReadyCallback callback, gpointer user_data);

G_END_DECLS
