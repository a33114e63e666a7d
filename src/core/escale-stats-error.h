/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ESCALE_STATS_ERROR (escale_stats_error_quark ())
GQuark escale_stats_error_quark (void);

typedef enum
{
  ESCALE_STATS_ERROR_OPEN,    /* the file cannot be opened or created */
  ESCALE_STATS_ERROR_TOO_NEW, /* written by a newer Escale */
  ESCALE_STATS_ERROR_CORRUPT, /* not an Escale store, or damaged */
  ESCALE_STATS_ERROR_BUSY,    /* locked by another program */
  ESCALE_STATS_ERROR_FULL,    /* disk full or size limit reached */
  ESCALE_STATS_ERROR_WRITE,   /* any other write failure */
} EscaleStatsError;

/* The one mapping from an SQLite result code (extended or not). */
EscaleStatsError escale_stats_error_from_sqlite (int rc);

G_END_DECLS
