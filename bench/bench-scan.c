/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Mes démarches under Xvfb, ROUNDS times each (default 10):
 * - scan: "Scanner un document" touched to the A4 page at 200 dpi painted
 *   large on screen, with SANE's test backend through the real libsane;
 * - chooser: the page's file field touched (a real click through xdotool)
 *   to Escale's chooser painted over the page, with twelve documents in the
 *   visit's documents/ folder (from WebKit's request to the first frame
 *   that shows it).
 * Usage: xvfb-run -a -s '-screen 0 1280x800x24' dbus-run-session -- \
 *          bench-scan [ROUNDS] */
#include <unistd.h>

#include "demarches-test-visit.h"
#include "escale-file-chooser.h"
#include "escale-scan-page.h"
#include "escale-test-util.h"
#include "escale-visit-documents.h"
#include "photos-test-widgets.h"
#include "scan-lab.h"
#include "web-escape-fixture.h"

static gint64 start_us;
static gint64 shown_us;
static GtkWidget *watched;

static void
after_paint_cb (GdkFrameClock *clock, gpointer user_data)
{
  if (shown_us == 0 && watched != NULL && gtk_widget_is_drawable (watched))
    shown_us = g_get_monotonic_time ();
}

static void
record (GArray *ms)
{
  double elapsed = (double) (shown_us - start_us) / 1000;

  g_array_append_val (ms, elapsed);
}

static gboolean
painted (gpointer data)
{
  return shown_us != 0;
}

static gint
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
print_figures (const char *what, GArray *ms)
{
  g_array_sort (ms, compare_doubles);
  g_print ("%s: median %.0f ms, min %.0f, max %.0f over %u runs\n", what,
           g_array_index (ms, double, ms->len / 2), g_array_index (ms, double, 0),
           g_array_index (ms, double, ms->len - 1), ms->len);
}

static GtkWindow *
bench_window (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  g_autofree char *title = g_strdup_printf ("Escale test %d", (int) getpid ());

  gtk_window_set_title (window, title);
  gtk_window_set_default_size (window, 1280, 800);
  gtk_window_fullscreen (window);
  return window;
}

static gboolean
window_shown (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static void
bench_scan (guint rounds)
{
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  DemarchesTestVisit v = { 0 };
  GtkWindow *window = bench_window ();
  GtkWidget *page;
  GdkFrameClock *clock;

  demarches_test_visit_init (&v);
  page = escale_scan_page_new (v.visit, NULL, "logement");
  gtk_window_set_child (window, page);
  gtk_window_present (window);
  escale_test_wait_until (window_shown, window, 10000);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  for (guint i = 0; i < rounds; i++)
    {
      watched = photos_test_find_button (page, "Ajouter une page");
      shown_us = 0;
      start_us = g_get_monotonic_time ();
      photos_test_click (page, "Scanner un document");
      escale_test_wait_until (painted, NULL, 60000);
      record (ms);
      photos_test_click (page, "Recommencer");
    }
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, NULL);
  gtk_window_destroy (window);
  escale_test_drain ();
  demarches_test_visit_clear (&v);
  print_figures ("scan of one A4 page, grey 200 dpi (test backend), touch to page shown", ms);
}

static const char page_html[] =
  "<!DOCTYPE html><html><head><title>Envoi</title><style>body{margin:0}"
  "input{display:block;width:100vw;height:100vh}</style></head><body>"
  "<input type=\"file\"></body></html>";

static void
page_handler (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
              gpointer user_data)
{
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, page_html,
                                    strlen (page_html));
}

static gboolean
request_hook_cb (GSignalInvocationHint *hint, guint n_values, const GValue *values, gpointer data)
{
  start_us = g_get_monotonic_time ();
  return TRUE;
}

static gboolean
page_ready (gpointer data)
{
  WebKitWebView *web_view = escale_web_view_get_web_view (data);

  return !webkit_web_view_is_loading (web_view) &&
         g_strcmp0 (webkit_web_view_get_title (web_view), "Envoi") == 0;
}

static void
bench_chooser (guint rounds)
{
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  DemarchesTestVisit v = { 0 };
  GtkWindow *window = bench_window ();
  g_autoptr(EscaleWebProfile) profile = escale_web_profile_new ();
  g_autoptr(EscaleWebPolicy) policy = escale_web_policy_new ();
  g_autoptr(SoupServer) server = NULL;
  g_autofree char *base = start_server (&server, page_handler, NULL);
  g_autofree char *documents = NULL;
  EscaleWebView *view;
  GdkFrameClock *clock;

  demarches_test_visit_init (&v);
  documents = escale_visit_documents_dir (v.visit, NULL);
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("document-%u.pdf", i + 1);
      g_autofree char *path = g_build_filename (documents, name, NULL);

      g_file_set_contents (path, "%PDF-1.4\n", -1, NULL);
    }
  escale_web_policy_allow_origin (policy, base, NULL);
  view = ESCALE_WEB_VIEW (escale_web_view_new (profile, policy));
  escale_file_chooser_attach (view, v.visit, "logement");
  gtk_window_set_child (window, GTK_WIDGET (view));
  gtk_window_present (window);
  escale_web_view_load (view, base);
  escale_test_wait_until (page_ready, view, 30000);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  g_signal_add_emission_hook (g_signal_lookup ("run-file-chooser", WEBKIT_TYPE_WEB_VIEW), 0,
                              request_hook_cb, NULL, NULL);
  for (guint i = 0; i < rounds; i++)
    {
      escale_test_spin (300);
      shown_us = 0;
      watched = NULL;
      escale_test_xdotool ("mousemove 640 400 click 1");
      while ((watched = GTK_WIDGET (escale_file_chooser_get_shown (view))) == NULL)
        g_main_context_iteration (NULL, TRUE);
      escale_test_wait_until (painted, NULL, 30000);
      record (ms);
      photos_test_click (watched, "Annuler");
    }
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, NULL);
  gtk_window_destroy (window);
  escale_test_drain ();
  soup_server_disconnect (server);
  demarches_test_visit_clear (&v);
  print_figures ("chooser: WebKit's request to the chooser painted (12 documents)", ms);
}

int
main (int argc, char **argv)
{
  guint rounds = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 10;
  g_autoptr(ScanLab) lab = NULL;

  gtk_init ();
  lab = scan_lab_new (1);
  bench_scan (rounds);
  bench_chooser (rounds);
  return 0;
}
