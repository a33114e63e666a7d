/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "escale-activities.h"
#include "escale-config.h"
#include "escale-help-client.h"
#include "escale-help-site.h"
#include "escale-help-topic.h"
#include "mqtt-lab.h"

/* A call for help through a real mosquitto (tests/mqtt-lab.c): the kiosk's
 * client, a board's view of the site, the ACL of data/mosquitto/. */

typedef struct
{
  MqttLab *lab;
  EscaleConfig *kiosk_config;
  EscaleConfig *board_config;
  EscaleHelpClient *client;
  EscaleHelpSite *board;
} Fixture;

static EscaleConfig *
load (const char *dir)
{
  return escale_config_load (dir, escale_activities_get_kinds ());
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *kiosk_dir = NULL;
  g_autofree char *board_dir = NULL;

  f->lab = mqtt_lab_new ();
  kiosk_dir = mqtt_lab_write_config (f->lab, "poste-1", "kiosk-label=Poste 1\n");
  board_dir = mqtt_lab_write_config (f->lab, NULL, NULL);
  f->kiosk_config = load (kiosk_dir);
  f->board_config = load (board_dir);
  f->client = escale_help_client_new (escale_config_get_help (f->kiosk_config));
  f->board = escale_help_site_new (escale_config_get_help (f->board_config), "test-board");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_assert_finalize_object (f->client);
  g_assert_finalize_object (f->board);
  g_clear_object (&f->kiosk_config);
  g_clear_object (&f->board_config);
  mqtt_lab_free (f->lab);
}

typedef struct
{
  Fixture *f;
  const char *kiosk;
  EscaleHelpState state;
} BoardWait;

static gboolean
board_shows (gpointer data)
{
  BoardWait *wait = data;
  EscaleHelpKiosk *kiosk = escale_help_site_find (wait->f->board, wait->kiosk);

  return kiosk != NULL && escale_help_kiosk_get_state (kiosk) == wait->state;
}

/* Fails naming the caller's line and what the board showed instead. */
#define assert_board_shows(f, kiosk, state) board_shows_or_fail (f, kiosk, state, __LINE__)

static void
board_shows_or_fail (Fixture *f, const char *kiosk, EscaleHelpState state, int line)
{
  BoardWait wait = { f, kiosk, state };
  EscaleHelpKiosk *shown;

  if (mqtt_lab_wait_for (board_shows, &wait))
    return;
  shown = escale_help_site_find (f->board, kiosk);
  g_error ("line %d: the board never showed %s \"%s\" in 30 s, it shows %s", line, kiosk,
           escale_help_state_to_word (state),
           shown != NULL ? escale_help_state_to_word (escale_help_kiosk_get_state (shown))
                         : "nothing");
}

typedef struct
{
  EscaleHelpClient *client;
  EscaleHelpProgress progress;
} ClientWait;

static gboolean
client_says (gpointer data)
{
  ClientWait *wait = data;

  return escale_help_client_get_progress (wait->client) == wait->progress;
}

static void
assert_client_says (EscaleHelpClient *client, EscaleHelpProgress progress)
{
  ClientWait wait = { client, progress };

  g_assert_true (mqtt_lab_wait_for (client_says, &wait));
}

static gboolean
link_connected (gpointer data)
{
  return escale_mqtt_link_get_status (data) == ESCALE_MQTT_CONNECTED;
}

static gboolean
link_lost (gpointer data)
{
  EscaleMqttStatus status = escale_mqtt_link_get_status (data);

  return status == ESCALE_MQTT_UNREACHABLE || status == ESCALE_MQTT_REFUSED;
}

/* No [Help] broker: the screen says to raise a hand at once. */
static void
test_no_broker (void)
{
  g_autoptr(EscaleHelpSettings) settings = g_new0 (EscaleHelpSettings, 1);
  EscaleHelpClient *client = escale_help_client_new (settings);

  g_assert_cmpint (escale_help_client_get_progress (client), ==, ESCALE_HELP_PROGRESS_NONE);
  escale_help_client_ask (client);
  g_assert_cmpint (escale_help_client_get_progress (client), ==, ESCALE_HELP_PROGRESS_RAISE_HAND);
  escale_help_client_end_visit (client);
  g_assert_cmpint (escale_help_client_get_progress (client), ==, ESCALE_HELP_PROGRESS_NONE);
  g_assert_finalize_object (client);
}

/* A broker configured but not there: never "envoyée", a raised hand. */
static void
test_unreachable (void)
{
  g_autoptr(MqttLab) lab = mqtt_lab_new ();
  g_autofree char *dir = mqtt_lab_write_config (lab, "poste-1", NULL);
  g_autoptr(EscaleConfig) config = NULL;
  EscaleHelpClient *client;

  mqtt_lab_stop (lab);
  config = load (dir);
  client = escale_help_client_new (escale_config_get_help (config));
  escale_help_client_ask (client);
  g_assert_cmpint (escale_help_client_get_progress (client), !=, ESCALE_HELP_PROGRESS_SENT);
  assert_client_says (client, ESCALE_HELP_PROGRESS_RAISE_HAND);
  g_assert_finalize_object (client);
}

/* Asked, seen on the board, "J'arrive": the visitor's screen follows. */
static void
test_request_acknowledged (Fixture *f, gconstpointer data)
{
  EscaleHelpKiosk *kiosk;

  g_assert_true (mqtt_lab_wait_for (link_connected, escale_help_client_get_link (f->client)));
  assert_board_shows (f, "poste-1", ESCALE_HELP_IDLE);
  kiosk = escale_help_site_find (f->board, "poste-1");
  /* Retained messages reach a new subscriber in the broker's order. */
  while (g_strcmp0 (escale_help_kiosk_get_label (kiosk), "Poste 1") != 0)
    g_main_context_iteration (NULL, TRUE);

  escale_help_client_ask (f->client);
  assert_client_says (f->client, ESCALE_HELP_PROGRESS_SENT);
  assert_board_shows (f, "poste-1", ESCALE_HELP_ASKED);
  g_assert_false (escale_help_client_get_given (f->client));

  escale_help_site_answer (f->board, "poste-1", ESCALE_HELP_COMING);
  assert_client_says (f->client, ESCALE_HELP_PROGRESS_COMING);
  g_assert_true (escale_help_client_get_given (f->client));

  escale_help_site_answer (f->board, "poste-1", ESCALE_HELP_DONE);
  assert_client_says (f->client, ESCALE_HELP_PROGRESS_NONE);
  escale_help_client_end_visit (f->client);
  g_assert_false (escale_help_client_get_given (f->client));
}

/* The visit ends with the request open: "parti" on the board. */
static void
test_left (Fixture *f, gconstpointer data)
{
  escale_help_client_ask (f->client);
  assert_board_shows (f, "poste-1", ESCALE_HELP_ASKED);
  escale_help_client_end_visit (f->client);
  assert_board_shows (f, "poste-1", ESCALE_HELP_LEFT);
  g_assert_cmpint (escale_help_client_get_progress (f->client), ==, ESCALE_HELP_PROGRESS_NONE);
}

/* The broker stops with a request open and comes back without its
 * retained messages: nothing blocked meanwhile, the request is there again;
 * a request made while it was away goes out when it is back. */
static void
test_broker_restart (Fixture *f, gconstpointer data)
{
  EscaleMqttLink *link = escale_help_client_get_link (f->client);

  escale_help_client_ask (f->client);
  assert_board_shows (f, "poste-1", ESCALE_HELP_ASKED);
  assert_client_says (f->client, ESCALE_HELP_PROGRESS_SENT);

  mqtt_lab_stop (f->lab);
  g_assert_true (mqtt_lab_wait_for (link_lost, link));
  /* Already delivered: the screen does not take it back. */
  g_assert_cmpint (escale_help_client_get_progress (f->client), ==, ESCALE_HELP_PROGRESS_SENT);

  mqtt_lab_start (f->lab);
  /* A board that starts now learns it from the broker, which had forgotten. */
  g_assert_finalize_object (f->board);
  f->board = escale_help_site_new (escale_config_get_help (f->board_config), "test-board");
  assert_board_shows (f, "poste-1", ESCALE_HELP_ASKED);

  escale_help_client_end_visit (f->client);
  assert_board_shows (f, "poste-1", ESCALE_HELP_LEFT);
  mqtt_lab_stop (f->lab);
  g_assert_true (mqtt_lab_wait_for (link_lost, link));
  escale_help_client_ask (f->client);
  g_assert_cmpint (escale_help_client_get_progress (f->client), ==,
                   ESCALE_HELP_PROGRESS_RAISE_HAND);
  mqtt_lab_start (f->lab);
  assert_client_says (f->client, ESCALE_HELP_PROGRESS_SENT);
  assert_board_shows (f, "poste-1", ESCALE_HELP_ASKED);
}

/* A helper's stale answer after the visitor left does not reopen anything. */
static void
test_stale_answer (Fixture *f, gconstpointer data)
{
  escale_help_client_ask (f->client);
  assert_board_shows (f, "poste-1", ESCALE_HELP_ASKED);
  escale_help_client_end_visit (f->client);
  assert_board_shows (f, "poste-1", ESCALE_HELP_LEFT);
  escale_help_site_answer (f->board, "poste-1", ESCALE_HELP_COMING);
  /* The kiosk puts the truth back: nobody is waiting there. */
  assert_board_shows (f, "poste-1", ESCALE_HELP_LEFT);
  g_assert_cmpint (escale_help_client_get_progress (f->client), ==, ESCALE_HELP_PROGRESS_NONE);
  g_assert_false (escale_help_client_get_given (f->client));
}

/* data/mosquitto/escale-acl: a kiosk cannot write another kiosk's topic. */
static void
test_acl (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleMqttLink) intruder =
               escale_mqtt_link_new (escale_config_get_help (f->kiosk_config), "intruder");
  g_autofree char *other = escale_help_topic_kiosk ("centre", "poste-2", "state");
  g_autofree char *own = escale_help_topic_kiosk ("centre", "poste-1", "name");

  escale_mqtt_link_start (intruder);
  g_assert_true (mqtt_lab_wait_for (link_connected, escale_help_site_get_link (f->board)));
  g_assert_true (mqtt_lab_wait_for (link_connected, intruder));
  /* In this order on one connection: once the second is through, the
   * first would have been too, had the broker let it. */
  escale_mqtt_link_publish (intruder, other, "asked 1", TRUE);
  escale_mqtt_link_publish (intruder, own, "Poste un", TRUE);
  {
    BoardWait wait = { f, "poste-1", ESCALE_HELP_IDLE };
    EscaleHelpKiosk *kiosk;

    g_assert_true (mqtt_lab_wait_for (board_shows, &wait));
    kiosk = escale_help_site_find (f->board, "poste-1");
    while (g_strcmp0 (escale_help_kiosk_get_label (kiosk), "Poste un") != 0)
      g_main_context_iteration (NULL, TRUE);
  }
  g_assert_null (escale_help_site_find (f->board, "poste-2"));
}

/* What the observer (who reads every site) received: "TOPIC PAYLOAD". */
static void
observed_cb (EscaleMqttLink *link, const char *topic, GBytes *bytes, GPtrArray *seen)
{
  gsize length;
  const char *payload = g_bytes_get_data (bytes, &length);

  g_ptr_array_add (seen, g_strdup_printf ("%s %.*s", topic, (int) length, payload));
}

typedef struct
{
  GPtrArray *seen;
  const char *line;
} SeenWait;

static gboolean
seen_line (gpointer data)
{
  SeenWait *wait = data;

  for (guint i = 0; i < wait->seen->len; i++)
    if (g_str_equal (wait->seen->pdata[i], wait->line))
      return TRUE;
  return FALSE;
}

static gboolean
seen_prefix (GPtrArray *seen, const char *prefix)
{
  for (guint i = 0; i < seen->len; i++)
    if (g_str_has_prefix (seen->pdata[i], prefix))
      return TRUE;
  return FALSE;
}

static EscaleMqttLink *
start_link (EscaleConfig *config, const char *client_id)
{
  EscaleMqttLink *link = escale_mqtt_link_new (escale_config_get_help (config), client_id);

  escale_mqtt_link_start (link);
  g_assert_true (mqtt_lab_wait_for (link_connected, link));
  return link;
}

/* data/mosquitto/escale-acl and the workshop topics: a kiosk writes its own
 * workshop (.../kiosks/poste-1/workshop), never the site's, nor any topic
 * of another site; the board writes the site's workshop. Each writer's
 * forbidden messages go first on its one connection: once its allowed one
 * is through, the others would have been too, had the broker let them. */
static void
test_acl_workshop (Fixture *f, gconstpointer data)
{
  g_autofree char *observer_dir = mqtt_lab_write_config (f->lab, "observer", NULL);
  g_autoptr(EscaleConfig) observer_config = load (observer_dir);
  g_autoptr(EscaleMqttLink) observer = NULL;
  g_autoptr(EscaleMqttLink) kiosk = NULL;
  g_autoptr(EscaleMqttLink) board = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  const char *by_kiosk = "0123456789abcdef0123456789abcdef 1800000000 1800003600 email debutant";
  const char *by_board = "fedcba9876543210fedcba9876543210 1800000000 1800003600 sante avance";
  SeenWait own = { seen, NULL };
  SeenWait site = { seen, NULL };
  g_autofree char *own_line =
    g_strdup_printf ("escale/centre/kiosks/poste-1/workshop %s", by_kiosk);
  g_autofree char *site_line = g_strdup_printf ("escale/centre/workshop %s", by_board);

  observer = escale_mqtt_link_new (escale_config_get_help (observer_config), "observer");
  escale_mqtt_link_subscribe (observer, "#");
  g_signal_connect (observer, "message", G_CALLBACK (observed_cb), seen);
  escale_mqtt_link_start (observer);
  g_assert_true (mqtt_lab_wait_for (link_connected, observer));
  kiosk = start_link (f->kiosk_config, "poste-1-raw");
  board = start_link (f->board_config, "board-raw");

  escale_mqtt_link_publish (kiosk, "escale/centre/workshop", by_kiosk, TRUE);
  escale_mqtt_link_publish (kiosk, "escale/autre/workshop", by_kiosk, TRUE);
  escale_mqtt_link_publish (kiosk, "escale/autre/kiosks/poste-1/state", "asked 1", TRUE);
  escale_mqtt_link_publish (kiosk, "escale/centre/kiosks/poste-1/workshop", by_kiosk, TRUE);
  own.line = own_line;
  g_assert_true (mqtt_lab_wait_for (seen_line, &own));

  escale_mqtt_link_publish (board, "escale/autre/workshop", by_board, TRUE);
  escale_mqtt_link_publish (board, "escale/centre/workshop", by_board, TRUE);
  site.line = site_line;
  g_assert_true (mqtt_lab_wait_for (seen_line, &site));

  g_assert_false (seen_prefix (seen, "escale/autre/"));
  {
    g_autofree char *kiosk_line = g_strdup_printf ("escale/centre/workshop %s", by_kiosk);

    g_assert_false (seen_prefix (seen, kiosk_line));
  }
  /* The board's model sees the kiosk's own workshop. */
  {
    EscaleHelpKiosk *poste;

    while ((poste = escale_help_site_find (f->board, "poste-1")) == NULL ||
           escale_help_kiosk_get_workshop (poste) == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpstr (escale_help_kiosk_get_workshop (poste)->theme, ==, "email");
  }
}

/* Wrong credentials: refused, and the visitor is told to raise a hand. */
static void
test_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleHelpSettings)
               wrong = escale_help_settings_copy (escale_config_get_help (f->kiosk_config));
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "escale-wrong-XXXXXX", NULL);
  EscaleHelpClient *client;
  int fd = g_mkstemp (path);

  g_assert_cmpint (fd, >=, 0);
  close (fd);
  g_assert_true (g_file_set_contents (path, "poste-1:not-the-password\n", -1, NULL));
  g_free (wrong->credentials);
  wrong->credentials = g_strdup (path);
  g_free (wrong->kiosk);
  wrong->kiosk = g_strdup ("poste-9");
  client = escale_help_client_new (wrong);
  escale_help_client_ask (client);
  assert_client_says (client, ESCALE_HELP_PROGRESS_RAISE_HAND);
  g_assert_cmpint (escale_mqtt_link_get_status (escale_help_client_get_link (client)), ==,
                   ESCALE_MQTT_REFUSED);
  g_assert_finalize_object (client);
  g_unlink (path);
}

/* [Help] ca-file: the request goes over TLS to a broker whose certificate
 * that CA signed; a kiosk without it cannot talk to that broker and says
 * to raise a hand. */
static void
test_tls (void)
{
  g_autoptr(MqttLab) lab = mqtt_lab_new_full (TRUE);
  g_autofree char *kiosk_dir = mqtt_lab_write_config (lab, "poste-1", NULL);
  g_autofree char *board_dir = mqtt_lab_write_config (lab, NULL, NULL);
  g_autoptr(EscaleConfig) kiosk_config = load (kiosk_dir);
  g_autoptr(EscaleConfig) board_config = load (board_dir);
  g_autoptr(EscaleHelpSettings)
               plain = escale_help_settings_copy (escale_config_get_help (kiosk_config));
  Fixture f = { lab, kiosk_config, board_config, NULL, NULL };
  EscaleHelpClient *without_ca;

  g_assert_nonnull (escale_config_get_help (kiosk_config)->ca_file);
  f.client = escale_help_client_new (escale_config_get_help (kiosk_config));
  f.board = escale_help_site_new (escale_config_get_help (board_config), "test-board");
  escale_help_client_ask (f.client);
  assert_client_says (f.client, ESCALE_HELP_PROGRESS_SENT);
  assert_board_shows (&f, "poste-1", ESCALE_HELP_ASKED);

  g_clear_pointer (&plain->ca_file, g_free);
  g_free (plain->kiosk);
  plain->kiosk = g_strdup ("poste-2");
  without_ca = escale_help_client_new (plain);
  escale_help_client_ask (without_ca);
  assert_client_says (without_ca, ESCALE_HELP_PROGRESS_RAISE_HAND);
  g_assert_finalize_object (without_ca);
  g_assert_finalize_object (f.client);
  g_assert_finalize_object (f.board);
}

static void
test_payloads (void)
{
  EscaleHelpState state;
  gint64 since;
  const char *leaf = NULL;
  g_autofree char *id = NULL;

  g_assert_true (escale_help_parse_payload ("coming", 6, &state, &since));
  g_assert_cmpint (state, ==, ESCALE_HELP_COMING);
  g_assert_cmpint (since, ==, 0);
  g_assert_true (escale_help_parse_payload ("asked 1767000000", 16, &state, &since));
  g_assert_cmpint (state, ==, ESCALE_HELP_ASKED);
  g_assert_cmpint (since, ==, 1767000000);
  g_assert_false (escale_help_parse_payload ("arrive", 6, &state, &since));
  g_assert_false (escale_help_parse_payload ("asked soon", 10, &state, &since));
  g_assert_false (escale_help_parse_payload ("asked 1 2", 9, &state, &since));
  id = escale_help_topic_kiosk_of ("centre", "escale/centre/kiosks/poste-3/state", &leaf);
  g_assert_cmpstr (id, ==, "poste-3");
  g_assert_cmpstr (leaf, ==, "state");
  g_assert_null (escale_help_topic_kiosk_of ("centre", "escale/autre/kiosks/p/state", &leaf));
  g_assert_null (escale_help_topic_kiosk_of ("centre", "escale/centre/kiosks/p/a/b", &leaf));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/escale/help/payloads-and-topics", test_payloads);
  g_test_add_func ("/escale/help/no-broker-says-raise-hand", test_no_broker);
  g_test_add_func ("/escale/help/unreachable-broker-says-raise-hand", test_unreachable);
  g_test_add_func ("/escale/help/tls-with-the-ca-file", test_tls);
  g_test_add ("/escale/help/request-acknowledged-on-the-board", Fixture, NULL, fixture_set_up,
              test_request_acknowledged, fixture_tear_down);
  g_test_add ("/escale/help/open-request-left-when-visit-ends", Fixture, NULL, fixture_set_up,
              test_left, fixture_tear_down);
  g_test_add ("/escale/help/broker-restart-loses-nothing", Fixture, NULL, fixture_set_up,
              test_broker_restart, fixture_tear_down);
  g_test_add ("/escale/help/stale-answer-reopens-nothing", Fixture, NULL, fixture_set_up,
              test_stale_answer, fixture_tear_down);
  g_test_add ("/escale/help/acl-workshop-topics", Fixture, NULL, fixture_set_up, test_acl_workshop,
              fixture_tear_down);
  g_test_add ("/escale/help/kiosk-cannot-write-another-kiosk", Fixture, NULL, fixture_set_up,
              test_acl, fixture_tear_down);
  g_test_add ("/escale/help/wrong-password-says-raise-hand", Fixture, NULL, fixture_set_up,
              test_refused, fixture_tear_down);
  return g_test_run ();
}
