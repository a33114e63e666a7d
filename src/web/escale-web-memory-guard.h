/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Kills a web process of this kiosk whose resident size passes a limit,
 * faster than WebKit's own once-a-second measure (escale-web-profile.c). */
typedef struct _EscaleWebMemoryGuard EscaleWebMemoryGuard;

EscaleWebMemoryGuard *escale_web_memory_guard_new (guint limit_mib);
void escale_web_memory_guard_free (EscaleWebMemoryGuard *self);
void escale_web_memory_guard_wake (EscaleWebMemoryGuard *self);
gboolean escale_web_memory_guard_is_watching (EscaleWebMemoryGuard *self);
guint escale_web_memory_guard_get_kills (EscaleWebMemoryGuard *self);

void escale_web_memory_trim_soon (void);

G_END_DECLS
