/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-demarches"

#include <glib/gi18n-lib.h>

#include "escale-document-output-chooser.h"
#include "escale-ui-util.h"

struct _EscaleDocumentOutputChooser
{
  GtkBox parent_instance;

  /* owned */
  EscaleDocumentOutput *output;
  EscaleDocument *document;
  GCancellable *cancellable;
  guint pages;

  /* widgets */
  GtkLabel *hint;
  GtkWidget *print_button;
  GtkWidget *save_button;
  GtkWidget *spinner;
  GtkLabel *status;
};

G_DEFINE_FINAL_TYPE (EscaleDocumentOutputChooser, escale_document_output_chooser, GTK_TYPE_BOX)

enum
{
  SIGNAL_DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_busy (EscaleDocumentOutputChooser *self, const char *status)
{
  gboolean busy = status != NULL;

  gtk_widget_set_visible (self->spinner, busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), busy);
  gtk_widget_set_sensitive (self->print_button,
                            !busy && escale_document_output_get_pages_left (self->output) > 0);
  gtk_widget_set_sensitive (self->save_button, !busy);
  if (busy)
    gtk_label_set_text (self->status, status);
  gtk_widget_remove_css_class (GTK_WIDGET (self->status), "output-problem");
}

static void
show_result (EscaleDocumentOutputChooser *self, const char *text, gboolean problem)
{
  set_busy (self, NULL);
  gtk_label_set_text (self->status, text);
  if (problem)
    gtk_widget_add_css_class (GTK_WIDGET (self->status), "output-problem");
}

static void
printed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(EscaleDocumentOutputChooser) self = user_data;
  g_autoptr(GError) error = NULL;
  guint pages = 0;

  if (!escale_document_output_print_finish (ESCALE_DOCUMENT_OUTPUT (source), result, &pages,
                                            &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_result (self, error->message, TRUE);
      return;
    }
  show_result (self,
               g_dngettext (GETTEXT_PACKAGE,
                            "C'est imprimé. Prenez votre feuille dans l'imprimante.",
                            "C'est imprimé. Prenez vos feuilles dans l'imprimante.", pages),
               FALSE);
  g_signal_emit (self, signals[SIGNAL_DONE], 0, TRUE);
}

static void
print_clicked_cb (EscaleDocumentOutputChooser *self)
{
  g_autofree char *status = NULL;

  status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Une page va sortir de l'imprimante…",
                                         "%u pages vont sortir de l'imprimante…", self->pages),
                            self->pages);
  set_busy (self, status);
  escale_document_output_print_async (self->output, self->document, self->cancellable, printed_cb,
                                      g_object_ref (self));
}

static void
saved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(EscaleDocumentOutputChooser) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  name = escale_document_output_save_finish (ESCALE_DOCUMENT_OUTPUT (source), result, &error);
  if (name == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_result (self, error->message, TRUE);
      return;
    }
  text = g_strdup_printf (_ ("C'est enregistré sur votre clé USB, sous le nom « %s »."), name);
  show_result (self, text, FALSE);
  g_signal_emit (self, signals[SIGNAL_DONE], 0, FALSE);
}

static void
save_clicked_cb (EscaleDocumentOutputChooser *self)
{
  set_busy (self, _ ("Le document s'enregistre sur votre clé… Ne la retirez pas."));
  escale_document_output_save_async (self->output, self->document, self->cancellable, saved_cb,
                                     g_object_ref (self));
}

static void
pages_left_cb (EscaleDocumentOutputChooser *self)
{
  if (!gtk_widget_get_visible (self->spinner))
    gtk_widget_set_sensitive (self->print_button,
                              escale_document_output_get_pages_left (self->output) > 0);
}

static void
escale_document_output_chooser_dispose (GObject *object)
{
  EscaleDocumentOutputChooser *self = ESCALE_DOCUMENT_OUTPUT_CHOOSER (object);

  g_cancellable_cancel (self->cancellable);
  if (self->output != NULL)
    g_signal_handlers_disconnect_by_data (self->output, self);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->output);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (escale_document_output_chooser_parent_class)->dispose (object);
}

static void
escale_document_output_chooser_class_init (EscaleDocumentOutputChooserClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = escale_document_output_chooser_dispose;

  signals[SIGNAL_DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                       NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

static void
escale_document_output_chooser_init (EscaleDocumentOutputChooser *self)
{
  self->cancellable = g_cancellable_new ();
}

static void
build (EscaleDocumentOutputChooser *self)
{
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_VERTICAL, 16);
  gboolean can_print = escale_document_output_get_print_allowed (self->output);
  GtkWidget *status_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 16);
  gtk_widget_add_css_class (GTK_WIDGET (self), "output-chooser");
  gtk_box_append (GTK_BOX (self),
                  escale_wrapped_label_new (_ ("Votre document est prêt."), "form-title"));
  self->hint = GTK_LABEL (escale_wrapped_label_new (
    can_print ? _ ("Touchez « Imprimer » pour l'avoir sur papier, ou « Enregistrer sur ma clé "
                   "USB » pour le garder. Rien n'est gardé sur cet ordinateur.")
              : _ ("Touchez « Enregistrer sur ma clé USB » pour le garder. Rien n'est gardé sur "
                   "cet ordinateur."),
    "form-help"));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->hint));

  /* One under the other: "Enregistrer sur ma clé USB" is long in large
   * text, and nothing may be cut at 1024x768. */
  gtk_widget_set_halign (buttons, GTK_ALIGN_START);
  self->print_button = escale_big_button_new (NULL, _ ("Imprimer"));
  gtk_widget_add_css_class (self->print_button, "suggested");
  gtk_widget_set_visible (self->print_button, can_print);
  g_signal_connect_swapped (self->print_button, "clicked", G_CALLBACK (print_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), self->print_button);
  self->save_button = escale_big_button_new (NULL, _ ("Enregistrer sur ma clé USB"));
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (save_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), self->save_button);
  gtk_box_append (GTK_BOX (self), buttons);

  self->spinner = gtk_spinner_new ();
  gtk_widget_set_size_request (self->spinner, 48, 48);
  gtk_widget_set_visible (self->spinner, FALSE);
  gtk_box_append (GTK_BOX (status_box), self->spinner);
  self->status = GTK_LABEL (escale_wrapped_label_new ("", "form-status"));
  gtk_widget_set_hexpand (GTK_WIDGET (self->status), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "", -1);
  gtk_box_append (GTK_BOX (status_box), GTK_WIDGET (self->status));
  gtk_box_append (GTK_BOX (self), status_box);
}

GtkWidget *
escale_document_output_chooser_new (EscaleDocumentOutput *output, EscaleDocument *document)
{
  EscaleDocumentOutputChooser *self;

  g_return_val_if_fail (ESCALE_IS_DOCUMENT_OUTPUT (output), NULL);
  g_return_val_if_fail (ESCALE_IS_DOCUMENT (document), NULL);

  self = g_object_new (ESCALE_TYPE_DOCUMENT_OUTPUT_CHOOSER, NULL);
  self->output = g_object_ref (output);
  self->document = g_object_ref (document);
  self->pages = escale_document_count_pages (document);
  build (self);
  set_busy (self, NULL);
  g_signal_connect_swapped (output, "notify::pages-left", G_CALLBACK (pages_left_cb), self);
  return GTK_WIDGET (self);
}

GtkButton *
escale_document_output_chooser_get_print_button (EscaleDocumentOutputChooser *self)
{
  g_return_val_if_fail (ESCALE_IS_DOCUMENT_OUTPUT_CHOOSER (self), NULL);
  return GTK_BUTTON (self->print_button);
}

GtkButton *
escale_document_output_chooser_get_save_button (EscaleDocumentOutputChooser *self)
{
  g_return_val_if_fail (ESCALE_IS_DOCUMENT_OUTPUT_CHOOSER (self), NULL);
  return GTK_BUTTON (self->save_button);
}

const char *
escale_document_output_chooser_get_status (EscaleDocumentOutputChooser *self)
{
  g_return_val_if_fail (ESCALE_IS_DOCUMENT_OUTPUT_CHOOSER (self), NULL);
  return gtk_label_get_text (self->status);
}

gboolean
escale_document_output_chooser_get_busy (EscaleDocumentOutputChooser *self)
{
  g_return_val_if_fail (ESCALE_IS_DOCUMENT_OUTPUT_CHOOSER (self), FALSE);
  return gtk_widget_get_visible (self->spinner);
}
