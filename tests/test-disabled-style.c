/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A button that cannot be pressed looks it, and its words stay readable:
 * drawn with the kiosk's style sheet, normal and Contraste, each kind of
 * button the kiosk uses, disabled, has its label at >= 4.5:1 against its
 * own background, and does not look like the same button enabled. */
#include <math.h>

#include <gtk/gtk.h>

/* The button styles of resources/style.css a screen may disable. */
static const char *const styles[] = {
  "",
  "suggested",
  "big-button",
  "big-button suggested",
  "huge-button suggested",
  "bar-button",
  "bar-button text-size",
  "finish-button",
  "helper-button",
  "call-go",
  "call-key",
  "pin-key",
  "form-nav-button",
  "form-choice",
  "scan-button suggested-action",
  "chooser-send suggested-action",
  "web-big-button suggested-action",
  "demarches-need",
  "culture-action",
  "culture-action suggested",
  "photo-viewer-button",
  "staff-menu-button",
  "staff-menu-button helper-button",
};

typedef struct
{
  double r, g, b;
} Colour;

static double
channel (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
luminance (Colour c)
{
  return 0.2126 * channel (c.r) + 0.7152 * channel (c.g) + 0.0722 * channel (c.b);
}

static double
contrast (Colour a, Colour b)
{
  double la = luminance (a);
  double lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

typedef struct
{
  guchar *pixels;
  gsize stride;
  int width;
  int height;
} Shot;

static Colour
pixel (Shot *shot, int x, int y)
{
  const guchar *p = shot->pixels + (gsize) y * shot->stride + (gsize) x * 4;

  /* GDK_MEMORY_DEFAULT is B8G8R8A8 premultiplied; everything here is opaque. */
  return (Colour){ p[2] / 255.0, p[1] / 255.0, p[0] / 255.0 };
}

static Shot
take_shot (GtkWidget *window)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  Shot shot = { NULL, (gsize) width * 4, width, height };

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  shot.pixels = g_malloc (shot.stride * (gsize) height);
  gdk_texture_download (texture, shot.pixels, shot.stride);
  return shot;
}

/* The button's background (inside its border, beside its words) and the
 * colour of its words: the label's pixel most unlike the background
 * (anti-aliasing only brings glyph edges closer to the background). */
static void
button_colours (Shot *shot, GtkWidget *button, GtkWidget *window, Colour *bg, Colour *fg)
{
  GtkWidget *label = gtk_button_get_child (GTK_BUTTON (button));
  graphene_rect_t b, l;
  double best = 0;

  g_assert_true (gtk_widget_compute_bounds (button, window, &b));
  g_assert_true (gtk_widget_compute_bounds (label, window, &l));
  *bg = pixel (shot, (int) b.origin.x + 7, (int) (b.origin.y + b.size.height / 2));
  *fg = *bg;
  for (int y = (int) l.origin.y; y < (int) (l.origin.y + l.size.height); y++)
    for (int x = (int) l.origin.x; x < (int) (l.origin.x + l.size.width); x++)
      {
        Colour c = pixel (shot, x, y);
        double ratio = contrast (c, *bg);

        if (ratio > best)
          {
            best = ratio;
            *fg = c;
          }
      }
}

static gboolean
same (Colour a, Colour b)
{
  return fabs (a.r - b.r) + fabs (a.g - b.g) + fabs (a.b - b.b) < 0.05;
}

static GtkWidget *
styled_button (const char *style, gboolean sensitive)
{
  GtkWidget *button = gtk_button_new_with_label ("Précédente");
  g_auto (GStrv) classes = g_strsplit (style, " ", -1);

  for (guint i = 0; classes[i] != NULL; i++)
    if (classes[i][0] != '\0')
      gtk_widget_add_css_class (button, classes[i]);
  gtk_widget_set_sensitive (button, sensitive);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  return button;
}

static gboolean
mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static void
spin_until (gboolean (*condition) (gpointer), gpointer data)
{
  while (!condition (data))
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static gboolean
done_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
check_styles (gboolean high_contrast)
{
  /* Held here, so that their finalization (and their buttons') is checked. */
  GtkWidget *window = g_object_ref (gtk_window_new ());
  GtkWidget *grid = g_object_ref_sink (gtk_grid_new ());
  GtkWidget *first_button = NULL;
  g_autoptr(GString) faults = g_string_new (NULL);
  gboolean drawn = FALSE;
  Shot shot;

  if (high_contrast)
    gtk_widget_add_css_class (window, "high-contrast");
  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 8);
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      gtk_grid_attach (GTK_GRID (grid), styled_button (styles[i], FALSE), (int) (i % 4) * 2,
                       (int) (i / 4), 1, 1);
      gtk_grid_attach (GTK_GRID (grid), styled_button (styles[i], TRUE), (int) (i % 4) * 2 + 1,
                       (int) (i / 4), 1, 1);
    }
  first_button = gtk_grid_get_child_at (GTK_GRID (grid), 0, 0);
  g_object_add_weak_pointer (G_OBJECT (first_button), (gpointer *) &first_button);
  gtk_window_set_child (GTK_WINDOW (window), grid);
  gtk_window_present (GTK_WINDOW (window));
  spin_until (mapped, window);
  g_timeout_add (200, done_cb, &drawn);
  spin_until (is_true, &drawn);
  shot = take_shot (window);
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      GtkWidget *off = gtk_grid_get_child_at (GTK_GRID (grid), (int) (i % 4) * 2, (int) (i / 4));
      GtkWidget *on =
        gtk_grid_get_child_at (GTK_GRID (grid), (int) (i % 4) * 2 + 1, (int) (i / 4));
      Colour off_bg, off_fg, on_bg, on_fg;
      double ratio;

      button_colours (&shot, off, window, &off_bg, &off_fg);
      button_colours (&shot, on, window, &on_bg, &on_fg);
      ratio = contrast (off_bg, off_fg);
      if (ratio < 4.5)
        g_string_append_printf (faults, "\n  “%s” disabled: label at %.1f:1", styles[i], ratio);
      if (same (off_bg, on_bg) && same (off_fg, on_fg))
        g_string_append_printf (faults, "\n  “%s” disabled looks enabled", styles[i]);
    }
  g_free (shot.pixels);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (window);
  g_assert_finalize_object (grid);
  g_assert_null (first_button);
  if (faults->len > 0)
    {
      g_test_message ("%s:%s", high_contrast ? "Contraste" : "normal", faults->str);
      g_test_fail ();
    }
}

static void
test_disabled_normal (void)
{
  check_styles (FALSE);
}

static void
test_disabled_high_contrast (void)
{
  check_styles (TRUE);
}

int
main (int argc, char **argv)
{
  g_autoptr(GtkCssProvider) css = NULL;

  gtk_test_init (&argc, &argv, NULL);
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/fr/escale/Escale/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_test_add_func ("/escale/style/disabled-readable-and-distinct", test_disabled_normal);
  g_test_add_func ("/escale/style/disabled-readable-and-distinct-contrast",
                   test_disabled_high_contrast);
  return g_test_run ();
}
