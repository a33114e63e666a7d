/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-web-view.h"

G_BEGIN_DECLS

typedef enum
{
  ESCALE_WEB_FILTER_NONE,    /* not strict */
  ESCALE_WEB_FILTER_PENDING, /* strict: rules being compiled, no page yet */
  ESCALE_WEB_FILTER_READY,
  ESCALE_WEB_FILTER_FAILED, /* strict, no filter: no page at all */
} EscaleWebFilterState;

/* Shared by escale-web-view.c (navigation, dialogs, crash) and
 * escale-web-view-requests.c (what a page may ask). */
struct _EscaleWebView
{
  GtkWidget parent_instance;

  /* children */
  GtkWidget *stack;
  GtkWidget *overlay;
  WebKitWebView *web_view;
  GtkWidget *crash_box;
  GtkWidget *offline_box; /* a site that did not answer: Réessayer, Retour */
  GtkWidget *loading;     /* "Chargement de la page…" until the page shows */
  GtkWidget *dialog_box;
  GtkLabel *dialog_label;
  GtkWidget *dialog_no;

  /* owned */
  EscaleWebProfile *profile;
  EscaleWebPolicy *policy;
  WebKitNetworkSession *session;
  WebKitScriptDialog *dialog;
  char *start_uri;
  char *last_page; /* the last page of a site shown, for "Réessayer" */
  char *last_refused;
  char *failed_uri; /* the page that did not answer, for "Réessayer" */
  guint refusals;
  gboolean crashed;
  guint hang_id;          /* WebKit saw the process unresponsive */
  guint probe_id;         /* the watchdog's periodic question */
  guint probe_timeout_id; /* a question not answered yet */
  GCancellable *probe_cancellable;
  guint hangs;
  EscaleWebFilterState filter_state;
  GCancellable *filter_cancellable;
  char *filter_pending_uri; /* asked for before the filter was in place */
  guint blocked;            /* third-party loads the strict mode blocked */
  guint64 guarded_page;     /* the WebKit page whose extension asked for the origins */
  guint refusal_id;
  EscaleWebFileChooserFunc file_chooser;
  gpointer file_chooser_data;
  GDestroyNotify file_chooser_destroy;
};

void _escale_web_view_count_refusal (EscaleWebView *self, const char *uri);
void _escale_web_view_show_refusal (EscaleWebView *self, const char *uri);
void _escale_web_view_connect_requests (EscaleWebView *self);

/* escale-web-view-watchdog.c */
void _escale_web_view_watchdog_start (EscaleWebView *self);
void _escale_web_view_watchdog_reset (EscaleWebView *self);
void _escale_web_view_watchdog_stop (EscaleWebView *self);

/* escale-web-view-filter.c */
void _escale_web_view_filter_start (EscaleWebView *self);
gboolean _escale_web_view_filter_ready (EscaleWebView *self, const char *uri);
gboolean _escale_web_view_filter_may_show (EscaleWebView *self, const char *uri);
void _escale_web_view_filter_stop (EscaleWebView *self);
void _escale_web_view_count_blocked (EscaleWebView *self); /* escale-web-view.c */

/* escale-web-view-pages.c */
GtkWidget *_escale_web_view_big_button (const char *label, const char *css_class);
GtkWidget *_escale_web_view_message_page_new (const char *title, const char *text,
                                              GtkWidget *first, GtkWidget *second);
void _escale_web_view_add_offline_and_loading (EscaleWebView *self);
void _escale_web_view_show_offline (EscaleWebView *self, const char *uri);
void _escale_web_view_emit_leave (EscaleWebView *self); /* escale-web-view.c */

G_END_DECLS
