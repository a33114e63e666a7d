/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-window"

#include <glib/gi18n.h>

#include "config.h"
#include "escale-activities.h"
#include "escale-activity-page.h"
#include "escale-activity-view.h"
#include "escale-countdown.h"
#include "escale-feedback-page.h"
#include "escale-home-page.h"
#include "escale-staff-page.h"
#include "escale-stats-report.h"
#include "escale-top-bar.h"
#include "escale-welcome-page.h"
#include "escale-window.h"
#include "escale-window-private.h"

enum
{
  PROP_0,
  PROP_KIOSK,
  PROP_WEB_PROFILE,
  PROP_HELP_CLIENT,
  PROP_LOCKED,
  N_PROPS,
};

static GParamSpec *pspecs[N_PROPS];

G_DEFINE_FINAL_TYPE (EscaleWindow, escale_window, GTK_TYPE_APPLICATION_WINDOW)

EscaleSession *
_escale_window_get_session (EscaleWindow *self)
{
  return escale_kiosk_get_session (self->kiosk);
}

static gboolean
has_activities (EscaleWindow *self)
{
  return escale_config_get_activities (escale_kiosk_get_config (self->kiosk))->len > 0;
}

/* A view presenting to a group (the culture "Mode conférencier") takes the
 * whole screen: the bars step aside while it does. */
static gboolean
activity_fills_screen (EscaleWindow *self)
{
  GtkWidget *view;

  if (self->activity_page == NULL)
    return FALSE;
  view = escale_activity_page_get_content (ESCALE_ACTIVITY_PAGE (self->activity_page));
  return ESCALE_IS_ACTIVITY_VIEW (view) &&
         escale_activity_view_get_fills_screen (ESCALE_ACTIVITY_VIEW (view));
}

void
_escale_window_show_page (EscaleWindow *self, const char *name)
{
  gboolean bars = g_str_equal (name, "home") ||
                  (g_str_equal (name, "activity") && !activity_fills_screen (self)) ||
                  g_str_equal (name, "help");
  EscaleConfig *config = escale_kiosk_get_config (self->kiosk);

  /* Leaving the staff space by any way but its buttons closes it. */
  if (self->staff_page != NULL && !g_str_equal (name, "staff"))
    escale_staff_page_close (ESCALE_STAFF_PAGE (self->staff_page));
  gtk_stack_set_visible_child_name (self->stack, name);
  /* The presentation's edges are the screen's (style.css). */
  if (g_str_equal (name, "activity") && activity_fills_screen (self))
    gtk_widget_add_css_class (GTK_WIDGET (self), "fills-screen");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "fills-screen");
  gtk_widget_set_visible (self->top_bar, bars);
  gtk_widget_set_visible (self->bottom_bar, bars);
  gtk_widget_set_visible (self->home_button, !g_str_equal (name, "home"));
  gtk_widget_set_visible (GTK_WIDGET (self->workshop_label),
                          bars && escale_help_client_get_workshop (self->help_client) != NULL);

  if (g_str_equal (name, "home"))
    gtk_label_set_text (self->place_label, escale_config_get_centre_name (config));
  else if (g_str_equal (name, "activity") && self->activity_page != NULL)
    gtk_label_set_text (self->place_label,
                        escale_activity_get_title (escale_activity_page_get_activity (
                          ESCALE_ACTIVITY_PAGE (self->activity_page))));
  else if (g_str_equal (name, "help"))
    gtk_label_set_text (self->place_label, _ ("Aide"));

  if (g_str_equal (name, "welcome"))
    gtk_widget_grab_focus (GTK_WIDGET (self->welcome_page));
  else if (g_str_equal (name, "home"))
    gtk_widget_grab_focus (GTK_WIDGET (self->home_page));
  _escale_window_voice_screen_changed (self);
}

void
_escale_window_drop_activity_page (EscaleWindow *self)
{
  if (self->activity_page == NULL)
    return;
  escale_session_leave_activity (_escale_window_get_session (self));
  gtk_box_remove (self->activity_slot, self->activity_page);
  self->activity_page = NULL;
}

void
_escale_window_apply_text_scale (EscaleWindow *self)
{
  for (guint i = 0; i < ESCALE_TEXT_SCALE_LEVELS; i++)
    {
      g_autofree char *name = g_strdup_printf ("text-scale-%u", i);

      if (i == self->text_scale)
        gtk_widget_add_css_class (GTK_WIDGET (self), name);
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self), name);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.text-smaller", self->text_scale > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.text-larger",
                                 self->text_scale + 1 < ESCALE_TEXT_SCALE_LEVELS);
}

void
_escale_window_apply_contrast (EscaleWindow *self)
{
  if (self->high_contrast)
    gtk_widget_add_css_class (GTK_WIDGET (self), "high-contrast");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "high-contrast");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->contrast_button), self->high_contrast);
}

/* The starting text size follows the system's text scale, when the
 * administrator set one. */
static guint
default_text_scale (void)
{
  GtkSettings *settings = gtk_settings_get_default ();
  int dpi = 0;

  if (settings != NULL)
    g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  if (dpi >= 96 * 1024 * 1.5)
    return 2;
  if (dpi >= 96 * 1024 * 1.2)
    return 1;
  return 0;
}

/* "N'oubliez pas votre clé !" under "Tout est effacé" when an activity's
 * kind has something to remind the person of (escale-activity-kind.h). */
static void
update_goodbye_reminder (EscaleWindow *self)
{
  g_autofree char *reminder =
    escale_activities_goodbye_reminder (escale_kiosk_get_config (self->kiosk));

  if (reminder != NULL && gtk_picture_get_paintable (self->goodbye_picture) == NULL)
    gtk_picture_set_resource (self->goodbye_picture, "/fr/escale/Escale/pictures/usb-stick.svg");
  gtk_label_set_text (self->goodbye_reminder_label, reminder != NULL ? reminder : "");
  gtk_widget_set_visible (self->goodbye_reminder, reminder != NULL);
}

void
_escale_window_update_for_state (EscaleWindow *self)
{
  EscaleSession *session = _escale_window_get_session (self);

  if (escale_kiosk_get_out_of_order (self->kiosk) || !has_activities (self))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->countdown), FALSE);
      _escale_window_show_page (self, "unavailable");
      return;
    }

  switch (escale_session_get_state (session))
    {
    case ESCALE_SESSION_IDLE:
      gtk_widget_set_visible (GTK_WIDGET (self->countdown), FALSE);
      gtk_widget_set_visible (self->helper_banner, FALSE);
      _escale_window_show_page (self, "welcome");
      break;
    case ESCALE_SESSION_ACTIVE:
      gtk_widget_set_visible (GTK_WIDGET (self->countdown), FALSE);
      {
        const char *page = gtk_stack_get_visible_child_name (self->stack);

        if ((g_str_equal (page, "welcome") && !_escale_window_voice_keeps_welcome (self)) ||
            g_str_equal (page, "goodbye") || g_str_equal (page, "unavailable"))
          _escale_window_show_page (self, "home");
      }
      break;
    case ESCALE_SESSION_WARNING:
      escale_countdown_set_remaining (self->countdown, escale_session_get_remaining (session));
      gtk_widget_set_visible (GTK_WIDGET (self->countdown), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->countdown));
      break;
    case ESCALE_SESSION_ENDING:
      gtk_widget_set_visible (GTK_WIDGET (self->countdown), FALSE);
      gtk_widget_set_visible (self->helper_banner, FALSE);
      update_goodbye_reminder (self);
      _escale_window_show_page (self, "goodbye");
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
state_changed_cb (EscaleWindow *self)
{
  _escale_window_update_for_state (self);
}

static void
remaining_changed_cb (EscaleWindow *self)
{
  escale_countdown_set_remaining (self->countdown, escale_session_get_remaining (
                                                     _escale_window_get_session (self)));
}

/* For staff, on the welcome screen: the configuration's problems, then
 * what the running kiosk found out (no camera, statistics waiting), each
 * with the first of them. */
static void
update_staff_notes (EscaleWindow *self)
{
  GPtrArray *problems = escale_config_get_problems (escale_kiosk_get_config (self->kiosk));
  GPtrArray *notices = escale_notices_get_all (escale_kiosk_get_notices (self->kiosk));
  g_autoptr(GString) note = g_string_new (NULL);

  if (problems->len > 0)
    {
      g_autofree char *first = escale_config_problem_to_string (problems->pdata[0]);

      g_string_append_printf (note,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "Pour l'équipe : %u problème dans la configuration "
                                           "(%s). Vérifiez avec escale --check-config.",
                                           "Pour l'équipe : %u problèmes dans la configuration "
                                           "(premier : %s). Vérifiez avec escale --check-config.",
                                           problems->len),
                              problems->len, first);
    }
  if (notices->len > 0)
    {
      g_autofree char *first = escale_config_problem_to_string (notices->pdata[0]);

      g_string_append_printf (note,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%sPour l'équipe : %u avertissement sur ce poste (%s).",
                                           "%sPour l'équipe : %u avertissements sur ce poste "
                                           "(premier : %s).",
                                           notices->len),
                              note->len > 0 ? "\n" : "", notices->len, first);
    }
  escale_welcome_page_set_staff_note (self->welcome_page, note->str);
  gtk_label_set_text (self->unavailable_staff_label, note->str);
}

static void
staff_notes_changed_cb (EscaleWindow *self)
{
  update_staff_notes (self);
}

/* The staff's discreet entry: a long press on the place's name. */
static void
place_long_pressed_cb (EscaleWindow *self)
{
  _escale_window_open_staff_space (self);
}

/* Input and the kiosk key filter */

/* Returns TRUE if the key must never reach anything in kiosk mode: ways to
 * close, switch or leave the window, and the GTK Inspector (which would let
 * anybody change anything). Ordinary typing and editing keys pass. */
gboolean
escale_window_filter_key (EscaleWindow *self, guint keyval, GdkModifierType state)
{
  GdkModifierType mods =
    state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK | GDK_META_MASK | GDK_HYPER_MASK);

  if (!self->locked)
    return FALSE;

  if (mods & (GDK_ALT_MASK | GDK_SUPER_MASK | GDK_META_MASK | GDK_HYPER_MASK))
    return TRUE;

  switch (keyval)
    {
    case GDK_KEY_Escape:
    case GDK_KEY_F1:
    case GDK_KEY_F2:
    case GDK_KEY_F3:
    case GDK_KEY_F4:
    case GDK_KEY_F5:
    case GDK_KEY_F6:
    case GDK_KEY_F7:
    case GDK_KEY_F8:
    case GDK_KEY_F9:
    case GDK_KEY_F10:
    case GDK_KEY_F11:
    case GDK_KEY_F12:
    case GDK_KEY_Super_L:
    case GDK_KEY_Super_R:
    case GDK_KEY_Menu:
    case GDK_KEY_Print:
      return TRUE;
    default:
      break;
    }

  if (mods & GDK_CONTROL_MASK)
    {
      guint lower = gdk_keyval_to_lower (keyval);

      /* Editing shortcuts are fine; everything else with Ctrl (W, Q, N, T, O,
       * P, S, Shift+I, Shift+D, +, -, ...) is swallowed. */
      switch (lower)
        {
        case GDK_KEY_a:
        case GDK_KEY_c:
        case GDK_KEY_v:
        case GDK_KEY_x:
        case GDK_KEY_z:
        case GDK_KEY_y:
        case GDK_KEY_Left:
        case GDK_KEY_Right:
        case GDK_KEY_Up:
        case GDK_KEY_Down:
        case GDK_KEY_Home:
        case GDK_KEY_End:
        case GDK_KEY_BackSpace:
        case GDK_KEY_Delete:
          return FALSE;
        default:
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                GdkModifierType state, EscaleWindow *self)
{
#if ESCALE_DEVELOPMENT
  if ((state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK)) == (GDK_CONTROL_MASK | GDK_SHIFT_MASK) &&
      gdk_keyval_to_lower (keyval) == GDK_KEY_q)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.dev-quit", NULL);
      return TRUE;
    }
#endif
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) == (GDK_CONTROL_MASK | GDK_ALT_MASK) &&
      gdk_keyval_to_lower (keyval) == GDK_KEY_s)
    {
      _escale_window_open_staff_space (self);
      return TRUE;
    }
  /* Ctrl or Alt alone is no visitor yet: staff reaching for Ctrl+Alt+S
   * on the welcome screen must not start (and count) a visit. */
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));

  if (event == NULL || !gdk_key_event_is_modifier (event))
    escale_session_input (_escale_window_get_session (self));
  return escale_window_filter_key (self, keyval, state);
}

static void
pointer_input_cb (EscaleWindow *self, int n_press, double x, double y)
{
  if (!_escale_window_voice_owns_press (self, x, y))
    escale_session_input (_escale_window_get_session (self));
}

/* A button pressed without a touch or a key (a screen reader's or a
 * switch's "click" through AT-SPI) is input too: without it, a visitor
 * using one would meet the countdown in the middle of their visit. */
static gboolean
button_clicked_hook_cb (GSignalInvocationHint *hint, guint n_values, const GValue *values,
                        gpointer data)
{
  EscaleWindow *self = data;
  GtkWidget *button = g_value_get_object (&values[0]);

  if (self->kiosk != NULL && GTK_WIDGET (gtk_widget_get_root (button)) == GTK_WIDGET (self))
    escale_session_input (_escale_window_get_session (self));
  return TRUE;
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller, double dx, double dy, EscaleWindow *self)
{
  escale_session_input (_escale_window_get_session (self));
  return FALSE;
}

static gboolean
close_request_cb (EscaleWindow *self)
{
  /* In kiosk mode nobody closes the window (Alt+F4 from a window manager
   * arrives here). */
  return self->locked;
}

static void
mapped_cb (EscaleWindow *self)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (self));

  if (self->locked && GDK_IS_TOPLEVEL (surface))
    gdk_toplevel_inhibit_system_shortcuts (GDK_TOPLEVEL (surface), NULL);
}

/* Wipers */

static gboolean
wipe_ui_state (gpointer user_data, GError **error)
{
  EscaleWindow *self = user_data;

  _escale_window_drop_activity_page (self);
  g_clear_pointer (&self->before_help, g_free);
  self->text_scale = default_text_scale ();
  self->high_contrast = FALSE;
  escale_voice_reset (self->voice);
  _escale_window_apply_text_scale (self);
  _escale_window_apply_contrast (self);
  gtk_widget_set_visible (self->helper_banner, FALSE);
  return self->activity_page == NULL;
}

static gboolean
wipe_clipboards (gpointer user_data, GError **error)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (user_data));

  gdk_clipboard_set_content (gdk_display_get_clipboard (display), NULL);
  gdk_clipboard_set_content (gdk_display_get_primary_clipboard (display), NULL);
  return TRUE;
}

/* GObject */

/* "Atelier en cours : E-mail" under the top bar while a workshop runs. */
static void
workshop_cb (EscaleWindow *self)
{
  g_autofree char *text = escale_help_client_describe_workshop (self->help_client);

  if (text != NULL)
    gtk_label_set_label (self->workshop_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->workshop_label),
                          text != NULL && gtk_widget_get_visible (self->top_bar));
}

static void
escale_window_constructed (GObject *object)
{
  EscaleWindow *self = ESCALE_WINDOW (object);
  EscaleConfig *config = escale_kiosk_get_config (self->kiosk);
  EscaleReset *reset = escale_kiosk_get_reset (self->kiosk);

  G_OBJECT_CLASS (escale_window_parent_class)->constructed (object);

  escale_welcome_page_set_centre_name (self->welcome_page, escale_config_get_centre_name (config));
  escale_home_page_set_activities (self->home_page, escale_config_get_activities (config));
  escale_welcome_page_set_activities (self->welcome_page, escale_config_get_activities (config));
  update_staff_notes (self);
  escale_help_banner_set_client (ESCALE_HELP_BANNER (self->helper_banner), self->help_client);
  g_signal_connect_object (self->help_client, "notify::workshop", G_CALLBACK (workshop_cb), self,
                           G_CONNECT_SWAPPED);
  workshop_cb (self);

  g_signal_connect_object (_escale_window_get_session (self), "notify::state",
                           G_CALLBACK (state_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (_escale_window_get_session (self), "notify::remaining",
                           G_CALLBACK (remaining_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->kiosk, "notify::out-of-order", G_CALLBACK (state_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (escale_kiosk_get_notices (self->kiosk), "changed",
                           G_CALLBACK (staff_notes_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (_escale_window_get_session (self), "ended",
                           G_CALLBACK (staff_notes_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  _escale_window_setup_staff (self);
  _escale_window_setup_voice (self);

  /* The window's wipers hold no reference: the window unregisters them. */
  escale_reset_register (reset, "ui-state", wipe_ui_state, self, NULL);
  escale_reset_register (reset, "clipboards", wipe_clipboards, self, NULL);

  if (self->locked)
    {
      GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, 0);

      /* Without a window manager (bare X, some kiosk setups) fullscreen is
       * only a wish: size the window to the screen ourselves. */
      if (monitor != NULL)
        {
          GdkRectangle geometry;

          gdk_monitor_get_geometry (monitor, &geometry);
          gtk_window_set_default_size (GTK_WINDOW (self), geometry.width, geometry.height);
        }
      gtk_window_set_decorated (GTK_WINDOW (self), FALSE);
      gtk_window_fullscreen (GTK_WINDOW (self));
      gtk_window_set_interactive_debugging (FALSE);
      gtk_widget_add_css_class (GTK_WIDGET (self), "locked");
    }

  self->text_scale = default_text_scale ();
  _escale_window_apply_text_scale (self);
  _escale_window_apply_contrast (self);
  _escale_window_update_for_state (self);
}

static void
escale_window_dispose (GObject *object)
{
  EscaleWindow *self = ESCALE_WINDOW (object);

  if (self->clicked_hook != 0)
    g_signal_remove_emission_hook (g_signal_lookup ("clicked", GTK_TYPE_BUTTON),
                                   self->clicked_hook);
  self->clicked_hook = 0;
  if (self->kiosk != NULL)
    {
      escale_reset_unregister (escale_kiosk_get_reset (self->kiosk), "ui-state");
      escale_reset_unregister (escale_kiosk_get_reset (self->kiosk), "clipboards");
    }
  self->activity_page = NULL;
  self->staff_page = NULL;
  self->feedback_page = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), ESCALE_TYPE_WINDOW);
  g_clear_object (&self->kiosk);
  g_clear_object (&self->web_profile);
  g_clear_object (&self->help_client);
  g_clear_object (&self->voice);
  g_clear_pointer (&self->before_help, g_free);
  g_clear_pointer (&self->before_staff, g_free);
  G_OBJECT_CLASS (escale_window_parent_class)->dispose (object);
}

static void
escale_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  EscaleWindow *self = ESCALE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_KIOSK:
      g_value_set_object (value, self->kiosk);
      break;
    case PROP_WEB_PROFILE:
      g_value_set_object (value, self->web_profile);
      break;
    case PROP_HELP_CLIENT:
      g_value_set_object (value, self->help_client);
      break;
    case PROP_LOCKED:
      g_value_set_boolean (value, self->locked);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_window_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  EscaleWindow *self = ESCALE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_KIOSK:
      self->kiosk = g_value_dup_object (value);
      break;
    case PROP_WEB_PROFILE:
      self->web_profile = g_value_dup_object (value);
      break;
    case PROP_HELP_CLIENT:
      self->help_client = g_value_dup_object (value);
      break;
    case PROP_LOCKED:
      self->locked = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_window_class_init (EscaleWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = escale_window_constructed;
  object_class->dispose = escale_window_dispose;
  object_class->get_property = escale_window_get_property;
  object_class->set_property = escale_window_set_property;

  pspecs[PROP_KIOSK] =
    g_param_spec_object ("kiosk", NULL, NULL, ESCALE_TYPE_KIOSK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  pspecs[PROP_WEB_PROFILE] =
    g_param_spec_object ("web-profile", NULL, NULL, ESCALE_TYPE_WEB_PROFILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  pspecs[PROP_HELP_CLIENT] =
    g_param_spec_object ("help-client", NULL, NULL, ESCALE_TYPE_HELP_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  pspecs[PROP_LOCKED] =
    g_param_spec_boolean ("locked", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, pspecs);

  g_type_ensure (ESCALE_TYPE_WELCOME_PAGE);
  g_type_ensure (ESCALE_TYPE_HOME_PAGE);
  g_type_ensure (ESCALE_TYPE_COUNTDOWN);
  g_type_ensure (ESCALE_TYPE_HELP_BANNER);
  g_type_ensure (ESCALE_TYPE_LISTEN_BUTTON);
  g_type_ensure (ESCALE_TYPE_TOP_BAR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/fr/escale/Escale/ui/escale-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EscaleWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, EscaleWindow, top_bar);
  gtk_widget_class_bind_template_child (widget_class, EscaleWindow, workshop_label);
  gtk_widget_class_bind_template_child (widget_class, EscaleWindow, bottom_bar);
  gtk_widget_class_bind_template_child (widget_class, EscaleWindow, place_label);
  gtk_widget_class_bind_template_child (widget_class, EscaleWindow, home_button);
  gtk_widget_class_bind_template_child (widget_class, EscaleWindow, finish_button);
  gtk_widget_class_bind_template_child (widget_class, EscaleWindow, help_label);
  gtk_widget_class_bind_template_child (widget_class, EscaleWindow, unavailable_staff_label);
  gtk_widget_class_bind_template_child (widget_class, EscaleWindow, helper_banner);
  gtk_widget_class_bind_template_child (widget_class, EscaleWindow, goodbye_reminder);
  gtk_widget_class_bind_template_child (widget_class, EscaleWindow, goodbye_picture);
  gtk_widget_class_bind_template_child (widget_class, EscaleWindow, goodbye_reminder_label);
  gtk_widget_class_bind_template_child (widget_class, EscaleWindow, contrast_button);
  gtk_widget_class_bind_template_child (widget_class, EscaleWindow, listen_button);
  gtk_widget_class_bind_template_child (widget_class, EscaleWindow, goodbye_listen_button);
  gtk_widget_class_bind_template_child (widget_class, EscaleWindow, goodbye_title);
  gtk_widget_class_bind_template_child (widget_class, EscaleWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, EscaleWindow, home_page);
  gtk_widget_class_bind_template_child (widget_class, EscaleWindow, activity_slot);
  gtk_widget_class_bind_template_child (widget_class, EscaleWindow, countdown);

  _escale_window_class_actions_init (widget_class);
}

static void
escale_window_init (EscaleWindow *self)
{
  GtkEventController *key;
  GtkGesture *click;
  GtkEventController *scroll;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_label_set_text (self->help_label,
                      _ ("• Touchez un grand bouton pour choisir ce que vous voulez faire.\n"
                         "• À droite, « Comment faire » vous guide pas à pas.\n"
                         "• Touchez « Accueil » pour revenir aux grands boutons.\n"
                         "• « A+ » agrandit le texte, « A− » le réduit.\n"
                         "• Bloqué ? Touchez « Appeler un aidant » : quelqu'un viendra.\n"
                         "• En partant, touchez « J'ai fini » : tout sera effacé.\n"
                         "Vous ne pouvez rien casser."));

  /* Capture phase: the session sees every input before any widget, and the
   * kiosk filter runs before the window's own shortcuts (the Inspector's
   * among them). */
  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  self->clicked_hook = g_signal_add_emission_hook (g_signal_lookup ("clicked", GTK_TYPE_BUTTON), 0,
                                                   button_clicked_hook_cb, self, NULL);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (pointer_input_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  {
    GtkGesture *long_press = gtk_gesture_long_press_new ();

    /* The longest GTK allows (about 1 s); and if a finger resting on the
     * title opens the pad by chance, "Retour" goes back unwiped. */
    gtk_gesture_long_press_set_delay_factor (GTK_GESTURE_LONG_PRESS (long_press), 2.0);
    g_signal_connect_swapped (long_press, "pressed", G_CALLBACK (place_long_pressed_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->place_label), GTK_EVENT_CONTROLLER (long_press));
  }

  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
  g_signal_connect (self, "map", G_CALLBACK (mapped_cb), NULL);
}

EscaleWindow *
escale_window_new (GtkApplication *application, EscaleKiosk *kiosk, EscaleWebProfile *web_profile,
                   EscaleHelpClient *help_client, gboolean locked)
{
  return g_object_new (ESCALE_TYPE_WINDOW, "application", application, "kiosk", kiosk,
                       "web-profile", web_profile, "help-client", help_client, "locked", locked,
                       NULL);
}

const char *
escale_window_get_page_name (EscaleWindow *self)
{
  g_return_val_if_fail (ESCALE_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

GtkWidget *
escale_window_get_activity_page (EscaleWindow *self)
{
  g_return_val_if_fail (ESCALE_IS_WINDOW (self), NULL);
  return self->activity_page;
}

GtkWidget *
escale_window_get_welcome_page (EscaleWindow *self)
{
  g_return_val_if_fail (ESCALE_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->welcome_page);
}

GtkWidget *
escale_window_get_home_page (EscaleWindow *self)
{
  g_return_val_if_fail (ESCALE_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->home_page);
}

guint
escale_window_get_text_scale (EscaleWindow *self)
{
  g_return_val_if_fail (ESCALE_IS_WINDOW (self), 0);
  return self->text_scale;
}

gboolean
escale_window_get_helper_banner_visible (EscaleWindow *self)
{
  g_return_val_if_fail (ESCALE_IS_WINDOW (self), FALSE);
  return gtk_widget_get_visible (self->helper_banner);
}

/* The workshop band's text while it is shown, else NULL. */
const char *
escale_window_get_workshop_band (EscaleWindow *self)
{
  g_return_val_if_fail (ESCALE_IS_WINDOW (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->workshop_label)))
    return NULL;
  return gtk_label_get_label (self->workshop_label);
}

/* The message shown after "Appeler un aidant" (an EscaleHelpBanner). */
GtkWidget *
escale_window_get_help_banner (EscaleWindow *self)
{
  g_return_val_if_fail (ESCALE_IS_WINDOW (self), NULL);
  return self->helper_banner;
}

GtkWidget *
escale_window_get_staff_page (EscaleWindow *self)
{
  g_return_val_if_fail (ESCALE_IS_WINDOW (self), NULL);
  return self->staff_page;
}

GtkWidget *
escale_window_get_feedback_page (EscaleWindow *self)
{
  g_return_val_if_fail (ESCALE_IS_WINDOW (self), NULL);
  return self->feedback_page;
}
