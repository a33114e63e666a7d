/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "escale-fake-clock.h"
#include "escale-session.h"

typedef struct
{
  EscaleClock *clock;
  EscaleSession *session;
  EscaleSessionRecord *record;
  guint n_ended;
} Fixture;

static void
ended_cb (EscaleSession *session, EscaleSessionRecord *record, Fixture *f)
{
  f->n_ended++;
  g_clear_pointer (&f->record, escale_session_record_free);
  f->record = escale_session_record_copy (record);
}

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GDateTime) start = g_date_time_new_local (2026, 3, 10, 14, 25, 41);

  f->clock = escale_fake_clock_new (start);
  f->session = escale_session_new (f->clock, 180, 60);
  g_signal_connect (f->session, "ended", G_CALLBACK (ended_cb), f);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_clear_pointer (&f->record, escale_session_record_free);
  g_assert_finalize_object (f->session);
  g_assert_finalize_object (f->clock);
}

static void
advance (Fixture *f, gint64 seconds)
{
  /* The shell ticks every second; do the same. */
  for (gint64 i = 0; i < seconds; i++)
    {
      escale_fake_clock_advance (ESCALE_FAKE_CLOCK (f->clock), 1);
      escale_session_tick (f->session);
    }
}

/* A person busy on the screen: a touch every minute. */
static void
advance_busy (Fixture *f, gint64 seconds)
{
  for (gint64 done = 0; done < seconds; done += 60)
    {
      advance (f, MIN (60, seconds - done));
      escale_session_input (f->session);
    }
}

static void
test_first_touch_starts (Fixture *f, gconstpointer data)
{
  g_assert_cmpint (escale_session_get_state (f->session), ==, ESCALE_SESSION_IDLE);
  advance (f, 600);
  g_assert_cmpint (escale_session_get_state (f->session), ==, ESCALE_SESSION_IDLE);
  escale_session_input (f->session);
  g_assert_cmpint (escale_session_get_state (f->session), ==, ESCALE_SESSION_ACTIVE);
}

static void
test_timeout_warns_then_resets (Fixture *f, gconstpointer data)
{
  escale_session_input (f->session);
  escale_session_enter_activity (f->session, "culture");
  /* The last touch, 100 s in: the visit ends there. */
  advance (f, 100);
  escale_session_input (f->session);
  advance (f, 179);
  g_assert_cmpint (escale_session_get_state (f->session), ==, ESCALE_SESSION_ACTIVE);
  advance (f, 1);
  g_assert_cmpint (escale_session_get_state (f->session), ==, ESCALE_SESSION_WARNING);
  g_assert_cmpuint (escale_session_get_remaining (f->session), ==, 60);
  advance (f, 30);
  g_assert_cmpuint (escale_session_get_remaining (f->session), ==, 30);
  g_assert_cmpuint (f->n_ended, ==, 0);
  advance (f, 30);
  g_assert_cmpint (escale_session_get_state (f->session), ==, ESCALE_SESSION_ENDING);
  g_assert_cmpuint (f->n_ended, ==, 1);
  g_assert_cmpint (f->record->end_reason, ==, ESCALE_END_TIMEOUT);
  /* 100 s to the last touch (2 whole minutes), not the 5 min 40 s on the
   * clock: the idle delay and the countdown were nobody's use, neither in
   * the visit nor in its activity. */
  g_assert_cmpint (f->record->duration_min, ==, 2);
  g_assert_cmpuint (f->record->activities->len, ==, 1);
  g_assert_cmpint (g_array_index (f->record->activities, EscaleActivityUse, 0).minutes, ==, 2);

  /* Input while wiping changes nothing; once wiped, back to the welcome. */
  escale_session_input (f->session);
  g_assert_cmpint (escale_session_get_state (f->session), ==, ESCALE_SESSION_ENDING);
  escale_session_wiped (f->session);
  g_assert_cmpint (escale_session_get_state (f->session), ==, ESCALE_SESSION_IDLE);
}

static void
test_input_cancels_warning (Fixture *f, gconstpointer data)
{
  escale_session_input (f->session);
  advance (f, 200);
  g_assert_cmpint (escale_session_get_state (f->session), ==, ESCALE_SESSION_WARNING);
  escale_session_input (f->session);
  g_assert_cmpint (escale_session_get_state (f->session), ==, ESCALE_SESSION_ACTIVE);
  /* The idle timer restarts from that touch: a full delay again. */
  advance (f, 179);
  g_assert_cmpint (escale_session_get_state (f->session), ==, ESCALE_SESSION_ACTIVE);
  advance (f, 1);
  g_assert_cmpint (escale_session_get_state (f->session), ==, ESCALE_SESSION_WARNING);
  g_assert_cmpuint (f->n_ended, ==, 0);
}

static void
test_input_keeps_active (Fixture *f, gconstpointer data)
{
  escale_session_input (f->session);
  for (int i = 0; i < 10; i++)
    {
      advance (f, 170);
      escale_session_input (f->session);
    }
  g_assert_cmpint (escale_session_get_state (f->session), ==, ESCALE_SESSION_ACTIVE);
}

static void
test_hold_blocks_countdown (Fixture *f, gconstpointer data)
{
  escale_session_input (f->session);
  escale_session_hold (f->session); /* a video call starts */
  advance (f, 3600);
  g_assert_cmpint (escale_session_get_state (f->session), ==, ESCALE_SESSION_ACTIVE);
  escale_session_release (f->session);
  advance (f, 179);
  g_assert_cmpint (escale_session_get_state (f->session), ==, ESCALE_SESSION_ACTIVE);
  advance (f, 1);
  g_assert_cmpint (escale_session_get_state (f->session), ==, ESCALE_SESSION_WARNING);
}

static void
test_finish_records_visit (Fixture *f, gconstpointer data)
{
  escale_session_input (f->session);
  escale_session_enter_activity (f->session, "culture");
  advance_busy (f, 5 * 60);
  escale_session_leave_activity (f->session);
  escale_session_call_helper (f->session);
  escale_session_enter_activity (f->session, "infos");
  advance_busy (f, 90);
  escale_session_enter_activity (f->session, "culture");
  advance_busy (f, 2 * 60);
  escale_session_finish (f->session, ESCALE_END_FINISHED);

  g_assert_cmpuint (f->n_ended, ==, 1);
  g_assert_cmpstr (f->record->day, ==, "2026-03-10");
  g_assert_cmpint (f->record->start_hour, ==, 14);  /* 14:25:41 rounded down */
  g_assert_cmpint (f->record->weekday, ==, 2);      /* a Tuesday */
  g_assert_cmpint (f->record->duration_min, ==, 9); /* 8 min 30 s */
  g_assert_cmpint (f->record->helper_calls, ==, 1);
  g_assert_cmpint (f->record->end_reason, ==, ESCALE_END_FINISHED);
  g_assert_cmpuint (f->record->activities->len, ==, 2);
  g_assert_cmpstr (g_array_index (f->record->activities, EscaleActivityUse, 0).activity_id, ==,
                   "culture");
  g_assert_cmpint (g_array_index (f->record->activities, EscaleActivityUse, 0).minutes, ==, 7);
  g_assert_cmpstr (g_array_index (f->record->activities, EscaleActivityUse, 1).activity_id, ==,
                   "infos");
  g_assert_cmpint (g_array_index (f->record->activities, EscaleActivityUse, 1).minutes, ==, 2);

  /* Finishing twice counts once. */
  escale_session_finish (f->session, ESCALE_END_FINISHED);
  g_assert_cmpuint (f->n_ended, ==, 1);
}

static void
test_next_visit_starts_clean (Fixture *f, gconstpointer data)
{
  escale_session_input (f->session);
  escale_session_call_helper (f->session);
  escale_session_enter_activity (f->session, "visio");
  advance (f, 60);
  escale_session_finish (f->session, ESCALE_END_FINISHED);
  escale_session_wiped (f->session);

  escale_session_input (f->session);
  advance (f, 30);
  escale_session_finish (f->session, ESCALE_END_FINISHED);
  g_assert_cmpuint (f->n_ended, ==, 2);
  g_assert_cmpint (f->record->helper_calls, ==, 0);
  g_assert_cmpuint (f->record->activities->len, ==, 0);
  g_assert_cmpint (f->record->duration_min, ==, 1); /* 30 s rounds to 1 */
}

static void
test_counters_and_timers (Fixture *f, gconstpointer data)
{
  escale_session_input (f->session);
  escale_session_enter_activity (f->session, "visio");

  /* A wrong code: started, never connected. */
  escale_session_count (f->session, "call", "started", 1);
  advance (f, 20);
  escale_session_stop_timer (f->session, "call", "minutes"); /* never started: nothing */

  /* A real call: 12 minutes with the family. */
  escale_session_hold (f->session);
  escale_session_count (f->session, "call", "started", 1);
  advance (f, 30);
  escale_session_count (f->session, "call", "connected", 1);
  escale_session_start_timer (f->session, "call", "minutes");
  advance (f, 6 * 60);
  escale_session_start_timer (f->session, "call", "minutes"); /* running: no restart */
  advance (f, 6 * 60);
  escale_session_stop_timer (f->session, "call", "minutes");
  escale_session_release (f->session);
  escale_session_input (f->session);

  /* Another kind's counter with the same name stays apart. */
  escale_session_count (f->session, "photos", "started", 4);

  /* A timer still running when the visit ends counts up to the end. */
  escale_session_count (f->session, "call", "started", 1);
  escale_session_count (f->session, "call", "connected", 1);
  escale_session_start_timer (f->session, "call", "minutes");
  advance (f, 60);
  escale_session_finish (f->session, ESCALE_END_FINISHED);

  g_assert_cmpint (escale_session_record_get_count (f->record, "call", "started"), ==, 3);
  g_assert_cmpint (escale_session_record_get_count (f->record, "call", "connected"), ==, 2);
  g_assert_cmpint (escale_session_record_get_count (f->record, "call", "minutes"), ==, 13);
  g_assert_cmpint (escale_session_record_get_count (f->record, "photos", "started"), ==, 4);
  g_assert_cmpuint (f->record->counters->len, ==, 4);

  /* The next visit starts from zero, and a counter that stayed at zero
   * leaves nothing in the record. */
  escale_session_wiped (f->session);
  escale_session_input (f->session);
  escale_session_start_timer (f->session, "call", "minutes");
  advance (f, 10);
  escale_session_finish (f->session, ESCALE_END_FINISHED);
  g_assert_cmpint (escale_session_record_get_count (f->record, "call", "started"), ==, 0);
  g_assert_cmpuint (f->record->counters->len, ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/escale/session/first-touch-starts", test_first_touch_starts);
  ADD ("/escale/session/timeout-warns-then-resets", test_timeout_warns_then_resets);
  ADD ("/escale/session/input-cancels-warning", test_input_cancels_warning);
  ADD ("/escale/session/input-keeps-active", test_input_keeps_active);
  ADD ("/escale/session/hold-blocks-countdown", test_hold_blocks_countdown);
  ADD ("/escale/session/finish-records-visit", test_finish_records_visit);
  ADD ("/escale/session/next-visit-starts-clean", test_next_visit_starts_clean);
  ADD ("/escale/session/counters-and-timers", test_counters_and_timers);
#undef ADD

  return g_test_run ();
}
