/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-demarches"

#include <glib/gi18n.h>

#include "escale-demarches-kind.h"
#include "escale-file-chooser.h"
#include "escale-photo-decoder.h"
#include "escale-photo-media.h"
#include "escale-ui-util.h"
#include "escale-visit-documents.h"

/* What a visitor can be offered: a few hundred files at most, found within
 * a few folders of a stick's root. */
#define MAX_FILES 300
#define MAX_DEPTH 4
#define THUMBNAIL_SIZE 320

struct _EscaleFileChooser
{
  GtkWidget parent_instance;

  /* children */
  GtkWidget *card;
  GtkFlowBox *tiles;
  GtkLabel *status;
  GtkWidget *send_button;

  /* owned */
  WebKitFileChooserRequest *request; /* until answered */
  EscaleVisit *visit;
  EscalePhotoMedia *media;
  EscalePhotoDecoder *decoder;
  GCancellable *cancellable; /* thumbnails */
  GCancellable *listing;     /* the media's files */
  GListStore *files;
  GFile *chosen;
  char *category;
  char **mime_types;
  gboolean ready;

  /* borrowed */
  EscaleWebView *view;
};

enum
{
  SIGNAL_READY,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (EscaleFileChooser, escale_file_chooser, GTK_TYPE_WIDGET)

#define SHOWN_KEY "escale-file-chooser"

/* --- which files ------------------------------------------------------- */

/* What the page accepts (its accept= MIME types), or a PDF or a picture
 * when it does not say. */
static gboolean
accepted (const char *content_type, const char *const *mime_types)
{
  static const char *const usual[] = { "application/pdf", "image/*", NULL };

  if (mime_types == NULL || mime_types[0] == NULL)
    mime_types = usual;
  for (guint i = 0; mime_types[i] != NULL; i++)
    {
      const char *wanted = mime_types[i];
      g_autofree char *mime = g_content_type_get_mime_type (content_type);

      if (g_str_has_suffix (wanted, "/*") && mime != NULL &&
          g_ascii_strncasecmp (mime, wanted, strlen (wanted) - 1) == 0)
        return TRUE;
      if (g_content_type_is_mime_type (content_type, wanted))
        return TRUE;
    }
  return FALSE;
}

typedef struct
{
  GPtrArray *roots; /* of GFile: the visitor's media */
  char **mime_types;
} ListJob;

static void
list_job_free (ListJob *job)
{
  g_ptr_array_unref (job->roots);
  g_strfreev (job->mime_types);
  g_free (job);
}

/* Regular files under @dir, never through a symbolic link, hidden files
 * and folders left out. */
static void
walk (GFile *dir, guint depth, const char *const *mime_types, GPtrArray *found,
      GCancellable *cancellable)
{
  g_autoptr(GFileEnumerator) children = NULL;

  children = g_file_enumerate_children (dir,
                                        G_FILE_ATTRIBUTE_STANDARD_NAME
                                        "," G_FILE_ATTRIBUTE_STANDARD_TYPE
                                        "," G_FILE_ATTRIBUTE_STANDARD_IS_HIDDEN,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, NULL);
  if (children == NULL)
    return;
  while (found->len < MAX_FILES)
    {
      GFileInfo *info = NULL;
      GFile *child = NULL;
      const char *name;
      g_autofree char *content_type = NULL;

      if (!g_file_enumerator_iterate (children, &info, &child, cancellable, NULL) || info == NULL)
        break;
      name = g_file_info_get_name (info);
      if (g_file_info_get_is_hidden (info) || name[0] == '.')
        continue;
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        {
          if (depth < MAX_DEPTH)
            walk (child, depth + 1, mime_types, found, cancellable);
          continue;
        }
      if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
        continue;
      content_type = g_content_type_guess (name, NULL, 0, NULL);
      /* WebKit is given a path: a phone seen only through gvfs has none. */
      if (accepted (content_type, mime_types) && g_file_peek_path (child) != NULL)
        g_ptr_array_add (found, g_object_ref (child));
    }
}

static gint
compare_names (gconstpointer a, gconstpointer b)
{
  g_autofree char *name_a = g_file_get_basename (*(GFile **) a);
  g_autofree char *name_b = g_file_get_basename (*(GFile **) b);

  return g_utf8_collate (name_a, name_b);
}

/* The media in a worker: a stick may be slow, a phone slower. */
static void
list_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  ListJob *job = task_data;
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < job->roots->len; i++)
    walk (g_ptr_array_index (job->roots, i), 1, (const char *const *) job->mime_types, found,
          cancellable);
  g_task_return_pointer (task, found, (GDestroyNotify) g_ptr_array_unref);
}

/* --- tiles ------------------------------------------------------------- */

static void
thumbnail_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GtkPicture) picture = user_data;
  g_autoptr(GdkTexture) texture =
               escale_photo_decoder_decode_finish (ESCALE_PHOTO_DECODER (source), result, NULL);

  /* A picture that cannot be shown keeps its icon. */
  if (texture != NULL)
    gtk_picture_set_paintable (picture, GDK_PAINTABLE (texture));
}

static gboolean
in_documents (EscaleFileChooser *self, GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = escale_visit_documents_dir (self->visit, &error);
  g_autofree char *path = g_file_get_path (file);

  return dir != NULL && g_str_has_prefix (path, dir);
}

static void
tile_clicked_cb (GtkButton *button, EscaleFileChooser *self)
{
  GtkWidget *child;

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->tiles)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_remove_css_class (gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child)),
                                 "chooser-tile-chosen");
  gtk_widget_add_css_class (GTK_WIDGET (button), "chooser-tile-chosen");
  g_set_object (&self->chosen, g_object_get_data (G_OBJECT (button), "file"));
  gtk_widget_set_sensitive (self->send_button, TRUE);
}

static GtkWidget *
tile_new (EscaleFileChooser *self, GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *content_type = g_content_type_guess (name, NULL, 0, NULL);
  g_autoptr(GIcon) icon = g_content_type_get_icon (content_type);
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *picture = gtk_picture_new ();
  GtkWidget *image = gtk_image_new_from_gicon (icon);
  GtkWidget *overlay = gtk_overlay_new ();
  GtkWidget *label = gtk_label_new (name);
  GtkWidget *where = gtk_label_new (in_documents (self, file) ? _ ("Fait pendant cette visite")
                                                              : _ ("Sur votre clé"));

  gtk_image_set_pixel_size (GTK_IMAGE (image), 128);
  gtk_widget_set_size_request (overlay, 200, 160);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), image);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), picture);
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
  gtk_widget_add_css_class (label, "chooser-tile-name");
  gtk_widget_add_css_class (where, "chooser-tile-where");
  gtk_box_append (GTK_BOX (box), overlay);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), where);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "chooser-tile");
  g_object_set_data_full (G_OBJECT (button), "file", g_object_ref (file), g_object_unref);
  g_signal_connect (button, "clicked", G_CALLBACK (tile_clicked_cb), self);
  if (g_content_type_is_mime_type (content_type, "image/*") ||
      g_str_has_prefix (content_type, "image/"))
    escale_photo_decoder_decode_async (self->decoder, file, THUMBNAIL_SIZE, self->cancellable,
                                       thumbnail_cb, g_object_ref (picture));
  return button;
}

static void
add_tiles (EscaleFileChooser *self, GPtrArray *files)
{
  for (guint i = 0; i < files->len; i++)
    {
      g_list_store_append (self->files, g_ptr_array_index (files, i));
      gtk_flow_box_append (self->tiles, tile_new (self, g_ptr_array_index (files, i)));
    }
}

static void
listed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(EscaleFileChooser) self = user_data;
  g_autoptr(GPtrArray) found = g_task_propagate_pointer (G_TASK (result), NULL);

  if (found == NULL || self->tiles == NULL)
    return;
  add_tiles (self, found);
  gtk_label_set_text (self->status,
                      g_list_model_get_n_items (G_LIST_MODEL (self->files)) > 0
                        ? _ ("Touchez le document à envoyer, puis Envoyer ce document.")
                        : _ ("Vous n'avez pas encore de document. Scannez-le d'abord, ou "
                             "branchez votre clé USB."));
  self->ready = TRUE;
  g_signal_emit (self, signals[SIGNAL_READY], 0);
}

/* Lists (again) the documents, at once (a few files of the visit's own
 * folder in memory-backed storage), then the media plugged in now. */
static void
refresh (EscaleFileChooser *self)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *documents = escale_visit_documents_dir (self->visit, NULL);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *media = escale_photo_media_get_media (self->media);
  ListJob *job = g_new0 (ListJob, 1);

  g_cancellable_cancel (self->listing);
  g_clear_object (&self->listing);
  self->listing = g_cancellable_new ();
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self->tiles)));)
    gtk_flow_box_remove (self->tiles, child);
  g_list_store_remove_all (self->files);
  if (documents != NULL)
    {
      g_autoptr(GFile) dir = g_file_new_for_path (documents);

      walk (dir, MAX_DEPTH, (const char *const *) self->mime_types, found, NULL);
      g_ptr_array_sort (found, compare_names);
      add_tiles (self, found);
    }

  task = g_task_new (NULL, self->listing, listed_cb, g_object_ref (self));
  job->roots = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (media); i++)
    {
      g_autoptr(EscalePhotoMedium) medium = g_list_model_get_item (media, i);

      g_ptr_array_add (job->roots, g_object_ref (escale_photo_medium_get_root (medium)));
    }
  job->mime_types = g_strdupv (self->mime_types);
  self->ready = FALSE;
  g_task_set_task_data (task, job, (GDestroyNotify) list_job_free);
  g_task_run_in_thread (task, list_thread);
}

static void
media_changed_cb (EscaleFileChooser *self)
{
  refresh (self);
}

/* --- answers ----------------------------------------------------------- */

static void
close_chooser (EscaleFileChooser *self)
{
  if (self->request != NULL)
    webkit_file_chooser_request_cancel (self->request);
  g_clear_object (&self->request);
  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->listing);
  if (self->view != NULL)
    {
      g_object_set_data (G_OBJECT (self->view), SHOWN_KEY, NULL);
      escale_web_view_remove_overlay (self->view, GTK_WIDGET (self));
    }
}

static void
send_clicked_cb (EscaleFileChooser *self)
{
  const char *paths[2] = { NULL, NULL };

  if (self->chosen == NULL || self->request == NULL)
    return;
  paths[0] = g_file_peek_path (self->chosen);
  webkit_file_chooser_request_select_files (self->request, paths);
  g_clear_object (&self->request);
  escale_demarches_count (self->visit, "files-sent", self->category, 1);
  close_chooser (self);
}

static void
cancel_clicked_cb (EscaleFileChooser *self)
{
  close_chooser (self);
}

/* --- construction ------------------------------------------------------ */

static GtkWidget *
build_card (EscaleFileChooser *self)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 16);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *cancel = escale_big_button_new ("edit-undo", _ ("Annuler"));

  gtk_widget_add_css_class (card, "chooser-card");
  gtk_box_append (GTK_BOX (card),
                  escale_wrapped_label_new (_ ("Quel document voulez-vous envoyer ?"),
                                            "scan-title"));
  self->status = GTK_LABEL (escale_wrapped_label_new (_ ("Un instant…"), "message-text"));
  gtk_box_append (GTK_BOX (card), GTK_WIDGET (self->status));
  self->tiles = GTK_FLOW_BOX (gtk_flow_box_new ());
  gtk_flow_box_set_selection_mode (self->tiles, GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (self->tiles, TRUE);
  gtk_flow_box_set_column_spacing (self->tiles, 16);
  gtk_flow_box_set_row_spacing (self->tiles, 16);
  gtk_flow_box_set_max_children_per_line (self->tiles, 6);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->tiles));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (card), scroller);
  self->send_button = escale_big_button_new ("mail-send", _ ("Envoyer ce document"));
  gtk_widget_add_css_class (self->send_button, "suggested-action");
  gtk_widget_add_css_class (self->send_button, "chooser-send");
  gtk_widget_set_sensitive (self->send_button, FALSE);
  g_signal_connect_swapped (self->send_button, "clicked", G_CALLBACK (send_clicked_cb), self);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (cancel_clicked_cb), self);
  gtk_widget_set_halign (row, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (row), self->send_button);
  gtk_box_append (GTK_BOX (row), cancel);
  gtk_box_append (GTK_BOX (card), row);
  return card;
}

static void
escale_file_chooser_dispose (GObject *object)
{
  EscaleFileChooser *self = ESCALE_FILE_CHOOSER (object);

  if (self->request != NULL)
    webkit_file_chooser_request_cancel (self->request);
  g_clear_object (&self->request);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->listing);
  g_clear_object (&self->listing);
  if (self->media != NULL)
    g_signal_handlers_disconnect_by_data (escale_photo_media_get_media (self->media), self);
  g_clear_object (&self->media);
  g_clear_object (&self->decoder);
  g_clear_object (&self->files);
  g_clear_object (&self->chosen);
  g_clear_object (&self->visit);
  g_clear_pointer (&self->card, gtk_widget_unparent);
  self->tiles = NULL;
  G_OBJECT_CLASS (escale_file_chooser_parent_class)->dispose (object);
}

static void
escale_file_chooser_finalize (GObject *object)
{
  EscaleFileChooser *self = ESCALE_FILE_CHOOSER (object);

  g_free (self->category);
  g_strfreev (self->mime_types);
  G_OBJECT_CLASS (escale_file_chooser_parent_class)->finalize (object);
}

static void
escale_file_chooser_class_init (EscaleFileChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = escale_file_chooser_dispose;
  object_class->finalize = escale_file_chooser_finalize;

  /* The files are listed (again): what the tiles show now. */
  signals[SIGNAL_READY] = g_signal_new ("ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "escalefilechooser");
}

static void
escale_file_chooser_init (EscaleFileChooser *self)
{
  self->files = g_list_store_new (G_TYPE_FILE);
  self->cancellable = g_cancellable_new ();
  self->decoder = escale_photo_decoder_new ();
  self->card = build_card (self);
  gtk_widget_set_parent (self->card, GTK_WIDGET (self));
}

static EscaleFileChooser *
escale_file_chooser_new (EscaleWebView *view, WebKitFileChooserRequest *request,
                         EscaleVisit *visit, const char *category)
{
  EscaleFileChooser *self = g_object_new (ESCALE_TYPE_FILE_CHOOSER, NULL);

  self->view = view;
  self->request = g_object_ref (request);
  self->visit = g_object_ref (visit);
  self->category = g_strdup (category);
  self->mime_types = g_strdupv ((char **) webkit_file_chooser_request_get_mime_types (request));
  self->media = escale_photo_media_new ();
  g_signal_connect_object (escale_photo_media_get_media (self->media), "items-changed",
                           G_CALLBACK (media_changed_cb), self, G_CONNECT_SWAPPED);
  refresh (self);
  return self;
}

/* --- attaching to a web view ------------------------------------------- */

typedef struct
{
  EscaleVisit *visit;
  char *category;
} Attachment;

static void
attachment_free (gpointer data)
{
  Attachment *attachment = data;

  g_object_unref (attachment->visit);
  g_free (attachment->category);
  g_free (attachment);
}

static gboolean
request_cb (EscaleWebView *view, WebKitFileChooserRequest *request, gpointer user_data)
{
  Attachment *attachment = user_data;
  EscaleFileChooser *chooser;

  /* One at a time, and never for the next person. */
  if (escale_file_chooser_get_shown (view) != NULL || escale_visit_is_over (attachment->visit))
    return FALSE;
  chooser = escale_file_chooser_new (view, request, attachment->visit, attachment->category);
  g_object_set_data (G_OBJECT (view), SHOWN_KEY, chooser);
  escale_web_view_add_overlay (view, GTK_WIDGET (chooser));
  return TRUE;
}

void
escale_file_chooser_attach (EscaleWebView *view, EscaleVisit *visit, const char *category)
{
  g_autoptr(EscaleWebPolicy) policy = NULL;
  Attachment *attachment;

  g_return_if_fail (ESCALE_IS_WEB_VIEW (view));
  g_return_if_fail (ESCALE_IS_VISIT (visit));
  g_object_get (view, "policy", &policy, NULL);
  escale_web_policy_allow_file_chooser (policy);
  attachment = g_new0 (Attachment, 1);
  attachment->visit = g_object_ref (visit);
  attachment->category = g_strdup (category);
  escale_web_view_set_file_chooser (view, request_cb, attachment, attachment_free);
}

EscaleFileChooser *
escale_file_chooser_get_shown (EscaleWebView *view)
{
  g_return_val_if_fail (ESCALE_IS_WEB_VIEW (view), NULL);
  return g_object_get_data (G_OBJECT (view), SHOWN_KEY);
}

GListModel *
escale_file_chooser_get_files (EscaleFileChooser *self)
{
  g_return_val_if_fail (ESCALE_IS_FILE_CHOOSER (self), NULL);
  return G_LIST_MODEL (self->files);
}

gboolean
escale_file_chooser_get_ready (EscaleFileChooser *self)
{
  g_return_val_if_fail (ESCALE_IS_FILE_CHOOSER (self), FALSE);
  return self->ready;
}
