/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>

#include "escale-scratch.h"
#include "mqtt-lab.h"

struct _MqttLab
{
  char *dir;
  guint port;
  gboolean tls;
  GPid pid;
  GPtrArray *configs; /* config folders made for the test, removed at the end */
};

static const char *const users[] = { "poste-1", "poste-2", "poste-3", "board", "observer", NULL };

static guint
free_port (void)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  socket =
    g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_assert_true (g_socket_bind (socket, any, TRUE, &error));
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static void
run (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

/* A CA and the broker's certificate for 127.0.0.1, made with openssl. */
static void
make_certificates (MqttLab *lab)
{
  g_autofree char *ca_key = g_build_filename (lab->dir, "ca.key", NULL);
  g_autofree char *ca = g_build_filename (lab->dir, "ca.crt", NULL);
  g_autofree char *key = g_build_filename (lab->dir, "server.key", NULL);
  g_autofree char *csr = g_build_filename (lab->dir, "server.csr", NULL);
  g_autofree char *crt = g_build_filename (lab->dir, "server.crt", NULL);
  g_autofree char *ext = g_build_filename (lab->dir, "server.ext", NULL);
  const char *make_ca[] = {
    "openssl", "req",  "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
    ca_key,    "-out", ca,      "-days",   "2",        "-subj",  "/CN=escale-test-ca",
    NULL
  };
  const char *make_csr[] = { "openssl", "req",  "-newkey", "rsa:2048", "-nodes",        "-keyout",
                             key,       "-out", csr,       "-subj",    "/CN=127.0.0.1", NULL };
  const char *sign[] = { "openssl", "x509", "-req",   "-in",  csr,
                         "-CA",     ca,     "-CAkey", ca_key, "-CAcreateserial",
                         "-out",    crt,    "-days",  "2",    "-extfile",
                         ext,       NULL };

  g_assert_true (g_file_set_contents (ext, "subjectAltName=IP:127.0.0.1\n", -1, NULL));
  run (make_ca);
  run (make_csr);
  run (sign);
}

static void
write_broker_config (MqttLab *lab)
{
  g_autofree char *acl_source =
    g_build_filename (g_getenv ("ESCALE_SOURCE_DIR"), "data", "mosquitto", "escale-acl", NULL);
  g_autofree char *acl = g_build_filename (lab->dir, "acl", NULL);
  g_autofree char *passwd = g_build_filename (lab->dir, "passwd", NULL);
  g_autofree char *conf = g_build_filename (lab->dir, "mosquitto.conf", NULL);
  g_autofree char *acl_text = NULL;
  g_autofree char *conf_text = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (acl_source, &acl_text, NULL, &error));
  {
    /* The tests' own reader of every site, to see what the broker let
     * through (never in the example file). */
    g_autofree char *with_observer =
      g_strconcat (acl_text, "\nuser observer\ntopic read #\n", NULL);

    g_assert_true (g_file_set_contents (acl, with_observer, -1, &error));
  }
  g_assert_no_error (error);
  for (guint i = 0; users[i] != NULL; i++)
    {
      g_autofree char *password = g_strconcat ("pw-", users[i], NULL);
      const char *argv[] = { "mosquitto_passwd", "-b", passwd, users[i], password, NULL };
      const char *create[] = { "mosquitto_passwd", "-c", "-b", passwd, users[i], password, NULL };

      run (i == 0 ? create : argv);
    }
  conf_text = g_strdup_printf ("per_listener_settings false\n"
                               "allow_anonymous false\n"
                               "password_file %s\n"
                               "acl_file %s\n"
                               "persistence false\n"
                               "user %s\n"
                               "log_dest file %s/mosquitto.log\n"
                               "listener %u 127.0.0.1\n",
                               passwd, acl, g_get_user_name (), lab->dir, lab->port);
  if (lab->tls)
    {
      g_autofree char *plain = g_steal_pointer (&conf_text);

      make_certificates (lab);
      conf_text = g_strdup_printf ("%scafile %s/ca.crt\ncertfile %s/server.crt\n"
                                   "keyfile %s/server.key\n",
                                   plain, lab->dir, lab->dir, lab->dir);
    }
  g_assert_true (g_file_set_contents (conf, conf_text, -1, &error));
  g_assert_no_error (error);
}

MqttLab *
mqtt_lab_new (void)
{
  return mqtt_lab_new_full (FALSE);
}

/* With @tls, the broker listens with TLS only (a CA of the lab's own), and
 * the config folders made afterwards trust it ([Help] ca-file=ca.crt). */
MqttLab *
mqtt_lab_new_full (gboolean tls)
{
  MqttLab *lab = g_new0 (MqttLab, 1);

  if (g_find_program_in_path ("mosquitto") == NULL &&
      !g_file_test ("/usr/sbin/mosquitto", G_FILE_TEST_IS_EXECUTABLE))
    g_error ("mosquitto is not installed (scripts/deps.sh installs it)");
  lab->dir = g_dir_make_tmp ("escale-mqtt-XXXXXX", NULL);
  lab->tls = tls;
  lab->port = free_port ();
  lab->configs = g_ptr_array_new_with_free_func (g_free);
  write_broker_config (lab);
  mqtt_lab_start (lab);
  return lab;
}

guint
mqtt_lab_get_port (MqttLab *lab)
{
  return lab->port;
}

static gboolean
accepts (MqttLab *lab)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;

  connection = g_socket_client_connect_to_host (client, "127.0.0.1", lab->port, NULL, NULL);
  return connection != NULL;
}

/* The broker dies with the test, even a test killed by its timeout. */
static void
die_with_parent_cb (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

/* Starts the broker and returns once it accepts connections. */
void
mqtt_lab_start (MqttLab *lab)
{
  g_autofree char *conf = g_build_filename (lab->dir, "mosquitto.conf", NULL);
  const char *argv[] = { "/usr/sbin/mosquitto", "-c", conf, NULL };
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  g_assert_true (lab->pid == 0);
  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                die_with_parent_cb, NULL, &lab->pid, &error));
  g_assert_no_error (error);
  while (!accepts (lab))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (20000);
    }
}

void
mqtt_lab_stop (MqttLab *lab)
{
  if (lab->pid == 0)
    return;
  kill (lab->pid, SIGTERM);
  waitpid (lab->pid, NULL, 0);
  g_spawn_close_pid (lab->pid);
  lab->pid = 0;
}

/* A config folder for a kiosk (@kiosk, e.g. "poste-1") or for the board
 * (@kiosk NULL): the demo's activities, a [Help] group for this broker on
 * the site "centre" with the user's credentials, and @extra lines. */
char *
mqtt_lab_write_config (MqttLab *lab, const char *kiosk, const char *extra)
{
  g_autofree char *demo = g_build_filename (g_getenv ("ESCALE_SOURCE_DIR"), "kiosk-config", NULL);
  char *dir = g_dir_make_tmp ("escale-help-config-XXXXXX", NULL);
  const char *user = kiosk != NULL ? kiosk : "board";
  const char *links[] = { "activities", "culture", "demarches", NULL };
  g_autofree char *ini = g_build_filename (dir, "escale.ini", NULL);
  g_autofree char *credentials = g_build_filename (dir, "help-credentials", NULL);
  g_autofree char *line = g_strdup_printf ("%s:pw-%s\n", user, user);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; links[i] != NULL; i++)
    {
      g_autofree char *target = g_build_filename (demo, links[i], NULL);
      g_autofree char *link = g_build_filename (dir, links[i], NULL);

      g_assert_cmpint (symlink (target, link), ==, 0);
    }
  g_assert_true (g_file_set_contents (credentials, line, -1, &error));
  if (lab->tls)
    {
      g_autofree char *ca_source = g_build_filename (lab->dir, "ca.crt", NULL);
      g_autofree char *ca = g_build_filename (dir, "ca.crt", NULL);
      g_autofree char *ca_text = NULL;

      g_assert_true (g_file_get_contents (ca_source, &ca_text, NULL, &error));
      g_assert_true (g_file_set_contents (ca, ca_text, -1, &error));
    }
  text = g_strdup_printf ("[Centre]\nname=Centre social de test\n\n"
                          "[Session]\nend-questions=false\n\n"
                          "[Help]\nbroker=127.0.0.1\nport=%u\nsite=centre\n"
                          "credentials=help-credentials\n%s%s%s%s%s\n",
                          lab->port, lab->tls ? "ca-file=ca.crt\n" : "",
                          kiosk != NULL ? "kiosk=" : "", kiosk != NULL ? kiosk : "",
                          kiosk != NULL ? "\n" : "", extra != NULL ? extra : "");
  g_assert_true (g_file_set_contents (ini, text, -1, &error));
  g_assert_no_error (error);
  if (kiosk == NULL)
    {
      /* escale-board's own file: the [Help] group alone. */
      g_autofree char *board = g_build_filename (dir, "escale-board.ini", NULL);
      g_autofree char *board_text =
        g_strdup_printf ("[Help]\nbroker=127.0.0.1\nport=%u\nsite=centre\n"
                         "credentials=help-credentials\n%s%s\n",
                         lab->port, lab->tls ? "ca-file=ca.crt\n" : "",
                         extra != NULL ? extra : "");

      g_assert_true (g_file_set_contents (board, board_text, -1, &error));
    }
  g_ptr_array_add (lab->configs, g_strdup (dir));
  return dir;
}

void
mqtt_lab_free (MqttLab *lab)
{
  mqtt_lab_stop (lab);
  for (guint i = 0; i < lab->configs->len; i++)
    escale_remove_tree (lab->configs->pdata[i], NULL);
  g_ptr_array_unref (lab->configs);
  escale_remove_tree (lab->dir, NULL);
  g_free (lab->dir);
  g_free (lab);
}

/* Runs the main context until @done says so; FALSE after 30 s (a failsafe
 * for a hung test, not a timing assertion). */
gboolean
mqtt_lab_wait_for (gboolean (*done) (gpointer data), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
  return TRUE;
}
