/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>

#include "call-lab.h"
#include "escale-call.h"

/* Escale (test picture) and the family page in Debian's headless Chromium
 * (fake camera) meet in a real Janus: each side sees the other, and each
 * side's hang-up is told calmly to the other. */

typedef struct
{
  char *tmp_dir;
  EscaleCall *call;
} Fixture;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  EscaleCallMedia media = { .test_pattern = TRUE, .local_address = (char *) CALL_LAB_ADDRESS };
  g_autoptr(GError) error = NULL;

  fixture->tmp_dir = g_dir_make_tmp ("escale-call-family-XXXXXX", &error);
  g_assert_no_error (error);
  call_lab_start_janus (fixture->tmp_dir);
  fixture->call = escale_call_new (CALL_LAB_JANUS_URL, &media);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_clear_object (&fixture->call);
  g_assert_cmpuint (escale_call_peer_count_live_pipelines (), ==, 0);
  call_lab_stop_chromium ();
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
page_ready (gpointer data)
{
  g_autofree char *ready = call_lab_eval ("String(window.escaleFamilyReady === true)");

  return g_str_equal (ready, "true");
}

static gboolean
escale_sees_family (gpointer data)
{
  return escale_call_get_n_remote_frames (data) >= 10;
}

static double
remote_time (void)
{
  g_autofree char *text = call_lab_eval ("String(document.getElementById('remote').currentTime)");

  return g_ascii_strtod (text, NULL);
}

static gboolean
family_sees_escale (gpointer data)
{
  g_autofree char *width = call_lab_eval ("String(document.getElementById('remote').videoWidth)");

  return g_ascii_strtoull (width, NULL, 10) > 0 && remote_time () > 0.5;
}

static gboolean
family_time_advances (gpointer data)
{
  return remote_time () > *(double *) data + 0.5;
}

static gboolean
family_alone (gpointer data)
{
  return escale_call_get_problem (data) == ESCALE_CALL_PROBLEM_PEER_LEFT;
}

static gboolean
family_told_hang_up_self (gpointer data)
{
  g_autofree char *text = call_lab_eval ("document.getElementById('status').textContent");

  return strstr (text, "Appel terminé") != NULL;
}

static gboolean
family_told_hang_up (gpointer data)
{
  g_autofree char *text = call_lab_eval ("document.getElementById('status').textContent");

  return strstr (text, "raccroché") != NULL;
}

/* The kiosk makes a room; the family opens the link with the code. */
static void
meet (Fixture *fixture)
{
  g_autofree char *url = NULL;
  g_autofree char *width = NULL;
  g_autofree char *clicked = NULL;
  double before;

  escale_call_create_room (fixture->call);
  call_lab_wait_for (has_code, fixture->call, "a room code");
  g_assert_nonnull (escale_call_get_code (fixture->call));

  url = call_lab_family_url (escale_call_get_code (fixture->call));
  call_lab_start_chromium (fixture->tmp_dir, url);
  call_lab_wait_for (page_ready, NULL, "the family page");
  clicked = call_lab_eval ("document.getElementById('join').click(); 'clicked'");
  g_assert_cmpstr (clicked, ==, "clicked");

  call_lab_wait_for (escale_sees_family, fixture->call, "the family's picture in Escale");
  g_assert_cmpint (escale_call_get_state (fixture->call), ==, ESCALE_CALL_STATE_IN_CALL);
  call_lab_wait_for (family_sees_escale, NULL, "Escale's picture on the family page");
  width = call_lab_eval ("String(document.getElementById('remote').videoWidth)");
  g_assert_cmpstr (width, ==, "640");
  before = remote_time ();
  call_lab_wait_for (family_time_advances, &before, "the family's video playing on");

  /* ESCALE_CALL_SCREENSHOTS=DIR keeps a picture of the family's side. */
  if (g_getenv ("ESCALE_CALL_SCREENSHOTS") != NULL)
    {
      g_autofree char *path =
        g_build_filename (g_getenv ("ESCALE_CALL_SCREENSHOTS"), "call-family-page.png", NULL);

      call_lab_page_screenshot (path);
    }
}

static void
test_family_joins_then_leaves (Fixture *fixture, gconstpointer data)
{
  g_autofree char *clicked = NULL;

  meet (fixture);
  clicked = call_lab_eval ("document.getElementById('hangup').click(); 'clicked'");
  g_assert_cmpstr (clicked, ==, "clicked");
  call_lab_wait_for (family_alone, fixture->call, "Escale noticing the family left");
  g_assert_cmpint (escale_call_get_state (fixture->call), ==, ESCALE_CALL_STATE_WAITING);
}

static void
test_kiosk_hangs_up (Fixture *fixture, gconstpointer data)
{
  meet (fixture);
  escale_call_hang_up (fixture->call);
  g_assert_cmpuint (escale_call_peer_count_live_pipelines (), ==, 0);
  call_lab_wait_for (family_told_hang_up, NULL, "the family page saying the call ended");
}

static gboolean
family_shows_code (gpointer data)
{
  g_autofree char *code = call_lab_eval ("document.getElementById('made-code').textContent");

  return strlen (code) == 7;
}

static gboolean
family_sees_kiosk_leave (gpointer data)
{
  g_autofree char *text = call_lab_eval ("document.getElementById('status').textContent");

  return strstr (text, "quitté") != NULL;
}

static gboolean
is_ended (gpointer data)
{
  return escale_call_get_state (data) == ESCALE_CALL_STATE_ENDED;
}

/* The other way to meet: the family makes the call on the page and reads
 * its code to the person at the kiosk, who types it. */
static void
test_family_makes_the_code (Fixture *fixture, gconstpointer data)
{
  g_autofree char *url = call_lab_family_url ("");
  g_autofree char *clicked = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *code = NULL;
  EscaleCallMedia media = { .test_pattern = TRUE, .local_address = (char *) CALL_LAB_ADDRESS };
  g_autoptr(EscaleCall) late = escale_call_new (CALL_LAB_JANUS_URL, &media);

  call_lab_start_chromium (fixture->tmp_dir, url);
  call_lab_wait_for (page_ready, NULL, "the family page");
  clicked = call_lab_eval ("document.getElementById('create').click(); 'clicked'");
  g_assert_cmpstr (clicked, ==, "clicked");
  call_lab_wait_for (family_shows_code, NULL, "the family's code");
  shown = call_lab_eval ("document.getElementById('made-code').textContent");
  code = g_strdup_printf ("%.3s%.3s", shown, shown + 4);
  g_assert_true (escale_call_code_is_valid (code));

  escale_call_join_room (fixture->call, code);
  call_lab_wait_for (escale_sees_family, fixture->call, "the family's picture in Escale");
  call_lab_wait_for (family_sees_escale, NULL, "Escale's picture on the family page");

  /* The kiosk hangs up: the family is told; the family hangs up: the room
   * is destroyed and its code leads nowhere. */
  escale_call_hang_up (fixture->call);
  call_lab_wait_for (family_sees_kiosk_leave, NULL, "the family told the kiosk left");
  g_free (clicked);
  clicked = call_lab_eval ("document.getElementById('hangup').click(); 'clicked'");
  call_lab_wait_for (family_told_hang_up_self, NULL, "the family page ending the call");
  escale_call_join_room (late, code);
  call_lab_wait_for (is_ended, late, "joining the family's ended call");
  g_assert_cmpint (escale_call_get_problem (late), ==, ESCALE_CALL_PROBLEM_WRONG_CODE);
}

/* The mean colour of the kiosk's picture as the family page plays it. */
static void
family_colour (double rgb[3])
{
  g_autofree char *text = call_lab_eval (
    "(function () { const v = document.getElementById('remote');"
    " const c = document.createElement('canvas'); c.width = 64; c.height = 36;"
    " const x = c.getContext('2d'); x.drawImage(v, 0, 0, 64, 36);"
    " const d = x.getImageData(0, 0, 64, 36).data; let s = [0, 0, 0];"
    " for (let i = 0; i < d.length; i += 4) { s[0] += d[i]; s[1] += d[i + 1]; s[2] += d[i + 2]; }"
    " return s.map(function (v) { return (v / (d.length / 4)).toFixed(1); }).join(' '); })()");
  g_auto (GStrv) parts = g_strsplit (text, " ", 3);

  g_assert_cmpuint (g_strv_length (parts), ==, 3);
  for (int i = 0; i < 3; i++)
    rgb[i] = g_ascii_strtod (parts[i], NULL);
}

static gboolean
family_sees_red (gpointer data)
{
  double rgb[3];

  family_colour (rgb);
  return call_lab_is_red (rgb);
}

static gboolean
family_sees_test_pattern (gpointer data)
{
  double rgb[3];

  family_colour (rgb);
  return call_lab_is_test_pattern (rgb);
}

/* "Montrer ma photo": the family page plays the photo's colours instead
 * of the kiosk's camera, then the camera again after "Revenir à la
 * caméra", in the same call. */
static void
test_family_sees_the_photo (Fixture *fixture, gconstpointer data)
{
  gboolean freed = FALSE;
  g_autoptr(GError) error = NULL;
  GBytes *red = call_lab_plain_picture (0xff0000, 800, 600, &freed);

  meet (fixture);
  call_lab_wait_for (family_sees_test_pattern, NULL, "the family seeing the camera");
  g_assert_true (escale_call_show_picture (fixture->call, red, 800, 600, 800 * 4, &error));
  g_assert_no_error (error);
  g_bytes_unref (red);
  g_assert_true (freed);
  call_lab_wait_for (family_sees_red, NULL, "the family page playing the red photo");
  if (g_getenv ("ESCALE_CALL_SCREENSHOTS") != NULL)
    {
      g_autofree char *path =
        g_build_filename (g_getenv ("ESCALE_CALL_SCREENSHOTS"), "photos-call-family.png", NULL);

      call_lab_page_screenshot (path);
    }
  escale_call_show_camera (fixture->call);
  call_lab_wait_for (family_sees_test_pattern, NULL, "the family seeing the camera again");
  g_assert_cmpint (escale_call_get_state (fixture->call), ==, ESCALE_CALL_STATE_IN_CALL);
}

int
main (int argc, char **argv)
{
  call_lab_enter_network ();
  g_test_init (&argc, &argv, NULL);
  call_lab_start_family_server ();

  g_test_add ("/escale/call-family/family-joins-then-leaves", Fixture, NULL, fixture_set_up,
              test_family_joins_then_leaves, fixture_tear_down);
  g_test_add ("/escale/call-family/kiosk-hangs-up", Fixture, NULL, fixture_set_up,
              test_kiosk_hangs_up, fixture_tear_down);
  g_test_add ("/escale/call-family/family-makes-the-code", Fixture, NULL, fixture_set_up,
              test_family_makes_the_code, fixture_tear_down);
  g_test_add ("/escale/call-family/family-sees-the-photo", Fixture, NULL, fixture_set_up,
              test_family_sees_the_photo, fixture_tear_down);
  return g_test_run ();
}
