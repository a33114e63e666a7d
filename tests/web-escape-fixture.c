/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the web-escape tests share: the two local sites, the locked view in
 * a fullscreen window, and ways to wait for what the person would see. */
#include <glib/gstdio.h>

#include "web-escape-fixture.h"

const char *escape_target;

/* A one-page PDF, the kind of programme a museum site links to. */
static const char minimal_pdf[] =
  "%PDF-1.4\n"
  "1 0 obj\n"
  "<< /Type /Catalog /Pages 2 0 R >>\n"
  "endobj\n"
  "2 0 obj\n"
  "<< /Type /Pages /Kids [3 0 R] /Count 1 >>\n"
  "endobj\n"
  "3 0 obj\n"
  "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>\n"
  "endobj\n"
  "4 0 obj\n"
  "<< /Length 49 >>\n"
  "stream\n"
  "BT /F1 24 Tf 40 100 Td (Programme du musee) Tj ET\n"
  "endstream\n"
  "endobj\n"
  "5 0 obj\n"
  "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\n"
  "endobj\n"
  "xref\n"
  "0 6\n"
  "0000000000 65535 f \n"
  "0000000009 00000 n \n"
  "0000000058 00000 n \n"
  "0000000115 00000 n \n"
  "0000000241 00000 n \n"
  "0000000340 00000 n \n"
  "trailer\n"
  "<< /Size 6 /Root 1 0 R >>\n"
  "startxref\n"
  "410\n"
  "%%EOF\n";

static void
reply (SoupServerMessage *msg, guint status, const char *type, const char *body)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, type, SOUP_MEMORY_COPY, body, strlen (body));
}

static void
allowed_handler (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
                 gpointer user_data)
{
  Fixture *f = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  if (g_str_equal (path, "/redirect"))
    {
      g_autofree char *to = g_strconcat (f->other_base, "/", NULL);

      soup_message_headers_replace (headers, "Location", to);
      reply (msg, SOUP_STATUS_FOUND, "text/html", "");
    }
  else if (g_str_equal (path, "/redirect-inside"))
    {
      soup_message_headers_replace (headers, "Location", "/salle-2");
      reply (msg, SOUP_STATUS_FOUND, "text/html", "");
    }
  else if (g_str_equal (path, "/programme.pdf"))
    reply (msg, SOUP_STATUS_OK, "application/pdf", minimal_pdf);
  else if (g_str_equal (path, "/catalogue.bin"))
    reply (msg, SOUP_STATUS_OK, "application/octet-stream", "MZ not a program");
  else if (g_str_equal (path, "/auth"))
    {
      soup_message_headers_replace (headers, "WWW-Authenticate", "Basic realm=\"musee\"");
      reply (msg, SOUP_STATUS_UNAUTHORIZED, "text/html",
             "<title>Accès réservé</title><p>Réservé</p>");
    }
  else if (g_str_equal (path, "/link"))
    {
      g_autofree char *body = g_strdup_printf (
        "<!DOCTYPE html><html><head><title>Salle 1</title><style>"
        "body{margin:0}a,input{display:block;width:100vw;height:100vh}</style></head>"
        "<body><a id=\"l\" href=\"%s\">Aller plus loin</a></body></html>",
        escape_target);

      reply (msg, SOUP_STATUS_OK, "text/html", body);
    }
  else if (g_str_equal (path, "/blank-link"))
    {
      g_autofree char *body = g_strdup_printf (
        "<!DOCTYPE html><html><head><title>Salle 1</title><style>"
        "body{margin:0}a{display:block;width:100vw;height:100vh}</style></head>"
        "<body><a id=\"l\" target=\"_blank\" href=\"%s\">Ouvrir</a></body></html>",
        escape_target);

      reply (msg, SOUP_STATUS_OK, "text/html", body);
    }
  else if (g_str_equal (path, "/file-input"))
    reply (msg, SOUP_STATUS_OK, "text/html",
           "<!DOCTYPE html><html><head><title>Salle 1</title><style>"
           "body{margin:0}input{display:block;width:100vw;height:100vh}</style></head>"
           "<body><input id=\"f\" type=\"file\"></body></html>");
  else if (g_str_equal (path, "/color-input"))
    reply (msg, SOUP_STATUS_OK, "text/html",
           "<!DOCTYPE html><html><head><title>Salle 1</title><style>"
           "body{margin:0}input{display:block;width:100vw;height:100vh}</style></head>"
           "<body><input id=\"c\" type=\"color\"></body></html>");
  else if (g_str_equal (path, "/freeze"))
    /* A page whose script loops for ever 1.5 s after it showed. */
    reply (msg, SOUP_STATUS_OK, "text/html",
           "<!DOCTYPE html><title>Salle 1</title><h1>Bienvenue au musée</h1><script>"
           "addEventListener('load',()=>setTimeout(()=>{for(;;){}},1500))</script>");
  else if (g_str_equal (path, "/allocate"))
    /* A page that takes 50 MB more every 100 ms, and touches it all. */
    reply (msg, SOUP_STATUS_OK, "text/html",
           "<!DOCTYPE html><title>Salle 1</title><h1>Bienvenue au musée</h1><script>"
           "const keep=[];setInterval(()=>{const a=new Uint8Array(50*1024*1024);"
           "for(let i=0;i<a.length;i+=4096)a[i]=1;keep.push(a)},100)</script>");
  else if (g_str_equal (path, "/salle-2"))
    reply (msg, SOUP_STATUS_OK, "text/html", "<title>Salle 2</title><p>La salle des tableaux</p>");
  else
    reply (msg, SOUP_STATUS_OK, "text/html",
           "<!DOCTYPE html><title>Salle 1</title><h1>Bienvenue au musée</h1>");
}

void
other_handler (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
               gpointer user_data)
{
  reply (msg, SOUP_STATUS_OK, "text/html", "<title>Ailleurs</title><p>Un autre site</p>");
}

char *
start_server (SoupServer **server, SoupServerCallback handler, gpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  GSList *uris;
  char *base;

  *server = soup_server_new (NULL, NULL);
  soup_server_add_handler (*server, NULL, handler, data, NULL);
  g_assert_true (soup_server_listen (*server, address, 0, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (*server);
  base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return base;
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Spins the main loop until @cond holds; fails the test after 30 s. */
void
wait_for (gboolean (*cond) (Fixture *), Fixture *f)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (30, timeout_cb, &timed_out);

  while (!cond (f) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  else
    g_test_message ("timed out showing %s (loading: %d)", webkit_web_view_get_uri (web (f)),
                    webkit_web_view_is_loading (web (f)));
  g_assert_false (timed_out);
}

WebKitWebView *
web (Fixture *f)
{
  return escale_web_view_get_web_view (f->view);
}

gboolean
loaded (Fixture *f)
{
  return !webkit_web_view_is_loading (web (f)) && webkit_web_view_get_uri (web (f)) != NULL;
}

gboolean
shows_site (Fixture *f)
{
  return loaded (f) && g_str_has_prefix (webkit_web_view_get_uri (web (f)), f->base);
}

gboolean
shows_refusal (Fixture *f)
{
  return loaded (f) &&
         g_strcmp0 (webkit_web_view_get_uri (web (f)), ESCALE_WEB_REFUSED_URI) == 0 &&
         g_strcmp0 (webkit_web_view_get_title (web (f)), "Page non disponible") == 0;
}

gboolean
shows_salle_2 (Fixture *f)
{
  return loaded (f) && g_str_has_suffix (webkit_web_view_get_uri (web (f)), "/salle-2");
}

gboolean
refused_something (Fixture *f)
{
  return escale_web_view_get_refusals (f->view) > 0;
}

guint
count_toplevels (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  return g_list_model_get_n_items (toplevels);
}

static const char *expected_uri;

static gboolean
shows_expected (Fixture *f)
{
  return loaded (f) && g_strcmp0 (webkit_web_view_get_uri (web (f)), expected_uri) == 0;
}

void
load_and_wait (Fixture *f, const char *path)
{
  g_autofree char *uri = g_strconcat (f->base, path, NULL);

  escale_web_view_load (f->view, uri);
  expected_uri = uri;
  wait_for (shows_expected, f);
  expected_uri = NULL;
}

/* The person's view of the kiosk: our own page (the allowed site or the
 * refusal page), one window, nothing downloaded. */
void
assert_still_kiosk (Fixture *f)
{
  const char *uri = webkit_web_view_get_uri (web (f));

  g_assert_true (g_str_has_prefix (uri, f->base) || g_str_equal (uri, ESCALE_WEB_REFUSED_URI));
  g_assert_cmpuint (count_toplevels (), ==, 1);
  g_assert_true (gtk_window_is_active (f->window) ||
                 gtk_widget_get_mapped (GTK_WIDGET (f->window)));
  g_assert_false (escale_web_view_get_crashed (f->view));
}

void
run_js (Fixture *f, const char *script)
{
  webkit_web_view_evaluate_javascript (web (f), script, -1, NULL, NULL, NULL, NULL, NULL);
}

static char *js_result;

static void
js_done_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(JSCValue) value =
               webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (source), result, NULL);

  js_result = value != NULL ? jsc_value_to_string (value) : g_strdup ("(error)");
}

static gboolean
js_finished (Fixture *f)
{
  return js_result != NULL;
}

/* Runs an async function body in the page and returns its result as text. */
char *
eval_page (Fixture *f, const char *body)
{
  g_clear_pointer (&js_result, g_free);
  webkit_web_view_call_async_javascript_function (web (f), body, -1, NULL, NULL, NULL, NULL,
                                                  js_done_cb, NULL);
  wait_for (js_finished, f);
  return g_steal_pointer (&js_result);
}

/* A real click in the middle of the screen, through X, as a finger would. */
void
real_click (Fixture *f, int button)
{
  g_autofree char *cmd = g_strdup_printf ("xdotool mousemove 640 400 click %d", button);
  g_autoptr(GError) error = NULL;
  int status = 0;

  escale_test_spin (300);
  g_assert_true (g_spawn_command_line_sync (cmd, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
}

static void
uri_changed_cb (WebKitWebView *view, GParamSpec *pspec, Fixture *f)
{
  g_string_append_printf (f->uris_seen, "%s\n", webkit_web_view_get_uri (view));
}

void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("escale-web-escape-XXXXXX", &error);
  g_assert_no_error (error);
  f->base = start_server (&f->allowed, allowed_handler, f);
  f->other_base = start_server (&f->other, other_handler, f);
  f->profile = escale_web_profile_new ();
  f->policy = escale_web_policy_new ();
  g_assert_true (escale_web_policy_allow_origin (f->policy, f->base, NULL));

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1280, 800);
  f->view = ESCALE_WEB_VIEW (escale_web_view_new (f->profile, f->policy));
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  f->uris_seen = g_string_new (NULL);
  g_signal_connect (web (f), "notify::uri", G_CALLBACK (uri_changed_cb), f);
  gtk_window_fullscreen (f->window);
  gtk_window_present (f->window);
  g_assert_cmpuint (count_toplevels (), ==, 1);
}

void
fixture_teardown (Fixture *f, gconstpointer data)
{
  EscaleWebView *view = g_object_ref (f->view);

  /* The visit's view, policy and web profile die with the window: a
   * reference left anywhere (a pending dialog, a script's answer) fails
   * here. GTK drops the window's last references from the main loop. */
  gtk_window_destroy (f->window);
  escale_test_drain ();
  g_assert_finalize_object (view);
  g_assert_finalize_object (g_steal_pointer (&f->policy));
  g_assert_finalize_object (g_steal_pointer (&f->profile));
  soup_server_disconnect (f->allowed);
  soup_server_disconnect (f->other);
  g_assert_finalize_object (g_steal_pointer (&f->allowed));
  g_assert_finalize_object (g_steal_pointer (&f->other));
  g_assert_true (g_rmdir (f->dir) == 0); /* nothing was downloaded into it */
  g_free (f->dir);
  g_free (f->base);
  g_free (f->other_base);
  g_string_free (f->uris_seen, TRUE);
  g_assert_cmpuint (count_toplevels (), ==, 0);
}

void
click_link_to (Fixture *f, const char *target)
{
  escape_target = target;
  load_and_wait (f, "/link");
  run_js (f, "document.getElementById('l').click()");
}

gboolean
refused_or_moved_on (Fixture *f)
{
  return shows_refusal (f) || shows_salle_2 (f);
}
