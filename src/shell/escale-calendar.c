/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <glib/gi18n.h>

#include "escale-calendar.h"
#include "escale-stats-report.h"

/* A touch calendar for a period: one month at a time with big
 * "Mois précédent" / "Mois suivant" buttons, a big button per day. The
 * first touch picks the first day, the second the last (either order);
 * a third starts again. The chosen days are highlighted, the ends with a
 * frame too (not by colour alone). Emits "changed" after each touch. */
struct _EscaleCalendar
{
  GtkWidget parent_instance;

  GtkWidget *box;
  GtkLabel *title;
  GtkWidget *days[6 * 7];

  GDate shown; /* the first of the month shown */
  GDate from;  /* invalid: nothing chosen */
  GDate to;
  gboolean picking_end; /* the next touch picks the last day */
};

G_DEFINE_FINAL_TYPE (EscaleCalendar, escale_calendar, GTK_TYPE_WIDGET)

enum
{
  CHANGED,
  N_SIGNALS,
};
static guint signals[N_SIGNALS];

static const char *const month_titles[] = {
  N_ ("Janvier"),   N_ ("Février"), N_ ("Mars"),     N_ ("Avril"),
  N_ ("Mai"),       N_ ("Juin"),    N_ ("Juillet"),  N_ ("Août"),
  N_ ("Septembre"), N_ ("Octobre"), N_ ("Novembre"), N_ ("Décembre"),
};

/* The day button @i stands for, or an invalid date outside the month. */
static void
day_of_button (EscaleCalendar *self, guint i, GDate *day)
{
  int offset = (int) i - ((int) g_date_get_weekday (&self->shown) - 1);

  g_date_clear (day, 1);
  if (offset < 0 || offset >= g_date_get_days_in_month (g_date_get_month (&self->shown),
                                                        g_date_get_year (&self->shown)))
    return;
  *day = self->shown;
  g_date_add_days (day, (guint) offset);
}

static void
refresh (EscaleCalendar *self)
{
  g_autofree char *title = g_strdup_printf ("%s %u",
                                            _ (month_titles[g_date_get_month (&self->shown) - 1]),
                                            g_date_get_year (&self->shown));

  gtk_label_set_text (self->title, title);
  for (guint i = 0; i < G_N_ELEMENTS (self->days); i++)
    {
      GtkWidget *button = self->days[i];
      GDate day;
      gboolean chosen, end;

      day_of_button (self, i, &day);
      gtk_widget_set_child_visible (button, g_date_valid (&day));
      if (!g_date_valid (&day))
        continue;
      {
        g_autofree char *number = g_strdup_printf ("%u", g_date_get_day (&day));
        char iso[11];
        g_autofree char *spoken = NULL;

        g_date_strftime (iso, sizeof iso, "%Y-%m-%d", &day);
        spoken = escale_stats_format_day (iso);
        gtk_button_set_label (GTK_BUTTON (button), number);
        gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        spoken, -1);
      }
      chosen = g_date_valid (&self->from) && g_date_compare (&day, &self->from) >= 0 &&
               g_date_compare (&day, &self->to) <= 0;
      end = chosen &&
            (g_date_compare (&day, &self->from) == 0 || g_date_compare (&day, &self->to) == 0);
      if (chosen)
        gtk_widget_add_css_class (button, "in-range");
      else
        gtk_widget_remove_css_class (button, "in-range");
      if (end)
        gtk_widget_add_css_class (button, "range-end");
      else
        gtk_widget_remove_css_class (button, "range-end");
    }
}

static void
day_clicked_cb (GtkButton *button, EscaleCalendar *self)
{
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
  GDate day;

  day_of_button (self, i, &day);
  if (!g_date_valid (&day))
    return;
  if (self->picking_end && g_date_valid (&self->from))
    {
      if (g_date_compare (&day, &self->from) < 0)
        {
          self->to = self->from;
          self->from = day;
        }
      else
        self->to = day;
    }
  else
    self->from = self->to = day;
  self->picking_end = !self->picking_end;
  refresh (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
move_cb (GtkButton *button, EscaleCalendar *self)
{
  if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "forward")))
    g_date_add_months (&self->shown, 1);
  else
    g_date_subtract_months (&self->shown, 1);
  refresh (self);
}

static GtkWidget *
month_button (EscaleCalendar *self, const char *label, gboolean forward)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_add_css_class (button, "big-button");
  g_object_set_data (G_OBJECT (button), "forward", GINT_TO_POINTER (forward));
  g_signal_connect (button, "clicked", G_CALLBACK (move_cb), self);
  return button;
}

static void
escale_calendar_dispose (GObject *object)
{
  EscaleCalendar *self = ESCALE_CALENDAR (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (escale_calendar_parent_class)->dispose (object);
}

static void
escale_calendar_class_init (EscaleCalendarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = escale_calendar_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "periodcalendar");
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
escale_calendar_init (EscaleCalendar *self)
{
  static const char *const weekdays[] = { N_ ("lun."), N_ ("mar."), N_ ("mer."), N_ ("jeu."),
                                          N_ ("ven."), N_ ("sam."), N_ ("dim.") };
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  self->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->title), "calendar-title");
  gtk_widget_set_hexpand (GTK_WIDGET (self->title), TRUE);
  gtk_box_append (GTK_BOX (header), month_button (self, _ ("Mois précédent"), FALSE));
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->title));
  gtk_box_append (GTK_BOX (header), month_button (self, _ ("Mois suivant"), TRUE));
  gtk_box_append (GTK_BOX (self->box), header);

  gtk_grid_set_row_spacing (grid, 8);
  gtk_grid_set_column_spacing (grid, 8);
  gtk_grid_set_column_homogeneous (grid, TRUE);
  for (guint d = 0; d < 7; d++)
    gtk_grid_attach (grid, gtk_label_new (_ (weekdays[d])), d, 0, 1, 1);
  for (guint i = 0; i < G_N_ELEMENTS (self->days); i++)
    {
      self->days[i] = gtk_button_new_with_label ("");
      gtk_widget_add_css_class (self->days[i], "calendar-day");
      g_object_set_data (G_OBJECT (self->days[i]), "index", GUINT_TO_POINTER (i));
      g_signal_connect (self->days[i], "clicked", G_CALLBACK (day_clicked_cb), self);
      gtk_grid_attach (grid, self->days[i], i % 7, 1 + i / 7, 1, 1);
    }
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (grid));
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  g_date_clear (&self->from, 1);
  g_date_clear (&self->to, 1);
  g_date_clear (&self->shown, 1);
  g_date_set_dmy (&self->shown, 1, G_DATE_JANUARY, 2026);
  refresh (self);
}

GtkWidget *
escale_calendar_new (void)
{
  return g_object_new (ESCALE_TYPE_CALENDAR, NULL);
}

static gboolean
parse (const char *day, GDate *date)
{
  guint y, m, d;

  g_date_clear (date, 1);
  if (!escale_stats_day_is_valid (day) || sscanf (day, "%u-%u-%u", &y, &m, &d) != 3)
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return g_date_valid (date);
}

/* Shows @from_day's month with @from_day to @to_day chosen (YYYY-MM-DD). */
void
escale_calendar_set_range (EscaleCalendar *self, const char *from_day, const char *to_day)
{
  GDate from, to;

  g_return_if_fail (parse (from_day, &from) && parse (to_day, &to));
  self->from = from;
  self->to = to;
  self->picking_end = FALSE;
  self->shown = from;
  g_date_set_day (&self->shown, 1);
  refresh (self);
}

static char *
format (const GDate *date)
{
  char iso[11];

  if (!g_date_valid (date))
    return NULL;
  g_date_strftime (iso, sizeof iso, "%Y-%m-%d", date);
  return g_strdup (iso);
}

/* The first day chosen, YYYY-MM-DD, or NULL. */
char *
escale_calendar_get_from (EscaleCalendar *self)
{
  return format (&self->from);
}

/* The last day chosen, YYYY-MM-DD, or NULL. */
char *
escale_calendar_get_to (EscaleCalendar *self)
{
  return format (&self->to);
}
