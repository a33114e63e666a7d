/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-call"

#include <glib/gi18n.h>

#include "escale-call-view.h"
#include "escale-qr.h"
#include "escale-ui-util.h"

/* The video call screen: a camera preview with two choices (make a code for
 * the family, or type the code they gave), the code in huge digits with a QR
 * code and the family page's address, a big digit pad, and the call itself:
 * the family large, oneself small, a huge red "Raccrocher", microphone and
 * camera switches. One line of guidance on top says what is happening, in
 * plain words. The countdown is held while a call is on; leaving or a reset
 * hangs up, and nothing of the call is kept. */
struct _EscaleCallView
{
  GtkWidget parent_instance;

  /* widgets */
  GtkWidget *box;
  GtkLabel *guide;
  GtkStack *stack;
  GtkLabel *pad_display;
  GtkLabel *code_label;
  GtkPicture *qr_picture;
  GtkLabel *link_label;
  GtkPicture *remote_picture;
  GtkPicture *self_pictures[2];   /* preview, call */
  GtkWidget *microphone_button;
  GtkWidget *camera_button;
  GtkLabel *message_title;
  GtkLabel *message_text;
  GtkWidget *message_button;

  /* owned */
  EscaleActivity *activity;
  EscaleKiosk *kiosk;
  EscaleCall *call;
  char *family_page;
  GString *typed;
  gboolean made_room;
  gboolean holding;
  gboolean call_open;    /* counted as started, not yet as ended */
  gboolean call_counted; /* the open call was counted as connected */
  gboolean closing;      /* a reset or the end of the page: do not reopen the camera */
};

enum {
  PROP_0,
  PROP_ACTIVITY,
  PROP_KIOSK,
  N_PROPS
};

static GParamSpec *pspecs[N_PROPS];

G_DEFINE_FINAL_TYPE (EscaleCallView, escale_call_view, GTK_TYPE_WIDGET)

#define WIPER_NAME "video-call"

static void
button_set_text (GtkWidget *button, const char *text)
{
  gtk_label_set_text (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
}

static void
set_guide (EscaleCallView *self, const char *text)
{
  gtk_label_set_text (self->guide, text);
}

static void
show_message (EscaleCallView *self, const char *title, const char *text, const char *button)
{
  gtk_label_set_text (self->message_title, title);
  gtk_label_set_text (self->message_text, text);
  button_set_text (self->message_button, button);
  gtk_stack_set_visible_child_name (self->stack, "message");
}

static void
hold_session (EscaleCallView *self, gboolean hold)
{
  escale_session_set_hold (escale_kiosk_get_session (self->kiosk), &self->holding, hold);
}

/* The anonymous statistics: a call starts when a room is made or a code
 * typed, and ends at the hang-up or a problem, whatever happens between. */
static void
count_call (EscaleCallView *self, EscaleCallState state)
{
  EscaleSession *session = escale_kiosk_get_session (self->kiosk);
  gboolean open = state == ESCALE_CALL_STATE_CONNECTING || state == ESCALE_CALL_STATE_WAITING ||
                  state == ESCALE_CALL_STATE_IN_CALL;

  if (open && !self->call_open)
    {
      escale_session_count (session, "call", "started", 1);
      self->call_counted = FALSE;
    }
  else if (!open && self->call_open)
    escale_session_stop_timer (session, "call", "minutes");
  self->call_open = open;
  /* A call that connects again after the family left and came back still
   * counts once; its minutes run from the first connection to the hang-up. */
  if (state == ESCALE_CALL_STATE_IN_CALL && !self->call_counted)
    {
      escale_session_count (session, "call", "connected", 1);
      escale_session_start_timer (session, "call", "minutes");
      self->call_counted = TRUE;
    }
}

static void
show_code (EscaleCallView *self)
{
  const char *code = escale_call_get_code (self->call);
  g_autofree char *spaced = NULL;
  g_autofree char *link = NULL;
  g_autoptr(GdkTexture) qr = NULL;

  if (code == NULL)
    return;
  spaced = g_strdup_printf ("%.3s %.3s", code, code + 3);
  gtk_label_set_text (self->code_label, spaced);
  if (self->family_page != NULL)
    {
      link = g_strdup_printf ("%s%scode=%s", self->family_page,
                              strchr (self->family_page, '?') != NULL ? "&" : "?", code);
      qr = escale_qr_texture_new (link);
      gtk_label_set_text (self->link_label, self->family_page);
    }
  gtk_picture_set_paintable (self->qr_picture, GDK_PAINTABLE (qr));
  gtk_widget_set_visible (GTK_WIDGET (self->qr_picture), qr != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->link_label), self->family_page != NULL);
  gtk_stack_set_visible_child_name (self->stack, "code");
}

static void
show_problem (EscaleCallView *self, EscaleCallProblem problem)
{
  switch (problem)
    {
    case ESCALE_CALL_PROBLEM_WRONG_CODE:
      set_guide (self, _("Vérifiez le code avec votre proche."));
      show_message (self, _("Ce code ne correspond à aucun appel."),
                    _("Vérifiez les 6 chiffres avec votre proche, puis touchez Réessayer."),
                    _("Réessayer"));
      break;
    case ESCALE_CALL_PROBLEM_ROOM_FULL:
      set_guide (self, _("Cet appel a déjà tout son monde."));
      show_message (self, _("Cet appel est déjà complet."),
                    _("Demandez à votre proche de vous rappeler avec un nouveau code."),
                    _("Recommencer"));
      break;
    case ESCALE_CALL_PROBLEM_SERVER_UNREACHABLE:
      set_guide (self, _("Ce n'est pas de votre faute."));
      show_message (self, _("L'appel vidéo ne répond pas pour le moment."),
                    _("Ce n'est pas de votre faute. Réessayez dans un moment, ou demandez à "
                      "un aidant."),
                    _("Réessayer"));
      break;
    case ESCALE_CALL_PROBLEM_CONNECTION_LOST:
      set_guide (self, _("Ce n'est pas de votre faute."));
      show_message (self, _("L'appel s'est coupé."),
                    _("Ce n'est pas de votre faute. Vous pouvez rappeler votre proche."),
                    _("Rappeler"));
      break;
    case ESCALE_CALL_PROBLEM_PEER_LEFT:
      set_guide (self, _("L'appel est fini."));
      show_message (self, _("Votre proche a raccroché."),
                    _("Vous pouvez le rappeler quand vous voulez."), _("Recommencer"));
      break;
    case ESCALE_CALL_PROBLEM_NO_CAMERA:
    case ESCALE_CALL_PROBLEM_NO_MICROPHONE:
    case ESCALE_CALL_PROBLEM_MEDIA:
      /* For staff: on the welcome screen and in the staff space. */
      escale_config_add_problem (escale_kiosk_get_config (self->kiosk),
                                 escale_activity_get_source (self->activity), 0, NULL,
                                 _("la caméra ou le micro de ce poste ne répond pas : vérifiez "
                                   "qu'ils sont branchés (test-pattern=true montre une image "
                                   "de test pour une démonstration)"));
      set_guide (self, _("Ce n'est pas de votre faute."));
      show_message (self,
                    problem == ESCALE_CALL_PROBLEM_NO_MICROPHONE
                      ? _("Le micro de ce poste ne marche pas.")
                      : _("La caméra de ce poste ne marche pas."),
                    _("Prévenez un aidant : il peut vérifier le branchement."),
                    _("Réessayer"));
      break;
    case ESCALE_CALL_PROBLEM_NONE:
    default:
      break;
    }
}

static void
show_start (EscaleCallView *self)
{
  g_string_truncate (self->typed, 0);
  if (self->closing || !escale_call_start_preview (self->call))
    return;   /* the problem is shown by the state change */
  set_guide (self, _("Vous vous voyez ? Parfait. Touchez un des deux grands boutons."));
  gtk_stack_set_visible_child_name (self->stack, "start");
}

static void
on_state_changed (EscaleCallView *self)
{
  EscaleCallState state = escale_call_get_state (self->call);
  EscaleCallProblem problem = escale_call_get_problem (self->call);

  /* The countdown never interrupts a call being set up or under way; while
   * waiting for the family it runs as usual (one touch keeps the visit), so
   * a person who walks away is wiped and the camera stops. */
  hold_session (self, state == ESCALE_CALL_STATE_CONNECTING ||
                        state == ESCALE_CALL_STATE_IN_CALL);
  count_call (self, state);
  switch (state)
    {
    case ESCALE_CALL_STATE_IDLE:
      break;
    case ESCALE_CALL_STATE_CONNECTING:
      set_guide (self, _("Un instant, l'appel se prépare…"));
      break;
    case ESCALE_CALL_STATE_WAITING:
      if (problem == ESCALE_CALL_PROBLEM_PEER_LEFT)
        set_guide (self, self->made_room
                           ? _("Votre proche a quitté l'appel. Il peut revenir avec le même "
                               "code, ou touchez Raccrocher.")
                           : _("Votre proche a quitté l'appel. Touchez Raccrocher pour finir."));
      else
        set_guide (self, _("Votre proche n'a pas encore rejoint l'appel : patientez ou "
                           "rappelez-le."));
      if (self->made_room)
        show_code (self);
      else
        gtk_stack_set_visible_child_name (self->stack, "call");
      gtk_picture_set_paintable (self->remote_picture, NULL);
      break;
    case ESCALE_CALL_STATE_IN_CALL:
      set_guide (self, _("Vous êtes en communication. Pour finir, touchez Raccrocher."));
      gtk_stack_set_visible_child_name (self->stack, "call");
      break;
    case ESCALE_CALL_STATE_ENDED:
      gtk_picture_set_paintable (self->remote_picture, NULL);
      if (problem == ESCALE_CALL_PROBLEM_NONE)
        {
          show_start (self);
          set_guide (self, _("L'appel est terminé. Rien n'a été gardé."));
        }
      else
        show_problem (self, problem);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
show_frame (GtkPicture *picture, GBytes *frame, int width, int height, int stride)
{
  g_autoptr(GdkTexture) texture =
    gdk_memory_texture_new (width, height, GDK_MEMORY_B8G8R8A8, frame, (gsize) stride);

  gtk_picture_set_paintable (picture, GDK_PAINTABLE (texture));
}

static void
on_local_frame (EscaleCallView *self, GBytes *frame, int width, int height, int stride)
{
  const char *screen = gtk_stack_get_visible_child_name (self->stack);
  guint index = g_strcmp0 (screen, "call") == 0 ? 1 : 0;

  show_frame (self->self_pictures[index], frame, width, height, stride);
}

static void
on_remote_frame (EscaleCallView *self, GBytes *frame, int width, int height, int stride)
{
  show_frame (self->remote_picture, frame, width, height, stride);
}

static void
update_pad_display (EscaleCallView *self)
{
  GString *shown = g_string_new (NULL);

  for (guint i = 0; i < 6; i++)
    {
      if (i == 3)
        g_string_append_c (shown, ' ');
      g_string_append_c (shown, i < self->typed->len ? self->typed->str[i] : '_');
    }
  gtk_label_set_text (self->pad_display, shown->str);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "call.join", self->typed->len == 6);
  g_string_free (shown, TRUE);
}

/* --- Actions ------------------------------------------------------------- */

static void
action_create (GtkWidget *widget, const char *name, GVariant *parameter)
{
  EscaleCallView *self = ESCALE_CALL_VIEW (widget);

  self->made_room = TRUE;
  escale_call_create_room (self->call);
}

static void
action_pad (GtkWidget *widget, const char *name, GVariant *parameter)
{
  EscaleCallView *self = ESCALE_CALL_VIEW (widget);

  g_string_truncate (self->typed, 0);
  update_pad_display (self);
  set_guide (self, _("Tapez les 6 chiffres du code, puis touchez Appeler."));
  gtk_stack_set_visible_child_name (self->stack, "pad");
}

static void
action_digit (GtkWidget *widget, const char *name, GVariant *parameter)
{
  EscaleCallView *self = ESCALE_CALL_VIEW (widget);
  const char *digit = g_variant_get_string (parameter, NULL);

  if (self->typed->len < 6 && g_ascii_isdigit (digit[0]))
    g_string_append_c (self->typed, digit[0]);
  update_pad_display (self);
}

static void
action_erase (GtkWidget *widget, const char *name, GVariant *parameter)
{
  EscaleCallView *self = ESCALE_CALL_VIEW (widget);

  if (self->typed->len > 0)
    g_string_truncate (self->typed, self->typed->len - 1);
  update_pad_display (self);
}

static void
action_join (GtkWidget *widget, const char *name, GVariant *parameter)
{
  EscaleCallView *self = ESCALE_CALL_VIEW (widget);
  g_autofree char *code = g_strdup (self->typed->str);

  g_string_truncate (self->typed, 0);
  self->made_room = FALSE;
  escale_call_join_room (self->call, code);
}

static void
action_hang_up (GtkWidget *widget, const char *name, GVariant *parameter)
{
  escale_call_hang_up (ESCALE_CALL_VIEW (widget)->call);
}

static void
action_back (GtkWidget *widget, const char *name, GVariant *parameter)
{
  EscaleCallView *self = ESCALE_CALL_VIEW (widget);

  if (escale_call_get_problem (self->call) == ESCALE_CALL_PROBLEM_WRONG_CODE)
    {
      escale_call_start_preview (self->call);
      action_pad (widget, NULL, NULL);
      return;
    }
  show_start (self);
}

static void
update_switches (EscaleCallView *self)
{
  gboolean microphone = escale_call_get_microphone (self->call);
  gboolean camera = escale_call_get_camera (self->call);

  button_set_text (self->microphone_button,
                   microphone ? _("Couper le micro") : _("Remettre le micro"));
  button_set_text (self->camera_button,
                   camera ? _("Couper la caméra") : _("Remettre la caméra"));
}

static void
action_microphone (GtkWidget *widget, const char *name, GVariant *parameter)
{
  EscaleCallView *self = ESCALE_CALL_VIEW (widget);

  escale_call_set_microphone (self->call, !escale_call_get_microphone (self->call));
  update_switches (self);
}

static void
action_camera (GtkWidget *widget, const char *name, GVariant *parameter)
{
  EscaleCallView *self = ESCALE_CALL_VIEW (widget);

  escale_call_set_camera (self->call, !escale_call_get_camera (self->call));
  update_switches (self);
}

/* --- Building ------------------------------------------------------------ */

/* A button whose words wrap, so that the call screen fits 1024 px. */
static GtkWidget *
action_button (const char *label, const char *action, const char *css_class)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *text = gtk_label_new (label);

  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 14);
  gtk_label_set_justify (GTK_LABEL (text), GTK_JUSTIFY_CENTER);
  gtk_button_set_child (GTK_BUTTON (button), text);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  if (css_class != NULL)
    gtk_widget_add_css_class (button, css_class);
  if (label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    label, -1);
  return button;
}


static GtkPicture *
video_picture (const char *css_class)
{
  GtkWidget *picture = gtk_picture_new ();

  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_CONTAIN);
  gtk_widget_add_css_class (picture, css_class);
  return GTK_PICTURE (picture);
}

static GtkWidget *
build_start (EscaleCallView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *choices = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);

  self->self_pictures[0] = video_picture ("call-preview");
  gtk_widget_set_hexpand (GTK_WIDGET (self->self_pictures[0]), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self->self_pictures[0]), 240, 135);
  gtk_widget_set_valign (GTK_WIDGET (self->self_pictures[0]), GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->self_pictures[0]));
  gtk_widget_set_valign (choices, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (choices), action_button (_("Créer un code pour ma famille"),
                                                    "call.create", "call-choice"));
  gtk_box_append (GTK_BOX (choices), action_button (_("J'ai reçu un code"), "call.pad",
                                                    "call-choice"));
  gtk_box_append (GTK_BOX (box), choices);
  return box;
}

static GtkWidget *
build_pad (EscaleCallView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 16);
  GtkWidget *grid = gtk_grid_new ();
  const char *keys = "123456789";

  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *back = action_button (_("Retour"), "call.back", NULL);

  self->pad_display = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->pad_display), "call-pad-display");
  gtk_widget_set_hexpand (GTK_WIDGET (self->pad_display), TRUE);
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->pad_display));
  gtk_box_append (GTK_BOX (top), back);
  gtk_box_append (GTK_BOX (box), top);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 10);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 16);
  gtk_widget_set_halign (grid, GTK_ALIGN_CENTER);
  for (guint i = 0; i < 10; i++)
    {
      char digit[2] = { i < 9 ? keys[i] : '0', '\0' };
      GtkWidget *button = gtk_button_new_with_label (digit);

      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", digit);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "call.digit");
      gtk_widget_add_css_class (button, "call-key");
      gtk_grid_attach (GTK_GRID (grid), button, i < 9 ? (int) i % 3 : 1, i < 9 ? (int) i / 3 : 3,
                       1, 1);
    }
  gtk_grid_attach (GTK_GRID (grid), action_button (_("Effacer"), "call.erase", "call-key"), 0, 3,
                   1, 1);
  gtk_grid_attach (GTK_GRID (grid), action_button (_("Appeler"), "call.join", "call-go"), 2, 3, 1,
                   1);
  gtk_box_append (GTK_BOX (box), grid);
  return box;
}

static GtkWidget *
build_code (EscaleCallView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 20);
  GtkWidget *left = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *hang_up = action_button (_("Raccrocher"), "call.hang-up", "call-hang-up");

  gtk_widget_add_css_class (hang_up, "compact");
  gtk_widget_set_hexpand (left, TRUE);
  gtk_box_append (GTK_BOX (left), escale_wrapped_label_new (_("Donnez ce code à votre proche "
                                                              "au téléphone :"),
                                                            "call-code-intro"));
  self->code_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->code_label), "call-code");
  gtk_label_set_selectable (self->code_label, FALSE);
  gtk_box_append (GTK_BOX (left), GTK_WIDGET (self->code_label));
  gtk_box_append (GTK_BOX (left), escale_wrapped_label_new (_("Il le tape sur la page d'appel, "
                                                              "ou il photographie le carré."),
                                                            "call-code-help"));
  self->link_label = GTK_LABEL (escale_wrapped_label_new (NULL, "call-link"));
  gtk_box_append (GTK_BOX (left), GTK_WIDGET (self->link_label));
  gtk_box_append (GTK_BOX (box), left);

  {
    GtkWidget *right = gtk_box_new (GTK_ORIENTATION_VERTICAL, 16);

    self->qr_picture = GTK_PICTURE (gtk_picture_new ());
    gtk_widget_set_size_request (GTK_WIDGET (self->qr_picture), 160, 160);
    gtk_widget_add_css_class (GTK_WIDGET (self->qr_picture), "call-qr");
    gtk_box_append (GTK_BOX (right), GTK_WIDGET (self->qr_picture));
    gtk_box_append (GTK_BOX (right), hang_up);
    gtk_box_append (GTK_BOX (box), right);
  }
  return box;
}

/* Oneself, small, in the bottom right corner of the family's picture:
 * a quarter of its width whatever the size of the frames. */
static gboolean
place_self_view (GtkOverlay *overlay, GtkWidget *child, GdkRectangle *allocation,
                 gpointer user_data)
{
  int width = gtk_widget_get_width (GTK_WIDGET (overlay));
  int height = gtk_widget_get_height (GTK_WIDGET (overlay));

  allocation->width = MAX (width / 4, 120);
  allocation->height = allocation->width * 9 / 16;
  allocation->x = MAX (width - allocation->width - 12, 0);
  allocation->y = MAX (height - allocation->height - 12, 0);
  return TRUE;
}

static GtkWidget *
build_call (EscaleCallView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
  GtkWidget *overlay = gtk_overlay_new ();
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 16);

  self->remote_picture = video_picture ("call-remote");
  gtk_widget_set_vexpand (GTK_WIDGET (self->remote_picture), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->remote_picture), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self->remote_picture), 320, 180);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), GTK_WIDGET (self->remote_picture));
  self->self_pictures[1] = video_picture ("call-self");
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), GTK_WIDGET (self->self_pictures[1]));
  g_signal_connect (overlay, "get-child-position", G_CALLBACK (place_self_view), NULL);
  gtk_box_append (GTK_BOX (box), overlay);

  self->microphone_button = action_button (NULL, "call.microphone", "call-switch");
  self->camera_button = action_button (NULL, "call.camera", "call-switch");
  gtk_box_append (GTK_BOX (bar), self->microphone_button);
  gtk_box_append (GTK_BOX (bar), self->camera_button);
  {
    GtkWidget *hang_up = action_button (_("Raccrocher"), "call.hang-up", "call-hang-up");

    gtk_widget_set_vexpand (hang_up, TRUE);
    gtk_box_append (GTK_BOX (bar), hang_up);
  }
  gtk_box_append (GTK_BOX (box), bar);
  return box;
}

static GtkWidget *
build_message (EscaleCallView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  self->message_title = GTK_LABEL (escale_wrapped_label_new (NULL, "message-title"));
  self->message_text = GTK_LABEL (escale_wrapped_label_new (NULL, "message-text"));
  self->message_button = action_button ("", "call.back", "call-choice");
  gtk_widget_set_halign (self->message_button, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->message_title));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->message_text));
  gtk_box_append (GTK_BOX (box), self->message_button);
  return box;
}

/* --- Reset and lifetime -------------------------------------------------- */

static gboolean
wipe_call (gpointer user_data, GError **error)
{
  EscaleCallView *self = user_data;

  self->closing = TRUE;
  escale_call_hang_up (self->call);
  hold_session (self, FALSE);
  if (!escale_call_is_closed (self->call))
    {
      g_set_error_literal (error, ESCALE_CALL_ERROR, ESCALE_CALL_ERROR_MEDIA,
                           "a video call pipeline is still running");
      return FALSE;
    }
  return TRUE;
}

static char *
call_key (EscaleActivity *activity, const char *key)
{
  return escale_activity_get_string (activity, "Call", key);
}

static void
escale_call_view_constructed (GObject *object)
{
  EscaleCallView *self = ESCALE_CALL_VIEW (object);
  g_autofree char *server = call_key (self->activity, "server");
  g_autofree char *test_pattern = call_key (self->activity, "test-pattern");
  EscaleCallMedia media = { 0 };

  G_OBJECT_CLASS (escale_call_view_parent_class)->constructed (object);

  media.test_pattern = g_strcmp0 (test_pattern, "true") == 0;
  media.stun_server = call_key (self->activity, "stun");
  media.turn_server = call_key (self->activity, "turn");
  media.local_address = call_key (self->activity, "local-address");
  self->family_page = call_key (self->activity, "family-page");
  self->call = escale_call_new (server != NULL ? server : "", &media);
  escale_call_media_clear (&media);

  g_signal_connect_object (self->call, "notify::state", G_CALLBACK (on_state_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->call, "notify::problem", G_CALLBACK (on_state_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->call, "local-frame", G_CALLBACK (on_local_frame), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->call, "remote-frame", G_CALLBACK (on_remote_frame), self,
                           G_CONNECT_SWAPPED);
  escale_reset_register (escale_kiosk_get_reset (self->kiosk), WIPER_NAME, wipe_call, self, NULL);
  update_switches (self);

  if (server == NULL)
    {
      g_message ("staff: the video call has no [Call] server in %s",
                 escale_activity_get_source (self->activity));
      set_guide (self, _("Ce n'est pas de votre faute."));
      show_message (self, _("L'appel vidéo n'est pas encore prêt sur ce poste."),
                    _("Un aidant peut vous aider à appeler vos proches autrement."),
                    _("Réessayer"));
      gtk_widget_set_visible (self->message_button, FALSE);
      return;
    }
  show_start (self);
}

static void
escale_call_view_dispose (GObject *object)
{
  EscaleCallView *self = ESCALE_CALL_VIEW (object);

  if (self->call != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->call, self);
      escale_call_hang_up (self->call);
      g_clear_object (&self->call);
    }
  if (self->kiosk != NULL)
    {
      hold_session (self, FALSE);
      if (self->call_open)   /* left with Accueil during a call */
        escale_session_stop_timer (escale_kiosk_get_session (self->kiosk), "call", "minutes");
      self->call_open = FALSE;
      escale_reset_unregister (escale_kiosk_get_reset (self->kiosk), WIPER_NAME);
    }
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->activity);
  g_clear_object (&self->kiosk);
  G_OBJECT_CLASS (escale_call_view_parent_class)->dispose (object);
}

static void
escale_call_view_finalize (GObject *object)
{
  EscaleCallView *self = ESCALE_CALL_VIEW (object);

  g_free (self->family_page);
  g_string_free (self->typed, TRUE);
  G_OBJECT_CLASS (escale_call_view_parent_class)->finalize (object);
}

static void
escale_call_view_get_property (GObject *object, guint prop_id, GValue *value,
                               GParamSpec *pspec)
{
  EscaleCallView *self = ESCALE_CALL_VIEW (object);

  switch (prop_id)
    {
    case PROP_ACTIVITY:
      g_value_set_object (value, self->activity);
      break;
    case PROP_KIOSK:
      g_value_set_object (value, self->kiosk);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_call_view_set_property (GObject *object, guint prop_id, const GValue *value,
                               GParamSpec *pspec)
{
  EscaleCallView *self = ESCALE_CALL_VIEW (object);

  switch (prop_id)
    {
    case PROP_ACTIVITY:
      self->activity = g_value_dup_object (value);
      break;
    case PROP_KIOSK:
      self->kiosk = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_call_view_class_init (EscaleCallViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = escale_call_view_constructed;
  object_class->dispose = escale_call_view_dispose;
  object_class->finalize = escale_call_view_finalize;
  object_class->get_property = escale_call_view_get_property;
  object_class->set_property = escale_call_view_set_property;

  pspecs[PROP_ACTIVITY] =
    g_param_spec_object ("activity", NULL, NULL, ESCALE_TYPE_ACTIVITY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  pspecs[PROP_KIOSK] =
    g_param_spec_object ("kiosk", NULL, NULL, ESCALE_TYPE_KIOSK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, pspecs);

  gtk_widget_class_install_action (widget_class, "call.create", NULL, action_create);
  gtk_widget_class_install_action (widget_class, "call.pad", NULL, action_pad);
  gtk_widget_class_install_action (widget_class, "call.digit", "s", action_digit);
  gtk_widget_class_install_action (widget_class, "call.erase", NULL, action_erase);
  gtk_widget_class_install_action (widget_class, "call.join", NULL, action_join);
  gtk_widget_class_install_action (widget_class, "call.hang-up", NULL, action_hang_up);
  gtk_widget_class_install_action (widget_class, "call.back", NULL, action_back);
  gtk_widget_class_install_action (widget_class, "call.microphone", NULL, action_microphone);
  gtk_widget_class_install_action (widget_class, "call.camera", NULL, action_camera);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "callview");
}

static void
escale_call_view_init (EscaleCallView *self)
{
  self->typed = g_string_new (NULL);
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 16);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->guide = GTK_LABEL (escale_wrapped_label_new (NULL, "call-guide"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->guide), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Où en est l'appel"), -1);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->guide));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_set_hhomogeneous (self->stack, FALSE);
  gtk_stack_set_vhomogeneous (self->stack, FALSE);
  gtk_stack_add_named (self->stack, build_start (self), "start");
  gtk_stack_add_named (self->stack, build_pad (self), "pad");
  gtk_stack_add_named (self->stack, build_code (self), "code");
  gtk_stack_add_named (self->stack, build_call (self), "call");
  gtk_stack_add_named (self->stack, build_message (self), "message");
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->stack));
  update_pad_display (self);
}

GtkWidget *
escale_call_view_new (EscaleActivity *activity, EscaleKiosk *kiosk)
{
  return g_object_new (ESCALE_TYPE_CALL_VIEW, "activity", activity, "kiosk", kiosk, NULL);
}

EscaleCall *
escale_call_view_get_call (EscaleCallView *self)
{
  return self->call;
}

/* Which screen shows: start, pad, code, call or message. */
const char *
escale_call_view_get_screen (EscaleCallView *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
escale_call_view_get_guide (EscaleCallView *self)
{
  return gtk_label_get_text (self->guide);
}
