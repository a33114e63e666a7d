/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "escale-activity-kind.h"
#include "escale-kiosk.h"

G_BEGIN_DECLS

/* The exit status of a kiosk the staff left on purpose ("Quitter le mode
 * kiosque"): escale-kiosk-session ends the session instead of restarting. */
#define ESCALE_EXIT_LEFT_KIOSK 10

#define ESCALE_TYPE_APPLICATION (escale_application_get_type ())
G_DECLARE_FINAL_TYPE (EscaleApplication, escale_application, ESCALE, APPLICATION, GtkApplication)

EscaleApplication *escale_application_new (void);
EscaleApplication *escale_application_new_for_test (const char *config_dir, const char *stats_path,
                                                    EscaleClock *clock, const char *scratch_dir,
                                                    const EscaleActivityKind *const *kinds,
                                                    gboolean locked);
int escale_application_get_exit_status (EscaleApplication *self, int status);
EscaleKiosk *escale_application_get_kiosk (EscaleApplication *self);

G_END_DECLS
