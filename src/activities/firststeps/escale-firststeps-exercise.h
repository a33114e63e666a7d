/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ESCALE_TYPE_FIRSTSTEPS_EXERCISE (escale_firststeps_exercise_get_type ())
G_DECLARE_INTERFACE (EscaleFirststepsExercise, escale_firststeps_exercise, ESCALE,
                     FIRSTSTEPS_EXERCISE, GtkWidget)

/* What the demonstration hand shows: a gesture from @from to @to, in the
 * exercise's own coordinates. */
typedef enum
{
  ESCALE_FIRSTSTEPS_DEMO_TAP,
  ESCALE_FIRSTSTEPS_DEMO_DOUBLE_TAP,
  ESCALE_FIRSTSTEPS_DEMO_DRAG,
  ESCALE_FIRSTSTEPS_DEMO_SCROLL, /* a swipe with a finger, the wheel with a mouse */
} EscaleFirststepsDemoKind;

typedef struct
{
  EscaleFirststepsDemoKind kind;
  graphene_point_t from;
  graphene_point_t to;
} EscaleFirststepsDemo;

/* One exercise of "Premiers pas": a widget that knows its instruction (in
 * touch or mouse words), shows a demonstration, and tells the view how the
 * person does ("feedback", a warm sentence; "done", the skill is there).
 * Nothing fails: there is no wrong answer, only a hint. */
struct _EscaleFirststepsExerciseInterface
{
  GTypeInterface parent_iface;

  /* Back to the beginning of the exercise; what the person achieved
   * (smaller targets) stays. */
  void (*restart) (EscaleFirststepsExercise *self);
  /* One sentence, "Touchez..." when @touch, "Cliquez..." otherwise. */
  char *(*instruction) (EscaleFirststepsExercise *self, gboolean touch);
  /* What the hand shows now; FALSE when nothing (the widget is not laid out). */
  gboolean (*demo) (EscaleFirststepsExercise *self, EscaleFirststepsDemo *demo);
};

void escale_firststeps_exercise_restart (EscaleFirststepsExercise *self);
char *escale_firststeps_exercise_instruction (EscaleFirststepsExercise *self, gboolean touch);
gboolean escale_firststeps_exercise_demo (EscaleFirststepsExercise *self,
                                          EscaleFirststepsDemo *demo);

/* for implementations */
void escale_firststeps_exercise_feedback (EscaleFirststepsExercise *self, const char *text,
                                          gboolean success);
void escale_firststeps_exercise_done (EscaleFirststepsExercise *self);
void escale_firststeps_exercise_changed (EscaleFirststepsExercise *self);

G_END_DECLS
