/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-call"

#include <gst/video/video.h>

#include "escale-call-peer.h"
#include "escale-call-picture.h"

/* A still picture sent in place of the camera ("Montrer ma photo"): the
 * photo is converted once to one frame of the outgoing video (I420, the
 * call's size, scaled to fit and centred on black), and a probe on the
 * camera branch's pad puts that frame in place of each camera frame, with
 * the camera frame's timestamps. The camera keeps running and keeps the
 * pace, so nothing is renegotiated and the call never drops; clearing the
 * frame brings the camera back at its next frame. Only the converted
 * frame is kept, never the caller's pixels, and it is dropped when the
 * camera comes back, at the hang-up and at dispose. */
struct _EscaleCallPicture
{
  GObject parent_instance;

  GstVideoInfo out_info;

  GMutex lock;      /* guards frame, read by the streaming thread */
  GstBuffer *frame; /* the picture as one outgoing frame, or NULL: the camera */
};

G_DEFINE_FINAL_TYPE (EscaleCallPicture, escale_call_picture, G_TYPE_OBJECT)

static void
escale_call_picture_dispose (GObject *object)
{
  escale_call_picture_clear (ESCALE_CALL_PICTURE (object));
  G_OBJECT_CLASS (escale_call_picture_parent_class)->dispose (object);
}

static void
escale_call_picture_finalize (GObject *object)
{
  g_mutex_clear (&ESCALE_CALL_PICTURE (object)->lock);
  G_OBJECT_CLASS (escale_call_picture_parent_class)->finalize (object);
}

static void
escale_call_picture_class_init (EscaleCallPictureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = escale_call_picture_dispose;
  object_class->finalize = escale_call_picture_finalize;
}

static void
escale_call_picture_init (EscaleCallPicture *self)
{
  g_mutex_init (&self->lock);
}

/* @width x @height: the outgoing video's size (the frames the probe sees). */
EscaleCallPicture *
escale_call_picture_new (int width, int height)
{
  EscaleCallPicture *self = g_object_new (ESCALE_TYPE_CALL_PICTURE, NULL);

  gst_video_info_set_format (&self->out_info, GST_VIDEO_FORMAT_I420, (guint) width,
                             (guint) height);
  return self;
}

/* Streaming thread: the picture's frame, timed as the camera's. */
static GstPadProbeReturn
replace_frame_cb (GstPad *pad, GstPadProbeInfo *info, gpointer user_data)
{
  EscaleCallPicture *self = user_data;
  GstBuffer *camera = GST_PAD_PROBE_INFO_BUFFER (info);
  GstBuffer *picture = NULL;
  GstBuffer *sent;

  g_mutex_lock (&self->lock);
  if (self->frame != NULL)
    picture = gst_buffer_ref (self->frame);
  g_mutex_unlock (&self->lock);
  if (picture == NULL || camera == NULL)
    {
      g_clear_pointer (&picture, gst_buffer_unref);
      return GST_PAD_PROBE_OK;
    }

  /* Shares the picture's memory (read-only downstream), new metadata. */
  sent = gst_buffer_copy (picture);
  gst_buffer_unref (picture);
  GST_BUFFER_PTS (sent) = GST_BUFFER_PTS (camera);
  GST_BUFFER_DTS (sent) = GST_BUFFER_DTS (camera);
  GST_BUFFER_DURATION (sent) = GST_BUFFER_DURATION (camera);
  GST_BUFFER_OFFSET (sent) = GST_BUFFER_OFFSET (camera);
  GST_BUFFER_OFFSET_END (sent) = GST_BUFFER_OFFSET_END (camera);
  gst_buffer_unref (camera);
  GST_PAD_PROBE_INFO_DATA (info) = sent;
  return GST_PAD_PROBE_OK;
}

/* Puts the picture, when there is one, in place of the frames leaving
 * through @pad, whose caps must be I420 of the size given to _new (). */
void
escale_call_picture_attach (EscaleCallPicture *self, GstPad *pad)
{
  g_return_if_fail (ESCALE_IS_CALL_PICTURE (self));
  g_return_if_fail (GST_IS_PAD (pad));

  gst_pad_add_probe (pad, GST_PAD_PROBE_TYPE_BUFFER, replace_frame_cb, g_object_ref (self),
                     g_object_unref);
}

/* The rectangle of the frame where the picture goes: as large as fits,
 * centred, on even pixels (I420 halves the colours' size). */
static void
fit (int width, int height, int out_width, int out_height, GstVideoRectangle *rect)
{
  double scale = MIN ((double) out_width / width, (double) out_height / height);

  rect->w = MAX (2, ((int) (width * scale + 0.5)) & ~1);
  rect->h = MAX (2, ((int) (height * scale + 0.5)) & ~1);
  rect->w = MIN (rect->w, out_width);
  rect->h = MIN (rect->h, out_height);
  rect->x = ((out_width - rect->w) / 2) & ~1;
  rect->y = ((out_height - rect->h) / 2) & ~1;
}

static GstBuffer *
convert (EscaleCallPicture *self, GBytes *argb32, int width, int height, int stride)
{
  /* Cairo's ARGB32: native-endian words, as gdk_texture_download () gives. */
  GstVideoFormat format = G_BYTE_ORDER == G_LITTLE_ENDIAN ? GST_VIDEO_FORMAT_BGRA
                                                          : GST_VIDEO_FORMAT_ARGB;
  GstVideoInfo in_info;
  GstVideoRectangle rect;
  GstVideoConverter *converter;
  g_autoptr(GstBuffer) in_buffer = NULL;
  g_autoptr(GstBuffer) out_buffer = NULL;
  GstVideoFrame in_frame, out_frame;
  int out_width = GST_VIDEO_INFO_WIDTH (&self->out_info);
  int out_height = GST_VIDEO_INFO_HEIGHT (&self->out_info);

  gst_video_info_set_format (&in_info, format, (guint) width, (guint) height);
  GST_VIDEO_INFO_PLANE_STRIDE (&in_info, 0) = stride;
  GST_VIDEO_INFO_SIZE (&in_info) = (gsize) stride * (gsize) height;
  fit (width, height, out_width, out_height, &rect);

  converter =
    gst_video_converter_new (&in_info, &self->out_info,
                             gst_structure_new ("escale-picture", GST_VIDEO_CONVERTER_OPT_DEST_X,
                                                G_TYPE_INT, rect.x, GST_VIDEO_CONVERTER_OPT_DEST_Y,
                                                G_TYPE_INT, rect.y,
                                                GST_VIDEO_CONVERTER_OPT_DEST_WIDTH, G_TYPE_INT,
                                                rect.w, GST_VIDEO_CONVERTER_OPT_DEST_HEIGHT,
                                                G_TYPE_INT, rect.h,
                                                GST_VIDEO_CONVERTER_OPT_FILL_BORDER,
                                                G_TYPE_BOOLEAN, TRUE,
                                                GST_VIDEO_CONVERTER_OPT_BORDER_ARGB, G_TYPE_UINT,
                                                0xff000000u, NULL));
  if (converter == NULL)
    return NULL;

  in_buffer = gst_buffer_new_wrapped_bytes (argb32);
  out_buffer = gst_buffer_new_allocate (NULL, GST_VIDEO_INFO_SIZE (&self->out_info), NULL);
  if (!gst_video_frame_map (&in_frame, &in_info, in_buffer, GST_MAP_READ))
    {
      gst_video_converter_free (converter);
      return NULL;
    }
  if (!gst_video_frame_map (&out_frame, &self->out_info, out_buffer, GST_MAP_WRITE))
    {
      gst_video_frame_unmap (&in_frame);
      gst_video_converter_free (converter);
      return NULL;
    }
  gst_video_converter_frame (converter, &in_frame, &out_frame);
  gst_video_frame_unmap (&out_frame);
  gst_video_frame_unmap (&in_frame);
  gst_video_converter_free (converter);
  return g_steal_pointer (&out_buffer);
}

/* Sends @argb32 (Cairo's ARGB32, premultiplied: what gdk_texture_download ()
 * writes) instead of the camera from the next frame on, until
 * escale_call_picture_clear (). The pixels are converted at once and not
 * kept: the caller may drop them on return. */
gboolean
escale_call_picture_show (EscaleCallPicture *self, GBytes *argb32, int width, int height,
                          int stride, GError **error)
{
  GstBuffer *frame;

  g_return_val_if_fail (ESCALE_IS_CALL_PICTURE (self), FALSE);
  g_return_val_if_fail (argb32 != NULL, FALSE);

  if (width <= 0 || height <= 0 || stride < width * 4 ||
      g_bytes_get_size (argb32) < (gsize) stride * (gsize) height)
    {
      g_set_error (error, ESCALE_CALL_ERROR, ESCALE_CALL_ERROR_MEDIA,
                   "a picture of %d x %d with %d bytes a row does not fit in %zu bytes", width,
                   height, stride, g_bytes_get_size (argb32));
      return FALSE;
    }
  frame = convert (self, argb32, width, height, stride);
  if (frame == NULL)
    {
      g_set_error_literal (error, ESCALE_CALL_ERROR, ESCALE_CALL_ERROR_MEDIA,
                           "the picture could not be converted for the call");
      return FALSE;
    }
  g_mutex_lock (&self->lock);
  gst_clear_buffer (&self->frame);
  self->frame = frame;
  g_mutex_unlock (&self->lock);
  return TRUE;
}

/* The camera again, from its next frame; the picture's frame is dropped. */
void
escale_call_picture_clear (EscaleCallPicture *self)
{
  GstBuffer *frame;

  g_return_if_fail (ESCALE_IS_CALL_PICTURE (self));

  g_mutex_lock (&self->lock);
  frame = g_steal_pointer (&self->frame);
  g_mutex_unlock (&self->lock);
  gst_clear_buffer (&frame);
}
