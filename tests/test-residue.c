/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The privacy promise, tested: plant data of every kind a visit can leave,
 * end the visit, and check that none of it reaches the next person. */
#include <libsoup/soup.h>
#include <webkit/webkit.h>

#include "escale-document-output.h"
#include "escale-form-flow.h"
#include "escale-test-util.h"
#include "form-test-util.h"
#include "photos-test-widgets.h"

typedef struct
{
  EscaleTestKiosk k;
  SoupServer *server;
  char *base_url;
  GPtrArray *cookie_headers; /* Cookie: header of each request, "" if none */
} Fixture;

static const char *set_page = "<!doctype html><html><body><p>set</p><script>"
                              "document.cookie = 'visitor=Dupont; max-age=86400; path=/';"
                              "localStorage.setItem('draft', 'Ma lettre à la CAF');"
                              "sessionStorage.setItem('step', '3');"
                              "const req = indexedDB.open('escale-test', 1);"
                              "req.onupgradeneeded = () => req.result.createObjectStore('notes');"
                              "req.onsuccess = () => {"
                              "  const tx = req.result.transaction('notes', 'readwrite');"
                              "  tx.objectStore('notes').put('secret', 'n1');"
                              "  tx.oncomplete = () => { document.title = 'planted'; };"
                              "};"
                              "</script></body></html>";

static const char *check_page =
  "<!doctype html><html><body><p>check</p><script>"
  "const found = [];"
  "if (document.cookie.includes('visitor')) found.push('cookie');"
  "if (localStorage.getItem('draft') !== null) found.push('localStorage');"
  "if (sessionStorage.getItem('step') !== null) found.push('sessionStorage');"
  "const req = indexedDB.open('escale-test');"
  "req.onupgradeneeded = () => {};"
  "req.onsuccess = () => {"
  "  if (req.result.objectStoreNames.contains('notes')) found.push('indexedDB');"
  "  document.title = 'checked:' + found.join(',');"
  "};"
  "req.onerror = () => { document.title = 'checked:' + found.join(','); };"
  "</script></body></html>";

static void
server_cb (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
           gpointer user_data)
{
  Fixture *f = user_data;
  const char *cookie =
    soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "Cookie");
  const char *body = g_str_equal (path, "/set") ? set_page : check_page;

  g_ptr_array_add (f->cookie_headers, g_strdup (cookie ? cookie : ""));
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, body, strlen (body));
}

static void
setup (Fixture *f, gconstpointer data)
{
  g_autofree char *demo = escale_test_demo_config ();
  g_autoptr(GError) error = NULL;
  GSList *uris;

  escale_test_kiosk_init (&f->k, demo, FALSE);
  f->cookie_headers = g_ptr_array_new_with_free_func (g_free);
  f->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (f->server, NULL, server_cb, f, NULL);
  g_assert_true (soup_server_listen_local (f->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (f->server);
  f->base_url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  soup_server_disconnect (f->server);
  g_clear_object (&f->server);
  g_clear_pointer (&f->base_url, g_free);
  g_clear_pointer (&f->cookie_headers, g_ptr_array_unref);
  escale_test_kiosk_clear (&f->k);
}

typedef struct
{
  WebKitWebView *view;
  const char *prefix;
} TitleWait;

static gboolean
title_has_prefix (gpointer data)
{
  TitleWait *wait = data;
  const char *title = webkit_web_view_get_title (wait->view);

  return title != NULL && g_str_has_prefix (title, wait->prefix);
}

/* Loads @path in a view of the current visit's web profile, as an activity
 * would, and waits until the page's script sets a title starting @prefix. */
static char *
load_in_visit (Fixture *f, const char *path, const char *prefix)
{
  WebKitNetworkSession *session = escale_web_profile_get_network_session (f->k.profile);
  GtkWidget *window = gtk_window_new ();
  WebKitWebView *view = g_object_new (WEBKIT_TYPE_WEB_VIEW, "network-session", session, NULL);
  g_autofree char *url = g_strconcat (f->base_url, path + 1, NULL);
  TitleWait wait = { view, prefix };
  char *title;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  webkit_web_view_load_uri (view, url);
  escale_test_wait_until (title_has_prefix, &wait, 30000);
  title = g_strdup (webkit_web_view_get_title (view));
  /* The page is gone with its window, as when an activity is left. */
  g_object_ref (view);
  gtk_window_destroy (GTK_WINDOW (window));
  escale_test_drain ();
  g_assert_finalize_object (view);
  return title;
}

typedef struct
{
  gboolean done;
  char *text;
} ClipboardRead;

static void
clipboard_read_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  ClipboardRead *read = data;

  read->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  read->done = TRUE;
}

static gboolean
read_done (gpointer data)
{
  return ((ClipboardRead *) data)->done;
}

static char *
read_clipboard (GdkClipboard *clipboard)
{
  ClipboardRead read = { FALSE, NULL };

  gdk_clipboard_read_text_async (clipboard, NULL, clipboard_read_cb, &read);
  escale_test_wait_until (read_done, &read, 10000);
  return read.text;
}

static void
test_nothing_remains (Fixture *f, gconstpointer data)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (f->k.window));
  g_autofree char *planted = NULL;
  g_autofree char *within = NULL;
  g_autofree char *after = NULL;
  g_autofree char *clip = NULL;
  g_autofree char *primary = NULL;
  g_autofree char *file = NULL;
  g_autofree char *scratch_dir = NULL;
  GdkTexture *handed = NULL;

  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.start", NULL);

  /* 1. Plant: web data, a downloaded file, both clipboards. */
  planted = load_in_visit (f, "/set", "planted");
  g_assert_cmpstr (planted, ==, "planted");
  within = load_in_visit (f, "/check", "checked:");
  /* Sanity: within the same visit the data is there (the test can fail). */
  g_assert_cmpstr (within, ==, "checked:cookie,localStorage,indexedDB");
  g_assert_cmpstr (f->cookie_headers->pdata[f->cookie_headers->len - 1], ==, "visitor=Dupont");

  scratch_dir = g_strdup (escale_scratch_get_path (f->k.scratch, NULL));
  file = g_build_filename (scratch_dir, "releve-de-compte.pdf", NULL);
  g_assert_true (g_file_set_contents (file, "%PDF-1.4 secret", -1, NULL));
  gdk_clipboard_set_text (gdk_display_get_clipboard (display), "IBAN FR76 1234");
  gdk_clipboard_set_text (gdk_display_get_primary_clipboard (display), "mot de passe");
  clip = read_clipboard (gdk_display_get_clipboard (display));
  g_assert_cmpstr (clip, ==, "IBAN FR76 1234");
  g_clear_pointer (&clip, g_free);
  /* A photo left for the call ("Montrer à ma famille") and never taken. */
  {
    EscaleActivity *activity =
      g_ptr_array_index (escale_config_get_activities (escale_kiosk_get_config (f->k.kiosk)), 0);
    g_autoptr(EscaleVisit) visit = escale_kiosk_new_visit (f->k.kiosk, activity);
    g_autoptr(GBytes) pixel = g_bytes_new ("\xff\x00\x00\xff", 4);

    handed = gdk_memory_texture_new (1, 1, GDK_MEMORY_R8G8B8A8, pixel, 4);
    g_object_add_weak_pointer (G_OBJECT (handed), (gpointer *) &handed);
    escale_visit_hand_off (visit, "call-picture", handed);
    g_object_unref (handed);
    g_assert_nonnull (handed);
  }

  /* 2. The person presses "J'ai fini". */
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.finish", NULL);
  g_assert_cmpstr (escale_window_get_page_name (f->k.window), ==, "welcome");

  /* 3. The next person finds nothing. */
  g_assert_null (handed);
  g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (scratch_dir, G_FILE_TEST_EXISTS));
  clip = read_clipboard (gdk_display_get_clipboard (display));
  primary = read_clipboard (gdk_display_get_primary_clipboard (display));
  g_assert_true (clip == NULL || *clip == '\0');
  g_assert_true (primary == NULL || *primary == '\0');

  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.start", NULL);
  after = load_in_visit (f, "/check", "checked:");
  g_assert_cmpstr (after, ==, "checked:");
  /* The server saw no cookie from the new visit either. */
  g_assert_cmpstr (f->cookie_headers->pdata[f->cookie_headers->len - 1], ==, "");
}

static guint
wiper_index (EscaleReset *reset, const char *name)
{
  for (guint i = 0; i < escale_reset_get_n_wipers (reset); i++)
    if (g_str_equal (escale_reset_get_wiper_name (reset, i), name))
      return i;
  g_error ("no wiper named %s", name);
}

static void
test_profile_renewed_each_visit (Fixture *f, gconstpointer data)
{
  EscaleReset *reset = escale_kiosk_get_reset (f->k.kiosk);

  /* The pages (and their web views) go before the web session they used. */
  g_assert_cmpuint (wiper_index (reset, "ui-state"), <, wiper_index (reset, "web-data"));

  WebKitNetworkSession *first = escale_web_profile_get_network_session (f->k.profile);
  guint generation = escale_web_profile_get_generation (f->k.profile);

  g_assert_true (webkit_network_session_is_ephemeral (first));
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.start", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.finish", NULL);
  g_assert_cmpuint (escale_web_profile_get_generation (f->k.profile), ==, generation + 1);
  g_assert_true (
    webkit_network_session_is_ephemeral (escale_web_profile_get_network_session (f->k.profile)));
}

typedef struct
{
  GtkRecentManager *manager;
  const char *uri;
  gboolean timed_out;
} RecentWait;

static gboolean
recent_timeout_cb (gpointer data)
{
  ((RecentWait *) data)->timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* gtk_recent_manager_has_item () is critical when GTK keeps no list at all. */
static gboolean
recent_has (GtkRecentManager *manager, const char *uri)
{
  GList *items = gtk_recent_manager_get_items (manager);
  gboolean found = FALSE;

  for (GList *l = items; l != NULL; l = l->next)
    found = found || g_str_equal (gtk_recent_info_get_uri (l->data), uri);
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  return found;
}

static gboolean
recent_known_or_timed_out (gpointer data)
{
  RecentWait *wait = data;

  return wait->timed_out || recent_has (wait->manager, wait->uri);
}

/* What a file chooser or a "open with" does with a file the person used:
 * give GTK a second to record it (GTK asks GIO about the file first). */
static void
use_file (GtkRecentManager *manager, const char *uri)
{
  RecentWait wait = { manager, uri, FALSE };
  guint id = g_timeout_add (1000, recent_timeout_cb, &wait);

  gtk_recent_manager_add_item (manager, uri);
  escale_test_wait_until (recent_known_or_timed_out, &wait, 5000);
  if (!wait.timed_out)
    g_source_remove (id);
  escale_test_spin (300);
}

/* Recent files are GTK's recently-used.xbel under XDG_DATA_HOME (this
 * process's own, see main ()). Escale starts with them off and kept for no
 * time; a settings daemon may turn them on, kept forever, during a visit
 * (GNOME's privacy settings map to these two). The "recent-files" wiper
 * purges what that visit recorded and turns them off again, so a file the
 * next person uses is never recorded either. */
static void
test_no_recent_files (Fixture *f, gconstpointer data)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  g_autofree char *xbel = g_build_filename (g_get_user_data_dir (), "recently-used.xbel", NULL);
  g_autofree char *file = g_build_filename (f->k.dir, "attestation-caf.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (file, NULL, NULL);
  g_autofree char *first_file = g_build_filename (f->k.dir, "avis-impot.pdf", NULL);
  g_autofree char *first_uri = g_filename_to_uri (first_file, NULL, NULL);
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (file, "%PDF-1.4", -1, NULL));
  g_assert_true (g_file_set_contents (first_file, "%PDF-1.4", -1, NULL));

  /* A visit in which recent files were turned on, and a file used: GTK
   * records it... */
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.start", NULL);
  g_object_set (gtk_settings_get_default (), "gtk-recent-files-enabled", TRUE,
                "gtk-recent-files-max-age", -1, NULL);
  use_file (manager, first_uri);
  g_assert_true (recent_has (manager, first_uri));
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.finish", NULL);
  /* ...and the end of the visit forgets it, in memory and on disk. */
  escale_test_spin (600);
  g_assert_false (recent_has (manager, first_uri));
  if (g_file_get_contents (xbel, &contents, NULL, NULL))
    g_assert_null (strstr (contents, "avis-impot.pdf"));
  g_clear_pointer (&contents, g_free);

  /* The next visit opens a file: nothing of it is recorded. */
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.start", NULL);
  use_file (manager, uri);
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.finish", NULL);
  g_assert_false (recent_has (manager, uri));
  if (g_file_get_contents (xbel, &contents, NULL, NULL))
    g_assert_null (strstr (contents, "attestation-caf.pdf"));
}

/* Whether any file under @dir holds @needle. */
static gboolean
dir_contains (const char *dir, const char *needle)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        continue;
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          if (dir_contains (path, needle))
            return TRUE;
        }
      else if (g_file_get_contents (path, &contents, &length, NULL) &&
               g_strstr_len (contents, length, needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* A form filled in with a marker in every field type that holds a text
 * (a yes/no answer is one of two words), taken to its document, then the
 * visit ends: the form forgot every answer and its document, no widget
 * shows any of them, and no file of the test's folders (stats, scratch,
 * data) holds one, typed or as shown. */
static void
test_form_answers (Fixture *f, gconstpointer data)
{
  static const char *const answers[] = { "MarqueurTexte-Q7X",
                                         "739182645",
                                         "17031937",
                                         "Choix-Q7X-marqueur",
                                         "oui",
                                         "24999 Marqueurville-Résidu",
                                         "0612349876",
                                         "marqueur.q7x@exemple.fr",
                                         NULL };
  static const char *const traces[] = {
    "MarqueurTexte-Q7X", "739182645",  "17031937",       "17/03/1937",   "Choix-Q7X-marqueur",
    "Marqueurville",     "0612349876", "06 12 34 98 76", "marqueur.q7x", NULL
  };
  g_autofree char *dir = g_dir_make_tmp ("escale-residue-form-XXXXXX", NULL);
  g_autoptr(EscaleFormDefinition) form = form_test_every_type (dir);
  g_autoptr(EscaleVisit) visit = NULL;
  g_autoptr(EscaleDocumentOutput) output = NULL;
  EscaleFormFlow *flow;
  GtkWidget *window = gtk_window_new ();

  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.start", NULL);
  visit =
    escale_kiosk_new_visit (f->k.kiosk,
                            escale_config_find_activity (escale_kiosk_get_config (f->k.kiosk),
                                                         "demarches"));
  output = escale_document_output_new (visit, NULL, FALSE, 0);
  flow = ESCALE_FORM_FLOW (escale_form_flow_new (form, visit, output));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (flow));
  gtk_window_present (GTK_WINDOW (window));
  escale_test_drain ();

  photos_test_click (GTK_WIDGET (flow), "Commencer");
  for (guint i = 0; answers[i] != NULL; i++)
    form_test_answer (flow, form, answers[i]);
  g_assert_cmpstr (escale_form_flow_get_screen (flow), ==, "summary");
  /* Sanity: within the visit they are there (the test can fail). */
  g_assert_true (form_test_shows_text (GTK_WIDGET (flow), "06 12 34 98 76"));
  photos_test_click (GTK_WIDGET (flow), "C'est bon, préparer le document");
  g_assert_nonnull (escale_form_flow_get_document (flow));

  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.finish", NULL);
  g_assert_cmpstr (escale_window_get_page_name (f->k.window), ==, "welcome");
  g_assert_cmpuint (escale_form_flow_get_n_answers (flow), ==, 0);
  g_assert_null (escale_form_flow_get_document (flow));
  g_assert_cmpstr (escale_form_flow_get_screen (flow), ==, "intro");
  for (guint i = 0; traces[i] != NULL; i++)
    {
      g_assert_false (form_test_shows_text (GTK_WIDGET (flow), traces[i]));
      g_assert_false (dir_contains (f->k.dir, traces[i]));
      g_assert_false (dir_contains (g_get_user_data_dir (), traces[i]));
      g_assert_false (dir_contains (g_get_user_cache_dir (), traces[i]));
    }

  g_object_ref (flow);
  gtk_window_destroy (GTK_WINDOW (window));
  escale_test_drain ();
  g_assert_finalize_object (flow);
  g_assert_finalize_object (g_steal_pointer (&output));
  g_assert_finalize_object (g_steal_pointer (&visit));
  g_assert_finalize_object (g_steal_pointer (&form));
  g_assert_true (escale_remove_tree (dir, NULL));
}

int
main (int argc, char *argv[])
{
  /* Recent files go to XDG_DATA_HOME: this process's own, set before GTK
   * reads it. */
  g_autofree char *data_home = g_dir_make_tmp ("escale-residue-data-XXXXXX", NULL);
  int status;

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/escale/residue/nothing-remains", Fixture, NULL, setup, test_nothing_remains,
              teardown);
  g_test_add ("/escale/residue/profile-renewed-each-visit", Fixture, NULL, setup,
              test_profile_renewed_each_visit, teardown);
  g_test_add ("/escale/residue/form-answers", Fixture, NULL, setup, test_form_answers, teardown);
  g_test_add ("/escale/residue/no-recent-files", Fixture, NULL, setup, test_no_recent_files,
              teardown);

  status = g_test_run ();
  escale_remove_tree (data_home, NULL);
  return status;
}
