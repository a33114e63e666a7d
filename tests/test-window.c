/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>

#include "escale-activities.h"
#include "escale-activity-page.h"
#include "escale-home-page.h"
#include "escale-welcome-page.h"
#include "escale-test-util.h"

typedef struct
{
  EscaleTestKiosk k;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  g_autofree char *demo = escale_test_demo_config ();

  escale_test_kiosk_init (&f->k, demo, GPOINTER_TO_INT (data));
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

static EscaleSessionState
state (Fixture *f)
{
  return escale_session_get_state (escale_kiosk_get_session (f->k.kiosk));
}

static void
start_visit (Fixture *f)
{
  g_assert_cmpstr (page (f), ==, "welcome");
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.start", NULL);
  g_assert_cmpstr (page (f), ==, "home");
}

static void
open_activity (Fixture *f, const char *id)
{
  GtkWidget *home = escale_window_get_home_page (f->k.window);
  GtkWidget *button = escale_home_page_get_button (ESCALE_HOME_PAGE (home), id);

  g_assert_nonnull (button);
  /* As a touch would: the button is clicked and runs its action. */
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (page (f), ==, "activity");
}

static void
test_welcome_then_home (Fixture *f, gconstpointer data)
{
  GtkWidget *home = escale_window_get_home_page (f->k.window);
  const char *ids[] = { "visio", "photos", "culture", "demarches", "infos" };

  g_assert_cmpint (state (f), ==, ESCALE_SESSION_IDLE);
  start_visit (f);
  g_assert_cmpint (state (f), ==, ESCALE_SESSION_ACTIVE);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      GtkWidget *button = escale_home_page_get_button (ESCALE_HOME_PAGE (home), ids[i]);

      g_assert_nonnull (button);
      g_assert_true (gtk_widget_get_visible (button));
    }
}

static void
test_button_opens_page (Fixture *f, gconstpointer data)
{
  EscaleActivityPage *activity_page;

  start_visit (f);
  open_activity (f, "infos");
  activity_page = ESCALE_ACTIVITY_PAGE (escale_window_get_activity_page (f->k.window));
  g_assert_cmpstr (escale_activity_get_id (escale_activity_page_get_activity (activity_page)), ==,
                   "infos");

  /* Accueil goes back to the big buttons and closes the activity. */
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.home", NULL);
  g_assert_cmpstr (page (f), ==, "home");
  g_assert_null (escale_window_get_activity_page (f->k.window));
}

static void
test_finish_returns_to_welcome (Fixture *f, gconstpointer data)
{
  start_visit (f);
  open_activity (f, "culture");
  escale_test_kiosk_advance (&f->k, 120);
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.text-larger", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.text-larger", NULL);
  g_assert_cmpuint (escale_window_get_text_scale (f->k.window), ==, 2);

  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.finish", NULL);

  /* Wiped, recorded, and the next person starts clean. */
  g_assert_cmpstr (page (f), ==, "welcome");
  g_assert_cmpint (state (f), ==, ESCALE_SESSION_IDLE);
  g_assert_null (escale_window_get_activity_page (f->k.window));
  g_assert_cmpuint (escale_window_get_text_scale (f->k.window), ==, 0);
  g_assert_cmpint (escale_test_kiosk_db_count (
                     &f->k, "SELECT count(*) FROM sessions WHERE end_reason = 'finished'"),
                   ==, 1);
  g_assert_cmpint (escale_test_kiosk_db_count (&f->k, "SELECT minutes FROM session_activities "
                                                      "WHERE activity_id = 'culture'"),
                   ==, 2);
}

static void
test_goodbye_shows_before_welcome (Fixture *f, gconstpointer data)
{
  escale_kiosk_set_goodbye_delay_ms (f->k.kiosk, 300);
  start_visit (f);
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.finish", NULL);
  g_assert_cmpstr (page (f), ==, "goodbye");
  /* Touches during the goodbye do not start a visit. */
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.start", NULL);
  g_assert_cmpstr (page (f), ==, "goodbye");
  escale_test_spin (600);
  g_assert_cmpstr (page (f), ==, "welcome");
}

static gboolean
countdown_visible (Fixture *f)
{
  GtkWidget *overlay_child = NULL;

  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (f->k.window)); w != NULL;
       w = gtk_widget_get_first_child (w))
    if (GTK_IS_OVERLAY (w))
      {
        overlay_child = gtk_widget_get_last_child (w);
        break;
      }
  g_assert_nonnull (overlay_child);
  g_assert_cmpstr (G_OBJECT_TYPE_NAME (overlay_child), ==, "EscaleCountdown");
  return gtk_widget_get_visible (overlay_child);
}

static void
test_countdown_then_timeout (Fixture *f, gconstpointer data)
{
  start_visit (f);
  open_activity (f, "infos");
  escale_test_kiosk_advance (&f->k, 179);
  g_assert_false (countdown_visible (f));
  escale_test_kiosk_advance (&f->k, 1);
  g_assert_true (countdown_visible (f));

  /* "Je suis encore là" keeps the visit where it was. */
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.still-here", NULL);
  g_assert_false (countdown_visible (f));
  g_assert_cmpstr (page (f), ==, "activity");

  escale_test_kiosk_advance (&f->k, 180 + 59);
  g_assert_true (countdown_visible (f));
  g_assert_cmpstr (page (f), ==, "activity");
  escale_test_kiosk_advance (&f->k, 1);
  g_assert_false (countdown_visible (f));
  g_assert_cmpstr (page (f), ==, "welcome");
  g_assert_cmpint (escale_test_kiosk_db_count (
                     &f->k, "SELECT count(*) FROM sessions WHERE end_reason = 'timeout'"),
                   ==, 1);
}

static gboolean
activity_shown (gpointer data)
{
  return g_strcmp0 (page (data), "activity") == 0;
}

/* A screen reader or a switch presses a button through AT-SPI's "click"
 * action: no touch, no key. That is the person at work all the same, and
 * keeps the countdown away. */
static void
test_click_without_touch_is_input (Fixture *f, gconstpointer data)
{
  GtkWidget *home = escale_window_get_home_page (f->k.window);

  start_visit (f);
  escale_test_kiosk_advance (&f->k, 170);
  /* What GTK's AT-SPI "click" does: the button is activated. */
  gtk_widget_activate (escale_home_page_get_button (ESCALE_HOME_PAGE (home), "infos"));
  escale_test_wait_until (activity_shown, f, 5000);
  escale_test_kiosk_advance (&f->k, 170);
  g_assert_false (countdown_visible (f));
  g_assert_cmpint (state (f), ==, ESCALE_SESSION_ACTIVE);
}

/* A tile pressed during the goodbye (hidden, but a screen reader's
 * "click" reaches it) opens nothing: the page would outlive the wipe. */
static void
test_no_activity_during_goodbye (Fixture *f, gconstpointer data)
{
  GtkWidget *home = escale_window_get_home_page (f->k.window);

  escale_kiosk_set_goodbye_delay_ms (f->k.kiosk, 300);
  start_visit (f);
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.finish", NULL);
  g_assert_cmpstr (page (f), ==, "goodbye");
  /* Its "clicked" (an AT-SPI click activates the button, which clicks a
   * moment later: that moment may fall after the goodbye, a new visit). */
  g_signal_emit_by_name (escale_home_page_get_button (ESCALE_HOME_PAGE (home), "visio"),
                         "clicked");
  g_assert_cmpstr (page (f), ==, "goodbye");
  g_assert_null (escale_window_get_activity_page (f->k.window));
  escale_test_spin (600);
  g_assert_cmpstr (page (f), ==, "welcome");
  start_visit (f);
  g_assert_null (escale_window_get_activity_page (f->k.window));
}

/* Staff reaching for Ctrl+Alt+S on the welcome screen start no visit: the
 * figures count people, not staff. */
static void
test_staff_keys_start_no_visit (Fixture *f, gconstpointer data)
{
  escale_test_spin (300);
  g_assert_true (escale_test_xdotool ("key ctrl+alt+s"));
  escale_test_spin (500);
  g_assert_cmpstr (page (f), ==, "staff");
  g_assert_cmpint (state (f), ==, ESCALE_SESSION_IDLE);
}

/* Staff reset the kiosk from the welcome screen (or left the staff space
 * there): the next person who touches the screen keeps their visit. */
static void
test_reset_at_rest_keeps_next_visit (Fixture *f, gconstpointer data)
{
  escale_kiosk_set_goodbye_delay_ms (f->k.kiosk, 300);
  g_assert_true (escale_kiosk_reset_now (f->k.kiosk));
  g_assert_cmpstr (page (f), ==, "welcome");
  start_visit (f);
  escale_test_spin (600);
  g_assert_cmpint (state (f), ==, ESCALE_SESSION_ACTIVE);
  g_assert_cmpstr (page (f), ==, "home");
}

static void
test_helper_call (Fixture *f, gconstpointer data)
{
  start_visit (f);
  g_assert_false (escale_window_get_helper_banner_visible (f->k.window));
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.call-helper", NULL);
  g_assert_true (escale_window_get_helper_banner_visible (f->k.window));
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.finish", NULL);
  g_assert_false (escale_window_get_helper_banner_visible (f->k.window));
  g_assert_cmpint (escale_test_kiosk_db_count (&f->k, "SELECT helper_calls FROM sessions"), ==, 1);
}

static void
test_help_and_back (Fixture *f, gconstpointer data)
{
  start_visit (f);
  open_activity (f, "photos");
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.help", NULL);
  g_assert_cmpstr (page (f), ==, "help");
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.back", NULL);
  g_assert_cmpstr (page (f), ==, "activity");
}

static void
test_kiosk_key_filter (Fixture *f, gconstpointer data)
{
  struct
  {
    guint key;
    GdkModifierType mods;
    gboolean swallowed;
  } cases[] = {
    { GDK_KEY_F4, GDK_ALT_MASK, TRUE },
    { GDK_KEY_w, GDK_CONTROL_MASK, TRUE },
    { GDK_KEY_q, GDK_CONTROL_MASK, TRUE },
    { GDK_KEY_F11, 0, TRUE },
    { GDK_KEY_Escape, 0, TRUE },
    { GDK_KEY_I, GDK_CONTROL_MASK | GDK_SHIFT_MASK, TRUE },
    { GDK_KEY_D, GDK_CONTROL_MASK | GDK_SHIFT_MASK, TRUE },
    { GDK_KEY_Tab, GDK_ALT_MASK, TRUE },
    { GDK_KEY_a, 0, FALSE },
    { GDK_KEY_eacute, 0, FALSE },
    { GDK_KEY_c, GDK_CONTROL_MASK, FALSE },
    { GDK_KEY_Return, 0, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gboolean swallowed = escale_window_filter_key (f->k.window, cases[i].key, cases[i].mods);

      if (swallowed != cases[i].swallowed)
        g_error ("key %s with mods %x: expected %s", gdk_keyval_name (cases[i].key), cases[i].mods,
                 cases[i].swallowed ? "swallowed" : "passed");
    }
}

static void
test_inspector_blocked (Fixture *f, gconstpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint before;

  escale_test_spin (500);
  before = g_list_model_get_n_items (toplevels);

  /* Real key presses through the X server, as a person would type them. */
  g_assert_true (escale_test_xdotool ("key --clearmodifiers ctrl+shift+i ctrl+shift+d alt+F4 "
                                      "ctrl+w ctrl+q"));
  escale_test_spin (1000);

  /* No inspector window appeared and the kiosk window is still there. */
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, before);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->k.window)));
  /* The key presses counted as presence: the visit started. */
  g_assert_cmpint (state (f), ==, ESCALE_SESSION_ACTIVE);
}

static void
test_typed_text_not_stored (Fixture *f, gconstpointer data)
{
  g_autofree char *db = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *wal_path = g_strconcat (f->k.stats_path, "-wal", NULL);
  gsize len = 0, wal_len = 0;

  escale_test_spin (300);
  start_visit (f);
  open_activity (f, "infos");
  g_assert_true (escale_test_xdotool ("type Dupont1942"));
  escale_test_spin (300);
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.finish", NULL);
  g_assert_cmpint (escale_test_kiosk_db_count (&f->k, "SELECT count(*) FROM sessions"), ==, 1);

  g_assert_true (g_file_get_contents (f->k.stats_path, &db, &len, NULL));
  g_file_get_contents (wal_path, &wal, &wal_len, NULL);
  g_assert_null (g_strstr_len (db, len, "Dupont"));
  g_assert_null (wal ? g_strstr_len (wal, wal_len, "Dupont") : NULL);
  g_assert_null (g_strstr_len (db, len, "1942"));
}

static void
test_leftovers_wiped_at_start (void)
{
  g_autofree char *demo = escale_test_demo_config ();
  g_autofree char *dir = g_dir_make_tmp ("escale-crash-XXXXXX", NULL);
  g_autofree char *runtime = g_build_filename (dir, "runtime", NULL);
  g_autofree char *left = g_build_filename (runtime, "session-AbC123", NULL);
  g_autofree char *left_file = g_build_filename (left, "photo-de-mamie.jpg", NULL);
  g_autofree char *stats = g_build_filename (dir, "stats.db", NULL);
  g_autoptr(EscaleConfig) config = escale_config_load (demo, escale_activities_get_kinds ());
  g_autoptr(EscaleStatsStore) store = escale_stats_store_new (stats);
  g_autoptr(EscaleScratch) scratch = escale_scratch_new (runtime);
  g_autoptr(EscaleKiosk) kiosk = NULL;

  /* What a power cut during a visit leaves behind. */
  g_assert_cmpint (g_mkdir_with_parents (left, 0700), ==, 0);
  g_assert_true (g_file_set_contents (left_file, "jpeg", -1, NULL));

  kiosk = escale_kiosk_new (config, NULL, store, scratch);
  g_test_expect_message ("escale-scratch", G_LOG_LEVEL_MESSAGE, "*left by an earlier run*");
  escale_kiosk_start (kiosk);
  g_test_assert_expected_messages ();
  g_assert_false (g_file_test (left, G_FILE_TEST_EXISTS));
  g_assert_false (escale_kiosk_get_out_of_order (kiosk));
  escale_remove_tree (dir, NULL);
}

static gboolean
wipe_fails (gpointer user_data, GError **error)
{
  guint *calls = user_data;

  (*calls)++;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY, "the USB stick is still busy");
  return FALSE;
}

static gboolean
is_unavailable (gpointer data)
{
  return g_strcmp0 (page (data), "unavailable") == 0;
}

/* A wiper that keeps failing: the next person is never greeted over what
 * may remain; the kiosk goes out of order and says so calmly. */
static void
test_failed_wipe_never_shows_welcome (Fixture *f, gconstpointer data)
{
  guint calls = 0;

  /* The visit's record is written first (opening the store logs its
   * migration); then each failed run logs the wiper, its retry, the kiosk. */
  g_assert_true (escale_stats_store_open (f->k.store, NULL));
  for (int attempt = 1; attempt <= 3; attempt++)
    {
      g_autofree char *kiosk_message = g_strdup_printf ("Reset attempt %d failed*", attempt);

      g_test_expect_message ("escale-reset", G_LOG_LEVEL_WARNING, "*always-failing*trying again*");
      g_test_expect_message ("escale-reset", G_LOG_LEVEL_WARNING, "*always-failing*failed twice*");
      g_test_expect_message ("escale-kiosk", G_LOG_LEVEL_WARNING, kiosk_message);
    }
  escale_reset_register (escale_kiosk_get_reset (f->k.kiosk), "always-failing", wipe_fails, &calls,
                         NULL);
  start_visit (f);
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.finish", NULL);
  g_assert_cmpstr (page (f), ==, "goodbye");
  g_assert_cmpint (state (f), ==, ESCALE_SESSION_ENDING);
  /* Retried every second; after three failed runs: out of order. */
  escale_test_wait_until (is_unavailable, f, 10000);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (calls, ==, 6);
  g_assert_cmpint (state (f), ==, ESCALE_SESSION_ENDING);
  /* Staff read why on the warnings screen, in French. */
  {
    g_auto (GStrv) lines = escale_notices_format (escale_kiosk_get_notices (f->k.kiosk));

    g_assert_cmpuint (g_strv_length (lines), ==, 1);
    g_assert_nonnull (strstr (lines[0], "l'effacement de la dernière visite a échoué (3 essais)"));
  }
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.start", NULL);
  g_assert_cmpstr (page (f), ==, "unavailable");
  escale_reset_unregister (escale_kiosk_get_reset (f->k.kiosk), "always-failing");
}

static void
test_keyboard_only_visit (Fixture *f, gconstpointer data)
{
  EscaleActivityPage *activity_page;

  escale_test_spin (300);
  /* Enter on the welcome screen, Enter on the first big button. */
  g_assert_true (escale_test_xdotool ("key Return"));
  escale_test_spin (500);
  g_assert_cmpstr (page (f), ==, "home");
  g_assert_true (escale_test_xdotool ("key Return"));
  escale_test_spin (800);
  g_assert_cmpstr (page (f), ==, "activity");
  activity_page = ESCALE_ACTIVITY_PAGE (escale_window_get_activity_page (f->k.window));
  g_assert_cmpstr (escale_activity_get_id (escale_activity_page_get_activity (activity_page)), ==,
                   "visio");
}

static void
test_config_problems_shown_to_staff (void)
{
  g_autofree char *dir = g_dir_make_tmp ("escale-badcfg-XXXXXX", NULL);
  g_autofree char *ini = g_build_filename (dir, "escale.ini", NULL);
  g_autofree char *acts = g_build_filename (dir, "activities", NULL);
  g_autofree char *act = g_build_filename (acts, "a.ini", NULL);
  EscaleTestKiosk k = { 0 };
  const char *note;

  g_assert_true (
    g_file_set_contents (ini, "[Centre]\nname=Test\nthis is not a setting\n", -1, NULL));
  g_mkdir (acts, 0700);
  g_assert_true (
    g_file_set_contents (act, "[Activity]\nid=a\ntitle=A\nicon=info\nkind=info\n", -1, NULL));
  /* The application says it in the log too, when it starts. */
  g_test_expect_message ("escale-app", G_LOG_LEVEL_WARNING, "Configuration: *escale.ini:3*");
  escale_test_kiosk_init (&k, dir, FALSE);
  g_test_assert_expected_messages ();
  /* The kiosk still starts with what is valid... */
  g_assert_cmpstr (escale_window_get_page_name (k.window), ==, "welcome");
  /* ...and says, for staff, what is wrong and where. */
  note = escale_welcome_page_get_staff_note (
    ESCALE_WELCOME_PAGE (escale_window_get_welcome_page (k.window)));
  g_assert_nonnull (note);
  g_assert_nonnull (strstr (note, "escale.ini:3"));
  escale_test_kiosk_clear (&k);
  escale_remove_tree (dir, NULL);
}

static void
test_unavailable_without_activities (void)
{
  g_autofree char *dir = g_dir_make_tmp ("escale-empty-XXXXXX", NULL);
  g_autofree char *ini = g_build_filename (dir, "escale.ini", NULL);
  g_autofree char *acts = g_build_filename (dir, "activities", NULL);
  EscaleTestKiosk k = { 0 };

  g_assert_true (g_file_set_contents (ini, "[Centre]\nname=Vide\n", -1, NULL));
  g_mkdir (acts, 0700);
  g_test_expect_message ("escale-app", G_LOG_LEVEL_WARNING, "Configuration: activities: *");
  escale_test_kiosk_init (&k, dir, FALSE);
  g_test_assert_expected_messages ();
  g_assert_cmpstr (escale_window_get_page_name (k.window), ==, "unavailable");
  gtk_widget_activate_action (GTK_WIDGET (k.window), "win.start", NULL);
  g_assert_cmpstr (escale_window_get_page_name (k.window), ==, "unavailable");
  escale_test_kiosk_clear (&k);
  escale_remove_tree (dir, NULL);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, locked, func)                                                                   \
  g_test_add (path, Fixture, GINT_TO_POINTER (locked), setup, func, teardown)
  ADD ("/escale/window/welcome-then-home", FALSE, test_welcome_then_home);
  ADD ("/escale/window/button-opens-page", FALSE, test_button_opens_page);
  ADD ("/escale/window/finish-returns-to-welcome", FALSE, test_finish_returns_to_welcome);
  ADD ("/escale/window/goodbye-shows-before-welcome", FALSE, test_goodbye_shows_before_welcome);
  ADD ("/escale/window/countdown-then-timeout", FALSE, test_countdown_then_timeout);
  ADD ("/escale/window/click-without-touch-is-input", FALSE, test_click_without_touch_is_input);
  ADD ("/escale/window/no-activity-during-goodbye", FALSE, test_no_activity_during_goodbye);
  ADD ("/escale/window/staff-keys-start-no-visit", FALSE, test_staff_keys_start_no_visit);
  ADD ("/escale/window/reset-at-rest-keeps-next-visit", FALSE,
       test_reset_at_rest_keeps_next_visit);
  ADD ("/escale/window/helper-call", FALSE, test_helper_call);
  ADD ("/escale/window/help-and-back", FALSE, test_help_and_back);
  ADD ("/escale/window/kiosk-key-filter", TRUE, test_kiosk_key_filter);
  ADD ("/escale/window/inspector-blocked", TRUE, test_inspector_blocked);
  ADD ("/escale/window/typed-text-not-stored", FALSE, test_typed_text_not_stored);
  ADD ("/escale/window/keyboard-only-visit", FALSE, test_keyboard_only_visit);
  ADD ("/escale/window/failed-wipe-never-shows-welcome", FALSE,
       test_failed_wipe_never_shows_welcome);
#undef ADD
  g_test_add_func ("/escale/window/leftovers-wiped-at-start", test_leftovers_wiped_at_start);
  g_test_add_func ("/escale/window/config-problems-shown-to-staff",
                   test_config_problems_shown_to_staff);
  g_test_add_func ("/escale/window/unavailable-without-activities",
                   test_unavailable_without_activities);

  return g_test_run ();
}
