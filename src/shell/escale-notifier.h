/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ESCALE_TYPE_NOTIFIER (escale_notifier_get_type ())
G_DECLARE_FINAL_TYPE (EscaleNotifier, escale_notifier, ESCALE, NOTIFIER, GObject)

EscaleNotifier *escale_notifier_new (void);
void escale_notifier_send (EscaleNotifier *self, const char *key, const char *summary,
                           const char *body, gboolean urgent);
void escale_notifier_withdraw (EscaleNotifier *self, const char *key);
guint escale_notifier_get_n_sent (EscaleNotifier *self);
guint escale_notifier_get_n_failed (EscaleNotifier *self);

G_END_DECLS
