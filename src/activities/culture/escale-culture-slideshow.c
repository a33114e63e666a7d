/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-shell"

#include <glib/gi18n.h>

#include "escale-culture-slideshow.h"
#include "escale-ui-util.h"

/* "Mode conférencier": a helper shows the works of a collection to a small
 * group. One big picture, its caption in large letters, and three plain
 * controls. Nothing moves by itself: the helper turns the pages, with the
 * buttons or a presenter's remote (arrow and page keys). "done" is emitted
 * by "Quitter". */
struct _EscaleCultureSlideshow
{
  GtkWidget parent_instance;

  /* children */
  GtkWidget *box;
  GtkPicture *picture;
  GtkLabel *caption;
  GtkLabel *position;
  GtkWidget *previous;
  GtkWidget *next;

  /* owned */
  EscaleCultureCollection *collection;
  GHashTable *textures; /* shared with the culture view */
  guint index;
};

enum
{
  SIGNAL_DONE,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (EscaleCultureSlideshow, escale_culture_slideshow, GTK_TYPE_WIDGET)

/* Pictures are decoded at two sizes. The gallery's tiles get a small one,
 * kept for the visit of the activity. The one work shown whole (detail,
 * slideshow) gets one that stays sharp when enlarged, 1600 x 1200: 7.3 MiB
 * a picture, so only the last one asked is kept (the widget showing it
 * holds its own); a gallery of six works once held 44 MiB of them while
 * the person read a museum's site. */
#define TILE_WIDTH 480
#define TILE_HEIGHT 360
#define WHOLE_WIDTH 1600
#define WHOLE_HEIGHT 1200

static gboolean
is_whole_cb (gpointer key, gpointer value, gpointer user_data)
{
  return g_str_has_prefix (key, "whole:");
}

GdkTexture *
escale_culture_texture_lookup (GHashTable *textures, const char *path, gboolean whole)
{
  g_autofree char *key = g_strconcat (whole ? "whole:" : "tile:", path, NULL);
  GdkTexture *texture = g_hash_table_lookup (textures, key);
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;

  if (texture != NULL)
    return texture;
  pixbuf = gdk_pixbuf_new_from_file_at_scale (path, whole ? WHOLE_WIDTH : TILE_WIDTH,
                                              whole ? WHOLE_HEIGHT : TILE_HEIGHT, TRUE, &error);
  if (pixbuf == NULL)
    {
      g_message ("Cannot show the picture %s: %s", path, error->message);
      return NULL;
    }
  texture = gdk_texture_new_for_pixbuf (pixbuf);
  if (whole)
    g_hash_table_foreach_remove (textures, is_whole_cb, NULL);
  g_hash_table_insert (textures, g_steal_pointer (&key), texture);
  return texture;
}

static void
update (EscaleCultureSlideshow *self)
{
  guint n = escale_culture_collection_get_n_items (self->collection);
  const EscaleCultureItem *item;
  g_autofree char *position = NULL;

  if (n == 0)
    return;
  item = escale_culture_collection_get_item (self->collection, self->index);
  gtk_picture_set_paintable (self->picture,
                             GDK_PAINTABLE (
                               escale_culture_texture_lookup (self->textures, item->image, TRUE)));
  gtk_picture_set_alternative_text (self->picture, item->title);
  gtk_label_set_text (self->caption, item->caption);
  /* TRANSLATORS: position in the slideshow, e.g. "3 sur 6" */
  position = g_strdup_printf (_ ("%u sur %u"), self->index + 1, n);
  gtk_label_set_text (self->position, position);
  escale_button_show_if_useful (self->previous, self->index > 0);
  escale_button_show_if_useful (self->next, self->index + 1 < n);
}

void
escale_culture_slideshow_show_item (EscaleCultureSlideshow *self, guint index)
{
  g_return_if_fail (ESCALE_IS_CULTURE_SLIDESHOW (self));
  if (index >= escale_culture_collection_get_n_items (self->collection))
    return;
  self->index = index;
  update (self);
}

guint
escale_culture_slideshow_get_index (EscaleCultureSlideshow *self)
{
  g_return_val_if_fail (ESCALE_IS_CULTURE_SLIDESHOW (self), 0);
  return self->index;
}

/* Moves @delta works forward (or back); FALSE at either end. */
gboolean
escale_culture_slideshow_step (EscaleCultureSlideshow *self, int delta)
{
  int target;

  g_return_val_if_fail (ESCALE_IS_CULTURE_SLIDESHOW (self), FALSE);
  target = (int) self->index + delta;
  if (target < 0 || target >= (int) escale_culture_collection_get_n_items (self->collection))
    return FALSE;
  escale_culture_slideshow_show_item (self, (guint) target);
  return TRUE;
}

static void
previous_cb (EscaleCultureSlideshow *self)
{
  escale_culture_slideshow_step (self, -1);
}

static void
next_cb (EscaleCultureSlideshow *self)
{
  escale_culture_slideshow_step (self, 1);
}

static void
quit_cb (EscaleCultureSlideshow *self)
{
  g_signal_emit (self, signals[SIGNAL_DONE], 0);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                GdkModifierType state, EscaleCultureSlideshow *self)
{
  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_Page_Down:
    case GDK_KEY_space:
      escale_culture_slideshow_step (self, 1);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_Page_Up:
    case GDK_KEY_BackSpace:
      escale_culture_slideshow_step (self, -1);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
escale_culture_slideshow_dispose (GObject *object)
{
  EscaleCultureSlideshow *self = ESCALE_CULTURE_SLIDESHOW (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->collection);
  g_clear_pointer (&self->textures, g_hash_table_unref);
  G_OBJECT_CLASS (escale_culture_slideshow_parent_class)->dispose (object);
}

static void
escale_culture_slideshow_class_init (EscaleCultureSlideshowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = escale_culture_slideshow_dispose;
  signals[SIGNAL_DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                       NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "cultureslideshow");
}

/* The strip under the picture: Quitter at the left, where it is on every
 * screen, the position in the middle, Précédente and Suivante at the right.
 * One row of big buttons, as thin as their words allow. */
static GtkWidget *
controls_new (EscaleCultureSlideshow *self)
{
  GtkWidget *controls = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *arrows = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *quit = escale_big_button_new ("escale-back-symbolic", _ ("Quitter"));

  self->previous = escale_big_button_new (NULL, _ ("Précédente"));
  self->next = escale_big_button_new (NULL, _ ("Suivante"));
  gtk_widget_add_css_class (self->next, "suggested");
  self->position = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->position), "culture-slide-position");
  gtk_widget_set_hexpand (GTK_WIDGET (self->position), TRUE);
  /* Each control as wide as its words, Précédente and Suivante alike: the
   * row fits 1024 px with A+ twice (four equal cells did not). */
  gtk_box_set_homogeneous (GTK_BOX (arrows), TRUE);
  gtk_box_append (GTK_BOX (arrows), self->previous);
  gtk_box_append (GTK_BOX (arrows), self->next);
  gtk_widget_add_css_class (quit, "culture-action");
  gtk_widget_add_css_class (self->previous, "culture-action");
  gtk_widget_add_css_class (self->next, "culture-action");
  gtk_widget_add_css_class (controls, "culture-slide-controls");
  gtk_box_append (GTK_BOX (controls), quit);
  gtk_box_append (GTK_BOX (controls), GTK_WIDGET (self->position));
  gtk_box_append (GTK_BOX (controls), arrows);

  g_signal_connect_swapped (self->previous, "clicked", G_CALLBACK (previous_cb), self);
  g_signal_connect_swapped (self->next, "clicked", G_CALLBACK (next_cb), self);
  g_signal_connect_swapped (quit, "clicked", G_CALLBACK (quit_cb), self);
  return controls;
}

/* The whole screen is the presentation's (the window's bars step aside,
 * see EscaleActivityView:fills-screen): the picture as large as its
 * proportions allow, its caption laid over its foot like a subtitle, and
 * the thin strip of controls under it. */
static void
escale_culture_slideshow_init (EscaleCultureSlideshow *self)
{
  GtkWidget *stage = gtk_overlay_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (self->box, "culture-slideshow");
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);

  self->picture = GTK_PICTURE (gtk_picture_new ());
  gtk_picture_set_can_shrink (self->picture, TRUE);
  gtk_picture_set_content_fit (self->picture, GTK_CONTENT_FIT_CONTAIN);
  gtk_widget_add_css_class (GTK_WIDGET (self->picture), "culture-slide-picture");
  gtk_overlay_set_child (GTK_OVERLAY (stage), GTK_WIDGET (self->picture));
  gtk_widget_set_vexpand (stage, TRUE);

  self->caption = GTK_LABEL (escale_wrapped_label_new (NULL, "culture-slide-caption"));
  gtk_label_set_xalign (self->caption, 0.5);
  gtk_label_set_justify (self->caption, GTK_JUSTIFY_CENTER);
  gtk_widget_set_valign (GTK_WIDGET (self->caption), GTK_ALIGN_END);
  gtk_widget_set_halign (GTK_WIDGET (self->caption), GTK_ALIGN_CENTER);
  gtk_overlay_add_overlay (GTK_OVERLAY (stage), GTK_WIDGET (self->caption));

  gtk_box_append (GTK_BOX (self->box), stage);
  gtk_box_append (GTK_BOX (self->box), controls_new (self));

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

/* @textures: path -> GdkTexture cache shared with the rest of the culture view. */
GtkWidget *
escale_culture_slideshow_new (EscaleCultureCollection *collection, GHashTable *textures)
{
  EscaleCultureSlideshow *self = g_object_new (ESCALE_TYPE_CULTURE_SLIDESHOW, NULL);

  self->collection = g_object_ref (collection);
  self->textures = g_hash_table_ref (textures);
  /* Nothing decoded before the helper opens it (show_item). */
  return GTK_WIDGET (self);
}
