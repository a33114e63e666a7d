/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-web"

#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "escale-web-memory-guard.h"

/* WebKit's memory pressure settings end a runaway web process, but WebKit
 * measures a process's memory at most once a second (WTF caches the
 * footprint for 1 s), so a page taking 500 MB a second passes WebKit's
 * kill point by half a gigabyte or more before it is stopped. The guard
 * closes that gap from the kiosk's side: every GUARD_MS it reads the
 * resident size of this kiosk's own web processes (/proc/PID/statm, a
 * cheap read) and kills one that went over the limit; the view then shows
 * its calm page as after any crash. The list of web processes (descendants
 * of this process whose name is WebKit's web process) is refreshed every
 * RESCAN_TICKS ticks. Only processes this kiosk started are ever looked
 * at (/proc/PID/task/TID/children, from this process down); nothing is
 * logged but the size. The guard sleeps while the kiosk has no web
 * process (the welcome screen, most of a day): a view wakes it, and it goes
 * back to sleep after IDLE_RESCANS rescans that found none. */

#define GUARD_MS 250
#define RESCAN_TICKS 4
#define IDLE_RESCANS 10

struct _EscaleWebMemoryGuard
{
  guint64 limit_pages;
  GArray *pids; /* of int: web processes seen at the last rescan */
  guint tick;
  guint idle_rescans; /* in a row, that found no web process */
  guint source_id;
  guint kills;
};

static gboolean
is_web_process (int pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/comm", pid);
  g_autofree char *comm = NULL;

  return g_file_get_contents (path, &comm, NULL, NULL) &&
         g_str_has_prefix (comm, "WebKitWebProces");
}

/* Every descendant of @pid (its threads' children files, then theirs):
 * web processes sit under one or two bubblewrap processes. */
static void
collect (EscaleWebMemoryGuard *self, int pid, guint depth)
{
  g_autofree char *task_path = g_strdup_printf ("/proc/%d/task", pid);
  g_autoptr(GDir) tasks = depth < 6 ? g_dir_open (task_path, 0, NULL) : NULL;
  const char *task;

  while (tasks != NULL && (task = g_dir_read_name (tasks)) != NULL)
    {
      g_autofree char *path = g_build_filename (task_path, task, "children", NULL);
      g_autofree char *children = NULL;
      g_auto(GStrv) pids = NULL;

      if (!g_file_get_contents (path, &children, NULL, NULL) || *g_strstrip (children) == '\0')
        continue;
      pids = g_strsplit (children, " ", -1);
      for (guint i = 0; pids[i] != NULL; i++)
        {
          int child = atoi (pids[i]);

          if (child <= 0)
            continue;
          if (is_web_process (child))
            g_array_append_val (self->pids, child);
          else
            collect (self, child, depth + 1);
        }
    }
}

static void
rescan (EscaleWebMemoryGuard *self)
{
  g_array_set_size (self->pids, 0);
  collect (self, getpid (), 0);
}

static guint64
resident_pages (int pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/statm", pid);
  g_autofree char *statm = NULL;
  unsigned long long size = 0, resident = 0;

  if (!g_file_get_contents (path, &statm, NULL, NULL) ||
      sscanf (statm, "%llu %llu", &size, &resident) != 2)
    return 0;
  return resident;
}

static gboolean
guard_tick_cb (gpointer user_data)
{
  EscaleWebMemoryGuard *self = user_data;

  if (self->tick++ % RESCAN_TICKS == 0)
    {
      rescan (self);
      self->idle_rescans = self->pids->len == 0 ? self->idle_rescans + 1 : 0;
      if (self->idle_rescans >= IDLE_RESCANS)
        {
          self->source_id = 0;
          return G_SOURCE_REMOVE;
        }
    }
  for (guint i = 0; i < self->pids->len; i++)
    {
      int pid = g_array_index (self->pids, int, i);
      guint64 pages = resident_pages (pid);

      /* Still a web process: the pid was not reused since the rescan. */
      if (pages > self->limit_pages && is_web_process (pid))
        {
          g_message ("A web process went over the memory limit (%" G_GUINT64_FORMAT
                     " MiB); ending it",
                     pages * (guint64) sysconf (_SC_PAGESIZE) / (1024 * 1024));
          kill (pid, SIGKILL);
          self->kills++;
          g_array_remove_index_fast (self->pids, i);
          break;
        }
    }
  return G_SOURCE_CONTINUE;
}

EscaleWebMemoryGuard *
escale_web_memory_guard_new (guint limit_mib)
{
  EscaleWebMemoryGuard *self = g_new0 (EscaleWebMemoryGuard, 1);

  self->limit_pages = (guint64) limit_mib * 1024 * 1024 / (guint64) sysconf (_SC_PAGESIZE);
  self->pids = g_array_new (FALSE, FALSE, sizeof (int));
  return self;
}

/* A web view is coming: watch its processes (until none is left). */
void
escale_web_memory_guard_wake (EscaleWebMemoryGuard *self)
{
  self->idle_rescans = 0;
  if (self->source_id != 0)
    return;
  self->tick = 0;
  self->source_id = g_timeout_add (GUARD_MS, guard_tick_cb, self);
}

/* Whether the guard is looking at web processes now. */
gboolean
escale_web_memory_guard_is_watching (EscaleWebMemoryGuard *self)
{
  return self->source_id != 0;
}

void
escale_web_memory_guard_free (EscaleWebMemoryGuard *self)
{
  if (self == NULL)
    return;
  g_clear_handle_id (&self->source_id, g_source_remove);
  g_array_unref (self->pids);
  g_free (self);
}

/* How many web processes the guard ended. */
guint
escale_web_memory_guard_get_kills (EscaleWebMemoryGuard *self)
{
  return self->kills;
}

static guint trim_source;

static gboolean
trim_cb (gpointer user_data)
{
  trim_source = 0;
  malloc_trim (0);
  return G_SOURCE_REMOVE;
}

/* The kiosk's own process. A page shown takes the place of a screen (the
 * culture gallery, the list of sites) whose freed memory glibc keeps inside
 * its heap: only the heap's top is ever given back by free (). TRIM_SECONDS
 * after a page finished loading (the page switch's transition and what it
 * drew are gone by then), malloc_trim () gives back every free page. A few
 * milliseconds, once per page. */
#define TRIM_SECONDS 2

void
escale_web_memory_trim_soon (void)
{
  if (trim_source == 0)
    trim_source = g_timeout_add_seconds_full (G_PRIORITY_LOW, TRIM_SECONDS, trim_cb, NULL, NULL);
}
