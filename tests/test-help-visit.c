/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "escale-activities.h"
#include "escale-help-banner.h"
#include "escale-help-site.h"
#include "escale-test-util.h"
#include "help-shot.h"
#include "mqtt-lab.h"

/* "Appeler un aidant" in the whole kiosk, with a real mosquitto
 * (tests/mqtt-lab.c) and a board's view of the site in the test: what the
 * visitor reads, and what the visit's record says. */

typedef struct
{
  MqttLab *lab;
  EscaleConfig *board_config;
  EscaleHelpSite *board;
  EscaleTestKiosk k;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *kiosk_dir = NULL;
  g_autofree char *board_dir = NULL;

  f->lab = mqtt_lab_new ();
  kiosk_dir = mqtt_lab_write_config (f->lab, "poste-1", "kiosk-label=Poste 1\n");
  board_dir = mqtt_lab_write_config (f->lab, NULL, NULL);
  f->board_config = escale_config_load (board_dir, escale_activities_get_kinds ());
  f->board = escale_help_site_new (escale_config_get_help (f->board_config), "test-board");
  escale_test_kiosk_init (&f->k, kiosk_dir, TRUE);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  escale_test_kiosk_clear (&f->k);
  g_assert_finalize_object (f->board);
  g_clear_object (&f->board_config);
  mqtt_lab_free (f->lab);
}

static const char *
banner_text (EscaleTestKiosk *k)
{
  GtkWidget *banner = escale_window_get_help_banner (k->window);

  if (!gtk_widget_get_visible (banner))
    return "";
  return escale_help_banner_get_text (ESCALE_HELP_BANNER (banner));
}

typedef struct
{
  EscaleTestKiosk *k;
  const char *text;
} BannerWait;

static gboolean
banner_says (gpointer data)
{
  BannerWait *wait = data;

  return g_str_equal (banner_text (wait->k), wait->text);
}

static void
assert_banner_says (EscaleTestKiosk *k, const char *text)
{
  BannerWait wait = { k, text };

  escale_test_wait_until (banner_says, &wait, 30000);
  g_assert_cmpstr (banner_text (k), ==, text);
}

typedef struct
{
  Fixture *f;
  EscaleHelpState state;
} BoardWait;

static gboolean
board_shows (gpointer data)
{
  BoardWait *wait = data;
  EscaleHelpKiosk *kiosk = escale_help_site_find (wait->f->board, "poste-1");

  return kiosk != NULL && escale_help_kiosk_get_state (kiosk) == wait->state;
}

static void
assert_board_shows (Fixture *f, EscaleHelpState state)
{
  BoardWait wait = { f, state };

  escale_test_wait_until (board_shows, &wait, 30000);
  g_assert_true (board_shows (&wait));
}

static void
press (EscaleTestKiosk *k, const char *action)
{
  gtk_widget_activate_action (GTK_WIDGET (k->window), action, NULL);
}

static const char *const sent = "Votre demande est envoyée. Restez tranquillement à votre place.";
static const char *const coming = "Le conseiller a vu votre demande, il arrive.";
static const char *const raise_hand = "Levez la main, un aidant va venir.";

/* Sent, then "il arrive" once a helper answered; recorded as help asked
 * and given; "parti" on the board when the visit ends before "Fait". */
static void
test_acknowledged (Fixture *f, gconstpointer data)
{
  press (&f->k, "win.start");
  g_assert_cmpstr (banner_text (&f->k), ==, "");
  press (&f->k, "win.call-helper");
  assert_banner_says (&f->k, sent);
  help_shot_save (GTK_WIDGET (f->k.window), "visitor-sent");
  assert_board_shows (f, ESCALE_HELP_ASKED);

  escale_help_site_answer (f->board, "poste-1", ESCALE_HELP_COMING);
  assert_banner_says (&f->k, coming);
  help_shot_save (GTK_WIDGET (f->k.window), "visitor-coming");

  press (&f->k, "win.finish");
  assert_board_shows (f, ESCALE_HELP_LEFT);
  g_assert_cmpstr (banner_text (&f->k), ==, "");
  g_assert_cmpint (escale_test_kiosk_db_count (
                     &f->k,
                     "SELECT count (*) FROM sessions WHERE helper_calls = 1 AND help_given"),
                   ==, 1);
}

/* Nobody answers: asked, never given. "D'accord" hides the message. */
static void
test_unanswered (Fixture *f, gconstpointer data)
{
  press (&f->k, "win.start");
  press (&f->k, "win.call-helper");
  assert_banner_says (&f->k, sent);
  press (&f->k, "win.dismiss-helper");
  g_assert_cmpstr (banner_text (&f->k), ==, "");
  press (&f->k, "win.finish");
  g_assert_cmpint (escale_test_kiosk_db_count (
                     &f->k,
                     "SELECT count (*) FROM sessions WHERE helper_calls = 1 AND NOT help_given"),
                   ==, 1);
}

/* The broker stops with the request open and comes back: the kiosk went on
 * meanwhile, the request reached a board started after, the press counted
 * once. */
static void
test_broker_stops (Fixture *f, gconstpointer data)
{
  press (&f->k, "win.start");
  press (&f->k, "win.call-helper");
  assert_banner_says (&f->k, sent);
  mqtt_lab_stop (f->lab);
  press (&f->k, "win.home");
  g_assert_cmpstr (escale_window_get_page_name (f->k.window), ==, "home");
  escale_test_spin (1500);
  g_assert_cmpstr (banner_text (&f->k), ==, sent);
  mqtt_lab_start (f->lab);
  g_assert_finalize_object (f->board);
  f->board = escale_help_site_new (escale_config_get_help (f->board_config), "test-board");
  assert_board_shows (f, ESCALE_HELP_ASKED);
  escale_help_site_answer (f->board, "poste-1", ESCALE_HELP_DONE);
  assert_banner_says (&f->k, "");
  press (&f->k, "win.finish");
  g_assert_cmpint (escale_test_kiosk_db_count (
                     &f->k,
                     "SELECT count (*) FROM sessions WHERE helper_calls = 1 AND help_given"),
                   ==, 1);
  g_assert_cmpint (escale_test_kiosk_db_count (&f->k, "SELECT sum (helper_calls) FROM sessions"),
                   ==, 1);
  assert_board_shows (f, ESCALE_HELP_DONE);
}

/* No [Help] at all (the demo's config): raise a hand, counted, not given. */
static void
test_no_broker (void)
{
  g_autofree char *demo = escale_test_demo_config ();
  EscaleTestKiosk k = { 0 };

  escale_test_kiosk_init (&k, demo, FALSE);
  press (&k, "win.start");
  press (&k, "win.call-helper");
  g_assert_cmpstr (banner_text (&k), ==, raise_hand);
  help_shot_save (GTK_WIDGET (k.window), "visitor-raise-hand");
  press (&k, "win.finish");
  g_assert_cmpint (escale_test_kiosk_db_count (
                     &k,
                     "SELECT count (*) FROM sessions WHERE helper_calls = 1 AND NOT help_given"),
                   ==, 1);
  escale_test_kiosk_clear (&k);
}

/* A workshop started from the board: the band says so, the long delay
 * holds, every visit is part of it; its end ends the visit under way,
 * wipes, and records one collective activity with its participants. */
static void
test_workshop (Fixture *f, gconstpointer data)
{
  EscaleSession *session = escale_kiosk_get_session (f->k.kiosk);

  escale_help_site_start_workshop (f->board, "email", "debutant", 90);
  press (&f->k, "win.start");
  escale_test_wait_until (escale_test_kiosk_workshop_band_shown, &f->k, 30000);
  g_assert_cmpstr (escale_window_get_workshop_band (f->k.window), ==, "Atelier en cours : E-mail");
  help_shot_save (GTK_WIDGET (f->k.window), "workshop-top-bar");
  /* Past the centre's 3 minutes: no countdown during a workshop. */
  escale_test_kiosk_advance (&f->k, 200);
  g_assert_cmpint (escale_session_get_state (session), ==, ESCALE_SESSION_ACTIVE);
  press (&f->k, "win.finish");
  press (&f->k, "win.start");
  g_assert_cmpstr (escale_window_get_page_name (f->k.window), ==, "home");

  escale_help_site_stop_workshop (f->board);
  escale_test_wait_until (escale_test_kiosk_workshop_over, &f->k, 30000);
  g_assert_cmpstr (escale_window_get_page_name (f->k.window), ==, "welcome");
  g_assert_cmpint (escale_test_kiosk_db_count (&f->k, "SELECT count (*) FROM sessions WHERE"
                                                      " workshop_uid IS NOT NULL AND help_given"),
                   ==, 2);
  g_assert_cmpint (escale_test_kiosk_db_count (&f->k, "SELECT participants FROM workshops WHERE"
                                                      " theme = 'email' AND level = 'debutant'"),
                   ==, 2);
  g_assert_cmpint (escale_test_kiosk_db_count (&f->k, "SELECT count (*) FROM workshops"), ==, 1);

  /* After it: the centre's delay again, visits not part of any workshop. */
  press (&f->k, "win.start");
  escale_test_kiosk_advance (&f->k, 200);
  g_assert_cmpint (escale_session_get_state (session), ==, ESCALE_SESSION_WARNING);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/escale/help-visit/no-broker-says-raise-hand", test_no_broker);
  g_test_add ("/escale/help-visit/acknowledged-then-left", Fixture, NULL, fixture_set_up,
              test_acknowledged, fixture_tear_down);
  g_test_add ("/escale/help-visit/unanswered-is-asked-not-given", Fixture, NULL, fixture_set_up,
              test_unanswered, fixture_tear_down);
  g_test_add ("/escale/help-visit/broker-stops-mid-request", Fixture, NULL, fixture_set_up,
              test_broker_stops, fixture_tear_down);
  g_test_add ("/escale/help-visit/workshop-from-the-board", Fixture, NULL, fixture_set_up,
              test_workshop, fixture_tear_down);
  return g_test_run ();
}
