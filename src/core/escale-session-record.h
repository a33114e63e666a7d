/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  ESCALE_END_FINISHED,  /* the person pressed "J'ai fini" */
  ESCALE_END_TIMEOUT,   /* the inactivity countdown ran out */
  ESCALE_END_STAFF,     /* staff reset the kiosk */
} EscaleEndReason;

const char *escale_end_reason_to_string (EscaleEndReason reason);

/* Everything that is ever stored about one session. Deliberately coarse: a
 * day, an hour rounded down, whole minutes. Nothing typed, visited or seen. */
typedef struct
{
  char day[11];             /* YYYY-MM-DD */
  int start_hour;           /* 0-23, rounded down */
  int weekday;              /* 1 = Monday ... 7 = Sunday */
  int duration_min;         /* whole minutes, rounded to nearest */
  EscaleEndReason end_reason;
  int helper_calls;
  GArray *activities;       /* of EscaleActivityUse */
} EscaleSessionRecord;

typedef struct
{
  char *activity_id;
  int minutes;
} EscaleActivityUse;

#define ESCALE_TYPE_SESSION_RECORD (escale_session_record_get_type ())
GType escale_session_record_get_type (void) G_GNUC_CONST;

EscaleSessionRecord *escale_session_record_new (GDateTime *start, gint64 duration_sec,
                                                EscaleEndReason reason, int helper_calls);
void escale_session_record_add_activity (EscaleSessionRecord *self, const char *activity_id,
                                         gint64 seconds);
EscaleSessionRecord *escale_session_record_copy (const EscaleSessionRecord *self);
void escale_session_record_free (EscaleSessionRecord *self);
int escale_seconds_to_minutes (gint64 seconds);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleSessionRecord, escale_session_record_free)

G_END_DECLS
