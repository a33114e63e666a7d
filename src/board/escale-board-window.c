/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "escale-board-alert.h"
#include "escale-board-row.h"
#include "escale-board-window.h"
#include "escale-board-workshop.h"

/* escale-board's window: the site's kiosks, each with its state in plain
 * words, and a line that says whether the board can hear them at all. A
 * new request chimes and raises a desktop notification, once
 * (EscaleBoardAlert). */
struct _EscaleBoardWindow
{
  GtkApplicationWindow parent_instance;

  /* children */
  GtkLabel *status;
  GtkListBox *list;
  GtkWidget *empty;

  /* owned */
  EscaleHelpSite *site;
  EscaleBoardAlert *alert;
  guint refresh_id;
};

G_DEFINE_FINAL_TYPE (EscaleBoardWindow, escale_board_window, GTK_TYPE_APPLICATION_WINDOW)

static void
answer_cb (EscaleBoardRow *row, int state, EscaleHelpKiosk *kiosk)
{
  EscaleBoardWindow *self =
    ESCALE_BOARD_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (row), ESCALE_TYPE_BOARD_WINDOW));

  if (self != NULL)
    escale_help_site_answer (self->site, escale_help_kiosk_get_id (kiosk), state);
}

static GtkWidget *
create_row_cb (gpointer item, gpointer data)
{
  GtkWidget *row = escale_board_row_new (item);

  g_signal_connect_object (row, "answer", G_CALLBACK (answer_cb), item, 0);
  return row;
}

static void
status_cb (EscaleBoardWindow *self)
{
  EscaleMqttLink *link = escale_help_site_get_link (self->site);
  const char *text = "";

  gtk_widget_remove_css_class (GTK_WIDGET (self->status), "board-offline");
  switch (escale_mqtt_link_get_status (link))
    {
    case ESCALE_MQTT_CONNECTED:
      text = _ ("Les postes du centre sont suivis.");
      break;
    case ESCALE_MQTT_CONNECTING:
      text = _ ("Connexion au réseau du centre…");
      break;
    case ESCALE_MQTT_UNREACHABLE:
      text = _ ("Le serveur des demandes d'aide ne répond pas : les postes ne sont pas suivis. "
                "Nouvel essai en cours.");
      gtk_widget_add_css_class (GTK_WIDGET (self->status), "board-offline");
      break;
    case ESCALE_MQTT_REFUSED:
      text = _ ("Le serveur des demandes d'aide refuse ce tableau : vérifiez son mot de passe "
                "([Help] credentials).");
      gtk_widget_add_css_class (GTK_WIDGET (self->status), "board-offline");
      break;
    case ESCALE_MQTT_OFF:
      text = _ ("Aucun serveur de demandes d'aide n'est configuré ([Help] broker).");
      gtk_widget_add_css_class (GTK_WIDGET (self->status), "board-offline");
      break;
    default:
      g_assert_not_reached ();
    }
  gtk_label_set_label (self->status, text);
}

static void
items_changed_cb (EscaleBoardWindow *self)
{
  gtk_widget_set_visible (self->empty, g_list_model_get_n_items (G_LIST_MODEL (self->site)) == 0);
}

static void
request_cb (EscaleBoardWindow *self, EscaleHelpKiosk *kiosk)
{
  escale_board_alert_ring (self->alert, GTK_WIDGET (self), kiosk);
}

static gboolean
refresh_cb (gpointer data)
{
  EscaleBoardWindow *self = data;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *child = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));

      if (ESCALE_IS_BOARD_ROW (child))
        escale_board_row_refresh (ESCALE_BOARD_ROW (child));
    }
  return G_SOURCE_CONTINUE;
}

static void
escale_board_window_dispose (GObject *object)
{
  EscaleBoardWindow *self = ESCALE_BOARD_WINDOW (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->site != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->site, self);
      g_signal_handlers_disconnect_by_data (escale_help_site_get_link (self->site), self);
    }
  g_clear_object (&self->site);
  g_clear_object (&self->alert);
  G_OBJECT_CLASS (escale_board_window_parent_class)->dispose (object);
}

static void
escale_board_window_class_init (EscaleBoardWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = escale_board_window_dispose;
}

static void
escale_board_window_init (EscaleBoardWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 16);
  GtkWidget *title = gtk_label_new (_ ("Demandes d'aide"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_window_set_title (GTK_WINDOW (self), _ ("Escale — tableau des aidants"));
  gtk_window_set_default_size (GTK_WINDOW (self), 1024, 768);
  gtk_widget_add_css_class (GTK_WIDGET (self), "escale");
  gtk_widget_add_css_class (box, "board");
  gtk_widget_add_css_class (title, "board-title");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_box_append (GTK_BOX (box), title);
  self->status = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->status, TRUE);
  gtk_label_set_xalign (self->status, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->status), "board-status");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->status));
  self->empty = gtk_label_new (_ ("Aucun poste ne s'est encore annoncé."));
  gtk_box_append (GTK_BOX (box), self->empty);
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "board-list");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_window_set_child (GTK_WINDOW (self), box);
  self->refresh_id = g_timeout_add_seconds (30, refresh_cb, self);
  self->alert = escale_board_alert_new ();
}

/* The kiosk's style sheet and icons (the board looks like Escale). */
static void
load_style_once (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
      GdkDisplay *display = gdk_display_get_default ();

      gtk_css_provider_load_from_resource (css, "/fr/escale/Escale/style.css");
      gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (css),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (display),
                                        "/fr/escale/Escale/icons");
      g_once_init_leave (&done, 1);
    }
}

GtkWidget *
escale_board_window_new (GtkApplication *application, EscaleHelpSite *site)
{
  EscaleBoardWindow *self;

  load_style_once ();
  self = g_object_new (ESCALE_TYPE_BOARD_WINDOW, "application", application, NULL);

  self->site = g_object_ref (site);
  /* Requests first; the workshop box below them. */
  gtk_box_append (GTK_BOX (gtk_window_get_child (GTK_WINDOW (self))),
                  escale_board_workshop_new (site));
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (site), create_row_cb, NULL, NULL);
  g_signal_connect_swapped (site, "items-changed", G_CALLBACK (items_changed_cb), self);
  g_signal_connect_swapped (site, "request", G_CALLBACK (request_cb), self);
  g_signal_connect_swapped (escale_help_site_get_link (site), "notify::status",
                            G_CALLBACK (status_cb), self);
  status_cb (self);
  items_changed_cb (self);
  return GTK_WIDGET (self);
}

/* For tests: what tells the helpers of a new request. */
EscaleBoardAlert *
escale_board_window_get_alert (EscaleBoardWindow *self)
{
  g_return_val_if_fail (ESCALE_IS_BOARD_WINDOW (self), NULL);
  return self->alert;
}
