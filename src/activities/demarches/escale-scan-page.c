/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-scanner"

#include <glib/gi18n.h>

#include "escale-demarches-kind.h"
#include "escale-scan-page.h"
#include "escale-scan-pdf.h"
#include "escale-scanner.h"
#include "escale-ui-util.h"
#include "escale-visit-documents.h"

struct _EscaleScanPage
{
  GtkWidget parent_instance;

  /* children */
  GtkStack *stack;
  GtkLabel *choose_title;
  GtkWidget *finish_button; /* on the choose screen once a page is kept */
  GtkProgressBar *progress;
  GtkLabel *scanning_label;
  GtkPicture *result;
  GtkLabel *result_title;
  GtkLabel *message;

  /* owned */
  EscaleVisit *visit;
  EscaleScanner *scanner;
  GCancellable *cancellable;
  GPtrArray *pages; /* of EscaleScanImage: kept, and the one shown */
  char *category;
  char *wiper_name;
};

enum
{
  SIGNAL_DONE,
  SIGNAL_CANCELLED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (EscaleScanPage, escale_scan_page, GTK_TYPE_WIDGET)

static void show_choose (EscaleScanPage *self);

/* --- the scan ---------------------------------------------------------- */

static void
progress_cb (EscaleScanPage *self)
{
  double progress = escale_scanner_get_progress (self->scanner);

  if (progress < 0)
    gtk_progress_bar_pulse (self->progress);
  else
    gtk_progress_bar_set_fraction (self->progress, progress);
}

static void
show_message (EscaleScanPage *self, const char *text)
{
  gtk_label_set_text (self->message, text);
  gtk_stack_set_visible_child_name (self->stack, "message");
}

static void
show_result (EscaleScanPage *self)
{
  const EscaleScanImage *image = g_ptr_array_index (self->pages, self->pages->len - 1);
  g_autoptr(GdkPixbuf) pixbuf = escale_scan_image_to_pixbuf (image);
  g_autoptr(GdkTexture) texture = gdk_texture_new_for_pixbuf (pixbuf);
  g_autofree char *title = NULL;

  gtk_picture_set_paintable (self->result, GDK_PAINTABLE (texture));
  if (self->pages->len == 1)
    title = g_strdup (_ ("Voici votre page. Est-elle bien lisible ?"));
  else
    title = g_strdup_printf (_ ("Voici la page %u. Est-elle bien lisible ?"), self->pages->len);
  gtk_label_set_text (self->result_title, title);
  gtk_stack_set_visible_child_name (self->stack, "result");
}

static void
scan_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(EscaleScanPage) self = user_data;
  g_autoptr(GError) error = NULL;
  EscaleScanImage *image = escale_scanner_scan_finish (ESCALE_SCANNER (source), result, &error);

  g_clear_object (&self->cancellable);
  if (self->pages == NULL) /* wiped or disposed meanwhile */
    {
      g_clear_pointer (&image, escale_scan_image_free);
      return;
    }
  if (image != NULL)
    {
      g_ptr_array_add (self->pages, image);
      show_result (self);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_choose (self);
  else
    show_message (self, error->message);
}

static void
start_scan (EscaleScanPage *self, EscaleScanPreset preset)
{
  if (self->cancellable != NULL)
    return;
  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress, 0);
  gtk_label_set_text (self->scanning_label, preset == ESCALE_SCAN_PRESET_PHOTO
                                              ? _ ("Le scanner lit votre photo…")
                                              : _ ("Le scanner lit votre document…"));
  gtk_stack_set_visible_child_name (self->stack, "scanning");
  escale_scanner_scan_async (self->scanner, preset, self->cancellable, scan_done_cb,
                             g_object_ref (self));
}

static void
document_clicked_cb (EscaleScanPage *self)
{
  start_scan (self, ESCALE_SCAN_PRESET_DOCUMENT);
}

static void
photo_clicked_cb (EscaleScanPage *self)
{
  start_scan (self, ESCALE_SCAN_PRESET_PHOTO);
}

static void
stop_clicked_cb (EscaleScanPage *self)
{
  g_cancellable_cancel (self->cancellable);
}

/* --- the result -------------------------------------------------------- */

static void
again_clicked_cb (EscaleScanPage *self)
{
  g_ptr_array_remove_index (self->pages, self->pages->len - 1);
  show_choose (self);
}

static void
add_page_clicked_cb (EscaleScanPage *self)
{
  show_choose (self);
}

/* Writes the pages as one PDF in documents/ and hands it over. */
static void
finish (EscaleScanPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = escale_visit_documents_dir (self->visit, &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;

  if (dir != NULL)
    {
      path = escale_scan_pdf_new_path (dir);
      if (!escale_scan_pdf_write (self->pages, path, &error))
        g_clear_pointer (&path, g_free);
    }
  if (path == NULL)
    {
      /* No file name nor path in the log: only why. */
      g_warning ("A scanned document could not be written: %s", error->message);
      show_message (self, _ ("Votre document n'a pas pu être enregistré. Demandez de l'aide à "
                             "l'accueil."));
      return;
    }
  escale_demarches_count (self->visit, "pages-scanned", self->category, self->pages->len);
  g_ptr_array_set_size (self->pages, 0);
  gtk_picture_set_paintable (self->result, NULL);
  file = g_file_new_for_path (path);
  show_choose (self);
  g_signal_emit (self, signals[SIGNAL_DONE], 0, file);
}

static void
finish_clicked_cb (EscaleScanPage *self)
{
  if (self->pages->len > 0)
    finish (self);
}

static void
cancel_clicked_cb (EscaleScanPage *self)
{
  g_cancellable_cancel (self->cancellable);
  g_ptr_array_set_size (self->pages, 0);
  gtk_picture_set_paintable (self->result, NULL);
  show_choose (self);
  g_signal_emit (self, signals[SIGNAL_CANCELLED], 0);
}

static void
show_choose (EscaleScanPage *self)
{
  g_autofree char *title = NULL;

  if (self->pages->len == 0)
    title = g_strdup (_ ("Posez votre feuille sur la vitre du scanner, face écrite vers le bas. "
                         "Puis touchez un bouton."));
  else
    title = g_strdup_printf (
      g_dngettext (NULL, "Vous avez %u page. Posez la suivante, puis touchez un bouton.",
                   "Vous avez %u pages. Posez la suivante, puis touchez un bouton.",
                   self->pages->len),
      self->pages->len);
  gtk_label_set_text (self->choose_title, title);
  gtk_widget_set_visible (self->finish_button, self->pages->len > 0);
  gtk_stack_set_visible_child_name (self->stack, "choose");
}

/* --- the wiper --------------------------------------------------------- */

/* Run at the visit's reset even when the page is still there: no page
 * stays in memory, no scan goes on for the next person. */
static gboolean
wipe_cb (gpointer user_data, GError **error)
{
  EscaleScanPage *self = user_data;

  g_cancellable_cancel (self->cancellable);
  g_ptr_array_set_size (self->pages, 0);
  gtk_picture_set_paintable (self->result, NULL);
  return TRUE;
}

/* --- construction ------------------------------------------------------ */

static GtkWidget *
screen_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);

  gtk_widget_add_css_class (box, "scan-screen");
  return box;
}

static GtkWidget *
button_row_new (void)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);

  gtk_box_set_homogeneous (GTK_BOX (row), TRUE);
  gtk_widget_set_halign (row, GTK_ALIGN_CENTER);
  return row;
}

static GtkWidget *
add_button (EscaleScanPage *self, GtkWidget *row, const char *icon, const char *label,
            GCallback callback)
{
  GtkWidget *button = escale_big_button_new (icon, label);

  gtk_widget_add_css_class (button, "scan-button");
  g_signal_connect_swapped (button, "clicked", callback, self);
  gtk_box_append (GTK_BOX (row), button);
  return button;
}

/* The two presets one above the other: side by side they would not fit at
 * 1024x768 with the largest text. */
static GtkWidget *
build_choose (EscaleScanPage *self)
{
  GtkWidget *box = screen_new ();
  GtkWidget *presets = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *others = button_row_new ();
  GtkWidget *document;

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_set_homogeneous (GTK_BOX (presets), TRUE);
  gtk_widget_set_halign (presets, GTK_ALIGN_CENTER);
  self->choose_title = GTK_LABEL (escale_centred_label_new (NULL, "scan-title"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->choose_title));
  document = add_button (self, presets, "x-office-document", _ ("Scanner un document"),
                         G_CALLBACK (document_clicked_cb));
  gtk_widget_add_css_class (document, "suggested-action");
  add_button (self, presets, "image-x-generic", _ ("Scanner une photo"),
              G_CALLBACK (photo_clicked_cb));
  gtk_box_append (GTK_BOX (box), presets);
  self->finish_button = add_button (self, others, "object-select", _ ("J'ai toutes mes pages"),
                                    G_CALLBACK (finish_clicked_cb));
  add_button (self, others, "edit-undo", _ ("Annuler"), G_CALLBACK (cancel_clicked_cb));
  gtk_box_append (GTK_BOX (box), others);
  return box;
}

static GtkWidget *
build_scanning (EscaleScanPage *self)
{
  GtkWidget *box = screen_new ();
  GtkWidget *row = button_row_new ();

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  self->scanning_label = GTK_LABEL (escale_centred_label_new (NULL, "scan-title"));
  self->progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->progress), "scan-progress");
  gtk_progress_bar_set_pulse_step (self->progress, 0.05);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->scanning_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->progress));
  gtk_box_append (GTK_BOX (box),
                  escale_centred_label_new (_ ("Ne soulevez pas le capot pendant la lecture."),
                                            "message-text"));
  add_button (self, row, "process-stop", _ ("Arrêter"), G_CALLBACK (stop_clicked_cb));
  gtk_box_append (GTK_BOX (box), row);
  return box;
}

/* The page large on the left, the three choices in a column on the right,
 * so nothing is cut off at 1024x768 with the largest text. */
static GtkWidget *
build_result (EscaleScanPage *self)
{
  GtkWidget *box = screen_new ();
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *ok;

  self->result_title = GTK_LABEL (escale_centred_label_new (NULL, "scan-title"));
  self->result = GTK_PICTURE (gtk_picture_new ());
  gtk_picture_set_can_shrink (self->result, TRUE);
  gtk_picture_set_alternative_text (self->result, _ ("La page scannée"));
  gtk_widget_add_css_class (GTK_WIDGET (self->result), "scan-result");
  gtk_widget_set_hexpand (GTK_WIDGET (self->result), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->result), TRUE);
  gtk_box_set_homogeneous (GTK_BOX (column), TRUE);
  gtk_widget_set_valign (column, GTK_ALIGN_CENTER);
  ok = add_button (self, column, "object-select", _ ("C'est bon"), G_CALLBACK (finish_clicked_cb));
  gtk_widget_add_css_class (ok, "suggested-action");
  add_button (self, column, "list-add", _ ("Ajouter une page"), G_CALLBACK (add_page_clicked_cb));
  add_button (self, column, "view-refresh", _ ("Recommencer"), G_CALLBACK (again_clicked_cb));
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->result));
  gtk_box_append (GTK_BOX (row), column);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->result_title));
  gtk_box_append (GTK_BOX (box), row);
  return box;
}

static void
back_clicked_cb (EscaleScanPage *self)
{
  show_choose (self);
}

static GtkWidget *
build_message (EscaleScanPage *self)
{
  GtkWidget *box = screen_new ();
  GtkWidget *row = button_row_new ();

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  self->message = GTK_LABEL (escale_centred_label_new (NULL, "scan-title"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->message));
  add_button (self, row, "go-previous", _ ("Retour"), G_CALLBACK (back_clicked_cb));
  gtk_box_append (GTK_BOX (box), row);
  return box;
}

static void
escale_scan_page_dispose (GObject *object)
{
  EscaleScanPage *self = ESCALE_SCAN_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->wiper_name != NULL)
    escale_visit_remove_wiper (self->visit, self->wiper_name);
  g_clear_pointer (&self->wiper_name, g_free);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  if (self->stack != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->stack));
  self->stack = NULL;
  if (self->scanner != NULL)
    g_signal_handlers_disconnect_by_data (self->scanner, self);
  g_clear_object (&self->scanner);
  g_clear_object (&self->visit);
  G_OBJECT_CLASS (escale_scan_page_parent_class)->dispose (object);
}

static void
escale_scan_page_finalize (GObject *object)
{
  g_free (ESCALE_SCAN_PAGE (object)->category);
  G_OBJECT_CLASS (escale_scan_page_parent_class)->finalize (object);
}

static void
escale_scan_page_class_init (EscaleScanPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = escale_scan_page_dispose;
  object_class->finalize = escale_scan_page_finalize;

  signals[SIGNAL_DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                       NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);
  signals[SIGNAL_CANCELLED] = g_signal_new ("cancelled", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                            0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "escalescanpage");
}

static void
escale_scan_page_init (EscaleScanPage *self)
{
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) escale_scan_image_free);
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, build_choose (self), "choose");
  gtk_stack_add_named (self->stack, build_scanning (self), "scanning");
  gtk_stack_add_named (self->stack, build_result (self), "result");
  gtk_stack_add_named (self->stack, build_message (self), "message");
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));
  show_choose (self);
}

GtkWidget *
escale_scan_page_new (EscaleVisit *visit, const char *device, const char *category)
{
  EscaleScanPage *self;

  g_return_val_if_fail (ESCALE_IS_VISIT (visit), NULL);
  self = g_object_new (ESCALE_TYPE_SCAN_PAGE, NULL);
  self->visit = g_object_ref (visit);
  self->category = g_strdup (category);
  self->scanner = escale_scanner_new (device);
  g_signal_connect_swapped (self->scanner, "notify::progress", G_CALLBACK (progress_cb), self);
  self->wiper_name = g_strdup ("scan");
  escale_visit_add_wiper (visit, self->wiper_name, wipe_cb, self, NULL);
  return GTK_WIDGET (self);
}

guint
escale_scan_page_get_n_pages (EscaleScanPage *self)
{
  g_return_val_if_fail (ESCALE_IS_SCAN_PAGE (self), 0);
  return self->pages->len;
}
