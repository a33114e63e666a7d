/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-help"

#include <string.h>
#include <glib/gstdio.h>

#include "escale-workshop-mode.h"

/* A workshop on this kiosk, from its start (on the board, or here by a
 * helper with the helpers' code) to its end: every visit meanwhile is part
 * of it (workshop_uid, so help given), the inactivity delay is the
 * workshop's ([Help] workshop-idle-delay), and the visits are counted,
 * anonymously. Its planned end is kept: five minutes before, the band says
 * so; at the end it ends by itself. When it ends, the visit under way ends
 * (and is wiped like any other), and the kiosk records one collective
 * activity if anyone took part on it. A workshop started here survives a
 * restart (a small file beside the store); one whose planned end passed
 * while the kiosk was off is ended at start. */
struct _EscaleWorkshopMode
{
  GObject parent_instance;

  EscaleKiosk *kiosk;
  EscaleHelpClient *client;
  EscaleHelpWorkshop current; /* uid empty: none */
  char expired_uid[33];       /* a site workshop past its planned end */
  char *state_path;
  guint participants;
  guint tick_id;
};

enum
{
  PROP_0,
  PROP_ACTIVE,
  N_PROPS,
};

static GParamSpec *pspecs[N_PROPS];

G_DEFINE_FINAL_TYPE (EscaleWorkshopMode, escale_workshop_mode, G_TYPE_OBJECT)

#define NOTICE_SECONDS (5 * 60)
#define GROUP "Workshop"

static gboolean
is_active (EscaleWorkshopMode *self)
{
  return self->current.uid[0] != '\0';
}

static gint64
now_unix (EscaleWorkshopMode *self)
{
  g_autoptr(GDateTime) now = escale_clock_get_now_local (escale_kiosk_get_clock (self->kiosk));

  return g_date_time_to_unix (now);
}

/* The workshop started here, with its participants so far: kept across a
 * restart, atomically. */
static void
save (EscaleWorkshopMode *self)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *payload = escale_help_workshop_payload (&self->current);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;

  g_key_file_set_string (file, GROUP, "Workshop", payload);
  g_key_file_set_uint64 (file, GROUP, "Participants", self->participants);
  data = g_key_file_to_data (file, NULL, NULL);
  if (!g_file_set_contents_full (self->state_path, data, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                 &error))
    g_message ("The workshop cannot be kept across a restart: %s", error->message);
}

static gboolean
load (EscaleWorkshopMode *self, EscaleHelpWorkshop *workshop, guint *participants)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *payload = NULL;

  if (!g_key_file_load_from_file (file, self->state_path, G_KEY_FILE_NONE, NULL))
    return FALSE;
  payload = g_key_file_get_string (file, GROUP, "Workshop", NULL);
  *participants = (guint) g_key_file_get_uint64 (file, GROUP, "Participants", NULL);
  return payload != NULL && escale_help_workshop_parse (payload, strlen (payload), workshop);
}

static void
visit_ended_cb (EscaleSession *session, EscaleSessionRecord *record, EscaleWorkshopMode *self)
{
  if (!is_active (self))
    return;
  self->participants++;
  if (escale_help_client_workshop_is_local (self->client))
    save (self);
}

static void
record (EscaleWorkshopMode *self, const EscaleHelpWorkshop *current, guint participants)
{
  g_autoptr(GDateTime) start = g_date_time_new_from_unix_local (current->start);
  g_autofree char *day = g_date_time_format (start, "%Y-%m-%d");
  /* At most the planned length: a kiosk off at the planned end ends it
   * when it comes back, not later. */
  gint64 end = MIN (now_unix (self), MAX (current->end, current->start));
  g_autoptr(GError) error = NULL;
  EscaleWorkshopRecord workshop = { 0 };

  if (participants == 0)
    return;
  g_strlcpy (workshop.uid, current->uid, sizeof workshop.uid);
  g_strlcpy (workshop.day, day, sizeof workshop.day);
  workshop.start_hour = g_date_time_get_hour (start);
  workshop.duration_min = escale_seconds_to_minutes (MAX (end - current->start, 0));
  workshop.theme = (char *) current->theme; /* copied by the store */
  workshop.level = (char *) current->level;
  workshop.participants = participants;
  if (!escale_stats_store_add_workshop (escale_kiosk_get_store (self->kiosk), &workshop, &error))
    g_warning ("The workshop cannot be recorded: %s", error->message);
}

static gboolean tick_cb (gpointer user_data);

static void
begin (EscaleWorkshopMode *self, const EscaleHelpWorkshop *workshop)
{
  const EscaleHelpSettings *settings =
    escale_config_get_help (escale_kiosk_get_config (self->kiosk));

  if (g_str_equal (workshop->uid, self->expired_uid))
    return;
  if (workshop->end > 0 && workshop->end <= now_unix (self))
    {
      /* A retained workshop already over: not begun again. */
      g_strlcpy (self->expired_uid, workshop->uid, sizeof self->expired_uid);
      return;
    }
  self->current = *workshop;
  self->participants = 0;
  escale_kiosk_set_workshop (self->kiosk, workshop->uid);
  escale_session_set_idle_delay (escale_kiosk_get_session (self->kiosk), settings->workshop_delay);
  if (escale_help_client_workshop_is_local (self->client))
    save (self);
  if (self->tick_id == 0)
    self->tick_id = g_timeout_add_seconds (1, tick_cb, self);
  g_message ("A workshop began on this kiosk");
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_ACTIVE]);
}

static void
end (EscaleWorkshopMode *self)
{
  EscaleSession *session = escale_kiosk_get_session (self->kiosk);
  EscaleSessionState state = escale_session_get_state (session);
  EscaleConfig *config = escale_kiosk_get_config (self->kiosk);

  /* The visit under way is part of it: it ends, is recorded and wiped. */
  if (state == ESCALE_SESSION_ACTIVE || state == ESCALE_SESSION_WARNING)
    escale_session_finish (session, ESCALE_END_STAFF);
  record (self, &self->current, self->participants);
  escale_kiosk_set_workshop (self->kiosk, NULL);
  escale_session_set_idle_delay (session, escale_config_get_idle_delay (config));
  memset (&self->current, 0, sizeof self->current);
  self->participants = 0;
  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_unlink (self->state_path);
  g_message ("The workshop ended on this kiosk");
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_ACTIVE]);
}

static void
workshop_cb (EscaleWorkshopMode *self)
{
  const EscaleHelpWorkshop *workshop = escale_help_client_get_workshop (self->client);

  if (is_active (self) && (workshop == NULL || !g_str_equal (workshop->uid, self->current.uid)))
    end (self);
  if (workshop != NULL && !is_active (self))
    begin (self, workshop);
}

/* Once a second while a workshop runs: the notice, then the planned end. */
static gboolean
tick_cb (gpointer user_data)
{
  escale_workshop_mode_check_time (user_data);
  return is_active (ESCALE_WORKSHOP_MODE (user_data)) ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

void
escale_workshop_mode_check_time (EscaleWorkshopMode *self)
{
  gint64 now;

  g_return_if_fail (ESCALE_IS_WORKSHOP_MODE (self));
  if (!is_active (self) || self->current.end <= 0)
    return;
  now = now_unix (self);
  if (now < self->current.end)
    {
      escale_help_client_set_ending_soon (self->client, now >= self->current.end - NOTICE_SECONDS);
      return;
    }
  g_message ("The workshop reached its planned end");
  if (escale_help_client_workshop_is_local (self->client))
    {
      escale_help_client_set_local_workshop (self->client, NULL);
      return;
    }
  /* The board's: this kiosk's part ends, and it is not begun again. */
  g_strlcpy (self->expired_uid, self->current.uid, sizeof self->expired_uid);
  self->tick_id = 0;
  end (self);
}

/* At start: the workshop started here before a restart goes on, or, past
 * its planned end, is recorded and closed. */
static void
resume (EscaleWorkshopMode *self)
{
  EscaleHelpWorkshop saved = { 0 };
  guint participants = 0;

  if (!load (self, &saved, &participants))
    {
      g_unlink (self->state_path);
      return;
    }
  if (saved.end <= now_unix (self))
    {
      g_message ("A workshop ended while the kiosk was off: recorded now");
      record (self, &saved, participants);
      g_unlink (self->state_path);
      return;
    }
  escale_help_client_set_local_workshop (self->client, &saved);
  self->participants = participants;
  save (self);
}

static void
escale_workshop_mode_dispose (GObject *object)
{
  EscaleWorkshopMode *self = ESCALE_WORKSHOP_MODE (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);
  if (self->kiosk != NULL)
    g_signal_handlers_disconnect_by_data (escale_kiosk_get_session (self->kiosk), self);
  g_clear_object (&self->client);
  g_clear_object (&self->kiosk);
  g_clear_pointer (&self->state_path, g_free);
  G_OBJECT_CLASS (escale_workshop_mode_parent_class)->dispose (object);
}

static void
escale_workshop_mode_get_property (GObject *object, guint prop_id, GValue *value,
                                   GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_ACTIVE:
      g_value_set_boolean (value, is_active (ESCALE_WORKSHOP_MODE (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_workshop_mode_class_init (EscaleWorkshopModeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = escale_workshop_mode_dispose;
  object_class->get_property = escale_workshop_mode_get_property;
  pspecs[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, pspecs);
}

static void
escale_workshop_mode_init (EscaleWorkshopMode *self)
{
}

EscaleWorkshopMode *
escale_workshop_mode_new (EscaleKiosk *kiosk, EscaleHelpClient *client)
{
  EscaleWorkshopMode *self = g_object_new (ESCALE_TYPE_WORKSHOP_MODE, NULL);
  g_autofree char *dir =
    g_path_get_dirname (escale_stats_store_get_path (escale_kiosk_get_store (kiosk)));

  self->kiosk = g_object_ref (kiosk);
  self->client = g_object_ref (client);
  self->state_path = g_build_filename (dir, "workshop", NULL);
  g_signal_connect_object (escale_kiosk_get_session (kiosk), "ended", G_CALLBACK (visit_ended_cb),
                           self, 0);
  g_signal_connect_swapped (client, "notify::workshop", G_CALLBACK (workshop_cb), self);
  resume (self);
  workshop_cb (self);
  return self;
}
