/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "escale-firststeps-hand.h"

/* The demonstration: a big hand (touch screen) or the mouse's arrow,
 * drawn with cairo over the exercise, doing the gesture on the real target
 * twice, slowly, then going away. Nothing flashes; it never takes a touch
 * (the person can try while it plays). */

#define CYCLES 2
#define CYCLE_US (2600 * G_TIME_SPAN_MILLISECOND)
#define HAND_SIZE 120.0

struct _EscaleFirststepsHand
{
  GtkWidget parent_instance;

  EscaleFirststepsDemo demo;
  gboolean touch;
  guint tick_id;
  gint64 start_us;
  double progress; /* 0..CYCLES, -1 when not shown */
};

enum
{
  PROP_0,
  PROP_PLAYING,
  N_PROPS,
};

static GParamSpec *pspecs[N_PROPS];

G_DEFINE_FINAL_TYPE (EscaleFirststepsHand, escale_firststeps_hand, GTK_TYPE_WIDGET)

gboolean
escale_firststeps_hand_get_playing (EscaleFirststepsHand *self)
{
  return self->tick_id != 0;
}

static double
ease (double t)
{
  t = CLAMP (t, 0, 1);
  return t * t * (3 - 2 * t);
}

/* Where the tip is and whether it presses, at @t of a cycle (0..1). */
static void
pose (EscaleFirststepsHand *self, double t, graphene_point_t *at, gboolean *pressed)
{
  const EscaleFirststepsDemo *d = &self->demo;
  double move;

  switch (d->kind)
    {
    case ESCALE_FIRSTSTEPS_DEMO_TAP:
      move = ease (t / 0.4);
      *pressed = t > 0.48 && t < 0.62;
      break;
    case ESCALE_FIRSTSTEPS_DEMO_DOUBLE_TAP:
      move = ease (t / 0.4);
      *pressed = (t > 0.46 && t < 0.53) || (t > 0.58 && t < 0.65);
      break;
    case ESCALE_FIRSTSTEPS_DEMO_DRAG:
    case ESCALE_FIRSTSTEPS_DEMO_SCROLL:
    default:
      move = ease ((t - 0.25) / 0.5);
      *pressed = t > 0.15 && t < 0.8;
      break;
    }
  graphene_point_interpolate (&d->from, &d->to, move, at);
}

static void
draw_ring (cairo_t *cr, const graphene_point_t *at)
{
  cairo_set_source_rgba (cr, 0.91, 0.64, 0.0, 0.9);
  cairo_set_line_width (cr, 8);
  cairo_arc (cr, at->x, at->y, 34, 0, 2 * G_PI);
  cairo_stroke (cr);
}

static void
outline_and_fill (cairo_t *cr, double r, double g, double b)
{
  cairo_set_source_rgb (cr, r, g, b);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cairo_set_line_width (cr, 4);
  cairo_stroke (cr);
}

static void
rounded (cairo_t *cr, double x, double y, double w, double h, double r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* A hand pointing up with its index, the fingertip at @at. */
static void
draw_hand (cairo_t *cr, const graphene_point_t *at, gboolean pressed)
{
  double s = HAND_SIZE * (pressed ? 0.94 : 1.0);
  double x = at->x, y = at->y;

  rounded (cr, x - s * 0.11, y, s * 0.22, s * 0.62, s * 0.11);
  outline_and_fill (cr, 0.95, 0.79, 0.63);
  cairo_save (cr);
  cairo_translate (cr, x - s * 0.3, y + s * 0.62);
  cairo_rotate (cr, -0.5);
  rounded (cr, -s * 0.08, -s * 0.1, s * 0.18, s * 0.36, s * 0.09);
  cairo_restore (cr);
  outline_and_fill (cr, 0.95, 0.79, 0.63);
  rounded (cr, x - s * 0.26, y + s * 0.42, s * 0.56, s * 0.5, s * 0.14);
  outline_and_fill (cr, 0.95, 0.79, 0.63);
  cairo_set_line_width (cr, 3);
  for (guint i = 1; i < 3; i++)
    {
      cairo_move_to (cr, x - s * 0.26 + i * s * 0.17, y + s * 0.48);
      cairo_line_to (cr, x - s * 0.26 + i * s * 0.17, y + s * 0.62);
    }
  cairo_stroke (cr);
}

/* The mouse's arrow, its point at @at. */
static void
draw_arrow (cairo_t *cr, const graphene_point_t *at)
{
  double s = HAND_SIZE * 0.7;

  cairo_move_to (cr, at->x, at->y);
  cairo_rel_line_to (cr, 0, s);
  cairo_rel_line_to (cr, s * 0.24, -s * 0.22);
  cairo_rel_line_to (cr, s * 0.18, s * 0.36);
  cairo_rel_line_to (cr, s * 0.14, -s * 0.07);
  cairo_rel_line_to (cr, -s * 0.18, -s * 0.35);
  cairo_rel_line_to (cr, s * 0.32, 0);
  cairo_close_path (cr);
  outline_and_fill (cr, 1, 1, 1);
}

/* A mouse seen from above, its wheel turning the way of @down. */
static void
draw_mouse (cairo_t *cr, const graphene_point_t *at, double t, gboolean down)
{
  double s = HAND_SIZE;
  double phase = t * 3 - (int) (t * 3);
  double wy = at->y - s * 0.3 + (down ? phase : 1 - phase) * s * 0.2;

  rounded (cr, at->x - s * 0.3, at->y - s * 0.45, s * 0.6, s * 0.9, s * 0.28);
  outline_and_fill (cr, 1, 1, 1);
  cairo_move_to (cr, at->x, at->y - s * 0.45);
  cairo_line_to (cr, at->x, at->y - s * 0.05);
  cairo_stroke (cr);
  rounded (cr, at->x - s * 0.06, at->y - s * 0.34, s * 0.12, s * 0.26, s * 0.06);
  outline_and_fill (cr, 0.91, 0.64, 0.0);
  cairo_move_to (cr, at->x - s * 0.06, wy);
  cairo_line_to (cr, at->x + s * 0.06, wy);
  cairo_stroke (cr);
}

static void
escale_firststeps_hand_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  EscaleFirststepsHand *self = ESCALE_FIRSTSTEPS_HAND (widget);
  graphene_rect_t bounds;
  graphene_point_t at;
  gboolean pressed;
  double t;
  cairo_t *cr;

  if (self->progress < 0)
    return;
  t = self->progress - (int) self->progress;
  graphene_rect_init (&bounds, 0, 0, gtk_widget_get_width (widget),
                      gtk_widget_get_height (widget));
  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  if (self->demo.kind == ESCALE_FIRSTSTEPS_DEMO_SCROLL && !self->touch)
    {
      draw_mouse (cr, &self->demo.from, t, self->demo.from.y > self->demo.to.y);
      cairo_destroy (cr);
      return;
    }
  pose (self, t, &at, &pressed);
  if (pressed)
    draw_ring (cr, &at);
  if (self->touch)
    draw_hand (cr, &at, pressed);
  else
    draw_arrow (cr, &at);
  cairo_destroy (cr);
}

/* Shows the pose at @progress (0..CYCLES) without playing: for screenshots. */
void
escale_firststeps_hand_show_at (EscaleFirststepsHand *self, double progress)
{
  self->progress = progress;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
tick_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
  EscaleFirststepsHand *self = ESCALE_FIRSTSTEPS_HAND (widget);
  gint64 now = gdk_frame_clock_get_frame_time (clock);

  if (self->start_us == 0)
    self->start_us = now;
  self->progress = (double) (now - self->start_us) / CYCLE_US;
  if (self->progress >= CYCLES)
    {
      escale_firststeps_hand_stop (self);
      return G_SOURCE_REMOVE;
    }
  gtk_widget_queue_draw (widget);
  return G_SOURCE_CONTINUE;
}

/* Plays @demo twice, as a hand if @touch, else as the mouse's arrow;
 * @demo's points are in this widget's coordinates. */
void
escale_firststeps_hand_play (EscaleFirststepsHand *self, const EscaleFirststepsDemo *demo,
                             gboolean touch)
{
  gboolean was_playing = self->tick_id != 0;

  g_return_if_fail (ESCALE_IS_FIRSTSTEPS_HAND (self));
  self->demo = *demo;
  self->touch = touch;
  self->start_us = 0;
  self->progress = 0;
  if (!was_playing)
    {
      self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), tick_cb, NULL, NULL);
      g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_PLAYING]);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
escale_firststeps_hand_stop (EscaleFirststepsHand *self)
{
  g_return_if_fail (ESCALE_IS_FIRSTSTEPS_HAND (self));
  self->progress = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (self->tick_id == 0)
    return;
  gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
  self->tick_id = 0;
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_PLAYING]);
}

static void
escale_firststeps_hand_get_property (GObject *object, guint prop_id, GValue *value,
                                     GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_PLAYING:
      g_value_set_boolean (value,
                           escale_firststeps_hand_get_playing (ESCALE_FIRSTSTEPS_HAND (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_firststeps_hand_class_init (EscaleFirststepsHandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = escale_firststeps_hand_get_property;
  GTK_WIDGET_CLASS (klass)->snapshot = escale_firststeps_hand_snapshot;
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "firststepshand");
  pspecs[PROP_PLAYING] =
    g_param_spec_boolean ("playing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, pspecs);
}

static void
escale_firststeps_hand_init (EscaleFirststepsHand *self)
{
  self->progress = -1;
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  gtk_widget_set_can_focus (GTK_WIDGET (self), FALSE);
}

GtkWidget *
escale_firststeps_hand_new (void)
{
  return g_object_new (ESCALE_TYPE_FIRSTSTEPS_HAND, NULL);
}
