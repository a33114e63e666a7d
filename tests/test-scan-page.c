/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>

#include "demarches-test-visit.h"
#include "escale-scan-page.h"
#include "escale-test-util.h"
#include "photos-test-widgets.h"
#include "scan-lab.h"

/* "Scanner un document" driven as a person would, on SANE's test backend
 * (tests/scan-lab.c) and a real kiosk visit: two pages make one PDF of two
 * A4 pages in the visit's documents/ folder, counted, and gone after the
 * visit; "Recommencer"; "Arrêter" during a slow scan; no scanner; no paper. */

static ScanLab *lab; /* one per process: libsane reads SANE_CONFIG_DIR once */

typedef struct
{
  DemarchesTestVisit v;
  GtkWindow *window;
  EscaleScanPage *page;
  GFile *pdf;
  guint cancelled;
} Fixture;

static void
done_cb (EscaleScanPage *page, GFile *pdf, Fixture *f)
{
  g_set_object (&f->pdf, pdf);
}

static void
cancelled_cb (EscaleScanPage *page, Fixture *f)
{
  f->cancelled++;
}

static gboolean shows_choice (gpointer data);

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  scan_lab_configure (lab, 1, NULL);
  demarches_test_visit_init (&f->v);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1024, 768);
  f->page = ESCALE_SCAN_PAGE (escale_scan_page_new (f->v.visit, NULL, "logement"));
  g_object_ref (f->page);
  g_signal_connect (f->page, "done", G_CALLBACK (done_cb), f);
  g_signal_connect (f->page, "cancelled", G_CALLBACK (cancelled_cb), f);
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  gtk_window_present (f->window);
  escale_test_wait_until (shows_choice, f, 10000);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (f->window);
  escale_test_drain ();
  g_assert_finalize_object (g_steal_pointer (&f->page));
  g_clear_object (&f->pdf);
  demarches_test_visit_clear (&f->v);
}

static GtkWidget *
root (Fixture *f)
{
  return GTK_WIDGET (f->page);
}

static gboolean
shows_result (gpointer data)
{
  return photos_test_is_drawable (root (data), "Ajouter une page");
}

static gboolean
shows_choice (gpointer data)
{
  return photos_test_is_drawable (root (data), "Scanner un document");
}

/* The first widget of @type under @widget. */
static GtkWidget *
find_widget (GtkWidget *widget, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The bar has moved, and the scan is not over. */
static gboolean
shows_progress (gpointer data)
{
  GtkWidget *bar = find_widget (root (data), GTK_TYPE_PROGRESS_BAR);

  return photos_test_is_drawable (root (data), "Arrêter") && gtk_widget_is_drawable (bar) &&
         gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar)) > 0.02;
}

static gboolean
shows_message (gpointer data)
{
  return photos_test_is_drawable (root (data), "Retour");
}

static int
pdf_pages (GFile *pdf, double *width, double *height)
{
  const char *argv[] = { "pdfinfo", g_file_peek_path (pdf), NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *line;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  line = strstr (out, "Page size:");
  g_assert_nonnull (line);
  g_assert_cmpint (sscanf (line, "Page size: %lf x %lf", width, height), ==, 2);
  return atoi (strstr (out, "Pages:") + strlen ("Pages:"));
}

static void
test_two_pages_make_one_pdf (Fixture *f, gconstpointer data)
{
  g_autofree char *documents = NULL;
  double width = 0, height = 0;

  photos_test_click (root (f), "Scanner un document");
  escale_test_wait_until (shows_result, f, 30000);
  g_assert_true (photos_test_shows_label (root (f), "Voici votre page. Est-elle bien lisible ?"));
  photos_test_click (root (f), "Ajouter une page");
  escale_test_wait_until (shows_choice, f, 5000);
  g_assert_true (
    photos_test_shows_label (root (f),
                             "Vous avez 1 page. Posez la suivante, puis touchez un bouton."));
  photos_test_click (root (f), "Scanner une photo");
  escale_test_wait_until (shows_result, f, 30000);
  g_assert_true (photos_test_shows_label (root (f), "Voici la page 2. Est-elle bien lisible ?"));
  g_assert_cmpuint (escale_scan_page_get_n_pages (f->page), ==, 2);
  photos_test_click (root (f), "C'est bon");

  g_assert_nonnull (f->pdf);
  documents =
    g_build_filename (escale_visit_get_scratch_dir (f->v.visit, NULL), "documents", NULL);
  g_assert_true (g_str_has_prefix (g_file_peek_path (f->pdf), documents));
  g_assert_cmpint (pdf_pages (f->pdf, &width, &height), ==, 2);
  /* A4: 595 x 842 points. */
  g_assert_cmpfloat (ABS (width - 595), <, 2);
  g_assert_cmpfloat (ABS (height - 842), <, 2);
  g_assert_cmpuint (escale_scan_page_get_n_pages (f->page), ==, 0);

  /* Nothing of it after the visit. */
  demarches_test_visit_finish (&f->v);
  g_assert_cmpint (demarches_test_visit_count (&f->v, "pages-scanned--logement"), ==, 2);
  g_assert_false (g_file_test (g_file_peek_path (f->pdf), G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (documents, G_FILE_TEST_EXISTS));
}

static void
test_again_drops_the_page (Fixture *f, gconstpointer data)
{
  photos_test_click (root (f), "Scanner un document");
  escale_test_wait_until (shows_result, f, 30000);
  photos_test_click (root (f), "Recommencer");
  escale_test_wait_until (shows_choice, f, 5000);
  g_assert_cmpuint (escale_scan_page_get_n_pages (f->page), ==, 0);
  g_assert_false (photos_test_is_drawable (root (f), "J'ai toutes mes pages"));
  photos_test_click (root (f), "Annuler");
  g_assert_cmpuint (f->cancelled, ==, 1);
  g_assert_null (f->pdf);
  demarches_test_visit_finish (&f->v);
  g_assert_cmpint (demarches_test_visit_count (&f->v, "pages-scanned--logement"), ==, 0);
}

static void
test_stop_mid_scan (Fixture *f, gconstpointer data)
{
  scan_lab_configure (lab, 1, SCAN_LAB_SLOW);
  photos_test_click (root (f), "Scanner un document");
  escale_test_wait_until (shows_progress, f, 30000);
  photos_test_click (root (f), "Arrêter");
  escale_test_wait_until (shows_choice, f, 30000);
  g_assert_cmpuint (escale_scan_page_get_n_pages (f->page), ==, 0);
  g_assert_null (f->pdf);
}

static void
test_no_scanner (Fixture *f, gconstpointer data)
{
  scan_lab_configure (lab, 0, NULL);
  photos_test_click (root (f), "Scanner un document");
  escale_test_wait_until (shows_message, f, 30000);
  g_assert_true (photos_test_shows_label (
    root (f), "Aucun scanner n'est branché sur ce poste. Demandez de l'aide à l'accueil."));
  photos_test_click (root (f), "Retour");
  g_assert_true (shows_choice (f));
}

/* The first page is kept when the feeder is empty for the second. */
static void
test_no_paper_keeps_pages (Fixture *f, gconstpointer data)
{
  photos_test_click (root (f), "Scanner un document");
  escale_test_wait_until (shows_result, f, 30000);
  photos_test_click (root (f), "Ajouter une page");
  scan_lab_configure (lab, 1, "read-status-code \"SANE_STATUS_NO_DOCS\"\n");
  photos_test_click (root (f), "Scanner un document");
  escale_test_wait_until (shows_message, f, 30000);
  g_assert_true (photos_test_shows_label (root (f),
                                          "Il n'y a pas de feuille dans le scanner. "
                                          "Posez votre document, puis touchez Scanner."));
  photos_test_click (root (f), "Retour");
  g_assert_cmpuint (escale_scan_page_get_n_pages (f->page), ==, 1);
  photos_test_click (root (f), "J'ai toutes mes pages");
  g_assert_nonnull (f->pdf);
}

/* The visit ends on a scanned page while something still holds the scan
 * page (its window here): the page is forgotten and no longer shown, by the
 * visit's wiper "scan" (the page's dispose has not run). */
static void
test_visit_end_drops_held_pages (Fixture *f, gconstpointer data)
{
  GtkPicture *result;

  photos_test_click (root (f), "Scanner un document");
  escale_test_wait_until (shows_result, f, 30000);
  result = GTK_PICTURE (find_widget (root (f), GTK_TYPE_PICTURE));
  g_assert_nonnull (gtk_picture_get_paintable (result));
  g_assert_cmpuint (escale_scan_page_get_n_pages (f->page), ==, 1);

  demarches_test_visit_finish (&f->v);
  g_assert_cmpuint (escale_scan_page_get_n_pages (f->page), ==, 0);
  g_assert_null (gtk_picture_get_paintable (result));
}

int
main (int argc, char **argv)
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  lab = scan_lab_new (1);
#define ADD(path, func)                                                                           \
  g_test_add ("/escale/scan-page/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("two-pages-make-one-pdf", test_two_pages_make_one_pdf);
  ADD ("again-drops-the-page", test_again_drops_the_page);
  ADD ("stop-mid-scan", test_stop_mid_scan);
  ADD ("no-scanner", test_no_scanner);
  ADD ("no-paper-keeps-pages", test_no_paper_keeps_pages);
  ADD ("visit-end-drops-held-pages", test_visit_end_drops_held_pages);
  status = g_test_run ();
  scan_lab_free (lab);
  return status;
}
