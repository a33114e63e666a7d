/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-demarches"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "escale-demarches-kind.h"
#include "escale-document-output-chooser.h"
#include "escale-form-check.h"
#include "escale-form-document.h"
#include "escale-form-flow.h"
#include "escale-form-question-view.h"
#include "escale-ui-util.h"

typedef enum
{
  SCREEN_INTRO,
  SCREEN_QUESTION,
  SCREEN_SUMMARY,
  SCREEN_OUTPUT,
} Screen;

static const char *const screen_names[] = { "intro", "question", "summary", "output" };

struct _EscaleFormFlow
{
  GtkBox parent_instance;

  /* owned */
  EscaleFormDefinition *definition;
  EscaleVisit *visit; /* nullable */
  EscaleDocumentOutput *output;
  EscaleDocument *document; /* the output screen's */
  GHashTable *answers;      /* id -> checked answer */
  GHashTable *drafts;       /* id -> what was typed when the person left the question */
  GArray *path;             /* of guint: the questions asked, the current one last */
  char *wiper_name;
  GDate today;
  Screen screen;
  gboolean counted;

  /* widgets */
  GtkStack *stack;
  GtkWidget *question_holder;
  EscaleFormQuestionView *question; /* the current one, or NULL */
  GtkLabel *progress;
  GtkWidget *summary_list;
  GtkWidget *output_holder;
  GtkWidget *back_button;
  GtkWidget *next_button;
  GtkLabel *next_label;
};

G_DEFINE_FINAL_TYPE (EscaleFormFlow, escale_form_flow, GTK_TYPE_BOX)

enum
{
  SIGNAL_FINISHED,
  SIGNAL_CANCELLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Strings the person typed are zeroed before they are freed. */
static void
secret_free (gpointer data)
{
  char *text = data;

  if (text != NULL)
    memset (text, 0, strlen (text));
  g_free (text);
}

static const EscaleFormQuestion *
current_question (EscaleFormFlow *self)
{
  if (self->screen != SCREEN_QUESTION || self->path->len == 0)
    return NULL;
  return escale_form_definition_get_question (self->definition,
                                              g_array_index (self->path, guint,
                                                             self->path->len - 1));
}

static void
set_next (EscaleFormFlow *self, const char *label, gboolean visible)
{
  gtk_label_set_text (self->next_label, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->next_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_visible (self->next_button, visible);
}

static void
show_screen (EscaleFormFlow *self, Screen screen)
{
  self->screen = screen;
  if (screen != SCREEN_QUESTION)
    gtk_label_set_text (self->progress, "");
  gtk_stack_set_visible_child_name (self->stack, screen_names[screen]);
  switch (screen)
    {
    case SCREEN_INTRO:
      set_next (self, _ ("Commencer"), TRUE);
      break;
    case SCREEN_QUESTION:
      set_next (self, _ ("Suivant"), TRUE);
      break;
    case SCREEN_SUMMARY:
      set_next (self, _ ("C'est bon, préparer le document"), TRUE);
      break;
    case SCREEN_OUTPUT:
      set_next (self, _ ("J'ai terminé"), self->counted);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Keeps what is typed on the current question, checked or not, so that
 * nothing is lost by going back and forth. */
static void
keep_draft (EscaleFormFlow *self)
{
  const EscaleFormQuestion *q = current_question (self);

  if (q != NULL && self->question != NULL)
    g_hash_table_insert (self->drafts, g_strdup (q->id),
                         escale_form_question_view_get_input (self->question));
}

static void question_activate_cb (EscaleFormFlow *self);

static void
show_question (EscaleFormFlow *self, guint index)
{
  const EscaleFormQuestion *q = escale_form_definition_get_question (self->definition, index);
  const char *shown = g_hash_table_lookup (self->drafts, q->id);
  g_autofree char *progress = NULL;
  GtkWidget *view;

  if (shown == NULL)
    shown = g_hash_table_lookup (self->answers, q->id);
  if (self->question != NULL)
    gtk_box_remove (GTK_BOX (self->question_holder), GTK_WIDGET (self->question));
  view = escale_form_question_view_new (self->definition, index, shown);
  g_signal_connect_swapped (view, "activate", G_CALLBACK (question_activate_cb), self);
  self->question = ESCALE_FORM_QUESTION_VIEW (view);
  gtk_box_append (GTK_BOX (self->question_holder), view);
  progress = g_strdup_printf (_ ("Question %u"), self->path->len);
  gtk_label_set_text (self->progress, progress);
  show_screen (self, SCREEN_QUESTION);
}

/* The answers of the questions on the way through, the others left out. */
static GHashTable *
answers_on_path (EscaleFormFlow *self)
{
  GHashTable *answers = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->path->len; i++)
    {
      const EscaleFormQuestion *q =
        escale_form_definition_get_question (self->definition,
                                             g_array_index (self->path, guint, i));
      const char *answer = g_hash_table_lookup (self->answers, q->id);

      if (answer != NULL)
        g_hash_table_insert (answers, q->id, (gpointer) answer);
    }
  return answers;
}

static void
modify_clicked_cb (GtkButton *button, EscaleFormFlow *self)
{
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "position"));
  guint index = g_array_index (self->path, guint, position);

  g_array_set_size (self->path, position + 1);
  show_question (self, index);
}

static GtkWidget *
summary_row_new (EscaleFormFlow *self, const EscaleFormQuestion *q, const char *answer,
                 guint position)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *modify = escale_big_button_new (NULL, _ ("Modifier"));
  g_autofree char *name = g_strdup_printf (_ ("Modifier : %s"), q->short_label);

  gtk_widget_add_css_class (row, "form-summary-row");
  gtk_box_append (GTK_BOX (texts),
                  escale_wrapped_label_new (q->short_label, "form-summary-label"));
  gtk_box_append (GTK_BOX (texts),
                  escale_wrapped_label_new (answer[0] != '\0' ? answer : _ ("(pas de réponse)"),
                                            "form-summary-value"));
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (row), texts);
  g_object_set_data (G_OBJECT (modify), "position", GUINT_TO_POINTER (position));
  gtk_accessible_update_property (GTK_ACCESSIBLE (modify), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  gtk_widget_set_valign (modify, GTK_ALIGN_CENTER);
  g_signal_connect (modify, "clicked", G_CALLBACK (modify_clicked_cb), self);
  gtk_box_append (GTK_BOX (row), modify);
  return row;
}

static void
show_summary (EscaleFormFlow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->summary_list)) != NULL)
    gtk_box_remove (GTK_BOX (self->summary_list), child);
  for (guint i = 0; i < self->path->len; i++)
    {
      const EscaleFormQuestion *q =
        escale_form_definition_get_question (self->definition,
                                             g_array_index (self->path, guint, i));

      gtk_box_append (GTK_BOX (self->summary_list),
                      summary_row_new (self, q, g_hash_table_lookup (self->answers, q->id), i));
    }
  if (self->question != NULL)
    {
      gtk_box_remove (GTK_BOX (self->question_holder), GTK_WIDGET (self->question));
      self->question = NULL;
    }
  show_screen (self, SCREEN_SUMMARY);
}

static void
output_done_cb (EscaleFormFlow *self, gboolean printed)
{
  if (!self->counted)
    {
      self->counted = TRUE;
      if (self->visit != NULL)
        escale_demarches_count (self->visit, "forms-completed",
                                escale_form_definition_get_category (self->definition), 1);
    }
  set_next (self, _ ("J'ai terminé"), TRUE);
}

static void
show_output (EscaleFormFlow *self)
{
  g_autoptr(GHashTable) answers = answers_on_path (self);
  GtkWidget *child;
  GtkWidget *chooser;

  while ((child = gtk_widget_get_first_child (self->output_holder)) != NULL)
    gtk_box_remove (GTK_BOX (self->output_holder), child);
  g_clear_object (&self->document);
  self->document = escale_form_document_new (self->definition, answers);
  chooser = escale_document_output_chooser_new (self->output, self->document);
  g_signal_connect_swapped (chooser, "done", G_CALLBACK (output_done_cb), self);
  gtk_box_append (GTK_BOX (self->output_holder), chooser);
  show_screen (self, SCREEN_OUTPUT);
}

/* "Suivant" on a question: the answer is checked; a kind message next to
 * the field, or the next question (or the summary). */
static void
answer_question (EscaleFormFlow *self)
{
  const EscaleFormQuestion *q = current_question (self);
  guint index = g_array_index (self->path, guint, self->path->len - 1);
  g_autofree char *input = escale_form_question_view_get_input (self->question);
  g_autofree char *value = NULL;
  g_autofree char *message = NULL;
  int next;

  if (!escale_form_check (q, self->definition, input, &self->today, &value, &message))
    {
      escale_form_question_view_set_message (self->question, message);
      return;
    }
  keep_draft (self);
  g_hash_table_insert (self->answers, g_strdup (q->id), g_steal_pointer (&value));
  next = escale_form_definition_next (self->definition, index,
                                      g_hash_table_lookup (self->answers, q->id));
  if (next < 0)
    {
      show_summary (self);
      return;
    }
  g_array_append_val (self->path, next);
  show_question (self, next);
}

static void
question_activate_cb (EscaleFormFlow *self)
{
  if (self->screen == SCREEN_QUESTION)
    answer_question (self);
}

static void
next_clicked_cb (EscaleFormFlow *self)
{
  guint first = 0;

  switch (self->screen)
    {
    case SCREEN_INTRO:
      g_array_set_size (self->path, 0);
      g_array_append_val (self->path, first);
      show_question (self, first);
      break;
    case SCREEN_QUESTION:
      answer_question (self);
      break;
    case SCREEN_SUMMARY:
      show_output (self);
      break;
    case SCREEN_OUTPUT:
      g_signal_emit (self, signals[SIGNAL_FINISHED], 0);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Drops every answer and goes back to the first screen. */
static void
forget (EscaleFormFlow *self)
{
  GtkWidget *child;

  if (self->question != NULL)
    {
      escale_form_question_view_clear (self->question);
      gtk_box_remove (GTK_BOX (self->question_holder), GTK_WIDGET (self->question));
      self->question = NULL;
    }
  while ((child = gtk_widget_get_first_child (self->summary_list)) != NULL)
    gtk_box_remove (GTK_BOX (self->summary_list), child);
  while ((child = gtk_widget_get_first_child (self->output_holder)) != NULL)
    gtk_box_remove (GTK_BOX (self->output_holder), child);
  if (self->document != NULL)
    escale_document_clear (self->document);
  g_clear_object (&self->document);
  g_hash_table_remove_all (self->answers);
  g_hash_table_remove_all (self->drafts);
  g_array_set_size (self->path, 0);
  self->counted = FALSE;
  show_screen (self, SCREEN_INTRO);
}

static void
back_clicked_cb (EscaleFormFlow *self)
{
  switch (self->screen)
    {
    case SCREEN_INTRO:
      forget (self);
      g_signal_emit (self, signals[SIGNAL_CANCELLED], 0);
      break;
    case SCREEN_QUESTION:
      keep_draft (self);
      g_array_set_size (self->path, self->path->len - 1);
      if (self->path->len == 0)
        show_screen (self, SCREEN_INTRO);
      else
        show_question (self, g_array_index (self->path, guint, self->path->len - 1));
      break;
    case SCREEN_SUMMARY:
      show_question (self, g_array_index (self->path, guint, self->path->len - 1));
      break;
    case SCREEN_OUTPUT:
      show_summary (self);
      break;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
wipe_cb (gpointer user_data, GError **error)
{
  forget (ESCALE_FORM_FLOW (user_data));
  return TRUE;
}

static GtkWidget *
build_intro (EscaleFormFlow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  const char *intro = escale_form_definition_get_intro (self->definition);

  gtk_box_append (GTK_BOX (box),
                  escale_wrapped_label_new (escale_form_definition_get_title (self->definition),
                                            "form-title"));
  if (intro != NULL)
    gtk_box_append (GTK_BOX (box), escale_wrapped_label_new (intro, "message-text"));
  gtk_box_append (GTK_BOX (box),
                  escale_wrapped_label_new (_ ("Une question à la fois. Vous pouvez toujours "
                                               "revenir en arrière avec « Précédent ». Rien "
                                               "n'est gardé sur cet ordinateur."),
                                            "message-text"));
  return box;
}

static GtkWidget *
build_summary (EscaleFormFlow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 16);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_box_append (GTK_BOX (box),
                  escale_wrapped_label_new (_ ("Vérifiez vos réponses"), "form-title"));
  gtk_box_append (GTK_BOX (box),
                  escale_wrapped_label_new (_ ("Touchez « Modifier » pour changer une réponse."),
                                            "message-text"));
  self->summary_list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->summary_list);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_overlay_scrolling (GTK_SCROLLED_WINDOW (scrolled), FALSE);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  return box;
}

/* A screen whose words may be longer than the room left at 1024x768 with
 * large text: it never pushes the window's bars away; "Précédent" and the
 * next step stay in sight below it. */
static GtkWidget *
scrolled_new (GtkWidget *child)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), child);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_overlay_scrolling (GTK_SCROLLED_WINDOW (scrolled), FALSE);
  gtk_widget_set_vexpand (scrolled, TRUE);
  return scrolled;
}

static void
build (EscaleFormFlow *self)
{
  GtkWidget *question = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *nav = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack, scrolled_new (build_intro (self)), "intro");
  self->question_holder = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (question), self->question_holder);
  gtk_stack_add_named (self->stack, scrolled_new (question), "question");
  gtk_stack_add_named (self->stack, build_summary (self), "summary");
  self->output_holder = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_stack_add_named (self->stack, scrolled_new (self->output_holder), "output");
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->stack));

  gtk_widget_add_css_class (nav, "form-nav");
  self->back_button = escale_big_button_new ("escale-back-symbolic", _ ("Précédent"));
  gtk_widget_remove_css_class (self->back_button, "big-button");
  gtk_widget_add_css_class (self->back_button, "form-nav-button");
  g_signal_connect_swapped (self->back_button, "clicked", G_CALLBACK (back_clicked_cb), self);
  gtk_box_append (GTK_BOX (nav), self->back_button);
  /* Where the person is, between the way back and the way on. */
  self->progress = GTK_LABEL (gtk_label_new (""));
  gtk_widget_add_css_class (GTK_WIDGET (self->progress), "form-progress");
  gtk_widget_set_hexpand (GTK_WIDGET (self->progress), TRUE);
  gtk_box_append (GTK_BOX (nav), GTK_WIDGET (self->progress));
  self->next_button = gtk_button_new ();
  self->next_label = GTK_LABEL (gtk_label_new (""));
  gtk_label_set_wrap (self->next_label, TRUE);
  gtk_button_set_child (GTK_BUTTON (self->next_button), GTK_WIDGET (self->next_label));
  gtk_widget_add_css_class (self->next_button, "form-nav-button");
  gtk_widget_add_css_class (self->next_button, "suggested");
  g_signal_connect_swapped (self->next_button, "clicked", G_CALLBACK (next_clicked_cb), self);
  gtk_box_append (GTK_BOX (nav), self->next_button);
  gtk_box_append (GTK_BOX (self), nav);
}

static void
escale_form_flow_dispose (GObject *object)
{
  EscaleFormFlow *self = ESCALE_FORM_FLOW (object);

  if (self->visit != NULL && self->wiper_name != NULL)
    escale_visit_remove_wiper (self->visit, self->wiper_name);
  if (self->answers != NULL)
    forget (self);
  g_clear_pointer (&self->answers, g_hash_table_unref);
  g_clear_pointer (&self->drafts, g_hash_table_unref);
  g_clear_pointer (&self->path, g_array_unref);
  g_clear_pointer (&self->wiper_name, g_free);
  g_clear_object (&self->document);
  g_clear_object (&self->definition);
  g_clear_object (&self->visit);
  g_clear_object (&self->output);
  G_OBJECT_CLASS (escale_form_flow_parent_class)->dispose (object);
}

static void
escale_form_flow_class_init (EscaleFormFlowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = escale_form_flow_dispose;

  signals[SIGNAL_FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_CANCELLED] = g_signal_new ("cancelled", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                            0);
}

static void
escale_form_flow_init (EscaleFormFlow *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 16);
  gtk_widget_add_css_class (GTK_WIDGET (self), "form-flow");
  self->answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, secret_free);
  self->drafts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, secret_free);
  self->path = g_array_new (FALSE, FALSE, sizeof (guint));
  g_date_clear (&self->today, 1);
  g_date_set_time_t (&self->today, time (NULL));
}

GtkWidget *
escale_form_flow_new (EscaleFormDefinition *definition, EscaleVisit *visit,
                      EscaleDocumentOutput *output)
{
  static guint serial;
  EscaleFormFlow *self;

  g_return_val_if_fail (ESCALE_IS_FORM_DEFINITION (definition), NULL);
  g_return_val_if_fail (visit == NULL || ESCALE_IS_VISIT (visit), NULL);
  g_return_val_if_fail (ESCALE_IS_DOCUMENT_OUTPUT (output), NULL);

  self = g_object_new (ESCALE_TYPE_FORM_FLOW, NULL);
  self->definition = g_object_ref (definition);
  self->visit = visit != NULL ? g_object_ref (visit) : NULL;
  self->output = g_object_ref (output);
  build (self);
  show_screen (self, SCREEN_INTRO);
  if (self->visit != NULL)
    {
      /* What is typed is the wiper's data: it goes with the visit. */
      self->wiper_name = g_strdup_printf ("demarches-form-%u", ++serial);
      escale_visit_add_wiper (self->visit, self->wiper_name, wipe_cb, self, NULL);
    }
  return GTK_WIDGET (self);
}

const char *
escale_form_flow_get_screen (EscaleFormFlow *self)
{
  g_return_val_if_fail (ESCALE_IS_FORM_FLOW (self), NULL);
  return screen_names[self->screen];
}

const char *
escale_form_flow_get_question_id (EscaleFormFlow *self)
{
  const EscaleFormQuestion *q;

  g_return_val_if_fail (ESCALE_IS_FORM_FLOW (self), NULL);
  q = current_question (self);
  return q != NULL ? q->id : NULL;
}

const char *
escale_form_flow_get_message (EscaleFormFlow *self)
{
  g_return_val_if_fail (ESCALE_IS_FORM_FLOW (self), NULL);
  if (self->screen != SCREEN_QUESTION || self->question == NULL)
    return NULL;
  return escale_form_question_view_get_message (self->question);
}

guint
escale_form_flow_get_n_answers (EscaleFormFlow *self)
{
  g_return_val_if_fail (ESCALE_IS_FORM_FLOW (self), 0);
  return g_hash_table_size (self->answers) + g_hash_table_size (self->drafts);
}

EscaleDocument *
escale_form_flow_get_document (EscaleFormFlow *self)
{
  g_return_val_if_fail (ESCALE_IS_FORM_FLOW (self), NULL);
  return self->document;
}

void
escale_form_flow_set_today (EscaleFormFlow *self, GDate *today)
{
  g_return_if_fail (ESCALE_IS_FORM_FLOW (self));
  self->today = *today;
}
