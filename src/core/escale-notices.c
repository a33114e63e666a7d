/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-notices"

#include "escale-notices.h"

/* What staff must know that only the running kiosk finds out: no camera,
 * a call server that does not answer, a WebKit without WebRTC for a web
 * call, statistics that wait to be written. Each notice names a file, a line and a key like a
 * configuration problem, so the welcome screen's staff note and the staff space show both the same
 * way; the configuration itself stays read-only. Owned by the kiosk; a notice seen again (at every
 * visit, say) is kept once. */
struct _EscaleNotices
{
  GObject parent_instance;

  GPtrArray *notices; /* of EscaleConfigProblem */
};

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (EscaleNotices, escale_notices, G_TYPE_OBJECT)

static void
escale_notices_finalize (GObject *object)
{
  EscaleNotices *self = ESCALE_NOTICES (object);

  g_clear_pointer (&self->notices, g_ptr_array_unref);
  G_OBJECT_CLASS (escale_notices_parent_class)->finalize (object);
}

static void
escale_notices_class_init (EscaleNoticesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = escale_notices_finalize;

  /* A notice was added, replaced or removed. */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
escale_notices_init (EscaleNotices *self)
{
  self->notices = g_ptr_array_new_with_free_func ((GDestroyNotify) escale_config_problem_free);
}

EscaleNotices *
escale_notices_new (void)
{
  return g_object_new (ESCALE_TYPE_NOTICES, NULL);
}

/* Adds a notice for staff about @source (a config file such as
 * "activities/visio.ini"), @line (0 for the whole file) and @key (or NULL),
 * and emits "changed". Returns FALSE, and emits nothing, when the same
 * notice is already there. */
gboolean
escale_notices_add (EscaleNotices *self, const char *source, guint line, const char *key,
                    const char *message)
{
  g_return_val_if_fail (ESCALE_IS_NOTICES (self), FALSE);
  g_return_val_if_fail (source != NULL && message != NULL, FALSE);

  for (guint i = 0; i < self->notices->len; i++)
    {
      EscaleConfigProblem *known = self->notices->pdata[i];

      if (g_str_equal (known->file, source) && known->line == line &&
          g_strcmp0 (known->key, key) == 0 && g_str_equal (known->message, message))
        return FALSE;
    }
  escale_config_problem_add (self->notices, source, line, key, "%s", message);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  return TRUE;
}

/* The one notice about @source and @key that lasts only while a condition
 * does (statistics waiting to be written): replaced by @message, or
 * removed when @message is NULL. Emits "changed" when it changed. */
void
escale_notices_set (EscaleNotices *self, const char *source, const char *key, const char *message)
{
  gboolean changed = FALSE;

  g_return_if_fail (ESCALE_IS_NOTICES (self));
  g_return_if_fail (source != NULL);

  for (guint i = 0; i < self->notices->len; i++)
    {
      EscaleConfigProblem *known = self->notices->pdata[i];

      if (!g_str_equal (known->file, source) || g_strcmp0 (known->key, key) != 0)
        continue;
      if (g_strcmp0 (known->message, message) == 0)
        return;
      g_ptr_array_remove_index (self->notices, i);
      changed = TRUE;
      break;
    }
  if (message != NULL)
    {
      escale_config_problem_add (self->notices, source, 0, key, "%s", message);
      changed = TRUE;
    }
  if (changed)
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* Returns: (transfer none) (element-type EscaleConfigProblem) */
GPtrArray *
escale_notices_get_all (EscaleNotices *self)
{
  g_return_val_if_fail (ESCALE_IS_NOTICES (self), NULL);
  return self->notices;
}

/* Every notice as "FILE:LINE: key: message". */
char **
escale_notices_format (EscaleNotices *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (ESCALE_IS_NOTICES (self), NULL);

  for (guint i = 0; i < self->notices->len; i++)
    {
      g_autofree char *line = escale_config_problem_to_string (self->notices->pdata[i]);

      g_strv_builder_add (builder, line);
    }
  return g_strv_builder_end (builder);
}
