/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>
#include <stdarg.h>
#include <string.h>

#include "escale-listen-button.h"

/* "Écouter": touched, the voice turns on and reads the screen this button
 * is on (its reader says what: the title and the current guide step); while
 * the voice is on, the button says "Arrêter", a "Plus lent" button stands
 * beside it, and each new screen is read (escale_listen_button_screen_changed
 * and the button appearing). Touched again, silence. The window's buttons
 * (top bar, countdown, goodbye) share one EscaleVoice, so the choice follows
 * the person for the visit and is reset with it.
 *
 * In the window's top bar, the bar chooses their form (escale-top-bar.c):
 * icons beside the words, or above them where the bar is short of room;
 * "Plus lent" shows its icon (a tortoise) only above its words. Never an
 * icon alone.
 *
 * When the voice turns out to be impossible (no sound, no French voice),
 * the button on screen says so in plain words once, for a few seconds, and
 * every button hides for good. */

#define MESSAGE_SECONDS 10

struct _EscaleListenButton
{
  GtkWidget parent_instance;

  /* owned widgets */
  GtkWidget *toggle; /* "Écouter"/"Arrêter" */
  GtkWidget *rate_toggle;
  GtkLabel *toggle_label;
  GtkLabel *message;

  /* owned */
  EscaleVoice *voice;
  guint message_timeout;

  /* borrowed */
  EscaleListenReader reader;
  gpointer reader_data;

  gboolean reading_here; /* the voice is reading what this button asked */
  gboolean said_unavailable;
};

G_DEFINE_FINAL_TYPE (EscaleListenButton, escale_listen_button, GTK_TYPE_WIDGET)

/* Sentences for the voice, each ending with a stop so that espeak-ng pauses
 * between them; NULL or empty parts are skipped. */
char *
escale_listen_join (const char *first, ...)
{
  g_autoptr(GString) text = g_string_new (NULL);
  va_list args;

  va_start (args, first);
  for (const char *part = first; part != NULL; part = va_arg (args, const char *))
    {
      g_autofree char *clean = g_strstrip (g_strdup (part));
      gsize length = strlen (clean);

      if (length == 0)
        continue;
      if (text->len > 0)
        g_string_append (text, "\n");
      g_string_append (text, clean);
      if (g_utf8_strchr (".?!:…", -1, g_utf8_get_char (g_utf8_prev_char (clean + length))) == NULL)
        g_string_append_c (text, '.');
    }
  va_end (args);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
read_screen (EscaleListenButton *self)
{
  g_autofree char *text = NULL;

  if (self->voice == NULL || self->reader == NULL)
    return;
  text = self->reader (self->reader_data);
  if (text == NULL || *text == '\0')
    return;
  /* The same screen already being read goes on (the button appearing and
   * the window saying the screen changed come together). */
  if (self->reading_here && escale_voice_get_speaking (self->voice) &&
      g_strcmp0 (escale_voice_get_text (self->voice), text) == 0)
    return;
  escale_voice_speak (self->voice, text);
  self->reading_here = TRUE;
}

/* The screen under the button changed: read it if the voice is on. */
void
escale_listen_button_screen_changed (EscaleListenButton *self)
{
  g_return_if_fail (ESCALE_IS_LISTEN_BUTTON (self));
  if (self->voice != NULL && escale_voice_get_active (self->voice) &&
      gtk_widget_get_mapped (GTK_WIDGET (self)))
    read_screen (self);
}

static void
toggled_cb (GtkToggleButton *toggle, EscaleListenButton *self)
{
  gboolean on = gtk_toggle_button_get_active (toggle);

  if (self->voice == NULL || on == escale_voice_get_active (self->voice))
    return;
  escale_voice_set_active (self->voice, on);
  if (on)
    read_screen (self);
}

static void
rate_toggled_cb (GtkToggleButton *toggle, EscaleListenButton *self)
{
  if (self->voice != NULL)
    escale_voice_set_rate (self->voice, gtk_toggle_button_get_active (toggle)
                                          ? ESCALE_VOICE_RATE_SLOW
                                          : ESCALE_VOICE_RATE_NORMAL);
}

static void
sync_from_voice (EscaleListenButton *self)
{
  gboolean active = self->voice != NULL && escale_voice_get_active (self->voice);
  gboolean slow = self->voice != NULL &&
                  escale_voice_get_rate (self->voice) == ESCALE_VOICE_RATE_SLOW;

  g_signal_handlers_block_by_func (self->toggle, toggled_cb, self);
  g_signal_handlers_block_by_func (self->rate_toggle, rate_toggled_cb, self);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->toggle), active);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->rate_toggle), slow);
  g_signal_handlers_unblock_by_func (self->rate_toggle, rate_toggled_cb, self);
  g_signal_handlers_unblock_by_func (self->toggle, toggled_cb, self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  active ? _ ("Arrêter la lecture à voix haute")
                                         : _ ("Écouter : lire l'écran à voix haute"),
                                  -1);
  gtk_widget_set_visible (self->rate_toggle, active && escale_voice_get_available (self->voice));
  gtk_label_set_text (self->toggle_label, active ? _ ("Arrêter") : _ ("Écouter"));
}

static void
voice_changed_cb (EscaleListenButton *self)
{
  sync_from_voice (self);
}

static gboolean
message_timeout_cb (gpointer data)
{
  EscaleListenButton *self = data;

  self->message_timeout = 0;
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  return G_SOURCE_REMOVE;
}

/* The voice cannot speak here: the button on screen says why, once, then
 * goes; the others just go. */
static void
available_cb (EscaleListenButton *self)
{
  const GError *problem = escale_voice_get_problem (self->voice);

  if (problem == NULL)
    return;
  gtk_widget_set_visible (self->toggle, FALSE);
  gtk_widget_set_visible (self->rate_toggle, FALSE);
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) || self->said_unavailable)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }
  self->said_unavailable = TRUE;
  gtk_label_set_text (self->message,
                      g_error_matches (problem, ESCALE_VOICE_ERROR, ESCALE_VOICE_ERROR_NO_VOICE)
                        ? _ ("La voix n'est pas installée sur cet ordinateur.")
                        : _ ("Pas de son sur cet ordinateur : la voix ne peut pas lire."));
  gtk_widget_set_visible (GTK_WIDGET (self->message), TRUE);
  self->message_timeout = g_timeout_add_seconds (MESSAGE_SECONDS, message_timeout_cb, self);
}

static void
text_changed_cb (EscaleListenButton *self)
{
  self->reading_here = FALSE;
}

void
escale_listen_button_set_voice (EscaleListenButton *self, EscaleVoice *voice)
{
  g_return_if_fail (ESCALE_IS_LISTEN_BUTTON (self));
  g_return_if_fail (self->voice == NULL);

  self->voice = g_object_ref (voice);
  g_signal_connect_object (voice, "notify::active", G_CALLBACK (voice_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (voice, "notify::rate", G_CALLBACK (voice_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (voice, "notify::available", G_CALLBACK (available_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (voice, "notify::text", G_CALLBACK (text_changed_cb), self,
                           G_CONNECT_SWAPPED);
  sync_from_voice (self);
  gtk_widget_set_visible (GTK_WIDGET (self), escale_voice_get_available (voice));
}

void
escale_listen_button_set_reader (EscaleListenButton *self, EscaleListenReader reader,
                                 gpointer user_data)
{
  g_return_if_fail (ESCALE_IS_LISTEN_BUTTON (self));
  self->reader = reader;
  self->reader_data = user_data;
}

/* For tests: the "Écouter" toggle, the "Plus lent" toggle, the message. */
GtkWidget *
escale_listen_button_get_toggle (EscaleListenButton *self)
{
  g_return_val_if_fail (ESCALE_IS_LISTEN_BUTTON (self), NULL);
  return self->toggle;
}

GtkWidget *
escale_listen_button_get_rate_toggle (EscaleListenButton *self)
{
  g_return_val_if_fail (ESCALE_IS_LISTEN_BUTTON (self), NULL);
  return self->rate_toggle;
}

/* The words said when the voice is impossible, while they show; else NULL. */
const char *
escale_listen_button_get_message (EscaleListenButton *self)
{
  g_return_val_if_fail (ESCALE_IS_LISTEN_BUTTON (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self)) ||
      !gtk_widget_get_visible (GTK_WIDGET (self->message)))
    return NULL;
  return gtk_label_get_text (self->message);
}

static void
map_cb (EscaleListenButton *self)
{
  escale_listen_button_screen_changed (self);
}

/* A screen that goes away stops reading itself (the countdown dismissed). */
static void
unmap_cb (EscaleListenButton *self)
{
  if (self->reading_here && self->voice != NULL && escale_voice_get_speaking (self->voice))
    escale_voice_stop (self->voice);
  self->reading_here = FALSE;
}

static void
escale_listen_button_dispose (GObject *object)
{
  EscaleListenButton *self = ESCALE_LISTEN_BUTTON (object);

  g_clear_handle_id (&self->message_timeout, g_source_remove);
  g_clear_pointer (&self->toggle, gtk_widget_unparent);
  g_clear_pointer (&self->rate_toggle, gtk_widget_unparent);
  if (self->message != NULL)
    gtk_widget_unparent (GTK_WIDGET (g_steal_pointer (&self->message)));
  g_clear_object (&self->voice);
  G_OBJECT_CLASS (escale_listen_button_parent_class)->dispose (object);
}

static void
escale_listen_button_class_init (EscaleListenButtonClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = escale_listen_button_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "listenbutton");
}

/* A button of the top bar's anatomy (escale-top-bar.c): a box of an icon
 * and words; @compact_only, the icon shows only above the words. */
static GtkWidget *
toggle_new (const char *icon, gboolean compact_only, const char *words, const char *css_class)
{
  GtkWidget *toggle = gtk_toggle_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *image = gtk_image_new_from_icon_name (icon);

  gtk_widget_add_css_class (toggle, "bar-button");
  gtk_widget_add_css_class (toggle, css_class);
  gtk_image_set_pixel_size (GTK_IMAGE (image), 36);
  if (compact_only)
    {
      gtk_widget_add_css_class (image, "compact-only");
      gtk_widget_set_visible (image, FALSE);
    }
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), gtk_label_new (words));
  gtk_button_set_child (GTK_BUTTON (toggle), box);
  return toggle;
}

static void
escale_listen_button_init (EscaleListenButton *self)
{
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                              16);
  self->toggle = toggle_new ("escale-listen-symbolic", FALSE, NULL, "listen-button");
  self->toggle_label =
    GTK_LABEL (gtk_widget_get_last_child (gtk_button_get_child (GTK_BUTTON (self->toggle))));
  self->rate_toggle = toggle_new ("escale-slower-symbolic", TRUE, _ ("Plus lent"), "listen-rate");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->rate_toggle),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Lire plus lentement"), -1);
  g_signal_connect (self->toggle, "toggled", G_CALLBACK (toggled_cb), self);
  g_signal_connect (self->rate_toggle, "toggled", G_CALLBACK (rate_toggled_cb), self);
  gtk_widget_set_parent (self->toggle, GTK_WIDGET (self));
  gtk_widget_set_parent (self->rate_toggle, GTK_WIDGET (self));

  /* In the toggles' place once they hide. */
  self->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->message, TRUE);
  gtk_label_set_max_width_chars (self->message, 24);
  gtk_widget_add_css_class (GTK_WIDGET (self->message), "listen-message");
  gtk_widget_set_visible (GTK_WIDGET (self->message), FALSE);
  gtk_widget_set_parent (GTK_WIDGET (self->message), GTK_WIDGET (self));

  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
  g_signal_connect (self, "unmap", G_CALLBACK (unmap_cb), NULL);
  sync_from_voice (self);
}
