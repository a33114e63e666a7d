/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-stats"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "escale-stats-export.h"

/* The workbook for La Coop de la médiation numérique: a sheet of the
 * collective activities (workshops), a sheet of the individual figures per
 * day, and the period's figures. Column names are La Coop's where they
 * apply (Date, Type, Participants, Durée (min), Matériel numérique utilisé,
 * Thématique(s) d'accompagnement, Niveau d'autonomie (ou de l'atelier),
 * Tranche d'âge du bénéficiaire); a per-day row holds several visits, so
 * the autonomy levels and age brackets are one column each, with La Coop's
 * name and the level's. */

typedef struct
{
  lxw_workbook *book;
  lxw_format *bold;
  lxw_format *date;
  lxw_format *wrap;
} Book;

static void
header (Book *book, lxw_worksheet *sheet, const char *const *names, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      worksheet_write_string (sheet, 0, i, names[i], book->bold);
      /* Long names wrap in their bold cell rather than widen the sheet. */
      worksheet_set_column (sheet, i, i,
                            i == 0   ? 12
                            : i == 1 ? 24
                                     : CLAMP (g_utf8_strlen (names[i], -1), 12, 20),
                            NULL);
    }
  worksheet_set_row (sheet, 0, 48, NULL);
  worksheet_freeze_panes (sheet, 1, 0);
  /* Printed (or made a PDF for a file): landscape, one page wide. */
  worksheet_set_landscape (sheet);
  worksheet_set_paper (sheet, 9); /* A4 */
  worksheet_fit_to_pages (sheet, 1, 0);
  worksheet_repeat_rows (sheet, 0, 0);
}

static void
write_date (Book *book, lxw_worksheet *sheet, guint row, const char *day)
{
  lxw_datetime date = { 0 };

  if (sscanf (day, "%4d-%2d-%2d", &date.year, &date.month, &date.day) == 3)
    worksheet_write_datetime (sheet, row, 0, &date, book->date);
  else
    worksheet_write_string (sheet, row, 0, day, NULL);
}

/* La Coop's label of a workshop level. */
static const char *
level_label (const char *level)
{
  if (g_strcmp0 (level, "debutant") == 0)
    return _ ("Débutant");
  if (g_strcmp0 (level, "intermediaire") == 0)
    return _ ("Intermédiaire");
  if (g_strcmp0 (level, "avance") == 0)
    return _ ("Avancé");
  return level;
}

static void
add_workshops (Book *book, EscaleStatsReport *report)
{
  lxw_worksheet *sheet = workbook_add_worksheet (book->book, _ ("Ateliers collectifs"));
  const char *const names[] = {
    _ ("Date"),
    _ ("Type"),
    _ ("Participants"),
    _ ("Durée (min)"),
    _ ("Matériel numérique utilisé"),
    _ ("Thématique(s) d'accompagnement"),
    _ ("Niveau d'autonomie (ou de l'atelier)"),
    _ ("Heure de début"),
  };
  GPtrArray *workshops = escale_stats_report_get_workshops (report);

  header (book, sheet, names, G_N_ELEMENTS (names));
  worksheet_set_column (sheet, 5, 5, 32, NULL);
  for (guint i = 0; i < workshops->len; i++)
    {
      EscaleStatsWorkshop *w = workshops->pdata[i];
      g_autofree char *hour = g_strdup_printf ("%d h", w->start_hour);

      write_date (book, sheet, i + 1, w->day);
      worksheet_write_string (sheet, i + 1, 1, C_ ("La Coop type", "Atelier collectif"), NULL);
      worksheet_write_number (sheet, i + 1, 2, w->participants, NULL);
      worksheet_write_number (sheet, i + 1, 3, w->duration_min, NULL);
      worksheet_write_string (sheet, i + 1, 4, _ ("Ordinateur"), NULL);
      worksheet_write_string (sheet, i + 1, 5, escale_coop_theme_label (w->theme), NULL);
      worksheet_write_string (sheet, i + 1, 6, level_label (w->level), NULL);
      worksheet_write_string (sheet, i + 1, 7, hour, NULL);
    }
}

/* Per day: visits, minutes, themes (each visit once per theme), help,
 * La Coop's three levels and the age brackets. */
static const char per_day_sql[] =
  "SELECT d.day, d.sessions, d.minutes,"
  " (SELECT group_concat (t.theme || ' (' || t.sessions || ')', ', ') FROM"
  "  (SELECT theme, sessions FROM day_theme_totals WHERE day = d.day AND theme <> ''"
  "   ORDER BY sessions DESC, theme) t),"
  " d.help_asked, d.help_given, d.autonomous,"
  " d.sessions - d.autonomous - d.in_workshop, d.in_workshop,"
  " d.age_18_24, d.age_25_39, d.age_40_59, d.age_60_69, d.age_70_plus, d.age_declined"
  " FROM day_totals d WHERE d.day BETWEEN ?1 AND ?2 ORDER BY d.day";

static gboolean
add_days (Book *book, EscaleStatsStore *store, EscaleStatsReport *report, GError **error)
{
  lxw_worksheet *sheet = workbook_add_worksheet (book->book, _ ("Individuel par jour"));
  g_autoptr(EscaleSqliteStatement) stmt = escale_stats_store_prepare (store, per_day_sql, error);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint row = 1;

  if (stmt == NULL)
    return FALSE;
  g_ptr_array_add (names, g_strdup (_ ("Date")));
  g_ptr_array_add (names, g_strdup (_ ("Type")));
  g_ptr_array_add (names, g_strdup (_ ("Participants")));
  g_ptr_array_add (names, g_strdup (_ ("Durée (min)")));
  g_ptr_array_add (names, g_strdup (_ ("Matériel numérique utilisé")));
  g_ptr_array_add (names, g_strdup (_ ("Thématique(s) d'accompagnement")));
  g_ptr_array_add (names, g_strdup (_ ("Aide demandée")));
  g_ptr_array_add (names, g_strdup (_ ("Aide reçue")));
  for (guint i = 0; i < ESCALE_N_AUTONOMY; i++)
    /* TRANSLATORS: La Coop's column, then one of its levels. */
    g_ptr_array_add (names, g_strdup_printf (_ ("Niveau d'autonomie : %s"),
                                             escale_stats_autonomy_label (i)));
  for (guint i = ESCALE_AGE_18_24; i < ESCALE_N_AGE_BRACKETS; i++)
    g_ptr_array_add (names, g_strdup_printf (_ ("Tranche d'âge du bénéficiaire : %s"),
                                             escale_stats_age_label (i)));
  header (book, sheet, (const char *const *) names->pdata, names->len);
  worksheet_set_column (sheet, 5, 5, 48, book->wrap);

  escale_sqlite_statement_bind_text (stmt, 1, escale_stats_report_get_from (report));
  escale_sqlite_statement_bind_text (stmt, 2, escale_stats_report_get_to (report));
  while (escale_sqlite_statement_step (stmt, &local_error))
    {
      const char *themes = escale_sqlite_statement_get_text (stmt, 3);

      write_date (book, sheet, row, escale_sqlite_statement_get_text (stmt, 0));
      worksheet_write_string (sheet, row, 1, _ ("Accompagnement individuel"), NULL);
      worksheet_write_number (sheet, row, 2, escale_sqlite_statement_get_int64 (stmt, 1), NULL);
      worksheet_write_number (sheet, row, 3, escale_sqlite_statement_get_int64 (stmt, 2), NULL);
      worksheet_write_string (sheet, row, 4, _ ("Ordinateur"), NULL);
      worksheet_write_string (sheet, row, 5, themes ? themes : "", book->wrap);
      for (guint c = 4; c < 15; c++)
        worksheet_write_number (sheet, row, c + 2, escale_sqlite_statement_get_int64 (stmt, c),
                                NULL);
      row++;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  lxw_worksheet *sheet;
  guint row;
} SummarySheet;

/* A figure: a number when it is one ("17,1" too), else the text. */
static void
summary_row_cb (const char *section, const char *label, const char *value, gpointer data)
{
  SummarySheet *summary = data;
  g_autofree char *dotted = g_strdelimit (g_strdup (value), ",", '.');
  char *end = NULL;
  double number = g_ascii_strtod (dotted, &end);

  worksheet_write_string (summary->sheet, summary->row, 0, section, NULL);
  worksheet_write_string (summary->sheet, summary->row, 1, label, NULL);
  if (*dotted != '\0' && end != NULL && *end == '\0')
    worksheet_write_number (summary->sheet, summary->row, 2, number, NULL);
  else
    worksheet_write_string (summary->sheet, summary->row, 2, value, NULL);
  summary->row++;
}

static void
add_summary (Book *book, EscaleStatsReport *report)
{
  SummarySheet summary = { workbook_add_worksheet (book->book, _ ("Synthèse")), 1 };
  const char *const names[] = { _ ("Rubrique"), _ ("Indicateur"), _ ("Valeur") };

  header (book, summary.sheet, names, G_N_ELEMENTS (names));
  worksheet_set_column (summary.sheet, 0, 1, 36, NULL);
  escale_stats_summary_foreach (report, summary_row_cb, &summary);
}

/* Writes the workbook of @report's period (read through @store) to @path,
 * through a temporary file beside it, renamed at the end: a failed export
 * never leaves half a file, and libxlsxwriter's own temporary files go
 * there too, not elsewhere on the PC. */
gboolean
escale_stats_export_xlsx (EscaleStatsStore *store, EscaleStatsReport *report, const char *path,
                          GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *tmp = g_strconcat (path, ".partial", NULL);
  lxw_workbook_options options = { .constant_memory = LXW_FALSE, .tmpdir = dir };
  Book book = { workbook_new_opt (tmp, &options), NULL, NULL, NULL };
  lxw_error rc;
  gboolean ok;

  if (book.book == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _ ("Le classeur %s ne peut être créé"),
                   path);
      return FALSE;
    }
  book.bold = workbook_add_format (book.book);
  format_set_bold (book.bold);
  format_set_text_wrap (book.bold);
  book.date = workbook_add_format (book.book);
  format_set_num_format (book.date, "dd/mm/yyyy");
  book.wrap = workbook_add_format (book.book);
  format_set_text_wrap (book.wrap);

  add_workshops (&book, report);
  ok = add_days (&book, store, report, error);
  add_summary (&book, report);
  rc = workbook_close (book.book);
  if (ok && rc != LXW_NO_ERROR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _ ("Le classeur %s n'a pu être écrit : %s"), path, lxw_strerror (rc));
      ok = FALSE;
    }
  if (ok && g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _ ("Le classeur %s n'a pu être écrit : %s"), path, g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (tmp);
  return ok;
}
