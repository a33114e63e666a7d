/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-demarches"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <gio/gfiledescriptorbased.h>
#include <gtk/gtkunixprint.h>
#include <unistd.h>

#include "escale-document-output.h"
#include "escale-photo-media.h"
#include "escale-printing.h"
#include "escale-visit-documents.h"

/* Printing goes through escale-printing.c: the document is drawn straight
 * onto the print job's cairo surface (GTK hands CUPS the stream), so no
 * file of it is ever made on the PC. Saving writes the PDF made in memory
 * on the visitor's stick, found with the photos kind's media monitor (GIO
 * only), in a worker thread. */

#define MAX_NAME_TRIES 99

struct _EscaleDocumentOutput
{
  GObject parent_instance;

  /* owned */
  EscaleVisit *visit; /* nullable */
  char *printer;      /* NULL: CUPS's default */
  EscalePhotoMedia *media;
  gboolean print_allowed;
  guint max_pages;
  guint pages_printed;
};

G_DEFINE_FINAL_TYPE (EscaleDocumentOutput, escale_document_output, G_TYPE_OBJECT)

/* clang-format off */
G_DEFINE_QUARK (escale-document-output-error-quark, escale_document_output_error)
/* clang-format on */

enum
{
  PROP_0,
  PROP_PAGES_LEFT,
  PROP_HAS_STICK,
  N_PROPS
};

static GParamSpec *pspecs[N_PROPS];

/* --- printing ------------------------------------------------------------ */

typedef struct
{
  EscaleDocument *document;
  guint pages;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_object (&job->document);
  g_free (job);
}

static gboolean
draw_document_cb (cairo_t *cr, GtkPageSetup *page_setup, gpointer user_data)
{
  PrintJob *job = user_data;
  g_autoptr(GError) error = NULL;

  /* The document is laid out on A4 from the sheet's corner, its own
   * margins inside: the page setup's are smaller. */
  if (!escale_document_render (job->document, cr, &error))
    {
      g_message ("The document could not be drawn for the printer: %s", error->message);
      return FALSE;
    }
  return TRUE;
}

static void
printed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GTask) task = user_data;
  EscaleDocumentOutput *self = g_task_get_source_object (task);
  guint pages = GPOINTER_TO_UINT (g_task_get_task_data (task));
  GError *error = NULL;

  if (!escale_printing_print_finish (result, &error))
    {
      if (g_error_matches (error, ESCALE_PRINT_ERROR, ESCALE_PRINT_ERROR_NO_PRINTER) &&
          self->visit != NULL)
        escale_visit_notice (self->visit, "Demarches", "printer",
                             _ ("aucune imprimante trouvée pour « Mes démarches » : vérifiez "
                                "printer= ou l'imprimante par défaut de CUPS"));
      g_task_return_error (task, error);
      return;
    }
  self->pages_printed += pages;
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_PAGES_LEFT]);
  g_task_return_boolean (task, TRUE);
}

void
escale_document_output_print_async (EscaleDocumentOutput *self, EscaleDocument *document,
                                    GCancellable *cancellable, GAsyncReadyCallback callback,
                                    gpointer user_data)
{
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  EscalePrintRequest request = { 0 };
  PrintJob *job;
  GTask *task;
  guint pages;

  g_return_if_fail (ESCALE_IS_DOCUMENT_OUTPUT (self));
  g_return_if_fail (ESCALE_IS_DOCUMENT (document));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, escale_document_output_print_async);
  if (!self->print_allowed)
    {
      g_task_return_new_error (task, ESCALE_DOCUMENT_OUTPUT_ERROR,
                               ESCALE_DOCUMENT_OUTPUT_ERROR_NOT_ALLOWED, "%s",
                               _ ("Ici, on ne peut pas imprimer. Enregistrez le document sur "
                                  "votre clé USB."));
      g_object_unref (task);
      return;
    }
  pages = escale_document_count_pages (document);
  if (pages > escale_document_output_get_pages_left (self))
    {
      g_task_return_new_error (task, ESCALE_DOCUMENT_OUTPUT_ERROR,
                               ESCALE_DOCUMENT_OUTPUT_ERROR_LIMIT, "%s",
                               _ ("Vous avez imprimé toutes les pages permises pour cette "
                                  "visite. Vous pouvez enregistrer le document sur votre clé "
                                  "USB, ou demander à un aidant."));
      g_object_unref (task);
      return;
    }
  g_task_set_task_data (task, GUINT_TO_POINTER (pages), NULL);

  gtk_print_settings_set_n_copies (settings, 1);
  gtk_print_settings_set_use_color (settings, FALSE);
  gtk_print_settings_set_paper_size (settings, a4);
  gtk_page_setup_set_paper_size (page_setup, a4);
  gtk_page_setup_set_orientation (page_setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  job = g_new0 (PrintJob, 1);
  job->document = g_object_ref (document);
  job->pages = pages;
  request.printer_name = self->printer;
  request.job_title = "Document"; /* never what the person wrote */
  request.settings = settings;
  request.page_setup = page_setup;
  request.failed_message = _ ("Le document n'a pas pu être imprimé. Un aidant peut vous aider.");
  request.draw = draw_document_cb;
  request.draw_data = job;
  request.draw_data_free = (GDestroyNotify) print_job_free;
  escale_printing_print_async (self, &request, cancellable, printed_cb, task);
}

gboolean
escale_document_output_print_finish (EscaleDocumentOutput *self, GAsyncResult *result,
                                     guint *pages, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  if (pages != NULL)
    *pages = GPOINTER_TO_UINT (g_task_get_task_data (G_TASK (result)));
  return TRUE;
}

/* --- saving -------------------------------------------------------------- */

static EscalePhotoMedium *
writable_stick (EscaleDocumentOutput *self)
{
  GListModel *media = escale_photo_media_get_media (self->media);
  guint n = g_list_model_get_n_items (media);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EscalePhotoMedium) medium = g_list_model_get_item (media, i);
      EscalePhotoMediumKind kind = escale_photo_medium_get_kind (medium);

      if ((kind == ESCALE_PHOTO_MEDIUM_STICK || kind == ESCALE_PHOTO_MEDIUM_CARD) &&
          !escale_photo_medium_get_read_only (medium))
        return g_steal_pointer (&medium);
    }
  return NULL;
}

/* The title, in plain ASCII letters, digits, spaces and dashes (any stick,
 * any file system), at most 60 characters. */
static char *
file_stem (const char *title)
{
  g_autofree char *ascii = g_str_to_ascii (title, "C");
  GString *stem = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0' && stem->len < 60; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '-')
        g_string_append_c (stem, *p);
      else if (stem->len > 0 && stem->str[stem->len - 1] != ' ')
        g_string_append_c (stem, ' ');
    }
  while (stem->len > 0 && stem->str[stem->len - 1] == ' ')
    g_string_truncate (stem, stem->len - 1);
  if (stem->len == 0)
    g_string_assign (stem, "Document");
  return g_string_free (stem, FALSE);
}

typedef struct
{
  GFile *root;
  char *stem;
  GBytes *pdf;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_clear_object (&job->root);
  g_clear_pointer (&job->stem, g_free);
  g_clear_pointer (&job->pdf, g_bytes_unref);
  g_free (job);
}

static gboolean
write_all (GFileOutputStream *stream, GBytes *pdf, GCancellable *cancellable, GError **error)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (pdf, &size);
  int fd;

  if (!g_output_stream_write_all (G_OUTPUT_STREAM (stream), data, size, NULL, cancellable, error))
    return FALSE;
  if (!g_output_stream_flush (G_OUTPUT_STREAM (stream), cancellable, error))
    return FALSE;
  /* On the stick itself before we say it is there. */
  if (G_IS_FILE_DESCRIPTOR_BASED (stream))
    {
      fd = g_file_descriptor_based_get_fd (G_FILE_DESCRIPTOR_BASED (stream));
      if (fsync (fd) != 0)
        {
          int saved = errno;

          g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved),
                               g_strerror (saved));
          return FALSE;
        }
    }
  return g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error);
}

/* Writes @pdf as "STEM.pdf" in @dir, or "STEM (2).pdf"... when the name is
 * taken: never over a file. Returns the name; on failure nothing half
 * written stays. */
static char *
write_new_file (GFile *dir, const char *stem, GBytes *pdf, GCancellable *cancellable,
                GError **error)
{
  for (guint n = 1; n <= MAX_NAME_TRIES; n++)
    {
      g_autofree char *name = n == 1 ? g_strdup_printf ("%s.pdf", stem)
                                     : g_strdup_printf ("%s (%u).pdf", stem, n);
      g_autoptr(GFile) file = g_file_get_child (dir, name);
      g_autoptr(GFileOutputStream) stream = NULL;
      g_autoptr(GError) local_error = NULL;

      stream = g_file_create (file, G_FILE_CREATE_NONE, cancellable, &local_error);
      if (stream == NULL && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        continue;
      if (stream != NULL && write_all (stream, pdf, cancellable, &local_error))
        return g_steal_pointer (&name);
      if (stream != NULL)
        {
          g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, NULL);
          g_file_delete (file, NULL, NULL);
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "no free name");
  return NULL;
}

static void
save_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  SaveJob *job = task_data;
  g_autoptr(GError) error = NULL;
  char *name = write_new_file (job->root, job->stem, job->pdf, cancellable, &error);

  if (name != NULL)
    {
      g_task_return_pointer (task, name, g_free);
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_task_return_error (task, g_steal_pointer (&error));
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    g_task_return_new_error (task, ESCALE_DOCUMENT_OUTPUT_ERROR,
                             ESCALE_DOCUMENT_OUTPUT_ERROR_STICK_FULL, "%s",
                             _ ("Votre clé USB est pleine. Le document n'y est pas enregistré, "
                                "mais il n'est pas perdu : vous pouvez l'imprimer, ou essayer "
                                "une autre clé."));
  else
    {
      /* GIO's words name no file (the name is the form's title anyway). */
      g_message ("The document could not be written on the stick: %s", error->message);
      g_task_return_new_error (task, ESCALE_DOCUMENT_OUTPUT_ERROR,
                               ESCALE_DOCUMENT_OUTPUT_ERROR_STICK_FAILED, "%s",
                               _ ("Le document n'a pas pu être enregistré sur votre clé. Il "
                                  "n'est pas perdu : vous pouvez réessayer ou demander à un "
                                  "aidant."));
    }
}

void
escale_document_output_save_async (EscaleDocumentOutput *self, EscaleDocument *document,
                                   GCancellable *cancellable, GAsyncReadyCallback callback,
                                   gpointer user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(EscalePhotoMedium) stick = NULL;
  g_autoptr(GError) error = NULL;
  SaveJob *job;
  GBytes *pdf;

  g_return_if_fail (ESCALE_IS_DOCUMENT_OUTPUT (self));
  g_return_if_fail (ESCALE_IS_DOCUMENT (document));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, escale_document_output_save_async);
  stick = writable_stick (self);
  if (stick == NULL)
    {
      g_task_return_new_error (task, ESCALE_DOCUMENT_OUTPUT_ERROR,
                               ESCALE_DOCUMENT_OUTPUT_ERROR_NO_STICK, "%s",
                               _ ("Branchez votre clé USB sur l'ordinateur, puis touchez de "
                                  "nouveau « Enregistrer sur ma clé USB »."));
      return;
    }
  pdf = escale_document_to_pdf (document, &error);
  if (pdf == NULL)
    {
      g_message ("The document could not be made: %s", error->message);
      g_task_return_new_error (task, ESCALE_DOCUMENT_OUTPUT_ERROR,
                               ESCALE_DOCUMENT_OUTPUT_ERROR_FAILED, "%s",
                               _ ("Le document n'a pas pu être préparé. Un aidant peut vous "
                                  "aider."));
      return;
    }
  job = g_new0 (SaveJob, 1);
  job->root = g_object_ref (escale_photo_medium_get_root (stick));
  job->stem = file_stem (escale_document_get_title (document));
  job->pdf = pdf;
  g_task_set_task_data (task, job, (GDestroyNotify) save_job_free);
  g_task_run_in_thread (task, save_thread);
}

char *
escale_document_output_save_finish (EscaleDocumentOutput *self, GAsyncResult *result,
                                    GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The visit's own copy: in its scratch folder's documents/, where the
 * file chooser of a procedure's site finds what was made during the visit;
 * wiped with the scratch folder at the end of the visit. */
GFile *
escale_document_output_keep_in_visit (EscaleDocumentOutput *self, EscaleDocument *document,
                                      GError **error)
{
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (ESCALE_IS_DOCUMENT_OUTPUT (self), NULL);
  g_return_val_if_fail (ESCALE_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (self->visit != NULL, NULL);

  path = escale_visit_documents_dir (self->visit, error);
  if (path == NULL)
    return NULL;
  dir = g_file_new_for_path (path);
  pdf = escale_document_to_pdf (document, error);
  if (pdf == NULL)
    return NULL;
  stem = file_stem (escale_document_get_title (document));
  name = write_new_file (dir, stem, pdf, NULL, error);
  return name != NULL ? g_file_get_child (dir, name) : NULL;
}

/* --- the object ---------------------------------------------------------- */

gboolean
escale_document_output_get_print_allowed (EscaleDocumentOutput *self)
{
  g_return_val_if_fail (ESCALE_IS_DOCUMENT_OUTPUT (self), FALSE);
  return self->print_allowed;
}

guint
escale_document_output_get_pages_left (EscaleDocumentOutput *self)
{
  g_return_val_if_fail (ESCALE_IS_DOCUMENT_OUTPUT (self), 0);
  if (!self->print_allowed || self->pages_printed >= self->max_pages)
    return 0;
  return self->max_pages - self->pages_printed;
}

gboolean
escale_document_output_get_has_stick (EscaleDocumentOutput *self)
{
  g_autoptr(EscalePhotoMedium) stick = NULL;

  g_return_val_if_fail (ESCALE_IS_DOCUMENT_OUTPUT (self), FALSE);
  stick = writable_stick (self);
  return stick != NULL;
}

static void
media_changed_cb (EscaleDocumentOutput *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_HAS_STICK]);
}

static void
escale_document_output_get_property (GObject *object, guint prop_id, GValue *value,
                                     GParamSpec *pspec)
{
  EscaleDocumentOutput *self = ESCALE_DOCUMENT_OUTPUT (object);

  switch (prop_id)
    {
    case PROP_PAGES_LEFT:
      g_value_set_uint (value, escale_document_output_get_pages_left (self));
      break;
    case PROP_HAS_STICK:
      g_value_set_boolean (value, escale_document_output_get_has_stick (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_document_output_dispose (GObject *object)
{
  EscaleDocumentOutput *self = ESCALE_DOCUMENT_OUTPUT (object);

  if (self->media != NULL)
    g_signal_handlers_disconnect_by_data (escale_photo_media_get_media (self->media), self);
  g_clear_object (&self->media);
  g_clear_object (&self->visit);
  G_OBJECT_CLASS (escale_document_output_parent_class)->dispose (object);
}

static void
escale_document_output_finalize (GObject *object)
{
  g_free (ESCALE_DOCUMENT_OUTPUT (object)->printer);
  G_OBJECT_CLASS (escale_document_output_parent_class)->finalize (object);
}

static void
escale_document_output_class_init (EscaleDocumentOutputClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = escale_document_output_dispose;
  object_class->finalize = escale_document_output_finalize;
  object_class->get_property = escale_document_output_get_property;

  pspecs[PROP_PAGES_LEFT] =
    g_param_spec_uint ("pages-left", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  pspecs[PROP_HAS_STICK] =
    g_param_spec_boolean ("has-stick", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, pspecs);
}

static void
escale_document_output_init (EscaleDocumentOutput *self)
{
}

EscaleDocumentOutput *
escale_document_output_new (EscaleVisit *visit, const char *printer, gboolean print_allowed,
                            guint max_pages)
{
  EscaleDocumentOutput *self = g_object_new (ESCALE_TYPE_DOCUMENT_OUTPUT, NULL);

  g_return_val_if_fail (visit == NULL || ESCALE_IS_VISIT (visit), NULL);
  self->visit = visit != NULL ? g_object_ref (visit) : NULL;
  self->printer = printer != NULL && printer[0] != '\0' ? g_strdup (printer) : NULL;
  self->print_allowed = print_allowed;
  self->max_pages = max_pages;
  self->media = escale_photo_media_new ();
  g_signal_connect_swapped (escale_photo_media_get_media (self->media), "items-changed",
                            G_CALLBACK (media_changed_cb), self);
  return self;
}
