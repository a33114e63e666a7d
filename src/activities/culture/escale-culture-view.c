/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-shell"

#include <glib/gi18n.h>

#include "escale-culture-collection.h"
#include "escale-culture-kind.h"
#include "escale-culture-sites.h"
#include "escale-culture-slideshow.h"
#include "escale-culture-view.h"
#include "escale-culture-zoom.h"
#include "escale-ui-util.h"

/* "Culture et loisirs": the centre's offline collection and a few cultural
 * websites it chose. Screens, one at a time:
 *   gallery    big tiles of the works (six at most), "Mode conférencier",
 *              "Sites de musées"
 *   detail     one work: large picture with Agrandir/Réduire, its text,
 *              Écouter when it has a sound, previous/next
 *   slideshow  the helper's "Mode conférencier" (the guide panel and the
 *              window's bars step aside: the view is "presenting" and
 *              "fills-screen")
 *   sites      the allowlisted sites as big tiles
 *   web        one site in the locked web view, with big Retour buttons
 * Everything lives for one visit of the activity. */
struct _EscaleCultureView
{
  EscaleActivityView parent_instance;

  /* children */
  GtkWidget *stack;
  GtkWidget *gallery_grid;
  GtkWidget *gallery_more;
  GtkWidget *detail_zoom; /* EscaleCultureZoom */
  GtkWidget *detail_text;
  GtkScrolledWindow *text_scroller;
  GtkWidget *read_more;
  GtkWidget *detail_previous;
  GtkWidget *detail_next;
  GtkWidget *listen_button;
  GtkWidget *zoom_in;
  GtkWidget *zoom_out;
  GtkWidget *slideshow;
  GtkWidget *sites; /* EscaleCultureSites */

  /* borrowed from EscaleActivityView */
  EscaleActivity *activity;
  EscaleWebProfile *web_profile;

  /* owned */
  EscaleCultureCollection *collection;
  GHashTable *textures;
  GtkMediaStream *sound;
  GtkMediaStream *film; /* of the work shown, if it has one */
  guint item;
  guint gallery_page;
  double read_target; /* "Lire la suite" waiting for room at the end, or -1 */
};

G_DEFINE_FINAL_TYPE (EscaleCultureView, escale_culture_view, ESCALE_TYPE_ACTIVITY_VIEW)

#define TILES_PER_PAGE 6

static guint
n_items (EscaleCultureView *self)
{
  return self->collection ? escale_culture_collection_get_n_items (self->collection) : 0;
}

/* A sound or a film playing keeps the inactivity countdown away (it never
 * runs while a video plays); it comes back when they stop or end. So does
 * Mode conférencier: a helper talking to a group touches nothing for
 * minutes, and a countdown must not interrupt the visit in front of them. */
static void
update_holding (EscaleCultureView *self)
{
  gboolean playing = (self->sound != NULL && gtk_media_stream_get_playing (self->sound)) ||
                     (self->film != NULL && gtk_media_stream_get_playing (self->film)) ||
                     escale_activity_view_get_presenting (ESCALE_ACTIVITY_VIEW (self));

  escale_activity_view_set_holding (ESCALE_ACTIVITY_VIEW (self), playing);
}

static void
stop_sound (EscaleCultureView *self)
{
  if (self->sound != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->sound, self);
      gtk_media_stream_pause (self->sound);
    }
  g_clear_object (&self->sound);
  if (self->listen_button != NULL)
    gtk_button_set_label (GTK_BUTTON (self->listen_button), _ ("Écouter"));
  update_holding (self);
}

static void
stop_film (EscaleCultureView *self)
{
  if (self->film != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->film, self);
      gtk_media_stream_pause (self->film);
    }
  g_clear_object (&self->film);
  update_holding (self);
}

/* At its end, or if it cannot be played, the sound is over: "Écouter"
 * plays it again. */
static void
sound_playing_cb (EscaleCultureView *self)
{
  if (gtk_media_stream_get_ended (self->sound) || gtk_media_stream_get_error (self->sound) != NULL)
    stop_sound (self);
  else
    update_holding (self);
}

static void
film_playing_cb (EscaleCultureView *self)
{
  update_holding (self);
}

static void
show_screen (EscaleCultureView *self, const char *name)
{
  stop_sound (self);
  stop_film (self);
  /* The slideshow takes the whole screen: the guide panel and the window's
   * bars step aside ("Quitter" brings them back). */
  escale_activity_view_set_presenting (ESCALE_ACTIVITY_VIEW (self),
                                       g_str_equal (name, "slideshow"));
  escale_activity_view_set_fills_screen (ESCALE_ACTIVITY_VIEW (self),
                                         g_str_equal (name, "slideshow"));
  update_holding (self);
  /* Leaving the sites drops an open page and its web process. */
  if (!g_str_equal (name, "sites"))
    escale_culture_sites_show_list (ESCALE_CULTURE_SITES (self->sites));
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), name);
  if (g_str_equal (name, "slideshow"))
    gtk_widget_grab_focus (self->slideshow);
}

/* A big button whose words wrap, named for screen readers, sharing its
 * row's width. */
static GtkWidget *
wrapping_button_new (const char *text, const char *css_class)
{
  GtkWidget *button = escale_wrapping_button_new (text, css_class);

  gtk_widget_add_css_class (button, "culture-action");
  gtk_widget_set_hexpand (button, TRUE);
  return button;
}

/* --- gallery ----------------------------------------------------------- */

static void
tile_clicked_cb (GtkButton *button, EscaleCultureView *self)
{
  escale_culture_view_open_item (self,
                                 GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "item")));
}

static GtkWidget *
work_tile_new (EscaleCultureView *self, guint index)
{
  const EscaleCultureItem *item = escale_culture_collection_get_item (self->collection, index);
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *picture = gtk_picture_new_for_paintable (
    GDK_PAINTABLE (escale_culture_texture_lookup (self->textures, item->image, FALSE)));
  GtkWidget *label = escale_wrapped_label_new (item->title, "culture-tile-title");

  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_widget_set_size_request (picture, 120, 70);
  gtk_widget_set_vexpand (picture, TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.5);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_label_set_lines (GTK_LABEL (label), 2);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), picture);
  gtk_box_append (GTK_BOX (box), label);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "culture-tile");
  gtk_widget_set_hexpand (button, TRUE);
  gtk_widget_set_vexpand (button, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  item->title, -1);
  g_object_set_data (G_OBJECT (button), "item", GUINT_TO_POINTER (index));
  g_signal_connect (button, "clicked", G_CALLBACK (tile_clicked_cb), self);
  return button;
}

static void
fill_gallery (EscaleCultureView *self)
{
  GtkGrid *grid = GTK_GRID (self->gallery_grid);
  GtkWidget *child;
  guint first = self->gallery_page * TILES_PER_PAGE;

  while ((child = gtk_widget_get_first_child (self->gallery_grid)) != NULL)
    gtk_grid_remove (grid, child);
  for (guint i = first; i < n_items (self) && i < first + TILES_PER_PAGE; i++)
    gtk_grid_attach (grid, work_tile_new (self, i), (int) ((i - first) % 3),
                     (int) ((i - first) / 3), 1, 1);
  gtk_widget_set_visible (self->gallery_more, n_items (self) > TILES_PER_PAGE);
}

static void
more_clicked_cb (EscaleCultureView *self)
{
  guint pages = (n_items (self) + TILES_PER_PAGE - 1) / TILES_PER_PAGE;

  self->gallery_page = (self->gallery_page + 1) % MAX (pages, 1);
  fill_gallery (self);
}

static void
present_clicked_cb (EscaleCultureView *self)
{
  escale_culture_view_present (self, 0);
}

static void
sites_clicked_cb (EscaleCultureView *self)
{
  escale_culture_view_show_sites (self);
}

static GtkWidget *
gallery_new (EscaleCultureView *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 16);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *actions = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *present = wrapping_button_new (_ ("Mode conférencier"), NULL);
  GtkWidget *sites = wrapping_button_new (_ ("Sites de musées"), "suggested");

  if (self->collection != NULL)
    {
      GtkWidget *heading =
        escale_wrapped_label_new (escale_culture_collection_get_title (self->collection),
                                  "culture-heading");
      const char *description = escale_culture_collection_get_description (self->collection);

      /* The description is read out to screen readers; the screen keeps
       * its height for the pictures. */
      if (description != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (heading),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
      gtk_box_append (GTK_BOX (box), heading);
    }
  else
    gtk_box_append (GTK_BOX (box),
                    escale_wrapped_label_new (_ ("La collection n'est pas disponible pour le "
                                                 "moment. Vous pouvez visiter les sites de "
                                                 "musées."),
                                              "culture-intro"));

  self->gallery_grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (self->gallery_grid), 16);
  gtk_grid_set_column_spacing (GTK_GRID (self->gallery_grid), 16);
  gtk_grid_set_row_homogeneous (GTK_GRID (self->gallery_grid), TRUE);
  gtk_grid_set_column_homogeneous (GTK_GRID (self->gallery_grid), TRUE);
  gtk_widget_set_vexpand (self->gallery_grid, TRUE);
  gtk_box_append (GTK_BOX (box), self->gallery_grid);

  self->gallery_more = wrapping_button_new (_ ("Autres œuvres"), NULL);
  g_signal_connect_swapped (self->gallery_more, "clicked", G_CALLBACK (more_clicked_cb), self);
  gtk_box_append (GTK_BOX (actions), self->gallery_more);
  gtk_box_append (GTK_BOX (actions), present);
  gtk_box_append (GTK_BOX (actions), sites);
  gtk_box_set_homogeneous (GTK_BOX (actions), TRUE);
  gtk_widget_set_visible (present, n_items (self) > 0);
  gtk_widget_set_visible (sites, escale_culture_sites_get_n_sites (
                                   ESCALE_CULTURE_SITES (self->sites)) > 0);
  g_signal_connect_swapped (present, "clicked", G_CALLBACK (present_clicked_cb), self);
  g_signal_connect_swapped (sites, "clicked", G_CALLBACK (sites_clicked_cb), self);

  /* The scroller only keeps the window's minimum size small; at 1024 x 768
   * everything fits without scrolling, and the actions stay outside it. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (outer), scroller);
  gtk_box_append (GTK_BOX (outer), actions);
  return outer;
}

/* --- detail ------------------------------------------------------------ */

static void
update_zoom_buttons (EscaleCultureView *self)
{
  EscaleCultureZoom *zoom = ESCALE_CULTURE_ZOOM (self->detail_zoom);

  gtk_widget_set_sensitive (self->zoom_out, escale_culture_zoom_can_step (zoom, -1));
  gtk_widget_set_sensitive (self->zoom_in, escale_culture_zoom_can_step (zoom, 1));
}

/* Agrandir (@direction > 0) or Réduire (< 0) the picture of the detail view. */
void
escale_culture_view_zoom (EscaleCultureView *self, int direction)
{
  g_return_if_fail (ESCALE_IS_CULTURE_VIEW (self));
  escale_culture_zoom_step (ESCALE_CULTURE_ZOOM (self->detail_zoom), direction);
  update_zoom_buttons (self);
}

static void
zoom_in_cb (EscaleCultureView *self)
{
  escale_culture_view_zoom (self, 1);
}

static void
zoom_out_cb (EscaleCultureView *self)
{
  escale_culture_view_zoom (self, -1);
}

static void
listen_cb (EscaleCultureView *self)
{
  const EscaleCultureItem *item =
    escale_culture_collection_get_item (self->collection, self->item);

  if (self->sound != NULL)
    {
      stop_sound (self);
      return;
    }
  self->sound = gtk_media_file_new_for_filename (item->audio);
  g_signal_connect_swapped (self->sound, "notify::playing", G_CALLBACK (sound_playing_cb), self);
  gtk_media_stream_play (self->sound);
  gtk_button_set_label (GTK_BUTTON (self->listen_button), _ ("Arrêter le son"));
}

static void
detail_step (EscaleCultureView *self, int delta)
{
  int target = (int) self->item + delta;

  if (target >= 0 && target < (int) n_items (self))
    escale_culture_view_open_item (self, (guint) target);
}

static void
previous_cb (EscaleCultureView *self)
{
  detail_step (self, -1);
}

static void
next_cb (EscaleCultureView *self)
{
  detail_step (self, 1);
}

static void
gallery_cb (EscaleCultureView *self)
{
  show_screen (self, "gallery");
}

static void
text_arrows_cb (EscaleCultureView *self)
{
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->text_scroller);
  double max = gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj);

  if (self->read_target >= 0 && max >= self->read_target - 0.5)
    {
      double target = self->read_target;

      self->read_target = -1;
      gtk_adjustment_set_value (adj, target); /* comes back here */
      return;
    }
  gtk_widget_set_visible (self->read_more,
                          max > 1 + gtk_widget_get_margin_bottom (self->detail_text));
  gtk_button_set_label (GTK_BUTTON (self->read_more), gtk_adjustment_get_value (adj) < max - 1
                                                        ? _ ("Lire la suite")
                                                        : _ ("Remonter"));
}

/* The top of the text's line that holds height @y (in the text's
 * coordinates), or @y between lines. */
static double
line_top_at (EscaleCultureView *self, double y)
{
  for (GtkWidget *c = gtk_widget_get_first_child (self->detail_text); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      graphene_point_t origin;
      PangoLayoutIter *iter;
      int offset_y;

      if (!GTK_IS_LABEL (c) ||
          !gtk_widget_compute_point (c, self->detail_text, &GRAPHENE_POINT_INIT (0, 0), &origin))
        continue;
      gtk_label_get_layout_offsets (GTK_LABEL (c), NULL, &offset_y);
      iter = pango_layout_get_iter (gtk_label_get_layout (GTK_LABEL (c)));
      do
        {
          int top, bottom;
          double line_top, line_bottom;

          pango_layout_iter_get_line_yrange (iter, &top, &bottom);
          line_top = origin.y + offset_y + (double) top / PANGO_SCALE;
          line_bottom = origin.y + offset_y + (double) bottom / PANGO_SCALE;
          if (y > line_top && y < line_bottom)
            {
              pango_layout_iter_free (iter);
              return line_top;
            }
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
    }
  return y;
}

/* "Lire la suite" shows next the line cut at the bottom, whole, at the
 * top: no line is ever seen in half. At the end, "Remonter". */
static void
read_more_cb (EscaleCultureView *self)
{
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->text_scroller);
  double page = gtk_adjustment_get_page_size (adj);
  double max = gtk_adjustment_get_upper (adj) - page;
  double value = gtk_adjustment_get_value (adj);
  double target;

  if (value >= max - 1)
    {
      gtk_widget_set_margin_bottom (self->detail_text, 0);
      gtk_adjustment_set_value (adj, 0);
      return;
    }
  target = line_top_at (self, value + page);
  /* A line taller than the frame (a film): move by most of the frame. */
  if (target <= value + 1)
    target = value + page * 0.8;
  if (target <= max)
    {
      gtk_adjustment_set_value (adj, target);
      return;
    }
  /* The last lines: room under the text, so that they too start at the
   * top, whole; the scroll waits for the room (text_arrows_cb). */
  self->read_target = target;
  gtk_widget_set_margin_bottom (self->detail_text, (int) (target - max) + 1);
}

static GtkWidget *
detail_new (EscaleCultureView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 16);
  GtkWidget *main = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 20);
  GtkWidget *picture_column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *zoom_row = gtk_flow_box_new ();
  GtkWidget *text_column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *nav = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *all = wrapping_button_new (_ ("Toutes les œuvres"), NULL);
  GtkAdjustment *adj;

  self->detail_zoom = escale_culture_zoom_new ();
  gtk_widget_set_vexpand (self->detail_zoom, TRUE);

  /* Agrandir / Réduire under the picture, never on it; on two lines when
   * the text is large. */
  self->zoom_out = wrapping_button_new (_ ("Réduire"), "culture-zoom-button");
  self->zoom_in = wrapping_button_new (_ ("Agrandir"), "culture-zoom-button");
  g_signal_connect_swapped (self->zoom_in, "clicked", G_CALLBACK (zoom_in_cb), self);
  g_signal_connect_swapped (self->zoom_out, "clicked", G_CALLBACK (zoom_out_cb), self);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (zoom_row), TRUE);
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (zoom_row), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (zoom_row), 2);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (zoom_row), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (zoom_row), 12);
  gtk_flow_box_append (GTK_FLOW_BOX (zoom_row), self->zoom_out);
  gtk_flow_box_append (GTK_FLOW_BOX (zoom_row), self->zoom_in);
  gtk_box_append (GTK_BOX (picture_column), self->detail_zoom);
  gtk_box_append (GTK_BOX (picture_column), zoom_row);
  gtk_widget_set_hexpand (picture_column, TRUE);
  gtk_widget_set_vexpand (picture_column, TRUE);

  self->listen_button = gtk_button_new_with_label (_ ("Écouter"));
  gtk_widget_add_css_class (self->listen_button, "big-button");
  g_signal_connect_swapped (self->listen_button, "clicked", G_CALLBACK (listen_cb), self);

  self->detail_text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_add_css_class (self->detail_text, "culture-text");
  self->text_scroller = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_policy (self->text_scroller, GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (self->text_scroller, self->detail_text);
  gtk_widget_set_vexpand (GTK_WIDGET (self->text_scroller), TRUE);
  self->read_more = gtk_button_new_with_label (_ ("Lire la suite"));
  gtk_widget_add_css_class (self->read_more, "big-button");
  g_signal_connect_swapped (self->read_more, "clicked", G_CALLBACK (read_more_cb), self);
  adj = gtk_scrolled_window_get_vadjustment (self->text_scroller);
  g_signal_connect_object (adj, "changed", G_CALLBACK (text_arrows_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adj, "value-changed", G_CALLBACK (text_arrows_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_set_hexpand (all, FALSE);
  gtk_widget_set_halign (all, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (text_column), all);
  gtk_box_append (GTK_BOX (text_column), self->listen_button);
  gtk_box_append (GTK_BOX (text_column), GTK_WIDGET (self->text_scroller));
  gtk_box_append (GTK_BOX (text_column), self->read_more);
  gtk_widget_set_size_request (text_column, 240, -1);
  gtk_widget_add_css_class (text_column, "culture-text-column");
  gtk_widget_set_hexpand (text_column, TRUE);

  gtk_box_append (GTK_BOX (main), picture_column);
  gtk_box_append (GTK_BOX (main), text_column);
  gtk_box_set_homogeneous (GTK_BOX (main), TRUE);
  gtk_widget_set_vexpand (main, TRUE);

  self->detail_previous = wrapping_button_new (_ ("Précédente"), NULL);
  self->detail_next = wrapping_button_new (_ ("Suivante"), "suggested");
  g_signal_connect_swapped (all, "clicked", G_CALLBACK (gallery_cb), self);
  g_signal_connect_swapped (self->detail_previous, "clicked", G_CALLBACK (previous_cb), self);
  g_signal_connect_swapped (self->detail_next, "clicked", G_CALLBACK (next_cb), self);
  gtk_box_set_homogeneous (GTK_BOX (nav), TRUE);
  gtk_box_append (GTK_BOX (nav), self->detail_previous);
  gtk_box_append (GTK_BOX (nav), self->detail_next);

  gtk_box_append (GTK_BOX (box), main);
  gtk_box_append (GTK_BOX (box), nav);
  return box;
}

/* --- sites and the web view ------------------------------------------- */

/* --- construction ------------------------------------------------------ */

static void
load_collection (EscaleCultureView *self)
{
  g_autofree char *relative = escale_activity_get_string (self->activity, "Culture", "collection");
  g_autoptr(GPtrArray) problems =
               g_ptr_array_new_with_free_func ((GDestroyNotify) escale_config_problem_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;

  if (relative == NULL || strstr (relative, "..") != NULL || g_path_is_absolute (relative))
    return;
  dir = g_build_filename (escale_activity_get_config_dir (self->activity), relative, NULL);
  self->collection = escale_culture_collection_load (dir, relative, problems, &error);
  if (self->collection == NULL)
    g_message ("The culture collection %s cannot be read: %s", relative, error->message);
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *text = escale_config_problem_to_string (problems->pdata[i]);

      g_message ("%s", text);
    }
  if (self->collection != NULL && n_items (self) == 0)
    g_clear_object (&self->collection);
}

static void
slideshow_done_cb (EscaleCultureView *self)
{
  escale_culture_view_open_item (self, escale_culture_slideshow_get_index (
                                         ESCALE_CULTURE_SLIDESHOW (self->slideshow)));
}

static void
escale_culture_view_constructed (GObject *object)
{
  EscaleCultureView *self = ESCALE_CULTURE_VIEW (object);

  G_OBJECT_CLASS (escale_culture_view_parent_class)->constructed (object);

  self->activity = escale_activity_view_get_activity (ESCALE_ACTIVITY_VIEW (self));
  self->web_profile = escale_activity_view_get_web_profile (ESCALE_ACTIVITY_VIEW (self));
  self->textures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->sites =
    escale_culture_sites_new (self->activity,
                              escale_activity_view_get_visit (ESCALE_ACTIVITY_VIEW (self)),
                              self->web_profile);
  g_signal_connect_object (self->sites, "back", G_CALLBACK (gallery_cb), self, G_CONNECT_SWAPPED);
  load_collection (self);

  self->stack = gtk_stack_new ();
  /* Each screen needs only its own size: the frame must fit 1024 x 768. */
  gtk_stack_set_hhomogeneous (GTK_STACK (self->stack), FALSE);
  gtk_stack_set_vhomogeneous (GTK_STACK (self->stack), FALSE);
  gtk_widget_set_parent (self->stack, GTK_WIDGET (self));
  gtk_stack_add_named (GTK_STACK (self->stack), gallery_new (self), "gallery");
  gtk_stack_add_named (GTK_STACK (self->stack), detail_new (self), "detail");
  gtk_stack_add_named (GTK_STACK (self->stack), self->sites, "sites");
  if (self->collection != NULL)
    {
      self->slideshow = escale_culture_slideshow_new (self->collection, self->textures);
      g_signal_connect_object (self->slideshow, "done", G_CALLBACK (slideshow_done_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_stack_add_named (GTK_STACK (self->stack), self->slideshow, "slideshow");
      fill_gallery (self);
    }
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "gallery");
}

static void
escale_culture_view_dispose (GObject *object)
{
  EscaleCultureView *self = ESCALE_CULTURE_VIEW (object);

  stop_sound (self);
  stop_film (self);
  self->listen_button = NULL;
  self->sites = NULL;
  g_clear_pointer (&self->stack, gtk_widget_unparent);
  self->activity = NULL;
  self->web_profile = NULL;
  g_clear_object (&self->collection);
  g_clear_pointer (&self->textures, g_hash_table_unref);
  G_OBJECT_CLASS (escale_culture_view_parent_class)->dispose (object);
}

static void
escale_culture_view_class_init (EscaleCultureViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = escale_culture_view_constructed;
  object_class->dispose = escale_culture_view_dispose;

  gtk_widget_class_set_css_name (widget_class, "cultureview");
}

static void
escale_culture_view_init (EscaleCultureView *self)
{
  self->read_target = -1;
}

GType
escale_culture_kind_view_type (EscaleActivity *activity)
{
  return ESCALE_TYPE_CULTURE_VIEW;
}

/* "gallery", "detail", "slideshow", "sites" or "web" (a site open). */
const char *
escale_culture_view_get_screen (EscaleCultureView *self)
{
  g_return_val_if_fail (ESCALE_IS_CULTURE_VIEW (self), NULL);
  if (gtk_stack_get_visible_child (GTK_STACK (self->stack)) == self->sites &&
      escale_culture_sites_get_web_view (ESCALE_CULTURE_SITES (self->sites)) != NULL)
    return "web";
  return gtk_stack_get_visible_child_name (GTK_STACK (self->stack));
}

gboolean
escale_culture_view_get_presenting (EscaleCultureView *self)
{
  g_return_val_if_fail (ESCALE_IS_CULTURE_VIEW (self), FALSE);
  return escale_activity_view_get_presenting (ESCALE_ACTIVITY_VIEW (self));
}

/* Shows work @index in the detail view, at its normal size. */
void
escale_culture_view_open_item (EscaleCultureView *self, guint index)
{
  const EscaleCultureItem *item;
  GtkWidget *child;

  g_return_if_fail (ESCALE_IS_CULTURE_VIEW (self));
  if (index >= n_items (self))
    return;

  show_screen (self, "detail");
  self->item = index;
  item = escale_culture_collection_get_item (self->collection, index);
  escale_culture_zoom_set_paintable (ESCALE_CULTURE_ZOOM (self->detail_zoom),
                                     GDK_PAINTABLE (escale_culture_texture_lookup (self->textures,
                                                                                   item->image,
                                                                                   TRUE)),
                                     item->title);
  update_zoom_buttons (self);

  while ((child = gtk_widget_get_first_child (self->detail_text)) != NULL)
    gtk_box_remove (GTK_BOX (self->detail_text), child);
  gtk_box_append (GTK_BOX (self->detail_text),
                  escale_wrapped_label_new (item->title, "culture-title"));
  for (guint i = 0; item->paragraphs[i] != NULL; i++)
    gtk_box_append (GTK_BOX (self->detail_text),
                    escale_wrapped_label_new (item->paragraphs[i], "culture-paragraph"));
  if (item->credit != NULL)
    gtk_box_append (GTK_BOX (self->detail_text),
                    escale_wrapped_label_new (item->credit, "culture-credit"));
  if (item->video != NULL)
    {
      GtkWidget *video = gtk_video_new_for_filename (item->video);

      g_set_object (&self->film, gtk_video_get_media_stream (GTK_VIDEO (video)));
      if (self->film != NULL)
        g_signal_connect_swapped (self->film, "notify::playing", G_CALLBACK (film_playing_cb),
                                  self);

      gtk_widget_set_size_request (video, -1, 240);
      gtk_box_append (GTK_BOX (self->detail_text), video);
    }

  self->read_target = -1;
  gtk_widget_set_margin_bottom (self->detail_text, 0);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->text_scroller), 0);
  gtk_widget_set_visible (self->listen_button, item->audio != NULL);
  escale_button_show_if_useful (self->detail_previous, index > 0);
  escale_button_show_if_useful (self->detail_next, index + 1 < n_items (self));
}

/* "Mode conférencier" from work @index. */
void
escale_culture_view_present (EscaleCultureView *self, guint index)
{
  g_return_if_fail (ESCALE_IS_CULTURE_VIEW (self));
  if (self->slideshow == NULL)
    return;
  escale_culture_slideshow_show_item (ESCALE_CULTURE_SLIDESHOW (self->slideshow), index);
  show_screen (self, "slideshow");
}

void
escale_culture_view_show_sites (EscaleCultureView *self)
{
  g_return_if_fail (ESCALE_IS_CULTURE_VIEW (self));
  show_screen (self, "sites");
  escale_culture_sites_show_list (ESCALE_CULTURE_SITES (self->sites));
}

/* Returns: (nullable) (transfer none): the EscaleWebView of the open site. */
GtkWidget *
escale_culture_view_get_web_view (EscaleCultureView *self)
{
  g_return_val_if_fail (ESCALE_IS_CULTURE_VIEW (self), NULL);
  return escale_culture_sites_get_web_view (ESCALE_CULTURE_SITES (self->sites));
}
