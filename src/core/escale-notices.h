/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "escale-config-file.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_NOTICES (escale_notices_get_type ())
G_DECLARE_FINAL_TYPE (EscaleNotices, escale_notices, ESCALE, NOTICES, GObject)

EscaleNotices *escale_notices_new (void);
gboolean escale_notices_add (EscaleNotices *self, const char *source, guint line, const char *key,
                             const char *message);
void escale_notices_set (EscaleNotices *self, const char *source, const char *key,
                         const char *message);
GPtrArray *escale_notices_get_all (EscaleNotices *self);
char **escale_notices_format (EscaleNotices *self);

G_END_DECLS
