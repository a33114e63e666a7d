/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "escale-hello-kind.h"
#include "escale-hello-view.h"

/* The hello kind's view: the greeting, a "Dire bonjour" button that counts
 * and holds the countdown (guide step 2), and "J'ai salué" that lets it go
 * (step 3). It adds one wiper for the visit, which counts its runs. */
struct _EscaleHelloView
{
  EscaleActivityView parent_instance;

  GtkWidget *box;
  GtkLabel *label;
  char *greeting;
  guint greetings;
};

G_DEFINE_FINAL_TYPE (EscaleHelloView, escale_hello_view, ESCALE_TYPE_ACTIVITY_VIEW)

static guint n_wipes;

static gboolean
wipe_hello (gpointer user_data, GError **error)
{
  n_wipes++;
  return TRUE;
}

guint
escale_hello_kind_get_n_wipes (void)
{
  return n_wipes;
}

static void
greet_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  EscaleHelloView *self = ESCALE_HELLO_VIEW (widget);
  EscaleVisit *visit = escale_activity_view_get_visit (ESCALE_ACTIVITY_VIEW (self));
  g_autofree char *text = g_strdup_printf ("%s (%u)", self->greeting, ++self->greetings);

  gtk_label_set_text (self->label, text);
  if (visit != NULL)
    escale_visit_count (visit, "greetings", 1);
  escale_activity_view_set_holding (ESCALE_ACTIVITY_VIEW (self), TRUE);
  escale_activity_view_set_guide_step (ESCALE_ACTIVITY_VIEW (self), 2);
}

static void
done_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  escale_activity_view_set_holding (ESCALE_ACTIVITY_VIEW (widget), FALSE);
  escale_activity_view_set_guide_step (ESCALE_ACTIVITY_VIEW (widget), 3);
}

static void
escale_hello_view_constructed (GObject *object)
{
  EscaleHelloView *self = ESCALE_HELLO_VIEW (object);
  EscaleActivityView *view = ESCALE_ACTIVITY_VIEW (self);

  G_OBJECT_CLASS (escale_hello_view_parent_class)->constructed (object);

  self->greeting =
    escale_activity_get_string (escale_activity_view_get_activity (view), "Hello", "greeting");
  gtk_label_set_text (self->label, self->greeting);
  if (escale_activity_view_get_visit (view) != NULL)
    escale_visit_add_wiper (escale_activity_view_get_visit (view), "hello-card", wipe_hello, NULL,
                            NULL);
  escale_activity_view_set_guide_step (view, 1);
}

static void
escale_hello_view_dispose (GObject *object)
{
  EscaleHelloView *self = ESCALE_HELLO_VIEW (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->greeting, g_free);
  G_OBJECT_CLASS (escale_hello_view_parent_class)->dispose (object);
}

static void
escale_hello_view_class_init (EscaleHelloViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = escale_hello_view_constructed;
  object_class->dispose = escale_hello_view_dispose;
  gtk_widget_class_install_action (widget_class, "hello.greet", NULL, greet_action);
  gtk_widget_class_install_action (widget_class, "hello.done", NULL, done_action);
}

static void
escale_hello_view_init (EscaleHelloView *self)
{
  GtkWidget *greet = gtk_button_new_with_label (_ ("Dire bonjour"));
  GtkWidget *done = gtk_button_new_with_label (_ ("J'ai salué"));

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (greet), "hello.greet");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (done), "hello.done");
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->label));
  gtk_box_append (GTK_BOX (self->box), greet);
  gtk_box_append (GTK_BOX (self->box), done);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
}

const char *
escale_hello_view_get_text (EscaleHelloView *self)
{
  return gtk_label_get_text (self->label);
}

GType
escale_hello_kind_view_type (EscaleActivity *activity)
{
  return ESCALE_TYPE_HELLO_VIEW;
}
