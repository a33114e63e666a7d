/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A 12 MP JPEG (4000 x 3000, quality 90) with detail everywhere, so that
 * it weighs (about 3.5 MB) and decodes like a camera's photo rather than a
 * flat test card; @index varies its colours. Returns the path of the new
 * file made in @dir. */
char *bench_make_12mp_jpeg (const char *dir, guint index);

/* What the person would feel and what the machine spends while photos are
 * decoded: the slowest gap between two turns of the main loop (looked at
 * every 10 ms, so 10 ms is a loop never blocked), and the sandboxed
 * helpers (@helper, their command line) seen in /proc: the largest peak
 * RSS (VmHWM) of one, and how many ran at once at most. */
typedef struct
{
  const char *helper;
  gint64 last_tick;
  gint64 worst_gap;
  guint64 helper_hwm_kb;
  guint helpers_at_once;
  guint source;
} BenchWatch;

void bench_watch_start (BenchWatch *watch, const char *helper);
void bench_watch_stop (BenchWatch *watch);
/* This process's resident memory now, in kB (VmRSS). */
guint64 bench_rss_kb (void);

G_END_DECLS
