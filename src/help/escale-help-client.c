/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-help"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "escale-help-client.h"
#include "escale-help-topic.h"
#include "escale-stats-report.h"

/* The kiosk's side of a call for help. It keeps the kiosk's state topic
 * truthful (asked, then left if the visit ends before anyone came), takes
 * the helpers' answers from it (seen, coming, done), and says what the
 * visitor's screen may claim: never that someone comes before a helper said
 * so, and "raise your hand" whenever nobody can be told. */
struct _EscaleHelpClient
{
  GObject parent_instance;

  EscaleMqttLink *link;
  char *state_topic; /* NULL without a broker */
  char *workshop_topic;
  EscaleHelpWorkshop workshop; /* the site's (the board's); uid empty: none */
  EscaleHelpWorkshop local;    /* started here by a helper; uid empty: none */
  char *own_workshop_topic;    /* where this kiosk tells the board about it */
  gboolean ending_soon;        /* the band says it ends in 5 minutes */
  char *own_payload;           /* what the state topic should say */
  EscaleHelpState state;
  EscaleHelpProgress progress;
  gboolean given;
};

enum
{
  PROP_0,
  PROP_PROGRESS,
  PROP_GIVEN,
  PROP_WORKSHOP,
  N_PROPS,
};

static GParamSpec *pspecs[N_PROPS];

G_DEFINE_FINAL_TYPE (EscaleHelpClient, escale_help_client, G_TYPE_OBJECT)

static void
set_progress (EscaleHelpClient *self, EscaleHelpProgress progress)
{
  if (self->progress == progress)
    return;
  self->progress = progress;
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_PROGRESS]);
}

static void
set_given (EscaleHelpClient *self, gboolean given)
{
  if (self->given == given)
    return;
  self->given = given;
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_GIVEN]);
}

static gboolean
link_can_tell (EscaleHelpClient *self)
{
  EscaleMqttStatus status = escale_mqtt_link_get_status (self->link);

  return status == ESCALE_MQTT_CONNECTING || status == ESCALE_MQTT_CONNECTED;
}

/* Before the broker has the request, the screen follows the link. */
static void
link_status_cb (EscaleHelpClient *self)
{
  if (self->progress != ESCALE_HELP_PROGRESS_RAISE_HAND &&
      self->progress != ESCALE_HELP_PROGRESS_SENDING)
    return;
  set_progress (self, link_can_tell (self) ? ESCALE_HELP_PROGRESS_SENDING
                                           : ESCALE_HELP_PROGRESS_RAISE_HAND);
}

static void
publish_state (EscaleHelpClient *self, EscaleHelpState state)
{
  self->state = state;
  g_free (self->own_payload);
  self->own_payload = escale_help_payload (state, g_get_real_time () / G_USEC_PER_SEC);
  if (self->state_topic != NULL)
    escale_mqtt_link_set_retained (self->link, self->state_topic, self->own_payload);
}

/* A helper's payload becomes the kiosk's: published again after a broker
 * restart, it keeps saying what the helper said. */
static void
adopt (EscaleHelpClient *self, EscaleHelpState state, const char *payload)
{
  self->state = state;
  g_free (self->own_payload);
  self->own_payload = g_strdup (payload);
  escale_mqtt_link_set_retained (self->link, self->state_topic, payload);
}

static void
helper_answered (EscaleHelpClient *self, EscaleHelpState state, const char *payload)
{
  switch (state)
    {
    case ESCALE_HELP_SEEN:
      adopt (self, state, payload);
      if (self->progress != ESCALE_HELP_PROGRESS_COMING)
        set_progress (self, ESCALE_HELP_PROGRESS_SEEN);
      break;
    case ESCALE_HELP_COMING:
      adopt (self, state, payload);
      set_given (self, TRUE);
      set_progress (self, ESCALE_HELP_PROGRESS_COMING);
      break;
    case ESCALE_HELP_DONE:
      adopt (self, state, payload);
      set_given (self, TRUE);
      set_progress (self, ESCALE_HELP_PROGRESS_NONE);
      break;
    case ESCALE_HELP_IDLE:
    case ESCALE_HELP_ASKED:
    case ESCALE_HELP_LEFT:
      /* Not a helper's answer: the request is still open, say so again. */
      escale_mqtt_link_set_retained (self->link, self->state_topic, self->own_payload);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* The site's workshop started, changed or ended (helpers, escale-board). */
static void
workshop_message (EscaleHelpClient *self, const char *payload, gsize length)
{
  EscaleHelpWorkshop workshop = { 0 };

  if (!escale_help_workshop_parse (payload, length, &workshop))
    memset (&workshop, 0, sizeof workshop);
  if (memcmp (&workshop, &self->workshop, sizeof workshop) == 0)
    return;
  self->workshop = workshop;
  self->ending_soon = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_WORKSHOP]);
}

static void
message_cb (EscaleHelpClient *self, const char *topic, GBytes *bytes)
{
  gsize length;
  const char *payload = g_bytes_get_data (bytes, &length);
  g_autofree char *text = g_strndup (payload, length);
  EscaleHelpState state;
  gint64 since;

  if (g_strcmp0 (topic, self->workshop_topic) == 0)
    {
      workshop_message (self, payload, length);
      return;
    }
  if (g_strcmp0 (topic, self->state_topic) != 0 || g_strcmp0 (text, self->own_payload) == 0)
    return;
  if (!escale_help_parse_payload (payload, length, &state, &since))
    {
      /* Not ours to understand: put the truth back. */
      escale_mqtt_link_set_retained (self->link, self->state_topic, self->own_payload);
      return;
    }
  if (escale_help_state_is_open (self->state))
    helper_answered (self, state, text);
  else if (escale_help_state_is_open (state))
    escale_mqtt_link_set_retained (self->link, self->state_topic, self->own_payload);
  else
    adopt (self, state, text);
}

static void
delivered_cb (EscaleHelpClient *self, const char *topic, GBytes *bytes)
{
  gsize length;
  const char *payload = g_bytes_get_data (bytes, &length);

  if (self->state != ESCALE_HELP_ASKED || g_strcmp0 (topic, self->state_topic) != 0 ||
      length != strlen (self->own_payload) || memcmp (payload, self->own_payload, length) != 0)
    return;
  if (self->progress == ESCALE_HELP_PROGRESS_SENDING ||
      self->progress == ESCALE_HELP_PROGRESS_RAISE_HAND)
    set_progress (self, ESCALE_HELP_PROGRESS_SENT);
}

static void
escale_help_client_dispose (GObject *object)
{
  EscaleHelpClient *self = ESCALE_HELP_CLIENT (object);

  if (self->link != NULL)
    g_signal_handlers_disconnect_by_data (self->link, self);
  g_clear_object (&self->link);
  G_OBJECT_CLASS (escale_help_client_parent_class)->dispose (object);
}

static void
escale_help_client_finalize (GObject *object)
{
  EscaleHelpClient *self = ESCALE_HELP_CLIENT (object);

  g_free (self->state_topic);
  g_free (self->workshop_topic);
  g_free (self->own_workshop_topic);
  g_free (self->own_payload);
  G_OBJECT_CLASS (escale_help_client_parent_class)->finalize (object);
}

static void
escale_help_client_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  EscaleHelpClient *self = ESCALE_HELP_CLIENT (object);

  switch (prop_id)
    {
    case PROP_PROGRESS:
      g_value_set_int (value, self->progress);
      break;
    case PROP_GIVEN:
      g_value_set_boolean (value, self->given);
      break;
    case PROP_WORKSHOP:
      {
        const EscaleHelpWorkshop *workshop = escale_help_client_get_workshop (self);

        g_value_set_string (value, workshop != NULL ? workshop->uid : "");
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_help_client_class_init (EscaleHelpClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = escale_help_client_dispose;
  object_class->finalize = escale_help_client_finalize;
  object_class->get_property = escale_help_client_get_property;

  pspecs[PROP_PROGRESS] =
    g_param_spec_int ("progress", NULL, NULL, ESCALE_HELP_PROGRESS_NONE,
                      ESCALE_HELP_PROGRESS_COMING, ESCALE_HELP_PROGRESS_NONE,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  pspecs[PROP_GIVEN] =
    g_param_spec_boolean ("given", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The uid of the site's workshop, "" when none: notified on each change. */
  pspecs[PROP_WORKSHOP] =
    g_param_spec_string ("workshop", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, pspecs);
}

static void
escale_help_client_init (EscaleHelpClient *self)
{
  self->state = ESCALE_HELP_IDLE;
}

/* Connects at once (in the link's thread) when a broker is configured. */
EscaleHelpClient *
escale_help_client_new (const EscaleHelpSettings *settings)
{
  EscaleHelpClient *self = g_object_new (ESCALE_TYPE_HELP_CLIENT, NULL);
  g_autofree char *client_id = NULL;
  g_autofree char *online = NULL;

  if (settings != NULL && settings->broker != NULL && settings->kiosk == NULL)
    g_message ("[Help] has a broker but no kiosk=: calls for help are not sent");
  if (settings == NULL || settings->broker == NULL || settings->kiosk == NULL)
    {
      self->link = escale_mqtt_link_new (NULL, NULL);
      return self;
    }
  client_id = g_strdup_printf ("escale-%s-%s", settings->site, settings->kiosk);
  self->link = escale_mqtt_link_new (settings, client_id);
  self->state_topic = escale_help_topic_kiosk (settings->site, settings->kiosk, "state");
  online = escale_help_topic_kiosk (settings->site, settings->kiosk, "online");
  escale_mqtt_link_set_will (self->link, online, "0");
  escale_mqtt_link_subscribe (self->link, self->state_topic);
  self->workshop_topic = escale_help_topic_workshop (settings->site);
  escale_mqtt_link_subscribe (self->link, self->workshop_topic);
  self->own_workshop_topic = escale_help_topic_kiosk (settings->site, settings->kiosk, "workshop");
  g_signal_connect_swapped (self->link, "message", G_CALLBACK (message_cb), self);
  g_signal_connect_swapped (self->link, "delivered", G_CALLBACK (delivered_cb), self);
  g_signal_connect_swapped (self->link, "notify::status", G_CALLBACK (link_status_cb), self);
  {
    g_autofree char *name = escale_help_topic_kiosk (settings->site, settings->kiosk, "name");

    escale_mqtt_link_set_retained (self->link, name, settings->kiosk_label);
  }
  escale_mqtt_link_set_retained (self->link, online, "1");
  /* An earlier run's workshop is not this one's until the kiosk says so. */
  escale_mqtt_link_set_retained (self->link, self->own_workshop_topic, "");
  publish_state (self, ESCALE_HELP_IDLE);
  escale_mqtt_link_start (self->link);
  return self;
}

/* "Appeler un aidant": opens a request, or keeps the one already open. */
void
escale_help_client_ask (EscaleHelpClient *self)
{
  g_return_if_fail (ESCALE_IS_HELP_CLIENT (self));

  if (escale_help_state_is_open (self->state))
    return;
  publish_state (self, ESCALE_HELP_ASKED);
  set_progress (self, link_can_tell (self) ? ESCALE_HELP_PROGRESS_SENDING
                                           : ESCALE_HELP_PROGRESS_RAISE_HAND);
}

/* The visit is over: an open request becomes "left" on the board. */
void
escale_help_client_end_visit (EscaleHelpClient *self)
{
  g_return_if_fail (ESCALE_IS_HELP_CLIENT (self));

  if (escale_help_state_is_open (self->state))
    publish_state (self, ESCALE_HELP_LEFT);
  set_progress (self, ESCALE_HELP_PROGRESS_NONE);
  set_given (self, FALSE);
}

/* A helper is at the kiosk (the helpers' code was typed there): an open
 * request is done, and help was given to this visit. */
void
escale_help_client_helper_here (EscaleHelpClient *self)
{
  g_return_if_fail (ESCALE_IS_HELP_CLIENT (self));
  if (escale_help_state_is_open (self->state))
    publish_state (self, ESCALE_HELP_DONE);
  set_given (self, TRUE);
  set_progress (self, ESCALE_HELP_PROGRESS_NONE);
}

EscaleHelpProgress
escale_help_client_get_progress (EscaleHelpClient *self)
{
  g_return_val_if_fail (ESCALE_IS_HELP_CLIENT (self), ESCALE_HELP_PROGRESS_NONE);
  return self->progress;
}

/* A helper answered "J'arrive" or "Fait" during this visit. */
gboolean
escale_help_client_get_given (EscaleHelpClient *self)
{
  g_return_val_if_fail (ESCALE_IS_HELP_CLIENT (self), FALSE);
  return self->given;
}

/* The workshop running on the site, or NULL. */
const EscaleHelpWorkshop *
escale_help_client_get_workshop (EscaleHelpClient *self)
{
  g_return_val_if_fail (ESCALE_IS_HELP_CLIENT (self), NULL);
  if (self->workshop.uid[0] != '\0')
    return &self->workshop;
  return self->local.uid[0] != '\0' ? &self->local : NULL;
}

/* A workshop a helper started at this kiosk (NULL: it ended). It is this
 * kiosk's alone: published on its own topic (.../kiosks/KIOSK/workshop,
 * which its ACL lets it write) for the board to see, never on the site's.
 * Without a broker it runs all the same. */
void
escale_help_client_set_local_workshop (EscaleHelpClient *self, const EscaleHelpWorkshop *workshop)
{
  EscaleHelpWorkshop none = { 0 };

  g_return_if_fail (ESCALE_IS_HELP_CLIENT (self));

  if (workshop == NULL)
    workshop = &none;
  if (memcmp (workshop, &self->local, sizeof *workshop) == 0)
    return;
  self->local = *workshop;
  self->ending_soon = FALSE;
  if (self->own_workshop_topic != NULL)
    {
      g_autofree char *payload = workshop->uid[0] != '\0' ? escale_help_workshop_payload (workshop)
                                                          : g_strdup ("");

      escale_mqtt_link_set_retained (self->link, self->own_workshop_topic, payload);
    }
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_WORKSHOP]);
}

/* A helper at this kiosk starts a workshop here alone, from @now (Unix
 * seconds) until its planned end @minutes later, or until a helper ends
 * it. FALSE if a workshop runs already. */
gboolean
escale_help_client_start_here (EscaleHelpClient *self, const char *theme, const char *level,
                               gint64 now, guint minutes)
{
  EscaleHelpWorkshop workshop;

  g_return_val_if_fail (ESCALE_IS_HELP_CLIENT (self), FALSE);
  if (escale_help_client_get_workshop (self) != NULL)
    return FALSE;
  escale_help_workshop_init (&workshop, theme, level, now, minutes);
  escale_help_client_set_local_workshop (self, &workshop);
  return TRUE;
}

/* A helper ends the workshop started here (never the board's). */
gboolean
escale_help_client_end_here (EscaleHelpClient *self)
{
  g_return_val_if_fail (ESCALE_IS_HELP_CLIENT (self), FALSE);
  if (!escale_help_client_workshop_is_local (self))
    return FALSE;
  escale_help_client_set_local_workshop (self, NULL);
  return TRUE;
}

/* Whether the workshop running was started here (not from the board). */
gboolean
escale_help_client_workshop_is_local (EscaleHelpClient *self)
{
  g_return_val_if_fail (ESCALE_IS_HELP_CLIENT (self), FALSE);
  return self->workshop.uid[0] == '\0' && self->local.uid[0] != '\0';
}

/* The band says the workshop ends in 5 minutes (its planned end). */
void
escale_help_client_set_ending_soon (EscaleHelpClient *self, gboolean ending_soon)
{
  g_return_if_fail (ESCALE_IS_HELP_CLIENT (self));
  if (self->ending_soon == ending_soon)
    return;
  self->ending_soon = ending_soon;
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_WORKSHOP]);
}

/* The band's words under the top bar, or NULL with no workshop. */
char *
escale_help_client_describe_workshop (EscaleHelpClient *self)
{
  const EscaleHelpWorkshop *workshop = escale_help_client_get_workshop (self);
  const char *theme;

  if (workshop == NULL)
    return NULL;
  theme = escale_coop_theme_label (workshop->theme);
  if (self->ending_soon)
    /* TRANSLATORS: the band under the top bar; %s is La Coop's theme. */
    return g_strdup_printf (_ ("Atelier en cours : %s. L'atelier se termine dans 5 minutes."),
                            theme);
  /* TRANSLATORS: the band under the top bar; %s is La Coop's theme. */
  return g_strdup_printf (_ ("Atelier en cours : %s"), theme);
}

EscaleMqttLink *
escale_help_client_get_link (EscaleHelpClient *self)
{
  g_return_val_if_fail (ESCALE_IS_HELP_CLIENT (self), NULL);
  return self->link;
}
