/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "escale-chart.h"

/* A chart of the dashboard: the widget around an EscaleChartDrawing
 * (src/drawing/, which the PDF report draws too). Screen readers get the
 * figures as text. */
struct _EscaleChart
{
  GtkWidget parent_instance;

  EscaleChartDrawing *drawing; /* owned */
};

G_DEFINE_FINAL_TYPE (EscaleChart, escale_chart, GTK_TYPE_WIDGET)

static void
escale_chart_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  EscaleChart *self = ESCALE_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  escale_chart_drawing_draw (self->drawing, cr, gtk_widget_get_pango_context (widget), width,
                             height);
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
  *minimum = *natural = escale_chart_drawing_get_height (self->drawing);
}

static void
escale_chart_finalize (GObject *object)
{
  EscaleChart *self = ESCALE_CHART (object);

  g_clear_pointer (&self->drawing, escale_chart_drawing_free);
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
  self->drawing = escale_chart_drawing_new ();
}

GtkWidget *
escale_chart_new (void)
{
  return g_object_new (ESCALE_TYPE_CHART, NULL);
}

/* Shows the chart @which of @report. */
void
escale_chart_show (EscaleChart *self, EscaleStatsReport *report, EscaleReportChart which)
{
  g_autofree char *description = NULL;

  escale_report_chart_fill (self->drawing, report, which);
  description = escale_chart_drawing_describe (self->drawing);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description, -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
