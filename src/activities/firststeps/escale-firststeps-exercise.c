/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "escale-firststeps-exercise.h"

/* The interface every exercise of "Premiers pas" implements, and its three
 * signals: "feedback" (text, success), "done", and "changed" (the
 * instruction or the demonstration has moved on, e.g. to the next round). */

enum
{
  FEEDBACK,
  DONE,
  CHANGED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

G_DEFINE_INTERFACE (EscaleFirststepsExercise, escale_firststeps_exercise, GTK_TYPE_WIDGET)

static void
escale_firststeps_exercise_default_init (EscaleFirststepsExerciseInterface *iface)
{
  signals[FEEDBACK] = g_signal_new ("feedback", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING,
                                    G_TYPE_BOOLEAN);
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST, 0, NULL,
                                NULL, NULL, G_TYPE_NONE, 0);
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

void
escale_firststeps_exercise_restart (EscaleFirststepsExercise *self)
{
  g_return_if_fail (ESCALE_IS_FIRSTSTEPS_EXERCISE (self));
  ESCALE_FIRSTSTEPS_EXERCISE_GET_IFACE (self)->restart (self);
}

char *
escale_firststeps_exercise_instruction (EscaleFirststepsExercise *self, gboolean touch)
{
  g_return_val_if_fail (ESCALE_IS_FIRSTSTEPS_EXERCISE (self), NULL);
  return ESCALE_FIRSTSTEPS_EXERCISE_GET_IFACE (self)->instruction (self, touch);
}

gboolean
escale_firststeps_exercise_demo (EscaleFirststepsExercise *self, EscaleFirststepsDemo *demo)
{
  g_return_val_if_fail (ESCALE_IS_FIRSTSTEPS_EXERCISE (self), FALSE);
  if (gtk_widget_get_width (GTK_WIDGET (self)) <= 0)
    return FALSE;
  return ESCALE_FIRSTSTEPS_EXERCISE_GET_IFACE (self)->demo (self, demo);
}

void
escale_firststeps_exercise_feedback (EscaleFirststepsExercise *self, const char *text,
                                     gboolean success)
{
  g_signal_emit (self, signals[FEEDBACK], 0, text, success);
}

void
escale_firststeps_exercise_done (EscaleFirststepsExercise *self)
{
  g_signal_emit (self, signals[DONE], 0);
}

void
escale_firststeps_exercise_changed (EscaleFirststepsExercise *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}
