/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  ESCALE_WEB_CAPABILITY_UNKNOWN, /* not probed yet, or the probe could not answer */
  ESCALE_WEB_CAPABILITY_NO,
  ESCALE_WEB_CAPABILITY_YES,
} EscaleWebCapability;

void escale_web_capabilities_probe_webrtc (GCancellable *cancellable, GAsyncReadyCallback callback,
                                           gpointer user_data);
gboolean escale_web_capabilities_probe_webrtc_finish (GAsyncResult *result, gboolean *has_webrtc,
                                                      GError **error);
EscaleWebCapability escale_web_capabilities_get_webrtc (void);

G_END_DECLS
