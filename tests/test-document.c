/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>

#include "escale-document.h"

/* An A4 document made in memory, read back as a person's PDF reader would:
 * pdftotext and pdfinfo (poppler-utils) say what is on which page. */

typedef struct
{
  char *dir;
  char *pdf;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  f->dir = g_dir_make_tmp ("escale-document-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->pdf = g_build_filename (f->dir, "document.pdf", NULL);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_unlink (f->pdf);
  g_rmdir (f->dir);
  g_free (f->pdf);
  g_free (f->dir);
}

static void
write_pdf (Fixture *f, EscaleDocument *document)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = escale_document_to_pdf (document, &error);

  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  g_assert_true (
    g_file_set_contents (f->pdf, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL));
}

static char *
run (const char *const *argv)
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

/* The text of page @page (0: every page), its layout kept. */
static char *
page_text (Fixture *f, int page)
{
  g_autofree char *first = g_strdup_printf ("%d", page);
  const char *all[] = { "pdftotext", "-layout", f->pdf, "-", NULL };
  const char *one[] = { "pdftotext", "-layout", "-f", first, "-l", first, f->pdf, "-", NULL };

  return run (page == 0 ? all : one);
}

static char *
pdf_info (Fixture *f, const char *key)
{
  const char *argv[] = { "pdfinfo", f->pdf, NULL };
  g_autofree char *out = run (argv);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], key) && lines[i][strlen (key)] == ':')
      return g_strstrip (g_strdup (lines[i] + strlen (key) + 1));
  g_assert_not_reached ();
}

/* Every kind of block shows, a field's label and value on one line, A4. */
static void
test_blocks (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleDocument) document = escale_document_new ("Attestation sur l'honneur");
  g_autofree char *text = NULL;
  g_autofree char *pages = NULL;
  g_autofree char *size = NULL;
  g_autofree char *title = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean field_line = FALSE;

  escale_document_add_heading (document, "Ce que j'atteste");
  escale_document_add_paragraph (document, "J'atteste sur l'honneur habiter à Sarlat.");
  escale_document_add_check_item (document, "Justificatif de domicile de moins de trois mois");
  escale_document_add_field (document, "Nom", "Dupont");
  escale_document_add_field (document, "Signature", NULL);
  write_pdf (f, document);

  text = page_text (f, 0);
  g_assert_nonnull (strstr (text, "Attestation sur l'honneur"));
  g_assert_nonnull (strstr (text, "Ce que j'atteste"));
  g_assert_nonnull (strstr (text, "J'atteste sur l'honneur habiter à Sarlat."));
  g_assert_nonnull (strstr (text, "Justificatif de domicile de moins de trois mois"));
  g_assert_nonnull (strstr (text, "Signature"));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], "Nom") != NULL && strstr (lines[i], "Dupont") != NULL)
      field_line = TRUE;
  g_assert_true (field_line);
  /* Nothing of its own: no date, no page number on a single page. */
  g_assert_null (strpbrk (text, "0123456789"));

  pages = pdf_info (f, "Pages");
  g_assert_cmpstr (pages, ==, "1");
  size = pdf_info (f, "Page size");
  g_assert_true (g_str_has_prefix (size, "595.276 x 841.89 pts (A4)"));
  title = pdf_info (f, "Title");
  g_assert_cmpstr (title, ==, "Attestation sur l'honneur");
  g_assert_cmpuint (escale_document_count_pages (document), ==, 1);
}

/* A page break starts a new page; the pages say "page N sur M". */
static void
test_page_break (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleDocument) document = escale_document_new ("Deux pages");
  g_autofree char *one = NULL;
  g_autofree char *two = NULL;

  escale_document_add_paragraph (document, "Sur la première page.");
  escale_document_add_page_break (document);
  escale_document_add_paragraph (document, "Sur la deuxième page.");
  write_pdf (f, document);

  g_assert_cmpuint (escale_document_count_pages (document), ==, 2);
  one = page_text (f, 1);
  two = page_text (f, 2);
  g_assert_nonnull (strstr (one, "Sur la première page."));
  g_assert_null (strstr (one, "deuxième"));
  g_assert_nonnull (strstr (one, "page 1 sur 2"));
  g_assert_nonnull (strstr (two, "Sur la deuxième page."));
  g_assert_nonnull (strstr (two, "page 2 sur 2"));
}

/* A paragraph longer than a page goes on over the next ones, nothing lost
 * at the bottom of a page; what the pages count is what the PDF has. */
static void
test_long_paragraph (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleDocument) document = escale_document_new ("Long");
  g_autoptr(GString) words = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_autofree char *pages = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *flat = NULL;
  g_auto(GStrv) pieces = NULL;

  for (guint i = 0; i < 900; i++)
    g_string_append_printf (words, "mot%u ", i);
  escale_document_add_paragraph (document, words->str);
  write_pdf (f, document);

  pages = pdf_info (f, "Pages");
  expected = g_strdup_printf ("%u", escale_document_count_pages (document));
  g_assert_cmpuint (escale_document_count_pages (document), >=, 2);
  g_assert_cmpstr (pages, ==, expected);
  text = page_text (f, 0);
  pieces = g_strsplit_set (text, " \n\f", -1);
  flat = g_strjoinv (" ", pieces);
  for (guint i = 0; i < 900; i += 1)
    {
      g_autofree char *word = g_strdup_printf (" mot%u ", i);

      g_assert_nonnull (strstr (flat, word));
    }
}

static EscaleDocument *
heading_document (guint items, guint lines)
{
  EscaleDocument *document = escale_document_new ("Liste");
  g_autoptr(GString) text = g_string_new ("Ligne");

  for (guint i = 1; i < lines; i++)
    g_string_append (text, "\nLigne");
  for (guint i = 0; i < items; i++)
    escale_document_add_check_item (document, "Une chose à apporter");
  escale_document_add_paragraph (document, text->str);
  escale_document_add_heading (document, "Les pièges à éviter");
  escale_document_add_paragraph (document, "Ne payez jamais un site en .com.");
  return document;
}

/* A heading never ends a page: wherever the page is full (items and lines
 * of different heights move the end of the page by a few points at a
 * time), it goes on the page of the text under it. */
static void
test_heading_kept_with_text (Fixture *f, gconstpointer data)
{
  for (guint items = 0; items < 4; items++)
    {
      guint lines = 1;

      /* The lines that push the heading to the second page. */
      while (TRUE)
        {
          g_autoptr(EscaleDocument) probe = heading_document (items, lines);

          if (escale_document_count_pages (probe) > 1)
            break;
          lines++;
        }
      for (guint l = lines - 5; l <= lines + 2; l++)
        {
          g_autoptr(EscaleDocument) document = heading_document (items, l);
          g_autofree char *one = NULL;
          g_autofree char *two = NULL;

          write_pdf (f, document);
          one = page_text (f, 1);
          if (strstr (one, "Les pièges à éviter") != NULL)
            g_assert_nonnull (strstr (one, "Ne payez jamais"));
          else
            {
              two = page_text (f, 2);
              g_assert_nonnull (strstr (two, "Les pièges à éviter"));
              g_assert_nonnull (strstr (two, "Ne payez jamais"));
            }
        }
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/escale/document/blocks", Fixture, NULL, setup, test_blocks, teardown);
  g_test_add ("/escale/document/page-break", Fixture, NULL, setup, test_page_break, teardown);
  g_test_add ("/escale/document/long-paragraph", Fixture, NULL, setup, test_long_paragraph,
              teardown);
  g_test_add ("/escale/document/heading-kept-with-text", Fixture, NULL, setup,
              test_heading_kept_with_text, teardown);
  return g_test_run ();
}
