/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-window"

#include <glib/gi18n.h>

#include "config.h"
#include "escale-activity-page.h"
#include "escale-feedback-page.h"
#include "escale-staff-page.h"
#include "escale-window-private.h"

/* What the window's buttons and keys do: every one is a win.* action, so a
 * button in a .ui file, a key and a test all go the same way. Also the
 * staff space's and the end questions' wiring. */

static void
start_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  EscaleWindow *self = ESCALE_WINDOW (widget);

  escale_session_input (_escale_window_get_session (self));
  _escale_window_update_for_state (self);
}

static void
home_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  EscaleWindow *self = ESCALE_WINDOW (widget);

  _escale_window_drop_activity_page (self);
  _escale_window_show_page (self, "home");
}

static void
finish_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  EscaleWindow *self = ESCALE_WINDOW (widget);

  escale_session_finish (_escale_window_get_session (self), ESCALE_END_FINISHED);
}

/* "J'ai fini": the two optional questions first, unless the config turned
 * them off; then the visit ends as with win.finish. */
static void
leave_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  EscaleWindow *self = ESCALE_WINDOW (widget);

  if (escale_config_get_end_questions (escale_kiosk_get_config (self->kiosk)))
    {
      escale_feedback_page_start (ESCALE_FEEDBACK_PAGE (self->feedback_page));
      _escale_window_show_page (self, "feedback");
      escale_session_set_leaving (_escale_window_get_session (self), TRUE);
      return;
    }
  escale_session_finish (_escale_window_get_session (self), ESCALE_END_FINISHED);
}

static void
feedback_answered_cb (EscaleWindow *self, int satisfaction, int age_bracket)
{
  escale_kiosk_set_feedback (self->kiosk, satisfaction, age_bracket);
  escale_session_finish (_escale_window_get_session (self), ESCALE_END_FINISHED);
}

/* "Je n'ai pas fini": back to the activity (or the home), as it was. */
static void
feedback_resumed_cb (EscaleWindow *self)
{
  escale_session_set_leaving (_escale_window_get_session (self), FALSE);
  _escale_window_show_page (self, self->activity_page != NULL ? "activity" : "home");
}

/* The staff space: Ctrl+Alt+S, or a long press on the place name. */
void
_escale_window_open_staff_space (EscaleWindow *self)
{
  const char *current = gtk_stack_get_visible_child_name (self->stack);

  if (g_str_equal (current, "staff"))
    return;
  g_free (self->before_staff);
  self->before_staff = g_strdup (current);
  escale_staff_page_open (ESCALE_STAFF_PAGE (self->staff_page));
  _escale_window_show_page (self, "staff");
}

/* The pad was left without the code: back where the visit was. */
static void
staff_cancel_cb (EscaleWindow *self)
{
  const char *target = self->before_staff ? self->before_staff : "welcome";

  if (g_str_equal (target, "activity") && self->activity_page == NULL)
    target = "home";
  _escale_window_show_page (self, target);
  _escale_window_update_for_state (self);
}

/* Leaving the staff space always goes through a full reset. */
static void
staff_leave_cb (EscaleWindow *self)
{
  escale_kiosk_reset_now (self->kiosk);
  _escale_window_update_for_state (self);
}

static void
staff_reset_now_cb (EscaleWindow *self)
{
  escale_kiosk_reset_now (self->kiosk);
}

static void
staff_quit_kiosk_cb (EscaleWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  g_message ("Kiosk mode left from the staff space");
  if (app != NULL)
    g_application_quit (G_APPLICATION (app));
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
help_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  EscaleWindow *self = ESCALE_WINDOW (widget);
  const char *current = gtk_stack_get_visible_child_name (self->stack);

  if (!g_str_equal (current, "help"))
    {
      g_free (self->before_help);
      self->before_help = g_strdup (current);
    }
  _escale_window_show_page (self, "help");
}

static void
back_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  EscaleWindow *self = ESCALE_WINDOW (widget);
  const char *target = self->before_help ? self->before_help : "home";

  if (g_str_equal (target, "activity") && self->activity_page == NULL)
    target = "home";
  _escale_window_show_page (self, target);
}

static void
call_helper_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  EscaleWindow *self = ESCALE_WINDOW (widget);

  /* Counted once a press, whatever the network does (help asked). */
  escale_session_call_helper (_escale_window_get_session (self));
  escale_help_client_ask (self->help_client);
  escale_help_banner_show (ESCALE_HELP_BANNER (self->helper_banner));
}

/* "Je suis aidant" (in the help banner): the helpers' code, then the
 * workshop screen; leaving it goes back to the visit, nothing wiped. */
static void
helper_space_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  EscaleWindow *self = ESCALE_WINDOW (widget);

  escale_help_banner_dismiss (ESCALE_HELP_BANNER (self->helper_banner));
  _escale_window_open_staff_space (self);
  escale_staff_page_open_helper (ESCALE_STAFF_PAGE (self->staff_page), self->help_client);
}

static void
dismiss_helper_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  EscaleWindow *self = ESCALE_WINDOW (widget);

  escale_help_banner_dismiss (ESCALE_HELP_BANNER (self->helper_banner));
}

static void
text_larger_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  EscaleWindow *self = ESCALE_WINDOW (widget);

  if (self->text_scale + 1 < ESCALE_TEXT_SCALE_LEVELS)
    self->text_scale++;
  _escale_window_apply_text_scale (self);
}

static void
text_smaller_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  EscaleWindow *self = ESCALE_WINDOW (widget);

  if (self->text_scale > 0)
    self->text_scale--;
  _escale_window_apply_text_scale (self);
}

static void
contrast_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  EscaleWindow *self = ESCALE_WINDOW (widget);

  self->high_contrast = !self->high_contrast;
  _escale_window_apply_contrast (self);
}

static void
still_here_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  escale_session_input (_escale_window_get_session (ESCALE_WINDOW (widget)));
}

static void
fills_screen_cb (EscaleWindow *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "activity") == 0)
    _escale_window_show_page (self, "activity");
}

static void
open_activity_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  EscaleWindow *self = ESCALE_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  EscaleActivity *activity =
    escale_config_find_activity (escale_kiosk_get_config (self->kiosk), id);

  /* During the goodbye the visit's wipers have run: a page opened now (a
   * hidden tile pressed through AT-SPI) would outlive the wipe into the
   * next person's visit. */
  if (activity == NULL ||
      escale_session_get_state (_escale_window_get_session (self)) == ESCALE_SESSION_ENDING)
    return;

  _escale_window_drop_activity_page (self);
  escale_session_enter_activity (_escale_window_get_session (self), id);
  self->activity_page = escale_activity_page_new (activity, self->kiosk, self->web_profile);
  gtk_widget_set_vexpand (self->activity_page, TRUE);
  gtk_box_append (self->activity_slot, self->activity_page);
  g_signal_connect_object (escale_activity_page_get_content (
                             ESCALE_ACTIVITY_PAGE (self->activity_page)),
                           "notify::fills-screen", G_CALLBACK (fills_screen_cb), self,
                           G_CONNECT_SWAPPED);
  _escale_window_voice_follow_guide (self);
  _escale_window_show_page (self, "activity");
}

#if ESCALE_DEVELOPMENT
static void
quit_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}
#endif

void
_escale_window_setup_staff (EscaleWindow *self)
{
  self->staff_page = escale_staff_page_new (self->kiosk);
  gtk_stack_add_named (self->stack, self->staff_page, "staff");
  g_signal_connect_object (self->staff_page, "leave", G_CALLBACK (staff_leave_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->staff_page, "reset-now", G_CALLBACK (staff_reset_now_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->staff_page, "cancel", G_CALLBACK (staff_cancel_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->staff_page, "quit-kiosk", G_CALLBACK (staff_quit_kiosk_cb), self,
                           G_CONNECT_SWAPPED);
  self->feedback_page = escale_feedback_page_new ();
  gtk_stack_add_named (self->stack, self->feedback_page, "feedback");
  g_signal_connect_object (self->feedback_page, "answered", G_CALLBACK (feedback_answered_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->feedback_page, "resumed", G_CALLBACK (feedback_resumed_cb), self,
                           G_CONNECT_SWAPPED);
}

void
_escale_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "win.home", NULL, home_action);
  gtk_widget_class_install_action (widget_class, "win.finish", NULL, finish_action);
  gtk_widget_class_install_action (widget_class, "win.leave", NULL, leave_action);
  gtk_widget_class_install_action (widget_class, "win.help", NULL, help_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.call-helper", NULL, call_helper_action);
  gtk_widget_class_install_action (widget_class, "win.helper-space", NULL, helper_space_action);
  gtk_widget_class_install_action (widget_class, "win.dismiss-helper", NULL,
                                   dismiss_helper_action);
  gtk_widget_class_install_action (widget_class, "win.text-larger", NULL, text_larger_action);
  gtk_widget_class_install_action (widget_class, "win.text-smaller", NULL, text_smaller_action);
  gtk_widget_class_install_action (widget_class, "win.contrast", NULL, contrast_action);
  gtk_widget_class_install_action (widget_class, "win.still-here", NULL, still_here_action);
  gtk_widget_class_install_action (widget_class, "win.open-activity", "s", open_activity_action);
#if ESCALE_DEVELOPMENT
  gtk_widget_class_install_action (widget_class, "win.dev-quit", NULL, quit_action);
#endif
}
