/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "escale-clock.h"
#include "escale-pin.h"
#include "escale-stats-store.h"

G_BEGIN_DECLS

typedef enum
{
  ESCALE_PIN_CHECK_OK,     /* the right code: open the staff space */
  ESCALE_PIN_CHECK_WRONG,  /* a wrong code, counted */
  ESCALE_PIN_CHECK_LOCKED, /* too many wrong codes: wait, nothing was checked */
  ESCALE_PIN_CHECK_NO_PIN, /* no code set yet: one must be set first */
  ESCALE_PIN_CHECK_ERROR,  /* the store cannot be read or written */
} EscalePinCheck;

#define ESCALE_TYPE_STAFF_LOCK (escale_staff_lock_get_type ())
G_DECLARE_FINAL_TYPE (EscaleStaffLock, escale_staff_lock, ESCALE, STAFF_LOCK, GObject)

EscaleStaffLock *escale_staff_lock_new (EscaleStatsStore *store, EscaleClock *clock);
void escale_staff_lock_set_cost (EscaleStaffLock *self, guint memory_kib, guint passes);
guint escale_staff_lock_backoff_for (guint failures);

gboolean escale_staff_lock_has_pin (EscaleStaffLock *self, GError **error);
gboolean escale_staff_lock_set_pin (EscaleStaffLock *self, const char *pin, GError **error);
void escale_staff_lock_set_pin_async (EscaleStaffLock *self, const char *pin,
                                      GCancellable *cancellable, GAsyncReadyCallback callback,
                                      gpointer user_data);
gboolean escale_staff_lock_set_pin_finish (EscaleStaffLock *self, GAsyncResult *result,
                                           GError **error);
EscalePinCheck escale_staff_lock_check (EscaleStaffLock *self, const char *pin,
                                        guint *wait_seconds, GError **error);
void escale_staff_lock_check_async (EscaleStaffLock *self, const char *pin,
                                    GCancellable *cancellable, GAsyncReadyCallback callback,
                                    gpointer user_data);
EscalePinCheck escale_staff_lock_check_finish (EscaleStaffLock *self, GAsyncResult *result,
                                               guint *wait_seconds, GError **error);
guint escale_staff_lock_get_wait (EscaleStaffLock *self);
guint escale_staff_lock_get_failures (EscaleStaffLock *self);

G_END_DECLS
