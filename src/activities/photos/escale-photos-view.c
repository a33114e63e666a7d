/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-photos"

#include <glib/gi18n.h>

#include "escale-print-keys.h"
#include "escale-call-kind.h"
#include "escale-photo-library.h"
#include "escale-photo-medium.h"
#include "escale-photo-printer.h"
#include "escale-photo.h"
#include "escale-photos-kind.h"
#include "escale-photos-view-private.h"
#include "escale-ui-util.h"

/* "Mes photos". Screens, one at a time:
 *   waiting   "Branchez votre clé, votre carte ou votre téléphone", the
 *             drawing of the ports; after a failed mount, "Sur votre
 *             téléphone, touchez Autoriser"
 *   choose    several media plugged in: one big button each, by its label
 *   scanning  "142 photos trouvées…"
 *   grid      the photos by month (EscalePhotoGrid), "Retirer ma clé"
 *   viewer    one photo full screen (EscalePhotoViewer)
 *   message   a calm sentence (the medium pulled out, nothing found, you
 *             may take your stick) and one button
 * Pictures are decoded by part A's helper process, in memory only; nothing
 * is ever written to the medium or to the disk. The wiper "photos" (and
 * dispose) drops every picture, the library and the list. */

G_DEFINE_FINAL_TYPE (EscalePhotosView, escale_photos_view, ESCALE_TYPE_ACTIVITY_VIEW)

#define WIPER_NAME "photos"
#define THUMBNAIL_SIZE 256
#define FULL_SIZE 2560

/* --- screens ------------------------------------------------------------- */

/* The guide's step for what is on screen: 1 plug in, 2 touch a photo,
 * 3 Suivante, 4 Imprimer cette photo, 5 Retirer ma clé. */
static void
update_guide_step (EscalePhotosView *self)
{
  const char *screen = gtk_stack_get_visible_child_name (GTK_STACK (self->stack));
  guint step = 1;

  if (screen == NULL)
    return;
  if (g_str_equal (screen, "scanning") || g_str_equal (screen, "grid"))
    step = 2;
  else if (g_str_equal (screen, "viewer"))
    step = g_strcmp0 (escale_photo_viewer_get_screen (self->viewer), "confirm") == 0 ? 4 : 3;
  else if (g_str_equal (screen, "message") && self->removing)
    step = 5;
  escale_activity_view_set_guide_step (ESCALE_ACTIVITY_VIEW (self), step);
}

static void
viewer_screen_cb (EscalePhotosView *self)
{
  update_guide_step (self);
}

static void
show_screen (EscalePhotosView *self, const char *screen)
{
  if (!g_str_equal (screen, "viewer"))
    escale_photo_viewer_stop_slideshow (self->viewer);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), screen);
  update_guide_step (self);
  /* One photo full screen: the guide panel steps aside meanwhile. */
  escale_activity_view_set_presenting (ESCALE_ACTIVITY_VIEW (self),
                                       g_str_equal (screen, "viewer"));
}

static void
show_message (EscalePhotosView *self, const char *title, const char *text, const char *button)
{
  gtk_label_set_text (self->message_title, title);
  gtk_label_set_text (self->message_text, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_text), text != NULL);
  gtk_button_set_label (GTK_BUTTON (self->message_button), button);
  gtk_widget_set_visible (self->message_button, button != NULL);
  show_screen (self, "message");
}

const char *
escale_photos_view_get_screen (EscalePhotosView *self)
{
  g_return_val_if_fail (ESCALE_IS_PHOTOS_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (GTK_STACK (self->stack));
}

const char *
escale_photos_view_get_message (EscalePhotosView *self)
{
  g_return_val_if_fail (ESCALE_IS_PHOTOS_VIEW (self), NULL);
  return gtk_label_get_text (self->message_title);
}

EscalePhotoGrid *
escale_photos_view_get_grid (EscalePhotosView *self)
{
  g_return_val_if_fail (ESCALE_IS_PHOTOS_VIEW (self), NULL);
  return self->grid;
}

EscalePhotoViewer *
escale_photos_view_get_viewer (EscalePhotosView *self)
{
  g_return_val_if_fail (ESCALE_IS_PHOTOS_VIEW (self), NULL);
  return self->viewer;
}

/* Pages this visit may still print: none when printing is off. */
static guint
prints_left (EscalePhotosView *self)
{
  guint max =
    escale_print_keys_get_max_prints (self->activity, "Photos", ESCALE_PHOTOS_DEFAULT_MAX_PRINTS);

  if (!escale_print_keys_get_print (self->activity, "Photos") || self->pages_printed >= max)
    return 0;
  return max - self->pages_printed;
}

/* --- forgetting ---------------------------------------------------------- */

/* Drops every picture, the library and the list: what was on the medium
 * is no longer anywhere in Escale's memory. */
static void
forget_medium (EscalePhotosView *self)
{
  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->full_cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->full_cancellable);
  escale_photo_grid_clear (self->grid);
  escale_photo_viewer_clear (self->viewer);
  g_clear_object (&self->photos);
  g_clear_object (&self->library);
  g_clear_object (&self->medium);
  self->removing = FALSE;
}

static gboolean
wipe_photos (gpointer user_data, GError **error)
{
  EscalePhotosView *self = user_data;

  forget_medium (self);
  escale_activity_view_set_holding (ESCALE_ACTIVITY_VIEW (self), FALSE);
  return TRUE;
}

/* --- thumbnails and the full-screen photo -------------------------------- */

static EscalePhoto *
photo_at (EscalePhotosView *self, guint index)
{
  if (self->photos == NULL || index >= g_list_model_get_n_items (self->photos))
    return NULL;
  return g_list_model_get_item (self->photos, index);
}

/* What an asynchronous decode or print needs when it comes back: the view,
 * if it still exists, the photo, and (to print) its quarter turns. */
typedef struct
{
  EscalePhotosView *self; /* weak */
  guint index;
  guint rotation;
} Request;

static Request *
request_new (EscalePhotosView *self, guint index)
{
  Request *request = g_new0 (Request, 1);

  request->self = self;
  request->index = index;
  g_object_add_weak_pointer (G_OBJECT (self), (gpointer *) &request->self);
  return request;
}

static void
request_free (Request *request)
{
  if (request->self != NULL)
    g_object_remove_weak_pointer (G_OBJECT (request->self), (gpointer *) &request->self);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_free)

static void
thumbnail_decoded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(Request) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture =
               escale_photo_decoder_decode_finish (ESCALE_PHOTO_DECODER (source), result, &error);

  if (request->self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* Never the file's name: only that one picture could not be shown. */
  if (texture == NULL)
    g_debug ("A thumbnail could not be decoded (%s)", g_quark_to_string (error->domain));
  escale_photo_grid_set_thumbnail (request->self->grid, request->index, texture);
}

static void
need_thumbnail_cb (EscalePhotosView *self, guint index)
{
  g_autoptr(EscalePhoto) photo = photo_at (self, index);

  if (photo == NULL)
    return;
  escale_photo_decoder_decode_async (self->decoder, escale_photo_get_file (photo), THUMBNAIL_SIZE,
                                     self->cancellable, thumbnail_decoded_cb,
                                     request_new (self, index));
}

static void
full_decoded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(Request) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture =
               escale_photo_decoder_decode_finish (ESCALE_PHOTO_DECODER (source), result, &error);

  if (request->self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  escale_photo_viewer_set_texture (request->self->viewer, request->index, texture);
}

/* The viewer shows photo @index: decoded at the size of a large screen,
 * the previous one's decoding given up. Counted as a photo seen large. */
static void
load_cb (EscalePhotosView *self, guint index)
{
  g_autoptr(EscalePhoto) photo = photo_at (self, index);

  g_cancellable_cancel (self->full_cancellable);
  g_clear_object (&self->full_cancellable);
  if (photo == NULL)
    return;
  self->full_cancellable = g_cancellable_new ();
  if (self->visit != NULL)
    escale_visit_count (self->visit, "photos-viewed", 1);
  escale_photo_decoder_decode_async (self->decoder, escale_photo_get_file (photo), FULL_SIZE,
                                     self->full_cancellable, full_decoded_cb,
                                     request_new (self, index));
}

void
escale_photos_view_open_photo (EscalePhotosView *self, guint index)
{
  g_return_if_fail (ESCALE_IS_PHOTOS_VIEW (self));
  if (self->photos == NULL || index >= g_list_model_get_n_items (self->photos))
    return;
  show_screen (self, "viewer");
  escale_photo_viewer_set_prints_left (self->viewer, prints_left (self));
  escale_photo_viewer_show_photo (self->viewer, index);
  gtk_widget_grab_focus (GTK_WIDGET (self->viewer));
}

static void
activate_cb (EscalePhotosView *self, guint index)
{
  escale_photos_view_open_photo (self, index);
}

static void
back_to_grid_cb (EscalePhotosView *self)
{
  g_cancellable_cancel (self->full_cancellable);
  escale_photo_viewer_set_texture (self->viewer, escale_photo_viewer_get_index (self->viewer),
                                   NULL);
  show_screen (self, "grid");
}

/* The slideshow holds the countdown. */
static void
slideshow_changed_cb (EscalePhotosView *self)
{
  gboolean on = escale_photo_viewer_get_slideshow (self->viewer);

  escale_activity_view_set_holding (ESCALE_ACTIVITY_VIEW (self), on);
}

/* --- printing ------------------------------------------------------------ */

static void
printed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(Request) job = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = escale_photo_printer_print_finish (ESCALE_PHOTO_PRINTER (source), result, &error);
  EscalePhotosView *self = job->self;

  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (ok)
    {
      self->pages_printed++;
      if (self->visit != NULL)
        escale_visit_count (self->visit, "pages-printed", 1);
      escale_photo_viewer_show_message (self->viewer, _ ("La photo est imprimée."),
                                        _ ("Prenez-la dans l'imprimante."), TRUE);
    }
  else if (g_error_matches (error, ESCALE_PRINT_ERROR, ESCALE_PRINT_ERROR_NO_PRINTER))
    {
      if (self->visit != NULL)
        escale_visit_notice (self->visit, "Photos", "printer",
                             _ ("aucune imprimante trouvée pour « Mes photos » : vérifiez "
                                "printer= ou l'imprimante par défaut de CUPS"));
      escale_photo_viewer_show_message (self->viewer, _ ("L'imprimante n'est pas disponible."),
                                        _ ("Ce n'est pas de votre faute. Un aidant peut "
                                           "regarder."),
                                        TRUE);
    }
  else
    escale_photo_viewer_show_message (self->viewer, _ ("La photo n'a pas pu être imprimée."),
                                      _ ("Ce n'est pas de votre faute : il manque peut-être du "
                                         "papier. Un aidant peut regarder."),
                                      TRUE);
  escale_photo_viewer_set_prints_left (self->viewer, prints_left (self));
}

static void
print_decoded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(Request) job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture =
               escale_photo_decoder_decode_finish (ESCALE_PHOTO_DECODER (source), result, &error);
  g_autoptr(GdkTexture) turned = NULL;
  g_autofree char *printer_name = NULL;
  g_autoptr(EscalePhotoPrinter) printer = NULL;
  EscalePhotosView *self = job->self;

  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (texture == NULL)
    {
      escale_photo_viewer_show_message (self->viewer, _ ("Cette photo ne peut pas s'imprimer."),
                                        _ ("Ce n'est pas de votre faute. Essayez une autre "
                                           "photo."),
                                        TRUE);
      return;
    }
  turned = escale_photo_texture_rotate (texture, job->rotation);
  g_clear_object (&texture);
  printer_name = escale_print_keys_get_printer (self->activity, "Photos");
  printer = escale_photo_printer_new (printer_name);
  escale_photo_printer_print_async (printer, turned, self->cancellable, printed_cb,
                                    g_steal_pointer (&job));
}

/* "Imprimer" was confirmed: the photo is decoded whole (not the screen's
 * copy), turned as it was shown, and handed to the printer. */
static void
print_cb (EscalePhotosView *self, guint index, guint rotation)
{
  g_autoptr(EscalePhoto) photo = photo_at (self, index);
  Request *job;

  if (photo == NULL || prints_left (self) == 0)
    return;
  job = request_new (self, index);
  job->rotation = rotation;
  escale_photo_decoder_decode_async (self->decoder, escale_photo_get_file (photo), 0,
                                     self->cancellable, print_decoded_cb, job);
}

/* --- "Montrer à ma famille" ---------------------------------------------- */

/* The call activity that can take a photo, or NULL: the button hides. */
static EscaleActivity *
family_call (EscalePhotosView *self)
{
  EscaleActivity *call;

  if (self->visit == NULL)
    return NULL;
  call = escale_visit_find_activity (self->visit, escale_call_kind.name);
  return call != NULL && escale_call_kind_can_show_pictures (call) ? call : NULL;
}

/* The photo as it is shown (turned too) is left for the call of this
 * visit, which opens with it ready; the visit's end drops it if the call
 * never takes it. */
static void
show_family_cb (EscalePhotosView *self, guint index, guint rotation)
{
  GdkTexture *texture = escale_photo_viewer_get_texture (self->viewer);
  EscaleActivity *call = family_call (self);
  g_autoptr(GdkTexture) turned = NULL;

  if (texture == NULL || call == NULL)
    return;
  turned = escale_photo_texture_rotate (texture, rotation);
  escale_visit_hand_off (self->visit, ESCALE_CALL_PICTURE_HANDOFF, turned);
  g_clear_object (&turned);
  /* This view goes away with its page. */
  escale_activity_view_open_activity (ESCALE_ACTIVITY_VIEW (self), call);
}

/* --- the medium ---------------------------------------------------------- */

static const char *
removed_text (EscalePhotoMedium *medium)
{
  switch (escale_photo_medium_get_kind (medium))
    {
    case ESCALE_PHOTO_MEDIUM_CARD:
      return _ ("Vous pouvez retirer votre carte.");
    case ESCALE_PHOTO_MEDIUM_PHONE:
    case ESCALE_PHOTO_MEDIUM_CAMERA:
      return _ ("Vous pouvez débrancher votre appareil.");
    case ESCALE_PHOTO_MEDIUM_STICK:
    default:
      return _ ("Vous pouvez retirer votre clé.");
    }
}

/* Groups the photos (newest first) by month, under French headers. */
static void
fill_grid (EscalePhotosView *self)
{
  guint n = g_list_model_get_n_items (self->photos);
  g_autofree char *section = NULL;
  guint section_size = 0;

  escale_photo_grid_clear (self->grid);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EscalePhoto) photo = g_list_model_get_item (self->photos, i);
      g_autofree char *month = escale_photo_month_label (escale_photo_get_date (photo));

      if (section != NULL && g_strcmp0 (month, section) != 0)
        {
          escale_photo_grid_add_section (self->grid, section, section_size);
          section_size = 0;
        }
      if (section_size == 0)
        {
          g_free (section);
          section = g_steal_pointer (&month);
        }
      section_size++;
    }
  if (section != NULL)
    escale_photo_grid_add_section (self->grid, section, section_size);
  escale_photo_viewer_set_n_photos (self->viewer, n);
}

static void
scanned_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  EscalePhotosView *self = user_data;
  EscalePhotoLibrary *library = ESCALE_PHOTO_LIBRARY (source);
  g_autoptr(GError) error = NULL;
  gboolean ok = escale_photo_library_scan_finish (library, result, &error);
  g_autofree char *title = NULL;
  guint n;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_object_unref (self);
      return;
    }
  if (library != self->library)
    {
      g_object_unref (self);
      return;
    }
  self->photos = g_object_ref (escale_photo_library_get_photos (library));
  n = g_list_model_get_n_items (self->photos);
  if (!ok || n == 0)
    {
      gboolean phone = self->medium != NULL &&
                       escale_photo_medium_get_kind (self->medium) == ESCALE_PHOTO_MEDIUM_PHONE;

      show_message (self, _ ("Aucune photo trouvée."),
                    phone ? _ ("Sur votre téléphone, touchez Autoriser, puis touchez Réessayer.")
                          : _ ("Cette clé ne contient pas de photo que Escale sait montrer."),
                    _ ("Réessayer"));
      g_object_unref (self);
      return;
    }
  fill_grid (self);
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Vos photos : %u photo",
                                        "Vos photos : %u photos", n),
                           n);
  gtk_label_set_text (self->grid_title, title);
  show_screen (self, "grid");
  g_object_unref (self);
}

static void
n_found_cb (EscalePhotosView *self)
{
  guint n = self->library != NULL ? escale_photo_library_get_n_found (self->library) : 0;
  g_autofree char *text =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u photo trouvée…", "%u photos trouvées…", n),
                     n);

  gtk_label_set_text (self->scanning_label, text);
}

/* Opens @medium: says so, looks for its photos (all folders), then the grid. */
static void
open_medium (EscalePhotosView *self, EscalePhotoMedium *medium)
{
  g_autoptr(GFile) root = NULL;

  forget_medium (self);
  self->medium = g_object_ref (medium);
  self->cancellable = g_cancellable_new ();
  if (self->visit != NULL)
    escale_visit_count (self->visit, "media-opened", 1);
  root = g_object_ref (escale_photo_medium_get_root (medium));
  self->library = escale_photo_library_new (root);
  g_signal_connect_object (self->library, "notify::n-found", G_CALLBACK (n_found_cb), self,
                           G_CONNECT_SWAPPED);
  {
    /* TRANSLATORS: "Clé USB trouvée. Escale cherche vos photos." */
    g_autofree char *found = g_strdup_printf (_ ("%s trouvée. Escale cherche vos photos."),
                                              escale_photo_medium_get_label (medium));

    gtk_label_set_text (self->scanning_title, found);
  }
  n_found_cb (self);
  show_screen (self, "scanning");
  escale_photo_library_scan_async (self->library, self->cancellable, scanned_cb,
                                   g_object_ref (self));
}

static void
choose_clicked_cb (GtkButton *button, EscalePhotosView *self)
{
  EscalePhotoMedium *medium = g_object_get_data (G_OBJECT (button), "medium");

  open_medium (self, medium);
}

static void
fill_choices (EscalePhotosView *self, GListModel *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->choose_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->choose_box), child);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(EscalePhotoMedium) medium = g_list_model_get_item (list, i);
      GtkWidget *button =
        escale_big_button_new ("escale-photos-symbolic", escale_photo_medium_get_label (medium));

      g_object_set_data_full (G_OBJECT (button), "medium", g_object_ref (medium), g_object_unref);
      g_signal_connect (button, "clicked", G_CALLBACK (choose_clicked_cb), self);
      gtk_box_append (GTK_BOX (self->choose_box), button);
    }
}

static gboolean
list_contains (GListModel *list, gpointer item)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (list, i);

      if (other == item)
        return TRUE;
    }
  return FALSE;
}

/* A medium came or went. Pulled out while open (a photo shown, printing):
 * everything of it is dropped and a calm message says so. */
static void
media_changed_cb (EscalePhotosView *self)
{
  GListModel *list = escale_photo_media_get_media (self->media);
  guint n = g_list_model_get_n_items (list);

  if (self->medium != NULL && !list_contains (list, self->medium))
    {
      gboolean asked = self->removing;

      forget_medium (self);
      if (asked)
        show_screen (self, "waiting");
      else
        show_message (self, _ ("Votre clé a été retirée."),
                      _ ("Ses photos ne sont plus à l'écran. Vous pouvez la rebrancher."),
                      _ ("D'accord"));
      escale_activity_view_set_holding (ESCALE_ACTIVITY_VIEW (self), FALSE);
      return;
    }
  if (self->medium != NULL)
    return;
  fill_choices (self, list);
  if (n == 1 && g_strcmp0 (escale_photos_view_get_screen (self), "message") != 0)
    {
      g_autoptr(EscalePhotoMedium) medium = g_list_model_get_item (list, 0);

      open_medium (self, medium);
    }
  else if (n > 1)
    show_screen (self, "choose");
  else if (g_strcmp0 (escale_photos_view_get_screen (self), "choose") == 0)
    show_screen (self, "waiting");
}

/* A medium was seen but could not be opened: most often a phone waiting
 * for its owner to allow access (Android's "Autoriser", an iPhone's "Se
 * fier"). */
static void
mount_failed_cb (EscalePhotosView *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->waiting_hint), TRUE);
}

static void
removed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  EscalePhotosView *self = user_data;
  EscalePhotoMedium *medium = ESCALE_PHOTO_MEDIUM (source);
  g_autoptr(GError) error = NULL;

  if (escale_photo_medium_remove_finish (medium, result, &error))
    {
      show_message (self, removed_text (medium),
                    _ ("Rien de ce qu'elle contient n'est resté ici."), _ ("D'accord"));
      /* Still the step of "Retirer ma clé", though the medium is forgotten. */
      escale_activity_view_set_guide_step (ESCALE_ACTIVITY_VIEW (self), 5);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      self->removing = FALSE;
      show_message (self, _ ("Attendez encore un instant."),
                    _ ("Escale n'a pas fini de lire. Touchez D'accord, puis Retirer ma clé "
                       "une nouvelle fois."),
                    _ ("D'accord"));
    }
  g_object_unref (self);
}

static void
remove_cb (EscalePhotosView *self)
{
  g_autoptr(EscalePhotoMedium) medium = NULL;

  if (self->medium == NULL)
    return;
  medium = g_object_ref (self->medium);
  /* Nothing of it is read any more: then it is unmounted. */
  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->full_cancellable);
  escale_photo_grid_clear (self->grid);
  escale_photo_viewer_clear (self->viewer);
  self->removing = TRUE;
  show_message (self, _ ("Un instant…"), _ ("Ne retirez pas encore votre clé."), NULL);
  escale_photo_medium_remove_async (medium, NULL, removed_cb, g_object_ref (self));
}

/* The message's button: back to what makes sense now. */
static void
message_button_cb (EscalePhotosView *self)
{
  if (self->medium != NULL && !self->removing)
    {
      g_autoptr(EscalePhotoMedium) medium = g_object_ref (self->medium);

      open_medium (self, medium); /* "Réessayer" */
      return;
    }
  forget_medium (self);
  show_screen (self, "waiting");
  media_changed_cb (self);
}

/* --- lifetime ------------------------------------------------------------ */

static void
escale_photos_view_constructed (GObject *object)
{
  EscalePhotosView *self = ESCALE_PHOTOS_VIEW (object);
  g_autofree char *ports_picture = NULL;

  G_OBJECT_CLASS (escale_photos_view_parent_class)->constructed (object);

  self->activity = escale_activity_view_get_activity (ESCALE_ACTIVITY_VIEW (self));
  self->visit = escale_activity_view_get_visit (ESCALE_ACTIVITY_VIEW (self));
  ports_picture = escale_photos_kind_get_ports_picture (self->activity);
  if (ports_picture != NULL)
    _escale_photos_view_set_ports_picture (self, ports_picture);
  /* The view is the wiper's data: it removes the wiper when it goes away,
   * having dropped the same things itself. */
  if (self->visit != NULL)
    escale_visit_add_wiper (self->visit, WIPER_NAME, wipe_photos, self, NULL);
  escale_photo_viewer_set_can_show_family (self->viewer, family_call (self) != NULL);

  self->decoder = escale_photo_decoder_new ();
  self->media = escale_photo_media_new ();
  g_signal_connect_object (escale_photo_media_get_media (self->media), "items-changed",
                           G_CALLBACK (media_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->media, "mount-failed", G_CALLBACK (mount_failed_cb), self,
                           G_CONNECT_SWAPPED);
  show_screen (self, "waiting");
  media_changed_cb (self);
}

static void
escale_photos_view_dispose (GObject *object)
{
  EscalePhotosView *self = ESCALE_PHOTOS_VIEW (object);

  if (self->media != NULL)
    g_signal_handlers_disconnect_by_data (escale_photo_media_get_media (self->media), self);
  if (self->grid != NULL)
    forget_medium (self);
  escale_activity_view_set_holding (ESCALE_ACTIVITY_VIEW (self), FALSE);
  if (self->visit != NULL)
    escale_visit_remove_wiper (self->visit, WIPER_NAME);
  g_clear_object (&self->media);
  g_clear_object (&self->decoder);
  g_clear_pointer (&self->stack, gtk_widget_unparent);
  self->grid = NULL;
  self->viewer = NULL;
  self->activity = NULL;
  self->visit = NULL;
  G_OBJECT_CLASS (escale_photos_view_parent_class)->dispose (object);
}

static void
escale_photos_view_class_init (EscalePhotosViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = escale_photos_view_constructed;
  object_class->dispose = escale_photos_view_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "photosview");
}

static void
escale_photos_view_init (EscalePhotosView *self)
{
  _escale_photos_view_build (self);
  g_signal_connect_swapped (self->grid, "need-thumbnail", G_CALLBACK (need_thumbnail_cb), self);
  g_signal_connect_swapped (self->grid, "activate", G_CALLBACK (activate_cb), self);
  g_signal_connect_swapped (self->viewer, "load", G_CALLBACK (load_cb), self);
  g_signal_connect_swapped (self->viewer, "print", G_CALLBACK (print_cb), self);
  g_signal_connect_swapped (self->viewer, "back", G_CALLBACK (back_to_grid_cb), self);
  g_signal_connect_swapped (self->viewer, "show-family", G_CALLBACK (show_family_cb), self);
  g_signal_connect_swapped (self->viewer, "notify::slideshow", G_CALLBACK (slideshow_changed_cb),
                            self);
  g_signal_connect_swapped (self->viewer, "notify::screen", G_CALLBACK (viewer_screen_cb), self);
  g_signal_connect_swapped (self->remove_button, "clicked", G_CALLBACK (remove_cb), self);
  g_signal_connect_swapped (self->message_button, "clicked", G_CALLBACK (message_button_cb), self);
}

GType
escale_photos_kind_view_type (EscaleActivity *activity)
{
  return ESCALE_TYPE_PHOTOS_VIEW;
}
