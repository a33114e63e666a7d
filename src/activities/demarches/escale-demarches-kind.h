/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-activity.h"
#include "escale-visit.h"

G_BEGIN_DECLS

extern const EscaleActivityKind escale_demarches_kind;

#define ESCALE_DEMARCHES_DEFAULT_MAX_PRINTS 10

GType escale_demarches_kind_view_type (EscaleActivity *activity); /* escale-demarches-view.c */

char *escale_demarches_kind_get_procedures_dir (EscaleActivity *activity);
char *escale_demarches_kind_get_forms_dir (EscaleActivity *activity);
char *escale_demarches_kind_get_booking_url (EscaleActivity *activity);
char *escale_demarches_kind_get_booking_address (EscaleActivity *activity);
char *escale_demarches_kind_get_scanner (EscaleActivity *activity);
GStrv escale_demarches_kind_get_permanence (EscaleActivity *activity);

char *escale_demarches_counter_name (const char *counter, const char *category);
void escale_demarches_count (EscaleVisit *visit, const char *counter, const char *category,
                             guint n);

G_END_DECLS
