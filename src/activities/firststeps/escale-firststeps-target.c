/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "escale-firststeps-target.h"

/* "Touchez le rond bleu" (presses = 1) and "Touchez deux fois l'album"
 * (presses = 2): a big target, drawn with cairo, that moves and gets a
 * little smaller after each success, never after a miss. */

#define ROUNDS 3
#define MIN_SIZE 110.0

struct _EscaleFirststepsTarget
{
  GtkWidget parent_instance;

  guint presses;
  guint round;     /* 0..ROUNDS */
  guint level;     /* successes so far: the target shrinks with them */
  gboolean opened; /* the album, just after a double touch */
  guint single_id; /* a single touch on the album: hint when no second comes */
};

static void escale_firststeps_target_exercise_init (EscaleFirststepsExerciseInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (EscaleFirststepsTarget, escale_firststeps_target, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (ESCALE_TYPE_FIRSTSTEPS_EXERCISE,
                                                      escale_firststeps_target_exercise_init))

static const double places[ROUNDS][2] = { { 0.5, 0.5 }, { 0.28, 0.42 }, { 0.72, 0.58 } };

/* Where the target is now, in the widget's coordinates. */
void
escale_firststeps_target_get_area (EscaleFirststepsTarget *self, graphene_rect_t *area)
{
  double w = gtk_widget_get_width (GTK_WIDGET (self));
  double h = gtk_widget_get_height (GTK_WIDGET (self));
  double size = MAX (MIN_SIZE, MIN (w, h) * 0.75 * (1.0 - 0.18 * MIN (self->level, 3)));
  const double *place = places[MIN (self->round, ROUNDS - 1)];
  double x = CLAMP (w * place[0] - size / 2, 0, MAX (0, w - size));
  double y = CLAMP (h * place[1] - size / 2, 0, MAX (0, h - size));

  graphene_rect_init (area, x, y, size, size);
}

guint
escale_firststeps_target_get_round (EscaleFirststepsTarget *self)
{
  return self->round;
}

static void
draw_album (cairo_t *cr, const graphene_rect_t *a, gboolean opened)
{
  double x = a->origin.x, y = a->origin.y, s = a->size.width;

  /* a folder: a tab, a body, and when opened a picture coming out */
  cairo_set_source_rgb (cr, 0.545, 0.165, 0.043);
  cairo_rectangle (cr, x + s * 0.08, y + s * 0.16, s * 0.36, s * 0.14);
  cairo_fill (cr);
  if (opened)
    {
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_rectangle (cr, x + s * 0.18, y + s * 0.08, s * 0.64, s * 0.5);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0.910, 0.635, 0.0);
      cairo_arc (cr, x + s * 0.62, y + s * 0.24, s * 0.08, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  cairo_set_source_rgb (cr, 0.545, 0.165, 0.043);
  cairo_rectangle (cr, x + s * 0.08, y + s * 0.28, s * 0.84, s * 0.56);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, MAX (3, s * 0.03));
  cairo_rectangle (cr, x + s * 0.16, y + s * 0.36, s * 0.68, s * 0.4);
  cairo_stroke (cr);
}

static void
draw_round (cairo_t *cr, const graphene_rect_t *a)
{
  double cx = a->origin.x + a->size.width / 2, cy = a->origin.y + a->size.height / 2;
  double r = a->size.width / 2;

  cairo_set_source_rgb (cr, 0.043, 0.239, 0.569);
  cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, MAX (4, r * 0.08));
  cairo_arc (cr, cx, cy, r * 0.62, 0, 2 * G_PI);
  cairo_stroke (cr);
  cairo_arc (cr, cx, cy, r * 0.2, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
escale_firststeps_target_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  EscaleFirststepsTarget *self = ESCALE_FIRSTSTEPS_TARGET (widget);
  graphene_rect_t bounds, area;
  cairo_t *cr;

  if (self->round >= ROUNDS && !self->opened)
    return;
  graphene_rect_init (&bounds, 0, 0, gtk_widget_get_width (widget),
                      gtk_widget_get_height (widget));
  escale_firststeps_target_get_area (self, &area);
  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  if (self->presses == 2)
    draw_album (cr, &area, self->opened);
  else
    draw_round (cr, &area);
  cairo_destroy (cr);
}

static gboolean
single_touch_cb (gpointer user_data)
{
  EscaleFirststepsTarget *self = user_data;

  self->single_id = 0;
  escale_firststeps_exercise_feedback (ESCALE_FIRSTSTEPS_EXERCISE (self),
                                       _ ("Presque ! Touchez deux fois de suite, bien vite, "
                                          "sans bouger entre les deux."),
                                       FALSE);
  return G_SOURCE_REMOVE;
}

static void
succeed (EscaleFirststepsTarget *self)
{
  EscaleFirststepsExercise *exercise = ESCALE_FIRSTSTEPS_EXERCISE (self);

  self->round++;
  self->level++;
  self->opened = self->presses == 2;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (self->round >= ROUNDS)
    {
      escale_firststeps_exercise_done (exercise);
      return;
    }
  escale_firststeps_exercise_feedback (exercise,
                                       self->presses == 2
                                         ? _ ("Bravo, l'album s'est ouvert ! Encore une fois.")
                                         : _ ("Bravo ! Le rond a bougé : touchez-le encore."),
                                       TRUE);
  escale_firststeps_exercise_changed (exercise);
}

static void
pressed_cb (GtkGestureClick *gesture, int n_press, double x, double y,
            EscaleFirststepsTarget *self)
{
  graphene_rect_t area;
  graphene_point_t point = GRAPHENE_POINT_INIT (x, y);

  if (self->round >= ROUNDS)
    return;
  escale_firststeps_target_get_area (self, &area);
  if (!graphene_rect_contains_point (&area, &point))
    {
      escale_firststeps_exercise_feedback (ESCALE_FIRSTSTEPS_EXERCISE (self),
                                           self->presses == 2
                                             ? _ ("L'album est un peu plus loin : visez son "
                                                  "milieu.")
                                             : _ ("Le rond est un peu plus loin : visez son "
                                                  "milieu."),
                                           FALSE);
      return;
    }
  g_clear_handle_id (&self->single_id, g_source_remove);
  if ((guint) n_press == self->presses)
    succeed (self);
  else if (n_press == 1)
    {
      int delay = 400;

      g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-double-click-time", &delay,
                    NULL);
      self->single_id = g_timeout_add (delay + 200, single_touch_cb, self);
    }
}

static void
escale_firststeps_target_restart (EscaleFirststepsExercise *exercise)
{
  EscaleFirststepsTarget *self = ESCALE_FIRSTSTEPS_TARGET (exercise);

  g_clear_handle_id (&self->single_id, g_source_remove);
  self->round = 0;
  self->opened = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static char *
escale_firststeps_target_instruction (EscaleFirststepsExercise *exercise, gboolean touch)
{
  EscaleFirststepsTarget *self = ESCALE_FIRSTSTEPS_TARGET (exercise);

  if (self->presses == 2)
    return g_strdup (touch ? _ ("Touchez deux fois, bien vite, l'album marron pour l'ouvrir.")
                           : _ ("Cliquez deux fois, bien vite, sur l'album marron pour "
                                "l'ouvrir."));
  return g_strdup (touch ? _ ("Touchez le rond bleu avec le bout du doigt.")
                         : _ ("Posez la flèche sur le rond bleu, puis cliquez avec le bouton "
                              "de gauche."));
}

static gboolean
escale_firststeps_target_demo (EscaleFirststepsExercise *exercise, EscaleFirststepsDemo *demo)
{
  EscaleFirststepsTarget *self = ESCALE_FIRSTSTEPS_TARGET (exercise);
  graphene_rect_t area;

  if (self->round >= ROUNDS)
    return FALSE;
  escale_firststeps_target_get_area (self, &area);
  demo->kind = self->presses == 2 ? ESCALE_FIRSTSTEPS_DEMO_DOUBLE_TAP : ESCALE_FIRSTSTEPS_DEMO_TAP;
  graphene_rect_get_center (&area, &demo->to);
  demo->from =
    GRAPHENE_POINT_INIT (demo->to.x + area.size.width * 0.6, demo->to.y + area.size.height * 0.6);
  return TRUE;
}

static void
escale_firststeps_target_exercise_init (EscaleFirststepsExerciseInterface *iface)
{
  iface->restart = escale_firststeps_target_restart;
  iface->instruction = escale_firststeps_target_instruction;
  iface->demo = escale_firststeps_target_demo;
}

static void
escale_firststeps_target_dispose (GObject *object)
{
  g_clear_handle_id (&ESCALE_FIRSTSTEPS_TARGET (object)->single_id, g_source_remove);
  G_OBJECT_CLASS (escale_firststeps_target_parent_class)->dispose (object);
}

static void
escale_firststeps_target_class_init (EscaleFirststepsTargetClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = escale_firststeps_target_dispose;
  GTK_WIDGET_CLASS (klass)->snapshot = escale_firststeps_target_snapshot;
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "firststepstarget");
}

static void
escale_firststeps_target_init (EscaleFirststepsTarget *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (click), FALSE);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self), 200, 140);
}

GtkWidget *
escale_firststeps_target_new (guint presses)
{
  EscaleFirststepsTarget *self = g_object_new (ESCALE_TYPE_FIRSTSTEPS_TARGET, NULL);

  self->presses = CLAMP (presses, 1, 2);
  return GTK_WIDGET (self);
}
