/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-call"

#include <glib/gi18n.h>

#include "escale-call-kind.h"
#include "escale-call-view-private.h"

/* "Montrer à ma famille": a photo another activity of the visit left for
 * the call (ESCALE_CALL_PICTURE_HANDOFF). The start screen says it is
 * ready; once the family is there, one big switch sends it in place of the
 * camera ("Montrer ma photo") and back ("Revenir à la caméra"); the small
 * self-view shows what the family sees, and the guide line says what to
 * do. Counted once as shown, on the giver's kind. The photo is dropped
 * with the view and by the visit's wiper. */

void
_escale_call_view_take_picture (EscaleCallView *self)
{
  if (self->visit == NULL)
    return;
  self->picture =
    escale_visit_take_handoff (self->visit, ESCALE_CALL_PICTURE_HANDOFF, &self->picture_giver);
  if (self->picture != NULL && !GDK_IS_TEXTURE (self->picture))
    {
      g_critical ("The call was handed something that is not a picture");
      _escale_call_view_drop_picture (self);
    }
}

void
_escale_call_view_drop_picture (EscaleCallView *self)
{
  if (self->call != NULL)
    escale_call_show_camera (self->call);
  if (self->ready_picture != NULL)
    gtk_picture_set_paintable (self->ready_picture, NULL);
  g_clear_object (&self->picture);
  g_clear_pointer (&self->picture_giver, g_free);
  _escale_call_view_update_picture (self);
}

static gboolean
show_picture (EscaleCallView *self)
{
  int width = gdk_texture_get_width (self->picture);
  int height = gdk_texture_get_height (self->picture);
  gsize stride = (gsize) width * 4;
  guchar *pixels = g_malloc (stride * (gsize) height);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  /* Cairo's ARGB32, what the call engine takes; not kept by it. */
  gdk_texture_download (self->picture, pixels, stride);
  bytes = g_bytes_new_take (pixels, stride * (gsize) height);
  if (!escale_call_show_picture (self->call, bytes, width, height, (int) stride, &error))
    {
      g_message ("call: the photo cannot be shown: %s", error->message);
      return FALSE;
    }
  if (!self->picture_counted && self->visit != NULL && self->picture_giver != NULL)
    escale_visit_count_for (self->visit, self->picture_giver, ESCALE_CALL_PICTURE_SHOWN_COUNTER,
                            1);
  self->picture_counted = TRUE;
  return TRUE;
}

/* The switch: the photo, or the camera again. */
void
_escale_call_view_toggle_picture (EscaleCallView *self)
{
  if (escale_call_get_showing_picture (self->call))
    escale_call_show_camera (self->call);
  else if (self->picture != NULL)
    show_picture (self);
  _escale_call_view_update_picture (self);
}

/* The switch, the start screen's note and the guide line follow the call. */
void
_escale_call_view_update_picture (EscaleCallView *self)
{
  EscaleCallState state;
  gboolean showing;

  if (self->call == NULL || self->picture_button == NULL)
    return;
  state = escale_call_get_state (self->call);
  showing = escale_call_get_showing_picture (self->call);
  gtk_widget_set_visible (self->ready_box, self->picture != NULL);
  if (self->picture != NULL)
    gtk_picture_set_paintable (self->ready_picture, GDK_PAINTABLE (self->picture));
  gtk_widget_set_visible (self->picture_button,
                          self->picture != NULL && state == ESCALE_CALL_STATE_IN_CALL);
  _escale_call_view_button_set_text (self->picture_button,
                                     showing ? _ ("Revenir à la caméra") : _ ("Montrer ma photo"));
  if (showing)
    gtk_widget_remove_css_class (self->picture_button, "suggested");
  else
    gtk_widget_add_css_class (self->picture_button, "suggested");

  if (self->picture == NULL)
    return;
  if (state == ESCALE_CALL_STATE_IN_CALL)
    _escale_call_view_set_guide (self, showing ? _ ("Votre famille voit votre photo.")
                                               : _ ("Pour montrer votre photo, touchez Montrer ma "
                                                    "photo."));
  else if (state == ESCALE_CALL_STATE_IDLE &&
           g_strcmp0 (escale_call_view_get_screen (self), "start") == 0)
    _escale_call_view_set_guide (self, _ ("Votre photo est prête. Appelez votre famille avec "
                                          "un des deux grands boutons."));
}
