/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-demarches"

#include <glib/gi18n-lib.h>

#include "escale-form-check.h"
#include "escale-form-keypad.h"
#include "escale-form-question-view.h"
#include "escale-ui-util.h"

struct _EscaleFormQuestionView
{
  GtkBox parent_instance;

  /* owned */
  EscaleFormDefinition *definition;
  const EscaleFormQuestion *question; /* the definition's */
  char *chosen;                       /* a choice, "oui"/"non", or a commune's name */

  /* widgets */
  GtkEntry *entry;    /* NULL for a choice or yes-no */
  GtkWidget *choices; /* grid of toggle buttons, or NULL */
  GtkWidget *side;    /* beside the entry: the keypad, or a postal code's communes */
  GtkWidget *keypad;
  GtkWidget *correct; /* "Corriger le code postal" */
  GtkWidget *message_box;
  GtkLabel *message;
};

G_DEFINE_FINAL_TYPE (EscaleFormQuestionView, escale_form_question_view, GTK_TYPE_BOX)

enum
{
  SIGNAL_ACTIVATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
uses_keypad (EscaleFormFieldType type)
{
  return type == ESCALE_FORM_FIELD_NUMBER || type == ESCALE_FORM_FIELD_DATE ||
         type == ESCALE_FORM_FIELD_POSTAL_CODE || type == ESCALE_FORM_FIELD_PHONE;
}

static void
choice_toggled_cb (GtkToggleButton *button, EscaleFormQuestionView *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  g_free (self->chosen);
  self->chosen = g_strdup (g_object_get_data (G_OBJECT (button), "answer"));
  escale_form_question_view_set_message (self, NULL);
}

/* Big toggle buttons, one of which may be down; @answers[i] is what the
 * button @labels[i] answers; @columns of them a row (0: all in a row). */
static GtkWidget *
choice_buttons_new (EscaleFormQuestionView *self, const char *const *labels,
                    const char *const *answers, guint columns)
{
  GtkWidget *grid = gtk_grid_new ();
  GtkToggleButton *first = NULL;
  guint n = g_strv_length ((char **) labels);

  if (columns == 0)
    columns = MAX (n, 1);
  gtk_widget_add_css_class (grid, "form-choices");
  gtk_grid_set_row_spacing (GTK_GRID (grid), 16);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 16);
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  for (guint i = 0; labels[i] != NULL; i++)
    {
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *label = escale_wrapped_label_new (labels[i], NULL);

      gtk_button_set_child (GTK_BUTTON (button), label);
      gtk_widget_add_css_class (button, "form-choice");
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      labels[i], -1);
      g_object_set_data_full (G_OBJECT (button), "answer", g_strdup (answers[i]), g_free);
      if (first == NULL)
        first = GTK_TOGGLE_BUTTON (button);
      else
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), first);
      if (g_strcmp0 (self->chosen, answers[i]) == 0)
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
      g_signal_connect (button, "toggled", G_CALLBACK (choice_toggled_cb), self);
      gtk_widget_set_hexpand (button, TRUE);
      gtk_grid_attach (GTK_GRID (grid), button, i % columns, i / columns, 1, 1);
    }
  return grid;
}

/* The communes of the postal code typed, once it has 5 digits. */
static void
update_communes (EscaleFormQuestionView *self)
{
  g_autofree char *code = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry)));
  g_autoptr(GPtrArray) communes = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_strstrip (code);
  communes = escale_form_communes_for (self->definition, code);
  if (communes->len > 0 && self->chosen != NULL)
    {
      gboolean still = FALSE;

      for (guint i = 0; i < communes->len; i++)
        still |= g_str_equal (((EscaleFormCommune *) communes->pdata[i])->name, self->chosen);
      if (!still)
        g_clear_pointer (&self->chosen, g_free);
    }
  for (guint i = 0; i < communes->len; i++)
    g_ptr_array_add (names, ((EscaleFormCommune *) communes->pdata[i])->name);
  g_ptr_array_add (names, NULL);
  if (communes->len == 1)
    {
      g_free (self->chosen);
      self->chosen = g_strdup (names->pdata[0]);
    }
  if (self->choices != NULL)
    gtk_box_remove (GTK_BOX (self->side), self->choices);
  /* Up to 7 communes share a code here (24200): three a row, so that they
   * take no more height than the keypad. */
  self->choices = choice_buttons_new (self, (const char *const *) names->pdata,
                                      (const char *const *) names->pdata,
                                      communes->len > 4 ? 3 : 2);
  gtk_widget_add_css_class (self->choices, "form-communes");
  gtk_box_append (GTK_BOX (self->side), self->choices);
  /* The code found: its communes take the keypad's place, one thing at a
   * time; "Corriger le code postal" brings the keypad back. */
  gtk_widget_set_visible (self->choices, communes->len > 0);
  gtk_widget_set_visible (self->keypad, communes->len == 0);
  gtk_widget_set_visible (self->correct, communes->len > 0);
}

static void
correct_clicked_cb (EscaleFormQuestionView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
}

static void
entry_changed_cb (EscaleFormQuestionView *self)
{
  escale_form_question_view_set_message (self, NULL);
  if (self->question->type == ESCALE_FORM_FIELD_POSTAL_CODE)
    update_communes (self);
}

static void
entry_activate_cb (EscaleFormQuestionView *self)
{
  g_signal_emit (self, signals[SIGNAL_ACTIVATE], 0);
}

static const char *
entry_hint (EscaleFormFieldType type)
{
  switch (type)
    {
    case ESCALE_FORM_FIELD_DATE:
      return _ ("jour / mois / année");
    case ESCALE_FORM_FIELD_POSTAL_CODE:
      return _ ("5 chiffres");
    case ESCALE_FORM_FIELD_PHONE:
      return _ ("10 chiffres");
    case ESCALE_FORM_FIELD_EMAIL:
      return _ ("exemple : jeanne.dupont@exemple.fr");
    case ESCALE_FORM_FIELD_TEXT:
    case ESCALE_FORM_FIELD_NUMBER:
    case ESCALE_FORM_FIELD_CHOICE:
    case ESCALE_FORM_FIELD_YES_NO:
    default:
      return NULL;
    }
}

static GtkWidget *
build_entry (EscaleFormQuestionView *self, const char *answer)
{
  EscaleFormFieldType type = self->question->type;
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 16);
  g_autofree char *shown = NULL;

  self->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->entry), "form-entry");
  gtk_entry_set_placeholder_text (self->entry, entry_hint (type));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->question->label, -1);
  if (uses_keypad (type))
    {
      gtk_entry_set_input_purpose (self->entry, GTK_INPUT_PURPOSE_DIGITS);
      gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 5);
    }
  if (type == ESCALE_FORM_FIELD_EMAIL)
    gtk_entry_set_input_purpose (self->entry, GTK_INPUT_PURPOSE_EMAIL);
  if (type == ESCALE_FORM_FIELD_POSTAL_CODE && answer != NULL && strlen (answer) > 6)
    {
      shown = g_strndup (answer, 5);
      self->chosen = g_strdup (answer + 6);
    }
  else
    shown = g_strdup (answer ? answer : "");
  gtk_editable_set_text (GTK_EDITABLE (self->entry), shown);
  gtk_box_append (GTK_BOX (column), GTK_WIDGET (self->entry));
  gtk_box_append (GTK_BOX (column), self->message_box);
  if (uses_keypad (type))
    {
      self->keypad = escale_form_keypad_new (GTK_EDITABLE (self->entry), type);
      gtk_box_append (GTK_BOX (self->side), self->keypad);
    }
  if (type == ESCALE_FORM_FIELD_POSTAL_CODE)
    {
      self->correct = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (self->correct),
                            escale_wrapped_label_new (_ ("Corriger le code postal"), NULL));
      gtk_widget_add_css_class (self->correct, "form-choice");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->correct),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Corriger le code postal"),
                                      -1);
      g_signal_connect_swapped (self->correct, "clicked", G_CALLBACK (correct_clicked_cb), self);
      gtk_box_append (GTK_BOX (column), self->correct);
      update_communes (self);
    }
  g_signal_connect_swapped (self->entry, "changed", G_CALLBACK (entry_changed_cb), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (entry_activate_cb), self);
  return column;
}

static void
build (EscaleFormQuestionView *self, const char *answer)
{
  EscaleFormFieldType type = self->question->type;
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 40);
  GtkWidget *column;

  gtk_box_append (GTK_BOX (self),
                  escale_wrapped_label_new (self->question->label, "form-question"));
  if (self->question->help != NULL)
    gtk_box_append (GTK_BOX (self), escale_wrapped_label_new (self->question->help, "form-help"));
  if (uses_keypad (type))
    {
      self->side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      gtk_widget_set_valign (self->side, GTK_ALIGN_START);
    }

  if (type == ESCALE_FORM_FIELD_CHOICE || type == ESCALE_FORM_FIELD_YES_NO)
    {
      static const char *const yes_no_answers[] = { "oui", "non", NULL };
      const char *yes_no_labels[] = { _ ("Oui"), _ ("Non"), NULL };
      gboolean yes_no = type == ESCALE_FORM_FIELD_YES_NO;

      self->chosen = g_strdup (answer);
      column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 16);
      self->choices =
        choice_buttons_new (self,
                            yes_no ? yes_no_labels : (const char *const *) self->question->choices,
                            yes_no ? yes_no_answers
                                   : (const char *const *) self->question->choices,
                            yes_no ? 0 : (g_strv_length (self->question->choices) > 3 ? 2 : 1));
      gtk_box_append (GTK_BOX (column), self->choices);
      gtk_box_append (GTK_BOX (column), self->message_box);
    }
  else
    column = build_entry (self, answer);
  gtk_widget_set_hexpand (column, TRUE);
  gtk_widget_set_valign (column, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (row), column);
  if (self->side != NULL)
    gtk_box_append (GTK_BOX (row), self->side);
  gtk_box_append (GTK_BOX (self), row);
}

char *
escale_form_question_view_get_input (EscaleFormQuestionView *self)
{
  const char *text;

  g_return_val_if_fail (ESCALE_IS_FORM_QUESTION_VIEW (self), NULL);
  if (self->entry == NULL)
    return g_strdup (self->chosen ? self->chosen : "");
  text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  if (self->question->type == ESCALE_FORM_FIELD_POSTAL_CODE && self->chosen != NULL)
    return g_strdup_printf ("%s %s", text, self->chosen);
  return g_strdup (text);
}

void
escale_form_question_view_set_message (EscaleFormQuestionView *self, const char *message)
{
  g_return_if_fail (ESCALE_IS_FORM_QUESTION_VIEW (self));
  gtk_label_set_text (self->message, message ? message : "");
  gtk_widget_set_visible (self->message_box, message != NULL);
}

const char *
escale_form_question_view_get_message (EscaleFormQuestionView *self)
{
  g_return_val_if_fail (ESCALE_IS_FORM_QUESTION_VIEW (self), NULL);
  return gtk_widget_get_visible (self->message_box) ? gtk_label_get_text (self->message) : NULL;
}

void
escale_form_question_view_clear (EscaleFormQuestionView *self)
{
  g_return_if_fail (ESCALE_IS_FORM_QUESTION_VIEW (self));
  if (self->entry != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  g_clear_pointer (&self->chosen, g_free);
}

static void
escale_form_question_view_dispose (GObject *object)
{
  EscaleFormQuestionView *self = ESCALE_FORM_QUESTION_VIEW (object);

  g_clear_pointer (&self->chosen, g_free);
  g_clear_object (&self->definition);
  G_OBJECT_CLASS (escale_form_question_view_parent_class)->dispose (object);
}

static void
escale_form_question_view_class_init (EscaleFormQuestionViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = escale_form_question_view_dispose;

  signals[SIGNAL_ACTIVATE] = g_signal_new ("activate", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
escale_form_question_view_init (EscaleFormQuestionView *self)
{
  GtkWidget *icon = gtk_image_new_from_icon_name ("escale-alert-symbolic");

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 12);
  gtk_widget_add_css_class (GTK_WIDGET (self), "form-question-view");
  /* The message: an icon and words (never colour alone). */
  self->message_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (self->message_box, "form-message");
  gtk_image_set_pixel_size (GTK_IMAGE (icon), 40);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (self->message_box), icon);
  self->message = GTK_LABEL (escale_wrapped_label_new ("", NULL));
  gtk_widget_set_hexpand (GTK_WIDGET (self->message), TRUE);
  gtk_box_append (GTK_BOX (self->message_box), GTK_WIDGET (self->message));
  gtk_widget_set_visible (self->message_box, FALSE);
}

GtkWidget *
escale_form_question_view_new (EscaleFormDefinition *definition, guint index, const char *answer)
{
  EscaleFormQuestionView *self = g_object_new (ESCALE_TYPE_FORM_QUESTION_VIEW, NULL);

  g_return_val_if_fail (ESCALE_IS_FORM_DEFINITION (definition), NULL);
  self->definition = g_object_ref (definition);
  self->question = escale_form_definition_get_question (definition, index);
  build (self, answer);
  return GTK_WIDGET (self);
}
