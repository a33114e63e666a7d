/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The staff PIN pad and menu as staff meet them: the pad keeps the
 * keyboard after a wrong code, it stays in place between its steps, a
 * saved code is not said in the error colour, and "Quitter le mode
 * kiosque" asks first and stands far from "Fermer l'espace équipe". */
#include "escale-staff-page.h"
#include "escale-test-util.h"

typedef struct
{
  EscaleTestKiosk k;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  g_autofree char *demo = escale_test_demo_config ();

  escale_test_kiosk_init (&f->k, demo, TRUE);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  escale_test_kiosk_clear (&f->k);
}

static EscaleStaffPage *
staff (Fixture *f)
{
  return ESCALE_STAFF_PAGE (escale_window_get_staff_page (f->k.window));
}

static gboolean
staff_shown (gpointer data)
{
  Fixture *f = data;

  return g_strcmp0 (escale_window_get_page_name (f->k.window), "staff") == 0;
}

static gboolean
check_done (gpointer data)
{
  return !escale_staff_page_is_busy (staff (data));
}

static void
open_staff_with_keys (Fixture *f)
{
  escale_test_spin (300);
  g_assert_true (escale_test_xdotool ("key --clearmodifiers ctrl+alt+s"));
  escale_test_wait_until (staff_shown, f, 5000);
  escale_test_spin (200);
}

/* The mapped widget that runs @action, or shows the label @text. */
static GtkWidget *
find (GtkWidget *root, const char *action, const char *text)
{
  if (gtk_widget_get_mapped (root) &&
      ((action != NULL && GTK_IS_ACTIONABLE (root) &&
        g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0) ||
       (text != NULL && GTK_IS_LABEL (root) &&
        g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find (c, action, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static graphene_rect_t
bounds (Fixture *f, GtkWidget *widget)
{
  graphene_rect_t rect;

  g_assert_nonnull (widget);
  g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (f->k.window), &rect));
  return rect;
}

static GtkWidget *
keypad (Fixture *f)
{
  GtkWidget *ok = find (GTK_WIDGET (staff (f)), NULL, "Valider");

  g_assert_nonnull (ok);
  return gtk_widget_get_ancestor (ok, GTK_TYPE_GRID);
}

/* A wrong code typed on a physical keyboard, then the right one: the pad
 * still hears the keys. */
static void
test_keyboard_after_wrong_code (Fixture *f, gconstpointer data)
{
  g_assert_true (
    escale_code_lock_set_code (escale_kiosk_get_staff_lock (f->k.kiosk), "482913", NULL));
  open_staff_with_keys (f);
  /* As a person who touched a key of the pad, then used the keyboard. */
  gtk_widget_grab_focus (find (GTK_WIDGET (staff (f)), NULL, "5") != NULL
                           ? gtk_widget_get_parent (find (GTK_WIDGET (staff (f)), NULL, "5"))
                           : GTK_WIDGET (staff (f)));
  g_assert_true (escale_test_xdotool ("type --delay 50 111111"));
  g_assert_true (escale_test_xdotool ("key Return"));
  escale_test_spin (200);
  escale_test_wait_until (check_done, f, 20000);
  escale_test_spin (200);
  g_assert_cmpstr (escale_staff_page_get_message (staff (f)), ==,
                   "Ce n'est pas le bon code. Réessayez.");
  g_assert_true (escale_test_xdotool ("type --delay 50 482913"));
  g_assert_true (escale_test_xdotool ("key Return"));
  escale_test_spin (200);
  escale_test_wait_until (check_done, f, 20000);
  g_assert_cmpstr (escale_staff_page_get_view (staff (f)), ==, "menu");
}

/* Choosing a code: the pad does not move between "Choisissez" and "Tapez
 * le même code", nor when a message appears; the saved code is said in
 * ink, not in the error colour. */
static void
test_pad_stays_and_saved_in_ink (Fixture *f, gconstpointer data)
{
  graphene_rect_t first, second, third;
  GtkWidget *saved;
  GtkWidget *error_label;
  GdkRGBA saved_colour, error_colour;

  open_staff_with_keys (f);
  first = bounds (f, keypad (f));
  escale_staff_page_type (staff (f), "482913");
  escale_staff_page_validate (staff (f));
  escale_test_spin (200);
  second = bounds (f, keypad (f));
  g_assert_cmpfloat (second.origin.y, ==, first.origin.y);
  escale_staff_page_type (staff (f), "111111");
  escale_staff_page_validate (staff (f));
  escale_test_spin (200);
  g_assert_cmpstr (escale_staff_page_get_message (staff (f)), ==,
                   "Les deux codes sont différents. Recommencez.");
  third = bounds (f, keypad (f));
  g_assert_cmpfloat (third.origin.y, ==, first.origin.y);
  error_label =
    find (GTK_WIDGET (staff (f)), NULL, "Les deux codes sont différents. Recommencez.");
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (error_label), &error_colour);
  G_GNUC_END_IGNORE_DEPRECATIONS

  escale_staff_page_type (staff (f), "482913");
  escale_staff_page_validate (staff (f));
  escale_staff_page_type (staff (f), "482913");
  escale_staff_page_validate (staff (f));
  escale_test_wait_until (check_done, f, 20000);
  escale_test_spin (200);
  saved = find (GTK_WIDGET (staff (f)), NULL, "Le code de l'équipe est enregistré.");
  g_assert_nonnull (saved);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (saved), &saved_colour);
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_assert_false (gdk_rgba_equal (&saved_colour, &error_colour));
  /* Ink #1a1a1a. */
  g_assert_cmpfloat (saved_colour.red, <, 0.2);
  g_assert_cmpfloat (saved_colour.green, <, 0.2);
}

/* "Quitter le mode kiosque" asks first, and stands far from "Fermer
 * l'espace équipe". */
static void
test_quit_asks_and_stands_apart (Fixture *f, gconstpointer data)
{
  graphene_rect_t quit, close;

  open_staff_with_keys (f);
  escale_staff_page_type (staff (f), "482913");
  escale_staff_page_validate (staff (f));
  escale_staff_page_type (staff (f), "482913");
  escale_staff_page_validate (staff (f));
  escale_test_wait_until (check_done, f, 20000);
  escale_test_spin (200);
  g_assert_cmpstr (escale_staff_page_get_view (staff (f)), ==, "menu");
  quit = bounds (f, find (GTK_WIDGET (staff (f)), "staff.quit-kiosk", NULL));
  close = bounds (f, find (GTK_WIDGET (staff (f)), "staff.leave", NULL));
  /* At least three buttons' heights between them. */
  g_assert_cmpfloat (ABS (quit.origin.y - close.origin.y), >=, 3 * quit.size.height);

  gtk_widget_activate_action (GTK_WIDGET (staff (f)), "staff.quit-kiosk", NULL);
  g_assert_cmpstr (escale_staff_page_get_view (staff (f)), ==, "confirm-quit");
  g_assert_cmpstr (escale_window_get_page_name (f->k.window), ==, "staff");
  /* "Non" goes back to the menu; nothing was quit. */
  gtk_widget_activate_action (GTK_WIDGET (staff (f)), "staff.menu", NULL);
  g_assert_cmpstr (escale_staff_page_get_view (staff (f)), ==, "menu");
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/escale/staff-pad/keyboard-after-wrong-code", test_keyboard_after_wrong_code);
  ADD ("/escale/staff-pad/pad-stays-and-saved-in-ink", test_pad_stays_and_saved_in_ink);
  ADD ("/escale/staff-pad/quit-asks-and-stands-apart", test_quit_asks_and_stands_apart);
#undef ADD
  return g_test_run ();
}
