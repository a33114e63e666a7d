/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <gtk/gtk.h>

#include "escale-board-row.h"
#include "escale-board-window.h"
#include "escale-config.h"
#include "escale-help-client.h"
#include "help-shot.h"
#include "mqtt-lab.h"

/* escale-board's window on a real mosquitto (tests/mqtt-lab.c), with three
 * kiosks' help clients in the test: what the helper reads, and what the
 * buttons change on the visitor's side. */

#define N_KIOSKS 3

typedef struct
{
  MqttLab *lab;
  EscaleHelpSettings *settings[N_KIOSKS];
  EscaleHelpClient *clients[N_KIOSKS];
  EscaleHelpSite *site;
  GtkWidget *window;
} Fixture;

static EscaleHelpSettings *
settings_for (MqttLab *lab, const char *kiosk, const char *label)
{
  g_autofree char *extra = g_strdup_printf ("kiosk-label=%s\n", label);
  g_autofree char *dir = mqtt_lab_write_config (lab, kiosk, extra);
  g_autofree char *ini = g_build_filename (dir, "escale.ini", NULL);
  g_autoptr(GPtrArray) problems =
               g_ptr_array_new_with_free_func ((GDestroyNotify) escale_config_problem_free);
  EscaleHelpSettings *settings = escale_help_settings_load_file (ini, problems);

  /* [Centre] and [Session] are not the board's business: reported, ignored. */
  g_assert_cmpuint (problems->len, ==, 2);
  return settings;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *board_dir = NULL;
  g_autofree char *board_ini = NULL;
  g_autoptr(GPtrArray) problems =
               g_ptr_array_new_with_free_func ((GDestroyNotify) escale_config_problem_free);
  g_autoptr(EscaleHelpSettings) board = NULL;

  f->lab = mqtt_lab_new ();
  for (guint i = 0; i < N_KIOSKS; i++)
    {
      g_autofree char *id = g_strdup_printf ("poste-%u", i + 1);
      g_autofree char *label = g_strdup_printf ("Poste %u", i + 1);

      f->settings[i] = settings_for (f->lab, id, label);
      f->clients[i] = escale_help_client_new (f->settings[i]);
    }
  board_dir = mqtt_lab_write_config (f->lab, NULL, NULL);
  board_ini = g_build_filename (board_dir, "escale-board.ini", NULL);
  board = escale_help_settings_load_file (board_ini, problems);
  g_assert_cmpuint (problems->len, ==, 0);
  f->site = escale_help_site_new (board, "test-board");
  f->window = g_object_ref (escale_board_window_new (NULL, f->site));
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (f->window);
  g_assert_finalize_object (f->site);
  for (guint i = 0; i < N_KIOSKS; i++)
    {
      g_assert_finalize_object (f->clients[i]);
      escale_help_settings_free (f->settings[i]);
    }
  mqtt_lab_free (f->lab);
}

/* The row of the kiosk labelled @label, or NULL. */
static EscaleBoardRow *
find_row (GtkWidget *widget, const char *label)
{
  g_autofree char *prefix = g_strconcat (label, " : ", NULL);

  if (ESCALE_IS_BOARD_ROW (widget))
    return g_str_has_prefix (escale_board_row_get_text (ESCALE_BOARD_ROW (widget)), prefix)
             ? ESCALE_BOARD_ROW (widget)
             : NULL;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      EscaleBoardRow *row = find_row (child, label);

      if (row != NULL)
        return row;
    }
  return NULL;
}

typedef struct
{
  Fixture *f;
  const char *text;
} RowWait;

static gboolean
row_says (gpointer data)
{
  RowWait *wait = data;
  g_autofree char *label = g_strndup (wait->text, strstr (wait->text, " : ") - wait->text);
  EscaleBoardRow *row = find_row (wait->f->window, label);

  return row != NULL && g_str_equal (escale_board_row_get_text (row), wait->text);
}

static void
assert_row_says (Fixture *f, const char *text)
{
  RowWait wait = { f, text };

  g_assert_true (mqtt_lab_wait_for (row_says, &wait));
}

/* Touches the visible button @name of the row of @label. */
static void
touch (Fixture *f, const char *label, const char *name)
{
  EscaleBoardRow *row = find_row (f->window, label);

  g_assert_nonnull (row);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (row)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child) && gtk_widget_get_visible (child) &&
        g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), name) == 0)
      {
        g_signal_emit_by_name (child, "clicked");
        return;
      }
  g_error ("no visible button %s on the row of %s", name, label);
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

/* Three kiosks in three states; "J'arrive" and "Fait" reach the visitor. */
static void
test_three_states (Fixture *f, gconstpointer data)
{
  ClientWait coming = { f->clients[1], ESCALE_HELP_PROGRESS_COMING };
  ClientWait over = { f->clients[1], ESCALE_HELP_PROGRESS_NONE };

  for (guint i = 0; i < N_KIOSKS; i++)
    escale_help_client_ask (f->clients[i]);
  assert_row_says (f, "Poste 1 : demande d'aide à l'instant");
  assert_row_says (f, "Poste 2 : demande d'aide à l'instant");
  assert_row_says (f, "Poste 3 : demande d'aide à l'instant");

  touch (f, "Poste 2", "J'arrive");
  g_assert_true (mqtt_lab_wait_for (client_says, &coming));
  assert_row_says (f, "Poste 2 : un aidant y va");
  escale_help_client_end_visit (f->clients[2]);
  assert_row_says (f, "Poste 3 : parti avant d'être aidé");
  help_shot_save (f->window, "board-three-states");

  touch (f, "Poste 2", "Fait");
  g_assert_true (mqtt_lab_wait_for (client_says, &over));
  g_assert_true (escale_help_client_get_given (f->clients[1]));
  assert_row_says (f, "Poste 2 : aidé");
  touch (f, "Poste 3", "Effacer");
  assert_row_says (f, "Poste 3 : rien à signaler");
  g_assert_false (escale_help_client_get_given (f->clients[2]));
}

/* The visible button labelled @name anywhere under @widget, or NULL. */
static GtkWidget *
find_button (GtkWidget *widget, const char *name)
{
  if (!gtk_widget_get_visible (widget))
    return NULL;
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
kiosks_in_workshop (gpointer data)
{
  Fixture *f = data;

  for (guint i = 0; i < N_KIOSKS; i++)
    if (escale_help_client_get_workshop (f->clients[i]) == NULL)
      return FALSE;
  return TRUE;
}

static gboolean
kiosks_out_of_workshop (gpointer data)
{
  Fixture *f = data;

  for (guint i = 0; i < N_KIOSKS; i++)
    if (escale_help_client_get_workshop (f->clients[i]) != NULL)
      return FALSE;
  return TRUE;
}

static gboolean
board_knows_workshop (gpointer data)
{
  Fixture *f = data;

  return find_button (f->window, "Terminer l'atelier") != NULL;
}

static gboolean
board_connected (gpointer data)
{
  Fixture *f = data;

  return escale_mqtt_link_get_status (escale_help_site_get_link (f->site)) ==
         ESCALE_MQTT_CONNECTED;
}

static guint
n_alerts (Fixture *f)
{
  return escale_board_alert_get_n_rung (
    escale_board_window_get_alert (ESCALE_BOARD_WINDOW (f->window)));
}

/* A new request chimes once, with the board's own sound (in the
 * resources, played by GtkMediaFile); the same request heard again after
 * the broker lost everything and the kiosk published it anew does not. */
static void
test_one_alert_per_request (Fixture *f, gconstpointer data)
{
  GtkMediaStream *sound;

  g_assert_true (mqtt_lab_wait_for (board_connected, f));
  g_assert_cmpuint (n_alerts (f), ==, 0);
  escale_help_client_ask (f->clients[0]);
  assert_row_says (f, "Poste 1 : demande d'aide à l'instant");
  g_assert_cmpuint (n_alerts (f), ==, 1);
  sound =
    escale_board_alert_get_sound (escale_board_window_get_alert (ESCALE_BOARD_WINDOW (f->window)));
  g_assert_true (GTK_IS_MEDIA_FILE (sound));
  g_assert_nonnull (gtk_media_file_get_file (GTK_MEDIA_FILE (sound)));

  /* The broker restarts empty: the kiosk publishes its open request again
   * and the board hears it again. Then another kiosk asks. */
  mqtt_lab_stop (f->lab);
  mqtt_lab_start (f->lab);
  g_assert_true (mqtt_lab_wait_for (board_connected, f));
  escale_help_client_ask (f->clients[1]);
  assert_row_says (f, "Poste 2 : demande d'aide à l'instant");
  assert_row_says (f, "Poste 1 : demande d'aide à l'instant");
  /* Lets a late copy of Poste 1's request arrive, if one were to ring. */
  for (gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
       g_get_monotonic_time () < until;)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (n_alerts (f), ==, 2);

  /* "J'arrive": seen, nothing rings. */
  touch (f, "Poste 1", "J'arrive");
  assert_row_says (f, "Poste 1 : un aidant y va");
  g_assert_cmpuint (n_alerts (f), ==, 2);
}

/* The rule itself: a request is its kiosk and the moment it asked. The
 * same one heard again (a stale retained message after "Fait", a kiosk
 * publishing its state again) rings no more; a later one rings. */
static void
test_alert_once_per_moment (Fixture *f, gconstpointer data)
{
  EscaleBoardAlert *alert = escale_board_window_get_alert (ESCALE_BOARD_WINDOW (f->window));
  g_autoptr(EscaleHelpKiosk) kiosk = escale_help_kiosk_new ("poste-9");

  escale_help_kiosk_set_state (kiosk, ESCALE_HELP_ASKED, 1764500000);
  g_assert_true (escale_board_alert_ring (alert, f->window, kiosk));
  escale_help_kiosk_set_state (kiosk, ESCALE_HELP_DONE, 1764500060);
  escale_help_kiosk_set_state (kiosk, ESCALE_HELP_ASKED, 1764500000);
  g_assert_false (escale_board_alert_ring (alert, f->window, kiosk));
  escale_help_kiosk_set_state (kiosk, ESCALE_HELP_ASKED, 1764500300);
  g_assert_true (escale_board_alert_ring (alert, f->window, kiosk));
  g_assert_cmpuint (escale_board_alert_get_n_rung (alert), ==, 2);
}

/* "Commencer l'atelier sur tous les postes" reaches every kiosk with the
 * theme and level chosen; "Terminer l'atelier" ends it everywhere. */
static void
test_workshop (Fixture *f, gconstpointer data)
{
  GtkWidget *start = NULL;
  const EscaleHelpWorkshop *workshop;

  g_assert_true (mqtt_lab_wait_for (board_connected, f));
  g_signal_emit_by_name (find_button (f->window, "Préparer un atelier sur tous les postes"),
                         "clicked");
  help_shot_save (f->window, "board-workshop-start");
  start = find_button (f->window, "Commencer l'atelier sur tous les postes");
  g_assert_nonnull (start);
  g_signal_emit_by_name (start, "clicked");
  g_assert_true (mqtt_lab_wait_for (kiosks_in_workshop, f));
  workshop = escale_help_client_get_workshop (f->clients[2]);
  g_assert_cmpstr (workshop->theme, ==, "prendre_en_main_du_materiel");
  g_assert_cmpstr (workshop->level, ==, "debutant");
  g_assert_cmpint (workshop->end - workshop->start, ==, 60 * 60);
  g_assert_true (mqtt_lab_wait_for (board_knows_workshop, f));
  help_shot_save (f->window, "board-workshop-running");

  g_signal_emit_by_name (find_button (f->window, "Terminer l'atelier"), "clicked");
  g_assert_true (mqtt_lab_wait_for (kiosks_out_of_workshop, f));
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add ("/escale/board/three-kiosks-three-states", Fixture, NULL, fixture_set_up,
              test_three_states, fixture_tear_down);
  g_test_add ("/escale/board/workshop-on-every-kiosk", Fixture, NULL, fixture_set_up,
              test_workshop, fixture_tear_down);
  g_test_add ("/escale/board/one-alert-per-request", Fixture, NULL, fixture_set_up,
              test_one_alert_per_request, fixture_tear_down);
  g_test_add ("/escale/board/alert-once-per-moment", Fixture, NULL, fixture_set_up,
              test_alert_once_per_moment, fixture_tear_down);
  return g_test_run ();
}
