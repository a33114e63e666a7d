/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <unistd.h>

#include "demarches-test-visit.h"
#include "escale-file-chooser.h"
#include "escale-test-util.h"
#include "escale-visit-documents.h"
#include "photo-test-medium.h"
#include "photos-test-widgets.h"
#include "web-escape-fixture.h"

/* The page's <input type="file"> in a real WebKit view, touched through X
 * as a finger would: on a procedure's site (the chooser attached, the page
 * in the allowlist) Escale's chooser shows the visit's documents and the
 * visitor's stick, and the file chosen reaches the page, whose script reads
 * back its name and size; on a view not flagged for it nothing opens; no
 * symbolic link, hidden file nor folder of the PC is ever offered. */

typedef struct
{
  DemarchesTestVisit v;
  SoupServer *server;
  char *base;
  EscaleWebProfile *profile;
  EscaleWebPolicy *policy;
  GtkWindow *window;
  EscaleWebView *view;
  char *documents;
} ChooserFixture;

#define PROOF_SIZE 1234

static const char page[] =
  "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Envoi</title><style>body{margin:0}"
  "input{display:block;width:100vw;height:100vh}</style></head><body>"
  "<input id=\"f\" type=\"file\" accept=\"application/pdf,image/*\"><script>"
  "document.getElementById('f').onchange = function (e) {"
  "  var file = e.target.files[0];"
  "  document.title = file ? 'reçu:' + file.name + ':' + file.size : 'rien';"
  "};</script></body></html>";

static void
page_handler (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
              gpointer user_data)
{
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, page, strlen (page));
}

static void
put_document (ChooserFixture *f, const char *name, gsize size)
{
  g_autofree char *path = g_build_filename (f->documents, name, NULL);
  g_autofree char *bytes = g_malloc (size);

  memset (bytes, 'x', size);
  g_assert_true (g_file_set_contents (path, bytes, size, NULL));
}

static void
fixture_set_up (ChooserFixture *f, gconstpointer flagged)
{
  g_autofree char *link = NULL;
  g_autofree char *hidden = NULL;
  g_autofree char *title = NULL;

  demarches_test_visit_init (&f->v);
  f->documents = escale_visit_documents_dir (f->v.visit, NULL);
  put_document (f, "attestation.pdf", PROOF_SIZE);
  /* What must never be offered: the PC's files through a link, hidden files. */
  link = g_build_filename (f->documents, "mots-de-passe.pdf", NULL);
  g_assert_cmpint (symlink ("/etc/passwd", link), ==, 0);
  hidden = g_build_filename (f->documents, ".cache", NULL);
  g_assert_true (g_file_set_contents (hidden, "x", 1, NULL));

  f->base = start_server (&f->server, page_handler, f);
  f->profile = escale_web_profile_new ();
  f->policy = escale_web_policy_new ();
  g_assert_true (escale_web_policy_allow_origin (f->policy, f->base, NULL));
  f->window = GTK_WINDOW (gtk_window_new ());
  /* The name escale_test_xdotool () looks for. */
  title = g_strdup_printf ("Escale test %d", (int) getpid ());
  gtk_window_set_title (f->window, title);
  gtk_window_set_default_size (f->window, 1280, 800);
  f->view = ESCALE_WEB_VIEW (escale_web_view_new (f->profile, f->policy));
  if (GPOINTER_TO_INT (flagged))
    escale_file_chooser_attach (f->view, f->v.visit, "logement");
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  gtk_window_fullscreen (f->window);
  gtk_window_present (f->window);
}

static void
fixture_tear_down (ChooserFixture *f, gconstpointer flagged)
{
  EscaleWebView *view = g_object_ref (f->view);

  gtk_window_destroy (f->window);
  escale_test_drain ();
  g_assert_finalize_object (view);
  g_assert_finalize_object (g_steal_pointer (&f->policy));
  g_assert_finalize_object (g_steal_pointer (&f->profile));
  soup_server_disconnect (f->server);
  g_assert_finalize_object (g_steal_pointer (&f->server));
  g_free (f->base);
  g_free (f->documents);
  demarches_test_visit_clear (&f->v);
}

static const char *
title (ChooserFixture *f)
{
  return webkit_web_view_get_title (escale_web_view_get_web_view (f->view));
}

static gboolean
page_loaded (gpointer data)
{
  ChooserFixture *f = data;
  WebKitWebView *web_view = escale_web_view_get_web_view (f->view);

  return !webkit_web_view_is_loading (web_view) && g_strcmp0 (title (f), "Envoi") == 0 &&
         gtk_widget_get_mapped (GTK_WIDGET (web_view));
}

static gboolean
chooser_shown (gpointer data)
{
  EscaleFileChooser *chooser = escale_file_chooser_get_shown (((ChooserFixture *) data)->view);

  return chooser != NULL && gtk_widget_is_drawable (GTK_WIDGET (chooser));
}

static gboolean
offers_stick_file (gpointer data)
{
  EscaleFileChooser *chooser = escale_file_chooser_get_shown (((ChooserFixture *) data)->view);
  GListModel *files;

  if (chooser == NULL || !escale_file_chooser_get_ready (chooser))
    return FALSE;
  files = escale_file_chooser_get_files (chooser);
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      g_autofree char *name = g_file_get_basename (file);

      /* fusefat shows the short FAT name, RELEVE.PDF. */
      if (g_ascii_strcasecmp (name, "releve.pdf") == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
page_received (gpointer data)
{
  return g_str_has_prefix (title (data), "reçu:");
}

static gboolean
refused (gpointer data)
{
  return escale_web_view_get_refusals (((ChooserFixture *) data)->view) > 0;
}

/* Loads the page and touches its file field, through X. */
static void
touch_file_field (ChooserFixture *f)
{
  g_autofree char *uri = g_strconcat (f->base, "/envoi", NULL);

  escale_web_view_load (f->view, uri);
  escale_test_wait_until (page_loaded, f, 30000);
  escale_test_spin (300);
  g_assert_true (escale_test_xdotool ("mousemove 640 400 click 1"));
}

static GStrv
offered_names (ChooserFixture *f, EscaleFileChooser *chooser)
{
  GListModel *files = escale_file_chooser_get_files (chooser);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);

      g_autofree char *name = g_file_get_basename (file);

      g_strv_builder_add (names, name);
    }
  return g_strv_builder_end (names);
}

static void
test_allowlisted_page_gets_the_file (ChooserFixture *f, gconstpointer data)
{
  g_autofree char *expected = g_strdup_printf ("reçu:attestation.pdf:%d", PROOF_SIZE);
  EscaleFileChooser *chooser;
  g_auto(GStrv) names = NULL;

  touch_file_field (f);
  escale_test_wait_until (chooser_shown, f, 30000);
  chooser = escale_file_chooser_get_shown (f->view);
  names = offered_names (f, chooser);
  g_assert_cmpstr (names[0], ==, "attestation.pdf");
  g_assert_false (g_strv_contains ((const char *const *) names, "mots-de-passe.pdf"));
  g_assert_false (g_strv_contains ((const char *const *) names, ".cache"));
  g_assert_true (photos_test_shows_label (GTK_WIDGET (chooser), "Fait pendant cette visite"));
  g_assert_false (gtk_widget_is_sensitive (
    photos_test_find_button (GTK_WIDGET (chooser), "Envoyer ce document")));

  photos_test_click (GTK_WIDGET (chooser), "attestation.pdf");
  photos_test_click (GTK_WIDGET (chooser), "Envoyer ce document");
  escale_test_wait_until (page_received, f, 30000);
  g_assert_cmpstr (title (f), ==, expected);
  g_assert_null (escale_file_chooser_get_shown (f->view));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_window_get_toplevels ()), ==, 1);
  g_assert_cmpuint (escale_web_view_get_refusals (f->view), ==, 0);

  demarches_test_visit_finish (&f->v);
  g_assert_cmpint (demarches_test_visit_count (&f->v, "files-sent--logement"), ==, 1);
  g_assert_false (g_file_test (f->documents, G_FILE_TEST_EXISTS));
}

/* "Annuler": nothing reaches the page, and the field can be touched again. */
static void
test_cancel_sends_nothing (ChooserFixture *f, gconstpointer data)
{
  touch_file_field (f);
  escale_test_wait_until (chooser_shown, f, 30000);
  photos_test_click (GTK_WIDGET (escale_file_chooser_get_shown (f->view)), "Annuler");
  g_assert_null (escale_file_chooser_get_shown (f->view));
  escale_test_spin (300);
  g_assert_cmpstr (title (f), ==, "Envoi");

  g_assert_true (escale_test_xdotool ("mousemove 640 400 click 1"));
  escale_test_wait_until (chooser_shown, f, 30000);
  photos_test_click (GTK_WIDGET (escale_file_chooser_get_shown (f->view)), "Annuler");
  demarches_test_visit_finish (&f->v);
  g_assert_cmpint (demarches_test_visit_count (&f->v, "files-sent--logement"), ==, 0);
}

/* A web view not flagged for it (every other activity): refused as
 * always, no chooser, no dialog, no window. */
static void
test_not_flagged_is_refused (ChooserFixture *f, gconstpointer data)
{
  touch_file_field (f);
  escale_test_wait_until (refused, f, 30000);
  escale_test_spin (500);
  g_assert_null (escale_file_chooser_get_shown (f->view));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_window_get_toplevels ()), ==, 1);
  g_assert_cmpstr (title (f), ==, "Envoi");
}

/* The visitor's stick, read only: its files are offered after the visit's
 * documents, and one reaches the page. */
static void
test_stick_file_reaches_the_page (ChooserFixture *f, gconstpointer data)
{
  g_autoptr(PhotoTestMedium) medium = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static ("%PDF-1.4 relevé", 16);
  EscaleFileChooser *chooser;
  g_auto(GStrv) names = NULL;
  g_autofree char *expected = NULL;
  const char *stick_name;

  if (!photo_test_medium_need_root ())
    return;
  medium = photo_test_medium_new ();
  photo_test_medium_put (medium, "releve.pdf", bytes, 0);
  photo_test_medium_put (medium, "notes.txt", bytes, 0);
  photo_test_medium_make_fat (medium, "CLE");
  photo_test_medium_mount_fat_read_only (medium);

  touch_file_field (f);
  escale_test_wait_until (offers_stick_file, f, 30000);
  chooser = escale_file_chooser_get_shown (f->view);
  names = offered_names (f, chooser);
  g_assert_cmpstr (names[0], ==, "attestation.pdf");
  /* notes.txt is not what the page accepts. */
  for (guint i = 0; names[i] != NULL; i++)
    g_assert_cmpint (g_ascii_strcasecmp (names[i], "notes.txt"), !=, 0);
  g_assert_true (photos_test_shows_label (GTK_WIDGET (chooser), "Sur votre clé"));
  stick_name = g_strv_contains ((const char *const *) names, "releve.pdf") ? "releve.pdf"
                                                                           : "RELEVE.PDF";
  photos_test_click (GTK_WIDGET (chooser), stick_name);
  photos_test_click (GTK_WIDGET (chooser), "Envoyer ce document");
  escale_test_wait_until (page_received, f, 30000);
  expected = g_strdup_printf ("reçu:%s:16", stick_name);
  g_assert_cmpstr (title (f), ==, expected);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  g_setenv ("GIO_USE_VOLUME_MONITOR", "unix", TRUE);
#define ADD_CHOOSER(path, func, flagged)                                                          \
  g_test_add ("/escale/file-chooser/" path, ChooserFixture, GINT_TO_POINTER (flagged),            \
              fixture_set_up, func, fixture_tear_down)
  ADD_CHOOSER ("allowlisted-page-gets-the-file", test_allowlisted_page_gets_the_file, TRUE);
  ADD_CHOOSER ("cancel-sends-nothing", test_cancel_sends_nothing, TRUE);
  ADD_CHOOSER ("not-flagged-is-refused", test_not_flagged_is_refused, FALSE);
  ADD_CHOOSER ("stick-file-reaches-the-page", test_stick_file_reaches_the_page, TRUE);
  return g_test_run ();
}
