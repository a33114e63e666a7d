/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "escale-clock.h"
#include "escale-session-record.h"

G_BEGIN_DECLS

typedef enum
{
  ESCALE_SESSION_IDLE,    /* welcome screen, nobody there */
  ESCALE_SESSION_ACTIVE,  /* someone is using the kiosk */
  ESCALE_SESSION_WARNING, /* inactive too long: the countdown is shown */
  ESCALE_SESSION_ENDING,  /* wiping; "Tout est effacé" is shown */
} EscaleSessionState;

/* The visit's timings when the centre's config says nothing, in seconds:
 * written here once, used by the session, the config and the countdown. */
#define ESCALE_DEFAULT_IDLE_DELAY 180  /* no touch for 3 minutes: the countdown */
#define ESCALE_DEFAULT_COUNTDOWN 60    /* then a minute to touch the screen */
#define ESCALE_DEFAULT_GOODBYE_DELAY 6 /* "Tout est effacé" stays that long */

#define ESCALE_TYPE_SESSION (escale_session_get_type ())
G_DECLARE_FINAL_TYPE (EscaleSession, escale_session, ESCALE, SESSION, GObject)

EscaleSession *escale_session_new (EscaleClock *clock, guint idle_delay_sec, guint countdown_sec);

/* How long the last questions wait for a person who said "J'ai fini". */
#define ESCALE_SESSION_LEAVING_DELAY 60

EscaleSessionState escale_session_get_state (EscaleSession *self);
guint escale_session_get_remaining (EscaleSession *self);

void escale_session_input (EscaleSession *self);
void escale_session_tick (EscaleSession *self);
void escale_session_enter_activity (EscaleSession *self, const char *activity_id);
void escale_session_leave_activity (EscaleSession *self);
void escale_session_set_idle_delay (EscaleSession *self, guint idle_delay_sec);
void escale_session_call_helper (EscaleSession *self);
void escale_session_count (EscaleSession *self, const char *kind, const char *counter, guint n);
void escale_session_start_timer (EscaleSession *self, const char *kind, const char *counter);
void escale_session_stop_timer (EscaleSession *self, const char *kind, const char *counter);
void escale_session_hold (EscaleSession *self);
void escale_session_release (EscaleSession *self);
void escale_session_set_hold (EscaleSession *self, gboolean *holding, gboolean hold);
gboolean escale_session_is_held (EscaleSession *self);
void escale_session_set_leaving (EscaleSession *self, gboolean leaving);
void escale_session_finish (EscaleSession *self, EscaleEndReason reason);
void escale_session_wiped (EscaleSession *self);

G_END_DECLS
