/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-scanner"

#include <glib/gi18n-lib.h>
#include <sane/sane.h>
#include <sane/saneopts.h>

#include "escale-scanner.h"

/* libsane is not thread-safe: one session (init, work, exit) at a time for
 * the whole process, always on a worker thread. */
static GMutex sane_lock;

/* The largest area a preset asks for: an A4 page, in mm. */
#define A4_WIDTH_MM 210.0
#define A4_HEIGHT_MM 297.0
#define READ_CHUNK (64 * 1024)

/* Statuses of SANE 1.1 that sane.h only defines for its own backends. */
#define STATUS_WARMING_UP 12
#define STATUS_HW_LOCKED 13

struct _EscaleScanner
{
  GObject parent_instance;

  char *device;
  double progress;
  gboolean busy;
};

enum
{
  PROP_0,
  PROP_PROGRESS,
  PROP_BUSY,
  N_PROPS,
};

static GParamSpec *pspecs[N_PROPS];

G_DEFINE_FINAL_TYPE (EscaleScanner, escale_scanner, G_TYPE_OBJECT)
G_DEFINE_BOXED_TYPE (EscaleScanImage, escale_scan_image, escale_scan_image_copy,
                     escale_scan_image_free)

/* The name has dashes, which clang-format would space out. */
/* clang-format off */
G_DEFINE_QUARK (escale-scanner-error-quark, escale_scanner_error)
/* clang-format on */

EscaleScanImage *
escale_scan_image_copy (const EscaleScanImage *self)
{
  EscaleScanImage *copy = g_memdup2 (self, sizeof *self);

  copy->pixels = g_bytes_ref (self->pixels);
  return copy;
}

void
escale_scan_image_free (EscaleScanImage *self)
{
  g_bytes_unref (self->pixels);
  g_free (self);
}

/* --- errors ------------------------------------------------------------ */

static void
set_error_from_status (GError **error, SANE_Status status, gboolean scanning)
{
  switch ((int) status)
    {
    case SANE_STATUS_CANCELLED:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
      return;
    case SANE_STATUS_NO_DOCS:
      g_set_error_literal (error, ESCALE_SCANNER_ERROR, ESCALE_SCANNER_ERROR_NO_PAPER,
                           _ ("Il n'y a pas de feuille dans le scanner. Posez votre document, "
                              "puis touchez Scanner."));
      return;
    case SANE_STATUS_JAMMED:
    case SANE_STATUS_COVER_OPEN:
      g_set_error_literal (error, ESCALE_SCANNER_ERROR, ESCALE_SCANNER_ERROR_JAMMED,
                           _ ("La feuille est coincée ou le capot est ouvert. Demandez de l'aide "
                              "à l'accueil."));
      return;
    case SANE_STATUS_DEVICE_BUSY:
    case STATUS_WARMING_UP:
    case STATUS_HW_LOCKED:
      g_set_error_literal (error, ESCALE_SCANNER_ERROR, ESCALE_SCANNER_ERROR_BUSY,
                           _ ("Le scanner est occupé. Attendez un instant, puis touchez "
                              "Scanner."));
      return;
    case SANE_STATUS_IO_ERROR:
    case SANE_STATUS_INVAL:
    case SANE_STATUS_ACCESS_DENIED:
      if (scanning)
        {
          g_set_error_literal (error, ESCALE_SCANNER_ERROR, ESCALE_SCANNER_ERROR_DEVICE_GONE,
                               _ ("Le scanner ne répond plus. Vérifiez qu'il est allumé et "
                                  "branché, puis touchez Recommencer."));
          return;
        }
      g_set_error_literal (error, ESCALE_SCANNER_ERROR, ESCALE_SCANNER_ERROR_NO_DEVICE,
                           _ ("Le scanner n'est pas disponible. Demandez de l'aide à "
                              "l'accueil."));
      return;
    default:
      g_set_error_literal (error, ESCALE_SCANNER_ERROR, ESCALE_SCANNER_ERROR_FAILED,
                           _ ("Le scanner n'a pas pu lire la feuille. Touchez Recommencer."));
      return;
    }
}

static void
set_no_device (GError **error)
{
  g_set_error_literal (error, ESCALE_SCANNER_ERROR, ESCALE_SCANNER_ERROR_NO_DEVICE,
                       _ ("Aucun scanner n'est branché sur ce poste. Demandez de l'aide à "
                          "l'accueil."));
}

/* --- options ----------------------------------------------------------- */

static SANE_Int
find_option (SANE_Handle handle, const char *name, const SANE_Option_Descriptor **out)
{
  SANE_Int count = 0;

  if (sane_control_option (handle, 0, SANE_ACTION_GET_VALUE, &count, NULL) != SANE_STATUS_GOOD)
    return -1;
  for (SANE_Int i = 1; i < count; i++)
    {
      const SANE_Option_Descriptor *desc = sane_get_option_descriptor (handle, i);

      if (desc != NULL && desc->name != NULL && g_str_equal (desc->name, name) &&
          SANE_OPTION_IS_ACTIVE (desc->cap) && SANE_OPTION_IS_SETTABLE (desc->cap))
        {
          *out = desc;
          return i;
        }
    }
  return -1;
}

/* The allowed value nearest to @wanted (a range or a word list). */
static double
nearest_allowed (const SANE_Option_Descriptor *desc, double wanted)
{
  gboolean fixed = desc->type == SANE_TYPE_FIXED;
  double best = wanted;

  if (desc->constraint_type == SANE_CONSTRAINT_RANGE)
    {
      const SANE_Range *range = desc->constraint.range;
      double min = fixed ? SANE_UNFIX (range->min) : range->min;
      double max = fixed ? SANE_UNFIX (range->max) : range->max;

      best = CLAMP (wanted, min, max);
    }
  else if (desc->constraint_type == SANE_CONSTRAINT_WORD_LIST)
    {
      const SANE_Word *list = desc->constraint.word_list;

      for (SANE_Int i = 1; i <= list[0]; i++)
        {
          double value = fixed ? SANE_UNFIX (list[i]) : list[i];

          if (i == 1 || ABS (value - wanted) < ABS (best - wanted))
            best = value;
        }
    }
  return best;
}

static void
set_number (SANE_Handle handle, const char *name, double wanted)
{
  const SANE_Option_Descriptor *desc = NULL;
  SANE_Int index = find_option (handle, name, &desc);
  SANE_Word word;
  double value;

  if (index < 0 || desc->size != sizeof (SANE_Word) ||
      (desc->type != SANE_TYPE_INT && desc->type != SANE_TYPE_FIXED))
    return;
  value = nearest_allowed (desc, wanted);
  word = desc->type == SANE_TYPE_FIXED ? SANE_FIX (value) : (SANE_Word) (value + 0.5);
  /* A value the device rounds (SANE_INFO_INEXACT) is fine. */
  sane_control_option (handle, index, SANE_ACTION_SET_VALUE, &word, NULL);
}

/* The device's own word for grey or colour ("Gray", "Grayscale", "Color"...). */
static void
set_mode (SANE_Handle handle, gboolean colour)
{
  static const char *const grey_words[] = { SANE_VALUE_SCAN_MODE_GRAY, "Grayscale", "Grey",
                                            "Gray16", NULL };
  static const char *const colour_words[] = { SANE_VALUE_SCAN_MODE_COLOR, "Colour", "RGB",
                                              "Color24", NULL };
  const char *const *words = colour ? colour_words : grey_words;
  const SANE_Option_Descriptor *desc = NULL;
  SANE_Int index = find_option (handle, SANE_NAME_SCAN_MODE, &desc);

  if (index < 0 || desc->type != SANE_TYPE_STRING ||
      desc->constraint_type != SANE_CONSTRAINT_STRING_LIST)
    return;
  for (guint w = 0; words[w] != NULL; w++)
    for (guint i = 0; desc->constraint.string_list[i] != NULL; i++)
      if (g_ascii_strcasecmp (desc->constraint.string_list[i], words[w]) == 0)
        {
          g_autofree char *value = g_malloc0 (MAX (desc->size, (SANE_Int) strlen (words[w]) + 1));

          strcpy (value, desc->constraint.string_list[i]);
          sane_control_option (handle, index, SANE_ACTION_SET_VALUE, value, NULL);
          return;
        }
}

/* The top left corner, and at most an A4 page. */
static void
set_area (SANE_Handle handle)
{
  set_number (handle, SANE_NAME_SCAN_TL_X, 0.0);
  set_number (handle, SANE_NAME_SCAN_TL_Y, 0.0);
  set_number (handle, SANE_NAME_SCAN_BR_X, A4_WIDTH_MM);
  set_number (handle, SANE_NAME_SCAN_BR_Y, A4_HEIGHT_MM);
}

static void
apply_preset (SANE_Handle handle, EscaleScanPreset preset)
{
  gboolean colour = preset == ESCALE_SCAN_PRESET_PHOTO;

  set_mode (handle, colour);
  set_number (handle, SANE_NAME_BIT_DEPTH, 8);
  set_number (handle, SANE_NAME_SCAN_RESOLUTION, colour ? 300 : 200);
  set_area (handle);
}

static double
read_resolution (SANE_Handle handle, double fallback)
{
  const SANE_Option_Descriptor *desc = NULL;
  SANE_Int index = find_option (handle, SANE_NAME_SCAN_RESOLUTION, &desc);
  SANE_Word word = 0;

  if (index < 0 || desc->size != sizeof (SANE_Word) ||
      sane_control_option (handle, index, SANE_ACTION_GET_VALUE, &word, NULL) != SANE_STATUS_GOOD)
    return fallback;
  return desc->type == SANE_TYPE_FIXED ? SANE_UNFIX (word) : word;
}

/* --- the worker -------------------------------------------------------- */

typedef struct
{
  EscaleScanner *scanner; /* a ref, released on the main thread with the task */
  GMainContext *context;
  char *device;
  EscaleScanPreset preset;
  double progress; /* the last value sent */
} ScanJob;

static void
scan_job_free (ScanJob *job)
{
  g_clear_object (&job->scanner);
  g_main_context_unref (job->context);
  g_free (job->device);
  g_free (job);
}

static void
set_progress (EscaleScanner *self, double progress)
{
  if (self->progress == progress)
    return;
  self->progress = progress;
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_PROGRESS]);
}

typedef struct
{
  EscaleScanner *scanner;
  double progress;
} ProgressUpdate;

static gboolean
progress_update_cb (gpointer user_data)
{
  ProgressUpdate *update = user_data;

  if (update->scanner->busy)
    set_progress (update->scanner, update->progress);
  return G_SOURCE_REMOVE;
}

static void
progress_update_free (gpointer user_data)
{
  ProgressUpdate *update = user_data;

  g_object_unref (update->scanner);
  g_free (update);
}

/* From the worker: at most a hundred updates a page. */
static void
report_progress (ScanJob *job, double progress)
{
  ProgressUpdate *update;

  if (progress >= 0 && job->progress >= 0 && progress - job->progress < 0.01 && progress < 1)
    return;
  job->progress = progress;
  update = g_new0 (ProgressUpdate, 1);
  update->scanner = g_object_ref (job->scanner);
  update->progress = progress;
  g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, progress_update_cb, update,
                              progress_update_free);
}

/* Opens @device, or the first device SANE lists. */
static SANE_Handle
open_device (const char *device, GError **error)
{
  const SANE_Device **list = NULL;
  SANE_Handle handle = NULL;
  SANE_Status status;

  if (device == NULL || *device == '\0')
    {
      status = sane_get_devices (&list, SANE_FALSE);
      if (status != SANE_STATUS_GOOD || list == NULL || list[0] == NULL)
        {
          set_no_device (error);
          return NULL;
        }
      device = list[0]->name;
    }
  status = sane_open (device, &handle);
  if (status == SANE_STATUS_INVAL || status == SANE_STATUS_IO_ERROR)
    {
      set_no_device (error);
      return NULL;
    }
  if (status != SANE_STATUS_GOOD)
    {
      set_error_from_status (error, status, FALSE);
      return NULL;
    }
  return handle;
}

/* 8 bits a sample from what the device sends (1, 8 or 16 bits). */
static void
append_samples (GByteArray *out, const SANE_Byte *data, SANE_Int length, int depth,
                guint *bit_pixels, guint line_pixels)
{
  if (depth == 8)
    g_byte_array_append (out, data, length);
  else if (depth == 16)
    {
      for (SANE_Int i = 0; i + 1 < length; i += 2)
        {
          guint16 sample;

          memcpy (&sample, data + i, 2);
          g_byte_array_append (out, (guint8[]){ sample >> 8 }, 1);
        }
    }
  else
    /* Line art: a set bit is black; each line starts on a new byte. */
    for (SANE_Int i = 0; i < length; i++)
      for (int bit = 7; bit >= 0 && *bit_pixels < line_pixels; bit--)
        {
          g_byte_array_append (out, (guint8[]){ (data[i] >> bit) & 1 ? 0 : 255 }, 1);
          if (++*bit_pixels == line_pixels)
            {
              *bit_pixels = 0;
              break;
            }
        }
}

static EscaleScanImage *
read_page (SANE_Handle handle, ScanJob *job, GCancellable *cancellable, GError **error)
{
  g_autoptr(GByteArray) pixels = g_byte_array_new ();
  g_autofree SANE_Byte *buffer = g_malloc (READ_CHUNK);
  SANE_Parameters params;
  SANE_Status status;
  gsize read_total = 0;
  gsize expected;
  guint bit_pixels = 0;
  guint channels;
  EscaleScanImage *image;

  status = sane_get_parameters (handle, &params);
  if (status != SANE_STATUS_GOOD)
    {
      set_error_from_status (error, status, TRUE);
      return NULL;
    }
  if ((params.format != SANE_FRAME_GRAY && params.format != SANE_FRAME_RGB) ||
      !params.last_frame || params.pixels_per_line <= 0 ||
      (params.depth != 1 && params.depth != 8 && params.depth != 16))
    {
      /* Three-pass scanners: none has been sold for twenty years. */
      set_error_from_status (error, SANE_STATUS_UNSUPPORTED, TRUE);
      return NULL;
    }
  channels = params.format == SANE_FRAME_RGB ? 3 : 1;
  expected = params.lines > 0 ? (gsize) params.bytes_per_line * params.lines : 0;
  report_progress (job, expected > 0 ? 0 : -1);

  for (;;)
    {
      SANE_Int length = 0;

      if (g_cancellable_is_cancelled (cancellable))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
          return NULL;
        }
      status = sane_read (handle, buffer, READ_CHUNK, &length);
      if (status == SANE_STATUS_EOF)
        break;
      if (status != SANE_STATUS_GOOD)
        {
          set_error_from_status (error, status, TRUE);
          return NULL;
        }
      append_samples (pixels, buffer, length, params.depth, &bit_pixels,
                      params.pixels_per_line * channels);
      read_total += length;
      if (expected > 0)
        report_progress (job, MIN (1.0, (double) read_total / expected));
    }

  image = g_new0 (EscaleScanImage, 1);
  image->width = params.pixels_per_line;
  image->channels = channels;
  image->stride = (gsize) image->width * channels;
  image->height = pixels->len / image->stride;
  image->dpi = read_resolution (handle, job->preset == ESCALE_SCAN_PRESET_PHOTO ? 300 : 200);
  if (image->height == 0)
    {
      escale_scan_image_free (image);
      set_error_from_status (error, SANE_STATUS_IO_ERROR, TRUE);
      return NULL;
    }
  g_byte_array_set_size (pixels, image->stride * image->height);
  image->pixels = g_byte_array_free_to_bytes (g_steal_pointer (&pixels));
  report_progress (job, 1.0);
  return image;
}

static EscaleScanImage *
scan_locked (ScanJob *job, GCancellable *cancellable, GError **error)
{
  SANE_Handle handle = open_device (job->device, error);
  EscaleScanImage *image = NULL;
  SANE_Status status;

  if (handle == NULL)
    return NULL;
  apply_preset (handle, job->preset);
  status = sane_start (handle);
  if (status == SANE_STATUS_GOOD)
    image = read_page (handle, job, cancellable, error);
  else
    set_error_from_status (error, status, FALSE);
  /* Ends the page, or stops the scan that was cancelled or failed. */
  sane_cancel (handle);
  sane_close (handle);
  return image;
}

static void
scan_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  ScanJob *job = task_data;
  GError *error = NULL;
  EscaleScanImage *image = NULL;
  SANE_Int version;

  g_mutex_lock (&sane_lock);
  if (sane_init (&version, NULL) != SANE_STATUS_GOOD)
    set_no_device (&error);
  else
    {
      image = scan_locked (job, cancellable, &error);
      sane_exit ();
    }
  g_mutex_unlock (&sane_lock);

  if (image != NULL)
    g_task_return_pointer (task, image, (GDestroyNotify) escale_scan_image_free);
  else
    g_task_return_error (task, error);
}

static void
list_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  const SANE_Device **list = NULL;
  SANE_Int version;

  g_mutex_lock (&sane_lock);
  if (sane_init (&version, NULL) == SANE_STATUS_GOOD)
    {
      if (sane_get_devices (&list, SANE_FALSE) == SANE_STATUS_GOOD && list != NULL)
        for (guint i = 0; list[i] != NULL; i++)
          g_strv_builder_add (names, list[i]->name);
      sane_exit ();
    }
  g_mutex_unlock (&sane_lock);
  g_task_return_pointer (task, g_strv_builder_end (names), (GDestroyNotify) g_strfreev);
}

/* --- the object -------------------------------------------------------- */

static void
escale_scanner_finalize (GObject *object)
{
  EscaleScanner *self = ESCALE_SCANNER (object);

  g_free (self->device);
  G_OBJECT_CLASS (escale_scanner_parent_class)->finalize (object);
}

static void
escale_scanner_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  EscaleScanner *self = ESCALE_SCANNER (object);

  switch (prop_id)
    {
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_scanner_class_init (EscaleScannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = escale_scanner_finalize;
  object_class->get_property = escale_scanner_get_property;

  pspecs[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, -1, 1, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  pspecs[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, pspecs);
}

static void
escale_scanner_init (EscaleScanner *self)
{
}

EscaleScanner *
escale_scanner_new (const char *device)
{
  EscaleScanner *self = g_object_new (ESCALE_TYPE_SCANNER, NULL);

  self->device = g_strdup (device);
  return self;
}

double
escale_scanner_get_progress (EscaleScanner *self)
{
  g_return_val_if_fail (ESCALE_IS_SCANNER (self), 0);
  return self->progress;
}

gboolean
escale_scanner_get_busy (EscaleScanner *self)
{
  g_return_val_if_fail (ESCALE_IS_SCANNER (self), FALSE);
  return self->busy;
}

void
escale_scanner_list_devices_async (GCancellable *cancellable, GAsyncReadyCallback callback,
                                   gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, escale_scanner_list_devices_async);
  g_task_run_in_thread (task, list_thread);
}

GStrv
escale_scanner_list_devices_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
set_busy (EscaleScanner *self, gboolean busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_BUSY]);
}

static void
scan_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GTask) outer = user_data;
  EscaleScanner *self = g_task_get_source_object (outer);
  GError *error = NULL;
  EscaleScanImage *image = g_task_propagate_pointer (G_TASK (result), &error);

  set_busy (self, FALSE);
  if (image != NULL)
    g_task_return_pointer (outer, image, (GDestroyNotify) escale_scan_image_free);
  else
    g_task_return_error (outer, error);
}

void
escale_scanner_scan_async (EscaleScanner *self, EscaleScanPreset preset, GCancellable *cancellable,
                           GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) worker = NULL;
  ScanJob *job;

  g_return_if_fail (ESCALE_IS_SCANNER (self));
  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, escale_scanner_scan_async);
  if (self->busy)
    {
      g_task_return_new_error (outer, ESCALE_SCANNER_ERROR, ESCALE_SCANNER_ERROR_BUSY, "%s",
                               _ ("Le scanner est occupé. Attendez un instant, puis touchez "
                                  "Scanner."));
      return;
    }

  job = g_new0 (ScanJob, 1);
  job->scanner = g_object_ref (self);
  job->context = g_main_context_ref_thread_default ();
  job->device = g_strdup (self->device);
  job->preset = preset;
  job->progress = -2;
  set_busy (self, TRUE);
  set_progress (self, 0);
  /* The worker's own task finishes on this thread; the outer one waits for
   * it, so the scanner is idle again before the caller hears of the end. */
  worker = g_task_new (NULL, cancellable, scan_done_cb, g_steal_pointer (&outer));
  g_task_set_return_on_cancel (worker, FALSE);
  g_task_set_task_data (worker, job, (GDestroyNotify) scan_job_free);
  g_task_run_in_thread (worker, scan_thread);
}

EscaleScanImage *
escale_scanner_scan_finish (EscaleScanner *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
