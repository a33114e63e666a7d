/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "escale-dashboard.h"
#include "escale-test-util.h"
#include "stats-figures-dataset.h"

/* The staff dashboard's tiles, read on screen, are what plain SQL on the
 * visit rows of the known month gives (issue 11). */

typedef struct
{
  EscaleTestKiosk k;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  g_autofree char *demo = escale_test_demo_config ();

  g_test_expect_message ("escale-stats", G_LOG_LEVEL_MESSAGE, "*schema 1*");
  g_test_expect_message ("escale-stats", G_LOG_LEVEL_MESSAGE, "*schema 2*");
  escale_test_kiosk_init (&f->k, demo, TRUE);
  g_test_assert_expected_messages ();
}

static void
teardown (Fixture *f, gconstpointer data)
{
  escale_test_kiosk_clear (&f->k);
}

static gboolean
dashboard_loaded (gpointer data)
{
  return !escale_dashboard_is_loading (data);
}

/* Every tile under @widget (boxes of class stats-tile). */
static void
collect_tiles (GtkWidget *widget, GPtrArray *tiles)
{
  if (gtk_widget_has_css_class (widget, "stats-tile"))
    {
      g_ptr_array_add (tiles, widget);
      return;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_tiles (c, tiles);
}

static const char *
tile_text (GtkWidget *tile, guint n)
{
  GtkWidget *child = gtk_widget_get_first_child (tile);

  for (guint i = 0; i < n && child != NULL; i++)
    child = gtk_widget_get_next_sibling (child);
  return child ? gtk_label_get_text (GTK_LABEL (child)) : "";
}

/* A counter's tile: its total over the period's visit rows. */
static const char counter_sql[] =
  "SELECT sum (c.value) FROM session_counters c JOIN sessions s ON s.id = c.session_id"
  " JOIN counter_labels l ON l.kind = c.kind AND l.counter = c.counter"
  " WHERE" PERIOD "AND l.label = ?1";

static void
assert_tile (const char *path, GtkWidget *tile)
{
  const char *name = tile_text (tile, 1);
  g_autofree char *value = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (key_figures_sql); i++)
    {
      g_autofree char *detail = NULL;

      if (!g_str_equal (key_figures_sql[i][0], name))
        continue;
      value = sql_text (path, key_figures_sql[i][1], NULL);
      g_assert_cmpstr (tile_text (tile, 0), ==, value);
      detail = key_figures_sql[i][2] ? sql_text (path, key_figures_sql[i][2], NULL)
                                     : g_strdup ("");
      g_assert_cmpstr (tile_text (tile, 2), ==, detail);
      return;
    }
  value = sql_text (path, counter_sql, name);
  if (*value == '\0')
    g_error ("tile %s: neither a figure of the issue nor a counter that counted", name);
  g_assert_cmpstr (tile_text (tile, 0), ==, value);
}

static void
test_tiles_are_plain_sql (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleDashboard) dashboard = NULL;
  g_autoptr(GPtrArray) tiles = g_ptr_array_new ();
  g_autofree char *xlsx = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  const char *argv[] = { "pdftotext", NULL, "-", NULL };

  fill_figures_dataset (f->k.store, f->k.dir);
  dashboard = g_object_ref_sink (ESCALE_DASHBOARD (escale_dashboard_new (f->k.kiosk)));
  g_assert_true (escale_dashboard_show_range (dashboard, "2026-03-01", "2026-03-31"));
  escale_test_wait_until (dashboard_loaded, dashboard, 20000);

  collect_tiles (GTK_WIDGET (dashboard), tiles);
  for (guint i = 0; i < tiles->len; i++)
    assert_tile (f->k.stats_path, tiles->pdata[i]);
  /* Seven figures and the three démarches counters that counted. */
  g_assert_cmpuint (tiles->len, ==, 7 + 3);
  g_assert_cmpstr (tile_text (tiles->pdata[5], 2), ==,
                   "6 appels à un aidant, aide reçue dans 4 visites");

  /* The La Coop workbook of the period shown, named after it. */
  xlsx = escale_dashboard_export_xlsx (dashboard, f->k.dir, NULL);
  g_assert_nonnull (xlsx);
  g_assert_true (g_str_has_suffix (xlsx, "escale-la-coop-2026-03-01-au-2026-03-31.xlsx"));
  g_assert_true (g_file_get_contents (xlsx, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "PK"));

  /* "Rapport PDF": the period's page, named after it, with the centre's name. */
  pdf = escale_dashboard_export_pdf (dashboard, f->k.dir, NULL);
  g_assert_nonnull (pdf);
  argv[1] = pdf;
  g_assert_true (g_str_has_suffix (pdf, "escale-rapport-2026-03-01-au-2026-03-31.pdf"));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &text,
                               NULL, NULL, NULL));
  g_assert_nonnull (
    strstr (text, escale_config_get_centre_name (escale_kiosk_get_config (f->k.kiosk))));
  g_assert_finalize_object (g_steal_pointer (&dashboard));
}

static GtkWidget *
find_button (GtkWidget *widget, const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* "Exporter les visites (CSV)" for a period without a visit would write an
 * empty file: it is not offered (its place kept empty), and comes back
 * with a period that has visits. */
static void
test_nothing_to_export_hidden (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleDashboard) dashboard = NULL;
  GtkWidget *visits;

  fill_figures_dataset (f->k.store, f->k.dir);
  dashboard = g_object_ref_sink (ESCALE_DASHBOARD (escale_dashboard_new (f->k.kiosk)));
  visits = find_button (GTK_WIDGET (dashboard), "Exporter les visites (CSV)");
  g_assert_nonnull (visits);
  g_assert_true (escale_dashboard_show_range (dashboard, "2020-01-01", "2020-01-31"));
  escale_test_wait_until (dashboard_loaded, dashboard, 20000);
  g_assert_false (gtk_widget_is_sensitive (visits));
  g_assert_cmpfloat (gtk_widget_get_opacity (visits), ==, 0.0);
  g_assert_true (escale_dashboard_show_range (dashboard, "2026-03-01", "2026-03-31"));
  escale_test_wait_until (dashboard_loaded, dashboard, 20000);
  g_assert_true (gtk_widget_is_sensitive (visits));
  g_assert_cmpfloat (gtk_widget_get_opacity (visits), ==, 1.0);
  g_assert_finalize_object (g_steal_pointer (&dashboard));
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/escale/dashboard-figures/tiles-are-plain-sql", test_tiles_are_plain_sql);
  ADD ("/escale/dashboard-figures/nothing-to-export-hidden", test_nothing_to_export_hidden);
#undef ADD
  return g_test_run ();
}
