/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-photos"

#include <glib/gi18n.h>

#include "escale-photo-grid-row.h"
#include "escale-photo-grid.h"
#include "escale-ui-util.h"

/* The photos of a medium as large tiles, in sections (a month each, newest
 * first: the caller orders them) under headers such as "Juillet 2024 — 12
 * photos". Photos are numbered across the sections, from 0. Only what is
 * near the screen is built (a GtkListView of lines of tiles; GTK 4.8 keeps
 * up to 200 lines) and only what is on screen is asked for, after each
 * scroll: "need-thumbnail" (index), answered by
 * escale_photo_grid_set_thumbnail () (NULL: "Cette photo ne peut pas
 * s'afficher"); meanwhile the tile shows a calm placeholder. Touching a
 * tile emits "activate" (index). Below the list, "Remonter" and "Voir plus
 * bas" say that there is more and scroll a screenful. */
struct _EscalePhotoGrid
{
  GtkWidget parent_instance;

  /* children */
  GtkWidget *box;
  GtkScrolledWindow *scroller;
  GtkWidget *arrows;
  GtkWidget *up;
  GtkWidget *down;

  /* owned */
  GListStore *rows;      /* of EscalePhotoGridRow */
  GArray *sections;      /* of Section */
  GHashTable *textures;  /* index -> GdkTexture */
  GHashTable *failed;    /* indexes that cannot be shown */
  GHashTable *requested; /* indexes asked for */
  GHashTable *bound;     /* index -> tile made by the list (borrowed) */
  GHashTable *visible;   /* indexes of the tiles on screen */
  guint n_photos;
  guint columns;
  guint rebuild_id;
  guint visible_id;
};

typedef struct
{
  char *title;
  guint first;
  guint n_photos;
} Section;

enum
{
  SIGNAL_NEED_THUMBNAIL,
  SIGNAL_ACTIVATE,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (EscalePhotoGrid, escale_photo_grid, GTK_TYPE_WIDGET)

#define TILE_WIDTH 220
#define TILE_HEIGHT 200
#define TILE_SPACING 16

static void
section_clear (gpointer data)
{
  g_free (((Section *) data)->title);
}

/* --- tiles --------------------------------------------------------------- */

static int
compare_index (gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

static void
tile_update (EscalePhotoGrid *self, GtkWidget *tile, guint index)
{
  GtkWidget *overlay = gtk_button_get_child (GTK_BUTTON (tile));
  GtkPicture *picture = GTK_PICTURE (gtk_overlay_get_child (GTK_OVERLAY (overlay)));
  GtkLabel *label = g_object_get_data (G_OBJECT (tile), "label");
  GdkTexture *texture = g_hash_table_lookup (self->textures, GUINT_TO_POINTER (index));
  gboolean failed = g_hash_table_contains (self->failed, GUINT_TO_POINTER (index));

  gtk_picture_set_paintable (picture, GDK_PAINTABLE (texture));
  gtk_label_set_text (label, failed ? _ ("Cette photo ne peut pas s'afficher") : "");
  gtk_widget_set_visible (GTK_WIDGET (label), failed);
  if (texture != NULL)
    gtk_widget_remove_css_class (tile, "photo-tile-waiting");
  else
    gtk_widget_add_css_class (tile, "photo-tile-waiting");
}

static void
tile_clicked_cb (GtkWidget *tile, EscalePhotoGrid *self)
{
  g_signal_emit (self, signals[SIGNAL_ACTIVATE], 0,
                 GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (tile), "index")));
}

static void queue_visible (EscalePhotoGrid *self);

/* A tile comes on screen: bound before it was placed, it was not seen yet. */
static void
tile_mapped_cb (EscalePhotoGrid *self)
{
  queue_visible (self);
}

static GtkWidget *
tile_new (EscalePhotoGrid *self)
{
  GtkWidget *tile = gtk_button_new ();
  GtkWidget *overlay = gtk_overlay_new ();
  GtkWidget *picture = gtk_picture_new ();
  GtkWidget *label = escale_wrapped_label_new (NULL, "photo-tile-error");

  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_COVER);
  /* Narrow at least, so that three columns fit a 1024 px screen beside the guide;
   * the tiles share the width. */
  gtk_widget_set_size_request (picture, TILE_WIDTH / 2, TILE_HEIGHT - 24);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), picture);
  gtk_label_set_xalign (GTK_LABEL (label), 0.5);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), label);
  gtk_button_set_child (GTK_BUTTON (tile), overlay);
  gtk_widget_add_css_class (tile, "photo-tile");
  gtk_widget_set_hexpand (tile, TRUE);
  g_object_set_data (G_OBJECT (tile), "label", label);
  g_signal_connect (tile, "clicked", G_CALLBACK (tile_clicked_cb), self);
  g_signal_connect_swapped (tile, "map", G_CALLBACK (tile_mapped_cb), self);
  return tile;
}

/* The list made a tile for photo @index: its thumbnail is asked for once
 * it is on screen (see find_visible_cb). */
static void
tile_bind (EscalePhotoGrid *self, GtkWidget *tile, guint index)
{
  gpointer key = GUINT_TO_POINTER (index);
  /* TRANSLATORS: a photo's tile, for screen readers: "Photo 3 sur 142" */
  g_autofree char *name = g_strdup_printf (_ ("Photo %u sur %u"), index + 1, self->n_photos);

  g_object_set_data (G_OBJECT (tile), "index", key);
  g_hash_table_insert (self->bound, key, tile);
  gtk_accessible_update_property (GTK_ACCESSIBLE (tile), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  tile_update (self, tile, index);
  queue_visible (self);
}

/* Asks for the thumbnails of the tiles on screen (or half a screen away). */
static gboolean
find_visible_cb (gpointer user_data)
{
  EscalePhotoGrid *self = user_data;
  GtkWidget *scroller = GTK_WIDGET (self->scroller);
  double height = gtk_widget_get_height (scroller);
  g_autoptr(GArray) wanted = g_array_new (FALSE, FALSE, sizeof (guint));
  GHashTableIter iter;
  gpointer key, tile;

  self->visible_id = 0;
  g_hash_table_remove_all (self->visible);
  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &key, &tile))
    {
      graphene_rect_t bounds;

      if (!gtk_widget_get_mapped (tile) || !gtk_widget_compute_bounds (tile, scroller, &bounds) ||
          bounds.origin.y + bounds.size.height < -height / 2 || bounds.origin.y > height * 1.5)
        continue;
      g_hash_table_add (self->visible, key);
      if (!g_hash_table_contains (self->textures, key) &&
          !g_hash_table_contains (self->failed, key) &&
          !g_hash_table_contains (self->requested, key))
        {
          guint index = GPOINTER_TO_UINT (key);

          g_array_append_val (wanted, index);
        }
    }
  /* Top to bottom, as a person reads. */
  g_array_sort (wanted, compare_index);
  for (guint i = 0; i < wanted->len; i++)
    {
      guint index = g_array_index (wanted, guint, i);

      g_hash_table_add (self->requested, GUINT_TO_POINTER (index));
      g_signal_emit (self, signals[SIGNAL_NEED_THUMBNAIL], 0, index);
    }
  return G_SOURCE_REMOVE;
}

static void
queue_visible (EscalePhotoGrid *self)
{
  if (self->visible_id == 0)
    self->visible_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, find_visible_cb, self, NULL);
}

/* --- lines of the list --------------------------------------------------- */

static void
setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, EscalePhotoGrid *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = escale_wrapped_label_new (NULL, "photo-month");
  GtkWidget *tiles = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, TILE_SPACING);

  gtk_box_set_homogeneous (GTK_BOX (tiles), TRUE);
  gtk_widget_add_css_class (tiles, "photo-tiles");
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), tiles);
  g_object_set_data (G_OBJECT (box), "header", header);
  g_object_set_data (G_OBJECT (box), "tiles", tiles);
  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
}

static void
bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, EscalePhotoGrid *self)
{
  EscalePhotoGridRow *row = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkLabel *header = g_object_get_data (G_OBJECT (box), "header");
  GtkWidget *tiles = g_object_get_data (G_OBJECT (box), "tiles");
  const char *title = escale_photo_grid_row_get_header (row);
  guint count = escale_photo_grid_row_get_count (row);
  guint first = escale_photo_grid_row_get_first (row);
  guint n = 0;
  GtkWidget *tile;

  gtk_label_set_text (header, title);
  gtk_widget_set_visible (GTK_WIDGET (header), title != NULL);
  gtk_widget_set_visible (tiles, title == NULL);
  /* As many tiles as a line holds; the last line's spare ones stay empty. */
  for (tile = gtk_widget_get_first_child (tiles); tile != NULL; n++)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (tile);

      if (n >= self->columns)
        gtk_box_remove (GTK_BOX (tiles), tile);
      tile = next;
    }
  for (; n < self->columns; n++)
    gtk_box_append (GTK_BOX (tiles), tile_new (self));
  n = 0;
  for (tile = gtk_widget_get_first_child (tiles); tile != NULL;
       tile = gtk_widget_get_next_sibling (tile), n++)
    {
      gboolean used = title == NULL && n < count;

      gtk_widget_set_opacity (tile, used ? 1.0 : 0.0);
      gtk_widget_set_can_target (tile, used);
      gtk_widget_set_can_focus (tile, used);
      if (used)
        tile_bind (self, tile, first + n);
    }
}

static void
unbind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, EscalePhotoGrid *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *tiles = g_object_get_data (G_OBJECT (box), "tiles");

  for (GtkWidget *tile = gtk_widget_get_first_child (tiles); tile != NULL;
       tile = gtk_widget_get_next_sibling (tile))
    {
      gpointer key = g_object_get_data (G_OBJECT (tile), "index");

      if (g_hash_table_lookup (self->bound, key) == tile)
        g_hash_table_remove (self->bound, key);
      gtk_picture_set_paintable (GTK_PICTURE (gtk_overlay_get_child (
                                   GTK_OVERLAY (gtk_button_get_child (GTK_BUTTON (tile))))),
                                 NULL);
    }
}

static void
rebuild_rows (EscalePhotoGrid *self)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint s = 0; s < self->sections->len; s++)
    {
      Section *section = &g_array_index (self->sections, Section, s);
      /* TRANSLATORS: a month's header in the photo grid: "Juillet 2024 — 12 photos" */
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s — %u photo",
                                                             "%s — %u photos", section->n_photos),
                                                section->title, section->n_photos);

      g_ptr_array_add (rows, escale_photo_grid_row_new_header (title));
      for (guint i = 0; i < section->n_photos; i += self->columns)
        g_ptr_array_add (rows, escale_photo_grid_row_new_tiles (section->first + i,
                                                                MIN (self->columns,
                                                                     section->n_photos - i)));
    }
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       rows->pdata, rows->len);
}

static gboolean
rebuild_cb (gpointer user_data)
{
  EscalePhotoGrid *self = user_data;

  self->rebuild_id = 0;
  rebuild_rows (self);
  return G_SOURCE_REMOVE;
}

/* --- scrolling ----------------------------------------------------------- */

/* Whether there is more to see above (@direction < 0) or below. */
gboolean
escale_photo_grid_can_scroll (EscalePhotoGrid *self, int direction)
{
  GtkAdjustment *adjustment;
  double value, top;

  g_return_val_if_fail (ESCALE_IS_PHOTO_GRID (self), FALSE);
  adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  value = gtk_adjustment_get_value (adjustment);
  top = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
  return direction < 0 ? value > 0.5 : value < top - 0.5;
}

/* Scrolls most of a screenful, so that the last line seen stays in view. */
gboolean
escale_photo_grid_scroll (EscalePhotoGrid *self, int direction)
{
  GtkAdjustment *adjustment;

  g_return_val_if_fail (ESCALE_IS_PHOTO_GRID (self), FALSE);
  if (!escale_photo_grid_can_scroll (self, direction))
    return FALSE;
  adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                          (direction < 0 ? -0.8 : 0.8) *
                                            gtk_adjustment_get_page_size (adjustment));
  return TRUE;
}

static void
update_arrows_cb (EscalePhotoGrid *self)
{
  gboolean up = escale_photo_grid_can_scroll (self, -1);
  gboolean down = escale_photo_grid_can_scroll (self, 1);

  gtk_widget_set_visible (self->arrows, up || down);
  gtk_widget_set_sensitive (self->up, up);
  gtk_widget_set_sensitive (self->down, down);
  queue_visible (self);
}

static void
up_cb (EscalePhotoGrid *self)
{
  escale_photo_grid_scroll (self, -1);
}

static void
down_cb (EscalePhotoGrid *self)
{
  escale_photo_grid_scroll (self, 1);
}

/* --- public -------------------------------------------------------------- */

/* Forgets every photo and thumbnail. */
void
escale_photo_grid_clear (EscalePhotoGrid *self)
{
  g_return_if_fail (ESCALE_IS_PHOTO_GRID (self));
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_handle_id (&self->visible_id, g_source_remove);
  g_list_store_remove_all (self->rows);
  g_array_set_size (self->sections, 0);
  g_hash_table_remove_all (self->textures);
  g_hash_table_remove_all (self->failed);
  g_hash_table_remove_all (self->requested);
  g_hash_table_remove_all (self->visible);
  self->n_photos = 0;
}

/* The next @n_photos photos, under @title ("Juillet 2024"). */
void
escale_photo_grid_add_section (EscalePhotoGrid *self, const char *title, guint n_photos)
{
  Section section = { g_strdup (title), self->n_photos, n_photos };

  g_return_if_fail (ESCALE_IS_PHOTO_GRID (self));
  g_return_if_fail (title != NULL);
  g_array_append_val (self->sections, section);
  self->n_photos += n_photos;
  rebuild_rows (self);
}

guint
escale_photo_grid_get_n_photos (EscalePhotoGrid *self)
{
  g_return_val_if_fail (ESCALE_IS_PHOTO_GRID (self), 0);
  return self->n_photos;
}

/* Keeps the memory small: thumbnails out of sight are dropped (and asked
 * for again if they come back on screen). */
static void
trim_thumbnails (EscalePhotoGrid *self)
{
  GHashTableIter iter;
  gpointer key;

  if (g_hash_table_size (self->textures) <= ESCALE_PHOTO_GRID_MAX_THUMBNAILS)
    return;
  g_hash_table_iter_init (&iter, self->textures);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (self->visible, key))
      {
        g_hash_table_remove (self->requested, key);
        g_hash_table_iter_remove (&iter);
      }
}

/* The thumbnail of photo @index, or NULL when it cannot be shown. */
void
escale_photo_grid_set_thumbnail (EscalePhotoGrid *self, guint index, GdkTexture *texture)
{
  gpointer key = GUINT_TO_POINTER (index);
  GtkWidget *tile;

  g_return_if_fail (ESCALE_IS_PHOTO_GRID (self));
  g_return_if_fail (texture == NULL || GDK_IS_TEXTURE (texture));
  if (index >= self->n_photos)
    return;
  if (texture != NULL)
    g_hash_table_insert (self->textures, key, g_object_ref (texture));
  else
    g_hash_table_add (self->failed, key);
  tile = g_hash_table_lookup (self->bound, key);
  if (tile != NULL)
    tile_update (self, tile, index);
  trim_thumbnails (self);
}

/* Thumbnails held in memory now. */
guint
escale_photo_grid_get_n_thumbnails (EscalePhotoGrid *self)
{
  g_return_val_if_fail (ESCALE_IS_PHOTO_GRID (self), 0);
  return g_hash_table_size (self->textures);
}

/* --- lifetime ------------------------------------------------------------ */

static void
escale_photo_grid_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                           int *minimum, int *natural, int *minimum_baseline,
                           int *natural_baseline)
{
  gtk_widget_measure (ESCALE_PHOTO_GRID (widget)->box, orientation, for_size, minimum, natural,
                      NULL, NULL);
}

/* As many columns as tiles of about TILE_WIDTH fit: the lines are made
 * again, once the allocation is over, when that changes. */
static void
escale_photo_grid_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  EscalePhotoGrid *self = ESCALE_PHOTO_GRID (widget);
  guint columns = MAX (1, (width - 48 + TILE_SPACING) / (TILE_WIDTH + TILE_SPACING));

  gtk_widget_allocate (self->box, width, height, baseline, NULL);
  if (columns != self->columns)
    {
      self->columns = columns;
      if (self->rebuild_id == 0)
        self->rebuild_id = g_idle_add (rebuild_cb, self);
    }
}

static void
escale_photo_grid_dispose (GObject *object)
{
  EscalePhotoGrid *self = ESCALE_PHOTO_GRID (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_handle_id (&self->visible_id, g_source_remove);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->textures, g_hash_table_unref);
  g_clear_pointer (&self->failed, g_hash_table_unref);
  g_clear_pointer (&self->requested, g_hash_table_unref);
  g_clear_pointer (&self->bound, g_hash_table_unref);
  g_clear_pointer (&self->visible, g_hash_table_unref);
  g_clear_pointer (&self->sections, g_array_unref);
  G_OBJECT_CLASS (escale_photo_grid_parent_class)->dispose (object);
}

static void
escale_photo_grid_class_init (EscalePhotoGridClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = escale_photo_grid_dispose;
  widget_class->measure = escale_photo_grid_measure;
  widget_class->size_allocate = escale_photo_grid_size_allocate;
  signals[SIGNAL_NEED_THUMBNAIL] = g_signal_new ("need-thumbnail", G_TYPE_FROM_CLASS (klass),
                                                 G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                 G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[SIGNAL_ACTIVATE] = g_signal_new ("activate", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                           G_TYPE_UINT);
  gtk_widget_class_set_css_name (widget_class, "photogrid");
}

/* A big button whose words may go on two lines: beside the guide on a
 * 1024 px screen with larger text, the two arrows side by side would not
 * fit on one. */
static GtkWidget *
arrow_button_new (const char *icon_name, const char *text)
{
  GtkWidget *button = escale_big_button_new (icon_name, text);
  GtkWidget *label = gtk_widget_get_last_child (gtk_button_get_child (GTK_BUTTON (button)));

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (button, "photo-arrow");
  return button;
}

static void
escale_photo_grid_init (EscalePhotoGrid *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *list;

  self->columns = 3;
  self->rows = g_list_store_new (ESCALE_TYPE_PHOTO_GRID_ROW);
  self->sections = g_array_new (FALSE, TRUE, sizeof (Section));
  g_array_set_clear_func (self->sections, section_clear);
  self->textures = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->failed = g_hash_table_new (NULL, NULL);
  self->requested = g_hash_table_new (NULL, NULL);
  self->bound = g_hash_table_new (NULL, NULL);
  self->visible = g_hash_table_new (NULL, NULL);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  list = gtk_list_view_new (GTK_SELECTION_MODEL (
                              gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rows)))),
                            factory);
  gtk_widget_add_css_class (list, "photo-list");

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  self->scroller = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_policy (self->scroller, GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (self->scroller, list);
  gtk_widget_set_vexpand (GTK_WIDGET (self->scroller), TRUE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->scroller));

  self->arrows = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  gtk_widget_set_halign (self->arrows, GTK_ALIGN_CENTER);
  self->up = arrow_button_new ("escale-arrow-up-symbolic", _ ("Remonter"));
  self->down = arrow_button_new ("escale-arrow-down-symbolic", _ ("Voir plus bas"));
  g_signal_connect_swapped (self->up, "clicked", G_CALLBACK (up_cb), self);
  g_signal_connect_swapped (self->down, "clicked", G_CALLBACK (down_cb), self);
  gtk_box_append (GTK_BOX (self->arrows), self->up);
  gtk_box_append (GTK_BOX (self->arrows), self->down);
  gtk_widget_set_visible (self->arrows, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->arrows);
  {
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);

    g_signal_connect_object (adjustment, "changed", G_CALLBACK (update_arrows_cb), self,
                             G_CONNECT_SWAPPED);
    g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (update_arrows_cb), self,
                             G_CONNECT_SWAPPED);
  }
}

GtkWidget *
escale_photo_grid_new (void)
{
  return g_object_new (ESCALE_TYPE_PHOTO_GRID, NULL);
}
