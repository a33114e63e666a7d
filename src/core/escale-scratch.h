/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ESCALE_TYPE_SCRATCH (escale_scratch_get_type ())
G_DECLARE_FINAL_TYPE (EscaleScratch, escale_scratch, ESCALE, SCRATCH, GObject)

EscaleScratch *escale_scratch_new (const char *base_dir);
const char *escale_scratch_get_path (EscaleScratch *self, GError **error);
gboolean escale_scratch_wipe (EscaleScratch *self, GError **error);
gboolean escale_scratch_wipe_leftovers (EscaleScratch *self, GError **error);
gboolean escale_remove_tree (const char *path, GError **error);
char *escale_scratch_default_base_dir (void);

G_END_DECLS
