/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "escale-test-util.h"
#include "photos-test-widgets.h"

/* The first widget under @root that is a button whose words are @text. */
GtkWidget *
photos_test_find_button (GtkWidget *root, const char *text)
{
  if (GTK_IS_BUTTON (root))
    {
      g_autofree char *name = NULL;

      for (GtkWidget *w = root; w != NULL; w = gtk_widget_get_first_child (w))
        for (GtkWidget *c = w; c != NULL; c = gtk_widget_get_next_sibling (c))
          if (GTK_IS_LABEL (c) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (c)), text) == 0)
            return root;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = photos_test_find_button (c, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether a label showing @text is on screen under @root. */
gboolean
photos_test_shows_label (GtkWidget *root, const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_is_drawable (root) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (photos_test_shows_label (c, text))
      return TRUE;
  return FALSE;
}

void
photos_test_click (GtkWidget *root, const char *text)
{
  GtkWidget *button = photos_test_find_button (root, text);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_drawable (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  escale_test_drain ();
}

gboolean
photos_test_is_drawable (GtkWidget *root, const char *text)
{
  GtkWidget *button = photos_test_find_button (root, text);

  return button != NULL && gtk_widget_is_drawable (button);
}

GtkWidget *
photos_test_find_tile (GtkWidget *root, guint index)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_has_css_class (root, "photo-tile") &&
      gtk_widget_get_opacity (root) > 0 &&
      g_object_get_data (G_OBJECT (root), "index") == GUINT_TO_POINTER (index))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = photos_test_find_tile (c, index);

      if (found != NULL)
        return found;
    }
  return NULL;
}
