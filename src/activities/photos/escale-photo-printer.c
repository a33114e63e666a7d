/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-photos"

#include <glib/gi18n-lib.h>
#include <gtk/gtkunixprint.h>
#include <cairo-pdf.h>

#include "escale-photo-printer.h"

/* One photo on one page, through GTK's CUPS print backend, never a dialog.
 *
 * Why GtkPrintJob and not GtkPrintOperation: GTK 4.8.3 (Debian 12) crashes
 * when GTK_PRINT_OPERATION_ACTION_PRINT runs without a dialog and finds the
 * printer it was asked for (by name, or CUPS's default): its printer finder
 * schedules its "found" idle twice, and the second one reads the freed
 * finder (seen in gdb: find_printer_idle added twice with the same data;
 * fixed upstream later with a "scheduled_callback" flag). Without a name
 * and without a default it does not crash, but then it prints on the first
 * printer it meets, which is not what a centre configured. So the printer
 * is looked up here with gtk_enumerate_printers () (asynchronous: the main
 * loop never waits for CUPS), and the page goes through the same public
 * pieces GtkPrintOperation uses underneath: a GtkPrintJob on that printer,
 * its cairo surface (PDF for CUPS), gtk_print_job_send (), its status
 * followed (track-print-status) to know that CUPS really took the job.
 *
 * The page: the locale's default paper (A4 in France; GTK 4.8 cannot tell
 * a CUPS queue's default media without the printer's details, which only
 * GTK's print dialog fetches), turned to landscape for a wide photo; the
 * photo scaled to fit the printable area and centred; colour asked of CUPS
 * with the standard IPP print-color-mode. A printer that CUPS says is
 * stopped is refused before anything is sent: a job queued there would
 * come out later, in front of someone else. */

/* A CUPS on this machine answers in milliseconds; one that accepts the
 * connection and then says nothing would keep GTK's printer list waiting
 * for ever. */
#define LOOKUP_TIMEOUT_SECONDS 10

struct _EscalePhotoPrinter
{
  GObject parent_instance;

  char *printer_name; /* NULL: CUPS's default */
};

G_DEFINE_FINAL_TYPE (EscalePhotoPrinter, escale_photo_printer, G_TYPE_OBJECT)

/* The name has dashes, which clang-format would space out. */
/* clang-format off */
G_DEFINE_QUARK (escale-print-error-quark, escale_print_error)
/* clang-format on */

enum
{
  PROP_0,
  PROP_PRINTER_NAME,
  N_PROPS
};

static GParamSpec *pspecs[N_PROPS];

/* One print, from the printer lookup to the hand-off. The lookup keeps a
 * reference of its own, since GTK may answer after the task gave up. */
typedef struct
{
  GTask *task;       /* NULL once it returned */
  GdkTexture *photo; /* dropped as soon as the page is drawn or the task returns */
  char *wanted;      /* the printer's name, NULL for the default */
  GtkPrinter *printer;
  GtkPrintJob *job;
  guint timeout_id;
} PrintData;

static void job_status_changed_cb (GtkPrintJob *job, gpointer user_data);

static void
print_data_clear (PrintData *data)
{
  g_clear_handle_id (&data->timeout_id, g_source_remove);
  g_clear_object (&data->task);
  g_clear_object (&data->photo);
  g_clear_object (&data->printer);
  g_clear_object (&data->job);
  g_clear_pointer (&data->wanted, g_free);
}

static void
print_data_unref (PrintData *data)
{
  g_atomic_rc_box_release_full (data, (GDestroyNotify) print_data_clear);
}

static void
print_data_closure_notify (gpointer data, GClosure *closure)
{
  print_data_unref (data);
}

/* Gives the task its answer once; the photo is let go at the same time. */
static void
print_data_return (PrintData *data, GError *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&data->task);

  g_clear_handle_id (&data->timeout_id, g_source_remove);
  g_clear_object (&data->photo);
  /* GTK goes on following the job in CUPS; nobody listens any more. */
  if (data->job != NULL)
    g_signal_handlers_disconnect_by_func (data->job, job_status_changed_cb, data);
  if (task == NULL)
    {
      g_clear_error (&error);
      return;
    }
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static GError *
no_printer_error (void)
{
  return g_error_new_literal (ESCALE_PRINT_ERROR, ESCALE_PRINT_ERROR_NO_PRINTER,
                              _ ("Aucune imprimante n'est prête. Un aidant peut vous aider."));
}

static GError *
failed_error (void)
{
  return g_error_new_literal (ESCALE_PRINT_ERROR, ESCALE_PRINT_ERROR_FAILED,
                              _ ("La photo n'a pas pu être imprimée. Un aidant peut vous aider."));
}

/* Paints @photo scaled to fit @width x @height and centred there. */
static gboolean
paint_photo (cairo_t *cr, GdkTexture *photo, double width, double height)
{
  int photo_width = gdk_texture_get_width (photo);
  int photo_height = gdk_texture_get_height (photo);
  cairo_surface_t *image;
  double scale;

  /* GDK_MEMORY_DEFAULT is cairo's ARGB32: premultiplied, native order. */
  image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, photo_width, photo_height);
  if (cairo_surface_status (image) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (image);
      return FALSE;
    }
  cairo_surface_flush (image);
  gdk_texture_download (photo, cairo_image_surface_get_data (image),
                        cairo_image_surface_get_stride (image));
  cairo_surface_mark_dirty (image);

  scale = MIN (width / photo_width, height / photo_height);
  cairo_save (cr);
  cairo_translate (cr, (width - photo_width * scale) / 2, (height - photo_height * scale) / 2);
  cairo_scale (cr, scale, scale);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
  cairo_surface_destroy (image);
  return cairo_status (cr) == CAIRO_STATUS_SUCCESS;
}

/* Draws the one page on the job's surface, as GtkPrintOperation would:
 * the sheet is the paper as it goes through the printer; a landscape page
 * is drawn turned on it when the backend asks for that (CUPS does), and
 * the drawing starts at the page setup's margins. */
static gboolean
draw_page (GtkPrintJob *job, GtkPageSetup *page_setup, GdkTexture *photo, GError **error)
{
  GtkPaperSize *paper = gtk_page_setup_get_paper_size (page_setup);
  double paper_width = gtk_paper_size_get_width (paper, GTK_UNIT_POINTS);
  double paper_height = gtk_paper_size_get_height (paper, GTK_UNIT_POINTS);
  gboolean landscape = gtk_page_setup_get_orientation (page_setup) ==
                       GTK_PAGE_ORIENTATION_LANDSCAPE;
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean painted;

  surface = gtk_print_job_get_surface (job, error);
  if (surface == NULL)
    return FALSE;

  cr = cairo_create (surface);
  if (landscape && gtk_print_job_get_rotate (job))
    {
      cairo_translate (cr, 0, paper_height);
      cairo_rotate (cr, -G_PI / 2);
    }
  else if (landscape && cairo_surface_get_type (surface) == CAIRO_SURFACE_TYPE_PDF)
    {
      cairo_pdf_surface_set_size (surface, paper_height, paper_width);
    }
  cairo_translate (cr, gtk_page_setup_get_left_margin (page_setup, GTK_UNIT_POINTS),
                   gtk_page_setup_get_top_margin (page_setup, GTK_UNIT_POINTS));
  painted = paint_photo (cr, photo, gtk_page_setup_get_page_width (page_setup, GTK_UNIT_POINTS),
                         gtk_page_setup_get_page_height (page_setup, GTK_UNIT_POINTS));
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (!painted || cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the page could not be drawn");
      return FALSE;
    }
  return TRUE;
}

static void
job_sent_cb (GtkPrintJob *job, gpointer user_data, const GError *error)
{
  PrintData *data = user_data;

  if (error != NULL)
    {
      /* GTK's or CUPS's words, for the staff's logs: no file name is in them. */
      g_message ("The photo could not be sent to the printer: %s", error->message);
      print_data_return (data, failed_error ());
    }
  /* Otherwise the job's status tells whether CUPS took it. */
}

/* With its print status tracked, GTK's CUPS backend makes a job PENDING
 * (or later) only when CUPS gave it a job number. A job CUPS refused when
 * it arrived (too many jobs, not allowed...) goes straight to FINISHED,
 * and gtk_print_job_send () reported no error for it (GTK 4.8 reads the
 * HTTP answer, not the IPP status). */
static void
job_status_changed_cb (GtkPrintJob *job, gpointer user_data)
{
  PrintData *data = user_data;

  switch (gtk_print_job_get_status (job))
    {
    case GTK_PRINT_STATUS_PENDING:
    case GTK_PRINT_STATUS_PENDING_ISSUE:
    case GTK_PRINT_STATUS_PRINTING:
      g_debug ("The photo was handed to CUPS");
      print_data_return (data, NULL);
      break;
    case GTK_PRINT_STATUS_FINISHED:
    case GTK_PRINT_STATUS_FINISHED_ABORTED:
      g_message ("CUPS refused or aborted the photo's job");
      print_data_return (data, failed_error ());
      break;
    case GTK_PRINT_STATUS_INITIAL:
    case GTK_PRINT_STATUS_PREPARING:
    case GTK_PRINT_STATUS_GENERATING_DATA:
    case GTK_PRINT_STATUS_SENDING_DATA:
    default:
      break;
    }
}

static void
print_on_printer (PrintData *data)
{
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();
  g_autoptr(GError) error = NULL;
  gboolean wide = gdk_texture_get_width (data->photo) > gdk_texture_get_height (data->photo);
  GtkPageOrientation orientation = wide ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                        : GTK_PAGE_ORIENTATION_PORTRAIT;

  g_clear_handle_id (&data->timeout_id, g_source_remove); /* the printer was found */
  gtk_print_settings_set_printer (settings, gtk_printer_get_name (data->printer));
  gtk_print_settings_set_n_copies (settings, 1);
  gtk_print_settings_set_use_color (settings, TRUE);
  gtk_print_settings_set_orientation (settings, orientation);
  /* Settings named cups-* go to CUPS as job options. */
  gtk_print_settings_set (settings, "cups-print-color-mode", "color");
  gtk_page_setup_set_orientation (page_setup, orientation);

  /* The job's title shows in CUPS's queue and logs: never a file name. */
  data->job = gtk_print_job_new ("Photo", data->printer, settings, page_setup);
  if (!draw_page (data->job, page_setup, data->photo, &error))
    {
      g_message ("The photo could not be put on a page: %s", error->message);
      print_data_return (data, failed_error ());
      return;
    }
  g_clear_object (&data->photo);
  gtk_print_job_set_track_print_status (data->job, TRUE);
  g_signal_connect_data (data->job, "status-changed", G_CALLBACK (job_status_changed_cb),
                         g_atomic_rc_box_acquire (data), print_data_closure_notify, 0);
  gtk_print_job_send (data->job, job_sent_cb, g_atomic_rc_box_acquire (data),
                      (GDestroyNotify) print_data_unref);
}

static gboolean
printer_found_cb (GtkPrinter *printer, gpointer user_data)
{
  PrintData *data = user_data;
  gboolean wanted;

  if (data->printer != NULL || gtk_printer_is_virtual (printer))
    return FALSE;
  if (data->wanted != NULL)
    wanted = g_strcmp0 (gtk_printer_get_name (printer), data->wanted) == 0;
  else
    wanted = gtk_printer_is_default (printer);
  if (wanted)
    data->printer = g_object_ref (printer);
  return wanted;
}

/* The end of the lookup; GTK may call it from gtk_enumerate_printers ()
 * itself when no backend has anything to wait for (CUPS is not there). */
static void
printers_listed_cb (gpointer user_data)
{
  PrintData *data = user_data;

  if (data->task == NULL)
    {
      print_data_unref (data); /* the task gave up: timeout or cancelled */
      return;
    }
  if (g_cancellable_is_cancelled (g_task_get_cancellable (data->task)))
    print_data_return (data, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                  "printing was cancelled"));
  else if (data->printer == NULL)
    print_data_return (data, no_printer_error ());
  else if (gtk_printer_is_paused (data->printer) || !gtk_printer_is_accepting_jobs (data->printer))
    {
      g_message ("The printer is stopped or refuses jobs; nothing was sent");
      print_data_return (
        data, g_error_new_literal (ESCALE_PRINT_ERROR, ESCALE_PRINT_ERROR_FAILED,
                                   _ ("L'imprimante est arrêtée pour le moment. Un aidant peut "
                                      "vous aider.")));
    }
  else
    print_on_printer (data);
  print_data_unref (data);
}

static gboolean
lookup_timeout_cb (gpointer user_data)
{
  PrintData *data = user_data;

  data->timeout_id = 0;
  g_message ("CUPS did not list its printers within %d seconds", LOOKUP_TIMEOUT_SECONDS);
  print_data_return (data, no_printer_error ());
  return G_SOURCE_REMOVE;
}

static void
escale_photo_printer_finalize (GObject *object)
{
  EscalePhotoPrinter *self = ESCALE_PHOTO_PRINTER (object);

  g_free (self->printer_name);
  G_OBJECT_CLASS (escale_photo_printer_parent_class)->finalize (object);
}

static void
escale_photo_printer_get_property (GObject *object, guint prop_id, GValue *value,
                                   GParamSpec *pspec)
{
  EscalePhotoPrinter *self = ESCALE_PHOTO_PRINTER (object);

  switch (prop_id)
    {
    case PROP_PRINTER_NAME:
      g_value_set_string (value, self->printer_name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_photo_printer_set_property (GObject *object, guint prop_id, const GValue *value,
                                   GParamSpec *pspec)
{
  EscalePhotoPrinter *self = ESCALE_PHOTO_PRINTER (object);

  switch (prop_id)
    {
    case PROP_PRINTER_NAME:
      self->printer_name = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_photo_printer_class_init (EscalePhotoPrinterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = escale_photo_printer_finalize;
  object_class->get_property = escale_photo_printer_get_property;
  object_class->set_property = escale_photo_printer_set_property;

  /* The CUPS queue's name; NULL (or empty) for CUPS's default printer. */
  pspecs[PROP_PRINTER_NAME] =
    g_param_spec_string ("printer-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, pspecs);
}

static void
escale_photo_printer_init (EscalePhotoPrinter *self)
{
}

EscalePhotoPrinter *
escale_photo_printer_new (const char *printer_name)
{
  if (printer_name != NULL && printer_name[0] == '\0')
    printer_name = NULL;
  return g_object_new (ESCALE_TYPE_PHOTO_PRINTER, "printer-name", printer_name, NULL);
}

void
escale_photo_printer_print_async (EscalePhotoPrinter *self, GdkTexture *photo,
                                  GCancellable *cancellable, GAsyncReadyCallback callback,
                                  gpointer user_data)
{
  PrintData *data;

  g_return_if_fail (ESCALE_IS_PHOTO_PRINTER (self));
  g_return_if_fail (GDK_IS_TEXTURE (photo));

  data = g_atomic_rc_box_new0 (PrintData);
  data->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (data->task, escale_photo_printer_print_async);
  data->photo = g_object_ref (photo);
  data->wanted = g_strdup (self->printer_name);
  data->timeout_id = g_timeout_add_seconds (LOOKUP_TIMEOUT_SECONDS, lookup_timeout_cb, data);
  /* The lookup owns the first reference: printers_listed_cb drops it. */
  gtk_enumerate_printers (printer_found_cb, data, printers_listed_cb, FALSE);
}

gboolean
escale_photo_printer_print_finish (EscalePhotoPrinter *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
