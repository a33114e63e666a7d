/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "escale-config-file.h"
#include "escale-counter.h"

G_BEGIN_DECLS

typedef struct _EscaleActivity EscaleActivity;
typedef struct _EscaleActivityKind EscaleActivityKind;

/* What a kind of activity (kind= in activities/NAME.ini) brings: its keys
 * and checks, which are GLib only so that --check-config and the core tests
 * need no display, its counters, and the view that shows it. The kinds are
 * listed in src/activities/escale-activities.c and handed to
 * escale_config_load (); nothing else names them. */
struct _EscaleActivityKind
{
  const char *name;          /* the value of kind= */
  const EscaleKeySpec *keys; /* its own keys, {NULL}-terminated */
  void (*check) (EscaleActivity *activity, EscaleConfigFile *file,
                 GPtrArray *problems);           /* extra checks, or NULL */
  const EscaleCounterSpec *counters;             /* {NULL}-terminated, or NULL */
  GType (*view_type) (EscaleActivity *activity); /* the view to show (a web call picks another) */

  /* Checks only the running machine can answer (whether WebKit has WebRTC
   * for a web call), or NULL. @activities are the configuration's, all
   * kinds; the finish function adds FILE:LINE problems (the activity
   * cannot work here) and warnings (it could not be checked). */
  void (*check_machine) (GPtrArray *activities, GCancellable *cancellable,
                         GAsyncReadyCallback callback, gpointer user_data);
  void (*check_machine_finish) (GAsyncResult *result, GPtrArray *problems, GPtrArray *warnings);

  /* What the goodbye screen must remind the person of when a visit ends
   * ("N'oubliez pas votre clé !" while a stick is still plugged in):
   * translated, or NULL for nothing; may be NULL itself. Called by the
   * shell at the end of every visit, for each kind the configuration
   * uses, whatever the activities the person opened; GLib only and quick
   * (it runs on the main thread before the goodbye screen shows). */
  char *(*goodbye_reminder) (void);

  /* Opened straight from the welcome screen by "C'est ma première fois",
   * for people who never used a computer (the first such activity). */
  gboolean first_time;
};

const EscaleActivityKind *escale_activity_kinds_find (const EscaleActivityKind *const *kinds,
                                                      const char *name);
char *escale_activity_kinds_list_names (const EscaleActivityKind *const *kinds);
const EscaleCounterSpec *escale_activity_kind_find_counter (const EscaleActivityKind *kind,
                                                            const char *name);

G_END_DECLS
