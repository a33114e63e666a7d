/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-dashboard"

#include <glib/gi18n.h>

#include "escale-dashboard-scope.h"
#include "escale-fleet-report.h"
#include "escale-fleet-server.h"
#include "escale-fleet-settings.h"
#include "escale-fleet-territory.h"
#include "escale-ui-util.h"

/* Whose figures the staff dashboard shows: "Ce poste" (the kiosk's own
 * store, as always) or "Tout le territoire" (the anonymous day totals
 * every kiosk pushes to the PostgreSQL server, data/server/), then one
 * site of it. Only on a kiosk whose [Fleet] territory= names a reading
 * role's connection (the coordinating centre's): elsewhere the dashboard
 * has no such choice. The server is read in a worker thread; when it
 * cannot be reached the choice goes back to "Ce poste" with a calm line,
 * and the kiosk's own figures show. */
struct _EscaleDashboardScope
{
  GtkWidget parent_instance;

  /* owned */
  EscaleFleetSettings *settings;
  char *site;      /* NULL: every site */
  char *site_name; /* the chosen site's name */
  gboolean territory;
  gboolean updating;         /* buttons set by code, not by a touch */
  guint reading;             /* reads of the server not ended yet (a cancelled one too) */
  EscaleStatsReport *report; /* the last territory report, and its store */
  EscaleStatsStore *store;

  /* children */
  GtkWidget *box;
  GtkWidget *local_button;
  GtkWidget *territory_button;
  GtkWidget *sites_row;
  GtkWidget *all_sites_button;
  GtkLabel *status;
};

G_DEFINE_FINAL_TYPE (EscaleDashboardScope, escale_dashboard_scope, GTK_TYPE_WIDGET)

enum
{
  CHANGED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

static void
set_site (EscaleDashboardScope *self, const char *id, const char *name)
{
  g_free (self->site);
  g_free (self->site_name);
  self->site = g_strdup (id);
  self->site_name = g_strdup (name);
}

static void
changed (EscaleDashboardScope *self)
{
  if (!self->updating)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
scope_toggled_cb (GtkToggleButton *button, EscaleDashboardScope *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  self->territory = GTK_WIDGET (button) == self->territory_button;
  gtk_widget_set_visible (self->sites_row,
                          self->territory && gtk_widget_get_first_child (self->sites_row) != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->status), FALSE);
  changed (self);
}

static void
site_toggled_cb (GtkToggleButton *button, EscaleDashboardScope *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  set_site (self, g_object_get_data (G_OBJECT (button), "site-id"),
            g_object_get_data (G_OBJECT (button), "site-name"));
  changed (self);
}

/* A choice; its text wraps (a village's centre may have a long name,
 * and A+ makes it longer still). */
static GtkWidget *
toggle (const char *text, GtkWidget *group, GCallback callback, EscaleDashboardScope *self)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  /* A row lines its buttons up to its widest: one long name on one line
   * would put every site on a line of its own. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);

  gtk_widget_add_css_class (button, "period-button");
  if (group != NULL)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), GTK_TOGGLE_BUTTON (group));
  g_signal_connect (button, "toggled", callback, self);
  return button;
}

/* "Tous les sites", then a button per site of the server, once known. */
static void
fill_sites (EscaleDashboardScope *self, GPtrArray *sites)
{
  GtkFlowBox *row = GTK_FLOW_BOX (self->sites_row);

  if (self->all_sites_button != NULL)
    return;
  self->all_sites_button = toggle (_ ("Tous les sites"), NULL, G_CALLBACK (site_toggled_cb), self);
  gtk_flow_box_append (row, self->all_sites_button);
  self->updating = TRUE;
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->all_sites_button), TRUE);
  for (guint i = 0; i < sites->len; i++)
    {
      EscaleFleetSite *site = sites->pdata[i];
      GtkWidget *button =
        toggle (site->name, self->all_sites_button, G_CALLBACK (site_toggled_cb), self);

      g_object_set_data_full (G_OBJECT (button), "site-id", g_strdup (site->id), g_free);
      g_object_set_data_full (G_OBJECT (button), "site-name", g_strdup (site->name), g_free);
      gtk_flow_box_append (row, button);
    }
  self->updating = FALSE;
  gtk_widget_set_visible (self->sites_row, self->territory);
}

/* The server did not answer: say so calmly, and back to this kiosk's
 * figures (the dashboard reads them again at "changed"). */
static void
fall_back (EscaleDashboardScope *self, const GError *error)
{
  gboolean schema = g_error_matches (error, ESCALE_FLEET_ERROR, ESCALE_FLEET_ERROR_SCHEMA);

  /* For the administrator's log: libpq's reason, never a figure. */
  g_message ("territory figures unavailable: %s", error->message);
  self->territory = FALSE;
  gtk_widget_set_visible (self->sites_row, FALSE);
  self->updating = TRUE;
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->local_button), TRUE);
  self->updating = FALSE;
  gtk_label_set_text (self->status,
                      schema ? _ ("Les chiffres du territoire ne sont pas lisibles : le serveur "
                                  "n'a pas la même version qu'Escale. Prévenez l'administrateur. "
                                  "Voici les chiffres de ce poste.")
                             : _ ("Le serveur du territoire ne répond pas pour l'instant. Voici "
                                  "les chiffres de ce poste ; réessayez plus tard."));
  gtk_widget_set_visible (GTK_WIDGET (self->status), TRUE);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
territory_read_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GTask) task = user_data;
  EscaleDashboardScope *self = g_task_get_source_object (task);
  g_autoptr(EscaleStatsStore) store = NULL;
  g_autoptr(GPtrArray) sites = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleStatsReport)
               report = escale_fleet_territory_read_finish (result, &store, &sites, &error);

  self->reading--;
  if (report == NULL)
    {
      /* Cancelled: another period or scope was asked for meanwhile. */
      if (g_task_return_error_if_cancelled (task))
        return;
      fall_back (self, error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  fill_sites (self, sites);
  g_set_object (&self->report, report);
  g_set_object (&self->store, store);
  g_task_return_pointer (task, g_steal_pointer (&report), g_object_unref);
}

/* The territory's (or the chosen site's) figures of @from_day..@to_day,
 * read from the server in a worker thread; finish with
 * escale_stats_report_new_finish (). */
void
escale_dashboard_scope_read_async (EscaleDashboardScope *self, const char *from_day,
                                   const char *to_day, GCancellable *cancellable,
                                   GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GError) error = NULL;
  g_autofree char *conninfo = escale_fleet_settings_read_territory (self->settings, &error);

  g_task_set_source_tag (task, escale_dashboard_scope_read_async);
  if (conninfo == NULL)
    {
      fall_back (self, error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  self->reading++;
  escale_fleet_territory_read_async (conninfo, self->site, from_day, to_day, cancellable,
                                     territory_read_cb, g_steal_pointer (&task));
}

/* TRUE while a read of the server has not ended, even one whose figures
 * are no longer wanted (a server that does not answer keeps it up to the
 * connection's timeout). */
gboolean
escale_dashboard_scope_is_reading (EscaleDashboardScope *self)
{
  return self->reading > 0;
}

/* TRUE while "Ce poste" is chosen. */
gboolean
escale_dashboard_scope_is_local (EscaleDashboardScope *self)
{
  g_return_val_if_fail (ESCALE_IS_DASHBOARD_SCOPE (self), TRUE);
  return !self->territory;
}

/* "Tout le territoire", the chosen site's name, or NULL for this kiosk. */
const char *
escale_dashboard_scope_get_title (EscaleDashboardScope *self)
{
  if (!self->territory)
    return NULL;
  return self->site_name ? self->site_name : _ ("Tout le territoire");
}

/* The store in memory @report was read from, if it is the territory's
 * last one; else NULL (the kiosk's own store then). */
EscaleStatsStore *
escale_dashboard_scope_get_store (EscaleDashboardScope *self, EscaleStatsReport *report)
{
  return report != NULL && report == self->report ? self->store : NULL;
}

static void
escale_dashboard_scope_dispose (GObject *object)
{
  EscaleDashboardScope *self = ESCALE_DASHBOARD_SCOPE (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->report);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (escale_dashboard_scope_parent_class)->dispose (object);
}

static void
escale_dashboard_scope_finalize (GObject *object)
{
  EscaleDashboardScope *self = ESCALE_DASHBOARD_SCOPE (object);

  g_clear_pointer (&self->settings, escale_fleet_settings_free);
  g_free (self->site);
  g_free (self->site_name);
  G_OBJECT_CLASS (escale_dashboard_scope_parent_class)->finalize (object);
}

static void
escale_dashboard_scope_class_init (EscaleDashboardScopeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = escale_dashboard_scope_dispose;
  object_class->finalize = escale_dashboard_scope_finalize;
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
escale_dashboard_scope_init (EscaleDashboardScope *self)
{
  GtkWidget *choices = escale_wrapping_row_new ();

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 16);
  self->local_button = toggle (_ ("Ce poste"), NULL, G_CALLBACK (scope_toggled_cb), self);
  self->territory_button =
    toggle (_ ("Tout le territoire"), self->local_button, G_CALLBACK (scope_toggled_cb), self);
  gtk_flow_box_append (GTK_FLOW_BOX (choices), self->local_button);
  gtk_flow_box_append (GTK_FLOW_BOX (choices), self->territory_button);
  gtk_box_append (GTK_BOX (self->box), choices);

  self->sites_row = escale_wrapping_row_new ();
  gtk_widget_set_visible (self->sites_row, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->sites_row);

  self->status = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->status), "stats-error");
  gtk_label_set_wrap (self->status, TRUE);
  gtk_label_set_xalign (self->status, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->status), FALSE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->status));
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  self->updating = TRUE;
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->local_button), TRUE);
  self->updating = FALSE;
}

/* The choice, or NULL when @config names no reading role ([Fleet]
 * territory=; a problem with it is already among the config's). */
GtkWidget *
escale_dashboard_scope_new (EscaleConfig *config)
{
  g_autoptr(GPtrArray) problems =
               g_ptr_array_new_with_free_func ((GDestroyNotify) escale_config_problem_free);
  g_autoptr(EscaleFleetSettings) settings =
               escale_fleet_settings_load_dir (escale_config_get_dir (config), problems);
  EscaleDashboardScope *self;

  if (settings->territory == NULL)
    return NULL;
  self = g_object_new (ESCALE_TYPE_DASHBOARD_SCOPE, NULL);
  self->settings = g_steal_pointer (&settings);
  return GTK_WIDGET (self);
}
