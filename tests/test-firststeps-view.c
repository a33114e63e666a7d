/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE
#include <string.h>

#include "escale-activity-page.h"
#include "escale-firststeps-buttons.h"
#include "escale-firststeps-puzzle.h"
#include "escale-firststeps-scroll.h"
#include "escale-firststeps-target.h"
#include "escale-firststeps-typing.h"
#include "escale-firststeps-view.h"
#include "escale-test-util.h"
#include "escale-welcome-page.h"
#include "help-shot.h"

/* "Premiers pas" in the real kiosk with the demo configuration, opened as
 * a person does, from the welcome screen's "C'est ma première fois". The
 * mouse is the X server's (real clicks, drags, wheel and keys through
 * xdotool/XTest); a touch screen cannot be plugged into Xvfb, so touch is
 * the gestures' own signals after the view was told a finger was used. */

typedef struct
{
  EscaleTestKiosk k;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  g_autofree char *demo = escale_test_demo_config ();

  escale_test_kiosk_init (&f->k, demo, FALSE);
  gtk_window_set_default_size (GTK_WINDOW (f->k.window), 1280, 800);
  escale_test_spin (200);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  escale_test_kiosk_clear (&f->k);
}

static EscaleFirststepsView *
view (Fixture *f)
{
  GtkWidget *page = escale_window_get_activity_page (f->k.window);

  g_assert_nonnull (page);
  return ESCALE_FIRSTSTEPS_VIEW (escale_activity_page_get_content (ESCALE_ACTIVITY_PAGE (page)));
}

static EscaleFirststepsView *
open_lesson (Fixture *f)
{
  GtkWidget *welcome = escale_window_get_welcome_page (f->k.window);
  GtkWidget *button = escale_welcome_page_get_first_time_button (ESCALE_WELCOME_PAGE (welcome));

  g_assert_cmpstr (escale_window_get_page_name (f->k.window), ==, "welcome");
  g_assert_true (gtk_widget_get_mapped (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (escale_window_get_page_name (f->k.window), ==, "activity");
  escale_test_spin (300);
  return view (f);
}

static GtkWidget *
exercise (Fixture *f)
{
  return escale_firststeps_view_get_exercise (view (f));
}

static void
touch_next (Fixture *f)
{
  g_signal_emit_by_name (escale_firststeps_view_get_next_button (view (f)), "clicked");
  escale_test_spin (150);
}

static gint64
counted (Fixture *f, const char *counter)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce (sum (value), 0) FROM session_counters "
                                          "WHERE kind = 'firststeps' AND counter = '%s'",
                                          counter);

  return escale_test_kiosk_db_count (&f->k, sql);
}

static void
finish_visit (Fixture *f)
{
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.finish", NULL);
  escale_test_wait_until (escale_test_kiosk_back_to_welcome, &f->k, 10000);
}

/* --- the mouse, through the X server ----------------------------------- */

/* Moves the X pointer over @widget's point (@x, @y), then runs @then. The
 * point must differ from where the pointer is (--sync waits for a move). */
static void
mouse (Fixture *f, GtkWidget *widget, double x, double y, const char *then)
{
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_point_t point;
  double sx, sy;
  g_autofree char *actions = NULL;

  g_assert_true (
    gtk_widget_compute_point (widget, GTK_WIDGET (native), &GRAPHENE_POINT_INIT (x, y), &point));
  gtk_native_get_surface_transform (native, &sx, &sy);
  actions = g_strdup_printf ("mousemove --window %%1 --sync %d %d %s", (int) (point.x + sx),
                             (int) (point.y + sy), then);
  g_assert_true (escale_test_xdotool (actions));
}

static void
mouse_click_centre (Fixture *f, GtkWidget *widget, const char *click)
{
  mouse (f, widget, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0,
         click);
}

typedef struct
{
  Fixture *f;
  guint index;
  guint round;
} Progress;

static gboolean
feedback_contains (gpointer data)
{
  Progress *p = data;

  return strstr (escale_firststeps_view_get_feedback (view (p->f)), "Bravo ! Vous savez") != NULL;
}

static gboolean
target_at_round (gpointer data)
{
  Progress *p = data;

  return escale_firststeps_target_get_round (ESCALE_FIRSTSTEPS_TARGET (exercise (p->f))) ==
         p->round;
}

static void
click_target (Fixture *f, const char *click, guint rounds)
{
  for (guint i = 0; i < rounds; i++)
    {
      EscaleFirststepsTarget *target = ESCALE_FIRSTSTEPS_TARGET (exercise (f));
      graphene_rect_t area, after;
      Progress p = { f, 0, i + 1 };

      /* a person's pause between two tries: longer than a double click */
      escale_test_spin (600);
      escale_firststeps_target_get_area (target, &area);
      mouse (f, GTK_WIDGET (target), area.origin.x + area.size.width / 2,
             area.origin.y + area.size.height / 2, click);
      escale_test_wait_until (target_at_round, &p, 5000);
      escale_firststeps_target_get_area (target, &after);
      /* a success makes the target smaller, never bigger */
      g_assert_cmpfloat (after.size.width, <, area.size.width);
    }
}

static gboolean
piece_solved (gpointer data)
{
  return escale_firststeps_puzzle_get_solved (ESCALE_FIRSTSTEPS_PUZZLE (exercise (data)));
}

/* Press on the piece, move in steps, let go at (@to_x, @to_y). */
static void
mouse_drag_piece (Fixture *f, double to_x, double to_y)
{
  GtkWidget *puzzle = exercise (f);
  graphene_rect_t piece;
  graphene_point_t from;

  escale_firststeps_puzzle_get_piece (ESCALE_FIRSTSTEPS_PUZZLE (puzzle), &piece);
  graphene_rect_get_center (&piece, &from);
  mouse (f, puzzle, from.x, from.y, "mousedown 1");
  for (guint step = 1; step <= 5; step++)
    mouse (f, puzzle, from.x + (to_x - from.x) * step / 5, from.y + (to_y - from.y) * step / 5,
           "sleep 0.05");
  /* (where the pointer already is: a --sync move would wait for nothing) */
  g_assert_true (escale_test_xdotool ("mouseup 1"));
  escale_test_spin (300);
}

static gboolean
scrolled_round (gpointer data)
{
  Progress *p = data;
  EscaleFirststepsScroll *scroll = ESCALE_FIRSTSTEPS_SCROLL (exercise (p->f));

  /* 1: the bottom was reached, the way back up is asked */
  return p->round == 1
           ? !escale_firststeps_scroll_going_down (scroll)
           : escale_firststeps_view_get_index (view (p->f)) == p->index &&
               strstr (escale_firststeps_view_get_feedback (view (p->f)), "Bravo") != NULL;
}

static gboolean
village_chosen (gpointer data)
{
  return escale_firststeps_typing_get_village (ESCALE_FIRSTSTEPS_TYPING (exercise (data))) != NULL;
}

/* The whole lesson with a mouse, as a person at a PC without a touch
 * screen: real clicks, a double click, a drag, the wheel, the keyboard. */
static void
test_mouse_lesson (Fixture *f, gconstpointer data)
{
  EscaleFirststepsView *v = open_lesson (f);
  EscaleActivityView *base = ESCALE_ACTIVITY_VIEW (v);
  Progress p = { f, 0, 0 };
  GtkWidget *piece_hole;
  graphene_rect_t hole;

  /* Someone touched before; then the mouse is used: the words follow. */
  escale_firststeps_view_note_input_source (v, GDK_SOURCE_TOUCHSCREEN);
  g_assert_true (g_str_has_prefix (escale_firststeps_view_get_instruction (v), "Touchez"));
  g_assert_cmpuint (escale_activity_view_get_guide_step (base), ==, 1);

  /* touch: three clicks on a target that gets smaller */
  click_target (f, "click 1", 3);
  g_assert_false (escale_firststeps_view_get_touch (v));
  g_assert_nonnull (strstr (escale_firststeps_view_get_feedback (v), "cliquer"));
  touch_next (f);

  /* double: one click only gives a hint, two open the album */
  g_assert_cmpuint (escale_activity_view_get_guide_step (base), ==, 2);
  g_assert_true (g_str_has_prefix (escale_firststeps_view_get_instruction (v), "Cliquez deux"));
  click_target (f, "click --repeat 2 --delay 60 1", 3);
  touch_next (f);

  /* drag: a real press, move, release onto the hole */
  g_assert_cmpuint (escale_activity_view_get_guide_step (base), ==, 3);
  piece_hole = exercise (f);
  g_assert_true (escale_firststeps_puzzle_has_picture (ESCALE_FIRSTSTEPS_PUZZLE (piece_hole)));
  escale_firststeps_puzzle_get_hole (ESCALE_FIRSTSTEPS_PUZZLE (piece_hole), &hole);
  mouse_drag_piece (f, hole.origin.x + hole.size.width / 2 + 10,
                    hole.origin.y + hole.size.height / 2 - 8);
  escale_test_wait_until (piece_solved, f, 5000);
  touch_next (f);

  /* scroll: the wheel down to the bottom, then up to the top */
  g_assert_cmpuint (escale_activity_view_get_guide_step (base), ==, 4);
  p.index = 3;
  p.round = 1;
  mouse_click_centre (f, exercise (f), "click --repeat 40 --delay 20 5");
  escale_test_wait_until (scrolled_round, &p, 5000);
  g_assert_true (g_str_has_prefix (escale_firststeps_view_get_instruction (v), "Tournez"));
  p.round = 2;
  g_assert_true (escale_test_xdotool ("click --repeat 40 --delay 20 4"));
  escale_test_wait_until (feedback_contains, &p, 5000);
  touch_next (f);

  /* type: a village chosen with a click, its name typed on the keyboard,
   * without its accent */
  g_assert_cmpuint (escale_activity_view_get_guide_step (base), ==, 5);
  mouse_click_centre (f,
                      escale_firststeps_typing_get_village_button (ESCALE_FIRSTSTEPS_TYPING (
                                                                     exercise (f)),
                                                                   0),
                      "click 1");
  escale_test_wait_until (village_chosen, f, 5000);
  g_assert_cmpstr (escale_firststeps_typing_get_village (ESCALE_FIRSTSTEPS_TYPING (exercise (f))),
                   ==, "Brantôme");
  g_assert_true (escale_test_xdotool ("type --delay 40 brantome"));
  escale_test_wait_until (feedback_contains, &p, 5000);
  touch_next (f);

  /* buttons: J'ai fini first is not wrong, it is explained */
  g_assert_cmpuint (escale_activity_view_get_guide_step (base), ==, 6);
  mouse_click_centre (f,
                      escale_firststeps_buttons_get_button (ESCALE_FIRSTSTEPS_BUTTONS (
                                                              exercise (f)),
                                                            "J'ai fini"),
                      "click 1");
  escale_test_spin (300);
  g_assert_nonnull (strstr (escale_firststeps_view_get_feedback (v), "efface tout"));
  g_assert_cmpuint (escale_firststeps_view_get_index (v), ==, 5);
  g_assert_cmpstr (escale_window_get_page_name (f->k.window), ==, "activity");
  for (guint i = 0; i < 3; i++)
    {
      const char *order[] = { "Accueil", "Aide", "J'ai fini" };

      mouse_click_centre (f,
                          escale_firststeps_buttons_get_button (ESCALE_FIRSTSTEPS_BUTTONS (
                                                                  exercise (f)),
                                                                order[i]),
                          "click 1");
      escale_test_spin (200);
    }
  escale_test_wait_until (feedback_contains, &p, 5000);
  touch_next (f);

  g_assert_cmpuint (escale_activity_view_get_guide_step (base), ==, 7);
  g_assert_null (escale_firststeps_view_get_exercise (v));
  g_assert_cmpstr (escale_firststeps_view_get_summary (v), ==,
                   "Vous savez maintenant cliquer, cliquer deux fois, glisser avec la souris, "
                   "faire défiler une page, écrire et reconnaître les boutons Accueil, Aide et "
                   "J'ai fini.");

  finish_visit (f);
  for (guint i = 0; i < 6; i++)
    {
      const char *skills[] = { "touch", "double", "drag", "scroll", "type", "buttons" };
      g_autofree char *started = g_strconcat (skills[i], "-started", NULL);
      g_autofree char *completed = g_strconcat (skills[i], "-completed", NULL);

      g_assert_cmpint (counted (f, started), ==, 1);
      g_assert_cmpint (counted (f, completed), ==, 1);
    }
  g_assert_cmpint (escale_test_kiosk_db_count (&f->k,
                                               "SELECT count (*) FROM session_activities WHERE "
                                               "theme = 'prendre_en_main_du_materiel'"),
                   ==, 1);
}

/* --- touch: the gestures' own signals ---------------------------------- */

static GtkGesture *
gesture_of (GtkWidget *widget, GType type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return GTK_GESTURE (controller);
    }
  g_assert_not_reached ();
}

static void
finger_tap (GtkWidget *target, int presses)
{
  graphene_rect_t area;
  graphene_point_t centre;
  GtkGesture *click = gesture_of (target, GTK_TYPE_GESTURE_CLICK);

  escale_firststeps_target_get_area (ESCALE_FIRSTSTEPS_TARGET (target), &area);
  graphene_rect_get_center (&area, &centre);
  for (int n = 1; n <= presses; n++)
    g_signal_emit_by_name (click, "pressed", n, (double) centre.x, (double) centre.y);
}

static void
finger_drag (GtkWidget *puzzle, double to_x, double to_y)
{
  GtkGesture *drag = gesture_of (puzzle, GTK_TYPE_GESTURE_DRAG);
  graphene_rect_t piece;
  graphene_point_t from;

  escale_firststeps_puzzle_get_piece (ESCALE_FIRSTSTEPS_PUZZLE (puzzle), &piece);
  graphene_rect_get_center (&piece, &from);
  g_signal_emit_by_name (drag, "drag-begin", (double) from.x, (double) from.y);
  g_signal_emit_by_name (drag, "drag-update", (to_x - from.x) / 2, (to_y - from.y) / 2);
  g_signal_emit_by_name (drag, "drag-end", to_x - from.x, to_y - from.y);
}

/* On a touch screen: touch words everywhere, the same exercises done with
 * a finger, the big keys for typing. */
static void
test_touch_lesson (Fixture *f, gconstpointer data)
{
  EscaleFirststepsView *v;
  EscaleFirststepsTyping *typing;
  graphene_rect_t hole;
  const char *letters[] = { "B", "O", "U", "R", "D", "E", "I", "L", "L", "E", "S" };

  help_shot_save (GTK_WIDGET (f->k.window), "firststeps-welcome");
  v = open_lesson (f);
  /* the demonstration plays on the first exercise, and follows the finger */
  g_assert_true (escale_firststeps_hand_get_playing (escale_firststeps_view_get_hand (v)));
  escale_firststeps_view_note_input_source (v, GDK_SOURCE_TOUCHSCREEN);
  g_assert_cmpstr (escale_firststeps_view_get_instruction (v), ==,
                   "Touchez le rond bleu avec le bout du doigt.");
  /* the helper's tip, shown on demand */
  g_assert_null (escale_firststeps_view_get_tip (v));
  g_signal_emit_by_name (escale_firststeps_view_get_tip_button (v), "clicked");
  g_assert_nonnull (escale_firststeps_view_get_tip (v));
  g_assert_true (
    g_str_has_prefix (escale_firststeps_view_get_tip (v), "Laissez la personne faire seule"));
  escale_test_spin (100);
  help_shot_save (GTK_WIDGET (f->k.window), "firststeps-tip");
  for (guint i = 0; i < 3; i++)
    finger_tap (exercise (f), 1);
  g_assert_nonnull (strstr (escale_firststeps_view_get_feedback (v), "Vous savez toucher."));
  touch_next (f);

  /* one touch on the album: no failure, a hint once the moment passed */
  finger_tap (exercise (f), 1);
  escale_test_spin (1000);
  g_assert_true (g_str_has_prefix (escale_firststeps_view_get_feedback (v), "Presque !"));
  for (guint i = 0; i < 3; i++)
    finger_tap (exercise (f), 2);
  g_assert_nonnull (strstr (escale_firststeps_view_get_feedback (v), "toucher deux fois"));
  touch_next (f);

  g_assert_true (g_str_has_prefix (escale_firststeps_view_get_instruction (v), "Posez le doigt"));
  escale_firststeps_puzzle_get_hole (ESCALE_FIRSTSTEPS_PUZZLE (exercise (f)), &hole);
  finger_drag (exercise (f), hole.origin.x + hole.size.width / 2,
               hole.origin.y + hole.size.height / 2);
  g_assert_true (escale_firststeps_puzzle_get_solved (ESCALE_FIRSTSTEPS_PUZZLE (exercise (f))));
  touch_next (f);
  touch_next (f); /* scrolling skipped */

  typing = ESCALE_FIRSTSTEPS_TYPING (exercise (f));
  g_signal_emit_by_name (escale_firststeps_typing_get_village_button (typing, 1), "clicked");
  g_assert_true (g_str_has_prefix (escale_firststeps_view_get_instruction (v),
                                   "Écrivez « Bourdeilles » en touchant"));
  /* a wrong key: a kind word, and Effacer puts it right */
  g_signal_emit_by_name (escale_firststeps_typing_get_key (typing, "A"), "clicked");
  g_assert_nonnull (strstr (escale_firststeps_view_get_feedback (v), "Effacer"));
  g_signal_emit_by_name (escale_firststeps_typing_get_key (typing, "Effacer"), "clicked");
  for (guint i = 0; i < G_N_ELEMENTS (letters); i++)
    g_signal_emit_by_name (escale_firststeps_typing_get_key (typing, letters[i]), "clicked");
  g_assert_cmpstr (gtk_editable_get_text (
                     GTK_EDITABLE (escale_firststeps_typing_get_entry (typing))),
                   ==, "Bourdeilles");
  g_assert_nonnull (strstr (escale_firststeps_view_get_feedback (v), "Vous savez écrire."));
  touch_next (f);
  touch_next (f);
  g_assert_cmpstr (escale_firststeps_view_get_summary (v), ==,
                   "Vous savez maintenant toucher, toucher deux fois, glisser et écrire.");
  help_shot_save (GTK_WIDGET (f->k.window), "firststeps-learnt");
}

/* --- a person who never manages the drag ------------------------------- */

static void
test_drag_never_succeeds (Fixture *f, gconstpointer data)
{
  EscaleFirststepsView *v = open_lesson (f);
  graphene_rect_t piece, before;

  touch_next (f);
  touch_next (f);
  g_assert_true (ESCALE_IS_FIRSTSTEPS_PUZZLE (exercise (f)));
  /* lets go far from the hole, then presses beside the piece, again and again */
  for (guint i = 0; i < 4; i++)
    {
      escale_firststeps_puzzle_get_piece (ESCALE_FIRSTSTEPS_PUZZLE (exercise (f)), &before);
      finger_drag (exercise (f), 20 + i, 20);
      g_assert_true (g_str_has_prefix (escale_firststeps_view_get_feedback (v),
                                       "C'est bien, le morceau a bougé !"));
      escale_firststeps_puzzle_get_piece (ESCALE_FIRSTSTEPS_PUZZLE (exercise (f)), &piece);
      /* the target does not shrink for a miss */
      g_assert_cmpfloat (piece.size.width, ==, before.size.width);
      g_signal_emit_by_name (gesture_of (exercise (f), GTK_TYPE_GESTURE_DRAG), "drag-begin",
                             (double) gtk_widget_get_width (exercise (f)) - 2.0, 2.0);
      g_assert_true (g_str_has_prefix (escale_firststeps_view_get_feedback (v), "Appuyez sur"));
    }
  g_assert_false (escale_firststeps_puzzle_get_solved (ESCALE_FIRSTSTEPS_PUZZLE (exercise (f))));
  /* still there, still friendly: Encore and Suivant are on screen */
  g_assert_true (gtk_widget_get_mapped (escale_firststeps_view_get_again_button (v)));
  g_assert_true (gtk_widget_get_mapped (escale_firststeps_view_get_next_button (v)));
  g_signal_emit_by_name (escale_firststeps_view_get_again_button (v), "clicked");
  g_assert_false (escale_firststeps_puzzle_get_solved (ESCALE_FIRSTSTEPS_PUZZLE (exercise (f))));
  touch_next (f);
  g_assert_true (ESCALE_IS_FIRSTSTEPS_SCROLL (exercise (f)));
  for (guint i = 0; i < 3; i++)
    touch_next (f);
  g_assert_cmpstr (escale_firststeps_view_get_summary (v), ==,
                   "Merci d'avoir essayé ! Chacun va à son rythme : vous pouvez recommencer "
                   "quand vous voulez, ici ou lors d'une prochaine visite.");
  finish_visit (f);
  g_assert_cmpint (counted (f, "drag-started"), ==, 2);
  g_assert_cmpint (counted (f, "drag-completed"), ==, 0);
  g_assert_cmpint (counted (f, "touch-completed"), ==, 0);
  g_assert_cmpint (counted (f, "buttons-started"), ==, 1);
}

/* --- nothing kept -------------------------------------------------------- */

static gboolean
file_contains (const char *path, const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  return memmem (contents, length, needle, strlen (needle)) != NULL;
}

/* The village typed, the place reached: all gone with the visit. The next
 * person starts at the first exercise, with an empty field. */
static void
test_nothing_kept (Fixture *f, gconstpointer data)
{
  EscaleFirststepsView *v = open_lesson (f);
  EscaleFirststepsTyping *typing;
  g_autofree char *wal = g_strconcat (f->k.stats_path, "-wal", NULL);
  const char *letters[] = { "N", "O", "N", "T", "R", "O", "N" };
  gpointer old_view = v;

  for (guint i = 0; i < 4; i++)
    touch_next (f);
  typing = ESCALE_FIRSTSTEPS_TYPING (exercise (f));
  g_signal_emit_by_name (escale_firststeps_typing_get_village_button (typing, 4), "clicked");
  for (guint i = 0; i < G_N_ELEMENTS (letters); i++)
    g_signal_emit_by_name (escale_firststeps_typing_get_key (typing, letters[i]), "clicked");
  g_assert_cmpstr (gtk_editable_get_text (
                     GTK_EDITABLE (escale_firststeps_typing_get_entry (typing))),
                   ==, "Nontron");
  g_object_add_weak_pointer (old_view, &old_view);
  finish_visit (f);
  escale_test_drain ();
  g_assert_null (old_view);
  g_assert_cmpint (counted (f, "type-completed"), ==, 1);
  g_assert_false (file_contains (f->k.stats_path, "Nontron"));
  g_assert_false (file_contains (wal, "Nontron"));

  v = open_lesson (f);
  g_assert_cmpuint (escale_firststeps_view_get_index (v), ==, 0);
  for (guint i = 0; i < 4; i++)
    touch_next (f);
  typing = ESCALE_FIRSTSTEPS_TYPING (exercise (f));
  g_assert_null (escale_firststeps_typing_get_village (typing));
  g_assert_cmpstr (gtk_editable_get_text (
                     GTK_EDITABLE (escale_firststeps_typing_get_entry (typing))),
                   ==, "");
}

/* --- looks: every exercise on screen, at each size ----------------------- */

typedef struct
{
  int width;
  int height;
  guint scale;
} Size;

static const Size sizes[] = { { 1280, 800, 0 }, { 1024, 768, 0 }, { 1024, 768, 2 } };
static const char *const shot_names[] = { "touch", "double",  "drag",   "scroll",
                                          "type",  "buttons", "summary" };

/* Into $ESCALE_HELP_SCREENSHOTS as help-firststeps-NAME-WxH[-larger].png. */
static void
save_shot (Fixture *f, const Size *size, const char *name)
{
  g_autofree char *shot = g_strdup_printf ("firststeps-%s-%dx%d%s", name, size->width,
                                           size->height, size->scale > 0 ? "-larger" : "");

  help_shot_save (GTK_WIDGET (f->k.window), shot);
}

/* @widget is shown whole in the part of the activity page one sees
 * (the page scrolls what does not fit: that would be cut off). */
static void
assert_on_screen (Fixture *f, const Size *size, GtkWidget *widget, const char *what)
{
  GtkWidget *seen = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  /* the page's own scroller, not the exercise's */
  while (seen != NULL &&
         gtk_widget_get_ancestor (gtk_widget_get_parent (seen), GTK_TYPE_SCROLLED_WINDOW) != NULL)
    seen = gtk_widget_get_ancestor (gtk_widget_get_parent (seen), GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (seen);
  g_assert_true (gtk_widget_get_mapped (widget));
  g_assert_true (gtk_widget_compute_bounds (widget, seen, &bounds));
  if (bounds.origin.x < 0 || bounds.origin.y < 0 ||
      bounds.origin.x + bounds.size.width > gtk_widget_get_width (seen) + 0.5 ||
      bounds.origin.y + bounds.size.height > gtk_widget_get_height (seen) + 0.5 ||
      bounds.size.height < 1)
    g_error ("%s at %dx%d A+x%u: %.0f,%.0f %.0fx%.0f is not all on screen", what, size->width,
             size->height, size->scale, bounds.origin.x, bounds.origin.y, bounds.size.width,
             bounds.size.height);
}

static void
check_screen (Fixture *f, const Size *size, guint index)
{
  EscaleFirststepsView *v = view (f);
  GtkWidget *ex = escale_firststeps_view_get_exercise (v);

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->k.window)), <=, size->width);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (f->k.window)), <=, size->height);
  if (ex == NULL)
    {
      assert_on_screen (f, size, escale_firststeps_view_get_restart_button (v), "Recommencer");
      return;
    }
  assert_on_screen (f, size, escale_firststeps_view_get_tip_button (v), shot_names[index]);
  assert_on_screen (f, size, escale_firststeps_view_get_again_button (v), "Encore");
  assert_on_screen (f, size, escale_firststeps_view_get_next_button (v), "Suivant");
  assert_on_screen (f, size, ex, shot_names[index]);
  g_assert_cmpint (gtk_widget_get_height (escale_firststeps_view_get_again_button (v)), >=, 64);
  /* room to do the exercise */
  g_assert_cmpint (gtk_widget_get_height (ex), >=, 140);
  if (ESCALE_IS_FIRSTSTEPS_BUTTONS (ex))
    for (guint i = 0; i < 3; i++)
      {
        const char *labels[] = { "Aide", "Accueil", "J'ai fini" };

        assert_on_screen (f, size,
                          escale_firststeps_buttons_get_button (ESCALE_FIRSTSTEPS_BUTTONS (ex),
                                                                labels[i]),
                          labels[i]);
      }
  if (ESCALE_IS_FIRSTSTEPS_TYPING (ex))
    {
      EscaleFirststepsTyping *typing = ESCALE_FIRSTSTEPS_TYPING (ex);

      assert_on_screen (f, size, escale_firststeps_typing_get_entry (typing), "the field");
      assert_on_screen (f, size, escale_firststeps_typing_get_key (typing, "Effacer"), "Effacer");
      assert_on_screen (f, size, escale_firststeps_typing_get_key (typing, "T"), "T");
    }
}

static void
test_layout (Fixture *f, gconstpointer data)
{
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      const Size *size = &sizes[s];
      EscaleFirststepsView *v;

      gtk_window_set_default_size (GTK_WINDOW (f->k.window), size->width, size->height);
      escale_test_spin (200);
      v = open_lesson (f);
      while (escale_window_get_text_scale (f->k.window) < size->scale)
        gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.text-larger", NULL);
      for (guint i = 0; i <= 6; i++)
        {
          GtkWidget *ex = escale_firststeps_view_get_exercise (v);

          if (ex != NULL && ESCALE_IS_FIRSTSTEPS_TYPING (ex))
            g_signal_emit_by_name (
              escale_firststeps_typing_get_village_button (ESCALE_FIRSTSTEPS_TYPING (ex), 0),
              "clicked");
          escale_test_spin (300);
          escale_firststeps_hand_stop (escale_firststeps_view_get_hand (v));
          if (i < 6)
            escale_firststeps_hand_show_at (escale_firststeps_view_get_hand (v), 0.55);
          escale_test_spin (100);
          save_shot (f, size, shot_names[i]);
          check_screen (f, size, i);
          if (i < 6)
            touch_next (f);
        }
      finish_visit (f);
    }
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add ("/escale/firststeps/mouse-lesson", Fixture, NULL, setup, test_mouse_lesson,
              teardown);
  g_test_add ("/escale/firststeps/touch-lesson", Fixture, NULL, setup, test_touch_lesson,
              teardown);
  g_test_add ("/escale/firststeps/drag-never-succeeds", Fixture, NULL, setup,
              test_drag_never_succeeds, teardown);
  g_test_add ("/escale/firststeps/nothing-kept", Fixture, NULL, setup, test_nothing_kept,
              teardown);
  g_test_add ("/escale/firststeps/layout", Fixture, NULL, setup, test_layout, teardown);
  return g_test_run ();
}
