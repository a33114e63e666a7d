/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "escale-feedback-page.h"
#include "escale-listen-button.h"

/* The optional end-of-visit questions, one tap each: "Avez-vous trouvé ce
 * que vous cherchiez ?" then the funders' age brackets. "Passer les
 * questions" skips both. Emits "answered" (satisfaction, age bracket) once;
 * the window hands the answers to the kiosk and ends the visit. "Je n'ai
 * pas fini" emits "resumed": the person goes back to what they were doing. */
struct _EscaleFeedbackPage
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkStack *stack;
  EscaleListenButton *listen_button;
  GtkLabel *satisfaction_intro;
  GtkLabel *satisfaction_question;
  GtkLabel *age_question;

  EscaleSatisfaction satisfaction;
};

enum
{
  ANSWERED,
  RESUMED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (EscaleFeedbackPage, escale_feedback_page, GTK_TYPE_WIDGET)

static void
satisfaction_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  EscaleFeedbackPage *self = ESCALE_FEEDBACK_PAGE (widget);
  int value = g_variant_get_int32 (parameter);

  if (value < ESCALE_SATISFACTION_YES || value > ESCALE_SATISFACTION_NO)
    return;
  self->satisfaction = value;
  gtk_stack_set_visible_child_name (self->stack, "age");
  escale_listen_button_screen_changed (self->listen_button);
}

static void
age_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  EscaleFeedbackPage *self = ESCALE_FEEDBACK_PAGE (widget);
  int value = g_variant_get_int32 (parameter);

  if (value < ESCALE_AGE_18_24 || value > ESCALE_AGE_DECLINED)
    return;
  g_signal_emit (self, signals[ANSWERED], 0, self->satisfaction, value);
}

static void
skip_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  g_signal_emit (widget, signals[ANSWERED], 0, ESCALE_SATISFACTION_NONE, ESCALE_AGE_NONE);
}

static void
resume_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  g_signal_emit (widget, signals[RESUMED], 0);
}

static void
escale_feedback_page_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), ESCALE_TYPE_FEEDBACK_PAGE);
  /* The box holding the questions and "Je n'ai pas fini" is not bound. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (escale_feedback_page_parent_class)->dispose (object);
}

/* "Écouter": the question on screen. */
static char *
question_text_cb (gpointer data)
{
  EscaleFeedbackPage *self = data;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "age") == 0)
    return escale_listen_join (gtk_label_get_text (self->age_question), NULL);
  return escale_listen_join (gtk_label_get_text (self->satisfaction_intro),
                             gtk_label_get_text (self->satisfaction_question), NULL);
}

static void
escale_feedback_page_class_init (EscaleFeedbackPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = escale_feedback_page_dispose;

  signals[ANSWERED] = g_signal_new ("answered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT);
  signals[RESUMED] = g_signal_new ("resumed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (ESCALE_TYPE_LISTEN_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/fr/escale/Escale/ui/escale-feedback-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EscaleFeedbackPage, stack);
  gtk_widget_class_bind_template_child (widget_class, EscaleFeedbackPage, listen_button);
  gtk_widget_class_bind_template_child (widget_class, EscaleFeedbackPage, satisfaction_intro);
  gtk_widget_class_bind_template_child (widget_class, EscaleFeedbackPage, satisfaction_question);
  gtk_widget_class_bind_template_child (widget_class, EscaleFeedbackPage, age_question);
  gtk_widget_class_install_action (widget_class, "feedback.satisfaction", "i",
                                   satisfaction_action);
  gtk_widget_class_install_action (widget_class, "feedback.age", "i", age_action);
  gtk_widget_class_install_action (widget_class, "feedback.skip", NULL, skip_action);
  gtk_widget_class_install_action (widget_class, "feedback.resume", NULL, resume_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "feedbackpage");
}

static void
escale_feedback_page_init (EscaleFeedbackPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  escale_listen_button_set_reader (self->listen_button, question_text_cb, self);
}

/* The window's voice, for the questions' "Écouter". */
void
escale_feedback_page_set_voice (EscaleFeedbackPage *self, EscaleVoice *voice)
{
  g_return_if_fail (ESCALE_IS_FEEDBACK_PAGE (self));
  escale_listen_button_set_voice (self->listen_button, voice);
}

GtkWidget *
escale_feedback_page_get_listen_button (EscaleFeedbackPage *self)
{
  g_return_val_if_fail (ESCALE_IS_FEEDBACK_PAGE (self), NULL);
  return GTK_WIDGET (self->listen_button);
}

GtkWidget *
escale_feedback_page_new (void)
{
  return g_object_new (ESCALE_TYPE_FEEDBACK_PAGE, NULL);
}

/* Back to the first question, nothing answered. */
void
escale_feedback_page_start (EscaleFeedbackPage *self)
{
  self->satisfaction = ESCALE_SATISFACTION_NONE;
  gtk_stack_set_visible_child_name (self->stack, "satisfaction");
  escale_listen_button_screen_changed (self->listen_button);
}

/* "satisfaction" or "age". */
const char *
escale_feedback_page_get_step (EscaleFeedbackPage *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}
