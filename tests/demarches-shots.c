/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Screenshots of the scan page and the web view's chooser, with the kiosk's
 * style sheet, for docs/screenshots/ (not a test). Under Xvfb at the size
 * asked:
 *   xvfb-run -a -s '-screen 0 1024x768x24' dbus-run-session -- \
 *     BUILDDIR/tests/demarches-shots DIR 1024 768 TEXT-SCALE
 * TEXT-SCALE 0 is the kiosk's default size, 2 is "A+" touched twice. */
#include <unistd.h>

#include "demarches-test-visit.h"
#include "escale-file-chooser.h"
#include "escale-scan-page.h"
#include "escale-test-util.h"
#include "escale-visit-documents.h"
#include "photos-test-widgets.h"
#include "scan-lab.h"
#include "web-escape-fixture.h"

static const char *out_dir;
static const char *suffix;

static void
shoot (const char *name)
{
  g_autofree char *path = g_strdup_printf ("%s/demarches-scan-%s%s.png", out_dir, name, suffix);
  const char *argv[] = { "import", "-window", "root", path, NULL };
  int status = 0;

  escale_test_spin (600);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL,
                               NULL, &status, NULL));
  g_print ("%s\n", path);
}

static GtkWindow *
kiosk_window (int width, int height, guint scale)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  g_autofree char *title = g_strdup_printf ("Escale test %d", (int) getpid ());
  g_autofree char *scale_class = g_strdup_printf ("text-scale-%u", scale);

  gtk_window_set_title (window, title);
  gtk_widget_add_css_class (GTK_WIDGET (window), "escale");
  gtk_widget_add_css_class (GTK_WIDGET (window), scale_class);
  gtk_window_set_default_size (window, width, height);
  gtk_window_fullscreen (window);
  return window;
}

static gboolean
scanning_far_enough (gpointer data)
{
  GtkWidget *widget = data;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if ((GTK_IS_PROGRESS_BAR (c) && gtk_widget_is_drawable (c) &&
         gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (c)) > 0.4) ||
        scanning_far_enough (c))
      return TRUE;
  return FALSE;
}

static gboolean
shows_result (gpointer data)
{
  return photos_test_is_drawable (data, "Ajouter une page");
}

static gboolean
shows_choice (gpointer data)
{
  return photos_test_is_drawable (data, "Scanner un document");
}

static gboolean
mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static void
shoot_scan (ScanLab *lab, DemarchesTestVisit *v, int width, int height, guint scale)
{
  GtkWindow *window = kiosk_window (width, height, scale);
  GtkWidget *page = escale_scan_page_new (v->visit, NULL, "logement");

  gtk_window_set_child (window, page);
  gtk_window_present (window);
  escale_test_wait_until (mapped, window, 10000);
  shoot ("choose");
  scan_lab_configure (lab, 1, SCAN_LAB_SLOW);
  photos_test_click (page, "Scanner un document");
  escale_test_wait_until (scanning_far_enough, page, 60000);
  shoot ("progress");
  photos_test_click (page, "Arrêter");
  escale_test_wait_until (shows_choice, page, 60000);
  scan_lab_configure (lab, 1, NULL);
  photos_test_click (page, "Scanner un document");
  escale_test_wait_until (shows_result, page, 60000);
  shoot ("result");
  photos_test_click (page, "C'est bon");
  gtk_window_destroy (window);
  escale_test_drain ();
}

static const char site[] =
  "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Démarche</title><style>"
  "body{font-family:sans-serif;margin:0;background:#f5f5fe}header{background:#000091;color:#fff;"
  "padding:16px 32px;font-size:22px}main{padding:32px}label{display:block;margin:16px 0 8px}"
  "input{position:fixed;left:5%;bottom:5%;width:90%;height:35%;font-size:18px;"
  "border:2px dashed #000091;background:#fff}</style></head><body>"
  "<header>Service en ligne — démonstration</header><main><h1>Ajoutez votre justificatif de "
  "domicile</h1><p>Un document de moins de 3 mois (PDF ou photo).</p>"
  "<label for=\"f\">Justificatif</label><input id=\"f\" type=\"file\"></main></body></html>";

static void
site_handler (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
              gpointer user_data)
{
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, site, strlen (site));
}

static gboolean
site_loaded (gpointer data)
{
  WebKitWebView *web_view = escale_web_view_get_web_view (data);

  return !webkit_web_view_is_loading (web_view) &&
         g_strcmp0 (webkit_web_view_get_title (web_view), "Démarche") == 0;
}

static gboolean
chooser_shown (gpointer data)
{
  EscaleFileChooser *chooser = escale_file_chooser_get_shown (data);

  return chooser != NULL && escale_file_chooser_get_ready (chooser);
}

static void
shoot_chooser (DemarchesTestVisit *v, int width, int height, guint scale)
{
  GtkWindow *window = kiosk_window (width, height, scale);
  g_autoptr(EscaleWebProfile) profile = escale_web_profile_new ();
  g_autoptr(EscaleWebPolicy) policy = escale_web_policy_new ();
  g_autoptr(SoupServer) server = NULL;
  g_autofree char *base = start_server (&server, site_handler, NULL);
  EscaleWebView *view;
  g_autofree char *click = NULL;

  g_assert_true (escale_web_policy_allow_origin (policy, base, NULL));
  view = ESCALE_WEB_VIEW (escale_web_view_new (profile, policy));
  escale_file_chooser_attach (view, v->visit, "logement");
  gtk_window_set_child (window, GTK_WIDGET (view));
  gtk_window_present (window);
  escale_web_view_load (view, base);
  escale_test_wait_until (site_loaded, view, 30000);
  escale_test_spin (500);
  /* The file field fills the bottom of the page, whatever the zoom. */
  click = g_strdup_printf ("mousemove %d %d click 1", width / 2, height * 80 / 100);
  g_assert_true (escale_test_xdotool (click));
  escale_test_wait_until (chooser_shown, view, 30000);
  photos_test_click (GTK_WIDGET (escale_file_chooser_get_shown (view)), "document-1.pdf");
  shoot ("chooser");
  photos_test_click (GTK_WIDGET (escale_file_chooser_get_shown (view)), "Annuler");
  gtk_window_destroy (window);
  escale_test_drain ();
  soup_server_disconnect (server);
}

int
main (int argc, char **argv)
{
  g_autoptr(GtkCssProvider) css = NULL;
  g_autoptr(ScanLab) lab = NULL;
  DemarchesTestVisit v = { 0 };
  int width, height;
  guint scale;

  if (argc != 5)
    {
      g_printerr ("usage: demarches-shots DIR WIDTH HEIGHT TEXT-SCALE\n");
      return 2;
    }
  out_dir = argv[1];
  width = atoi (argv[2]);
  height = atoi (argv[3]);
  scale = (guint) atoi (argv[4]);
  suffix = g_strdup_printf ("%s-%dx%d", scale > 0 ? "-larger" : "", width, height);
  gtk_init ();
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/fr/escale/Escale/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  lab = scan_lab_new (1);
  demarches_test_visit_init (&v);
  shoot_scan (lab, &v, width, height, scale);
  shoot_chooser (&v, width, height, scale);
  demarches_test_visit_clear (&v);
  return 0;
}
