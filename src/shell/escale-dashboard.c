/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-dashboard"

#include <glib/gi18n.h>

#include "escale-calendar.h"
#include "escale-chart.h"
#include "escale-dashboard.h"
#include "escale-dashboard-scope.h"
#include "escale-ui-util.h"
#include "escale-stats-export.h"
#include "escale-stats-pdf.h"

/* The staff dashboard: a period picker, tiles with the period's figures,
 * the charts, and the two CSV exports. Reads the store through an
 * EscaleStatsReport; shows nothing a person typed or looked at, as the
 * store holds nothing of it. */
struct _EscaleDashboard
{
  GtkWidget parent_instance;

  /* owned */
  EscaleKiosk *kiosk;
  EscaleStatsReport *report;
  GCancellable *loading; /* while a period's figures are being read */
  char *exporting_path;  /* while the visits are being exported there */
  GVolumeMonitor *volumes;
  int waiting_export; /* the export asked for with no stick, or 0 */
  char *from;         /* the period asked for last */
  char *to;

  /* borrowed */
  EscaleDashboardScope *scope; /* "Ce poste" or the territory, or NULL */

  /* children */
  GtkWidget *scroller;
  GtkWidget *content;
  GtkWidget *period_buttons[5];
  GtkWidget *custom_box;
  EscaleCalendar *calendar;
  GtkLabel *chosen_label;
  GtkLabel *period_label;
  GtkLabel *error_label;
  GtkGrid *tiles;
  EscaleChart *charts[ESCALE_N_REPORT_CHARTS];
  GtkWidget *per_category_box;
  GtkLabel *export_label;
  GtkWidget *visits_export; /* nothing to export for a period without visit rows */
};

G_DEFINE_FINAL_TYPE (EscaleDashboard, escale_dashboard, GTK_TYPE_WIDGET)

static GtkWidget *
tile (const char *value, const char *label, const char *detail)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *value_label = gtk_label_new (value);
  GtkWidget *name_label = gtk_label_new (label);

  gtk_widget_add_css_class (box, "stats-tile");
  gtk_widget_add_css_class (value_label, "stats-tile-value");
  gtk_widget_add_css_class (name_label, "stats-tile-label");
  gtk_label_set_wrap (GTK_LABEL (name_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (value_label), 0);
  gtk_label_set_xalign (GTK_LABEL (name_label), 0);
  gtk_box_append (GTK_BOX (box), value_label);
  gtk_box_append (GTK_BOX (box), name_label);
  if (detail != NULL)
    {
      GtkWidget *detail_label = gtk_label_new (detail);

      gtk_widget_add_css_class (detail_label, "stats-tile-detail");
      gtk_label_set_wrap (GTK_LABEL (detail_label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (detail_label), 0);
      gtk_box_append (GTK_BOX (box), detail_label);
    }
  gtk_widget_set_hexpand (box, TRUE);
  return box;
}

/* One tile per counter of the activity kinds that counted something in
 * the period, from place @first of the three-column grid (a kind may
 * declare dozens, "Mes démarches" six per category: the exports list them
 * all, at 0 too). Returns the next free place. */
static guint
attach_counter_tiles (GtkGrid *tiles, GPtrArray *counters, guint first)
{
  guint place = first;

  for (guint i = 0; i < counters->len; i++)
    {
      EscaleStatsCounter *counter = counters->pdata[i];
      g_autofree char *value = escale_stats_format_number (counter->value);

      if (counter->value == 0)
        continue;
      gtk_grid_attach (tiles, tile (value, escale_stats_counter_display_label (counter), NULL),
                       place % 3, place / 3, 1, 1);
      place++;
    }
  return place;
}

static void
fill_tiles (EscaleDashboard *self)
{
  EscaleStatsReport *r = self->report;
  g_autoptr(GPtrArray) figures = escale_stats_key_figures (r);
  g_autofree char *pins = escale_stats_format_number (escale_stats_report_get_pin_failures (r));
  GtkWidget *child;
  guint next;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tiles))) != NULL)
    gtk_grid_remove (self->tiles, child);
  for (next = 0; next < figures->len; next++)
    {
      EscaleStatsFigure *figure = figures->pdata[next];

      gtk_grid_attach (self->tiles, tile (figure->value, figure->label, figure->detail), next % 3,
                       next / 3, 1, 1);
    }
  next = attach_counter_tiles (self->tiles, escale_stats_report_get_counters (r), next);
  if (self->visits_export != NULL)
    escale_button_show_if_useful (self->visits_export,
                                  escale_stats_report_get_sessions (r) >
                                      escale_stats_report_get_folded_sessions (r) &&
                                    escale_dashboard_get_store (self) == NULL);
  if (escale_stats_report_get_pin_failures (r) > 0)
    gtk_grid_attach (self->tiles, tile (pins, _ ("Codes équipe erronés"), NULL), next % 3,
                     next / 3, 1, 1);
}

static void
fill_charts (EscaleDashboard *self)
{
  for (guint i = 0; i < ESCALE_N_REPORT_CHARTS; i++)
    escale_chart_show (self->charts[i], self->report, i);
  gtk_widget_set_visible (self->per_category_box,
                          escale_stats_report_get_categories (self->report)->len > 0);
}

static void
show_error (EscaleDashboard *self, const GError *error)
{
  gtk_label_set_text (self->error_label,
                      error->domain == G_IO_ERROR
                        ? _ ("Ces dates ne conviennent pas : la première doit venir avant "
                             "la dernière.")
                        : error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
report_ready_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(EscaleDashboard) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleStatsReport) report = escale_stats_report_new_finish (result, &error);
  g_autofree char *period = NULL;
  g_autofree char *title = NULL;

  /* Another period was asked for meanwhile, or the dashboard is gone. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->loading);
  if (report == NULL)
    {
      gtk_label_set_text (self->period_label, "");
      show_error (self, error);
      return;
    }
  g_set_object (&self->report, report);

  period = escale_stats_format_period (escale_stats_report_get_from (report),
                                       escale_stats_report_get_to (report));
  if (self->scope != NULL && escale_dashboard_scope_get_title (self->scope) != NULL)
    /* TRANSLATORS: "Tout le territoire" or a site's name, then the period */
    title = g_strdup_printf (_ ("%s, période : %s"),
                             escale_dashboard_scope_get_title (self->scope), period);
  else
    /* TRANSLATORS: then "du 1er mars 2026 au 31 mars 2026" or "depuis le début" */
    title = g_strdup_printf (_ ("Période : %s"), period);
  gtk_label_set_text (self->period_label, title);
  fill_tiles (self);
  fill_charts (self);
}

/* Shows the days @from_day to @to_day. The figures are read in a worker
 * thread; meanwhile the dashboard says "Un instant…" and stays alive.
 * FALSE (and a message) at once if the dates are wrong; a store that
 * cannot be read says so when the reading ends. */
gboolean
escale_dashboard_show_range (EscaleDashboard *self, const char *from_day, const char *to_day)
{
  if (!escale_stats_day_is_valid (from_day) || !escale_stats_day_is_valid (to_day) ||
      strcmp (from_day, to_day) > 0)
    {
      g_autoptr(GError) error =
                   g_error_new_literal (G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "invalid period");

      show_error (self, error);
      return FALSE;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  self->loading = g_cancellable_new ();
  gtk_label_set_text (self->period_label, _ ("Un instant…"));
  gtk_label_set_text (self->export_label, "");
  if (from_day != self->from)
    {
      g_free (self->from);
      g_free (self->to);
      self->from = g_strdup (from_day);
      self->to = g_strdup (to_day);
    }
  if (self->scope != NULL && !escale_dashboard_scope_is_local (self->scope))
    escale_dashboard_scope_read_async (self->scope, from_day, to_day, self->loading,
                                       report_ready_cb, g_object_ref (self));
  else
    escale_stats_report_new_async (escale_kiosk_get_store (self->kiosk), from_day, to_day,
                                   self->loading, report_ready_cb, g_object_ref (self));
  return TRUE;
}

/* TRUE while a period's figures are being read. */
gboolean
escale_dashboard_is_loading (EscaleDashboard *self)
{
  g_return_val_if_fail (ESCALE_IS_DASHBOARD (self), FALSE);
  return self->loading != NULL;
}

void
escale_dashboard_show_period (EscaleDashboard *self, EscaleStatsPeriod period)
{
  g_autoptr(GDateTime) now = escale_clock_get_now_local (escale_kiosk_get_clock (self->kiosk));
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  escale_stats_period_range (period, now, &from, &to);
  escale_calendar_set_range (self->calendar, from, to);
  gtk_widget_set_visible (self->custom_box, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (self->period_buttons); i++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->period_buttons[i]), i == period);
  escale_dashboard_show_range (self, from, to);
}

EscaleStatsReport *
escale_dashboard_get_report (EscaleDashboard *self)
{
  return self->report;
}

/* The territory's store in memory the figures shown were read from, or
 * NULL when they are this kiosk's. */
EscaleStatsStore *
escale_dashboard_get_store (EscaleDashboard *self)
{
  return self->scope ? escale_dashboard_scope_get_store (self->scope, self->report) : NULL;
}

/* Where the shown period's figures (or its visits) go: @dir, or a USB
 * stick if one is there, else the staff folder. */
static char *
export_path (EscaleDashboard *self, const char *what, const char *ext, const char *dir,
             GError **error)
{
  g_autofree char *target = dir ? g_strdup (dir) : escale_stats_export_target_dir ();
  g_autofree char *name = NULL;

  if (target == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _ ("Branchez une clé USB : le fichier y sera enregistré dès qu'elle "
                              "sera là."));
      return NULL;
    }

  if (g_mkdir_with_parents (target, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _ ("Le dossier %s ne peut être créé"),
                   target);
      return NULL;
    }
  /* The territory's files never replace this kiosk's on the stick. */
  name = g_strdup_printf ("escale-%s%s-%s-au-%s.%s", what,
                          escale_dashboard_get_store (self) ? "-territoire" : "",
                          escale_stats_report_get_from (self->report),
                          escale_stats_report_get_to (self->report), ext);
  return g_build_filename (target, name, NULL);
}

/* Writes the shown period's figures (or its visits) as CSV into @dir (NULL:
 * a USB stick if one is there, else the staff folder). Returns the path. */
char *
escale_dashboard_export (EscaleDashboard *self, gboolean sessions, const char *dir, GError **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GString) contents = NULL;

  g_return_val_if_fail (self->report != NULL, NULL);
  if ((path = export_path (self, sessions ? "visites" : "chiffres", "csv", dir, error)) == NULL)
    return NULL;
  if (sessions)
    {
      /* Streamed to the file: a million visits never sit in memory. */
      if (!escale_stats_export_sessions_csv_file (escale_kiosk_get_store (self->kiosk),
                                                  escale_stats_report_get_from (self->report),
                                                  escale_stats_report_get_to (self->report), path,
                                                  error))
        return NULL;
      return g_steal_pointer (&path);
    }
  contents = escale_stats_export_summary_csv (self->report);
  if (!escale_stats_export_write (path, contents, error))
    return NULL;
  return g_steal_pointer (&path);
}

/* Writes the shown period's La Coop workbook into @dir (NULL: a USB stick
 * if one is there, else the staff folder). Returns the path. */
char *
escale_dashboard_export_xlsx (EscaleDashboard *self, const char *dir, GError **error)
{
  EscaleStatsStore *store = escale_dashboard_get_store (self);
  g_autofree char *path = NULL;

  g_return_val_if_fail (self->report != NULL, NULL);
  if ((path = export_path (self, "la-coop", "xlsx", dir, error)) == NULL ||
      !escale_stats_export_xlsx (store ? store : escale_kiosk_get_store (self->kiosk),
                                 self->report, path, error))
    return NULL;
  return g_steal_pointer (&path);
}

/* Writes the shown period's one-page PDF report into @dir (NULL: a USB
 * stick if one is there, else the staff folder). Returns the path. */
char *
escale_dashboard_export_pdf (EscaleDashboard *self, const char *dir, GError **error)
{
  EscaleConfig *config = escale_kiosk_get_config (self->kiosk);
  g_autofree char *path = NULL;

  g_return_val_if_fail (self->report != NULL, NULL);
  if ((path = export_path (self, "rapport", "pdf", dir, error)) == NULL ||
      !escale_stats_pdf_write (self->report,
                               escale_dashboard_get_store (self)
                                 ? escale_dashboard_scope_get_title (self->scope)
                                 : escale_config_get_centre_name (config),
                               path, error))
    return NULL;
  return g_steal_pointer (&path);
}

static void
period_clicked_cb (GtkButton *button, EscaleDashboard *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "period"));

  if (index < 4)
    escale_dashboard_show_period (self, index);
  else
    {
      for (guint i = 0; i < 4; i++)
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->period_buttons[i]), FALSE);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
      gtk_widget_set_visible (self->custom_box, TRUE);
    }
}

/* "Afficher": the days touched on the calendar. */
static void
custom_show_cb (EscaleDashboard *self)
{
  g_autofree char *from = escale_calendar_get_from (self->calendar);
  g_autofree char *to = escale_calendar_get_to (self->calendar);

  if (from != NULL)
    escale_dashboard_show_range (self, from, to);
}

/* The days chosen, said in words under the calendar. */
static void
calendar_changed_cb (EscaleDashboard *self)
{
  g_autofree char *from = escale_calendar_get_from (self->calendar);
  g_autofree char *to = escale_calendar_get_to (self->calendar);
  g_autofree char *period = from ? escale_stats_format_period (from, to) : NULL;
  g_autofree char *text =
    period ? g_strdup_printf (_ ("Période choisie : %s. Touchez « Afficher »."), period)
           : g_strdup (_ ("Touchez le premier jour, puis le dernier."));

  gtk_label_set_text (self->chosen_label, text);
}

/* "Cette année scolaire" (September to August) and "Cette année de
 * subvention" (from [Staff] grant-year-start): shown at once. */
static void
preset_clicked_cb (GtkButton *button, EscaleDashboard *self)
{
  guint start = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "start-month"));
  g_autoptr(GDateTime) now = escale_clock_get_now_local (escale_kiosk_get_clock (self->kiosk));
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (start == 0)
    start = escale_config_get_grant_year_start (escale_kiosk_get_config (self->kiosk));
  escale_stats_year_range (now, start, &from, &to);
  escale_calendar_set_range (self->calendar, from, to);
  calendar_changed_cb (self);
  escale_dashboard_show_range (self, from, to);
}

static void
show_export_result (EscaleDashboard *self, const char *path, const GError *error)
{
  g_autofree char *text = NULL;
  g_autofree char *name = path != NULL ? g_path_get_basename (path) : NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    text = g_strdup (error->message);
  else if (path == NULL)
    text = g_strdup_printf (_ ("L'export n'a pas pu être écrit : %s"), error->message);
  else
    text = g_strdup_printf (_ ("Fichier enregistré sur la clé USB : %s"), name);
  gtk_label_set_text (self->export_label, text);
}

enum
{
  EXPORT_FIGURES = 1,
  EXPORT_VISITS,
  EXPORT_XLSX,
  EXPORT_PDF,
};

static void run_export (EscaleDashboard *self, int what);

/* A stick plugged in after "Branchez une clé USB": the export asked for
 * is written on it. */
static void
mount_added_cb (GVolumeMonitor *monitor, GMount *mount, EscaleDashboard *self)
{
  int what = self->waiting_export;

  self->waiting_export = 0;
  if (what != 0)
    run_export (self, what);
}

static void
wait_for_stick (EscaleDashboard *self, int what)
{
  self->waiting_export = what;
  if (self->volumes == NULL)
    {
      self->volumes = g_volume_monitor_get ();
      g_signal_connect_object (self->volumes, "mount-added", G_CALLBACK (mount_added_cb), self, 0);
    }
}

static void
visits_exported_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(EscaleDashboard) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_steal_pointer (&self->exporting_path);

  escale_stats_export_sessions_csv_file_finish (result, &error);
  if (self->export_label != NULL)
    show_export_result (self, error == NULL ? path : NULL, error);
}

/* The figures, the workbook or the report are written at once (they are
 * small); every visit of five years takes a second or two, written by a
 * worker thread while the dashboard says so and stays alive. */
static void
run_export (EscaleDashboard *self, int what)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  /* While a period is being read, the figures shown are not yet its own;
   * one export at a time. */
  if (self->loading != NULL || self->report == NULL || self->exporting_path != NULL)
    return;
  if (what == EXPORT_VISITS)
    {
      if ((self->exporting_path = export_path (self, "visites", "csv", NULL, &error)) != NULL)
        {
          gtk_label_set_text (self->export_label, _ ("Un instant…"));
          escale_stats_export_sessions_csv_file_async (escale_kiosk_get_store (self->kiosk),
                                                       escale_stats_report_get_from (self->report),
                                                       escale_stats_report_get_to (self->report),
                                                       self->exporting_path, NULL,
                                                       visits_exported_cb, g_object_ref (self));
          return;
        }
    }
  else if (what == EXPORT_PDF)
    path = escale_dashboard_export_pdf (self, NULL, &error);
  else if (what == EXPORT_XLSX)
    path = escale_dashboard_export_xlsx (self, NULL, &error);
  else
    path = escale_dashboard_export (self, FALSE, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    wait_for_stick (self, what);
  show_export_result (self, path, error);
}

static void
export_clicked_cb (GtkButton *button, EscaleDashboard *self)
{
  run_export (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "export")));
}

static GtkWidget *
section (GtkWidget *box, const char *title, GtkWidget *content)
{
  GtkWidget *label = gtk_label_new (title);

  gtk_widget_add_css_class (label, "stats-section-title");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), content);
  return content;
}

static void
escale_dashboard_dispose (GObject *object)
{
  EscaleDashboard *self = ESCALE_DASHBOARD (object);

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  self->export_label = NULL;
  g_clear_pointer (&self->exporting_path, g_free);
  g_clear_pointer (&self->from, g_free);
  g_clear_pointer (&self->to, g_free);
  g_clear_object (&self->volumes);
  g_clear_object (&self->report);
  g_clear_object (&self->kiosk);
  G_OBJECT_CLASS (escale_dashboard_parent_class)->dispose (object);
}

static void
escale_dashboard_class_init (EscaleDashboardClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = escale_dashboard_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "dashboard");
}

/* "Autre période": the school and grant year presets, the touch calendar,
 * the days chosen in words and "Afficher". */
static GtkWidget *
custom_period (EscaleDashboard *self)
{
  static const char *const presets[] = { N_ ("Cette année scolaire"),
                                         N_ ("Cette année de subvention") };
  GtkWidget *panel = gtk_box_new (GTK_ORIENTATION_VERTICAL, 16);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
  GtkWidget *bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
  GtkWidget *show_button = gtk_button_new_with_label (_ ("Afficher"));

  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    {
      GtkWidget *button = gtk_button_new_with_label (_ (presets[i]));

      gtk_widget_add_css_class (button, "period-button");
      /* September for the school year; 0: the config's grant year. */
      g_object_set_data (G_OBJECT (button), "start-month", GUINT_TO_POINTER (i == 0 ? 9 : 0));
      g_signal_connect (button, "clicked", G_CALLBACK (preset_clicked_cb), self);
      gtk_box_append (GTK_BOX (row), button);
    }
  gtk_box_append (GTK_BOX (panel), row);

  self->calendar = ESCALE_CALENDAR (escale_calendar_new ());
  g_signal_connect_swapped (self->calendar, "changed", G_CALLBACK (calendar_changed_cb), self);
  gtk_widget_set_halign (GTK_WIDGET (self->calendar), GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (panel), GTK_WIDGET (self->calendar));

  self->chosen_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->chosen_label, TRUE);
  gtk_label_set_xalign (self->chosen_label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->chosen_label), TRUE);
  gtk_widget_add_css_class (show_button, "big-button");
  g_signal_connect_swapped (show_button, "clicked", G_CALLBACK (custom_show_cb), self);
  gtk_box_append (GTK_BOX (bottom), GTK_WIDGET (self->chosen_label));
  gtk_box_append (GTK_BOX (bottom), show_button);
  gtk_box_append (GTK_BOX (panel), bottom);
  return panel;
}

/* The five period buttons, then the custom period (shown only for
 * "Autre période"). */
static void
add_period_picker (EscaleDashboard *self, GtkWidget *box)
{
  static const char *const periods[] = {
    N_ ("Cette semaine"), N_ ("Ce mois"),       N_ ("Ce trimestre"),
    N_ ("Cette année"),   N_ ("Autre période"),
  };
  GtkWidget *row = escale_wrapping_row_new ();

  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    {
      self->period_buttons[i] = gtk_toggle_button_new_with_label (_ (periods[i]));
      gtk_widget_add_css_class (self->period_buttons[i], "period-button");
      g_object_set_data (G_OBJECT (self->period_buttons[i]), "period", GUINT_TO_POINTER (i));
      g_signal_connect (self->period_buttons[i], "clicked", G_CALLBACK (period_clicked_cb), self);
      gtk_flow_box_append (GTK_FLOW_BOX (row), self->period_buttons[i]);
    }
  gtk_box_append (GTK_BOX (box), row);

  self->custom_box = custom_period (self);
  gtk_widget_set_visible (self->custom_box, FALSE);
  gtk_box_append (GTK_BOX (box), self->custom_box);
}

/* The period shown, as a title, and the place of a reading error. */
static void
add_period_labels (EscaleDashboard *self, GtkWidget *box)
{
  self->period_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->period_label), "page-title");
  gtk_label_set_xalign (self->period_label, 0);
  /* "Tout le territoire, période : …" is longer than a 1024 px screen. */
  gtk_label_set_wrap (self->period_label, TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->period_label));
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "stats-error");
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));
}

/* The grid the key figures' tiles go in (filled when a period is read). */
static void
add_tiles (EscaleDashboard *self, GtkWidget *box)
{
  self->tiles = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (self->tiles, 16);
  gtk_grid_set_row_spacing (self->tiles, 16);
  gtk_grid_set_column_homogeneous (self->tiles, TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->tiles));
}

/* A new chart of @which, under its title in @box. */
static void
add_chart (EscaleDashboard *self, GtkWidget *box, EscaleReportChart which)
{
  self->charts[which] = ESCALE_CHART (escale_chart_new ());
  section (box, escale_report_chart_title (which), GTK_WIDGET (self->charts[which]));
}

/* Every chart, each under its title: visits per day, themes, activities,
 * démarche categories (only when the period had some), durations and ages
 * side by side, then the arrival heat map. */
static void
add_charts (EscaleDashboard *self, GtkWidget *box)
{
  GtkWidget *charts = gtk_grid_new ();
  GtkWidget *left = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *right = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);

  add_chart (self, box, ESCALE_REPORT_CHART_PER_DAY);
  add_chart (self, box, ESCALE_REPORT_CHART_PER_THEME);
  add_chart (self, box, ESCALE_REPORT_CHART_PER_ACTIVITY);
  self->per_category_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 16);
  add_chart (self, self->per_category_box, ESCALE_REPORT_CHART_PER_CATEGORY);
  gtk_widget_set_visible (self->per_category_box, FALSE);
  gtk_box_append (GTK_BOX (box), self->per_category_box);

  gtk_grid_set_column_spacing (GTK_GRID (charts), 32);
  gtk_grid_set_row_spacing (GTK_GRID (charts), 8);
  gtk_grid_set_column_homogeneous (GTK_GRID (charts), TRUE);
  add_chart (self, left, ESCALE_REPORT_CHART_DURATIONS);
  add_chart (self, right, ESCALE_REPORT_CHART_AGES);
  gtk_grid_attach (GTK_GRID (charts), left, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (charts), right, 1, 0, 1, 1);
  gtk_box_append (GTK_BOX (box), charts);

  add_chart (self, box, ESCALE_REPORT_CHART_HEAT);
}

/* The two CSV exports of the period shown, and the line that tells where
 * the file went. */
static void
add_export_buttons (EscaleDashboard *self, GtkWidget *box)
{
  GtkWidget *exports = escale_wrapping_row_new ();
  GtkWidget *summary = gtk_button_new_with_label (_ ("Exporter les chiffres (CSV)"));
  GtkWidget *visits = gtk_button_new_with_label (_ ("Exporter les visites (CSV)"));

  self->visits_export = visits;
  GtkWidget *xlsx = gtk_button_new_with_label (_ ("Classeur pour La Coop (XLSX)"));
  GtkWidget *pdf = gtk_button_new_with_label (_ ("Rapport PDF"));

  gtk_widget_add_css_class (summary, "big-button");
  gtk_widget_add_css_class (visits, "big-button");
  gtk_widget_add_css_class (xlsx, "big-button");
  gtk_widget_add_css_class (pdf, "big-button");
  g_object_set_data (G_OBJECT (summary), "export", GINT_TO_POINTER (EXPORT_FIGURES));
  g_object_set_data (G_OBJECT (visits), "export", GINT_TO_POINTER (EXPORT_VISITS));
  g_object_set_data (G_OBJECT (xlsx), "export", GINT_TO_POINTER (EXPORT_XLSX));
  g_object_set_data (G_OBJECT (pdf), "export", GINT_TO_POINTER (EXPORT_PDF));
  g_signal_connect (xlsx, "clicked", G_CALLBACK (export_clicked_cb), self);
  g_signal_connect (pdf, "clicked", G_CALLBACK (export_clicked_cb), self);
  g_signal_connect (summary, "clicked", G_CALLBACK (export_clicked_cb), self);
  g_signal_connect (visits, "clicked", G_CALLBACK (export_clicked_cb), self);
  /* Two by two, or one under the other when the text is bigger (A+). */
  gtk_flow_box_append (GTK_FLOW_BOX (exports), summary);
  gtk_flow_box_append (GTK_FLOW_BOX (exports), visits);
  gtk_flow_box_append (GTK_FLOW_BOX (exports), xlsx);
  gtk_flow_box_append (GTK_FLOW_BOX (exports), pdf);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (exports), 2);
  section (box, _ ("Exporter la période affichée"), exports);

  self->export_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->export_label, TRUE);
  gtk_label_set_xalign (self->export_label, 0);
  gtk_label_set_selectable (self->export_label, FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->export_label));
}

static void
escale_dashboard_init (EscaleDashboard *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 16);

  self->content = box;
  gtk_widget_add_css_class (box, "dashboard-content");
  add_period_picker (self, box);
  add_period_labels (self, box);
  add_tiles (self, box);
  add_charts (self, box);
  add_export_buttons (self, box);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), box);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
}

/* "Ce poste" or "Tout le territoire" chosen: the same period again. */
static void
scope_changed_cb (EscaleDashboard *self)
{
  if (self->from != NULL)
    escale_dashboard_show_range (self, self->from, self->to);
}

GtkWidget *
escale_dashboard_new (EscaleKiosk *kiosk)
{
  EscaleDashboard *self = g_object_new (ESCALE_TYPE_DASHBOARD, NULL);
  GtkWidget *scope = escale_dashboard_scope_new (escale_kiosk_get_config (kiosk));

  self->kiosk = g_object_ref (kiosk);
  if (scope != NULL)
    {
      /* The territory's choice (src/shell/escale-dashboard-scope.c), first. */
      self->scope = ESCALE_DASHBOARD_SCOPE (scope);
      g_signal_connect_swapped (scope, "changed", G_CALLBACK (scope_changed_cb), self);
      gtk_box_prepend (GTK_BOX (self->content), scope);
    }
  return GTK_WIDGET (self);
}
