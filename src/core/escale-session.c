/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-session"

#include "escale-session.h"

/* The life of one person's visit, without any GTK: the shell feeds it input
 * and a tick every second; it decides when to warn and when to end. When it
 * ends it emits "ended" with the anonymous record, then waits in ENDING until
 * the shell says the wipe is done. */
struct _EscaleSession
{
  GObject parent_instance;

  /* owned */
  EscaleClock *clock;
  GArray *activity_seconds; /* of ActivityTime, in order of first use */

  /* state */
  EscaleSessionState state;
  guint idle_delay;
  guint countdown;
  guint remaining;
  guint holds;
  gboolean leaving; /* "J'ai fini" pressed, the last questions shown */
  int helper_calls;
  GDateTime *started_at;
  gint64 started_mono;
  gint64 last_input_mono;
  gint64 warning_since_mono;
  char *current_activity;
  gint64 activity_since_mono;

  /* what the activities counted: numbers only, never what was done */
  GArray *counters; /* of Counter */
};

/* One counter of one activity kind. A timer counts whole minutes: it adds
 * the time between start and stop (or the end of the visit). */
typedef struct
{
  char *kind;
  char *name;
  gint64 value;
  gint64 timer_usec;
  gint64 running_since; /* 0 while the timer is stopped */
} Counter;

typedef struct
{
  char *id;
  gint64 seconds;
} ActivityTime;

enum
{
  PROP_0,
  PROP_CLOCK,
  PROP_IDLE_DELAY,
  PROP_COUNTDOWN,
  PROP_STATE,
  PROP_REMAINING,
  N_PROPS,
};

enum
{
  ENDED,
  N_SIGNALS,
};

static GParamSpec *pspecs[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (EscaleSession, escale_session, G_TYPE_OBJECT)

static void
clear_activity_time (gpointer data)
{
  g_clear_pointer (&((ActivityTime *) data)->id, g_free);
}

static void
clear_counter (gpointer data)
{
  Counter *counter = data;

  g_clear_pointer (&counter->kind, g_free);
  g_clear_pointer (&counter->name, g_free);
}

static gint64
now_mono (EscaleSession *self)
{
  return escale_clock_get_monotonic (self->clock);
}

static void
set_state (EscaleSession *self, EscaleSessionState state)
{
  if (self->state == state)
    return;
  g_debug ("session state %d -> %d", self->state, state);
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_STATE]);
}

static void
set_remaining (EscaleSession *self, guint remaining)
{
  if (self->remaining == remaining)
    return;
  self->remaining = remaining;
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_REMAINING]);
}

static void
add_activity_time (EscaleSession *self, const char *id, gint64 usec)
{
  ActivityTime entry;

  for (guint i = 0; i < self->activity_seconds->len; i++)
    {
      ActivityTime *known = &g_array_index (self->activity_seconds, ActivityTime, i);

      if (g_str_equal (known->id, id))
        {
          known->seconds += usec / G_USEC_PER_SEC;
          return;
        }
    }
  entry.id = g_strdup (id);
  entry.seconds = usec / G_USEC_PER_SEC;
  g_array_append_val (self->activity_seconds, entry);
}

/* Adds the time in the current activity up to @end_mono (never below 0). */
static void
close_current_activity_at (EscaleSession *self, gint64 end_mono)
{
  if (self->current_activity == NULL)
    return;
  add_activity_time (self, self->current_activity, MAX (end_mono - self->activity_since_mono, 0));
  g_clear_pointer (&self->current_activity, g_free);
}

static void
close_current_activity (EscaleSession *self)
{
  close_current_activity_at (self, now_mono (self));
}

static void
forget_visit (EscaleSession *self)
{
  g_clear_pointer (&self->current_activity, g_free);
  g_clear_pointer (&self->started_at, g_date_time_unref);
  g_array_set_size (self->activity_seconds, 0);
  self->helper_calls = 0;
  self->holds = 0;
  self->leaving = FALSE;
  g_array_set_size (self->counters, 0);
}

static void
escale_session_finalize (GObject *object)
{
  EscaleSession *self = ESCALE_SESSION (object);

  forget_visit (self);
  g_clear_pointer (&self->activity_seconds, g_array_unref);
  g_clear_pointer (&self->counters, g_array_unref);
  g_clear_object (&self->clock);
  G_OBJECT_CLASS (escale_session_parent_class)->finalize (object);
}

static void
escale_session_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  EscaleSession *self = ESCALE_SESSION (object);

  switch (prop_id)
    {
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;
    case PROP_IDLE_DELAY:
      g_value_set_uint (value, self->idle_delay);
      break;
    case PROP_COUNTDOWN:
      g_value_set_uint (value, self->countdown);
      break;
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case PROP_REMAINING:
      g_value_set_uint (value, self->remaining);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_session_set_property (GObject *object, guint prop_id, const GValue *value,
                             GParamSpec *pspec)
{
  EscaleSession *self = ESCALE_SESSION (object);

  switch (prop_id)
    {
    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;
    case PROP_IDLE_DELAY:
      self->idle_delay = g_value_get_uint (value);
      break;
    case PROP_COUNTDOWN:
      self->countdown = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_session_constructed (GObject *object)
{
  EscaleSession *self = ESCALE_SESSION (object);

  G_OBJECT_CLASS (escale_session_parent_class)->constructed (object);
  if (self->clock == NULL)
    self->clock = escale_clock_new_system ();
}

static void
escale_session_class_init (EscaleSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = escale_session_finalize;
  object_class->get_property = escale_session_get_property;
  object_class->set_property = escale_session_set_property;
  object_class->constructed = escale_session_constructed;

  pspecs[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, ESCALE_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  pspecs[PROP_IDLE_DELAY] =
    g_param_spec_uint ("idle-delay", NULL, NULL, 1, G_MAXUINT, ESCALE_DEFAULT_IDLE_DELAY,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  pspecs[PROP_COUNTDOWN] =
    g_param_spec_uint ("countdown", NULL, NULL, 1, G_MAXUINT, ESCALE_DEFAULT_COUNTDOWN,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  pspecs[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, ESCALE_SESSION_IDLE, ESCALE_SESSION_ENDING,
                      ESCALE_SESSION_IDLE,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  pspecs[PROP_REMAINING] =
    g_param_spec_uint ("remaining", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, pspecs);

  /**
   * EscaleSession::ended:
   * @record: the anonymous #EscaleSessionRecord of the visit
   *
   * Emitted once per visit when it ends, before the wipe.
   */
  signals[ENDED] = g_signal_new ("ended", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 1,
                                 ESCALE_TYPE_SESSION_RECORD | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
escale_session_init (EscaleSession *self)
{
  self->state = ESCALE_SESSION_IDLE;
  self->idle_delay = ESCALE_DEFAULT_IDLE_DELAY;
  self->countdown = ESCALE_DEFAULT_COUNTDOWN;
  self->activity_seconds = g_array_new (FALSE, TRUE, sizeof (ActivityTime));
  g_array_set_clear_func (self->activity_seconds, clear_activity_time);
  self->counters = g_array_new (FALSE, TRUE, sizeof (Counter));
  g_array_set_clear_func (self->counters, clear_counter);
}

EscaleSession *
escale_session_new (EscaleClock *clock, guint idle_delay_sec, guint countdown_sec)
{
  return g_object_new (ESCALE_TYPE_SESSION, "clock", clock, "idle-delay", MAX (idle_delay_sec, 1),
                       "countdown", MAX (countdown_sec, 1), NULL);
}

EscaleSessionState
escale_session_get_state (EscaleSession *self)
{
  g_return_val_if_fail (ESCALE_IS_SESSION (self), ESCALE_SESSION_IDLE);
  return self->state;
}

/* Seconds left on the countdown; only meaningful in WARNING. */
guint
escale_session_get_remaining (EscaleSession *self)
{
  g_return_val_if_fail (ESCALE_IS_SESSION (self), 0);
  return self->remaining;
}

/* Any touch, click or key. Starts a visit from IDLE, restarts the idle timer
 * while ACTIVE, cancels the countdown in WARNING, is ignored while ENDING. */
void
escale_session_input (EscaleSession *self)
{
  g_return_if_fail (ESCALE_IS_SESSION (self));

  switch (self->state)
    {
    case ESCALE_SESSION_IDLE:
      forget_visit (self);
      self->started_at = escale_clock_get_now_local (self->clock);
      self->started_mono = now_mono (self);
      self->last_input_mono = self->started_mono;
      set_state (self, ESCALE_SESSION_ACTIVE);
      break;
    case ESCALE_SESSION_ACTIVE:
      self->last_input_mono = now_mono (self);
      break;
    case ESCALE_SESSION_WARNING:
      self->last_input_mono = now_mono (self);
      set_remaining (self, 0);
      set_state (self, ESCALE_SESSION_ACTIVE);
      break;
    case ESCALE_SESSION_ENDING:
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Called about once a second by the shell (or by hand in tests). */
void
escale_session_tick (EscaleSession *self)
{
  gint64 now;

  g_return_if_fail (ESCALE_IS_SESSION (self));

  now = now_mono (self);
  switch (self->state)
    {
    case ESCALE_SESSION_ACTIVE:
      if (self->leaving &&
          now - self->last_input_mono >= (gint64) ESCALE_SESSION_LEAVING_DELAY * G_USEC_PER_SEC)
        {
          /* They said they were done and walked away: nobody to warn. */
          escale_session_finish (self, ESCALE_END_FINISHED);
          return;
        }
      if (self->holds > 0)
        {
          /* A call or a video counts as presence. */
          self->last_input_mono = now;
          return;
        }
      if (now - self->last_input_mono >= (gint64) self->idle_delay * G_USEC_PER_SEC)
        {
          self->warning_since_mono = now;
          set_remaining (self, self->countdown);
          set_state (self, ESCALE_SESSION_WARNING);
        }
      break;
    case ESCALE_SESSION_WARNING:
      {
        gint64 elapsed = (now - self->warning_since_mono) / G_USEC_PER_SEC;

        if (elapsed >= self->countdown)
          {
            set_remaining (self, 0);
            escale_session_finish (self, ESCALE_END_TIMEOUT);
          }
        else
          set_remaining (self, self->countdown - (guint) elapsed);
      }
      break;
    case ESCALE_SESSION_IDLE:
    case ESCALE_SESSION_ENDING:
      break;
    default:
      g_assert_not_reached ();
    }
}

/* The person pressed "J'ai fini" and sees the last, optional questions:
 * with no touch for ESCALE_SESSION_LEAVING_DELAY seconds the visit ends
 * as finished, without the countdown, rather than after the whole
 * inactivity delay. "Je n'ai pas fini" sets it back to FALSE. */
void
escale_session_set_leaving (EscaleSession *self, gboolean leaving)
{
  g_return_if_fail (ESCALE_IS_SESSION (self));

  if (self->state == ESCALE_SESSION_IDLE || self->state == ESCALE_SESSION_ENDING)
    return;
  self->leaving = leaving;
  escale_session_input (self);
}

void
escale_session_enter_activity (EscaleSession *self, const char *activity_id)
{
  g_return_if_fail (ESCALE_IS_SESSION (self));
  g_return_if_fail (activity_id != NULL);

  if (self->state == ESCALE_SESSION_IDLE)
    escale_session_input (self);
  close_current_activity (self);
  self->current_activity = g_strdup (activity_id);
  self->activity_since_mono = now_mono (self);
}

/* A workshop's long delay, or back to the centre's: counts from the last
 * touch, from the next tick on. */
void
escale_session_set_idle_delay (EscaleSession *self, guint idle_delay_sec)
{
  g_return_if_fail (ESCALE_IS_SESSION (self));
  self->idle_delay = MAX (idle_delay_sec, 1);
}

void
escale_session_leave_activity (EscaleSession *self)
{
  g_return_if_fail (ESCALE_IS_SESSION (self));
  close_current_activity (self);
}

void
escale_session_call_helper (EscaleSession *self)
{
  g_return_if_fail (ESCALE_IS_SESSION (self));

  if (self->state == ESCALE_SESSION_IDLE)
    escale_session_input (self);
  self->helper_calls++;
}

static Counter *
find_counter (EscaleSession *self, const char *kind, const char *name)
{
  Counter counter = { 0 };

  for (guint i = 0; i < self->counters->len; i++)
    {
      Counter *known = &g_array_index (self->counters, Counter, i);

      if (g_str_equal (known->kind, kind) && g_str_equal (known->name, name))
        return known;
    }
  counter.kind = g_strdup (kind);
  counter.name = g_strdup (name);
  g_array_append_val (self->counters, counter);
  return &g_array_index (self->counters, Counter, self->counters->len - 1);
}

/* Adds @n to a counter of an activity kind (a call started, a photo
 * printed). Counting wakes an idle session, like any touch would. */
void
escale_session_count (EscaleSession *self, const char *kind, const char *counter, guint n)
{
  g_return_if_fail (ESCALE_IS_SESSION (self));
  g_return_if_fail (kind != NULL && counter != NULL);

  if (self->state == ESCALE_SESSION_IDLE)
    escale_session_input (self);
  find_counter (self, kind, counter)->value += n;
}

/* Starts timing a counter in whole minutes (a call's minutes with the
 * family). Starting a running timer does nothing. */
void
escale_session_start_timer (EscaleSession *self, const char *kind, const char *counter)
{
  Counter *timer;

  g_return_if_fail (ESCALE_IS_SESSION (self));
  g_return_if_fail (kind != NULL && counter != NULL);

  if (self->state == ESCALE_SESSION_IDLE)
    escale_session_input (self);
  timer = find_counter (self, kind, counter);
  if (timer->running_since == 0)
    timer->running_since = MAX (now_mono (self), 1);
}

static void
stop_timer (EscaleSession *self, Counter *timer)
{
  if (timer->running_since == 0)
    return;
  timer->timer_usec += now_mono (self) - timer->running_since;
  timer->running_since = 0;
}

/* Stops a timer; safe when it never started. */
void
escale_session_stop_timer (EscaleSession *self, const char *kind, const char *counter)
{
  g_return_if_fail (ESCALE_IS_SESSION (self));
  g_return_if_fail (kind != NULL && counter != NULL);

  for (guint i = 0; i < self->counters->len; i++)
    {
      Counter *known = &g_array_index (self->counters, Counter, i);

      if (g_str_equal (known->kind, kind) && g_str_equal (known->name, counter))
        stop_timer (self, known);
    }
}

/* While held (a video call, a film playing), the countdown never starts. */
void
escale_session_hold (EscaleSession *self)
{
  g_return_if_fail (ESCALE_IS_SESSION (self));

  self->holds++;
  if (self->state == ESCALE_SESSION_WARNING)
    escale_session_input (self);
}

void
escale_session_release (EscaleSession *self)
{
  g_return_if_fail (ESCALE_IS_SESSION (self));
  g_return_if_fail (self->holds > 0);

  self->holds--;
  if (self->holds == 0)
    self->last_input_mono = now_mono (self);
}

/* For a screen that holds the session while something runs (a call): sets
 * its hold to @hold, tracked in *@holding. Releasing after the visit ended
 * (which drops every hold) does nothing. */
void
escale_session_set_hold (EscaleSession *self, gboolean *holding, gboolean hold)
{
  g_return_if_fail (ESCALE_IS_SESSION (self));
  g_return_if_fail (holding != NULL);

  if (hold == *holding)
    return;
  *holding = hold;
  if (hold)
    escale_session_hold (self);
  else if (self->holds > 0)
    escale_session_release (self);
}

gboolean
escale_session_is_held (EscaleSession *self)
{
  g_return_val_if_fail (ESCALE_IS_SESSION (self), FALSE);
  return self->holds > 0;
}

/* Ends the visit: emits "ended" with the record, then stays in ENDING until
 * escale_session_wiped(). Finishing an idle session does nothing. */
void
escale_session_finish (EscaleSession *self, EscaleEndReason reason)
{
  g_autoptr(EscaleSessionRecord) record = NULL;
  gint64 end_mono;

  g_return_if_fail (ESCALE_IS_SESSION (self));

  if (self->state != ESCALE_SESSION_ACTIVE && self->state != ESCALE_SESSION_WARNING)
    return;

  /* A visit that timed out ended at its last touch (or the end of a
   * hold: a call counts as presence), not after the idle delay and the
   * countdown: those minutes were nobody's use, in the visit or in its
   * activity. So did one whose person said "J'ai fini" and walked away
   * from the last questions. "J'ai fini" and a staff reset end it now. */
  end_mono = reason == ESCALE_END_TIMEOUT || self->leaving
               ? MAX (self->last_input_mono, self->started_mono)
               : now_mono (self);
  close_current_activity_at (self, end_mono);
  record = escale_session_record_new (self->started_at,
                                      (end_mono - self->started_mono) / G_USEC_PER_SEC, reason,
                                      self->helper_calls);
  for (guint i = 0; i < self->counters->len; i++)
    {
      Counter *counter = &g_array_index (self->counters, Counter, i);

      stop_timer (self, counter);
      escale_session_record_add_count (record, counter->kind, counter->name,
                                       counter->value + escale_seconds_to_minutes (
                                                          counter->timer_usec / G_USEC_PER_SEC));
    }
  for (guint i = 0; i < self->activity_seconds->len; i++)
    {
      ActivityTime *entry = &g_array_index (self->activity_seconds, ActivityTime, i);

      escale_session_record_add_activity (record, entry->id, entry->seconds);
    }

  forget_visit (self);
  set_remaining (self, 0);
  set_state (self, ESCALE_SESSION_ENDING);
  g_signal_emit (self, signals[ENDED], 0, record);
}

/* The shell has wiped everything: back to the welcome screen. */
void
escale_session_wiped (EscaleSession *self)
{
  g_return_if_fail (ESCALE_IS_SESSION (self));

  forget_visit (self);
  set_state (self, ESCALE_SESSION_IDLE);
}
