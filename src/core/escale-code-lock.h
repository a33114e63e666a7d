/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "escale-clock.h"
#include "escale-pin.h"

G_BEGIN_DECLS

typedef enum
{
  ESCALE_PIN_CHECK_OK,     /* the right code */
  ESCALE_PIN_CHECK_WRONG,  /* a wrong code, counted */
  ESCALE_PIN_CHECK_LOCKED, /* too many wrong codes: wait, nothing was checked */
  ESCALE_PIN_CHECK_NO_PIN, /* no code set yet: one must be set first */
  ESCALE_PIN_CHECK_ERROR,  /* the code file cannot be read or written */
} EscalePinCheck;

#define ESCALE_CODE_LOCK_ERROR (escale_code_lock_error_quark ())
GQuark escale_code_lock_error_quark (void);

typedef enum
{
  ESCALE_CODE_LOCK_ERROR_DAMAGED,  /* the code file is not one of ours */
  ESCALE_CODE_LOCK_ERROR_READ,     /* it exists but cannot be read */
  ESCALE_CODE_LOCK_ERROR_WRITE,    /* it cannot be written */
  ESCALE_CODE_LOCK_ERROR_TOO_SHORT /* a new code is not 6 to 12 digits */
} EscaleCodeLockError;

#define ESCALE_TYPE_CODE_LOCK (escale_code_lock_get_type ())
G_DECLARE_FINAL_TYPE (EscaleCodeLock, escale_code_lock, ESCALE, CODE_LOCK, GObject)

/* One code (the staff's, the helpers') in a small file of its own, with its
 * back-off: emits "wrong" after each counted wrong code. */
EscaleCodeLock *escale_code_lock_new (const char *path, EscaleClock *clock);
const char *escale_code_lock_get_path (EscaleCodeLock *self);
void escale_code_lock_set_cost (EscaleCodeLock *self, guint memory_kib, guint passes);
guint escale_code_lock_backoff_for (guint failures);

gboolean escale_code_lock_has_code (EscaleCodeLock *self, GError **error);
gboolean escale_code_lock_was_set_before (EscaleCodeLock *self);
gboolean escale_code_lock_import (EscaleCodeLock *self, const char *hash, guint failures,
                                  gint64 locked_until, GError **error);
gboolean escale_code_lock_set_code (EscaleCodeLock *self, const char *code, GError **error);
void escale_code_lock_set_code_async (EscaleCodeLock *self, const char *code,
                                      GCancellable *cancellable, GAsyncReadyCallback callback,
                                      gpointer user_data);
gboolean escale_code_lock_set_code_finish (EscaleCodeLock *self, GAsyncResult *result,
                                           GError **error);
EscalePinCheck escale_code_lock_check (EscaleCodeLock *self, const char *code, guint *wait_seconds,
                                       GError **error);
void escale_code_lock_check_async (EscaleCodeLock *self, const char *code,
                                   GCancellable *cancellable, GAsyncReadyCallback callback,
                                   gpointer user_data);
EscalePinCheck escale_code_lock_check_finish (EscaleCodeLock *self, GAsyncResult *result,
                                              guint *wait_seconds, GError **error);
guint escale_code_lock_get_wait (EscaleCodeLock *self);
guint escale_code_lock_get_failures (EscaleCodeLock *self);

G_END_DECLS
