/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-photos"

#include <glib/gi18n.h>

#include "escale-photo-viewer.h"
#include "escale-ui-util.h"

/* One photo full screen. Above it: "Toutes mes photos" (back to the grid,
 * the "back" signal), "Diaporama" and "Imprimer cette photo"; below it:
 * Précédente, Agrandir, Réduire, Tourner, Suivante. The viewer knows only
 * how many photos there are and which one is shown: it asks for a photo
 * with "load" (index) and is given it with escale_photo_viewer_set_texture
 * (NULL: it cannot be shown). Printing asks first ("1 page en couleur.
 * Une page va sortir de l'imprimante.", Imprimer / Annuler), then emits
 * "print" (index, quarter turns shown) and waits for
 * escale_photo_viewer_show_message (). Screens: "photo", "confirm",
 * "message". "Montrer à ma famille" (only when the view allows it: a call
 * activity is configured) emits "show-family" (index, quarter turns shown).
 * The slideshow ("Diaporama") shows the photos large, one every
 * five seconds, without the buttons, until any touch or key. */
struct _EscalePhotoViewer
{
  GtkWidget parent_instance;

  /* children */
  GtkWidget *stack;
  GtkWidget *side_column;
  GtkWidget *bottom_rows;
  EscalePhotoCanvas *canvas;
  GtkLabel *status;
  GtkLabel *position;
  GtkLabel *slideshow_hint;
  GtkWidget *previous;
  GtkWidget *next;
  GtkWidget *zoom_in;
  GtkWidget *zoom_out;
  GtkWidget *slideshow_button;
  GtkWidget *print_button;
  GtkWidget *family_button;
  GtkLabel *message_title;
  GtkLabel *message_text;
  GtkWidget *message_button;

  /* state */
  guint n_photos;
  guint index;
  guint prints_left;
  gboolean can_show_family;
  guint slideshow_id;
};

enum
{
  PROP_0,
  PROP_INDEX,
  PROP_SLIDESHOW,
  PROP_SCREEN,
  N_PROPS,
};

enum
{
  SIGNAL_LOAD,
  SIGNAL_PRINT,
  SIGNAL_BACK,
  SIGNAL_SHOW_FAMILY,
  N_SIGNALS,
};

static GParamSpec *pspecs[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (EscalePhotoViewer, escale_photo_viewer, GTK_TYPE_WIDGET)

static void
update_buttons (EscalePhotoViewer *self)
{
  double zoom = escale_photo_canvas_get_zoom (self->canvas);
  gboolean shown = escale_photo_canvas_get_texture (self->canvas) != NULL;
  g_autofree char *position = NULL;

  escale_button_show_if_useful (self->previous, self->index > 0);
  escale_button_show_if_useful (self->next, self->index + 1 < self->n_photos);
  gtk_widget_set_sensitive (self->zoom_in, shown && zoom < ESCALE_PHOTO_CANVAS_MAX_ZOOM);
  gtk_widget_set_sensitive (self->zoom_out, shown && zoom > 1.0);
  escale_button_show_if_useful (self->slideshow_button, self->n_photos > 1);
  gtk_widget_set_visible (self->print_button, self->prints_left > 0);
  gtk_widget_set_sensitive (self->print_button, shown);
  gtk_widget_set_visible (self->family_button, self->can_show_family);
  gtk_widget_set_sensitive (self->family_button, shown);
  if (self->n_photos > 0)
    /* TRANSLATORS: which photo is shown, e.g. "3 sur 142" */
    position = g_strdup_printf (_ ("%u sur %u"), self->index + 1, self->n_photos);
  gtk_label_set_text (self->position, position != NULL ? position : "");
}

static void
set_screen (EscalePhotoViewer *self, const char *name)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (self->stack)), name) == 0)
    return;
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), name);
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_SCREEN]);
}

const char *
escale_photo_viewer_get_screen (EscalePhotoViewer *self)
{
  g_return_val_if_fail (ESCALE_IS_PHOTO_VIEWER (self), NULL);
  return gtk_stack_get_visible_child_name (GTK_STACK (self->stack));
}

/* Shows photo @index: "Un instant…" until its picture comes. */
void
escale_photo_viewer_show_photo (EscalePhotoViewer *self, guint index)
{
  g_return_if_fail (ESCALE_IS_PHOTO_VIEWER (self));
  if (index >= self->n_photos)
    return;
  self->index = index;
  escale_photo_canvas_set_texture (self->canvas, NULL);
  gtk_label_set_text (self->status, _ ("Un instant…"));
  gtk_widget_set_visible (GTK_WIDGET (self->status), TRUE);
  if (!escale_photo_viewer_get_slideshow (self))
    set_screen (self, "photo");
  update_buttons (self);
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_INDEX]);
  g_signal_emit (self, signals[SIGNAL_LOAD], 0, index);
}

/* The picture of photo @index, or NULL when it cannot be shown; ignored
 * when another photo is shown by now. */
void
escale_photo_viewer_set_texture (EscalePhotoViewer *self, guint index, GdkTexture *texture)
{
  g_return_if_fail (ESCALE_IS_PHOTO_VIEWER (self));
  g_return_if_fail (texture == NULL || GDK_IS_TEXTURE (texture));

  if (index != self->index || index >= self->n_photos)
    return;
  escale_photo_canvas_set_texture (self->canvas, texture);
  gtk_label_set_text (self->status, _ ("Cette photo ne peut pas s'afficher."));
  gtk_widget_set_visible (GTK_WIDGET (self->status), texture == NULL);
  update_buttons (self);
}

/* Moves @delta photos forward (or back); FALSE at either end. */
gboolean
escale_photo_viewer_step (EscalePhotoViewer *self, int delta)
{
  gint64 target;

  g_return_val_if_fail (ESCALE_IS_PHOTO_VIEWER (self), FALSE);
  target = (gint64) self->index + delta;
  if (target < 0 || target >= self->n_photos)
    return FALSE;
  escale_photo_viewer_show_photo (self, (guint) target);
  return TRUE;
}

void
escale_photo_viewer_set_n_photos (EscalePhotoViewer *self, guint n_photos)
{
  g_return_if_fail (ESCALE_IS_PHOTO_VIEWER (self));
  self->n_photos = n_photos;
  if (self->index >= n_photos)
    self->index = 0;
  update_buttons (self);
}

guint
escale_photo_viewer_get_index (EscalePhotoViewer *self)
{
  g_return_val_if_fail (ESCALE_IS_PHOTO_VIEWER (self), 0);
  return self->index;
}

/* Returns: (transfer none) (nullable): the picture shown, unturned. */
GdkTexture *
escale_photo_viewer_get_texture (EscalePhotoViewer *self)
{
  g_return_val_if_fail (ESCALE_IS_PHOTO_VIEWER (self), NULL);
  return escale_photo_canvas_get_texture (self->canvas);
}

/* Whether "Montrer à ma famille" shows: a call activity can take a photo. */
void
escale_photo_viewer_set_can_show_family (EscalePhotoViewer *self, gboolean can_show)
{
  g_return_if_fail (ESCALE_IS_PHOTO_VIEWER (self));
  self->can_show_family = !!can_show;
  update_buttons (self);
}

/* Pages this visit may still print: "Imprimer cette photo" shows only
 * while some remain (0 also when printing is off). */
void
escale_photo_viewer_set_prints_left (EscalePhotoViewer *self, guint prints_left)
{
  g_return_if_fail (ESCALE_IS_PHOTO_VIEWER (self));
  self->prints_left = prints_left;
  if (prints_left == 0 && g_strcmp0 (escale_photo_viewer_get_screen (self), "confirm") == 0)
    set_screen (self, "photo");
  update_buttons (self);
}

EscalePhotoCanvas *
escale_photo_viewer_get_canvas (EscalePhotoViewer *self)
{
  g_return_val_if_fail (ESCALE_IS_PHOTO_VIEWER (self), NULL);
  return self->canvas;
}

/* --- slideshow ----------------------------------------------------------- */

static gboolean
slideshow_tick_cb (gpointer user_data)
{
  EscalePhotoViewer *self = user_data;

  escale_photo_viewer_show_photo (self, (self->index + 1) % MAX (self->n_photos, 1));
  return G_SOURCE_CONTINUE;
}

gboolean
escale_photo_viewer_get_slideshow (EscalePhotoViewer *self)
{
  g_return_val_if_fail (ESCALE_IS_PHOTO_VIEWER (self), FALSE);
  return self->slideshow_id != 0;
}

static void
show_bars (EscalePhotoViewer *self, gboolean show)
{
  gtk_widget_set_visible (self->side_column, show);
  gtk_widget_set_visible (self->bottom_rows, show);
  gtk_widget_set_visible (GTK_WIDGET (self->slideshow_hint), !show);
}

/* The photos one after the other, large, from the one shown, starting
 * over after the last. */
void
escale_photo_viewer_start_slideshow (EscalePhotoViewer *self)
{
  g_return_if_fail (ESCALE_IS_PHOTO_VIEWER (self));
  if (self->slideshow_id != 0 || self->n_photos < 2)
    return;
  escale_photo_canvas_reset (self->canvas);
  set_screen (self, "photo");
  show_bars (self, FALSE);
  self->slideshow_id =
    g_timeout_add_seconds (ESCALE_PHOTO_VIEWER_SLIDESHOW_SECONDS, slideshow_tick_cb, self);
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_SLIDESHOW]);
}

void
escale_photo_viewer_stop_slideshow (EscalePhotoViewer *self)
{
  g_return_if_fail (ESCALE_IS_PHOTO_VIEWER (self));
  if (self->slideshow_id == 0)
    return;
  g_clear_handle_id (&self->slideshow_id, g_source_remove);
  show_bars (self, TRUE);
  update_buttons (self);
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_SLIDESHOW]);
}

/* Any touch stops the slideshow, and does nothing else. */
static void
touch_pressed_cb (GtkGestureClick *gesture, int n_press, double x, double y,
                  EscalePhotoViewer *self)
{
  if (self->slideshow_id == 0)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  escale_photo_viewer_stop_slideshow (self);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                GdkModifierType state, EscalePhotoViewer *self)
{
  if (self->slideshow_id != 0)
    {
      escale_photo_viewer_stop_slideshow (self);
      return TRUE;
    }
  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_Page_Down:
      return escale_photo_viewer_step (self, 1);
    case GDK_KEY_Left:
    case GDK_KEY_Page_Up:
      return escale_photo_viewer_step (self, -1);
    default:
      return FALSE;
    }
}

/* --- printing and messages ----------------------------------------------- */

/* A calm message instead of the photo (printing, a photo printed, the
 * medium gone...). @done: the person may go back to the photo; otherwise
 * something is under way and no button is shown. */
void
escale_photo_viewer_show_message (EscalePhotoViewer *self, const char *title, const char *text,
                                  gboolean done)
{
  g_return_if_fail (ESCALE_IS_PHOTO_VIEWER (self));
  escale_photo_viewer_stop_slideshow (self);
  gtk_label_set_text (self->message_title, title);
  gtk_label_set_text (self->message_text, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_text), text != NULL);
  gtk_widget_set_visible (self->message_button, done);
  set_screen (self, "message");
}

static void
print_cb (EscalePhotoViewer *self)
{
  if (self->prints_left == 0 || escale_photo_canvas_get_texture (self->canvas) == NULL)
    return;
  set_screen (self, "confirm");
}

static void
confirm_print_cb (EscalePhotoViewer *self)
{
  if (self->prints_left == 0)
    {
      set_screen (self, "photo");
      return;
    }
  escale_photo_viewer_show_message (self, _ ("La photo part vers l'imprimante…"),
                                    _ ("Un instant, ne retirez pas votre clé."), FALSE);
  g_signal_emit (self, signals[SIGNAL_PRINT], 0, self->index,
                 escale_photo_canvas_get_rotation (self->canvas));
}

static void
back_to_photo_cb (EscalePhotoViewer *self)
{
  set_screen (self, "photo");
}

/* Forgets every picture: nothing of a visitor's photos stays in it. */
void
escale_photo_viewer_clear (EscalePhotoViewer *self)
{
  g_return_if_fail (ESCALE_IS_PHOTO_VIEWER (self));
  escale_photo_viewer_stop_slideshow (self);
  escale_photo_canvas_set_texture (self->canvas, NULL);
  self->n_photos = 0;
  self->index = 0;
  set_screen (self, "photo");
  update_buttons (self);
}

/* --- buttons ------------------------------------------------------------- */

static void
show_family_cb (EscalePhotoViewer *self)
{
  if (!self->can_show_family || escale_photo_canvas_get_texture (self->canvas) == NULL)
    return;
  g_signal_emit (self, signals[SIGNAL_SHOW_FAMILY], 0, self->index,
                 escale_photo_canvas_get_rotation (self->canvas));
}

static void
previous_cb (EscalePhotoViewer *self)
{
  escale_photo_viewer_step (self, -1);
}

static void
next_cb (EscalePhotoViewer *self)
{
  escale_photo_viewer_step (self, 1);
}

static void
swiped_cb (EscalePhotoViewer *self, int direction)
{
  escale_photo_viewer_step (self, direction);
}

static void
zoom_in_cb (EscalePhotoViewer *self)
{
  escale_photo_canvas_zoom_in (self->canvas);
  update_buttons (self);
}

static void
zoom_out_cb (EscalePhotoViewer *self)
{
  escale_photo_canvas_zoom_out (self->canvas);
  update_buttons (self);
}

static void
rotate_cb (EscalePhotoViewer *self)
{
  escale_photo_canvas_rotate (self->canvas);
}

static void
slideshow_cb (EscalePhotoViewer *self)
{
  escale_photo_viewer_start_slideshow (self);
}

static void
back_cb (EscalePhotoViewer *self)
{
  escale_photo_viewer_stop_slideshow (self);
  g_signal_emit (self, signals[SIGNAL_BACK], 0);
}

/* A button of the viewer, appended to @bar (a box). Its words wrap on two
 * lines rather than widen the bar: with the text twice larger, a 1024 px
 * screen still leaves the photo most of the room. */
static GtkWidget *
add_button (EscalePhotoViewer *self, GtkWidget *bar, const char *icon, const char *label,
            GCallback callback)
{
  GtkWidget *button = escale_big_button_new (icon, label);
  GtkWidget *box = gtk_button_get_child (GTK_BUTTON (button));

  for (GtkWidget *c = gtk_widget_get_first_child (box); c; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_LABEL (c))
      {
        gtk_label_set_wrap (GTK_LABEL (c), TRUE);
        gtk_label_set_wrap_mode (GTK_LABEL (c), PANGO_WRAP_WORD);
        gtk_label_set_justify (GTK_LABEL (c), GTK_JUSTIFY_CENTER);
        gtk_label_set_max_width_chars (GTK_LABEL (c), 12);
      }
  gtk_widget_add_css_class (button, "photo-viewer-button");
  g_signal_connect_swapped (button, "clicked", callback, self);
  gtk_box_append (GTK_BOX (bar), button);
  return button;
}

static GtkWidget *
row_new (GtkWidget *parent)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_box_set_homogeneous (GTK_BOX (row), TRUE);
  gtk_box_append (GTK_BOX (parent), row);
  return row;
}

/* What to do with the photo, in a column beside it: the photo keeps the
 * height of the screen. */
static GtkWidget *
build_side_column (EscalePhotoViewer *self)
{
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  gtk_widget_add_css_class (column, "photo-viewer-bar");
  gtk_widget_set_size_request (column, 220, -1);
  add_button (self, column, "escale-back-symbolic", _ ("Toutes mes photos"), G_CALLBACK (back_cb));
  self->print_button =
    add_button (self, column, NULL, _ ("Imprimer cette photo"), G_CALLBACK (print_cb));
  self->family_button =
    add_button (self, column, NULL, _ ("Montrer à ma famille"), G_CALLBACK (show_family_cb));
  gtk_widget_add_css_class (self->family_button, "suggested");
  self->slideshow_button =
    add_button (self, column, NULL, _ ("Diaporama"), G_CALLBACK (slideshow_cb));
  return column;
}

/* Under the photo: the next and previous ones, then zoom and rotation. */
static GtkWidget *
build_bottom_rows (EscalePhotoViewer *self)
{
  GtkWidget *rows = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *row = row_new (rows);

  gtk_widget_add_css_class (rows, "photo-viewer-bar");
  self->previous = add_button (self, row, NULL, _ ("Précédente"), G_CALLBACK (previous_cb));
  self->next = add_button (self, row, NULL, _ ("Suivante"), G_CALLBACK (next_cb));
  row = row_new (rows);
  self->zoom_in = add_button (self, row, NULL, _ ("Agrandir"), G_CALLBACK (zoom_in_cb));
  self->zoom_out = add_button (self, row, NULL, _ ("Réduire"), G_CALLBACK (zoom_out_cb));
  add_button (self, row, NULL, _ ("Tourner"), G_CALLBACK (rotate_cb));
  return rows;
}

static GtkWidget *
build_photo_screen (EscalePhotoViewer *self)
{
  GtkWidget *screen = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *overlay = gtk_overlay_new ();

  self->canvas = ESCALE_PHOTO_CANVAS (escale_photo_canvas_new ());
  g_signal_connect_swapped (self->canvas, "swiped", G_CALLBACK (swiped_cb), self);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), GTK_WIDGET (self->canvas));
  gtk_widget_set_hexpand (overlay, TRUE);
  gtk_widget_set_vexpand (overlay, TRUE);
  self->status = GTK_LABEL (escale_wrapped_label_new (NULL, "message-title"));
  gtk_widget_add_css_class (GTK_WIDGET (self->status), "photo-status");
  gtk_label_set_xalign (self->status, 0.5);
  gtk_widget_set_halign (GTK_WIDGET (self->status), GTK_ALIGN_CENTER);
  gtk_widget_set_valign (GTK_WIDGET (self->status), GTK_ALIGN_CENTER);
  gtk_widget_set_can_target (GTK_WIDGET (self->status), FALSE);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), GTK_WIDGET (self->status));
  self->position = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->position), "photo-position");
  gtk_widget_set_halign (GTK_WIDGET (self->position), GTK_ALIGN_END);
  gtk_widget_set_valign (GTK_WIDGET (self->position), GTK_ALIGN_START);
  gtk_widget_set_can_target (GTK_WIDGET (self->position), FALSE);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), GTK_WIDGET (self->position));
  gtk_box_append (GTK_BOX (box), overlay);

  self->slideshow_hint = GTK_LABEL (
    escale_wrapped_label_new (_ ("Touchez l'écran pour arrêter le diaporama."), "message-text"));
  gtk_label_set_xalign (self->slideshow_hint, 0.5);
  gtk_widget_set_visible (GTK_WIDGET (self->slideshow_hint), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->slideshow_hint));

  self->bottom_rows = build_bottom_rows (self);
  gtk_box_append (GTK_BOX (box), self->bottom_rows);
  gtk_box_append (GTK_BOX (screen), box);
  self->side_column = build_side_column (self);
  gtk_box_append (GTK_BOX (screen), self->side_column);
  return screen;
}

static GtkWidget *
message_box_new (GtkLabel **title, GtkLabel **text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (box, "message-page");
  *title = GTK_LABEL (escale_wrapped_label_new (NULL, "message-title"));
  *text = GTK_LABEL (escale_wrapped_label_new (NULL, "message-text"));
  gtk_label_set_xalign (*title, 0.5);
  gtk_label_set_xalign (*text, 0.5);
  gtk_label_set_justify (*title, GTK_JUSTIFY_CENTER);
  gtk_label_set_justify (*text, GTK_JUSTIFY_CENTER);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (*title));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (*text));
  return box;
}

static GtkWidget *
build_confirm_screen (EscalePhotoViewer *self)
{
  GtkLabel *title, *text;
  GtkWidget *box = message_box_new (&title, &text);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 32);
  GtkWidget *print = escale_big_button_new (NULL, _ ("Imprimer"));
  GtkWidget *cancel = escale_big_button_new ("escale-back-symbolic", _ ("Annuler"));

  gtk_label_set_text (title, _ ("1 page en couleur."));
  gtk_label_set_text (text, _ ("Une page va sortir de l'imprimante."));
  gtk_widget_add_css_class (print, "suggested");
  g_signal_connect_swapped (print, "clicked", G_CALLBACK (confirm_print_cb), self);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (back_to_photo_cb), self);
  gtk_box_set_homogeneous (GTK_BOX (buttons), TRUE);
  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (buttons), print);
  gtk_box_append (GTK_BOX (buttons), cancel);
  gtk_box_append (GTK_BOX (box), buttons);
  return box;
}

static GtkWidget *
build_message_screen (EscalePhotoViewer *self)
{
  GtkWidget *box = message_box_new (&self->message_title, &self->message_text);

  self->message_button = escale_big_button_new ("escale-back-symbolic", _ ("Revenir à la photo"));
  gtk_widget_set_halign (self->message_button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->message_button, "clicked", G_CALLBACK (back_to_photo_cb), self);
  gtk_box_append (GTK_BOX (box), self->message_button);
  return box;
}

/* --- lifetime ------------------------------------------------------------ */

static void
escale_photo_viewer_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  EscalePhotoViewer *self = ESCALE_PHOTO_VIEWER (object);

  switch (prop_id)
    {
    case PROP_INDEX:
      g_value_set_uint (value, self->index);
      break;
    case PROP_SLIDESHOW:
      g_value_set_boolean (value, self->slideshow_id != 0);
      break;
    case PROP_SCREEN:
      g_value_set_string (value, escale_photo_viewer_get_screen (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_photo_viewer_dispose (GObject *object)
{
  EscalePhotoViewer *self = ESCALE_PHOTO_VIEWER (object);

  g_clear_handle_id (&self->slideshow_id, g_source_remove);
  g_clear_pointer (&self->stack, gtk_widget_unparent);
  G_OBJECT_CLASS (escale_photo_viewer_parent_class)->dispose (object);
}

static void
escale_photo_viewer_class_init (EscalePhotoViewerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = escale_photo_viewer_get_property;
  object_class->dispose = escale_photo_viewer_dispose;
  pspecs[PROP_INDEX] = g_param_spec_uint ("index", NULL, NULL, 0, G_MAXUINT, 0,
                                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  pspecs[PROP_SLIDESHOW] = g_param_spec_boolean ("slideshow", NULL, NULL, FALSE,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* "photo", "confirm" (printing asked) or "message". */
  pspecs[PROP_SCREEN] =
    g_param_spec_string ("screen", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, pspecs);
  signals[SIGNAL_LOAD] = g_signal_new ("load", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                       NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[SIGNAL_PRINT] = g_signal_new ("print", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT,
                                        G_TYPE_UINT);
  /* (index, quarter turns shown): "Montrer à ma famille" */
  signals[SIGNAL_SHOW_FAMILY] = g_signal_new ("show-family", G_TYPE_FROM_CLASS (klass),
                                              G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                              2, G_TYPE_UINT, G_TYPE_UINT);
  signals[SIGNAL_BACK] = g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                       NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "photoviewer");
}

static void
escale_photo_viewer_init (EscalePhotoViewer *self)
{
  GtkGesture *touch = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->stack = gtk_stack_new ();
  gtk_stack_set_hhomogeneous (GTK_STACK (self->stack), FALSE);
  gtk_stack_set_vhomogeneous (GTK_STACK (self->stack), FALSE);
  gtk_stack_add_named (GTK_STACK (self->stack), build_photo_screen (self), "photo");
  gtk_stack_add_named (GTK_STACK (self->stack), build_confirm_screen (self), "confirm");
  gtk_stack_add_named (GTK_STACK (self->stack), build_message_screen (self), "message");
  gtk_widget_set_parent (self->stack, GTK_WIDGET (self));
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);

  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (touch), FALSE);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (touch), GTK_PHASE_CAPTURE);
  g_signal_connect (touch, "pressed", G_CALLBACK (touch_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (touch));
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  update_buttons (self);
}

GtkWidget *
escale_photo_viewer_new (void)
{
  return g_object_new (ESCALE_TYPE_PHOTO_VIEWER, NULL);
}
