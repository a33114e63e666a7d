/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Memory with a page open (issue 15): what the kiosk's web process keeps
 * of the pages a person has left. A person reading a museum's site goes
 * from page to page; WebKit's default cache model keeps the pages left
 * alive (images, scripts, their heap) for an instant "back", which the
 * kiosk does not need. A local SoupServer's pages, each holding 48 MB. */
#include <libsoup/soup.h>

#include "escale-test-util.h"
#include "escale-web-view.h"

#define HELD_MB 48

static void
handler (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
         gpointer user_data)
{
  g_autofree char *page =
    g_strdup_printf ("<!DOCTYPE html><title>Salle %s</title><h1>Musée</h1>"
                     "<script>window.held = new Uint8Array(%d * 1000 * 1000).fill(7);</script>",
                     path + 1, HELD_MB);

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_COPY, page, strlen (page));
}

/* The rooms on a loopback server, its origin on the allowlist. */
static char *
serve (SoupServer *server, EscaleWebPolicy *policy)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  GSList *uris;
  char *base;

  soup_server_add_handler (server, NULL, handler, NULL, NULL);
  g_assert_true (soup_server_listen (server, address, 0, NULL));
  uris = soup_server_get_uris (server);
  base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  g_assert_true (escale_web_policy_allow_origin (policy, base, NULL));
  return base;
}

static char *wanted_title;

static gboolean
shows_wanted (gpointer view)
{
  WebKitWebView *web = escale_web_view_get_web_view (view);

  return !webkit_web_view_is_loading (web) &&
         g_strcmp0 (webkit_web_view_get_title (web), wanted_title) == 0;
}

static void
show_room (GtkWidget *view, const char *base, guint room)
{
  g_autofree char *uri = g_strdup_printf ("%s/%u", base, room);

  g_free (wanted_title);
  wanted_title = g_strdup_printf ("Salle %u", room);
  escale_web_view_load (ESCALE_WEB_VIEW (view), uri);
  escale_test_wait_until (shows_wanted, view, 30000);
  escale_test_spin (500);
}

/* Resident MB of WebKit's web processes under this process (through
 * bubblewrap). */
static double
web_processes_mb (void)
{
  g_autoptr(GHashTable) parent = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) resident = g_hash_table_new (NULL, NULL);
  g_autoptr(GDir) proc = g_dir_open ("/proc", 0, NULL);
  GHashTableIter iter;
  gpointer pid, pages;
  const char *name;
  double mb = 0;

  while ((name = g_dir_read_name (proc)) != NULL)
    {
      g_autofree char *path = g_strdup_printf ("/proc/%s/stat", name);
      g_autofree char *stat = NULL;
      const char *end;
      int ppid = 0;
      long rss = 0;

      if (atoi (name) <= 0 || !g_file_get_contents (path, &stat, NULL, NULL) ||
          (end = strrchr (stat, ')')) == NULL ||
          sscanf (end + 2,
                  "%*c %d %*d %*d %*d %*d %*u %*u %*u %*u %*u %*u %*u %*d %*d %*d %*d "
                  "%*d %*d %*u %*u %ld",
                  &ppid, &rss) != 2)
        continue;
      g_hash_table_insert (parent, GINT_TO_POINTER (atoi (name)), GINT_TO_POINTER (ppid));
      if (strstr (stat, "(WebKitWebProces") != NULL)
        g_hash_table_insert (resident, GINT_TO_POINTER (atoi (name)), GINT_TO_POINTER (rss));
    }
  g_hash_table_iter_init (&iter, resident);
  while (g_hash_table_iter_next (&iter, &pid, &pages))
    for (int p = GPOINTER_TO_INT (pid); p > 1;
         p = GPOINTER_TO_INT (g_hash_table_lookup (parent, GINT_TO_POINTER (p))))
      if (p == getpid ())
        {
          mb += GPOINTER_TO_INT (pages) * (double) sysconf (_SC_PAGESIZE) / 1e6;
          break;
        }
  return mb;
}

/* Four rooms of the same site, one after the other: the web process holds
 * the room shown and at most the last one left, its memory waiting for
 * JavaScript's collector (measured +49 MB), not the three left: with
 * WebKit's default cache model it grew by 3 x 48 MB (+146 MB). "Back"
 * still works: the room loads again. */
static void
test_left_pages_not_kept (void)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(EscaleWebProfile) profile = escale_web_profile_new ();
  g_autoptr(EscaleWebPolicy) policy = escale_web_policy_new ();
  g_autofree char *base = NULL;
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  double one_room;
  GtkWidget *view;

  base = serve (server, policy);

  view = escale_web_view_new (profile, policy);
  gtk_window_set_child (window, view);
  gtk_window_present (window);
  show_room (view, base, 1);
  one_room = web_processes_mb ();
  g_assert_cmpfloat (one_room, >, HELD_MB);
  for (guint room = 2; room <= 4; room++)
    show_room (view, base, room);
  g_test_message ("web processes: %.0f MB with one room, %.0f MB after four", one_room,
                  web_processes_mb ());
  g_assert_cmpfloat (web_processes_mb (), <, one_room + 2 * HELD_MB);

  g_free (wanted_title);
  wanted_title = g_strdup ("Salle 3");
  webkit_web_view_go_back (escale_web_view_get_web_view (ESCALE_WEB_VIEW (view)));
  escale_test_wait_until (shows_wanted, view, 30000);

  gtk_window_destroy (window);
  escale_test_drain ();
  soup_server_disconnect (server);
  g_clear_pointer (&wanted_title, g_free);
}

/* Resident KiB of this process's heap (glibc's main arena). */
static guint64
heap_kib (void)
{
  g_autofree char *smaps = NULL;
  const char *heap, *rss;

  g_assert_true (g_file_get_contents ("/proc/self/smaps", &smaps, NULL, NULL));
  heap = strstr (smaps, "[heap]");
  g_assert_nonnull (heap);
  rss = strstr (heap, "\nRss:");
  g_assert_nonnull (rss);
  return g_ascii_strtoull (rss + strlen ("\nRss:"), NULL, 10);
}

static guint64 heap_with_freed_blocks;

static gboolean
heap_given_back (gpointer data)
{
  return heap_kib () + 25 * 1000 < heap_with_freed_blocks;
}

/* A screen built then left (here 800 blocks of 64 KB freed between blocks
 * still in use, as after the culture gallery): once a page has finished
 * loading, the kiosk's process gives those pages back. */
#define BLOCK (64 * 1024)
static void
test_freed_heap_given_back (void)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(EscaleWebProfile) profile = escale_web_profile_new ();
  g_autoptr(EscaleWebPolicy) policy = escale_web_policy_new ();
  g_autofree char *base = NULL;
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  char *blocks[1600];
  GtkWidget *view;

  base = serve (server, policy);
  view = escale_web_view_new (profile, policy);
  gtk_window_set_child (window, view);
  gtk_window_present (window);

  /* Every other block freed: the ones kept hold the heap's shape, as the
   * widgets still alive do. */
  for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
    blocks[i] = memset (g_malloc (BLOCK), 1, BLOCK);
  for (guint i = 0; i < G_N_ELEMENTS (blocks); i += 2)
    g_clear_pointer (&blocks[i], g_free);
  heap_with_freed_blocks = heap_kib ();
  show_room (view, base, 1);
  /* Given back a moment after the page is shown (a few seconds at most). */
  escale_test_wait_until (heap_given_back, NULL, 10000);
  g_test_message ("heap: %" G_GUINT64_FORMAT " KiB with the freed blocks, %" G_GUINT64_FORMAT
                  " KiB once the page is shown",
                  heap_with_freed_blocks, heap_kib ());

  for (guint i = 1; i < G_N_ELEMENTS (blocks); i += 2)
    g_free (blocks[i]);
  gtk_window_destroy (window);
  escale_test_drain ();
  soup_server_disconnect (server);
  g_clear_pointer (&wanted_title, g_free);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/escale/web-memory/left-pages-not-kept", test_left_pages_not_kept);
  g_test_add_func ("/escale/web-memory/freed-heap-given-back", test_freed_heap_given_back);
  return g_test_run ();
}
