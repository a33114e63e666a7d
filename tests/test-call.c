/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <malloc.h>
#include <stdio.h>

#include <glib/gstdio.h>

#include "call-lab.h"
#include "escale-call.h"

/* The call engine against a real Janus in a private network: two kiosks
 * meet with a code and see each other; a wrong code, a server that is not
 * there, a family that hangs up and a server that stops mid-call each end
 * calmly, with no pipeline left. */

typedef struct
{
  char *tmp_dir;
  EscaleCall *a;
  EscaleCall *b;
  double b_sees[3]; /* mean colour of the last frame B received */
  double a_sees[3]; /* mean colour of A's self-view */
} Fixture;

static EscaleCall *
new_call (const char *url)
{
  EscaleCallMedia media = {
    .test_pattern = TRUE,
    .local_address = (char *) CALL_LAB_ADDRESS,
  };

  return escale_call_new (url, &media);
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  fixture->tmp_dir = g_dir_make_tmp ("escale-call-XXXXXX", &error);
  g_assert_no_error (error);
  if (data == NULL)
    call_lab_start_janus (fixture->tmp_dir);
  fixture->a = new_call (CALL_LAB_JANUS_URL);
  fixture->b = new_call (CALL_LAB_JANUS_URL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_clear_object (&fixture->a);
  g_clear_object (&fixture->b);
  /* No pipeline survives its call: camera and microphone are closed. */
  g_assert_cmpuint (escale_call_peer_count_live_pipelines (), ==, 0);
  call_lab_stop_janus ();
  remove_tree (fixture->tmp_dir);
  g_free (fixture->tmp_dir);
}

static gboolean
has_code (gpointer data)
{
  return escale_call_get_code (data) != NULL ||
         escale_call_get_state (data) == ESCALE_CALL_STATE_ENDED;
}

static gboolean
is_ended (gpointer data)
{
  return escale_call_get_state (data) == ESCALE_CALL_STATE_ENDED;
}

static gboolean
both_see_each_other (gpointer data)
{
  Fixture *fixture = data;

  return escale_call_get_n_remote_frames (fixture->a) >= 10 &&
         escale_call_get_n_remote_frames (fixture->b) >= 10;
}

static gboolean
a_alone (gpointer data)
{
  Fixture *fixture = data;

  return escale_call_get_problem (fixture->a) == ESCALE_CALL_PROBLEM_PEER_LEFT;
}

static gboolean
both_ended (gpointer data)
{
  Fixture *fixture = data;

  return is_ended (fixture->a) && is_ended (fixture->b);
}

/* A makes a room, B joins with its code: both get the other's picture. */
static void
meet (Fixture *fixture)
{
  g_autofree char *code = NULL;

  escale_call_create_room (fixture->a);
  g_assert_cmpint (escale_call_get_state (fixture->a), ==, ESCALE_CALL_STATE_CONNECTING);
  call_lab_wait_for (has_code, fixture->a, "a room code");
  g_assert_cmpint (escale_call_get_state (fixture->a), ==, ESCALE_CALL_STATE_WAITING);
  code = g_strdup (escale_call_get_code (fixture->a));
  g_assert_true (escale_call_code_is_valid (code));

  escale_call_join_room (fixture->b, code);
  call_lab_wait_for (both_see_each_other, fixture, "pictures both ways");
  g_assert_cmpint (escale_call_get_state (fixture->a), ==, ESCALE_CALL_STATE_IN_CALL);
  g_assert_cmpint (escale_call_get_state (fixture->b), ==, ESCALE_CALL_STATE_IN_CALL);
  g_assert_cmpuint (escale_call_get_n_local_frames (fixture->a), >, 0);
  g_assert_true (escale_call_was_connected (fixture->a));
}

static void
test_two_kiosks_meet_then_family_leaves (Fixture *fixture, gconstpointer data)
{
  g_autofree char *code = NULL;

  meet (fixture);
  code = g_strdup (escale_call_get_code (fixture->a));

  /* The family (B) hangs up: A waits calmly in its room, B is closed. */
  escale_call_hang_up (fixture->b);
  g_assert_cmpint (escale_call_get_state (fixture->b), ==, ESCALE_CALL_STATE_ENDED);
  g_assert_cmpint (escale_call_get_problem (fixture->b), ==, ESCALE_CALL_PROBLEM_NONE);
  g_assert_null (escale_call_get_code (fixture->b));
  call_lab_wait_for (a_alone, fixture, "the family leaving");
  g_assert_cmpint (escale_call_get_state (fixture->a), ==, ESCALE_CALL_STATE_WAITING);

  /* A hangs up: the room is destroyed, its code is useless now. */
  escale_call_hang_up (fixture->a);
  g_assert_null (escale_call_get_code (fixture->a));
  g_clear_object (&fixture->b);
  fixture->b = new_call (CALL_LAB_JANUS_URL);
  escale_call_join_room (fixture->b, code);
  call_lab_wait_for (is_ended, fixture->b, "joining a destroyed room");
  g_assert_cmpint (escale_call_get_problem (fixture->b), ==, ESCALE_CALL_PROBLEM_WRONG_CODE);
}

static void
test_wrong_code (Fixture *fixture, gconstpointer data)
{
  /* Not a code at all: said at once, without asking the server. */
  escale_call_join_room (fixture->a, "12");
  g_assert_cmpint (escale_call_get_state (fixture->a), ==, ESCALE_CALL_STATE_ENDED);
  g_assert_cmpint (escale_call_get_problem (fixture->a), ==, ESCALE_CALL_PROBLEM_WRONG_CODE);

  /* A well-formed code of no room. */
  escale_call_join_room (fixture->b, "999999");
  call_lab_wait_for (is_ended, fixture->b, "the answer about a wrong code");
  g_assert_cmpint (escale_call_get_problem (fixture->b), ==, ESCALE_CALL_PROBLEM_WRONG_CODE);
  g_assert_cmpuint (escale_call_peer_count_live_pipelines (), ==, 0);

  /* The kiosk still works: the same object can make a room now. */
  escale_call_create_room (fixture->b);
  call_lab_wait_for (has_code, fixture->b, "a room code after a wrong code");
  g_assert_cmpint (escale_call_get_state (fixture->b), ==, ESCALE_CALL_STATE_WAITING);
}

static void
test_server_down (Fixture *fixture, gconstpointer data)
{
  /* Nobody listens in this private network: Janus was not started. */
  escale_call_create_room (fixture->a);
  call_lab_wait_for (is_ended, fixture->a, "the server being unreachable");
  g_assert_cmpint (escale_call_get_problem (fixture->a), ==,
                   ESCALE_CALL_PROBLEM_SERVER_UNREACHABLE);
  g_assert_null (escale_call_get_code (fixture->a));
  g_assert_cmpuint (escale_call_peer_count_live_pipelines (), ==, 0);

  escale_call_join_room (fixture->b, "123456");
  call_lab_wait_for (is_ended, fixture->b, "the server being unreachable");
  g_assert_cmpint (escale_call_get_problem (fixture->b), ==,
                   ESCALE_CALL_PROBLEM_SERVER_UNREACHABLE);
}

static void
test_server_stops_mid_call (Fixture *fixture, gconstpointer data)
{
  meet (fixture);
  call_lab_stop_janus ();
  call_lab_wait_for (both_ended, fixture, "both ends noticing the server is gone");
  g_assert_cmpint (escale_call_get_problem (fixture->a), ==, ESCALE_CALL_PROBLEM_CONNECTION_LOST);
  g_assert_cmpint (escale_call_get_problem (fixture->b), ==, ESCALE_CALL_PROBLEM_CONNECTION_LOST);
  g_assert_cmpuint (escale_call_peer_count_live_pipelines (), ==, 0);
  g_assert_true (escale_call_was_connected (fixture->a));
}

static void
test_microphone_and_camera_switches (Fixture *fixture, gconstpointer data)
{
  g_assert_true (escale_call_start_preview (fixture->a));
  g_assert_true (escale_call_get_microphone (fixture->a));
  escale_call_set_microphone (fixture->a, FALSE);
  escale_call_set_camera (fixture->a, FALSE);
  g_assert_false (escale_call_get_microphone (fixture->a));
  g_assert_false (escale_call_get_camera (fixture->a));
  g_assert_cmpuint (escale_call_peer_count_live_pipelines (), ==, 1);
  escale_call_hang_up (fixture->a);
  g_assert_cmpuint (escale_call_peer_count_live_pipelines (), ==, 0);
}

static void
remote_colour_cb (EscaleCall *call, GBytes *frame, int width, int height, int stride,
                  gpointer user_data)
{
  call_lab_mean_colour (frame, width, height, stride, user_data);
}

static gboolean
b_sees_red (gpointer data)
{
  Fixture *fixture = data;

  return call_lab_is_red (fixture->b_sees) && call_lab_is_red (fixture->a_sees);
}

static gboolean
b_sees_camera (gpointer data)
{
  Fixture *fixture = data;

  return call_lab_is_test_pattern (fixture->b_sees) && call_lab_is_test_pattern (fixture->a_sees);
}

/* "Montrer ma photo" during a call: the family (B) gets the photo's colours
 * instead of A's camera, A's self-view shows the same, the call goes on;
 * "Revenir à la caméra" brings the camera back. The photo's pixels are not
 * kept by the engine, and no frame of it outlives the hang-up. */
static void
test_picture_replaces_camera (Fixture *fixture, gconstpointer data)
{
  gboolean freed = FALSE;
  g_autoptr(GError) error = NULL;
  GBytes *red;

  g_signal_connect (fixture->b, "remote-frame", G_CALLBACK (remote_colour_cb), fixture->b_sees);
  g_signal_connect (fixture->a, "local-frame", G_CALLBACK (remote_colour_cb), fixture->a_sees);
  meet (fixture);
  call_lab_wait_for (b_sees_camera, fixture, "the camera's test picture");

  /* A 4:3 photo: letterboxed in the 16:9 call, still mostly red. */
  red = call_lab_plain_picture (0xff0000, 400, 300, &freed);
  g_assert_true (escale_call_show_picture (fixture->a, red, 400, 300, 400 * 4, &error));
  g_assert_no_error (error);
  g_bytes_unref (red);
  g_assert_true (freed);
  g_assert_true (escale_call_get_showing_picture (fixture->a));
  call_lab_wait_for (b_sees_red, fixture, "the family seeing the red photo");
  g_assert_cmpint (escale_call_get_state (fixture->a), ==, ESCALE_CALL_STATE_IN_CALL);
  g_assert_cmpint (escale_call_get_state (fixture->b), ==, ESCALE_CALL_STATE_IN_CALL);

  escale_call_show_camera (fixture->a);
  g_assert_false (escale_call_get_showing_picture (fixture->a));
  call_lab_wait_for (b_sees_camera, fixture, "the family seeing the camera again");
  g_assert_cmpint (escale_call_get_state (fixture->b), ==, ESCALE_CALL_STATE_IN_CALL);

  /* Shown again, then hung up: nothing shows any more. */
  red = call_lab_plain_picture (0xff0000, 64, 64, &freed);
  g_assert_true (escale_call_show_picture (fixture->a, red, 64, 64, 64 * 4, NULL));
  g_bytes_unref (red);
  escale_call_hang_up (fixture->a);
  g_assert_false (escale_call_get_showing_picture (fixture->a));
}

/* Without a running camera there is nothing to show a picture in; a
 * picture whose size does not match its bytes is refused. */
static void
test_picture_needs_camera (Fixture *fixture, gconstpointer data)
{
  gboolean freed = FALSE;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) red = call_lab_plain_picture (0xff0000, 8, 8, &freed);

  g_assert_false (escale_call_show_picture (fixture->a, red, 8, 8, 32, &error));
  g_assert_error (error, ESCALE_CALL_ERROR, ESCALE_CALL_ERROR_MEDIA);
  g_clear_error (&error);
  g_assert_true (escale_call_start_preview (fixture->a));
  g_assert_false (escale_call_show_picture (fixture->a, red, 8, 9, 32, &error));
  g_assert_error (error, ESCALE_CALL_ERROR, ESCALE_CALL_ERROR_MEDIA);
  g_assert_false (escale_call_get_showing_picture (fixture->a));
  g_assert_true (escale_call_show_picture (fixture->a, red, 8, 8, 32, NULL));
  g_assert_true (escale_call_get_showing_picture (fixture->a));
  escale_call_hang_up (fixture->a);
  g_assert_false (escale_call_get_showing_picture (fixture->a));
}

/* The number of glibc malloc arenas of this process. */
static guint
count_malloc_arenas (void)
{
  g_autofree char *xml = NULL;
  size_t size = 0;
  FILE *stream = open_memstream (&xml, &size);
  guint n = 0;

  g_assert_nonnull (stream);
  g_assert_cmpint (malloc_info (0, stream), ==, 0);
  fclose (stream);
  for (const char *at = xml; (at = strstr (at, "<heap nr=")) != NULL; at++)
    n++;
  return n;
}

static gboolean
has_seen_frames (gpointer data)
{
  return escale_call_get_n_local_frames (data) >= 20;
}

static gpointer
allocate_thread (gpointer data)
{
  GAsyncQueue *started = data;
  g_autofree char *block = g_malloc (4096);

  block[0] = 1;
  g_async_queue_push (started, GINT_TO_POINTER (1));
  g_usleep (200 * 1000); /* all alive at once, as GTK's and WebKit's */
  return NULL;
}

/* The kiosk's memory stays flat from call to call however Escale was
 * started: its threads, and each call's streaming threads, share two malloc
 * arenas instead of each making one (~12 MiB more per call without the
 * limit, bench/RESULTS.md). As in the kiosk, a dozen threads allocate
 * before the first call; first in this program, before any pipeline. */
static void
test_streaming_threads_share_arenas (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GAsyncQueue) started = g_async_queue_new ();
  GThread *threads[12];

  if (g_getenv ("MALLOC_ARENA_MAX") != NULL)
    {
      g_test_skip ("MALLOC_ARENA_MAX is set: glibc's own limit applies");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("allocate", allocate_thread, started);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_async_queue_pop (started);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
  g_assert_true (escale_call_start_preview (fixture->a));
  call_lab_wait_for (has_seen_frames, fixture->a, "the self-view");
  g_assert_cmpuint (count_malloc_arenas (), <=, 2);
  escale_call_hang_up (fixture->a);
}

int
main (int argc, char **argv)
{
  call_lab_enter_network ();
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/escale/call/streaming-threads-share-arenas", Fixture, "no server", fixture_set_up,
              test_streaming_threads_share_arenas, fixture_tear_down);
  g_test_add ("/escale/call/two-kiosks-meet-then-family-leaves", Fixture, NULL, fixture_set_up,
              test_two_kiosks_meet_then_family_leaves, fixture_tear_down);
  g_test_add ("/escale/call/wrong-code-is-calm", Fixture, NULL, fixture_set_up, test_wrong_code,
              fixture_tear_down);
  g_test_add ("/escale/call/server-down-is-calm", Fixture, "no server", fixture_set_up,
              test_server_down, fixture_tear_down);
  g_test_add ("/escale/call/server-stops-mid-call", Fixture, NULL, fixture_set_up,
              test_server_stops_mid_call, fixture_tear_down);
  g_test_add ("/escale/call/microphone-and-camera-switches", Fixture, "no server", fixture_set_up,
              test_microphone_and_camera_switches, fixture_tear_down);
  g_test_add ("/escale/call/picture-replaces-camera", Fixture, NULL, fixture_set_up,
              test_picture_replaces_camera, fixture_tear_down);
  g_test_add ("/escale/call/picture-needs-camera", Fixture, "no server", fixture_set_up,
              test_picture_needs_camera, fixture_tear_down);
  return g_test_run ();
}
