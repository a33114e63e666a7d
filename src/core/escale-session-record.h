/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  ESCALE_END_FINISHED, /* the person pressed "J'ai fini" */
  ESCALE_END_TIMEOUT,  /* the inactivity countdown ran out */
  ESCALE_END_STAFF,    /* staff reset the kiosk */
} EscaleEndReason;

const char *escale_end_reason_to_string (EscaleEndReason reason);

/* The optional end-of-visit answers; NONE when the person skipped. */
typedef enum
{
  ESCALE_SATISFACTION_NONE,
  ESCALE_SATISFACTION_YES,    /* "oui" */
  ESCALE_SATISFACTION_PARTLY, /* "en partie" */
  ESCALE_SATISFACTION_NO,     /* "non" */
} EscaleSatisfaction;

#define ESCALE_N_SATISFACTION 4

/* The funders' age brackets. */
typedef enum
{
  ESCALE_AGE_NONE, /* question skipped */
  ESCALE_AGE_18_24,
  ESCALE_AGE_25_39,
  ESCALE_AGE_40_59,
  ESCALE_AGE_60_69,
  ESCALE_AGE_70_PLUS,
  ESCALE_AGE_DECLINED, /* "ne souhaite pas répondre" */
} EscaleAgeBracket;

#define ESCALE_N_AGE_BRACKETS 7

/* Stable codes as stored in the database (NULL for NONE), and back. */
const char *escale_satisfaction_to_code (EscaleSatisfaction value);
EscaleSatisfaction escale_satisfaction_from_code (const char *code);
const char *escale_age_bracket_to_code (EscaleAgeBracket value);
EscaleAgeBracket escale_age_bracket_from_code (const char *code);

/* Everything that is ever stored about one session. Deliberately coarse: a
 * day, an hour rounded down, whole minutes. Nothing typed, visited or seen. */
typedef struct
{
  char day[11];     /* YYYY-MM-DD */
  int start_hour;   /* 0-23, rounded down */
  int weekday;      /* 1 = Monday ... 7 = Sunday */
  int duration_min; /* whole minutes, rounded to nearest */
  EscaleEndReason end_reason;
  /* Help asked: the presses of "Appeler un aidant" during the visit (the
   * contract's help_asked; stored as sessions.helper_calls, and the visit
   * counts as "aide demandée" when it is above 0). */
  int helper_calls;
  GArray *activities; /* of EscaleActivityUse */
  GArray *counters;   /* of EscaleCounterValue: what activities counted */
  /* Filled in by the kiosk before the record is written. */
  gboolean help_given;   /* a helper acknowledged on the board ("J'arrive"),
                          * or the visit was part of a workshop */
  char workshop_uid[33]; /* empty, or the workshop the visit was part of
                          * ([0-9a-z], at most 32) */
  EscaleSatisfaction satisfaction;
  EscaleAgeBracket age_bracket;
  char uid[33]; /* random id, empty: the store draws one */
} EscaleSessionRecord;

typedef struct
{
  char *activity_id;
  int minutes;
  char *theme; /* La Coop's category, or NULL */
} EscaleActivityUse;

/* One counter of an activity kind for the visit: a number, never a text
 * of what was done (a call started, minutes in a call). */
typedef struct
{
  char *kind;
  char *counter;
  gint64 value;
} EscaleCounterValue;

/* La Coop's autonomy of a visit: ENTIEREMENT_ACCOMPAGNE if it was part of
 * a workshop, PARTIELLEMENT_AUTONOME if help was asked or given outside
 * one, AUTONOME otherwise. */
typedef enum
{
  ESCALE_AUTONOMY_AUTONOME,
  ESCALE_AUTONOMY_PARTIELLEMENT_AUTONOME,
  ESCALE_AUTONOMY_ENTIEREMENT_ACCOMPAGNE,
} EscaleAutonomy;

#define ESCALE_N_AUTONOMY 3

const char *escale_autonomy_to_slug (EscaleAutonomy value);
EscaleAutonomy escale_session_record_get_autonomy (const EscaleSessionRecord *self);

/* One collective activity (a workshop), recorded once when it ends by each
 * kiosk that took part: a day, an hour, whole minutes, La Coop's theme
 * slug and level, how many visits took part. Nobody's name, nothing done. */
typedef struct
{
  char uid[33]; /* [0-9a-z], at most 32; empty: the store draws one */
  char day[11]; /* YYYY-MM-DD */
  int start_hour;
  int duration_min;
  char *theme;      /* La Coop thematique slug: [a-z0-9_]+ */
  char *level;      /* debutant | intermediaire | avance */
  int participants; /* visits during it, counted anonymously */
} EscaleWorkshopRecord;

gboolean escale_workshop_level_is_valid (const char *level);
gboolean escale_workshop_record_is_valid (const EscaleWorkshopRecord *self);
EscaleWorkshopRecord *escale_workshop_record_copy (const EscaleWorkshopRecord *self);
void escale_workshop_record_free (EscaleWorkshopRecord *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleWorkshopRecord, escale_workshop_record_free)

#define ESCALE_TYPE_SESSION_RECORD (escale_session_record_get_type ())
GType escale_session_record_get_type (void) G_GNUC_CONST;

EscaleSessionRecord *escale_session_record_new (GDateTime *start, gint64 duration_sec,
                                                EscaleEndReason reason, int helper_calls);
void escale_session_record_add_activity (EscaleSessionRecord *self, const char *activity_id,
                                         gint64 seconds);
void escale_session_record_set_theme (EscaleSessionRecord *self, const char *activity_id,
                                      const char *theme);
void escale_session_record_add_count (EscaleSessionRecord *self, const char *kind,
                                      const char *counter, gint64 value);
gint64 escale_session_record_get_count (const EscaleSessionRecord *self, const char *kind,
                                        const char *counter);
EscaleSessionRecord *escale_session_record_copy (const EscaleSessionRecord *self);
void escale_session_record_free (EscaleSessionRecord *self);
int escale_seconds_to_minutes (gint64 seconds);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleSessionRecord, escale_session_record_free)

G_END_DECLS
