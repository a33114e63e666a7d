/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <signal.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "call-lab.h"
#include "escale-activity-page.h"
#include "escale-call-view.h"
#include "escale-home-page.h"
#include "escale-test-util.h"

/* A video call on loopback, in a private network with its own Janus, like
 * the tests (bench/run-call runs it; see bench/RESULTS.md):
 *
 * bench-call --lab COMMAND...: enters the private network, starts Janus,
 *   runs COMMAND there and stops Janus. bench/call_kiosk.py is the command:
 *   it starts the real `escale --kiosk` with the deployed units' environment,
 *   makes calls through its screens and measures the memory of its process
 *   tree.
 * bench-call --family: a family peer (same engine, another process) makes a
 *   room, prints its code, then every second the number of frames it has
 *   received from the kiosk ("frames N"), until killed.
 * bench-call [ROUNDS] [SECONDS]: the in-process harness (the kiosk's window
 *   and call screen inside this program) for what it times well: "Appeler"
 *   to the first family frame, and CPU during a call. Its memory is not the
 *   kiosk's (the harness is not the binary, nor run with its environment):
 *   --lab measures that. */

static void
remove_tree (const char *dir)
{
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", dir);

  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
}

static gboolean
has_code (gpointer data)
{
  return escale_call_get_code (data) != NULL;
}

static int
run_family (void)
{
  EscaleCallMedia media = { .test_pattern = TRUE, .local_address = (char *) CALL_LAB_ADDRESS };
  g_autoptr(EscaleCall) call = escale_call_new (CALL_LAB_JANUS_URL, &media);

  escale_call_create_room (call);
  call_lab_wait_for (has_code, call, "the family's room");
  /* Reading the code over the phone takes seconds: by then the family's
   * picture is published. */
  escale_test_spin (2000);
  printf ("%s\n", escale_call_get_code (call));
  fflush (stdout);
  while (TRUE)
    {
      escale_test_spin (1000);
      printf ("frames %" G_GUINT64_FORMAT "\n", escale_call_get_n_remote_frames (call));
      fflush (stdout);
    }
  return 0;
}

/* Runs @argv in the private network with its own Janus: its exit status. */
static int
run_lab (char **argv)
{
  g_autofree char *tmp_dir = g_dir_make_tmp ("escale-bench-call-XXXXXX", NULL);
  g_autoptr(GError) error = NULL;
  int status = 0;

  call_lab_enter_network ();
  call_lab_start_janus (tmp_dir);
  if (!g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_CHILD_INHERITS_STDIN, NULL,
                     NULL, NULL, NULL, &status, &error))
    g_printerr ("bench-call: %s\n", error->message);
  call_lab_stop_janus ();
  remove_tree (tmp_dir);
  return error == NULL && g_spawn_check_wait_status (status, NULL) ? 0 : 1;
}

static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static GSubprocess *
start_family (const char *self_path, char **code)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (
    G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  GSubprocess *family;

  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  family = g_subprocess_launcher_spawn (launcher, &error, self_path, "--family", NULL);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (family));
  *code = g_data_input_stream_read_line (lines, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*code);
  return family;
}

static void
write_call_config (const char *config_dir)
{
  g_autofree char *path = g_build_filename (config_dir, "activities", "10-visio.ini", NULL);
  g_autoptr(GKeyFile) key_file = g_key_file_new ();

  g_assert_true (g_key_file_load_from_file (key_file, path, G_KEY_FILE_KEEP_COMMENTS, NULL));
  g_key_file_set_string (key_file, "Call", "server", CALL_LAB_JANUS_URL);
  g_key_file_set_string (key_file, "Call", "test-pattern", "true");
  g_key_file_set_string (key_file, "Call", "local-address", CALL_LAB_ADDRESS);
  g_assert_true (g_key_file_save_to_file (key_file, path, NULL));
}

typedef struct
{
  EscaleCall *call;
  guint64 frames_before;
} Wait;

static gboolean
sees_family (gpointer data)
{
  Wait *wait = data;

  return escale_call_get_n_remote_frames (wait->call) > wait->frames_before;
}

static double
cpu_seconds (void)
{
  g_autofree char *stat = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after_name;

  g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL);
  after_name = strrchr (stat, ')') + 2;
  fields = g_strsplit (after_name, " ", -1);
  /* utime and stime are fields 14 and 15, i.e. 11 and 12 after the name. */
  return (g_ascii_strtod (fields[11], NULL) + g_ascii_strtod (fields[12], NULL)) /
         sysconf (_SC_CLK_TCK);
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* A copy of the project's kiosk configuration in @tmp_dir, its video
 * call set to the lab's Janus: the directory's path. */
static char *
make_config_dir (const char *tmp_dir)
{
  char *config_dir = g_build_filename (tmp_dir, "config", NULL);
  g_autofree char *command =
    g_strdup_printf ("cp -r '%s/kiosk-config' '%s'", ESCALE_SOURCE_DIR, config_dir);

  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
  write_call_config (config_dir);
  return config_dir;
}

/* As a visitor: "Commencer", then the video call tile; the call screen. */
static EscaleCallView *
open_call_view (EscaleWindow *window)
{
  EscaleHomePage *home;
  EscaleActivityPage *page;
  EscaleCallView *view;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.start", NULL);
  home = ESCALE_HOME_PAGE (escale_window_get_home_page (window));
  g_signal_emit_by_name (escale_home_page_get_button (home, "visio"), "clicked");
  page = ESCALE_ACTIVITY_PAGE (escale_window_get_activity_page (window));
  view = ESCALE_CALL_VIEW (escale_activity_page_get_content (page));
  escale_test_spin (1000); /* the preview runs, as when a person reads the screen */
  return view;
}

/* Types @code on the call screen's pad, then touches "Appeler": the time
 * in ms until the first frame of the family is on screen. */
static double
join_family (EscaleCallView *view, EscaleCall *call, const char *code)
{
  Wait wait;
  gint64 start;

  gtk_widget_activate_action (GTK_WIDGET (view), "call.pad", NULL);
  for (guint i = 0; code[i] != '\0'; i++)
    {
      char digit[2] = { code[i], '\0' };

      gtk_widget_activate_action (GTK_WIDGET (view), "call.digit", "s", digit);
    }
  wait.call = call;
  wait.frames_before = escale_call_get_n_remote_frames (call);
  start = g_get_monotonic_time ();
  gtk_widget_activate_action (GTK_WIDGET (view), "call.join", NULL); /* "Appeler" */
  call_lab_wait_for (sees_family, &wait, "the family's first frame");
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* Lets @call run for @seconds, then prints the CPU time it took. */
static void
measure_call (EscaleCall *call, guint seconds)
{
  double cpu_before = cpu_seconds ();
  gint64 wall_before = g_get_monotonic_time ();
  double cpu;

  while (g_get_monotonic_time () - wall_before < (gint64) seconds * G_USEC_PER_SEC)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  cpu = (cpu_seconds () - cpu_before) /
        ((g_get_monotonic_time () - wall_before) / (double) G_USEC_PER_SEC);
  printf ("during a %u s call: CPU %.0f %% of one core (harness), remote frames %" G_GUINT64_FORMAT
          "\n",
          seconds, cpu * 100, escale_call_get_n_remote_frames (call));
}

/* Hangs up, and ends the family peer (@family is consumed). */
static void
hang_up (EscaleCallView *view, GSubprocess *family)
{
  gtk_widget_activate_action (GTK_WIDGET (view), "call.hang-up", NULL);
  g_subprocess_force_exit (family);
  g_subprocess_wait (family, NULL, NULL);
  g_object_unref (family);
  escale_test_spin (300);
}

static void
print_join_times (GArray *times, guint rounds)
{
  g_array_sort (times, compare_doubles);
  printf ("Appeler to first family frame on screen, %u rounds: median %.0f ms, min %.0f ms, "
          "max %.0f ms\n",
          rounds, g_array_index (times, double, rounds / 2), g_array_index (times, double, 0),
          g_array_index (times, double, rounds - 1));
}

int
main (int argc, char **argv)
{
  guint rounds = argc > 1 && argv[1][0] != '-' ? (guint) atoi (argv[1]) : 10;
  guint seconds = argc > 2 ? (guint) atoi (argv[2]) : 20;
  g_autofree char *tmp_dir = NULL;
  g_autofree char *config_dir = NULL;
  g_autofree char *self_path = g_file_read_link ("/proc/self/exe", NULL);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  EscaleTestKiosk k = { 0 };
  EscaleCallView *view;

  if (argc > 1 && g_str_equal (argv[1], "--family"))
    return run_family ();
  if (argc > 2 && g_str_equal (argv[1], "--lab"))
    return run_lab (argv + 2);

  call_lab_enter_network ();
  gtk_init ();
  g_setenv ("ESCALE_SOURCE_DIR", ESCALE_SOURCE_DIR, FALSE);
  tmp_dir = g_dir_make_tmp ("escale-bench-call-XXXXXX", NULL);
  config_dir = make_config_dir (tmp_dir);
  call_lab_start_janus (tmp_dir);
  escale_test_kiosk_init (&k, config_dir, FALSE);
  view = open_call_view (k.window);

  for (guint round = 0; round < rounds; round++)
    {
      g_autofree char *code = NULL;
      EscaleCall *call = escale_call_view_get_call (view);
      GSubprocess *family = start_family (self_path, &code);
      double ms = join_family (view, call, code);

      g_array_append_val (times, ms);
      if (round + 1 == rounds)
        measure_call (call, seconds);
      hang_up (view, family);
    }
  print_join_times (times, rounds);

  escale_test_kiosk_clear (&k);
  call_lab_stop_janus ();
  remove_tree (tmp_dir);
  return 0;
}
