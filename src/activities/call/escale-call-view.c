/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-call"

#include <glib/gi18n.h>

#include "escale-call-kind.h"
#include "escale-call-view-private.h"
#include "escale-qr.h"
#include "escale-web-call-view.h"

/* The video call screen: a camera preview with two choices (make a code for
 * the family, or type the code they gave), the code in huge digits with a QR
 * code and the family page's address, a big digit pad, and the call itself:
 * the family large, oneself small, a huge red "Raccrocher", microphone and
 * camera switches. One line of guidance on top says what is happening, in
 * plain words, and the guide panel's matching step is highlighted. The view
 * is "holding" while a call is on, so the countdown waits; leaving or a
 * reset hangs up, and nothing of the call is kept. This file: the call's
 * states, counting and lifetime; the buttons are in -actions.c, the screens
 * in -screens.c. */

G_DEFINE_FINAL_TYPE (EscaleCallView, escale_call_view, ESCALE_TYPE_ACTIVITY_VIEW)

#define WIPER_NAME "video-call"

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
  _escale_call_view_button_set_text (self->message_button, button);
  gtk_stack_set_visible_child_name (self->stack, "message");
}

/* The countdown never interrupts a call being set up or under way. */
static void
hold_session (EscaleCallView *self, gboolean hold)
{
  escale_activity_view_set_holding (ESCALE_ACTIVITY_VIEW (self), hold);
}

/* The anonymous statistics (the counters escale-call-kind.c declares): a
 * call starts when a room is made or a code typed, and ends at the hang-up
 * or a problem, whatever happens between. */
static void
count_call (EscaleCallView *self, EscaleCallState state)
{
  gboolean open = state == ESCALE_CALL_STATE_CONNECTING || state == ESCALE_CALL_STATE_WAITING ||
                  state == ESCALE_CALL_STATE_IN_CALL;

  if (self->visit == NULL)
    return;
  if (open && !self->call_open)
    {
      escale_visit_count (self->visit, "started", 1);
      self->call_counted = FALSE;
    }
  else if (!open && self->call_open)
    escale_visit_stop_timer (self->visit, "minutes");
  self->call_open = open;
  /* A call that connects again after the family left and came back still
   * counts once; its minutes run from the first connection to the hang-up. */
  if (state == ESCALE_CALL_STATE_IN_CALL && !self->call_counted)
    {
      escale_visit_count (self->visit, "connected", 1);
      escale_visit_start_timer (self->visit, "minutes");
      self->call_counted = TRUE;
    }
}

/* The step of the activity's guide ([Guide] step-N) that matches the
 * screen, highlighted in the "Comment faire" panel: 1 the preview ("Vous
 * vous voyez ?"), 2 the choice between a code for the family and a code
 * received, 3 the call itself, until Raccrocher. No step for a message. */
static void
update_guide_step (EscaleCallView *self)
{
  static const struct
  {
    const char *screen;
    guint step;
  } steps[] = {
    { "start", 1 },
    { "pad", 2 },
    { "code", 2 },
    { "call", 3 },
  };
  const char *screen = gtk_stack_get_visible_child_name (self->stack);
  guint step = 0;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (g_strcmp0 (screen, steps[i].screen) == 0)
      step = steps[i].step;
  escale_activity_view_set_guide_step (ESCALE_ACTIVITY_VIEW (self), step);
}

static void
screen_changed_cb (EscaleCallView *self)
{
  update_guide_step (self);
  _escale_call_view_arrange (self);
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
      show_message (self, _ ("Ce code ne correspond à aucun appel."),
                    _ ("Vérifiez les 6 chiffres avec votre proche, puis touchez Réessayer."),
                    _ ("Réessayer"));
      break;
    case ESCALE_CALL_PROBLEM_ROOM_FULL:
      show_message (self, _ ("Cet appel est déjà complet."),
                    _ ("Demandez à votre proche de vous rappeler avec un nouveau code."),
                    _ ("Recommencer"));
      break;
    case ESCALE_CALL_PROBLEM_SERVER_UNREACHABLE:
      show_message (self, _ ("L'appel vidéo ne répond pas pour le moment."),
                    _ ("Ce n'est pas de votre faute. Réessayez dans un moment, ou demandez à "
                       "un aidant."),
                    _ ("Réessayer"));
      break;
    case ESCALE_CALL_PROBLEM_CONNECTION_LOST:
      show_message (self, _ ("L'appel s'est coupé."),
                    _ ("Ce n'est pas de votre faute. Vous pouvez rappeler votre proche."),
                    _ ("Rappeler"));
      break;
    case ESCALE_CALL_PROBLEM_PEER_LEFT:
      show_message (self, _ ("Votre proche a raccroché."),
                    _ ("Vous pouvez le rappeler quand vous voulez."), _ ("Recommencer"));
      break;
    case ESCALE_CALL_PROBLEM_NO_CAMERA:
    case ESCALE_CALL_PROBLEM_NO_MICROPHONE:
    case ESCALE_CALL_PROBLEM_MEDIA:
      /* For staff: on the welcome screen and in the staff space. */
      if (self->visit != NULL)
        escale_visit_notice (self->visit, NULL, NULL,
                             _ ("la caméra ou le micro de ce poste ne répond pas : vérifiez "
                                "qu'ils sont branchés (test-pattern=true montre une image "
                                "de test pour une démonstration)"));
      show_message (self,
                    problem == ESCALE_CALL_PROBLEM_NO_MICROPHONE
                      ? _ ("Le micro de ce poste ne marche pas.")
                      : _ ("La caméra de ce poste ne marche pas."),
                    _ ("Ce n'est pas de votre faute. Prévenez un aidant : il peut vérifier le "
                       "branchement."),
                    _ ("Réessayer"));
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
    return; /* the problem is shown by the state change */
  set_guide (self, _ ("Vous vous voyez ? Parfait. Touchez un des deux grands boutons."));
  gtk_stack_set_visible_child_name (self->stack, "start");
}

static void
state_changed_cb (EscaleCallView *self)
{
  EscaleCallState state = escale_call_get_state (self->call);
  EscaleCallProblem problem = escale_call_get_problem (self->call);

  /* The countdown never interrupts a call being set up or under way; while
   * waiting for the family it runs as usual (one touch keeps the visit), so
   * a person who walks away is wiped and the camera stops. */
  hold_session (self, state == ESCALE_CALL_STATE_CONNECTING || state == ESCALE_CALL_STATE_IN_CALL);
  count_call (self, state);
  switch (state)
    {
    case ESCALE_CALL_STATE_IDLE:
      break;
    case ESCALE_CALL_STATE_CONNECTING:
      set_guide (self, _ ("Un instant, l'appel se prépare…"));
      /* Réessayer: the message goes, the call screen waits with
       * Raccrocher to give up. */
      if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "message") == 0)
        gtk_stack_set_visible_child_name (self->stack, "call");
      break;
    case ESCALE_CALL_STATE_WAITING:
      if (problem == ESCALE_CALL_PROBLEM_PEER_LEFT)
        set_guide (self, self->made_room
                           ? _ ("Votre proche a quitté l'appel. Il peut revenir avec le même "
                                "code, ou touchez Raccrocher.")
                           : _ ("Votre proche a quitté l'appel. Touchez Raccrocher pour finir."));
      else if (self->made_room)
        set_guide (self, _ ("Donnez ce code à votre proche au téléphone, puis patientez."));
      else
        set_guide (self, _ ("Votre proche n'a pas encore rejoint l'appel : patientez ou "
                            "rappelez-le."));
      if (self->made_room)
        show_code (self);
      else
        gtk_stack_set_visible_child_name (self->stack, "call");
      gtk_picture_set_paintable (self->remote_picture, NULL);
      break;
    case ESCALE_CALL_STATE_IN_CALL:
      set_guide (self, _ ("Pour finir l'appel, touchez Raccrocher."));
      gtk_stack_set_visible_child_name (self->stack, "call");
      break;
    case ESCALE_CALL_STATE_ENDED:
      gtk_picture_set_paintable (self->remote_picture, NULL);
      if (problem == ESCALE_CALL_PROBLEM_NONE)
        {
          show_start (self);
          set_guide (self, _ ("L'appel est terminé. Rien n'a été gardé."));
        }
      else
        show_problem (self, problem);
      break;
    default:
      g_assert_not_reached ();
    }
  _escale_call_view_update_picture (self);
}

static void
show_frame (GtkPicture *picture, GBytes *frame, int width, int height, int stride)
{
  g_autoptr(GdkTexture) texture =
               gdk_memory_texture_new (width, height, GDK_MEMORY_B8G8R8A8, frame, (gsize) stride);

  gtk_picture_set_paintable (picture, GDK_PAINTABLE (texture));
}

static void
local_frame_cb (EscaleCallView *self, GBytes *frame, int width, int height, int stride)
{
  show_frame (self->self_picture, frame, width, height, stride);
}

static void
remote_frame_cb (EscaleCallView *self, GBytes *frame, int width, int height, int stride)
{
  _escale_call_view_fit_remote (self, width, height);
  show_frame (self->remote_picture, frame, width, height, stride);
}

static void
showing_picture_cb (EscaleCallView *self)
{
  _escale_call_view_update_picture (self);
}

/* --- Reset and lifetime -------------------------------------------------- */

static gboolean
wipe_call (gpointer user_data, GError **error)
{
  EscaleCallView *self = user_data;

  self->closing = TRUE;
  escale_call_hang_up (self->call);
  _escale_call_view_drop_picture (self);
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
  EscaleActivity *activity = escale_activity_view_get_activity (ESCALE_ACTIVITY_VIEW (self));
  g_autofree char *server = call_key (activity, "server");
  g_autofree char *test_pattern = call_key (activity, "test-pattern");
  EscaleCallMedia media = { 0 };

  G_OBJECT_CLASS (escale_call_view_parent_class)->constructed (object);

  self->activity = activity;
  self->visit = escale_activity_view_get_visit (ESCALE_ACTIVITY_VIEW (self));
  media.test_pattern = g_strcmp0 (test_pattern, "true") == 0;
  media.stun_server = call_key (self->activity, "stun");
  media.turn_server = call_key (self->activity, "turn");
  media.local_address = call_key (self->activity, "local-address");
  self->family_page = call_key (self->activity, "family-page");
  self->call = escale_call_new (server != NULL ? server : "", &media);
  escale_call_media_clear (&media);

  g_signal_connect_object (self->call, "notify::state", G_CALLBACK (state_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->call, "notify::problem", G_CALLBACK (state_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->call, "local-frame", G_CALLBACK (local_frame_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->call, "remote-frame", G_CALLBACK (remote_frame_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->call, "notify::showing-picture", G_CALLBACK (showing_picture_cb),
                           self, G_CONNECT_SWAPPED);
  _escale_call_view_take_picture (self);
  /* The view is the wiper's data: it removes the wiper when it goes away. */
  if (self->visit != NULL)
    escale_visit_add_wiper (self->visit, WIPER_NAME, wipe_call, self, NULL);
  _escale_call_view_update_switches (self);
  /* The call screen has its own guide line and needs the whole width for
   * the family: the guide panel steps aside. */
  escale_activity_view_set_presenting (ESCALE_ACTIVITY_VIEW (self), TRUE);
  /* The stack shows its first screen already: no notification for it. */
  screen_changed_cb (self);

  if (server == NULL)
    {
      g_message ("staff: the video call has no [Call] server in %s",
                 escale_activity_get_source (self->activity));
      show_message (self, _ ("L'appel vidéo n'est pas encore prêt sur ce poste."),
                    _ ("Un aidant peut vous aider à appeler vos proches autrement."),
                    _ ("Réessayer"));
      gtk_widget_set_visible (self->message_button, FALSE);
      return;
    }
  show_start (self);
  _escale_call_view_update_picture (self);
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
  _escale_call_view_drop_picture (self);
  hold_session (self, FALSE);
  if (self->visit != NULL)
    {
      if (self->call_open) /* left with Accueil during a call */
        escale_visit_stop_timer (self->visit, "minutes");
      escale_visit_remove_wiper (self->visit, WIPER_NAME);
    }
  self->call_open = FALSE;
  g_clear_pointer (&self->box, gtk_widget_unparent);
  self->activity = NULL;
  self->visit = NULL;
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
escale_call_view_class_init (EscaleCallViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = escale_call_view_constructed;
  object_class->dispose = escale_call_view_dispose;
  object_class->finalize = escale_call_view_finalize;
  _escale_call_view_install_actions (widget_class);
  gtk_widget_class_set_css_name (widget_class, "callview");
}

static void
escale_call_view_init (EscaleCallView *self)
{
  self->typed = g_string_new (NULL);
  _escale_call_view_build (self);
  g_signal_connect_swapped (self->stack, "notify::visible-child-name",
                            G_CALLBACK (screen_changed_cb), self);
  _escale_call_view_update_pad_display (self);
}

/* The view of a call activity: Escale's own call screen, or the visio
 * site ([Call] web-url=) in the locked web view. */
GType
escale_call_kind_view_type (EscaleActivity *activity)
{
  return escale_call_kind_is_web_call (activity) ? ESCALE_TYPE_WEB_CALL_VIEW
                                                 : ESCALE_TYPE_CALL_VIEW;
}

/* For escale-call-view-actions.c. */
void
_escale_call_view_set_guide (EscaleCallView *self, const char *text)
{
  set_guide (self, text);
}

void
_escale_call_view_show_start (EscaleCallView *self)
{
  show_start (self);
}

EscaleCall *
escale_call_view_get_call (EscaleCallView *self)
{
  return self->call;
}

/* The message screen's sentence (a problem, calmly). */
const char *
escale_call_view_get_message (EscaleCallView *self)
{
  return gtk_label_get_text (self->message_text);
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
