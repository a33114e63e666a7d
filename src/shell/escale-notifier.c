/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-notify"

#include <libnotify/notify.h>

#include "config.h"
#include "escale-notifier.h"

/* Desktop notifications (for a helper's screen or the staff desk, through
 * the session's notification server). They come on top of the in-window
 * message, which is what the person sees. libnotify talks D-Bus
 * synchronously and, with no server, a call can wait for D-Bus activation to
 * time out: so every show and close runs on one worker thread, in order,
 * and can never block the screen. Each notification has a key ("countdown",
 * "helper"); withdrawing a key closes its notification when it is no longer
 * true ("Êtes-vous toujours là ?" after the person touched the screen). */
struct _EscaleNotifier
{
  GObject parent_instance;

  GThreadPool *worker; /* one thread: D-Bus calls stay in order */
  GHashTable *current; /* key -> NotifyNotification */
  guint n_sent;        /* atomic */
  guint n_failed;      /* atomic */
};

G_DEFINE_FINAL_TYPE (EscaleNotifier, escale_notifier, G_TYPE_OBJECT)

typedef struct
{
  EscaleNotifier *self; /* strong ref */
  NotifyNotification *notification;
  gboolean close;
} Job;

static void
run_job (gpointer data, gpointer user_data)
{
  Job *job = data;
  g_autoptr(GError) error = NULL;
  gboolean ok = job->close ? notify_notification_close (job->notification, &error)
                           : notify_notification_show (job->notification, &error);

  if (ok)
    g_atomic_int_inc (&job->self->n_sent);
  else
    {
      g_atomic_int_inc (&job->self->n_failed);
      g_message ("Notification not %s (the screen message is enough): %s",
                 job->close ? "closed" : "shown", error ? error->message : "unknown error");
    }
  g_object_unref (job->notification);
  g_object_unref (job->self);
  g_free (job);
}

static void
push (EscaleNotifier *self, NotifyNotification *notification, gboolean close)
{
  Job *job = g_new0 (Job, 1);

  job->self = g_object_ref (self);
  job->notification = g_object_ref (notification);
  job->close = close;
  g_thread_pool_push (self->worker, job, NULL);
}

static void
escale_notifier_dispose (GObject *object)
{
  EscaleNotifier *self = ESCALE_NOTIFIER (object);

  g_clear_pointer (&self->current, g_hash_table_unref);
  G_OBJECT_CLASS (escale_notifier_parent_class)->dispose (object);
}

static void
escale_notifier_finalize (GObject *object)
{
  EscaleNotifier *self = ESCALE_NOTIFIER (object);

  /* Jobs hold a reference, so the pool is idle by now. */
  g_thread_pool_free (self->worker, TRUE, FALSE);
  G_OBJECT_CLASS (escale_notifier_parent_class)->finalize (object);
}

static void
escale_notifier_class_init (EscaleNotifierClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = escale_notifier_dispose;
  G_OBJECT_CLASS (klass)->finalize = escale_notifier_finalize;
}

static void
escale_notifier_init (EscaleNotifier *self)
{
  /* Only records the application name; no D-Bus traffic here. */
  if (!notify_is_initted ())
    notify_init (PACKAGE_NAME);
  self->worker = g_thread_pool_new (run_job, NULL, 1, FALSE, NULL);
  self->current = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

EscaleNotifier *
escale_notifier_new (void)
{
  return g_object_new (ESCALE_TYPE_NOTIFIER, NULL);
}

/* Shows a notification under @key, replacing the previous one of that key.
 * Never blocks; failures are only logged. */
void
escale_notifier_send (EscaleNotifier *self, const char *key, const char *summary, const char *body,
                      gboolean urgent)
{
  NotifyNotification *notification;

  g_return_if_fail (ESCALE_IS_NOTIFIER (self));

  escale_notifier_withdraw (self, key);
  notification = notify_notification_new (summary, body, NULL);
  notify_notification_set_urgency (notification,
                                   urgent ? NOTIFY_URGENCY_CRITICAL : NOTIFY_URGENCY_NORMAL);
  notify_notification_set_timeout (notification, 30000);
  g_hash_table_insert (self->current, g_strdup (key), notification);
  push (self, notification, FALSE);
}

/* Closes the notification shown under @key, if any. */
void
escale_notifier_withdraw (EscaleNotifier *self, const char *key)
{
  NotifyNotification *notification;

  g_return_if_fail (ESCALE_IS_NOTIFIER (self));

  notification = g_hash_table_lookup (self->current, key);
  if (notification == NULL)
    return;
  push (self, notification, TRUE);
  g_hash_table_remove (self->current, key);
}

guint
escale_notifier_get_n_sent (EscaleNotifier *self)
{
  return (guint) g_atomic_int_get (&self->n_sent);
}

guint
escale_notifier_get_n_failed (EscaleNotifier *self)
{
  return (guint) g_atomic_int_get (&self->n_failed);
}
