/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "escale-dashboard.h"
#include "escale-scratch.h"
#include "escale-staff-page.h"
#include "escale-test-util.h"

/* The dashboard's custom period as staff use it: the staff space opened
 * with Ctrl+Alt+S and the code, "Autre période", then the school year and
 * grant year presets, or days touched on the calendar, month by month.
 * The kiosk's fake clock says 10 March 2026; this kiosk's grant year
 * starts in April ([Staff] grant-year-start=4). ESCALE_SHOTS=FILE.png
 * keeps a screenshot of the calendar, after ESCALE_SHOTS_TEXT=N times A+. */

typedef struct
{
  EscaleTestKiosk k;
  char *copy;
} Fixture;

/* The demo configuration, copied, with the grant year from April. */
static char *
april_config (Fixture *f)
{
  g_autofree char *demo = escale_test_demo_config ();
  g_autofree char *ini = NULL;
  g_autofree char *text = NULL;
  g_autofree char *april = NULL;
  g_auto (GStrv) parts = NULL;
  const char *argv[] = { "cp", "-r", demo, f->copy, NULL };

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL,
                               NULL, NULL, NULL));
  ini = g_build_filename (f->copy, "kiosk-config", "escale.ini", NULL);
  g_assert_true (g_file_get_contents (ini, &text, NULL, NULL));
  parts = g_strsplit (text, "grant-year-start=1\n", 2);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  april = g_strconcat (parts[0], "grant-year-start=4\n", parts[1], NULL);
  g_assert_true (g_file_set_contents (ini, april, -1, NULL));
  return g_build_filename (f->copy, "kiosk-config", NULL);
}

static void
setup (Fixture *f, gconstpointer data)
{
  g_autofree char *config = NULL;

  f->copy = g_dir_make_tmp ("escale-period-XXXXXX", NULL);
  config = april_config (f);
  g_test_expect_message ("escale-stats", G_LOG_LEVEL_MESSAGE, "*schema 1*");
  g_test_expect_message ("escale-stats", G_LOG_LEVEL_MESSAGE, "*schema 2*");
  escale_test_kiosk_init (&f->k, config, TRUE);
  g_test_assert_expected_messages ();
}

static void
teardown (Fixture *f, gconstpointer data)
{
  escale_test_kiosk_clear (&f->k);
  escale_remove_tree (f->copy, NULL);
  g_free (f->copy);
}

static EscaleStaffPage *
staff (Fixture *f)
{
  return ESCALE_STAFF_PAGE (escale_window_get_staff_page (f->k.window));
}

static gboolean
staff_shown (gpointer data)
{
  return g_strcmp0 (escale_window_get_page_name (((Fixture *) data)->k.window), "staff") == 0;
}

static gboolean
check_done (gpointer data)
{
  return !escale_staff_page_is_busy (staff (data));
}

static gboolean
dashboard_loaded (gpointer data)
{
  return !escale_dashboard_is_loading (data);
}

/* Staff open their space and its dashboard, as on the kiosk. */
static EscaleDashboard *
open_dashboard (Fixture *f)
{
  EscaleDashboard *dashboard = ESCALE_DASHBOARD (escale_staff_page_get_dashboard (staff (f)));

  g_assert_true (
    escale_code_lock_set_code (escale_kiosk_get_staff_lock (f->k.kiosk), "482913", NULL));
  escale_test_spin (300);
  g_assert_true (escale_test_xdotool ("key --clearmodifiers ctrl+alt+s"));
  escale_test_wait_until (staff_shown, f, 5000);
  escale_staff_page_type (staff (f), "482913");
  escale_staff_page_validate (staff (f));
  escale_test_wait_until (check_done, f, 20000);
  gtk_widget_activate_action (GTK_WIDGET (staff (f)), "staff.dashboard", NULL);
  escale_test_wait_until (dashboard_loaded, dashboard, 20000);
  return dashboard;
}

/* The button of @widget's that says @label and is on screen. */
static GtkWidget *
find_button (GtkWidget *widget, const char *label)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return NULL;
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Touches the button that says @label (there must be exactly one shown). */
static void
touch (EscaleDashboard *dashboard, const char *label)
{
  GtkWidget *button = find_button (GTK_WIDGET (dashboard), label);

  if (button == NULL)
    g_error ("no button « %s » on screen", label);
  g_signal_emit_by_name (button, "clicked");
}

static void
assert_shown (EscaleDashboard *dashboard, const char *from, const char *to)
{
  EscaleStatsReport *report;

  escale_test_wait_until (dashboard_loaded, dashboard, 20000);
  report = escale_dashboard_get_report (dashboard);
  g_assert_cmpstr (escale_stats_report_get_from (report), ==, from);
  g_assert_cmpstr (escale_stats_report_get_to (report), ==, to);
}

static gboolean
has_text (GtkWidget *widget, const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (has_text (c, text))
      return TRUE;
  return FALSE;
}

static void
test_presets (Fixture *f, gconstpointer data)
{
  EscaleDashboard *dashboard = open_dashboard (f);

  assert_shown (dashboard, "2026-03-01", "2026-03-31");
  g_assert_null (find_button (GTK_WIDGET (dashboard), "Cette année scolaire"));
  touch (dashboard, "Autre période");
  touch (dashboard, "Cette année scolaire");
  assert_shown (dashboard, "2025-09-01", "2026-08-31");
  g_assert_true (has_text (GTK_WIDGET (dashboard), "Septembre 2025"));
  touch (dashboard, "Cette année de subvention");
  assert_shown (dashboard, "2025-04-01", "2026-03-31");
  g_assert_true (
    has_text (GTK_WIDGET (dashboard),
              "Période choisie : du 1er avril 2025 au 31 mars 2026. Touchez « Afficher »."));
}

static void
keep_screenshot (Fixture *f)
{
  const char *shot = g_getenv ("ESCALE_SHOTS");
  const char *argv[] = { "import", "-window", "root", shot, NULL };

  if (shot == NULL)
    return;
  escale_test_spin (800);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL,
                               NULL, NULL, NULL));
}

static void
test_touch_days (Fixture *f, gconstpointer data)
{
  EscaleDashboard *dashboard = open_dashboard (f);
  guint larger = g_getenv ("ESCALE_SHOTS_TEXT") ? atoi (g_getenv ("ESCALE_SHOTS_TEXT")) : 0;

  for (guint i = 0; i < larger; i++)
    gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.text-larger", NULL);
  touch (dashboard, "Autre période");
  g_assert_true (has_text (GTK_WIDGET (dashboard), "Mars 2026"));
  /* The last day first: the calendar puts them in order. */
  touch (dashboard, "12");
  touch (dashboard, "5");
  g_assert_true (
    has_text (GTK_WIDGET (dashboard),
              "Période choisie : du 5 mars 2026 au 12 mars 2026. Touchez « Afficher »."));
  g_assert_true (gtk_widget_has_css_class (find_button (GTK_WIDGET (dashboard), "8"), "in-range"));
  g_assert_false (
    gtk_widget_has_css_class (find_button (GTK_WIDGET (dashboard), "13"), "in-range"));
  touch (dashboard, "Afficher");
  assert_shown (dashboard, "2026-03-05", "2026-03-12");

  /* Across two months: from 27 February to 3 March. */
  touch (dashboard, "Mois précédent");
  g_assert_true (has_text (GTK_WIDGET (dashboard), "Février 2026"));
  g_assert_null (find_button (GTK_WIDGET (dashboard), "29"));
  touch (dashboard, "27");
  touch (dashboard, "Mois suivant");
  touch (dashboard, "3");
  g_assert_true (gtk_widget_has_css_class (find_button (GTK_WIDGET (dashboard), "1"), "in-range"));
  g_assert_true (
    gtk_widget_has_css_class (find_button (GTK_WIDGET (dashboard), "3"), "range-end"));
  g_assert_false (
    gtk_widget_has_css_class (find_button (GTK_WIDGET (dashboard), "4"), "in-range"));
  keep_screenshot (f);
  touch (dashboard, "Afficher");
  assert_shown (dashboard, "2026-02-27", "2026-03-03");
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/escale/dashboard-period/presets", test_presets);
  ADD ("/escale/dashboard-period/touch-days", test_touch_days);
#undef ADD
  return g_test_run ();
}
