/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "call-lab.h"
#include "escale-activity-page.h"
#include "escale-call-view.h"
#include "escale-home-page.h"
#include "escale-stats-report.h"
#include "escale-welcome-page.h"
#include "escale-welcome-page.h"
#include "escale-test-util.h"

/* The call screen in a whole kiosk, against a real Janus in the test's
 * private network: a code for the family, a call that holds the countdown,
 * a reset that hangs up, and calm messages for a wrong code and a server
 * that stops. */

typedef struct
{
  char *tmp_dir;
  EscaleTestKiosk k;
  EscaleCall *family;
} Fixture;

static void
write_call_config (const char *config_dir)
{
  g_autofree char *path = g_build_filename (config_dir, "activities", "10-visio.ini", NULL);
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  g_key_file_load_from_file (key_file, path, G_KEY_FILE_KEEP_COMMENTS, &error);
  g_assert_no_error (error);
  g_key_file_set_string (key_file, "Call", "server", CALL_LAB_JANUS_URL);
  g_key_file_set_string (key_file, "Call", "family-page", "https://visio.example.org/famille/");
  g_key_file_set_string (key_file, "Call", "test-pattern", "true");
  g_key_file_set_string (key_file, "Call", "local-address", CALL_LAB_ADDRESS);
  g_key_file_save_to_file (key_file, path, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *demo = escale_test_demo_config ();
  g_autofree char *config_dir = NULL;
  g_autofree char *command = NULL;
  EscaleCallMedia media = { .test_pattern = TRUE, .local_address = (char *) CALL_LAB_ADDRESS };

  f->tmp_dir = g_dir_make_tmp ("escale-call-view-XXXXXX", &error);
  g_assert_no_error (error);
  config_dir = g_build_filename (f->tmp_dir, "config", NULL);
  command = g_strdup_printf ("cp -r '%s' '%s'", demo, config_dir);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
  write_call_config (config_dir);
  call_lab_start_janus (f->tmp_dir);
  escale_test_kiosk_init (&f->k, config_dir, FALSE);
  f->family = escale_call_new (CALL_LAB_JANUS_URL, &media);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->family);
  escale_test_kiosk_clear (&f->k);
  g_assert_cmpuint (escale_call_peer_count_live_pipelines (), ==, 0);
  call_lab_stop_janus ();
  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", f->tmp_dir);

    g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
  }
  g_free (f->tmp_dir);
}

static EscaleCallView *
open_call (Fixture *f)
{
  GtkWidget *home;
  GtkWidget *button;
  GtkWidget *page;

  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.start", NULL);
  home = escale_window_get_home_page (f->k.window);
  button = escale_home_page_get_button (ESCALE_HOME_PAGE (home), "visio");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  page = escale_window_get_activity_page (f->k.window);
  g_assert_nonnull (page);
  return ESCALE_CALL_VIEW (escale_activity_page_get_content (ESCALE_ACTIVITY_PAGE (page)));
}

static gboolean
view_shows_code (gpointer data)
{
  return g_strcmp0 (escale_call_view_get_screen (data), "code") == 0;
}

static gboolean
view_shows_call (gpointer data)
{
  return g_strcmp0 (escale_call_view_get_screen (data), "call") == 0 &&
         escale_call_get_n_remote_frames (escale_call_view_get_call (data)) >= 10;
}

static gboolean
view_shows_message (gpointer data)
{
  return g_strcmp0 (escale_call_view_get_screen (data), "message") == 0;
}

static gboolean
family_told (gpointer data)
{
  return escale_call_get_state (data) == ESCALE_CALL_STATE_ENDED;
}

static gboolean
session_held (Fixture *f)
{
  return escale_session_is_held (escale_kiosk_get_session (f->k.kiosk));
}

static void
test_code_call_and_reset (Fixture *f, gconstpointer data)
{
  EscaleCallView *view = open_call (f);
  const char *code;

  /* The preview first, with the reassurance. */
  g_assert_cmpstr (escale_call_view_get_screen (view), ==, "start");
  g_assert_nonnull (strstr (escale_call_view_get_guide (view), "Vous vous voyez"));
  g_assert_false (session_held (f));

  gtk_widget_activate_action (GTK_WIDGET (view), "call.create", NULL);
  call_lab_wait_for (view_shows_code, view, "the code screen");
  code = escale_call_get_code (escale_call_view_get_call (view));
  g_assert_true (escale_call_code_is_valid (code));
  g_assert_nonnull (strstr (escale_call_view_get_guide (view), "pas encore rejoint"));
  /* Waiting for the family does not hold the countdown: a person who walks
   * away while waiting is wiped like anyone else. */
  g_assert_false (session_held (f));

  /* The family joins with the code: the call screen shows them. */
  escale_call_join_room (f->family, code);
  call_lab_wait_for (view_shows_call, view, "the family on the call screen");
  g_assert_nonnull (strstr (escale_call_view_get_guide (view), "en communication"));
  g_assert_true (session_held (f));

  /* Twenty minutes of talk: the countdown never starts. */
  escale_test_kiosk_advance (&f->k, 20 * 60);
  g_assert_cmpint (escale_session_get_state (escale_kiosk_get_session (f->k.kiosk)), ==,
                   ESCALE_SESSION_ACTIVE);

  /* "J'ai fini" ends the visit: the reset hangs up, nothing is left. */
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.finish", NULL);
  g_assert_false (session_held (f));
  g_assert_null (escale_window_get_activity_page (f->k.window));
  /* The room is gone: the family is told, and no pipeline is left. */
  call_lab_wait_for (family_told, f->family, "the family told of the end");
  g_assert_cmpint (escale_call_get_problem (f->family), ==, ESCALE_CALL_PROBLEM_PEER_LEFT);
  g_assert_cmpuint (escale_call_peer_count_live_pipelines (), ==, 0);

  /* The visit's anonymous record counts the call: one started, one
   * connected, twenty minutes (the fake clock's day). */
  {
    g_autoptr(EscaleStatsReport)
                 report = escale_stats_report_new (f->k.store, "2026-03-10", "2026-03-10", NULL);

    g_assert_nonnull (report);
    g_assert_cmpuint (escale_stats_report_get_counter_value (report, "call", "started"), ==, 1);
    g_assert_cmpuint (escale_stats_report_get_counter_value (report, "call", "connected"), ==, 1);
    g_assert_cmpuint (escale_stats_report_get_counter_value (report, "call", "minutes"), ==, 20);
  }
}

static void
test_wrong_code_is_calm (Fixture *f, gconstpointer data)
{
  EscaleCallView *view = open_call (f);

  gtk_widget_activate_action (GTK_WIDGET (view), "call.pad", NULL);
  g_assert_cmpstr (escale_call_view_get_screen (view), ==, "pad");
  for (guint i = 0; i < 6; i++)
    gtk_widget_activate_action (GTK_WIDGET (view), "call.digit", "s", "9");
  gtk_widget_activate_action (GTK_WIDGET (view), "call.join", NULL);
  call_lab_wait_for (view_shows_message, view, "the wrong code message");
  g_assert_nonnull (strstr (escale_call_view_get_guide (view), "Vérifiez le code"));
  g_assert_false (session_held (f));

  /* One touch back to the pad, the kiosk still works. */
  gtk_widget_activate_action (GTK_WIDGET (view), "call.back", NULL);
  g_assert_cmpstr (escale_call_view_get_screen (view), ==, "pad");
}

static void
test_server_stops_is_calm (Fixture *f, gconstpointer data)
{
  EscaleCallView *view = open_call (f);

  gtk_widget_activate_action (GTK_WIDGET (view), "call.create", NULL);
  call_lab_wait_for (view_shows_code, view, "the code screen");
  call_lab_stop_janus ();
  call_lab_wait_for (view_shows_message, view, "the message about the lost call");
  g_assert_nonnull (strstr (escale_call_view_get_guide (view), "pas de votre faute"));
  g_assert_false (session_held (f));
  g_assert_cmpuint (escale_call_peer_count_live_pipelines (), ==, 0);
}

/* Someone makes a code and walks away before the family joins: the
 * countdown runs as usual, the visit is wiped, the camera stops. */
static void
test_walk_away_while_waiting (Fixture *f, gconstpointer data)
{
  EscaleCallView *view = open_call (f);

  gtk_widget_activate_action (GTK_WIDGET (view), "call.create", NULL);
  call_lab_wait_for (view_shows_code, view, "the code screen");
  escale_test_kiosk_advance (&f->k, 180 + 60);
  g_assert_cmpstr (escale_window_get_page_name (f->k.window), ==, "welcome");
  g_assert_null (escale_window_get_activity_page (f->k.window));
  g_assert_cmpuint (escale_call_peer_count_live_pipelines (), ==, 0);
}

/* No camera (as on this machine and CI, which have none): a calm message
 * for the person, a note for staff. Needs no call server. */
static void
test_no_camera_is_calm (void)
{
  g_autofree char *demo = escale_test_demo_config ();
  g_autofree char *dir = g_dir_make_tmp ("escale-no-camera-XXXXXX", NULL);
  g_autofree char *config_dir = g_build_filename (dir, "config", NULL);
  g_autofree char *command = g_strdup_printf ("cp -r '%s' '%s'", demo, config_dir);
  g_autofree char *ini = g_build_filename (config_dir, "activities", "10-visio.ini", NULL);
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  EscaleTestKiosk k = { 0 };
  EscaleCallView *view;
  const char *note;

  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
  g_assert_true (g_key_file_load_from_file (key_file, ini, G_KEY_FILE_KEEP_COMMENTS, NULL));
  g_key_file_set_string (key_file, "Call", "test-pattern", "false");
  g_assert_true (g_key_file_save_to_file (key_file, ini, NULL));
  escale_test_kiosk_init (&k, config_dir, FALSE);

  for (int visit = 0; visit < 2; visit++)
    {
      gtk_widget_activate_action (GTK_WIDGET (k.window), "win.start", NULL);
      g_signal_emit_by_name (escale_home_page_get_button (ESCALE_HOME_PAGE (
                                                            escale_window_get_home_page (
                                                              k.window)),
                                                          "visio"),
                             "clicked");
      view = ESCALE_CALL_VIEW (escale_activity_page_get_content (
        ESCALE_ACTIVITY_PAGE (escale_window_get_activity_page (k.window))));
      if (g_file_test ("/dev/video0", G_FILE_TEST_EXISTS))
        {
          /* A machine with a camera shows the person instead. */
          g_assert_cmpstr (escale_call_view_get_screen (view), ==, "start");
          break;
        }
      call_lab_wait_for (view_shows_message, view, "the no-camera message");
      g_assert_nonnull (strstr (escale_call_view_get_guide (view), "pas de votre faute"));
      gtk_widget_activate_action (GTK_WIDGET (k.window), "win.finish", NULL);
      note = escale_welcome_page_get_staff_note (
        ESCALE_WELCOME_PAGE (escale_window_get_welcome_page (k.window)));
      g_assert_nonnull (note);
      g_assert_nonnull (strstr (note, "caméra"));
      /* Seen again at the next visit: still one note, not two. */
      g_assert_cmpuint (escale_notices_get_all (escale_kiosk_get_notices (k.kiosk))->len, ==, 1);
    }
  escale_test_kiosk_clear (&k);
  escale_remove_tree (dir, NULL);
}

int
main (int argc, char **argv)
{
  call_lab_enter_network ();
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/escale/call-view/code-call-and-reset", Fixture, NULL, fixture_set_up,
              test_code_call_and_reset, fixture_tear_down);
  g_test_add ("/escale/call-view/wrong-code-is-calm", Fixture, NULL, fixture_set_up,
              test_wrong_code_is_calm, fixture_tear_down);
  g_test_add ("/escale/call-view/server-stops-is-calm", Fixture, NULL, fixture_set_up,
              test_server_stops_is_calm, fixture_tear_down);
  g_test_add ("/escale/call-view/walk-away-while-waiting", Fixture, NULL, fixture_set_up,
              test_walk_away_while_waiting, fixture_tear_down);
  g_test_add_func ("/escale/call-view/no-camera-is-calm", test_no_camera_is_calm);
  return g_test_run ();
}
