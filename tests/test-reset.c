/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <unistd.h>
#include <glib/gstdio.h>

#include "escale-reset.h"
#include "escale-scratch.h"

typedef struct
{
  GString *calls;
  int failures_left;
} Log;

static gboolean
wipe_ok (gpointer user_data, GError **error)
{
  Log *log = user_data;

  g_string_append (log->calls, "ok;");
  return TRUE;
}

static gboolean
wipe_flaky (gpointer user_data, GError **error)
{
  Log *log = user_data;

  g_string_append (log->calls, "flaky;");
  if (log->failures_left > 0)
    {
      log->failures_left--;
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY, "busy");
      return FALSE;
    }
  return TRUE;
}

static void
test_runs_in_order_and_retries (void)
{
  g_autoptr(EscaleReset) reset = escale_reset_new ();
  Log log = { g_string_new (NULL), 1 };

  escale_reset_register (reset, "first", wipe_ok, &log, NULL);
  escale_reset_register (reset, "flaky", wipe_flaky, &log, NULL);
  escale_reset_register (reset, "last", wipe_ok, &log, NULL);

  g_test_expect_message ("escale-reset", G_LOG_LEVEL_WARNING, "*flaky*trying again*");
  g_assert_true (escale_reset_run (reset, NULL));
  g_test_assert_expected_messages ();
  g_assert_cmpstr (log.calls->str, ==, "ok;flaky;flaky;ok;");
  g_assert_null (escale_reset_get_last_failure (reset));
  g_string_free (log.calls, TRUE);
}

static void
test_failure_is_reported (void)
{
  g_autoptr(EscaleReset) reset = escale_reset_new ();
  g_autoptr(GError) error = NULL;
  Log log = { g_string_new (NULL), 5 };

  escale_reset_register (reset, "always-failing", wipe_flaky, &log, NULL);
  escale_reset_register (reset, "after", wipe_ok, &log, NULL);

  g_test_expect_message ("escale-reset", G_LOG_LEVEL_WARNING, "*always-failing*trying again*");
  g_test_expect_message ("escale-reset", G_LOG_LEVEL_WARNING, "*always-failing*failed twice*");
  g_assert_false (escale_reset_run (reset, &error));
  g_test_assert_expected_messages ();
  g_assert_error (error, ESCALE_RESET_ERROR, ESCALE_RESET_ERROR_WIPER_FAILED);
  g_assert_nonnull (strstr (error->message, "always-failing"));
  g_assert_nonnull (strstr (escale_reset_get_last_failure (reset), "always-failing"));
  /* A failed wiper never stops the others. */
  g_assert_true (g_str_has_suffix (log.calls->str, "ok;"));
  g_string_free (log.calls, TRUE);
}

static void
test_register_replaces (void)
{
  g_autoptr(EscaleReset) reset = escale_reset_new ();
  Log log = { g_string_new (NULL), 0 };

  escale_reset_register (reset, "same", wipe_ok, &log, NULL);
  escale_reset_register (reset, "same", wipe_ok, &log, NULL);
  g_assert_cmpuint (escale_reset_get_n_wipers (reset), ==, 1);
  escale_reset_unregister (reset, "same");
  g_assert_cmpuint (escale_reset_get_n_wipers (reset), ==, 0);
  g_string_free (log.calls, TRUE);
}

static void
test_scratch_wipe (void)
{
  g_autofree char *base = g_dir_make_tmp ("escale-scratch-XXXXXX", NULL);
  g_autoptr(EscaleScratch) scratch = escale_scratch_new (base);
  g_autofree char *first = NULL;
  g_autofree char *file = NULL;
  g_autofree char *sub = NULL;
  GStatBuf st;

  first = g_strdup (escale_scratch_get_path (scratch, NULL));
  g_assert_nonnull (first);
  g_assert_true (g_str_has_prefix (first, base));
  g_assert_cmpint (g_stat (first, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  file = g_build_filename (first, "lettre-a-ma-fille.pdf", NULL);
  sub = g_build_filename (first, "photos", NULL);
  g_assert_true (g_file_set_contents (file, "secret", -1, NULL));
  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);

  g_assert_true (escale_scratch_wipe (scratch, NULL));
  g_assert_false (g_file_test (first, G_FILE_TEST_EXISTS));

  /* The next visit gets a fresh, different, empty folder. */
  {
    const char *second = escale_scratch_get_path (scratch, NULL);
    g_autoptr(GDir) dir = g_dir_open (second, 0, NULL);

    g_assert_cmpstr (second, !=, first);
    g_assert_null (g_dir_read_name (dir));
  }
  g_assert_true (escale_scratch_wipe (scratch, NULL));
  g_assert_cmpint (g_rmdir (base), ==, 0);
}

static void
test_scratch_leftovers_after_crash (void)
{
  g_autofree char *base = g_dir_make_tmp ("escale-scratch-XXXXXX", NULL);
  g_autofree char *left = g_build_filename (base, "session-crashed", NULL);
  g_autofree char *left_file = g_build_filename (left, "download.pdf", NULL);
  g_autofree char *other = g_build_filename (base, "not-ours.txt", NULL);
  g_autoptr(EscaleScratch) scratch = escale_scratch_new (base);

  g_assert_cmpint (g_mkdir (left, 0700), ==, 0);
  g_assert_true (g_file_set_contents (left_file, "x", -1, NULL));
  g_assert_true (g_file_set_contents (other, "x", -1, NULL));

  g_test_expect_message ("escale-scratch", G_LOG_LEVEL_MESSAGE, "*left by an earlier run*");
  g_assert_true (escale_scratch_wipe_leftovers (scratch, NULL));
  g_test_assert_expected_messages ();
  g_assert_false (g_file_test (left, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));

  g_unlink (other);
  g_rmdir (base);
}

static void
test_scratch_does_not_follow_links (void)
{
  g_autofree char *base = g_dir_make_tmp ("escale-scratch-XXXXXX", NULL);
  g_autofree char *outside = g_dir_make_tmp ("escale-outside-XXXXXX", NULL);
  g_autofree char *precious = g_build_filename (outside, "precious.txt", NULL);
  g_autoptr(EscaleScratch) scratch = escale_scratch_new (base);
  g_autofree char *link = NULL;

  g_assert_true (g_file_set_contents (precious, "keep me", -1, NULL));
  link = g_build_filename (escale_scratch_get_path (scratch, NULL), "link", NULL);
  g_assert_cmpint (symlink (outside, link), ==, 0);

  g_assert_true (escale_scratch_wipe (scratch, NULL));
  g_assert_true (g_file_test (precious, G_FILE_TEST_EXISTS));

  g_unlink (precious);
  g_rmdir (outside);
  g_rmdir (base);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/escale/reset/runs-in-order-and-retries", test_runs_in_order_and_retries);
  g_test_add_func ("/escale/reset/failure-is-reported", test_failure_is_reported);
  g_test_add_func ("/escale/reset/register-replaces", test_register_replaces);
  g_test_add_func ("/escale/reset/scratch-wipe", test_scratch_wipe);
  g_test_add_func ("/escale/reset/scratch-leftovers-after-crash",
                   test_scratch_leftovers_after_crash);
  g_test_add_func ("/escale/reset/scratch-does-not-follow-links",
                   test_scratch_does_not_follow_links);

  return g_test_run ();
}
