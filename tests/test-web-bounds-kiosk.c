/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The bounds of a page in the whole kiosk (issue 17), through the culture
 * corner as a person reaches a site: a page that freezes while nobody
 * touches anything, and a strict site whose third parties are blocked and
 * counted for staff. Local SoupServers play the museum and a tracker. */
#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "escale-activity-page.h"
#include "escale-culture-view.h"
#include "escale-scratch.h"
#include "escale-session.h"
#include "escale-test-util.h"
#include "escale-web-view.h"
#include "photos-test-widgets.h"

typedef struct
{
  SoupServer *site;
  SoupServer *tracker;
  char *site_base;
  char *tracker_base;
  GString *tracker_log;
  guint freezes_left; /* how many visits of /freeze get the looping page */
  char *dir;
  EscaleTestKiosk k;
} Fixture;

static void
site_cb (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
         gpointer data)
{
  Fixture *f = data;
  g_autofree char *body = NULL;

  if (g_str_equal (path, "/freeze") && f->freezes_left > 0)
    {
      f->freezes_left--;
      body = g_strdup ("<!DOCTYPE html><title>Salle 1</title><h1>Musée</h1><script>"
                       "addEventListener('load',()=>setTimeout(()=>{for(;;){}},1500))</script>");
    }
  else if (g_str_equal (path, "/tracked"))
    body =
      g_strdup_printf ("<!DOCTYPE html><title>Salle 1</title>"
                       "<link rel=stylesheet href='%1$s/t.css'><script src='%1$s/t.js'></script>"
                       "<img src='%1$s/t.gif'><script>navigator.sendBeacon('%1$s/b','x');"
                       "setTimeout(()=>document.title='fini',1500)</script>",
                       f->tracker_base);
  else
    body = g_strdup ("<!DOCTYPE html><title>Salle 1</title><h1>Musée</h1>");
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_COPY, body, strlen (body));
}

static void
tracker_cb (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
            gpointer data)
{
  Fixture *f = data;

  g_string_append_printf (f->tracker_log, "%s\n", path);
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
}

static char *
serve (SoupServer **server, SoupServerCallback callback, Fixture *f)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  GSList *uris;
  char *base;

  *server = soup_server_new (NULL, NULL);
  soup_server_add_handler (*server, NULL, callback, f, NULL);
  g_assert_true (soup_server_listen (*server, address, 0, NULL));
  uris = soup_server_get_uris (*server);
  base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return base;
}

/* A kiosk whose culture corner has one site, @path on the local museum. */
static void
start_kiosk (Fixture *f, const char *path, gboolean strict)
{
  g_autofree char *acts = NULL;
  g_autofree char *ini = NULL;
  g_autofree char *act = NULL;
  g_autofree char *site = NULL;

  f->tracker_log = g_string_new (NULL);
  f->site_base = serve (&f->site, site_cb, f);
  f->tracker_base = serve (&f->tracker, tracker_cb, f);
  f->dir = g_dir_make_tmp ("escale-web-bounds-kiosk-XXXXXX", NULL);
  acts = g_build_filename (f->dir, "activities", NULL);
  ini = g_build_filename (f->dir, "escale.ini", NULL);
  act = g_build_filename (acts, "culture.ini", NULL);
  site = g_strdup_printf ("[Activity]\nid=culture\ntitle=Culture\nicon=culture\nkind=culture\n"
                          "[Site 1]\ntitle=Musée du village\nurl=%s%s\n%s",
                          f->site_base, path, strict ? "strict=true\n" : "");
  g_assert_true (
    g_file_set_contents (ini, "[Centre]\nname=Test\n[Session]\nidle-delay=30\ncountdown=10\n", -1,
                         NULL));
  g_assert_cmpint (g_mkdir (acts, 0700), ==, 0);
  g_assert_true (g_file_set_contents (act, site, -1, NULL));
  escale_test_kiosk_init (&f->k, f->dir, FALSE);
}

static void
stop_kiosk (Fixture *f)
{
  escale_test_kiosk_clear (&f->k);
  g_assert_true (escale_remove_tree (f->dir, NULL));
  soup_server_disconnect (f->site);
  soup_server_disconnect (f->tracker);
  g_assert_finalize_object (g_steal_pointer (&f->site));
  g_assert_finalize_object (g_steal_pointer (&f->tracker));
  g_free (f->dir);
  g_free (f->site_base);
  g_free (f->tracker_base);
  g_string_free (f->tracker_log, TRUE);
}

static gboolean
shows_site_tile (gpointer window)
{
  return photos_test_find_button (window, "Musée du village") != NULL;
}

static EscaleWebView *
site_view (Fixture *f)
{
  GtkWidget *page = escale_window_get_activity_page (f->k.window);
  GtkWidget *content =
    page != NULL ? escale_activity_page_get_content (ESCALE_ACTIVITY_PAGE (page)) : NULL;

  if (content == NULL || !ESCALE_IS_CULTURE_VIEW (content))
    return NULL;
  return (EscaleWebView *) escale_culture_view_get_web_view (ESCALE_CULTURE_VIEW (content));
}

/* A visit: "Commencer", the culture corner, its sites, the museum. */
static void
open_museum (Fixture *f)
{
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.start", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.open-activity", "s", "culture");
  escale_test_drain ();
  photos_test_click (GTK_WIDGET (f->k.window), "Sites de musées");
  escale_test_wait_until (shows_site_tile, f->k.window, 10000);
  photos_test_click (GTK_WIDGET (f->k.window), "Musée du village");
  g_assert_nonnull (site_view (f));
}

static gboolean
site_loaded (gpointer data)
{
  EscaleWebView *view = site_view (data);
  WebKitWebView *web = view != NULL ? escale_web_view_get_web_view (view) : NULL;

  return web != NULL && !webkit_web_view_is_loading (web) &&
         g_strcmp0 (webkit_web_view_get_title (web), "Salle 1") == 0;
}

static gboolean
site_crashed (gpointer data)
{
  EscaleWebView *view = site_view (data);

  return view != NULL && escale_web_view_get_crashed (view) &&
         photos_test_shows_label (GTK_WIDGET (view), "La page a rencontré un problème.");
}

static gboolean
warning (gpointer data)
{
  Fixture *f = data;

  return escale_session_get_state (escale_kiosk_get_session (f->k.kiosk)) ==
         ESCALE_SESSION_WARNING;
}

static gboolean
on_home_page (gpointer data)
{
  Fixture *f = data;

  return g_strcmp0 (escale_window_get_page_name (f->k.window), "home") == 0;
}

/* Nobody touches the kiosk while the museum's page loops for ever: the
 * visit's countdown still runs and is answered, the calm page comes by
 * itself, "Accueil" leads home, "J'ai fini" ends the visit, and the next
 * person's visit of the same site shows its page. */
static void
test_frozen_site (void)
{
  Fixture f = { .freezes_left = 1 };

  start_kiosk (&f, "/freeze", FALSE);
  open_museum (&f);
  escale_test_wait_until (site_loaded, &f, 20000);
  escale_test_spin (1700); /* the page loops now */
  /* The kiosk's countdown runs while the page is frozen, and answering it
   * ("Je suis encore là") works. */
  escale_test_kiosk_advance (&f.k, 31);
  escale_test_wait_until (warning, &f, 5000);
  gtk_widget_activate_action (GTK_WIDGET (f.k.window), "win.still-here", NULL);
  g_assert_cmpint (escale_session_get_state (escale_kiosk_get_session (f.k.kiosk)), ==,
                   ESCALE_SESSION_ACTIVE);
  escale_test_wait_until (site_crashed, &f, 30000);
  photos_test_click (GTK_WIDGET (site_view (&f)), "Accueil");
  escale_test_wait_until (on_home_page, &f, 5000);
  gtk_widget_activate_action (GTK_WIDGET (f.k.window), "win.finish", NULL);
  escale_test_wait_until (escale_test_kiosk_back_to_welcome, &f.k, 10000);

  open_museum (&f);
  escale_test_wait_until (site_loaded, &f, 20000);
  escale_test_spin (3000); /* probes of a page that answers */
  g_assert_false (escale_web_view_get_crashed (site_view (&f)));
  stop_kiosk (&f);
}

static gboolean
tracked_page_done (gpointer data)
{
  EscaleWebView *view = site_view (data);

  return view != NULL &&
         g_strcmp0 (webkit_web_view_get_title (escale_web_view_get_web_view (view)), "fini") == 0;
}

/* A strict=true site: the tracker hears nothing, and what was blocked is a
 * number in the visit's stats ("Contenus tiers bloqués"), never an address. */
static void
test_strict_site_counted (void)
{
  Fixture f = { 0 };

  start_kiosk (&f, "/tracked", TRUE);
  open_museum (&f);
  escale_test_wait_until (tracked_page_done, &f, 20000);
  escale_test_spin (300);
  g_assert_cmpstr (f.tracker_log->str, ==, "");
  /* The style sheet, the script, the image and the beacon. */
  g_assert_cmpuint (escale_web_view_get_blocked (site_view (&f)), ==, 4);
  gtk_widget_activate_action (GTK_WIDGET (f.k.window), "win.finish", NULL);
  escale_test_wait_until (escale_test_kiosk_back_to_welcome, &f.k, 10000);
  g_assert_cmpint (escale_test_kiosk_db_count (&f.k, "SELECT coalesce (sum (value), 0) FROM "
                                                     "session_counters WHERE kind = 'culture' AND "
                                                     "counter = 'third-party-blocked'"),
                   ==, 4);
  g_assert_cmpint (escale_test_kiosk_db_count (&f.k, "SELECT count (*) FROM counter_labels WHERE "
                                                     "counter = 'third-party-blocked' AND label = "
                                                     "'Contenus tiers bloqués'"),
                   ==, 1);
  stop_kiosk (&f);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/escale/web-bounds-kiosk/frozen-site", test_frozen_site);
  g_test_add_func ("/escale/web-bounds-kiosk/strict-site-counted", test_strict_site_counted);
  return g_test_run ();
}
