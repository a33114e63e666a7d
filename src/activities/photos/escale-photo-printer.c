/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-photos"

#include <glib/gi18n-lib.h>

#include "escale-photo-printer.h"

/* One photo on one page, through escale-printing.c (GtkPrintJob on CUPS,
 * the printer looked up without a dialog, a stopped one refused).
 *
 * The page: the locale's default paper (A4 in France; GTK 4.8 cannot tell
 * a CUPS queue's default media without the printer's details, which only
 * GTK's print dialog fetches), turned to landscape for a wide photo; the
 * photo scaled to fit the printable area and centred; colour asked of CUPS
 * with the standard IPP print-color-mode. */

struct _EscalePhotoPrinter
{
  GObject parent_instance;

  char *printer_name; /* NULL: CUPS's default */
};

G_DEFINE_FINAL_TYPE (EscalePhotoPrinter, escale_photo_printer, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_PRINTER_NAME,
  N_PROPS
};

static GParamSpec *pspecs[N_PROPS];

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

/* The one page: the photo inside the page setup's margins. */
static gboolean
draw_photo_page (cairo_t *cr, GtkPageSetup *page_setup, gpointer user_data)
{
  gboolean painted;

  cairo_translate (cr, gtk_page_setup_get_left_margin (page_setup, GTK_UNIT_POINTS),
                   gtk_page_setup_get_top_margin (page_setup, GTK_UNIT_POINTS));
  painted = paint_photo (cr, GDK_TEXTURE (user_data),
                         gtk_page_setup_get_page_width (page_setup, GTK_UNIT_POINTS),
                         gtk_page_setup_get_page_height (page_setup, GTK_UNIT_POINTS));
  cairo_show_page (cr);
  return painted;
}

static void
printed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (escale_printing_print_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
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
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();
  GTask *task;
  gboolean wide;
  GtkPageOrientation orientation;
  EscalePrintRequest request = { 0 };

  g_return_if_fail (ESCALE_IS_PHOTO_PRINTER (self));
  g_return_if_fail (GDK_IS_TEXTURE (photo));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, escale_photo_printer_print_async);
  wide = gdk_texture_get_width (photo) > gdk_texture_get_height (photo);
  orientation = wide ? GTK_PAGE_ORIENTATION_LANDSCAPE : GTK_PAGE_ORIENTATION_PORTRAIT;
  gtk_print_settings_set_n_copies (settings, 1);
  gtk_print_settings_set_use_color (settings, TRUE);
  gtk_print_settings_set_orientation (settings, orientation);
  /* Settings named cups-* go to CUPS as job options. */
  gtk_print_settings_set (settings, "cups-print-color-mode", "color");
  gtk_page_setup_set_orientation (page_setup, orientation);

  request.printer_name = self->printer_name;
  request.job_title = "Photo"; /* never a file name */
  request.settings = settings;
  request.page_setup = page_setup;
  request.failed_message = _ ("La photo n'a pas pu être imprimée. Un aidant peut vous aider.");
  request.draw = draw_photo_page;
  request.draw_data = g_object_ref (photo);
  request.draw_data_free = g_object_unref;
  escale_printing_print_async (self, &request, cancellable, printed_cb, task);
}

gboolean
escale_photo_printer_print_finish (EscalePhotoPrinter *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
