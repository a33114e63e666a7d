/* SPDX-License-Identifier: GPL-3.0-or-later */
/* OpenGL on a PC without a GPU (issue 15): GL off for GTK and WebKit when
 * there is no render node, left on when there is one, and a page shown
 * that way with no warning and without Mesa's LLVM in the kiosk's process.
 * The test program itself starts as the kiosk does on a PC without a GPU
 * (an empty render-node folder of its own), before GTK starts. */
#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "escale-scratch.h"
#include "escale-test-util.h"
#include "escale-web-graphics.h"
#include "escale-web-view.h"

/* A render-node folder: empty (no GPU) or with renderD128. */
static char *
dri_dir_new (gboolean gpu)
{
  char *dir = g_dir_make_tmp ("escale-dri-XXXXXX", NULL);

  if (gpu)
    {
      g_autofree char *node = g_build_filename (dir, "renderD128", NULL);

      g_assert_true (g_file_set_contents (node, "", 0, NULL));
    }
  return dir;
}

static char **
environ_for (gboolean gpu, const char *gdk_debug)
{
  g_autofree char *dir = dri_dir_new (gpu);
  char **envp = g_environ_setenv (NULL, "PATH", "/usr/bin", TRUE);

  if (gdk_debug != NULL)
    envp = g_environ_setenv (envp, "GDK_DEBUG", gdk_debug, TRUE);
  envp = escale_web_graphics_environ (envp, dir);
  escale_remove_tree (dir, NULL);
  return envp;
}

static void
test_no_gpu_no_gl (void)
{
  g_auto(GStrv) envp = environ_for (FALSE, NULL);

  g_assert_cmpstr (g_environ_getenv (envp, "GDK_DEBUG"), ==, "gl-disable");
  g_assert_cmpstr (g_environ_getenv (envp, "WEBKIT_DISABLE_DMABUF_RENDERER"), ==, "1");
  g_assert_nonnull (g_environ_getenv (envp, "WEBKIT_WEB_RENDER_DEVICE_FILE"));
  g_assert_false (
    g_file_test (g_environ_getenv (envp, "WEBKIT_WEB_RENDER_DEVICE_FILE"), G_FILE_TEST_EXISTS));
  g_assert_cmpstr (g_environ_getenv (envp, "PATH"), ==, "/usr/bin");
}

static void
test_gpu_keeps_gl (void)
{
  g_auto(GStrv) envp = environ_for (TRUE, NULL);

  g_assert_null (g_environ_getenv (envp, "GDK_DEBUG"));
  g_assert_null (g_environ_getenv (envp, "WEBKIT_DISABLE_DMABUF_RENDERER"));
  g_assert_null (g_environ_getenv (envp, "WEBKIT_WEB_RENDER_DEVICE_FILE"));
}

/* Staff turned GTK's GL off in the unit: WebKit follows, even with a GPU;
 * other debug flags are kept. */
static void
test_gdk_debug_respected (void)
{
  g_auto(GStrv) off = environ_for (TRUE, "gl-disable");
  g_auto(GStrv) other = environ_for (FALSE, "interactive");

  g_assert_cmpstr (g_environ_getenv (off, "GDK_DEBUG"), ==, "gl-disable");
  g_assert_cmpstr (g_environ_getenv (off, "WEBKIT_DISABLE_DMABUF_RENDERER"), ==, "1");
  g_assert_cmpstr (g_environ_getenv (other, "GDK_DEBUG"), ==, "interactive,gl-disable");
}

static void
handler (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
         gpointer user_data)
{
  static const char page[] = "<!DOCTYPE html><title>Salle 1</title><h1>Musée</h1>"
                             "<div style='will-change:transform;transform:rotate(2deg)'>x</div>";

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, page, strlen (page));
}

static gboolean
shows_salle_1 (gpointer view)
{
  WebKitWebView *web = escale_web_view_get_web_view (view);

  return !webkit_web_view_is_loading (web) &&
         g_strcmp0 (webkit_web_view_get_title (web), "Salle 1") == 0;
}

static gboolean
maps_llvm (void)
{
  g_autofree char *maps = NULL;

  g_assert_true (g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL));
  return strstr (maps, "libLLVM") != NULL;
}

/* The kiosk as it starts on a PC without a GPU: GTK has no GL, a page
 * shows with no warning (they are fatal here), and the kiosk's process
 * never loaded Mesa's LLVM. */
static void
test_page_without_gl (void)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(EscaleWebProfile) profile = escale_web_profile_new ();
  g_autoptr(EscaleWebPolicy) policy = escale_web_policy_new ();
  g_autoptr(GdkGLContext) gl = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GSList *uris;
  GtkWidget *view;

  gl = gdk_display_create_gl_context (gdk_display_get_default (), &error);
  g_assert_null (gl);
  g_assert_nonnull (error);

  soup_server_add_handler (server, NULL, handler, NULL, NULL);
  g_assert_true (soup_server_listen (server, address, 0, NULL));
  uris = soup_server_get_uris (server);
  base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  g_assert_true (escale_web_policy_allow_origin (policy, base, NULL));

  view = escale_web_view_new (profile, policy);
  gtk_window_set_child (window, view);
  gtk_window_present (window);
  escale_web_view_load (ESCALE_WEB_VIEW (view), base);
  escale_test_wait_until (shows_salle_1, view, 30000);
  escale_test_spin (1000); /* painted, composited */
  g_assert_false (maps_llvm ());

  gtk_window_destroy (window);
  escale_test_drain ();
  soup_server_disconnect (server);
}

int
main (int argc, char **argv)
{
  g_autofree char *no_gpu = dri_dir_new (FALSE);
  g_auto(GStrv) envp = escale_web_graphics_environ (g_get_environ (), no_gpu);

  /* Before GTK starts, as escale_application_startup () does. */
  for (const char *const *name =
         (const char *const[]){ "GDK_DEBUG", "WEBKIT_DISABLE_DMABUF_RENDERER",
                                "WEBKIT_WEB_RENDER_DEVICE_FILE", NULL };
       *name != NULL; name++)
    if (g_environ_getenv (envp, *name) != NULL)
      g_setenv (*name, g_environ_getenv (envp, *name), TRUE);
  g_rmdir (no_gpu);
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/escale/web-graphics/no-gpu-no-gl", test_no_gpu_no_gl);
  g_test_add_func ("/escale/web-graphics/gpu-keeps-gl", test_gpu_keeps_gl);
  g_test_add_func ("/escale/web-graphics/gdk-debug-respected", test_gdk_debug_respected);
  g_test_add_func ("/escale/web-graphics/page-without-gl", test_page_without_gl);
  return g_test_run ();
}
