/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "escale-call-frame.h"

/* How the call screen shares its space: the guide line on top, the screen
 * of the moment under it, and on the right the self-view (always the same
 * size, in the top corner) above a side column (Raccrocher at the
 * bottom), so that the self-view and Raccrocher never
 * move from one screen to the next. During a call the frame is
 * "overlaid": the family's picture takes the whole space, and the guide
 * line (as wide as its words), the self-view and the side column lie over
 * its edges. */

#define GAP 12

struct _EscaleCallFrame
{
  GtkWidget parent_instance;

  GtkWidget *guide;
  GtkWidget *main;
  GtkWidget *side;
  GtkWidget *self_view;
  int self_width;
  int self_height;
  gboolean overlaid;
};

G_DEFINE_FINAL_TYPE (EscaleCallFrame, escale_call_frame, GTK_TYPE_WIDGET)

static gboolean
shown (GtkWidget *widget)
{
  return gtk_widget_get_visible (widget);
}

/* The right column: as wide as the self-view, or as its widest button. */
static int
side_width (EscaleCallFrame *self, int width)
{
  int minimum = 0;

  if (!shown (self->side))
    return 0;
  gtk_widget_measure (self->side, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  return MIN (MAX (minimum, self->self_width), width);
}

/* The guide line and the screens wrap their words: their height follows
 * the width they get. */
static GtkSizeRequestMode
escale_call_frame_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
escale_call_frame_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                           int *minimum, int *natural, int *minimum_baseline,
                           int *natural_baseline)
{
  EscaleCallFrame *self = ESCALE_CALL_FRAME (widget);
  int guide_min = 0, guide_nat = 0, main_min = 0, main_nat = 0, side_min = 0, side_nat = 0;
  int side = side_width (self, G_MAXINT);
  int gap = side > 0 ? GAP : 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      gtk_widget_measure (self->guide, orientation, -1, &guide_min, &guide_nat, NULL, NULL);
      gtk_widget_measure (self->main, orientation, -1, &main_min, &main_nat, NULL, NULL);
      *minimum = MAX (guide_min, main_min) + side + gap;
      *natural = MAX (guide_nat, main_nat) + side + gap;
    }
  else
    {
      int left = for_size < 0 ? -1 : MAX (for_size - side - gap, 0);

      if (shown (self->guide))
        gtk_widget_measure (self->guide, orientation, left, &guide_min, &guide_nat, NULL, NULL);
      gtk_widget_measure (self->main, orientation, left, &main_min, &main_nat, NULL, NULL);
      if (shown (self->side))
        {
          gtk_widget_measure (self->side, orientation, side, &side_min, &side_nat, NULL, NULL);
          side_min += self->self_height + GAP;
          side_nat += self->self_height + GAP;
        }
      if (self->overlaid) /* the guide and the side column lie over the screen */
        {
          *minimum = MAX (MAX (guide_min, main_min), side_min);
          *natural = MAX (MAX (guide_nat, main_nat), side_nat);
        }
      else
        {
          *minimum = MAX (guide_min + GAP + main_min, side_min);
          *natural = MAX (guide_nat + GAP + main_nat, side_nat);
        }
    }
}

static void
escale_call_frame_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  EscaleCallFrame *self = ESCALE_CALL_FRAME (widget);
  int side = side_width (self, width);
  int left = MAX (width - side - (side > 0 ? GAP : 0), 0);
  int guide_width = left;
  int guide_height = 0;

  if (shown (self->guide))
    {
      if (self->overlaid)
        {
          /* Over the family: as wide as its words, no wider. */
          int natural = 0;

          gtk_widget_measure (self->guide, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL,
                              NULL);
          guide_width = MIN (natural, left);
        }
      gtk_widget_measure (self->guide, GTK_ORIENTATION_VERTICAL, guide_width, NULL, &guide_height,
                          NULL, NULL);
      guide_height = MIN (guide_height, height);
    }
  if (self->overlaid)
    gtk_widget_allocate (self->main, width, height, -1, NULL);
  else
    {
      int top = guide_height > 0 ? guide_height + GAP : 0;

      gtk_widget_allocate (self->main, left, MAX (height - top, 0), -1,
                           gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, top)));
    }
  if (shown (self->guide))
    gtk_widget_allocate (self->guide, guide_width, guide_height, -1, NULL);
  if (shown (self->side))
    {
      int self_width = MIN (self->self_width, width);
      int below = MIN (self->self_height + GAP, height);

      gtk_widget_allocate (self->self_view, self_width, MIN (self->self_height, height), -1,
                           gsk_transform_translate (NULL,
                                                    &GRAPHENE_POINT_INIT (width - self_width, 0)));
      gtk_widget_allocate (self->side, side, height - below, -1,
                           gsk_transform_translate (NULL,
                                                    &GRAPHENE_POINT_INIT (width - side, below)));
    }
}

static void
escale_call_frame_dispose (GObject *object)
{
  EscaleCallFrame *self = ESCALE_CALL_FRAME (object);

  g_clear_pointer (&self->main, gtk_widget_unparent);
  g_clear_pointer (&self->guide, gtk_widget_unparent);
  g_clear_pointer (&self->side, gtk_widget_unparent);
  g_clear_pointer (&self->self_view, gtk_widget_unparent);
  G_OBJECT_CLASS (escale_call_frame_parent_class)->dispose (object);
}

static void
escale_call_frame_class_init (EscaleCallFrameClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = escale_call_frame_dispose;
  widget_class->get_request_mode = escale_call_frame_get_request_mode;
  widget_class->measure = escale_call_frame_measure;
  widget_class->size_allocate = escale_call_frame_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "callframe");
}

static void
escale_call_frame_init (EscaleCallFrame *self)
{
}

/* The children are drawn in this order: the screen, then the guide line,
 * the side column and the self-view over it. The self-view has the given
 * size whatever its pictures; it shows with the side column. */
GtkWidget *
escale_call_frame_new (GtkWidget *guide, GtkWidget *main, GtkWidget *side, GtkWidget *self_view,
                       int self_width, int self_height)
{
  EscaleCallFrame *self = g_object_new (ESCALE_TYPE_CALL_FRAME, NULL);

  self->main = main;
  self->guide = guide;
  self->side = side;
  self->self_view = self_view;
  self->self_width = self_width;
  self->self_height = self_height;
  gtk_widget_set_parent (main, GTK_WIDGET (self));
  gtk_widget_set_parent (guide, GTK_WIDGET (self));
  gtk_widget_set_parent (side, GTK_WIDGET (self));
  gtk_widget_set_parent (self_view, GTK_WIDGET (self));
  g_object_bind_property (side, "visible", self_view, "visible", G_BINDING_SYNC_CREATE);
  return GTK_WIDGET (self);
}

/* During a call: the screen under everything, the rest over its edges. */
void
escale_call_frame_set_overlaid (EscaleCallFrame *self, gboolean overlaid)
{
  g_return_if_fail (ESCALE_IS_CALL_FRAME (self));
  if (self->overlaid == !!overlaid)
    return;
  self->overlaid = !!overlaid;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}
