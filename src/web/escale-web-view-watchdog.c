/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-web"

#include "escale-web-view-private.h"

/* A page that freezes its web process (a script looping for ever) must not
 * stay frozen on an unattended kiosk until someone touches it: WebKit only
 * notices an unresponsive process when it sends it input. So while the view
 * is on screen, it asks the page's process a trivial question every
 * PROBE_INTERVAL seconds (the script "0", in an isolated world the page
 * cannot see); a process that has not answered after PROBE_TIMEOUT seconds
 * is ended, and web-process-terminated shows the calm page ("Réessayer",
 * "Accueil"). Worst case from freeze to calm page: interval + timeout, under
 * 10 s. The probe is skipped while the crash or offline page is shown and
 * while a page's alert() waits for the person (its process waits too). The
 * UI process never waits for the answer: the countdown and "J'ai fini" go
 * on whatever the page does. */

#define PROBE_INTERVAL_SECONDS 2
#define PROBE_TIMEOUT_SECONDS 6
#define PROBE_WORLD "escale-probe"
#define HANG_GRACE_SECONDS 8

static void
probe_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GCancellable) cancellable = user_data;
  g_autoptr(JSCValue) value = NULL;
  g_autoptr(GError) error = NULL;
  EscaleWebView *self;

  /* Any answer, even a script error, means the process is alive. */
  value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (source), result, &error);
  if (g_cancellable_is_cancelled (cancellable))
    return;
  self = g_object_get_data (G_OBJECT (cancellable), "view");
  g_clear_handle_id (&self->probe_timeout_id, g_source_remove);
  g_clear_object (&self->probe_cancellable);
}

static gboolean
probe_timeout_cb (gpointer user_data)
{
  EscaleWebView *self = user_data;

  self->probe_timeout_id = 0;
  g_cancellable_cancel (self->probe_cancellable);
  g_clear_object (&self->probe_cancellable);
  /* No address: where the person was is theirs. */
  g_message ("The page's web process did not answer for %d s (responsive: %d); ending it",
             PROBE_TIMEOUT_SECONDS,
             webkit_web_view_get_is_web_process_responsive (self->web_view));
  self->hangs++;
  webkit_web_view_terminate_web_process (self->web_view);
  return G_SOURCE_REMOVE;
}

static gboolean
may_probe (EscaleWebView *self)
{
  return !self->crashed && self->dialog == NULL && !escale_web_view_get_offline (self) &&
         webkit_web_view_get_uri (self->web_view) != NULL;
}

static gboolean
probe_tick_cb (gpointer user_data)
{
  EscaleWebView *self = user_data;

  if (self->probe_cancellable != NULL || !may_probe (self))
    return G_SOURCE_CONTINUE;
  self->probe_cancellable = g_cancellable_new ();
  g_object_set_data (G_OBJECT (self->probe_cancellable), "view", self);
  self->probe_timeout_id = g_timeout_add_seconds (PROBE_TIMEOUT_SECONDS, probe_timeout_cb, self);
  webkit_web_view_evaluate_javascript (self->web_view, "0", -1, PROBE_WORLD, NULL,
                                       self->probe_cancellable, probe_done_cb,
                                       g_object_ref (self->probe_cancellable));
  return G_SOURCE_CONTINUE;
}

static void
stop_probe (EscaleWebView *self)
{
  g_clear_handle_id (&self->probe_id, g_source_remove);
  g_clear_handle_id (&self->probe_timeout_id, g_source_remove);
  if (self->probe_cancellable != NULL)
    g_cancellable_cancel (self->probe_cancellable);
  g_clear_object (&self->probe_cancellable);
}

static void
mapped_cb (EscaleWebView *self)
{
  if (self->probe_id == 0)
    self->probe_id = g_timeout_add_seconds (PROBE_INTERVAL_SECONDS, probe_tick_cb, self);
}

/* A page that is not on screen is not probed: nobody is looking at it. */
static void
unmapped_cb (EscaleWebView *self)
{
  stop_probe (self);
}

static gboolean
hang_timeout_cb (gpointer user_data)
{
  EscaleWebView *self = user_data;

  self->hang_id = 0;
  if (!webkit_web_view_get_is_web_process_responsive (self->web_view))
    {
      self->hangs++;
      webkit_web_view_terminate_web_process (self->web_view);
    }
  return G_SOURCE_REMOVE;
}

/* When WebKit itself sees the process stop answering (it sent it input),
 * the page is ended after a grace time: the calm page is better than a
 * frozen screen. */
static void
responsive_cb (EscaleWebView *self)
{
  if (webkit_web_view_get_is_web_process_responsive (self->web_view))
    g_clear_handle_id (&self->hang_id, g_source_remove);
  else if (self->hang_id == 0)
    self->hang_id = g_timeout_add_seconds (HANG_GRACE_SECONDS, hang_timeout_cb, self);
}

/* A new process (after a crash, "Réessayer", a page of another site) starts
 * with no question pending. */
void
_escale_web_view_watchdog_reset (EscaleWebView *self)
{
  g_clear_handle_id (&self->hang_id, g_source_remove);
  g_clear_handle_id (&self->probe_timeout_id, g_source_remove);
  if (self->probe_cancellable != NULL)
    g_cancellable_cancel (self->probe_cancellable);
  g_clear_object (&self->probe_cancellable);
}

void
_escale_web_view_watchdog_start (EscaleWebView *self)
{
  g_signal_connect (self, "map", G_CALLBACK (mapped_cb), NULL);
  g_signal_connect (self, "unmap", G_CALLBACK (unmapped_cb), NULL);
  g_signal_connect_object (self->web_view, "notify::is-web-process-responsive",
                           G_CALLBACK (responsive_cb), self, G_CONNECT_SWAPPED);
}

void
_escale_web_view_watchdog_stop (EscaleWebView *self)
{
  g_clear_handle_id (&self->hang_id, g_source_remove);
  stop_probe (self);
}

/* How many times the view ended a page that stopped answering. */
guint
escale_web_view_get_hangs (EscaleWebView *self)
{
  g_return_val_if_fail (ESCALE_IS_WEB_VIEW (self), 0);
  return self->hangs;
}
