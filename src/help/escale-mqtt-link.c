/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-help"

#include <mosquitto.h>
#include <string.h>

#include "escale-mqtt-link.h"

/* One connection to the centre's MQTT broker, run by a thread of its own so
 * that nothing the network does (a broker gone, a slow TLS handshake) ever
 * waits on the UI thread. Every libmosquitto call happens in that thread;
 * the main thread only leaves wishes under a lock (topics to keep published,
 * messages to send once) and gets events back through its main context.
 *
 * Retained topics are the link's memory: they are published again on every
 * connection, so a broker that restarted without its database, or a request
 * made while it was away, is not lost. The owner may go at any time: the
 * thread is told to stop and never joined (a name lookup could be slow). */

#define LOOP_TIMEOUT_MS 100
#define FIRST_BACKOFF_MS 500
#define MAX_BACKOFF_MS 8000
#define KEEPALIVE_S 20

typedef struct
{
  gatomicrefcount ref;
  GMutex lock;
  GCond wake;
  gboolean stop;            /* under lock */
  GHashTable *retained;     /* topic -> payload, under lock */
  GHashTable *dirty;        /* topics to publish again, under lock */
  GPtrArray *order;         /* retained topics, first set first, under lock */
  GQueue once;              /* of Outgoing, under lock */
  GPtrArray *subscriptions; /* fixed once started */
  char *will_topic;         /* fixed once started */
  char *will_payload;
  EscaleHelpSettings *settings; /* a copy */
  char *client_id;
  GMainContext *context;
  GWeakRef owner;
  /* the thread's own */
  struct mosquitto *mosq;
  gboolean connected;
  gboolean refused;
  GHashTable *inflight; /* mid -> Outgoing */
} Shared;

typedef struct
{
  char *topic;
  char *payload;
  gboolean retain;
} Outgoing;

typedef enum
{
  EVENT_STATUS,
  EVENT_MESSAGE,
  EVENT_DELIVERED,
} EventKind;

typedef struct
{
  Shared *shared;
  EventKind kind;
  EscaleMqttStatus status;
  char *topic;
  GBytes *payload;
} Event;

struct _EscaleMqttLink
{
  GObject parent_instance;

  Shared *shared; /* NULL when no broker is configured */
  EscaleMqttStatus status;
  gboolean started;
};

enum
{
  PROP_0,
  PROP_STATUS,
  N_PROPS,
};

enum
{
  MESSAGE,
  DELIVERED,
  N_SIGNALS,
};

static GParamSpec *pspecs[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (EscaleMqttLink, escale_mqtt_link, G_TYPE_OBJECT)

static void
outgoing_free (gpointer data)
{
  Outgoing *out = data;

  g_free (out->topic);
  g_free (out->payload);
  g_free (out);
}

static Shared *
shared_ref (Shared *shared)
{
  g_atomic_ref_count_inc (&shared->ref);
  return shared;
}

static void
shared_unref (Shared *shared)
{
  if (!g_atomic_ref_count_dec (&shared->ref))
    return;
  if (shared->mosq != NULL)
    mosquitto_destroy (shared->mosq);
  g_clear_pointer (&shared->inflight, g_hash_table_unref);
  g_hash_table_unref (shared->retained);
  g_hash_table_unref (shared->dirty);
  g_ptr_array_unref (shared->order);
  g_queue_clear_full (&shared->once, outgoing_free);
  g_ptr_array_unref (shared->subscriptions);
  g_free (shared->will_topic);
  g_free (shared->will_payload);
  escale_help_settings_free (shared->settings);
  g_free (shared->client_id);
  g_main_context_unref (shared->context);
  g_weak_ref_clear (&shared->owner);
  g_mutex_clear (&shared->lock);
  g_cond_clear (&shared->wake);
  g_free (shared);
}

static void
event_free (gpointer data)
{
  Event *event = data;

  shared_unref (event->shared);
  g_free (event->topic);
  g_clear_pointer (&event->payload, g_bytes_unref);
  g_free (event);
}

static void
set_status (EscaleMqttLink *self, EscaleMqttStatus status)
{
  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_STATUS]);
}

/* Main thread: hands an event of the thread to the link, if it still is. */
static gboolean
deliver_event_cb (gpointer data)
{
  Event *event = data;
  g_autoptr(EscaleMqttLink) self = g_weak_ref_get (&event->shared->owner);

  if (self == NULL)
    return G_SOURCE_REMOVE;
  switch (event->kind)
    {
    case EVENT_STATUS:
      set_status (self, event->status);
      break;
    case EVENT_MESSAGE:
      g_signal_emit (self, signals[MESSAGE], 0, event->topic, event->payload);
      break;
    case EVENT_DELIVERED:
      g_signal_emit (self, signals[DELIVERED], 0, event->topic, event->payload);
      break;
    default:
      g_assert_not_reached ();
    }
  return G_SOURCE_REMOVE;
}

static void
post (Shared *shared, EventKind kind, EscaleMqttStatus status, const char *topic, GBytes *payload)
{
  Event *event = g_new0 (Event, 1);

  event->shared = shared_ref (shared);
  event->kind = kind;
  event->status = status;
  event->topic = g_strdup (topic);
  event->payload = payload;
  /* Always through a source of the owner's context: g_main_context_invoke ()
   * would run the event right here, in the link's thread, whenever that
   * context is not being iterated at this moment (a test between two
   * iterations), and the owner's widgets with it. */
  {
    GSource *source = g_idle_source_new ();

    g_source_set_priority (source, G_PRIORITY_DEFAULT);
    g_source_set_callback (source, deliver_event_cb, event, event_free);
    g_source_attach (source, shared->context);
    g_source_unref (source);
  }
}

/* The callbacks below run in the link's thread, inside mosquitto_loop(). */
static void
on_connect_cb (struct mosquitto *mosq, void *data, int rc)
{
  Shared *shared = data;

  if (rc != 0)
    {
      shared->refused = TRUE;
      post (shared, EVENT_STATUS, ESCALE_MQTT_REFUSED, NULL, NULL);
      return;
    }
  shared->refused = FALSE;
  shared->connected = TRUE;
  for (guint i = 0; i < shared->subscriptions->len; i++)
    mosquitto_subscribe (mosq, NULL, shared->subscriptions->pdata[i], 1);
  g_mutex_lock (&shared->lock);
  {
    GHashTableIter iter;
    gpointer topic;

    g_hash_table_iter_init (&iter, shared->retained);
    while (g_hash_table_iter_next (&iter, &topic, NULL))
      g_hash_table_add (shared->dirty, g_strdup (topic));
  }
  g_mutex_unlock (&shared->lock);
  post (shared, EVENT_STATUS, ESCALE_MQTT_CONNECTED, NULL, NULL);
}

static void
on_disconnect_cb (struct mosquitto *mosq, void *data, int rc)
{
  Shared *shared = data;

  shared->connected = FALSE;
  g_hash_table_remove_all (shared->inflight);
}

static void
on_message_cb (struct mosquitto *mosq, void *data, const struct mosquitto_message *message)
{
  Shared *shared = data;

  post (shared, EVENT_MESSAGE, 0, message->topic,
        g_bytes_new (message->payload, message->payloadlen));
}

static void
on_publish_cb (struct mosquitto *mosq, void *data, int mid)
{
  Shared *shared = data;
  Outgoing *out = g_hash_table_lookup (shared->inflight, GINT_TO_POINTER (mid));

  if (out != NULL)
    post (shared, EVENT_DELIVERED, 0, out->topic,
          g_bytes_new (out->payload, strlen (out->payload)));
  g_hash_table_remove (shared->inflight, GINT_TO_POINTER (mid));
}

/* Waits @ms unless told to stop; returns FALSE when told to stop. */
static gboolean
nap (Shared *shared, guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;
  gboolean go_on;

  g_mutex_lock (&shared->lock);
  while (!shared->stop && g_cond_wait_until (&shared->wake, &shared->lock, until))
    ;
  go_on = !shared->stop;
  g_mutex_unlock (&shared->lock);
  return go_on;
}

static void
send_one (Shared *shared, const char *topic, const char *payload, gboolean retain)
{
  int mid = 0;
  Outgoing *out;

  if (mosquitto_publish (shared->mosq, &mid, topic, strlen (payload), payload, 1, retain) !=
      MOSQ_ERR_SUCCESS)
    return;
  out = g_new0 (Outgoing, 1);
  out->topic = g_strdup (topic);
  out->payload = g_strdup (payload);
  g_hash_table_insert (shared->inflight, GINT_TO_POINTER (mid), out);
}

/* Publishes what the main thread asked for since the last turn. */
static void
flush (Shared *shared)
{
  g_autoptr(GPtrArray) retained = g_ptr_array_new_with_free_func (g_free);
  GQueue once = G_QUEUE_INIT;

  /* In the order the topics were first set: a board learns a kiosk's name
   * before its state. */
  g_mutex_lock (&shared->lock);
  for (guint i = 0; i < shared->order->len; i++)
    {
      const char *topic = shared->order->pdata[i];

      if (!g_hash_table_contains (shared->dirty, topic))
        continue;
      g_ptr_array_add (retained, g_strdup (topic));
      g_ptr_array_add (retained, g_strdup (g_hash_table_lookup (shared->retained, topic)));
    }
  g_hash_table_remove_all (shared->dirty);
  once = shared->once;
  g_queue_init (&shared->once);
  g_mutex_unlock (&shared->lock);

  for (guint i = 0; i + 1 < retained->len; i += 2)
    send_one (shared, retained->pdata[i], retained->pdata[i + 1], TRUE);
  for (GList *l = once.head; l != NULL; l = l->next)
    {
      Outgoing *out = l->data;

      send_one (shared, out->topic, out->payload, out->retain);
    }
  g_queue_clear_full (&once, outgoing_free);
}

static gboolean
setup_client (Shared *shared)
{
  EscaleHelpSettings *settings = shared->settings;
  g_autofree char *user = NULL;
  g_autofree char *password = NULL;
  g_autoptr(GError) error = NULL;

  shared->mosq = mosquitto_new (shared->client_id, TRUE, shared);
  if (shared->mosq == NULL)
    return FALSE;
  mosquitto_connect_callback_set (shared->mosq, on_connect_cb);
  mosquitto_disconnect_callback_set (shared->mosq, on_disconnect_cb);
  mosquitto_message_callback_set (shared->mosq, on_message_cb);
  mosquitto_publish_callback_set (shared->mosq, on_publish_cb);
  if (!escale_help_settings_read_credentials (settings, &user, &password, &error))
    {
      g_message ("Help broker credentials: %s", error->message);
      return FALSE;
    }
  if (user != NULL)
    mosquitto_username_pw_set (shared->mosq, user, password);
  if (shared->will_topic != NULL)
    mosquitto_will_set (shared->mosq, shared->will_topic, strlen (shared->will_payload),
                        shared->will_payload, 1, TRUE);
  if (settings->ca_file != NULL && mosquitto_tls_set (shared->mosq, settings->ca_file, NULL, NULL,
                                                      NULL, NULL) != MOSQ_ERR_SUCCESS)
    {
      g_message ("Help broker: the CA file of [Help] ca-file cannot be used");
      return FALSE;
    }
  return TRUE;
}

/* Says goodbye the way the will would have, then leaves. */
static void
leave (Shared *shared)
{
  gint64 until = g_get_monotonic_time () + 500 * G_TIME_SPAN_MILLISECOND;

  if (!shared->connected)
    return;
  flush (shared);
  if (shared->will_topic != NULL)
    send_one (shared, shared->will_topic, shared->will_payload, TRUE);
  while (g_hash_table_size (shared->inflight) > 0 && g_get_monotonic_time () < until &&
         mosquitto_loop (shared->mosq, 50, 1) == MOSQ_ERR_SUCCESS)
    ;
  mosquitto_disconnect (shared->mosq);
  mosquitto_loop (shared->mosq, 50, 1);
}

static gpointer
link_thread (gpointer data)
{
  Shared *shared = data;
  EscaleHelpSettings *settings = shared->settings;
  guint backoff = FIRST_BACKOFF_MS;
  gboolean have_socket = FALSE;
  gboolean tried = FALSE;

  if (!setup_client (shared))
    {
      post (shared, EVENT_STATUS, ESCALE_MQTT_REFUSED, NULL, NULL);
      shared_unref (shared);
      return NULL;
    }
  while (nap (shared, 0))
    {
      int rc;

      if (!have_socket)
        {
          rc = tried ? mosquitto_reconnect_async (shared->mosq)
                     : mosquitto_connect_async (shared->mosq, settings->broker, settings->port,
                                                KEEPALIVE_S);
          tried = TRUE;
          have_socket = rc == MOSQ_ERR_SUCCESS;
        }
      rc = have_socket ? mosquitto_loop (shared->mosq, LOOP_TIMEOUT_MS, 1) : MOSQ_ERR_NO_CONN;
      if (rc != MOSQ_ERR_SUCCESS)
        {
          shared->connected = FALSE;
          have_socket = FALSE;
          post (shared, EVENT_STATUS,
                shared->refused ? ESCALE_MQTT_REFUSED : ESCALE_MQTT_UNREACHABLE, NULL, NULL);
          nap (shared, backoff);
          backoff = MIN (backoff * 2, MAX_BACKOFF_MS);
          continue;
        }
      if (shared->connected)
        {
          backoff = FIRST_BACKOFF_MS;
          flush (shared);
        }
    }
  leave (shared);
  shared_unref (shared);
  return NULL;
}

static void
escale_mqtt_link_dispose (GObject *object)
{
  EscaleMqttLink *self = ESCALE_MQTT_LINK (object);

  if (self->shared != NULL)
    {
      g_mutex_lock (&self->shared->lock);
      self->shared->stop = TRUE;
      g_cond_signal (&self->shared->wake);
      g_mutex_unlock (&self->shared->lock);
      g_clear_pointer (&self->shared, shared_unref);
    }
  G_OBJECT_CLASS (escale_mqtt_link_parent_class)->dispose (object);
}

static void
escale_mqtt_link_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  EscaleMqttLink *self = ESCALE_MQTT_LINK (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_mqtt_link_class_init (EscaleMqttLinkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = escale_mqtt_link_dispose;
  object_class->get_property = escale_mqtt_link_get_property;

  pspecs[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL, ESCALE_MQTT_OFF, ESCALE_MQTT_REFUSED, ESCALE_MQTT_OFF,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, pspecs);

  /* A message on a subscribed topic: (topic, payload as GBytes). */
  signals[MESSAGE] = g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BYTES);
  /* The broker acknowledged a publication (QoS 1): (topic, payload). */
  signals[DELIVERED] = g_signal_new ("delivered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING,
                                     G_TYPE_BYTES);
}

static void
escale_mqtt_link_init (EscaleMqttLink *self)
{
}

/* @settings without a broker makes a link that stays OFF and sends nothing. */
EscaleMqttLink *
escale_mqtt_link_new (const EscaleHelpSettings *settings, const char *client_id)
{
  EscaleMqttLink *self = g_object_new (ESCALE_TYPE_MQTT_LINK, NULL);
  static gsize init_once;
  Shared *shared;

  if (settings == NULL || settings->broker == NULL)
    return self;
  if (g_once_init_enter (&init_once))
    {
      mosquitto_lib_init ();
      g_once_init_leave (&init_once, 1);
    }
  shared = g_new0 (Shared, 1);
  g_atomic_ref_count_init (&shared->ref);
  g_mutex_init (&shared->lock);
  g_cond_init (&shared->wake);
  shared->retained = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  shared->dirty = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  shared->order = g_ptr_array_new_with_free_func (g_free);
  shared->inflight = g_hash_table_new_full (NULL, NULL, NULL, outgoing_free);
  shared->subscriptions = g_ptr_array_new_with_free_func (g_free);
  shared->settings = escale_help_settings_copy (settings);
  shared->client_id = g_strdup (client_id);
  shared->context = g_main_context_ref_thread_default ();
  g_weak_ref_init (&shared->owner, self);
  self->shared = shared;
  return self;
}

void
escale_mqtt_link_set_will (EscaleMqttLink *self, const char *topic, const char *payload)
{
  g_return_if_fail (ESCALE_IS_MQTT_LINK (self) && !self->started);
  if (self->shared == NULL)
    return;
  g_free (self->shared->will_topic);
  g_free (self->shared->will_payload);
  self->shared->will_topic = g_strdup (topic);
  self->shared->will_payload = g_strdup (payload);
}

void
escale_mqtt_link_subscribe (EscaleMqttLink *self, const char *pattern)
{
  g_return_if_fail (ESCALE_IS_MQTT_LINK (self) && !self->started);
  if (self->shared != NULL)
    g_ptr_array_add (self->shared->subscriptions, g_strdup (pattern));
}

void
escale_mqtt_link_start (EscaleMqttLink *self)
{
  g_return_if_fail (ESCALE_IS_MQTT_LINK (self) && !self->started);
  self->started = TRUE;
  if (self->shared == NULL)
    return;
  set_status (self, ESCALE_MQTT_CONNECTING);
  g_thread_unref (g_thread_new ("escale-mqtt", link_thread, shared_ref (self->shared)));
}

/* Keeps @payload published on @topic (retained), now and after every
 * reconnection, until another payload replaces it. */
void
escale_mqtt_link_set_retained (EscaleMqttLink *self, const char *topic, const char *payload)
{
  g_return_if_fail (ESCALE_IS_MQTT_LINK (self));
  if (self->shared == NULL)
    return;
  g_mutex_lock (&self->shared->lock);
  if (!g_hash_table_contains (self->shared->retained, topic))
    g_ptr_array_add (self->shared->order, g_strdup (topic));
  g_hash_table_replace (self->shared->retained, g_strdup (topic), g_strdup (payload));
  g_hash_table_add (self->shared->dirty, g_strdup (topic));
  g_mutex_unlock (&self->shared->lock);
}

/* Sends @payload once, as soon as the link is connected. */
void
escale_mqtt_link_publish (EscaleMqttLink *self, const char *topic, const char *payload,
                          gboolean retain)
{
  Outgoing *out;

  g_return_if_fail (ESCALE_IS_MQTT_LINK (self));
  if (self->shared == NULL)
    return;
  out = g_new0 (Outgoing, 1);
  out->topic = g_strdup (topic);
  out->payload = g_strdup (payload);
  out->retain = retain;
  g_mutex_lock (&self->shared->lock);
  g_queue_push_tail (&self->shared->once, out);
  g_mutex_unlock (&self->shared->lock);
}

EscaleMqttStatus
escale_mqtt_link_get_status (EscaleMqttLink *self)
{
  g_return_val_if_fail (ESCALE_IS_MQTT_LINK (self), ESCALE_MQTT_OFF);
  return self->status;
}
