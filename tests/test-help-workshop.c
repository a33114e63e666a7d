/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>

#include "escale-activities.h"
#include "escale-help-site.h"
#include "escale-staff-page.h"
#include "escale-test-util.h"
#include "escale-workshop-form.h"
#include "help-shot.h"
#include "mqtt-lab.h"

/* A workshop started at one kiosk by a helper with the helpers' code, in
 * the whole kiosk, with a real mosquitto (tests/mqtt-lab.c) and a board's
 * view of the site: the code and its back-off, the band and the long
 * delay, the board seeing it, and the planned end kept. */

#define TEST_KIB 64
#define TEST_PASSES 1
#define HELPER_CODE "246813"
#define STAFF_CODE "482913"

typedef struct
{
  MqttLab *lab;
  EscaleConfig *board_config;
  EscaleHelpSite *board;
  char *kiosk_dir;
  EscaleTestKiosk k;
} Fixture;

static void
set_codes (EscaleTestKiosk *k)
{
  EscaleCodeLock *helper = escale_kiosk_get_helper_lock (k->kiosk);
  EscaleCodeLock *staff = escale_kiosk_get_staff_lock (k->kiosk);

  escale_code_lock_set_cost (helper, TEST_KIB, TEST_PASSES);
  escale_code_lock_set_cost (staff, TEST_KIB, TEST_PASSES);
  if (!escale_code_lock_has_code (helper, NULL))
    g_assert_true (escale_code_lock_set_code (helper, HELPER_CODE, NULL));
  if (!escale_code_lock_has_code (staff, NULL))
    g_assert_true (escale_code_lock_set_code (staff, STAFF_CODE, NULL));
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *board_dir = NULL;

  f->lab = mqtt_lab_new ();
  f->kiosk_dir = mqtt_lab_write_config (f->lab, "poste-1", "kiosk-label=Poste 1\n");
  board_dir = mqtt_lab_write_config (f->lab, NULL, NULL);
  f->board_config = escale_config_load (board_dir, escale_activities_get_kinds ());
  f->board = escale_help_site_new (escale_config_get_help (f->board_config), "test-board");
  escale_test_kiosk_init (&f->k, f->kiosk_dir, TRUE);
  set_codes (&f->k);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  escale_test_kiosk_clear (&f->k);
  g_assert_finalize_object (f->board);
  g_clear_object (&f->board_config);
  g_free (f->kiosk_dir);
  mqtt_lab_free (f->lab);
}

static void
press (EscaleTestKiosk *k, const char *action)
{
  gtk_widget_activate_action (GTK_WIDGET (k->window), action, NULL);
}

static EscaleStaffPage *
pad (EscaleTestKiosk *k)
{
  return ESCALE_STAFF_PAGE (escale_window_get_staff_page (k->window));
}

static EscaleWorkshopForm *
form (EscaleTestKiosk *k)
{
  return ESCALE_WORKSHOP_FORM (escale_staff_page_get_workshop_form (pad (k)));
}

static gboolean
check_done (gpointer data)
{
  return !escale_staff_page_is_busy (pad (data));
}

static void
type_code (EscaleTestKiosk *k, const char *code)
{
  escale_staff_page_type (pad (k), code);
  escale_staff_page_validate (pad (k));
  escale_test_wait_until (check_done, k, 20000);
}

/* "Appeler un aidant", then "Je suis aidant" in the banner. */
static void
open_helper_pad (EscaleTestKiosk *k, const char *shot)
{
  press (k, "win.call-helper");
  if (shot != NULL)
    {
      escale_test_spin (200);
      help_shot_save (GTK_WIDGET (k->window), shot);
    }
  press (k, "win.helper-space");
  g_assert_cmpstr (escale_window_get_page_name (k->window), ==, "staff");
  g_assert_cmpstr (escale_staff_page_get_title (pad (k)), ==, "Code des aidants");
}

/* The helpers' code: wrong ones count and wait as the staff's do, the
 * right one opens the workshop screen, never the staff menu. */
static void
test_helper_code (Fixture *f, gconstpointer data)
{
  press (&f->k, "win.start");
  open_helper_pad (&f->k, "helper-banner");
  help_shot_save (GTK_WIDGET (f->k.window), "helper-pad");
  for (int i = 0; i < 3; i++)
    type_code (&f->k, "111111");
  g_assert_nonnull (strstr (escale_staff_page_get_message (pad (&f->k)), "Réessayez dans 30 s"));
  type_code (&f->k, HELPER_CODE);
  g_assert_cmpstr (escale_staff_page_get_view (pad (&f->k)), ==, "pin");
  escale_fake_clock_advance (ESCALE_FAKE_CLOCK (f->k.clock), 30);
  type_code (&f->k, HELPER_CODE);
  g_assert_cmpstr (escale_staff_page_get_view (pad (&f->k)), ==, "workshop");
  g_assert_cmpstr (escale_workshop_form_get_view (form (&f->k)), ==, "start");
  g_assert_true (escale_workshop_form_choose (form (&f->k), "email", "debutant", 90));
  help_shot_save (GTK_WIDGET (f->k.window), "workshop-form");

  /* "Annuler": back to the visit, nothing wiped, no workshop. */
  gtk_widget_activate_action (GTK_WIDGET (form (&f->k)), "workshop.back", NULL);
  g_assert_cmpstr (escale_window_get_page_name (f->k.window), ==, "home");
  g_assert_cmpint (escale_session_get_state (escale_kiosk_get_session (f->k.kiosk)), ==,
                   ESCALE_SESSION_ACTIVE);
  g_assert_null (escale_window_get_workshop_band (f->k.window));
}

/* Two codes, two doors: the staff code does not open the helpers' pad,
 * the helpers' code does not open the staff space. */
static void
test_codes_are_distinct (Fixture *f, gconstpointer data)
{
  press (&f->k, "win.start");
  open_helper_pad (&f->k, NULL);
  type_code (&f->k, STAFF_CODE);
  g_assert_cmpstr (escale_staff_page_get_view (pad (&f->k)), ==, "pin");
  g_assert_cmpstr (escale_staff_page_get_message (pad (&f->k)), ==,
                   "Ce n'est pas le bon code. Réessayez.");
  gtk_widget_activate_action (GTK_WIDGET (pad (&f->k)), "staff.leave", NULL);
  g_assert_cmpstr (escale_window_get_page_name (f->k.window), ==, "home");

  escale_staff_page_open (pad (&f->k));
  g_assert_cmpstr (escale_staff_page_get_title (pad (&f->k)), ==, "Code de l'équipe");
  type_code (&f->k, HELPER_CODE);
  g_assert_cmpstr (escale_staff_page_get_view (pad (&f->k)), ==, "pin");
  type_code (&f->k, STAFF_CODE);
  g_assert_cmpstr (escale_staff_page_get_view (pad (&f->k)), ==, "menu");
}

static void
start_here (Fixture *f, const char *theme, const char *level, guint minutes)
{
  open_helper_pad (&f->k, NULL);
  type_code (&f->k, HELPER_CODE);
  g_assert_true (escale_workshop_form_choose (form (&f->k), theme, level, minutes));
  gtk_widget_activate_action (GTK_WIDGET (form (&f->k)), "workshop.start", NULL);
  g_assert_cmpstr (escale_window_get_page_name (f->k.window), !=, "staff");
  escale_test_wait_until (escale_test_kiosk_workshop_band_shown, &f->k, 30000);
}

typedef struct
{
  EscaleHelpSite *board;
  gboolean running;
} BoardWait;

static gboolean
board_sees_workshop (gpointer data)
{
  BoardWait *wait = data;
  EscaleHelpKiosk *kiosk = escale_help_site_find (wait->board, "poste-1");
  gboolean running = kiosk != NULL && escale_help_kiosk_get_workshop (kiosk) != NULL;

  return running == wait->running;
}

/* The board's line for poste-1 says the workshop: the helper's code also
 * closed the help request, whose state may reach the board just after
 * the workshop topic. */
static gboolean
board_line_says_workshop (gpointer data)
{
  EscaleHelpKiosk *kiosk = escale_help_site_find (data, "poste-1");
  g_autofree char *said = kiosk != NULL ? escale_help_kiosk_describe (kiosk, 0) : NULL;

  return g_strcmp0 (said, "atelier sur ce poste : E-mail") == 0;
}

/* Started here: the band and the long delay as from the board, the board
 * sees it on the kiosk's own topic; the helper ends it with the code, the
 * visit under way ends and one workshop is recorded. */
static void
test_started_here (Fixture *f, gconstpointer data)
{
  EscaleSession *session = escale_kiosk_get_session (f->k.kiosk);
  BoardWait running = { f->board, TRUE };
  BoardWait ended = { f->board, FALSE };

  press (&f->k, "win.start");
  start_here (f, "email", "debutant", 90);
  g_assert_cmpstr (escale_window_get_page_name (f->k.window), ==, "home");
  g_assert_cmpstr (escale_window_get_workshop_band (f->k.window), ==, "Atelier en cours : E-mail");
  help_shot_save (GTK_WIDGET (f->k.window), "workshop-band-here");
  /* Past the centre's 3 minutes: no countdown during a workshop. */
  escale_test_kiosk_advance (&f->k, 200);
  g_assert_cmpint (escale_session_get_state (session), ==, ESCALE_SESSION_ACTIVE);
  g_assert_true (mqtt_lab_wait_for (board_sees_workshop, &running));
  g_assert_cmpstr (escale_help_kiosk_get_workshop (escale_help_site_find (f->board, "poste-1"))
                     ->theme,
                   ==, "email");
  g_assert_true (mqtt_lab_wait_for (board_line_says_workshop, f->board));

  /* The helper ends it, with the code again. */
  open_helper_pad (&f->k, NULL);
  type_code (&f->k, HELPER_CODE);
  g_assert_cmpstr (escale_workshop_form_get_view (form (&f->k)), ==, "running");
  help_shot_save (GTK_WIDGET (f->k.window), "workshop-running-here");
  gtk_widget_activate_action (GTK_WIDGET (form (&f->k)), "workshop.end", NULL);
  escale_test_wait_until (escale_test_kiosk_workshop_over, &f->k, 30000);
  g_assert_true (mqtt_lab_wait_for (board_sees_workshop, &ended));
  g_assert_cmpint (escale_test_kiosk_db_count (&f->k, "SELECT participants FROM workshops WHERE"
                                                      " theme = 'email' AND level = 'debutant'"),
                   ==, 1);
  g_assert_cmpint (escale_test_kiosk_db_count (&f->k, "SELECT count (*) FROM sessions WHERE"
                                                      " workshop_uid IS NOT NULL AND help_given"),
                   ==, 1);
}

typedef struct
{
  EscaleTestKiosk *k;
  const char *text;
} BandWait;

static gboolean
band_contains (gpointer data)
{
  BandWait *wait = data;
  const char *band = escale_window_get_workshop_band (wait->k->window);

  return band != NULL && strstr (band, wait->text) != NULL;
}

/* Minutes of a workshop pass with someone at the kiosk (a touch now and
 * then keeps the visit). */
static void
spend_minutes (EscaleTestKiosk *k, guint minutes)
{
  for (guint i = 0; i < minutes; i++)
    {
      escale_test_kiosk_advance (k, 60);
      press (k, "win.still-here");
    }
}

/* The planned end is kept: five minutes before, the band says so; at the
 * end the workshop ends by itself, records one workshop with its
 * participants, and the visit is wiped. */
static void
test_planned_end (Fixture *f, gconstpointer data)
{
  BandWait notice = { &f->k, "L'atelier se termine dans 5 minutes" };

  press (&f->k, "win.start");
  start_here (f, "sante", "avance", 60);
  spend_minutes (&f->k, 54);
  g_assert_null (strstr (escale_window_get_workshop_band (f->k.window), "5 minutes"));
  spend_minutes (&f->k, 1);
  escale_test_wait_until (band_contains, &notice, 10000);
  g_assert_cmpstr (escale_window_get_workshop_band (f->k.window), ==,
                   "Atelier en cours : Santé. L'atelier se termine dans 5 minutes.");
  help_shot_save (GTK_WIDGET (f->k.window), "workshop-ends-in-5-minutes");

  spend_minutes (&f->k, 5);
  escale_test_wait_until (escale_test_kiosk_workshop_over, &f->k, 10000);
  g_assert_cmpstr (escale_window_get_page_name (f->k.window), ==, "welcome");
  g_assert_cmpint (escale_test_kiosk_db_count (&f->k, "SELECT count (*) FROM workshops WHERE"
                                                      " theme = 'sante' AND level = 'avance'"
                                                      " AND participants = 1"
                                                      " AND duration_min = 60"),
                   ==, 1);
  g_assert_cmpint (escale_test_kiosk_db_count (&f->k, "SELECT count (*) FROM sessions WHERE"
                                                      " workshop_uid IS NOT NULL"),
                   ==, 1);
}

/* Moves the workshop kept across a restart two hours back, as if the
 * kiosk had been off meanwhile. */
static void
age_saved_workshop (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "workshop", NULL);
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *payload = NULL;
  g_auto (GStrv) parts = NULL;
  g_autofree char *aged = NULL;

  g_assert_true (g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, NULL));
  payload = g_key_file_get_string (file, "Workshop", "Workshop", NULL);
  parts = g_strsplit (payload, " ", 0);
  g_assert_cmpuint (g_strv_length (parts), ==, 5);
  aged = g_strdup_printf ("%s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %s %s", parts[0],
                          g_ascii_strtoll (parts[1], NULL, 10) - 7200,
                          g_ascii_strtoll (parts[2], NULL, 10) - 7200, parts[3], parts[4]);
  g_key_file_set_string (file, "Workshop", "Workshop", aged);
  g_assert_true (g_key_file_save_to_file (file, path, NULL));
}

/* A workshop whose planned end passed while the kiosk was off is ended at
 * start: recorded with the visits it had, and not begun again. */
static void
test_ended_while_off (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = g_strdup (f->k.dir);
  g_autofree char *saved = g_build_filename (dir, "workshop", NULL);

  press (&f->k, "win.start");
  start_here (f, "culture_numerique", "intermediaire", 60);
  press (&f->k, "win.finish");
  escale_test_wait_until (escale_test_kiosk_workshop_over, &f->k, 1);
  f->k.keep_dir = TRUE;
  escale_test_kiosk_clear (&f->k);

  age_saved_workshop (dir);
  escale_test_kiosk_init_in_dir (&f->k, dir, f->kiosk_dir, NULL, TRUE);
  g_assert_cmpint (escale_test_kiosk_db_count (&f->k, "SELECT count (*) FROM workshops WHERE"
                                                      " theme = 'culture_numerique'"
                                                      " AND participants = 1"),
                   ==, 1);
  press (&f->k, "win.start");
  g_assert_null (escale_window_get_workshop_band (f->k.window));
  g_assert_false (g_file_test (saved, G_FILE_TEST_EXISTS));
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/escale/help-workshop/helper-code-and-its-wait", test_helper_code);
  ADD ("/escale/help-workshop/staff-and-helper-codes-are-distinct", test_codes_are_distinct);
  ADD ("/escale/help-workshop/started-here-seen-by-the-board", test_started_here);
  ADD ("/escale/help-workshop/planned-end-ends-it", test_planned_end);
  ADD ("/escale/help-workshop/ended-while-the-kiosk-was-off", test_ended_while_off);
#undef ADD
  return g_test_run ();
}
