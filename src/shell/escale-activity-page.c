/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "escale-activity-page.h"
#include "escale-activity-view.h"
#include "escale-ui-util.h"

/* The frame around any activity: its content on the left, the guide panel
 * on the right with numbered steps in plain French (and tips for the peer
 * helper when the centre wrote some). The window's bars give the title,
 * "Accueil", "J'ai fini" and help. A page lives for one visit of one
 * activity: leaving destroys it and whatever it held.
 *
 * The content is the view the activity's kind names
 * (EscaleActivityKind.view_type), made with the activity, a visit handle
 * from the kiosk and the web profile; the page follows its "holding" (the
 * session's hold, released when the page goes away), "guide-step" (the
 * step highlighted in the panel) and "presenting" (the panel steps aside).
 * No kind is named here. */
struct _EscaleActivityPage
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkWidget *box;
  GtkBox *content_slot;
  GtkBox *steps_box;
  GtkBox *tips_box;
  GtkWidget *guide_panel;

  /* owned */
  EscaleActivity *activity;
  EscaleKiosk *kiosk; /* NULL outside a kiosk (a view tested alone) */
  EscaleWebProfile *web_profile;
  EscaleVisit *visit;   /* NULL without a kiosk */
  GPtrArray *step_rows; /* borrowed from steps_box, one per [Guide] step */
  GtkWidget *content;   /* borrowed from content_slot */
};

enum
{
  PROP_0,
  PROP_ACTIVITY,
  PROP_KIOSK,
  PROP_WEB_PROFILE,
  N_PROPS,
};

static GParamSpec *pspecs[N_PROPS];

G_DEFINE_FINAL_TYPE (EscaleActivityPage, escale_activity_page, GTK_TYPE_WIDGET)

static GtkWidget *
step_row_new (guint number, const char *text)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *digits = g_strdup_printf ("%u", number);
  GtkWidget *badge = gtk_label_new (digits);
  GtkWidget *label = escale_wrapped_label_new (NULL, "guide-step");

  gtk_widget_add_css_class (row, "guide-step-row");
  gtk_widget_add_css_class (badge, "step-number");
  gtk_widget_set_valign (badge, GTK_ALIGN_START);
  /* Steps may put a button's exact name in bold with <b>...</b>. */
  gtk_label_set_markup (GTK_LABEL (label), text);
  if (gtk_label_get_text (GTK_LABEL (label))[0] == '\0')
    gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (row), badge);
  gtk_box_append (GTK_BOX (row), label);
  return row;
}

static void
fill_guide (EscaleActivityPage *self)
{
  const char *const *steps = escale_activity_get_steps (self->activity);
  const char *const *tips = escale_activity_get_helper_tips (self->activity);

  for (guint i = 0; steps[i] != NULL; i++)
    {
      GtkWidget *row = step_row_new (i + 1, steps[i]);

      g_ptr_array_add (self->step_rows, row);
      gtk_box_append (self->steps_box, row);
    }
  if (steps[0] == NULL)
    gtk_box_append (self->steps_box,
                    escale_wrapped_label_new (_ ("Lisez tranquillement. Touchez Accueil pour "
                                                 "revenir aux grands boutons."),
                                              "guide-step"));

  if (tips[0] != NULL)
    {
      gtk_box_append (self->tips_box,
                      escale_wrapped_label_new (_ ("Pour l'aidant"), "helper-tips-title"));
      for (guint i = 0; tips[i] != NULL; i++)
        gtk_box_append (self->tips_box, escale_wrapped_label_new (tips[i], "helper-tip"));
      gtk_widget_set_visible (GTK_WIDGET (self->tips_box), TRUE);
    }
}

/* The guide follows the view: the step matching what it shows stands out. */
static void
guide_step_cb (EscaleActivityPage *self, GParamSpec *pspec, EscaleActivityView *view)
{
  guint step = escale_activity_view_get_guide_step (view);

  for (guint i = 0; i < self->step_rows->len; i++)
    {
      GtkWidget *row = self->step_rows->pdata[i];

      if (i + 1 == step)
        gtk_widget_add_css_class (row, "current");
      else
        gtk_widget_remove_css_class (row, "current");
    }
}

/* A view that takes the whole width (the culture slideshow's "Mode
 * conférencier") sends the guide panel aside. */
/* A call under way keeps the inactivity countdown away; during a workshop
 * so does a view presenting (the helper's "Mode conférencier"). */
static void
holding_cb (EscaleActivityPage *self, GParamSpec *pspec, EscaleActivityView *view)
{
  gboolean workshop = self->kiosk != NULL && escale_kiosk_get_workshop (self->kiosk) != NULL;

  if (self->visit != NULL)
    escale_visit_set_hold (self->visit,
                           escale_activity_view_get_holding (view) ||
                             (workshop && escale_activity_view_get_presenting (view)));
}

static void
presenting_cb (EscaleActivityPage *self, GParamSpec *pspec, EscaleActivityView *view)
{
  gtk_widget_set_visible (self->guide_panel, !escale_activity_view_get_presenting (view));
  holding_cb (self, NULL, view);
}

/* The view the activity's kind names, followed by the frame. */
static GtkWidget *
create_content (EscaleActivityPage *self)
{
  const EscaleActivityKind *kind = escale_activity_get_kind (self->activity);
  GtkWidget *view;

  if (self->kiosk != NULL)
    self->visit = escale_kiosk_new_visit (self->kiosk, self->activity);
  view = g_object_new (kind->view_type (self->activity), "activity", self->activity, "visit",
                       self->visit, "web-profile", self->web_profile, NULL);
  g_signal_connect_object (view, "notify::holding", G_CALLBACK (holding_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (view, "notify::guide-step", G_CALLBACK (guide_step_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (view, "notify::presenting", G_CALLBACK (presenting_cb), self,
                           G_CONNECT_SWAPPED);
  holding_cb (self, NULL, ESCALE_ACTIVITY_VIEW (view));
  guide_step_cb (self, NULL, ESCALE_ACTIVITY_VIEW (view));
  presenting_cb (self, NULL, ESCALE_ACTIVITY_VIEW (view));
  return view;
}

static void
escale_activity_page_constructed (GObject *object)
{
  EscaleActivityPage *self = ESCALE_ACTIVITY_PAGE (object);

  G_OBJECT_CLASS (escale_activity_page_parent_class)->constructed (object);

  fill_guide (self);
  self->content = create_content (self);
  gtk_widget_set_vexpand (self->content, TRUE);
  gtk_box_append (self->content_slot, self->content);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  escale_activity_get_title (self->activity), -1);
}

static void
escale_activity_page_dispose (GObject *object)
{
  EscaleActivityPage *self = ESCALE_ACTIVITY_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), ESCALE_TYPE_ACTIVITY_PAGE);
  self->content = NULL;
  g_clear_pointer (&self->step_rows, g_ptr_array_unref);
  /* Leaving the activity ends whatever hold its view had. */
  if (self->visit != NULL)
    escale_visit_set_hold (self->visit, FALSE);
  g_clear_object (&self->visit);
  g_clear_object (&self->activity);
  g_clear_object (&self->kiosk);
  g_clear_object (&self->web_profile);
  G_OBJECT_CLASS (escale_activity_page_parent_class)->dispose (object);
}

static void
escale_activity_page_get_property (GObject *object, guint prop_id, GValue *value,
                                   GParamSpec *pspec)
{
  EscaleActivityPage *self = ESCALE_ACTIVITY_PAGE (object);

  switch (prop_id)
    {
    case PROP_ACTIVITY:
      g_value_set_object (value, self->activity);
      break;
    case PROP_KIOSK:
      g_value_set_object (value, self->kiosk);
      break;
    case PROP_WEB_PROFILE:
      g_value_set_object (value, self->web_profile);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_activity_page_set_property (GObject *object, guint prop_id, const GValue *value,
                                   GParamSpec *pspec)
{
  EscaleActivityPage *self = ESCALE_ACTIVITY_PAGE (object);

  switch (prop_id)
    {
    case PROP_ACTIVITY:
      self->activity = g_value_dup_object (value);
      break;
    case PROP_KIOSK:
      self->kiosk = g_value_dup_object (value);
      break;
    case PROP_WEB_PROFILE:
      self->web_profile = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_activity_page_class_init (EscaleActivityPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = escale_activity_page_constructed;
  object_class->dispose = escale_activity_page_dispose;
  object_class->get_property = escale_activity_page_get_property;
  object_class->set_property = escale_activity_page_set_property;

  pspecs[PROP_ACTIVITY] =
    g_param_spec_object ("activity", NULL, NULL, ESCALE_TYPE_ACTIVITY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  pspecs[PROP_KIOSK] =
    g_param_spec_object ("kiosk", NULL, NULL, ESCALE_TYPE_KIOSK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  pspecs[PROP_WEB_PROFILE] =
    g_param_spec_object ("web-profile", NULL, NULL, ESCALE_TYPE_WEB_PROFILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, pspecs);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/fr/escale/Escale/ui/escale-activity-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EscaleActivityPage, box);
  gtk_widget_class_bind_template_child (widget_class, EscaleActivityPage, content_slot);
  gtk_widget_class_bind_template_child (widget_class, EscaleActivityPage, steps_box);
  gtk_widget_class_bind_template_child (widget_class, EscaleActivityPage, tips_box);
  gtk_widget_class_bind_template_child (widget_class, EscaleActivityPage, guide_panel);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "activitypage");
}

static void
escale_activity_page_init (EscaleActivityPage *self)
{
  self->step_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
escale_activity_page_new (EscaleActivity *activity, EscaleKiosk *kiosk,
                          EscaleWebProfile *web_profile)
{
  return g_object_new (ESCALE_TYPE_ACTIVITY_PAGE, "activity", activity, "kiosk", kiosk,
                       "web-profile", web_profile, NULL);
}

EscaleActivity *
escale_activity_page_get_activity (EscaleActivityPage *self)
{
  g_return_val_if_fail (ESCALE_IS_ACTIVITY_PAGE (self), NULL);
  return self->activity;
}

GtkWidget *
escale_activity_page_get_content (EscaleActivityPage *self)
{
  g_return_val_if_fail (ESCALE_IS_ACTIVITY_PAGE (self), NULL);
  return self->content;
}

/* What "Écouter" reads of the guide: the step standing out ("Étape 2 :
 * …"), else the first; the panel's words when the activity has no steps;
 * NULL while the panel steps aside. Plain text (no <b>). */
char *
escale_activity_page_dup_guide_step (EscaleActivityPage *self)
{
  GtkWidget *row = NULL;
  GtkWidget *label;
  guint number = 1;

  g_return_val_if_fail (ESCALE_IS_ACTIVITY_PAGE (self), NULL);
  if (!gtk_widget_get_visible (self->guide_panel))
    return NULL;
  for (guint i = 0; i < self->step_rows->len && row == NULL; i++)
    if (gtk_widget_has_css_class (self->step_rows->pdata[i], "current"))
      {
        row = self->step_rows->pdata[i];
        number = i + 1;
      }
  if (row == NULL && self->step_rows->len > 0)
    row = self->step_rows->pdata[0];
  label = row != NULL ? gtk_widget_get_last_child (row)
                      : gtk_widget_get_first_child (GTK_WIDGET (self->steps_box));
  if (!GTK_IS_LABEL (label))
    return NULL;
  if (row == NULL)
    return g_strdup (gtk_label_get_text (GTK_LABEL (label)));
  return g_strdup_printf (_ ("Étape %u : %s"), number, gtk_label_get_text (GTK_LABEL (label)));
}
