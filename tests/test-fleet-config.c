/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>

#include "escale-config.h"
#include "escale-fleet-settings.h"

/* [Fleet] of escale.ini as the kiosk (--check-config) and escale-stats
 * push read it: each mistake with its file, line and key; a connection
 * file others can read is refused. */

static char *tmp;

/* [Fleet] in escale.ini: file, line and key for each mistake. */
static void
test_config_problems (void)
{
  g_autofree char *dir = g_build_filename (tmp, "config", NULL);
  g_autofree char *ini = g_build_filename (dir, "escale.ini", NULL);
  g_autofree char *conn = g_build_filename (dir, "server.conn", NULL);
  g_autoptr(GPtrArray) problems =
               g_ptr_array_new_with_free_func ((GDestroyNotify) escale_config_problem_free);
  g_autoptr(EscaleFleetSettings) settings = NULL;
  g_autoptr(EscaleConfig) config = NULL;
  g_auto (GStrv) lines = NULL;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (conn, "host=server.example\n", -1, NULL));
  g_assert_cmpint (g_chmod (conn, 0644), ==, 0);
  g_assert_true (g_file_set_contents (
    ini,
    "[Centre]\nname=Mairie\n[Fleet]\nconnection=server.conn\nsite=Vaux Sud\nkiosk=poste-1\n"
    "hour-threshold=0\n",
    -1, NULL));
  config = escale_config_load_main (dir);
  lines = escale_config_format_problems (config);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_nonnull (strstr (lines[0], "escale.ini:5: site"));
  g_assert_nonnull (strstr (lines[1], "escale.ini:7: hour-threshold"));
  g_assert_nonnull (strstr (lines[2], "escale.ini:4: connection: il faut aussi site="));

  /* What escale-stats push reads: the same problems, [Fleet] only. */
  settings = escale_fleet_settings_load_dir (dir, problems);
  g_assert_null (settings->connection);
  g_assert_cmpuint (problems->len, ==, 3);
  g_clear_pointer (&settings, escale_fleet_settings_free);
  g_ptr_array_set_size (problems, 0);

  g_assert_true (g_file_set_contents (
    ini, "[Centre]\nname=Mairie\n[Fleet]\nconnection=server.conn\nsite=vaux\nkiosk=poste-1\n", -1,
    NULL));
  settings = escale_fleet_settings_load_dir (dir, problems);
  g_assert_null (settings->connection);
  g_assert_cmpuint (problems->len, ==, 1);
  {
    g_autofree char *line = escale_config_problem_to_string (problems->pdata[0]);

    g_assert_nonnull (strstr (line, "escale.ini:4: connection:"));
    g_assert_nonnull (strstr (line, "chmod 600"));
  }
  g_clear_pointer (&settings, escale_fleet_settings_free);
  g_ptr_array_set_size (problems, 0);
  g_assert_cmpint (g_chmod (conn, 0600), ==, 0);
  settings = escale_fleet_settings_load_dir (dir, problems);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpstr (settings->site, ==, "vaux");
  g_assert_cmpint (settings->hour_threshold, ==, ESCALE_FLEET_DEFAULT_HOUR_THRESHOLD);
}

/* territory= (the dashboard's reading role): refused while others can
 * read it, with its line; needs no site nor kiosk; the kiosk's own
 * connection is not needed either. */
static void
test_territory_file (void)
{
  g_autofree char *dir = g_build_filename (tmp, "territory", NULL);
  g_autofree char *ini = g_build_filename (dir, "escale.ini", NULL);
  g_autofree char *conn = g_build_filename (dir, "territory.conn", NULL);
  g_autoptr(GPtrArray) problems =
               g_ptr_array_new_with_free_func ((GDestroyNotify) escale_config_problem_free);
  g_autoptr(EscaleFleetSettings) settings = NULL;
  g_autoptr(EscaleConfig) config = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *conninfo = NULL;
  g_auto (GStrv) lines = NULL;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  g_assert_true (
    g_file_set_contents (conn, "# the reading role\nhost=server.example user=cc\n", -1, NULL));
  g_assert_cmpint (g_chmod (conn, 0640), ==, 0);
  g_assert_true (g_file_set_contents (ini,
                                      "[Centre]\nname=Mairie\n[Fleet]\nterritory=territory.conn\n",
                                      -1, NULL));
  config = escale_config_load_main (dir);
  lines = escale_config_format_problems (config);
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  g_assert_nonnull (strstr (lines[0], "escale.ini:4: territory:"));
  g_assert_nonnull (strstr (lines[0], "chmod 600"));
  g_assert_nonnull (strstr (lines[0], "le tableau de bord n'affichera pas le territoire"));
  settings = escale_fleet_settings_load_dir (dir, problems);
  g_assert_null (settings->territory);
  g_assert_null (escale_fleet_settings_read_territory (settings, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_clear_error (&error);
  g_clear_pointer (&settings, escale_fleet_settings_free);
  g_ptr_array_set_size (problems, 0);

  g_assert_cmpint (g_chmod (conn, 0600), ==, 0);
  settings = escale_fleet_settings_load_dir (dir, problems);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_null (settings->connection);
  conninfo = escale_fleet_settings_read_territory (settings, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (conninfo, ==, "host=server.example user=cc");
  g_unlink (ini);
  g_unlink (conn);
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp = g_dir_make_tmp ("escale-fleet-config-XXXXXX", &error);
  g_assert_no_error (error);
  g_test_add_func ("/escale/fleet-config/problems", test_config_problems);
  g_test_add_func ("/escale/fleet-config/territory-file", test_territory_file);
  status = g_test_run ();
  {
    g_autofree char *dir = g_build_filename (tmp, "config", NULL);
    g_autofree char *ini = g_build_filename (dir, "escale.ini", NULL);
    g_autofree char *conn = g_build_filename (dir, "server.conn", NULL);

    g_unlink (ini);
    g_unlink (conn);
    g_rmdir (dir);
    g_rmdir (tmp);
  }
  return status;
}
