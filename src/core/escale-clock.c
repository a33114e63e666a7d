/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "escale-clock.h"

G_DEFINE_TYPE (EscaleClock, escale_clock, G_TYPE_OBJECT)

static gint64
escale_clock_real_get_monotonic (EscaleClock *self)
{
  return g_get_monotonic_time ();
}

static GDateTime *
escale_clock_real_get_now_local (EscaleClock *self)
{
  return g_date_time_new_now_local ();
}

static void
escale_clock_class_init (EscaleClockClass *klass)
{
  klass->get_monotonic = escale_clock_real_get_monotonic;
  klass->get_now_local = escale_clock_real_get_now_local;
}

static void
escale_clock_init (EscaleClock *self)
{
}

EscaleClock *
escale_clock_new_system (void)
{
  return g_object_new (ESCALE_TYPE_CLOCK, NULL);
}

gint64
escale_clock_get_monotonic (EscaleClock *self)
{
  g_return_val_if_fail (ESCALE_IS_CLOCK (self), 0);
  return ESCALE_CLOCK_GET_CLASS (self)->get_monotonic (self);
}

/* Returns: (transfer full) */
GDateTime *
escale_clock_get_now_local (EscaleClock *self)
{
  g_return_val_if_fail (ESCALE_IS_CLOCK (self), NULL);
  return ESCALE_CLOCK_GET_CLASS (self)->get_now_local (self);
}
