/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ESCALE_TYPE_CLOCK (escale_clock_get_type ())
G_DECLARE_DERIVABLE_TYPE (EscaleClock, escale_clock, ESCALE, CLOCK, GObject)

/* The session asks a clock for the time instead of calling GLib directly, so
 * tests can hand it an EscaleFakeClock and move time by hand. */
struct _EscaleClockClass
{
  GObjectClass parent_class;

  gint64 (*get_monotonic) (EscaleClock *self); /* microseconds */
  GDateTime *(*get_now_local) (EscaleClock *self);
};

EscaleClock *escale_clock_new_system (void);
gint64 escale_clock_get_monotonic (EscaleClock *self);
GDateTime *escale_clock_get_now_local (EscaleClock *self);

G_END_DECLS
