/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-shell"

#include <glib/gi18n.h>

#include "escale-demarches-kind.h"
#include "escale-demarches-view-private.h"
#include "escale-document-output-chooser.h"
#include "escale-qr.h"
#include "escale-ui-util.h"

/* The screens of "Mes démarches" (see escale-demarches-view.c). */

#define BUTTONS_PER_SCREEN 6

/* A big button whose words wrap, so that rows of them fit at 1024 px with
 * the text twice larger. */
GtkWidget *
_escale_demarches_button_new (const char *text, const char *css_class)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_add_css_class (button, "big-button");
  if (css_class != NULL)
    gtk_widget_add_css_class (button, css_class);
  gtk_widget_set_hexpand (button, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
  return button;
}

static GtkWidget *
homogeneous_grid_new (void)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_row_spacing (GTK_GRID (grid), 16);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 16);
  gtk_grid_set_row_homogeneous (GTK_GRID (grid), TRUE);
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  gtk_widget_set_vexpand (grid, TRUE);
  return grid;
}

static gboolean
need_has_procedures (EscaleDemarchesView *self, const char *need)
{
  for (guint i = 0; i < self->procedures->len; i++)
    if (g_str_equal (escale_procedure_get_need (self->procedures->pdata[i]), need))
      return TRUE;
  return FALSE;
}

/* --- home -------------------------------------------------------------- */

static void
need_clicked_cb (GtkButton *button, EscaleDemarchesView *self)
{
  escale_demarches_view_open_need (self, g_object_get_data (G_OBJECT (button), "need"));
}

static void
booking_clicked_cb (EscaleDemarchesView *self)
{
  escale_demarches_view_show_booking (self);
}

/* The needs that have procedures (six at most, the six), then the
 * row of other things. */
GtkWidget *
_escale_demarches_home_new (EscaleDemarchesView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 16);
  const char *const *needs = escale_procedure_need_ids ();
  GtkWidget *booking;
  guint shown = 0;

  gtk_box_append (GTK_BOX (box),
                  escale_wrapped_label_new (_ ("Que voulez-vous faire ?"), "demarches-heading"));
  self->needs_grid = homogeneous_grid_new ();
  for (guint i = 0; needs[i] != NULL && shown < BUTTONS_PER_SCREEN; i++)
    {
      GtkWidget *button;

      if (!need_has_procedures (self, needs[i]))
        continue;
      button =
        _escale_demarches_button_new (escale_procedure_need_label (needs[i]), "demarches-need");
      g_object_set_data (G_OBJECT (button), "need", (gpointer) needs[i]);
      g_signal_connect (button, "clicked", G_CALLBACK (need_clicked_cb), self);
      gtk_grid_attach (GTK_GRID (self->needs_grid), button, (int) (shown % 3), (int) (shown / 3),
                       1, 1);
      shown++;
    }
  if (shown == 0)
    gtk_box_append (GTK_BOX (box),
                    escale_wrapped_label_new (_ ("Les démarches guidées ne sont pas disponibles "
                                                 "pour le moment. Le conseiller peut vous aider."),
                                              "demarches-text"));
  gtk_box_append (GTK_BOX (box), self->needs_grid);

  /* A row of equal buttons that goes onto two lines when the words are too
   * wide (1024 px with A+ twice). */
  self->tools_row = gtk_flow_box_new ();
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (self->tools_row), TRUE);
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->tools_row), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->tools_row), 3);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->tools_row), 16);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (self->tools_row), 16);
  gtk_widget_add_css_class (self->tools_row, "demarches-tools");
  booking = _escale_demarches_button_new (_ ("Prendre rendez-vous avec le conseiller"), NULL);
  g_signal_connect_swapped (booking, "clicked", G_CALLBACK (booking_clicked_cb), self);
  gtk_flow_box_append (GTK_FLOW_BOX (self->tools_row), booking);
  gtk_box_append (GTK_BOX (box), self->tools_row);
  return box;
}

/* --- one need's procedures --------------------------------------------- */

static void
procedure_clicked_cb (GtkButton *button, EscaleDemarchesView *self)
{
  escale_demarches_view_open_procedure (self, g_object_get_data (G_OBJECT (button), "id"));
}

static guint
n_need_procedures (EscaleDemarchesView *self)
{
  guint n = 0;

  for (guint i = 0; i < self->procedures->len; i++)
    n += g_strcmp0 (escale_procedure_get_need (self->procedures->pdata[i]), self->need) == 0;
  return n;
}

/* The procedures of the need chosen, six a screen; "Autres démarches"
 * shows the next six, then the first again. */
void
_escale_demarches_fill_need (EscaleDemarchesView *self)
{
  GtkWidget *child;
  guint index = 0;
  guint first = self->need_page * BUTTONS_PER_SCREEN;

  gtk_label_set_text (GTK_LABEL (self->need_title),
                      self->need ? escale_procedure_need_label (self->need) : "");
  while ((child = gtk_widget_get_first_child (self->need_grid)) != NULL)
    gtk_grid_remove (GTK_GRID (self->need_grid), child);
  for (guint i = 0; i < self->procedures->len; i++)
    {
      EscaleProcedure *procedure = self->procedures->pdata[i];
      GtkWidget *button;
      guint at;

      if (g_strcmp0 (escale_procedure_get_need (procedure), self->need) != 0)
        continue;
      at = index++;
      if (at < first || at >= first + BUTTONS_PER_SCREEN)
        continue;
      button = _escale_demarches_button_new (escale_procedure_get_title (procedure),
                                             "demarches-procedure");
      g_object_set_data_full (G_OBJECT (button), "id",
                              g_strdup (escale_procedure_get_id (procedure)), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (procedure_clicked_cb), self);
      gtk_grid_attach (GTK_GRID (self->need_grid), button, (int) ((at - first) % 2),
                       (int) ((at - first) / 2), 1, 1);
    }
  gtk_widget_set_visible (self->need_more, index > BUTTONS_PER_SCREEN);
}

static void
need_more_cb (EscaleDemarchesView *self)
{
  guint pages = (n_need_procedures (self) + BUTTONS_PER_SCREEN - 1) / BUTTONS_PER_SCREEN;

  self->need_page = (self->need_page + 1) % MAX (pages, 1);
  _escale_demarches_fill_need (self);
}

static void
home_cb (EscaleDemarchesView *self)
{
  escale_demarches_view_show_home (self);
}

/* "Retour" and the screen's title, on one line. */
static GtkWidget *
header_new (EscaleDemarchesView *self, const char *back_label, GCallback back, GtkWidget *title)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *button = escale_big_button_new ("escale-back-symbolic", back_label);

  g_signal_connect_swapped (button, "clicked", back, self);
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_box_append (GTK_BOX (header), button);
  gtk_box_append (GTK_BOX (header), title);
  return header;
}

GtkWidget *
_escale_demarches_need_new (EscaleDemarchesView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 16);

  self->need_title = escale_wrapped_label_new ("", "demarches-heading");
  gtk_box_append (GTK_BOX (box),
                  header_new (self, _ ("Retour"), G_CALLBACK (home_cb), self->need_title));
  self->need_grid = homogeneous_grid_new ();
  gtk_box_append (GTK_BOX (box), self->need_grid);
  self->need_more = _escale_demarches_button_new (_ ("Autres démarches"), NULL);
  g_signal_connect_swapped (self->need_more, "clicked", G_CALLBACK (need_more_cb), self);
  gtk_box_append (GTK_BOX (box), self->need_more);
  return box;
}

/* --- one procedure ----------------------------------------------------- */

static void
add_heading (GtkWidget *column, const char *text)
{
  gtk_box_append (GTK_BOX (column), escale_wrapped_label_new (text, "demarches-section"));
}

static void
add_items (GtkWidget *column, const char *const *items, const char *mark, const char *css_class)
{
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autofree char *text = g_strdup_printf ("%s %s", mark, items[i]);

      gtk_box_append (GTK_BOX (column), escale_wrapped_label_new (text, css_class));
    }
}

static GtkWidget *
step_row_new (const EscaleProcedureStep *step, guint number)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
  g_autofree char *text = g_strdup_printf ("%u. %s", number, step->text);
  GtkWidget *label = escale_wrapped_label_new (text, "demarches-step");

  gtk_widget_add_css_class (row, "demarches-step-row");
  if (step->picture != NULL)
    {
      GtkWidget *picture = gtk_picture_new_for_filename (step->picture);

      gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
      gtk_widget_set_size_request (picture, 200, 150);
      gtk_widget_set_valign (picture, GTK_ALIGN_START);
      gtk_widget_add_css_class (picture, "demarches-picture");
      gtk_accessible_update_state (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                                   -1);
      gtk_box_append (GTK_BOX (row), picture);
    }
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (row), label);
  return row;
}

static GtkWidget *
procedure_column_new (EscaleProcedure *procedure)
{
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  const char *purpose = escale_procedure_get_purpose (procedure);

  gtk_widget_add_css_class (column, "demarches-column");
  if (purpose != NULL)
    gtk_box_append (GTK_BOX (column), escale_wrapped_label_new (purpose, "demarches-text"));
  if (escale_procedure_get_bring (procedure)[0] != NULL)
    {
      add_heading (column, _ ("Ce qu'il vous faut"));
      add_items (column, escale_procedure_get_bring (procedure), "☐", "demarches-text");
    }
  add_heading (column, _ ("Les étapes"));
  for (guint i = 0; i < escale_procedure_get_n_steps (procedure); i++)
    gtk_box_append (GTK_BOX (column),
                    step_row_new (escale_procedure_get_step (procedure, i), i + 1));
  if (escale_procedure_get_pitfalls (procedure)[0] != NULL)
    {
      add_heading (column, _ ("Attention"));
      add_items (column, escale_procedure_get_pitfalls (procedure), "⚠", "demarches-pitfall");
    }
  if (escale_procedure_get_ask_conseiller (procedure)[0] != NULL)
    {
      add_heading (column, _ ("Demandez au conseiller"));
      add_items (column, escale_procedure_get_ask_conseiller (procedure), "•", "demarches-text");
    }
  return column;
}

static void
need_cb (EscaleDemarchesView *self)
{
  if (self->need != NULL)
    escale_demarches_view_open_need (self, self->need);
  else
    escale_demarches_view_show_home (self);
}

static void
list_back_cb (EscaleDemarchesView *self)
{
  _escale_demarches_view_back_to_procedure (self);
}

static void
list_cb (EscaleDemarchesView *self)
{
  escale_demarches_view_prepare_list (self);
}

static void
site_cb (EscaleDemarchesView *self)
{
  escale_demarches_view_open_site (self);
}

/* "Lire la suite" scrolls most of a screen down, "Remonter" back to the top. */
static void
read_more_cb (GtkButton *button, GtkScrolledWindow *scroller)
{
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (scroller);
  double max = gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj);
  double value = gtk_adjustment_get_value (adj);

  gtk_adjustment_set_value (adj, value >= max - 1
                                   ? 0
                                   : value + gtk_adjustment_get_page_size (adj) * 0.8);
}

static void
read_more_update_cb (GtkAdjustment *adj, GtkWidget *button)
{
  double max = gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj);
  gboolean at_end = gtk_adjustment_get_value (adj) >= max - 1;

  gtk_widget_set_visible (button, max > 1);
  gtk_label_set_text (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))),
                      at_end ? _ ("Remonter") : _ ("Lire la suite"));
}

GtkWidget *
_escale_demarches_procedure_new (EscaleDemarchesView *self, EscaleProcedure *procedure)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *title =
    escale_wrapped_label_new (escale_procedure_get_title (procedure), "demarches-heading");
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *actions = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
  GtkWidget *more = _escale_demarches_button_new (_ ("Lire la suite"), NULL);
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

  gtk_box_append (GTK_BOX (box), header_new (self, _ ("Retour"), G_CALLBACK (need_cb), title));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), procedure_column_new (procedure));
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);

  g_signal_connect (more, "clicked", G_CALLBACK (read_more_cb), scroller);
  g_signal_connect_object (adj, "changed", G_CALLBACK (read_more_update_cb), more, 0);
  g_signal_connect_object (adj, "value-changed", G_CALLBACK (read_more_update_cb), more, 0);
  gtk_box_set_homogeneous (GTK_BOX (actions), TRUE);
  gtk_box_append (GTK_BOX (actions), more);
  if (escale_procedure_get_bring (procedure)[0] != NULL)
    {
      GtkWidget *list = _escale_demarches_button_new (_ ("Préparer ma liste"), NULL);

      g_signal_connect_swapped (list, "clicked", G_CALLBACK (list_cb), self);
      gtk_box_append (GTK_BOX (actions), list);
    }
  if (escale_procedure_get_site_url (procedure) != NULL && self->web_profile != NULL)
    {
      GtkWidget *site = _escale_demarches_button_new (_ ("Ouvrir le site officiel"), "suggested");

      g_signal_connect_swapped (site, "clicked", G_CALLBACK (site_cb), self);
      gtk_box_append (GTK_BOX (actions), site);
    }
  gtk_box_append (GTK_BOX (box), actions);
  return box;
}

/* --- "Préparer ma liste" ---------------------------------------------- */

static void
add_document_items (EscaleDocument *document, const char *heading, const char *const *items,
                    gboolean to_tick)
{
  if (items[0] == NULL)
    return;
  escale_document_add_heading (document, heading);
  for (guint i = 0; items[i] != NULL; i++)
    if (to_tick)
      escale_document_add_check_item (document, items[i]);
    else
      escale_document_add_paragraph (document, items[i]);
}

/* The list to come back with everything: what to bring, to tick at home,
 * then the steps, the pitfalls and where to book the conseiller. Only the
 * centre's words: nothing of the person. */
EscaleDocument *
_escale_demarches_checklist_document_new (EscaleDemarchesView *self, EscaleProcedure *procedure)
{
  EscaleDocument *document = escale_document_new (escale_procedure_get_title (procedure));
  g_autofree char *address = escale_demarches_kind_get_booking_address (self->activity);
  g_autoptr(GStrvBuilder) steps = g_strv_builder_new ();
  g_auto(GStrv) numbered = NULL;

  if (escale_procedure_get_purpose (procedure) != NULL)
    escale_document_add_paragraph (document, escale_procedure_get_purpose (procedure));
  add_document_items (document, _ ("Ce qu'il vous faut"), escale_procedure_get_bring (procedure),
                      TRUE);
  for (guint i = 0; i < escale_procedure_get_n_steps (procedure); i++)
    {
      g_autofree char *step =
        g_strdup_printf ("%u. %s", i + 1, escale_procedure_get_step (procedure, i)->text);

      g_strv_builder_add (steps, step);
    }
  numbered = g_strv_builder_end (steps);
  add_document_items (document, _ ("Les étapes"), (const char *const *) numbered, FALSE);
  add_document_items (document, _ ("Attention"), escale_procedure_get_pitfalls (procedure), FALSE);
  if (address != NULL)
    {
      escale_document_add_heading (document, _ ("Rendez-vous avec le conseiller"));
      escale_document_add_paragraph (document, address);
    }
  return document;
}

/* What the list holds, large, and the chooser (g_object_get_data
 * "chooser") to print it or save it. */
GtkWidget *
_escale_demarches_checklist_new (EscaleDemarchesView *self, EscaleDocument *document)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 16);
  GtkWidget *title = escale_wrapped_label_new (_ ("Préparer ma liste"), "demarches-heading");
  GtkWidget *chooser = escale_document_output_chooser_new (self->output, document);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);

  gtk_box_append (GTK_BOX (box),
                  header_new (self, _ ("Retour"), G_CALLBACK (list_back_cb), title));
  gtk_box_append (GTK_BOX (column),
                  escale_wrapped_label_new (escale_procedure_get_title (self->procedure),
                                            "demarches-section"));
  add_items (column, escale_procedure_get_bring (self->procedure), "☐", "demarches-text");
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), column);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_box_append (GTK_BOX (box), chooser);
  g_object_set_data (G_OBJECT (box), "chooser", chooser);
  return box;
}

/* --- booking ----------------------------------------------------------- */

/* The QR code of booking-url, large, on the left. */
static GtkWidget *
booking_qr_new (EscaleDemarchesView *self)
{
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  g_autofree char *url = escale_demarches_kind_get_booking_url (self->activity);
  g_autoptr(GdkTexture) qr = url != NULL ? escale_qr_texture_new (url) : NULL;
  GtkWidget *picture;

  if (qr == NULL)
    return NULL;
  picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (qr));
  gtk_widget_set_size_request (picture, 220, 220);
  gtk_picture_set_alternative_text (GTK_PICTURE (picture),
                                    _ ("Un carré à photographier avec votre téléphone"));
  gtk_widget_add_css_class (picture, "demarches-qr");
  gtk_box_append (GTK_BOX (column), picture);
  gtk_box_append (GTK_BOX (column),
                  escale_wrapped_label_new (_ ("Photographiez ce carré avec votre téléphone : "
                                               "la page des rendez-vous s'ouvre."),
                                            "demarches-text"));
  gtk_widget_set_size_request (column, 240, -1);
  return column;
}

/* The short address and the permanence days, on the right. */
static GtkWidget *
booking_column_new (EscaleDemarchesView *self)
{
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  g_autofree char *address = escale_demarches_kind_get_booking_address (self->activity);
  g_auto(GStrv) permanence = escale_demarches_kind_get_permanence (self->activity);

  if (address != NULL)
    {
      gtk_box_append (GTK_BOX (column),
                      escale_wrapped_label_new (_ ("Ou tapez cette adresse :"), "demarches-text"));
      GtkWidget *label = escale_wrapped_label_new (address, "demarches-address");

      /* An address is one long word: it may break anywhere. */
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_box_append (GTK_BOX (column), label);
    }
  else
    gtk_box_append (GTK_BOX (column),
                    escale_wrapped_label_new (_ ("Demandez un rendez-vous à l'accueil."),
                                              "demarches-text"));
  if (permanence != NULL)
    {
      add_heading (column, permanence[0]);
      for (guint i = 1; permanence[i] != NULL; i++)
        gtk_box_append (GTK_BOX (column),
                        escale_wrapped_label_new (permanence[i], "demarches-text"));
    }
  gtk_widget_set_hexpand (column, TRUE);
  return column;
}

GtkWidget *
_escale_demarches_booking_new (EscaleDemarchesView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 16);
  GtkWidget *title =
    escale_wrapped_label_new (_ ("Prendre rendez-vous avec le conseiller"), "demarches-heading");
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_box_append (GTK_BOX (box), header_new (self, _ ("Retour"), G_CALLBACK (home_cb), title));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  {
    GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 32);
    GtkWidget *qr = booking_qr_new (self);

    if (qr != NULL)
      gtk_box_append (GTK_BOX (row), qr);
    gtk_box_append (GTK_BOX (row), booking_column_new (self));
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), row);
  }
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);
  return box;
}

/* --- a tool's page ----------------------------------------------------- */

/* "Retour" above the page of the tool touched (put in *@slot). */
GtkWidget *
_escale_demarches_tool_frame_new (EscaleDemarchesView *self, GtkWidget **slot)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *back = escale_big_button_new ("escale-back-symbolic", _ ("Retour"));

  gtk_widget_set_halign (back, GTK_ALIGN_START);
  g_signal_connect_swapped (back, "clicked", G_CALLBACK (home_cb), self);
  gtk_box_append (GTK_BOX (box), back);
  *slot = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_vexpand (*slot, TRUE);
  gtk_box_append (GTK_BOX (box), *slot);
  return box;
}
