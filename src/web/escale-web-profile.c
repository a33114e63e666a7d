/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-web"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <glib/gstdio.h>

#include "escale-web-profile.h"

/* The web identity of one person's visit: an ephemeral network session, so
 * cookies, storage, cache and credentials live only in memory. At reset the
 * session's data is cleared and the session dropped; the next person gets a
 * brand new one. Every web view of a visit must use get_network_session(). */
struct _EscaleWebProfile
{
  GObject parent_instance;

  WebKitNetworkSession *session;
  guint generation;
};

enum
{
  PROP_0,
  PROP_NETWORK_SESSION,
  N_PROPS,
};

static GParamSpec *pspecs[N_PROPS];

G_DEFINE_FINAL_TYPE (EscaleWebProfile, escale_web_profile, G_TYPE_OBJECT)

static WebKitNetworkSession *
create_session (void)
{
  WebKitNetworkSession *session = webkit_network_session_new_ephemeral ();

  webkit_network_session_set_tls_errors_policy (session, WEBKIT_TLS_ERRORS_POLICY_FAIL);
  webkit_network_session_set_itp_enabled (session, TRUE);
  return session;
}

static void
escale_web_profile_dispose (GObject *object)
{
  EscaleWebProfile *self = ESCALE_WEB_PROFILE (object);

  g_clear_object (&self->session);
  G_OBJECT_CLASS (escale_web_profile_parent_class)->dispose (object);
}

static void
escale_web_profile_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  EscaleWebProfile *self = ESCALE_WEB_PROFILE (object);

  switch (prop_id)
    {
    case PROP_NETWORK_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_web_profile_class_init (EscaleWebProfileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = escale_web_profile_dispose;
  object_class->get_property = escale_web_profile_get_property;

  pspecs[PROP_NETWORK_SESSION] =
    g_param_spec_object ("network-session", NULL, NULL, WEBKIT_TYPE_NETWORK_SESSION,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, pspecs);
}

static void
escale_web_profile_init (EscaleWebProfile *self)
{
  self->session = create_session ();
}

EscaleWebProfile *
escale_web_profile_new (void)
{
  return g_object_new (ESCALE_TYPE_WEB_PROFILE, NULL);
}

WebKitNetworkSession *
escale_web_profile_get_network_session (EscaleWebProfile *self)
{
  g_return_val_if_fail (ESCALE_IS_WEB_PROFILE (self), NULL);
  return self->session;
}

/* How many times the profile was renewed; a view made for an older
 * generation belongs to a previous visit. */
guint
escale_web_profile_get_generation (EscaleWebProfile *self)
{
  g_return_val_if_fail (ESCALE_IS_WEB_PROFILE (self), 0);
  return self->generation;
}

static void
cleared_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;

  if (!webkit_website_data_manager_clear_finish (WEBKIT_WEBSITE_DATA_MANAGER (source), result,
                                                 &error))
    g_warning ("Clearing the previous visit's web data failed: %s", error->message);
}

/* A wiper: clears the current session's website data, drops it and starts a
 * new one. Views still holding the old session keep it alive; the shell
 * destroys them first. */
gboolean
escale_web_profile_renew (EscaleWebProfile *self, GError **error)
{
  g_autoptr(WebKitNetworkSession) old = NULL;
  WebKitWebsiteDataManager *manager;

  g_return_val_if_fail (ESCALE_IS_WEB_PROFILE (self), FALSE);

  old = g_steal_pointer (&self->session);
  manager = webkit_network_session_get_website_data_manager (old);
  webkit_website_data_manager_clear (manager, WEBKIT_WEBSITE_DATA_ALL, 0, NULL, cleared_cb, NULL);
  self->session = create_session ();
  self->generation++;
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_NETWORK_SESSION]);
  return TRUE;
}

/* WebKit's sandbox leaves CACHE/.flatpak/webkit-PID-N/bwrapinfo.json for
 * each web process; a process killed (a crash, a power cut, kill -9 of the
 * kiosk) leaves them behind, and thousands piled up on a test machine.
 * Called at start-up: those of processes gone are removed, nothing else. */
void
escale_web_profile_sweep_sandbox_leftovers (const char *cache_dir)
{
  g_autofree char *dir = g_build_filename (cache_dir, ".flatpak", NULL);
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *info = NULL;
      int pid = 0, n = 0, end = 0;

      if (sscanf (name, "webkit-%d-%d%n", &pid, &n, &end) != 2 || name[end] != '\0' || pid <= 0 ||
          kill (pid, 0) == 0 || errno != ESRCH)
        continue;
      path = g_build_filename (dir, name, NULL);
      info = g_build_filename (path, "bwrapinfo.json", NULL);
      g_unlink (info);
      g_rmdir (path);
    }
}
