/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <webkit/webkit.h>

#include "escale-web-policy.h"

G_BEGIN_DECLS

#define ESCALE_WEB_REFUSED_URI ESCALE_APP_SCHEME "://refused"
#define ESCALE_APP_BACK_URI ESCALE_APP_SCHEME "://back"

void escale_app_scheme_register (WebKitWebContext *context);

G_END_DECLS
