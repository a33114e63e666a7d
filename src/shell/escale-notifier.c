/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-notify"

#include <libnotify/notify.h>

#include "config.h"
#include "escale-notifier.h"

/* Desktop notifications (for a helper's phone or the staff desk through the
 * notification server). They are a bonus: the in-window message is what the
 * person sees. libnotify talks D-Bus synchronously, and with no server a
 * call can wait for D-Bus activation to time out, so every notification is
 * sent from a worker thread and can never block the screen. */
struct _EscaleNotifier
{
  GObject parent_instance;

  guint n_sent;
  guint n_failed;
};

G_DEFINE_FINAL_TYPE (EscaleNotifier, escale_notifier, G_TYPE_OBJECT)

typedef struct
{
  char *summary;
  char *body;
  gboolean urgent;
} Message;

static void
message_free (gpointer data)
{
  Message *message = data;

  g_free (message->summary);
  g_free (message->body);
  g_free (message);
}

static void
send_in_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  Message *message = task_data;
  g_autoptr(GObject) owner = NULL;
  NotifyNotification *notification;
  GError *error = NULL;

  notification = notify_notification_new (message->summary, message->body, NULL);
  owner = G_OBJECT (notification);
  notify_notification_set_urgency (notification,
                                   message->urgent ? NOTIFY_URGENCY_CRITICAL
                                                   : NOTIFY_URGENCY_NORMAL);
  notify_notification_set_timeout (notification, 15000);
  if (!notify_notification_show (notification, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
sent_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  EscaleNotifier *self = ESCALE_NOTIFIER (source);
  g_autoptr(GError) error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    self->n_sent++;
  else
    {
      self->n_failed++;
      g_message ("Notification not shown (the screen message is enough): %s", error->message);
    }
}

static void
escale_notifier_class_init (EscaleNotifierClass *klass)
{
}

static void
escale_notifier_init (EscaleNotifier *self)
{
  /* Only records the application name; no D-Bus traffic here. */
  if (!notify_is_initted ())
    notify_init (PACKAGE_NAME);
}

EscaleNotifier *
escale_notifier_new (void)
{
  return g_object_new (ESCALE_TYPE_NOTIFIER, NULL);
}

/* Never blocks; failures are only logged. */
void
escale_notifier_send (EscaleNotifier *self, const char *summary, const char *body,
                      gboolean urgent)
{
  g_autoptr(GTask) task = NULL;
  Message *message;

  g_return_if_fail (ESCALE_IS_NOTIFIER (self));

  message = g_new0 (Message, 1);
  message->summary = g_strdup (summary);
  message->body = g_strdup (body);
  message->urgent = urgent;

  task = g_task_new (self, NULL, sent_cb, NULL);
  g_task_set_task_data (task, message, message_free);
  g_task_run_in_thread (task, send_in_thread);
}

guint
escale_notifier_get_n_sent (EscaleNotifier *self)
{
  return self->n_sent;
}

guint
escale_notifier_get_n_failed (EscaleNotifier *self)
{
  return self->n_failed;
}
