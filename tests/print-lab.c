/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "print-lab.h"

/* cups-pdf (Debian's printer-driver-cups-pdf) reads its settings from
 * /etc/cups only, a path built into it: cups-pdf.conf for the device URI
 * cups-pdf:/, cups-pdf-NAME.conf for cups-pdf:/NAME. So each lab queue
 * gets a file of its own there, named after the lab, and the machine's
 * cups-pdf.conf is never touched; the lab removes its files when it ends. */
#define CUPS_PDF_CONF_DIR "/etc/cups"
#define CUPS_PDF_PPD "/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd"
#define WAIT_SECONDS 60

struct _PrintLab
{
  char *dir;
  char *socket;
  char *id;              /* names the lab's cups-pdf settings in /etc/cups */
  GSubprocess *cupsd;    /* NULL until started */
  GPtrArray *conf_files; /* the settings the lab wrote there */
};

/* cupsd in a process group of its own (the filters and backends it starts
 * go with it), killed if the test dies. */
static void
own_group_cb (gpointer data)
{
  setpgid (0, 0);
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

/* A lab that crashed left its cups-pdf settings behind: removes those of
 * labs whose process is gone. */
static void
remove_stale_settings (void)
{
  g_autoptr(GDir) dir = g_dir_open (CUPS_PDF_CONF_DIR, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      const char *pid = name + strlen ("cups-pdf-escale-lab-");
      g_autofree char *path = NULL;

      if (!g_str_has_prefix (name, "cups-pdf-escale-lab-"))
        continue;
      if (kill ((pid_t) g_ascii_strtoll (pid, NULL, 10), 0) == 0 || errno != ESRCH)
        continue;
      path = g_build_filename (CUPS_PDF_CONF_DIR, name, NULL);
      g_unlink (path);
    }
}

PrintLab *
print_lab_new (void)
{
  g_autoptr(GError) error = NULL;
  PrintLab *lab = g_new0 (PrintLab, 1);

  lab->dir = g_dir_make_tmp ("escale-print-lab-XXXXXX", &error);
  g_assert_no_error (error);
  /* cupsd's filters run as lp and must reach the spool inside. */
  g_assert_cmpint (g_chmod (lab->dir, 0755), ==, 0);
  lab->socket = g_build_filename (lab->dir, "cups.sock", NULL);
  lab->id = g_strdup_printf ("escale-lab-%d", (int) getpid ());
  lab->conf_files = g_ptr_array_new_with_free_func (g_free);
  remove_stale_settings ();
  return lab;
}

const char *
print_lab_get_socket (PrintLab *lab)
{
  return lab->socket;
}

gboolean
print_lab_is_running (PrintLab *lab)
{
  return lab->cupsd != NULL;
}

static void
write_file (const char *path, const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static char *
lab_path (PrintLab *lab, const char *name)
{
  return g_build_filename (lab->dir, name, NULL);
}

/* Runs a CUPS tool (it finds the lab through CUPS_SERVER); returns what it
 * printed, and fails the test if it failed. */
char *
print_lab_run_output (PrintLab *lab, const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("print lab: %s failed: %s%s", argv[0], out, err);
  return g_steal_pointer (&out);
}

void
print_lab_run (PrintLab *lab, const char *const *argv)
{
  g_free (print_lab_run_output (lab, argv));
}

static gboolean
scheduler_running (PrintLab *lab)
{
  const char *argv[] = { "lpstat", "-r", NULL };
  g_autofree char *out = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, NULL))
    return FALSE;
  return g_spawn_check_wait_status (status, NULL) && strstr (out, "is running") != NULL &&
         strstr (out, "not running") == NULL;
}

void
print_lab_start (PrintLab *lab)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *conf = lab_path (lab, "cupsd.conf");
  g_autofree char *files_conf = lab_path (lab, "cups-files.conf");
  g_autofree char *cupsd_conf = NULL;
  g_autofree char *cups_files = NULL;
  g_autofree char *log = lab_path (lab, "cupsd.log");
  gint64 deadline;
  const char *subdirs[] = { "etc", "spool", "spool/tmp", "run", "cache", "log", "out", NULL };

  g_assert_null (lab->cupsd);
  for (guint i = 0; subdirs[i] != NULL; i++)
    {
      g_autofree char *path = lab_path (lab, subdirs[i]);

      g_assert_cmpint (g_mkdir_with_parents (path, 0755), ==, 0);
    }

  /* A unix socket only, no browsing, no web interface, and every request
   * allowed: the only client is the test, as root. One job at a time per
   * queue: a queue holding a job refuses the next one when it arrives
   * (the way to make CUPS refuse root's jobs: root may print whatever a
   * queue's user list or policy says). The page log says which colour
   * mode each job asked for. */
  cupsd_conf = g_strdup_printf ("LogLevel info\n"
                                "Listen %s\n"
                                "Browsing No\n"
                                "WebInterface No\n"
                                "DefaultAuthType None\n"
                                "PageLogFormat %%p %%j %%{print-color-mode}\n"
                                "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
                                "MaxJobsPerPrinter 1\n"
                                "<Policy default>\n  <Limit All>\n    Order deny,allow\n"
                                "  </Limit>\n</Policy>\n",
                                lab->socket);
  cups_files = g_strdup_printf ("ServerRoot %1$s/etc\n"
                                "RequestRoot %1$s/spool\n"
                                "TempDir %1$s/spool/tmp\n"
                                "StateDir %1$s/run\n"
                                "CacheDir %1$s/cache\n"
                                "AccessLog %1$s/log/access_log\n"
                                "ErrorLog %1$s/log/error_log\n"
                                "PageLog %1$s/log/page_log\n",
                                lab->dir);
  write_file (conf, cupsd_conf);
  write_file (files_conf, cups_files);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_subprocess_launcher_set_stdout_file_path (launcher, log);
  g_subprocess_launcher_set_child_setup (launcher, own_group_cb, NULL, NULL);
  lab->cupsd = g_subprocess_launcher_spawn (launcher, &error, "cupsd", "-f", "-c", conf, "-s",
                                            files_conf, NULL);
  g_assert_no_error (error);

  deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
  while (!scheduler_running (lab))
    {
      /* GSubprocess notices an exit from the main context. */
      while (g_main_context_iteration (NULL, FALSE))
        ;
      if (g_get_monotonic_time () > deadline || g_subprocess_get_identifier (lab->cupsd) == NULL)
        g_error ("print lab: cupsd did not start (see %s)", log);
      g_usleep (50 * 1000);
    }
}

/* A PDF queue: its PDFs land in the lab's out/QUEUE. */
void
print_lab_add_queue (PrintLab *lab, const char *queue)
{
  g_autofree char *name = g_strdup_printf ("%s-%s", lab->id, queue);
  g_autofree char *conf = g_strdup_printf ("%s/cups-pdf-%s.conf", CUPS_PDF_CONF_DIR, name);
  g_autofree char *uri = g_strdup_printf ("cups-pdf:/%s", name);
  g_autofree char *settings = NULL;
  /* Poppler renders the PDF to PostScript for this PostScript queue, as
   * Debian's README for cups-pdf advises: the default, Ghostscript's
   * ps2write, turns any page with a transparency group (cairo gives every
   * page one) into a single 300 dpi picture, and the photo's own pixels
   * could not be seen in the PDF any more. */
  const char *argv[] = { "lpadmin",    "-p", queue,
                         "-v",         uri,  "-P",
                         CUPS_PDF_PPD, "-o", "pdftops-renderer-default=pdftocairo",
                         "-E",         NULL };

  settings = g_strdup_printf ("Out %1$s/out/%2$s\n"
                              "AnonDirName %1$s/out/%2$s\n"
                              "Spool %1$s/cups-pdf-spool\n"
                              "Log %1$s/log\n"
                              "Grp root\n",
                              lab->dir, queue);
  write_file (conf, settings);
  g_ptr_array_add (lab->conf_files, g_steal_pointer (&conf));
  print_lab_run (lab, argv);
}

void
print_lab_remove_queue (PrintLab *lab, const char *queue)
{
  const char *argv[] = { "lpadmin", "-x", queue, NULL };

  print_lab_run (lab, argv);
}

static GPtrArray *
list_pdfs (PrintLab *lab, const char *queue)
{
  g_autofree char *dir_path = g_build_filename (lab->dir, "out", queue, NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *pdfs = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".pdf"))
      g_ptr_array_add (pdfs, g_build_filename (dir_path, name, NULL));
  return pdfs;
}

guint
print_lab_count_pdfs (PrintLab *lab, const char *queue)
{
  g_autoptr(GPtrArray) pdfs = list_pdfs (lab, queue);

  return pdfs->len;
}

static gboolean
queue_is_empty (PrintLab *lab, const char *queue)
{
  const char *argv[] = { "lpstat", "-o", queue, NULL };
  g_autofree char *jobs = print_lab_run_output (lab, argv);

  return jobs[0] == '\0';
}

/* Waits until the queue has printed everything and one PDF is there. */
char *
print_lab_wait_for_pdf (PrintLab *lab, const char *queue)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  for (;;)
    {
      g_autoptr(GPtrArray) pdfs = list_pdfs (lab, queue);

      if (pdfs->len > 0 && queue_is_empty (lab, queue))
        {
          g_assert_cmpuint (pdfs->len, ==, 1);
          return g_strdup (pdfs->pdata[0]);
        }
      if (g_get_monotonic_time () > deadline)
        g_error ("print lab: no PDF from %s after %d s (see %s/log)", queue, WAIT_SECONDS,
                 lab->dir);
      g_usleep (100 * 1000);
    }
}

char *
print_lab_read_page_log (PrintLab *lab)
{
  g_autofree char *path = g_build_filename (lab->dir, "log", "page_log", NULL);
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return g_strdup ("");
  return contents;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileEnumerator) children =
               g_file_enumerate_children (file,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME
                                          "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  GFileInfo *info;

  while (children != NULL && g_file_enumerator_iterate (children, &info, NULL, NULL, NULL) &&
         info != NULL)
    {
      g_autofree char *child = g_build_filename (path, g_file_info_get_name (info), NULL);

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* Stops cupsd and everything it started, removes the lab's cups-pdf
 * settings from /etc/cups and the lab's folder. */
void
print_lab_free (PrintLab *lab)
{
  if (lab->cupsd != NULL)
    {
      const char *id = g_subprocess_get_identifier (lab->cupsd);

      if (id != NULL)
        kill (-(pid_t) g_ascii_strtoll (id, NULL, 10), SIGTERM);
      g_subprocess_wait (lab->cupsd, NULL, NULL);
      g_clear_object (&lab->cupsd);
    }
  for (guint i = 0; i < lab->conf_files->len; i++)
    g_unlink (lab->conf_files->pdata[i]);
  g_ptr_array_unref (lab->conf_files);
  /* PRINT_LAB_KEEP=1 keeps the folder (logs, spool, PDFs) for debugging. */
  if (g_getenv ("PRINT_LAB_KEEP") != NULL)
    g_printerr ("print lab: kept %s\n", lab->dir);
  else
    remove_tree (lab->dir);
  g_free (lab->dir);
  g_free (lab->socket);
  g_free (lab->id);
  g_free (lab);
}

/* GTK's CUPS backend asks colord (on the system bus, absent under
 * dbus-run-session) for colour profiles and warns when it cannot: not a
 * fault of the code under test, so that one warning is printed but not
 * fatal. Every other message goes to GLib's writer, fatal as before. */
GLogWriterOutput
print_lab_log_writer_cb (GLogLevelFlags level, const GLogField *fields, gsize n_fields,
                         gpointer data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0 &&
        g_str_has_prefix (fields[i].value, "failed to contact colord"))
      return g_log_writer_standard_streams (level, fields, n_fields, data);
  return g_log_writer_default (level, fields, n_fields, data);
}
