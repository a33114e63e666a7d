/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include <glib/gi18n-lib.h>

#include "escale-help-kiosk.h"
#include "escale-stats-report.h"

struct _EscaleHelpKiosk
{
  GObject parent_instance;

  char *id;
  char *label;
  EscaleHelpState state;
  gint64 since;
  gboolean online;
  EscaleHelpWorkshop workshop; /* started at that kiosk alone; uid empty: none */
};

enum
{
  PROP_0,
  PROP_LABEL,
  PROP_STATE,
  PROP_SINCE,
  PROP_ONLINE,
  PROP_WORKSHOP,
  N_PROPS,
};

static GParamSpec *pspecs[N_PROPS];

G_DEFINE_FINAL_TYPE (EscaleHelpKiosk, escale_help_kiosk, G_TYPE_OBJECT)

static void
escale_help_kiosk_finalize (GObject *object)
{
  EscaleHelpKiosk *self = ESCALE_HELP_KIOSK (object);

  g_free (self->id);
  g_free (self->label);
  G_OBJECT_CLASS (escale_help_kiosk_parent_class)->finalize (object);
}

static void
escale_help_kiosk_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  EscaleHelpKiosk *self = ESCALE_HELP_KIOSK (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, escale_help_kiosk_get_label (self));
      break;
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case PROP_SINCE:
      g_value_set_int64 (value, self->since);
      break;
    case PROP_ONLINE:
      g_value_set_boolean (value, self->online);
      break;
    case PROP_WORKSHOP:
      g_value_set_string (value, self->workshop.uid);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_help_kiosk_class_init (EscaleHelpKioskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = escale_help_kiosk_finalize;
  object_class->get_property = escale_help_kiosk_get_property;

  pspecs[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, flags);
  pspecs[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, 0, ESCALE_HELP_N_STATES - 1, ESCALE_HELP_IDLE, flags);
  pspecs[PROP_SINCE] = g_param_spec_int64 ("since", NULL, NULL, 0, G_MAXINT64, 0, flags);
  pspecs[PROP_ONLINE] = g_param_spec_boolean ("online", NULL, NULL, FALSE, flags);
  /* The uid of a workshop started at that kiosk, "" when none. */
  pspecs[PROP_WORKSHOP] = g_param_spec_string ("workshop", NULL, NULL, "", flags);
  g_object_class_install_properties (object_class, N_PROPS, pspecs);
}

static void
escale_help_kiosk_init (EscaleHelpKiosk *self)
{
}

EscaleHelpKiosk *
escale_help_kiosk_new (const char *id)
{
  EscaleHelpKiosk *self = g_object_new (ESCALE_TYPE_HELP_KIOSK, NULL);

  self->id = g_strdup (id);
  return self;
}

const char *
escale_help_kiosk_get_id (EscaleHelpKiosk *self)
{
  return self->id;
}

const char *
escale_help_kiosk_get_label (EscaleHelpKiosk *self)
{
  return self->label != NULL ? self->label : self->id;
}

EscaleHelpState
escale_help_kiosk_get_state (EscaleHelpKiosk *self)
{
  return self->state;
}

gint64
escale_help_kiosk_get_since (EscaleHelpKiosk *self)
{
  return self->since;
}

gboolean
escale_help_kiosk_get_online (EscaleHelpKiosk *self)
{
  return self->online;
}

void
escale_help_kiosk_set_label (EscaleHelpKiosk *self, const char *label)
{
  if (g_strcmp0 (self->label, label) == 0)
    return;
  g_free (self->label);
  self->label = g_strdup (label);
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_LABEL]);
}

void
escale_help_kiosk_set_state (EscaleHelpKiosk *self, EscaleHelpState state, gint64 since)
{
  if (self->since != since)
    {
      self->since = since;
      g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_SINCE]);
    }
  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_STATE]);
    }
}

void
escale_help_kiosk_set_online (EscaleHelpKiosk *self, gboolean online)
{
  if (self->online == online)
    return;
  self->online = online;
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_ONLINE]);
}

/* A workshop a helper started at that kiosk (its own topic), or NULL. */
void
escale_help_kiosk_set_workshop (EscaleHelpKiosk *self, const EscaleHelpWorkshop *workshop)
{
  EscaleHelpWorkshop none = { 0 };

  if (workshop == NULL)
    workshop = &none;
  if (memcmp (workshop, &self->workshop, sizeof none) == 0)
    return;
  self->workshop = *workshop;
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_WORKSHOP]);
}

const EscaleHelpWorkshop *
escale_help_kiosk_get_workshop (EscaleHelpKiosk *self)
{
  return self->workshop.uid[0] != '\0' ? &self->workshop : NULL;
}

/* What the board writes for the kiosk's state, in plain French:
 * "demande d'aide depuis 2 min". */
char *
escale_help_kiosk_describe (EscaleHelpKiosk *self, gint64 now_unix)
{
  gint64 minutes = self->since > 0 && now_unix > self->since ? (now_unix - self->since) / 60 : 0;

  /* A workshop at that kiosk, unless someone there is waiting for help. */
  if (self->online && self->workshop.uid[0] != '\0' && !escale_help_state_is_open (self->state))
    /* TRANSLATORS: on the board; %s is La Coop's theme. */
    return g_strdup_printf (_ ("atelier sur ce poste : %s"),
                            escale_coop_theme_label (self->workshop.theme));
  switch (self->state)
    {
    case ESCALE_HELP_ASKED:
      if (self->since == 0 || minutes < 1)
        return g_strdup (_ ("demande d'aide à l'instant"));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "demande d'aide depuis %d min",
                                           "demande d'aide depuis %d min", minutes),
                              (int) minutes);
    case ESCALE_HELP_SEEN:
      return g_strdup (_ ("demande vue, personne n'y va encore"));
    case ESCALE_HELP_COMING:
      return g_strdup (_ ("un aidant y va"));
    case ESCALE_HELP_DONE:
      return g_strdup (_ ("aidé"));
    case ESCALE_HELP_LEFT:
      return g_strdup (_ ("parti avant d'être aidé"));
    case ESCALE_HELP_IDLE:
      return g_strdup (self->online ? _ ("rien à signaler") : _ ("éteint ou hors réseau"));
    default:
      g_assert_not_reached ();
    }
}
