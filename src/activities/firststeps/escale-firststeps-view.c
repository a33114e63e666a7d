/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-firststeps"

#include <glib/gi18n.h>

#include "escale-firststeps-buttons.h"
#include "escale-firststeps-puzzle.h"
#include "escale-firststeps-resources.h"
#include "escale-firststeps-scroll.h"
#include "escale-firststeps-target.h"
#include "escale-firststeps-typing.h"
#include "escale-firststeps-view.h"
#include "escale-ui-util.h"

/* "Premiers pas": six short exercises, one skill each, in order, then what
 * the person can now do. Each screen has one sentence of instruction (in
 * touch words on a touch screen, mouse words with a mouse: whichever the
 * person last used), the exercise with a demonstration hand over it, a
 * warm word after each try, "Encore" and "Suivant" always there, and a tip
 * for a helper sitting beside them. No time limit, no score, no failure:
 * "Suivant" is never refused. The guide panel's step follows the exercise.
 * Counted: each exercise started and completed, by skill (numbers only).
 * Nothing is kept: the view and what was typed go with the page. */

typedef struct
{
  const char *title;
  const char *learnt_touch; /* "Vous savez maintenant toucher, ..." */
  const char *learnt_mouse;
  const char *tip; /* for the helper */
} Lesson;

static const Lesson lessons[ESCALE_FIRSTSTEPS_N_SKILLS] = {
  { N_ ("Toucher"), N_ ("toucher"), N_ ("cliquer"),
    N_ ("Laissez la personne faire seule : montrez avec votre doigt au-dessus de l'écran, sans "
        "toucher à sa place. Un appui léger suffit, inutile d'appuyer fort.") },
  { N_ ("Toucher deux fois"), N_ ("toucher deux fois"), N_ ("cliquer deux fois"),
    N_ ("Le plus difficile est de ne pas bouger entre les deux appuis. Proposez de poser le "
        "poignet sur la table.") },
  { N_ ("Glisser"), N_ ("glisser"), N_ ("glisser avec la souris"),
    N_ ("Montrez en l'air : on appuie, on garde appuyé, on bouge, puis on lâche. Avec une "
        "souris, le bouton reste enfoncé tout le long.") },
  { N_ ("Faire défiler"), N_ ("faire défiler une page"), N_ ("faire défiler une page"),
    N_ ("Sur un écran tactile, la page suit le doigt comme une feuille de papier. Avec une "
        "souris, la petite roue se tourne avec l'index.") },
  { N_ ("Écrire"), N_ ("écrire"), N_ ("écrire"),
    N_ ("Les majuscules et les accents ne comptent pas ici. Si la personne cherche une lettre, "
        "montrez la rangée où elle se trouve plutôt que la lettre elle-même.") },
  { N_ ("Les boutons"), N_ ("reconnaître les boutons Accueil, Aide et J'ai fini"),
    N_ ("reconnaître les boutons Accueil, Aide et J'ai fini"),
    N_ ("Ces trois boutons sont sur tous les écrans. Rassurez : « J'ai fini » efface tout, "
        "personne ne verra ce qui a été fait.") },
};

struct _EscaleFirststepsView
{
  EscaleActivityView parent_instance;

  GtkWidget *box;
  GtkWidget *instruction;
  GtkWidget *stack; /* the exercises, then "summary" */
  GtkWidget *hand;
  GtkWidget *feedback;
  GtkWidget *actions; /* Encore, Suivant */
  GtkWidget *again_button;
  GtkWidget *next_button;
  GtkWidget *tip_button; /* "Conseil pour l'aidant" */
  GtkWidget *tip;
  GtkWidget *summary;
  GtkWidget *restart_button;
  GtkWidget *exercises[ESCALE_FIRSTSTEPS_N_SKILLS];

  guint index;    /* the exercise shown; ESCALE_FIRSTSTEPS_N_SKILLS on the summary */
  gboolean touch; /* touch words, else mouse words */
  gboolean completed[ESCALE_FIRSTSTEPS_N_SKILLS];
  guint demo_tick;
};

G_DEFINE_FINAL_TYPE (EscaleFirststepsView, escale_firststeps_view, ESCALE_TYPE_ACTIVITY_VIEW)

static void show_exercise (EscaleFirststepsView *self, guint index);

GtkWidget *
escale_firststeps_view_get_exercise (EscaleFirststepsView *self)
{
  return self->index < ESCALE_FIRSTSTEPS_N_SKILLS ? self->exercises[self->index] : NULL;
}

guint
escale_firststeps_view_get_index (EscaleFirststepsView *self)
{
  return self->index;
}

const char *
escale_firststeps_view_get_instruction (EscaleFirststepsView *self)
{
  return gtk_label_get_text (GTK_LABEL (self->instruction));
}

const char *
escale_firststeps_view_get_feedback (EscaleFirststepsView *self)
{
  return gtk_label_get_text (GTK_LABEL (self->feedback));
}

const char *
escale_firststeps_view_get_tip (EscaleFirststepsView *self)
{
  /* what the helper reads: NULL until "Conseil pour l'aidant" is pressed */
  if (!gtk_widget_get_visible (self->tip))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (self->tip));
}

GtkWidget *
escale_firststeps_view_get_tip_button (EscaleFirststepsView *self)
{
  return self->tip_button;
}

const char *
escale_firststeps_view_get_summary (EscaleFirststepsView *self)
{
  return gtk_label_get_text (GTK_LABEL (self->summary));
}

GtkWidget *
escale_firststeps_view_get_again_button (EscaleFirststepsView *self)
{
  return self->again_button;
}

GtkWidget *
escale_firststeps_view_get_next_button (EscaleFirststepsView *self)
{
  return self->next_button;
}

GtkWidget *
escale_firststeps_view_get_restart_button (EscaleFirststepsView *self)
{
  return self->restart_button;
}

EscaleFirststepsHand *
escale_firststeps_view_get_hand (EscaleFirststepsView *self)
{
  return ESCALE_FIRSTSTEPS_HAND (self->hand);
}

gboolean
escale_firststeps_view_get_touch (EscaleFirststepsView *self)
{
  return self->touch;
}

static void
count (EscaleFirststepsView *self, guint index, const char *what)
{
  EscaleVisit *visit = escale_activity_view_get_visit (ESCALE_ACTIVITY_VIEW (self));
  g_autofree char *name = g_strdup_printf ("%s-%s", escale_firststeps_skill_name (index), what);

  if (visit != NULL)
    escale_visit_count (visit, name, 1);
}

static void
update_instruction (EscaleFirststepsView *self)
{
  g_autofree char *text = NULL;

  if (self->index >= ESCALE_FIRSTSTEPS_N_SKILLS)
    return;
  text = escale_firststeps_exercise_instruction (ESCALE_FIRSTSTEPS_EXERCISE (
                                                   self->exercises[self->index]),
                                                 self->touch);
  gtk_label_set_text (GTK_LABEL (self->instruction), text);
}

/* The hand shows the gesture on the exercise as it is now laid out. */
static gboolean
play_demo (EscaleFirststepsView *self)
{
  EscaleFirststepsDemo demo;
  GtkWidget *exercise = escale_firststeps_view_get_exercise (self);

  if (exercise == NULL ||
      !escale_firststeps_exercise_demo (ESCALE_FIRSTSTEPS_EXERCISE (exercise), &demo))
    return FALSE;
  if (!gtk_widget_compute_point (exercise, self->hand, &demo.from, &demo.from) ||
      !gtk_widget_compute_point (exercise, self->hand, &demo.to, &demo.to))
    return FALSE;
  escale_firststeps_hand_play (ESCALE_FIRSTSTEPS_HAND (self->hand), &demo, self->touch);
  return TRUE;
}

/* Once the exercise is laid out (its first frame), the hand shows it. */
static gboolean
demo_tick_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
  EscaleFirststepsView *self = ESCALE_FIRSTSTEPS_VIEW (widget);
  GtkWidget *exercise = escale_firststeps_view_get_exercise (self);

  if (exercise != NULL && gtk_widget_get_width (exercise) <= 0)
    return G_SOURCE_CONTINUE;
  self->demo_tick = 0;
  play_demo (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_demo (EscaleFirststepsView *self)
{
  escale_firststeps_hand_stop (ESCALE_FIRSTSTEPS_HAND (self->hand));
  if (self->demo_tick == 0)
    self->demo_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), demo_tick_cb, NULL, NULL);
}

static void
set_feedback (EscaleFirststepsView *self, const char *text, gboolean success)
{
  gtk_label_set_text (GTK_LABEL (self->feedback), text != NULL ? text : "");
  gtk_widget_set_visible (self->feedback, text != NULL && *text != '\0');
  if (success)
    gtk_widget_add_css_class (self->feedback, "firststeps-success");
  else
    gtk_widget_remove_css_class (self->feedback, "firststeps-success");
}

static void
feedback_cb (EscaleFirststepsExercise *exercise, const char *text, gboolean success,
             EscaleFirststepsView *self)
{
  set_feedback (self, text, success);
}

static void
changed_cb (EscaleFirststepsExercise *exercise, EscaleFirststepsView *self)
{
  update_instruction (self);
  /* the target moved: the hand, if it is still showing, follows it */
  if (escale_firststeps_hand_get_playing (ESCALE_FIRSTSTEPS_HAND (self->hand)))
    schedule_demo (self);
}

static void
done_cb (EscaleFirststepsExercise *exercise, EscaleFirststepsView *self)
{
  const Lesson *lesson = &lessons[self->index];
  g_autofree char *text = NULL;

  self->completed[self->index] = TRUE;
  count (self, self->index, "completed");
  escale_firststeps_hand_stop (ESCALE_FIRSTSTEPS_HAND (self->hand));
  text = g_strdup_printf (self->touch ? _ ("Bravo ! Vous savez %s. Touchez « Suivant » pour "
                                           "continuer, ou « Encore » pour le refaire.")
                                      : _ ("Bravo ! Vous savez %s. Cliquez sur « Suivant » pour "
                                           "continuer, ou « Encore » pour le refaire."),
                          _ (self->touch ? lesson->learnt_touch : lesson->learnt_mouse));
  set_feedback (self, text, TRUE);
  gtk_widget_add_css_class (self->next_button, "suggested");
}

/* "Vous savez maintenant toucher, glisser et écrire." */
static char *
describe_learnt (EscaleFirststepsView *self)
{
  g_autoptr(GPtrArray) skills = g_ptr_array_new ();
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < ESCALE_FIRSTSTEPS_N_SKILLS; i++)
    if (self->completed[i])
      g_ptr_array_add (skills, (gpointer) _ (self->touch ? lessons[i].learnt_touch
                                                         : lessons[i].learnt_mouse));
  if (skills->len == 0)
    return g_strdup (_ ("Merci d'avoir essayé ! Chacun va à son rythme : vous pouvez "
                        "recommencer quand vous voulez, ici ou lors d'une prochaine visite."));
  for (guint i = 0; i < skills->len; i++)
    {
      if (i > 0)
        g_string_append (text, i + 1 == skills->len ? _ (" et ") : ", ");
      g_string_append (text, skills->pdata[i]);
    }
  return g_strdup_printf (_ ("Vous savez maintenant %s."), text->str);
}

static void
show_summary (EscaleFirststepsView *self)
{
  g_autofree char *learnt = describe_learnt (self);

  self->index = ESCALE_FIRSTSTEPS_N_SKILLS;
  escale_firststeps_hand_stop (ESCALE_FIRSTSTEPS_HAND (self->hand));
  gtk_label_set_text (GTK_LABEL (self->instruction), _ ("Bravo pour ces premiers pas !"));
  gtk_label_set_text (GTK_LABEL (self->summary), learnt);
  set_feedback (self, NULL, FALSE);
  gtk_widget_set_visible (self->actions, FALSE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->tip_button), FALSE);
  gtk_widget_set_visible (self->tip_button, FALSE);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "summary");
  escale_activity_view_set_guide_step (ESCALE_ACTIVITY_VIEW (self),
                                       ESCALE_FIRSTSTEPS_N_SKILLS + 1);
}

static void
show_exercise (EscaleFirststepsView *self, guint index)
{
  g_autofree char *progress = NULL;

  if (index >= ESCALE_FIRSTSTEPS_N_SKILLS)
    {
      show_summary (self);
      return;
    }
  self->index = index;
  escale_firststeps_exercise_restart (ESCALE_FIRSTSTEPS_EXERCISE (self->exercises[index]));
  count (self, index, "started");
  /* where the person is, for a screen reader (the guide panel shows it) */
  progress = g_strdup_printf (_ ("Exercice %u sur %u : %s"), index + 1, ESCALE_FIRSTSTEPS_N_SKILLS,
                              _ (lessons[index].title));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->stack), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  progress, -1);
  update_instruction (self);
  set_feedback (self, NULL, FALSE);
  gtk_label_set_text (GTK_LABEL (self->tip), _ (lessons[index].tip));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->tip_button), FALSE);
  gtk_widget_set_visible (self->actions, TRUE);
  gtk_widget_set_visible (self->tip_button, TRUE);
  gtk_widget_remove_css_class (self->next_button, "suggested");
  gtk_stack_set_visible_child (GTK_STACK (self->stack), self->exercises[index]);
  escale_activity_view_set_guide_step (ESCALE_ACTIVITY_VIEW (self), index + 1);
  schedule_demo (self);
}

static void
again_clicked_cb (EscaleFirststepsView *self)
{
  show_exercise (self, self->index);
}

static void
next_clicked_cb (EscaleFirststepsView *self)
{
  show_exercise (self, self->index + 1);
}

static void
restart_clicked_cb (EscaleFirststepsView *self)
{
  show_exercise (self, 0);
}

/* The words follow the last input: touch words after a touch, mouse
 * words after a click or a turn of the wheel. */
void
escale_firststeps_view_note_input_source (EscaleFirststepsView *self, GdkInputSource source)
{
  gboolean touch;

  g_return_if_fail (ESCALE_IS_FIRSTSTEPS_VIEW (self));
  switch (source)
    {
    case GDK_SOURCE_TOUCHSCREEN:
      touch = TRUE;
      break;
    case GDK_SOURCE_MOUSE:
    case GDK_SOURCE_PEN:
    case GDK_SOURCE_TOUCHPAD:
    case GDK_SOURCE_TRACKPOINT:
    case GDK_SOURCE_TABLET_PAD:
      touch = FALSE;
      break;
    case GDK_SOURCE_KEYBOARD:
    default:
      return;
    }
  if (touch == self->touch)
    return;
  self->touch = touch;
  update_instruction (self);
  /* a hand for a finger, the arrow for a mouse */
  if (escale_firststeps_hand_get_playing (ESCALE_FIRSTSTEPS_HAND (self->hand)))
    schedule_demo (self);
}

static gboolean
input_cb (GtkEventControllerLegacy *controller, GdkEvent *event, EscaleFirststepsView *self)
{
  GdkDevice *device = gdk_event_get_device (event);

  switch ((int) gdk_event_get_event_type (event))
    {
    case GDK_TOUCH_BEGIN:
      escale_firststeps_view_note_input_source (self, GDK_SOURCE_TOUCHSCREEN);
      break;
    case GDK_BUTTON_PRESS:
    case GDK_SCROLL:
      if (gdk_event_get_pointer_emulated (event))
        escale_firststeps_view_note_input_source (self, GDK_SOURCE_TOUCHSCREEN);
      else if (device != NULL)
        escale_firststeps_view_note_input_source (self, gdk_device_get_source (device));
      break;
    default:
      break;
    }
  return GDK_EVENT_PROPAGATE;
}

static void
escale_firststeps_view_dispose (GObject *object)
{
  EscaleFirststepsView *self = ESCALE_FIRSTSTEPS_VIEW (object);

  if (self->demo_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->demo_tick);
  self->demo_tick = 0;
  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (escale_firststeps_view_parent_class)->dispose (object);
}

static void escale_firststeps_view_constructed (GObject *object);

static void
escale_firststeps_view_class_init (EscaleFirststepsViewClass *klass)
{
  G_OBJECT_CLASS (klass)->constructed = escale_firststeps_view_constructed;
  G_OBJECT_CLASS (klass)->dispose = escale_firststeps_view_dispose;
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "firststepsview");
}

static GtkWidget *
label_new (const char *css_class)
{
  GtkWidget *label = escale_wrapped_label_new (NULL, css_class);

  /* wraps at the width it gets, never asks the window to grow */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  return label;
}

static GtkWidget *
build_actions (EscaleFirststepsView *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);

  self->again_button = escale_big_button_new ("escale-back-symbolic", _ ("Encore"));
  self->next_button = escale_big_button_new ("escale-arrow-down-symbolic", _ ("Suivant"));
  gtk_widget_add_css_class (self->again_button, "firststeps-action");
  gtk_widget_add_css_class (self->next_button, "firststeps-action");
  gtk_widget_set_hexpand (self->again_button, TRUE);
  gtk_widget_set_hexpand (self->next_button, TRUE);
  g_signal_connect_swapped (self->again_button, "clicked", G_CALLBACK (again_clicked_cb), self);
  g_signal_connect_swapped (self->next_button, "clicked", G_CALLBACK (next_clicked_cb), self);
  gtk_box_append (GTK_BOX (row), self->again_button);
  gtk_box_append (GTK_BOX (row), self->next_button);
  return row;
}

static GtkWidget *
build_summary (EscaleFirststepsView *self)
{
  /* Tight enough for 1024x768 with A+ twice, where the title above may
   * take two lines beside "Écouter". */
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *nothing_kept = label_new ("firststeps-line");

  self->summary = label_new ("firststeps-summary");
  gtk_label_set_text (GTK_LABEL (nothing_kept),
                      _ ("Rien n'est gardé : la personne suivante ne verra rien de ce que vous "
                         "avez fait. Touchez « Accueil » pour découvrir les autres activités."));
  self->restart_button = escale_big_button_new ("escale-back-symbolic", _ ("Recommencer"));
  gtk_widget_set_halign (self->restart_button, GTK_ALIGN_START);
  g_signal_connect_swapped (self->restart_button, "clicked", G_CALLBACK (restart_clicked_cb),
                            self);
  gtk_box_append (GTK_BOX (page), self->summary);
  gtk_box_append (GTK_BOX (page), nothing_kept);
  gtk_box_append (GTK_BOX (page), self->restart_button);
  return page;
}

static void
escale_firststeps_view_init (EscaleFirststepsView *self)
{
  GtkWidget *overlay = gtk_overlay_new ();
  GtkEventController *legacy = gtk_event_controller_legacy_new ();

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_add_css_class (self->box, "firststeps");
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  self->instruction = label_new ("firststeps-instruction");
  self->stack = gtk_stack_new ();
  gtk_stack_set_transition_type (GTK_STACK (self->stack), GTK_STACK_TRANSITION_TYPE_NONE);
  /* each exercise asks only the room it needs */
  gtk_stack_set_vhomogeneous (GTK_STACK (self->stack), FALSE);
  gtk_stack_set_hhomogeneous (GTK_STACK (self->stack), FALSE);
  gtk_widget_set_vexpand (self->stack, TRUE);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), self->stack);
  self->hand = escale_firststeps_hand_new ();
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), self->hand);
  gtk_widget_set_vexpand (overlay, TRUE);
  gtk_widget_set_hexpand (overlay, TRUE);
  self->feedback = label_new ("firststeps-feedback");
  self->actions = build_actions (self);
  self->tip = label_new ("firststeps-tip");
  /* discreet, for a helper beside the person: the tip shows while pressed in */
  self->tip_button = gtk_toggle_button_new_with_label (_ ("Conseil pour l'aidant"));
  gtk_widget_add_css_class (self->tip_button, "firststeps-tip-button");
  gtk_widget_set_halign (self->tip_button, GTK_ALIGN_START);
  gtk_widget_set_visible (self->tip, FALSE);
  g_object_bind_property (self->tip_button, "active", self->tip, "visible", G_BINDING_DEFAULT);

  gtk_box_append (GTK_BOX (self->box), self->instruction);
  gtk_box_append (GTK_BOX (self->box), overlay);
  gtk_box_append (GTK_BOX (self->box), self->feedback);
  gtk_box_append (GTK_BOX (self->box), self->actions);
  gtk_box_append (GTK_BOX (self->box), self->tip_button);
  gtk_box_append (GTK_BOX (self->box), self->tip);
  gtk_stack_add_named (GTK_STACK (self->stack), build_summary (self), "summary");

  gtk_event_controller_set_propagation_phase (legacy, GTK_PHASE_CAPTURE);
  g_signal_connect (legacy, "event", G_CALLBACK (input_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), legacy);
}

/* The words to start with: touch words when the machine has a touch
 * screen, mouse words when it has none. */
static gboolean
has_touch_screen (GtkWidget *widget)
{
  GdkSeat *seat = gdk_display_get_default_seat (gtk_widget_get_display (widget));

  return seat != NULL && (gdk_seat_get_capabilities (seat) & GDK_SEAT_CAPABILITY_TOUCH) != 0;
}

static void
escale_firststeps_view_constructed (GObject *object)
{
  EscaleFirststepsView *self = ESCALE_FIRSTSTEPS_VIEW (object);
  EscaleActivity *activity = escale_activity_view_get_activity (ESCALE_ACTIVITY_VIEW (self));
  g_auto(GStrv) villages = escale_firststeps_kind_get_villages (activity);
  g_autofree char *picture = escale_firststeps_kind_get_picture (activity);
  static gsize style_loaded = 0;

  G_OBJECT_CLASS (escale_firststeps_view_parent_class)->constructed (object);

  if (g_once_init_enter (&style_loaded))
    {
      g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
      g_autoptr(GBytes) bytes =
                   g_resource_lookup_data (escale_firststeps_get_resource (),
                                           "/fr/escale/Escale/firststeps/escale-firststeps.css", 0,
                                           NULL);

      gtk_css_provider_load_from_data (css, g_bytes_get_data (bytes, NULL),
                                       (gssize) g_bytes_get_size (bytes));
      gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                  GTK_STYLE_PROVIDER (css),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
      g_once_init_leave (&style_loaded, 1);
    }
  self->touch = has_touch_screen (GTK_WIDGET (self));
  self->exercises[ESCALE_FIRSTSTEPS_SKILL_TOUCH] = escale_firststeps_target_new (1);
  self->exercises[ESCALE_FIRSTSTEPS_SKILL_DOUBLE] = escale_firststeps_target_new (2);
  self->exercises[ESCALE_FIRSTSTEPS_SKILL_DRAG] = escale_firststeps_puzzle_new (picture);
  self->exercises[ESCALE_FIRSTSTEPS_SKILL_SCROLL] = escale_firststeps_scroll_new ();
  self->exercises[ESCALE_FIRSTSTEPS_SKILL_TYPE] =
    escale_firststeps_typing_new ((const char *const *) villages);
  self->exercises[ESCALE_FIRSTSTEPS_SKILL_BUTTONS] = escale_firststeps_buttons_new ();
  for (guint i = 0; i < ESCALE_FIRSTSTEPS_N_SKILLS; i++)
    {
      g_signal_connect_object (self->exercises[i], "feedback", G_CALLBACK (feedback_cb), self, 0);
      g_signal_connect_object (self->exercises[i], "changed", G_CALLBACK (changed_cb), self, 0);
      g_signal_connect_object (self->exercises[i], "done", G_CALLBACK (done_cb), self, 0);
      gtk_stack_add_child (GTK_STACK (self->stack), self->exercises[i]);
    }
  show_exercise (self, 0);
}

GType
escale_firststeps_kind_view_type (EscaleActivity *activity)
{
  return ESCALE_TYPE_FIRSTSTEPS_VIEW;
}
