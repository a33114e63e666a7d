/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>

#include "escale-staff-page.h"
#include "escale-test-util.h"
#include "help-shot.h"

/* The staff code kept outside the statistics store, in the whole kiosk:
 * an unreadable store still lets staff in (reduced, with "Quitter le mode
 * kiosque"), a deleted store never offers to choose a new code. */

#define TEST_KIB 64
#define TEST_PASSES 1

static EscaleStaffPage *
staff (EscaleTestKiosk *k)
{
  return ESCALE_STAFF_PAGE (escale_window_get_staff_page (k->window));
}

static gboolean
check_done (gpointer data)
{
  return !escale_staff_page_is_busy (staff (data));
}

static gboolean
staff_shown (gpointer data)
{
  EscaleTestKiosk *k = data;

  return g_strcmp0 (escale_window_get_page_name (k->window), "staff") == 0;
}

/* Ctrl+Alt+S, typed through the X server, as staff do. */
static void
open_staff (EscaleTestKiosk *k)
{
  escale_test_spin (300);
  g_assert_true (escale_test_xdotool ("key --clearmodifiers ctrl+alt+s"));
  escale_test_wait_until (staff_shown, k, 5000);
  escale_test_spin (200);
}

static void
type_code (EscaleTestKiosk *k, const char *code)
{
  escale_staff_page_type (staff (k), code);
  escale_staff_page_validate (staff (k));
  escale_test_wait_until (check_done, k, 20000);
}

/* The staff code written as the kiosk or escale-stats set-code would. */
static void
write_code (const char *dir, const char *code)
{
  g_autofree char *path = g_build_filename (dir, "staff-code", NULL);
  g_autoptr(EscaleCodeLock) lock = escale_code_lock_new (path, NULL);

  escale_code_lock_set_cost (lock, TEST_KIB, TEST_PASSES);
  g_assert_true (escale_code_lock_set_code (lock, code, NULL));
}

static void
start_kiosk (EscaleTestKiosk *k, const char *dir)
{
  g_autofree char *demo = escale_test_demo_config ();

  escale_test_kiosk_init_in_dir (k, dir, demo, NULL, TRUE);
}

static gboolean
is_french (const char *text)
{
  return strstr (text, "database") == NULL && strstr (text, "SQLite") == NULL &&
         strstr (text, "store") == NULL && strstr (text, "Cannot") == NULL;
}

/* With a broken store on purpose, its own warnings (visits kept in memory)
 * are expected whenever they come; any other warning still fails. */
static gboolean
store_warnings_expected_cb (const char *domain, GLogLevelFlags level, const char *message,
                            gpointer data)
{
  return !(strstr (message, "Statistics not written yet") != NULL ||
           strstr (message, "could not be written to") != NULL ||
           strstr (message, "kept in memory until the statistics can be written") != NULL);
}

static void
quiet_store_warnings_cb (const char *domain, GLogLevelFlags level, const char *message,
                         gpointer data)
{
  if (store_warnings_expected_cb (domain, level, message, data))
    g_log_default_handler (domain, level, message, data);
}

/* A store turned to garbage: the pad says so in French, the code opens a
 * reduced staff space: no figures, the warning, and "Quitter le mode
 * kiosque" with its confirmation. */
static void
test_store_unreadable (void)
{
  g_autofree char *dir = g_dir_make_tmp ("escale-codes-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "stats.db", NULL);
  g_autofree char *garbage = g_strnfill (8192, 'x');
  EscaleTestKiosk k = { 0 };

  g_assert_true (g_file_set_contents (db, garbage, -1, NULL));
  write_code (dir, "482913");
  g_test_log_set_fatal_handler (store_warnings_expected_cb, NULL);
  g_log_set_handler ("escale-stats", G_LOG_LEVEL_WARNING | G_LOG_FLAG_FATAL,
                     quiet_store_warnings_cb, NULL);
  g_log_set_handler ("escale-kiosk", G_LOG_LEVEL_WARNING | G_LOG_FLAG_FATAL,
                     quiet_store_warnings_cb, NULL);
  g_test_expect_message ("escale-app", G_LOG_LEVEL_WARNING, "*Statistics store unavailable*");
  start_kiosk (&k, dir);
  g_test_assert_expected_messages ();

  open_staff (&k);
  g_assert_cmpstr (escale_staff_page_get_view (staff (&k)), ==, "pin");
  g_assert_cmpstr (escale_staff_page_get_title (staff (&k)), ==, "Code de l'équipe");
  g_assert_nonnull (
    strstr (escale_staff_page_get_message (staff (&k)), "Les statistiques ne s'ouvrent pas"));
  g_assert_true (is_french (escale_staff_page_get_message (staff (&k))));
  help_shot_save (GTK_WIDGET (k.window), "staff-pad-store-unreadable");

  type_code (&k, "482913");
  g_assert_cmpstr (escale_staff_page_get_view (staff (&k)), ==, "menu");
  g_assert_true (escale_staff_page_get_reduced (staff (&k)));
  help_shot_save (GTK_WIDGET (k.window), "staff-menu-reduced");
  gtk_widget_activate_action (GTK_WIDGET (staff (&k)), "staff.warnings", NULL);
  g_assert_cmpstr (escale_staff_page_get_view (staff (&k)), ==, "warnings");
  gtk_widget_activate_action (GTK_WIDGET (staff (&k)), "staff.quit-kiosk", NULL);
  g_assert_cmpstr (escale_staff_page_get_view (staff (&k)), ==, "confirm-quit");
  escale_test_kiosk_clear (&k);
}

/* A store deleted (by hand, by a mistake) after a code was set: the next
 * start still asks for the same code, never to choose one. With the code
 * file lost too, nothing may be chosen: the administrator resets it. */
static void
test_store_deleted (void)
{
  g_autofree char *dir = g_dir_make_tmp ("escale-codes-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "stats.db", NULL);
  g_autofree char *code = g_build_filename (dir, "staff-code", NULL);
  EscaleTestKiosk k = { .keep_dir = TRUE };

  start_kiosk (&k, dir);
  escale_code_lock_set_cost (escale_kiosk_get_staff_lock (k.kiosk), TEST_KIB, TEST_PASSES);
  open_staff (&k);
  g_assert_nonnull (strstr (escale_staff_page_get_title (staff (&k)), "Choisissez"));
  escale_staff_page_type (staff (&k), "482913");
  escale_staff_page_validate (staff (&k));
  type_code (&k, "482913");
  g_assert_cmpstr (escale_staff_page_get_view (staff (&k)), ==, "menu");
  escale_test_kiosk_clear (&k);

  g_assert_cmpint (g_unlink (db), ==, 0);
  start_kiosk (&k, dir);
  open_staff (&k);
  g_assert_cmpstr (escale_staff_page_get_title (staff (&k)), ==, "Code de l'équipe");
  g_assert_true (escale_staff_page_get_keys_shown (staff (&k)));
  type_code (&k, "482913");
  g_assert_cmpstr (escale_staff_page_get_view (staff (&k)), ==, "menu");
  escale_test_kiosk_clear (&k);

  /* Both gone: no code to choose at the kiosk. */
  g_assert_cmpint (g_unlink (db), ==, 0);
  g_assert_cmpint (g_unlink (code), ==, 0);
  k.keep_dir = FALSE;
  start_kiosk (&k, dir);
  open_staff (&k);
  g_assert_cmpstr (escale_staff_page_get_title (staff (&k)), ==, "Code de l'équipe");
  g_assert_false (escale_staff_page_get_keys_shown (staff (&k)));
  g_assert_nonnull (strstr (escale_staff_page_get_message (staff (&k)), "escale-stats set-code"));
  help_shot_save (GTK_WIDGET (k.window), "staff-pad-code-lost");
  escale_staff_page_type (staff (&k), "111111");
  escale_staff_page_validate (staff (&k));
  escale_staff_page_type (staff (&k), "111111");
  escale_staff_page_validate (staff (&k));
  g_assert_cmpstr (escale_staff_page_get_view (staff (&k)), ==, "pin");
  g_assert_false (g_file_test (code, G_FILE_TEST_EXISTS));
  escale_test_kiosk_clear (&k);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/escale/staff-codes/store-unreadable-opens-reduced", test_store_unreadable);
  g_test_add_func ("/escale/staff-codes/store-deleted-never-offers-a-new-code",
                   test_store_deleted);
  return g_test_run ();
}
