/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-printing"

#include <glib/gi18n-lib.h>
#include <gtk/gtkunixprint.h>
#include <cairo-pdf.h>

#include "escale-printing.h"

/* Pages through GTK's CUPS backend, never a dialog; shared by "Mes photos"
 * and "Mes démarches".
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
 * loop never waits for CUPS), and the pages go through the same public
 * pieces GtkPrintOperation uses underneath: a GtkPrintJob on that printer,
 * its cairo surface (PDF for CUPS), gtk_print_job_send (), its status
 * followed (track-print-status) to know that CUPS really took the job.
 *
 * A printer that CUPS says is stopped is refused before anything is sent:
 * a job queued there would come out later, in front of someone else. */

/* A CUPS on this machine answers in milliseconds; one that accepts the
 * connection and then says nothing would keep GTK's printer list waiting
 * for ever. */
#define LOOKUP_TIMEOUT_SECONDS 10

/* The name has dashes, which clang-format would space out. */
/* clang-format off */
G_DEFINE_QUARK (escale-print-error-quark, escale_print_error)
/* clang-format on */

/* One print, from the printer lookup to the hand-off. The lookup keeps a
 * reference of its own, since GTK may answer after the task gave up. */
typedef struct
{
  GTask *task;  /* NULL once it returned */
  char *wanted; /* the printer's name, NULL for the default */
  char *job_title;
  char *failed_message;
  GtkPrintSettings *settings;
  GtkPageSetup *page_setup;
  EscalePrintDrawFunc draw;
  gpointer draw_data; /* dropped as soon as the pages are drawn or the task returns */
  GDestroyNotify draw_data_free;
  GtkPrinter *printer;
  GtkPrintJob *job;
  guint timeout_id;
} PrintData;

static void job_status_changed_cb (GtkPrintJob *job, gpointer user_data);

static void
print_data_drop_drawing (PrintData *data)
{
  gpointer draw_data = g_steal_pointer (&data->draw_data);

  if (draw_data != NULL && data->draw_data_free != NULL)
    data->draw_data_free (draw_data);
}

static void
print_data_clear (PrintData *data)
{
  g_clear_handle_id (&data->timeout_id, g_source_remove);
  print_data_drop_drawing (data);
  g_clear_object (&data->task);
  g_clear_object (&data->printer);
  g_clear_object (&data->job);
  g_clear_object (&data->settings);
  g_clear_object (&data->page_setup);
  g_clear_pointer (&data->wanted, g_free);
  g_clear_pointer (&data->job_title, g_free);
  g_clear_pointer (&data->failed_message, g_free);
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

/* Gives the task its answer once; what was to be drawn is let go at the
 * same time. */
static void
print_data_return (PrintData *data, GError *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&data->task);

  g_clear_handle_id (&data->timeout_id, g_source_remove);
  print_data_drop_drawing (data);
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
failed_error (PrintData *data)
{
  return g_error_new_literal (ESCALE_PRINT_ERROR, ESCALE_PRINT_ERROR_FAILED, data->failed_message);
}

/* Draws the pages on the job's surface, as GtkPrintOperation would: the
 * sheet is the paper as it goes through the printer; a landscape page is
 * drawn turned on it when the backend asks for that (CUPS does). */
static gboolean
draw_pages (PrintData *data, GError **error)
{
  GtkPaperSize *paper = gtk_page_setup_get_paper_size (data->page_setup);
  double paper_width = gtk_paper_size_get_width (paper, GTK_UNIT_POINTS);
  double paper_height = gtk_paper_size_get_height (paper, GTK_UNIT_POINTS);
  gboolean landscape = gtk_page_setup_get_orientation (data->page_setup) ==
                       GTK_PAGE_ORIENTATION_LANDSCAPE;
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean drawn;

  surface = gtk_print_job_get_surface (data->job, error);
  if (surface == NULL)
    return FALSE;

  cr = cairo_create (surface);
  if (landscape && gtk_print_job_get_rotate (data->job))
    {
      cairo_translate (cr, 0, paper_height);
      cairo_rotate (cr, -G_PI / 2);
    }
  else if (landscape && cairo_surface_get_type (surface) == CAIRO_SURFACE_TYPE_PDF)
    {
      cairo_pdf_surface_set_size (surface, paper_height, paper_width);
    }
  drawn = data->draw (cr, data->page_setup, data->draw_data);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (!drawn || cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the pages could not be drawn");
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
      g_message ("The job could not be sent to the printer: %s", error->message);
      print_data_return (data, failed_error (data));
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
      g_debug ("The job was handed to CUPS");
      print_data_return (data, NULL);
      break;
    case GTK_PRINT_STATUS_FINISHED:
    case GTK_PRINT_STATUS_FINISHED_ABORTED:
      g_message ("CUPS refused or aborted the job");
      print_data_return (data, failed_error (data));
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
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&data->timeout_id, g_source_remove); /* the printer was found */
  gtk_print_settings_set_printer (data->settings, gtk_printer_get_name (data->printer));
  data->job = gtk_print_job_new (data->job_title, data->printer, data->settings, data->page_setup);
  if (!draw_pages (data, &error))
    {
      g_message ("The job could not be put on pages: %s", error->message);
      print_data_return (data, failed_error (data));
      return;
    }
  print_data_drop_drawing (data);
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

void
escale_printing_print_async (gpointer source_object, const EscalePrintRequest *request,
                             GCancellable *cancellable, GAsyncReadyCallback callback,
                             gpointer user_data)
{
  PrintData *data;

  g_return_if_fail (request != NULL && request->draw != NULL);
  g_return_if_fail (GTK_IS_PRINT_SETTINGS (request->settings));
  g_return_if_fail (GTK_IS_PAGE_SETUP (request->page_setup));

  data = g_atomic_rc_box_new0 (PrintData);
  data->task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (data->task, escale_printing_print_async);
  if (request->printer_name != NULL && request->printer_name[0] != '\0')
    data->wanted = g_strdup (request->printer_name);
  data->job_title = g_strdup (request->job_title);
  data->failed_message = g_strdup (request->failed_message);
  data->settings = gtk_print_settings_copy (request->settings);
  data->page_setup = gtk_page_setup_copy (request->page_setup);
  data->draw = request->draw;
  data->draw_data = request->draw_data;
  data->draw_data_free = request->draw_data_free;
  data->timeout_id = g_timeout_add_seconds (LOOKUP_TIMEOUT_SECONDS, lookup_timeout_cb, data);
  /* The lookup owns the first reference: printers_listed_cb drops it. */
  gtk_enumerate_printers (printer_found_cb, data, printers_listed_cb, FALSE);
}

gboolean
escale_printing_print_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == escale_printing_print_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
