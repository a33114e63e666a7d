/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "escale-activity-view.h"
#include "escale-web-policy.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_WEB_CALL_VIEW (escale_web_call_view_get_type ())
G_DECLARE_FINAL_TYPE (EscaleWebCallView, escale_web_call_view, ESCALE, WEB_CALL_VIEW,
                      EscaleActivityView)

EscaleWebPolicy *escale_web_call_view_new_policy (const char *web_url, GError **error);
const char *escale_web_call_view_get_screen (EscaleWebCallView *self);

G_END_DECLS
