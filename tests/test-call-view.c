/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "call-lab.h"
#include "escale-activity-page.h"
#include "escale-call-view.h"
#include "escale-home-page.h"
#include "escale-stats-report.h"
#include "escale-welcome-page.h"
#include "escale-welcome-page.h"
#include "escale-test-util.h"
#include "escale-web-call-view.h"

/* The call screen in a whole kiosk, against a real Janus in the test's
 * private network: a code for the family, a call that holds the countdown,
 * a reset that hangs up, and calm messages for a wrong code and a server
 * that stops. */

typedef struct
{
  char *tmp_dir;
  EscaleTestKiosk k;
  EscaleCall *family;
} Fixture;

static void
write_call_config (const char *config_dir)
{
  g_autofree char *path = g_build_filename (config_dir, "activities", "10-visio.ini", NULL);
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  g_key_file_load_from_file (key_file, path, G_KEY_FILE_KEEP_COMMENTS, &error);
  g_assert_no_error (error);
  g_key_file_set_string (key_file, "Call", "server", CALL_LAB_JANUS_URL);
  g_key_file_set_string (key_file, "Call", "family-page", "https://visio.example.org/famille/");
  g_key_file_set_string (key_file, "Call", "test-pattern", "true");
  g_key_file_set_string (key_file, "Call", "local-address", CALL_LAB_ADDRESS);
  g_key_file_save_to_file (key_file, path, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *demo = escale_test_demo_config ();
  g_autofree char *config_dir = NULL;
  g_autofree char *command = NULL;
  EscaleCallMedia media = { .test_pattern = TRUE, .local_address = (char *) CALL_LAB_ADDRESS };

  f->tmp_dir = g_dir_make_tmp ("escale-call-view-XXXXXX", &error);
  g_assert_no_error (error);
  config_dir = g_build_filename (f->tmp_dir, "config", NULL);
  command = g_strdup_printf ("cp -r '%s' '%s'", demo, config_dir);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
  write_call_config (config_dir);
  call_lab_start_janus (f->tmp_dir);
  escale_test_kiosk_init (&f->k, config_dir, FALSE);
  f->family = escale_call_new (CALL_LAB_JANUS_URL, &media);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->family);
  escale_test_kiosk_clear (&f->k);
  g_assert_cmpuint (escale_call_peer_count_live_pipelines (), ==, 0);
  call_lab_stop_janus ();
  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", f->tmp_dir);

    g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
  }
  g_free (f->tmp_dir);
}

static EscaleCallView *
open_call (Fixture *f)
{
  GtkWidget *home;
  GtkWidget *button;
  GtkWidget *page;

  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.start", NULL);
  home = escale_window_get_home_page (f->k.window);
  button = escale_home_page_get_button (ESCALE_HOME_PAGE (home), "visio");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  page = escale_window_get_activity_page (f->k.window);
  g_assert_nonnull (page);
  return ESCALE_CALL_VIEW (escale_activity_page_get_content (ESCALE_ACTIVITY_PAGE (page)));
}

static gboolean
view_shows_code (gpointer data)
{
  return g_strcmp0 (escale_call_view_get_screen (data), "code") == 0;
}

static gboolean
view_shows_call (gpointer data)
{
  return g_strcmp0 (escale_call_view_get_screen (data), "call") == 0 &&
         escale_call_get_n_remote_frames (escale_call_view_get_call (data)) >= 10;
}

static gboolean
view_shows_message (gpointer data)
{
  return g_strcmp0 (escale_call_view_get_screen (data), "message") == 0;
}

static gboolean
family_told (gpointer data)
{
  return escale_call_get_state (data) == ESCALE_CALL_STATE_ENDED;
}

static gboolean
session_held (Fixture *f)
{
  return escale_session_is_held (escale_kiosk_get_session (f->k.kiosk));
}

static void
test_code_call_and_reset (Fixture *f, gconstpointer data)
{
  EscaleCallView *view = open_call (f);
  const char *code;

  /* The preview first, with the reassurance. */
  g_assert_cmpstr (escale_call_view_get_screen (view), ==, "start");
  g_assert_nonnull (strstr (escale_call_view_get_guide (view), "Vous vous voyez"));
  g_assert_false (session_held (f));

  gtk_widget_activate_action (GTK_WIDGET (view), "call.create", NULL);
  call_lab_wait_for (view_shows_code, view, "the code screen");
  code = escale_call_get_code (escale_call_view_get_call (view));
  g_assert_true (escale_call_code_is_valid (code));
  g_assert_nonnull (strstr (escale_call_view_get_guide (view), "Donnez ce code"));
  /* Waiting for the family does not hold the countdown: a person who walks
   * away while waiting is wiped like anyone else. */
  g_assert_false (session_held (f));

  /* The family joins with the code: the call screen shows them. */
  escale_call_join_room (f->family, code);
  call_lab_wait_for (view_shows_call, view, "the family on the call screen");
  g_assert_nonnull (strstr (escale_call_view_get_guide (view), "touchez Raccrocher"));
  g_assert_true (session_held (f));

  /* Twenty minutes of talk: the countdown never starts. */
  escale_test_kiosk_advance (&f->k, 20 * 60);
  g_assert_cmpint (escale_session_get_state (escale_kiosk_get_session (f->k.kiosk)), ==,
                   ESCALE_SESSION_ACTIVE);

  /* "J'ai fini" ends the visit: the reset hangs up, nothing is left, even
   * while something still holds the view (its wiper, not its dispose). */
  g_object_ref (view);
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.finish", NULL);
  g_assert_false (session_held (f));
  g_assert_null (escale_window_get_activity_page (f->k.window));
  /* The room is gone: the family is told, and no pipeline is left. */
  call_lab_wait_for (family_told, f->family, "the family told of the end");
  g_assert_cmpint (escale_call_get_problem (f->family), ==, ESCALE_CALL_PROBLEM_PEER_LEFT);
  g_assert_cmpuint (escale_call_peer_count_live_pipelines (), ==, 0);
  g_assert_false (escale_activity_view_get_holding (ESCALE_ACTIVITY_VIEW (view)));
  g_assert_finalize_object (view);

  /* The visit's anonymous record counts the call: one started, one
   * connected, twenty minutes (the fake clock's day). */
  {
    g_autoptr(EscaleStatsReport)
                 report = escale_stats_report_new (f->k.store, "2026-03-10", "2026-03-10", NULL);

    g_assert_nonnull (report);
    g_assert_cmpuint (escale_stats_report_get_counter_value (report, "call", "started"), ==, 1);
    g_assert_cmpuint (escale_stats_report_get_counter_value (report, "call", "connected"), ==, 1);
    g_assert_cmpuint (escale_stats_report_get_counter_value (report, "call", "minutes"), ==, 20);
  }
}

static void
test_wrong_code_is_calm (Fixture *f, gconstpointer data)
{
  EscaleCallView *view = open_call (f);

  gtk_widget_activate_action (GTK_WIDGET (view), "call.pad", NULL);
  g_assert_cmpstr (escale_call_view_get_screen (view), ==, "pad");
  for (guint i = 0; i < 6; i++)
    gtk_widget_activate_action (GTK_WIDGET (view), "call.digit", "s", "9");
  gtk_widget_activate_action (GTK_WIDGET (view), "call.join", NULL);
  call_lab_wait_for (view_shows_message, view, "the wrong code message");
  g_assert_nonnull (strstr (escale_call_view_get_message (view), "Vérifiez les 6 chiffres"));
  g_assert_false (session_held (f));

  /* One touch back to the pad, the kiosk still works. */
  gtk_widget_activate_action (GTK_WIDGET (view), "call.back", NULL);
  g_assert_cmpstr (escale_call_view_get_screen (view), ==, "pad");
}

static void
test_server_stops_is_calm (Fixture *f, gconstpointer data)
{
  EscaleCallView *view = open_call (f);

  gtk_widget_activate_action (GTK_WIDGET (view), "call.create", NULL);
  call_lab_wait_for (view_shows_code, view, "the code screen");
  call_lab_stop_janus ();
  call_lab_wait_for (view_shows_message, view, "the message about the lost call");
  g_assert_nonnull (strstr (escale_call_view_get_message (view), "pas de votre faute"));
  g_assert_false (session_held (f));
  g_assert_cmpuint (escale_call_peer_count_live_pipelines (), ==, 0);
}

/* Someone makes a code and walks away before the family joins: the
 * countdown runs as usual, the visit is wiped, the camera stops. */
static void
test_walk_away_while_waiting (Fixture *f, gconstpointer data)
{
  EscaleCallView *view = open_call (f);

  gtk_widget_activate_action (GTK_WIDGET (view), "call.create", NULL);
  call_lab_wait_for (view_shows_code, view, "the code screen");
  escale_test_kiosk_advance (&f->k, 180 + 60);
  g_assert_cmpstr (escale_window_get_page_name (f->k.window), ==, "welcome");
  g_assert_null (escale_window_get_activity_page (f->k.window));
  g_assert_cmpuint (escale_call_peer_count_live_pipelines (), ==, 0);
}

/* No camera (as on this machine and CI, which have none): a calm message
 * for the person, a note for staff. Needs no call server. */
static void
test_no_camera_is_calm (void)
{
  g_autofree char *demo = escale_test_demo_config ();
  g_autofree char *dir = g_dir_make_tmp ("escale-no-camera-XXXXXX", NULL);
  g_autofree char *config_dir = g_build_filename (dir, "config", NULL);
  g_autofree char *command = g_strdup_printf ("cp -r '%s' '%s'", demo, config_dir);
  g_autofree char *ini = g_build_filename (config_dir, "activities", "10-visio.ini", NULL);
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  EscaleTestKiosk k = { 0 };
  EscaleCallView *view;
  const char *note;

  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
  g_assert_true (g_key_file_load_from_file (key_file, ini, G_KEY_FILE_KEEP_COMMENTS, NULL));
  g_key_file_set_string (key_file, "Call", "test-pattern", "false");
  g_assert_true (g_key_file_save_to_file (key_file, ini, NULL));
  escale_test_kiosk_init (&k, config_dir, FALSE);

  for (int visit = 0; visit < 2; visit++)
    {
      gtk_widget_activate_action (GTK_WIDGET (k.window), "win.start", NULL);
      g_signal_emit_by_name (escale_home_page_get_button (ESCALE_HOME_PAGE (
                                                            escale_window_get_home_page (
                                                              k.window)),
                                                          "visio"),
                             "clicked");
      view = ESCALE_CALL_VIEW (escale_activity_page_get_content (
        ESCALE_ACTIVITY_PAGE (escale_window_get_activity_page (k.window))));
      if (g_file_test ("/dev/video0", G_FILE_TEST_EXISTS))
        {
          /* A machine with a camera shows the person instead. */
          g_assert_cmpstr (escale_call_view_get_screen (view), ==, "start");
          break;
        }
      call_lab_wait_for (view_shows_message, view, "the no-camera message");
      g_assert_nonnull (strstr (escale_call_view_get_message (view), "pas de votre faute"));
      gtk_widget_activate_action (GTK_WIDGET (k.window), "win.finish", NULL);
      note = escale_welcome_page_get_staff_note (
        ESCALE_WELCOME_PAGE (escale_window_get_welcome_page (k.window)));
      g_assert_nonnull (note);
      g_assert_nonnull (strstr (note, "caméra"));
      /* Seen again at the next visit: still one note, not two. */
      g_assert_cmpuint (escale_notices_get_all (escale_kiosk_get_notices (k.kiosk))->len, ==, 1);
    }
  escale_test_kiosk_clear (&k);
  escale_remove_tree (dir, NULL);
}

/* --- The screens as a person sees them ----------------------------------
 * Every state of the call screen at a screen size and a text size: nothing
 * off screen or cut, no sentence twice, the family large, the self-view the
 * same size waiting and in a call, Raccrocher in one place.
 * ESCALE_CALL_SCREENSHOTS=DIR also saves each state as drawn
 * (docs/screenshots/callscreen-*.png); ESCALE_CALL_SCREENSHOTS_PREFIX
 * names them ("callscreen-after" unless told). */

typedef struct
{
  int width;
  int height;
  guint scale; /* times A+ */
} Screen;

typedef struct
{
  Fixture *f;
  const Screen *screen;
  GString *faults;
  GHashTable *sentences; /* sentence → count, on the screen being checked */
  graphene_rect_t self_view;
  graphene_rect_t hang_up;
} Walk;

static void
save_state (Walk *w, const char *state)
{
  GtkWidget *window = GTK_WIDGET (w->f->k.window);
  const char *dir = g_getenv ("ESCALE_CALL_SCREENSHOTS");
  const char *prefix = g_getenv ("ESCALE_CALL_SCREENSHOTS_PREFIX");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;

  if (dir == NULL)
    return;
  path = g_strdup_printf ("%s/%s-%s-%dx%d%s.png", dir, prefix ? prefix : "callscreen-after", state,
                          w->screen->width, w->screen->height,
                          w->screen->scale > 0 ? "-larger" : "");
  paintable = gtk_widget_paintable_new (window);
  /* The window's first frame may still be on its way. */
  for (guint tries = 0; node == NULL && tries < 20; tries++)
    {
      if (tries > 0)
        escale_test_spin (100);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, w->screen->width, w->screen->height);
      node = gtk_snapshot_free_to_node (snapshot);
    }
  g_assert_nonnull (node);
  texture =
    gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                 &GRAPHENE_RECT_INIT (0, 0, w->screen->width, w->screen->height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static gboolean
has_letter (const char *text)
{
  for (const char *p = text; *p != 0; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* The sentences of a label: cut after . ! ? … and :, trimmed. */
static void
count_sentences (Walk *w, const char *text)
{
  g_autoptr(GString) sentence = g_string_new (NULL);

  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean end = c == 0 || ((c == '.' || c == '!' || c == '?' || c == 0x2026 || c == ':') &&
                                (p[1] == 0 || g_unichar_isspace (g_utf8_get_char (p + 1))));

      if (c != 0)
        g_string_append_unichar (sentence, c);
      if (end)
        {
          g_strstrip (sentence->str);
          if (has_letter (sentence->str))
            {
              guint n = GPOINTER_TO_UINT (g_hash_table_lookup (w->sentences, sentence->str));

              g_hash_table_replace (w->sentences, g_strdup (sentence->str),
                                    GUINT_TO_POINTER (n + 1));
            }
          g_string_truncate (sentence, 0);
        }
      if (c == 0)
        break;
    }
}

/* Each label, button and picture inside what shows it: the screen, or
 * the scrolled window around it (which must not hide any of it). */
static void
check_widget (Walk *w, const char *state, GtkWidget *widget, GtkWidget *clip)
{
  graphene_rect_t bounds;
  int width = gtk_widget_get_width (clip);
  int height = gtk_widget_get_height (clip);

  if (!gtk_widget_get_mapped (widget) || gtk_widget_get_opacity (widget) == 0)
    return;
  if (GTK_IS_LABEL (widget))
    {
      count_sentences (w, gtk_label_get_text (GTK_LABEL (widget)));
      if (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))))
        g_string_append_printf (w->faults, "\n  %s: \"%s\" is cut", state,
                                gtk_label_get_text (GTK_LABEL (widget)));
    }
  if (GTK_IS_BUTTON (widget) || GTK_IS_LABEL (widget) || GTK_IS_PICTURE (widget))
    {
      g_assert_true (gtk_widget_compute_bounds (widget, clip, &bounds));
      if (bounds.origin.x < -0.5 || bounds.origin.y < -0.5 ||
          bounds.origin.x + bounds.size.width > width + 0.5 ||
          bounds.origin.y + bounds.size.height > height + 0.5)
        g_string_append_printf (w->faults, "\n  %s: a %s at %.0f,%.0f %.0fx%.0f is out of view",
                                state, G_OBJECT_TYPE_NAME (widget), bounds.origin.x,
                                bounds.origin.y, bounds.size.width, bounds.size.height);
    }
  if (GTK_IS_SCROLLED_WINDOW (widget))
    clip = widget;
  /* A stack in a transition still maps the page it leaves. */
  if (GTK_IS_STACK (widget))
    {
      if (gtk_stack_get_visible_child (GTK_STACK (widget)) != NULL)
        check_widget (w, state, gtk_stack_get_visible_child (GTK_STACK (widget)), clip);
      return;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    check_widget (w, state, c, clip);
}

static GtkWidget *
find_shown (GtkWidget *widget, const char *css_class)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;
  if (gtk_widget_has_css_class (widget, css_class))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_shown (c, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Where a picture's frames are drawn (fitted inside the widget). */
static gboolean
picture_rect (Walk *w, const char *css_class, graphene_rect_t *rect)
{
  GtkWidget *picture = find_shown (GTK_WIDGET (w->f->k.window), css_class);
  GdkPaintable *paintable;
  double ratio, width, height;

  if (picture == NULL || !gtk_widget_compute_bounds (picture, GTK_WIDGET (w->f->k.window), rect))
    return FALSE;
  paintable = gtk_picture_get_paintable (GTK_PICTURE (picture));
  if (paintable == NULL || gdk_paintable_get_intrinsic_aspect_ratio (paintable) == 0)
    return FALSE;
  ratio = gdk_paintable_get_intrinsic_aspect_ratio (paintable);
  width = MIN (rect->size.width, rect->size.height * ratio);
  height = width / ratio;
  if (gtk_picture_get_content_fit (GTK_PICTURE (picture)) == GTK_CONTENT_FIT_COVER)
    return TRUE; /* the whole widget is the picture */
  rect->origin.x += (rect->size.width - width) / 2;
  rect->origin.y += (rect->size.height - height) / 2;
  rect->size.width = width;
  rect->size.height = height;
  return TRUE;
}

static void
check_state (Walk *w, const char *state)
{
  GHashTableIter iter;
  gpointer sentence, count;

  gtk_window_set_default_size (GTK_WINDOW (w->f->k.window), w->screen->width, w->screen->height);
  escale_test_spin (400);
  save_state (w, state);
  w->sentences = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  check_widget (w, state, GTK_WIDGET (w->f->k.window), GTK_WIDGET (w->f->k.window));
  g_hash_table_iter_init (&iter, w->sentences);
  while (g_hash_table_iter_next (&iter, &sentence, &count))
    if (GPOINTER_TO_UINT (count) > 1)
      g_string_append_printf (w->faults, "\n  %s: \"%s\" shown %u times", state,
                              (const char *) sentence, GPOINTER_TO_UINT (count));
  g_clear_pointer (&w->sentences, g_hash_table_unref);
}

static void
remember_self_view (Walk *w, const char *state)
{
  graphene_rect_t rect;

  if (!picture_rect (w, "call-self", &rect))
    {
      g_string_append_printf (w->faults, "\n  %s: the person does not see themself", state);
      return;
    }
  if (w->self_view.size.width == 0)
    w->self_view = rect;
  else if (!graphene_rect_equal (&rect, &w->self_view))
    g_string_append_printf (w->faults,
                            "\n  %s: the self-view is %.0fx%.0f at %.0f,%.0f, was "
                            "%.0fx%.0f at %.0f,%.0f",
                            state, rect.size.width, rect.size.height, rect.origin.x, rect.origin.y,
                            w->self_view.size.width, w->self_view.size.height,
                            w->self_view.origin.x, w->self_view.origin.y);
}

static void
remember_hang_up (Walk *w, const char *state)
{
  GtkWidget *window = GTK_WIDGET (w->f->k.window);
  GtkWidget *button = find_shown (window, "call-hang-up");
  graphene_rect_t rect;

  if (button == NULL || !gtk_widget_compute_bounds (button, window, &rect))
    {
      g_string_append_printf (w->faults, "\n  %s: no Raccrocher", state);
      return;
    }
  if (w->hang_up.size.width == 0)
    w->hang_up = rect;
  else if (!graphene_rect_equal (&rect, &w->hang_up))
    g_string_append_printf (w->faults, "\n  %s: Raccrocher moved to %.0f,%.0f %.0fx%.0f", state,
                            rect.origin.x, rect.origin.y, rect.size.width, rect.size.height);
}

static void
check_family_fills (Walk *w, const char *state)
{
  graphene_rect_t rect;
  double share;

  if (!picture_rect (w, "call-remote", &rect))
    {
      g_string_append_printf (w->faults, "\n  %s: the family is not shown", state);
      return;
    }
  share = rect.size.width * rect.size.height / (w->screen->width * w->screen->height);
  /* At the normal text size; A+ makes the window's bars taller. */
  if (share < 0.6 && w->screen->scale == 0)
    g_string_append_printf (w->faults, "\n  %s: the family is %.0fx%.0f, %.0f%% of the screen",
                            state, rect.size.width, rect.size.height, share * 100);
}

static const char *
pad_display (Walk *w)
{
  GtkWidget *label = find_shown (GTK_WIDGET (w->f->k.window), "call-pad-display");

  return label != NULL ? gtk_label_get_text (GTK_LABEL (label)) : "";
}

static gboolean
view_waits_for_family (gpointer data)
{
  return g_strcmp0 (escale_call_view_get_screen (data), "code") == 0 &&
         escale_call_get_state (escale_call_view_get_call (data)) == ESCALE_CALL_STATE_WAITING &&
         escale_call_get_problem (escale_call_view_get_call (data)) ==
           ESCALE_CALL_PROBLEM_PEER_LEFT;
}

static gboolean
view_shows_start (gpointer data)
{
  return g_strcmp0 (escale_call_view_get_screen (data), "start") == 0;
}

static gboolean
family_waits (gpointer data)
{
  return escale_call_get_state (data) == ESCALE_CALL_STATE_WAITING;
}

static gboolean
family_drawn (gpointer data)
{
  Walk *w = data;
  GtkWidget *picture = find_shown (GTK_WIDGET (w->f->k.window), "call-remote");

  return picture != NULL && gtk_picture_get_paintable (GTK_PICTURE (picture)) != NULL;
}

static void
type_code (EscaleCallView *view, const char *code)
{
  for (const char *p = code; *p != 0; p++)
    {
      char digit[2] = { *p, 0 };

      gtk_widget_activate_action (GTK_WIDGET (view), "call.digit", "s", digit);
    }
}

static void
set_text_scale (Fixture *f, guint scale)
{
  while (escale_window_get_text_scale (f->k.window) < scale)
    gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.text-larger", NULL);
}

/* A wrong code: Réessayer brings the pad back with the code still typed. */
static void
walk_wrong_code (Walk *w, EscaleCallView *view)
{
  gtk_widget_activate_action (GTK_WIDGET (view), "call.pad", NULL);
  type_code (view, "999");
  check_state (w, "pad");
  remember_self_view (w, "pad");
  type_code (view, "999");
  gtk_widget_activate_action (GTK_WIDGET (view), "call.join", NULL);
  call_lab_wait_for (view_shows_message, view, "the wrong code message");
  check_state (w, "wrong-code");
  gtk_widget_activate_action (GTK_WIDGET (view), "call.back", NULL);
  check_state (w, "retry");
  if (g_strcmp0 (pad_display (w), "999 999") != 0)
    g_string_append_printf (w->faults, "\n  retry: the pad shows \"%s\", not the code typed",
                            pad_display (w));
  gtk_widget_activate_action (GTK_WIDGET (view), "call.back", NULL);
}

static void
walk_screens (Fixture *f, const Screen *screen)
{
  Walk w = { f, screen, g_string_new (NULL) };
  EscaleCallView *view = open_call (f);
  const char *code;

  set_text_scale (f, screen->scale);
  call_lab_wait_for (view_shows_start, view, "the start screen");
  check_state (&w, "start");
  walk_wrong_code (&w, view);

  /* A code for the family, who joins, leaves and comes back. */
  call_lab_wait_for (view_shows_start, view, "the start screen again");
  gtk_widget_activate_action (GTK_WIDGET (view), "call.create", NULL);
  call_lab_wait_for (view_shows_code, view, "the code screen");
  check_state (&w, "code");
  remember_self_view (&w, "code");
  remember_hang_up (&w, "code");
  code = escale_call_get_code (escale_call_view_get_call (view));
  escale_call_join_room (f->family, code);
  call_lab_wait_for (view_shows_call, view, "the family on the call screen");
  call_lab_wait_for (family_drawn, &w, "the family drawn");
  check_state (&w, "call");
  remember_self_view (&w, "call");
  remember_hang_up (&w, "call");
  check_family_fills (&w, "call");
  escale_call_hang_up (f->family);
  call_lab_wait_for (view_waits_for_family, view, "the family gone");
  check_state (&w, "family-left");
  remember_hang_up (&w, "family-left");
  gtk_widget_activate_action (GTK_WIDGET (view), "call.hang-up", NULL);
  call_lab_wait_for (view_shows_start, view, "the start screen after the call");
  check_state (&w, "ended");

  /* The family makes the code; the person types it and is in the call. */
  escale_call_create_room (f->family);
  call_lab_wait_for (family_waits, f->family, "the family's code");
  gtk_widget_activate_action (GTK_WIDGET (view), "call.pad", NULL);
  type_code (view, escale_call_get_code (f->family));
  gtk_widget_activate_action (GTK_WIDGET (view), "call.join", NULL);
  call_lab_wait_for (view_shows_call, view, "the family when joining");
  call_lab_wait_for (family_drawn, &w, "the family drawn");
  check_state (&w, "joined");
  remember_self_view (&w, "joined");
  remember_hang_up (&w, "joined");
  check_family_fills (&w, "joined");
  gtk_widget_activate_action (GTK_WIDGET (view), "call.hang-up", NULL);
  call_lab_wait_for (view_shows_start, view, "the start screen after the call");
  escale_call_hang_up (f->family);

  /* The server stops: a calm message. */
  call_lab_stop_janus ();
  gtk_widget_activate_action (GTK_WIDGET (view), "call.create", NULL);
  call_lab_wait_for (view_shows_message, view, "the message about the server");
  check_state (&w, "unreachable");
  /* Réessayer tries again at once (and fails again, calmly). */
  gtk_widget_activate_action (GTK_WIDGET (view), "call.back", NULL);
  if (g_strcmp0 (escale_call_view_get_screen (view), "call") != 0)
    g_string_append_printf (w.faults,
                            "\n  unreachable: Réessayer shows %s, not the call made again",
                            escale_call_view_get_screen (view));
  call_lab_wait_for (view_shows_message, view, "the message about the server again");

  if (w.faults->len > 0)
    {
      g_test_message ("%dx%d, A+ %u times:%s", screen->width, screen->height, screen->scale,
                      w.faults->str);
      g_test_fail ();
    }
  g_string_free (w.faults, TRUE);
}

static void
test_screens (Fixture *f, gconstpointer data)
{
  walk_screens (f, data);
}

static gboolean
web_call_decided (gpointer data)
{
  const char *screen = escale_web_call_view_get_screen (data);

  return screen != NULL && !g_str_equal (screen, "wait");
}

/* A call activity that names a visio site ([Call] web-url=), on this
 * WebKitGTK without WebRTC: the calm page says each thing once (one
 * Accueil, the top bar's) and fits, with the text twice larger too. */
static void
test_web_call_unavailable (void)
{
  static const Screen screens[] = { { 1280, 800, 0 }, { 1024, 768, 2 } };
  g_autofree char *demo = escale_test_demo_config ();
  g_autofree char *dir = g_dir_make_tmp ("escale-web-call-screen-XXXXXX", NULL);
  g_autofree char *config_dir = g_build_filename (dir, "config", NULL);
  g_autofree char *command = g_strdup_printf ("cp -r '%s' '%s'", demo, config_dir);
  g_autofree char *ini = g_build_filename (config_dir, "activities", "10-visio.ini", NULL);
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  Fixture f = { 0 };
  Walk w = { &f, &screens[0], g_string_new (NULL) };
  GtkWidget *view;

  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
  g_assert_true (g_key_file_load_from_file (key_file, ini, G_KEY_FILE_KEEP_COMMENTS, NULL));
  g_key_file_remove_key (key_file, "Call", "server", NULL);
  g_key_file_set_string (key_file, "Call", "web-url", "https://visio.example.org/famille");
  g_assert_true (g_key_file_save_to_file (key_file, ini, NULL));
  escale_test_kiosk_init (&f.k, config_dir, FALSE);
  /* Where WebKitGTK has no WebRTC, the application says so for staff. */
  g_test_expect_message ("escale-app", G_LOG_LEVEL_WARNING, "Configuration on this machine: *");
  gtk_widget_activate_action (GTK_WIDGET (f.k.window), "win.start", NULL);
  g_signal_emit_by_name (escale_home_page_get_button (ESCALE_HOME_PAGE (
                                                        escale_window_get_home_page (f.k.window)),
                                                      "visio"),
                         "clicked");
  view = escale_activity_page_get_content (
    ESCALE_ACTIVITY_PAGE (escale_window_get_activity_page (f.k.window)));
  escale_test_wait_until (web_call_decided, view, 60000);
  if (g_strcmp0 (escale_web_call_view_get_screen (ESCALE_WEB_CALL_VIEW (view)), "unavailable") !=
      0)
    g_test_skip ("this WebKitGTK has WebRTC");
  else
    {
      /* The application asks once the welcome screen is painted. */
      escale_test_wait_until (escale_test_kiosk_has_notices, f.k.kiosk, 60000);
      g_test_assert_expected_messages ();
      check_state (&w, "web-unavailable");
      w.screen = &screens[1];
      set_text_scale (&f, w.screen->scale);
      check_state (&w, "web-unavailable");
    }
  if (w.faults->len > 0)
    {
      g_test_message ("%s", w.faults->str);
      g_test_fail ();
    }
  g_string_free (w.faults, TRUE);
  escale_test_kiosk_clear (&f.k);
  escale_remove_tree (dir, NULL);
}

int
main (int argc, char **argv)
{
  call_lab_enter_network ();
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/escale/call-view/code-call-and-reset", Fixture, NULL, fixture_set_up,
              test_code_call_and_reset, fixture_tear_down);
  g_test_add ("/escale/call-view/wrong-code-is-calm", Fixture, NULL, fixture_set_up,
              test_wrong_code_is_calm, fixture_tear_down);
  g_test_add ("/escale/call-view/server-stops-is-calm", Fixture, NULL, fixture_set_up,
              test_server_stops_is_calm, fixture_tear_down);
  g_test_add ("/escale/call-view/walk-away-while-waiting", Fixture, NULL, fixture_set_up,
              test_walk_away_while_waiting, fixture_tear_down);
  g_test_add_func ("/escale/call-view/no-camera-is-calm", test_no_camera_is_calm);
  g_test_add_func ("/escale/call-view/web-call-unavailable-says-it-once",
                   test_web_call_unavailable);
  {
    static const Screen screens[] = {
      { 1280, 800, 0 },
      { 1024, 768, 0 },
      { 1280, 800, 2 },
      { 1024, 768, 2 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (screens); i++)
      {
        g_autofree char *path = g_strdup_printf ("/escale/call-view/screens-%dx%d-a%u",
                                                 screens[i].width, screens[i].height,
                                                 screens[i].scale);

        g_test_add (path, Fixture, &screens[i], fixture_set_up, test_screens, fixture_tear_down);
      }
  }
  return g_test_run ();
}
