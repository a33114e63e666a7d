/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "escale-stats-pdf.h"
#include "stats-figures-dataset.h"
#include "stats-test-util.h"

/* The one-page PDF report for a funder's file, read back as a person's
 * tools read it: pdftotext finds every key figure of the known month
 * (plain SQL on the rows, as the dashboard's tiles are checked), the
 * charts' groups, the definitions; pdfinfo says one A4 page. */

#define CENTRE "Centre social de la Dronne"

/* The output of @argv, or NULL if it failed. */
static char *
run (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* @text with every run of spaces, newlines and no-break spaces as one space. */
static char *
flatten (const char *text)
{
  g_autoptr(GRegex) spaces = g_regex_new ("(\\s|\u00a0|\u202f)+", 0, 0, NULL);

  return g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);
}

static void
assert_contains (const char *text, const char *part)
{
  g_autofree char *flat = flatten (part);

  if (strstr (text, flat) == NULL)
    g_error ("the report's text lacks « %s »:\n%s", flat, text);
}

/* The report of March 2026 in @f->dir; returns its path. */
static char *
write_march (Fixture *f)
{
  g_autoptr(EscaleStatsStore) store = open_new_store (f->path);
  g_autoptr(EscaleStatsReport) report = NULL;
  g_autoptr(GError) error = NULL;
  char *pdf = g_build_filename (f->dir, "rapport.pdf", NULL);

  fill_figures_dataset (store, f->dir);
  report = escale_stats_report_new (store, "2026-03-01", "2026-03-31", &error);
  g_assert_no_error (error);
  g_assert_true (escale_stats_pdf_write (report, CENTRE, pdf, &error));
  g_assert_no_error (error);
  /* ESCALE_KEEP_REPORT=FILE.pdf keeps a copy, to look at (docs/screenshots/). */
  if (g_getenv ("ESCALE_KEEP_REPORT") != NULL)
    g_assert_true (escale_stats_pdf_write (report, CENTRE, g_getenv ("ESCALE_KEEP_REPORT"), NULL));
  return pdf;
}

static const char theme_sql[] = "SELECT count (DISTINCT a.session_id) FROM session_activities a"
                                " JOIN sessions s ON s.id = a.session_id WHERE" PERIOD
                                "AND a.theme = ?1";
static const char *const themes[] = {
  "Échanger avec ses proches",
  "Culture numérique",
  "Aide aux démarches administratives",
};

static void
test_figures_are_plain_sql (Fixture *f, gconstpointer data)
{
  g_autofree char *pdf = write_march (f);
  const char *argv[] = { "pdftotext", "-raw", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *raw = run (argv);
  g_autofree char *text = flatten (raw);
  const char *term, *definition;

  assert_contains (text, CENTRE);
  assert_contains (text, "Rapport d'activité du 1er mars 2026 au 31 mars 2026");
  /* Each key figure: its value, name and detail, read together. */
  for (guint i = 0; i < N_KEY_FIGURES; i++)
    {
      g_autofree char *value = sql_text (f->path, key_figures_sql[i][1], NULL);
      g_autofree char *detail =
        key_figures_sql[i][2] ? sql_text (f->path, key_figures_sql[i][2], NULL) : g_strdup ("");
      g_autofree char *figure = g_strdup_printf ("%s %s %s", value, key_figures_sql[i][0], detail);

      assert_contains (text, g_strstrip (figure));
    }
  /* The charts: each theme with its distinct visits, activities by title. */
  for (guint i = 0; i < G_N_ELEMENTS (themes); i++)
    {
      g_autofree char *visits = sql_text (f->path, theme_sql, themes[i]);
      g_autofree char *bar = g_strdup_printf ("%s %s", themes[i], visits);

      assert_contains (text, bar);
    }
  assert_contains (text, "Appel vidéo (Échanger avec ses proches) 4");
  assert_contains (text, "Logement 2");
  assert_contains (text, "Plus de 2 h 1");
  /* The definitions, whole. */
  for (guint i = 0; escale_stats_pdf_definition (i, &term, &definition); i++)
    {
      g_autofree char *both = g_strdup_printf ("%s : %s", term, definition);

      assert_contains (text, both);
    }
}

static void
test_one_a4_page (Fixture *f, gconstpointer data)
{
  g_autofree char *pdf = write_march (f);
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *info = run (argv);

  g_assert_nonnull (strstr (info, "Title:           " CENTRE "\n"));
  g_assert_nonnull (strstr (info, "Pages:           1\n"));
  g_assert_nonnull (strstr (info, "Page size:       595.276 x 841.89 pts (A4)"));
}

static void
test_french_formats (void)
{
  const struct
  {
    guint64 n;
    const char *text;
  } numbers[] = {
    { 0, "0" },
    { 999, "999" },
    { 1234, "1\u00a0234" },
    { 1234567, "1\u00a0234\u00a0567" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autofree char *text = escale_stats_format_number (numbers[i].n);

      g_assert_cmpstr (text, ==, numbers[i].text);
    }
  {
    g_autofree char *school = escale_stats_format_period ("2026-09-01", "2027-08-31");
    g_autofree char *march = escale_stats_format_period ("2026-03-02", "2026-03-31");

    g_assert_cmpstr (school, ==, "du 1er septembre 2026 au 31 août 2027");
    g_assert_cmpstr (march, ==, "du 2 mars 2026 au 31 mars 2026");
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/escale/stats-pdf/figures-are-plain-sql", Fixture, NULL, setup,
              test_figures_are_plain_sql, teardown);
  g_test_add ("/escale/stats-pdf/one-a4-page", Fixture, NULL, setup, test_one_a4_page, teardown);
  g_test_add_func ("/escale/stats-pdf/french-formats", test_french_formats);
  return g_test_run ();
}
