/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "escale-info-kind.h"
#include "escale-info-view.h"
#include "escale-ui-util.h"

/* Text written by the centre in the activity's [Entry N] groups: the
 * practical information (who helps with what, where, when), or what an
 * activity offers. Long text scrolls with two big arrow buttons, never with
 * a thin scrollbar alone. */
struct _EscaleInfoView
{
  EscaleActivityView parent_instance;

  GtkWidget *box;
  GtkScrolledWindow *scroller;
  GtkWidget *up_button;
  GtkWidget *down_button;
};

G_DEFINE_FINAL_TYPE (EscaleInfoView, escale_info_view, ESCALE_TYPE_ACTIVITY_VIEW)

static void escale_info_view_constructed (GObject *object);

static void
escale_info_view_dispose (GObject *object)
{
  EscaleInfoView *self = ESCALE_INFO_VIEW (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (escale_info_view_parent_class)->dispose (object);
}

static void
escale_info_view_class_init (EscaleInfoViewClass *klass)
{
  G_OBJECT_CLASS (klass)->constructed = escale_info_view_constructed;
  G_OBJECT_CLASS (klass)->dispose = escale_info_view_dispose;
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "infoview");
}

static void
update_arrows (EscaleInfoView *self)
{
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->scroller);
  double value = gtk_adjustment_get_value (adj);
  double max = gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj);

  /* "Remonter" appears once the person has gone down; "Lire la suite"
   * stays while there is more below (greyed out at the very end). */
  gtk_widget_set_visible (self->up_button, max > 1 && value > 1);
  gtk_widget_set_visible (self->down_button, max > 1);
  gtk_widget_set_sensitive (self->down_button, value < max - 1);
}

static void
scroll_changed_cb (EscaleInfoView *self)
{
  update_arrows (self);
}

/* Scrolls by most of a screen; @direction < 0 goes up. Returns whether it moved. */
gboolean
escale_info_view_scroll (EscaleInfoView *self, int direction)
{
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->scroller);
  double before = gtk_adjustment_get_value (adj);

  gtk_adjustment_set_value (adj, before + direction * gtk_adjustment_get_page_size (adj) * 0.8);
  return gtk_adjustment_get_value (adj) != before;
}

static void
up_clicked_cb (EscaleInfoView *self)
{
  escale_info_view_scroll (self, -1);
}

static void
down_clicked_cb (EscaleInfoView *self)
{
  escale_info_view_scroll (self, 1);
}

static void
escale_info_view_init (EscaleInfoView *self)
{
  GtkAdjustment *adj;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->up_button = escale_big_button_new ("escale-arrow-up-symbolic", _ ("Remonter"));
  self->down_button = escale_big_button_new ("escale-arrow-down-symbolic", _ ("Lire la suite"));
  self->scroller = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_policy (self->scroller, GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (GTK_WIDGET (self->scroller), TRUE);

  gtk_box_append (GTK_BOX (self->box), self->up_button);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->scroller));
  gtk_box_append (GTK_BOX (self->box), self->down_button);

  g_signal_connect_swapped (self->up_button, "clicked", G_CALLBACK (up_clicked_cb), self);
  g_signal_connect_swapped (self->down_button, "clicked", G_CALLBACK (down_clicked_cb), self);
  adj = gtk_scrolled_window_get_vadjustment (self->scroller);
  g_signal_connect_object (adj, "changed", G_CALLBACK (scroll_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (adj, "value-changed", G_CALLBACK (scroll_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_arrows (self);
}

/* The centre's text: the intro, then one card per [Entry N]. */
static void
escale_info_view_constructed (GObject *object)
{
  EscaleInfoView *self = ESCALE_INFO_VIEW (object);
  EscaleActivity *activity = escale_activity_view_get_activity (ESCALE_ACTIVITY_VIEW (self));
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 20);
  GPtrArray *sections = escale_activity_get_sections (activity);
  const char *intro = escale_activity_get_intro (activity);

  G_OBJECT_CLASS (escale_info_view_parent_class)->constructed (object);

  gtk_widget_add_css_class (column, "info-column");
  if (intro != NULL)
    gtk_box_append (GTK_BOX (column), escale_wrapped_label_new (intro, "info-intro"));

  for (guint i = 0; i < sections->len; i++)
    {
      EscaleActivitySection *section = sections->pdata[i];
      GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);

      gtk_widget_add_css_class (card, "info-card");
      gtk_box_append (GTK_BOX (card), escale_wrapped_label_new (section->title, "info-title"));
      for (guint l = 0; section->lines[l] != NULL; l++)
        gtk_box_append (GTK_BOX (card), escale_wrapped_label_new (section->lines[l], "info-line"));
      gtk_box_append (GTK_BOX (column), card);
    }

  gtk_scrolled_window_set_child (self->scroller, column);
}

GType
escale_info_kind_view_type (EscaleActivity *activity)
{
  return ESCALE_TYPE_INFO_VIEW;
}
