/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-activity.h"
#include "escale-config-file.h"

G_BEGIN_DECLS

/* The printing keys every kind that prints shares, read from its own
 * group ([Photos], [Demarches]...): print=, max-prints=, printer=. GLib
 * only, for escale --check-config. */
gboolean escale_print_keys_get_print (EscaleActivity *activity, const char *group);
guint escale_print_keys_get_max_prints (EscaleActivity *activity, const char *group,
                                        guint fallback);
char *escale_print_keys_get_printer (EscaleActivity *activity, const char *group);
void escale_print_keys_check (EscaleActivity *activity, const char *group, EscaleConfigFile *file,
                              GPtrArray *problems);

G_END_DECLS
