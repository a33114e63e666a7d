/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-shell"

#include <glib/gi18n.h>

#include "escale-culture-kind.h"
#include "escale-culture-sites.h"
#include "escale-ui-util.h"
#include "escale-web-view.h"

/* The cultural websites of the culture activity: its [Site N] (four at
 * most) as big tiles, and the open site in the locked web view with big
 * "Retour" (the site's previous page, then the list) and "Autres sites".
 * The web policy allows exactly the origins of these sites. Each opened
 * site gets a new EscaleWebView on the visit's network session; leaving
 * it drops the view, its page and its web process. "back" is emitted by
 * "Retour aux œuvres". A site with strict=true gets a policy of its own
 * that blocks third parties (HACKING.md, "Bounds of a page"). */
struct _EscaleCultureSites
{
  GtkWidget parent_instance;

  /* children */
  GtkWidget *stack;
  GtkWidget *web_slot;
  GtkWidget *web_view; /* EscaleWebView in web_slot, or NULL */

  /* owned */
  EscaleActivity *activity;
  EscaleWebProfile *web_profile;
  EscaleVisit *visit; /* nullable */
  EscaleWebPolicy *policy;
  GStrv site_groups;
  guint open_site;
};

enum
{
  SIGNAL_BACK,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (EscaleCultureSites, escale_culture_sites, GTK_TYPE_WIDGET)

static void
drop_web_view (EscaleCultureSites *self)
{
  if (self->web_view == NULL)
    return;
  gtk_box_remove (GTK_BOX (self->web_slot), self->web_view);
  self->web_view = NULL;
}

static void
back_cb (EscaleCultureSites *self)
{
  g_signal_emit (self, signals[SIGNAL_BACK], 0);
}

static void
site_clicked_cb (GtkButton *button, EscaleCultureSites *self)
{
  escale_culture_sites_open (self,
                             GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "site")));
}

static GtkWidget *
list_new (EscaleCultureSites *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 16);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *heading =
    escale_wrapped_label_new (_ ("Sites de musées choisis pour vous"), "culture-heading");
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *back = escale_wrapping_button_new (_ ("Retour aux œuvres"), "culture-action");

  gtk_widget_set_hexpand (heading, TRUE);
  gtk_widget_set_hexpand (back, FALSE);
  g_signal_connect_swapped (back, "clicked", G_CALLBACK (back_cb), self);
  gtk_box_append (GTK_BOX (header), back);
  gtk_box_append (GTK_BOX (header), heading);
  gtk_box_append (GTK_BOX (box), header);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 16);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 16);
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  gtk_grid_set_row_homogeneous (GTK_GRID (grid), TRUE);
  gtk_widget_set_vexpand (grid, TRUE);
  /* Four sites at most: the screen keeps six choices or fewer. */
  for (guint i = 0; self->site_groups[i] != NULL && i < 4; i++)
    {
      g_autofree char *title =
        escale_activity_get_string (self->activity, self->site_groups[i], "title");
      g_autofree char *description =
        escale_activity_get_string (self->activity, self->site_groups[i], "description");
      GtkWidget *button = gtk_button_new ();
      GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

      gtk_box_append (GTK_BOX (inner), escale_wrapped_label_new (title, "culture-site-title"));
      if (description != NULL)
        gtk_box_append (GTK_BOX (inner),
                        escale_wrapped_label_new (description, "culture-site-text"));
      gtk_widget_set_valign (inner, GTK_ALIGN_CENTER);
      gtk_button_set_child (GTK_BUTTON (button), inner);
      gtk_widget_add_css_class (button, "culture-site");
      gtk_widget_set_hexpand (button, TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      title, -1);
      g_object_set_data (G_OBJECT (button), "site", GUINT_TO_POINTER (i));
      g_signal_connect (button, "clicked", G_CALLBACK (site_clicked_cb), self);
      gtk_grid_attach (GTK_GRID (grid), button, (int) (i % 2), (int) (i / 2), 1, 1);
    }
  {
    GtkWidget *scroller = gtk_scrolled_window_new ();

    gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                    GTK_POLICY_AUTOMATIC);
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), grid);
    gtk_widget_set_vexpand (scroller, TRUE);
    gtk_box_append (GTK_BOX (box), scroller);
  }
  return box;
}

static void
web_back_cb (EscaleCultureSites *self)
{
  if (self->web_view == NULL || !escale_web_view_go_back (ESCALE_WEB_VIEW (self->web_view)))
    escale_culture_sites_show_list (self);
}

static void
web_sites_cb (EscaleCultureSites *self)
{
  escale_culture_sites_show_list (self);
}

static GtkWidget *
web_page_new (EscaleCultureSites *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *back = escale_big_button_new ("escale-back-symbolic", _ ("Retour"));
  GtkWidget *sites = gtk_button_new_with_label (_ ("Autres sites"));

  gtk_widget_add_css_class (sites, "big-button");
  g_signal_connect_swapped (back, "clicked", G_CALLBACK (web_back_cb), self);
  g_signal_connect_swapped (sites, "clicked", G_CALLBACK (web_sites_cb), self);
  gtk_box_append (GTK_BOX (bar), back);
  gtk_box_append (GTK_BOX (bar), sites);
  self->web_slot = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_vexpand (self->web_slot, TRUE);
  gtk_widget_add_css_class (self->web_slot, "culture-web");
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), self->web_slot);
  return box;
}

/* A policy allowing the origins of all the activity's sites; problems are
 * told once, when the activity's own policy is built. */
static EscaleWebPolicy *
sites_policy (EscaleCultureSites *self, gboolean report)
{
  EscaleWebPolicy *policy = escale_web_policy_new ();

  for (guint i = 0; self->site_groups[i] != NULL; i++)
    {
      g_autofree char *url =
        escale_activity_get_string (self->activity, self->site_groups[i], "url");
      g_autoptr(GError) error = NULL;

      if (url != NULL && !escale_web_policy_allow_origin (policy, url, &error) && report)
        g_message ("%s: [%s] url: %s", escale_activity_get_source (self->activity),
                   self->site_groups[i], error->message);
    }
  return policy;
}

/* Where a strict site's content filter is compiled: the visit's scratch
 * folder (wiped with the visit), else the user's runtime folder (memory). */
static char *
filter_dir (EscaleCultureSites *self)
{
  g_autoptr(GError) error = NULL;
  const char *scratch = self->visit != NULL ? escale_visit_get_scratch_dir (self->visit, &error)
                                            : NULL;

  char *dir =
    g_build_filename (scratch != NULL ? scratch : g_get_user_runtime_dir (), "web-filter", NULL);

  g_mkdir_with_parents (dir, 0700);
  return dir;
}

/* Returns: (transfer full): the policy of site @index: the activity's, or
 * for a strict=true site, one that also blocks every other origin but its
 * also-allow= ones (escale-culture-kind.c checks them). */
static EscaleWebPolicy *
site_policy (EscaleCultureSites *self, guint index)
{
  const char *group = self->site_groups[index];
  g_autoptr(EscaleWebPolicy) policy = NULL;
  g_autofree char *also = NULL;
  g_autofree char *dir = NULL;
  g_auto(GStrv) words = NULL;

  if (!escale_culture_kind_get_strict (self->activity, group))
    return g_object_ref (self->policy);
  policy = sites_policy (self, FALSE);
  dir = filter_dir (self);
  escale_web_policy_set_strict (policy, dir);
  also = escale_activity_get_string (self->activity, group, "also-allow");
  words = g_strsplit_set (also != NULL ? also : "", " \t", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      escale_web_policy_allow_subresource_origin (policy, words[i], NULL);
  return g_steal_pointer (&policy);
}

static void
escale_culture_sites_dispose (GObject *object)
{
  EscaleCultureSites *self = ESCALE_CULTURE_SITES (object);

  self->web_view = NULL;
  g_clear_pointer (&self->stack, gtk_widget_unparent);
  g_clear_object (&self->activity);
  g_clear_object (&self->web_profile);
  g_clear_object (&self->visit);
  g_clear_object (&self->policy);
  g_clear_pointer (&self->site_groups, g_strfreev);
  G_OBJECT_CLASS (escale_culture_sites_parent_class)->dispose (object);
}

static void
escale_culture_sites_class_init (EscaleCultureSitesClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = escale_culture_sites_dispose;
  signals[SIGNAL_BACK] = g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                       NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "culturesites");
}

static void
escale_culture_sites_init (EscaleCultureSites *self)
{
}

GtkWidget *
escale_culture_sites_new (EscaleActivity *activity, EscaleVisit *visit,
                          EscaleWebProfile *web_profile)
{
  EscaleCultureSites *self = g_object_new (ESCALE_TYPE_CULTURE_SITES, NULL);

  self->activity = g_object_ref (activity);
  self->visit = visit != NULL ? g_object_ref (visit) : NULL;
  self->web_profile = web_profile != NULL ? g_object_ref (web_profile) : NULL;
  self->site_groups = escale_activity_get_groups (activity, "Site");
  self->policy = sites_policy (self, TRUE);

  self->stack = gtk_stack_new ();
  gtk_stack_set_vhomogeneous (GTK_STACK (self->stack), FALSE);
  gtk_stack_add_named (GTK_STACK (self->stack), list_new (self), "list");
  gtk_stack_add_named (GTK_STACK (self->stack), web_page_new (self), "web");
  gtk_widget_set_parent (self->stack, GTK_WIDGET (self));
  return GTK_WIDGET (self);
}

guint
escale_culture_sites_get_n_sites (EscaleCultureSites *self)
{
  g_return_val_if_fail (ESCALE_IS_CULTURE_SITES (self), 0);
  return g_strv_length (self->site_groups);
}

/* The list of sites; an open site is dropped. */
void
escale_culture_sites_show_list (EscaleCultureSites *self)
{
  g_return_if_fail (ESCALE_IS_CULTURE_SITES (self));
  drop_web_view (self);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "list");
}

/* A listed site that does not answer is for staff to know (the network is
 * down, or the site moved): a notice names its line in the config. */
static void
site_unreachable_cb (EscaleCultureSites *self)
{
  if (self->visit != NULL)
    escale_visit_notice (self->visit, self->site_groups[self->open_site], "url",
                         _ ("le site ne répond pas : le réseau est peut-être coupé, ou "
                            "l'adresse a changé"));
}

/* A third-party load a strict site's filter blocked: a number for staff. */
static void
site_blocked_cb (EscaleCultureSites *self)
{
  if (self->visit != NULL)
    escale_visit_count (self->visit, ESCALE_CULTURE_BLOCKED_COUNTER, 1);
}

/* "Retour" on a site that did not answer, with nothing to go back to. */
static void
site_left_cb (EscaleCultureSites *self)
{
  escale_culture_sites_show_list (self);
}

/* Opens site @index of the activity in a new locked web view of the
 * visit's network session. */
void
escale_culture_sites_open (EscaleCultureSites *self, guint index)
{
  g_autofree char *url = NULL;
  g_autoptr(EscaleWebPolicy) policy = NULL;

  g_return_if_fail (ESCALE_IS_CULTURE_SITES (self));
  if (index >= g_strv_length (self->site_groups) || self->web_profile == NULL)
    return;
  url = escale_activity_get_string (self->activity, self->site_groups[index], "url");
  drop_web_view (self);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "web");
  self->open_site = index;
  policy = site_policy (self, index);
  self->web_view = escale_web_view_new (self->web_profile, policy);
  g_signal_connect_swapped (self->web_view, "unreachable", G_CALLBACK (site_unreachable_cb), self);
  g_signal_connect_swapped (self->web_view, "notify::blocked", G_CALLBACK (site_blocked_cb), self);
  g_signal_connect_swapped (self->web_view, "leave", G_CALLBACK (site_left_cb), self);
  gtk_widget_set_vexpand (self->web_view, TRUE);
  gtk_box_append (GTK_BOX (self->web_slot), self->web_view);
  escale_web_view_load (ESCALE_WEB_VIEW (self->web_view), url);
}

/* Returns: (nullable) (transfer none): the EscaleWebView of the open site. */
GtkWidget *
escale_culture_sites_get_web_view (EscaleCultureSites *self)
{
  g_return_val_if_fail (ESCALE_IS_CULTURE_SITES (self), NULL);
  return self->web_view;
}
