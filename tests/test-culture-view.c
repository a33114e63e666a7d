/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "escale-activities.h"
#include "escale-activity-page.h"
#include "escale-config-file.h"
#include "escale-culture-view.h"
#include "escale-home-page.h"
#include "escale-test-util.h"
#include "escale-web-view.h"

/* The culture corner as a person uses it: touching tiles and buttons of the
 * real activity page, with the demo collection and a local server standing
 * in for a museum's website. */

typedef struct
{
  char *dir;
  SoupServer *server;
  char *base;
  EscaleActivity *activity;
  EscaleWebProfile *profile;
  GtkWindow *window;
  GtkWidget *page;
  EscaleCultureView *view;
} Fixture;

static void
handler (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
         gpointer user_data)
{
  static const char body[] = "<!DOCTYPE html><title>Musée du village</title><h1>Salle 1</h1>";

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_STATIC, body,
                                    strlen (body));
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_for (gboolean (*cond) (Fixture *), Fixture *f)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (30, timeout_cb, &timed_out);

  while (!cond (f) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  g_assert_false (timed_out);
}

static void
settle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The text of a button, whatever its child (label, or box with a label). */
static const char *
button_text (GtkWidget *button)
{
  for (GtkWidget *w = gtk_widget_get_first_child (button); w != NULL;
       w = gtk_widget_get_first_child (w))
    {
      for (GtkWidget *c = w; c != NULL; c = gtk_widget_get_next_sibling (c))
        if (GTK_IS_LABEL (c))
          return gtk_label_get_text (GTK_LABEL (c));
    }
  return NULL;
}

/* A button a person can see and touch, found by its words. */
static GtkWidget *
find_button (GtkWidget *root, const char *text)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_is_drawable (root) &&
      g_strcmp0 (button_text (root), text) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
shows_label (GtkWidget *root, const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_is_drawable (root) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (shows_label (c, text))
      return TRUE;
  return FALSE;
}

static guint
count_tiles (GtkWidget *root)
{
  guint n = GTK_IS_BUTTON (root) && gtk_widget_has_css_class (root, "culture-tile") &&
            gtk_widget_is_drawable (root);

  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    n += count_tiles (c);
  return n;
}

static void
touch (Fixture *f, const char *text)
{
  GtkWidget *button = find_button (GTK_WIDGET (f->window), text);

  g_test_message ("touch %s", text);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  settle ();
}

/* A one-work collection whose work has a sound: @seconds of silence, as a
 * WAV file (8 kHz, 16-bit mono). */
static void
write_sound_collection (const char *dir, guint seconds)
{
  g_autofree char *demo_image = g_build_filename (g_getenv ("ESCALE_SOURCE_DIR"), "kiosk-config",
                                                  "culture", "perigord", "images", "noix.svg",
                                                  NULL);
  g_autofree char *image = g_build_filename (dir, "noix.svg", NULL);
  g_autofree char *ini = g_build_filename (dir, "collection.ini", NULL);
  g_autofree char *wav = g_build_filename (dir, "chant.wav", NULL);
  g_autofree char *svg = NULL;
  guint32 data_size = seconds * 8000 * 2;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  guint32 header[] = { GUINT32_TO_LE (36 + data_size),
                       0,
                       0,
                       GUINT32_TO_LE (16),
                       GUINT32_TO_LE (0x00010001),
                       GUINT32_TO_LE (8000),
                       GUINT32_TO_LE (16000),
                       GUINT32_TO_LE (0x00100002),
                       0,
                       GUINT32_TO_LE (data_size) };

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_get_contents (demo_image, &svg, NULL, NULL));
  g_assert_true (g_file_set_contents (image, svg, -1, NULL));
  g_assert_true (g_file_set_contents (ini,
                                      "[Collection]\ntitle=Salle des chants\n"
                                      "[Item 1]\ntitle=Le chant des noyers\nimage=noix.svg\n"
                                      "text-1=Un chant de la vallée.\naudio=chant.wav\n",
                                      -1, NULL));
  g_byte_array_append (bytes, (const guint8 *) "RIFF", 4);
  g_byte_array_append (bytes, (const guint8 *) &header[0], 4);
  g_byte_array_append (bytes, (const guint8 *) "WAVEfmt ", 8);
  g_byte_array_append (bytes, (const guint8 *) &header[3], 20);
  g_byte_array_append (bytes, (const guint8 *) "data", 4);
  g_byte_array_append (bytes, (const guint8 *) &header[9], 4);
  g_byte_array_set_size (bytes, bytes->len + data_size);
  memset (bytes->data + 44, 0, data_size);
  g_assert_true (g_file_set_contents (wav, (const char *) bytes->data, bytes->len, NULL));
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GPtrArray) problems =
               g_ptr_array_new_with_free_func ((GDestroyNotify) escale_config_problem_free);
  g_autoptr(EscaleConfigFile) file = NULL;
  g_autofree char *demo =
    g_build_filename (g_getenv ("ESCALE_SOURCE_DIR"), "kiosk-config", "culture", NULL);
  g_autofree char *link = NULL;
  g_autofree char *ini = NULL;
  g_autofree char *ini_path = NULL;
  GSList *uris;

  f->dir = g_dir_make_tmp ("escale-culture-view-XXXXXX", &error);
  g_assert_no_error (error);
  f->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (f->server, NULL, handler, f, NULL);
  g_assert_true (soup_server_listen (f->server, address, 0, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (f->server);
  f->base = g_strdup_printf ("http://127.0.0.1:%d/", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  link = g_build_filename (f->dir, "culture", NULL);
  g_assert_cmpint (symlink (demo, link), ==, 0);
  /* data: the name of a collection of the test's own, instead of the demo. */
  if (data != NULL)
    {
      g_autofree char *own = g_build_filename (f->dir, data, NULL);

      write_sound_collection (own, 2);
    }
  ini = g_strdup_printf ("[Activity]\nid=culture\ntitle=Culture et loisirs\nicon=culture\n"
                         "kind=culture\n[Guide]\nstep-1=Touchez une image.\n"
                         "[Culture]\ncollection=%s\n"
                         "[Site 1]\ntitle=Musée du village\nurl=%s\n"
                         "description=Une salle d'essai.\n",
                         data != NULL ? (const char *) data : "culture/perigord", f->base);
  ini_path = g_build_filename (f->dir, "culture.ini", NULL);
  g_assert_true (g_file_set_contents (ini_path, ini, -1, &error));
  file = escale_config_file_load (ini_path, "activities/culture.ini", problems, &error);
  g_assert_no_error (error);
  f->activity =
    escale_activity_new_from_file (file, f->dir, escale_activities_get_kinds (), problems);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_nonnull (f->activity);

  f->profile = escale_web_profile_new ();
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1280, 800);
  f->page = escale_activity_page_new (f->activity, NULL, f->profile);
  gtk_window_set_child (f->window, f->page);
  gtk_window_present (f->window);
  settle ();
  f->view =
    ESCALE_CULTURE_VIEW (escale_activity_page_get_content (ESCALE_ACTIVITY_PAGE (f->page)));
  g_assert_true (ESCALE_IS_CULTURE_VIEW (f->view));
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_autofree char *link = g_build_filename (f->dir, "culture", NULL);
  g_autofree char *ini = g_build_filename (f->dir, "culture.ini", NULL);

  g_object_add_weak_pointer (G_OBJECT (f->page), (gpointer *) &f->page);
  gtk_window_destroy (f->window);
  g_assert_null (f->page); /* leaving the activity drops everything it held */
  escale_test_drain ();
  g_assert_finalize_object (g_steal_pointer (&f->activity));
  g_assert_finalize_object (g_steal_pointer (&f->profile));
  soup_server_disconnect (f->server);
  g_assert_finalize_object (g_steal_pointer (&f->server));
  g_assert_cmpint (g_unlink (link), ==, 0);
  g_assert_cmpint (g_unlink (ini), ==, 0);
  if (data != NULL)
    {
      g_autofree char *own = g_build_filename (f->dir, data, NULL);

      g_assert_true (escale_remove_tree (own, NULL));
    }
  g_assert_cmpint (g_rmdir (f->dir), ==, 0);
  g_free (f->dir);
  g_free (f->base);
}

static void
test_gallery_detail (Fixture *f, gconstpointer data)
{
  GtkWidget *tile;

  g_assert_cmpstr (escale_culture_view_get_screen (f->view), ==, "gallery");
  g_assert_true (shows_label (GTK_WIDGET (f->window), "Patrimoine du Périgord"));
  g_assert_cmpuint (count_tiles (GTK_WIDGET (f->window)), ==, 6);
  g_assert_true (shows_label (GTK_WIDGET (f->window), "Comment faire"));

  tile = find_button (GTK_WIDGET (f->window), "La grotte de Lascaux");
  g_assert_nonnull (tile);
  g_signal_emit_by_name (tile, "clicked");
  settle ();
  g_assert_cmpstr (escale_culture_view_get_screen (f->view), ==, "detail");
  g_assert_true (shows_label (GTK_WIDGET (f->window), "La grotte de Lascaux"));
  g_assert_false (gtk_widget_is_sensitive (find_button (GTK_WIDGET (f->window), "Précédente")));

  /* Agrandir, then Réduire comes back. */
  g_assert_false (gtk_widget_is_sensitive (find_button (GTK_WIDGET (f->window), "Réduire")));
  touch (f, "Agrandir");
  touch (f, "Agrandir");
  touch (f, "Agrandir");
  g_assert_false (gtk_widget_is_sensitive (find_button (GTK_WIDGET (f->window), "Agrandir")));
  touch (f, "Réduire");

  touch (f, "Suivante");
  g_assert_true (shows_label (GTK_WIDGET (f->window), "Le château de Beynac"));
  g_assert_true (gtk_widget_is_sensitive (find_button (GTK_WIDGET (f->window), "Précédente")));
  /* A new work is shown at its normal size. */
  g_assert_false (gtk_widget_is_sensitive (find_button (GTK_WIDGET (f->window), "Réduire")));
  touch (f, "Toutes les œuvres");
  g_assert_cmpstr (escale_culture_view_get_screen (f->view), ==, "gallery");
}

static void
test_slideshow (Fixture *f, gconstpointer data)
{
  touch (f, "Mode conférencier");
  g_assert_cmpstr (escale_culture_view_get_screen (f->view), ==, "slideshow");
  g_assert_true (escale_culture_view_get_presenting (f->view));
  /* In front of a group nobody touches the screen: no countdown. */
  g_assert_true (escale_activity_view_get_holding (ESCALE_ACTIVITY_VIEW (f->view)));
  /* The guide steps aside: the pictures get the whole width. */
  g_assert_false (shows_label (GTK_WIDGET (f->window), "Comment faire"));
  g_assert_true (shows_label (GTK_WIDGET (f->window), "1 sur 6"));
  touch (f, "Suivante");
  g_assert_true (shows_label (GTK_WIDGET (f->window), "2 sur 6"));
  g_assert_true (shows_label (GTK_WIDGET (f->window),
                              "Beynac, perché sur sa falaise au-dessus de la Dordogne"));
  touch (f, "Quitter");
  /* The helper ends on the work the group was looking at. */
  g_assert_cmpstr (escale_culture_view_get_screen (f->view), ==, "detail");
  g_assert_true (shows_label (GTK_WIDGET (f->window), "Le château de Beynac"));
  g_assert_false (escale_culture_view_get_presenting (f->view));
  g_assert_false (escale_activity_view_get_holding (ESCALE_ACTIVITY_VIEW (f->view)));
  g_assert_true (shows_label (GTK_WIDGET (f->window), "Comment faire"));
}

/* The megapixels of every picture of @root, shown or not (a hidden
 * slideshow's picture is memory all the same). */
static double
picture_megapixels (GtkWidget *root)
{
  double sum = 0;

  if (GTK_IS_PICTURE (root) && gtk_picture_get_paintable (GTK_PICTURE (root)) != NULL)
    {
      GdkPaintable *p = gtk_picture_get_paintable (GTK_PICTURE (root));

      sum += gdk_paintable_get_intrinsic_width (p) *
             (double) gdk_paintable_get_intrinsic_height (p) / 1e6;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    sum += picture_megapixels (c);
  return sum;
}

/* The gallery holds small pictures only (a tile is a few hundred pixels
 * wide), and a work is decoded large only when it is opened: a person
 * reading a museum's site from the culture corner does not pay 7 MiB a
 * work of the gallery behind it. */
static void
test_pictures_sized (Fixture *f, gconstpointer data)
{
  GtkWidget *tile;

  g_assert_cmpuint (count_tiles (GTK_WIDGET (f->window)), ==, 6);
  /* Six tiles of at most 480 x 360 (1.04 MP); at 1600 x 1200 they held 11.5. */
  g_assert_cmpfloat (picture_megapixels (GTK_WIDGET (f->view)), <, 1.1);
  tile = find_button (GTK_WIDGET (f->window), "La grotte de Lascaux");
  g_signal_emit_by_name (tile, "clicked");
  settle ();
  /* The work opened is sharp when enlarged. */
  g_assert_cmpfloat (picture_megapixels (GTK_WIDGET (f->view)), >=, 1.0);
}

static GtkWidget *
find_class (GtkWidget *root, const char *css_class)
{
  if (gtk_widget_has_css_class (root, css_class) && gtk_widget_is_drawable (root))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_class (c, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static graphene_rect_t
bounds_of (Fixture *f, GtkWidget *widget)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (f->window), &bounds));
  return bounds;
}

static double
centre_of (GtkAdjustment *adj)
{
  return (gtk_adjustment_get_value (adj) + gtk_adjustment_get_page_size (adj) / 2) /
         gtk_adjustment_get_upper (adj);
}

/* Agrandir and Réduire stand beside the artwork, not on it; enlarged, the
 * picture keeps its proportions (no empty band) and its middle; a drag
 * moves it under the finger. */
static void
test_detail_picture (Fixture *f, gconstpointer data)
{
  GtkWidget *frame;
  GtkWidget *picture;
  GtkAdjustment *h, *v;
  GdkPaintable *paintable;
  GtkGesture *drag = NULL;
  g_autoptr(GListModel) controllers = NULL;
  graphene_rect_t frame_bounds, in_bounds, out_bounds;
  double start_h, start_v;

  touch (f, "La grotte de Lascaux");
  escale_test_spin (200);
  frame = find_class (GTK_WIDGET (f->window), "culture-picture-frame");
  g_assert_nonnull (frame);
  frame_bounds = bounds_of (f, frame);
  in_bounds = bounds_of (f, find_button (GTK_WIDGET (f->window), "Agrandir"));
  out_bounds = bounds_of (f, find_button (GTK_WIDGET (f->window), "Réduire"));
  g_assert_false (graphene_rect_intersection (&frame_bounds, &in_bounds, NULL));
  g_assert_false (graphene_rect_intersection (&frame_bounds, &out_bounds, NULL));

  touch (f, "Agrandir");
  escale_test_spin (300);
  picture = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (frame));
  picture = GTK_IS_VIEWPORT (picture) ? gtk_viewport_get_child (GTK_VIEWPORT (picture)) : picture;
  paintable = gtk_picture_get_paintable (GTK_PICTURE (picture));
  g_assert_cmpfloat_with_epsilon ((double) gtk_widget_get_width (picture) /
                                    gtk_widget_get_height (picture),
                                  gdk_paintable_get_intrinsic_aspect_ratio (paintable), 0.02);
  /* One and a half times the picture fitted in its frame, no more: not the
   * frame enlarged with empty bands beside the picture. */
  {
    double fit = MIN (frame_bounds.size.width / gdk_paintable_get_intrinsic_width (paintable),
                      frame_bounds.size.height / gdk_paintable_get_intrinsic_height (paintable));

    g_assert_cmpfloat (gtk_widget_get_width (picture), <=,
                       gdk_paintable_get_intrinsic_width (paintable) * fit * 1.5 + 2);
    g_assert_cmpfloat (gtk_widget_get_height (picture), <=,
                       gdk_paintable_get_intrinsic_height (paintable) * fit * 1.5 + 2);
  }
  h = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (frame));
  v = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (frame));
  g_assert_cmpfloat (gtk_adjustment_get_upper (h), >, gtk_adjustment_get_page_size (h) + 10);
  g_assert_cmpfloat_with_epsilon (centre_of (h), 0.5, 0.02);
  if (gtk_adjustment_get_upper (v) > gtk_adjustment_get_page_size (v))
    g_assert_cmpfloat_with_epsilon (centre_of (v), 0.5, 0.02);

  /* A finger dragged 40 px to the left and 20 px up shows more of the right. */
  controllers = gtk_widget_observe_controllers (frame);
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && drag == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_DRAG (controller))
        drag = GTK_GESTURE (controller);
    }
  g_assert_nonnull (drag);
  start_h = gtk_adjustment_get_value (h);
  start_v = gtk_adjustment_get_value (v);
  g_signal_emit_by_name (drag, "drag-begin", 300.0, 200.0);
  g_signal_emit_by_name (drag, "drag-update", -40.0, -20.0);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (h), start_h + 40, 0.5);
  /* Up and down only as far as the picture goes (a wide picture may fit). */
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (v),
                                  MIN (start_v + 20, gtk_adjustment_get_upper (v) -
                                                       gtk_adjustment_get_page_size (v)),
                                  0.5);
}

/* Whether a line of the text's labels is cut at height @y; @top gets that
 * line's top. */
static gboolean
straddles (GtkWidget *text, double y, double *top)
{
  for (GtkWidget *c = gtk_widget_get_first_child (text); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      graphene_point_t origin;
      PangoLayoutIter *iter;
      int offset_y;
      gboolean cut = FALSE;

      if (!GTK_IS_LABEL (c))
        continue;
      g_assert_true (gtk_widget_compute_point (c, text, &GRAPHENE_POINT_INIT (0, 0), &origin));
      gtk_label_get_layout_offsets (GTK_LABEL (c), NULL, &offset_y);
      iter = pango_layout_get_iter (gtk_label_get_layout (GTK_LABEL (c)));
      do
        {
          int line_top, line_bottom;
          double t, b;

          pango_layout_iter_get_line_yrange (iter, &line_top, &line_bottom);
          t = origin.y + offset_y + (double) line_top / PANGO_SCALE;
          b = origin.y + offset_y + (double) line_bottom / PANGO_SCALE;
          if (t < y - 1 && b > y + 1)
            {
              cut = TRUE;
              if (top != NULL)
                *top = t;
            }
        }
      while (!cut && pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
      if (cut)
        return TRUE;
    }
  return FALSE;
}

/* "Lire la suite" brings the line cut at the bottom to the top, whole. */
static void
test_read_more_whole_lines (Fixture *f, gconstpointer data)
{
  GtkWidget *text;
  GtkWidget *scroller;
  GtkAdjustment *adj;

  gtk_window_set_default_size (f->window, 1024, 768);
  touch (f, "La grotte de Lascaux");
  escale_test_spin (300);
  text = find_class (GTK_WIDGET (f->window), "culture-text");
  g_assert_nonnull (text);
  scroller = gtk_widget_get_ancestor (text, GTK_TYPE_SCROLLED_WINDOW);
  adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  for (guint i = 0; i < 4 && find_button (GTK_WIDGET (f->window), "Lire la suite") != NULL; i++)
    {
      double before = gtk_adjustment_get_value (adj);
      double bottom = before + gtk_adjustment_get_page_size (adj);
      double cut_top = bottom;

      /* The line cut at the bottom now opens the frame, whole. */
      straddles (text, bottom, &cut_top);
      touch (f, "Lire la suite");
      escale_test_spin (100);
      g_test_message ("value %.1f (expected %.1f) page %.1f upper %.1f",
                      gtk_adjustment_get_value (adj), cut_top, gtk_adjustment_get_page_size (adj),
                      gtk_adjustment_get_upper (adj));
      g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (adj), cut_top, 1);
      g_assert_false (straddles (text, gtk_adjustment_get_value (adj), NULL));
    }
  g_assert_cmpfloat (gtk_adjustment_get_value (adj), >, 0);
}

static gboolean
holding (Fixture *f)
{
  return escale_activity_view_get_holding (ESCALE_ACTIVITY_VIEW (f->view));
}

static gboolean
not_holding (Fixture *f)
{
  return !holding (f);
}

/* While a work's sound plays, the inactivity countdown stays away; it
 * comes back when the person stops it, or when it ends by itself. */
static void
test_sound_holds (Fixture *f, gconstpointer data)
{
  g_assert_true (shows_label (GTK_WIDGET (f->window), "Salle des chants"));
  touch (f, "Le chant des noyers");
  g_assert_false (holding (f));
  touch (f, "Écouter");
  wait_for (holding, f);
  touch (f, "Arrêter le son");
  g_assert_false (holding (f));

  /* Two seconds of sound, played to the end: "Écouter" again. */
  touch (f, "Écouter");
  wait_for (holding, f);
  wait_for (not_holding, f);
  g_assert_nonnull (find_button (GTK_WIDGET (f->window), "Écouter"));
}

static GtkWidget *watched_view;

static gboolean
site_loaded (Fixture *f)
{
  WebKitWebView *web = escale_web_view_get_web_view (ESCALE_WEB_VIEW (watched_view));

  return !webkit_web_view_is_loading (web) &&
         g_strcmp0 (webkit_web_view_get_title (web), "Musée du village") == 0;
}

static gboolean
refused_shown (Fixture *f)
{
  WebKitWebView *web = escale_web_view_get_web_view (ESCALE_WEB_VIEW (watched_view));

  return !webkit_web_view_is_loading (web) &&
         g_strcmp0 (webkit_web_view_get_uri (web), ESCALE_WEB_REFUSED_URI) == 0;
}

static gboolean
view_gone (Fixture *f)
{
  return watched_view == NULL;
}

static void
test_site_in_locked_view (Fixture *f, gconstpointer data)
{
  WebKitWebView *web;

  touch (f, "Sites de musées");
  g_assert_cmpstr (escale_culture_view_get_screen (f->view), ==, "sites");
  g_assert_true (shows_label (GTK_WIDGET (f->window), "Une salle d'essai."));
  touch (f, "Musée du village");
  g_assert_cmpstr (escale_culture_view_get_screen (f->view), ==, "web");
  watched_view = escale_culture_view_get_web_view (f->view);
  g_assert_true (ESCALE_IS_WEB_VIEW (watched_view));
  wait_for (site_loaded, f);

  /* The site's own links are fine; another address is refused calmly. */
  web = escale_web_view_get_web_view (ESCALE_WEB_VIEW (watched_view));
  webkit_web_view_evaluate_javascript (web,
                                       "var a = document.createElement('a');"
                                       "a.href = 'https://ailleurs.example/'; "
                                       "document.body.appendChild(a); a.click();",
                                       -1, NULL, NULL, NULL, NULL, NULL);
  wait_for (refused_shown, f);
  /* Retour comes back to the museum. */
  touch (f, "Retour");
  wait_for (site_loaded, f);

  /* Leaving the site drops its web view. */
  g_object_add_weak_pointer (G_OBJECT (watched_view), (gpointer *) &watched_view);
  touch (f, "Autres sites");
  g_assert_cmpstr (escale_culture_view_get_screen (f->view), ==, "sites");
  g_assert_null (escale_culture_view_get_web_view (f->view));
  wait_for (view_gone, f);
}

static gboolean
shows_closed_museum (gpointer window)
{
  return find_button (window, "Musée fermé") != NULL;
}

/* A port nobody listens on: bound, then closed. */
static guint
closed_port (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                             G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  g_assert_true (g_socket_bind (socket, any, FALSE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  g_assert_true (g_socket_close (socket, NULL));
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

/* A listed site that does not answer: the person sees the calm page, and
 * staff get a notice naming the config line, never the address visited. */
static void
test_unreachable_site_notice (void)
{
  g_autofree char *dir = g_dir_make_tmp ("escale-culture-site-XXXXXX", NULL);
  g_autofree char *acts = g_build_filename (dir, "activities", NULL);
  g_autofree char *ini = g_build_filename (dir, "escale.ini", NULL);
  g_autofree char *act = g_build_filename (acts, "culture.ini", NULL);
  g_autofree char *site = g_strdup_printf ("[Activity]\nid=culture\ntitle=Culture\n"
                                           "icon=culture\nkind=culture\n"
                                           "[Site 1]\ntitle=Musée fermé\n"
                                           "url=http://127.0.0.1:%u/salle\n",
                                           closed_port ());
  g_auto (GStrv) lines = NULL;
  EscaleTestKiosk k = { 0 };
  GtkWidget *button;

  g_assert_true (g_file_set_contents (ini, "[Centre]\nname=Test\n", -1, NULL));
  g_assert_cmpint (g_mkdir (acts, 0700), ==, 0);
  g_assert_true (g_file_set_contents (act, site, -1, NULL));
  escale_test_kiosk_init (&k, dir, FALSE);
  gtk_widget_activate_action (GTK_WIDGET (k.window), "win.start", NULL);
  button = escale_home_page_get_button (ESCALE_HOME_PAGE (escale_window_get_home_page (k.window)),
                                        "culture");
  g_signal_emit_by_name (button, "clicked");
  settle ();
  g_signal_emit_by_name (find_button (GTK_WIDGET (k.window), "Sites de musées"), "clicked");
  escale_test_wait_until (shows_closed_museum, k.window, 10000);
  button = find_button (GTK_WIDGET (k.window), "Musée fermé");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  escale_test_wait_until (escale_test_kiosk_has_notices, k.kiosk, 30000);

  lines = escale_notices_format (escale_kiosk_get_notices (k.kiosk));
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  g_assert_cmpstr (lines[0], ==,
                   "activities/culture.ini:8: url: le site ne répond pas : le réseau est "
                   "peut-être coupé, ou l'adresse a changé");
  escale_test_kiosk_clear (&k);
  g_assert_true (escale_remove_tree (dir, NULL));
}

#define ADD(path, func)                                                                           \
  g_test_add ("/escale/culture-view/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  ADD ("gallery-detail", test_gallery_detail);
  ADD ("slideshow", test_slideshow);
  ADD ("pictures-sized", test_pictures_sized);
  ADD ("site-in-locked-view", test_site_in_locked_view);
  g_test_add_func ("/escale/culture-view/unreachable-site-notice", test_unreachable_site_notice);
  ADD ("detail-picture", test_detail_picture);
  ADD ("read-more-whole-lines", test_read_more_whole_lines);
  g_test_add ("/escale/culture-view/sound-holds", Fixture, "salle", fixture_setup,
              test_sound_holds, fixture_teardown);
  return g_test_run ();
}
