/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>

#include "escale-dashboard.h"
#include "escale-dashboard-scope.h"
#include "escale-fleet-push.h"
#include "escale-scratch.h"
#include "escale-test-util.h"
#include "fleet-dataset.h"
#include "fleet-lab.h"

/* The staff dashboard's "Tout le territoire" (issue 14) against a real
 * PostgreSQL 15 (tests/fleet-lab.c) that three kiosks of two villages
 * pushed March 2026 to: the kiosk of the coordinating centre, whose
 * [Fleet] territory= names a reading role, shows the territory's figures
 * and each site's, in the dashboard's own tiles; without territory= the
 * choice is not there; a server that refuses or never answers leaves the
 * dashboard alive and this kiosk's figures shown. The kiosk's fake clock
 * says 10 March 2026, so the dashboard opens on March.
 * ESCALE_SHOTS=DIR keeps fleet-territory-WxH.png of the territory, and
 * of a site and of an unreachable server (the screen's size, set by
 * xvfb-run); ESCALE_SHOTS_TEXT=N after N times A+. */

static FleetLab *lab;

/* A site with no kiosk yet, and a long name. */
#define LONG_SITE "Espace de vie sociale intercommunal de Saint-Martin-de-la-Vallée-sur-Dronne"

typedef struct
{
  const char *name;
  const char *site;
  const char *role;
  guint32 seed;
  gint64 visits;
  char *db;
} Kiosk;

static Kiosk kiosks[] = {
  { "poste-a", "a", "ka", 11 },
  { "poste-a2", "a", "ka2", 12 },
  { "poste-b", "b", "kb", 13 },
};

typedef struct
{
  EscaleTestKiosk k;
  char *copy;
  gint64 local_visits;
} Fixture;

/* The demo configuration, copied, with [Fleet] territory= naming a file
 * holding @conninfo (NULL: no territory=). */
static char *
fleet_config (Fixture *f, const char *conninfo)
{
  g_autofree char *demo = escale_test_demo_config ();
  g_autofree char *ini = NULL;
  g_autofree char *text = NULL;
  g_autofree char *conn = NULL;
  char *config;
  const char *argv[] = { "cp", "-r", demo, f->copy, NULL };

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL,
                               NULL, NULL, NULL));
  config = g_build_filename (f->copy, "kiosk-config", NULL);
  if (conninfo == NULL)
    return config;
  ini = g_build_filename (config, "escale.ini", NULL);
  conn = g_build_filename (config, "territory.conn", NULL);
  g_assert_true (g_file_get_contents (ini, &text, NULL, NULL));
  text = g_strconcat (g_steal_pointer (&text), "\n[Fleet]\nterritory=territory.conn\n", NULL);
  g_assert_true (g_file_set_contents (ini, text, -1, NULL));
  g_assert_true (g_file_set_contents (conn, conninfo, -1, NULL));
  g_assert_cmpint (g_chmod (conn, 0600), ==, 0);
  return config;
}

static void
setup_with (Fixture *f, const char *conninfo)
{
  g_autofree char *config = NULL;

  f->copy = g_dir_make_tmp ("escale-fleet-dash-XXXXXX", NULL);
  config = fleet_config (f, conninfo);
  g_test_expect_message ("escale-stats", G_LOG_LEVEL_MESSAGE, "*schema 1*");
  g_test_expect_message ("escale-stats", G_LOG_LEVEL_MESSAGE, "*schema 2*");
  escale_test_kiosk_init (&f->k, config, TRUE);
  g_test_assert_expected_messages ();
  /* This kiosk's own March, fewer visits than any of the three. */
  fleet_dataset_fill (f->k.store, 21, "2026-03-01", 31, 1);
  f->local_visits = escale_stats_store_count_sessions (f->k.store, NULL);
  g_assert_cmpint (f->local_visits, >, 0);
}

static void
setup_reader (Fixture *f, gconstpointer data)
{
  g_autofree char *conninfo = fleet_lab_conninfo (lab, "conseiller");

  setup_with (f, conninfo);
}

static void
setup_plain (Fixture *f, gconstpointer data)
{
  setup_with (f, NULL);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  escale_test_kiosk_clear (&f->k);
  escale_remove_tree (f->copy, NULL);
  g_free (f->copy);
}

static gboolean
dashboard_loaded (gpointer data)
{
  return !escale_dashboard_is_loading (data);
}

static GtkWidget *
find_type (GtkWidget *widget, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_type (c, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
touch (EscaleDashboard *dashboard, const char *label)
{
  GtkWidget *button = escale_test_find_shown_button (GTK_WIDGET (dashboard), label);

  if (button == NULL)
    g_error ("no button « %s » on screen", label);
  g_signal_emit_by_name (button, "clicked");
}

/* A visible label of @widget's whose text starts with @start, or NULL. */
static const char *
find_text (GtkWidget *widget, const char *start)
{
  if (!gtk_widget_get_visible (widget))
    return NULL;
  if (GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), start))
    return gtk_label_get_text (GTK_LABEL (widget));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      const char *found = find_text (c, start);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The tile named @name under @widget (a box: value, name, detail), or
 * NULL; *@n_tiles counts the tiles seen. */
static GtkWidget *
find_tile (GtkWidget *widget, const char *name, guint *n_tiles)
{
  GtkWidget *found = NULL;

  if (gtk_widget_has_css_class (widget, "stats-tile"))
    {
      GtkWidget *label = gtk_widget_get_next_sibling (gtk_widget_get_first_child (widget));

      (*n_tiles)++;
      return g_str_equal (gtk_label_get_text (GTK_LABEL (label)), name) ? widget : NULL;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *tile = find_tile (c, name, n_tiles);

      found = found ? found : tile;
    }
  return found;
}

/* The value of the tile named @name under @widget, or NULL. */
static const char *
tile_value (GtkWidget *widget, const char *name)
{
  guint n = 0;
  GtkWidget *tile = find_tile (widget, name, &n);

  return tile ? gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (tile))) : NULL;
}

/* The territory's tiles are those of one store holding the three kiosks'
 * visits (escale-stats merge), as this kiosk's dashboard would show it:
 * every key figure with its detail, every counter that counted. */
static void
assert_tiles_as_merged (EscaleDashboard *dashboard, Fixture *f)
{
  g_autofree char *path = g_build_filename (f->k.dir, "merged.db", NULL);
  g_autoptr(EscaleStatsStore) merged = escale_stats_store_new (path);
  g_autoptr(EscaleStatsReport) report = NULL;
  g_autoptr(GPtrArray) figures = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *counters;
  guint expected, n_tiles = 0;

  g_assert_true (escale_stats_store_open (merged, &error));
  for (guint i = 0; i < G_N_ELEMENTS (kiosks); i++)
    g_assert_true (escale_stats_store_merge (merged, kiosks[i].db, NULL, &error));
  report = escale_stats_report_new (merged, "2026-03-01", "2026-03-31", &error);
  g_assert_no_error (error);
  figures = escale_stats_key_figures (report);
  for (guint i = 0; i < figures->len; i++)
    {
      EscaleStatsFigure *figure = figures->pdata[i];
      GtkWidget *tile = find_tile (GTK_WIDGET (dashboard), figure->label, &n_tiles);
      GtkWidget *value = gtk_widget_get_first_child (tile);
      GtkWidget *detail = gtk_widget_get_last_child (tile);

      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (value)), ==, figure->value);
      if (figure->detail != NULL)
        g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (detail)), ==, figure->detail);
    }
  expected = figures->len;
  counters = escale_stats_report_get_counters (report);
  for (guint i = 0; i < counters->len; i++)
    {
      EscaleStatsCounter *counter = counters->pdata[i];
      g_autofree char *value = escale_stats_format_number (counter->value);

      if (counter->value == 0)
        continue;
      expected++;
      g_assert_cmpstr (tile_value (GTK_WIDGET (dashboard),
                                   escale_stats_counter_display_label (counter)),
                       ==, value);
    }
  g_assert_cmpuint (expected, >, figures->len);
  n_tiles = 0;
  find_tile (GTK_WIDGET (dashboard), "", &n_tiles);
  g_assert_cmpuint (n_tiles, ==, expected);
}

static void
assert_visits (EscaleDashboard *dashboard, gint64 n)
{
  g_autofree char *expected = escale_stats_format_number ((guint64) n);

  escale_test_wait_until (dashboard_loaded, dashboard, 20000);
  g_assert_cmpstr (tile_value (GTK_WIDGET (dashboard), "Visites"), ==, expected);
}

static EscaleDashboard *
new_dashboard (Fixture *f)
{
  EscaleDashboard *dashboard =
    g_object_ref_sink (ESCALE_DASHBOARD (escale_dashboard_new (f->k.kiosk)));

  escale_dashboard_show_period (dashboard, ESCALE_PERIOD_MONTH);
  escale_test_wait_until (dashboard_loaded, dashboard, 20000);
  return dashboard;
}

static void
keep_screenshot (Fixture *f, const char *what)
{
  const char *dir = g_getenv ("ESCALE_SHOTS");
  GdkDisplay *display = gdk_display_get_default ();
  GdkMonitor *monitor = g_list_model_get_item (gdk_display_get_monitors (display), 0);
  GdkRectangle area;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  const char *argv[] = { "import", "-window", "root", NULL, NULL };

  if (dir == NULL)
    {
      g_object_unref (monitor);
      return;
    }
  gdk_monitor_get_geometry (monitor, &area);
  g_object_unref (monitor);
  name = g_strdup_printf ("fleet-%s-%dx%d.png", what, area.width, area.height);
  path = g_build_filename (dir, name, NULL);
  argv[3] = path;
  escale_test_spin (800);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL,
                               NULL, NULL, NULL));
}

/* "Tout le territoire": the three kiosks' March; a site: its kiosks';
 * "Ce poste": this kiosk's own, as before. In the real staff space. */
static void
test_territory_and_sites (Fixture *f, gconstpointer data)
{
  EscaleDashboard *dashboard = ESCALE_DASHBOARD (escale_test_open_dashboard (&f->k));
  guint larger = g_getenv ("ESCALE_SHOTS_TEXT") ? atoi (g_getenv ("ESCALE_SHOTS_TEXT")) : 0;
  const char *title;

  /* ESCALE_SHOTS_TEXT=N: the screenshots after N times A+. */
  for (guint i = 0; i < larger; i++)
    gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.text-larger", NULL);

  assert_visits (dashboard, f->local_visits);
  g_assert_nonnull (
    escale_test_find_shown_button (GTK_WIDGET (dashboard), "Exporter les visites (CSV)"));
  touch (dashboard, "Tout le territoire");
  g_assert_true (escale_dashboard_is_loading (dashboard));
  assert_visits (dashboard, kiosks[0].visits + kiosks[1].visits + kiosks[2].visits);
  assert_tiles_as_merged (dashboard, f);
  title = find_text (GTK_WIDGET (dashboard), "Tout le territoire, période : ");
  g_assert_cmpstr (title, ==, "Tout le territoire, période : du 1er mars 2026 au 31 mars 2026");
  /* The server's figures have no visit rows: nothing to export per visit. */
  g_assert_false (gtk_widget_is_sensitive (
    escale_test_find_shown_button (GTK_WIDGET (dashboard), "Exporter les visites (CSV)")));
  keep_screenshot (f, "territory");
  /* Nothing wider than a 1024 px screen, whatever the text size. */
  for (guint i = larger; i < 2; i++)
    gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.text-larger", NULL);
  escale_test_spin (200);
  g_assert_nonnull (escale_test_find_shown_button (GTK_WIDGET (dashboard), LONG_SITE));
  {
    int minimum = 0;

    gtk_widget_measure (GTK_WIDGET (f->k.window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL,
                        NULL, NULL);
    g_assert_cmpint (minimum, <=, 1024);
  }
  for (guint i = larger; i < 2; i++)
    gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.text-smaller", NULL);

  touch (dashboard, "Centre a");
  assert_visits (dashboard, kiosks[0].visits + kiosks[1].visits);
  g_assert_nonnull (find_text (GTK_WIDGET (dashboard), "Centre a, période : "));
  touch (dashboard, "Ce mois");
  assert_visits (dashboard, kiosks[0].visits + kiosks[1].visits);
  touch (dashboard, "Centre b");
  assert_visits (dashboard, kiosks[2].visits);
  keep_screenshot (f, "site");
  touch (dashboard, "Tous les sites");
  assert_visits (dashboard, kiosks[0].visits + kiosks[1].visits + kiosks[2].visits);

  touch (dashboard, "Ce poste");
  assert_visits (dashboard, f->local_visits);
  g_assert_nonnull (find_text (GTK_WIDGET (dashboard), "Période : "));
  g_assert_null (escale_test_find_shown_button (GTK_WIDGET (dashboard), "Centre a"));
  g_assert_true (gtk_widget_is_sensitive (
    escale_test_find_shown_button (GTK_WIDGET (dashboard), "Exporter les visites (CSV)")));
}

/* The PDF of the territory shown goes under "Tout le territoire". */
static void
test_territory_pdf (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleDashboard) dashboard = new_dashboard (f);
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *total = escale_stats_format_number (
    (guint64) (kiosks[0].visits + kiosks[1].visits + kiosks[2].visits));
  const char *argv[] = { "pdftotext", NULL, "-", NULL };

  touch (dashboard, "Tout le territoire");
  escale_test_wait_until (dashboard_loaded, dashboard, 20000);
  pdf = escale_dashboard_export_pdf (dashboard, f->k.dir, NULL);
  g_assert_nonnull (pdf);
  g_assert_true (
    g_str_has_suffix (pdf, "/escale-rapport-territoire-2026-03-01-au-2026-03-31.pdf"));
  argv[1] = pdf;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &text,
                               NULL, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "Tout le territoire\n"));
  g_assert_nonnull (strstr (text, total));
  g_assert_finalize_object (g_steal_pointer (&dashboard));
}

/* No territory= in [Fleet]: the dashboard is this kiosk's, as always. */
static void
test_no_territory_no_choice (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleDashboard) dashboard = new_dashboard (f);

  g_assert_null (find_type (GTK_WIDGET (dashboard), ESCALE_TYPE_DASHBOARD_SCOPE));
  g_assert_null (escale_test_find_shown_button (GTK_WIDGET (dashboard), "Tout le territoire"));
  assert_visits (dashboard, f->local_visits);
  g_assert_finalize_object (g_steal_pointer (&dashboard));
}

/* A server that refuses the connection: a calm line, "Ce poste" again,
 * and this kiosk's figures. In the real staff space. */
static void
test_unreachable_calm (Fixture *f, gconstpointer data)
{
  EscaleDashboard *dashboard = ESCALE_DASHBOARD (escale_test_open_dashboard (&f->k));
  EscaleDashboardScope *scope =
    ESCALE_DASHBOARD_SCOPE (find_type (GTK_WIDGET (dashboard), ESCALE_TYPE_DASHBOARD_SCOPE));

  g_test_expect_message ("escale-dashboard", G_LOG_LEVEL_MESSAGE,
                         "territory figures unavailable: *");
  touch (dashboard, "Tout le territoire");
  assert_visits (dashboard, f->local_visits);
  g_test_assert_expected_messages ();
  g_assert_nonnull (
    find_text (GTK_WIDGET (dashboard), "Le serveur du territoire ne répond pas pour l'instant."));
  g_assert_true (escale_dashboard_scope_is_local (scope));
  g_assert_true (gtk_toggle_button_get_active (
    GTK_TOGGLE_BUTTON (escale_test_find_shown_button (GTK_WIDGET (dashboard), "Ce poste"))));
  g_assert_nonnull (find_text (GTK_WIDGET (dashboard), "Période : "));
  keep_screenshot (f, "unreachable");
  /* Once more: the server is asked again, and the line goes meanwhile. */
  g_test_expect_message ("escale-dashboard", G_LOG_LEVEL_MESSAGE,
                         "territory figures unavailable: *");
  touch (dashboard, "Tout le territoire");
  g_assert_null (
    find_text (GTK_WIDGET (dashboard), "Le serveur du territoire ne répond pas pour l'instant."));
  assert_visits (dashboard, f->local_visits);
  g_test_assert_expected_messages ();
}

static void
setup_refused (Fixture *f, gconstpointer data)
{
  /* Port 1 on the loopback: nothing listens, the connection is refused. */
  setup_with (f, "host=127.0.0.1 port=1 dbname=escale user=conseiller");
}

/* A server that takes the connection and never answers (a far server on
 * a bad line): while it is being waited for, staff go back to "Ce poste"
 * and see this kiosk's figures at once. */
static gboolean
keep_connection_cb (GSocketService *service, GSocketConnection *connection, GObject *source,
                    gpointer data)
{
  g_ptr_array_add (data, g_object_ref (connection));
  return TRUE;
}

static gboolean
not_reading (gpointer data)
{
  return !escale_dashboard_scope_is_reading (data);
}

static void
test_silent_server_never_freezes (Fixture *f, gconstpointer data)
{
  g_autoptr(GSocketService) service = g_socket_service_new ();
  g_autoptr(GPtrArray) connections = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(EscaleDashboard) dashboard = NULL;
  g_autofree char *conninfo = NULL;
  g_autofree char *conn = g_build_filename (f->copy, "kiosk-config", "territory.conn", NULL);
  EscaleDashboardScope *scope;

  g_assert_true (g_socket_listener_add_address (G_SOCKET_LISTENER (service), address,
                                                G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL,
                                                &bound, NULL));
  g_signal_connect (service, "incoming", G_CALLBACK (keep_connection_cb), connections);
  conninfo = g_strdup_printf ("host=127.0.0.1 port=%u dbname=escale user=conseiller",
                              g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_assert_true (g_file_set_contents (conn, conninfo, -1, NULL));
  g_assert_cmpint (g_chmod (conn, 0600), ==, 0);

  dashboard = new_dashboard (f);
  scope = ESCALE_DASHBOARD_SCOPE (find_type (GTK_WIDGET (dashboard), ESCALE_TYPE_DASHBOARD_SCOPE));
  touch (dashboard, "Tout le territoire");
  g_assert_true (escale_dashboard_is_loading (dashboard));
  g_assert_nonnull (find_text (GTK_WIDGET (dashboard), "Un instant…"));
  g_assert_true (escale_dashboard_scope_is_reading (scope));
  touch (dashboard, "Ce poste");
  assert_visits (dashboard, f->local_visits);
  /* This kiosk's figures are there while the server is still waited for. */
  g_assert_true (escale_dashboard_scope_is_reading (scope));
  g_assert_cmpuint (connections->len, ==, 1);

  /* The server hangs up: the read ends, no longer wanted, and changes
   * nothing shown. */
  g_ptr_array_set_size (connections, 0);
  g_socket_service_stop (service);
  escale_test_wait_until (not_reading, scope, 20000);
  escale_test_spin (100);
  assert_visits (dashboard, f->local_visits);
  g_assert_null (
    find_text (GTK_WIDGET (dashboard), "Le serveur du territoire ne répond pas pour l'instant."));
  g_assert_finalize_object (g_steal_pointer (&dashboard));
}

static void
push_kiosks (void)
{
  g_autofree char *dir = g_build_filename (fleet_lab_get_dir (lab), "kiosks", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  fleet_lab_exec (lab, "CREATE ROLE conseiller LOGIN IN ROLE escale_reader;"
                       " INSERT INTO escale.sites VALUES ('smv', '" LONG_SITE "')");
  for (guint i = 0; i < G_N_ELEMENTS (kiosks); i++)
    {
      Kiosk *k = &kiosks[i];
      g_autofree char *name = g_strdup_printf ("%s.db", k->name);
      g_autofree char *conninfo = fleet_lab_conninfo (lab, k->role);
      g_autoptr(EscaleStatsStore) store = NULL;
      g_autoptr(EscaleFleetServer) server = NULL;
      g_autoptr(GError) error = NULL;
      EscaleFleetPushResult result;

      k->db = g_build_filename (dir, name, NULL);
      store = escale_stats_store_new (k->db);
      fleet_lab_add_site (lab, k->site, k->role, k->name);
      fleet_dataset_fill (store, k->seed, "2026-03-01", 31, 6);
      k->visits = escale_stats_store_count_sessions (store, NULL);
      server = escale_fleet_server_connect (conninfo, &error);
      g_assert_no_error (error);
      g_assert_true (
        escale_fleet_push (server, store, k->site, k->name, 5, today, TRUE, &result, &error));
      g_assert_no_error (error);
    }
}

int
main (int argc, char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  lab = fleet_lab_new ();
  push_kiosks ();

  g_test_add ("/escale/fleet-dashboard/territory-and-sites", Fixture, NULL, setup_reader,
              test_territory_and_sites, teardown);
  g_test_add ("/escale/fleet-dashboard/territory-pdf", Fixture, NULL, setup_reader,
              test_territory_pdf, teardown);
  g_test_add ("/escale/fleet-dashboard/no-territory-no-choice", Fixture, NULL, setup_plain,
              test_no_territory_no_choice, teardown);
  g_test_add ("/escale/fleet-dashboard/unreachable-calm", Fixture, NULL, setup_refused,
              test_unreachable_calm, teardown);
  g_test_add ("/escale/fleet-dashboard/silent-server-never-freezes", Fixture, NULL, setup_reader,
              test_silent_server_never_freezes, teardown);
  status = g_test_run ();

  for (guint i = 0; i < G_N_ELEMENTS (kiosks); i++)
    g_free (kiosks[i].db);
  g_clear_pointer (&lab, fleet_lab_free);
  return status;
}
