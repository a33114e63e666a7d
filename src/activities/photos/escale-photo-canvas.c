/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-photos"

#include <math.h>
#include <string.h>

#include "escale-photo-canvas.h"

/* One photo drawn as large as the space allows, turned a quarter at a time
 * ("Tourner": for viewing only, the file is never touched), enlarged up to
 * 4x ("Agrandir", or a pinch) and moved by dragging a finger while
 * enlarged. A quick sideways swipe while the photo fits emits "swiped"
 * (+1: the next photo, -1: the previous one); the buttons do the same, so
 * nobody needs the gesture. */
struct _EscalePhotoCanvas
{
  GtkWidget parent_instance;

  /* owned */
  GdkTexture *texture;

  /* state */
  guint rotation;  /* quarter turns, clockwise */
  double zoom;     /* 1.0: the whole photo fits */
  double offset_x; /* pan, in widget pixels, from the centre */
  double offset_y;
  double drag_start_x;
  double drag_start_y;
  double pinch_start_zoom;
};

enum
{
  SIGNAL_SWIPED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (EscalePhotoCanvas, escale_photo_canvas, GTK_TYPE_WIDGET)

static const double zoom_steps[] = { 1.0, 1.5, 2.0, 3.0, ESCALE_PHOTO_CANVAS_MAX_ZOOM };

/* The photo's size on screen at zoom 1, turned as shown. */
static void
fitted_size (EscalePhotoCanvas *self, double *width, double *height)
{
  double tw = gdk_texture_get_width (self->texture);
  double th = gdk_texture_get_height (self->texture);
  double ww = gtk_widget_get_width (GTK_WIDGET (self));
  double wh = gtk_widget_get_height (GTK_WIDGET (self));
  double scale;

  if (self->rotation % 2 == 1)
    {
      double swap = tw;

      tw = th;
      th = swap;
    }
  scale = MIN (ww / MAX (tw, 1), wh / MAX (th, 1));
  *width = tw * scale;
  *height = th * scale;
}

/* Keeps the enlarged photo covering the space: no empty band can be
 * dragged into view, and at zoom 1 the photo is centred. */
static void
clamp_offset (EscalePhotoCanvas *self)
{
  double width = 0, height = 0, max_x, max_y;

  if (self->texture == NULL)
    {
      self->offset_x = self->offset_y = 0;
      return;
    }
  fitted_size (self, &width, &height);
  max_x = MAX (0, (width * self->zoom - gtk_widget_get_width (GTK_WIDGET (self))) / 2);
  max_y = MAX (0, (height * self->zoom - gtk_widget_get_height (GTK_WIDGET (self))) / 2);
  self->offset_x = CLAMP (self->offset_x, -max_x, max_x);
  self->offset_y = CLAMP (self->offset_y, -max_y, max_y);
}

static void
escale_photo_canvas_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  EscalePhotoCanvas *self = ESCALE_PHOTO_CANVAS (widget);
  double width, height, tw, th;

  if (self->texture == NULL)
    return;
  fitted_size (self, &width, &height);
  tw = self->rotation % 2 == 1 ? height : width;
  th = self->rotation % 2 == 1 ? width : height;
  tw *= self->zoom;
  th *= self->zoom;
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                         gtk_widget_get_height (widget)));
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.0 +
                                                            self->offset_x,
                                                          gtk_widget_get_height (widget) / 2.0 +
                                                            self->offset_y));
  gtk_snapshot_rotate (snapshot, 90.0f * self->rotation);
  gtk_snapshot_append_texture (snapshot, self->texture,
                               &GRAPHENE_RECT_INIT (-tw / 2, -th / 2, tw, th));
  gtk_snapshot_restore (snapshot);
  gtk_snapshot_pop (snapshot);
}

static void
escale_photo_canvas_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  clamp_offset (ESCALE_PHOTO_CANVAS (widget));
}

void
escale_photo_canvas_reset (EscalePhotoCanvas *self)
{
  g_return_if_fail (ESCALE_IS_PHOTO_CANVAS (self));
  self->rotation = 0;
  self->zoom = 1.0;
  self->offset_x = self->offset_y = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A new photo is shown upright (its EXIF orientation already applied),
 * whole, centred. NULL shows nothing. */
void
escale_photo_canvas_set_texture (EscalePhotoCanvas *self, GdkTexture *texture)
{
  g_return_if_fail (ESCALE_IS_PHOTO_CANVAS (self));
  g_return_if_fail (texture == NULL || GDK_IS_TEXTURE (texture));

  if (texture == self->texture)
    return;
  g_set_object (&self->texture, texture);
  escale_photo_canvas_reset (self);
}

GdkTexture *
escale_photo_canvas_get_texture (EscalePhotoCanvas *self)
{
  g_return_val_if_fail (ESCALE_IS_PHOTO_CANVAS (self), NULL);
  return self->texture;
}

double
escale_photo_canvas_get_zoom (EscalePhotoCanvas *self)
{
  g_return_val_if_fail (ESCALE_IS_PHOTO_CANVAS (self), 1.0);
  return self->zoom;
}

/* Enlarges about the centre of the screen: what is in the middle stays there. */
void
escale_photo_canvas_set_zoom (EscalePhotoCanvas *self, double zoom)
{
  double ratio;

  g_return_if_fail (ESCALE_IS_PHOTO_CANVAS (self));

  zoom = CLAMP (zoom, 1.0, ESCALE_PHOTO_CANVAS_MAX_ZOOM);
  ratio = zoom / self->zoom;
  self->offset_x *= ratio;
  self->offset_y *= ratio;
  self->zoom = zoom;
  clamp_offset (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The next step up; FALSE when already at the largest. */
gboolean
escale_photo_canvas_zoom_in (EscalePhotoCanvas *self)
{
  g_return_val_if_fail (ESCALE_IS_PHOTO_CANVAS (self), FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (zoom_steps); i++)
    if (zoom_steps[i] > self->zoom + 0.01)
      {
        escale_photo_canvas_set_zoom (self, zoom_steps[i]);
        return TRUE;
      }
  return FALSE;
}

/* The next step down; FALSE when the whole photo already fits. */
gboolean
escale_photo_canvas_zoom_out (EscalePhotoCanvas *self)
{
  g_return_val_if_fail (ESCALE_IS_PHOTO_CANVAS (self), FALSE);
  for (guint i = G_N_ELEMENTS (zoom_steps); i > 0; i--)
    if (zoom_steps[i - 1] < self->zoom - 0.01)
      {
        escale_photo_canvas_set_zoom (self, zoom_steps[i - 1]);
        return TRUE;
      }
  return FALSE;
}

/* A quarter turn clockwise, on screen only. */
void
escale_photo_canvas_rotate (EscalePhotoCanvas *self)
{
  g_return_if_fail (ESCALE_IS_PHOTO_CANVAS (self));
  self->rotation = (self->rotation + 1) % 4;
  self->offset_x = self->offset_y = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
escale_photo_canvas_get_rotation (EscalePhotoCanvas *self)
{
  g_return_val_if_fail (ESCALE_IS_PHOTO_CANVAS (self), 0);
  return self->rotation;
}

/* Moves the enlarged photo by (@dx, @dy) pixels, as far as it goes. */
void
escale_photo_canvas_pan (EscalePhotoCanvas *self, double dx, double dy)
{
  g_return_if_fail (ESCALE_IS_PHOTO_CANVAS (self));
  self->offset_x += dx;
  self->offset_y += dy;
  clamp_offset (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
escale_photo_canvas_get_offset (EscalePhotoCanvas *self, double *x, double *y)
{
  g_return_if_fail (ESCALE_IS_PHOTO_CANVAS (self));
  if (x != NULL)
    *x = self->offset_x;
  if (y != NULL)
    *y = self->offset_y;
}

/* --- gestures ------------------------------------------------------------ */

static void
drag_begin_cb (GtkGestureDrag *gesture, double x, double y, EscalePhotoCanvas *self)
{
  self->drag_start_x = self->offset_x;
  self->drag_start_y = self->offset_y;
}

static void
drag_update_cb (GtkGestureDrag *gesture, double dx, double dy, EscalePhotoCanvas *self)
{
  if (self->zoom <= 1.0)
    return;
  self->offset_x = self->drag_start_x;
  self->offset_y = self->drag_start_y;
  escale_photo_canvas_pan (self, dx, dy);
}

static void
swipe_cb (GtkGestureSwipe *gesture, double velocity_x, double velocity_y, EscalePhotoCanvas *self)
{
  /* Enlarged, a finger moves the photo; a mostly vertical move is no swipe. */
  if (self->zoom > 1.0 || fabs (velocity_x) < 300 || fabs (velocity_x) < 2 * fabs (velocity_y))
    return;
  g_signal_emit (self, signals[SIGNAL_SWIPED], 0, velocity_x < 0 ? 1 : -1);
}

static void
zoom_begin_cb (GtkGesture *gesture, GdkEventSequence *sequence, EscalePhotoCanvas *self)
{
  self->pinch_start_zoom = self->zoom;
}

static void
scale_changed_cb (GtkGestureZoom *gesture, double scale, EscalePhotoCanvas *self)
{
  escale_photo_canvas_set_zoom (self, self->pinch_start_zoom * scale);
}

/* --- for printing -------------------------------------------------------- */

/* A copy of @texture turned @quarter_turns clockwise, in memory: what
 * "Tourner" showed, for the printer. */
GdkTexture *
escale_photo_texture_rotate (GdkTexture *texture, guint quarter_turns)
{
  int width, height, out_width, out_height;
  gsize stride, out_stride;
  g_autofree guchar *pixels = NULL;
  guchar *out;

  g_return_val_if_fail (GDK_IS_TEXTURE (texture), NULL);

  quarter_turns %= 4;
  if (quarter_turns == 0)
    return g_object_ref (texture);
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  stride = (gsize) width * 4;
  pixels = g_malloc (stride * height);
  gdk_texture_download (texture, pixels, stride);
  out_width = quarter_turns == 2 ? width : height;
  out_height = quarter_turns == 2 ? height : width;
  out_stride = (gsize) out_width * 4;
  out = g_malloc (out_stride * out_height);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        int nx, ny;

        switch (quarter_turns)
          {
          case 1:
            nx = height - 1 - y;
            ny = x;
            break;
          case 2:
            nx = width - 1 - x;
            ny = height - 1 - y;
            break;
          default:
            nx = y;
            ny = width - 1 - x;
            break;
          }
        memcpy (out + ny * out_stride + nx * 4, pixels + y * stride + x * 4, 4);
      }
  {
    g_autoptr(GBytes) bytes = g_bytes_new_take (out, out_stride * out_height);

    return gdk_memory_texture_new (out_width, out_height, GDK_MEMORY_DEFAULT, bytes, out_stride);
  }
}

/* --- lifetime ------------------------------------------------------------ */

static void
escale_photo_canvas_dispose (GObject *object)
{
  EscalePhotoCanvas *self = ESCALE_PHOTO_CANVAS (object);

  g_clear_object (&self->texture);
  G_OBJECT_CLASS (escale_photo_canvas_parent_class)->dispose (object);
}

static void
escale_photo_canvas_class_init (EscalePhotoCanvasClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = escale_photo_canvas_dispose;
  widget_class->snapshot = escale_photo_canvas_snapshot;
  widget_class->size_allocate = escale_photo_canvas_size_allocate;
  signals[SIGNAL_SWIPED] = g_signal_new ("swiped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  gtk_widget_class_set_css_name (widget_class, "photocanvas");
}

static void
escale_photo_canvas_init (EscalePhotoCanvas *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *swipe = gtk_gesture_swipe_new ();
  GtkGesture *zoom = gtk_gesture_zoom_new ();

  self->zoom = 1.0;
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (swipe, "swipe", G_CALLBACK (swipe_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (swipe));
  g_signal_connect (zoom, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (zoom));
}

GtkWidget *
escale_photo_canvas_new (void)
{
  return g_object_new (ESCALE_TYPE_PHOTO_CANVAS, NULL);
}
