/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-visit"

#include "escale-visit.h"

/* What an activity's view may do during a visit, and nothing more: count
 * and time the counters its kind declared, hold the countdown, add wipers
 * for what it leaves, find the visit's scratch folder, and tell staff
 * something. The kiosk makes one for each activity page
 * (escale_kiosk_new_visit ()); a view never sees the kiosk, the store or
 * the session itself.
 *
 * Lifetime: the handle is over once the session went back to IDLE (the
 * visit was recorded and wiped); after that it counts, holds and adds
 * nothing, so a page left over never touches the next person's visit.
 * Wipers are registered for the visit only (escale_reset_register_for_visit):
 * they run at its reset even if the page is gone by then, and never at a
 * later one. A wiper whose data is the view itself must be removed by the
 * view when it goes away (escale_visit_remove_wiper () in dispose). */
struct _EscaleVisit
{
  GObject parent_instance;

  /* owned */
  EscaleActivity *activity;
  EscaleSession *session;
  EscaleReset *reset;
  EscaleScratch *scratch;
  EscaleNotices *notices;
  EscaleConfig *config;
  EscaleHandoff *handoff;
  GPtrArray *timers; /* of char *: the timers this handle started */
  gboolean holding;
  gboolean over;
};

G_DEFINE_FINAL_TYPE (EscaleVisit, escale_visit, G_TYPE_OBJECT)

static const char *
kind_name (EscaleVisit *self)
{
  return escale_activity_get_kind (self->activity)->name;
}

static void
stop_timers (EscaleVisit *self)
{
  for (guint i = 0; i < self->timers->len; i++)
    escale_session_stop_timer (self->session, kind_name (self), self->timers->pdata[i]);
  g_ptr_array_set_size (self->timers, 0);
}

static void
session_state_cb (EscaleVisit *self)
{
  if (self->over || escale_session_get_state (self->session) != ESCALE_SESSION_IDLE)
    return;
  /* Recorded and wiped: the session stopped the timers and dropped every
   * hold itself. */
  self->over = TRUE;
  self->holding = FALSE;
  g_ptr_array_set_size (self->timers, 0);
}

static void
escale_visit_dispose (GObject *object)
{
  EscaleVisit *self = ESCALE_VISIT (object);

  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->session, self);
      if (!self->over)
        {
          /* The page went away (Accueil): what it timed stops with it. */
          stop_timers (self);
          escale_session_set_hold (self->session, &self->holding, FALSE);
        }
    }
  g_clear_object (&self->activity);
  g_clear_object (&self->session);
  g_clear_object (&self->reset);
  g_clear_object (&self->scratch);
  g_clear_object (&self->notices);
  g_clear_object (&self->config);
  g_clear_object (&self->handoff);
  G_OBJECT_CLASS (escale_visit_parent_class)->dispose (object);
}

static void
escale_visit_finalize (GObject *object)
{
  g_clear_pointer (&ESCALE_VISIT (object)->timers, g_ptr_array_unref);
  G_OBJECT_CLASS (escale_visit_parent_class)->finalize (object);
}

static void
escale_visit_class_init (EscaleVisitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = escale_visit_dispose;
  object_class->finalize = escale_visit_finalize;
}

static void
escale_visit_init (EscaleVisit *self)
{
  self->timers = g_ptr_array_new_with_free_func (g_free);
}

/* The kiosk's handle for one activity page; escale_kiosk_new_visit () is
 * how the application makes it. */
EscaleVisit *
escale_visit_new (EscaleActivity *activity, EscaleSession *session, EscaleReset *reset,
                  EscaleScratch *scratch, EscaleNotices *notices, EscaleConfig *config,
                  EscaleHandoff *handoff)
{
  EscaleVisit *self;

  g_return_val_if_fail (ESCALE_IS_ACTIVITY (activity), NULL);
  g_return_val_if_fail (ESCALE_IS_SESSION (session), NULL);
  g_return_val_if_fail (ESCALE_IS_RESET (reset), NULL);
  g_return_val_if_fail (ESCALE_IS_SCRATCH (scratch), NULL);
  g_return_val_if_fail (ESCALE_IS_NOTICES (notices), NULL);
  g_return_val_if_fail (ESCALE_IS_CONFIG (config), NULL);
  g_return_val_if_fail (ESCALE_IS_HANDOFF (handoff), NULL);

  self = g_object_new (ESCALE_TYPE_VISIT, NULL);
  self->activity = g_object_ref (activity);
  self->session = g_object_ref (session);
  self->reset = g_object_ref (reset);
  self->scratch = g_object_ref (scratch);
  self->notices = g_object_ref (notices);
  self->config = g_object_ref (config);
  self->handoff = g_object_ref (handoff);
  g_signal_connect_swapped (session, "notify::state", G_CALLBACK (session_state_cb), self);
  return self;
}

/* Whether the visit was recorded and wiped: the handle does nothing more. */
gboolean
escale_visit_is_over (EscaleVisit *self)
{
  g_return_val_if_fail (ESCALE_IS_VISIT (self), TRUE);
  return self->over;
}

static gboolean
declared_by (const EscaleActivityKind *kind, const char *counter)
{
  if (escale_activity_kind_find_counter (kind, counter) != NULL)
    return TRUE;
  g_critical ("Counter “%s” is not declared by the activity kind “%s”", counter, kind->name);
  return FALSE;
}

static gboolean
declared (EscaleVisit *self, const char *counter)
{
  return declared_by (escale_activity_get_kind (self->activity), counter);
}

/* Adds @n to @counter, which the activity's kind must declare. */
void
escale_visit_count (EscaleVisit *self, const char *counter, guint n)
{
  g_return_if_fail (ESCALE_IS_VISIT (self));
  g_return_if_fail (counter != NULL);

  if (!declared (self, counter) || self->over)
    return;
  escale_session_count (self->session, kind_name (self), counter, n);
}

/* Times @counter in whole minutes until escale_visit_stop_timer (), the
 * page going away or the end of the visit. */
void
escale_visit_start_timer (EscaleVisit *self, const char *counter)
{
  g_return_if_fail (ESCALE_IS_VISIT (self));
  g_return_if_fail (counter != NULL);

  if (!declared (self, counter) || self->over)
    return;
  escale_session_start_timer (self->session, kind_name (self), counter);
  if (!g_ptr_array_find_with_equal_func (self->timers, counter, g_str_equal, NULL))
    g_ptr_array_add (self->timers, g_strdup (counter));
}

void
escale_visit_stop_timer (EscaleVisit *self, const char *counter)
{
  guint index;

  g_return_if_fail (ESCALE_IS_VISIT (self));
  g_return_if_fail (counter != NULL);

  if (!declared (self, counter) || self->over)
    return;
  escale_session_stop_timer (self->session, kind_name (self), counter);
  if (g_ptr_array_find_with_equal_func (self->timers, counter, g_str_equal, &index))
    g_ptr_array_remove_index (self->timers, index);
}

/* TRUE keeps the inactivity countdown away (a call under way, a slideshow
 * in front of a group); released when the handle goes away. */
void
escale_visit_set_hold (EscaleVisit *self, gboolean hold)
{
  g_return_if_fail (ESCALE_IS_VISIT (self));

  if (self->over)
    return;
  escale_session_set_hold (self->session, &self->holding, hold);
}

static char *
wiper_name (EscaleVisit *self, const char *name)
{
  return g_strdup_printf ("%s/%s", escale_activity_get_id (self->activity), name);
}

/* Adds a wiper for what this visit of the activity leaves: it runs at the
 * visit's reset, registered as "ACTIVITY-ID/@name". */
void
escale_visit_add_wiper (EscaleVisit *self, const char *name, EscaleWipeFunc func,
                        gpointer user_data, GDestroyNotify destroy)
{
  g_autofree char *full_name = NULL;

  g_return_if_fail (ESCALE_IS_VISIT (self));
  g_return_if_fail (name != NULL && func != NULL);

  if (self->over)
    {
      if (destroy != NULL)
        destroy (user_data);
      return;
    }
  full_name = wiper_name (self, name);
  escale_reset_register_for_visit (self->reset, full_name, func, user_data, destroy);
}

void
escale_visit_remove_wiper (EscaleVisit *self, const char *name)
{
  g_autofree char *full_name = NULL;

  g_return_if_fail (ESCALE_IS_VISIT (self));
  g_return_if_fail (name != NULL);

  full_name = wiper_name (self, name);
  escale_reset_unregister (self->reset, full_name);
}

/* The only folder where the visit may write files (created on first use,
 * wiped at the end of the visit). */
const char *
escale_visit_get_scratch_dir (EscaleVisit *self, GError **error)
{
  g_return_val_if_fail (ESCALE_IS_VISIT (self), NULL);

  /* Never the next person's folder. */
  if (self->over)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CLOSED, "the visit is over");
      return NULL;
    }
  return escale_scratch_get_path (self->scratch, error);
}

/* Tells staff something only the running kiosk finds out, about the
 * activity's file and the line of @key in @group (both nullable). */
void
escale_visit_notice (EscaleVisit *self, const char *group, const char *key, const char *message)
{
  guint line = 0;

  g_return_if_fail (ESCALE_IS_VISIT (self));
  g_return_if_fail (message != NULL);

  if (group != NULL && key != NULL)
    line = escale_activity_get_line (self->activity, group, key);
  escale_notices_add (self->notices, escale_activity_get_source (self->activity), line, key,
                      message);
}

/* --- Between the activities of one visit --------------------------------- */

/* Returns: (transfer none) (nullable): the first activity of the
 * configuration whose kind is named @kind ("call"), for a view that offers
 * to go on there (then escale_activity_view_open_activity ()). */
EscaleActivity *
escale_visit_find_activity (EscaleVisit *self, const char *kind)
{
  GPtrArray *activities;

  g_return_val_if_fail (ESCALE_IS_VISIT (self), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  activities = escale_config_get_activities (self->config);
  for (guint i = 0; i < activities->len; i++)
    {
      EscaleActivity *activity = activities->pdata[i];

      if (g_str_equal (escale_activity_get_kind (activity)->name, kind))
        return activity;
    }
  return NULL;
}

/* Leaves @object for another activity of this visit under @name (a name
 * the two kinds agree on); dropped at the end of the visit if nobody takes
 * it, and never handed to a later one. */
void
escale_visit_hand_off (EscaleVisit *self, const char *name, gpointer object)
{
  g_return_if_fail (ESCALE_IS_VISIT (self));
  g_return_if_fail (name != NULL && G_IS_OBJECT (object));

  if (self->over)
    return;
  escale_handoff_put (self->handoff, name, kind_name (self), object);
}

/* Returns: (transfer full) (nullable): what another activity of this visit
 * left under @name, now the caller's; @giver_kind (optional, free it) says
 * which kind left it, for escale_visit_count_for (). */
gpointer
escale_visit_take_handoff (EscaleVisit *self, const char *name, char **giver_kind)
{
  g_return_val_if_fail (ESCALE_IS_VISIT (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (giver_kind != NULL)
    *giver_kind = NULL;
  if (self->over)
    return NULL;
  return escale_handoff_take (self->handoff, name, giver_kind);
}

/* Counts @counter of another kind the configuration uses, which must
 * declare it: what a hand-off became ("photos-shown" of the photos, counted
 * by the call that showed them). */
void
escale_visit_count_for (EscaleVisit *self, const char *kind, const char *counter, guint n)
{
  EscaleActivity *other;

  g_return_if_fail (ESCALE_IS_VISIT (self));
  g_return_if_fail (kind != NULL && counter != NULL);

  other = escale_visit_find_activity (self, kind);
  if (other == NULL)
    {
      g_critical ("No activity of the kind “%s” to count “%s” for", kind, counter);
      return;
    }
  if (!declared_by (escale_activity_get_kind (other), counter) || self->over)
    return;
  escale_session_count (self->session, kind, counter, n);
}
