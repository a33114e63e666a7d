/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "escale-activity-page.h"
#include "escale-activity-view.h"
#include "escale-countdown.h"
#include "escale-feedback-page.h"
#include "escale-home-page.h"
#include "escale-listen-button.h"
#include "escale-test-util.h"
#include "escale-welcome-page.h"
#include "sound-lab.h"

/* "Écouter" in the whole kiosk: what each screen hands to the voice, the
 * voice on and off, slower, reset for the next person, and a computer
 * without sound. The sound goes to a real PulseAudio server of the test's
 * own (tests/sound-lab.c) through pulsesink (ESCALE_AUDIO_SINK). */

#define WAIT_MS 30000

static SoundLab *lab;

typedef struct
{
  EscaleTestKiosk k;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  g_autofree char *demo = escale_test_demo_config ();

  escale_test_kiosk_init (&f->k, demo, FALSE);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  escale_test_kiosk_clear (&f->k);
}

static EscaleVoice *
voice (Fixture *f)
{
  return escale_window_get_voice (f->k.window);
}

static EscaleListenButton *
top_listen (Fixture *f)
{
  return ESCALE_LISTEN_BUTTON (escale_window_get_listen_button (f->k.window));
}

static gboolean
silent (gpointer data)
{
  return !escale_voice_get_speaking (voice (data));
}

/* A touch on the button: it is clicked, as when a finger lifts. */
static void
touch (GtkWidget *button)
{
  g_assert_true (gtk_widget_get_mapped (button));
  g_signal_emit_by_name (button, "clicked");
}

static const char *
toggle_words (EscaleListenButton *button)
{
  GtkWidget *toggle = escale_listen_button_get_toggle (button);
  GtkWidget *box = gtk_button_get_child (GTK_BUTTON (toggle));

  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_last_child (box)));
}

static void
start_visit (Fixture *f)
{
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.start", NULL);
  g_assert_cmpstr (escale_window_get_page_name (f->k.window), ==, "home");
  escale_test_spin (50);
}

static void
open_activity (Fixture *f, const char *id)
{
  GtkWidget *home = escale_window_get_home_page (f->k.window);

  g_signal_emit_by_name (escale_home_page_get_button (ESCALE_HOME_PAGE (home), id), "clicked");
  g_assert_cmpstr (escale_window_get_page_name (f->k.window), ==, "activity");
}

/* Touched, the top bar's button reads the screen's title and its guide
 * step (the text handed to espeak-ng, without the guide's bold marks); the
 * voice then follows the person to the next screen and the next step;
 * touched again, silence. */
static void
test_reads_title_and_step (Fixture *f, gconstpointer data)
{
  GtkWidget *view;

  start_visit (f);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (top_listen (f))));
  g_assert_cmpstr (toggle_words (top_listen (f)), ==, "Écouter");
  touch (escale_listen_button_get_toggle (top_listen (f)));
  g_assert_true (escale_voice_get_speaking (voice (f)));
  g_assert_cmpstr (escale_voice_get_text (voice (f)), ==,
                   "Espace France Services — Vallée de la Dronne.\n"
                   "Que voulez-vous faire ? Touchez un grand bouton.");
  g_assert_cmpstr (toggle_words (top_listen (f)), ==, "Arrêter");

  open_activity (f, "infos");
  g_assert_true (escale_voice_get_speaking (voice (f)));
  g_assert_cmpstr (escale_voice_get_text (voice (f)), ==,
                   "Infos pratiques.\nÉtape 1 : Lisez les informations à gauche.");
  sound_lab_wait_streams (lab, 1);

  view = escale_activity_page_get_content (
    ESCALE_ACTIVITY_PAGE (escale_window_get_activity_page (f->k.window)));
  escale_activity_view_set_guide_step (ESCALE_ACTIVITY_VIEW (view), 2);
  g_assert_cmpstr (escale_voice_get_text (voice (f)), ==,
                   "Infos pratiques.\nÉtape 2 : Touchez Lire la suite pour voir la suite.");

  touch (escale_listen_button_get_toggle (top_listen (f)));
  g_assert_false (escale_voice_get_speaking (voice (f)));
  g_assert_false (escale_voice_get_active (voice (f)));
  g_assert_cmpstr (toggle_words (top_listen (f)), ==, "Écouter");
  sound_lab_wait_streams (lab, 0);

  /* Off, a new step is not read. */
  escale_activity_view_set_guide_step (ESCALE_ACTIVITY_VIEW (view), 3);
  g_assert_false (escale_voice_get_speaking (voice (f)));
}

/* "Plus lent" shows while the voice is on; the slower voice and the voice
 * itself are the visit's: the next person starts with neither, like the
 * text size. */
static void
test_reset_after_visit (Fixture *f, gconstpointer data)
{
  GtkWidget *rate = escale_listen_button_get_rate_toggle (top_listen (f));

  start_visit (f);
  g_assert_false (gtk_widget_get_visible (rate));
  touch (escale_listen_button_get_toggle (top_listen (f)));
  g_assert_true (gtk_widget_get_visible (rate));
  touch (rate);
  g_assert_cmpint (escale_voice_get_rate (voice (f)), ==, ESCALE_VOICE_RATE_SLOW);
  g_assert_true (escale_voice_get_speaking (voice (f)));
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.text-larger", NULL);

  /* Reset by the visit's wipers, while "Tout est effacé" shows. */
  escale_kiosk_set_goodbye_delay_ms (f->k.kiosk, 2000);
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.finish", NULL);
  g_assert_cmpstr (escale_window_get_page_name (f->k.window), ==, "goodbye");
  g_assert_cmpuint (escale_window_get_text_scale (f->k.window), ==, 0);
  g_assert_false (escale_voice_get_active (voice (f)));
  g_assert_false (escale_voice_get_speaking (voice (f)));
  g_assert_cmpint (escale_voice_get_rate (voice (f)), ==, ESCALE_VOICE_RATE_NORMAL);
  g_assert_null (escale_voice_get_text (voice (f)));
  escale_test_wait_until (escale_test_kiosk_back_to_welcome, &f->k, WAIT_MS);

  start_visit (f);
  g_assert_cmpstr (toggle_words (top_listen (f)), ==, "Écouter");
  g_assert_false (gtk_toggle_button_get_active (
    GTK_TOGGLE_BUTTON (escale_listen_button_get_toggle (top_listen (f)))));
  g_assert_false (gtk_widget_get_visible (rate));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (rate)));
  escale_test_wait_until (silent, f, WAIT_MS);
  sound_lab_wait_streams (lab, 0);
}

/* "Êtes-vous toujours là ?" is read as it appears while the voice is on,
 * and its own button turns the voice off; "Tout est effacé" has its
 * button too, and the welcome screen finds the voice off again. */
static void
test_countdown_and_goodbye (Fixture *f, gconstpointer data)
{
  GtkWidget *countdown = NULL;
  EscaleListenButton *button;

  start_visit (f);
  touch (escale_listen_button_get_toggle (top_listen (f)));
  escale_test_kiosk_advance (&f->k, 180);
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (f->k.window)); w != NULL;
       w = gtk_widget_get_first_child (w))
    if (GTK_IS_OVERLAY (w))
      countdown = gtk_widget_get_last_child (w);
  g_assert_true (ESCALE_IS_COUNTDOWN (countdown));
  g_assert_true (gtk_widget_get_visible (countdown));
  g_assert_true (escale_voice_get_speaking (voice (f)));
  g_assert_cmpstr (escale_voice_get_text (voice (f)), ==,
                   "Êtes-vous toujours là ?\nSans réponse dans 60 secondes, tout sera effacé "
                   "pour la personne suivante. Touchez l'écran pour continuer.");
  button =
    ESCALE_LISTEN_BUTTON (escale_countdown_get_listen_button (ESCALE_COUNTDOWN (countdown)));
  g_assert_cmpstr (toggle_words (button), ==, "Arrêter");
  touch (escale_listen_button_get_toggle (button));
  /* The touch kept the visit, and turned the voice off. */
  g_assert_false (gtk_widget_get_visible (countdown));
  g_assert_false (escale_voice_get_active (voice (f)));
  g_assert_false (escale_voice_get_speaking (voice (f)));

  escale_kiosk_set_goodbye_delay_ms (f->k.kiosk, 3000);
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.finish", NULL);
  g_assert_cmpstr (escale_window_get_page_name (f->k.window), ==, "goodbye");
  escale_test_spin (200);
  button = ESCALE_LISTEN_BUTTON (escale_window_get_goodbye_listen_button (f->k.window));
  touch (escale_listen_button_get_toggle (button));
  g_assert_true (escale_voice_get_speaking (voice (f)));
  /* Then the reminder of a kind, if any ("N'oubliez pas votre clé !"
   * while a stick is plugged in: other tests may mount one). */
  g_assert_true (g_str_has_prefix (escale_voice_get_text (voice (f)),
                                   "Tout est effacé. Merci et à bientôt !\n"
                                   "Personne ne verra ce que vous avez fait."));
  escale_test_wait_until (escale_test_kiosk_back_to_welcome, &f->k, WAIT_MS);
  g_assert_false (escale_voice_get_speaking (voice (f)));
  g_assert_false (escale_voice_get_active (voice (f)));
  g_assert_null (escale_voice_get_text (voice (f)));
}

/* "J'ai fini" with the voice on: the end questions are read, one then the
 * other, and their own button stops the voice. */
static void
test_end_questions (Fixture *f, gconstpointer data)
{
  GtkWidget *page;
  EscaleListenButton *button;

  start_visit (f);
  touch (escale_listen_button_get_toggle (top_listen (f)));
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.leave", NULL);
  g_assert_cmpstr (escale_window_get_page_name (f->k.window), ==, "feedback");
  escale_test_spin (100);
  g_assert_true (escale_voice_get_speaking (voice (f)));
  g_assert_cmpstr (escale_voice_get_text (voice (f)), ==,
                   "Avant de partir, une petite question (vous pouvez passer).\n"
                   "Avez-vous trouvé ce que vous cherchiez ?");
  page = escale_window_get_feedback_page (f->k.window);
  gtk_widget_activate_action (page, "feedback.satisfaction", "i", ESCALE_SATISFACTION_YES);
  g_assert_cmpstr (escale_voice_get_text (voice (f)), ==,
                   "Merci. Dernière question : quel âge avez-vous ?");
  button =
    ESCALE_LISTEN_BUTTON (escale_feedback_page_get_listen_button (ESCALE_FEEDBACK_PAGE (page)));
  touch (escale_listen_button_get_toggle (button));
  g_assert_false (escale_voice_get_active (voice (f)));
  g_assert_false (escale_voice_get_speaking (voice (f)));
}

static gboolean
message_gone (gpointer data)
{
  return !gtk_widget_get_visible (data);
}

/* No sound server: the first touch says so in plain words, once, and the
 * buttons go (the countdown's too); nothing else changes. Last: it stops
 * the test's sound server. */
static void
test_no_audio (Fixture *f, gconstpointer data)
{
  EscaleListenButton *button = top_listen (f);
  const char *message;

  sound_lab_stop (g_steal_pointer (&lab));
  start_visit (f);
  g_assert_null (escale_listen_button_get_message (button));
  touch (escale_listen_button_get_toggle (button));
  escale_test_wait_until (silent, f, WAIT_MS);
  g_assert_false (escale_voice_get_available (voice (f)));
  message = escale_listen_button_get_message (button);
  g_assert_cmpstr (message, ==, "Pas de son sur cet ordinateur : la voix ne peut pas lire.");
  g_assert_false (gtk_widget_get_visible (escale_listen_button_get_toggle (button)) &&
                  gtk_widget_get_child_visible (escale_listen_button_get_toggle (button)) &&
                  gtk_widget_is_drawable (escale_listen_button_get_toggle (button)));
  g_assert_false (gtk_widget_get_visible (escale_window_get_goodbye_listen_button (f->k.window)));
  escale_test_wait_until (message_gone, button, WAIT_MS);

  /* Once: the next visit has no button and no message. */
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.finish", NULL);
  start_visit (f);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (button)));
  g_assert_null (escale_listen_button_get_message (button));
}

static gboolean
speaking (gpointer data)
{
  return escale_voice_get_speaking (voice (data));
}

/* The welcome screen's "Écouter", for a person who cannot read well,
 * touched with a real click (the window sees the press first): a visit
 * starts with the voice on, and the welcome screen stays, read aloud with
 * its "C'est ma première fois"; a touch on it then goes on to the home
 * screen, read in turn. The visit is counted as any other. */
static void
test_welcome_reads_and_starts_visit (Fixture *f, gconstpointer data)
{
  GtkWidget *window = GTK_WIDGET (f->k.window);
  GtkWidget *welcome = escale_window_get_welcome_page (f->k.window);
  EscaleListenButton *button =
    ESCALE_LISTEN_BUTTON (escale_welcome_page_get_listen_button (ESCALE_WELCOME_PAGE (welcome)));
  GtkWidget *toggle = escale_listen_button_get_toggle (button);
  EscaleSession *session = escale_kiosk_get_session (f->k.kiosk);
  graphene_rect_t bounds;
  g_autofree char *click = NULL;

  escale_test_spin (300);
  g_assert_cmpstr (escale_window_get_page_name (f->k.window), ==, "welcome");
  g_assert_true (gtk_widget_get_mapped (toggle));
  g_assert_cmpstr (toggle_words (button), ==, "Écouter");
  g_assert_true (gtk_widget_compute_bounds (toggle, window, &bounds));
  click = g_strdup_printf ("mousemove %d %d click 1",
                           (int) (bounds.origin.x + bounds.size.width / 2),
                           (int) (bounds.origin.y + bounds.size.height / 2));
  g_assert_true (escale_test_xdotool (click));
  escale_test_wait_until (speaking, f, WAIT_MS);
  g_assert_cmpstr (escale_window_get_page_name (f->k.window), ==, "welcome");
  g_assert_cmpint (escale_session_get_state (session), ==, ESCALE_SESSION_ACTIVE);
  g_assert_true (escale_voice_get_active (voice (f)));
  g_assert_cmpstr (escale_voice_get_text (voice (f)), ==,
                   "Espace France Services — Vallée de la Dronne.\nBienvenue.\n"
                   "Touchez l'écran pour commencer.\nSi vous n'avez jamais utilisé "
                   "d'ordinateur, touchez C'est ma première fois.");
  g_assert_cmpstr (toggle_words (button), ==, "Arrêter");
  sound_lab_wait_streams (lab, 1);

  /* What a touch on the welcome screen does. */
  gtk_widget_activate_action (welcome, "win.start", NULL);
  g_assert_cmpstr (escale_window_get_page_name (f->k.window), ==, "home");
  g_assert_true (escale_voice_get_speaking (voice (f)));
  g_assert_cmpstr (escale_voice_get_text (voice (f)), ==,
                   "Espace France Services — Vallée de la Dronne.\n"
                   "Que voulez-vous faire ? Touchez un grand bouton.");

  escale_kiosk_set_goodbye_delay_ms (f->k.kiosk, 200);
  gtk_widget_activate_action (window, "win.finish", NULL);
  escale_test_wait_until (escale_test_kiosk_back_to_welcome, &f->k, WAIT_MS);
  g_assert_false (escale_voice_get_active (voice (f)));
  g_assert_cmpstr (toggle_words (button), ==, "Écouter");
  g_assert_cmpint (escale_test_kiosk_db_count (&f->k, "SELECT count (*) FROM sessions"), ==, 1);
}

/* The words of @button: its mapped label, or NULL for none (an icon alone). */
static GtkLabel *
shown_words (GtkWidget *button)
{
  GtkWidget *child = gtk_button_get_child (GTK_BUTTON (button));

  if (GTK_IS_LABEL (child))
    return gtk_widget_get_mapped (child) ? GTK_LABEL (child) : NULL;
  for (child = gtk_widget_get_first_child (child); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child) && gtk_widget_get_mapped (child))
      return GTK_LABEL (child);
  return NULL;
}

/* The top bar's buttons on screen, "Écouter"'s two among them, in order. */
static void
collect_bar_buttons (GtkWidget *widget, GPtrArray *buttons)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (!gtk_widget_get_mapped (c))
      continue;
    else if (GTK_IS_BUTTON (c))
      g_ptr_array_add (buttons, c);
    else
      collect_bar_buttons (c, buttons);
}

static gboolean
inside_window (GtkWidget *widget, GtkWidget *window)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));
  return bounds.origin.x >= 0 && bounds.origin.y >= 0 &&
         bounds.origin.x + bounds.size.width <= gtk_widget_get_width (window) + 0.5 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (window) + 0.5;
}

/* The top bar as a person sees it, @where: its buttons (@words, in order)
 * each inside the window with its words whole beside or under its icon,
 * never an icon alone; the title whole; the window and the bar no larger
 * than they should be. Faults go to @faults. */
static void
check_top_bar (Fixture *f, const char *where, const char *const *words, GString *faults)
{
  GtkWidget *window = GTK_WIDGET (f->k.window);
  GtkWidget *bar = gtk_widget_get_parent (GTK_WIDGET (top_listen (f)));
  GtkLabel *title = GTK_LABEL (gtk_widget_get_first_child (bar));
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  int title_height;

  escale_test_spin (250);
  collect_bar_buttons (bar, buttons);
  for (guint i = 0; i < buttons->len || words[i] != NULL; i++)
    {
      GtkLabel *label = i < buttons->len ? shown_words (buttons->pdata[i]) : NULL;
      const char *shown = label != NULL ? gtk_label_get_text (label) : "(none)";
      int natural;

      if (i >= buttons->len || words[i] == NULL || g_strcmp0 (shown, words[i]) != 0)
        {
          g_string_append_printf (faults, "\n  %s: button %u says “%s”, not “%s”", where, i, shown,
                                  words[i] != NULL ? words[i] : "(no button)");
          if (i >= buttons->len || words[i] == NULL)
            break;
          continue;
        }
      gtk_widget_measure (GTK_WIDGET (label), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL,
                          NULL);
      if (!inside_window (buttons->pdata[i], window) ||
          pango_layout_is_ellipsized (gtk_label_get_layout (label)) ||
          gtk_widget_get_width (GTK_WIDGET (label)) < natural ||
          gtk_widget_get_height (buttons->pdata[i]) < 64)
        g_string_append_printf (faults, "\n  %s: “%s” cut or off the window (%d of %d px)", where,
                                shown, gtk_widget_get_width (GTK_WIDGET (label)), natural);
    }
  pango_layout_get_pixel_size (gtk_label_get_layout (title), NULL, &title_height);
  if (pango_layout_is_ellipsized (gtk_label_get_layout (title)) ||
      !inside_window (GTK_WIDGET (title), window) ||
      title_height > gtk_widget_get_height (GTK_WIDGET (title)))
    g_string_append_printf (faults, "\n  %s: the title “%s” is cut (%d px high in %d)", where,
                            gtk_label_get_text (title), title_height,
                            gtk_widget_get_height (GTK_WIDGET (title)));
  if (gtk_widget_get_width (window) > 1024 || gtk_widget_get_height (window) > 768)
    g_string_append_printf (faults, "\n  %s: the window grew to %dx%d", where,
                            gtk_widget_get_width (window), gtk_widget_get_height (window));
  /* One row of buttons: about as high as before, not two rows. */
  if (gtk_widget_get_height (bar) > 120)
    g_string_append_printf (faults, "\n  %s: the top bar is %d px high", where,
                            gtk_widget_get_height (bar));
}

static void
assert_no_faults (GString *faults)
{
  if (faults->len == 0)
    return;
  g_test_message ("in the top bar:%s", faults->str);
  g_test_fail ();
}

/* A 1024x768 screen, the text size A+ touched @larger times. */
static void
small_screen (Fixture *f, guint larger)
{
  gtk_window_set_default_size (GTK_WINDOW (f->k.window), 1024, 768);
  start_visit (f);
  for (guint i = 0; i < larger; i++)
    gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.text-larger", NULL);
}

/* At 1024x768 with A+ twice, the voice on, in each activity that shows the
 * top bar: "Arrêter" and "Plus lent" (a person must be able to slow the
 * voice, and does), Aide, Accueil and J'ai fini all show their words
 * inside the window, and the activity's title is whole. */
static void
test_top_bar_small_screen_larger_text (Fixture *f, gconstpointer data)
{
  static const char *const activities[] = { "visio", "photos", "culture", "demarches", "infos" };
  static const char *const words[] = {
    "Arrêter", "Plus lent", "Aide", "Accueil", "J'ai fini", NULL
  };
  g_autoptr(GString) faults = g_string_new (NULL);

  small_screen (f, 2);
  touch (escale_listen_button_get_toggle (top_listen (f)));
  for (guint i = 0; i < G_N_ELEMENTS (activities); i++)
    {
      open_activity (f, activities[i]);
      check_top_bar (f, activities[i], words, faults);
      if (i == 0)
        {
          /* There, a person slows the voice. */
          touch (escale_listen_button_get_rate_toggle (top_listen (f)));
          g_assert_cmpint (escale_voice_get_rate (voice (f)), ==, ESCALE_VOICE_RATE_SLOW);
        }
      gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.home", NULL);
      g_assert_cmpstr (escale_window_get_page_name (f->k.window), ==, "home");
    }
  g_assert_true (escale_voice_get_active (voice (f)));
  assert_no_faults (faults);
}

/* At 1024 wide, the home screen's title is the centre's long name
 * ("Espace France Services — Vallée de la Dronne", on two lines): "Écouter"
 * says its word beside it, at the normal text size and with A+ twice, the
 * voice off and on. */
static void
test_top_bar_long_centre_name (Fixture *f, gconstpointer data)
{
  static const char *const off[] = { "Écouter", "Aide", "J'ai fini", NULL };
  static const char *const on[] = { "Arrêter", "Plus lent", "Aide", "J'ai fini", NULL };
  g_autoptr(GString) faults = g_string_new (NULL);

  for (guint larger = 0; larger <= 2; larger += 2)
    {
      g_autofree char *where_off = g_strdup_printf ("home A+x%u, voice off", larger);
      g_autofree char *where_on = g_strdup_printf ("home A+x%u, voice on", larger);

      small_screen (f, larger);
      check_top_bar (f, where_off, off, faults);
      touch (escale_listen_button_get_toggle (top_listen (f)));
      check_top_bar (f, where_on, on, faults);
      escale_kiosk_set_goodbye_delay_ms (f->k.kiosk, 100);
      gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.finish", NULL);
      escale_test_wait_until (escale_test_kiosk_back_to_welcome, &f->k, WAIT_MS);
    }
  assert_no_faults (faults);
}

int
main (int argc, char **argv)
{
  int status;

  /* Before GTK and GLib make threads: the environment is set once. */
  g_setenv ("ESCALE_AUDIO_SINK", "pulsesink", TRUE);
  lab = sound_lab_start ();
  gtk_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/escale/voice-screen/reads-title-and-guide-step", test_reads_title_and_step);
  ADD ("/escale/voice-screen/reset-after-visit", test_reset_after_visit);
  ADD ("/escale/voice-screen/countdown-and-goodbye", test_countdown_and_goodbye);
  ADD ("/escale/voice-screen/end-questions", test_end_questions);
  ADD ("/escale/voice-screen/welcome-reads-and-starts-visit", test_welcome_reads_and_starts_visit);
  ADD ("/escale/voice-screen/top-bar-small-screen-larger-text",
       test_top_bar_small_screen_larger_text);
  ADD ("/escale/voice-screen/top-bar-long-centre-name", test_top_bar_long_centre_name);
  /* Last: it stops the sound lab. */
  ADD ("/escale/voice-screen/no-audio-says-so-once-and-hides", test_no_audio);
#undef ADD
  status = g_test_run ();
  if (lab != NULL)
    sound_lab_stop (lab);
  return status;
}
