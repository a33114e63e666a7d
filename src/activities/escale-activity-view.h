/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "escale-activity.h"
#include "escale-visit.h"
#include "escale-web-profile.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_ACTIVITY_VIEW (escale_activity_view_get_type ())
G_DECLARE_DERIVABLE_TYPE (EscaleActivityView, escale_activity_view, ESCALE, ACTIVITY_VIEW,
                          GtkWidget)

/* The content of an activity page, subclassed by each kind's view. The
 * page sets the construct-only properties and follows the read-only ones;
 * subclasses change those through the protected setters below. */
struct _EscaleActivityViewClass
{
  GtkWidgetClass parent_class;

  /*< private >*/
  gpointer padding[8];
};

EscaleActivity *escale_activity_view_get_activity (EscaleActivityView *self);
EscaleVisit *escale_activity_view_get_visit (EscaleActivityView *self);
EscaleWebProfile *escale_activity_view_get_web_profile (EscaleActivityView *self);
gboolean escale_activity_view_get_holding (EscaleActivityView *self);
guint escale_activity_view_get_guide_step (EscaleActivityView *self);
gboolean escale_activity_view_get_presenting (EscaleActivityView *self);
gboolean escale_activity_view_get_fills_screen (EscaleActivityView *self);
gboolean escale_activity_view_open_activity (EscaleActivityView *self, EscaleActivity *activity);

/* protected: for subclasses */
void escale_activity_view_set_holding (EscaleActivityView *self, gboolean holding);
void escale_activity_view_set_guide_step (EscaleActivityView *self, guint step);
void escale_activity_view_set_presenting (EscaleActivityView *self, gboolean presenting);
void escale_activity_view_set_fills_screen (EscaleActivityView *self, gboolean fills_screen);

G_END_DECLS
