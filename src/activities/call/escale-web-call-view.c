/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-shell"

#include <glib/gi18n.h>

#include "escale-ui-util.h"
#include "escale-web-call-view.h"
#include "escale-web-capabilities.h"
#include "escale-web-view.h"

/* A call activity configured as a visio site ([Call] web-url=): the site in
 * the locked web view, which may go nowhere but the site's origin and gets
 * the camera and the microphone for that origin only. That needs WebRTC in
 * WebKitGTK, which Debian 12's build lacks: the view asks
 * escale-web-capabilities first and, where the answer is no, shows a calm
 * page instead (staff see a notice on the welcome screen). While the
 * camera or the microphone is in use the view is "holding", so the
 * countdown never interrupts a call; leaving drops the view, its page and
 * its web process. */
struct _EscaleWebCallView
{
  EscaleActivityView parent_instance;

  /* children */
  GtkStack *stack;
  GtkWidget *web_view; /* EscaleWebView in the stack, or NULL */

  /* owned */
  GCancellable *cancellable;
};

enum
{
  PROP_0,
  PROP_SCREEN,
  N_PROPS,
};

static GParamSpec *pspecs[N_PROPS];

G_DEFINE_FINAL_TYPE (EscaleWebCallView, escale_web_call_view, ESCALE_TYPE_ACTIVITY_VIEW)

/* Returns: (transfer full): a policy that allows only the origin of
 * @web_url, and the camera and microphone for it. */
EscaleWebPolicy *
escale_web_call_view_new_policy (const char *web_url, GError **error)
{
  g_autoptr(EscaleWebPolicy) policy = escale_web_policy_new ();

  if (!escale_web_policy_allow_origin (policy, web_url, error))
    return NULL;
  escale_web_policy_allow_permission (policy, ESCALE_WEB_PERMISSION_CAMERA);
  escale_web_policy_allow_permission (policy, ESCALE_WEB_PERMISSION_MICROPHONE);
  return g_steal_pointer (&policy);
}

static void
capture_changed_cb (EscaleWebCallView *self, GParamSpec *pspec, WebKitWebView *web)
{
  web = escale_web_view_get_web_view (ESCALE_WEB_VIEW (self->web_view));
  escale_activity_view_set_holding (ESCALE_ACTIVITY_VIEW (self),
                                    webkit_web_view_get_camera_capture_state (web) ==
                                        WEBKIT_MEDIA_CAPTURE_STATE_ACTIVE ||
                                      webkit_web_view_get_microphone_capture_state (web) ==
                                        WEBKIT_MEDIA_CAPTURE_STATE_ACTIVE);
}

static void
show (EscaleWebCallView *self, const char *screen)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), screen) == 0)
    return;
  gtk_stack_set_visible_child_name (self->stack, screen);
  /* The calm page says it all: the activity's steps (about a call) step
   * aside. */
  escale_activity_view_set_presenting (ESCALE_ACTIVITY_VIEW (self),
                                       g_strcmp0 (screen, "unavailable") == 0);
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_SCREEN]);
}

static void
open_site (EscaleWebCallView *self)
{
  EscaleActivity *activity = escale_activity_view_get_activity (ESCALE_ACTIVITY_VIEW (self));
  EscaleWebProfile *profile = escale_activity_view_get_web_profile (ESCALE_ACTIVITY_VIEW (self));
  g_autofree char *url = escale_activity_get_string (activity, "Call", "web-url");
  g_autoptr(EscaleWebPolicy) policy = NULL;
  g_autoptr(GError) error = NULL;

  policy = escale_web_call_view_new_policy (url, &error);
  if (policy == NULL || profile == NULL)
    {
      if (error != NULL)
        g_message ("%s: [Call] web-url: %s", escale_activity_get_source (activity),
                   error->message);
      show (self, "unavailable");
      return;
    }
  self->web_view = escale_web_view_new (profile, policy);
  gtk_widget_set_vexpand (self->web_view, TRUE);
  gtk_widget_set_hexpand (self->web_view, TRUE);
  gtk_stack_add_named (self->stack, self->web_view, "web");
  escale_web_view_load (ESCALE_WEB_VIEW (self->web_view), url);
  /* The countdown is held only while the camera or the microphone is in
   * use (a call): a site left open by someone who walked away is wiped
   * like any other page. */
  {
    WebKitWebView *web = escale_web_view_get_web_view (ESCALE_WEB_VIEW (self->web_view));

    g_signal_connect_object (web, "notify::camera-capture-state", G_CALLBACK (capture_changed_cb),
                             self, G_CONNECT_SWAPPED);
    g_signal_connect_object (web, "notify::microphone-capture-state",
                             G_CALLBACK (capture_changed_cb), self, G_CONNECT_SWAPPED);
  }
  show (self, "web");
}

static void
probed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  EscaleWebCallView *self;
  g_autoptr(GError) error = NULL;
  gboolean has_webrtc = FALSE;
  gboolean known;

  known = escale_web_capabilities_probe_webrtc_finish (result, &has_webrtc, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = ESCALE_WEB_CALL_VIEW (user_data);
  if (!known)
    g_message ("WebRTC could not be checked: %s", error->message);
  if (known && has_webrtc)
    open_site (self);
  else
    show (self, "unavailable");
}

/* A title and one sentence; the top bar's Accueil is the way out (a second
 * Accueil here said the same word twice on one screen). */
static GtkWidget *
unavailable_page_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 32);
  GtkWidget *title = escale_wrapped_label_new (_ ("Les appels vidéo par internet ne sont pas "
                                                  "possibles sur ce poste."),
                                               "web-crash-title");
  GtkWidget *text = escale_wrapped_label_new (_ ("Un aidant peut vous aider."), "web-crash-text");

  gtk_label_set_justify (GTK_LABEL (title), GTK_JUSTIFY_CENTER);
  gtk_label_set_justify (GTK_LABEL (text), GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 30);
  gtk_widget_set_halign (title, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (text, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_start (box, 48);
  gtk_widget_set_margin_end (box, 48);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), text);
  return box;
}

static void
escale_web_call_view_constructed (GObject *object)
{
  EscaleWebCallView *self = ESCALE_WEB_CALL_VIEW (object);
  EscaleActivity *activity = escale_activity_view_get_activity (ESCALE_ACTIVITY_VIEW (self));

  G_OBJECT_CLASS (escale_web_call_view_parent_class)->constructed (object);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  escale_activity_get_title (activity), -1);
  /* Answers at once when the start-up check already asked WebKit. */
  escale_web_capabilities_probe_webrtc (self->cancellable, probed_cb, self);
}

static void
escale_web_call_view_dispose (GObject *object)
{
  EscaleWebCallView *self = ESCALE_WEB_CALL_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->web_view = NULL;
  if (self->stack != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->stack));
      self->stack = NULL;
    }
  G_OBJECT_CLASS (escale_web_call_view_parent_class)->dispose (object);
}

static void
escale_web_call_view_get_property (GObject *object, guint prop_id, GValue *value,
                                   GParamSpec *pspec)
{
  EscaleWebCallView *self = ESCALE_WEB_CALL_VIEW (object);

  switch (prop_id)
    {
    case PROP_SCREEN:
      g_value_set_string (value, escale_web_call_view_get_screen (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_web_call_view_class_init (EscaleWebCallViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = escale_web_call_view_constructed;
  object_class->dispose = escale_web_call_view_dispose;
  object_class->get_property = escale_web_call_view_get_property;

  /* "wait" (WebKit is being asked), "unavailable" or "web". */
  pspecs[PROP_SCREEN] =
    g_param_spec_string ("screen", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, pspecs);

  gtk_widget_class_set_css_name (widget_class, "webcallview");
}

static void
escale_web_call_view_init (EscaleWebCallView *self)
{
  GtkWidget *wait = escale_wrapped_label_new (_ ("Un instant…"), "web-crash-text");

  self->cancellable = g_cancellable_new ();
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, wait, "wait");
  gtk_stack_add_named (self->stack, unavailable_page_new (), "unavailable");
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));
}

/* "wait", "unavailable" or "web". */
const char *
escale_web_call_view_get_screen (EscaleWebCallView *self)
{
  g_return_val_if_fail (ESCALE_IS_WEB_CALL_VIEW (self), NULL);
  return self->stack != NULL ? gtk_stack_get_visible_child_name (self->stack) : NULL;
}
