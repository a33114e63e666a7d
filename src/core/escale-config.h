/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "escale-activity.h"
#include "escale-config-file.h"
#include "escale-help-settings.h"

G_BEGIN_DECLS

#define ESCALE_MAX_HOME_ACTIVITIES 6

#define ESCALE_TYPE_CONFIG (escale_config_get_type ())
G_DECLARE_FINAL_TYPE (EscaleConfig, escale_config, ESCALE, CONFIG, GObject)

EscaleConfig *escale_config_load (const char *dir, const EscaleActivityKind *const *kinds);
EscaleConfig *escale_config_load_main (const char *dir);

const char *escale_config_get_dir (EscaleConfig *self);
const char *escale_config_get_centre_name (EscaleConfig *self);
const char *escale_config_get_language (EscaleConfig *self);
guint escale_config_get_idle_delay (EscaleConfig *self);
guint escale_config_get_countdown (EscaleConfig *self);
guint escale_config_get_goodbye_delay (EscaleConfig *self);
gboolean escale_config_get_end_questions (EscaleConfig *self);
const char *escale_config_get_stats_path (EscaleConfig *self);
guint escale_config_get_retention_months (EscaleConfig *self);
guint escale_config_get_stats_max_size_mb (EscaleConfig *self);
const EscaleHelpSettings *escale_config_get_help (EscaleConfig *self);
guint escale_config_get_grant_year_start (EscaleConfig *self);
guint escale_config_get_web_memory_limit (EscaleConfig *self);
GPtrArray *escale_config_get_activities (EscaleConfig *self);
EscaleActivity *escale_config_find_activity (EscaleConfig *self, const char *id);
GPtrArray *escale_config_get_problems (EscaleConfig *self);
char **escale_config_format_problems (EscaleConfig *self);

G_END_DECLS
