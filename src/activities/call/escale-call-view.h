/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "escale-activity-view.h"
#include "escale-call.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_CALL_VIEW (escale_call_view_get_type ())
G_DECLARE_FINAL_TYPE (EscaleCallView, escale_call_view, ESCALE, CALL_VIEW, EscaleActivityView)

EscaleCall *escale_call_view_get_call (EscaleCallView *self);
const char *escale_call_view_get_screen (EscaleCallView *self);
const char *escale_call_view_get_guide (EscaleCallView *self);
const char *escale_call_view_get_message (EscaleCallView *self);

G_END_DECLS
