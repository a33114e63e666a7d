/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The staff code: stored only as an Argon2id hash (libgcrypt), random salt
 * from getrandom, parameters in the stored string:
 * "$argon2id$v=19$m=KIB,t=PASSES,p=LANES$SALT$HASH" (base64, no padding). */

#define ESCALE_PIN_MIN_DIGITS 6
#define ESCALE_PIN_MAX_DIGITS 12

/* Defaults for the kiosk: 64 MiB, 3 passes, 1 lane. */
#define ESCALE_PIN_DEFAULT_MEMORY_KIB 65536
#define ESCALE_PIN_DEFAULT_PASSES 3

gboolean escale_pin_is_acceptable (const char *pin);
char *escale_pin_hash (const char *pin, guint memory_kib, guint passes, GError **error);
gboolean escale_pin_verify (const char *pin, const char *stored, gboolean *matches,
                            GError **error);

G_END_DECLS
