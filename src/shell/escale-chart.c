/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "escale-chart.h"

/* The dashboard's charts, drawn with cairo: horizontal bars (a label and
 * the number beside each bar), columns (sessions per day) and the hour x
 * weekday grid, where every cell with visits also shows its number, so no
 * figure is told by colour alone. Text is never below 18 px. Colours are
 * dark blue on white (>= 7:1), the grid from light to dark blue with the
 * number in black or white for contrast. */
typedef enum
{
  CHART_NONE,
  CHART_BARS,
  CHART_COLUMNS,
  CHART_HEAT,
} ChartKind;

struct _EscaleChart
{
  GtkWidget parent_instance;

  ChartKind kind;
  GPtrArray *labels; /* of char* */
  GArray *values;    /* of guint */
  int width;         /* while drawing */
};

G_DEFINE_FINAL_TYPE (EscaleChart, escale_chart, GTK_TYPE_WIDGET)

#define TEXT_PX 18
#define BAR_ROW 36
#define INK 0.10, 0.10, 0.10
#define BLUE 0.043, 0.239, 0.569 /* #0b3d91 */

static PangoLayout *
make_layout (EscaleChart *self, const char *text, gboolean bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, TEXT_PX * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  return layout;
}

/* Draws @text around (@x, @y); @align 0 left, 0.5 centre, 1 right. Text
 * wider than @max_w (if > 0) ends with "…"; nothing goes past the edges. */
static void
draw_text_max (EscaleChart *self, cairo_t *cr, const char *text, double x, double y, double align,
               gboolean bold, double max_w)
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
draw_text (EscaleChart *self, cairo_t *cr, const char *text, double x, double y, double align,
           gboolean bold)
{
  draw_text_max (self, cr, text, x, y, align, bold, 0);
}

static guint
max_value (EscaleChart *self)
{
  guint max = 0;

  for (guint i = 0; i < self->values->len; i++)
    max = MAX (max, g_array_index (self->values, guint, i));
  return max;
}

static void
draw_bars (EscaleChart *self, cairo_t *cr, int width)
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
draw_columns (EscaleChart *self, cairo_t *cr, int width, int height)
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
draw_heat (EscaleChart *self, cairo_t *cr, int width, int height)
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

static void
escale_chart_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  EscaleChart *self = ESCALE_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  self->width = width;

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
  cairo_destroy (cr);
}

static void
escale_chart_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                      int *natural, int *minimum_baseline, int *natural_baseline)
{
  EscaleChart *self = ESCALE_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 300;
      *natural = 600;
      return;
    }
  switch (self->kind)
    {
    case CHART_BARS:
      *minimum = *natural = MAX (48, (int) self->labels->len * BAR_ROW);
      break;
    case CHART_HEAT:
      *minimum = *natural = 32 + 7 * 36;
      break;
    case CHART_COLUMNS:
    case CHART_NONE:
    default:
      *minimum = *natural = 220;
      break;
    }
}

static void
escale_chart_finalize (GObject *object)
{
  EscaleChart *self = ESCALE_CHART (object);

  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_clear_pointer (&self->values, g_array_unref);
  G_OBJECT_CLASS (escale_chart_parent_class)->finalize (object);
}

static void
escale_chart_class_init (EscaleChartClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = escale_chart_finalize;
  widget_class->snapshot = escale_chart_snapshot;
  widget_class->measure = escale_chart_measure;
  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
escale_chart_init (EscaleChart *self)
{
  self->labels = g_ptr_array_new_with_free_func (g_free);
  self->values = g_array_new (FALSE, TRUE, sizeof (guint));
}

GtkWidget *
escale_chart_new (void)
{
  return g_object_new (ESCALE_TYPE_CHART, NULL);
}

static void
set_data (EscaleChart *self, ChartKind kind, const char *const *labels, const guint *values,
          guint n)
{
  g_autoptr(GString) description = g_string_new (NULL);

  self->kind = kind;
  g_ptr_array_set_size (self->labels, 0);
  g_array_set_size (self->values, 0);
  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (self->labels, g_strdup (labels ? labels[i] : ""));
      g_array_append_val (self->values, values[i]);
      if (labels)
        g_string_append_printf (description, "%s : %u. ", labels[i], values[i]);
    }
  /* Screen readers get the figures as text. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description->str, -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
escale_chart_set_bars (EscaleChart *self, const char *const *labels, const guint *values, guint n)
{
  set_data (self, CHART_BARS, labels, values, n);
}

void
escale_chart_set_columns (EscaleChart *self, const char *const *labels, const guint *values,
                          guint n)
{
  set_data (self, CHART_COLUMNS, labels, values, n);
}

void
escale_chart_set_heat (EscaleChart *self, const guint *values)
{
  set_data (self, CHART_HEAT, NULL, values, 7 * 24);
}
