/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "escale-top-bar.h"

/* The window's top bar (ui/escale-window.ui): the place's title first, on
 * the left, then its buttons on the right: "Écouter" (an
 * EscaleListenButton, with "Plus lent" while the voice is on), Aide,
 * Accueil, J'ai fini. Each button is a GtkButton whose child is a box of
 * its icon and its words; the buttons of a child that is not a button
 * (Écouter's) count as the bar's.
 *
 * Where the bar is short of room (1024 px wide, A+ twice, a long centre
 * name, the voice on), it gives way one step at a time (enum Step) until
 * the title is whole: every button puts its icon above its words, so that
 * it is only as wide as its words; then the title gets smaller; then the
 * buttons' words as large as the body text; then the title smaller still
 * (a long centre name with the voice on, A+ twice); last (A+ three times),
 * the title takes a third line, its words broken if they must. No button ever loses its words and
 * none is dropped: seniors do not read icons alone (SENIOR-UX.md), and the bar stays about as high
 * as with one row of buttons.
 *
 * The step is chosen again whenever the bar's width, its text size, its
 * title or its buttons' words change, from the room the title would have at
 * each step (measured on copies of the words at that step's sizes), then
 * one step further if the title is cut all the same. It is applied (style
 * classes, the buttons' boxes) in an idle before GTK's next layout: styles
 * must not change during one. */

#define SPACING 16      /* between neighbours (SENIOR-UX.md) */
#define WIDE_SIDES 12   /* each side of a wide button's box, within its padding */
#define COMPACT_SIDES 6 /* the same above the words: they do not touch the border */
#define WIDE_GAP 12     /* between the icon and the words, side by side */
#define WIDE_ICON 36    /* pixels */
#define COMPACT_ICON 24 /* above the words: the bar keeps its height */
/* The buttons' words against their own size (1.15em; style.css,
 * .top-bar.small-words). */
#define SMALL_WORDS (1.0 / 1.15)

enum Step
{
  STEP_WIDE,        /* icons beside the words */
  STEP_COMPACT,     /* icons above the words */
  STEP_TITLE_1,     /* and the title a little smaller */
  STEP_TITLE_2,     /* the title as large as the body text */
  STEP_SMALL_WORDS, /* the buttons' words too */
  STEP_TITLE_3,     /* the title smaller than the body text (a long name with the voice on) */
  STEP_THREE_LINES, /* the same on three lines */
  STEP_LAST = STEP_THREE_LINES,
};

typedef struct
{
  gboolean compact;
  guint title_class;  /* 0, or 1-2: title_classes[] */
  double title_ratio; /* against the title's own size (1.4em; style.css) */
  gboolean small_words;
  int title_lines;
} StepSpec;

static const StepSpec steps[] = {
  [STEP_WIDE] = { FALSE, 0, 1.0, FALSE, 2 },
  [STEP_COMPACT] = { TRUE, 0, 1.0, FALSE, 2 },
  [STEP_TITLE_1] = { TRUE, 1, 1.2 / 1.4, FALSE, 2 },
  [STEP_TITLE_2] = { TRUE, 2, 1.0 / 1.4, FALSE, 2 },
  [STEP_SMALL_WORDS] = { TRUE, 2, 1.0 / 1.4, TRUE, 2 },
  [STEP_TITLE_3] = { TRUE, 3, 0.8 / 1.4, TRUE, 2 },
  [STEP_THREE_LINES] = { TRUE, 3, 0.8 / 1.4, TRUE, 3 },
};

static const char *const title_classes[] = { NULL, "smaller-1", "smaller-2", "smaller-3" };

struct _EscaleTopBar
{
  GtkWidget parent_instance;

  guint step;    /* chosen */
  guint applied; /* in the styles and boxes */
  gboolean styled;
  guint apply_idle;
  char *chosen_for; /* what the step was chosen for (decision_key ()) */
};

G_DEFINE_FINAL_TYPE (EscaleTopBar, escale_top_bar, GTK_TYPE_WIDGET)

static GtkLabel *
title_of (EscaleTopBar *self)
{
  GtkWidget *first = gtk_widget_get_first_child (GTK_WIDGET (self));

  return GTK_IS_LABEL (first) ? GTK_LABEL (first) : NULL;
}

/* The buttons in @widget (shown only, or all), its own and those of its
 * children that are not buttons. */
static void
collect_buttons (GtkWidget *widget, GPtrArray *buttons, gboolean shown_only)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (shown_only && !gtk_widget_get_visible (c))
      continue;
    else if (GTK_IS_BUTTON (c))
      g_ptr_array_add (buttons, c);
    else if (!GTK_IS_LABEL (c))
      collect_buttons (c, buttons, shown_only);
}

/* The icon (GTK_TYPE_IMAGE) or the words (GTK_TYPE_LABEL) of a bar button. */
static GtkWidget *
part_of (GtkWidget *button, GType type)
{
  GtkWidget *box = gtk_button_get_child (GTK_BUTTON (button));

  if (!GTK_IS_BOX (box))
    return NULL;
  for (GtkWidget *c = gtk_widget_get_first_child (box); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (G_TYPE_CHECK_INSTANCE_TYPE (c, type))
      return c;
  return NULL;
}

/* "Plus lent" shows its icon above its words only. */
static gboolean
icon_when_wide (GtkWidget *image)
{
  return image != NULL && !gtk_widget_has_css_class (image, "compact-only");
}

static int
natural_width (GtkWidget *widget)
{
  int natural;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  return natural;
}

/* A copy of @text in @widget's font, at @ratio of its size now. */
static PangoLayout *
layout_at (GtkWidget *widget, const char *text, double ratio)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  PangoFontDescription *font = pango_font_description_copy (
    pango_context_get_font_description (pango_layout_get_context (layout)));
  double size = pango_font_description_get_size (font) * ratio;

  if (pango_font_description_get_size_is_absolute (font))
    pango_font_description_set_absolute_size (font, size);
  else
    pango_font_description_set_size (font, (int) size);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  return layout;
}

/* How wide @button would be at @step: its frame (padding and border) as
 * now, around its words at that step's size, beside or under its icon. */
static int
button_width_at (EscaleTopBar *self, GtkWidget *button, guint step)
{
  GtkWidget *box = gtk_button_get_child (GTK_BUTTON (button));
  GtkWidget *image = part_of (button, GTK_TYPE_IMAGE);
  GtkWidget *label = part_of (button, GTK_TYPE_LABEL);
  double ratio = (steps[step].small_words ? SMALL_WORDS : 1.0) /
                 (steps[self->applied].small_words ? SMALL_WORDS : 1.0);
  g_autoptr(PangoLayout) words = NULL;
  int frame, words_width;

  if (label == NULL)
    return natural_width (button);
  frame = natural_width (button) - natural_width (box);
  words = layout_at (label, gtk_label_get_text (GTK_LABEL (label)), ratio);
  pango_layout_get_pixel_size (words, &words_width, NULL);
  if (steps[step].compact)
    return frame + 2 * COMPACT_SIDES + MAX (words_width, image != NULL ? COMPACT_ICON : 0);
  return frame + 2 * WIDE_SIDES + words_width +
         (icon_when_wide (image) ? WIDE_ICON + WIDE_GAP : 0);
}

/* How wide @child of the bar would be at @step: as now, but for its
 * buttons, each as wide as at @step. */
static int
child_width_at (EscaleTopBar *self, GtkWidget *child, guint step)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  int width = natural_width (child);

  if (GTK_IS_BUTTON (child))
    return button_width_at (self, child, step);
  collect_buttons (child, buttons, TRUE);
  for (guint i = 0; i < buttons->len; i++)
    width += button_width_at (self, buttons->pdata[i], step) - natural_width (buttons->pdata[i]);
  return width;
}

/* The room the title would have at @step in @width pixels. */
static int
title_room_at (EscaleTopBar *self, int width, guint step)
{
  GtkWidget *title = GTK_WIDGET (title_of (self));

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self)); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (c != title && gtk_widget_get_visible (c))
      width -= child_width_at (self, c, step) + SPACING;
  return width;
}

/* Would the title be whole (no "…", no word wider than the room: the
 * label does not break words) in @width pixels at @step? */
static gboolean
title_whole_at (EscaleTopBar *self, GtkLabel *title, int width, guint step)
{
  const char *text = gtk_label_get_text (title);
  g_autoptr(PangoLayout)
               layout = layout_at (GTK_WIDGET (title), text,
                                   steps[step].title_ratio / steps[self->applied].title_ratio);
  g_auto(GStrv) words = g_strsplit (text, " ", -1);

  if (width <= 0)
    return FALSE;
  for (guint i = 0; words[i] != NULL; i++)
    {
      int word_width;

      pango_layout_set_text (layout, words[i], -1);
      pango_layout_get_pixel_size (layout, &word_width, NULL);
      if (word_width > width)
        return FALSE;
    }
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_height (layout, -steps[step].title_lines);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  return !pango_layout_is_ellipsized (layout);
}

static guint
choose_step (EscaleTopBar *self, int width)
{
  GtkLabel *title = title_of (self);

  if (title == NULL)
    return STEP_WIDE;
  for (guint step = STEP_WIDE; step < STEP_LAST; step++)
    if (title_whole_at (self, title, title_room_at (self, width, step), step))
      return step;
  return STEP_LAST;
}

static void
set_class (GtkWidget *widget, const char *name, gboolean on)
{
  if (on)
    gtk_widget_add_css_class (widget, name);
  else
    gtk_widget_remove_css_class (widget, name);
}

static void
set_button_form (GtkWidget *button, gboolean compact)
{
  GtkWidget *box = gtk_button_get_child (GTK_BUTTON (button));
  GtkWidget *image = part_of (button, GTK_TYPE_IMAGE);

  if (!GTK_IS_BOX (box))
    return;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (box),
                                  compact ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  gtk_box_set_spacing (GTK_BOX (box), compact ? 0 : WIDE_GAP);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_start (box, compact ? COMPACT_SIDES : WIDE_SIDES);
  gtk_widget_set_margin_end (box, compact ? COMPACT_SIDES : WIDE_SIDES);
  if (image != NULL)
    {
      gtk_image_set_pixel_size (GTK_IMAGE (image), compact ? COMPACT_ICON : WIDE_ICON);
      gtk_widget_set_visible (image, compact || icon_when_wide (image));
    }
}

static gboolean
apply_cb (gpointer data)
{
  EscaleTopBar *self = data;
  const StepSpec *step = &steps[self->step];
  GtkLabel *title = title_of (self);
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  self->apply_idle = 0;
  set_class (GTK_WIDGET (self), "compact", step->compact);
  set_class (GTK_WIDGET (self), "small-words", step->small_words);
  for (guint i = 1; i < G_N_ELEMENTS (title_classes) && title != NULL; i++)
    set_class (GTK_WIDGET (title), title_classes[i], step->title_class == i);
  if (title != NULL)
    {
      gtk_label_set_lines (title, step->title_lines);
      /* Last, a word wider than the room is broken rather than drawn
       * under the buttons. */
      gtk_label_set_wrap_mode (title,
                               self->step == STEP_LAST ? PANGO_WRAP_WORD_CHAR : PANGO_WRAP_WORD);
    }
  /* Hidden ones too: "Plus lent" and Accueil come and go. */
  collect_buttons (GTK_WIDGET (self), buttons, FALSE);
  for (guint i = 0; i < buttons->len; i++)
    set_button_form (buttons->pdata[i], step->compact);
  self->applied = self->step;
  self->styled = TRUE;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

static void
set_step (EscaleTopBar *self, guint step)
{
  if (self->styled && self->step == step && self->applied == step)
    return;
  self->step = step;
  if (self->apply_idle == 0)
    /* Before GTK's next layout (G_PRIORITY_HIGH_IDLE runs before it). */
    self->apply_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_cb, self, NULL);
}

/* What the step depends on: the width, the text size, the title and the
 * words of everything shown. */
static void
describe (GtkWidget *widget, GString *key)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (!gtk_widget_get_visible (c))
      continue;
    else if (GTK_IS_LABEL (c))
      g_string_append_printf (key, "|%s", gtk_label_get_text (GTK_LABEL (c)));
    else
      describe (c, key);
}

static char *
decision_key (EscaleTopBar *self, int width)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  GString *key = g_string_new (NULL);

  g_string_append_printf (key, "%d %d", width,
                          pango_font_description_get_size (
                            pango_context_get_font_description (context)));
  describe (GTK_WIDGET (self), key);
  return g_string_free (key, FALSE);
}

/* At each allocation: a new choice if what it depends on changed, else one
 * step further if the title is cut all the same. */
static void
follow_room (EscaleTopBar *self, int width)
{
  g_autofree char *key = decision_key (self, width);
  GtkLabel *title = title_of (self);

  if (self->apply_idle != 0)
    return;
  if (g_strcmp0 (key, self->chosen_for) != 0)
    {
      g_free (self->chosen_for);
      self->chosen_for = g_steal_pointer (&key);
      set_step (self, choose_step (self, width));
    }
  else if (title != NULL && self->step < STEP_LAST &&
           pango_layout_is_ellipsized (gtk_label_get_layout (title)))
    set_step (self, self->step + 1);
}

/* How high the title is in @width pixels (GTK would measure it no
 * narrower than its least, which it may get less than: cut then). */
static int
title_height_at (GtkLabel *title, int width)
{
  g_autoptr(PangoLayout) layout = NULL;
  int least, height;

  gtk_widget_measure (GTK_WIDGET (title), GTK_ORIENTATION_HORIZONTAL, -1, &least, NULL, NULL,
                      NULL);
  if (width < 0 || width >= least)
    {
      gtk_widget_measure (GTK_WIDGET (title), GTK_ORIENTATION_VERTICAL, width, NULL, &height, NULL,
                          NULL);
      return height;
    }
  layout = layout_at (GTK_WIDGET (title), gtk_label_get_text (title), 1.0);
  pango_layout_set_width (layout, MAX (width, 1) * PANGO_SCALE);
  pango_layout_set_height (layout, -gtk_label_get_lines (title));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

/* As wide as the buttons at the last step at the least, not the title's
 * least (its longest words at its size now): the bar gives way before the
 * window grows. */
static void
measure_width (EscaleTopBar *self, int *minimum, int *natural)
{
  GtkWidget *title = GTK_WIDGET (title_of (self));

  *minimum = *natural = title != NULL ? 0 : -SPACING;
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self)); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (c == title)
      *natural += natural_width (c);
    else if (gtk_widget_get_visible (c))
      {
        *minimum += child_width_at (self, c, STEP_LAST) + SPACING;
        *natural += natural_width (c) + SPACING;
      }
  /* Estimates: never more than the bar as it is. */
  *minimum = MAX (*minimum, 0);
  *natural = MAX (*natural, *minimum);
}

/* As high as the highest child, the title as wide as it will be. */
static void
measure_height (EscaleTopBar *self, int for_width, int *minimum, int *natural)
{
  GtkWidget *title = GTK_WIDGET (title_of (self));
  int title_width = for_width;

  *minimum = *natural = 0;
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self)); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (c != title && gtk_widget_get_visible (c))
      {
        int child_min, child_nat;

        gtk_widget_measure (c, GTK_ORIENTATION_VERTICAL, -1, &child_min, &child_nat, NULL, NULL);
        *minimum = MAX (*minimum, child_min);
        *natural = MAX (*natural, child_nat);
        title_width -= natural_width (c) + SPACING;
      }
  if (title != NULL)
    {
      int height = title_height_at (GTK_LABEL (title), for_width < 0 ? -1 : MAX (title_width, 0));

      *minimum = MAX (*minimum, height);
      *natural = MAX (*natural, height);
    }
}

/* The title wraps: the bar's height depends on its width. */
static GtkSizeRequestMode
escale_top_bar_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
escale_top_bar_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                        int *natural, int *minimum_baseline, int *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    measure_width (ESCALE_TOP_BAR (widget), minimum, natural);
  else
    measure_height (ESCALE_TOP_BAR (widget), for_size, minimum, natural);
}

/* @child at @x, @width wide, as high as it asks, centred in @height. */
static void
place (GtkWidget *child, int x, int width, int height)
{
  int child_height;

  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, NULL, &child_height, NULL, NULL);
  child_height = MIN (child_height, height);
  gtk_widget_allocate (child, width, child_height, -1,
                       gsk_transform_translate (NULL,
                                                &GRAPHENE_POINT_INIT (x, (height - child_height) /
                                                                           2)));
}

static void
escale_top_bar_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  EscaleTopBar *self = ESCALE_TOP_BAR (widget);
  GtkWidget *title = GTK_WIDGET (title_of (self));
  int x = width;

  /* The buttons from the right, at their width; the title, the rest. */
  for (GtkWidget *c = gtk_widget_get_last_child (widget); c != NULL;
       c = gtk_widget_get_prev_sibling (c))
    if (c != title && gtk_widget_get_visible (c))
      {
        int child_width = natural_width (c);

        x -= child_width;
        place (c, x, child_width, height);
        x -= SPACING;
      }
  /* Short of room, cut ("…") until the bar gives way (follow_room ()). */
  if (title != NULL)
    {
      int title_height = MIN (title_height_at (GTK_LABEL (title), MAX (x, 0)), height);

      gtk_widget_allocate (title, MAX (x, 0), title_height, -1,
                           gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, (height -
                                                                                    title_height) /
                                                                                     2)));
    }
  follow_room (self, width);
}

static void
escale_top_bar_dispose (GObject *object)
{
  EscaleTopBar *self = ESCALE_TOP_BAR (object);
  GtkWidget *child;

  g_clear_handle_id (&self->apply_idle, g_source_remove);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (escale_top_bar_parent_class)->dispose (object);
}

static void
escale_top_bar_finalize (GObject *object)
{
  EscaleTopBar *self = ESCALE_TOP_BAR (object);

  g_free (self->chosen_for);
  G_OBJECT_CLASS (escale_top_bar_parent_class)->finalize (object);
}

static void
escale_top_bar_class_init (EscaleTopBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = escale_top_bar_dispose;
  object_class->finalize = escale_top_bar_finalize;
  widget_class->get_request_mode = escale_top_bar_get_request_mode;
  widget_class->measure = escale_top_bar_measure;
  widget_class->size_allocate = escale_top_bar_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "topbar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
escale_top_bar_init (EscaleTopBar *self)
{
}
