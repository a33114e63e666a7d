/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-kiosk.h"

G_BEGIN_DECLS

/* A visit of a "Mes démarches" activity on a real kiosk (store on a
 * temporary file, scratch folder, reset registry, fake clock), without the
 * window: a test kind "demarches" declares the counters the scan page and
 * the chooser count for the category "logement". */
typedef struct
{
  char *dir;
  EscaleClock *clock;
  EscaleStatsStore *store;
  EscaleKiosk *kiosk;
  EscaleActivity *activity;
  EscaleVisit *visit;
  EscaleSessionRecord *record; /* once the visit ended */
} DemarchesTestVisit;

void demarches_test_visit_init (DemarchesTestVisit *v);
/* "J'ai fini": the visit ends, is recorded and wiped. */
void demarches_test_visit_finish (DemarchesTestVisit *v);
gint64 demarches_test_visit_count (DemarchesTestVisit *v, const char *counter);
void demarches_test_visit_clear (DemarchesTestVisit *v);

G_END_DECLS
