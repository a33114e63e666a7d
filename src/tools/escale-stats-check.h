/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* escale-stats check (escale-stats-check.c), and the tool's error line. */
int escale_stats_cmd_check (const char *db_path);
int escale_stats_fail (const char *format, ...) G_GNUC_PRINTF (1, 2);

G_END_DECLS
