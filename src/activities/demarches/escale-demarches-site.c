/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-shell"

#include <glib/gi18n.h>

#include "escale-demarches-site.h"
#include "escale-file-chooser.h"
#include "escale-demarches-view-private.h"
#include "escale-ui-util.h"
#include "escale-web-view.h"

/* A procedure's official site: the locked web view, allowed only the
 * procedure's own site-allow-N origins (the service's and FranceConnect's),
 * and beside it the procedure's steps. The step whose address glob matches
 * the page's address stands out; a page that tells nothing (or Escale's
 * calm refusal, after a redirect outside the allowlist) leaves the steps as
 * they were. "back" is emitted by "Fermer le site". */
struct _EscaleDemarchesSite
{
  GtkWidget parent_instance;

  /* children */
  GtkWidget *box;
  GtkWidget *web_view; /* EscaleWebView */
  GPtrArray *step_rows;
  GtkScrolledWindow *steps_scroller;

  /* owned */
  EscaleProcedure *procedure;
  EscaleWebPolicy *policy;
  EscaleVisit *visit; /* nullable */
  guint current_step; /* 1-based; 0 before any page told */
};

enum
{
  SIGNAL_BACK,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (EscaleDemarchesSite, escale_demarches_site, GTK_TYPE_WIDGET)

static void
escale_demarches_site_dispose (GObject *object)
{
  EscaleDemarchesSite *self = ESCALE_DEMARCHES_SITE (object);

  self->web_view = NULL;
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->step_rows, g_ptr_array_unref);
  g_clear_object (&self->procedure);
  g_clear_object (&self->policy);
  g_clear_object (&self->visit);
  G_OBJECT_CLASS (escale_demarches_site_parent_class)->dispose (object);
}

static void
escale_demarches_site_class_init (EscaleDemarchesSiteClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = escale_demarches_site_dispose;
  signals[SIGNAL_BACK] = g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                       NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "demarchessite");
}

static void
escale_demarches_site_init (EscaleDemarchesSite *self)
{
  self->step_rows = g_ptr_array_new ();
}

static void
show_step (EscaleDemarchesSite *self, guint step)
{
  self->current_step = step;
  for (guint i = 0; i < self->step_rows->len; i++)
    {
      GtkWidget *row = self->step_rows->pdata[i];

      if (i + 1 == step)
        gtk_widget_add_css_class (row, "current");
      else
        gtk_widget_remove_css_class (row, "current");
    }
}

/* The page's address says where the person is: that step stands out. */
static void
uri_changed_cb (EscaleDemarchesSite *self)
{
  WebKitWebView *web = escale_web_view_get_web_view (ESCALE_WEB_VIEW (self->web_view));
  guint step = escale_procedure_find_step (self->procedure, webkit_web_view_get_uri (web));

  if (step > 0)
    show_step (self, step);
}

static void
back_cb (EscaleDemarchesSite *self)
{
  g_signal_emit (self, signals[SIGNAL_BACK], 0);
}

static void
page_back_cb (EscaleDemarchesSite *self)
{
  if (!escale_web_view_go_back (ESCALE_WEB_VIEW (self->web_view)))
    back_cb (self);
}

/* A site that does not answer is for staff to know; the message names no
 * address, only the activity's key. */
static void
unreachable_cb (EscaleDemarchesSite *self)
{
  if (self->visit != NULL)
    escale_visit_notice (self->visit, "Demarches", "procedures",
                         _ ("un site officiel ne répond pas : le réseau est peut-être coupé"));
}

static GtkWidget *
steps_panel_new (EscaleDemarchesSite *self)
{
  GtkWidget *panel = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_widget_add_css_class (panel, "demarches-steps-panel");
  gtk_box_append (GTK_BOX (panel),
                  escale_wrapped_label_new (escale_procedure_get_title (self->procedure),
                                            "guide-title"));
  for (guint i = 0; i < escale_procedure_get_n_steps (self->procedure); i++)
    {
      const EscaleProcedureStep *step = escale_procedure_get_step (self->procedure, i);
      g_autofree char *text = g_strdup_printf ("%u. %s", i + 1, step->text);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *label = escale_wrapped_label_new (text, "guide-step");

      gtk_widget_add_css_class (row, "guide-step-row");
      gtk_box_append (GTK_BOX (row), label);
      gtk_box_append (GTK_BOX (list), row);
      g_ptr_array_add (self->step_rows, row);
    }
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (panel), scroller);
  self->steps_scroller = GTK_SCROLLED_WINDOW (scroller);
  return panel;
}

static void
build_policy (EscaleDemarchesSite *self)
{
  const char *const *allow = escale_procedure_get_site_allow (self->procedure);

  /* Only what the procedure's file allows: never widened in code. */
  self->policy = escale_web_policy_new ();
  for (guint i = 0; allow[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!escale_web_policy_allow_origin (self->policy, allow[i], &error))
        g_message ("%s: site-allow-%u: %s", escale_procedure_get_id (self->procedure), i + 1,
                   error->message);
    }
}

/* Opens @procedure's official site in a new locked web view of @profile's
 * network session, the steps beside it. */
GtkWidget *
escale_demarches_site_new (EscaleProcedure *procedure, EscaleWebProfile *profile,
                           EscaleVisit *visit)
{
  EscaleDemarchesSite *self = g_object_new (ESCALE_TYPE_DEMARCHES_SITE, NULL);
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *back = _escale_demarches_button_new (_ ("Page précédente"), NULL);
  GtkWidget *close = _escale_demarches_button_new (_ ("Fermer le site"), NULL);
  GtkWidget *panel;

  g_return_val_if_fail (ESCALE_IS_PROCEDURE (procedure), NULL);
  g_return_val_if_fail (ESCALE_IS_WEB_PROFILE (profile), NULL);

  self->procedure = g_object_ref (procedure);
  self->visit = visit != NULL ? g_object_ref (visit) : NULL;
  build_policy (self);

  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
  panel = steps_panel_new (self);
  gtk_widget_set_size_request (panel, 240, -1);
  gtk_box_append (GTK_BOX (self->box), panel);

  g_signal_connect_swapped (back, "clicked", G_CALLBACK (page_back_cb), self);
  g_signal_connect_swapped (close, "clicked", G_CALLBACK (back_cb), self);
  gtk_box_append (GTK_BOX (bar), back);
  gtk_box_append (GTK_BOX (bar), close);
  gtk_box_append (GTK_BOX (column), bar);
  self->web_view = escale_web_view_new (profile, self->policy);
  /* A file the site asks for: only what was scanned or made during the
   * visit, or the visitor's own stick (escale-file-chooser.c). */
  if (self->visit != NULL)
    escale_file_chooser_attach (ESCALE_WEB_VIEW (self->web_view), self->visit,
                                escale_procedure_get_category (procedure));
  gtk_widget_set_vexpand (self->web_view, TRUE);
  gtk_widget_set_hexpand (self->web_view, TRUE);
  gtk_widget_add_css_class (self->web_view, "demarches-web");
  gtk_box_append (GTK_BOX (column), self->web_view);
  gtk_widget_set_hexpand (column, TRUE);
  gtk_box_append (GTK_BOX (self->box), column);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  g_signal_connect_object (escale_web_view_get_web_view (ESCALE_WEB_VIEW (self->web_view)),
                           "notify::uri", G_CALLBACK (uri_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_swapped (self->web_view, "unreachable", G_CALLBACK (unreachable_cb), self);
  g_signal_connect_swapped (self->web_view, "leave", G_CALLBACK (back_cb), self);
  show_step (self, 1);
  escale_web_view_load (ESCALE_WEB_VIEW (self->web_view),
                        escale_procedure_get_site_url (procedure));
  return GTK_WIDGET (self);
}

/* The step (1-based) that stands out beside the page. */
guint
escale_demarches_site_get_current_step (EscaleDemarchesSite *self)
{
  g_return_val_if_fail (ESCALE_IS_DEMARCHES_SITE (self), 0);
  return self->current_step;
}

/* Returns: (transfer none): the EscaleWebView. */
GtkWidget *
escale_demarches_site_get_web_view (EscaleDemarchesSite *self)
{
  g_return_val_if_fail (ESCALE_IS_DEMARCHES_SITE (self), NULL);
  return self->web_view;
}
