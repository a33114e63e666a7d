/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ESCALE_TYPE_HANDOFF (escale_handoff_get_type ())
G_DECLARE_FINAL_TYPE (EscaleHandoff, escale_handoff, ESCALE, HANDOFF, GObject)

EscaleHandoff *escale_handoff_new (void);
void escale_handoff_put (EscaleHandoff *self, const char *name, const char *giver_kind,
                         gpointer object);
gpointer escale_handoff_take (EscaleHandoff *self, const char *name, char **giver_kind);
void escale_handoff_clear (EscaleHandoff *self);

G_END_DECLS
