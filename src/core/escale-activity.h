/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "escale-activity-kind.h"
#include "escale-config-file.h"

G_BEGIN_DECLS

/* A numbered section of an activity's text, e.g. one "[Entry 2]" of the
 * practical information: a title and lines of text. */
typedef struct
{
  char *title;
  char **lines;
} EscaleActivitySection;

#define ESCALE_TYPE_ACTIVITY (escale_activity_get_type ())
G_DECLARE_FINAL_TYPE (EscaleActivity, escale_activity, ESCALE, ACTIVITY, GObject)

EscaleActivity *escale_activity_new_from_file (EscaleConfigFile *file, const char *config_dir,
                                               const EscaleActivityKind *const *kinds,
                                               GPtrArray *problems);

const char *escale_activity_get_id (EscaleActivity *self);
const char *escale_activity_get_title (EscaleActivity *self);
const char *escale_activity_get_subtitle (EscaleActivity *self);
const char *escale_activity_get_icon (EscaleActivity *self);
const EscaleActivityKind *escale_activity_get_kind (EscaleActivity *self);
int escale_activity_get_order (EscaleActivity *self);
const char *escale_activity_get_theme (EscaleActivity *self);
const char *escale_activity_get_intro (EscaleActivity *self);
const char *const *escale_activity_get_steps (EscaleActivity *self);
const char *const *escale_activity_get_helper_tips (EscaleActivity *self);
GPtrArray *escale_activity_get_sections (EscaleActivity *self);
const char *escale_activity_get_config_dir (EscaleActivity *self);
char *escale_activity_get_string (EscaleActivity *self, const char *group, const char *key);
char **escale_activity_get_groups (EscaleActivity *self, const char *prefix);
const char *escale_activity_get_source (EscaleActivity *self);
guint escale_activity_get_line (EscaleActivity *self, const char *group, const char *key);

gboolean escale_icon_is_builtin (const char *name);

G_END_DECLS
