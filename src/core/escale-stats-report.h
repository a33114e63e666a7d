/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "escale-session-record.h"
#include "escale-stats-store.h"

G_BEGIN_DECLS

typedef enum
{
  ESCALE_PERIOD_WEEK, /* this week, from Monday */
  ESCALE_PERIOD_MONTH,
  ESCALE_PERIOD_QUARTER,
  ESCALE_PERIOD_YEAR,
} EscaleStatsPeriod;

/* Duration buckets: < 30 min, 30 min-1 h, 1-2 h, > 2 h. */
#define ESCALE_N_DURATION_BUCKETS 4

typedef struct
{
  char day[11];
  guint sessions;
} EscaleStatsDay;

/* One activity, theme or category, with its visits (each visit once) and
 * minutes (0 for a category). */
typedef struct
{
  char *name;  /* activity id, theme, or category */
  char *theme; /* an activity's theme, a category's kind */
  guint sessions;
  guint minutes;
  char *title; /* an activity's title, NULL if the store does not know it */
} EscaleStatsGroup;

/* One counter of an activity kind over the period: declared ones first,
 * in their declared order (every one, even at 0), then the undeclared ones
 * the period holds. */
typedef struct
{
  char *kind;
  char *counter;
  char *label;    /* the declared French label (a msgid), NULL if undeclared */
  char *raw_name; /* "kind/counter", shown when undeclared */
  guint64 value;  /* sum over the period, folded months included */
  guint visits;   /* visits with this counter above 0 (visits still held as rows) */
} EscaleStatsCounter;

/* One collective activity of the period (kiosks that recorded the same
 * workshop are one). */
typedef struct
{
  char day[11];
  int start_hour;
  guint duration_min;
  char *theme; /* La Coop thematique slug */
  char *level; /* debutant | intermediaire | avance */
  guint participants;
} EscaleStatsWorkshop;

#define ESCALE_TYPE_STATS_REPORT (escale_stats_report_get_type ())
G_DECLARE_FINAL_TYPE (EscaleStatsReport, escale_stats_report, ESCALE, STATS_REPORT, GObject)

void escale_stats_period_range (EscaleStatsPeriod period, GDateTime *now, char **from_day,
                                char **to_day);
void escale_stats_year_range (GDateTime *now, guint start_month, char **from_day, char **to_day);
gboolean escale_stats_day_is_valid (const char *day);

EscaleStatsReport *escale_stats_report_new (EscaleStatsStore *store, const char *from_day,
                                            const char *to_day, GError **error);
void escale_stats_report_new_async (EscaleStatsStore *store, const char *from_day,
                                    const char *to_day, GCancellable *cancellable,
                                    GAsyncReadyCallback callback, gpointer user_data);
EscaleStatsReport *escale_stats_report_new_finish (GAsyncResult *result, GError **error);

const char *escale_stats_report_get_from (EscaleStatsReport *self);
const char *escale_stats_report_get_to (EscaleStatsReport *self);
guint escale_stats_report_get_sessions (EscaleStatsReport *self);
guint escale_stats_report_get_minutes (EscaleStatsReport *self);
guint escale_stats_report_get_folded_sessions (EscaleStatsReport *self);
double escale_stats_report_get_median_minutes (EscaleStatsReport *self);
guint escale_stats_report_get_duration_bucket (EscaleStatsReport *self, guint bucket);
const char *escale_stats_duration_bucket_label (guint bucket);
guint escale_stats_report_get_help_asked (EscaleStatsReport *self);
guint escale_stats_report_get_help_given (EscaleStatsReport *self);
guint escale_stats_report_get_helper_calls (EscaleStatsReport *self);
guint escale_stats_report_get_autonomy (EscaleStatsReport *self, EscaleAutonomy value);
const char *escale_stats_autonomy_label (EscaleAutonomy value);
guint escale_stats_report_get_satisfaction (EscaleStatsReport *self, EscaleSatisfaction value);
const char *escale_stats_satisfaction_label (EscaleSatisfaction value);
guint escale_stats_report_get_age (EscaleStatsReport *self, EscaleAgeBracket value);
const char *escale_stats_age_label (EscaleAgeBracket value);
guint escale_stats_report_get_heat (EscaleStatsReport *self, int weekday, int hour);
guint escale_stats_report_get_pin_failures (EscaleStatsReport *self);
GPtrArray *escale_stats_report_get_counters (EscaleStatsReport *self);
guint64 escale_stats_report_get_counter_value (EscaleStatsReport *self, const char *kind,
                                               const char *counter);
const char *escale_stats_counter_display_label (const EscaleStatsCounter *counter);
GArray *escale_stats_report_get_days (EscaleStatsReport *self);
GPtrArray *escale_stats_report_get_activities (EscaleStatsReport *self);
GPtrArray *escale_stats_report_get_themes (EscaleStatsReport *self);
const char *escale_stats_group_display_name (const EscaleStatsGroup *group);
GPtrArray *escale_stats_report_get_categories (EscaleStatsReport *self);
GPtrArray *escale_stats_report_get_workshops (EscaleStatsReport *self);

/* One key figure of a period as staff and funders read it: "8", "Visites",
 * and a line of detail (or NULL). */
typedef struct
{
  char *value;
  char *label;
  char *detail;
} EscaleStatsFigure;

/* The bounds of "every visit": a period without --from or --to. Said in
 * words by escale_stats_format_period (), never shown as dates. */
#define ESCALE_STATS_FIRST_DAY "2000-01-01"
#define ESCALE_STATS_LAST_DAY "9999-12-31"

/* escale-stats-labels.c: what staff read. */
GPtrArray *escale_stats_key_figures (EscaleStatsReport *report);
char *escale_stats_format_number (guint64 n);
char *escale_stats_format_minutes (double minutes);
char *escale_stats_format_day (const char *day);
char *escale_stats_format_period (const char *from_day, const char *to_day);
char *escale_stats_autonomy_detail (EscaleStatsReport *report);
char *escale_stats_help_detail (EscaleStatsReport *report);
guint escale_stats_workshop_participants (EscaleStatsReport *report);
const char *escale_coop_theme_label (const char *slug);

G_END_DECLS
