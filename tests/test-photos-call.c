/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "call-lab.h"
#include "escale-activity-page.h"
#include "escale-call-view.h"
#include "escale-home-page.h"
#include "escale-photos-view.h"
#include "escale-test-util.h"
#include "photo-test-medium.h"
#include "photos-test-widgets.h"

/* "Montrer à ma famille", driven as a person would, in the whole kiosk: a
 * stick really plugged in with a red photo (tests/photo-test-medium.c),
 * the call against a real Janus in the test's private network
 * (tests/call-lab.c), the family an Escale call engine of its own. The
 * photo goes from the full-screen viewer to the call screen, the family
 * receives its colours then the camera's again, and nothing of it
 * outlives the visit. Needs root (mount, network namespace), as in CI. */

typedef struct
{
  char *dir;
  char *config_dir;
  PhotoTestMedium *medium;
  EscaleTestKiosk k;
  EscaleCall *family;
  double family_sees[3]; /* the mean colour of the last frame it got */
  EscaleSessionRecord *record;
} Fixture;

static void
write_file (const char *dir, const char *name, const char *text)
{
  g_autofree char *path = g_build_filename (dir, "activities", name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

static void
write_config (Fixture *f)
{
  g_autofree char *path = g_build_filename (f->config_dir, "activities", "10-visio.ini", NULL);
  g_autoptr(GKeyFile) key_file = g_key_file_new ();

  g_assert_true (g_key_file_load_from_file (key_file, path, G_KEY_FILE_KEEP_COMMENTS, NULL));
  g_key_file_set_string (key_file, "Call", "server", CALL_LAB_JANUS_URL);
  g_key_file_set_string (key_file, "Call", "test-pattern", "true");
  g_key_file_set_string (key_file, "Call", "local-address", CALL_LAB_ADDRESS);
  g_assert_true (g_key_file_save_to_file (key_file, path, NULL));
  write_file (f->config_dir, "20-photos.ini",
              "[Activity]\nid=photos\ntitle=Mes photos\nicon=photos\nkind=photos\norder=20\n");
}

/* One photo on the stick: pure red, 4:3. */
static void
put_red_photo (PhotoTestMedium *medium)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 640, 480);
  g_autoptr(GBytes) bytes = NULL;
  char *buffer = NULL;
  gsize size = 0;

  gdk_pixbuf_fill (pixbuf, 0xff0000ff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "jpeg", NULL, NULL));
  bytes = g_bytes_new_take (buffer, size);
  photo_test_medium_put (medium, "DCIM/100PHOTO/ROUGE.JPG", bytes, 0);
  photo_test_medium_make_fat (medium, "GRANDFILS");
}

static void
ended_cb (EscaleSession *session, EscaleSessionRecord *record, Fixture *f)
{
  g_clear_pointer (&f->record, escale_session_record_free);
  f->record = escale_session_record_copy (record);
}

static void
family_frame_cb (EscaleCall *call, GBytes *frame, int width, int height, int stride, Fixture *f)
{
  call_lab_mean_colour (frame, width, height, stride, f->family_sees);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *demo = escale_test_demo_config ();
  g_autofree char *command = NULL;
  EscaleCallMedia media = { .test_pattern = TRUE, .local_address = (char *) CALL_LAB_ADDRESS };

  if (getuid () != 0)
    return;
  f->dir = g_dir_make_tmp ("escale-photos-call-XXXXXX", NULL);
  f->config_dir = g_build_filename (f->dir, "config", NULL);
  command = g_strdup_printf ("cp -r '%s' '%s'", demo, f->config_dir);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
  write_config (f);
  f->medium = photo_test_medium_new ();
  put_red_photo (f->medium);
  call_lab_start_janus (f->dir);
  f->family = escale_call_new (CALL_LAB_JANUS_URL, &media);
  g_signal_connect (f->family, "remote-frame", G_CALLBACK (family_frame_cb), f);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (f->dir == NULL)
    return;
  g_clear_object (&f->family);
  g_clear_pointer (&f->record, escale_session_record_free);
  if (f->k.window != NULL)
    escale_test_kiosk_clear (&f->k);
  g_assert_cmpuint (escale_call_peer_count_live_pipelines (), ==, 0);
  call_lab_stop_janus ();
  g_clear_pointer (&f->medium, photo_test_medium_free);
  g_assert_true (escale_remove_tree (f->dir, NULL));
  g_free (f->config_dir);
  g_free (f->dir);
}

static GtkWidget *
content (Fixture *f)
{
  GtkWidget *page = escale_window_get_activity_page (f->k.window);

  return page != NULL ? escale_activity_page_get_content (ESCALE_ACTIVITY_PAGE (page)) : NULL;
}

static gboolean
photo_shown (gpointer data)
{
  EscalePhotosView *view = ESCALE_PHOTOS_VIEW (content (data));
  EscalePhotoViewer *viewer = escale_photos_view_get_viewer (view);

  return escale_photo_viewer_get_texture (viewer) != NULL;
}

static gboolean
grid_has_tile (gpointer data)
{
  EscalePhotosView *view = ESCALE_PHOTOS_VIEW (content (data));

  return photos_test_find_tile (GTK_WIDGET (escale_photos_view_get_grid (view)), 0) != NULL;
}

/* "Mes photos" on the home screen, the stick's one photo full screen. */
static GdkTexture *
open_red_photo (Fixture *f)
{
  GtkWidget *home = escale_window_get_home_page (f->k.window);
  EscalePhotosView *view;
  GdkTexture *texture;

  g_signal_emit_by_name (escale_home_page_get_button (ESCALE_HOME_PAGE (home), "photos"),
                         "clicked");
  g_assert_true (ESCALE_IS_PHOTOS_VIEW (content (f)));
  escale_test_wait_until (grid_has_tile, f, 20000);
  view = ESCALE_PHOTOS_VIEW (content (f));
  g_signal_emit_by_name (photos_test_find_tile (GTK_WIDGET (escale_photos_view_get_grid (view)),
                                                0),
                         "clicked");
  escale_test_wait_until (photo_shown, f, 20000);
  escale_test_drain ();
  texture = escale_photo_viewer_get_texture (escale_photos_view_get_viewer (view));
  /* Ours, not a stick another test left under /media on a shared machine. */
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 640);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 480);
  return texture;
}

static gboolean
shows_code (gpointer data)
{
  return g_strcmp0 (escale_call_view_get_screen (data), "code") == 0;
}

static gboolean
family_in_call (gpointer data)
{
  EscaleCallView *view = data;

  return g_strcmp0 (escale_call_view_get_screen (view), "call") == 0 &&
         escale_call_get_n_remote_frames (escale_call_view_get_call (view)) >= 10;
}

static gboolean
family_sees_red (gpointer data)
{
  return call_lab_is_red (((Fixture *) data)->family_sees);
}

static gboolean
family_sees_camera (gpointer data)
{
  return call_lab_is_test_pattern (((Fixture *) data)->family_sees);
}

/* ESCALE_PHOTOS_CALL_SCREENSHOTS=DIR keeps the screen at each step
 * (docs/screenshots/photos-call-*.png); ESCALE_PHOTOS_CALL_LARGER=1 with
 * the text size A+ twice. */
static void
screenshot (Fixture *f, const char *name)
{
  const char *dir = g_getenv ("ESCALE_PHOTOS_CALL_SCREENSHOTS");
  GtkWidget *window = GTK_WIDGET (f->k.window);
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  escale_test_spin (1500);
  file = g_strdup_printf ("photos-call-%s%s-%dx%d.png", name,
                          g_getenv ("ESCALE_PHOTOS_CALL_LARGER") != NULL ? "-larger" : "",
                          gtk_widget_get_width (window), gtk_widget_get_height (window));
  path = g_build_filename (dir, file, NULL);
  photo_test_run ((const char *const[]){ "import", "-window", "root", path, NULL });
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static gboolean
guide_says (EscaleCallView *view, const char *words)
{
  return strstr (escale_call_view_get_guide (view), words) != NULL;
}

static void
test_show_photo_to_family (Fixture *f, gconstpointer data)
{
  GtkWidget *window;
  EscaleCallView *view;
  GdkTexture *photo;
  gpointer photos_view;
  const char *code;

  if (!photo_test_medium_need_root ())
    return;
  photo_test_medium_mount_fat_read_only (f->medium);
  /* Screenshots as on a kiosk: locked, the window the size of the screen. */
  escale_test_kiosk_init (&f->k, f->config_dir,
                          g_getenv ("ESCALE_PHOTOS_CALL_SCREENSHOTS") != NULL);
  window = GTK_WIDGET (f->k.window);
  g_signal_connect (escale_kiosk_get_session (f->k.kiosk), "ended", G_CALLBACK (ended_cb), f);
  gtk_widget_activate_action (window, "win.start", NULL);
  if (g_getenv ("ESCALE_PHOTOS_CALL_LARGER") != NULL)
    for (int i = 0; i < 2; i++)
      gtk_widget_activate_action (window, "win.text-larger", NULL);

  /* The photo full screen; the big button takes it to the call. */
  photo = open_red_photo (f);
  screenshot (f, "viewer");
  g_object_add_weak_pointer (G_OBJECT (photo), (gpointer *) &photo);
  photos_view = content (f);
  g_object_add_weak_pointer (photos_view, &photos_view);
  photos_test_click (window, "Montrer à ma famille");
  escale_test_drain ();
  g_assert_true (ESCALE_IS_CALL_VIEW (content (f)));
  /* "Mes photos" is gone (its pending decodes let go of it soon). */
  escale_test_wait_until (is_null, &photos_view, 5000);
  g_assert_null (photos_view);
  view = ESCALE_CALL_VIEW (content (f));
  g_assert_cmpstr (escale_call_view_get_screen (view), ==, "start");
  g_assert_true (photos_test_shows_label (window, "Votre photo est prête."));
  g_assert_true (guide_says (view, "Votre photo est prête"));
  g_assert_nonnull (photo); /* held by the call screen only */
  screenshot (f, "ready");

  /* A code for the family, who joins: then the switch appears. */
  g_assert_false (photos_test_is_drawable (window, "Montrer ma photo"));
  photos_test_click (window, "Créer un code pour ma famille");
  call_lab_wait_for (shows_code, view, "the code screen");
  code = escale_call_get_code (escale_call_view_get_call (view));
  escale_call_join_room (f->family, code);
  call_lab_wait_for (family_in_call, view, "the family on the call screen");
  call_lab_wait_for (family_sees_camera, f, "the family seeing the camera");
  g_assert_true (guide_says (view, "Montrer ma photo"));

  photos_test_click (window, "Montrer ma photo");
  call_lab_wait_for (family_sees_red, f, "the family seeing the red photo");
  g_assert_true (guide_says (view, "Votre famille voit votre photo"));
  screenshot (f, "shown");
  photos_test_click (window, "Revenir à la caméra");
  call_lab_wait_for (family_sees_camera, f, "the family seeing the camera again");
  g_assert_true (photos_test_is_drawable (window, "Montrer ma photo"));

  /* Shown again, then "J'ai fini" in the middle: counted once, and the
   * photo is gone with the visit. */
  photos_test_click (window, "Montrer ma photo");
  call_lab_wait_for (family_sees_red, f, "the family seeing the red photo again");
  gtk_widget_activate_action (window, "win.finish", NULL);
  escale_test_wait_until (escale_test_kiosk_back_to_welcome, &f->k, 10000);
  escale_test_drain ();
  g_assert_nonnull (f->record);
  g_assert_cmpint (escale_session_record_get_count (f->record, "photos", "photos-shown"), ==, 1);
  g_assert_null (photo);
}

/* No call activity in the configuration: no "Montrer à ma famille". */
static void
test_no_call_no_button (Fixture *f, gconstpointer data)
{
  g_autofree char *visio = NULL;
  GtkWidget *window;

  if (!photo_test_medium_need_root ())
    return;
  visio = g_build_filename (f->config_dir, "activities", "10-visio.ini", NULL);
  g_assert_cmpint (g_unlink (visio), ==, 0);
  photo_test_medium_mount_fat_read_only (f->medium);
  escale_test_kiosk_init (&f->k, f->config_dir, FALSE);
  window = GTK_WIDGET (f->k.window);
  gtk_widget_activate_action (window, "win.start", NULL);
  open_red_photo (f);
  g_assert_true (photos_test_is_drawable (window, "Diaporama"));
  g_assert_false (photos_test_is_drawable (window, "Montrer à ma famille"));
}

int
main (int argc, char **argv)
{
  call_lab_enter_network ();
  /* GIO's own volume monitor, which sees mounts under /media. */
  g_setenv ("GIO_USE_VOLUME_MONITOR", "unix", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/escale/photos-call/show-photo-to-family", Fixture, NULL, fixture_set_up,
              test_show_photo_to_family, fixture_tear_down);
  g_test_add ("/escale/photos-call/no-call-no-button", Fixture, NULL, fixture_set_up,
              test_no_call_no_button, fixture_tear_down);
  return g_test_run ();
}
