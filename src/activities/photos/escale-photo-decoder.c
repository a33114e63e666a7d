/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-photos"

#include "config.h"

#include <signal.h>
#include <glib/gi18n.h>

#include "escale-photo-decoder-private.h"
#include "escale-photo-helper.h"

/* Pictures come from strangers' media, and Debian 12's gdk-pixbuf decodes
 * them with no sandbox: each one is decoded by escale-photo-helper, a
 * process of its own, run inside bwrap where bwrap works here (tested once
 * per decoder). The parent reads the file with GIO (gvfs media work the
 * same), writes its bytes to the helper's stdin while reading the pixels
 * from its stdout, so a big file cannot block either pipe. Whatever goes
 * wrong ends the one job: the helper is killed, the caller gets an
 * ESCALE_PHOTO_ERROR, and half an answer never becomes a texture. */

#define MAX_RUNNING 2
#define DEFAULT_TIMEOUT_MS 15000
#define CHUNK_BYTES (64 * 1024)

typedef enum
{
  SANDBOX_UNKNOWN,
  SANDBOX_PROBING,
  SANDBOX_BWRAP,
  SANDBOX_NONE,
} Sandbox;

struct _EscalePhotoDecoder
{
  GObject parent_instance;

  char *helper;
  guint timeout_ms;
  char *bwrap; /* NULL when not installed */
  Sandbox sandbox;

  GQueue waiting; /* of GTask, oldest first, owned */
  guint n_running;
};

G_DEFINE_FINAL_TYPE (EscalePhotoDecoder, escale_photo_decoder, G_TYPE_OBJECT)
/* The name has dashes, which clang-format would space out. */
/* clang-format off */
G_DEFINE_QUARK (escale-photo-error-quark, escale_photo_error)
/* clang-format on */

/* One picture, from its turn in the queue to its result. */
typedef struct
{
  GFile *file;
  guint max_size;
  gboolean started;
  GCancellable *io;       /* stops this job's own I/O */
  GSource *cancel_source; /* the caller's cancellable */
  GSource *timeout;
  guint pending; /* open, helper's exit, helper's answer */

  GSubprocess *process;
  GInputStream *source;
  GOutputStream *to_helper;
  GInputStream *from_helper;
  GBytes *chunk; /* being written */
  guint64 sent;

  EscalePhotoHeader header;
  guchar *pixels;
  gsize n_pixels;
  guchar extra;
  gboolean answer_complete;
  GError *error; /* the first failure seen on our side */
} Job;

static void pump_queue (EscalePhotoDecoder *self);
static void send_next_chunk (GTask *task);

static void
drop_source (GSource **source)
{
  if (*source == NULL)
    return;
  g_source_destroy (*source);
  g_clear_pointer (source, g_source_unref);
}

static void
job_free (gpointer data)
{
  Job *job = data;

  drop_source (&job->cancel_source);
  drop_source (&job->timeout);
  g_clear_object (&job->file);
  g_clear_object (&job->io);
  g_clear_object (&job->process);
  g_clear_object (&job->source);
  g_clear_object (&job->to_helper);
  g_clear_object (&job->from_helper);
  g_clear_pointer (&job->chunk, g_bytes_unref);
  g_free (job->pixels);
  g_clear_error (&job->error);
  g_free (job);
}

/* Our side gave up on the job: remember why (the first reason wins), stop
 * its I/O and kill the helper. The job ends when the helper has exited. */
static void
job_fail (Job *job, GQuark domain, int code, const char *message)
{
  if (job->error == NULL)
    job->error = g_error_new_literal (domain, code, message);
  g_cancellable_cancel (job->io);
  if (job->process)
    g_subprocess_force_exit (job->process);
}

static void
set_error_for_code (GError **error, EscalePhotoError code)
{
  switch (code)
    {
    case ESCALE_PHOTO_ERROR_UNREADABLE:
      g_set_error_literal (error, ESCALE_PHOTO_ERROR, code,
                           _ ("Cette photo ne peut pas être lue."));
      break;
    case ESCALE_PHOTO_ERROR_TOO_LARGE:
      g_set_error_literal (error, ESCALE_PHOTO_ERROR, code,
                           _ ("Cette photo est trop grande pour être affichée."));
      break;
    case ESCALE_PHOTO_ERROR_TIMEOUT:
      g_set_error_literal (error, ESCALE_PHOTO_ERROR, code,
                           _ ("Cette photo met trop de temps à s’afficher."));
      break;
    case ESCALE_PHOTO_ERROR_HELPER:
    default:
      g_set_error_literal (error, ESCALE_PHOTO_ERROR, ESCALE_PHOTO_ERROR_HELPER,
                           _ ("Le programme qui affiche les photos s’est arrêté."));
      break;
    }
}

static void
job_fail_with_code (Job *job, EscalePhotoError code)
{
  g_autoptr(GError) error = NULL;

  set_error_for_code (&error, code);
  job_fail (job, error->domain, error->code, error->message);
}

/* The helper's verdict, once it has exited and its answer has been read. */
static GdkTexture *
job_result (Job *job, GError **error)
{
  GdkMemoryFormat format;
  g_autoptr(GBytes) bytes = NULL;
  int status;

  if (job->error)
    {
      g_propagate_error (error, g_steal_pointer (&job->error));
      return NULL;
    }
  if (!g_subprocess_get_if_exited (job->process))
    {
      g_debug ("The photo helper was stopped by signal %d",
               g_subprocess_get_term_sig (job->process));
      set_error_for_code (error, ESCALE_PHOTO_ERROR_HELPER);
      return NULL;
    }
  status = g_subprocess_get_exit_status (job->process);
  if (status == ESCALE_PHOTO_EXIT_UNREADABLE || status == ESCALE_PHOTO_EXIT_TOO_LARGE)
    {
      set_error_for_code (error, status == ESCALE_PHOTO_EXIT_UNREADABLE
                                   ? ESCALE_PHOTO_ERROR_UNREADABLE
                                   : ESCALE_PHOTO_ERROR_TOO_LARGE);
      return NULL;
    }
  if (status != 0 || !job->answer_complete)
    {
      g_debug ("The photo helper exited with status %d (answer %s)", status,
               job->answer_complete ? "complete" : "incomplete");
      set_error_for_code (error, ESCALE_PHOTO_ERROR_HELPER);
      return NULL;
    }

  format = job->header.has_alpha ? GDK_MEMORY_R8G8B8A8 : GDK_MEMORY_R8G8B8;
  bytes = g_bytes_new_take (g_steal_pointer (&job->pixels), job->n_pixels);
  return gdk_memory_texture_new ((int) job->header.width, (int) job->header.height, format, bytes,
                                 job->header.rowstride);
}

/* One of the job's pending steps is over; the last one ends the job and
 * frees its place for the next picture. */
static void
job_step_done (GTask *task)
{
  Job *job = g_task_get_task_data (task);
  g_autoptr(EscalePhotoDecoder) self = g_object_ref (g_task_get_source_object (task));
  g_autoptr(GError) error = NULL;
  GdkTexture *texture = NULL;

  g_assert (job->pending > 0);
  if (--job->pending > 0)
    return;

  /* Nothing may touch the job any more but its own callbacks. */
  drop_source (&job->timeout);
  drop_source (&job->cancel_source);
  g_cancellable_cancel (job->io);
  if (job->process)
    texture = job_result (job, &error);
  else
    g_propagate_error (&error, g_steal_pointer (&job->error));

  self->n_running--;
  if (texture)
    g_task_return_pointer (task, texture, g_object_unref);
  else
    g_task_return_error (task, g_steal_pointer (&error));
  g_object_unref (task); /* the running job's reference */
  pump_queue (self);
}

static void
helper_exited_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GTask) task = user_data;

  /* Without a cancellable, waiting only ends when the helper has exited. */
  g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL);
  job_step_done (task);
}

static void
answer_end_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GTask) task = user_data;
  Job *job = g_task_get_task_data (task);
  gssize n = g_input_stream_read_finish (G_INPUT_STREAM (object), result, NULL);

  if (n == 0)
    job->answer_complete = TRUE;
  else if (n > 0)
    job_fail_with_code (job, ESCALE_PHOTO_ERROR_HELPER); /* more than it announced */
  job_step_done (task);
}

static void
answer_pixels_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GTask) task = user_data;
  Job *job = g_task_get_task_data (task);
  gsize n = 0;

  /* A short read means the helper stopped: its exit status says why. */
  if (!g_input_stream_read_all_finish (G_INPUT_STREAM (object), result, &n, NULL) ||
      n != job->n_pixels)
    {
      job_step_done (task);
      return;
    }
  g_input_stream_read_async (job->from_helper, &job->extra, 1, G_PRIORITY_DEFAULT, job->io,
                             answer_end_cb, g_steal_pointer (&task));
}

static gboolean
header_is_sane (const EscalePhotoHeader *header, guint max_size)
{
  guint channels = header->has_alpha ? 4 : 3;

  return header->magic == ESCALE_PHOTO_MAGIC && header->width > 0 && header->height > 0 &&
         header->has_alpha <= 1 &&
         (guint64) header->width * header->height <= ESCALE_PHOTO_MAX_PIXELS &&
         (guint64) header->rowstride == (guint64) header->width * channels &&
         (max_size == 0 || MAX (header->width, header->height) <= max_size);
}

static void
answer_header_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GTask) task = user_data;
  Job *job = g_task_get_task_data (task);
  gsize n = 0;

  if (!g_input_stream_read_all_finish (G_INPUT_STREAM (object), result, &n, NULL) ||
      n != sizeof job->header)
    {
      job_step_done (task);
      return;
    }
  if (!header_is_sane (&job->header, job->max_size))
    {
      job_fail_with_code (job, ESCALE_PHOTO_ERROR_HELPER);
      job_step_done (task);
      return;
    }

  job->n_pixels = (gsize) job->header.rowstride * job->header.height;
  job->pixels = g_try_malloc (job->n_pixels);
  if (job->pixels == NULL)
    {
      job_fail_with_code (job, ESCALE_PHOTO_ERROR_TOO_LARGE);
      job_step_done (task);
      return;
    }
  g_input_stream_read_all_async (job->from_helper, job->pixels, job->n_pixels, G_PRIORITY_DEFAULT,
                                 job->io, answer_pixels_cb, g_steal_pointer (&task));
}

static void
chunk_written_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GTask) task = user_data;
  Job *job = g_task_get_task_data (task);

  g_clear_pointer (&job->chunk, g_bytes_unref);
  /* A helper that stopped reading (it refused the picture, or died) closes
   * the pipe: its exit status tells the rest. */
  if (!g_output_stream_write_all_finish (G_OUTPUT_STREAM (object), result, NULL, NULL))
    return;
  send_next_chunk (task);
}

static void
chunk_read_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GTask) task = user_data;
  Job *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gsize size;

  job->chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);
  if (job->chunk == NULL)
    {
      /* The medium went away, or a read error: the picture is lost. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        job_fail_with_code (job, ESCALE_PHOTO_ERROR_UNREADABLE);
      return;
    }

  size = g_bytes_get_size (job->chunk);
  if (size == 0)
    {
      g_clear_pointer (&job->chunk, g_bytes_unref);
      g_output_stream_close (job->to_helper, NULL, NULL);
      return;
    }
  job->sent += size;
  if (job->sent > ESCALE_PHOTO_MAX_INPUT_BYTES)
    {
      job_fail_with_code (job, ESCALE_PHOTO_ERROR_TOO_LARGE);
      return;
    }
  g_output_stream_write_all_async (job->to_helper, g_bytes_get_data (job->chunk, NULL), size,
                                   G_PRIORITY_DEFAULT, job->io, chunk_written_cb,
                                   g_steal_pointer (&task));
}

static void
send_next_chunk (GTask *task)
{
  Job *job = g_task_get_task_data (task);

  g_input_stream_read_bytes_async (job->source, CHUNK_BYTES, G_PRIORITY_DEFAULT, job->io,
                                   chunk_read_cb, g_object_ref (task));
}

static gboolean
timeout_cb (gpointer user_data)
{
  Job *job = g_task_get_task_data (G_TASK (user_data));

  job_fail_with_code (job, ESCALE_PHOTO_ERROR_TIMEOUT);
  return G_SOURCE_REMOVE;
}

static void add_arguments (GPtrArray *argv, const char *first, ...) G_GNUC_NULL_TERMINATED;

static void
add_arguments (GPtrArray *argv, const char *first, ...)
{
  va_list args;

  va_start (args, first);
  for (const char *arg = first; arg; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, g_strdup (arg));
  va_end (args);
}

static void
add_sandbox_arguments (EscalePhotoDecoder *self, GPtrArray *argv)
{
  static const char *const top[] = { "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32" };
  const char *module_file = g_getenv ("GDK_PIXBUF_MODULE_FILE");

  /* A namespace of each kind (network, IPC, PID, UTS, cgroup, user), a
   * nobody without capabilities who may make no more, killed with us. */
  add_arguments (argv, self->bwrap, "--unshare-all", "--unshare-user", "--disable-userns", "--uid",
                 "65534", "--gid", "65534", "--cap-drop", "ALL", "--die-with-parent",
                 "--new-session", NULL);
  /* Read only: the system's programs and libraries (gdk-pixbuf's loaders
   * and their cache are under /usr), nothing of /home, /media, /run, /tmp. */
  add_arguments (argv, "--ro-bind", "/usr", "/usr", "--ro-bind-try", "/etc/ld.so.cache",
                 "/etc/ld.so.cache", "--dev", "/dev", "--proc", "/proc", "--chdir", "/", NULL);
  /* Debian's merged /usr: /lib is a link to usr/lib, and so on. */
  for (gsize i = 0; i < G_N_ELEMENTS (top); i++)
    {
      g_autofree char *target = g_file_read_link (top[i], NULL);

      if (target)
        add_arguments (argv, "--symlink", target, top[i], NULL);
      else if (g_file_test (top[i], G_FILE_TEST_IS_DIR))
        add_arguments (argv, "--ro-bind", top[i], top[i], NULL);
    }
  if (module_file)
    add_arguments (argv, "--ro-bind-try", module_file, module_file, NULL);
  /* The helper itself, wherever it is (the build tree in tests). */
  add_arguments (argv, "--ro-bind", self->helper, self->helper, "--", NULL);
}

static GSubprocess *
spawn_helper (EscalePhotoDecoder *self, const char *argument, GSubprocessFlags flags,
              GError **error)
{
  static const char *const kept[] = {
    "GDK_PIXBUF_MODULE_FILE",
    "ASAN_OPTIONS",
    "UBSAN_OPTIONS",
    "LSAN_OPTIONS",
  };
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (flags);
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) env = g_strdupv ((char *[]){ "PATH=/usr/bin:/bin", "LC_ALL=C.UTF-8", NULL });

  /* Nothing of the kiosk's environment but what decoding needs. */
  for (gsize i = 0; i < G_N_ELEMENTS (kept); i++)
    if (g_getenv (kept[i]))
      env = g_environ_setenv (env, kept[i], g_getenv (kept[i]), TRUE);
  g_subprocess_launcher_set_environ (launcher, env);

  if (self->sandbox == SANDBOX_BWRAP || self->sandbox == SANDBOX_PROBING)
    add_sandbox_arguments (self, argv);
  add_arguments (argv, self->helper, argument, NULL);
  g_ptr_array_add (argv, NULL);
  return g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, error);
}

static void
job_run (GTask *task, GInputStream *source)
{
  EscalePhotoDecoder *self = g_task_get_source_object (task);
  Job *job = g_task_get_task_data (task);
  g_autofree char *max_size = g_strdup_printf ("%u", job->max_size);
  g_autoptr(GError) error = NULL;

  job->source = source;
  job->process = spawn_helper (self, max_size,
                               G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                 G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                               &error);
  if (job->process == NULL)
    {
      g_message ("The photo helper could not start: %s", error->message);
      job_fail_with_code (job, ESCALE_PHOTO_ERROR_HELPER);
      return;
    }
  job->to_helper = g_object_ref (g_subprocess_get_stdin_pipe (job->process));
  job->from_helper = g_object_ref (g_subprocess_get_stdout_pipe (job->process));
  job->timeout = g_timeout_source_new (self->timeout_ms);
  g_source_set_callback (job->timeout, timeout_cb, task, NULL);
  g_source_attach (job->timeout, g_main_context_get_thread_default ());

  job->pending += 2;
  g_subprocess_wait_async (job->process, NULL, helper_exited_cb, g_object_ref (task));
  g_input_stream_read_all_async (job->from_helper, &job->header, sizeof job->header,
                                 G_PRIORITY_DEFAULT, job->io, answer_header_cb,
                                 g_object_ref (task));
  send_next_chunk (task);
}

static void
file_opened_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GTask) task = user_data;
  Job *job = g_task_get_task_data (task);
  GFileInputStream *source = g_file_read_finish (G_FILE (object), result, NULL);

  if (source == NULL)
    job_fail_with_code (job, ESCALE_PHOTO_ERROR_UNREADABLE);
  else if (g_cancellable_is_cancelled (job->io))
    g_object_unref (source);
  else
    job_run (task, G_INPUT_STREAM (source));
  job_step_done (task);
}

static void
job_start (GTask *task)
{
  Job *job = g_task_get_task_data (task);

  job->started = TRUE;
  job->pending = 1;
  if (g_task_get_cancellable (task) && g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    job_fail (job, G_IO_ERROR, G_IO_ERROR_CANCELLED, _ ("Opération annulée"));
  g_file_read_async (job->file, G_PRIORITY_DEFAULT, job->io, file_opened_cb, g_object_ref (task));
}

static void
probe_done_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(EscalePhotoDecoder) self = user_data;
  GSubprocess *probe = G_SUBPROCESS (object);
  g_autofree char *err = NULL;
  static gsize told = 0;

  if (g_subprocess_communicate_utf8_finish (probe, result, NULL, &err, NULL) &&
      g_subprocess_get_successful (probe))
    self->sandbox = SANDBOX_BWRAP;
  else
    {
      self->sandbox = SANDBOX_NONE;
      if (g_once_init_enter (&told))
        {
          g_message ("bwrap does not work here (%s): photos are decoded with resource limits "
                     "only",
                     err ? g_strstrip (err) : "no answer");
          g_once_init_leave (&told, 1);
        }
    }
  pump_queue (self);
}

/* Runs the helper's --check in the sandbox once, before the first picture:
 * bwrap refuses to work in some containers, and then the helper runs with
 * its resource limits only. */
static void
probe_sandbox (EscalePhotoDecoder *self)
{
  g_autoptr(GSubprocess) probe = NULL;
  static gsize told = 0;

  if (self->bwrap == NULL)
    {
      self->sandbox = SANDBOX_NONE;
      if (g_once_init_enter (&told))
        {
          g_message ("bwrap is not installed: photos are decoded with resource limits only");
          g_once_init_leave (&told, 1);
        }
      return;
    }

  self->sandbox = SANDBOX_PROBING;
  probe = spawn_helper (self, "--check",
                        G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE, NULL);
  if (probe == NULL)
    {
      self->sandbox = SANDBOX_NONE;
      return;
    }
  g_subprocess_communicate_utf8_async (probe, NULL, NULL, probe_done_cb, g_object_ref (self));
}

static void
pump_queue (EscalePhotoDecoder *self)
{
  if (self->sandbox == SANDBOX_UNKNOWN)
    probe_sandbox (self);
  if (self->sandbox == SANDBOX_PROBING)
    return;
  while (self->n_running < MAX_RUNNING && !g_queue_is_empty (&self->waiting))
    {
      self->n_running++;
      job_start (g_queue_pop_head (&self->waiting)); /* its reference goes with it */
    }
}

static gboolean
cancelled_cb (GCancellable *cancellable, gpointer user_data)
{
  GTask *task = user_data;
  EscalePhotoDecoder *self = g_task_get_source_object (task);
  Job *job = g_task_get_task_data (task);

  if (job->started)
    {
      job_fail (job, G_IO_ERROR, G_IO_ERROR_CANCELLED, _ ("Opération annulée"));
      return G_SOURCE_REMOVE;
    }
  g_queue_remove (&self->waiting, task);
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, _ ("Opération annulée"));
  g_object_unref (task); /* the queue's reference; this source dies with it */
  return G_SOURCE_REMOVE;
}

void
escale_photo_decoder_decode_async (EscalePhotoDecoder *self, GFile *file, guint max_size,
                                   GCancellable *cancellable, GAsyncReadyCallback callback,
                                   gpointer user_data)
{
  GTask *task;
  Job *job;

  g_return_if_fail (ESCALE_IS_PHOTO_DECODER (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, escale_photo_decoder_decode_async);
  job = g_new0 (Job, 1);
  job->file = g_object_ref (file);
  job->max_size = max_size;
  job->io = g_cancellable_new ();
  g_task_set_task_data (task, job, job_free);

  if (cancellable)
    {
      job->cancel_source = g_cancellable_source_new (cancellable);
      g_source_set_callback (job->cancel_source, G_SOURCE_FUNC (cancelled_cb), task, NULL);
      g_source_attach (job->cancel_source, g_main_context_get_thread_default ());
    }
  g_queue_push_tail (&self->waiting, task);
  pump_queue (self);
}

GdkTexture *
escale_photo_decoder_decode_finish (EscalePhotoDecoder *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
escale_photo_decoder_finalize (GObject *object)
{
  EscalePhotoDecoder *self = ESCALE_PHOTO_DECODER (object);

  /* Every queued job holds a reference on us. */
  g_assert (g_queue_is_empty (&self->waiting));
  g_free (self->helper);
  g_free (self->bwrap);
  G_OBJECT_CLASS (escale_photo_decoder_parent_class)->finalize (object);
}

static void
escale_photo_decoder_class_init (EscalePhotoDecoderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = escale_photo_decoder_finalize;

  /* A helper that stops reading (it refused a bomb) must give us EPIPE, not
   * kill the kiosk. GSocket does the same when its class is made, and
   * GSubprocess does from GLib 2.82; Debian 12 has 2.74. */
  signal (SIGPIPE, SIG_IGN);
}

/* --- whether this machine can decode photos (escale --check-config) ---- */

static void
check_sandboxed_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GTask) task = user_data;
  gboolean sandboxed = g_subprocess_wait_check_finish (G_SUBPROCESS (object), result, NULL);

  g_task_return_int (task, sandboxed ? 1 : 0);
}

static void
check_plain_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GTask) task = user_data;
  EscalePhotoDecoder *self = g_task_get_source_object (task);
  g_autoptr(GSubprocess) sandboxed = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_subprocess_wait_check_finish (G_SUBPROCESS (object), result, &error))
    {
      g_task_return_new_error (task, ESCALE_PHOTO_ERROR, ESCALE_PHOTO_ERROR_HELPER,
                               _ ("le décodeur de photos %s ne fonctionne pas (%s) : aucune "
                                  "photo ne pourra s'afficher"),
                               self->helper, error->message);
      return;
    }
  if (self->bwrap == NULL)
    {
      g_task_return_int (task, 0);
      return;
    }
  {
    Sandbox was = self->sandbox;

    self->sandbox = SANDBOX_PROBING;
    sandboxed =
      spawn_helper (self, "--check",
                    G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, NULL);
    self->sandbox = was;
  }
  if (sandboxed == NULL)
    g_task_return_int (task, 0);
  else
    g_subprocess_wait_check_async (sandboxed, g_task_get_cancellable (task), check_sandboxed_cb,
                                   g_object_ref (task));
}

/* Runs the helper's own check (its loaders for JPEG, PNG, HEIC...) as it
 * is, then inside bwrap: whether photos can be shown here at all, and
 * whether they are decoded in the sandbox or with resource limits only. */
void
escale_photo_decoder_check_async (EscalePhotoDecoder *self, GCancellable *cancellable,
                                  GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GSubprocess) plain = NULL;
  g_autoptr(GError) error = NULL;

  g_task_set_source_tag (task, escale_photo_decoder_check_async);
  {
    Sandbox was = self->sandbox;

    self->sandbox = SANDBOX_NONE;
    plain = spawn_helper (self, "--check",
                          G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                          &error);
    self->sandbox = was;
  }
  if (plain == NULL)
    g_task_return_new_error (task, ESCALE_PHOTO_ERROR, ESCALE_PHOTO_ERROR_HELPER,
                             _ ("le décodeur de photos %s ne fonctionne pas (%s) : aucune "
                                "photo ne pourra s'afficher"),
                             self->helper, error->message);
  else
    g_subprocess_wait_check_async (plain, cancellable, check_plain_cb, g_steal_pointer (&task));
}

/* TRUE when photos can be decoded here; @sandboxed: inside bwrap. */
gboolean
escale_photo_decoder_check_finish (EscalePhotoDecoder *self, GAsyncResult *result,
                                   gboolean *sandboxed, GError **error)
{
  gssize answer;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  answer = g_task_propagate_int (G_TASK (result), error);
  if (sandboxed != NULL)
    *sandboxed = answer == 1;
  return answer >= 0;
}

static void
escale_photo_decoder_init (EscalePhotoDecoder *self)
{
  g_queue_init (&self->waiting);
  self->timeout_ms = DEFAULT_TIMEOUT_MS;
  self->bwrap = g_find_program_in_path ("bwrap");
}

EscalePhotoDecoder *
escale_photo_decoder_new (void)
{
  const char *helper = g_getenv ("ESCALE_PHOTO_HELPER");

  /* The variable is for tests and the uninstalled scripts/run-demo. */
  return _escale_photo_decoder_new_for_test (helper && *helper ? helper
                                                               : LIBEXECDIR "/escale-photo-helper",
                                             DEFAULT_TIMEOUT_MS);
}

EscalePhotoDecoder *
_escale_photo_decoder_new_for_test (const char *helper, guint timeout_ms)
{
  EscalePhotoDecoder *self = g_object_new (ESCALE_TYPE_PHOTO_DECODER, NULL);

  g_return_val_if_fail (helper != NULL && g_path_is_absolute (helper), self);
  self->helper = g_strdup (helper);
  self->timeout_ms = timeout_ms;
  return self;
}
