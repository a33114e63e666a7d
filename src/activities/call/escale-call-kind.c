/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-config"

#include <glib/gi18n-lib.h>

#include "escale-call-kind.h"
#include "escale-kind-check.h"

/* kind=call: a video call with family, either on Escale's own call screen
 * through the centre's Janus server ([Call] server=) or on a visio site in
 * the locked web view ([Call] web-url=), never both. GLib only: this is
 * what escale --check-config reads. */

static const EscaleKeySpec call_keys[] = {
  { "Call", "server", ESCALE_KEY_STRING },        /* ws:// or wss:// address of Janus */
  { "Call", "family-page", ESCALE_KEY_URL },      /* the family's page, for the code's link */
  { "Call", "stun", ESCALE_KEY_STRING },          /* stun://host:port */
  { "Call", "turn", ESCALE_KEY_STRING },          /* turn://user:password@host:port */
  { "Call", "test-pattern", ESCALE_KEY_BOOL },    /* a test picture and tone, for demos */
  { "Call", "local-address", ESCALE_KEY_STRING }, /* the only address ICE may use (labs) */
  { "Call", "web-url", ESCALE_KEY_URL }, /* a visio site instead, where WebKit has WebRTC */
  { NULL },
};

/* Numbers only, never who was called: a call starts when a room is made
 * or a code typed; it is connected once the family's picture arrives (once
 * per call, even if the family leaves and comes back); its minutes run
 * from the first connection to the hang-up. */
static const EscaleCounterSpec call_counters[] = {
  { "started", N_ ("Appels vidéo lancés") },
  { "connected", N_ ("Appels vidéo aboutis") },
  { "minutes", N_ ("Minutes en communication") },
  { NULL },
};

/* [Call] web-url as a web address (http or https with a host), or NULL. */
static GUri *
parse_web_url (EscaleActivity *activity)
{
  g_autofree char *web_url = escale_activity_get_string (activity, "Call", "web-url");
  g_autoptr(GUri) uri = web_url != NULL ? g_uri_parse (web_url, G_URI_FLAGS_NONE, NULL) : NULL;

  if (uri == NULL || g_uri_get_host (uri) == NULL ||
      (g_strcmp0 (g_uri_get_scheme (uri), "https") != 0 &&
       g_strcmp0 (g_uri_get_scheme (uri), "http") != 0))
    return NULL;
  return g_steal_pointer (&uri);
}

static gboolean
has_server (EscaleActivity *activity)
{
  g_autofree char *server = escale_activity_get_string (activity, "Call", "server");

  return server != NULL;
}

/* A call activity is either Escale's own call screen (server=) or a visio
 * site in the locked web view (web-url=), never both. An address that is
 * not a web address was reported by the validation. */
static void
check_call (EscaleActivity *activity, EscaleConfigFile *file, GPtrArray *problems)
{
  g_autoptr(GUri) uri = parse_web_url (activity);

  if (uri != NULL && has_server (activity))
    escale_config_file_problem (file, problems, "Call", "web-url",
                                _ ("server= et web-url= ne vont pas ensemble : gardez "
                                   "server= (l'écran d'appel d'Escale) ou web-url= (un site "
                                   "d'appel), pas les deux ; l'écran d'appel d'Escale est "
                                   "utilisé"));
}

/* A call activity configured as a visio site ([Call] web-url=, without
 * server=), shown in the locked web view where WebKit has WebRTC. */
gboolean
escale_call_kind_is_web_call (EscaleActivity *activity)
{
  g_autoptr(GUri) uri = NULL;

  g_return_val_if_fail (ESCALE_IS_ACTIVITY (activity), FALSE);

  if (escale_activity_get_kind (activity) != &escale_call_kind || has_server (activity))
    return FALSE;
  uri = parse_web_url (activity);
  return uri != NULL;
}

/* Whether a photo handed over (ESCALE_CALL_PICTURE_HANDOFF) can be shown
 * in this activity's calls: Escale's own call screen with a server, not a
 * visio site in the web view. */
gboolean
escale_call_kind_can_show_pictures (EscaleActivity *activity)
{
  g_return_val_if_fail (ESCALE_IS_ACTIVITY (activity), FALSE);
  return escale_activity_get_kind (activity) == &escale_call_kind && has_server (activity);
}

const EscaleActivityKind escale_call_kind = {
  .name = "call",
  .keys = call_keys,
  .check = check_call,
  .counters = call_counters,
  .view_type = escale_call_kind_view_type,
  .check_machine = escale_call_kind_check_machine,
  .check_machine_finish = escale_kind_check_finish,
};
