/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-firststeps"

#include <glib/gi18n.h>

#include "escale-firststeps-puzzle.h"

/* "Glissez le morceau à sa place": a picture of the Périgord (the culture
 * collection's drawing the configuration names, or a landscape drawn here)
 * with one square piece out of it, lying beside it. Press on the piece,
 * keep pressing, move it to the hole, let go. Dropped anywhere else it
 * simply stays there; close enough, it clicks into place. Each success
 * makes the next piece smaller and the place to drop it more precise. */

struct _EscaleFirststepsPuzzle
{
  GtkWidget parent_instance;

  GdkTexture *picture; /* NULL: the landscape drawn with cairo */
  guint level;
  gboolean solved;
  gboolean dragging;
  double dx, dy;           /* the piece, from where it starts */
  double grab_dx, grab_dy; /* the piece when the drag began */
};

static void escale_firststeps_puzzle_exercise_init (EscaleFirststepsExerciseInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (EscaleFirststepsPuzzle, escale_firststeps_puzzle, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (ESCALE_TYPE_FIRSTSTEPS_EXERCISE,
                                                      escale_firststeps_puzzle_exercise_init))

/* The picture, as large as it can be in the left two thirds. */
static void
get_picture_area (EscaleFirststepsPuzzle *self, graphene_rect_t *area)
{
  double w = gtk_widget_get_width (GTK_WIDGET (self)) * 0.7;
  double h = gtk_widget_get_height (GTK_WIDGET (self));
  double ratio = 4.0 / 3.0;

  if (self->picture != NULL)
    ratio = (double) gdk_texture_get_width (self->picture) /
            MAX (1, gdk_texture_get_height (self->picture));
  if (w / ratio > h)
    w = h * ratio;
  graphene_rect_init (area, 0, (gtk_widget_get_height (GTK_WIDGET (self)) - w / ratio) / 2, w,
                      w / ratio);
}

void
escale_firststeps_puzzle_get_hole (EscaleFirststepsPuzzle *self, graphene_rect_t *hole)
{
  graphene_rect_t pic;
  double side;

  get_picture_area (self, &pic);
  side = pic.size.height * (0.46 - 0.07 * MIN (self->level, 3));
  graphene_rect_init (hole, pic.origin.x + pic.size.width * 0.55 - side / 2,
                      pic.origin.y + pic.size.height * 0.45 - side / 2, side, side);
}

/* The piece where it lies now. */
void
escale_firststeps_puzzle_get_piece (EscaleFirststepsPuzzle *self, graphene_rect_t *piece)
{
  graphene_rect_t pic, hole;
  double w = gtk_widget_get_width (GTK_WIDGET (self));
  double start_x;

  get_picture_area (self, &pic);
  escale_firststeps_puzzle_get_hole (self, &hole);
  if (self->solved)
    {
      *piece = hole;
      return;
    }
  start_x = pic.origin.x + pic.size.width + (w - pic.size.width - hole.size.width) / 2;
  graphene_rect_init (piece, start_x + self->dx, hole.origin.y + self->dy, hole.size.width,
                      hole.size.height);
}

gboolean
escale_firststeps_puzzle_get_solved (EscaleFirststepsPuzzle *self)
{
  return self->solved;
}

gboolean
escale_firststeps_puzzle_has_picture (EscaleFirststepsPuzzle *self)
{
  return self->picture != NULL;
}

/* A hillside of the Dordogne when no picture was given. */
static void
draw_landscape (GtkSnapshot *snapshot, const graphene_rect_t *a)
{
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, a);
  double x = a->origin.x, y = a->origin.y, w = a->size.width, h = a->size.height;

  cairo_set_source_rgb (cr, 0.74, 0.86, 0.96);
  cairo_rectangle (cr, x, y, w, h);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.91, 0.64, 0.0);
  cairo_arc (cr, x + w * 0.78, y + h * 0.22, h * 0.1, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.36, 0.55, 0.24);
  cairo_move_to (cr, x, y + h * 0.6);
  cairo_curve_to (cr, x + w * 0.3, y + h * 0.35, x + w * 0.6, y + h * 0.75, x + w, y + h * 0.5);
  cairo_line_to (cr, x + w, y + h);
  cairo_line_to (cr, x, y + h);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.17, 0.42, 0.67);
  cairo_move_to (cr, x, y + h * 0.85);
  cairo_curve_to (cr, x + w * 0.4, y + h * 0.75, x + w * 0.6, y + h * 0.95, x + w, y + h * 0.82);
  cairo_line_to (cr, x + w, y + h * 0.92);
  cairo_curve_to (cr, x + w * 0.6, y + h, x + w * 0.4, y + h * 0.85, x, y + h * 0.95);
  cairo_fill (cr);
  cairo_destroy (cr);
}

static void
draw_picture (EscaleFirststepsPuzzle *self, GtkSnapshot *snapshot, const graphene_rect_t *area)
{
  if (self->picture != NULL)
    gtk_snapshot_append_texture (snapshot, self->picture, area);
  else
    draw_landscape (snapshot, area);
}

static void
escale_firststeps_puzzle_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  EscaleFirststepsPuzzle *self = ESCALE_FIRSTSTEPS_PUZZLE (widget);
  graphene_rect_t pic, hole, piece, moved;
  GdkRGBA hole_colour = { 0.85, 0.85, 0.85, 1 }, ink = { 0.1, 0.1, 0.1, 1 };
  GdkRGBA gold = { 0.91, 0.64, 0.0, 1 };
  GskRoundedRect outline;
  float widths[4];

  get_picture_area (self, &pic);
  escale_firststeps_puzzle_get_hole (self, &hole);
  escale_firststeps_puzzle_get_piece (self, &piece);
  draw_picture (self, snapshot, &pic);
  if (!self->solved)
    {
      gtk_snapshot_append_color (snapshot, &hole_colour, &hole);
      gsk_rounded_rect_init_from_rect (&outline, &hole, 0);
      for (guint i = 0; i < 4; i++)
        widths[i] = 4;
      gtk_snapshot_append_border (snapshot, &outline, widths, (GdkRGBA[]){ ink, ink, ink, ink });
    }
  /* the piece: the picture seen through a window where the piece lies */
  gtk_snapshot_push_clip (snapshot, &piece);
  moved = pic;
  moved.origin.x += piece.origin.x - hole.origin.x;
  moved.origin.y += piece.origin.y - hole.origin.y;
  draw_picture (self, snapshot, &moved);
  gtk_snapshot_pop (snapshot);
  gsk_rounded_rect_init_from_rect (&outline, &piece, 0);
  for (guint i = 0; i < 4; i++)
    widths[i] = self->solved ? 0 : 6;
  gtk_snapshot_append_border (snapshot, &outline, widths, (GdkRGBA[]){ gold, gold, gold, gold });
}

static void
drag_begin_cb (GtkGestureDrag *gesture, double x, double y, EscaleFirststepsPuzzle *self)
{
  graphene_rect_t piece;
  graphene_point_t point = GRAPHENE_POINT_INIT (x, y);

  if (self->solved)
    return;
  escale_firststeps_puzzle_get_piece (self, &piece);
  /* generous: a little around the piece counts too */
  graphene_rect_inset (&piece, -24, -24);
  self->dragging = graphene_rect_contains_point (&piece, &point);
  self->grab_dx = self->dx;
  self->grab_dy = self->dy;
  if (!self->dragging)
    escale_firststeps_exercise_feedback (ESCALE_FIRSTSTEPS_EXERCISE (self),
                                         _ ("Appuyez sur le morceau encadré de jaune, et gardez "
                                            "appuyé pendant que vous le déplacez."),
                                         FALSE);
}

static void
drag_update_cb (GtkGestureDrag *gesture, double offset_x, double offset_y,
                EscaleFirststepsPuzzle *self)
{
  if (!self->dragging)
    return;
  self->dx = self->grab_dx + offset_x;
  self->dy = self->grab_dy + offset_y;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drag_end_cb (GtkGestureDrag *gesture, double offset_x, double offset_y,
             EscaleFirststepsPuzzle *self)
{
  graphene_rect_t piece, hole;
  graphene_point_t a, b;

  if (!self->dragging)
    return;
  drag_update_cb (gesture, offset_x, offset_y, self);
  self->dragging = FALSE;
  escale_firststeps_puzzle_get_piece (self, &piece);
  escale_firststeps_puzzle_get_hole (self, &hole);
  graphene_rect_get_center (&piece, &a);
  graphene_rect_get_center (&hole, &b);
  if (graphene_point_distance (&a, &b, NULL, NULL) <=
      hole.size.width * (0.6 - 0.1 * MIN (self->level, 3)))
    {
      self->solved = TRUE;
      self->level++;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      escale_firststeps_exercise_done (ESCALE_FIRSTSTEPS_EXERCISE (self));
      return;
    }
  escale_firststeps_exercise_feedback (ESCALE_FIRSTSTEPS_EXERCISE (self),
                                       _ ("C'est bien, le morceau a bougé ! Appuyez de nouveau "
                                          "dessus et amenez-le jusqu'au trou gris."),
                                       FALSE);
  escale_firststeps_exercise_changed (ESCALE_FIRSTSTEPS_EXERCISE (self));
}

static void
escale_firststeps_puzzle_restart (EscaleFirststepsExercise *exercise)
{
  EscaleFirststepsPuzzle *self = ESCALE_FIRSTSTEPS_PUZZLE (exercise);

  self->solved = FALSE;
  self->dragging = FALSE;
  self->dx = self->dy = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static char *
escale_firststeps_puzzle_instruction (EscaleFirststepsExercise *exercise, gboolean touch)
{
  return g_strdup (touch ? _ ("Posez le doigt sur le morceau, gardez-le appuyé et glissez le "
                              "morceau jusqu'au trou.")
                         : _ ("Cliquez sur le morceau, gardez le bouton enfoncé et amenez le "
                              "morceau jusqu'au trou."));
}

static gboolean
escale_firststeps_puzzle_demo (EscaleFirststepsExercise *exercise, EscaleFirststepsDemo *demo)
{
  EscaleFirststepsPuzzle *self = ESCALE_FIRSTSTEPS_PUZZLE (exercise);
  graphene_rect_t piece, hole;

  if (self->solved)
    return FALSE;
  escale_firststeps_puzzle_get_piece (self, &piece);
  escale_firststeps_puzzle_get_hole (self, &hole);
  demo->kind = ESCALE_FIRSTSTEPS_DEMO_DRAG;
  graphene_rect_get_center (&piece, &demo->from);
  graphene_rect_get_center (&hole, &demo->to);
  return TRUE;
}

static void
escale_firststeps_puzzle_exercise_init (EscaleFirststepsExerciseInterface *iface)
{
  iface->restart = escale_firststeps_puzzle_restart;
  iface->instruction = escale_firststeps_puzzle_instruction;
  iface->demo = escale_firststeps_puzzle_demo;
}

static void
escale_firststeps_puzzle_dispose (GObject *object)
{
  g_clear_object (&ESCALE_FIRSTSTEPS_PUZZLE (object)->picture);
  G_OBJECT_CLASS (escale_firststeps_puzzle_parent_class)->dispose (object);
}

static void
escale_firststeps_puzzle_class_init (EscaleFirststepsPuzzleClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = escale_firststeps_puzzle_dispose;
  GTK_WIDGET_CLASS (klass)->snapshot = escale_firststeps_puzzle_snapshot;
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "firststepspuzzle");
}

static void
escale_firststeps_puzzle_init (EscaleFirststepsPuzzle *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();

  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self), 200, 140);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

/* @picture_path: the centre's picture, or NULL for the drawn landscape. A
 * picture that cannot be read is replaced by the landscape (the
 * configuration check said why). */
GtkWidget *
escale_firststeps_puzzle_new (const char *picture_path)
{
  EscaleFirststepsPuzzle *self = g_object_new (ESCALE_TYPE_FIRSTSTEPS_PUZZLE, NULL);

  if (picture_path != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GdkPixbuf) pixbuf =
                   gdk_pixbuf_new_from_file_at_scale (picture_path, 900, 700, TRUE, &error);

      if (pixbuf != NULL)
        self->picture = gdk_texture_new_for_pixbuf (pixbuf);
      else
        g_message ("The picture of Premiers pas cannot be read: %s", error->message);
    }
  return GTK_WIDGET (self);
}
