/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "escale-application.h"
#include "escale-fake-clock.h"
#include "escale-kiosk.h"
#include "escale-web-profile.h"
#include "escale-window.h"

G_BEGIN_DECLS

/* The real application and its window on temporary files, with a fake
 * clock so tests move time by hand. */
typedef struct
{
  char *dir;
  char *stats_path;
  EscaleApplication *app;
  EscaleClock *clock;
  EscaleStatsStore *store; /* borrowed from the kiosk */
  EscaleScratch *scratch;  /* borrowed from the kiosk */
  EscaleKiosk *kiosk;
  EscaleWebProfile *profile;
  EscaleWindow *window;
  gboolean keep_dir; /* a restart follows: clear leaves the folder */
} EscaleTestKiosk;

void escale_test_kiosk_init (EscaleTestKiosk *k, const char *config_dir, gboolean locked);
void escale_test_kiosk_init_with_kinds (EscaleTestKiosk *k, const char *config_dir,
                                        const EscaleActivityKind *const *kinds, gboolean locked);
void escale_test_kiosk_init_in_dir (EscaleTestKiosk *k, const char *dir, const char *config_dir,
                                    const EscaleActivityKind *const *kinds, gboolean locked);
void escale_test_kiosk_clear (EscaleTestKiosk *k);
void escale_test_kiosk_advance (EscaleTestKiosk *k, guint seconds);
void escale_test_wait_until (gboolean (*condition) (gpointer), gpointer data, guint timeout_ms);
void escale_test_spin (guint ms);
gboolean escale_test_kiosk_has_notices (gpointer kiosk);
gboolean escale_test_kiosk_saying_goodbye (gpointer k);
gboolean escale_test_kiosk_back_to_welcome (gpointer k);
gboolean escale_test_kiosk_workshop_band_shown (gpointer k);
gboolean escale_test_kiosk_workshop_over (gpointer k);
void escale_test_drain (void);
char *escale_test_demo_config (void);
gboolean escale_test_xdotool (const char *actions);
void escale_test_tolerate_list_scroll_warning (void);
gint64 escale_test_kiosk_db_count (EscaleTestKiosk *k, const char *sql);
GtkWidget *escale_test_find_shown_button (GtkWidget *widget, const char *label);
GtkWidget *escale_test_open_dashboard (EscaleTestKiosk *k);

G_END_DECLS
