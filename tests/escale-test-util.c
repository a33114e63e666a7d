/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <unistd.h>
#include <sqlite3.h>

#include "escale-activities.h"
#include "escale-test-util.h"

char *
escale_test_demo_config (void)
{
  return g_build_filename (g_getenv ("ESCALE_SOURCE_DIR"), "kiosk-config", NULL);
}

static gboolean
renew_profile (gpointer user_data, GError **error)
{
  return escale_web_profile_renew (user_data, error);
}

void
escale_test_kiosk_init (EscaleTestKiosk *k, const char *config_dir, gboolean locked)
{
  g_autoptr(EscaleConfig) config =
    escale_config_load (config_dir, escale_activities_get_kinds ());
  g_autofree char *scratch_dir = NULL;

  k->dir = g_dir_make_tmp ("escale-test-XXXXXX", NULL);
  k->stats_path = g_build_filename (k->dir, "stats.db", NULL);
  scratch_dir = g_build_filename (k->dir, "runtime", NULL);
  k->clock = escale_fake_clock_new (NULL);
  k->store = escale_stats_store_new (k->stats_path);
  k->scratch = escale_scratch_new (scratch_dir);
  k->kiosk = escale_kiosk_new (config, k->clock, k->store, k->scratch);
  escale_kiosk_set_goodbye_delay_ms (k->kiosk, 0);
  k->profile = escale_web_profile_new ();
  k->window = escale_window_new (NULL, k->kiosk, k->profile, locked);
  g_object_ref_sink (k->window);
  /* Registered after the window's wipers, as the application does. */
  escale_reset_register (escale_kiosk_get_reset (k->kiosk), "web-data", renew_profile,
                         g_object_ref (k->profile), g_object_unref);
  {
    /* Tests share one X display: a unique title lets xdotool find ours. */
    g_autofree char *title = g_strdup_printf ("Escale test %d", (int) getpid ());

    gtk_window_set_title (GTK_WINDOW (k->window), title);
  }
  escale_kiosk_start (k->kiosk);
  gtk_window_present (GTK_WINDOW (k->window));
}

void
escale_test_kiosk_clear (EscaleTestKiosk *k)
{
  gtk_window_destroy (GTK_WINDOW (k->window));
  g_clear_object (&k->window);
  g_clear_object (&k->kiosk);
  g_clear_object (&k->profile);
  g_clear_object (&k->scratch);
  g_clear_object (&k->store);
  g_clear_object (&k->clock);
  escale_remove_tree (k->dir, NULL);
  g_clear_pointer (&k->dir, g_free);
  g_clear_pointer (&k->stats_path, g_free);
}

/* Moves the fake clock second by second, as the real tick would. */
void
escale_test_kiosk_advance (EscaleTestKiosk *k, guint seconds)
{
  EscaleSession *session = escale_kiosk_get_session (k->kiosk);

  for (guint i = 0; i < seconds; i++)
    {
      escale_fake_clock_advance (ESCALE_FAKE_CLOCK (k->clock), 1);
      escale_session_tick (session);
    }
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
escale_test_wait_until (gboolean (*condition) (gpointer), gpointer data, guint timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, timeout_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  g_assert_true (condition (data));
}

void
escale_test_spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Runs xdotool on this process's kiosk window: focus it, then @actions. */
gboolean
escale_test_xdotool (const char *actions)
{
  g_autofree char *command =
    g_strdup_printf ("xdotool search --onlyvisible --name '^Escale test %d$' windowfocus --sync %s",
                     (int) getpid (), actions);
  int status = -1;

  if (!g_spawn_command_line_sync (command, NULL, NULL, &status, NULL))
    return FALSE;
  return g_spawn_check_wait_status (status, NULL);
}

/* The first column of the first row of @sql, read from the kiosk's stats
 * file with a connection of its own (as staff tools would). */
gint64
escale_test_kiosk_db_count (EscaleTestKiosk *k, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_open_v2 (k->stats_path, &db, SQLITE_OPEN_READONLY, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}
