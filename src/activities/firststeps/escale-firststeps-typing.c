/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "escale-firststeps-typing.h"
#include "escale-ui-util.h"

/* "Écrivez le nom de votre village": first the person touches their village
 * (or the nearest) among the configuration's, then types it, on the
 * computer's keyboard or with big keys on the screen: the letters of that
 * name and a few others, in alphabetical order, and "Effacer". Capitals and
 * accents do not matter. What is typed stays in this widget: never logged,
 * never counted, gone when the exercise starts again or the visit ends. */

#define KEYS_PER_ROW 6

struct _EscaleFirststepsTyping
{
  GtkWidget parent_instance;

  GtkWidget *stack;
  GtkWidget *choices; /* the village buttons */
  GtkWidget *entry;
  GtkWidget *keys; /* a GtkGrid of big keys, KEYS_PER_ROW a row */
  guint n_keys;
  GtkWidget *erase; /* "Effacer", beside the field */
  char *village;    /* the one chosen, or NULL */
  gboolean finished;
};

static void escale_firststeps_typing_exercise_init (EscaleFirststepsExerciseInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (EscaleFirststepsTyping, escale_firststeps_typing, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (ESCALE_TYPE_FIRSTSTEPS_EXERCISE,
                                                      escale_firststeps_typing_exercise_init))

/* Lower case, without accents: "Brantôme" and "brantome" are the same. */
static char *
fold (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text, "C");

  return g_ascii_strdown (ascii, -1);
}

const char *
escale_firststeps_typing_get_village (EscaleFirststepsTyping *self)
{
  return self->village;
}

GtkWidget *
escale_firststeps_typing_get_entry (EscaleFirststepsTyping *self)
{
  return self->entry;
}

GtkWidget *
escale_firststeps_typing_get_village_button (EscaleFirststepsTyping *self, guint i)
{
  GtkWidget *child = gtk_widget_get_first_child (self->choices);

  for (; child != NULL && i > 0; i--)
    child = gtk_widget_get_next_sibling (child);
  return child != NULL ? gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child)) : NULL;
}

/* The big key showing @label ("B", "Effacer"), or NULL. */
GtkWidget *
escale_firststeps_typing_get_key (EscaleFirststepsTyping *self, const char *label)
{
  if (g_str_equal (label, _ ("Effacer")))
    return self->erase;
  for (GtkWidget *key = gtk_widget_get_first_child (self->keys); key != NULL;
       key = gtk_widget_get_next_sibling (key))
    if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (key)), label) == 0)
      return key;
  return NULL;
}

static void
changed_cb (GtkEditable *editable, EscaleFirststepsTyping *self)
{
  g_autofree char *typed = fold (gtk_editable_get_text (editable));
  g_autofree char *wanted = fold (self->village != NULL ? self->village : "");
  EscaleFirststepsExercise *exercise = ESCALE_FIRSTSTEPS_EXERCISE (self);

  if (self->finished || self->village == NULL || *typed == '\0')
    return;
  if (g_str_equal (typed, wanted))
    {
      self->finished = TRUE;
      escale_firststeps_exercise_done (exercise);
    }
  else if (g_str_has_prefix (wanted, typed))
    escale_firststeps_exercise_feedback (exercise, NULL, TRUE);
  else
    escale_firststeps_exercise_feedback (exercise,
                                         _ ("Une lettre ne ressemble pas au modèle : touchez "
                                            "« Effacer » pour l'enlever, ce n'est pas grave."),
                                         FALSE);
  escale_firststeps_exercise_changed (exercise);
}

static void
key_clicked_cb (GtkButton *key, EscaleFirststepsTyping *self)
{
  const char *label = gtk_button_get_label (key);
  GtkEditable *editable = GTK_EDITABLE (self->entry);
  const char *text = gtk_editable_get_text (editable);
  int position = g_utf8_strlen (text, -1);

  if (g_str_equal (label, _ ("Effacer")))
    {
      if (position > 0)
        gtk_editable_delete_text (editable, position - 1, position);
    }
  else
    {
      /* a capital first, as on an envelope, then small letters */
      g_autofree char *letter = position == 0 ? g_strdup (label) : g_utf8_strdown (label, -1);
      const char *insert = g_str_equal (label, _ ("Espace")) ? " " : letter;

      gtk_editable_insert_text (editable, insert, -1, &position);
    }
  gtk_editable_set_position (editable, -1);
}

static GtkWidget *
key_new (EscaleFirststepsTyping *self, const char *label)
{
  GtkWidget *key = gtk_button_new_with_label (label);

  gtk_widget_add_css_class (key, "firststeps-key");
  gtk_widget_set_focus_on_click (key, FALSE);
  g_signal_connect (key, "clicked", G_CALLBACK (key_clicked_cb), self);
  return key;
}

static void
add_key (EscaleFirststepsTyping *self, const char *label)
{
  gtk_grid_attach (GTK_GRID (self->keys), key_new (self, label), self->n_keys % KEYS_PER_ROW,
                   self->n_keys / KEYS_PER_ROW, 1, 1);
  self->n_keys++;
}

static int
compare_letters (gconstpointer a, gconstpointer b)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

/* The keys: each letter of @village once, in capitals, two more, A to Z. */
static void
fill_keys (EscaleFirststepsTyping *self, const char *village)
{
  g_autoptr(GPtrArray) letters = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *upper = g_utf8_strup (village, -1);
  const char *extra[] = { "A", "E", "I", "L", "O", "R", "S", "U" };
  guint added = 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->keys)) != NULL)
    gtk_grid_remove (GTK_GRID (self->keys), child);
  self->n_keys = 0;
  for (const char *p = upper; *p != '\0'; p = g_utf8_next_char (p))
    {
      char *letter = g_strndup (p, g_utf8_next_char (p) - p);

      if (g_str_equal (letter, " "))
        g_free (letter), letter = g_strdup (_ ("Espace"));
      if (g_ptr_array_find_with_equal_func (letters, letter, g_str_equal, NULL))
        g_free (letter);
      else
        g_ptr_array_add (letters, letter);
    }
  for (guint i = 0; i < G_N_ELEMENTS (extra) && added < 2; i++)
    if (!g_ptr_array_find_with_equal_func (letters, extra[i], g_str_equal, NULL))
      g_ptr_array_add (letters, g_strdup (extra[i])), added++;
  g_ptr_array_sort (letters, compare_letters);
  for (guint i = 0; i < letters->len; i++)
    add_key (self, letters->pdata[i]);
}

static void
village_clicked_cb (GtkButton *button, EscaleFirststepsTyping *self)
{
  const char *village = g_object_get_data (G_OBJECT (button), "village");

  g_free (self->village);
  self->village = g_strdup (village);
  fill_keys (self, village);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "type");
  gtk_widget_grab_focus (self->entry);
  escale_firststeps_exercise_changed (ESCALE_FIRSTSTEPS_EXERCISE (self));
}

static void
escale_firststeps_typing_restart (EscaleFirststepsExercise *exercise)
{
  EscaleFirststepsTyping *self = ESCALE_FIRSTSTEPS_TYPING (exercise);

  self->finished = FALSE;
  g_clear_pointer (&self->village, g_free);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "choose");
}

static char *
escale_firststeps_typing_instruction (EscaleFirststepsExercise *exercise, gboolean touch)
{
  EscaleFirststepsTyping *self = ESCALE_FIRSTSTEPS_TYPING (exercise);

  if (self->village == NULL)
    return g_strdup (touch ? _ ("Touchez le nom de votre village, ou du plus proche.")
                           : _ ("Cliquez sur le nom de votre village, ou du plus proche."));
  return g_strdup_printf (touch ? _ ("Écrivez « %s » en touchant les grandes lettres, ou avec "
                                     "le clavier.")
                                : _ ("Écrivez « %s » avec le clavier, ou en cliquant sur les "
                                     "grandes lettres."),
                          self->village);
}

/* The hand shows the next key to touch (or the first village). */
static gboolean
escale_firststeps_typing_demo (EscaleFirststepsExercise *exercise, EscaleFirststepsDemo *demo)
{
  EscaleFirststepsTyping *self = ESCALE_FIRSTSTEPS_TYPING (exercise);
  GtkWidget *target = NULL;
  graphene_rect_t bounds;

  if (self->finished)
    return FALSE;
  if (self->village == NULL)
    target = escale_firststeps_typing_get_village_button (self, 0);
  else
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
      g_autofree char *typed = fold (text);
      g_autofree char *wanted = fold (self->village);
      glong done = g_utf8_strlen (text, -1);

      if (g_str_has_prefix (wanted, typed) && done < g_utf8_strlen (self->village, -1))
        {
          const char *next = g_utf8_offset_to_pointer (self->village, done);
          g_autofree char *letter = g_strndup (next, g_utf8_next_char (next) - next);
          g_autofree char *upper = g_utf8_strup (letter, -1);

          target = escale_firststeps_typing_get_key (self, g_str_equal (upper, " ") ? _ ("Espace")
                                                                                    : upper);
        }
      else
        target = escale_firststeps_typing_get_key (self, _ ("Effacer"));
    }
  if (target == NULL || !gtk_widget_compute_bounds (target, GTK_WIDGET (self), &bounds))
    return FALSE;
  demo->kind = ESCALE_FIRSTSTEPS_DEMO_TAP;
  graphene_rect_get_center (&bounds, &demo->to);
  demo->from = GRAPHENE_POINT_INIT (demo->to.x + 60, demo->to.y + 80);
  return TRUE;
}

static void
escale_firststeps_typing_exercise_init (EscaleFirststepsExerciseInterface *iface)
{
  iface->restart = escale_firststeps_typing_restart;
  iface->instruction = escale_firststeps_typing_instruction;
  iface->demo = escale_firststeps_typing_demo;
}

static void
escale_firststeps_typing_dispose (GObject *object)
{
  EscaleFirststepsTyping *self = ESCALE_FIRSTSTEPS_TYPING (object);

  g_clear_pointer (&self->stack, gtk_widget_unparent);
  g_clear_pointer (&self->village, g_free);
  G_OBJECT_CLASS (escale_firststeps_typing_parent_class)->dispose (object);
}

static void
escale_firststeps_typing_class_init (EscaleFirststepsTypingClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = escale_firststeps_typing_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "firststepstyping");
}

static GtkWidget *
flow_new (guint per_line)
{
  GtkWidget *flow = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), per_line);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 12);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 12);
  gtk_widget_set_valign (flow, GTK_ALIGN_START);
  return flow;
}

static void
escale_firststeps_typing_init (EscaleFirststepsTyping *self)
{
  GtkWidget *typing = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *field = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

  self->stack = gtk_stack_new ();
  gtk_stack_set_vhomogeneous (GTK_STACK (self->stack), FALSE);
  gtk_stack_set_hhomogeneous (GTK_STACK (self->stack), FALSE);
  gtk_widget_set_parent (self->stack, GTK_WIDGET (self));
  self->choices = flow_new (2);
  gtk_stack_add_named (GTK_STACK (self->stack), self->choices, "choose");

  self->entry = gtk_entry_new ();
  gtk_entry_set_max_length (GTK_ENTRY (self->entry), 40);
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->entry), FALSE);
  gtk_entry_set_input_hints (GTK_ENTRY (self->entry),
                             GTK_INPUT_HINT_NO_SPELLCHECK | GTK_INPUT_HINT_NO_EMOJI);
  gtk_widget_add_css_class (self->entry, "firststeps-entry");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Le nom de votre village"), -1);
  g_signal_connect (self->entry, "changed", G_CALLBACK (changed_cb), self);
  self->keys = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (self->keys), 8);
  gtk_grid_set_column_spacing (GTK_GRID (self->keys), 8);
  gtk_widget_set_hexpand (self->entry, TRUE);
  self->erase = key_new (self, _ ("Effacer"));
  gtk_box_append (GTK_BOX (field), self->entry);
  gtk_box_append (GTK_BOX (field), self->erase);
  gtk_box_append (GTK_BOX (typing), field);
  gtk_box_append (GTK_BOX (typing), self->keys);
  gtk_stack_add_named (GTK_STACK (self->stack), typing, "type");
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
}

/* @villages: the names to choose from (escale_firststeps_kind_get_villages ()). */
GtkWidget *
escale_firststeps_typing_new (const char *const *villages)
{
  EscaleFirststepsTyping *self = g_object_new (ESCALE_TYPE_FIRSTSTEPS_TYPING, NULL);

  for (guint i = 0; villages[i] != NULL; i++)
    {
      GtkWidget *button = escale_wrapping_button_new (villages[i], "firststeps-village");

      g_object_set_data_full (G_OBJECT (button), "village", g_strdup (villages[i]), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (village_clicked_cb), self);
      gtk_flow_box_append (GTK_FLOW_BOX (self->choices), button);
    }
  return GTK_WIDGET (self);
}
