/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <unistd.h>
#include <glib/gstdio.h>

#include "escale-dashboard.h"
#include "escale-scratch.h"
#include "escale-feedback-page.h"
#include "escale-home-page.h"
#include "escale-staff-page.h"
#include "escale-test-util.h"

/* The staff space in the kiosk window, and the end-of-visit questions. */

typedef struct
{
  EscaleTestKiosk k;
  char *config_dir;
} Fixture;

/* The application opens the store at start-up: a fresh file is migrated. */
static void
expect_store_opens (void)
{
  g_test_expect_message ("escale-stats", G_LOG_LEVEL_MESSAGE, "*schema 1*");
  g_test_expect_message ("escale-stats", G_LOG_LEVEL_MESSAGE, "*schema 2*");
}

static void
setup (Fixture *f, gconstpointer data)
{
  g_autofree char *demo = escale_test_demo_config ();

  expect_store_opens ();
  escale_test_kiosk_init (&f->k, data ? data : demo, TRUE);
  g_test_assert_expected_messages ();
}

static void
teardown (Fixture *f, gconstpointer data)
{
  escale_test_kiosk_clear (&f->k);
}

static const char *
page (Fixture *f)
{
  return escale_window_get_page_name (f->k.window);
}

static EscaleStaffPage *
staff (Fixture *f)
{
  return ESCALE_STAFF_PAGE (escale_window_get_staff_page (f->k.window));
}

static gboolean
staff_shown (gpointer data)
{
  return g_strcmp0 (page (data), "staff") == 0;
}

/* Ctrl+Alt+S, typed through the X server. */
static void
open_staff_with_keys (Fixture *f)
{
  escale_test_spin (300);
  g_assert_true (escale_test_xdotool ("key --clearmodifiers ctrl+alt+s"));
  escale_test_wait_until (staff_shown, f, 5000);
}

static gboolean
check_done (gpointer data)
{
  return !escale_staff_page_is_busy (staff (data));
}

/* Validates a typed code: it is checked (or a new one stored) in a worker
 * thread while the pad says "Un instant…" with its keys off; then waits
 * for the answer. */
static void
validate_code (Fixture *f)
{
  escale_staff_page_validate (staff (f));
  g_assert_true (escale_staff_page_is_busy (staff (f)));
  g_assert_cmpstr (escale_staff_page_get_message (staff (f)), ==, "Un instant…");
  escale_test_wait_until (check_done, f, 20000);
}

static void
test_fresh_install_forces_pin (Fixture *f, gconstpointer data)
{
  EscaleCodeLock *lock = escale_kiosk_get_staff_lock (f->k.kiosk);

  open_staff_with_keys (f);
  g_assert_false (escale_code_lock_has_code (lock, NULL));
  g_assert_cmpstr (escale_staff_page_get_view (staff (f)), ==, "pin");

  /* Too short: refused, nothing opens. */
  escale_staff_page_type (staff (f), "1234");
  escale_staff_page_validate (staff (f));
  g_assert_cmpstr (escale_staff_page_get_view (staff (f)), ==, "pin");
  g_assert_nonnull (strstr (escale_staff_page_get_message (staff (f)), "6 à 12 chiffres"));

  /* Two different codes: start again. */
  escale_staff_page_type (staff (f), "482913");
  escale_staff_page_validate (staff (f));
  escale_staff_page_type (staff (f), "482914");
  escale_staff_page_validate (staff (f));
  g_assert_cmpstr (escale_staff_page_get_view (staff (f)), ==, "pin");
  g_assert_false (escale_code_lock_has_code (lock, NULL));

  escale_staff_page_type (staff (f), "482913");
  escale_staff_page_validate (staff (f));
  escale_staff_page_type (staff (f), "482913");
  validate_code (f);
  g_assert_cmpstr (escale_staff_page_get_view (staff (f)), ==, "menu");
  g_assert_true (escale_code_lock_has_code (lock, NULL));

  /* Leaving goes through a reset to the welcome screen. */
  gtk_widget_activate_action (GTK_WIDGET (staff (f)), "staff.leave", NULL);
  g_assert_cmpstr (page (f), ==, "welcome");
}

/* The other discreet way in: a long press on the place name in the top bar
 * (top left; the test has no style sheet, so the bar is small). */
static void
test_long_press_opens_staff (Fixture *f, gconstpointer data)
{
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.start", NULL);
  g_assert_cmpstr (page (f), ==, "home");
  escale_test_spin (300);
  {
    /* Asynchronous: the gesture's timer fires only while our main loop runs
     * during the press. */
    g_autofree char *command =
      g_strdup_printf ("xdotool search --onlyvisible --name '^Escale test %d$' windowfocus --sync "
                       "mousemove --sync 60 22 mousedown 1 sleep 3.5 mouseup 1",
                       (int) getpid ());

    g_assert_true (g_spawn_command_line_async (command, NULL));
  }
  escale_test_wait_until (staff_shown, f, 8000);
  g_assert_cmpstr (escale_staff_page_get_view (staff (f)), ==, "pin");

  /* Leaving the pad without the code goes back to the visit, unwiped. */
  gtk_widget_activate_action (GTK_WIDGET (staff (f)), "staff.leave", NULL);
  g_assert_cmpstr (page (f), ==, "home");
  g_assert_cmpint (escale_session_get_state (escale_kiosk_get_session (f->k.kiosk)), ==,
                   ESCALE_SESSION_ACTIVE);
  g_assert_cmpint (escale_test_kiosk_db_count (&f->k, "SELECT count (*) FROM sessions"), ==, 0);
}

static void
test_wrong_codes_wait (Fixture *f, gconstpointer data)
{
  EscaleCodeLock *lock = escale_kiosk_get_staff_lock (f->k.kiosk);

  g_assert_true (escale_code_lock_set_code (lock, "482913", NULL));
  open_staff_with_keys (f);

  for (int i = 0; i < 3; i++)
    {
      escale_staff_page_type (staff (f), "000000");
      validate_code (f);
    }
  g_assert_nonnull (strstr (escale_staff_page_get_message (staff (f)), "Réessayez dans 30 s"));
  /* Even the right code waits. */
  escale_staff_page_type (staff (f), "482913");
  validate_code (f);
  g_assert_cmpstr (escale_staff_page_get_view (staff (f)), ==, "pin");

  escale_fake_clock_advance (ESCALE_FAKE_CLOCK (f->k.clock), 30);
  escale_staff_page_type (staff (f), "482913");
  validate_code (f);
  g_assert_cmpstr (escale_staff_page_get_view (staff (f)), ==, "menu");
  g_assert_cmpint (escale_test_kiosk_db_count (&f->k, "SELECT attempts FROM staff_failures"), ==,
                   3);
}

static void
test_leaving_staff_ends_visit (Fixture *f, gconstpointer data)
{
  EscaleCodeLock *lock = escale_kiosk_get_staff_lock (f->k.kiosk);

  g_assert_true (escale_code_lock_set_code (lock, "482913", NULL));

  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.start", NULL);
  g_assert_cmpstr (page (f), ==, "home");
  open_staff_with_keys (f);
  escale_staff_page_type (staff (f), "482913");
  validate_code (f);
  g_assert_cmpstr (escale_staff_page_get_view (staff (f)), ==, "menu");

  gtk_widget_activate_action (GTK_WIDGET (staff (f)), "staff.leave", NULL);
  g_assert_cmpstr (page (f), ==, "welcome");
  g_assert_cmpint (escale_session_get_state (escale_kiosk_get_session (f->k.kiosk)), ==,
                   ESCALE_SESSION_IDLE);
  g_assert_cmpint (escale_test_kiosk_db_count (
                     &f->k, "SELECT count (*) FROM sessions WHERE end_reason = 'staff'"),
                   ==, 1);
}

/* Staff walk away from the open space; the visit times out. Nothing of the
 * staff space (its code, its 5-minute timer) may act on the next visit. */
static void
test_staff_space_closed_by_timeout (Fixture *f, gconstpointer data)
{
  EscaleCodeLock *lock = escale_kiosk_get_staff_lock (f->k.kiosk);

  g_assert_true (escale_code_lock_set_code (lock, "482913", NULL));

  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.start", NULL);
  open_staff_with_keys (f);
  escale_staff_page_type (staff (f), "482913");
  validate_code (f);
  g_assert_true (escale_staff_page_is_unlocked (staff (f)));

  escale_test_kiosk_advance (&f->k, 180 + 60);
  g_assert_cmpstr (page (f), ==, "welcome");
  g_assert_false (escale_staff_page_is_unlocked (staff (f)));
}

static void
test_end_questions_recorded (Fixture *f, gconstpointer data)
{
  GtkWidget *feedback = escale_window_get_feedback_page (f->k.window);

  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.start", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.leave", NULL);
  g_assert_cmpstr (page (f), ==, "feedback");
  g_assert_cmpstr (escale_feedback_page_get_step (ESCALE_FEEDBACK_PAGE (feedback)), ==,
                   "satisfaction");
  gtk_widget_activate_action (feedback, "feedback.satisfaction", "i", ESCALE_SATISFACTION_PARTLY);
  g_assert_cmpstr (escale_feedback_page_get_step (ESCALE_FEEDBACK_PAGE (feedback)), ==, "age");
  gtk_widget_activate_action (feedback, "feedback.age", "i", ESCALE_AGE_70_PLUS);
  g_assert_cmpstr (page (f), ==, "welcome");
  g_assert_cmpint (escale_test_kiosk_db_count (
                     &f->k, "SELECT count (*) FROM sessions WHERE satisfaction = 'en-partie'"
                            " AND age_bracket = '70+' AND end_reason = 'finished'"),
                   ==, 1);

  /* The next visit that skips has no answers: nothing carried over. */
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.start", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.leave", NULL);
  gtk_widget_activate_action (feedback, "feedback.skip", NULL);
  g_assert_cmpstr (page (f), ==, "welcome");
  g_assert_cmpint (
    escale_test_kiosk_db_count (&f->k, "SELECT count (*) FROM sessions WHERE satisfaction IS NULL"
                                       " AND age_bracket IS NULL"),
    ==, 1);
}

/* "J'ai fini" by mistake: "Je n'ai pas fini" goes back to the activity,
 * still open, and the visit goes on. A person who said "J'ai fini" and
 * walked away is wiped within a minute, not after the inactivity delay
 * and its countdown. */
static void
test_not_finished_and_walked_away (Fixture *f, gconstpointer data)
{
  GtkWidget *feedback = escale_window_get_feedback_page (f->k.window);
  GtkWidget *home = escale_window_get_home_page (f->k.window);
  GtkWidget *activity;

  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.start", NULL);
  g_signal_emit_by_name (escale_home_page_get_button (ESCALE_HOME_PAGE (home), "infos"),
                         "clicked");
  activity = escale_window_get_activity_page (f->k.window);
  g_assert_nonnull (activity);
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.leave", NULL);
  g_assert_cmpstr (page (f), ==, "feedback");
  gtk_widget_activate_action (feedback, "feedback.resume", NULL);
  g_assert_cmpstr (page (f), ==, "activity");
  g_assert_true (escale_window_get_activity_page (f->k.window) == activity);
  /* Back in the activity, the ordinary inactivity delay again. */
  escale_test_kiosk_advance (&f->k, ESCALE_SESSION_LEAVING_DELAY + 5);
  g_assert_cmpstr (page (f), ==, "activity");
  g_assert_cmpint (escale_test_kiosk_db_count (&f->k, "SELECT count (*) FROM sessions"), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.leave", NULL);
  escale_test_kiosk_advance (&f->k, ESCALE_SESSION_LEAVING_DELAY - 1);
  g_assert_cmpstr (page (f), ==, "feedback");
  escale_test_kiosk_advance (&f->k, 2);
  g_assert_true (g_str_equal (page (f), "goodbye") || g_str_equal (page (f), "welcome"));
  g_assert_cmpint (escale_test_kiosk_db_count (
                     &f->k, "SELECT count (*) FROM sessions WHERE end_reason = 'finished'"
                            " AND satisfaction IS NULL"),
                   ==, 1);
  /* It lasted to the last touch ("J'ai fini", 65 s in), not the minute
   * the questions waited after it. */
  g_assert_cmpint (escale_test_kiosk_db_count (&f->k, "SELECT duration_min FROM sessions"), ==, 1);
}

static void
test_end_questions_switched_off (void)
{
  g_autofree char *demo = escale_test_demo_config ();
  g_autofree char *dir = g_dir_make_tmp ("escale-cfg-XXXXXX", NULL);
  g_autofree char *ini = g_build_filename (dir, "escale.ini", NULL);
  g_autofree char *acts = g_build_filename (dir, "activities", NULL);
  g_autofree char *demo_acts = g_build_filename (demo, "activities", NULL);
  g_autofree char *activity = NULL;
  g_autofree char *src = g_build_filename (demo_acts, "50-infos.ini", NULL);
  g_autofree char *dst = NULL;
  Fixture f = { 0 };

  g_assert_true (g_file_set_contents (ini,
                                      "[Centre]\nname=Test\n[Session]\n"
                                      "end-questions=false\n",
                                      -1, NULL));
  g_assert_cmpint (g_mkdir (acts, 0700), ==, 0);
  g_assert_true (g_file_get_contents (src, &activity, NULL, NULL));
  dst = g_build_filename (acts, "50-infos.ini", NULL);
  g_assert_true (g_file_set_contents (dst, activity, -1, NULL));

  setup (&f, dir);
  gtk_widget_activate_action (GTK_WIDGET (f.k.window), "win.start", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f.k.window), "win.leave", NULL);
  g_assert_cmpstr (page (&f), ==, "welcome");
  g_assert_cmpint (escale_test_kiosk_db_count (&f.k, "SELECT count (*) FROM sessions"), ==, 1);
  teardown (&f, NULL);
  escale_remove_tree (dir, NULL);
}

/* After a visit is written, visits older than the retention period (13
 * months in the demo config) become monthly totals. */
static void
test_visit_end_applies_retention (Fixture *f, gconstpointer data)
{
  g_autoptr(GDateTime) old_start = g_date_time_new_local (2020, 3, 2, 10, 0, 0);
  g_autoptr(EscaleSessionRecord)
               old = escale_session_record_new (old_start, 1200, ESCALE_END_FINISHED, 0);

  g_assert_true (escale_stats_store_add_session (f->k.store, old, NULL));
  g_assert_cmpint (
    escale_test_kiosk_db_count (&f->k, "SELECT count (*) FROM sessions WHERE day < '2021-01-01'"),
    ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.start", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.finish", NULL);
  g_assert_cmpint (
    escale_test_kiosk_db_count (&f->k, "SELECT count (*) FROM sessions WHERE day < '2021-01-01'"),
    ==, 0);
  g_assert_cmpint (escale_test_kiosk_db_count (
                     &f->k, "SELECT sessions FROM monthly_totals WHERE month = '2020-03'"),
                   ==, 1);
  g_assert_cmpint (escale_test_kiosk_db_count (&f->k, "SELECT count (*) FROM sessions"), ==, 1);
}

static gboolean
dashboard_loaded (gpointer data)
{
  return !escale_dashboard_is_loading (data);
}

/* Whether a tile of @widget's says @text (shown or not: tiles are made
 * for what is shown). */
static gboolean
has_label (GtkWidget *widget, const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (has_label (c, text))
      return TRUE;
  return FALSE;
}

static GtkWidget *
find_button (GtkWidget *widget, const char *text)
{
  if (GTK_IS_BUTTON (widget) && GTK_IS_LABEL (gtk_button_get_child (GTK_BUTTON (widget))) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (widget)))),
                 text) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* An export with no USB stick: staff are asked for one (never shown a
 * folder of the kiosk they cannot reach), and the file is written on the
 * stick as soon as one is there. The stick is a folder under
 * /media/USER (as udisks mounts them) announced by the volume monitor. */
static void
test_export_waits_for_stick (Fixture *f, gconstpointer data)
{
  EscaleDashboard *dashboard = ESCALE_DASHBOARD (escale_staff_page_get_dashboard (staff (f)));
  g_autoptr(GDateTime) now = escale_clock_get_now_local (f->k.clock);
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *media = g_build_filename ("/media", g_get_user_name (), NULL);
  g_autofree char *stick = NULL;
  g_autofree char *name = g_strdup_printf ("escale-rapport-%s-au-%s.pdf", today, today);
  g_autofree char *saved = g_strdup_printf ("Fichier enregistré sur la clé USB : %s", name);
  g_autofree char *file = NULL;
  g_autoptr(GVolumeMonitor) volumes = g_volume_monitor_get ();
  gboolean made_media;

  if (getuid () != 0)
    {
      g_test_skip ("a stick folder under /media needs root (CI runs the tests as root)");
      return;
    }
  made_media = !g_file_test (media, G_FILE_TEST_IS_DIR);
  {
    g_autoptr(GDir) plugged = g_dir_open (media, 0, NULL);

    if (plugged != NULL && g_dir_read_name (plugged) != NULL)
      {
        g_test_skip ("a USB stick is plugged into this machine");
        return;
      }
  }
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.start", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.finish", NULL);
  g_assert_true (escale_dashboard_show_range (dashboard, today, today));
  escale_test_wait_until (dashboard_loaded, dashboard, 20000);
  g_signal_emit_by_name (find_button (GTK_WIDGET (dashboard), "Rapport PDF"), "clicked");
  g_assert_true (has_label (GTK_WIDGET (dashboard), "Branchez une clé USB : le fichier y sera "
                                                    "enregistré dès qu'elle sera là."));

  stick = g_strdup_printf ("%s/ESCALE-TEST-%d", media, (int) getpid ());
  g_assert_cmpint (g_mkdir_with_parents (stick, 0700), ==, 0);
  g_signal_emit_by_name (volumes, "mount-added", NULL);
  file = g_build_filename (stick, name, NULL);
  g_assert_true (g_file_test (file, G_FILE_TEST_IS_REGULAR));
  g_assert_true (has_label (GTK_WIDGET (dashboard), saved));
  g_assert_true (escale_remove_tree (stick, NULL));
  if (made_media)
    g_rmdir (media);
}

static void
test_dashboard_export (Fixture *f, gconstpointer data)
{
  EscaleDashboard *dashboard = ESCALE_DASHBOARD (escale_staff_page_get_dashboard (staff (f)));
  g_autoptr(GDateTime) now = escale_clock_get_now_local (f->k.clock);
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *out = g_build_filename (f->k.dir, "usb", NULL);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;

  for (int i = 0; i < 3; i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.start", NULL);
      gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.finish", NULL);
    }

  g_assert_true (escale_dashboard_show_range (dashboard, today, today));
  /* The figures are read in a worker thread; then they show. */
  g_assert_true (escale_dashboard_is_loading (dashboard));
  escale_test_wait_until (dashboard_loaded, dashboard, 20000);
  g_assert_cmpuint (escale_stats_report_get_sessions (escale_dashboard_get_report (dashboard)), ==,
                    3);
  /* Three visits that opened nothing: the visits' tile, none of the 72
   * counters "Mes démarches" declares (each at 0). */
  g_assert_true (has_label (GTK_WIDGET (dashboard), "Visites"));
  g_assert_false (has_label (GTK_WIDGET (dashboard), "Démarches ouvertes — Social, santé"));
  path = escale_dashboard_export (dashboard, TRUE, out, NULL);
  g_assert_nonnull (path);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\r\n", -1);
  /* The header and the three visits the store holds: nothing more. */
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_false (escale_dashboard_show_range (dashboard, "2026-02-30", today));
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/escale/staff/fresh-install-forces-pin", test_fresh_install_forces_pin);
  ADD ("/escale/staff/long-press-opens-staff", test_long_press_opens_staff);
  ADD ("/escale/staff/wrong-codes-wait", test_wrong_codes_wait);
  ADD ("/escale/staff/leaving-staff-ends-visit", test_leaving_staff_ends_visit);
  ADD ("/escale/staff/staff-space-closed-by-timeout", test_staff_space_closed_by_timeout);
  ADD ("/escale/staff/end-questions-recorded", test_end_questions_recorded);
  ADD ("/escale/staff/not-finished-and-walked-away", test_not_finished_and_walked_away);
  g_test_add_func ("/escale/staff/end-questions-switched-off", test_end_questions_switched_off);
  ADD ("/escale/staff/visit-end-applies-retention", test_visit_end_applies_retention);
  ADD ("/escale/staff/dashboard-export", test_dashboard_export);
  ADD ("/escale/staff/export-waits-for-stick", test_export_waits_for_stick);
#undef ADD
  return g_test_run ();
}
