/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A private CUPS for print tests: a cupsd of its own (run as root) with
 * every folder and its socket in a temporary folder, never the machine's
 * cupsd, nothing but a unix socket. Its queues are PDF printers
 * (printer-driver-cups-pdf) whose PDFs land in the lab's folder. Set
 * CUPS_SERVER to print_lab_get_socket () before GTK loads its print
 * backend; the CUPS tools the lab runs find it through the same variable. */

typedef struct _PrintLab PrintLab;

PrintLab *print_lab_new (void);
const char *print_lab_get_socket (PrintLab *lab);
gboolean print_lab_is_running (PrintLab *lab);
void print_lab_start (PrintLab *lab);
void print_lab_add_queue (PrintLab *lab, const char *queue);
void print_lab_remove_queue (PrintLab *lab, const char *queue);
void print_lab_run (PrintLab *lab, const char *const *argv);
char *print_lab_run_output (PrintLab *lab, const char *const *argv);
char *print_lab_wait_for_pdf (PrintLab *lab, const char *queue);
guint print_lab_count_pdfs (PrintLab *lab, const char *queue);
char *print_lab_read_page_log (PrintLab *lab);
void print_lab_free (PrintLab *lab);
/* A log writer that prints GTK's "failed to contact colord" warning (no
 * system bus in tests) without making it fatal; every other message as
 * GLib's default writer does. */
GLogWriterOutput print_lab_log_writer_cb (GLogLevelFlags level, const GLogField *fields,
                                          gsize n_fields, gpointer data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PrintLab, print_lab_free)

G_END_DECLS
