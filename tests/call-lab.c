/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE
#include <sched.h>
#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "call-lab.h"

static GSubprocess *janus;

static void
run_ip (const char *args)
{
  g_autofree char *command = g_strconcat ("ip ", args, NULL);
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_spawn_command_line_sync (command, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("call lab: “%s” failed: %s", command, error->message);
}

/* Moves this process into a new network namespace. It needs CAP_NET_ADMIN
 * (root, as on the test machines); the namespace disappears with the
 * process, so nothing is left behind even if a test crashes. */
void
call_lab_enter_network (void)
{
  if (unshare (CLONE_NEWNET) != 0)
    g_error ("call lab: cannot make a private network namespace (%s); the call tests need "
             "CAP_NET_ADMIN (run them as root)",
             g_strerror (errno));
  run_ip ("link set lo up");
  run_ip ("link add esc0 type veth peer name esc1");
  run_ip ("addr add " CALL_LAB_ADDRESS "/32 dev esc0");
  run_ip ("link set esc0 up");
  run_ip ("link set esc1 up");
}

/* Each helper gets its own process group, so that stopping it stops the
 * processes it started too (Chromium's zygote and renderers). */
static void
die_with_parent (gpointer data)
{
  setpgid (0, 0);
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

void
call_lab_kill_group (GSubprocess *process)
{
  const char *id = g_subprocess_get_identifier (process);

  if (id != NULL)
    kill (-(pid_t) g_ascii_strtoll (id, NULL, 10), SIGKILL);
  g_subprocess_wait (process, NULL, NULL);
}

GSubprocess *
call_lab_spawn (GError **error, const char *const *argv)
{
  const char *log = g_getenv ("CALL_LAB_LOG");
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (
    log != NULL ? G_SUBPROCESS_FLAGS_STDERR_MERGE
                : G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);

  /* CALL_LAB_LOG=FILE keeps what Janus and Chromium say, for debugging. */
  if (log != NULL)
    g_subprocess_launcher_set_stdout_file_path (launcher, log);

  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  return g_subprocess_launcher_spawnv (launcher, argv, error);
}

static void
write_file (const char *dir, const char *name, const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (path, text, -1, &error))
    g_error ("call lab: %s", error->message);
}

static gboolean
janus_listens (void)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;

  connection = g_socket_client_connect_to_host (client, CALL_LAB_ADDRESS ":8188", 0, NULL, NULL);
  return connection != NULL;
}

/* Debian puts Janus's plugins under /usr/lib/<multiarch triplet>/janus. */
static char *
find_janus_libdir (void)
{
  g_autoptr(GDir) lib = g_dir_open ("/usr/lib", 0, NULL);
  const char *name;

  while (lib != NULL && (name = g_dir_read_name (lib)) != NULL)
    {
      g_autofree char *path = g_build_filename ("/usr/lib", name, "janus", NULL);
      g_autofree char *plugins = g_build_filename (path, "plugins", NULL);

      if (g_file_test (plugins, G_FILE_TEST_IS_DIR))
        return g_steal_pointer (&path);
    }
  g_error ("call lab: Janus is not installed (no /usr/lib/*/janus/plugins)");
}

/* Starts Janus in the private network with a config written in @tmp_dir,
 * and waits until its WebSocket answers. */
void
call_lab_start_janus (const char *tmp_dir)
{
  g_autofree char *dir = g_build_filename (tmp_dir, "janus", NULL);
  g_autofree char *main_config = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *libdir = find_janus_libdir ();
  g_autofree char *general = NULL;

  g_assert_null (janus);
  g_mkdir_with_parents (dir, 0700);
  general = g_strdup_printf (
    "general: {\n"
    "  configs_folder = \"%s\"\n"
    "  plugins_folder = \"%s/plugins\"\n"
    "  transports_folder = \"%s/transports\"\n"
    "  events_folder = \"%s/events\"\n"
    "  loggers_folder = \"%s/loggers\"\n"
    "  debug_level = 3\n"
    "  interface = \"" CALL_LAB_ADDRESS "\"\n"
    "}\n"
    "plugins: {\n"
    "  disable = \"libjanus_audiobridge.so,libjanus_duktape.so,libjanus_echotest.so,"
    "libjanus_lua.so,libjanus_nosip.so,libjanus_recordplay.so,libjanus_sip.so,"
    "libjanus_streaming.so,libjanus_textroom.so,libjanus_videocall.so,libjanus_voicemail.so\"\n"
    "}\n"
    "transports: {\n"
    "  disable = \"libjanus_http.so,libjanus_mqtt.so,libjanus_nanomsg.so,libjanus_pfunix.so,"
    "libjanus_rabbitmq.so\"\n"
    "}\n"
    "events: {\n  broadcast = false\n}\n"
    "loggers: {\n  disable = \"libjanus_jsonlog.so\"\n}\n"
    "media: {\n}\n"
    "nat: {\n  ice_enforce_list = \"esc0\"\n}\n",
    dir, libdir, libdir, libdir, libdir);
  write_file (dir, "janus.jcfg", general);
  write_file (dir, "janus.transport.websockets.jcfg",
              "general: {\n  ws = true\n  ws_port = 8188\n  ws_ip = \"" CALL_LAB_ADDRESS "\"\n"
              "  wss = false\n}\nadmin: {\n  admin_ws = false\n}\n");
  write_file (dir, "janus.plugin.videoroom.jcfg", "general: {\n}\n");

  main_config = g_build_filename (dir, "janus.jcfg", NULL);
  janus =
    call_lab_spawn (&error, (const char *const[]){ "janus", "-F", dir, "-C", main_config, NULL });
  g_assert_no_error (error);

  for (guint i = 0; i < 300 && !janus_listens (); i++)
    {
      g_usleep (50 * 1000);
    }
  g_assert_true (janus_listens ());
}

void
call_lab_stop_janus (void)
{
  if (janus == NULL)
    return;
  call_lab_kill_group (janus);
  g_clear_object (&janus);
}

/* Runs the main loop until @condition holds; a test that waits 60 s for
 * something that should take a second has failed. */
void
call_lab_wait_for (gboolean (*condition) (gpointer), gpointer data, const char *what)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("call lab: gave up waiting for %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

typedef struct
{
  guint32 *pixels;
  gboolean *freed;
} Picture;

static void
picture_freed (gpointer data)
{
  Picture *picture = data;

  *picture->freed = TRUE;
  g_free (picture->pixels);
  g_free (picture);
}

/* A picture of one colour (0xRRGGBB, opaque) in Cairo's ARGB32, as
 * gdk_texture_download () gives; *@freed becomes TRUE when the last
 * reference goes, so a test can prove the engine kept none. */
GBytes *
call_lab_plain_picture (guint32 rgb, int width, int height, gboolean *freed)
{
  Picture *picture = g_new0 (Picture, 1);

  picture->pixels = g_new (guint32, (gsize) width * height);
  picture->freed = freed;
  for (gsize i = 0; i < (gsize) width * height; i++)
    picture->pixels[i] = 0xff000000u | rgb;
  *freed = FALSE;
  return g_bytes_new_with_free_func (picture->pixels, (gsize) width * height * 4, picture_freed,
                                     picture);
}

/* The mean red, green and blue (0-255) of a BGRA frame. */
void
call_lab_mean_colour (GBytes *frame, int width, int height, int stride, double rgb[3])
{
  const guint8 *data = g_bytes_get_data (frame, NULL);
  guint64 sums[3] = { 0 };

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guint8 *pixel = data + (gsize) y * stride + (gsize) x * 4;

        sums[0] += pixel[2];
        sums[1] += pixel[1];
        sums[2] += pixel[0];
      }
  for (int i = 0; i < 3; i++)
    rgb[i] = (double) sums[i] / ((double) width * height);
}

/* Red stands out: what a red photo looks like after VP8 and a letterbox. */
gboolean
call_lab_is_red (const double rgb[3])
{
  return rgb[0] > 100 && rgb[0] > 2.5 * rgb[1] && rgb[0] > 2.5 * rgb[2];
}

/* The camera's test picture: a ball on a dark blue (0x0b3d91) background. */
gboolean
call_lab_is_test_pattern (const double rgb[3])
{
  return rgb[2] > 80 && rgb[2] > 1.5 * rgb[0];
}
