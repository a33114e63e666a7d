/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-help"

#include <string.h>

#include "escale-help-site.h"
#include "escale-help-topic.h"

struct _EscaleHelpSite
{
  GObject parent_instance;

  EscaleMqttLink *link;
  char *site;
  GPtrArray *kiosks; /* of EscaleHelpKiosk, sorted by id */
  char *workshop_topic;
  EscaleHelpWorkshop workshop; /* uid empty: none */
};

enum
{
  REQUEST,
  WORKSHOP_CHANGED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (EscaleHelpSite, escale_help_site, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return ESCALE_TYPE_HELP_KIOSK;
}

static guint
get_n_items (GListModel *model)
{
  return ESCALE_HELP_SITE (model)->kiosks->len;
}

static gpointer
get_item (GListModel *model, guint position)
{
  EscaleHelpSite *self = ESCALE_HELP_SITE (model);

  if (position >= self->kiosks->len)
    return NULL;
  return g_object_ref (self->kiosks->pdata[position]);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

EscaleHelpKiosk *
escale_help_site_find (EscaleHelpSite *self, const char *kiosk_id)
{
  for (guint i = 0; i < self->kiosks->len; i++)
    if (g_str_equal (escale_help_kiosk_get_id (self->kiosks->pdata[i]), kiosk_id))
      return self->kiosks->pdata[i];
  return NULL;
}

static EscaleHelpKiosk *
find_or_add (EscaleHelpSite *self, const char *kiosk_id)
{
  EscaleHelpKiosk *kiosk = escale_help_site_find (self, kiosk_id);
  guint position = 0;

  if (kiosk != NULL)
    return kiosk;
  while (position < self->kiosks->len &&
         g_strcmp0 (escale_help_kiosk_get_id (self->kiosks->pdata[position]), kiosk_id) < 0)
    position++;
  kiosk = escale_help_kiosk_new (kiosk_id);
  g_ptr_array_insert (self->kiosks, position, kiosk);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
  return kiosk;
}

static void
message_cb (EscaleHelpSite *self, const char *topic, GBytes *bytes)
{
  gsize length;
  const char *payload = g_bytes_get_data (bytes, &length);
  const char *leaf = NULL;
  g_autofree char *id = escale_help_topic_kiosk_of (self->site, topic, &leaf);
  g_autofree char *text = NULL;
  EscaleHelpKiosk *kiosk;

  if (g_strcmp0 (topic, self->workshop_topic) == 0)
    {
      EscaleHelpWorkshop workshop = { 0 };

      if (!escale_help_workshop_parse (payload, length, &workshop))
        memset (&workshop, 0, sizeof workshop);
      if (memcmp (&workshop, &self->workshop, sizeof workshop) != 0)
        {
          self->workshop = workshop;
          g_signal_emit (self, signals[WORKSHOP_CHANGED], 0);
        }
      return;
    }
  /* A workshop at one kiosk: an empty payload ends it. */
  if (id != NULL && g_str_equal (leaf, "workshop"))
    {
      EscaleHelpWorkshop workshop = { 0 };
      gboolean running = escale_help_workshop_parse (payload, length, &workshop);

      /* "No workshop" alone does not make a kiosk appear on the board. */
      kiosk = running ? find_or_add (self, id) : escale_help_site_find (self, id);
      if (kiosk != NULL)
        escale_help_kiosk_set_workshop (kiosk, running ? &workshop : NULL);
      return;
    }
  /* An empty retained message clears a topic; a long one is not ours. */
  if (id == NULL || length == 0 || length > 200 || !g_utf8_validate (payload, length, NULL))
    return;
  text = g_strndup (payload, length);
  kiosk = find_or_add (self, id);
  if (g_str_equal (leaf, "name"))
    escale_help_kiosk_set_label (kiosk, text);
  else if (g_str_equal (leaf, "online"))
    escale_help_kiosk_set_online (kiosk, g_str_equal (text, "1"));
  else if (g_str_equal (leaf, "state"))
    {
      EscaleHelpState state;
      gint64 since;
      gboolean was_open = escale_help_state_is_open (escale_help_kiosk_get_state (kiosk));

      if (!escale_help_parse_payload (payload, length, &state, &since))
        return;
      escale_help_kiosk_set_state (kiosk, state, since);
      if (state == ESCALE_HELP_ASKED && !was_open)
        g_signal_emit (self, signals[REQUEST], 0, kiosk);
    }
}

static void
escale_help_site_dispose (GObject *object)
{
  EscaleHelpSite *self = ESCALE_HELP_SITE (object);

  if (self->link != NULL)
    g_signal_handlers_disconnect_by_data (self->link, self);
  g_clear_object (&self->link);
  g_clear_pointer (&self->kiosks, g_ptr_array_unref);
  G_OBJECT_CLASS (escale_help_site_parent_class)->dispose (object);
}

static void
escale_help_site_finalize (GObject *object)
{
  g_free (ESCALE_HELP_SITE (object)->site);
  g_free (ESCALE_HELP_SITE (object)->workshop_topic);
  G_OBJECT_CLASS (escale_help_site_parent_class)->finalize (object);
}

static void
escale_help_site_class_init (EscaleHelpSiteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = escale_help_site_dispose;
  object_class->finalize = escale_help_site_finalize;

  signals[REQUEST] = g_signal_new ("request", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, ESCALE_TYPE_HELP_KIOSK);
  signals[WORKSHOP_CHANGED] = g_signal_new ("workshop-changed", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                            0);
}

static void
escale_help_site_init (EscaleHelpSite *self)
{
  self->kiosks = g_ptr_array_new_with_free_func (g_object_unref);
}

EscaleHelpSite *
escale_help_site_new (const EscaleHelpSettings *settings, const char *client_id)
{
  EscaleHelpSite *self = g_object_new (ESCALE_TYPE_HELP_SITE, NULL);
  g_autofree char *all = NULL;

  self->link = escale_mqtt_link_new (settings, client_id);
  if (settings == NULL || settings->broker == NULL)
    return self;
  self->site = g_strdup (settings->site);
  all = escale_help_topic_all_kiosks (self->site);
  escale_mqtt_link_subscribe (self->link, all);
  self->workshop_topic = escale_help_topic_workshop (self->site);
  escale_mqtt_link_subscribe (self->link, self->workshop_topic);
  g_signal_connect_swapped (self->link, "message", G_CALLBACK (message_cb), self);
  escale_mqtt_link_start (self->link);
  return self;
}

/* A helper's answer: "J'arrive" (COMING), "Fait" (DONE). It goes out as
 * soon as the board is connected; the kiosk takes it from its topic. */
void
escale_help_site_answer (EscaleHelpSite *self, const char *kiosk_id, EscaleHelpState state)
{
  g_autofree char *topic = NULL;
  g_autofree char *payload = NULL;
  EscaleHelpKiosk *kiosk = escale_help_site_find (self, kiosk_id);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_return_if_fail (self->site != NULL);
  topic = escale_help_topic_kiosk (self->site, kiosk_id, "state");
  payload = escale_help_payload (state, now);
  escale_mqtt_link_publish (self->link, topic, payload, TRUE);
  if (kiosk != NULL)
    escale_help_kiosk_set_state (kiosk, state, now);
}

/* Starts a workshop on every kiosk of the site, until a helper ends it. */
void
escale_help_site_start_workshop (EscaleHelpSite *self, const char *theme, const char *level,
                                 guint minutes)
{
  EscaleHelpWorkshop workshop;
  g_autofree char *payload = NULL;

  g_return_if_fail (self->site != NULL);
  escale_help_workshop_init (&workshop, theme, level, g_get_real_time () / G_USEC_PER_SEC,
                             minutes);
  payload = escale_help_workshop_payload (&workshop);
  escale_mqtt_link_set_retained (self->link, self->workshop_topic, payload);
}

/* Ends it: each kiosk records the workshop and wipes its visit. */
void
escale_help_site_stop_workshop (EscaleHelpSite *self)
{
  g_return_if_fail (self->site != NULL);
  escale_mqtt_link_set_retained (self->link, self->workshop_topic, "");
}

const EscaleHelpWorkshop *
escale_help_site_get_workshop (EscaleHelpSite *self)
{
  return self->workshop.uid[0] != '\0' ? &self->workshop : NULL;
}

EscaleMqttLink *
escale_help_site_get_link (EscaleHelpSite *self)
{
  return self->link;
}
