/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ESCALE_RESET_ERROR (escale_reset_error_quark ())
GQuark escale_reset_error_quark (void);

typedef enum
{
  ESCALE_RESET_ERROR_WIPER_FAILED,
} EscaleResetError;

/* A wiper erases one kind of user data. It returns FALSE and sets @error when
 * something may remain. It must be safe to call when there is nothing to wipe. */
typedef gboolean (*EscaleWipeFunc) (gpointer user_data, GError **error);

#define ESCALE_TYPE_RESET (escale_reset_get_type ())
G_DECLARE_FINAL_TYPE (EscaleReset, escale_reset, ESCALE, RESET, GObject)

EscaleReset *escale_reset_new (void);
void escale_reset_register (EscaleReset *self, const char *name, EscaleWipeFunc func,
                            gpointer user_data, GDestroyNotify destroy);
void escale_reset_unregister (EscaleReset *self, const char *name);
gboolean escale_reset_run (EscaleReset *self, GError **error);
guint escale_reset_get_n_wipers (EscaleReset *self);
const char *escale_reset_get_wiper_name (EscaleReset *self, guint index);
const char *escale_reset_get_last_failure (EscaleReset *self);

G_END_DECLS
