/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-kiosk"

#include <glib/gi18n-lib.h>

#include "escale-kiosk.h"

/* Ties a visit's life together, without GTK: the session says when a visit
 * ends; the kiosk then records it in the store, runs every wiper, and only
 * once all of them succeeded lets the session go back to IDLE (the welcome
 * screen). If wiping keeps failing the kiosk goes out of order instead of
 * greeting the next person over someone else's data. */
struct _EscaleKiosk
{
  GObject parent_instance;

  /* owned */
  EscaleConfig *config;
  EscaleClock *clock;
  EscaleSession *session;
  EscaleReset *reset;
  EscaleScratch *scratch;
  EscaleStatsStore *store;
  EscaleCodeLock *staff_lock;
  EscaleCodeLock *helper_lock;
  EscaleNotices *notices;
  EscaleHandoff *handoff;

  guint tick_id;
  guint goodbye_id;
  guint retry_id;
  guint goodbye_delay_ms;
  guint reset_attempts;
  guint ticks;
  gboolean out_of_order;
  gint64 last_reset_usec;

  /* the staff space: end-of-visit answers, daily retention */
  EscaleSatisfaction satisfaction;
  EscaleAgeBracket age_bracket;
  char *retention_day;

  /* help: what the shell learns from the help layer for the visit's record */
  gboolean help_given;
  char workshop_uid[33];
};

enum
{
  PROP_0,
  PROP_OUT_OF_ORDER,
  N_PROPS,
};

static GParamSpec *pspecs[N_PROPS];

G_DEFINE_FINAL_TYPE (EscaleKiosk, escale_kiosk, G_TYPE_OBJECT)

static void run_reset (EscaleKiosk *self);

static void
set_out_of_order (EscaleKiosk *self, gboolean out_of_order)
{
  if (self->out_of_order == out_of_order)
    return;
  self->out_of_order = out_of_order;
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_OUT_OF_ORDER]);
}

static gboolean
wipe_scratch (gpointer user_data, GError **error)
{
  EscaleScratch *scratch = user_data;

  return escale_scratch_wipe (scratch, error) && escale_scratch_wipe_leftovers (scratch, error);
}

static gboolean
wipe_handoff (gpointer user_data, GError **error)
{
  escale_handoff_clear (user_data);
  return TRUE;
}

static gboolean
goodbye_done_cb (gpointer user_data)
{
  EscaleKiosk *self = user_data;

  self->goodbye_id = 0;
  escale_session_wiped (self->session);
  return G_SOURCE_REMOVE;
}

static gboolean
retry_reset_cb (gpointer user_data)
{
  EscaleKiosk *self = user_data;

  self->retry_id = 0;
  run_reset (self);
  return G_SOURCE_REMOVE;
}

/* A wipe that fails keeps the kiosk closed (out of order after three
 * tries): staff read why on the warnings screen, in French, and the notice
 * goes with the first wipe that succeeds. */
static void
sync_reset_notice (EscaleKiosk *self, gboolean ok)
{
  g_autofree char *message = NULL;

  if (!ok)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "l'effacement de la dernière visite a échoué (%u "
                                            "essai) : le poste reste fermé tant qu'il n'a pas "
                                            "réussi ; il réessaie seul",
                                            "l'effacement de la dernière visite a échoué (%u "
                                            "essais) : le poste reste fermé tant qu'il n'a pas "
                                            "réussi ; il réessaie seul",
                                            self->reset_attempts + 1),
                               self->reset_attempts + 1);
  escale_notices_set (self->notices, _ ("Effacement"), NULL, message);
}

static void
run_reset (EscaleKiosk *self)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  gboolean ok = escale_reset_run (self->reset, &error);

  self->last_reset_usec = g_get_monotonic_time () - start;
  sync_reset_notice (self, ok);
  if (ok)
    {
      g_debug ("Reset done in %" G_GINT64_FORMAT " µs", self->last_reset_usec);
      self->reset_attempts = 0;
      set_out_of_order (self, FALSE);
      g_clear_handle_id (&self->goodbye_id, g_source_remove);
      /* No goodbye without a visit (staff reset the welcome screen): a
       * delayed one would end the next person's visit begun meanwhile. */
      if (self->goodbye_delay_ms == 0 ||
          escale_session_get_state (self->session) != ESCALE_SESSION_ENDING)
        goodbye_done_cb (self);
      else
        self->goodbye_id = g_timeout_add (self->goodbye_delay_ms, goodbye_done_cb, self);
      return;
    }

  /* Never show the welcome screen over data that may remain. */
  self->reset_attempts++;
  g_warning ("Reset attempt %u failed: %s", self->reset_attempts, error->message);
  if (self->reset_attempts >= 3)
    set_out_of_order (self, TRUE);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  self->retry_id =
    g_timeout_add_seconds (self->reset_attempts >= 3 ? 30 : 1, retry_reset_cb, self);
}

/* Once a day, after a visit was written and wiped: visits older than the
 * retention period become monthly totals. Rarely has anything to do. */
static void
apply_retention_daily (EscaleKiosk *self)
{
  g_autoptr(GDateTime) now = escale_clock_get_now_local (self->clock);
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (today, self->retention_day) == 0)
    return;
  g_free (self->retention_day);
  self->retention_day = g_steal_pointer (&today);
  if (!escale_stats_store_apply_retention (self->store, now,
                                           escale_config_get_retention_months (self->config), NULL,
                                           &error))
    g_message ("Old visits not folded into monthly totals yet: %s", error->message);
  {
    /* escale-stats push (a timer, another process) failing for a day. */
    g_autofree char *push = escale_stats_store_push_warning (self->store, now);

    escale_notices_set (self->notices, "escale-stats push", NULL, push);
  }
}

/* While visits wait in memory to be written (a locked file, a full disk),
 * staff see it among the notices; the notice goes once they are written. */
static void
sync_store_notice (EscaleKiosk *self)
{
  const char *last_error = escale_stats_store_get_last_error (self->store);
  guint n_pending = escale_stats_store_get_n_pending (self->store);
  g_autofree char *message = NULL;

  if (last_error != NULL && n_pending > 0)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u visite attend d'être enregistrée dans les "
                                            "statistiques (%s)",
                                            "%u visites attendent d'être enregistrées dans les "
                                            "statistiques (%s)",
                                            n_pending),
                               n_pending, last_error);
  escale_notices_set (self->notices, escale_stats_store_get_path (self->store), NULL, message);
}

static void
session_ended_cb (EscaleSession *session, EscaleSessionRecord *record, EscaleKiosk *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleSessionRecord) full = escale_session_record_copy (record);

  /* What the session does not know: the activities' themes (from their
   * config) and the optional answers given on the way out. */
  for (guint i = 0; i < full->activities->len; i++)
    {
      EscaleActivityUse *use = &g_array_index (full->activities, EscaleActivityUse, i);
      EscaleActivity *activity = escale_config_find_activity (self->config, use->activity_id);

      if (activity != NULL)
        escale_session_record_set_theme (full, use->activity_id,
                                         escale_activity_get_theme (activity));
    }
  full->satisfaction = self->satisfaction;
  full->age_bracket = self->age_bracket;
  self->satisfaction = ESCALE_SATISFACTION_NONE;
  self->age_bracket = ESCALE_AGE_NONE;
  full->help_given = self->help_given || self->workshop_uid[0] != '\0';
  g_strlcpy (full->workshop_uid, self->workshop_uid, sizeof full->workshop_uid);
  self->help_given = FALSE;

  if (!escale_stats_store_add_session (self->store, full, &error))
    g_warning ("The visit is kept in memory until the statistics can be written: %s",
               error->message);
  sync_store_notice (self);
  /* Wipe first: the person must not wait on the monthly folding (and its
   * VACUUM), which then runs behind the still "Tout est effacé" screen. */
  run_reset (self);
  if (error == NULL)
    apply_retention_daily (self);
}

static gboolean
tick_cb (gpointer user_data)
{
  EscaleKiosk *self = user_data;

  escale_session_tick (self->session);

  /* Records that could not be written (locked or full disk) are retried
   * about once a minute, while nobody is waiting on it. */
  if (++self->ticks % 60 == 0 && escale_stats_store_get_n_pending (self->store) > 0)
    {
      escale_stats_store_flush (self->store, NULL);
      sync_store_notice (self);
    }
  /* The store's log is copied into its file while nobody is there, so the
   * write at the end of a visit never waits for a disk flush. */
  else if (self->ticks % 60 == 30 &&
           escale_session_get_state (self->session) == ESCALE_SESSION_IDLE)
    escale_stats_store_checkpoint (self->store);
  return G_SOURCE_CONTINUE;
}

static void
escale_kiosk_dispose (GObject *object)
{
  EscaleKiosk *self = ESCALE_KIOSK (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_handle_id (&self->goodbye_id, g_source_remove);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_object (&self->reset);
  g_clear_object (&self->scratch);
  if (self->staff_lock != NULL)
    g_signal_handlers_disconnect_by_data (self->staff_lock, self);
  g_clear_object (&self->staff_lock);
  g_clear_object (&self->helper_lock);
  g_clear_object (&self->notices);
  g_clear_object (&self->handoff);
  g_clear_object (&self->store);
  g_clear_object (&self->clock);
  g_clear_object (&self->config);
  g_clear_pointer (&self->retention_day, g_free);
  G_OBJECT_CLASS (escale_kiosk_parent_class)->dispose (object);
}

static void
escale_kiosk_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  EscaleKiosk *self = ESCALE_KIOSK (object);

  switch (prop_id)
    {
    case PROP_OUT_OF_ORDER:
      g_value_set_boolean (value, self->out_of_order);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_kiosk_class_init (EscaleKioskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = escale_kiosk_dispose;
  object_class->get_property = escale_kiosk_get_property;

  pspecs[PROP_OUT_OF_ORDER] =
    g_param_spec_boolean ("out-of-order", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, pspecs);
}

static void
escale_kiosk_init (EscaleKiosk *self)
{
}

/* A wrong staff code counts in the day's figures, when the store can. */
static void
staff_code_wrong_cb (EscaleKiosk *self)
{
  g_autoptr(GError) error = NULL;

  if (!escale_staff_code_count_failure (self->store, self->clock, &error))
    g_debug ("A wrong staff code is not counted: %s", error->message);
}

EscaleKiosk *
escale_kiosk_new (EscaleConfig *config, EscaleClock *clock, EscaleStatsStore *store,
                  EscaleScratch *scratch)
{
  EscaleKiosk *self = g_object_new (ESCALE_TYPE_KIOSK, NULL);

  g_return_val_if_fail (ESCALE_IS_CONFIG (config), NULL);
  g_return_val_if_fail (ESCALE_IS_STATS_STORE (store), NULL);
  g_return_val_if_fail (ESCALE_IS_SCRATCH (scratch), NULL);

  self->config = g_object_ref (config);
  self->clock = clock ? g_object_ref (clock) : escale_clock_new_system ();
  self->store = g_object_ref (store);
  self->scratch = g_object_ref (scratch);
  self->reset = escale_reset_new ();
  self->notices = escale_notices_new ();
  self->staff_lock = escale_staff_code_lock_new (store, self->clock);
  self->helper_lock = escale_helper_code_lock_new (store, self->clock);
  g_signal_connect_swapped (self->staff_lock, "wrong", G_CALLBACK (staff_code_wrong_cb), self);
  self->session = escale_session_new (self->clock, escale_config_get_idle_delay (config),
                                      escale_config_get_countdown (config));
  self->goodbye_delay_ms = escale_config_get_goodbye_delay (config) * 1000;

  escale_reset_register (self->reset, "scratch-dir", wipe_scratch, g_object_ref (scratch),
                         g_object_unref);
  self->handoff = escale_handoff_new ();
  escale_reset_register (self->reset, "handoff", wipe_handoff, g_object_ref (self->handoff),
                         g_object_unref);
  g_signal_connect (self->session, "ended", G_CALLBACK (session_ended_cb), self);
  return self;
}

EscaleConfig *
escale_kiosk_get_config (EscaleKiosk *self)
{
  return self->config;
}

EscaleSession *
escale_kiosk_get_session (EscaleKiosk *self)
{
  return self->session;
}

EscaleReset *
escale_kiosk_get_reset (EscaleKiosk *self)
{
  return self->reset;
}

EscaleScratch *
escale_kiosk_get_scratch (EscaleKiosk *self)
{
  return self->scratch;
}

EscaleStatsStore *
escale_kiosk_get_store (EscaleKiosk *self)
{
  return self->store;
}

/* What staff must know that the running kiosk found out (no camera...). */
EscaleNotices *
escale_kiosk_get_notices (EscaleKiosk *self)
{
  g_return_val_if_fail (ESCALE_IS_KIOSK (self), NULL);
  return self->notices;
}

/* Returns: (transfer full): the narrow handle an activity's view gets for
 * this visit: counters, timers, hold, wipers, scratch folder, notices. */
EscaleVisit *
escale_kiosk_new_visit (EscaleKiosk *self, EscaleActivity *activity)
{
  g_return_val_if_fail (ESCALE_IS_KIOSK (self), NULL);
  return escale_visit_new (activity, self->session, self->reset, self->scratch, self->notices,
                           self->config, self->handoff);
}

/* Wipes whatever an earlier run left (a crash, a power cut), then starts
 * the one-second tick. Call once every wiper is registered. */
/* The store learns each configured activity's title and each kind's
 * counters with their labels, so the dashboard, the exports and
 * escale-stats show titles and counters, at 0 too. */
static void
declare_counters (EscaleKiosk *self)
{
  GPtrArray *activities = escale_config_get_activities (self->config);
  g_autoptr(GHashTable) done = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < activities->len; i++)
    {
      const EscaleActivityKind *kind = escale_activity_get_kind (activities->pdata[i]);
      g_autoptr(GError) error = NULL;

      if (!escale_stats_store_declare_activity (self->store,
                                                escale_activity_get_id (activities->pdata[i]),
                                                escale_activity_get_title (activities->pdata[i]),
                                                &error))
        {
          g_message ("The activity titles are not declared to the store yet: %s", error->message);
          g_clear_error (&error);
        }
      if (kind->counters == NULL || !g_hash_table_add (done, (gpointer) kind))
        continue;
      if (!escale_stats_store_declare_counters (self->store, kind->name, kind->counters, &error))
        g_message ("The counters of kind %s are not declared to the store yet: %s", kind->name,
                   error->message);
    }
}

void
escale_kiosk_start (EscaleKiosk *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ESCALE_IS_KIOSK (self));

  if (!escale_scratch_wipe_leftovers (self->scratch, &error))
    g_warning ("Leftovers of an earlier session could not be removed: %s", error->message);
  g_clear_error (&error);
  if (!escale_reset_run (self->reset, &error))
    {
      g_warning ("Start-up wipe failed: %s", error->message);
      set_out_of_order (self, TRUE);
      self->retry_id = g_timeout_add_seconds (1, retry_reset_cb, self);
    }
  g_clear_error (&error);
  declare_counters (self);
  if (!escale_staff_code_migrate (self->staff_lock, self->store, &error))
    g_message ("The staff code could not move out of the store: %s", error->message);
  if (self->tick_id == 0)
    self->tick_id = g_timeout_add_seconds (1, tick_cb, self);
}

/* How long "Tout est effacé" stays on screen; tests and benchmarks use 0. */
void
escale_kiosk_set_goodbye_delay_ms (EscaleKiosk *self, guint delay_ms)
{
  g_return_if_fail (ESCALE_IS_KIOSK (self));
  self->goodbye_delay_ms = delay_ms;
}

gboolean
escale_kiosk_get_out_of_order (EscaleKiosk *self)
{
  g_return_val_if_fail (ESCALE_IS_KIOSK (self), FALSE);
  return self->out_of_order;
}

/* Duration of the last completed wipe, in microseconds. */
gint64
escale_kiosk_get_last_reset_usec (EscaleKiosk *self)
{
  g_return_val_if_fail (ESCALE_IS_KIOSK (self), 0);
  return self->last_reset_usec;
}

/* The answers to the optional end-of-visit questions, written with the
 * visit that is ending (then forgotten). */
void
escale_kiosk_set_feedback (EscaleKiosk *self, EscaleSatisfaction satisfaction,
                           EscaleAgeBracket age_bracket)
{
  g_return_if_fail (ESCALE_IS_KIOSK (self));
  self->satisfaction = satisfaction;
  self->age_bracket = age_bracket;
}

/* A helper acknowledged this visit's call ("J'arrive" on the board). */
void
escale_kiosk_set_help_given (EscaleKiosk *self)
{
  g_return_if_fail (ESCALE_IS_KIOSK (self));
  self->help_given = TRUE;
}

/* The workshop every visit from now on is part of, or NULL when it ends. */
void
escale_kiosk_set_workshop (EscaleKiosk *self, const char *uid)
{
  g_return_if_fail (ESCALE_IS_KIOSK (self));
  g_strlcpy (self->workshop_uid, uid != NULL ? uid : "", sizeof self->workshop_uid);
}

const char *
escale_kiosk_get_workshop (EscaleKiosk *self)
{
  g_return_val_if_fail (ESCALE_IS_KIOSK (self), NULL);
  return self->workshop_uid[0] != '\0' ? self->workshop_uid : NULL;
}

EscaleClock *
escale_kiosk_get_clock (EscaleKiosk *self)
{
  return self->clock;
}

/* The staff code and its back-off, in a file of their own. */
EscaleCodeLock *
escale_kiosk_get_staff_lock (EscaleKiosk *self)
{
  return self->staff_lock;
}

/* The helpers' code (workshops at this kiosk), the same kind of lock. */
EscaleCodeLock *
escale_kiosk_get_helper_lock (EscaleKiosk *self)
{
  return self->helper_lock;
}

/* Staff: wipe now. A visit in progress ends (recorded as ended by staff)
 * and goes through the usual goodbye; with nobody there every wiper runs at
 * once. Returns FALSE if a wiper failed (the kiosk retries, and goes out of
 * order if it keeps failing). */
gboolean
escale_kiosk_reset_now (EscaleKiosk *self)
{
  g_return_val_if_fail (ESCALE_IS_KIOSK (self), FALSE);

  switch (escale_session_get_state (self->session))
    {
    case ESCALE_SESSION_ACTIVE:
    case ESCALE_SESSION_WARNING:
      escale_session_finish (self->session, ESCALE_END_STAFF);
      return self->reset_attempts == 0;
    case ESCALE_SESSION_ENDING:
      return TRUE;
    case ESCALE_SESSION_IDLE:
    default:
      run_reset (self);
      return self->reset_attempts == 0;
    }
}
