/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "sound-lab.h"

#define WAIT_SECONDS 30

struct _SoundLab
{
  char *dir;
  char *server; /* unix:DIR/native */
  GSubprocess *pulseaudio;
};

static void
own_group_cb (gpointer data)
{
  setpgid (0, 0);
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static gboolean
server_answers (SoundLab *lab)
{
  g_autoptr(GSubprocess) info = NULL;
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (
    G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);

  g_subprocess_launcher_setenv (launcher, "PULSE_SERVER", lab->server, TRUE);
  info = g_subprocess_launcher_spawn (launcher, NULL, "pactl", "info", NULL);
  return info != NULL && g_subprocess_wait_check (info, NULL, NULL);
}

SoundLab *
sound_lab_start (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autofree char *protocol = NULL;
  g_autofree char *log = NULL;
  SoundLab *lab = g_new0 (SoundLab, 1);
  gint64 deadline;

  lab->dir = g_dir_make_tmp ("escale-sound-lab-XXXXXX", &error);
  g_assert_no_error (error);
  lab->server = g_strdup_printf ("unix:%s/native", lab->dir);
  protocol =
    g_strdup_printf ("module-native-protocol-unix auth-anonymous=1 socket=%s/native", lab->dir);
  log = g_build_filename (lab->dir, "pulseaudio.log", NULL);
  /* Before any thread is made (the first subprocess makes GLib's). */
  g_setenv ("PULSE_SERVER", lab->server, TRUE);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_subprocess_launcher_set_stdout_file_path (launcher, log);
  g_subprocess_launcher_set_stderr_file_path (launcher, log);
  g_subprocess_launcher_set_child_setup (launcher, own_group_cb, NULL, NULL);
  /* Its state and cookie in the lab's folder, not in the home directory. */
  g_subprocess_launcher_setenv (launcher, "HOME", lab->dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "PULSE_STATE_PATH", lab->dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "PULSE_RUNTIME_PATH", lab->dir, TRUE);
  /* Off the session bus (and no bus started through X11): two labs of
   * tests running side by side would both claim org.PulseAudio1. */
  g_subprocess_launcher_unsetenv (launcher, "DBUS_SESSION_BUS_ADDRESS");
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  lab->pulseaudio =
    g_subprocess_launcher_spawn (launcher, &error, "pulseaudio", "-n", "--daemonize=no",
                                 "--exit-idle-time=-1", "--use-pid-file=false",
                                 "--disallow-module-loading", "-L",
                                 "module-null-sink sink_name=lab", "-L", protocol, NULL);
  g_assert_no_error (error);

  deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
  while (!server_answers (lab))
    {
      g_autofree char *text = NULL;

      if (g_get_monotonic_time () > deadline ||
          g_subprocess_get_identifier (lab->pulseaudio) == NULL)
        {
          g_file_get_contents (log, &text, NULL, NULL);
          g_error ("PulseAudio did not start: %s", text != NULL ? text : "(no log)");
        }
      g_usleep (50 * 1000);
    }
  return lab;
}

/* The streams playing on the server now (a reading under way is one). */
guint
sound_lab_count_streams (SoundLab *lab)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher)
               launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) list = NULL;
  g_autofree char *out = NULL;
  g_auto (GStrv) lines = NULL;
  guint n = 0;

  g_subprocess_launcher_setenv (launcher, "PULSE_SERVER", lab->server, TRUE);
  list =
    g_subprocess_launcher_spawn (launcher, &error, "pactl", "list", "short", "sink-inputs", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (list, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    n += lines[i][0] != '\0';
  return n;
}

/* Runs the main context until @n streams play (a stream comes or goes a
 * little after the reading starts or stops). */
void
sound_lab_wait_streams (SoundLab *lab, guint n)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
  guint count;

  /* The count seen is the one checked: a reading replaced by the next one
   * may leave the server between two counts. */
  while ((count = sound_lab_count_streams (lab)) != n && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (count, ==, n);
}

void
sound_lab_stop (SoundLab *lab)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_subprocess_send_signal (lab->pulseaudio, SIGTERM);
  g_subprocess_wait (lab->pulseaudio, NULL, NULL);
  g_object_unref (lab->pulseaudio);
  dir = g_dir_open (lab->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (lab->dir, name, NULL);

      if (g_remove (path) != 0 && g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_autoptr(GDir) sub = g_dir_open (path, 0, NULL);
          const char *inner;

          while (sub != NULL && (inner = g_dir_read_name (sub)) != NULL)
            {
              g_autofree char *inner_path = g_build_filename (path, inner, NULL);

              g_remove (inner_path);
            }
          g_rmdir (path);
        }
    }
  g_rmdir (lab->dir);
  g_free (lab->server);
  g_free (lab->dir);
  g_free (lab);
}
