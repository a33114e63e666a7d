/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-demarches"

#include <glib/gi18n.h>

#include "escale-demarches-kind.h"
#include "escale-demarches-view-private.h"
#include "escale-form-definition.h"
#include "escale-form-flow.h"
#include "escale-scan-page.h"
#include "escale-ui-util.h"

/* The "other things" of the home's bottom row that are not procedures:
 * "Scanner un document" (escale-scan-page.c) and "Remplir un formulaire"
 * (escale-form-*.c), each a page of its own under the view's "Retour"
 * bar (_escale_demarches_view_add_tool ()). */

static void
scan_finished_cb (EscaleDemarchesView *self)
{
  escale_demarches_view_show_home (self);
}

/* A scan made from the home belongs to no procedure: "autre". The PDF
 * waits in the visit's documents/ folder for a site's chooser. */
static GtkWidget *
make_scan_page (EscaleDemarchesView *self, gpointer user_data)
{
  g_autofree char *device = escale_demarches_kind_get_scanner (self->activity);
  GtkWidget *page = escale_scan_page_new (self->visit, device, NULL);

  g_signal_connect_object (page, "done", G_CALLBACK (scan_finished_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "cancelled", G_CALLBACK (scan_finished_cb), self,
                           G_CONNECT_SWAPPED);
  return page;
}

/* "Remplir un formulaire": the list of the centre's forms, then the one
 * touched, one question a screen (escale-form-flow.c). The keypad needs
 * the width: the guide panel steps aside while a form is filled. */
typedef struct
{
  EscaleDemarchesView *view; /* weak: the tool lives as long as the view */
  GtkWidget *box;            /* the list or the form, weak */
} FormsPage;

static void show_forms_list (FormsPage *page);

static void
form_left_cb (FormsPage *page)
{
  escale_activity_view_set_presenting (ESCALE_ACTIVITY_VIEW (page->view), FALSE);
  show_forms_list (page);
}

static void
form_clicked_cb (GtkWidget *button, FormsPage *page)
{
  EscaleFormDefinition *form = g_object_get_data (G_OBJECT (button), "form");
  GtkWidget *flow = escale_form_flow_new (form, page->view->visit, page->view->output);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (page->box)) != NULL)
    gtk_box_remove (GTK_BOX (page->box), child);
  g_signal_connect_swapped (flow, "finished", G_CALLBACK (form_left_cb), page);
  g_signal_connect_swapped (flow, "cancelled", G_CALLBACK (form_left_cb), page);
  gtk_widget_set_vexpand (flow, TRUE);
  gtk_box_append (GTK_BOX (page->box), flow);
  escale_activity_view_set_presenting (ESCALE_ACTIVITY_VIEW (page->view), TRUE);
}

static void
show_forms_list (FormsPage *page)
{
  GPtrArray *forms = g_object_get_data (G_OBJECT (page->box), "forms");
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (page->box)) != NULL)
    gtk_box_remove (GTK_BOX (page->box), child);
  gtk_box_append (GTK_BOX (page->box),
                  escale_wrapped_label_new (_ ("Quel formulaire voulez-vous remplir ?"),
                                            "demarches-heading"));
  gtk_grid_set_row_spacing (GTK_GRID (grid), 16);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 16);
  gtk_grid_set_row_homogeneous (GTK_GRID (grid), TRUE);
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  for (guint i = 0; i < forms->len; i++)
    {
      EscaleFormDefinition *form = forms->pdata[i];
      GtkWidget *button = _escale_demarches_button_new (escale_form_definition_get_title (form),
                                                        "demarches-procedure");

      g_object_set_data (G_OBJECT (button), "form", form);
      g_signal_connect (button, "clicked", G_CALLBACK (form_clicked_cb), page);
      gtk_grid_attach (GTK_GRID (grid), button, (int) (i % 2), (int) (i / 2), 1, 1);
    }
  gtk_box_append (GTK_BOX (page->box), grid);
}

static GtkWidget *
make_forms_page (EscaleDemarchesView *self, gpointer user_data)
{
  FormsPage *page = g_new0 (FormsPage, 1);

  page->view = self;
  page->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 16);
  g_object_set_data_full (G_OBJECT (page->box), "forms", g_ptr_array_ref (user_data),
                          (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data_full (G_OBJECT (page->box), "page", page, g_free);
  show_forms_list (page);
  return page->box;
}

/* The centre's forms; problems were told by --check-config and at start. */
static GPtrArray *
load_forms (EscaleDemarchesView *self)
{
  g_autofree char *dir = escale_demarches_kind_get_forms_dir (self->activity);
  g_autoptr(GPtrArray) ignored =
               g_ptr_array_new_with_free_func ((GDestroyNotify) escale_config_problem_free);

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    return g_ptr_array_new_with_free_func (g_object_unref);
  return escale_form_definitions_load_dir (dir, NULL, ignored);
}

void
_escale_demarches_view_add_tools (EscaleDemarchesView *self)
{
  g_autoptr(GPtrArray) forms = NULL;

  /* Everything typed or scanned lives in the visit (its memory, its
   * scratch folder): no visit (a view shown outside a visit), no tools. */
  if (self->visit == NULL)
    return;
  forms = load_forms (self);
  if (forms->len > 0)
    _escale_demarches_view_add_tool (self, _ ("Remplir un formulaire"), "forms", make_forms_page,
                                     g_ptr_array_ref (forms), (GDestroyNotify) g_ptr_array_unref);
  _escale_demarches_view_add_tool (self, _ ("Scanner un document"), "scanner", make_scan_page,
                                   NULL, NULL);
}
