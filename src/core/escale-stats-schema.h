/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Bump with every new entry of escale_stats_migrations (checked at build). */
#define ESCALE_STATS_SCHEMA_VERSION 8

/* Entry N takes the schema from version N to N+1. Never edit a released
 * entry: add a new one. */
extern const char *const escale_stats_migrations[];

G_END_DECLS
