/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "escale-firststeps-buttons.h"

/* "Les boutons de tous les écrans": copies of Aide, Accueil and J'ai fini,
 * looking like the real ones at the top of the screen, and three
 * questions: which one brings back the big buttons, which one explains,
 * which one to touch when leaving. A wrong choice is not wrong: the person
 * learns what that button does, and looks again. The copies do nothing
 * else. */

enum
{
  HELP,
  HOME,
  FINISH,
  N_BUTTONS,
};

typedef struct
{
  const char *label;
  const char *icon;
  const char *question_touch;
  const char *question_mouse;
  const char *explanation; /* what it does, said when it is touched */
} ButtonInfo;

static const ButtonInfo infos[N_BUTTONS] = {
  { N_ ("Aide"), "escale-help-symbolic",
    N_ ("Touchez le bouton qui explique l'écran quand on est perdu."),
    N_ ("Cliquez sur le bouton qui explique l'écran quand on est perdu."),
    N_ ("Celui-ci, c'est « Aide » : il explique l'écran quand on est perdu.") },
  { N_ ("Accueil"), "escale-home-symbolic",
    N_ ("Touchez le bouton qui ramène aux grands boutons du début."),
    N_ ("Cliquez sur le bouton qui ramène aux grands boutons du début."),
    N_ ("Celui-ci, c'est « Accueil » : il ramène aux grands boutons du début.") },
  { N_ ("J'ai fini"), "escale-finished-symbolic",
    N_ ("Touchez le bouton à toucher quand vous partez."),
    N_ ("Cliquez sur le bouton à toucher quand vous partez."),
    N_ ("Celui-ci, c'est « J'ai fini » : en partant, il efface tout ce que vous avez fait.") },
};

/* The order of the questions. */
static const guint asked[N_BUTTONS] = { HOME, HELP, FINISH };

struct _EscaleFirststepsButtons
{
  GtkWidget parent_instance;

  GtkWidget *box;
  GtkWidget *buttons[N_BUTTONS];
  guint round; /* 0..N_BUTTONS */
};

static void escale_firststeps_buttons_exercise_init (EscaleFirststepsExerciseInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (EscaleFirststepsButtons, escale_firststeps_buttons, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (ESCALE_TYPE_FIRSTSTEPS_EXERCISE,
                                                      escale_firststeps_buttons_exercise_init))

GtkWidget *
escale_firststeps_buttons_get_button (EscaleFirststepsButtons *self, const char *label)
{
  for (guint i = 0; i < N_BUTTONS; i++)
    if (g_str_equal (_ (infos[i].label), label))
      return self->buttons[i];
  return NULL;
}

static void
clicked_cb (GtkButton *button, EscaleFirststepsButtons *self)
{
  EscaleFirststepsExercise *exercise = ESCALE_FIRSTSTEPS_EXERCISE (self);
  guint which = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "which"));
  g_autofree char *praise = NULL;

  if (self->round >= N_BUTTONS)
    return;
  if (which != asked[self->round])
    {
      g_autofree char *hint = g_strdup_printf (_ ("%s Cherchez encore, sans vous presser."),
                                               _ (infos[which].explanation));

      escale_firststeps_exercise_feedback (exercise, hint, FALSE);
      return;
    }
  self->round++;
  if (self->round >= N_BUTTONS)
    {
      escale_firststeps_exercise_done (exercise);
      return;
    }
  praise = g_strdup_printf (_ ("Oui ! %s Il est toujours en haut de l'écran."),
                            _ (infos[which].explanation));
  escale_firststeps_exercise_feedback (exercise, praise, TRUE);
  escale_firststeps_exercise_changed (exercise);
}

static void
escale_firststeps_buttons_restart (EscaleFirststepsExercise *exercise)
{
  ESCALE_FIRSTSTEPS_BUTTONS (exercise)->round = 0;
}

static char *
escale_firststeps_buttons_instruction (EscaleFirststepsExercise *exercise, gboolean touch)
{
  EscaleFirststepsButtons *self = ESCALE_FIRSTSTEPS_BUTTONS (exercise);
  const ButtonInfo *info = &infos[asked[MIN (self->round, N_BUTTONS - 1)]];

  return g_strdup (touch ? _ (info->question_touch) : _ (info->question_mouse));
}

static gboolean
escale_firststeps_buttons_demo (EscaleFirststepsExercise *exercise, EscaleFirststepsDemo *demo)
{
  EscaleFirststepsButtons *self = ESCALE_FIRSTSTEPS_BUTTONS (exercise);
  graphene_rect_t bounds;

  if (self->round >= N_BUTTONS ||
      !gtk_widget_compute_bounds (self->buttons[asked[self->round]], GTK_WIDGET (self), &bounds))
    return FALSE;
  demo->kind = ESCALE_FIRSTSTEPS_DEMO_TAP;
  graphene_rect_get_center (&bounds, &demo->to);
  demo->from = GRAPHENE_POINT_INIT (demo->to.x + 40, demo->to.y + 120);
  return TRUE;
}

static void
escale_firststeps_buttons_exercise_init (EscaleFirststepsExerciseInterface *iface)
{
  iface->restart = escale_firststeps_buttons_restart;
  iface->instruction = escale_firststeps_buttons_instruction;
  iface->demo = escale_firststeps_buttons_demo;
}

static void
escale_firststeps_buttons_dispose (GObject *object)
{
  g_clear_pointer (&ESCALE_FIRSTSTEPS_BUTTONS (object)->box, gtk_widget_unparent);
  G_OBJECT_CLASS (escale_firststeps_buttons_parent_class)->dispose (object);
}

static void
escale_firststeps_buttons_class_init (EscaleFirststepsButtonsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = escale_firststeps_buttons_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "firststepsbuttons");
}

/* The same look as the top bar's (style.css's bar-button, finish-button). */
static GtkWidget *
copy_new (guint which)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *image = gtk_image_new_from_icon_name (infos[which].icon);

  gtk_image_set_pixel_size (GTK_IMAGE (image), 40);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), gtk_label_new (_ (infos[which].label)));
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "bar-button");
  if (which == FINISH)
    gtk_widget_add_css_class (button, "finish-button");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ (infos[which].label), -1);
  g_object_set_data (G_OBJECT (button), "which", GUINT_TO_POINTER (which));
  return button;
}

static void
escale_firststeps_buttons_init (EscaleFirststepsButtons *self)
{
  self->box = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->box), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->box), 3);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->box), 24);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (self->box), 24);
  gtk_widget_set_valign (self->box, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  for (guint i = 0; i < N_BUTTONS; i++)
    {
      self->buttons[i] = copy_new (i);
      g_signal_connect (self->buttons[i], "clicked", G_CALLBACK (clicked_cb), self);
      gtk_flow_box_append (GTK_FLOW_BOX (self->box), self->buttons[i]);
    }
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
}

GtkWidget *
escale_firststeps_buttons_new (void)
{
  return g_object_new (ESCALE_TYPE_FIRSTSTEPS_BUTTONS, NULL);
}
