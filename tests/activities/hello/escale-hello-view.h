/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-activity-view.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_HELLO_VIEW (escale_hello_view_get_type ())
G_DECLARE_FINAL_TYPE (EscaleHelloView, escale_hello_view, ESCALE, HELLO_VIEW, EscaleActivityView)

const char *escale_hello_view_get_text (EscaleHelloView *self);

G_END_DECLS
