/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "escale-chart-drawing.h"

/* The charts of the figures, drawn with cairo and Pango: horizontal bars
 * (a label and the number beside each bar), columns (visits per day) and
 * the hour x weekday grid, where every cell with visits also shows its
 * number, so no figure is told by colour alone. Text is 18 units high
 * (never below 18 px on screen). Colours are dark blue on white (>= 7:1),
 * the grid from light to dark blue with the number in black or white for
 * contrast. The same code draws the dashboard and the PDF report. */
typedef enum
{
  CHART_NONE,
  CHART_BARS,
  CHART_COLUMNS,
  CHART_HEAT,
} ChartKind;

struct _EscaleChartDrawing
{
  ChartKind kind;
  GPtrArray *labels; /* of char* */
  GArray *values;    /* of guint */

  /* while drawing */
  int width;
  PangoContext *context;
};

#define TEXT_PX 18
#define BAR_ROW 36
#define INK 0.10, 0.10, 0.10
#define BLUE 0.043, 0.239, 0.569 /* #0b3d91 */

static PangoLayout *
make_layout (EscaleChartDrawing *self, const char *text, gboolean bold)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, TEXT_PX * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* Draws @text around (@x, @y); @align 0 left, 0.5 centre, 1 right. Text
 * wider than @max_w (if > 0) ends with "…"; nothing goes past the edges. */
static void
draw_text_max (EscaleChartDrawing *self, cairo_t *cr, const char *text, double x, double y,
               double align, gboolean bold, double max_w)
{
  g_autoptr(PangoLayout) layout = make_layout (self, text, bold);
  int w, h;

  if (max_w > 0)
    {
      pango_layout_set_width (layout, (int) (max_w * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_pixel_size (layout, &w, &h);
  x = CLAMP (x - align * w, 0, MAX (self->width - w, 0));
  cairo_move_to (cr, x, y - h / 2.0);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_text (EscaleChartDrawing *self, cairo_t *cr, const char *text, double x, double y,
           double align, gboolean bold)
{
  draw_text_max (self, cr, text, x, y, align, bold, 0);
}

static guint
max_value (EscaleChartDrawing *self)
{
  guint max = 0;

  for (guint i = 0; i < self->values->len; i++)
    max = MAX (max, g_array_index (self->values, guint, i));
  return max;
}

static void
draw_bars (EscaleChartDrawing *self, cairo_t *cr, int width)
{
  guint max = MAX (max_value (self), 1);
  double label_w = 0;

  for (guint i = 0; i < self->labels->len; i++)
    {
      g_autoptr(PangoLayout) layout = make_layout (self, self->labels->pdata[i], FALSE);
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      label_w = MAX (label_w, w);
    }
  label_w = MIN (label_w + 16, width * 0.45);

  for (guint i = 0; i < self->labels->len; i++)
    {
      guint value = g_array_index (self->values, guint, i);
      double y = i * BAR_ROW;
      double avail = width - label_w - 80;
      double bar = avail * value / max;
      char number[16];

      cairo_set_source_rgb (cr, INK);
      draw_text_max (self, cr, self->labels->pdata[i], label_w - 12, y + BAR_ROW / 2.0, 1.0, FALSE,
                     label_w - 12);
      cairo_set_source_rgb (cr, BLUE);
      cairo_rectangle (cr, label_w, y + 6, MAX (bar, 2), BAR_ROW - 12);
      cairo_fill (cr);
      g_snprintf (number, sizeof number, "%u", value);
      cairo_set_source_rgb (cr, INK);
      draw_text (self, cr, number, label_w + MAX (bar, 2) + 8, y + BAR_ROW / 2.0, 0.0, TRUE);
    }
}

static void
draw_columns (EscaleChartDrawing *self, cairo_t *cr, int width, int height)
{
  guint n = self->values->len;
  guint max = MAX (max_value (self), 1);
  double left = 56, bottom = 32, top = 12;
  double plot_h = height - bottom - top;
  double col_w = (width - left) / MAX (n, 1);
  guint label_every = MAX (1, (guint) (n * 110 / MAX (width - left, 1)) + 1);
  char number[16];

  /* The scale: 0 and the maximum, as numbers. */
  cairo_set_source_rgb (cr, INK);
  g_snprintf (number, sizeof number, "%u", max);
  draw_text (self, cr, number, left - 8, top, 1.0, FALSE);
  draw_text (self, cr, "0", left - 8, top + plot_h, 1.0, FALSE);
  cairo_set_line_width (cr, 2);
  cairo_move_to (cr, left, top + plot_h);
  cairo_line_to (cr, width, top + plot_h);
  cairo_stroke (cr);

  for (guint i = 0; i < n; i++)
    {
      guint value = g_array_index (self->values, guint, i);
      double h = plot_h * value / max;

      cairo_set_source_rgb (cr, BLUE);
      cairo_rectangle (cr, left + i * col_w + col_w * 0.15, top + plot_h - h, MAX (col_w * 0.7, 1),
                       h);
      cairo_fill (cr);
      if (i % label_every == 0)
        {
          cairo_set_source_rgb (cr, INK);
          draw_text (self, cr, self->labels->pdata[i], left + i * col_w, height - bottom / 2.0,
                     0.0, FALSE);
        }
    }
}

static double
linear (double c)
{
  /* sRGB's curve, close enough with a square for choosing black or white. */
  return c * c;
}

static double
luminance (const double rgb[3])
{
  return 0.2126 * linear (rgb[0]) + 0.7152 * linear (rgb[1]) + 0.0722 * linear (rgb[2]);
}

static void
draw_heat (EscaleChartDrawing *self, cairo_t *cr, int width, int height)
{
  static const char *const days[] = { N_ ("lun."), N_ ("mar."), N_ ("mer."), N_ ("jeu."),
                                      N_ ("ven."), N_ ("sam."), N_ ("dim.") };
  guint max = MAX (max_value (self), 1);
  int first = 23, last = 0;
  double left = 64, top = 32, cell_w, cell_h;

  /* Only the hours that had visits, from the first to the last. */
  for (int h = 0; h < 24; h++)
    for (int d = 0; d < 7; d++)
      if (g_array_index (self->values, guint, d * 24 + h) > 0)
        {
          first = MIN (first, h);
          last = MAX (last, h);
        }
  if (first > last)
    {
      first = 8;
      last = 19;
    }
  cell_w = (width - left) / (last - first + 1);
  cell_h = (height - top) / 7.0;

  for (int h = first; h <= last; h++)
    {
      char hour[8];

      g_snprintf (hour, sizeof hour, "%dh", h);
      cairo_set_source_rgb (cr, INK);
      draw_text (self, cr, hour, left + (h - first + 0.5) * cell_w, top / 2.0, 0.5, FALSE);
    }
  for (int d = 0; d < 7; d++)
    {
      cairo_set_source_rgb (cr, INK);
      draw_text (self, cr, _ (days[d]), left - 8, top + (d + 0.5) * cell_h, 1.0, FALSE);
      for (int h = first; h <= last; h++)
        {
          guint value = g_array_index (self->values, guint, d * 24 + h);
          double t = (double) value / max;
          double x = left + (h - first) * cell_w, y = top + d * cell_h;
          char number[16];

          /* White to dark blue; cells keep a grey border (>= 3:1). */
          double rgb[3] = { 1 - t * (1 - 0.043), 1 - t * (1 - 0.239), 1 - t * (1 - 0.569) };

          cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
          cairo_rectangle (cr, x + 1, y + 1, cell_w - 2, cell_h - 2);
          cairo_fill_preserve (cr);
          cairo_set_source_rgb (cr, 0.46, 0.46, 0.46);
          cairo_set_line_width (cr, 1);
          cairo_stroke (cr);
          if (value > 0 && cell_w >= 28)
            {
              g_snprintf (number, sizeof number, "%u", value);
              /* Black or white, whichever contrasts more (>= 4.5:1). */
              if (luminance (rgb) < 0.18)
                cairo_set_source_rgb (cr, 1, 1, 1);
              else
                cairo_set_source_rgb (cr, 0, 0, 0);
              draw_text (self, cr, number, x + cell_w / 2, y + cell_h / 2, 0.5, FALSE);
            }
        }
    }
}

/* Draws the chart in (0, 0, @width, @height) of @cr, its text laid out
 * in @context (NULL: one made for @cr, as for a PDF page). */
void
escale_chart_drawing_draw (EscaleChartDrawing *self, cairo_t *cr, PangoContext *context, int width,
                           int height)
{
  PangoContext *own = context ? NULL : pango_cairo_create_context (cr);

  self->width = width;
  self->context = context ? context : own;
  if (self->kind == CHART_NONE || self->values->len == 0 ||
      (self->kind != CHART_HEAT && max_value (self) == 0))
    {
      cairo_set_source_rgb (cr, INK);
      draw_text (self, cr, _ ("Aucune visite sur la période"), 8, 24, 0.0, FALSE);
    }
  else if (self->kind == CHART_BARS)
    draw_bars (self, cr, width);
  else if (self->kind == CHART_COLUMNS)
    draw_columns (self, cr, width, height);
  else
    draw_heat (self, cr, width, height);
  self->context = NULL;
  g_clear_object (&own);
}

/* The height the chart needs, in chart units. */
int
escale_chart_drawing_get_height (EscaleChartDrawing *self)
{
  switch (self->kind)
    {
    case CHART_BARS:
      return MAX (48, (int) self->labels->len * BAR_ROW);
    case CHART_HEAT:
      return 32 + 7 * 36;
    case CHART_COLUMNS:
    case CHART_NONE:
    default:
      return 220;
    }
}

EscaleChartDrawing *
escale_chart_drawing_new (void)
{
  EscaleChartDrawing *self = g_new0 (EscaleChartDrawing, 1);

  self->labels = g_ptr_array_new_with_free_func (g_free);
  self->values = g_array_new (FALSE, TRUE, sizeof (guint));
  return self;
}

void
escale_chart_drawing_free (EscaleChartDrawing *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->labels);
  g_array_unref (self->values);
  g_free (self);
}

static void
set_data (EscaleChartDrawing *self, ChartKind kind, const char *const *labels, const guint *values,
          guint n)
{
  self->kind = kind;
  g_ptr_array_set_size (self->labels, 0);
  g_array_set_size (self->values, 0);
  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (self->labels, g_strdup (labels ? labels[i] : ""));
      g_array_append_val (self->values, values[i]);
    }
}

/* The figures as text, for screen readers: "label : value. " each. */
char *
escale_chart_drawing_describe (EscaleChartDrawing *self)
{
  GString *description = g_string_new (NULL);

  if (self->kind == CHART_HEAT)
    return g_string_free (description, FALSE);
  for (guint i = 0; i < self->values->len; i++)
    g_string_append_printf (description, "%s : %u. ", (char *) self->labels->pdata[i],
                            g_array_index (self->values, guint, i));
  return g_string_free (description, FALSE);
}

void
escale_chart_drawing_set_bars (EscaleChartDrawing *self, const char *const *labels,
                               const guint *values, guint n)
{
  set_data (self, CHART_BARS, labels, values, n);
}

void
escale_chart_drawing_set_columns (EscaleChartDrawing *self, const char *const *labels,
                                  const guint *values, guint n)
{
  set_data (self, CHART_COLUMNS, labels, values, n);
}

void
escale_chart_drawing_set_heat (EscaleChartDrawing *self, const guint *values)
{
  set_data (self, CHART_HEAT, NULL, values, 7 * 24);
}
