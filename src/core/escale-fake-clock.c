/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "escale-fake-clock.h"

/* A clock for tests and benchmarks: time only moves when told to. */
struct _EscaleFakeClock
{
  EscaleClock parent_instance;

  GDateTime *now;
  gint64 monotonic;
};

G_DEFINE_FINAL_TYPE (EscaleFakeClock, escale_fake_clock, ESCALE_TYPE_CLOCK)

static gint64
escale_fake_clock_get_monotonic (EscaleClock *clock)
{
  return ESCALE_FAKE_CLOCK (clock)->monotonic;
}

static GDateTime *
escale_fake_clock_get_now_local (EscaleClock *clock)
{
  return g_date_time_ref (ESCALE_FAKE_CLOCK (clock)->now);
}

static void
escale_fake_clock_finalize (GObject *object)
{
  EscaleFakeClock *self = ESCALE_FAKE_CLOCK (object);

  g_clear_pointer (&self->now, g_date_time_unref);
  G_OBJECT_CLASS (escale_fake_clock_parent_class)->finalize (object);
}

static void
escale_fake_clock_class_init (EscaleFakeClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  EscaleClockClass *clock_class = ESCALE_CLOCK_CLASS (klass);

  object_class->finalize = escale_fake_clock_finalize;
  clock_class->get_monotonic = escale_fake_clock_get_monotonic;
  clock_class->get_now_local = escale_fake_clock_get_now_local;
}

static void
escale_fake_clock_init (EscaleFakeClock *self)
{
  self->monotonic = 1000 * G_USEC_PER_SEC;
}

EscaleClock *
escale_fake_clock_new (GDateTime *start)
{
  EscaleFakeClock *self = g_object_new (ESCALE_TYPE_FAKE_CLOCK, NULL);

  self->now = start ? g_date_time_ref (start) : g_date_time_new_local (2026, 3, 10, 14, 25, 0);
  return ESCALE_CLOCK (self);
}

void
escale_fake_clock_advance (EscaleFakeClock *self, gint64 seconds)
{
  GDateTime *later;

  g_return_if_fail (ESCALE_IS_FAKE_CLOCK (self));
  later = g_date_time_add_seconds (self->now, (gdouble) seconds);
  g_date_time_unref (self->now);
  self->now = later;
  self->monotonic += seconds * G_USEC_PER_SEC;
}
