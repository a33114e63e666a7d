/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <unistd.h>

#include "escale-document-output-chooser.h"
#include "escale-document-output.h"
#include "escale-test-util.h"
#include "photo-test-medium.h"
#include "print-lab.h"

/* Where a document goes, for real: printed on a private CUPS
 * (tests/print-lab.c, cups-pdf writes what the printer would print) and
 * read back with poppler-utils; saved on an ext2 stick mounted under
 * /media, which GIO's unix volume monitor shows as the visitor's
 * (tests/photo-test-medium.c); a full stick; no stick; the page limit. */

static PrintLab *lab;

typedef struct
{
  gboolean done;
  gboolean ok;
  guint pages;
  char *name;
  GError *error;
} Result;

static gboolean
result_done (gpointer data)
{
  return ((Result *) data)->done;
}

static void
result_clear (Result *r)
{
  g_clear_pointer (&r->name, g_free);
  g_clear_error (&r->error);
  r->done = FALSE;
}

static void
printed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Result *r = user_data;

  r->ok = escale_document_output_print_finish (ESCALE_DOCUMENT_OUTPUT (source), result, &r->pages,
                                               &r->error);
  r->done = TRUE;
}

static void
saved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Result *r = user_data;

  r->name =
    escale_document_output_save_finish (ESCALE_DOCUMENT_OUTPUT (source), result, &r->error);
  r->ok = r->name != NULL;
  r->done = TRUE;
}

static gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* The last reference goes: a GTask's worker thread may drop its own a
 * moment after the answer came back on the main thread. */
static void
assert_finalized_soon (gpointer object)
{
  gpointer weak = object;

  g_object_add_weak_pointer (object, &weak);
  g_object_unref (object);
  escale_test_wait_until (pointer_cleared, &weak, 5000);
}

static void
print_document (EscaleDocumentOutput *output, EscaleDocument *document, Result *r)
{
  escale_document_output_print_async (output, document, NULL, printed_cb, r);
  escale_test_wait_until (result_done, r, 30000);
}

static void
save_document (EscaleDocumentOutput *output, EscaleDocument *document, Result *r)
{
  escale_document_output_save_async (output, document, NULL, saved_cb, r);
  escale_test_wait_until (result_done, r, 30000);
}

static EscaleDocument *
two_page_document (void)
{
  EscaleDocument *document = escale_document_new ("Demande de transport");

  escale_document_add_field (document, "Commune", "Sarlat-la-Canéda");
  escale_document_add_page_break (document);
  escale_document_add_paragraph (document, "Le marqueur de la deuxième page.");
  return document;
}

static char *
run_output (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static char *
pdf_text (const char *path)
{
  return run_output ((const char *const[]){ "pdftotext", "-layout", path, "-", NULL });
}

static guint
pdf_pages (const char *path)
{
  g_autofree char *info = run_output ((const char *const[]){ "pdfinfo", path, NULL });
  const char *pages = strstr (info, "Pages:");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

static void
lab_ensure_started (void)
{
  if (!print_lab_is_running (lab))
    print_lab_start (lab);
}

/* Both pages come out of the configured printer, with the words on them;
 * the pages left for the visit go down by two. */
static void
test_print (void)
{
  g_autoptr(EscaleDocumentOutput)
               output = escale_document_output_new (NULL, "Formulaires", TRUE, 3);
  g_autoptr(EscaleDocument) document = two_page_document ();
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  Result r = { 0 };

  lab_ensure_started ();
  print_lab_add_queue (lab, "Formulaires");
  g_assert_cmpuint (escale_document_output_get_pages_left (output), ==, 3);
  print_document (output, document, &r);
  g_assert_no_error (r.error);
  g_assert_true (r.ok);
  g_assert_cmpuint (r.pages, ==, 2);
  g_assert_cmpuint (escale_document_output_get_pages_left (output), ==, 1);

  pdf = print_lab_wait_for_pdf (lab, "Formulaires");
  g_assert_cmpuint (pdf_pages (pdf), ==, 2);
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "Demande de transport"));
  g_assert_nonnull (strstr (text, "Sarlat-la-Canéda"));
  g_assert_nonnull (strstr (text, "Le marqueur de la deuxième page."));
  g_unlink (pdf);

  /* One page left: two more are refused before anything is sent. */
  result_clear (&r);
  print_document (output, document, &r);
  g_assert_error (r.error, ESCALE_DOCUMENT_OUTPUT_ERROR, ESCALE_DOCUMENT_OUTPUT_ERROR_LIMIT);
  g_assert_cmpuint (escale_document_output_get_pages_left (output), ==, 1);
  escale_test_spin (500);
  g_assert_cmpuint (print_lab_count_pdfs (lab, "Formulaires"), ==, 0);
  print_lab_remove_queue (lab, "Formulaires");
  result_clear (&r);
  g_assert_finalize_object (g_steal_pointer (&document));
  g_assert_finalize_object (g_steal_pointer (&output));
}

/* print=false: nothing is sent, and the person is told to use the stick. */
static void
test_print_not_allowed (void)
{
  g_autoptr(EscaleDocumentOutput) output = escale_document_output_new (NULL, NULL, FALSE, 10);
  g_autoptr(EscaleDocument) document = two_page_document ();
  Result r = { 0 };

  print_document (output, document, &r);
  g_assert_error (r.error, ESCALE_DOCUMENT_OUTPUT_ERROR, ESCALE_DOCUMENT_OUTPUT_ERROR_NOT_ALLOWED);
  g_assert_nonnull (strstr (r.error->message, "clé USB"));
  g_assert_cmpuint (escale_document_output_get_pages_left (output), ==, 0);
  result_clear (&r);
}

static gboolean
has_stick (gpointer data)
{
  return escale_document_output_get_has_stick (data);
}

/* No stick: a calm sentence says to plug it in. */
static void
test_no_stick (void)
{
  g_autoptr(EscaleDocumentOutput) output = escale_document_output_new (NULL, NULL, TRUE, 10);
  g_autoptr(EscaleDocument) document = two_page_document ();
  Result r = { 0 };

  g_assert_false (escale_document_output_get_has_stick (output));
  save_document (output, document, &r);
  g_assert_error (r.error, ESCALE_DOCUMENT_OUTPUT_ERROR, ESCALE_DOCUMENT_OUTPUT_ERROR_NO_STICK);
  g_assert_nonnull (strstr (r.error->message, "Branchez votre clé USB"));
  result_clear (&r);
}

/* The PDF lands at the top of the stick under the document's title, and a
 * second one never replaces the first. */
static void
test_save_to_stick (void)
{
  g_autoptr(PhotoTestMedium) medium = NULL;
  g_autoptr(EscaleDocumentOutput) output = NULL;
  g_autoptr(EscaleDocument) document = two_page_document ();
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *text = NULL;
  Result r = { 0 };

  if (!photo_test_medium_need_root ())
    return;
  medium = photo_test_medium_new ();
  photo_test_medium_mount_ext2_read_write (medium);
  output = escale_document_output_new (NULL, NULL, TRUE, 10);
  escale_test_wait_until (has_stick, output, 10000);

  save_document (output, document, &r);
  g_assert_no_error (r.error);
  g_assert_cmpstr (r.name, ==, "Demande de transport.pdf");
  first = g_build_filename (medium->mount, r.name, NULL);
  g_assert_cmpuint (pdf_pages (first), ==, 2);
  text = pdf_text (first);
  g_assert_nonnull (strstr (text, "Le marqueur de la deuxième page."));

  result_clear (&r);
  save_document (output, document, &r);
  g_assert_no_error (r.error);
  g_assert_cmpstr (r.name, ==, "Demande de transport (2).pdf");
  second = g_build_filename (medium->mount, r.name, NULL);
  g_assert_true (g_file_test (first, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (second, G_FILE_TEST_IS_REGULAR));
  result_clear (&r);
  assert_finalized_soon (g_steal_pointer (&output));
}

/* A full stick: a calm message, no half-written file left on it, and the
 * document is still there to print. */
static void
test_full_stick (void)
{
  g_autoptr(PhotoTestMedium) medium = NULL;
  g_autoptr(EscaleDocumentOutput) output = NULL;
  g_autoptr(EscaleDocument) document = escale_document_new ("Lettre de résiliation");
  g_autofree char *filler = NULL;
  g_autofree char *of = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GBytes) pdf = NULL;
  Result r = { 0 };
  guint n = 0;

  if (!photo_test_medium_need_root ())
    return;
  medium = photo_test_medium_new ();
  photo_test_medium_mount_ext2_read_write (medium);
  filler = g_build_filename (medium->mount, "vacances.mp4", NULL);
  of = g_strconcat ("of=", filler, NULL);
  /* dd stops at "No space left on device", which is what is wanted. */
  g_spawn_sync (NULL, (char *[]){ "dd", "if=/dev/zero", (char *) of, "bs=64k", NULL }, NULL,
                G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, NULL, NULL);
  /* The last blocks, one by one. */
  g_spawn_sync (NULL,
                (char *[]){ "dd", "if=/dev/zero", (char *) of, "bs=1k", "oflag=append",
                            "conv=notrunc", NULL },
                NULL,
                G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, NULL, NULL);
  for (guint i = 0; i < 40; i++)
    escale_document_add_paragraph (document,
                                   "Je vous prie de bien vouloir résilier mon "
                                   "abonnement à compter de la réception de ce courrier.");
  output = escale_document_output_new (NULL, NULL, TRUE, 10);
  escale_test_wait_until (has_stick, output, 10000);

  save_document (output, document, &r);
  g_assert_error (r.error, ESCALE_DOCUMENT_OUTPUT_ERROR, ESCALE_DOCUMENT_OUTPUT_ERROR_STICK_FULL);
  g_assert_nonnull (strstr (r.error->message, "pleine"));
  dir = g_dir_open (medium->mount, 0, NULL);
  for (const char *name = g_dir_read_name (dir); name != NULL; name = g_dir_read_name (dir))
    if (g_strcmp0 (name, "lost+found") != 0)
      {
        g_assert_cmpstr (name, ==, "vacances.mp4");
        n++;
      }
  g_assert_cmpuint (n, ==, 1);
  /* Nothing lost: the document is whole. */
  pdf = escale_document_to_pdf (document, NULL);
  g_assert_nonnull (pdf);
  result_clear (&r);
  assert_finalized_soon (g_steal_pointer (&output));
}

typedef struct
{
  int printed; /* -1: no "done" yet */
} Done;

static void
done_cb (EscaleDocumentOutputChooser *chooser, gboolean printed, Done *done)
{
  done->printed = printed;
}

static gboolean
chooser_idle (gpointer data)
{
  return !escale_document_output_chooser_get_busy (data);
}

/* The chooser as a person uses it: "Imprimer", and what happened is said;
 * "Enregistrer sur ma clé USB" without a stick says to plug it in. */
static void
test_chooser (void)
{
  g_autoptr(EscaleDocumentOutput) output = escale_document_output_new (NULL, "Guichet", TRUE, 5);
  g_autoptr(EscaleDocument) document = two_page_document ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *chooser = escale_document_output_chooser_new (output, document);
  EscaleDocumentOutputChooser *c = ESCALE_DOCUMENT_OUTPUT_CHOOSER (chooser);
  g_autofree char *pdf = NULL;
  Done done = { -1 };

  lab_ensure_started ();
  print_lab_add_queue (lab, "Guichet");
  g_signal_connect (chooser, "done", G_CALLBACK (done_cb), &done);
  gtk_window_set_child (GTK_WINDOW (window), chooser);
  gtk_window_present (GTK_WINDOW (window));

  g_signal_emit_by_name (escale_document_output_chooser_get_print_button (c), "clicked");
  g_assert_true (escale_document_output_chooser_get_busy (c));
  g_assert_cmpstr (escale_document_output_chooser_get_status (c), ==,
                   "2 pages vont sortir de l'imprimante…");
  escale_test_wait_until (chooser_idle, c, 30000);
  g_assert_cmpint (done.printed, ==, TRUE);
  g_assert_cmpstr (escale_document_output_chooser_get_status (c), ==,
                   "C'est imprimé. Prenez vos feuilles dans l'imprimante.");
  pdf = print_lab_wait_for_pdf (lab, "Guichet");
  g_unlink (pdf);

  done.printed = -1;
  g_signal_emit_by_name (escale_document_output_chooser_get_save_button (c), "clicked");
  escale_test_wait_until (chooser_idle, c, 30000);
  g_assert_cmpint (done.printed, ==, -1);
  g_assert_true (
    g_str_has_prefix (escale_document_output_chooser_get_status (c), "Branchez votre clé USB"));
  print_lab_remove_queue (lab, "Guichet");

  g_object_ref (chooser);
  gtk_window_destroy (GTK_WINDOW (window));
  escale_test_drain ();
  g_assert_finalize_object (chooser);
  g_assert_finalize_object (g_steal_pointer (&output));
}

static void
skip_not_root (void)
{
  g_test_skip ("not root: these tests run their own cupsd and mount a stick");
}

int
main (int argc, char **argv)
{
  g_autoptr(PrintLab) owned_lab = NULL;

  /* Before GTK: its CUPS backend and the CUPS tools find the lab here. */
  g_log_set_writer_func (print_lab_log_writer_cb, NULL, NULL);
  owned_lab = lab = print_lab_new ();
  g_setenv ("CUPS_SERVER", print_lab_get_socket (lab), TRUE);
  /* GIO's own volume monitor, which sees mounts under /media. */
  g_setenv ("GIO_USE_VOLUME_MONITOR", "unix", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/escale/document-output/print-not-allowed", test_print_not_allowed);
  if (getuid () != 0)
    {
      g_test_add_func ("/escale/document-output/needs-root", skip_not_root);
      return g_test_run ();
    }
  g_test_add_func ("/escale/document-output/no-stick", test_no_stick);
  g_test_add_func ("/escale/document-output/print", test_print);
  g_test_add_func ("/escale/document-output/save-to-stick", test_save_to_stick);
  g_test_add_func ("/escale/document-output/full-stick", test_full_stick);
  g_test_add_func ("/escale/document-output/chooser", test_chooser);
  return g_test_run ();
}
