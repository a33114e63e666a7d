/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every page the kiosk shows, at 1280x800 and 1024x768, at each text size a
 * person can choose (normal, A+, A+ twice): every button on screen lies
 * inside the window, and where the bars belong, A−, A+, Contraste, Appeler
 * un aidant and J'ai fini are all there to touch. A person who enlarged the
 * text must still be able to shrink it, call for help and leave.
 *
 * ESCALE_LAYOUT_SCREENSHOTS=DIR also saves each page, as drawn, into DIR. */
#include "escale-activity-page.h"
#include "escale-culture-view.h"
#include "photos-test-widgets.h"
#include "escale-demarches-view.h"
#include "escale-feedback-page.h"
#include "escale-home-page.h"
#include "escale-staff-page.h"
#include "escale-workshop-form.h"
#include "escale-test-util.h"
#include "escale-window-private.h"

typedef struct
{
  int width;
  int height;
} Size;

static const Size sizes[] = { { 1280, 800 }, { 1024, 768 } };

/* The bottom bar and "J'ai fini", by the actions their buttons run. */
static const char *const bar_actions[] = {
  "win.text-smaller", "win.text-larger", "win.contrast", "win.call-helper", "win.leave",
};

typedef struct
{
  EscaleTestKiosk k;
  const Size *size;
  guint scale;
  GString *faults;
  guint n_checked;
  gboolean names; /* check accessible names instead of places */
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  g_autofree char *demo = escale_test_demo_config ();

  f->size = data;
  f->faults = g_string_new (NULL);
  escale_test_kiosk_init (&f->k, demo, FALSE);
  gtk_window_set_default_size (GTK_WINDOW (f->k.window), f->size->width, f->size->height);
  escale_test_spin (300);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_string_free (f->faults, TRUE);
  escale_test_kiosk_clear (&f->k);
}

static void
save_shot (Fixture *f, const char *name)
{
  GtkWidget *window = GTK_WIDGET (f->k.window);
  const char *dir = g_getenv ("ESCALE_LAYOUT_SCREENSHOTS");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  if (dir == NULL)
    return;
  file =
    g_strdup_printf ("layout-%s-%dx%d-a%u.png", name, f->size->width, f->size->height, f->scale);
  path = g_build_filename (dir, file, NULL);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  /* Nothing drawn yet (a page just shown): no picture, not a fault. */
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static gboolean
inside_scrolled (GtkWidget *widget, GtkWidget *window)
{
  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL && w != window;
       w = gtk_widget_get_parent (w))
    if (GTK_IS_SCROLLED_WINDOW (w))
      return TRUE;
  return FALSE;
}

static char *
describe (GtkWidget *widget)
{
  const char *action =
    GTK_IS_ACTIONABLE (widget) ? gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)) : NULL;
  const char *label = GTK_IS_BUTTON (widget) ? gtk_button_get_label (GTK_BUTTON (widget)) : NULL;

  if (label == NULL)
    for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL && label == NULL;
         c = gtk_widget_get_first_child (c))
      {
        for (GtkWidget *s = c; s != NULL && label == NULL; s = gtk_widget_get_next_sibling (s))
          if (GTK_IS_LABEL (s))
            label = gtk_label_get_text (GTK_LABEL (s));
      }
  return g_strdup_printf ("%s “%s”%s%s", G_OBJECT_TYPE_NAME (widget), label ? label : "",
                          action ? " " : "", action ? action : "");
}

/* Disabled buttons that may stay on screen: they can act later in the same
 * state (the text size at its smallest or largest, a zoom at its end, a
 * list's arrows at its top or bottom).
 * Any other button that cannot act is hidden where it serves nothing
 * (escale_button_show_if_useful ()). */
static const char *const may_wait_disabled[] = {
  "win.text-smaller", "win.text-larger", "“Réduire”",  "“Agrandir”",
  "“Valider”",        "“Effacer”",       "“Remonter”", "“Voir plus bas”",
};

static gboolean
useless_but_shown (GtkWidget *widget)
{
  g_autofree char *what = NULL;

  if (!GTK_IS_BUTTON (widget) || gtk_widget_is_sensitive (widget) ||
      gtk_widget_get_opacity (widget) == 0.0)
    return FALSE;
  what = describe (widget);
  for (guint i = 0; i < G_N_ELEMENTS (may_wait_disabled); i++)
    if (strstr (what, may_wait_disabled[i]) != NULL)
      return FALSE;
  return TRUE;
}

/* Buttons, and the scrolled windows that hold buttons (these may scroll
 * their buttons out of view: the scrolled window itself must be on
 * screen). */
static void
check_widget (Fixture *f, const char *page, GtkWidget *widget, GtkWidget *window)
{
  graphene_rect_t bounds;
  gboolean scrolled = GTK_IS_SCROLLED_WINDOW (widget);

  if (!gtk_widget_get_mapped (widget))
    return;
  if (!f->names && useless_but_shown (widget))
    {
      g_autofree char *what = describe (widget);

      g_string_append_printf (f->faults, "\n  %s A+x%u: %s is disabled but shown", page, f->scale,
                              what);
    }
  if (f->names && GTK_IS_BUTTON (widget))
    {
      f->n_checked++;
      /* GTK 4.8 names a button after its label property only: one built
       * with a label child reads "GtkButton" to a screen reader. */
      if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget),
                                             GTK_ACCESSIBLE_PROPERTY_LABEL) &&
          !gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget),
                                             GTK_ACCESSIBLE_RELATION_LABELLED_BY))
        {
          g_autofree char *what = describe (widget);

          g_string_append_printf (f->faults, "\n  %s: %s has no accessible name", page, what);
        }
    }
  else if ((GTK_IS_BUTTON (widget) && !inside_scrolled (widget, window)) ||
           (scrolled && !inside_scrolled (widget, window)))
    {
      g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));
      f->n_checked++;
      if (bounds.origin.x < -0.5 || bounds.origin.y < -0.5 ||
          bounds.origin.x + bounds.size.width > f->size->width + 0.5 ||
          bounds.origin.y + bounds.size.height > f->size->height + 0.5)
        {
          g_autofree char *what = describe (widget);

          g_string_append_printf (f->faults, "\n  %s A+x%u: %s at %.0f,%.0f %.0fx%.0f", page,
                                  f->scale, what, bounds.origin.x, bounds.origin.y,
                                  bounds.size.width, bounds.size.height);
        }
    }
  /* The place's name in the top bar: wrapped, never cut with "…". */
  if (!f->names && GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "place-title") &&
      pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))))
    g_string_append_printf (f->faults, "\n  %s A+x%u: the title \"%s\" is cut", page, f->scale,
                            gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    check_widget (f, page, c, window);
}

static GtkWidget *
find_action (GtkWidget *widget, const char *action)
{
  if (GTK_IS_ACTIONABLE (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_action (c, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
check_page (Fixture *f, const char *page, gboolean bars)
{
  GtkWidget *window = GTK_WIDGET (f->k.window);

  /* The screen's size again: a page before may have pushed the window
   * beyond it (without a window manager, X lets it). */
  gtk_window_set_default_size (GTK_WINDOW (window), f->size->width, f->size->height);
  escale_test_spin (250);
  save_shot (f, page);
  check_widget (f, page, window, window);
  if (f->names)
    return;
  if (gtk_widget_get_width (window) > f->size->width ||
      gtk_widget_get_height (window) > f->size->height)
    g_string_append_printf (f->faults, "\n  %s A+x%u: the window grew to %dx%d", page, f->scale,
                            gtk_widget_get_width (window), gtk_widget_get_height (window));
  for (guint i = 0; bars && i < G_N_ELEMENTS (bar_actions); i++)
    if (find_action (window, bar_actions[i]) == NULL)
      g_string_append_printf (f->faults, "\n  %s A+x%u: no %s on screen", page, f->scale,
                              bar_actions[i]);
}

static void
set_scale (Fixture *f, guint scale)
{
  while (escale_window_get_text_scale (f->k.window) < scale)
    gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.text-larger", NULL);
  f->scale = scale;
}

static GtkWidget *
activity_view (Fixture *f)
{
  return escale_activity_page_get_content (
    ESCALE_ACTIVITY_PAGE (escale_window_get_activity_page (f->k.window)));
}

static GtkWidget *
find_css (GtkWidget *widget, const char *css_class)
{
  if (gtk_widget_has_css_class (widget, css_class) && gtk_widget_get_mapped (widget))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_css (c, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Mode conférencier is a presentation to a group: the work as large as
 * its proportions allow on this screen (at least 85% of the screen's
 * width or height, whichever limits it), Quitter and Suivante on screen
 * and large. */
static void
check_presentation (Fixture *f, const char *page)
{
  GtkWidget *window = GTK_WIDGET (f->k.window);
  GtkWidget *picture = find_css (window, "culture-slide-picture");
  GdkPaintable *paintable;
  graphene_rect_t bounds;
  double ratio, scale, shown_w, shown_h;

  g_assert_nonnull (picture);
  paintable = gtk_picture_get_paintable (GTK_PICTURE (picture));
  g_assert_nonnull (paintable);
  g_assert_true (gtk_widget_compute_bounds (picture, window, &bounds));
  ratio = gdk_paintable_get_intrinsic_aspect_ratio (paintable);
  /* What GTK_CONTENT_FIT_CONTAIN draws in the picture's allocation. */
  scale = MIN (bounds.size.width / (bounds.size.height * ratio), 1.0);
  shown_w = bounds.size.height * ratio * scale;
  shown_h = bounds.size.height * scale;
  if (shown_w < 0.85 * f->size->width && shown_h < 0.85 * f->size->height)
    g_string_append_printf (f->faults, "\n  %s A+x%u: the work is only %.0fx%.0f", page, f->scale,
                            shown_w, shown_h);
  for (guint i = 0; i < 2; i++)
    {
      const char *name = i == 0 ? "Quitter" : "Suivante";
      GtkWidget *button = photos_test_find_button (find_css (window, "culture-slideshow"), name);

      if (button == NULL || !gtk_widget_get_mapped (button) || gtk_widget_get_height (button) < 64)
        g_string_append_printf (f->faults, "\n  %s A+x%u: no large %s", page, f->scale, name);
    }
}

static void
walk_culture (Fixture *f, const char *id)
{
  EscaleCultureView *view = ESCALE_CULTURE_VIEW (activity_view (f));
  g_autofree char *detail = g_strconcat (id, "-detail", NULL);
  g_autofree char *sites = g_strconcat (id, "-sites", NULL);
  g_autofree char *present = g_strconcat (id, "-conferencier", NULL);

  escale_culture_view_open_item (view, 0);
  check_page (f, detail, TRUE);
  escale_culture_view_show_sites (view);
  check_page (f, sites, TRUE);
  escale_culture_view_present (view, 0);
  check_page (f, present, FALSE);
  if (!f->names)
    check_presentation (f, present);
}

static void
walk_demarches (Fixture *f, const char *id)
{
  EscaleDemarchesView *view = ESCALE_DEMARCHES_VIEW (activity_view (f));
  g_autofree char *need = g_strconcat (id, "-need", NULL);
  g_autofree char *booking = g_strconcat (id, "-booking", NULL);

  escale_demarches_view_open_need (view, "papiers");
  check_page (f, need, TRUE);
  escale_demarches_view_show_booking (view);
  check_page (f, booking, TRUE);
}

static void
walk_activities (Fixture *f)
{
  GPtrArray *activities = escale_config_get_activities (escale_kiosk_get_config (f->k.kiosk));
  GtkWidget *home = escale_window_get_home_page (f->k.window);

  for (guint i = 0; i < activities->len; i++)
    {
      const char *id = escale_activity_get_id (activities->pdata[i]);
      GtkWidget *button = escale_home_page_get_button (ESCALE_HOME_PAGE (home), id);
      GtkWidget *view;

      g_signal_emit_by_name (button, "clicked");
      g_assert_cmpstr (escale_window_get_page_name (f->k.window), ==, "activity");
      check_page (f, id, TRUE);
      view = activity_view (f);
      if (ESCALE_IS_CULTURE_VIEW (view))
        walk_culture (f, id);
      else if (ESCALE_IS_DEMARCHES_VIEW (view))
        walk_demarches (f, id);
      gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.home", NULL);
    }
}

static EscaleStaffPage *
staff (Fixture *f)
{
  return ESCALE_STAFF_PAGE (escale_window_get_staff_page (f->k.window));
}

static gboolean
staff_idle (gpointer data)
{
  return !escale_staff_page_is_busy (staff (data));
}

static void
walk_staff (Fixture *f)
{
  /* What Ctrl+Alt+S does. */
  _escale_window_open_staff_space (f->k.window);
  g_assert_cmpstr (escale_window_get_page_name (f->k.window), ==, "staff");
  check_page (f, "staff-pin", FALSE);
  escale_staff_page_type (staff (f), "482913");
  escale_staff_page_validate (staff (f));
  escale_test_wait_until (staff_idle, f, 20000);
  check_page (f, "staff-pin-confirm", FALSE);
  escale_staff_page_type (staff (f), "482913");
  escale_staff_page_validate (staff (f));
  escale_test_wait_until (staff_idle, f, 20000);
  g_assert_cmpstr (escale_staff_page_get_view (staff (f)), ==, "menu");
  check_page (f, "staff-menu", FALSE);
  gtk_widget_activate_action (GTK_WIDGET (staff (f)), "staff.codes", NULL);
  check_page (f, "staff-codes", FALSE);
  gtk_widget_activate_action (GTK_WIDGET (staff (f)), "staff.menu", NULL);
  gtk_widget_activate_action (GTK_WIDGET (staff (f)), "staff.quit-kiosk", NULL);
  check_page (f, "staff-confirm-quit", FALSE);
  gtk_widget_activate_action (GTK_WIDGET (staff (f)), "staff.menu", NULL);
  gtk_widget_activate_action (GTK_WIDGET (staff (f)), "staff.warnings", NULL);
  check_page (f, "staff-warnings", FALSE);
  gtk_widget_activate_action (GTK_WIDGET (staff (f)), "staff.menu", NULL);
  gtk_widget_activate_action (GTK_WIDGET (staff (f)), "staff.leave", NULL);
}

/* "Je suis aidant" in the help banner, the helpers' pad, the workshop
 * form, the band (with the five-minute notice) and the running workshop,
 * left running for the rest of the walk (end_workshop () ends it). */
static void
walk_helper (Fixture *f)
{
  EscaleCodeLock *lock = escale_kiosk_get_helper_lock (f->k.kiosk);
  GtkWidget *form = escale_staff_page_get_workshop_form (staff (f));
  g_autoptr(EscaleHelpClient) client = NULL;

  g_object_get (f->k.window, "help-client", &client, NULL);
  escale_code_lock_set_cost (lock, 64, 1);
  if (!escale_code_lock_has_code (lock, NULL))
    g_assert_true (escale_code_lock_set_code (lock, "246813", NULL));
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.call-helper", NULL);
  check_page (f, "helper-banner", TRUE);
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.helper-space", NULL);
  check_page (f, "helper-pad", FALSE);
  escale_staff_page_type (staff (f), "246813");
  escale_staff_page_validate (staff (f));
  escale_test_wait_until (staff_idle, f, 20000);
  g_assert_cmpstr (escale_staff_page_get_view (staff (f)), ==, "workshop");
  g_assert_true (escale_workshop_form_choose (ESCALE_WORKSHOP_FORM (form),
                                              "prendre_en_main_du_materiel", "intermediaire", 90));
  check_page (f, "workshop-form", FALSE);
  gtk_widget_activate_action (form, "workshop.start", NULL);
  escale_help_client_set_ending_soon (client, TRUE);
  check_page (f, "home-workshop-ends-soon", TRUE);
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.helper-space", NULL);
  escale_staff_page_type (staff (f), "246813");
  escale_staff_page_validate (staff (f));
  escale_test_wait_until (staff_idle, f, 20000);
  check_page (f, "workshop-running", FALSE);
  gtk_widget_activate_action (form, "workshop.back", NULL);
}

/* Between two visits, so that the next walk starts as this one did. */
static void
end_workshop (Fixture *f)
{
  g_autoptr(EscaleHelpClient) client = NULL;

  g_object_get (f->k.window, "help-client", &client, NULL);
  g_assert_true (escale_help_client_end_here (client));
}

static void
walk_everything (Fixture *f)
{
  GtkWidget *feedback = escale_window_get_feedback_page (f->k.window);

  check_page (f, "welcome", FALSE);
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.start", NULL);
  g_assert_cmpstr (escale_window_get_page_name (f->k.window), ==, "home");
  /* The visit keeps its text size from here on. */
  set_scale (f, f->scale);
  check_page (f, "home", TRUE);
  walk_activities (f);
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.help", NULL);
  check_page (f, "help", TRUE);
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.back", NULL);
  walk_helper (f);

  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.leave", NULL);
  g_assert_cmpstr (escale_window_get_page_name (f->k.window), ==, "feedback");
  check_page (f, "feedback-satisfaction", FALSE);
  gtk_widget_activate_action (feedback, "feedback.satisfaction", "i", ESCALE_SATISFACTION_YES);
  check_page (f, "feedback-age", FALSE);
  gtk_widget_activate_action (feedback, "feedback.resume", NULL);
  g_assert_cmpstr (escale_window_get_page_name (f->k.window), !=, "feedback");

  walk_staff (f);
  check_page (f, "goodbye", FALSE);
  end_workshop (f);
}

static gboolean
welcome_shown (gpointer data)
{
  Fixture *f = data;

  return g_strcmp0 (escale_window_get_page_name (f->k.window), "welcome") == 0;
}

static void
test_every_page_fits (Fixture *f, gconstpointer data)
{
  /* The goodbye screen stays long enough to be looked at, then the next
   * visit starts at the normal size and chooses its own. */
  escale_kiosk_set_goodbye_delay_ms (f->k.kiosk, 1500);
  for (guint scale = 0; scale <= 2; scale++)
    {
      f->scale = scale;
      walk_everything (f);
      escale_test_wait_until (welcome_shown, f, 10000);
    }
  g_assert_cmpuint (f->n_checked, >, 100);
  if (f->faults->len > 0)
    {
      g_test_message ("off the %dx%d screen:%s", f->size->width, f->size->height, f->faults->str);
      g_test_fail ();
    }
}

/* Every button of every page has a name a screen reader says (Orca reads
 * GTK's accessible label through AT-SPI). */
static void
test_every_button_named (Fixture *f, gconstpointer data)
{
  escale_kiosk_set_goodbye_delay_ms (f->k.kiosk, 1500);
  f->names = TRUE;
  walk_everything (f);
  g_assert_cmpuint (f->n_checked, >, 100);
  if (f->faults->len > 0)
    {
      g_test_message ("buttons without a name:%s", f->faults->str);
      g_test_fail ();
    }
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *path =
        g_strdup_printf ("/escale/layout/every-page-fits-%dx%d", sizes[i].width, sizes[i].height);

      g_test_add (path, Fixture, &sizes[i], setup, test_every_page_fits, teardown);
    }
  g_test_add ("/escale/layout/every-button-named", Fixture, &sizes[0], setup,
              test_every_button_named, teardown);
  return g_test_run ();
}
