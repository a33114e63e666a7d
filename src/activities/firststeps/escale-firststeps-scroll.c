/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "escale-firststeps-scroll.h"
#include "escale-ui-util.h"

/* "Faites descendre la page": a page longer than the screen, a list of
 * good things of the Périgord with a surprise at the bottom. First down to
 * the bottom, then back up to the top. A finger pushes the page, a mouse
 * turns its wheel; both work, and so does the scrollbar. */

struct _EscaleFirststepsScroll
{
  GtkWidget parent_instance;

  GtkWidget *scroller;
  gboolean going_up; /* the second round: back to the top */
  gboolean finished;
};

static void escale_firststeps_scroll_exercise_init (EscaleFirststepsExerciseInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (EscaleFirststepsScroll, escale_firststeps_scroll, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (ESCALE_TYPE_FIRSTSTEPS_EXERCISE,
                                                      escale_firststeps_scroll_exercise_init))

GtkAdjustment *
escale_firststeps_scroll_get_adjustment (EscaleFirststepsScroll *self)
{
  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
}

GtkWidget *
escale_firststeps_scroll_get_scroller (EscaleFirststepsScroll *self)
{
  return self->scroller;
}

gboolean
escale_firststeps_scroll_going_down (EscaleFirststepsScroll *self)
{
  return !self->going_up && !self->finished;
}

static void
value_changed_cb (GtkAdjustment *adj, EscaleFirststepsScroll *self)
{
  double value = gtk_adjustment_get_value (adj);
  double max = gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj);

  if (self->finished || max < 1)
    return;
  if (!self->going_up && value >= max - 2)
    {
      self->going_up = TRUE;
      escale_firststeps_exercise_feedback (ESCALE_FIRSTSTEPS_EXERCISE (self),
                                           _ ("Bravo, vous êtes tout en bas ! Maintenant, "
                                              "remontez tout en haut."),
                                           TRUE);
      escale_firststeps_exercise_changed (ESCALE_FIRSTSTEPS_EXERCISE (self));
    }
  else if (self->going_up && value <= 2)
    {
      self->finished = TRUE;
      escale_firststeps_exercise_done (ESCALE_FIRSTSTEPS_EXERCISE (self));
    }
}

static void
escale_firststeps_scroll_restart (EscaleFirststepsExercise *exercise)
{
  EscaleFirststepsScroll *self = ESCALE_FIRSTSTEPS_SCROLL (exercise);

  self->going_up = FALSE;
  self->finished = FALSE;
  gtk_adjustment_set_value (escale_firststeps_scroll_get_adjustment (self), 0);
}

static char *
escale_firststeps_scroll_instruction (EscaleFirststepsExercise *exercise, gboolean touch)
{
  EscaleFirststepsScroll *self = ESCALE_FIRSTSTEPS_SCROLL (exercise);

  if (self->going_up)
    return g_strdup (touch ? _ ("Posez le doigt sur la page et poussez-la vers le bas pour "
                                "remonter tout en haut.")
                           : _ ("Tournez la petite roue de la souris vers l'écran pour remonter "
                                "tout en haut."));
  return g_strdup (touch ? _ ("Posez le doigt sur la page et poussez-la vers le haut pour voir "
                              "la suite, jusqu'en bas.")
                         : _ ("Tournez la petite roue de la souris vers vous pour descendre "
                              "jusqu'en bas de la page."));
}

static gboolean
escale_firststeps_scroll_demo (EscaleFirststepsExercise *exercise, EscaleFirststepsDemo *demo)
{
  EscaleFirststepsScroll *self = ESCALE_FIRSTSTEPS_SCROLL (exercise);
  double w = gtk_widget_get_width (GTK_WIDGET (self));
  double h = gtk_widget_get_height (GTK_WIDGET (self));
  double low = h * 0.75, high = h * 0.25;

  if (self->finished)
    return FALSE;
  demo->kind = ESCALE_FIRSTSTEPS_DEMO_SCROLL;
  demo->from = GRAPHENE_POINT_INIT (w * 0.5, self->going_up ? high : low);
  demo->to = GRAPHENE_POINT_INIT (w * 0.5, self->going_up ? low : high);
  return TRUE;
}

static void
escale_firststeps_scroll_exercise_init (EscaleFirststepsExerciseInterface *iface)
{
  iface->restart = escale_firststeps_scroll_restart;
  iface->instruction = escale_firststeps_scroll_instruction;
  iface->demo = escale_firststeps_scroll_demo;
}

static void
escale_firststeps_scroll_dispose (GObject *object)
{
  g_clear_pointer (&ESCALE_FIRSTSTEPS_SCROLL (object)->scroller, gtk_widget_unparent);
  G_OBJECT_CLASS (escale_firststeps_scroll_parent_class)->dispose (object);
}

static void
escale_firststeps_scroll_class_init (EscaleFirststepsScrollClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = escale_firststeps_scroll_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "firststepsscroll");
}

static void
escale_firststeps_scroll_init (EscaleFirststepsScroll *self)
{
  const char *lines[] = {
    N_ ("Tout en haut de la page"),       N_ ("Les noix du Périgord"),
    N_ ("Les fraises de Vergt"),          N_ ("Les cèpes des sous-bois"),
    N_ ("Les châtaignes d'automne"),      N_ ("Les marchés de Sarlat"),
    N_ ("Les gabares sur la Dordogne"),   N_ ("Les châteaux de Beynac et de Castelnaud"),
    N_ ("Les cabanes en pierre sèche"),   N_ ("La grotte de Lascaux"),
    N_ ("Les villages au bord de l'eau"), N_ ("Les fêtes de village en été"),
  };
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 16);

  gtk_widget_add_css_class (column, "firststeps-page");
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    gtk_box_append (GTK_BOX (column), escale_wrapped_label_new (_ (lines[i]), "firststeps-line"));
  gtk_box_append (GTK_BOX (column),
                  escale_wrapped_label_new (_ ("Tout en bas : bravo, vous y êtes !"),
                                            "firststeps-bottom"));
  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_ALWAYS);
  gtk_scrolled_window_set_overlay_scrolling (GTK_SCROLLED_WINDOW (self->scroller), FALSE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), column);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self), 200, 140);
  g_signal_connect_object (escale_firststeps_scroll_get_adjustment (self), "value-changed",
                           G_CALLBACK (value_changed_cb), self, 0);
}

GtkWidget *
escale_firststeps_scroll_new (void)
{
  return g_object_new (ESCALE_TYPE_FIRSTSTEPS_SCROLL, NULL);
}
