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
 * Where the words do not fit, the same toggles show their icons only (a
 * speaker, a tortoise), with the same accessible names.
 *
 * When the voice turns out to be impossible (no sound, no French voice),
 * the button on screen says so in plain words once, for a few seconds, and
 * every button hides for good. */

#define MESSAGE_SECONDS 10

/* In a bar short of room (1024 px wide, A+ twice, a long place name), one
 * step at a time until the title is whole: */
enum Squeeze
{
  SQUEEZE_WORDS,       /* icons and words */
  SQUEEZE_ICONS,       /* icons only */
  SQUEEZE_TITLE_1,     /* icons, and the title a little smaller */
  SQUEEZE_TITLE_2,     /* icons, and the title as large as body text */
  SQUEEZE_ONE_ICON,    /* the same without "Plus lent" */
  SQUEEZE_OUT_OF_ROOM, /* no button while the voice is off: the title first */
};

static const char *const title_classes[] = { "voice-tight-1", "voice-tight-2" };
/* The title's size at each step, against its own (1.4em; style.css). */
static const double title_ratios[] = { 1.0, 1.0, 1.2 / 1.4, 1.0 / 1.4, 1.0 / 1.4, 1.0 };

struct _EscaleListenButton
{
  GtkWidget parent_instance;

  /* owned widgets: the two toggles with words, the same with icons only
   * (when the bar is short of room: 1024 px with A+ twice), the message */
  GtkWidget *full;
  GtkWidget *compact;
  GtkWidget *toggles[2]; /* "Écouter"/"Arrêter": full, compact */
  GtkWidget *rate_toggles[2];
  GtkLabel *toggle_label;
  GtkLabel *message;

  /* owned */
  EscaleVoice *voice;
  guint message_timeout;
  guint relayout_idle;

  /* How far the button gives way to the bar's title (enum Squeeze): chosen
   * again at the first allocation after escale_listen_button_relayout () (a
   * new screen, text size or window width), from the room the bar gives the
   * title and the button together, one step further if the title is cut all
   * the same; applied (title size) in an idle. */
  guint squeeze;
  guint applied_squeeze;
  gboolean undecided;
  int decided_root_width;

  /* borrowed */
  GtkLabel *yield_to; /* the bar's title: its words come before ours */
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

static void
apply_squeeze (EscaleListenButton *self)
{
  guint title_class = self->squeeze == SQUEEZE_ONE_ICON ? 1 : self->squeeze - SQUEEZE_TITLE_1;

  for (guint i = 0; i < G_N_ELEMENTS (title_classes) && self->yield_to != NULL; i++)
    if (self->squeeze >= SQUEEZE_TITLE_1 && self->squeeze <= SQUEEZE_ONE_ICON && i == title_class)
      gtk_widget_add_css_class (GTK_WIDGET (self->yield_to), title_classes[i]);
    else
      gtk_widget_remove_css_class (GTK_WIDGET (self->yield_to), title_classes[i]);
  gtk_widget_set_visible (self->rate_toggles[1], self->squeeze != SQUEEZE_ONE_ICON &&
                                                   self->voice != NULL &&
                                                   escale_voice_get_active (self->voice));
  /* Out of room, not even the bar's spacing is taken. */
  gtk_widget_set_visible (GTK_WIDGET (self),
                          self->squeeze != SQUEEZE_OUT_OF_ROOM &&
                            (self->voice == NULL || escale_voice_get_available (self->voice)));
  self->applied_squeeze = self->squeeze;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static gboolean
relayout_cb (gpointer data)
{
  EscaleListenButton *self = data;

  self->relayout_idle = 0;
  apply_squeeze (self);
  return G_SOURCE_REMOVE;
}

/* Outside the size allocation: the title's size and another layout. */
static void
set_squeeze (EscaleListenButton *self, guint squeeze)
{
  if (self->squeeze == squeeze && self->applied_squeeze == squeeze)
    return;
  self->squeeze = squeeze;
  if (self->relayout_idle == 0)
    /* Before GTK's next layout (G_PRIORITY_HIGH_IDLE runs before it). */
    self->relayout_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, relayout_cb, self, NULL);
}

/* Would the title be cut ("…") in @width pixels, at @ratio of its own
 * size? Measured on a copy of its words, wrapped as it wraps them. */
static gboolean
title_cut_at (EscaleListenButton *self, int width, double ratio)
{
  GtkWidget *title = GTK_WIDGET (self->yield_to);
  g_autoptr(PangoLayout) layout =
               gtk_widget_create_pango_layout (title, gtk_label_get_text (self->yield_to));
  PangoContext *context = pango_layout_get_context (layout);
  PangoFontDescription *font =
    pango_font_description_copy (pango_context_get_font_description (context));
  double size =
    pango_font_description_get_size (font) * ratio / title_ratios[self->applied_squeeze];
  gboolean cut;

  if (pango_font_description_get_size_is_absolute (font))
    pango_font_description_set_absolute_size (font, size);
  else
    pango_font_description_set_size (font, (int) size);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, MAX (width, 1) * PANGO_SCALE);
  pango_layout_set_height (layout, -MAX (gtk_label_get_lines (self->yield_to), 1));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  cut = pango_layout_is_ellipsized (layout);
  return cut;
}

/* The first step at which the title is whole, in the @room the bar gives
 * the title and the button together. */
static guint
choose_squeeze (EscaleListenButton *self, int room)
{
  int words, icons, one_icon;

  if (self->yield_to == NULL)
    return SQUEEZE_WORDS;
  gtk_widget_measure (self->full, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &words, NULL, NULL);
  gtk_widget_measure (self->compact, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &icons, NULL, NULL);
  gtk_widget_measure (self->toggles[1], GTK_ORIENTATION_HORIZONTAL, -1, NULL, &one_icon, NULL,
                      NULL);
  if (!title_cut_at (self, room - words, title_ratios[SQUEEZE_WORDS]))
    return SQUEEZE_WORDS;
  for (guint squeeze = SQUEEZE_ICONS; squeeze <= SQUEEZE_TITLE_2; squeeze++)
    if (!title_cut_at (self, room - icons, title_ratios[squeeze]))
      return squeeze;
  /* The voice on, a way to stop it stays, whatever the title. */
  if (!title_cut_at (self, room - one_icon, title_ratios[SQUEEZE_ONE_ICON]) ||
      (self->voice != NULL && escale_voice_get_active (self->voice)))
    return SQUEEZE_ONE_ICON;
  return SQUEEZE_OUT_OF_ROOM;
}

/* The bar changed (its title, its buttons, the size of the words): the
 * button tries its words again. */
void
escale_listen_button_relayout (EscaleListenButton *self)
{
  g_return_if_fail (ESCALE_IS_LISTEN_BUTTON (self));
  self->undecided = TRUE;
  /* Hidden, it gets no allocation: back on screen to choose again. */
  if (self->squeeze == SQUEEZE_OUT_OF_ROOM)
    set_squeeze (self, SQUEEZE_WORDS);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* The screen under the button changed: read it if the voice is on. */
void
escale_listen_button_screen_changed (EscaleListenButton *self)
{
  g_return_if_fail (ESCALE_IS_LISTEN_BUTTON (self));
  escale_listen_button_relayout (self);
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

  for (guint i = 0; i < 2; i++)
    {
      g_signal_handlers_block_by_func (self->toggles[i], toggled_cb, self);
      g_signal_handlers_block_by_func (self->rate_toggles[i], rate_toggled_cb, self);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->toggles[i]), active);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->rate_toggles[i]), slow);
      g_signal_handlers_unblock_by_func (self->rate_toggles[i], rate_toggled_cb, self);
      g_signal_handlers_unblock_by_func (self->toggles[i], toggled_cb, self);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->toggles[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      active ? _ ("Arrêter la lecture à voix haute")
                                             : _ ("Écouter : lire l'écran à voix haute"),
                                      -1);
      gtk_widget_set_visible (self->rate_toggles[i], active);
    }
  gtk_label_set_text (self->toggle_label, active ? _ ("Arrêter") : _ ("Écouter"));
  /* "Plus lent" came or went: the bar's room is shared again. */
  escale_listen_button_relayout (self);
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
  gtk_widget_set_visible (self->full, FALSE);
  gtk_widget_set_visible (self->compact, FALSE);
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

/* @title, a label before the button in the same bar, keeps its words
 * whole when the button's own words would cut them: the button shows its
 * icons only then. */
void
escale_listen_button_set_yield_to (EscaleListenButton *self, GtkLabel *title)
{
  g_return_if_fail (ESCALE_IS_LISTEN_BUTTON (self));
  self->yield_to = title;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
escale_listen_button_set_reader (EscaleListenButton *self, EscaleListenReader reader,
                                 gpointer user_data)
{
  g_return_if_fail (ESCALE_IS_LISTEN_BUTTON (self));
  self->reader = reader;
  self->reader_data = user_data;
}

/* 0 with words, 1 icons only: the set on screen. */
static guint
shown_set (EscaleListenButton *self)
{
  return gtk_widget_get_child_visible (self->compact) ? 1 : 0;
}

/* For tests: the "Écouter" toggle, the "Plus lent" toggle (of the set on
 * screen), the message. */
GtkWidget *
escale_listen_button_get_toggle (EscaleListenButton *self)
{
  g_return_val_if_fail (ESCALE_IS_LISTEN_BUTTON (self), NULL);
  return self->toggles[shown_set (self)];
}

GtkWidget *
escale_listen_button_get_rate_toggle (EscaleListenButton *self)
{
  g_return_val_if_fail (ESCALE_IS_LISTEN_BUTTON (self), NULL);
  return self->rate_toggles[shown_set (self)];
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

/* As narrow as the icons at the least; as wide as the words unless they
 * did not fit, so the title of the bar gets the room left. */
static void
escale_listen_button_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                              int *minimum, int *natural, int *minimum_baseline,
                              int *natural_baseline)
{
  EscaleListenButton *self = ESCALE_LISTEN_BUTTON (widget);
  int full_min, full_nat, compact_min, compact_nat;

  if (gtk_widget_get_visible (GTK_WIDGET (self->message)))
    {
      gtk_widget_measure (GTK_WIDGET (self->message), orientation, for_size, minimum, natural,
                          NULL, NULL);
      return;
    }
  gtk_widget_measure (self->full, orientation, -1, &full_min, &full_nat, NULL, NULL);
  gtk_widget_measure (self->compact, orientation, -1, &compact_min, &compact_nat, NULL, NULL);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Never wider than the icons at the least: the bar must not grow. */
      if (self->squeeze == SQUEEZE_WORDS)
        {
          *minimum = compact_min;
          *natural = MAX (full_nat, compact_nat);
        }
      else if (self->squeeze == SQUEEZE_OUT_OF_ROOM)
        *minimum = *natural = 0;
      else if (self->squeeze == SQUEEZE_ONE_ICON)
        gtk_widget_measure (self->toggles[1], orientation, -1, minimum, natural, NULL, NULL);
      else
        *minimum = *natural = compact_nat;
    }
  else
    {
      *minimum = MAX (full_min, compact_min);
      *natural = MAX (full_nat, compact_nat);
    }
}

static void
escale_listen_button_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  EscaleListenButton *self = ESCALE_LISTEN_BUTTON (widget);
  int root_width = gtk_widget_get_width (GTK_WIDGET (gtk_widget_get_root (widget)));
  int full_min;
  gboolean words;

  if (gtk_widget_get_visible (GTK_WIDGET (self->message)))
    {
      gtk_widget_allocate (GTK_WIDGET (self->message), width, height, -1, NULL);
      return;
    }
  if (root_width != self->decided_root_width)
    self->undecided = TRUE;
  if (self->relayout_idle == 0 && self->undecided)
    {
      /* The title, before us in the bar, has its share: together, the room. */
      int room =
        width + (self->yield_to != NULL ? gtk_widget_get_width (GTK_WIDGET (self->yield_to)) : 0);

      self->undecided = FALSE;
      self->decided_root_width = root_width;
      set_squeeze (self, choose_squeeze (self, room));
    }
  else if (self->relayout_idle == 0 && self->squeeze < SQUEEZE_OUT_OF_ROOM &&
           self->yield_to != NULL &&
           pango_layout_is_ellipsized (gtk_label_get_layout (self->yield_to)) &&
           !(self->squeeze == SQUEEZE_ONE_ICON && self->voice != NULL &&
             escale_voice_get_active (self->voice)))
    set_squeeze (self, self->squeeze + 1);
  gtk_widget_measure (self->full, GTK_ORIENTATION_HORIZONTAL, -1, &full_min, NULL, NULL, NULL);
  words = self->squeeze == SQUEEZE_WORDS && width >= full_min;
  /* Only on a change: each one tells the accessibility tree. */
  if (gtk_widget_get_child_visible (self->full) != words)
    {
      gtk_widget_set_child_visible (self->full, words);
      gtk_widget_set_child_visible (self->compact, !words);
    }
  gtk_widget_allocate (words ? self->full : self->compact, width, height, -1, NULL);
}

static void
escale_listen_button_dispose (GObject *object)
{
  EscaleListenButton *self = ESCALE_LISTEN_BUTTON (object);

  g_clear_handle_id (&self->message_timeout, g_source_remove);
  g_clear_handle_id (&self->relayout_idle, g_source_remove);
  g_clear_pointer (&self->full, gtk_widget_unparent);
  g_clear_pointer (&self->compact, gtk_widget_unparent);
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
  widget_class->measure = escale_listen_button_measure;
  widget_class->size_allocate = escale_listen_button_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "listenbutton");
}

static GtkWidget *
toggle_new (EscaleListenButton *self, const char *icon, const char *words, GtkLabel **label_out,
            const char *css_class)
{
  GtkWidget *toggle = gtk_toggle_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_widget_add_css_class (toggle, "bar-button");
  gtk_widget_add_css_class (toggle, css_class);
  if (icon != NULL)
    {
      GtkWidget *image = gtk_image_new_from_icon_name (icon);

      gtk_image_set_pixel_size (GTK_IMAGE (image), 36);
      gtk_box_append (GTK_BOX (box), image);
    }
  if (words != NULL || label_out != NULL)
    {
      GtkWidget *label = gtk_label_new (words);

      gtk_box_append (GTK_BOX (box), label);
      if (label_out != NULL)
        *label_out = GTK_LABEL (label);
    }
  gtk_button_set_child (GTK_BUTTON (toggle), box);
  return toggle;
}

static GtkWidget *
toggles_new (EscaleListenButton *self, guint set)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);

  self->toggles[set] = toggle_new (self, "escale-listen-symbolic", NULL,
                                   set == 0 ? &self->toggle_label : NULL, "listen-button");
  self->rate_toggles[set] = toggle_new (self, set == 0 ? NULL : "escale-slower-symbolic",
                                        set == 0 ? _ ("Plus lent") : NULL, NULL, "listen-rate");
  if (set == 1)
    {
      gtk_widget_add_css_class (self->toggles[set], "listen-compact");
      gtk_widget_add_css_class (self->rate_toggles[set], "listen-compact");
      gtk_box_set_spacing (GTK_BOX (box), 12);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->rate_toggles[set]),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Lire plus lentement"), -1);
  g_signal_connect (self->toggles[set], "toggled", G_CALLBACK (toggled_cb), self);
  g_signal_connect (self->rate_toggles[set], "toggled", G_CALLBACK (rate_toggled_cb), self);
  gtk_box_append (GTK_BOX (box), self->toggles[set]);
  gtk_box_append (GTK_BOX (box), self->rate_toggles[set]);
  gtk_widget_set_parent (box, GTK_WIDGET (self));
  return box;
}

static void
escale_listen_button_init (EscaleListenButton *self)
{
  self->full = toggles_new (self, 0);
  self->compact = toggles_new (self, 1);
  gtk_widget_set_child_visible (self->compact, FALSE);

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
