/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-code-lock.h"
#include "escale-stats-store.h"

G_BEGIN_DECLS

/* What the staff's pad may offer when it opens. */
typedef enum
{
  ESCALE_STAFF_ENTRY_CODE,    /* a code is set: type it */
  ESCALE_STAFF_ENTRY_CHOOSE,  /* a new install: choose the first code */
  ESCALE_STAFF_ENTRY_RESET,   /* the code is lost: only the administrator may set it */
  ESCALE_STAFF_ENTRY_DAMAGED, /* the code file cannot be read: same, said otherwise */
} EscaleStaffEntry;

/* The two codes' files, in Escale's state folder beside the store. */
EscaleCodeLock *escale_staff_code_lock_new (EscaleStatsStore *store, EscaleClock *clock);
EscaleCodeLock *escale_helper_code_lock_new (EscaleStatsStore *store, EscaleClock *clock);

gboolean escale_staff_code_migrate (EscaleCodeLock *lock, EscaleStatsStore *store, GError **error);
EscaleStaffEntry escale_staff_code_get_entry (EscaleCodeLock *lock, EscaleStatsStore *store);
gboolean escale_staff_code_count_failure (EscaleStatsStore *store, EscaleClock *clock,
                                          GError **error);

G_END_DECLS
