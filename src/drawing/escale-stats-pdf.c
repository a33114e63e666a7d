/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-stats"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "escale-report-charts.h"
#include "escale-stats-export.h"
#include "escale-stats-pdf.h"

/* One A4 page, in points: a heading (the centre, the period), the key
 * figures of the dashboard's tiles (escale_stats_key_figures), its charts
 * drawn by the same code (EscaleChartDrawing, scaled down to fit), and the
 * README's definitions, shortened, in a footnote. Written in memory, then
 * into its file in one go (escale_stats_export_write). */

#define PAGE_W 595.276
#define PAGE_H 841.89
#define MARGIN 36.0
#define GAP 8.0
#define INK 0.10, 0.10, 0.10
#define BLUE 0.043, 0.239, 0.569

/* The README's definitions ("Ce que veulent dire les chiffres"), short. */
static const char *const definitions[][2] = {
  { N_ ("Visite"), N_ ("du premier toucher de l'écran d'accueil à « J'ai fini », à une remise à "
                       "zéro par l'équipe ou à la fin du compte à rebours.") },
  { N_ ("Durée"), N_ ("en minutes entières, jusqu'au dernier toucher : le délai d'inactivité et "
                      "le compte à rebours ne comptent pas. Heures d'utilisation : la somme des "
                      "durées ; durée médiane : celle du milieu.") },
  { N_ ("Thématique, activité, catégorie"),
    N_ ("une visite compte une seule fois dans chacune, quoi qu'elle y ait fait.") },
  { N_ ("Aide demandée"), N_ ("visites où « Appeler un aidant » a été touché ; aide reçue : un "
                              "aidant a répondu « J'arrive », ou la visite était d'un atelier.") },
  { N_ ("Autonomie (niveaux de La Coop)"),
    N_ ("entièrement accompagnée : pendant un atelier ; partiellement autonome : aide demandée "
        "ou reçue hors atelier ; autonome : ni l'un ni l'autre.") },
  { N_ ("Ateliers collectifs"), N_ ("un par atelier, même sur plusieurs postes ; participations : "
                                    "les visites pendant les ateliers.") },
  { N_ ("Ont trouvé ce qu'ils cherchaient"),
    N_ ("réponses facultatives à la question posée en partant.") },
  { N_ ("Anciens mois"), N_ ("après 13 mois, les visites ne restent qu'en totaux mensuels : "
                             "elles ne comptent plus dans la médiane, les durées, les jours, les "
                             "heures ni les réponses. Rien de ce qu'une personne a tapé ou "
                             "regardé n'est enregistré.") },
};

/* The definition @i (translated), FALSE past the last. */
gboolean
escale_stats_pdf_definition (guint i, const char **term, const char **text)
{
  if (i >= G_N_ELEMENTS (definitions))
    return FALSE;
  *term = _ (definitions[i][0]);
  *text = _ (definitions[i][1]);
  return TRUE;
}

/* Lays out @markup at @size points, @width wide (wrapped at words). */
static PangoLayout *
layout_new (PangoContext *context, const char *markup, double size, gboolean bold, double width)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

/* Writes @text at (@x, @y); returns its height. */
static double
show_text (cairo_t *cr, PangoContext *context, const char *text, double x, double y, double size,
           gboolean bold, double width)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  g_autoptr(PangoLayout) layout = layout_new (context, escaped, size, bold, width);

  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  return layout_height (layout);
}

/* The centre and the period; returns where the next part starts. */
static double
draw_heading (cairo_t *cr, PangoContext *context, EscaleStatsReport *report, const char *centre)
{
  g_autofree char *period = escale_stats_format_period (escale_stats_report_get_from (report),
                                                        escale_stats_report_get_to (report));
  /* TRANSLATORS: then "du 1er septembre 2026 au 31 août 2027" */
  g_autofree char *title = g_strdup_printf (_ ("Rapport d'activité %s"), period);
  double y = MARGIN;

  cairo_set_source_rgb (cr, BLUE);
  y += show_text (cr, context, centre, MARGIN, y, 18, TRUE, PAGE_W - 2 * MARGIN);
  cairo_set_source_rgb (cr, INK);
  y += show_text (cr, context, title, MARGIN, y + 2, 12, FALSE, PAGE_W - 2 * MARGIN);
  return y + 2 + 12;
}

/* The key figures in four columns of framed boxes: value, label,
 * detail, in that order in the page (so text tools read them together). */
static double
draw_figures (cairo_t *cr, PangoContext *context, EscaleStatsReport *report, double top)
{
  g_autoptr(GPtrArray) figures = escale_stats_key_figures (report);
  double col_w = (PAGE_W - 2 * MARGIN - 3 * GAP) / 4;
  double y = top;

  for (guint row = 0; row * 4 < figures->len; row++)
    {
      double row_h = 0;

      for (guint col = 0; col < 4 && row * 4 + col < figures->len; col++)
        {
          EscaleStatsFigure *figure = figures->pdata[row * 4 + col];
          double x = MARGIN + col * (col_w + GAP) + 6, h = 6;

          cairo_set_source_rgb (cr, BLUE);
          h += show_text (cr, context, figure->value, x, y + h, 16, TRUE, col_w - 12);
          cairo_set_source_rgb (cr, INK);
          h += show_text (cr, context, figure->label, x, y + h, 8.5, TRUE, col_w - 12);
          if (figure->detail != NULL)
            h += show_text (cr, context, figure->detail, x, y + h + 1, 7.5, FALSE, col_w - 12);
          row_h = MAX (row_h, h + 6);
        }
      cairo_set_source_rgb (cr, 0.46, 0.46, 0.46);
      cairo_set_line_width (cr, 0.75);
      for (guint col = 0; col < 4 && row * 4 + col < figures->len; col++)
        cairo_rectangle (cr, MARGIN + col * (col_w + GAP), y, col_w, row_h);
      cairo_stroke (cr);
      y += row_h + GAP;
    }
  return y + 4;
}

/* The definitions as one paragraph at the foot of the page; returns its top. */
static double
draw_footnote (cairo_t *cr, PangoContext *context)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autoptr(PangoLayout) layout = NULL;
  const char *term, *text;
  double top;

  g_string_append_printf (markup, "<b>%s</b> ", _ ("Définitions."));
  for (guint i = 0; escale_stats_pdf_definition (i, &term, &text); i++)
    {
      g_autofree char *t = g_markup_escape_text (term, -1);
      g_autofree char *d = g_markup_escape_text (text, -1);

      /* TRANSLATORS: a term in bold and its definition */
      g_string_append_printf (markup, _ ("<b>%s</b> : %s "), t, d);
    }
  layout = layout_new (context, markup->str, 7, FALSE, PAGE_W - 2 * MARGIN);
  top = PAGE_H - MARGIN - layout_height (layout);
  cairo_set_source_rgb (cr, 0.46, 0.46, 0.46);
  cairo_set_line_width (cr, 0.75);
  cairo_move_to (cr, MARGIN, top - 5);
  cairo_line_to (cr, MARGIN + 120, top - 5);
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, INK);
  cairo_move_to (cr, MARGIN, top);
  pango_cairo_show_layout (cr, layout);
  return top;
}

/* The charts, by rows of one or two side by side. */
typedef struct
{
  EscaleReportChart charts[2];
  guint n;
} ChartRow;

#define TITLE_SIZE 8.5

static double
column_width (const ChartRow *row)
{
  return (PAGE_W - 2 * MARGIN - (row->n - 1) * 2 * GAP) / row->n;
}

/* The height of the row's titles (one may take two lines), in points. */
static double
titles_height (PangoContext *context, const ChartRow *row)
{
  double height = 0;

  for (guint i = 0; i < row->n; i++)
    {
      g_autofree char *markup =
        g_markup_escape_text (escale_report_chart_title (row->charts[i]), -1);
      g_autoptr(PangoLayout)
                   layout = layout_new (context, markup, TITLE_SIZE, TRUE, column_width (row));

      height = MAX (height, layout_height (layout) + 3);
    }
  return height;
}

/* Draws @row's charts at @y, @scale points a chart unit; returns its height. */
static double
draw_chart_row (cairo_t *cr, PangoContext *context, EscaleChartDrawing **drawings,
                const ChartRow *row, double y, double scale)
{
  double col_w = column_width (row);
  double title_h = titles_height (context, row);
  double height = 0;

  for (guint i = 0; i < row->n; i++)
    {
      EscaleChartDrawing *drawing = drawings[row->charts[i]];
      double x = MARGIN + i * (col_w + 2 * GAP);
      int units_h = escale_chart_drawing_get_height (drawing);

      cairo_set_source_rgb (cr, INK);
      show_text (cr, context, escale_report_chart_title (row->charts[i]), x, y, TITLE_SIZE, TRUE,
                 col_w);
      cairo_save (cr);
      cairo_translate (cr, x, y + title_h);
      cairo_scale (cr, scale, scale);
      escale_chart_drawing_draw (drawing, cr, NULL, (int) (col_w / scale), units_h);
      cairo_restore (cr);
      height = MAX (height, title_h + units_h * scale);
    }
  return height + GAP;
}

static void
draw_charts (cairo_t *cr, PangoContext *context, EscaleStatsReport *report, double top,
             double bottom)
{
  /* The démarche categories only when the period had some, beside the grid. */
  ChartRow rows[] = {
    { { ESCALE_REPORT_CHART_PER_DAY }, 1 },
    { { ESCALE_REPORT_CHART_PER_THEME, ESCALE_REPORT_CHART_PER_ACTIVITY }, 2 },
    { { ESCALE_REPORT_CHART_DURATIONS, ESCALE_REPORT_CHART_AGES }, 2 },
    { { ESCALE_REPORT_CHART_HEAT, ESCALE_REPORT_CHART_PER_CATEGORY },
      escale_stats_report_get_categories (report)->len > 0 ? 2 : 1 },
  };
  EscaleChartDrawing *drawings[ESCALE_N_REPORT_CHARTS];
  double units = 0, fixed = 0, scale, y = top;

  for (guint i = 0; i < ESCALE_N_REPORT_CHARTS; i++)
    {
      drawings[i] = escale_chart_drawing_new ();
      escale_report_chart_fill (drawings[i], report, i);
    }
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      int row_units = 0;

      for (guint i = 0; i < rows[r].n; i++)
        row_units = MAX (row_units, escale_chart_drawing_get_height (drawings[rows[r].charts[i]]));
      units += row_units;
      fixed += titles_height (context, &rows[r]) + GAP;
    }
  /* 18 units of text are 7.6 points at most; less when the charts are long. */
  scale = MIN (0.42, (bottom - top - fixed) / units);
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    y += draw_chart_row (cr, context, drawings, &rows[r], y, scale);
  for (guint i = 0; i < ESCALE_N_REPORT_CHARTS; i++)
    escale_chart_drawing_free (drawings[i]);
}

static cairo_status_t
append_cb (void *closure, const unsigned char *data, unsigned int length)
{
  g_string_append_len (closure, (const char *) data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Writes the report of @report's period for @centre_name into @path. */
gboolean
escale_stats_pdf_write (EscaleStatsReport *report, const char *centre_name, const char *path,
                        GError **error)
{
  return escale_stats_pdf_write_pages (&report, &centre_name, 1, centre_name, path, error);
}

/* Writes @n pages into @path, page i the report of @reports[i] under the
 * name @names[i] (a territory, then each of its sites); @title is the
 * document's. */
gboolean
escale_stats_pdf_write_pages (EscaleStatsReport **reports, const char *const *names, guint n,
                              const char *title, const char *path, GError **error)
{
  g_autoptr(GString) pdf = g_string_new (NULL);
  PangoContext *context;
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_cb, pdf, PAGE_W, PAGE_H);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Escale");
  context = pango_cairo_create_context (cr);
  for (guint i = 0; i < n; i++)
    {
      double top = draw_heading (cr, context, reports[i], names[i]);
      double foot;

      top = draw_figures (cr, context, reports[i], top);
      foot = draw_footnote (cr, context);
      draw_charts (cr, context, reports[i], top, foot - 12);
      cairo_show_page (cr);
    }
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _ ("Le rapport PDF n'a pas pu être fait : %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  return escale_stats_export_write (path, pdf, error);
}
