/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-call"

#include <glib/gi18n.h>

#include "escale-call-view-private.h"

/* What the call screen's buttons do: make a code, type one on the pad,
 * call, hang up, go back, and the microphone and camera switches. */

void
_escale_call_view_update_pad_display (EscaleCallView *self)
{
  GString *shown = g_string_new (NULL);

  for (guint i = 0; i < 6; i++)
    {
      if (i == 3)
        g_string_append_c (shown, ' ');
      g_string_append_c (shown, i < self->typed->len ? self->typed->str[i] : '_');
    }
  gtk_label_set_text (self->pad_display, shown->str);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "call.join", self->typed->len == 6);
  g_string_free (shown, TRUE);
}

static void
action_create (GtkWidget *widget, const char *name, GVariant *parameter)
{
  EscaleCallView *self = ESCALE_CALL_VIEW (widget);

  self->made_room = TRUE;
  escale_call_create_room (self->call);
}

/* The pad, with what was typed before (kept after a wrong code, so that
 * one digit can be put right). */
static void
show_pad (EscaleCallView *self)
{
  _escale_call_view_update_pad_display (self);
  _escale_call_view_set_guide (self,
                               self->typed->len == 6
                                 ? _ ("Vérifiez les 6 chiffres avec votre proche, puis "
                                      "touchez Appeler.")
                                 : _ ("Tapez les 6 chiffres du code, puis touchez Appeler."));
  gtk_stack_set_visible_child_name (self->stack, "pad");
}

static void
action_pad (GtkWidget *widget, const char *name, GVariant *parameter)
{
  EscaleCallView *self = ESCALE_CALL_VIEW (widget);

  g_string_truncate (self->typed, 0);
  show_pad (self);
}

static void
action_digit (GtkWidget *widget, const char *name, GVariant *parameter)
{
  EscaleCallView *self = ESCALE_CALL_VIEW (widget);
  const char *digit = g_variant_get_string (parameter, NULL);

  if (self->typed->len < 6 && g_ascii_isdigit (digit[0]))
    g_string_append_c (self->typed, digit[0]);
  _escale_call_view_update_pad_display (self);
}

static void
action_erase (GtkWidget *widget, const char *name, GVariant *parameter)
{
  EscaleCallView *self = ESCALE_CALL_VIEW (widget);

  if (self->typed->len > 0)
    g_string_truncate (self->typed, self->typed->len - 1);
  _escale_call_view_update_pad_display (self);
}

/* The code stays typed until the call ends well or the person goes back
 * to the start: Réessayer uses it again. */
static void
action_join (GtkWidget *widget, const char *name, GVariant *parameter)
{
  EscaleCallView *self = ESCALE_CALL_VIEW (widget);

  self->made_room = FALSE;
  escale_call_join_room (self->call, self->typed->str);
}

static void
action_hang_up (GtkWidget *widget, const char *name, GVariant *parameter)
{
  escale_call_hang_up (ESCALE_CALL_VIEW (widget)->call);
}

/* Retour on the pad, and the message's button: after a wrong code, the
 * pad with the code still typed; after a server or a connection that
 * failed, the same call again (the same code, or a new one for the
 * family); otherwise the start. */
static void
action_back (GtkWidget *widget, const char *name, GVariant *parameter)
{
  EscaleCallView *self = ESCALE_CALL_VIEW (widget);
  const char *screen = gtk_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (screen, "message") == 0)
    switch (escale_call_get_problem (self->call))
      {
      case ESCALE_CALL_PROBLEM_WRONG_CODE:
        if (escale_call_start_preview (self->call))
          show_pad (self);
        return;
      case ESCALE_CALL_PROBLEM_SERVER_UNREACHABLE:
      case ESCALE_CALL_PROBLEM_CONNECTION_LOST:
        if (self->made_room)
          escale_call_create_room (self->call);
        else if (self->typed->len == 6)
          escale_call_join_room (self->call, self->typed->str);
        else
          break;
        return;
      case ESCALE_CALL_PROBLEM_NONE:
      case ESCALE_CALL_PROBLEM_ROOM_FULL:
      case ESCALE_CALL_PROBLEM_PEER_LEFT:
      case ESCALE_CALL_PROBLEM_NO_CAMERA:
      case ESCALE_CALL_PROBLEM_NO_MICROPHONE:
      case ESCALE_CALL_PROBLEM_MEDIA:
      default:
        break;
      }
  _escale_call_view_show_start (self);
}

void
_escale_call_view_update_switches (EscaleCallView *self)
{
  gboolean microphone = escale_call_get_microphone (self->call);
  gboolean camera = escale_call_get_camera (self->call);

  _escale_call_view_button_set_text (self->microphone_button,
                                     microphone ? _ ("Couper le micro") : _ ("Remettre le micro"));
  _escale_call_view_button_set_text (self->camera_button,
                                     camera ? _ ("Couper la caméra") : _ ("Remettre la caméra"));
}

static void
action_microphone (GtkWidget *widget, const char *name, GVariant *parameter)
{
  EscaleCallView *self = ESCALE_CALL_VIEW (widget);

  escale_call_set_microphone (self->call, !escale_call_get_microphone (self->call));
  _escale_call_view_update_switches (self);
}

static void
action_camera (GtkWidget *widget, const char *name, GVariant *parameter)
{
  EscaleCallView *self = ESCALE_CALL_VIEW (widget);

  escale_call_set_camera (self->call, !escale_call_get_camera (self->call));
  _escale_call_view_update_switches (self);
}

static void
action_picture (GtkWidget *widget, const char *name, GVariant *parameter)
{
  _escale_call_view_toggle_picture (ESCALE_CALL_VIEW (widget));
}

void
_escale_call_view_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "call.create", NULL, action_create);
  gtk_widget_class_install_action (widget_class, "call.pad", NULL, action_pad);
  gtk_widget_class_install_action (widget_class, "call.digit", "s", action_digit);
  gtk_widget_class_install_action (widget_class, "call.erase", NULL, action_erase);
  gtk_widget_class_install_action (widget_class, "call.join", NULL, action_join);
  gtk_widget_class_install_action (widget_class, "call.hang-up", NULL, action_hang_up);
  gtk_widget_class_install_action (widget_class, "call.back", NULL, action_back);
  gtk_widget_class_install_action (widget_class, "call.microphone", NULL, action_microphone);
  gtk_widget_class_install_action (widget_class, "call.camera", NULL, action_camera);
  gtk_widget_class_install_action (widget_class, "call.picture", NULL, action_picture);
}
