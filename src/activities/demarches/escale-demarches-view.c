/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-shell"

#include <glib/gi18n.h>

#include "escale-print-keys.h"
#include "escale-demarches-kind.h"
#include "escale-demarches-site.h"
#include "escale-demarches-view-private.h"

/* "Mes démarches": the centre's guided procedures. Screens, one at a time
 * (built in escale-demarches-view-screens.c):
 *   home       big buttons by need (six at most), then a row of other
 *              things: "Prendre rendez-vous avec le conseiller" and the
 *              tools added with _escale_demarches_view_add_tool ()
 *   need       the procedures of one need, six a screen
 *   procedure  what it is for, "Ce qu'il vous faut", the steps with their
 *              pictures, the pitfalls, when to ask the conseiller
 *   site       the official site in the locked web view, the steps beside
 *              it (the view is "presenting": the guide panel steps aside)
 *   checklist  "Préparer ma liste": the procedure's list on one A4 page,
 *              printed or saved on the person's stick (part C's
 *              EscaleDocumentOutput, one for the view: the visit's pages)
 *   booking    the booking page's QR code, its short address, the
 *              permanence days
 *   tool       an added tool's page
 * What the person opened lives in this view only; the site's cookies are
 * the visit's web profile's, wiped by the application's web-data wiper. */

typedef struct
{
  char *label;
  char *icon_name;
  EscaleDemarchesToolPageFunc make_page;
  gpointer user_data;
  GDestroyNotify destroy;
} DemarchesTool;

G_DEFINE_FINAL_TYPE (EscaleDemarchesView, escale_demarches_view, ESCALE_TYPE_ACTIVITY_VIEW)

/* The guide's step for each screen ([Guide] step-N of 40-demarches.ini). */
static const struct
{
  const char *screen;
  guint step;
} guide_steps[] = {
  { "home", 1 },      { "need", 2 }, { "procedure", 3 },
  { "checklist", 3 }, { "site", 4 }, { "booking", 5 },
};

static void
tool_free (gpointer data)
{
  DemarchesTool *tool = data;

  if (tool->destroy != NULL)
    tool->destroy (tool->user_data);
  g_free (tool->label);
  g_free (tool->icon_name);
  g_free (tool);
}

static void
clear_slot (GtkWidget *slot)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (slot)) != NULL)
    gtk_box_remove (GTK_BOX (slot), child);
}

static void
show_screen (EscaleDemarchesView *self, const char *name)
{
  guint step = 0;

  for (guint i = 0; i < G_N_ELEMENTS (guide_steps); i++)
    if (g_str_equal (guide_steps[i].screen, name))
      step = guide_steps[i].step;
  /* Leaving the site drops its page and its web process; leaving a tool
   * drops its page (a form's answers with it). */
  if (!g_str_equal (name, "site"))
    {
      clear_slot (self->site_slot);
      self->site = NULL;
    }
  if (!g_str_equal (name, "tool"))
    clear_slot (self->tool_slot);
  if (!g_str_equal (name, "checklist"))
    clear_slot (self->checklist_slot);
  /* The site has its own steps beside it; the list's two big buttons
   * need the whole width at 1024 px. */
  escale_activity_view_set_presenting (ESCALE_ACTIVITY_VIEW (self),
                                       g_str_equal (name, "site") ||
                                         g_str_equal (name, "checklist"));
  escale_activity_view_set_guide_step (ESCALE_ACTIVITY_VIEW (self), step);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), name);
}

void
escale_demarches_view_show_home (EscaleDemarchesView *self)
{
  g_return_if_fail (ESCALE_IS_DEMARCHES_VIEW (self));
  g_clear_object (&self->procedure);
  show_screen (self, "home");
}

/* The procedures of @need, from the first screen of them. */
void
escale_demarches_view_open_need (EscaleDemarchesView *self, const char *need)
{
  g_return_if_fail (ESCALE_IS_DEMARCHES_VIEW (self));
  g_return_if_fail (escale_procedure_need_label (need) != NULL);

  /* @need may be self->need itself ("Retour" from a procedure). */
  if (need != self->need)
    {
      g_free (self->need);
      self->need = g_strdup (need);
    }
  self->need_page = 0;
  g_clear_object (&self->procedure);
  _escale_demarches_fill_need (self);
  show_screen (self, "need");
}

/* Opens the procedure whose file is @id.ini; FALSE if there is none. */
gboolean
escale_demarches_view_open_procedure (EscaleDemarchesView *self, const char *id)
{
  g_return_val_if_fail (ESCALE_IS_DEMARCHES_VIEW (self), FALSE);

  for (guint i = 0; i < self->procedures->len; i++)
    {
      EscaleProcedure *procedure = self->procedures->pdata[i];

      if (g_strcmp0 (escale_procedure_get_id (procedure), id) != 0)
        continue;
      g_set_object (&self->procedure, procedure);
      if (self->need == NULL)
        self->need = g_strdup (escale_procedure_get_need (procedure));
      clear_slot (self->procedure_slot);
      gtk_box_append (GTK_BOX (self->procedure_slot),
                      _escale_demarches_procedure_new (self, procedure));
      show_screen (self, "procedure");
      if (self->visit != NULL)
        escale_demarches_count (self->visit, "procedures-opened",
                                escale_procedure_get_category (procedure), 1);
      return TRUE;
    }
  return FALSE;
}

void
_escale_demarches_view_back_to_procedure (EscaleDemarchesView *self)
{
  show_screen (self, self->procedure != NULL ? "procedure" : "home");
}

static void
site_back_cb (EscaleDemarchesView *self)
{
  _escale_demarches_view_back_to_procedure (self);
}

/* "Ouvrir le site officiel" of the procedure open. */
void
escale_demarches_view_open_site (EscaleDemarchesView *self)
{
  g_return_if_fail (ESCALE_IS_DEMARCHES_VIEW (self));

  if (self->procedure == NULL || escale_procedure_get_site_url (self->procedure) == NULL ||
      self->web_profile == NULL)
    return;
  clear_slot (self->site_slot);
  self->site = escale_demarches_site_new (self->procedure, self->web_profile, self->visit);
  gtk_widget_set_vexpand (self->site, TRUE);
  g_signal_connect_swapped (self->site, "back", G_CALLBACK (site_back_cb), self);
  gtk_box_append (GTK_BOX (self->site_slot), self->site);
  show_screen (self, "site");
  if (self->visit != NULL)
    escale_demarches_count (self->visit, "sites-opened",
                            escale_procedure_get_category (self->procedure), 1);
}

static void
checklist_done_cb (EscaleDemarchesView *self, gboolean printed)
{
  if (printed && self->visit != NULL && self->procedure != NULL)
    escale_demarches_count (self->visit, "checklists-printed",
                            escale_procedure_get_category (self->procedure), 1);
}

/* "Préparer ma liste" of the procedure open: the list to print or save. */
void
escale_demarches_view_prepare_list (EscaleDemarchesView *self)
{
  g_autoptr(EscaleDocument) document = NULL;
  GtkWidget *screen;

  g_return_if_fail (ESCALE_IS_DEMARCHES_VIEW (self));

  if (self->procedure == NULL)
    return;
  document = _escale_demarches_checklist_document_new (self, self->procedure);
  clear_slot (self->checklist_slot);
  screen = _escale_demarches_checklist_new (self, document);
  g_signal_connect_swapped (g_object_get_data (G_OBJECT (screen), "chooser"), "done",
                            G_CALLBACK (checklist_done_cb), self);
  gtk_box_append (GTK_BOX (self->checklist_slot), screen);
  show_screen (self, "checklist");
}

void
escale_demarches_view_show_booking (EscaleDemarchesView *self)
{
  g_return_if_fail (ESCALE_IS_DEMARCHES_VIEW (self));
  show_screen (self, "booking");
}

static void
tool_clicked_cb (GtkButton *button, EscaleDemarchesView *self)
{
  DemarchesTool *tool = g_object_get_data (G_OBJECT (button), "tool");
  GtkWidget *page = tool->make_page (self, tool->user_data);

  clear_slot (self->tool_slot);
  if (page == NULL)
    return;
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (self->tool_slot), page);
  show_screen (self, "tool");
}

/* See escale-demarches-view-private.h. */
void
_escale_demarches_view_add_tool (EscaleDemarchesView *self, const char *label,
                                 const char *icon_name, EscaleDemarchesToolPageFunc make_page,
                                 gpointer user_data, GDestroyNotify destroy)
{
  DemarchesTool *tool = g_new0 (DemarchesTool, 1);
  GtkWidget *button = _escale_demarches_button_new (label, NULL);

  g_return_if_fail (ESCALE_IS_DEMARCHES_VIEW (self));
  g_return_if_fail (label != NULL && make_page != NULL);

  tool->label = g_strdup (label);
  tool->icon_name = g_strdup (icon_name);
  tool->make_page = make_page;
  tool->user_data = user_data;
  tool->destroy = destroy;
  g_ptr_array_add (self->tools, tool);
  g_object_set_data (G_OBJECT (button), "tool", tool);
  g_signal_connect (button, "clicked", G_CALLBACK (tool_clicked_cb), self);
  gtk_flow_box_append (GTK_FLOW_BOX (self->tools_row), button);
}

const char *
escale_demarches_view_get_screen (EscaleDemarchesView *self)
{
  g_return_val_if_fail (ESCALE_IS_DEMARCHES_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (GTK_STACK (self->stack));
}

/* Returns: (nullable) (transfer none): the EscaleDemarchesSite shown. */
GtkWidget *
escale_demarches_view_get_site (EscaleDemarchesView *self)
{
  g_return_val_if_fail (ESCALE_IS_DEMARCHES_VIEW (self), NULL);
  return self->site;
}

/* The procedures were checked by escale --check-config and at start-up,
 * with their lines; here a problem only leaves a procedure out. */
static void
load_procedures (EscaleDemarchesView *self)
{
  g_autofree char *dir = escale_demarches_kind_get_procedures_dir (self->activity);
  g_autoptr(GPtrArray) problems =
               g_ptr_array_new_with_free_func ((GDestroyNotify) escale_config_problem_free);

  self->procedures = escale_procedures_load_dir (dir, NULL, problems);
}

static void
escale_demarches_view_constructed (GObject *object)
{
  EscaleDemarchesView *self = ESCALE_DEMARCHES_VIEW (object);
  EscaleActivityView *view = ESCALE_ACTIVITY_VIEW (self);

  G_OBJECT_CLASS (escale_demarches_view_parent_class)->constructed (object);

  self->activity = escale_activity_view_get_activity (view);
  self->visit = escale_activity_view_get_visit (view);
  self->web_profile = escale_activity_view_get_web_profile (view);
  load_procedures (self);
  {
    g_autofree char *printer = escale_print_keys_get_printer (self->activity, "Demarches");

    self->output = escale_document_output_new (
      self->visit, printer, escale_print_keys_get_print (self->activity, "Demarches"),
      escale_print_keys_get_max_prints (self->activity, "Demarches",
                                        ESCALE_DEMARCHES_DEFAULT_MAX_PRINTS));
  }

  self->stack = gtk_stack_new ();
  gtk_stack_set_vhomogeneous (GTK_STACK (self->stack), FALSE);
  gtk_stack_set_hhomogeneous (GTK_STACK (self->stack), FALSE);
  gtk_stack_add_named (GTK_STACK (self->stack), _escale_demarches_home_new (self), "home");
  gtk_stack_add_named (GTK_STACK (self->stack), _escale_demarches_need_new (self), "need");
  self->procedure_slot = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_stack_add_named (GTK_STACK (self->stack), self->procedure_slot, "procedure");
  self->site_slot = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_stack_add_named (GTK_STACK (self->stack), self->site_slot, "site");
  self->checklist_slot = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_stack_add_named (GTK_STACK (self->stack), self->checklist_slot, "checklist");
  gtk_stack_add_named (GTK_STACK (self->stack), _escale_demarches_booking_new (self), "booking");
  gtk_stack_add_named (GTK_STACK (self->stack),
                       _escale_demarches_tool_frame_new (self, &self->tool_slot), "tool");
  _escale_demarches_view_add_tools (self);
  /* No screen may push the window's bottom bar (A+, Appeler un aidant)
   * off the screen: a screen taller than the room scrolls instead (the
   * scan page, a list, with the text twice larger at 1024x768). */
  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), self->stack);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
  show_screen (self, "home");
}

static void
escale_demarches_view_dispose (GObject *object)
{
  EscaleDemarchesView *self = ESCALE_DEMARCHES_VIEW (object);

  self->site = NULL;
  self->stack = NULL;
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_pointer (&self->procedures, g_ptr_array_unref);
  g_clear_pointer (&self->tools, g_ptr_array_unref);
  g_clear_pointer (&self->need, g_free);
  g_clear_object (&self->procedure);
  g_clear_object (&self->output);
  G_OBJECT_CLASS (escale_demarches_view_parent_class)->dispose (object);
}

static void
escale_demarches_view_class_init (EscaleDemarchesViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->constructed = escale_demarches_view_constructed;
  G_OBJECT_CLASS (klass)->dispose = escale_demarches_view_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "demarchesview");
}

static void
escale_demarches_view_init (EscaleDemarchesView *self)
{
  self->tools = g_ptr_array_new_with_free_func (tool_free);
}

GType
escale_demarches_kind_view_type (EscaleActivity *activity)
{
  return ESCALE_TYPE_DEMARCHES_VIEW;
}
