/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gio/gio.h>
#include <gio/gunixsocketaddress.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "escale-photo-printer.h"
#include "print-lab.h"

/* Printing a photo through a real CUPS (tests/print-lab.c): the PDF that
 * cups-pdf writes is read back with poppler-utils (one page, one image of
 * the photo's size, in colour) and drawn with pdftoppm to see where the
 * photo landed on the sheet: whole, centred, the right way up. */

static PrintLab *lab;

static void
lab_ensure_started (void)
{
  if (!print_lab_is_running (lab))
    print_lab_start (lab);
}

/* A photo whose top quarter is red and the rest blue, so that the top can
 * be found on the printed sheet. */
static GdkTexture *
make_photo (int width, int height)
{
  g_autoptr(GBytes) bytes = NULL;
  guchar *pixels = g_malloc (width * height * 3);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guchar *p = pixels + (y * width + x) * 3;
        gboolean top = y < height / 4;

        p[0] = top ? 220 : 0;
        p[1] = 0;
        p[2] = top ? 0 : 200;
      }
  bytes = g_bytes_new_take (pixels, width * height * 3);
  return gdk_memory_texture_new (width, height, GDK_MEMORY_R8G8B8, bytes, width * 3);
}

typedef struct
{
  gboolean done;
  gboolean ok;
  GError *error;
} PrintResult;

static void
printed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  PrintResult *r = user_data;

  r->ok = escale_photo_printer_print_finish (ESCALE_PHOTO_PRINTER (source), result, &r->error);
  r->done = TRUE;
}

/* Prints and waits; returns how long it took, in seconds. */
static double
print_photo (const char *printer_name, GdkTexture *photo, GCancellable *cancellable,
             PrintResult *r)
{
  EscalePhotoPrinter *printer = escale_photo_printer_new (printer_name);
  gint64 start = g_get_monotonic_time ();

  escale_photo_printer_print_async (printer, photo, cancellable, printed_cb, r);
  while (!r->done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_finalize_object (printer);
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

static char *
run (const char *const *argv)
{
  return print_lab_run_output (lab, argv);
}

static void
assert_one_page (const char *pdf, const char *page_size)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *info = run (argv);

  g_assert_nonnull (strstr (info, "Pages:           1\n"));
  g_assert_nonnull (strstr (info, page_size));
}

/* `pdfimages -list`: one image, the photo's pixels, in colour. */
static void
assert_one_colour_image (const char *pdf, int width, int height)
{
  const char *argv[] = { "pdfimages", "-list", pdf, NULL };
  g_autofree char *list = run (argv);
  g_auto(GStrv) lines = g_strsplit (list, "\n", -1);
  g_auto(GStrv) fields = NULL;
  guint n_images = 0;
  const char *image = NULL;

  for (guint i = 2; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      {
        n_images++;
        image = lines[i];
      }
  g_assert_cmpuint (n_images, ==, 1);
  /* page num type width height color ... */
  fields = g_regex_split_simple ("\\s+", g_strstrip ((char *) image), 0, 0);
  g_assert_cmpstr (fields[2], ==, "image");
  g_assert_cmpint (atoi (fields[3]), ==, width);
  g_assert_cmpint (atoi (fields[4]), ==, height);
  g_assert_cmpstr (fields[5], ==, "rgb");
}

/* Where the photo is on the sheet, drawn at 36 dpi. */
typedef struct
{
  int sheet_width, sheet_height;
  int left, top, right, bottom; /* the photo's box */
  double red_x, red_y;          /* the middle of its top quarter */
  double blue_x, blue_y;        /* the middle of the rest */
} Sheet;

static void
look_at_sheet (const char *pdf, Sheet *sheet)
{
  g_autofree char *dir = g_path_get_dirname (pdf);
  g_autofree char *prefix = g_build_filename (dir, "sheet", NULL);
  g_autofree char *png = g_strconcat (prefix, ".png", NULL);
  const char *argv[] = { "pdftoppm", "-r", "36", "-png", "-singlefile", pdf, prefix, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  double n_red = 0, n_blue = 0;
  int stride;

  g_free (run (argv));
  if (g_getenv ("ESCALE_PRINT_SHEETS") != NULL)
    {
      g_autofree char *name = g_path_get_basename (dir);
      g_autofree char *copy =
        g_strdup_printf ("%s/%s.png", g_getenv ("ESCALE_PRINT_SHEETS"), name);
      g_autoptr(GFile) from = g_file_new_for_path (png);
      g_autoptr(GFile) to = g_file_new_for_path (copy);

      g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL);
    }
  texture = gdk_texture_new_from_filename (png, &error);
  g_assert_no_error (error);
  memset (sheet, 0, sizeof *sheet);
  sheet->sheet_width = gdk_texture_get_width (texture);
  sheet->sheet_height = gdk_texture_get_height (texture);
  sheet->left = sheet->sheet_width;
  sheet->top = sheet->sheet_height;
  stride = sheet->sheet_width * 4;
  pixels = g_malloc (stride * sheet->sheet_height);
  gdk_texture_download (texture, pixels, stride);
  for (int y = 0; y < sheet->sheet_height; y++)
    for (int x = 0; x < sheet->sheet_width; x++)
      {
        guchar *p = pixels + y * stride + x * 4; /* B G R A */
        gboolean red = p[2] > 150 && p[0] < 80;
        gboolean blue = p[0] > 150 && p[2] < 80;

        if (!red && !blue)
          continue;
        sheet->left = MIN (sheet->left, x);
        sheet->top = MIN (sheet->top, y);
        sheet->right = MAX (sheet->right, x + 1);
        sheet->bottom = MAX (sheet->bottom, y + 1);
        if (red)
          sheet->red_x += x, sheet->red_y += y, n_red++;
        else
          sheet->blue_x += x, sheet->blue_y += y, n_blue++;
      }
  g_assert_cmpfloat (n_red, >, 0);
  g_assert_cmpfloat (n_blue, >, 0);
  sheet->red_x /= n_red;
  sheet->red_y /= n_red;
  sheet->blue_x /= n_blue;
  sheet->blue_y /= n_blue;
  /* Whole: three times as much blue as red, as in the photo. */
  g_assert_cmpfloat_with_epsilon (n_blue / n_red, 3.0, 0.3);
}

static void
assert_asked_colour (const char *queue)
{
  g_autofree char *log = print_lab_read_page_log (lab);
  g_autofree char *line = g_strdup_printf ("%s ", queue);
  g_auto(GStrv) lines = g_strsplit (log, "\n", -1);
  gboolean seen = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], line))
      {
        g_assert_true (g_str_has_suffix (lines[i], " color"));
        seen = TRUE;
      }
  g_assert_true (seen);
}

/* A wide photo on a named queue: one A4 sheet, the photo turned on it
 * (its top along the sheet's left edge, which is the top once the sheet
 * is turned to read it), filling the printable width, centred. */
static void
test_landscape (void)
{
  g_autoptr(GdkTexture) photo = make_photo (600, 400);
  g_autofree char *pdf = NULL;
  PrintResult r = { 0 };
  Sheet sheet;

  lab_ensure_started ();
  print_lab_add_queue (lab, "Paysage");
  print_photo ("Paysage", photo, NULL, &r);
  g_assert_no_error (r.error);
  g_assert_true (r.ok);
  pdf = print_lab_wait_for_pdf (lab, "Paysage");
  assert_one_page (pdf, "595 x 842 pts (A4)");
  assert_one_colour_image (pdf, 600, 400);
  assert_asked_colour ("Paysage");

  look_at_sheet (pdf, &sheet);
  /* Turned: the photo's top (red) is at the sheet's left, its box tall. */
  g_assert_cmpfloat (sheet.red_x, <, sheet.blue_x - 20);
  g_assert_cmpfloat (ABS (sheet.red_y - sheet.blue_y), <, 3);
  g_assert_cmpfloat_with_epsilon ((double) (sheet.bottom - sheet.top) / (sheet.right - sheet.left),
                                  600.0 / 400.0, 0.05);
  /* Scaled to fit: as long as the printable area, minus its margins. */
  g_assert_cmpint (sheet.bottom - sheet.top, >, sheet.sheet_height * 0.85);
  /* Centred across the sheet. */
  g_assert_cmpint (ABS ((sheet.left + sheet.right) - sheet.sheet_width), <=, 4);
  print_lab_remove_queue (lab, "Paysage");
  g_assert_finalize_object (g_steal_pointer (&photo));
}

/* A tall photo on CUPS's default printer, the config naming none. */
static void
test_portrait_default (void)
{
  g_autoptr(GdkTexture) photo = make_photo (400, 600);
  const char *make_default[] = { "lpadmin", "-d", "Portrait", NULL };
  g_autofree char *pdf = NULL;
  PrintResult r = { 0 };
  Sheet sheet;

  lab_ensure_started ();
  print_lab_add_queue (lab, "Autre");
  print_lab_add_queue (lab, "Portrait");
  g_free (run (make_default));
  print_photo (NULL, photo, NULL, &r);
  g_assert_no_error (r.error);
  g_assert_true (r.ok);
  pdf = print_lab_wait_for_pdf (lab, "Portrait");
  g_assert_cmpuint (print_lab_count_pdfs (lab, "Autre"), ==, 0);
  assert_one_page (pdf, "595 x 842 pts (A4)");
  assert_one_colour_image (pdf, 400, 600);

  look_at_sheet (pdf, &sheet);
  /* Upright: red on top. */
  g_assert_cmpfloat (sheet.red_y, <, sheet.blue_y - 20);
  g_assert_cmpfloat (ABS (sheet.red_x - sheet.blue_x), <, 3);
  g_assert_cmpfloat_with_epsilon ((double) (sheet.bottom - sheet.top) / (sheet.right - sheet.left),
                                  600.0 / 400.0, 0.05);
  g_assert_cmpint (ABS ((sheet.left + sheet.right) - sheet.sheet_width), <=, 4);
  /* Removing the default queue leaves CUPS without a default again. */
  print_lab_remove_queue (lab, "Portrait");
  print_lab_remove_queue (lab, "Autre");
  g_assert_finalize_object (g_steal_pointer (&photo));
}

/* Printers exist but none is the default and the config names none: GTK
 * on its own would print on the first one it meets; Escale prints nowhere. */
static void
test_no_default (void)
{
  g_autoptr(GdkTexture) photo = make_photo (60, 40);
  const char *default_argv[] = { "lpstat", "-d", NULL };
  g_autofree char *no_default = NULL;
  PrintResult r = { 0 };
  double seconds;

  lab_ensure_started ();
  print_lab_add_queue (lab, "SansDefaut");
  no_default = run (default_argv);
  g_assert_nonnull (strstr (no_default, "no system default"));
  seconds = print_photo (NULL, photo, NULL, &r);
  g_assert_error (r.error, ESCALE_PRINT_ERROR, ESCALE_PRINT_ERROR_NO_PRINTER);
  g_assert_cmpstr (r.error->message, ==,
                   "Aucune imprimante n'est prête. Un aidant peut vous aider.");
  g_assert_cmpfloat (seconds, <, 5);
  g_usleep (G_USEC_PER_SEC);
  g_assert_cmpuint (print_lab_count_pdfs (lab, "SansDefaut"), ==, 0);
  print_lab_remove_queue (lab, "SansDefaut");
  g_clear_error (&r.error);
}

/* The config names a queue CUPS does not have: GTK would fall back to
 * another printer; Escale says there is none. */
static void
test_unknown_name (void)
{
  g_autoptr(GdkTexture) photo = make_photo (60, 40);
  PrintResult r = { 0 };
  double seconds;

  lab_ensure_started ();
  print_lab_add_queue (lab, "Existante");
  seconds = print_photo ("Nulle-Part", photo, NULL, &r);
  g_assert_error (r.error, ESCALE_PRINT_ERROR, ESCALE_PRINT_ERROR_NO_PRINTER);
  g_assert_cmpfloat (seconds, <, 5);
  g_usleep (G_USEC_PER_SEC);
  g_assert_cmpuint (print_lab_count_pdfs (lab, "Existante"), ==, 0);
  print_lab_remove_queue (lab, "Existante");
  g_clear_error (&r.error);
}

/* A stopped queue (cupsdisable, as CUPS does itself when a printer runs
 * out of paper or is unplugged): nothing is sent, so nothing comes out
 * later in front of the next visitor once a helper restarts it. */
static void
test_stopped_queue (void)
{
  g_autoptr(GdkTexture) photo = make_photo (60, 40);
  const char *disable[] = { "cupsdisable", "Arretee", NULL };
  const char *enable[] = { "cupsenable", "Arretee", NULL };
  const char *jobs[] = { "lpstat", "-o", "Arretee", NULL };
  g_autofree char *queued = NULL;
  PrintResult r = { 0 };

  lab_ensure_started ();
  print_lab_add_queue (lab, "Arretee");
  g_free (run (disable));
  print_photo ("Arretee", photo, NULL, &r);
  g_assert_error (r.error, ESCALE_PRINT_ERROR, ESCALE_PRINT_ERROR_FAILED);
  g_assert_nonnull (strstr (r.error->message, "arrêtée"));
  queued = run (jobs);
  g_assert_cmpstr (queued, ==, "");
  g_free (run (enable));
  g_usleep (2 * G_USEC_PER_SEC);
  g_assert_cmpuint (print_lab_count_pdfs (lab, "Arretee"), ==, 0);
  print_lab_remove_queue (lab, "Arretee");
  g_clear_error (&r.error);
}

/* CUPS refuses the job itself when it arrives (here: the lab's queues take
 * one job at a time, and this one holds a job): GTK's send fails, and the
 * visitor hears it calmly. */
static void
test_refused_job (void)
{
  g_autoptr(GdkTexture) photo = make_photo (60, 40);
  const char *hold[] = { "lp",         "-d", "Refus",   "-H",
                         "indefinite", "-t", "Attente", "/usr/share/cups/data/testprint",
                         NULL };
  PrintResult r = { 0 };

  lab_ensure_started ();
  print_lab_add_queue (lab, "Refus");
  g_free (run (hold));
  print_photo ("Refus", photo, NULL, &r);
  g_assert_error (r.error, ESCALE_PRINT_ERROR, ESCALE_PRINT_ERROR_FAILED);
  g_assert_cmpstr (r.error->message, ==,
                   "La photo n'a pas pu être imprimée. Un aidant peut vous aider.");
  g_assert_cmpuint (print_lab_count_pdfs (lab, "Refus"), ==, 0);
  print_lab_remove_queue (lab, "Refus");
  g_clear_error (&r.error);
}

/* Cancelled while the printer is looked up: nothing printed. */
static void
test_cancelled (void)
{
  g_autoptr(GdkTexture) photo = make_photo (60, 40);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  PrintResult r = { 0 };

  lab_ensure_started ();
  print_lab_add_queue (lab, "Annulee");
  g_cancellable_cancel (cancellable);
  print_photo ("Annulee", photo, cancellable, &r);
  g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_usleep (G_USEC_PER_SEC);
  g_assert_cmpuint (print_lab_count_pdfs (lab, "Annulee"), ==, 0);
  print_lab_remove_queue (lab, "Annulee");
  g_clear_error (&r.error);
}

/* No CUPS at all (nothing at CUPS_SERVER's socket): said at once. Runs
 * before the lab's cupsd starts (libcups keeps the socket's name for the
 * process, so the lab uses the same one). */
static void
test_no_cups (void)
{
  g_autoptr(GdkTexture) photo = make_photo (60, 40);
  PrintResult r = { 0 };
  double seconds;

  if (print_lab_is_running (lab))
    {
      g_test_skip ("the lab's cupsd already runs");
      return;
    }
  seconds = print_photo ("Paysage", photo, NULL, &r);
  g_assert_error (r.error, ESCALE_PRINT_ERROR, ESCALE_PRINT_ERROR_NO_PRINTER);
  g_assert_cmpfloat (seconds, <, 5);
  g_clear_error (&r.error);
  g_assert_finalize_object (g_steal_pointer (&photo));
}

/* A CUPS that takes the connection and never answers: GTK's printer list
 * would wait for ever; the visitor hears "no printer" after the lookup's
 * ten seconds, and the photo is let go. */
static void
test_silent_cups (void)
{
  g_autoptr(GdkTexture) photo = make_photo (60, 40);
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GError) error = NULL;
  PrintResult r = { 0 };
  double seconds;

  if (print_lab_is_running (lab))
    {
      g_test_skip ("the lab's cupsd already runs");
      return;
    }
  socket = g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_STREAM, 0, &error);
  g_assert_no_error (error);
  address = g_unix_socket_address_new (print_lab_get_socket (lab));
  g_socket_bind (socket, address, FALSE, &error);
  g_assert_no_error (error);
  g_socket_listen (socket, &error);
  g_assert_no_error (error);

  seconds = print_photo ("Paysage", photo, NULL, &r);
  g_assert_error (r.error, ESCALE_PRINT_ERROR, ESCALE_PRINT_ERROR_NO_PRINTER);
  g_assert_cmpfloat (seconds, >=, 9);
  g_assert_cmpfloat (seconds, <, 20);
  g_assert_finalize_object (g_steal_pointer (&photo));
  g_socket_close (socket, NULL);
  g_unlink (print_lab_get_socket (lab));
  g_clear_error (&r.error);
}

static void
skip_not_root (void)
{
  g_test_skip ("not root: the print tests run their own cupsd");
}

int
main (int argc, char **argv)
{
  g_autoptr(PrintLab) owned_lab = NULL;
  int status;

  /* Before GTK: its CUPS backend and the CUPS tools find the lab here. */
  g_log_set_writer_func (print_lab_log_writer_cb, NULL, NULL);
  owned_lab = lab = print_lab_new ();
  g_setenv ("CUPS_SERVER", print_lab_get_socket (lab), TRUE);
  gtk_test_init (&argc, &argv, NULL);

  if (getuid () != 0)
    {
      g_test_message ("The print tests run their own cupsd and cups-pdf: run them as root");
      g_test_add_func ("/escale/photo-print/needs-root", skip_not_root);
      return g_test_run ();
    }
  /* These two first: they need the lab's socket without its cupsd. */
  g_test_add_func ("/escale/photo-print/no-cups", test_no_cups);
  g_test_add_func ("/escale/photo-print/silent-cups", test_silent_cups);
  g_test_add_func ("/escale/photo-print/landscape", test_landscape);
  g_test_add_func ("/escale/photo-print/portrait-default", test_portrait_default);
  g_test_add_func ("/escale/photo-print/no-default", test_no_default);
  g_test_add_func ("/escale/photo-print/unknown-name", test_unknown_name);
  g_test_add_func ("/escale/photo-print/stopped-queue", test_stopped_queue);
  g_test_add_func ("/escale/photo-print/refused-job", test_refused_job);
  g_test_add_func ("/escale/photo-print/cancelled", test_cancelled);
  status = g_test_run ();
  return status;
}
