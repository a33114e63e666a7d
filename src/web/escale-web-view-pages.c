/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-web"

#include <glib/gi18n-lib.h>

#include "escale-web-memory-guard.h"
#include "escale-web-view-private.h"

/* What the view shows instead of a blank frame: "Chargement de la page…"
 * from the moment a page is asked for until it starts to show, and, for a
 * site that does not answer (a centre whose internet is down), a calm page
 * with "Réessayer" and "Retour" drawn by Escale itself, so its buttons are
 * always large and on screen, and "Retour" always leads somewhere. */

GtkWidget *
_escale_web_view_big_button (const char *label, const char *css_class)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_add_css_class (button, "web-big-button");
  if (css_class != NULL)
    gtk_widget_add_css_class (button, css_class);
  gtk_widget_set_size_request (button, 240, 80);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  return button;
}

static void
hide_offline (EscaleWebView *self)
{
  gtk_stack_set_visible_child (GTK_STACK (self->stack), self->overlay);
}

static void
offline_retry_cb (EscaleWebView *self)
{
  g_autofree char *uri = g_strdup (self->failed_uri);

  hide_offline (self);
  if (uri != NULL)
    webkit_web_view_load_uri (self->web_view, uri);
}

/* Back to the page before, if the site showed one; else out of the site. */
static void
offline_back_cb (EscaleWebView *self)
{
  hide_offline (self);
  if (!escale_web_view_go_back (self))
    _escale_web_view_emit_leave (self);
}

/* A calm page of the view's own: a title, words, two large buttons. */
GtkWidget *
_escale_web_view_message_page_new (const char *title, const char *text, GtkWidget *first,
                                   GtkWidget *second)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *text_label = gtk_label_new (text);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 32);

  gtk_widget_add_css_class (box, "web-crash");
  gtk_widget_add_css_class (title_label, "web-crash-title");
  gtk_widget_add_css_class (text_label, "web-crash-text");
  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (text_label), TRUE);
  gtk_label_set_justify (GTK_LABEL (text_label), GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (GTK_LABEL (text_label), 40);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (buttons), first);
  gtk_box_append (GTK_BOX (buttons), second);
  gtk_box_append (GTK_BOX (box), title_label);
  gtk_box_append (GTK_BOX (box), text_label);
  gtk_box_append (GTK_BOX (box), buttons);
  return box;
}

static GtkWidget *
offline_page_new (EscaleWebView *self)
{
  GtkWidget *retry = _escale_web_view_big_button (_ ("Réessayer"), "suggested-action");
  GtkWidget *back = _escale_web_view_big_button (_ ("Retour"), NULL);

  g_signal_connect_swapped (retry, "clicked", G_CALLBACK (offline_retry_cb), self);
  g_signal_connect_swapped (back, "clicked", G_CALLBACK (offline_back_cb), self);
  return _escale_web_view_message_page_new (
    _ ("Ce site ne répond pas"),
    _ ("Le réseau est peut-être coupé, ou le site est en panne. Ce n'est pas de votre faute. "
       "Touchez Réessayer dans un moment, ou Retour."),
    retry, back);
}

void
_escale_web_view_show_offline (EscaleWebView *self, const char *uri)
{
  g_free (self->failed_uri);
  self->failed_uri = g_strdup (uri);
  gtk_widget_set_visible (self->loading, FALSE);
  gtk_stack_set_visible_child (GTK_STACK (self->stack), self->offline_box);
}

/* Shown as soon as a page is asked for, gone once it starts to show (or
 * fails): an unreachable site takes 8-15 s to fail, never a blank frame. */
static void
load_changed_cb (WebKitWebView *web_view, WebKitLoadEvent event, EscaleWebView *self)
{
  const char *uri = webkit_web_view_get_uri (web_view);
  gboolean own_page = uri != NULL && g_str_has_prefix (uri, ESCALE_APP_SCHEME ":");

  gtk_widget_set_visible (self->loading, event == WEBKIT_LOAD_STARTED && !own_page);
  if (event == WEBKIT_LOAD_FINISHED)
    escale_web_memory_trim_soon ();
}

static GtkWidget *
loading_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
  GtkWidget *spinner = gtk_spinner_new ();
  GtkWidget *label = gtk_label_new (_ ("Chargement de la page…"));

  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_widget_set_size_request (spinner, 40, 40);
  gtk_widget_add_css_class (box, "web-loading");
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (box, GTK_ALIGN_START);
  gtk_widget_set_can_target (box, FALSE);
  gtk_box_append (GTK_BOX (box), spinner);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_visible (box, FALSE);
  return box;
}

void
_escale_web_view_add_offline_and_loading (EscaleWebView *self)
{
  self->offline_box = offline_page_new (self);
  gtk_stack_add_child (GTK_STACK (self->stack), self->offline_box);
  self->loading = loading_new ();
  gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay), self->loading);
  /* A failed load ends with WEBKIT_LOAD_FINISHED too. */
  g_signal_connect_object (self->web_view, "load-changed", G_CALLBACK (load_changed_cb), self, 0);
}

/* Whether the view shows "Ce site ne répond pas" (for the views and tests). */
gboolean
escale_web_view_get_offline (EscaleWebView *self)
{
  g_return_val_if_fail (ESCALE_IS_WEB_VIEW (self), FALSE);
  return gtk_stack_get_visible_child (GTK_STACK (self->stack)) == self->offline_box;
}

gboolean
escale_web_view_get_loading (EscaleWebView *self)
{
  g_return_val_if_fail (ESCALE_IS_WEB_VIEW (self), FALSE);
  return gtk_widget_get_visible (self->loading);
}

/* "Réessayer" and "Retour" of the offline page, as a touch would. */
void
escale_web_view_offline_retry (EscaleWebView *self)
{
  g_return_if_fail (ESCALE_IS_WEB_VIEW (self));
  offline_retry_cb (self);
}

void
escale_web_view_offline_back (EscaleWebView *self)
{
  g_return_if_fail (ESCALE_IS_WEB_VIEW (self));
  offline_back_cb (self);
}
