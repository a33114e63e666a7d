/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "escale-config.h"

G_BEGIN_DECLS

typedef enum
{
  ESCALE_WEB_CAPABILITY_UNKNOWN,   /* not probed yet, or the probe could not answer */
  ESCALE_WEB_CAPABILITY_NO,
  ESCALE_WEB_CAPABILITY_YES,
} EscaleWebCapability;

void escale_web_capabilities_probe_webrtc (GCancellable *cancellable,
                                           GAsyncReadyCallback callback, gpointer user_data);
gboolean escale_web_capabilities_probe_webrtc_finish (GAsyncResult *result,
                                                      gboolean *has_webrtc, GError **error);
EscaleWebCapability escale_web_capabilities_get_webrtc (void);

gboolean escale_web_capabilities_config_has_web_call (EscaleConfig *config);
void escale_web_capabilities_check_config (EscaleConfig *config, GCancellable *cancellable,
                                           GAsyncReadyCallback callback, gpointer user_data);
gboolean escale_web_capabilities_check_config_finish (GAsyncResult *result, GError **error);

G_END_DECLS
