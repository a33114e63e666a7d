/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <webkit/webkit.h>

G_BEGIN_DECLS

#define ESCALE_TYPE_WEB_PROFILE (escale_web_profile_get_type ())
G_DECLARE_FINAL_TYPE (EscaleWebProfile, escale_web_profile, ESCALE, WEB_PROFILE, GObject)

/* MiB a web process may use before WebKit ends it, sized for a 4 GB PC
 * (see HACKING.md, "Bounds of a page"). */
#define ESCALE_WEB_DEFAULT_MEMORY_LIMIT 1024

EscaleWebProfile *escale_web_profile_new (void);
EscaleWebProfile *escale_web_profile_new_with_memory_limit (guint memory_limit);
WebKitWebContext *escale_web_profile_get_web_context (EscaleWebProfile *self);
guint escale_web_profile_get_memory_limit (EscaleWebProfile *self);
void escale_web_profile_expect_web_process (EscaleWebProfile *self);
gboolean escale_web_profile_get_guarding (EscaleWebProfile *self);
WebKitNetworkSession *escale_web_profile_get_network_session (EscaleWebProfile *self);
gboolean escale_web_profile_renew (EscaleWebProfile *self, GError **error);
guint escale_web_profile_get_generation (EscaleWebProfile *self);
void escale_web_profile_sweep_sandbox_leftovers (const char *cache_dir);

G_END_DECLS
