/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-web"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <glib/gstdio.h>

#include "config.h"
#include "escale-web-extension.h"
#include "escale-web-memory-guard.h"
#include "escale-web-profile.h"

/* The web identity of one person's visit: an ephemeral network session, so
 * cookies, storage, cache and credentials live only in memory. At reset the
 * session's data is cleared and the session dropped; the next person gets a
 * brand new one. Every web view of a visit must use get_network_session(). */
struct _EscaleWebProfile
{
  GObject parent_instance;

  WebKitNetworkSession *session;
  WebKitWebContext *context; /* the web processes, with their memory ceiling */
  guint memory_limit;        /* MiB */
  EscaleWebMemoryGuard *guard;
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
  g_clear_object (&self->context);
  g_clear_pointer (&self->guard, escale_web_memory_guard_free);
  G_OBJECT_CLASS (escale_web_profile_parent_class)->dispose (object);
}

static void
escale_web_profile_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  EscaleWebProfile *self = ESCALE_WEB_PROFILE (object);

  switch (prop_id)
    {
    case PROP_NETWORK_SESSION:
      g_value_set_object (value, escale_web_profile_get_network_session (self));
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

  /* A WebKitNetworkSession; declared as a GObject so that making the
   * profile at start-up does not load WebKit (src/lazy/). */
  pspecs[PROP_NETWORK_SESSION] =
    g_param_spec_object ("network-session", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, pspecs);
}

static void
escale_web_profile_init (EscaleWebProfile *self)
{
}

/* A runaway page (a script that keeps allocating) is ended before it takes
 * the PC's memory: each web process of the profile releases caches at a
 * third of @limit_mib (conservative), releases all it can at half (strict)
 * and is killed by WebKit at KILL_FRACTION of it, looked at every
 * POLL_SECONDS; the view then shows its calm page (web-process-terminated,
 * WEBKIT_WEB_PROCESS_EXCEEDED_MEMORY_LIMIT). WebKit measures a process at
 * most once a second, so a fast page passes that point by hundreds of MB:
 * the memory guard (escale-web-memory-guard.c) ends it at the limit itself
 * within a quarter of a second. */
#define CONSERVATIVE_FRACTION 0.33
#define STRICT_FRACTION 0.5
#define KILL_FRACTION 0.85
#define POLL_SECONDS 0.5

static WebKitWebContext *
create_context (guint limit_mib)
{
  g_autoptr(WebKitMemoryPressureSettings) settings = webkit_memory_pressure_settings_new ();
  const char *extensions = g_getenv (ESCALE_WEB_EXTENSIONS_ENV);
  WebKitWebContext *context;

  webkit_memory_pressure_settings_set_memory_limit (settings, limit_mib);
  webkit_memory_pressure_settings_set_conservative_threshold (settings, CONSERVATIVE_FRACTION);
  webkit_memory_pressure_settings_set_strict_threshold (settings, STRICT_FRACTION);
  webkit_memory_pressure_settings_set_kill_threshold (settings, KILL_FRACTION);
  webkit_memory_pressure_settings_set_poll_interval (settings, POLL_SECONDS);
  context = g_object_new (WEBKIT_TYPE_WEB_CONTEXT, "memory-pressure-settings", settings, NULL);
  /* No page kept alive for "back" (WebKit's default keeps the previous
   * site's whole web process), no dead decoded images kept: see
   * HACKING.md, "Memory with a page open". */
  webkit_web_context_set_cache_model (context, WEBKIT_CACHE_MODEL_DOCUMENT_VIEWER);
  /* Referer trimmed to the origin, blocked loads counted (src/web/extension/). */
  webkit_web_context_set_web_process_extensions_directory (context, extensions != NULL
                                                                      ? extensions
                                                                      : WEB_EXTENSIONS_DIR);
  return context;
}

/* A profile whose web processes are kept under @memory_limit MiB each
 * ([Web] memory-limit of escale.ini); 0 for ESCALE_WEB_DEFAULT_MEMORY_LIMIT. */
EscaleWebProfile *
escale_web_profile_new_with_memory_limit (guint memory_limit)
{
  EscaleWebProfile *self = g_object_new (ESCALE_TYPE_WEB_PROFILE, NULL);

  self->memory_limit = memory_limit > 0 ? memory_limit : ESCALE_WEB_DEFAULT_MEMORY_LIMIT;
  self->guard = escale_web_memory_guard_new (self->memory_limit);
  return self;
}

EscaleWebProfile *
escale_web_profile_new (void)
{
  return escale_web_profile_new_with_memory_limit (0);
}

/* Returns: (transfer none): the context every view of the profile uses,
 * made when the first view asks: WebKit's context brings up its graphics
 * (Mesa and LLVM on a PC without a GPU, ~40 MiB) that a kiosk waiting on
 * its welcome screen has no use for. */
WebKitWebContext *
escale_web_profile_get_web_context (EscaleWebProfile *self)
{
  g_return_val_if_fail (ESCALE_IS_WEB_PROFILE (self), NULL);
  if (self->context == NULL)
    self->context = create_context (self->memory_limit);
  return self->context;
}

/* A view is about to load pages: the memory guard, asleep while the kiosk
 * runs no web process, watches until the last one is gone. */
void
escale_web_profile_expect_web_process (EscaleWebProfile *self)
{
  g_return_if_fail (ESCALE_IS_WEB_PROFILE (self));
  if (self->guard != NULL)
    escale_web_memory_guard_wake (self->guard);
}

/* Whether the memory guard is watching web processes now. */
gboolean
escale_web_profile_get_guarding (EscaleWebProfile *self)
{
  g_return_val_if_fail (ESCALE_IS_WEB_PROFILE (self), FALSE);
  return self->guard != NULL && escale_web_memory_guard_is_watching (self->guard);
}

guint
escale_web_profile_get_memory_limit (EscaleWebProfile *self)
{
  g_return_val_if_fail (ESCALE_IS_WEB_PROFILE (self), 0);
  return self->memory_limit;
}

/* Returns: (transfer none): the visit's session, made when a view first
 * asks: creating one starts WebKit's network process, which a kiosk
 * waiting on its welcome screen has no use for (memory, start-up). */
WebKitNetworkSession *
escale_web_profile_get_network_session (EscaleWebProfile *self)
{
  g_return_val_if_fail (ESCALE_IS_WEB_PROFILE (self), NULL);
  if (self->session == NULL)
    self->session = create_session ();
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

/* A wiper: clears the current session's website data and drops it; the
 * next visit's session is made when its first view asks. Views still holding the old session keep
 * it alive; the shell destroys them first. */
gboolean
escale_web_profile_renew (EscaleWebProfile *self, GError **error)
{
  g_autoptr(WebKitNetworkSession) old = NULL;
  WebKitWebsiteDataManager *manager;

  g_return_val_if_fail (ESCALE_IS_WEB_PROFILE (self), FALSE);

  old = g_steal_pointer (&self->session);
  if (old != NULL)
    {
      manager = webkit_network_session_get_website_data_manager (old);
      webkit_website_data_manager_clear (manager, WEBKIT_WEBSITE_DATA_ALL, 0, NULL, cleared_cb,
                                         NULL);
    }
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
