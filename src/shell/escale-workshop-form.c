/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-staff"

#include <glib/gi18n.h>

#include "escale-stats-report.h"
#include "escale-workshop-choices.h"
#include "escale-workshop-form.h"

/* Large toggles rather than drop-downs: no pop-up, one touch a choice. The
 * theme must be chosen; the level and the length start on the usual ones. */
struct _EscaleWorkshopForm
{
  GtkBox parent_instance;

  /* children */
  GtkStack *stack;
  GtkWidget **theme_buttons;
  GtkWidget **level_buttons;
  GtkWidget **length_buttons;
  GtkWidget *start_button;
  GtkLabel *summary;
  GtkLabel *running_note;
  GtkWidget *end_button;

  /* owned */
  EscaleKiosk *kiosk;
  EscaleHelpClient *client;
};

enum
{
  DONE,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (EscaleWorkshopForm, escale_workshop_form, GTK_TYPE_BOX)

static int
checked_index (GtkWidget **buttons, guint n)
{
  for (guint i = 0; i < n; i++)
    if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (buttons[i])))
      return (int) i;
  return -1;
}

static void
choice_toggled_cb (EscaleWorkshopForm *self)
{
  gtk_widget_set_sensitive (self->start_button,
                            checked_index (self->theme_buttons, escale_workshop_n_themes) >= 0);
}

/* The running workshop: what, until when, and whether it can end here. */
static void
show_running (EscaleWorkshopForm *self, const EscaleHelpWorkshop *workshop)
{
  g_autoptr(GDateTime) end = g_date_time_new_from_unix_local (workshop->end);
  g_autofree char *until = g_date_time_format (end, "%H h %M");
  /* TRANSLATORS: "E-mail, Débutant, jusqu'à 16 h 30" */
  g_autofree char *text = g_strdup_printf (_ ("%s, %s, jusqu'à %s"),
                                           escale_coop_theme_label (workshop->theme),
                                           escale_workshop_level_label (workshop->level), until);
  gboolean here = escale_help_client_workshop_is_local (self->client);

  gtk_label_set_text (self->summary, text);
  gtk_widget_set_visible (self->end_button, here);
  gtk_label_set_text (self->running_note,
                      here ? _ ("Il se terminera tout seul à l'heure prévue.")
                           : _ ("Cet atelier a été lancé depuis le tableau des aidants : "
                                "terminez-le là-bas."));
  gtk_stack_set_visible_child_name (self->stack, "running");
}

/* Shows the form to start one, or the workshop running. */
void
escale_workshop_form_refresh (EscaleWorkshopForm *self)
{
  const EscaleHelpWorkshop *workshop =
    self->client != NULL ? escale_help_client_get_workshop (self->client) : NULL;

  g_return_if_fail (ESCALE_IS_WORKSHOP_FORM (self));
  if (workshop != NULL)
    {
      show_running (self, workshop);
      return;
    }
  for (guint i = 0; i < escale_workshop_n_themes; i++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->theme_buttons[i]), FALSE);
  escale_workshop_form_choose (self, NULL, "debutant", 90);
  gtk_stack_set_visible_child_name (self->stack, "start");
}

static gboolean
choose_one (GtkWidget **buttons, guint n, guint index)
{
  if (index >= n)
    return FALSE;
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (buttons[index]), TRUE);
  return TRUE;
}

static guint
index_of (const char *const *items, guint n, const char *item)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (items[i], item) == 0)
      return i;
  return G_MAXUINT;
}

/* Selects a theme, a level and a length as the toggles would (NULL or 0:
 * left as they are). FALSE if one of them is not offered. */
gboolean
escale_workshop_form_choose (EscaleWorkshopForm *self, const char *theme, const char *level,
                             guint minutes)
{
  gboolean ok = TRUE;
  guint length = G_MAXUINT;

  for (guint i = 0; i < escale_workshop_n_lengths; i++)
    if (escale_workshop_lengths[i] == minutes)
      length = i;
  if (theme != NULL)
    ok &= choose_one (self->theme_buttons, escale_workshop_n_themes,
                      index_of (escale_workshop_themes, escale_workshop_n_themes, theme));
  if (level != NULL)
    ok &= choose_one (self->level_buttons, escale_workshop_n_levels,
                      index_of (escale_workshop_levels, escale_workshop_n_levels, level));
  if (minutes != 0)
    ok &= choose_one (self->length_buttons, escale_workshop_n_lengths, length);
  return ok;
}

static void
start_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  EscaleWorkshopForm *self = ESCALE_WORKSHOP_FORM (widget);
  int theme = checked_index (self->theme_buttons, escale_workshop_n_themes);
  int level = checked_index (self->level_buttons, escale_workshop_n_levels);
  int length = checked_index (self->length_buttons, escale_workshop_n_lengths);
  g_autoptr(GDateTime) now = escale_clock_get_now_local (escale_kiosk_get_clock (self->kiosk));

  if (self->client == NULL || theme < 0 || level < 0 || length < 0)
    return;
  if (escale_help_client_start_here (self->client, escale_workshop_themes[theme],
                                     escale_workshop_levels[level], g_date_time_to_unix (now),
                                     escale_workshop_lengths[length]))
    g_signal_emit (self, signals[DONE], 0);
  else
    escale_workshop_form_refresh (self);
}

static void
end_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  EscaleWorkshopForm *self = ESCALE_WORKSHOP_FORM (widget);

  if (self->client != NULL)
    escale_help_client_end_here (self->client);
  g_signal_emit (self, signals[DONE], 0);
}

static void
back_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  g_signal_emit (widget, signals[DONE], 0);
}

static void
escale_workshop_form_dispose (GObject *object)
{
  EscaleWorkshopForm *self = ESCALE_WORKSHOP_FORM (object);

  g_clear_object (&self->client);
  g_clear_object (&self->kiosk);
  g_clear_pointer (&self->theme_buttons, g_free);
  g_clear_pointer (&self->level_buttons, g_free);
  g_clear_pointer (&self->length_buttons, g_free);
  G_OBJECT_CLASS (escale_workshop_form_parent_class)->dispose (object);
}

static void
escale_workshop_form_class_init (EscaleWorkshopFormClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = escale_workshop_form_dispose;
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_install_action (widget_class, "workshop.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "workshop.end", NULL, end_action);
  gtk_widget_class_install_action (widget_class, "workshop.back", NULL, back_action);
}

static GtkWidget *
label_new (const char *text, const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
button_new (const char *label, const char *action, gboolean suggested)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_add_css_class (button, "big-button");
  if (suggested)
    gtk_widget_add_css_class (button, "suggested");
  return button;
}

/* One row of toggles, one of which is on at a time. */
static GtkWidget **
add_choices (EscaleWorkshopForm *self, GtkWidget *box, const char *title, const char **labels,
             guint n, guint per_line)
{
  GtkWidget *flow = gtk_flow_box_new ();
  GtkWidget **buttons = g_new0 (GtkWidget *, n);

  gtk_box_append (GTK_BOX (box), label_new (title, "staff-status"));
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 1);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), per_line);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  gtk_widget_set_hexpand (flow, TRUE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 16);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 16);
  for (guint i = 0; i < n; i++)
    {
      buttons[i] = gtk_toggle_button_new_with_label (labels[i]);
      gtk_widget_add_css_class (buttons[i], "form-choice");
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (buttons[i]),
                                     GTK_TOGGLE_BUTTON (buttons[0]));
      g_signal_connect_swapped (buttons[i], "toggled", G_CALLBACK (choice_toggled_cb), self);
      gtk_flow_box_append (GTK_FLOW_BOX (flow), buttons[i]);
    }
  gtk_box_append (GTK_BOX (box), flow);
  return buttons;
}

static GtkWidget *
start_page_new (EscaleWorkshopForm *self)
{
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *choices = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  const char *labels[8];

  gtk_box_append (GTK_BOX (page),
                  label_new (_ ("Commencer un atelier sur ce poste"), "page-title"));
  for (guint i = 0; i < escale_workshop_n_themes; i++)
    labels[i] = escale_coop_theme_label (escale_workshop_themes[i]);
  self->theme_buttons =
    add_choices (self, choices, _ ("Thème"), labels, escale_workshop_n_themes, 3);
  for (guint i = 0; i < escale_workshop_n_levels; i++)
    labels[i] = escale_workshop_level_label (escale_workshop_levels[i]);
  self->level_buttons =
    add_choices (self, choices, _ ("Niveau"), labels, escale_workshop_n_levels, 3);
  for (guint i = 0; i < escale_workshop_n_lengths; i++)
    labels[i] = escale_workshop_length_label (escale_workshop_lengths[i]);
  self->length_buttons =
    add_choices (self, choices, _ ("Durée prévue"), labels, escale_workshop_n_lengths, 4);
  /* Big text on a small screen: the choices scroll, the buttons stay. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), choices);
  gtk_box_append (GTK_BOX (page), scroller);
  self->start_button = button_new (_ ("Commencer l'atelier"), "workshop.start", TRUE);
  gtk_box_append (GTK_BOX (buttons), self->start_button);
  gtk_box_append (GTK_BOX (buttons), button_new (_ ("Annuler"), "workshop.back", FALSE));
  gtk_box_append (GTK_BOX (page), buttons);
  return page;
}

static GtkWidget *
running_page_new (EscaleWorkshopForm *self)
{
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);

  gtk_widget_set_valign (page, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (page), label_new (_ ("Atelier en cours sur ce poste"), "page-title"));
  self->summary = GTK_LABEL (label_new (NULL, "staff-status"));
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (self->summary));
  self->running_note = GTK_LABEL (label_new (NULL, "staff-status"));
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (self->running_note));
  self->end_button = button_new (_ ("Terminer l'atelier"), "workshop.end", FALSE);
  gtk_box_append (GTK_BOX (buttons), button_new (_ ("Retour"), "workshop.back", TRUE));
  gtk_box_append (GTK_BOX (buttons), self->end_button);
  gtk_box_append (GTK_BOX (page), buttons);
  return page;
}

static void
escale_workshop_form_init (EscaleWorkshopForm *self)
{
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_vhomogeneous (self->stack, FALSE);
  gtk_stack_set_hhomogeneous (self->stack, FALSE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack, start_page_new (self), "start");
  gtk_stack_add_named (self->stack, running_page_new (self), "running");
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->stack));
  gtk_widget_add_css_class (GTK_WIDGET (self), "staff-content");
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  choice_toggled_cb (self);
}

GtkWidget *
escale_workshop_form_new (EscaleKiosk *kiosk)
{
  EscaleWorkshopForm *self = g_object_new (ESCALE_TYPE_WORKSHOP_FORM, NULL);

  self->kiosk = g_object_ref (kiosk);
  return GTK_WIDGET (self);
}

/* The kiosk's help client: where the workshop is started and ended. */
void
escale_workshop_form_set_client (EscaleWorkshopForm *self, EscaleHelpClient *client)
{
  g_return_if_fail (ESCALE_IS_WORKSHOP_FORM (self));
  g_set_object (&self->client, client);
}

/* "start" or "running". */
const char *
escale_workshop_form_get_view (EscaleWorkshopForm *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}
