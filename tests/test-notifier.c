/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "escale-notifier.h"

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* With no notification server (here: no session bus at all), sending must
 * return at once and fail quietly: the in-window message is enough. */
static void
test_no_server_never_blocks (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(EscaleNotifier) notifier = escale_notifier_new ();
      gint64 before = g_get_monotonic_time ();
      gboolean timed_out = FALSE;

      escale_notifier_send (notifier, "countdown", "Êtes-vous toujours là ?", "Touchez", TRUE);
      escale_notifier_withdraw (notifier, "countdown");
      escale_notifier_send (notifier, "helper", "Un aidant est demandé", "Poste 2", TRUE);
      /* The calls only queue work: far below any D-Bus timeout (25 s). */
      g_assert_cmpint (g_get_monotonic_time () - before, <, 2 * G_USEC_PER_SEC);

      g_timeout_add_seconds (60, timeout_cb, &timed_out);
      while (escale_notifier_get_n_failed (notifier) + escale_notifier_get_n_sent (notifier) < 3 &&
             !timed_out)
        g_main_context_iteration (NULL, TRUE);
      g_assert_false (timed_out);
      g_assert_cmpuint (escale_notifier_get_n_sent (notifier), ==, 0);
      g_assert_cmpuint (escale_notifier_get_n_failed (notifier), ==, 3);
      return;
    }

  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/escale-test-bus", TRUE);
  g_test_trap_subprocess (NULL, 90 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/escale/notifier/no-server-never-blocks", test_no_server_never_blocks);
  return g_test_run ();
}
