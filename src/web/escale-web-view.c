/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-web"

#include <glib/gi18n-lib.h>

#include "escale-app-scheme.h"
#include "escale-web-view-private.h"

/* A WebKitWebView that can only do what its EscaleWebPolicy allows: every
 * navigation, new window, permission, download, file chooser, print,
 * password and certificate question goes through the policy, and the answer
 * to anything refused is Escale's own calm page, served under escale-app:,
 * never a window, an application or a technical message. When the web
 * process dies or hangs, a calm page offers "Réessayer" and "Accueil". The
 * page zoom follows the window's text size, so it resets with the visit.
 * What a page may ask besides navigating (permissions, downloads, files,
 * printing, passwords, certificates, the context menu) is answered in
 * escale-web-view-requests.c. */

enum
{
  PROP_0,
  PROP_PROFILE,
  PROP_POLICY,
  PROP_CRASHED,
  PROP_REFUSALS,
  PROP_BLOCKED,
  N_PROPS,
};

static GParamSpec *pspecs[N_PROPS];

enum
{
  SIGNAL_UNREACHABLE,
  SIGNAL_LEAVE,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (EscaleWebView, escale_web_view, GTK_TYPE_WIDGET)

/* --- refusals ---------------------------------------------------------- */

void
_escale_web_view_count_refusal (EscaleWebView *self, const char *uri)
{
  g_free (self->last_refused);
  self->last_refused = g_strdup (uri);
  self->refusals++;
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_REFUSALS]);
}

/* A sub-resource the strict mode blocked: a number, never the address. */
void
_escale_web_view_count_blocked (EscaleWebView *self)
{
  self->blocked++;
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_BLOCKED]);
}

guint
escale_web_view_get_blocked (EscaleWebView *self)
{
  g_return_val_if_fail (ESCALE_IS_WEB_VIEW (self), 0);
  return self->blocked;
}

static gboolean
load_refusal_page_cb (gpointer user_data)
{
  EscaleWebView *self = user_data;

  self->refusal_id = 0;
  webkit_web_view_load_uri (self->web_view, ESCALE_WEB_REFUSED_URI);
  return G_SOURCE_REMOVE;
}

/* The calm page is loaded once the current decision is over: a load
 * started from inside WebKit's own handling of a page (a PDF's viewer
 * frame) would be lost. */
void
_escale_web_view_show_refusal (EscaleWebView *self, const char *uri)
{
  _escale_web_view_count_refusal (self, uri);
  if (self->refusal_id == 0)
    self->refusal_id = g_idle_add (load_refusal_page_cb, self);
}

/* --- policy decisions --------------------------------------------------- */

static gboolean
is_person_initiated (WebKitNavigationAction *action)
{
  switch (webkit_navigation_action_get_navigation_type (action))
    {
    case WEBKIT_NAVIGATION_TYPE_LINK_CLICKED:
    case WEBKIT_NAVIGATION_TYPE_FORM_SUBMITTED:
    case WEBKIT_NAVIGATION_TYPE_FORM_RESUBMITTED:
    case WEBKIT_NAVIGATION_TYPE_BACK_FORWARD:
    case WEBKIT_NAVIGATION_TYPE_RELOAD:
      return TRUE;
    case WEBKIT_NAVIGATION_TYPE_OTHER:
    default:
      return webkit_navigation_action_is_user_gesture (action);
    }
}

/* A PDF opens WebKit's PDF.js viewer in a frame of its own scheme; its
 * Download and Print buttons would be ways out, so a PDF is refused with
 * the calm page rather than left as a blank frame. */
static gboolean
is_pdf_viewer (const char *uri)
{
  return uri != NULL && g_str_has_prefix (uri, "webkit-pdfjs-viewer:");
}

static gboolean
decide_navigation (EscaleWebView *self, WebKitPolicyDecision *decision, gboolean new_window)
{
  WebKitNavigationAction *action = webkit_navigation_policy_decision_get_navigation_action (
    WEBKIT_NAVIGATION_POLICY_DECISION (decision));
  const char *uri = webkit_uri_request_get_uri (webkit_navigation_action_get_request (action));

  if (g_strcmp0 (uri, ESCALE_APP_BACK_URI) == 0)
    {
      webkit_policy_decision_ignore (decision);
      escale_web_view_go_back (self);
      return TRUE;
    }

  if (new_window)
    {
      /* target=_blank: the same view when allowed, never a new window. */
      webkit_policy_decision_ignore (decision);
      if (escale_web_policy_may_open_window (self->policy, uri))
        webkit_web_view_load_uri (self->web_view, uri);
      else
        _escale_web_view_show_refusal (self, uri);
      return TRUE;
    }

  /* The frame is not known here: a refused frame stays empty, a refused
   * page the person asked for shows the calm page, and a refused redirect
   * of the page ends in load-failed, which shows it too. */
  if (escale_web_policy_may_navigate (self->policy, uri, ESCALE_WEB_FRAME_SUB))
    {
      if (escale_web_policy_may_navigate (self->policy, uri, ESCALE_WEB_FRAME_MAIN) ||
          webkit_navigation_action_get_frame_name (action) != NULL ||
          !is_person_initiated (action))
        {
          webkit_policy_decision_use (decision);
          return TRUE;
        }
    }
  webkit_policy_decision_ignore (decision);
  if (is_person_initiated (action) || is_pdf_viewer (uri))
    _escale_web_view_show_refusal (self, uri);
  else
    _escale_web_view_count_refusal (self, uri);
  return TRUE;
}

static gboolean
decide_response (EscaleWebView *self, WebKitPolicyDecision *decision)
{
  WebKitResponsePolicyDecision *response_decision = WEBKIT_RESPONSE_POLICY_DECISION (decision);
  WebKitURIResponse *response = webkit_response_policy_decision_get_response (response_decision);
  const char *uri = webkit_uri_response_get_uri (response);
  gboolean main = webkit_response_policy_decision_is_main_frame_main_resource (response_decision);

  /* The address after redirects is checked again; a strict page is shown
   * only with its guard in place. */
  if ((main && !_escale_web_view_filter_may_show (self, uri)) ||
      !escale_web_policy_may_navigate (self->policy, uri,
                                       main ? ESCALE_WEB_FRAME_MAIN : ESCALE_WEB_FRAME_SUB))
    {
      webkit_policy_decision_ignore (decision);
      if (main || is_pdf_viewer (uri))
        _escale_web_view_show_refusal (self, uri);
      else
        _escale_web_view_count_refusal (self, uri);
      return TRUE;
    }

  if (!webkit_response_policy_decision_is_mime_type_supported (response_decision))
    {
      /* A file the view cannot show is downloaded only where the activity
       * allows it; otherwise the calm page says so. */
      if (escale_web_policy_may_download (self->policy, uri) != NULL)
        webkit_policy_decision_download (decision);
      else
        {
          webkit_policy_decision_ignore (decision);
          if (main)
            _escale_web_view_show_refusal (self, uri);
          else
            _escale_web_view_count_refusal (self, uri);
        }
      return TRUE;
    }

  webkit_policy_decision_use (decision);
  return TRUE;
}

static gboolean
decide_policy_cb (WebKitWebView *web_view, WebKitPolicyDecision *decision,
                  WebKitPolicyDecisionType type, EscaleWebView *self)
{
  switch (type)
    {
    case WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION:
      return decide_navigation (self, decision, FALSE);
    case WEBKIT_POLICY_DECISION_TYPE_NEW_WINDOW_ACTION:
      return decide_navigation (self, decision, TRUE);
    case WEBKIT_POLICY_DECISION_TYPE_RESPONSE:
      return decide_response (self, decision);
    default:
      webkit_policy_decision_ignore (decision);
      return TRUE;
    }
}

/* window.open(): shown in the same view when allowed; never a window. */
static GtkWidget *
create_cb (WebKitWebView *web_view, WebKitNavigationAction *action, EscaleWebView *self)
{
  const char *uri = webkit_uri_request_get_uri (webkit_navigation_action_get_request (action));

  if (escale_web_policy_may_open_window (self->policy, uri))
    webkit_web_view_load_uri (self->web_view, uri);
  else
    _escale_web_view_show_refusal (self, uri);
  return NULL;
}

/* Returns TRUE: WebKit's own technical error page is never shown. */
static gboolean
load_failed_cb (WebKitWebView *web_view, WebKitLoadEvent event, const char *uri, GError *error,
                EscaleWebView *self)
{
  if (g_error_matches (error, WEBKIT_NETWORK_ERROR, WEBKIT_NETWORK_ERROR_CANCELLED) ||
      g_error_matches (error, WEBKIT_POLICY_ERROR,
                       WEBKIT_POLICY_ERROR_FRAME_LOAD_INTERRUPTED_BY_POLICY_CHANGE))
    {
      /* A page the policy refused after it started: a redirect or a
       * download. */
      if (g_strcmp0 (uri, self->last_refused) == 0)
        webkit_web_view_load_uri (self->web_view, ESCALE_WEB_REFUSED_URI);
      return TRUE;
    }
  if (g_str_has_prefix (uri, ESCALE_APP_SCHEME ":"))
    return TRUE;
  if (g_error_matches (error, WEBKIT_POLICY_ERROR, WEBKIT_POLICY_ERROR_CANNOT_USE_RESTRICTED_PORT))
    webkit_web_view_load_uri (self->web_view, ESCALE_WEB_REFUSED_URI);
  else
    {
      _escale_web_view_show_offline (self, uri);
      g_signal_emit (self, signals[SIGNAL_UNREACHABLE], 0);
    }
  return TRUE;
}

/* --- script dialogs ---------------------------------------------------- */

static void
close_dialog (EscaleWebView *self, gboolean yes)
{
  if (self->dialog == NULL)
    return;
  if (webkit_script_dialog_get_dialog_type (self->dialog) == WEBKIT_SCRIPT_DIALOG_CONFIRM)
    webkit_script_dialog_confirm_set_confirmed (self->dialog, yes);
  webkit_script_dialog_close (self->dialog);
  g_clear_pointer (&self->dialog, webkit_script_dialog_unref);
  gtk_widget_set_visible (self->dialog_box, FALSE);
}

/* alert() and confirm() are drawn inside the view, large and calm; a
 * prompt() is answered "no answer" and leaving a page is never held back.
 * Nothing here can stop a reset: the view's disposal closes the dialog. */
static gboolean
script_dialog_cb (WebKitWebView *web_view, WebKitScriptDialog *dialog, EscaleWebView *self)
{
  WebKitScriptDialogType type = webkit_script_dialog_get_dialog_type (dialog);

  switch (type)
    {
    case WEBKIT_SCRIPT_DIALOG_PROMPT:
      webkit_script_dialog_prompt_set_text (dialog, NULL);
      return TRUE;
    case WEBKIT_SCRIPT_DIALOG_BEFORE_UNLOAD_CONFIRM:
      webkit_script_dialog_confirm_set_confirmed (dialog, TRUE);
      return TRUE;
    case WEBKIT_SCRIPT_DIALOG_ALERT:
    case WEBKIT_SCRIPT_DIALOG_CONFIRM:
    default:
      break;
    }

  close_dialog (self, FALSE);
  self->dialog = webkit_script_dialog_ref (dialog);
  gtk_label_set_text (self->dialog_label, webkit_script_dialog_get_message (dialog));
  gtk_widget_set_visible (self->dialog_no, type == WEBKIT_SCRIPT_DIALOG_CONFIRM);
  gtk_widget_set_visible (self->dialog_box, TRUE);
  return TRUE;
}

static void
dialog_yes_cb (EscaleWebView *self)
{
  close_dialog (self, TRUE);
}

static void
dialog_no_cb (EscaleWebView *self)
{
  close_dialog (self, FALSE);
}

/* --- crash and hang ---------------------------------------------------- */

static void
set_crashed (EscaleWebView *self, gboolean crashed)
{
  if (self->crashed == crashed)
    return;
  self->crashed = crashed;
  gtk_stack_set_visible_child (GTK_STACK (self->stack), crashed ? self->crash_box : self->overlay);
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_CRASHED]);
}

static void
web_process_terminated_cb (WebKitWebView *web_view, WebKitWebProcessTerminationReason reason,
                           EscaleWebView *self)
{
  g_message ("The web process ended (reason %d); showing the calm crash page", reason);
  _escale_web_view_watchdog_reset (self);
  close_dialog (self, FALSE);
  set_crashed (self, TRUE);
}

static void
uri_changed_cb (EscaleWebView *self)
{
  const char *uri = webkit_web_view_get_uri (self->web_view);

  if (escale_web_policy_is_allowed_origin (self->policy, uri))
    {
      g_free (self->last_page);
      self->last_page = g_strdup (uri);
    }
}

/* --- zoom follows the window's text size ------------------------------- */

static void
escale_web_view_css_changed (GtkWidget *widget, GtkCssStyleChange *change)
{
  EscaleWebView *self = ESCALE_WEB_VIEW (widget);
  PangoFontDescription *font;
  double size;

  GTK_WIDGET_CLASS (escale_web_view_parent_class)->css_changed (widget, change);
  font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  if (font == NULL || self->web_view == NULL)
    return;
  size = (double) pango_font_description_get_size (font) / PANGO_SCALE;
  if (size > 0)
    /* 24 px, the smallest text size of the kiosk, shows pages 25 % larger. */
    webkit_web_view_set_zoom_level (self->web_view, CLAMP (size / 24.0 * 1.25, 1.0, 2.5));
}

/* --- construction ------------------------------------------------------ */

static WebKitSettings *
hardened_settings (EscaleWebPolicy *policy)
{
  gboolean media = escale_web_policy_has_permission (policy, ESCALE_WEB_PERMISSION_CAMERA) ||
                   escale_web_policy_has_permission (policy, ESCALE_WEB_PERMISSION_MICROPHONE);

  return g_object_new (WEBKIT_TYPE_SETTINGS, "enable-developer-extras", FALSE,
                       "enable-write-console-messages-to-stdout", FALSE,
                       "javascript-can-open-windows-automatically", FALSE,
                       "javascript-can-access-clipboard", FALSE,
                       "allow-file-access-from-file-urls", FALSE,
                       "allow-universal-access-from-file-urls", FALSE,
                       "allow-top-navigation-to-data-urls", FALSE, "allow-modal-dialogs", FALSE,
                       "disable-web-security", FALSE, "enable-back-forward-navigation-gestures",
                       FALSE, "enable-caret-browsing", FALSE, "enable-encrypted-media", FALSE,
                       /* Only a web call's policy grants camera or microphone. */
                       "enable-webrtc", media, "enable-media-stream", media,
                       /* A page leaving fullscreen would take the kiosk window
                        * out of fullscreen with it. */
                       "enable-fullscreen", FALSE, "media-playback-requires-user-gesture", TRUE,
                       NULL);
}

static void
retry_clicked_cb (EscaleWebView *self)
{
  escale_web_view_retry (self);
}

static GtkWidget *
crash_page_new (EscaleWebView *self)
{
  GtkWidget *retry = _escale_web_view_big_button (_ ("Réessayer"), "suggested-action");
  GtkWidget *home = _escale_web_view_big_button (_ ("Accueil"), NULL);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (home), "win.home");
  g_signal_connect_swapped (retry, "clicked", G_CALLBACK (retry_clicked_cb), self);
  return _escale_web_view_message_page_new (
    _ ("La page a rencontré un problème."),
    _ ("Ce n'est pas de votre faute. Touchez Réessayer pour la revoir, ou Accueil pour revenir "
       "aux grands boutons."),
    retry, home);
}

static GtkWidget *
dialog_card_new (EscaleWebView *self)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 32);
  GtkWidget *yes = _escale_web_view_big_button (_ ("D'accord"), "suggested-action");

  self->dialog_no = _escale_web_view_big_button (_ ("Non"), NULL);
  self->dialog_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->dialog_label, TRUE);
  gtk_label_set_max_width_chars (self->dialog_label, 40);
  gtk_widget_add_css_class (card, "web-dialog");
  gtk_widget_set_halign (card, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (card, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (yes, "clicked", G_CALLBACK (dialog_yes_cb), self);
  g_signal_connect_swapped (self->dialog_no, "clicked", G_CALLBACK (dialog_no_cb), self);
  gtk_box_append (GTK_BOX (buttons), yes);
  gtk_box_append (GTK_BOX (buttons), self->dialog_no);
  gtk_box_append (GTK_BOX (card), GTK_WIDGET (self->dialog_label));
  gtk_box_append (GTK_BOX (card), buttons);
  gtk_widget_set_visible (card, FALSE);
  return card;
}

static void
escale_web_view_constructed (GObject *object)
{
  EscaleWebView *self = ESCALE_WEB_VIEW (object);
  g_autoptr(WebKitSettings) settings = NULL;

  G_OBJECT_CLASS (escale_web_view_parent_class)->constructed (object);

  if (self->policy == NULL)
    self->policy = escale_web_policy_new ();
  self->session = g_object_ref (escale_web_profile_get_network_session (self->profile));
  escale_web_profile_expect_web_process (self->profile);
  escale_app_scheme_register (escale_web_profile_get_web_context (self->profile));
  settings = hardened_settings (self->policy);

  self->web_view = g_object_new (WEBKIT_TYPE_WEB_VIEW, "network-session", self->session,
                                 "web-context", escale_web_profile_get_web_context (self->profile),
                                 "settings", settings, NULL);
  gtk_widget_set_hexpand (GTK_WIDGET (self->web_view), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->web_view), TRUE);

  self->overlay = gtk_overlay_new ();
  gtk_overlay_set_child (GTK_OVERLAY (self->overlay), GTK_WIDGET (self->web_view));
  self->dialog_box = dialog_card_new (self);
  gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay), self->dialog_box);
  self->crash_box = crash_page_new (self);

  self->stack = gtk_stack_new ();
  gtk_stack_add_child (GTK_STACK (self->stack), self->overlay);
  gtk_stack_add_child (GTK_STACK (self->stack), self->crash_box);
  _escale_web_view_add_offline_and_loading (self);
  gtk_widget_set_parent (self->stack, GTK_WIDGET (self));

  g_signal_connect_object (self->web_view, "decide-policy", G_CALLBACK (decide_policy_cb), self,
                           0);
  g_signal_connect_object (self->web_view, "create", G_CALLBACK (create_cb), self, 0);
  g_signal_connect_object (self->web_view, "load-failed", G_CALLBACK (load_failed_cb), self, 0);
  _escale_web_view_connect_requests (self);
  g_signal_connect_object (self->web_view, "script-dialog", G_CALLBACK (script_dialog_cb), self,
                           0);
  g_signal_connect_object (self->web_view, "web-process-terminated",
                           G_CALLBACK (web_process_terminated_cb), self, 0);
  g_signal_connect_object (self->web_view, "notify::uri", G_CALLBACK (uri_changed_cb), self,
                           G_CONNECT_SWAPPED);
  _escale_web_view_watchdog_start (self);
  _escale_web_view_filter_start (self);
}

static void
escale_web_view_dispose (GObject *object)
{
  EscaleWebView *self = ESCALE_WEB_VIEW (object);

  _escale_web_view_watchdog_stop (self);
  _escale_web_view_filter_stop (self);
  g_clear_handle_id (&self->refusal_id, g_source_remove);
  if (self->dialog != NULL)
    close_dialog (self, FALSE);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  escale_web_view_set_file_chooser (self, NULL, NULL, NULL);
  g_clear_pointer (&self->stack, gtk_widget_unparent);
  self->overlay = NULL;
  self->web_view = NULL;
  g_clear_pointer (&self->failed_uri, g_free);
  g_clear_object (&self->session);
  g_clear_object (&self->profile);
  g_clear_object (&self->policy);
  G_OBJECT_CLASS (escale_web_view_parent_class)->dispose (object);
}

static void
escale_web_view_finalize (GObject *object)
{
  EscaleWebView *self = ESCALE_WEB_VIEW (object);

  g_free (self->start_uri);
  g_free (self->last_page);
  g_free (self->last_refused);
  G_OBJECT_CLASS (escale_web_view_parent_class)->finalize (object);
}

static void
escale_web_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  EscaleWebView *self = ESCALE_WEB_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROFILE:
      g_value_set_object (value, self->profile);
      break;
    case PROP_POLICY:
      g_value_set_object (value, self->policy);
      break;
    case PROP_CRASHED:
      g_value_set_boolean (value, self->crashed);
      break;
    case PROP_REFUSALS:
      g_value_set_uint (value, self->refusals);
      break;
    case PROP_BLOCKED:
      g_value_set_uint (value, self->blocked);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_web_view_set_property (GObject *object, guint prop_id, const GValue *value,
                              GParamSpec *pspec)
{
  EscaleWebView *self = ESCALE_WEB_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROFILE:
      self->profile = g_value_dup_object (value);
      break;
    case PROP_POLICY:
      self->policy = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_web_view_class_init (EscaleWebViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = escale_web_view_constructed;
  object_class->dispose = escale_web_view_dispose;
  object_class->finalize = escale_web_view_finalize;
  object_class->get_property = escale_web_view_get_property;
  object_class->set_property = escale_web_view_set_property;
  widget_class->css_changed = escale_web_view_css_changed;

  pspecs[PROP_PROFILE] =
    g_param_spec_object ("profile", NULL, NULL, ESCALE_TYPE_WEB_PROFILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  pspecs[PROP_POLICY] =
    g_param_spec_object ("policy", NULL, NULL, ESCALE_TYPE_WEB_POLICY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  pspecs[PROP_CRASHED] =
    g_param_spec_boolean ("crashed", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  pspecs[PROP_REFUSALS] =
    g_param_spec_uint ("refusals", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  pspecs[PROP_BLOCKED] =
    g_param_spec_uint ("blocked", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, pspecs);

  /* A page could not be reached (no network, a site that does not answer):
   * the person sees the calm page; staff may want to know. No address is
   * given, since it may be where the person went. */
  signals[SIGNAL_UNREACHABLE] = g_signal_new ("unreachable", G_TYPE_FROM_CLASS (klass),
                                              G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                              0);
  /* "Retour" on the page of a site that did not answer, with no page of
   * it to go back to: whoever shows the view takes the person back (to
   * the list of sites, to the procedure). */
  signals[SIGNAL_LEAVE] = g_signal_new ("leave", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "escalewebview");
}

static void
escale_web_view_init (EscaleWebView *self)
{
}

/* Returns: (transfer floating): a locked web view of @profile's session,
 * refusing all that @policy does not allow. */
/* Returns: (transfer none): what this view allows (sites, chooser). */
EscaleWebPolicy *
escale_web_view_get_policy (EscaleWebView *self)
{
  g_return_val_if_fail (ESCALE_IS_WEB_VIEW (self), NULL);
  return self->policy;
}

GtkWidget *
escale_web_view_new (EscaleWebProfile *profile, EscaleWebPolicy *policy)
{
  g_return_val_if_fail (ESCALE_IS_WEB_PROFILE (profile), NULL);
  return g_object_new (ESCALE_TYPE_WEB_VIEW, "profile", profile, "policy", policy, NULL);
}

/* Loads @uri, the page "Retour" comes back to when there is no history. */
void
escale_web_view_load (EscaleWebView *self, const char *uri)
{
  g_return_if_fail (ESCALE_IS_WEB_VIEW (self));
  g_free (self->start_uri);
  self->start_uri = g_strdup (uri);
  if (!escale_web_policy_may_navigate (self->policy, uri, ESCALE_WEB_FRAME_MAIN))
    _escale_web_view_show_refusal (self, uri);
  else if (_escale_web_view_filter_ready (self, uri))
    webkit_web_view_load_uri (self->web_view, uri);
}

/* "Retour": the page before, skipping Escale's refusal pages; FALSE when
 * there is none (the caller then leaves the web view). */
gboolean
escale_web_view_go_back (EscaleWebView *self)
{
  WebKitBackForwardList *list;
  GList *back;
  gboolean moved = FALSE;

  g_return_val_if_fail (ESCALE_IS_WEB_VIEW (self), FALSE);

  close_dialog (self, FALSE);
  list = webkit_web_view_get_back_forward_list (self->web_view);
  back = webkit_back_forward_list_get_back_list (list);
  for (GList *l = back; l != NULL; l = l->next)
    {
      WebKitBackForwardListItem *item = l->data;

      if (!g_str_has_prefix (webkit_back_forward_list_item_get_uri (item), ESCALE_APP_SCHEME ":"))
        {
          webkit_web_view_go_to_back_forward_list_item (self->web_view, item);
          moved = TRUE;
          break;
        }
    }
  g_list_free (back);
  return moved;
}

void
_escale_web_view_emit_leave (EscaleWebView *self)
{
  g_signal_emit (self, signals[SIGNAL_LEAVE], 0);
}

/* "Réessayer" after a crash, or after a page that did not answer. */
void
escale_web_view_retry (EscaleWebView *self)
{
  const char *uri;

  g_return_if_fail (ESCALE_IS_WEB_VIEW (self));
  set_crashed (self, FALSE);
  uri = self->last_page != NULL ? self->last_page : self->start_uri;
  if (uri != NULL)
    webkit_web_view_load_uri (self->web_view, uri);
}

WebKitWebView *
escale_web_view_get_web_view (EscaleWebView *self)
{
  g_return_val_if_fail (ESCALE_IS_WEB_VIEW (self), NULL);
  return self->web_view;
}

gboolean
escale_web_view_get_crashed (EscaleWebView *self)
{
  g_return_val_if_fail (ESCALE_IS_WEB_VIEW (self), FALSE);
  return self->crashed;
}

/* How many things the policy refused in this view (pages, windows,
 * permissions, downloads, dialogs). */
guint
escale_web_view_get_refusals (EscaleWebView *self)
{
  g_return_val_if_fail (ESCALE_IS_WEB_VIEW (self), 0);
  return self->refusals;
}

/* Returns: (nullable): the text of the page's alert or confirm shown now. */
const char *
escale_web_view_get_dialog_message (EscaleWebView *self)
{
  g_return_val_if_fail (ESCALE_IS_WEB_VIEW (self), NULL);
  return self->dialog != NULL ? webkit_script_dialog_get_message (self->dialog) : NULL;
}

/* Answers the page's alert or confirm as the buttons do. */
gboolean
escale_web_view_answer_dialog (EscaleWebView *self, gboolean yes)
{
  g_return_val_if_fail (ESCALE_IS_WEB_VIEW (self), FALSE);
  if (self->dialog == NULL)
    return FALSE;
  close_dialog (self, yes);
  return TRUE;
}

void
escale_web_view_set_file_chooser (EscaleWebView *self, EscaleWebFileChooserFunc func,
                                  gpointer user_data, GDestroyNotify destroy)
{
  GDestroyNotify old_destroy;
  gpointer old_data;

  g_return_if_fail (ESCALE_IS_WEB_VIEW (self));
  old_destroy = self->file_chooser_destroy;
  old_data = self->file_chooser_data;
  self->file_chooser = func;
  self->file_chooser_data = user_data;
  self->file_chooser_destroy = destroy;
  if (old_destroy != NULL)
    old_destroy (old_data);
}

void
escale_web_view_add_overlay (EscaleWebView *self, GtkWidget *card)
{
  g_return_if_fail (ESCALE_IS_WEB_VIEW (self));
  gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay), card);
}

void
escale_web_view_remove_overlay (EscaleWebView *self, GtkWidget *card)
{
  g_return_if_fail (ESCALE_IS_WEB_VIEW (self));
  if (self->overlay != NULL && gtk_widget_get_parent (card) == self->overlay)
    gtk_overlay_remove_overlay (GTK_OVERLAY (self->overlay), card);
}
