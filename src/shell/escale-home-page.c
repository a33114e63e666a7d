/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "escale-home-page.h"
#include "escale-activity.h"
#include "escale-ui-util.h"

/* The big buttons: one per configured activity (at most six), two columns,
 * icon and words, each opening its activity through win.open-activity. */
struct _EscaleHomePage
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkWidget *box;
  GtkGrid *grid;

  /* owned */
  GHashTable *buttons; /* activity id -> GtkWidget (borrowed from grid) */
};

G_DEFINE_FINAL_TYPE (EscaleHomePage, escale_home_page, GTK_TYPE_WIDGET)

static void
escale_home_page_dispose (GObject *object)
{
  EscaleHomePage *self = ESCALE_HOME_PAGE (object);

  g_clear_pointer (&self->buttons, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), ESCALE_TYPE_HOME_PAGE);
  G_OBJECT_CLASS (escale_home_page_parent_class)->dispose (object);
}

/* Keyboard users land on the first big button. */
static gboolean
escale_home_page_grab_focus (GtkWidget *widget)
{
  GtkWidget *first = gtk_grid_get_child_at (ESCALE_HOME_PAGE (widget)->grid, 0, 0);

  return first != NULL && gtk_widget_grab_focus (first);
}

static void
escale_home_page_class_init (EscaleHomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = escale_home_page_dispose;
  widget_class->grab_focus = escale_home_page_grab_focus;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/fr/escale/Escale/ui/escale-home-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EscaleHomePage, box);
  gtk_widget_class_bind_template_child (widget_class, EscaleHomePage, grid);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "homepage");
}

static void
escale_home_page_init (EscaleHomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->buttons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static GtkWidget *
activity_button_new (EscaleActivity *activity, guint index)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *words = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = escale_wrapped_label_new (escale_activity_get_title (activity), "tile-title");
  const char *subtitle = escale_activity_get_subtitle (activity);
  g_autofree char *tint = g_strdup_printf ("tile-%u", index % 6);
  g_autofree char *accessible = NULL;

  gtk_box_append (GTK_BOX (box), escale_activity_icon_new (activity, 72));
  gtk_widget_set_valign (words, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (words, TRUE);
  gtk_label_set_width_chars (GTK_LABEL (title), 10);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 24);
  gtk_box_append (GTK_BOX (words), title);
  if (subtitle != NULL)
    {
      GtkWidget *sub = escale_wrapped_label_new (subtitle, "tile-subtitle");

      gtk_label_set_width_chars (GTK_LABEL (sub), 10);
      gtk_label_set_max_width_chars (GTK_LABEL (sub), 30);
      gtk_box_append (GTK_BOX (words), sub);
    }
  gtk_box_append (GTK_BOX (box), words);
  gtk_button_set_child (GTK_BUTTON (button), box);

  gtk_widget_add_css_class (button, "activity-tile");
  gtk_widget_add_css_class (button, tint);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.open-activity");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s",
                                    escale_activity_get_id (activity));
  accessible = subtitle
                 ? g_strdup_printf ("%s. %s", escale_activity_get_title (activity), subtitle)
                 : g_strdup (escale_activity_get_title (activity));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  return button;
}

/* Rebuilds the buttons from @activities (of EscaleActivity, already sorted). */
void
escale_home_page_set_activities (EscaleHomePage *self, GPtrArray *activities)
{
  GtkWidget *child;
  guint columns;

  g_return_if_fail (ESCALE_IS_HOME_PAGE (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  g_hash_table_remove_all (self->buttons);

  columns = activities->len <= 1 ? 1 : 2;
  for (guint i = 0; i < activities->len; i++)
    {
      EscaleActivity *activity = activities->pdata[i];
      GtkWidget *button = activity_button_new (activity, i);

      gtk_grid_attach (self->grid, button, (int) (i % columns), (int) (i / columns), 1, 1);
      g_hash_table_insert (self->buttons, g_strdup (escale_activity_get_id (activity)), button);
    }
}

GtkWidget *
escale_home_page_get_button (EscaleHomePage *self, const char *activity_id)
{
  g_return_val_if_fail (ESCALE_IS_HOME_PAGE (self), NULL);
  return g_hash_table_lookup (self->buttons, activity_id);
}
