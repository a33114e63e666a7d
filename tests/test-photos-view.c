/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "escale-photo-grid.h"
#include "escale-photo-viewer.h"
#include "escale-test-util.h"
#include "photos-test-widgets.h"

/* "Mes photos" as a person sees it: the full-screen viewer and the grid of
 * thumbnails, driven through their buttons, with pictures made here. */

/* A @width x @height picture of one colour. */
static GdkTexture *
texture_new (int width, int height, guint32 argb)
{
  gsize stride = (gsize) width * 4;
  guchar *pixels = g_malloc (stride * height);
  g_autoptr(GBytes) bytes = NULL;

  for (gsize i = 0; i < stride * height; i += 4)
    {
      pixels[i] = argb & 0xff;
      pixels[i + 1] = (argb >> 8) & 0xff;
      pixels[i + 2] = (argb >> 16) & 0xff;
      pixels[i + 3] = 0xff;
    }
  bytes = g_bytes_new_take (pixels, stride * height);
  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
}

static GtkWindow *
window_new (GtkWidget *child, int width, int height)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  g_autofree char *title = g_strdup_printf ("Escale test %d", (int) getpid ());

  gtk_window_set_title (window, title);
  gtk_window_set_default_size (window, width, height);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  escale_test_spin (300);
  return window;
}

static void
window_destroy (GtkWindow *window)
{
  gtk_window_destroy (window);
  escale_test_drain ();
}

/* --- viewer -------------------------------------------------------------- */

typedef struct
{
  GtkWindow *window;
  EscalePhotoViewer *viewer;
  GdkTexture *textures[3];
  GArray *loads; /* of guint */
  guint printed_index;
  guint printed_rotation;
  guint prints;
} ViewerFixture;

static void
load_cb (EscalePhotoViewer *viewer, guint index, ViewerFixture *f)
{
  g_array_append_val (f->loads, index);
  escale_photo_viewer_set_texture (viewer, index, f->textures[index]);
}

static void
print_cb (EscalePhotoViewer *viewer, guint index, guint rotation, ViewerFixture *f)
{
  f->printed_index = index;
  f->printed_rotation = rotation;
  f->prints++;
}

static void
viewer_setup (ViewerFixture *f, gconstpointer data)
{
  f->textures[0] = texture_new (800, 600, 0xff3366);
  f->textures[1] = texture_new (600, 800, 0x33ff66);
  f->textures[2] = texture_new (1000, 500, 0x3366ff);
  f->loads = g_array_new (FALSE, FALSE, sizeof (guint));
  f->viewer = ESCALE_PHOTO_VIEWER (escale_photo_viewer_new ());
  g_object_ref_sink (f->viewer);
  g_signal_connect (f->viewer, "load", G_CALLBACK (load_cb), f);
  g_signal_connect (f->viewer, "print", G_CALLBACK (print_cb), f);
  f->window = window_new (GTK_WIDGET (f->viewer), 1024, 768);
  escale_photo_viewer_set_n_photos (f->viewer, 3);
  escale_photo_viewer_show_photo (f->viewer, 0);
  escale_test_spin (100);
}

static void
viewer_teardown (ViewerFixture *f, gconstpointer data)
{
  window_destroy (f->window);
  g_assert_finalize_object (f->viewer);
  for (guint i = 0; i < G_N_ELEMENTS (f->textures); i++)
    g_assert_finalize_object (f->textures[i]);
  g_array_unref (f->loads);
}

static void
test_viewer_next_previous (ViewerFixture *f, gconstpointer data)
{
  GtkWidget *root = GTK_WIDGET (f->viewer);
  EscalePhotoCanvas *canvas = escale_photo_viewer_get_canvas (f->viewer);

  g_assert_true (escale_photo_canvas_get_texture (canvas) == f->textures[0]);
  g_assert_true (photos_test_shows_label (root, "1 sur 3"));
  g_assert_false (gtk_widget_is_sensitive (photos_test_find_button (root, "Précédente")));
  photos_test_click (root, "Suivante");
  g_assert_cmpuint (escale_photo_viewer_get_index (f->viewer), ==, 1);
  g_assert_true (escale_photo_canvas_get_texture (canvas) == f->textures[1]);
  g_assert_true (photos_test_shows_label (root, "2 sur 3"));
  photos_test_click (root, "Suivante");
  g_assert_false (gtk_widget_is_sensitive (photos_test_find_button (root, "Suivante")));
  photos_test_click (root, "Précédente");
  g_assert_cmpuint (escale_photo_viewer_get_index (f->viewer), ==, 1);
  /* Each photo shown was asked for: 0, 1, 2, 1. */
  g_assert_cmpuint (f->loads->len, ==, 4);
  /* A swipe to the left is the next photo, to the right the previous one. */
  g_signal_emit_by_name (canvas, "swiped", 1);
  g_assert_cmpuint (escale_photo_viewer_get_index (f->viewer), ==, 2);
}

static void
test_viewer_zoom_rotate (ViewerFixture *f, gconstpointer data)
{
  GtkWidget *root = GTK_WIDGET (f->viewer);
  EscalePhotoCanvas *canvas = escale_photo_viewer_get_canvas (f->viewer);
  double x, y;

  g_assert_cmpfloat (escale_photo_canvas_get_zoom (canvas), ==, 1.0);
  g_assert_false (gtk_widget_is_sensitive (photos_test_find_button (root, "Réduire")));
  /* The whole photo fits: a drag does not move it. */
  escale_photo_canvas_pan (canvas, 200, 100);
  escale_photo_canvas_get_offset (canvas, &x, &y);
  g_assert_cmpfloat (x, ==, 0);
  g_assert_cmpfloat (y, ==, 0);

  photos_test_click (root, "Agrandir");
  photos_test_click (root, "Agrandir");
  g_assert_cmpfloat (escale_photo_canvas_get_zoom (canvas), ==, 2.0);
  g_assert_true (gtk_widget_is_sensitive (photos_test_find_button (root, "Réduire")));
  /* Enlarged, it moves with the finger, but never past its edge. */
  escale_photo_canvas_pan (canvas, 50, 0);
  escale_photo_canvas_get_offset (canvas, &x, &y);
  g_assert_cmpfloat (x, ==, 50);
  escale_photo_canvas_pan (canvas, 100000, 100000);
  escale_photo_canvas_get_offset (canvas, &x, &y);
  g_assert_cmpfloat (x, <, 2000);
  g_assert_cmpfloat (x, >, 50);
  for (int i = 0; i < 5; i++)
    if (gtk_widget_is_sensitive (photos_test_find_button (root, "Agrandir")))
      photos_test_click (root, "Agrandir");
  g_assert_cmpfloat (escale_photo_canvas_get_zoom (canvas), ==, ESCALE_PHOTO_CANVAS_MAX_ZOOM);
  g_assert_false (gtk_widget_is_sensitive (photos_test_find_button (root, "Agrandir")));
  while (gtk_widget_is_sensitive (photos_test_find_button (root, "Réduire")))
    photos_test_click (root, "Réduire");
  g_assert_cmpfloat (escale_photo_canvas_get_zoom (canvas), ==, 1.0);
  escale_photo_canvas_get_offset (canvas, &x, &y);
  g_assert_cmpfloat (x, ==, 0);

  photos_test_click (root, "Tourner");
  g_assert_cmpuint (escale_photo_canvas_get_rotation (canvas), ==, 1);
  /* Turning is for the eyes only: the picture itself is the same. */
  g_assert_true (escale_photo_canvas_get_texture (canvas) == f->textures[0]);
  /* The next photo comes upright and whole. */
  photos_test_click (root, "Agrandir");
  photos_test_click (root, "Suivante");
  g_assert_cmpuint (escale_photo_canvas_get_rotation (canvas), ==, 0);
  g_assert_cmpfloat (escale_photo_canvas_get_zoom (canvas), ==, 1.0);
}

static void
test_rotate_texture (void)
{
  g_autoptr(GdkTexture) texture = texture_new (4, 2, 0x000000);
  g_autoptr(GdkTexture) turned = NULL;
  guchar pixels[4 * 4 * 2] = { 0 };
  guchar out[4 * 2 * 4];

  /* A white top-left pixel ends at the top right after a quarter turn. */
  pixels[0] = pixels[1] = pixels[2] = pixels[3] = 0xff;
  for (int i = 4; i < 32; i += 4)
    pixels[i + 3] = 0xff;
  {
    g_autoptr(GBytes) bytes = g_bytes_new (pixels, sizeof pixels);

    g_clear_object (&texture);
    texture = gdk_memory_texture_new (4, 2, GDK_MEMORY_DEFAULT, bytes, 16);
  }
  turned = escale_photo_texture_rotate (texture, 1);
  g_assert_cmpint (gdk_texture_get_width (turned), ==, 2);
  g_assert_cmpint (gdk_texture_get_height (turned), ==, 4);
  gdk_texture_download (turned, out, 8);
  g_assert_cmpuint (out[4], ==, 0xff); /* row 0, column 1 */
  g_assert_cmpuint (out[0], ==, 0);
}

static gboolean
slideshow_moved (gpointer data)
{
  ViewerFixture *f = data;

  return escale_photo_viewer_get_index (f->viewer) == 1;
}

static void
test_viewer_slideshow (ViewerFixture *f, gconstpointer data)
{
  GtkWidget *root = GTK_WIDGET (f->viewer);

  photos_test_click (root, "Diaporama");
  g_assert_true (escale_photo_viewer_get_slideshow (f->viewer));
  /* Large: nothing but the photo and how to stop. */
  g_assert_false (photos_test_is_drawable (root, "Suivante"));
  g_assert_false (photos_test_is_drawable (root, "Imprimer cette photo"));
  g_assert_true (photos_test_shows_label (root, "Touchez l'écran pour arrêter le diaporama."));
  escale_test_wait_until (slideshow_moved, f, (ESCALE_PHOTO_VIEWER_SLIDESHOW_SECONDS + 2) * 1000);
  /* A real touch (a click of the X server's pointer) anywhere stops it. */
  g_assert_true (escale_test_xdotool ("mousemove --window %1 500 400 click 1"));
  escale_test_spin (300);
  g_assert_false (escale_photo_viewer_get_slideshow (f->viewer));
  g_assert_true (photos_test_is_drawable (root, "Suivante"));
  /* That touch did nothing else: the same photo, not enlarged. */
  g_assert_cmpuint (escale_photo_viewer_get_index (f->viewer), ==, 1);
}

static void
test_viewer_print_confirmation (ViewerFixture *f, gconstpointer data)
{
  GtkWidget *root = GTK_WIDGET (f->viewer);

  /* Printing off (or no page left): no button at all. */
  g_assert_false (photos_test_is_drawable (root, "Imprimer cette photo"));
  escale_photo_viewer_set_prints_left (f->viewer, 2);
  g_assert_true (photos_test_is_drawable (root, "Imprimer cette photo"));

  photos_test_click (root, "Tourner");
  photos_test_click (root, "Imprimer cette photo");
  g_assert_cmpstr (escale_photo_viewer_get_screen (f->viewer), ==, "confirm");
  g_assert_true (photos_test_shows_label (root, "1 page en couleur."));
  g_assert_true (photos_test_shows_label (root, "Une page va sortir de l'imprimante."));
  photos_test_click (root, "Annuler");
  g_assert_cmpstr (escale_photo_viewer_get_screen (f->viewer), ==, "photo");
  g_assert_cmpuint (f->prints, ==, 0);

  photos_test_click (root, "Imprimer cette photo");
  photos_test_click (root, "Imprimer");
  g_assert_cmpuint (f->prints, ==, 1);
  g_assert_cmpuint (f->printed_index, ==, 0);
  g_assert_cmpuint (f->printed_rotation, ==, 1);
  g_assert_cmpstr (escale_photo_viewer_get_screen (f->viewer), ==, "message");
  /* While it prints, no button to leave. */
  g_assert_false (photos_test_is_drawable (root, "Revenir à la photo"));
  escale_photo_viewer_show_message (f->viewer, "La photo est imprimée.", NULL, TRUE);
  photos_test_click (root, "Revenir à la photo");
  g_assert_cmpstr (escale_photo_viewer_get_screen (f->viewer), ==, "photo");

  /* The last page printed: the button goes, even from the confirmation. */
  photos_test_click (root, "Imprimer cette photo");
  escale_photo_viewer_set_prints_left (f->viewer, 0);
  g_assert_cmpstr (escale_photo_viewer_get_screen (f->viewer), ==, "photo");
  g_assert_false (photos_test_is_drawable (root, "Imprimer cette photo"));
}

static void
test_viewer_cannot_show (ViewerFixture *f, gconstpointer data)
{
  GtkWidget *root = GTK_WIDGET (f->viewer);

  escale_photo_viewer_set_prints_left (f->viewer, 1);
  g_signal_handlers_disconnect_by_func (f->viewer, load_cb, f);
  photos_test_click (root, "Suivante");
  g_assert_true (photos_test_shows_label (root, "Un instant…"));
  escale_photo_viewer_set_texture (f->viewer, 1, NULL);
  g_assert_true (photos_test_shows_label (root, "Cette photo ne peut pas s'afficher."));
  /* Nothing to enlarge or print. */
  g_assert_false (gtk_widget_is_sensitive (photos_test_find_button (root, "Agrandir")));
  g_assert_false (
    gtk_widget_is_sensitive (photos_test_find_button (root, "Imprimer cette photo")));
  /* A picture that comes late for another photo is not shown. */
  escale_photo_viewer_set_texture (f->viewer, 0, f->textures[0]);
  g_assert_null (escale_photo_canvas_get_texture (escale_photo_viewer_get_canvas (f->viewer)));
}

/* --- grid ---------------------------------------------------------------- */

typedef struct
{
  GtkWindow *window;
  EscalePhotoGrid *grid;
  GHashTable *asked;
  GdkTexture *thumbnail;
  guint activated;
} GridFixture;

static void
need_thumbnail_cb (EscalePhotoGrid *grid, guint index, GridFixture *f)
{
  g_hash_table_add (f->asked, GUINT_TO_POINTER (index));
}

static void
activate_cb (EscalePhotoGrid *grid, guint index, GridFixture *f)
{
  f->activated = index;
}

static void
grid_setup (GridFixture *f, gconstpointer data)
{
  f->asked = g_hash_table_new (NULL, NULL);
  f->thumbnail = texture_new (256, 192, 0x88aa22);
  f->activated = G_MAXUINT;
  f->grid = ESCALE_PHOTO_GRID (escale_photo_grid_new ());
  g_object_ref_sink (f->grid);
  g_signal_connect (f->grid, "need-thumbnail", G_CALLBACK (need_thumbnail_cb), f);
  g_signal_connect (f->grid, "activate", G_CALLBACK (activate_cb), f);
  escale_photo_grid_add_section (f->grid, "Août 2024", 1);
  escale_photo_grid_add_section (f->grid, "Juillet 2024", 12);
  escale_photo_grid_add_section (f->grid, "Mars 2023", 400);
  f->window = window_new (GTK_WIDGET (f->grid), 1024, 768);
}

static void
grid_teardown (GridFixture *f, gconstpointer data)
{
  window_destroy (f->window);
  g_assert_finalize_object (f->grid);
  g_assert_finalize_object (f->thumbnail);
  g_hash_table_unref (f->asked);
}

static void
answer_all (GridFixture *f)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, f->asked);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    escale_photo_grid_set_thumbnail (f->grid, GPOINTER_TO_UINT (key), f->thumbnail);
  g_hash_table_remove_all (f->asked);
  escale_test_spin (100);
}

static void
test_grid_months_and_lazy (GridFixture *f, gconstpointer data)
{
  GtkWidget *root = GTK_WIDGET (f->grid);
  guint asked;

  g_assert_true (photos_test_shows_label (root, "Juillet 2024 — 12 photos"));
  g_assert_true (photos_test_shows_label (root, "Août 2024 — 1 photo"));
  /* Only what is on screen is decoded: the first photos, not all 413. */
  asked = g_hash_table_size (f->asked);
  g_assert_true (g_hash_table_contains (f->asked, GUINT_TO_POINTER (0)));
  g_assert_cmpuint (asked, >, 3);
  g_assert_cmpuint (asked, <, 150);
  g_assert_false (g_hash_table_contains (f->asked, GUINT_TO_POINTER (412)));
  answer_all (f);
  g_assert_cmpuint (escale_photo_grid_get_n_thumbnails (f->grid), ==, asked);

  /* More below: "Voir plus bas" says so and goes there. */
  g_assert_true (photos_test_is_drawable (root, "Voir plus bas"));
  g_assert_false (gtk_widget_is_sensitive (photos_test_find_button (root, "Remonter")));
  for (int i = 0; i < 4; i++)
    photos_test_click (root, "Voir plus bas");
  escale_test_spin (200);
  g_assert_true (gtk_widget_is_sensitive (photos_test_find_button (root, "Remonter")));
  g_assert_cmpuint (g_hash_table_size (f->asked), >, 0);
  g_assert_false (g_hash_table_contains (f->asked, GUINT_TO_POINTER (0)));
  g_assert_false (photos_test_shows_label (root, "Juillet 2024 — 12 photos"));
  photos_test_click (root, "Remonter");
}

static void
test_grid_errors_and_touch (GridFixture *f, gconstpointer data)
{
  GtkWidget *root = GTK_WIDGET (f->grid);

  escale_photo_grid_set_thumbnail (f->grid, 1, NULL);
  g_assert_true (photos_test_shows_label (root, "Cette photo ne peut pas s'afficher"));
  /* A photo with no picture is not asked for again when it comes back. */
  g_hash_table_remove_all (f->asked);
  for (int i = 0; i < 6; i++)
    escale_photo_grid_scroll (f->grid, 1);
  while (escale_photo_grid_scroll (f->grid, -1))
    escale_test_spin (50);
  escale_test_spin (200);
  g_assert_false (g_hash_table_contains (f->asked, GUINT_TO_POINTER (1)));

  /* The third tile (its index is the grid's own data on the button). */
  {
    GtkWidget *tile = photos_test_find_tile (root, 2);

    g_assert_nonnull (tile);
    g_signal_emit_by_name (tile, "clicked");
  }
  g_assert_cmpuint (f->activated, ==, 2);
}

static void
test_grid_clear (GridFixture *f, gconstpointer data)
{
  answer_all (f);
  g_assert_cmpuint (escale_photo_grid_get_n_thumbnails (f->grid), >, 0);
  escale_photo_grid_clear (f->grid);
  escale_test_spin (100);
  g_assert_cmpuint (escale_photo_grid_get_n_thumbnails (f->grid), ==, 0);
  g_assert_cmpuint (escale_photo_grid_get_n_photos (f->grid), ==, 0);
  g_assert_false (photos_test_shows_label (GTK_WIDGET (f->grid), "Juillet 2024 — 12 photos"));
  /* Nothing holds the thumbnail but the test. */
  g_assert_cmpuint (G_OBJECT (f->thumbnail)->ref_count, ==, 1);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  escale_test_tolerate_list_scroll_warning ();

  g_test_add ("/escale/photos-view/viewer-next-previous", ViewerFixture, NULL, viewer_setup,
              test_viewer_next_previous, viewer_teardown);
  g_test_add ("/escale/photos-view/viewer-zoom-rotate", ViewerFixture, NULL, viewer_setup,
              test_viewer_zoom_rotate, viewer_teardown);
  g_test_add_func ("/escale/photos-view/rotate-for-print", test_rotate_texture);
  g_test_add ("/escale/photos-view/viewer-slideshow-touch-stops", ViewerFixture, NULL,
              viewer_setup, test_viewer_slideshow, viewer_teardown);
  g_test_add ("/escale/photos-view/viewer-print-confirmation", ViewerFixture, NULL, viewer_setup,
              test_viewer_print_confirmation, viewer_teardown);
  g_test_add ("/escale/photos-view/viewer-cannot-show", ViewerFixture, NULL, viewer_setup,
              test_viewer_cannot_show, viewer_teardown);
  g_test_add ("/escale/photos-view/grid-months-and-lazy", GridFixture, NULL, grid_setup,
              test_grid_months_and_lazy, grid_teardown);
  g_test_add ("/escale/photos-view/grid-errors-and-touch", GridFixture, NULL, grid_setup,
              test_grid_errors_and_touch, grid_teardown);
  g_test_add ("/escale/photos-view/grid-clear", GridFixture, NULL, grid_setup, test_grid_clear,
              grid_teardown);
  return g_test_run ();
}
