/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "escale-activity-view.h"

/* The base of every activity's view, in the manner of GNOME Console's
 * KgxTab: the page (src/shell/escale-activity-page.c) makes the view its
 * kind names, hands it the activity, the visit handle and the web profile,
 * and follows three properties:
 *   holding     TRUE keeps the inactivity countdown away (a call under way)
 *   guide-step  the step of the "Comment faire" panel that matches what the
 *               view shows (1 for [Guide] step-1...), 0 for none
 *   presenting  the view takes the whole width (the culture slideshow's
 *               "Mode conférencier"): the guide panel steps aside
 *   fills-screen  the view takes the whole screen (a presentation to a
 *               group): the window's bars step aside too, so the view
 *               must offer its own large way out
 * The visit and the web profile may be NULL (a view tested on its own, or
 * a kind that shows no web page). */
typedef struct
{
  EscaleActivity *activity;
  EscaleVisit *visit;
  EscaleWebProfile *web_profile;
  guint guide_step;
  gboolean holding;
  gboolean presenting;
  gboolean fills_screen;
} EscaleActivityViewPrivate;

enum
{
  PROP_0,
  PROP_ACTIVITY,
  PROP_VISIT,
  PROP_WEB_PROFILE,
  PROP_HOLDING,
  PROP_GUIDE_STEP,
  PROP_PRESENTING,
  PROP_FILLS_SCREEN,
  N_PROPS,
};

static GParamSpec *pspecs[N_PROPS];

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (EscaleActivityView, escale_activity_view, GTK_TYPE_WIDGET)

#define PRIV(self) ((EscaleActivityViewPrivate *) escale_activity_view_get_instance_private (self))

static void
escale_activity_view_dispose (GObject *object)
{
  EscaleActivityViewPrivate *priv = PRIV (ESCALE_ACTIVITY_VIEW (object));

  g_clear_object (&priv->activity);
  g_clear_object (&priv->visit);
  g_clear_object (&priv->web_profile);
  G_OBJECT_CLASS (escale_activity_view_parent_class)->dispose (object);
}

static void
escale_activity_view_get_property (GObject *object, guint prop_id, GValue *value,
                                   GParamSpec *pspec)
{
  EscaleActivityViewPrivate *priv = PRIV (ESCALE_ACTIVITY_VIEW (object));

  switch (prop_id)
    {
    case PROP_ACTIVITY:
      g_value_set_object (value, priv->activity);
      break;
    case PROP_VISIT:
      g_value_set_object (value, priv->visit);
      break;
    case PROP_WEB_PROFILE:
      g_value_set_object (value, priv->web_profile);
      break;
    case PROP_HOLDING:
      g_value_set_boolean (value, priv->holding);
      break;
    case PROP_GUIDE_STEP:
      g_value_set_uint (value, priv->guide_step);
      break;
    case PROP_PRESENTING:
      g_value_set_boolean (value, priv->presenting);
      break;
    case PROP_FILLS_SCREEN:
      g_value_set_boolean (value, priv->fills_screen);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_activity_view_set_property (GObject *object, guint prop_id, const GValue *value,
                                   GParamSpec *pspec)
{
  EscaleActivityViewPrivate *priv = PRIV (ESCALE_ACTIVITY_VIEW (object));

  switch (prop_id)
    {
    case PROP_ACTIVITY:
      priv->activity = g_value_dup_object (value);
      break;
    case PROP_VISIT:
      priv->visit = g_value_dup_object (value);
      break;
    case PROP_WEB_PROFILE:
      priv->web_profile = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_activity_view_class_init (EscaleActivityViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  GParamFlags state = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = escale_activity_view_dispose;
  object_class->get_property = escale_activity_view_get_property;
  object_class->set_property = escale_activity_view_set_property;

  pspecs[PROP_ACTIVITY] =
    g_param_spec_object ("activity", NULL, NULL, ESCALE_TYPE_ACTIVITY, construct);
  pspecs[PROP_VISIT] = g_param_spec_object ("visit", NULL, NULL, ESCALE_TYPE_VISIT, construct);
  pspecs[PROP_WEB_PROFILE] =
    g_param_spec_object ("web-profile", NULL, NULL, ESCALE_TYPE_WEB_PROFILE, construct);
  pspecs[PROP_HOLDING] = g_param_spec_boolean ("holding", NULL, NULL, FALSE, state);
  pspecs[PROP_GUIDE_STEP] = g_param_spec_uint ("guide-step", NULL, NULL, 0, G_MAXUINT, 0, state);
  pspecs[PROP_PRESENTING] = g_param_spec_boolean ("presenting", NULL, NULL, FALSE, state);
  pspecs[PROP_FILLS_SCREEN] = g_param_spec_boolean ("fills-screen", NULL, NULL, FALSE, state);
  g_object_class_install_properties (object_class, N_PROPS, pspecs);

  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
escale_activity_view_init (EscaleActivityView *self)
{
}

EscaleActivity *
escale_activity_view_get_activity (EscaleActivityView *self)
{
  g_return_val_if_fail (ESCALE_IS_ACTIVITY_VIEW (self), NULL);
  return PRIV (self)->activity;
}

/* Returns: (nullable) (transfer none): the visit handle; NULL outside a kiosk. */
EscaleVisit *
escale_activity_view_get_visit (EscaleActivityView *self)
{
  g_return_val_if_fail (ESCALE_IS_ACTIVITY_VIEW (self), NULL);
  return PRIV (self)->visit;
}

/* Returns: (nullable) (transfer none) */
EscaleWebProfile *
escale_activity_view_get_web_profile (EscaleActivityView *self)
{
  g_return_val_if_fail (ESCALE_IS_ACTIVITY_VIEW (self), NULL);
  return PRIV (self)->web_profile;
}

gboolean
escale_activity_view_get_holding (EscaleActivityView *self)
{
  g_return_val_if_fail (ESCALE_IS_ACTIVITY_VIEW (self), FALSE);
  return PRIV (self)->holding;
}

guint
escale_activity_view_get_guide_step (EscaleActivityView *self)
{
  g_return_val_if_fail (ESCALE_IS_ACTIVITY_VIEW (self), 0);
  return PRIV (self)->guide_step;
}

gboolean
escale_activity_view_get_presenting (EscaleActivityView *self)
{
  g_return_val_if_fail (ESCALE_IS_ACTIVITY_VIEW (self), FALSE);
  return PRIV (self)->presenting;
}

void
escale_activity_view_set_holding (EscaleActivityView *self, gboolean holding)
{
  EscaleActivityViewPrivate *priv;

  g_return_if_fail (ESCALE_IS_ACTIVITY_VIEW (self));
  priv = PRIV (self);
  if (priv->holding == !!holding)
    return;
  priv->holding = !!holding;
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_HOLDING]);
}

/* @step: 1 for [Guide] step-1..., 0 when no step matches. */
void
escale_activity_view_set_guide_step (EscaleActivityView *self, guint step)
{
  EscaleActivityViewPrivate *priv;

  g_return_if_fail (ESCALE_IS_ACTIVITY_VIEW (self));
  priv = PRIV (self);
  if (priv->guide_step == step)
    return;
  priv->guide_step = step;
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_GUIDE_STEP]);
}

void
escale_activity_view_set_presenting (EscaleActivityView *self, gboolean presenting)
{
  EscaleActivityViewPrivate *priv;

  g_return_if_fail (ESCALE_IS_ACTIVITY_VIEW (self));
  priv = PRIV (self);
  if (priv->presenting == !!presenting)
    return;
  priv->presenting = !!presenting;
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_PRESENTING]);
}

gboolean
escale_activity_view_get_fills_screen (EscaleActivityView *self)
{
  g_return_val_if_fail (ESCALE_IS_ACTIVITY_VIEW (self), FALSE);
  return PRIV (self)->fills_screen;
}

void
escale_activity_view_set_fills_screen (EscaleActivityView *self, gboolean fills_screen)
{
  EscaleActivityViewPrivate *priv;

  g_return_if_fail (ESCALE_IS_ACTIVITY_VIEW (self));
  priv = PRIV (self);
  if (priv->fills_screen == !!fills_screen)
    return;
  priv->fills_screen = !!fills_screen;
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_FILLS_SCREEN]);
}

/* Asks the window to open @activity in place of this view (which goes
 * away, with its page): "Montrer à ma famille" goes from the photos to the
 * call. Find it with escale_visit_find_activity (); leave what it needs
 * with escale_visit_hand_off () first. Outside a window, nothing happens. */
gboolean
escale_activity_view_open_activity (EscaleActivityView *self, EscaleActivity *activity)
{
  g_autoptr(EscaleActivityView) alive = NULL;

  g_return_val_if_fail (ESCALE_IS_ACTIVITY_VIEW (self), FALSE);
  g_return_val_if_fail (ESCALE_IS_ACTIVITY (activity), FALSE);

  alive = g_object_ref (self);
  return gtk_widget_activate_action (GTK_WIDGET (self), "win.open-activity", "s",
                                     escale_activity_get_id (activity));
}
