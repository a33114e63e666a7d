/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The cost of the bounds of a page (issue 17):
 * 1. the watchdog's probe: CPU of the kiosk and its web and network
 *    processes, per hour, with one small page open and nobody touching
 *    it, over SECONDS (the probe runs every 2 s; the memory guard every
 *    250 ms); then the CPU of PROBES probes asked back to back, per probe,
 *    times the 1800 probes of an hour: the probe's own share;
 * 2. the strict mode's content filter: load time (load_uri to
 *    WEBKIT_LOAD_FINISHED) of a page with 200 sub-resources of its own
 *    origin, with and without strict mode, a new view each round (so each
 *    strict round also compiles its filter), resources not cached.
 * Usage: web-bounds [SECONDS] [ROUNDS]. bench/web-bounds-run builds and
 * runs it under Xvfb. */
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "escale-scratch.h"
#include "escale-web-view.h"

static void
serve (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
       gpointer data)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  g_autoptr(GString) body = g_string_new (NULL);
  const char *type = "text/html";

  soup_message_headers_replace (headers, "Cache-Control", "no-store");
  if (g_str_has_prefix (path, "/img/"))
    {
      g_string_append (body, "<svg xmlns='http://www.w3.org/2000/svg' width='8' height='8'/>");
      type = "image/svg+xml";
    }
  else if (g_str_equal (path, "/many"))
    {
      g_string_append (body, "<!DOCTYPE html><title>Salle</title><h1>200 vignettes</h1>");
      for (guint i = 0; i < 200; i++)
        g_string_append_printf (body, "<img src='/img/%u.svg'>", i);
    }
  else
    g_string_append (body, "<!DOCTYPE html><title>Salle</title><h1>Musée</h1><p>Salle 1</p>");
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, type, SOUP_MEMORY_COPY, body->str, body->len);
}

/* utime + stime, in clock ticks, of @pid and all its descendants. */
static guint64
cpu_ticks_tree (int pid)
{
  g_autofree char *stat_path = g_strdup_printf ("/proc/%d/stat", pid);
  g_autofree char *task_path = g_strdup_printf ("/proc/%d/task", pid);
  g_autofree char *stat = NULL;
  g_autoptr(GDir) tasks = NULL;
  unsigned long long utime = 0, stime = 0;
  const char *close, *task;
  guint64 total = 0;

  if (g_file_get_contents (stat_path, &stat, NULL, NULL) &&
      (close = strrchr (stat, ')')) != NULL &&
      sscanf (close + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &utime,
              &stime) == 2)
    total = utime + stime;
  tasks = g_dir_open (task_path, 0, NULL);
  while (tasks != NULL && (task = g_dir_read_name (tasks)) != NULL)
    {
      g_autofree char *path = g_build_filename (task_path, task, "children", NULL);
      g_autofree char *children = NULL;
      g_auto(GStrv) pids = NULL;

      if (!g_file_get_contents (path, &children, NULL, NULL))
        continue;
      pids = g_strsplit (g_strstrip (children), " ", -1);
      for (guint i = 0; pids[i] != NULL; i++)
        if (atoi (pids[i]) > 0)
          total += cpu_ticks_tree (atoi (pids[i]));
    }
  return total;
}

#define PROBES 5000

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
wait_loaded (WebKitWebView *web)
{
  while (webkit_web_view_is_loading (web) || webkit_web_view_get_uri (web) == NULL ||
         g_strcmp0 (webkit_web_view_get_title (web), "Salle") != 0)
    g_main_context_iteration (NULL, TRUE);
}

/* CPU per hour (seconds) of everything Escale runs, @seconds of idle. */
static double
idle_cpu_per_hour (guint seconds)
{
  guint64 before = cpu_ticks_tree (getpid ());

  spin (seconds * 1000);
  return (double) (cpu_ticks_tree (getpid ()) - before) / sysconf (_SC_CLK_TCK) * 3600.0 / seconds;
}

static void
probe_done_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

static void
bench_probe (EscaleWebProfile *profile, EscaleWebPolicy *policy, const char *uri, guint seconds)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *view = escale_web_view_new (profile, policy);
  WebKitWebView *web = escale_web_view_get_web_view (ESCALE_WEB_VIEW (view));
  double idle;
  guint64 before;

  gtk_window_set_default_size (window, 1280, 800);
  gtk_window_set_child (window, view);
  gtk_window_present (window);
  escale_web_view_load (ESCALE_WEB_VIEW (view), uri);
  wait_loaded (web);
  spin (2000);
  idle = idle_cpu_per_hour (seconds);
  printf ("idle, one page, the probe every 2 s, %u s: %.2f CPU-s/hour for the kiosk and all its "
          "processes (%.3f %% of one core)\n",
          seconds, idle, idle / 36.0);

  /* PROBES probes back to back: what one costs, both processes together. */
  before = cpu_ticks_tree (getpid ());
  for (guint i = 0; i < PROBES; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JSCValue) value = NULL;
      GAsyncResult *result = NULL;

      webkit_web_view_evaluate_javascript (web, "0", -1, "escale-probe", NULL, NULL, probe_done_cb,
                                           &result);
      while (result == NULL)
        g_main_context_iteration (NULL, TRUE);
      value = webkit_web_view_evaluate_javascript_finish (web, result, &error);
      g_object_unref (result);
    }
  {
    double per_probe =
      (double) (cpu_ticks_tree (getpid ()) - before) / sysconf (_SC_CLK_TCK) / PROBES;

    printf ("one probe: %.3f ms CPU (UI + web process); 1800 probes an hour: %.2f CPU-s/hour\n",
            per_probe * 1000.0, per_probe * 1800.0);
  }
  gtk_window_destroy (window);
  spin (500);
}

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Milliseconds from load to WEBKIT_LOAD_FINISHED in a new view; with
 * @again, of a second load in the same view (the filter already there). */
static double
load_many (EscaleWebProfile *profile, EscaleWebPolicy *policy, const char *uri, gboolean again)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *view = escale_web_view_new (profile, policy);
  gint64 start;
  double ms;

  gtk_window_set_default_size (window, 1280, 800);
  gtk_window_set_child (window, view);
  gtk_window_present (window);
  spin (300);
  if (again)
    {
      escale_web_view_load (ESCALE_WEB_VIEW (view), uri);
      wait_loaded (escale_web_view_get_web_view (ESCALE_WEB_VIEW (view)));
      escale_web_view_load (ESCALE_WEB_VIEW (view), "about:blank");
      while (g_strcmp0 (webkit_web_view_get_title (
                          escale_web_view_get_web_view (ESCALE_WEB_VIEW (view))),
                        "Salle") == 0)
        g_main_context_iteration (NULL, TRUE);
    }
  start = g_get_monotonic_time ();
  escale_web_view_load (ESCALE_WEB_VIEW (view), uri);
  wait_loaded (escale_web_view_get_web_view (ESCALE_WEB_VIEW (view)));
  ms = (double) (g_get_monotonic_time () - start) / 1000.0;
  gtk_window_destroy (window);
  spin (300);
  return ms;
}

static void
compiled_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(WebKitUserContentFilter) filter =
      webkit_user_content_filter_store_save_finish (WEBKIT_USER_CONTENT_FILTER_STORE (source),
                                                    result, NULL);

  *(gboolean *) data = TRUE;
}

/* Milliseconds WebKit takes to compile the strict mode's rules. */
static double
compile_ms (EscaleWebPolicy *strict, const char *dir)
{
  g_autoptr(WebKitUserContentFilterStore) store = webkit_user_content_filter_store_new (dir);
  g_autoptr(GBytes) rules = escale_web_policy_get_content_rules (strict);
  gboolean done = FALSE;
  gint64 start = g_get_monotonic_time ();

  webkit_user_content_filter_store_save (store, "bench", rules, NULL, compiled_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  return (double) (g_get_monotonic_time () - start) / 1000.0;
}

static void
bench_filter (EscaleWebProfile *profile, const char *base, guint rounds)
{
  g_autofree char *uri = g_strconcat (base, "/many", NULL);
  g_autofree char *dir = g_dir_make_tmp ("escale-bench-filter-XXXXXX", NULL);
  g_autoptr(EscaleWebPolicy) plain = escale_web_policy_new ();
  g_autoptr(EscaleWebPolicy) strict = escale_web_policy_new ();
  g_autofree double *with = g_new0 (double, rounds);
  g_autofree double *without = g_new0 (double, rounds);
  g_autofree double *with_again = g_new0 (double, rounds);
  g_autofree double *without_again = g_new0 (double, rounds);
  g_autofree double *compile = g_new0 (double, rounds);

  escale_web_policy_allow_origin (plain, base, NULL);
  escale_web_policy_allow_origin (strict, base, NULL);
  escale_web_policy_allow_subresource_origin (strict, "https://cdn.example.org", NULL);
  escale_web_policy_set_strict (strict, dir);
  load_many (profile, plain, uri, FALSE); /* the first web process starts */
  for (guint i = 0; i < rounds; i++)
    {
      without[i] = load_many (profile, plain, uri, FALSE);
      with[i] = load_many (profile, strict, uri, FALSE);
      without_again[i] = load_many (profile, plain, uri, TRUE);
      with_again[i] = load_many (profile, strict, uri, TRUE);
      compile[i] = compile_ms (strict, dir);
      printf ("round %u: new view %.1f / %.1f ms, second load %.1f / %.1f ms (without / with "
              "the filter)\n",
              i + 1, without[i], with[i], without_again[i], with_again[i]);
    }
  qsort (with, rounds, sizeof (double), compare_doubles);
  qsort (without, rounds, sizeof (double), compare_doubles);
  qsort (with_again, rounds, sizeof (double), compare_doubles);
  qsort (without_again, rounds, sizeof (double), compare_doubles);
  qsort (compile, rounds, sizeof (double), compare_doubles);
  printf ("compiling the strict rules (2 sites' worth): median %.1f ms\n", compile[rounds / 2]);
  printf ("page with 200 sub-resources, medians of %u: a new view %.1f ms without the filter, "
          "%.1f ms with it (compiling it included); a second load in the same view %.1f ms "
          "without, %.1f ms with\n",
          rounds, without[rounds / 2], with[rounds / 2], without_again[rounds / 2],
          with_again[rounds / 2]);
  escale_remove_tree (dir, NULL);
}

int
main (int argc, char **argv)
{
  guint seconds = argc > 1 ? (guint) atoi (argv[1]) : 120;
  guint rounds = argc > 2 ? (guint) atoi (argv[2]) : 11;
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(EscaleWebProfile) profile = NULL;
  g_autoptr(EscaleWebPolicy) policy = escale_web_policy_new ();
  g_autofree char *base = NULL;
  g_autofree char *uri = NULL;
  GSList *uris;

  gtk_init ();
  soup_server_add_handler (server, NULL, serve, NULL, NULL);
  if (!soup_server_listen (server, address, 0, NULL))
    return 1;
  uris = soup_server_get_uris (server);
  base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  uri = g_strconcat (base, "/", NULL);
  profile = escale_web_profile_new ();
  escale_web_policy_allow_origin (policy, base, NULL);

  bench_probe (profile, policy, uri, seconds);
  bench_filter (profile, base, rounds);
  return 0;
}
