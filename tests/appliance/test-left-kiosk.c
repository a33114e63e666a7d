/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What escale-kiosk-session reads from Escale's exit status: the staff's
 * "Quitter le mode kiosque" (status 10, the session ends) told apart from
 * any other end (the session starts Escale again). */
#include "escale-staff-page.h"
#include "escale-test-util.h"

static GtkWidget *
find_staff_page (GtkWidget *widget)
{
  if (ESCALE_IS_STAFF_PAGE (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_staff_page (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The staff confirmed "Oui, quitter le mode kiosque". */
static gboolean
confirm_quit_cb (gpointer data)
{
  GtkWidget *page = find_staff_page (GTK_WIDGET (data));

  g_assert_nonnull (page);
  g_assert_true (gtk_widget_activate_action (page, "staff.quit-kiosk-confirmed", NULL));
  return G_SOURCE_REMOVE;
}

static gboolean
close_window_cb (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

/* Runs the application until @end_cb ends it; returns main ()'s status. */
static int
run_until (EscaleTestKiosk *k, GSourceFunc end_cb)
{
  int status;

  g_idle_add (end_cb, k->window);
  status = g_application_run (G_APPLICATION (k->app), 0, NULL);
  status = escale_application_get_exit_status (k->app, status);
  /* A quit leaves the window to its owner; a closed one is gone already. */
  if (gtk_window_get_application (GTK_WINDOW (k->window)) != NULL)
    gtk_window_destroy (GTK_WINDOW (k->window));
  escale_test_drain ();
  k->store = NULL;
  k->scratch = NULL;
  g_assert_finalize_object (g_steal_pointer (&k->window));
  g_assert_finalize_object (g_steal_pointer (&k->app));
  g_assert_finalize_object (g_steal_pointer (&k->kiosk));
  g_assert_finalize_object (g_steal_pointer (&k->profile));
  g_assert_finalize_object (g_steal_pointer (&k->clock));
  escale_remove_tree (k->dir, NULL);
  g_clear_pointer (&k->dir, g_free);
  g_clear_pointer (&k->stats_path, g_free);
  return status;
}

static void
test_staff_quit_says_left (void)
{
  g_autofree char *config = escale_test_demo_config ();
  EscaleTestKiosk k = { 0 };

  escale_test_kiosk_init (&k, config, TRUE);
  g_assert_cmpint (run_until (&k, confirm_quit_cb), ==, ESCALE_EXIT_LEFT_KIOSK);
}

/* A window closed outside kiosk mode (a developer's run) is an ordinary 0. */
static void
test_unlocked_end_is_zero (void)
{
  g_autofree char *config = escale_test_demo_config ();
  EscaleTestKiosk k = { 0 };

  escale_test_kiosk_init (&k, config, FALSE);
  g_assert_cmpint (run_until (&k, close_window_cb), ==, 0);
}

/* A failure status is passed on untouched, whatever the mode. */
static void
test_failure_passes_through (void)
{
  g_autofree char *config = escale_test_demo_config ();
  EscaleTestKiosk k = { 0 };

  escale_test_kiosk_init (&k, config, TRUE);
  g_assert_cmpint (escale_application_get_exit_status (k.app, 1), ==, 1);
  g_assert_cmpint (run_until (&k, confirm_quit_cb), ==, ESCALE_EXIT_LEFT_KIOSK);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/escale/appliance/staff-quit-says-left", test_staff_quit_says_left);
  g_test_add_func ("/escale/appliance/unlocked-end-is-zero", test_unlocked_end_is_zero);
  g_test_add_func ("/escale/appliance/failure-passes-through", test_failure_passes_through);
  return g_test_run ();
}
