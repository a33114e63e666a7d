/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <unistd.h>

#include "escale-activities.h"
#include "escale-activity-page.h"
#include "escale-hello-kind.h"
#include "escale-hello-view.h"
#include "escale-home-page.h"
#include "escale-stats-report.h"
#include "escale-test-util.h"

/* A kind of activity is one folder and one table line: kind=hello
 * (tests/activities/hello/) is added to the real table here and nowhere
 * else, and Escale checks its key, shows its view in a real window, counts
 * its counter, holds the countdown while it asks, and wipes what it added
 * at the end of the visit. */

static const EscaleActivityKind *kinds[8];

static const char hello_ini[] = "# A test kind of activity.\n"
                                "[Activity]\n"
                                "id=bonjour\n"
                                "title=Dire bonjour\n"
                                "icon=help\n"
                                "kind=hello\n"
                                "\n"
                                "[Hello]\n"
                                "greeting=%s\n"
                                "\n"
                                "[Guide]\n"
                                "step-1=Lisez le bonjour.\n"
                                "step-2=Touchez <b>Dire bonjour</b>.\n"
                                "step-3=Touchez <b>J'ai salué</b>.\n";

typedef struct
{
  char *dir;
  char *config_dir;
  EscaleTestKiosk k;
  EscaleSessionRecord *record;
} Fixture;

/* The real table, then hello. */
static const EscaleActivityKind *const *
kinds_with_hello (void)
{
  const EscaleActivityKind *const *table = escale_activities_get_kinds ();
  guint n = 0;

  while (table[n] != NULL)
    {
      g_assert_cmpuint (n + 2, <, G_N_ELEMENTS (kinds));
      kinds[n] = table[n];
      n++;
    }
  kinds[n] = &escale_hello_kind;
  kinds[n + 1] = NULL;
  return kinds;
}

static void
write_hello (Fixture *f, const char *greeting)
{
  g_autofree char *path = g_build_filename (f->config_dir, "activities", "60-hello.ini", NULL);
  g_autofree char *text = g_strdup_printf (hello_ini, greeting);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

static gboolean
has_problem (EscaleConfig *config, const char *start)
{
  g_auto(GStrv) lines = escale_config_format_problems (config);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], start))
      return TRUE;
  return FALSE;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *demo = escale_test_demo_config ();
  g_autofree char *command = NULL;
  g_autofree char *first_steps = NULL;

  f->dir = g_dir_make_tmp ("escale-plugin-XXXXXX", NULL);
  f->config_dir = g_build_filename (f->dir, "config", NULL);
  command = g_strdup_printf ("cp -r '%s' '%s'", demo, f->config_dir);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
  /* The demo has the six activities a home screen shows: "Premiers pas"
   * makes way for the plug-in's. */
  first_steps = g_build_filename (f->config_dir, "activities", "60-premiers-pas.ini", NULL);
  g_assert_cmpint (g_remove (first_steps), ==, 0);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_pointer (&f->record, escale_session_record_free);
  if (f->k.window != NULL)
    escale_test_kiosk_clear (&f->k);
  g_assert_true (escale_remove_tree (f->dir, NULL));
  g_free (f->config_dir);
  g_free (f->dir);
}

/* --check-config's checks: the kind's key and its own check, FILE:LINE. */
static void
test_config (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleConfig) without = NULL;
  g_autoptr(EscaleConfig) with = NULL;
  g_autoptr(EscaleConfig) too_long = NULL;

  write_hello (f, "Bonjour à vous !");
  /* Without the kind in the table, the message names the table's kinds. */
  without = escale_config_load (f->config_dir, escale_activities_get_kinds ());
  g_assert_true (
    has_problem (without, "activities/60-hello.ini:6: kind: « hello » n'est pas un "
                          "type d'activité ; utilisez call, culture, demarches, firststeps, info "
                          "ou photos"));
  g_assert_null (escale_config_find_activity (without, "bonjour"));

  with = escale_config_load (f->config_dir, kinds_with_hello ());
  g_assert_cmpuint (escale_config_get_problems (with)->len, ==, 0);
  g_assert_nonnull (escale_config_find_activity (with, "bonjour"));

  write_hello (f, "Bonjour, bonjour, bonjour à vous tous, et bienvenue !");
  too_long = escale_config_load (f->config_dir, kinds_with_hello ());
  g_assert_true (has_problem (too_long, "activities/60-hello.ini:9: greeting: trop long : 40 "
                                        "caractères au plus"));
}

static void
ended_cb (EscaleSession *session, EscaleSessionRecord *record, Fixture *f)
{
  g_clear_pointer (&f->record, escale_session_record_free);
  f->record = escale_session_record_copy (record);
}

/* The real application, with the kinds of this test. */
static void
kiosk_init (Fixture *f)
{
  g_autoptr(EscaleConfig) config = escale_config_load (f->config_dir, kinds_with_hello ());

  /* The hello kind's key is checked like any kind's. */
  g_assert_cmpuint (escale_config_get_problems (config)->len, ==, 0);
  escale_test_kiosk_init_with_kinds (&f->k, f->config_dir, kinds_with_hello (), FALSE);
  g_signal_connect (escale_kiosk_get_session (f->k.kiosk), "ended", G_CALLBACK (ended_cb), f);
}

static EscaleHelloView *
open_hello (Fixture *f)
{
  GtkWidget *home = escale_window_get_home_page (f->k.window);
  GtkWidget *button = escale_home_page_get_button (ESCALE_HOME_PAGE (home), "bonjour");
  GtkWidget *page;
  GtkWidget *content;

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  page = escale_window_get_activity_page (f->k.window);
  g_assert_nonnull (page);
  content = escale_activity_page_get_content (ESCALE_ACTIVITY_PAGE (page));
  g_assert_true (ESCALE_IS_HELLO_VIEW (content));
  return ESCALE_HELLO_VIEW (content);
}

/* The step rows of the guide panel whose step stands out. */
static void
collect_current_steps (GtkWidget *widget, GString *found)
{
  if (gtk_widget_has_css_class (widget, "guide-step-row") &&
      gtk_widget_has_css_class (widget, "current"))
    {
      GtkWidget *badge = gtk_widget_get_first_child (widget);

      g_string_append (found, gtk_label_get_text (GTK_LABEL (badge)));
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_current_steps (c, found);
}

static char *
current_steps (Fixture *f)
{
  GString *found = g_string_new (NULL);

  collect_current_steps (escale_window_get_activity_page (f->k.window), found);
  return g_string_free (found, FALSE);
}

static void
assert_greetings_reported (Fixture *f, guint64 expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleStatsReport)
               report = escale_stats_report_new (f->k.store, "2000-01-01", "2999-12-31", &error);
  GPtrArray *counters;
  gboolean found = FALSE;

  g_assert_no_error (error);
  counters = escale_stats_report_get_counters (report);
  for (guint i = 0; i < counters->len; i++)
    {
      const EscaleStatsCounter *counter = counters->pdata[i];

      if (g_str_equal (counter->kind, "hello") && g_str_equal (counter->counter, "greetings"))
        {
          g_assert_cmpstr (escale_stats_counter_display_label (counter), ==, "Bonjours dits");
          g_assert_cmpuint (counter->value, ==, expected);
          found = TRUE;
        }
    }
  g_assert_true (found);
}

static void
test_visit (Fixture *f, gconstpointer data)
{
  EscaleSession *session;
  EscaleHelloView *view;
  guint wipes_before = escale_hello_kind_get_n_wipes ();
  g_autofree char *step_1 = NULL;
  g_autofree char *step_2 = NULL;
  g_autofree char *step_3 = NULL;

  write_hello (f, "Bonjour à vous !");
  kiosk_init (f);
  /* Staff see the kind's counter from the start, at 0, with its label. */
  assert_greetings_reported (f, 0);
  session = escale_kiosk_get_session (f->k.kiosk);
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.start", NULL);
  view = open_hello (f);
  g_assert_cmpstr (escale_hello_view_get_text (view), ==, "Bonjour à vous !");
  step_1 = current_steps (f);
  g_assert_cmpstr (step_1, ==, "1");

  /* Greeting holds the countdown: five minutes without a touch change nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "hello.greet", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "hello.greet", NULL));
  g_assert_cmpstr (escale_hello_view_get_text (view), ==, "Bonjour à vous ! (2)");
  step_2 = current_steps (f);
  g_assert_cmpstr (step_2, ==, "2");
  g_assert_true (escale_session_is_held (session));
  escale_test_kiosk_advance (&f->k, 300);
  g_assert_cmpint (escale_session_get_state (session), ==, ESCALE_SESSION_ACTIVE);

  /* Done: the countdown may come again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "hello.done", NULL));
  step_3 = current_steps (f);
  g_assert_cmpstr (step_3, ==, "3");
  g_assert_false (escale_session_is_held (session));
  escale_test_kiosk_advance (&f->k,
                             escale_config_get_idle_delay (escale_kiosk_get_config (f->k.kiosk)) +
                               1);
  g_assert_cmpint (escale_session_get_state (session), ==, ESCALE_SESSION_WARNING);

  /* The visit ends: its record carries the counter, the wiper ran. */
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.finish", NULL);
  g_assert_cmpint (escale_session_get_state (session), ==, ESCALE_SESSION_IDLE);
  g_assert_nonnull (f->record);
  g_assert_cmpint (escale_session_record_get_count (f->record, "hello", "greetings"), ==, 2);
  assert_greetings_reported (f, 2);
  g_assert_cmpuint (escale_hello_kind_get_n_wipes (), ==, wipes_before + 1);
  g_assert_null (escale_window_get_activity_page (f->k.window));

  /* The next person does not open it: nothing of it runs again. */
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.start", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.finish", NULL);
  g_assert_cmpint (escale_session_record_get_count (f->record, "hello", "greetings"), ==, 0);
  g_assert_cmpuint (escale_hello_kind_get_n_wipes (), ==, wipes_before + 1);
}

/* Accueil while the view holds: the hold goes with the page, the wiper
 * still runs at the end of the visit. */
static void
test_leave_while_holding (Fixture *f, gconstpointer data)
{
  EscaleSession *session;
  EscaleHelloView *view;
  guint wipes_before = escale_hello_kind_get_n_wipes ();

  write_hello (f, "Bonjour à vous !");
  kiosk_init (f);
  session = escale_kiosk_get_session (f->k.kiosk);
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.start", NULL);
  view = open_hello (f);
  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &view);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "hello.greet", NULL));
  g_assert_true (escale_session_is_held (session));
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.home", NULL);
  g_assert_null (escale_window_get_activity_page (f->k.window));
  g_assert_null (view);
  g_assert_false (escale_session_is_held (session));

  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.finish", NULL);
  g_assert_cmpint (escale_session_record_get_count (f->record, "hello", "greetings"), ==, 1);
  g_assert_cmpuint (escale_hello_kind_get_n_wipes (), ==, wipes_before + 1);
}

static gboolean
shows_text (GtkWidget *root, const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_is_drawable (root) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (shows_text (c, text))
      return TRUE;
  return FALSE;
}

/* A kind's goodbye reminder ("N'oubliez pas votre clé !") is shown under
 * "Tout est effacé" at the end of a visit, whether or not the person
 * opened its activity, and only when the kind says so. */
static void
test_goodbye_reminder (Fixture *f, gconstpointer data)
{
  GtkWidget *window;

  g_autofree char *photos = g_build_filename (f->config_dir, "activities", "20-photos.ini", NULL);

  /* Without "Mes photos", whose reminder would come first while another
   * test has a stick mounted. */
  g_assert_cmpint (g_unlink (photos), ==, 0);
  write_hello (f, "Bonjour à vous !");
  kiosk_init (f);
  window = GTK_WIDGET (f->k.window);
  escale_kiosk_set_goodbye_delay_ms (f->k.kiosk, 1500);
  escale_hello_kind_set_reminder ("Pensez à votre parapluie !");
  gtk_widget_activate_action (window, "win.start", NULL);
  gtk_widget_activate_action (window, "win.finish", NULL);
  escale_test_spin (100);
  g_assert_true (escale_test_kiosk_saying_goodbye (&f->k));
  g_assert_true (shows_text (window, "Tout est effacé. Merci et à bientôt !"));
  g_assert_true (shows_text (window, "Pensez à votre parapluie !"));
  escale_test_wait_until (escale_test_kiosk_back_to_welcome, &f->k, 5000);

  /* Nothing to remind of: nothing under the goodbye. */
  escale_hello_kind_set_reminder (NULL);
  gtk_widget_activate_action (window, "win.start", NULL);
  gtk_widget_activate_action (window, "win.finish", NULL);
  escale_test_spin (100);
  g_assert_true (escale_test_kiosk_saying_goodbye (&f->k));
  g_assert_true (shows_text (window, "Tout est effacé. Merci et à bientôt !"));
  g_assert_false (shows_text (window, "Pensez à votre parapluie !"));
  escale_test_wait_until (escale_test_kiosk_back_to_welcome, &f->k, 5000);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/escale/activity-plugin/config", Fixture, NULL, fixture_set_up, test_config,
              fixture_tear_down);
  g_test_add ("/escale/activity-plugin/visit", Fixture, NULL, fixture_set_up, test_visit,
              fixture_tear_down);
  g_test_add ("/escale/activity-plugin/goodbye-reminder", Fixture, NULL, fixture_set_up,
              test_goodbye_reminder, fixture_tear_down);
  g_test_add ("/escale/activity-plugin/leave-while-holding", Fixture, NULL, fixture_set_up,
              test_leave_while_holding, fixture_tear_down);
  return g_test_run ();
}
