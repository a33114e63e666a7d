/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-clock.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_FAKE_CLOCK (escale_fake_clock_get_type ())
G_DECLARE_FINAL_TYPE (EscaleFakeClock, escale_fake_clock, ESCALE, FAKE_CLOCK, EscaleClock)

EscaleClock *escale_fake_clock_new (GDateTime *start);
void escale_fake_clock_advance (EscaleFakeClock *self, gint64 seconds);

G_END_DECLS
