/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-help"

#include <string.h>

#include "escale-workshop-mode.h"

/* A workshop on this kiosk, from its start on the board to its end:
 * every visit meanwhile is part of it (workshop_uid, so help given), the
 * inactivity delay is the workshop's ([Help] workshop-idle-delay), and the
 * visits are counted, anonymously. When it ends, the visit under way ends
 * (and is wiped like any other), and the kiosk records one collective
 * activity if anyone took part on it. */
struct _EscaleWorkshopMode
{
  GObject parent_instance;

  EscaleKiosk *kiosk;
  EscaleHelpClient *client;
  EscaleHelpWorkshop current; /* uid empty: none */
  guint participants;
};

enum
{
  PROP_0,
  PROP_ACTIVE,
  N_PROPS,
};

static GParamSpec *pspecs[N_PROPS];

G_DEFINE_FINAL_TYPE (EscaleWorkshopMode, escale_workshop_mode, G_TYPE_OBJECT)

static gboolean
is_active (EscaleWorkshopMode *self)
{
  return self->current.uid[0] != '\0';
}

static void
visit_ended_cb (EscaleSession *session, EscaleSessionRecord *record, EscaleWorkshopMode *self)
{
  if (is_active (self))
    self->participants++;
}

static void
begin (EscaleWorkshopMode *self, const EscaleHelpWorkshop *workshop)
{
  const EscaleHelpSettings *settings =
    escale_config_get_help (escale_kiosk_get_config (self->kiosk));

  self->current = *workshop;
  self->participants = 0;
  escale_kiosk_set_workshop (self->kiosk, workshop->uid);
  escale_session_set_idle_delay (escale_kiosk_get_session (self->kiosk), settings->workshop_delay);
  g_message ("A workshop began on this kiosk");
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_ACTIVE]);
}

static void
record (EscaleWorkshopMode *self)
{
  g_autoptr(GDateTime) start = g_date_time_new_from_unix_local (self->current.start);
  g_autofree char *day = g_date_time_format (start, "%Y-%m-%d");
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(GError) error = NULL;
  EscaleWorkshopRecord workshop = { 0 };

  g_strlcpy (workshop.uid, self->current.uid, sizeof workshop.uid);
  g_strlcpy (workshop.day, day, sizeof workshop.day);
  workshop.start_hour = g_date_time_get_hour (start);
  workshop.duration_min = escale_seconds_to_minutes (MAX (now - self->current.start, 0));
  workshop.theme = self->current.theme;
  workshop.level = self->current.level;
  workshop.participants = self->participants;
  if (!escale_stats_store_add_workshop (escale_kiosk_get_store (self->kiosk), &workshop, &error))
    g_warning ("The workshop cannot be recorded: %s", error->message);
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
  if (self->participants > 0)
    record (self);
  escale_kiosk_set_workshop (self->kiosk, NULL);
  escale_session_set_idle_delay (session, escale_config_get_idle_delay (config));
  memset (&self->current, 0, sizeof self->current);
  self->participants = 0;
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

static void
escale_workshop_mode_dispose (GObject *object)
{
  EscaleWorkshopMode *self = ESCALE_WORKSHOP_MODE (object);

  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);
  if (self->kiosk != NULL)
    g_signal_handlers_disconnect_by_data (escale_kiosk_get_session (self->kiosk), self);
  g_clear_object (&self->client);
  g_clear_object (&self->kiosk);
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

  self->kiosk = g_object_ref (kiosk);
  self->client = g_object_ref (client);
  g_signal_connect_object (escale_kiosk_get_session (kiosk), "ended", G_CALLBACK (visit_ended_cb),
                           self, 0);
  g_signal_connect_swapped (client, "notify::workshop", G_CALLBACK (workshop_cb), self);
  workshop_cb (self);
  return self;
}

const EscaleHelpWorkshop *
escale_workshop_mode_get_current (EscaleWorkshopMode *self)
{
  g_return_val_if_fail (ESCALE_IS_WORKSHOP_MODE (self), NULL);
  return is_active (self) ? &self->current : NULL;
}

guint
escale_workshop_mode_get_participants (EscaleWorkshopMode *self)
{
  g_return_val_if_fail (ESCALE_IS_WORKSHOP_MODE (self), 0);
  return self->participants;
}
