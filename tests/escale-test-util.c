/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <unistd.h>
#include <sqlite3.h>

#include "escale-activities.h"
#include "escale-dashboard.h"
#include "escale-staff-page.h"
#include "escale-test-util.h"

char *
escale_test_demo_config (void)
{
  return g_build_filename (g_getenv ("ESCALE_SOURCE_DIR"), "kiosk-config", NULL);
}

/* Runs what is already due on the main context (GTK drops a destroyed
 * window's last references there), without waiting for timers. */
void
escale_test_drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The real application, as `escale` builds it, on temporary files and a
 * fake clock: g_application_register () runs its startup (config, store,
 * kiosk, web profile), g_application_activate () builds its window and
 * registers every wiper. A wiper the application forgets fails the tests. */
void
escale_test_kiosk_init (EscaleTestKiosk *k, const char *config_dir, gboolean locked)
{
  escale_test_kiosk_init_with_kinds (k, config_dir, NULL, locked);
}

/* The same with other kinds of activity than the table's (NULL: the
 * table's), for a kind that lives in a test folder. */
void
escale_test_kiosk_init_with_kinds (EscaleTestKiosk *k, const char *config_dir,
                                   const EscaleActivityKind *const *kinds, gboolean locked)
{
  escale_test_kiosk_init_in_dir (k, NULL, config_dir, kinds, locked);
}

/* The same in @dir (NULL: a new temporary folder), which may hold files
 * of an earlier run (a store, the codes): removed with the kiosk. */
void
escale_test_kiosk_init_in_dir (EscaleTestKiosk *k, const char *dir, const char *config_dir,
                               const EscaleActivityKind *const *kinds, gboolean locked)
{
  g_autofree char *scratch_dir = NULL;
  g_autoptr(GError) error = NULL;

  k->dir = dir != NULL ? g_strdup (dir) : g_dir_make_tmp ("escale-test-XXXXXX", NULL);
  k->stats_path = g_build_filename (k->dir, "stats.db", NULL);
  scratch_dir = g_build_filename (k->dir, "runtime", NULL);
  k->clock = escale_fake_clock_new (NULL);
  k->app = escale_application_new_for_test (config_dir, k->stats_path, k->clock, scratch_dir,
                                            kinds, locked);
  g_assert_true (g_application_register (G_APPLICATION (k->app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (k->app));

  k->kiosk = g_object_ref (escale_application_get_kiosk (k->app));
  k->store = escale_kiosk_get_store (k->kiosk);
  k->scratch = escale_kiosk_get_scratch (k->kiosk);
  k->window = ESCALE_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (k->app)));
  g_assert_nonnull (k->window);
  g_object_ref (k->window);
  g_object_get (k->window, "web-profile", &k->profile, NULL);
  g_assert_nonnull (k->profile);
  escale_kiosk_set_goodbye_delay_ms (k->kiosk, 0);
  {
    /* Tests share one X display: a unique title lets xdotool find ours. */
    g_autofree char *title = g_strdup_printf ("Escale test %d", (int) getpid ());

    gtk_window_set_title (GTK_WINDOW (k->window), title);
  }
}

static gboolean
close_window_cb (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

/* Ends the application as the kiosk's does: its window closes, and
 * g_application_run () (the only public way to leave D-Bus) returns once
 * no window holds it, after shutdown. Then nothing of the kiosk may
 * outlive it: the window, the application, the kiosk, the web profile and
 * the clock must all be finalized here, or a visit's objects leaked. */
void
escale_test_kiosk_clear (EscaleTestKiosk *k)
{
  g_idle_add (close_window_cb, k->window);
  g_assert_cmpint (g_application_run (G_APPLICATION (k->app), 0, NULL), ==, 0);
  escale_test_drain ();
  k->store = NULL;
  k->scratch = NULL;
  g_assert_finalize_object (g_steal_pointer (&k->window));
  g_assert_finalize_object (g_steal_pointer (&k->app));
  g_assert_finalize_object (g_steal_pointer (&k->kiosk));
  g_assert_finalize_object (g_steal_pointer (&k->profile));
  g_assert_finalize_object (g_steal_pointer (&k->clock));
  if (!k->keep_dir)
    escale_remove_tree (k->dir, NULL);
  g_clear_pointer (&k->dir, g_free);
  g_clear_pointer (&k->stats_path, g_free);
}

/* Moves the fake clock second by second, as the real tick would. */
void
escale_test_kiosk_advance (EscaleTestKiosk *k, guint seconds)
{
  EscaleSession *session = escale_kiosk_get_session (k->kiosk);

  for (guint i = 0; i < seconds; i++)
    {
      escale_fake_clock_advance (ESCALE_FAKE_CLOCK (k->clock), 1);
      escale_session_tick (session);
    }
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
escale_test_wait_until (gboolean (*condition) (gpointer), gpointer data, guint timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, timeout_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  g_assert_true (condition (data));
}

/* For escale_test_wait_until: staff have a notice (@kiosk: EscaleKiosk). */
gboolean
escale_test_kiosk_has_notices (gpointer kiosk)
{
  return escale_notices_get_all (escale_kiosk_get_notices (kiosk))->len > 0;
}

void
escale_test_spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Runs xdotool on this process's kiosk window: focus it, then @actions. */
gboolean
escale_test_xdotool (const char *actions)
{
  g_autofree char *command = g_strdup_printf (
    "xdotool search --onlyvisible --name '^Escale test %d$' windowfocus --sync %s",
    (int) getpid (), actions);
  int status = -1;

  if (!g_spawn_command_line_sync (command, NULL, NULL, &status, NULL))
    return FALSE;
  return g_spawn_check_wait_status (status, NULL);
}

/* The first column of the first row of @sql, read from the kiosk's stats
 * file with a connection of its own (as staff tools would). */
gint64
escale_test_kiosk_db_count (EscaleTestKiosk *k, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_open_v2 (k->stats_path, &db, SQLITE_OPEN_READONLY, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* The visit ended and "Tout est effacé" is shown (the session is ENDING). */
gboolean
escale_test_kiosk_saying_goodbye (gpointer k)
{
  EscaleSession *session = escale_kiosk_get_session (((EscaleTestKiosk *) k)->kiosk);

  return escale_session_get_state (session) == ESCALE_SESSION_ENDING;
}

/* The "Atelier en cours" band is under the top bar: for
 * escale_test_wait_until (). */
gboolean
escale_test_kiosk_workshop_band_shown (gpointer k)
{
  return escale_window_get_workshop_band (((EscaleTestKiosk *) k)->window) != NULL;
}

/* The workshop ended: no band, and the visit under way was wiped. */
gboolean
escale_test_kiosk_workshop_over (gpointer k)
{
  return escale_window_get_workshop_band (((EscaleTestKiosk *) k)->window) == NULL &&
         escale_test_kiosk_back_to_welcome (k);
}

/* Wiped, and the welcome screen is back (the session is IDLE): for
 * escale_test_wait_until (). */
gboolean
escale_test_kiosk_back_to_welcome (gpointer k)
{
  EscaleSession *session = escale_kiosk_get_session (((EscaleTestKiosk *) k)->kiosk);

  return escale_session_get_state (session) == ESCALE_SESSION_IDLE;
}

static gboolean
list_scroll_warning_cb (const char *domain, GLogLevelFlags level, const char *message,
                        gpointer data)
{
  return !(g_strcmp0 (domain, "Gtk") == 0 &&
           g_str_has_suffix (message, "failed to scroll to given position. Ignoring..."));
}

/* GTK 4.8's list view warns, and ignores the scroll, when its adjustment
 * moves while its items are being replaced (the photo grid lays its lines
 * out again for its first real width); later GTK releases return quietly
 * there. Under the suite's fatal warnings this failed photo tests on a
 * loaded machine: that one GTK warning is not fatal in them. */
void
escale_test_tolerate_list_scroll_warning (void)
{
  g_test_log_set_fatal_handler (list_scroll_warning_cb, NULL);
}

/* The text of @button: its label, or its child label's (a wrapping one). */
static const char *
button_text (GtkWidget *button)
{
  GtkWidget *child = gtk_button_get_child (GTK_BUTTON (button));

  if (gtk_button_get_label (GTK_BUTTON (button)) != NULL)
    return gtk_button_get_label (GTK_BUTTON (button));
  return GTK_IS_LABEL (child) ? gtk_label_get_text (GTK_LABEL (child)) : NULL;
}

/* The button under @widget that says @label and is on screen, or NULL. */
GtkWidget *
escale_test_find_shown_button (GtkWidget *widget, const char *label)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return NULL;
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (button_text (widget), label) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = escale_test_find_shown_button (c, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
staff_shown (gpointer k)
{
  return g_strcmp0 (escale_window_get_page_name (((EscaleTestKiosk *) k)->window), "staff") == 0;
}

static gboolean
staff_idle (gpointer staff)
{
  return !escale_staff_page_is_busy (staff);
}

static gboolean
dashboard_idle (gpointer dashboard)
{
  return !escale_dashboard_is_loading (dashboard);
}

/* Staff open their space (Ctrl+Alt+S through the X server, code 482913)
 * and its dashboard, as on the kiosk; returns it once its figures show. */
GtkWidget *
escale_test_open_dashboard (EscaleTestKiosk *k)
{
  EscaleStaffPage *staff = ESCALE_STAFF_PAGE (escale_window_get_staff_page (k->window));
  GtkWidget *dashboard = escale_staff_page_get_dashboard (staff);

  g_assert_true (
    escale_code_lock_set_code (escale_kiosk_get_staff_lock (k->kiosk), "482913", NULL));
  escale_test_spin (300);
  g_assert_true (escale_test_xdotool ("key --clearmodifiers ctrl+alt+s"));
  escale_test_wait_until (staff_shown, k, 5000);
  escale_staff_page_type (staff, "482913");
  escale_staff_page_validate (staff);
  escale_test_wait_until (staff_idle, staff, 20000);
  gtk_widget_activate_action (GTK_WIDGET (staff), "staff.dashboard", NULL);
  escale_test_wait_until (dashboard_idle, dashboard, 20000);
  return dashboard;
}
