/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-staff"

#include <glib/gi18n.h>

#include "escale-dashboard.h"
#include "escale-staff-page-private.h"

/* What the staff menu's buttons do: each is a staff.* action. */

static void
menu_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  _escale_staff_page_show_menu (ESCALE_STAFF_PAGE (widget));
}

static void
dashboard_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  EscaleStaffPage *self = ESCALE_STAFF_PAGE (widget);

  escale_dashboard_show_period (ESCALE_DASHBOARD (self->dashboard), ESCALE_PERIOD_MONTH);
  gtk_stack_set_visible_child_name (self->stack, "dashboard");
}

static void
warnings_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  EscaleStaffPage *self = ESCALE_STAFF_PAGE (widget);
  EscaleStatsStore *store = escale_kiosk_get_store (self->kiosk);
  g_auto (GStrv) problems = escale_config_format_problems (escale_kiosk_get_config (self->kiosk));
  g_auto (GStrv) notices = escale_notices_format (escale_kiosk_get_notices (self->kiosk));
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, _ ("Configuration (%s) :\n"),
                          escale_config_get_dir (escale_kiosk_get_config (self->kiosk)));
  if (problems[0] == NULL)
    g_string_append (text, _ ("• aucun problème\n"));
  for (guint i = 0; problems[i] != NULL; i++)
    g_string_append_printf (text, "• %s\n", problems[i]);

  /* What the running kiosk found out: no camera, statistics waiting... */
  g_string_append (text, _ ("\nSur ce poste :\n"));
  if (notices[0] == NULL)
    g_string_append (text, _ ("• aucun avertissement\n"));
  for (guint i = 0; notices[i] != NULL; i++)
    g_string_append_printf (text, "• %s\n", notices[i]);

  g_string_append_printf (text, _ ("\nStatistiques (%s) :\n"),
                          escale_stats_store_get_path (store));
  if (self->reduced)
    g_string_append (text, _ ("• le fichier des statistiques ne s'ouvre pas : les chiffres ne "
                              "sont pas disponibles et les visites ne sont pas comptées. "
                              "L'administrateur peut le vérifier avec « escale-stats check ».\n"));
  else if (escale_stats_store_get_last_error (store) == NULL)
    g_string_append (text, _ ("• aucune erreur d'écriture\n"));
  else
    g_string_append_printf (text,
                            _ ("• %u échecs d'écriture ; %u visites attendent d'être "
                               "enregistrées\n• dernière erreur : %s\n"),
                            escale_stats_store_get_n_failures (store),
                            escale_stats_store_get_n_pending (store),
                            escale_stats_store_get_last_error (store));
  gtk_label_set_text (self->warnings_label, text->str);
  gtk_stack_set_visible_child_name (self->stack, "warnings");
}

static void
reset_now_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  EscaleStaffPage *self = ESCALE_STAFF_PAGE (widget);
  g_autoptr(GDateTime) now = escale_clock_get_now_local (escale_kiosk_get_clock (self->kiosk));
  g_autofree char *time = g_date_time_format (now, "%H:%M");
  g_autofree char *text = g_strdup_printf (_ ("Poste réinitialisé à %s."), time);

  gtk_label_set_text (self->menu_status, text);
  g_signal_emit_by_name (self, "reset-now");
}

static void
change_pin_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  EscaleStaffPage *self = ESCALE_STAFF_PAGE (widget);

  _escale_staff_page_choose_code (self, escale_kiosk_get_staff_lock (self->kiosk));
}

/* "Codes de l'équipe et des aidants": which one to change. */
static void
codes_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  gtk_stack_set_visible_child_name (ESCALE_STAFF_PAGE (widget)->stack, "codes");
}

/* "Code des aidants": chosen by staff, twice, like their own. */
static void
helper_code_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  EscaleStaffPage *self = ESCALE_STAFF_PAGE (widget);

  _escale_staff_page_choose_code (self, escale_kiosk_get_helper_lock (self->kiosk));
}

/* "Quitter le mode kiosque" asks first. */
static void
quit_kiosk_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  gtk_stack_set_visible_child_name (ESCALE_STAFF_PAGE (widget)->stack, "confirm-quit");
}

static void
quit_kiosk_confirmed_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  g_signal_emit_by_name (widget, "quit-kiosk");
}

void
_escale_staff_page_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "staff.menu", NULL, menu_action);
  gtk_widget_class_install_action (widget_class, "staff.dashboard", NULL, dashboard_action);
  gtk_widget_class_install_action (widget_class, "staff.warnings", NULL, warnings_action);
  gtk_widget_class_install_action (widget_class, "staff.reset-now", NULL, reset_now_action);
  gtk_widget_class_install_action (widget_class, "staff.change-pin", NULL, change_pin_action);
  gtk_widget_class_install_action (widget_class, "staff.codes", NULL, codes_action);
  gtk_widget_class_install_action (widget_class, "staff.helper-code", NULL, helper_code_action);
  gtk_widget_class_install_action (widget_class, "staff.quit-kiosk", NULL, quit_kiosk_action);
  gtk_widget_class_install_action (widget_class, "staff.quit-kiosk-confirmed", NULL,
                                   quit_kiosk_confirmed_action);
}
