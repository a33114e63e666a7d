/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "escale-activity-page.h"
#include "escale-activity-view.h"
#include "escale-feedback-page.h"
#include "escale-listen-button.h"
#include "escale-window-private.h"

/* "Écouter" in the window: one voice for the visit (EscaleVoice), shared by
 * the buttons of the welcome screen, the top bar, the countdown and the
 * goodbye screen; what each screen says; and the voice's reset with the
 * visit (wipe_ui_state).
 *
 * The welcome screen is the next person's, and the voice is a visit's: its
 * "Écouter" starts a visit (its click, as any button's, is the session's
 * input) with the voice on, and the welcome screen stays to be read, "C'est
 * ma première fois" with it; a touch on it then goes on as from any
 * welcome screen, to the home screen, read in turn.
 * ESCALE_AUDIO_SINK (a GStreamer sink description) replaces autoaudiosink,
 * for tests and for a centre whose sound goes elsewhere. */

/* The title of the screen, then its guide step: the activity's current
 * step, the home screen's or help's instructions. */
static char *
screen_text_cb (gpointer data)
{
  EscaleWindow *self = data;
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  const char *title = gtk_label_get_text (self->place_label);
  g_autofree char *step = NULL;

  if (g_str_equal (page, "activity") && self->activity_page != NULL)
    step = escale_activity_page_dup_guide_step (ESCALE_ACTIVITY_PAGE (self->activity_page));
  else if (g_str_equal (page, "home"))
    step = g_strdup (_ ("Que voulez-vous faire ? Touchez un grand bouton."));
  else if (g_str_equal (page, "help"))
    step = g_strdup (gtk_label_get_text (self->help_label));
  return escale_listen_join (title, step, NULL);
}

static char *
goodbye_text_cb (gpointer data)
{
  EscaleWindow *self = data;

  return escale_listen_join (gtk_label_get_text (self->goodbye_title),
                             _ ("Personne ne verra ce que vous avez fait."),
                             gtk_widget_get_visible (self->goodbye_reminder)
                               ? gtk_label_get_text (self->goodbye_reminder_label)
                               : NULL,
                             NULL);
}

static char *
welcome_text_cb (gpointer data)
{
  EscaleWindow *self = data;

  return escale_welcome_page_dup_words (self->welcome_page);
}

static gboolean
on_welcome (EscaleWindow *self)
{
  return g_str_equal (gtk_stack_get_visible_child_name (self->stack), "welcome");
}

/* The welcome screen's "Écouter" turned the voice on, before its click
 * starts the visit (GtkToggleButton toggles in "clicked"'s class handler,
 * before the window's emission hook): the visit will start there. */
static void
voice_active_cb (EscaleWindow *self)
{
  if (escale_voice_get_active (self->voice) && on_welcome (self) &&
      escale_session_get_state (_escale_window_get_session (self)) == ESCALE_SESSION_IDLE)
    self->welcome_listening = TRUE;
}

/* The visit just started from the welcome screen's "Écouter": the welcome
 * screen stays, read aloud. Once: the next touch goes on to the home screen. */
gboolean
_escale_window_voice_keeps_welcome (EscaleWindow *self)
{
  gboolean keep = self->welcome_listening && on_welcome (self);

  self->welcome_listening = FALSE;
  return keep;
}

/* A press on the welcome screen's "Écouter" is not yet a visit: its click
 * is (a press would show the home screen under the finger). */
gboolean
_escale_window_voice_owns_press (EscaleWindow *self, double x, double y)
{
  GtkWidget *button = escale_welcome_page_get_listen_button (self->welcome_page);
  GtkWidget *target;

  if (!on_welcome (self) || !gtk_widget_get_mapped (button))
    return FALSE;
  target = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);
  return target != NULL && gtk_widget_is_ancestor (target, button);
}

void
_escale_window_setup_voice (EscaleWindow *self)
{
  EscaleListenButton *welcome_listen =
    ESCALE_LISTEN_BUTTON (escale_welcome_page_get_listen_button (self->welcome_page));

  self->voice = escale_voice_new ("fr", g_getenv ("ESCALE_AUDIO_SINK"));
  escale_listen_button_set_voice (self->listen_button, self->voice);
  escale_listen_button_set_reader (self->listen_button, screen_text_cb, self);
  escale_listen_button_set_voice (welcome_listen, self->voice);
  escale_listen_button_set_reader (welcome_listen, welcome_text_cb, self);
  g_signal_connect_object (self->voice, "notify::active", G_CALLBACK (voice_active_cb), self,
                           G_CONNECT_SWAPPED);
  escale_listen_button_set_voice (self->goodbye_listen_button, self->voice);
  escale_listen_button_set_reader (self->goodbye_listen_button, goodbye_text_cb, self);
  escale_countdown_set_voice (self->countdown, self->voice);
  escale_feedback_page_set_voice (ESCALE_FEEDBACK_PAGE (self->feedback_page), self->voice);
}

/* A new screen or a new guide step: read it if the voice is on. The
 * welcome screen, shown, is the next person's: the voice is off and silent
 * there, even if "Tout est effacé" was read after the visit's reset. */
void
_escale_window_voice_screen_changed (EscaleWindow *self)
{
  if (self->voice == NULL)
    return;
  if (on_welcome (self))
    {
      self->welcome_listening = FALSE;
      escale_voice_reset (self->voice);
    }
  escale_listen_button_screen_changed (self->listen_button);
  escale_listen_button_screen_changed (self->goodbye_listen_button);
}

static void
guide_step_cb (EscaleWindow *self)
{
  _escale_window_voice_screen_changed (self);
}

void
_escale_window_voice_follow_guide (EscaleWindow *self)
{
  GtkWidget *view = escale_activity_page_get_content (ESCALE_ACTIVITY_PAGE (self->activity_page));

  if (ESCALE_IS_ACTIVITY_VIEW (view))
    g_signal_connect_object (view, "notify::guide-step", G_CALLBACK (guide_step_cb), self,
                             G_CONNECT_SWAPPED);
}

EscaleVoice *
escale_window_get_voice (EscaleWindow *self)
{
  g_return_val_if_fail (ESCALE_IS_WINDOW (self), NULL);
  return self->voice;
}

/* The top bar's "Écouter" (an EscaleListenButton). */
GtkWidget *
escale_window_get_listen_button (EscaleWindow *self)
{
  g_return_val_if_fail (ESCALE_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->listen_button);
}

GtkWidget *
escale_window_get_goodbye_listen_button (EscaleWindow *self)
{
  g_return_val_if_fail (ESCALE_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->goodbye_listen_button);
}
