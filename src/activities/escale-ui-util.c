/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "escale-ui-util.h"

/* The activity's icon: a built-in symbolic icon, or a picture from the
 * configuration folder. */
GtkWidget *
escale_activity_icon_new (EscaleActivity *activity, int pixel_size)
{
  const char *icon = escale_activity_get_icon (activity);
  GtkWidget *image;

  if (escale_icon_is_builtin (icon))
    {
      g_autofree char *name = g_strdup_printf ("escale-%s-symbolic", icon);

      image = gtk_image_new_from_icon_name (name);
    }
  else
    image = gtk_image_new_from_file (icon);

  gtk_image_set_pixel_size (GTK_IMAGE (image), pixel_size);
  gtk_accessible_update_state (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  return image;
}

/* A large button with an icon and words, named for screen readers. */
GtkWidget *
escale_big_button_new (const char *icon_name, const char *label)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);

  if (icon_name != NULL)
    {
      GtkWidget *image = gtk_image_new_from_icon_name (icon_name);

      gtk_image_set_pixel_size (GTK_IMAGE (image), 40);
      gtk_box_append (GTK_BOX (box), image);
    }
  gtk_box_append (GTK_BOX (box), gtk_label_new (label));
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "big-button");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  return button;
}

/* A big button whose words wrap (so that rows of them fit at 1024 px),
 * named for screen readers: GTK 4.8 gives a button built with a label
 * child no accessible name ("GtkButton"). */
GtkWidget *
escale_wrapping_button_new (const char *text, const char *css_class)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_add_css_class (button, "big-button");
  if (css_class != NULL)
    gtk_widget_add_css_class (button, css_class);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
  return button;
}

GtkWidget *
escale_wrapped_label_new (const char *text, const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* The same, centred: the words of a message screen. */
GtkWidget *
escale_centred_label_new (const char *text, const char *css_class)
{
  GtkWidget *label = escale_wrapped_label_new (text, css_class);

  gtk_label_set_xalign (GTK_LABEL (label), 0.5);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  return label;
}

/* Shows @button where it can act, and keeps its place empty where it can
 * never act in this state ("Précédente" on the first work, "Suivante" on
 * the last): nothing greyed out to puzzle over, and the buttons around it
 * stay where they were. Hidden from screen readers and touches too. A
 * control that can act later in the same state (A− at the smallest size,
 * Réduire at the smallest zoom) stays shown, disabled. */
void
escale_button_show_if_useful (GtkWidget *button, gboolean useful)
{
  gtk_widget_set_sensitive (button, useful);
  gtk_widget_set_opacity (button, useful ? 1.0 : 0.0);
  gtk_widget_set_can_target (button, useful);
  gtk_accessible_update_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_HIDDEN, !useful, -1);
}

/* A row of buttons that goes on the next line when the screen is narrow
 * or the text bigger (A+), so nothing is cut off. */
GtkWidget *
escale_wrapping_row_new (void)
{
  GtkWidget *row = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (row), GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (row), 16);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (row), 16);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (row), 8);
  return row;
}
