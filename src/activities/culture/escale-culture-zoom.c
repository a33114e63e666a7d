/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "escale-culture-zoom.h"

/* A work's picture that Agrandir/Réduire enlarge (the buttons live outside
 * it, so nothing covers the artwork). Enlarged, the picture keeps its own
 * proportions (no empty band beside it), stays centred on what was in the
 * middle of the frame, and follows a finger or the mouse dragged across
 * it. */
struct _EscaleCultureZoom
{
  GtkWidget parent_instance;

  /* children */
  GtkScrolledWindow *scroller;
  GtkPicture *picture;

  guint level; /* 0 = fit, then zoom_levels[] */
  /* the point of the picture to keep in the middle, as fractions of its
   * size, until the adjustments know the new size */
  gboolean recentre;
  double centre_x;
  double centre_y;
  double drag_h;
  double drag_v;
  int frame_w;
  int frame_h;
};

G_DEFINE_FINAL_TYPE (EscaleCultureZoom, escale_culture_zoom, GTK_TYPE_WIDGET)

static const double zoom_levels[] = { 1.0, 1.5, 2.0, 3.0 };

static double
centre_of (GtkAdjustment *adj)
{
  double upper = gtk_adjustment_get_upper (adj);

  if (upper <= 0)
    return 0.5;
  return (gtk_adjustment_get_value (adj) + gtk_adjustment_get_page_size (adj) / 2) / upper;
}

static void
put_centre (GtkAdjustment *adj, double fraction)
{
  gtk_adjustment_set_value (adj, fraction * gtk_adjustment_get_upper (adj) -
                                   gtk_adjustment_get_page_size (adj) / 2);
}

static void
adjustment_changed_cb (EscaleCultureZoom *self)
{
  if (!self->recentre)
    return;
  put_centre (gtk_scrolled_window_get_hadjustment (self->scroller), self->centre_x);
  put_centre (gtk_scrolled_window_get_vadjustment (self->scroller), self->centre_y);
}

/* The picture's size at this level: fitted into the frame, with the
 * image's proportions, then enlarged. */
static void
apply (EscaleCultureZoom *self)
{
  GdkPaintable *paintable = gtk_picture_get_paintable (self->picture);
  int width = self->frame_w;
  int height = self->frame_h;
  int image_w = paintable ? gdk_paintable_get_intrinsic_width (paintable) : 0;
  int image_h = paintable ? gdk_paintable_get_intrinsic_height (paintable) : 0;
  double fit;

  if (self->level == 0 || width <= 0 || height <= 0 || image_w <= 0 || image_h <= 0)
    {
      gtk_widget_set_size_request (GTK_WIDGET (self->picture), -1, -1);
      return;
    }
  fit = MIN ((double) width / image_w, (double) height / image_h) * zoom_levels[self->level];
  gtk_widget_set_size_request (GTK_WIDGET (self->picture), (int) (image_w * fit),
                               (int) (image_h * fit));
}

void
escale_culture_zoom_step (EscaleCultureZoom *self, int direction)
{
  g_return_if_fail (ESCALE_IS_CULTURE_ZOOM (self));
  if (!escale_culture_zoom_can_step (self, direction))
    return;
  self->centre_x = centre_of (gtk_scrolled_window_get_hadjustment (self->scroller));
  self->centre_y = centre_of (gtk_scrolled_window_get_vadjustment (self->scroller));
  self->recentre = TRUE;
  self->level = direction > 0 ? self->level + 1 : self->level - 1;
  apply (self);
}

gboolean
escale_culture_zoom_can_step (EscaleCultureZoom *self, int direction)
{
  g_return_val_if_fail (ESCALE_IS_CULTURE_ZOOM (self), FALSE);
  if (direction > 0)
    return self->level + 1 < G_N_ELEMENTS (zoom_levels);
  return direction < 0 && self->level > 0;
}

/* A new picture, at its normal size. */
void
escale_culture_zoom_set_paintable (EscaleCultureZoom *self, GdkPaintable *paintable,
                                   const char *alternative_text)
{
  g_return_if_fail (ESCALE_IS_CULTURE_ZOOM (self));
  gtk_picture_set_paintable (self->picture, paintable);
  gtk_picture_set_alternative_text (self->picture, alternative_text);
  self->level = 0;
  self->recentre = FALSE;
  apply (self);
}

static void
drag_begin_cb (GtkGestureDrag *gesture, double x, double y, EscaleCultureZoom *self)
{
  self->recentre = FALSE;
  self->drag_h = gtk_adjustment_get_value (gtk_scrolled_window_get_hadjustment (self->scroller));
  self->drag_v = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (self->scroller));
}

static void
drag_update_cb (GtkGestureDrag *gesture, double dx, double dy, EscaleCultureZoom *self)
{
  gtk_adjustment_set_value (gtk_scrolled_window_get_hadjustment (self->scroller),
                            self->drag_h - dx);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller),
                            self->drag_v - dy);
}

static void
escale_culture_zoom_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  EscaleCultureZoom *self = ESCALE_CULTURE_ZOOM (widget);

  /* The frame's size changed (text size, window): the enlarged picture
   * follows it. Before the scroller is allocated: a size asked for after
   * would leave it unallocated until the next frame, and GTK would draw it
   * without an allocation. */
  if (width != self->frame_w || height != self->frame_h)
    {
      self->frame_w = width;
      self->frame_h = height;
      apply (self);
    }
  gtk_widget_allocate (GTK_WIDGET (self->scroller), width, height, baseline, NULL);
}

static void
escale_culture_zoom_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                             int *minimum, int *natural, int *minimum_baseline,
                             int *natural_baseline)
{
  gtk_widget_measure (GTK_WIDGET (ESCALE_CULTURE_ZOOM (widget)->scroller), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
escale_culture_zoom_dispose (GObject *object)
{
  EscaleCultureZoom *self = ESCALE_CULTURE_ZOOM (object);

  if (self->scroller != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->scroller));
  self->scroller = NULL;
  self->picture = NULL;
  G_OBJECT_CLASS (escale_culture_zoom_parent_class)->dispose (object);
}

static void
escale_culture_zoom_class_init (EscaleCultureZoomClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = escale_culture_zoom_dispose;
  widget_class->measure = escale_culture_zoom_measure;
  widget_class->size_allocate = escale_culture_zoom_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "culturezoom");
}

static void
escale_culture_zoom_init (EscaleCultureZoom *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();

  self->picture = GTK_PICTURE (gtk_picture_new ());
  gtk_picture_set_can_shrink (self->picture, TRUE);
  gtk_widget_set_halign (GTK_WIDGET (self->picture), GTK_ALIGN_CENTER);
  gtk_widget_set_valign (GTK_WIDGET (self->picture), GTK_ALIGN_CENTER);
  self->scroller = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_child (self->scroller, GTK_WIDGET (self->picture));
  gtk_widget_add_css_class (GTK_WIDGET (self->scroller), "culture-picture-frame");
  gtk_widget_set_parent (GTK_WIDGET (self->scroller), GTK_WIDGET (self));
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->scroller), "changed",
                           G_CALLBACK (adjustment_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "changed",
                           G_CALLBACK (adjustment_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->scroller), GTK_EVENT_CONTROLLER (drag));
}

GtkWidget *
escale_culture_zoom_new (void)
{
  return g_object_new (ESCALE_TYPE_CULTURE_ZOOM, NULL);
}
