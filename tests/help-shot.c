/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "help-shot.h"

void
help_shot_save (GtkWidget *window, const char *name)
{
  const char *dir = g_getenv ("ESCALE_HELP_SCREENSHOTS");
  gint64 until = g_get_monotonic_time () + 500 * G_TIME_SPAN_MILLISECOND;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  GtkSnapshot *snapshot;
  int width;
  int height;

  if (dir == NULL)
    return;
  /* Let the window be laid out and drawn. */
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  file = g_strdup_printf ("%s/help-%s.png", dir, name);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, file));
}
