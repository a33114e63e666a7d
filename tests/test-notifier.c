/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <unistd.h>

#include "escale-notifier.h"

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

      /* The worker thread reports through counters; poll them. */
      while (escale_notifier_get_n_failed (notifier) + escale_notifier_get_n_sent (notifier) < 3 &&
             !timed_out)
        {
          g_usleep (10000);
          timed_out = g_get_monotonic_time () - before > 30 * G_USEC_PER_SEC;
        }
      g_assert_false (timed_out);
      g_assert_cmpuint (escale_notifier_get_n_sent (notifier), ==, 0);
      g_assert_cmpuint (escale_notifier_get_n_failed (notifier), ==, 3);
      return;
    }

  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/escale-test-bus", TRUE);
  g_test_trap_subprocess (NULL, 90 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
hold_call (GDBusConnection *connection, const char *sender, const char *path,
           const char *interface, const char *method, GVariant *parameters,
           GDBusMethodInvocation *invocation, gpointer user_data)
{
  /* A notification server that hangs: it never answers. */
  g_ptr_array_add (user_data, g_object_ref (invocation));
}

static gboolean
count_tick (gpointer data)
{
  (*(guint *) data)++;
  return G_SOURCE_CONTINUE;
}

/* A server that takes the call and never answers is worse than none: the
 * screen must stay responsive all the same. */
static void
test_hung_server_never_blocks (void)
{
  if (g_test_subprocess ())
    {
      static const char xml[] =
        "<node><interface name='org.freedesktop.Notifications'>"
        "<method name='Notify'><arg type='s'/><arg type='u'/><arg type='s'/><arg type='s'/>"
        "<arg type='s'/><arg type='as'/><arg type='a{sv}'/><arg type='i'/>"
        "<arg type='u' direction='out'/></method>"
        "<method name='GetServerInformation'><arg type='s' direction='out'/>"
        "<arg type='s' direction='out'/><arg type='s' direction='out'/>"
        "<arg type='s' direction='out'/></method>"
        "<method name='GetCapabilities'><arg type='as' direction='out'/></method>"
        "<method name='CloseNotification'><arg type='u'/></method>"
        "</interface></node>";
      GDBusInterfaceVTable vtable = { hold_call, NULL, NULL };
      g_autoptr(GTestDBus) bus = g_test_dbus_new (G_TEST_DBUS_NONE);
      g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (xml, NULL);
      GDBusConnection *server;
      EscaleNotifier *notifier;
      gint64 before;
      guint ticks = 0;
      gint64 until;

      g_test_dbus_up (bus);
      server =
        g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (bus),
                                                G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                  G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                NULL, NULL, NULL);
      g_assert_nonnull (server);
      g_assert_cmpuint (g_dbus_connection_register_object (server,
                                                           "/org/freedesktop/Notifications",
                                                           info->interfaces[0], &vtable, held,
                                                           NULL, NULL),
                        >, 0);
      g_bus_own_name_on_connection (server, "org.freedesktop.Notifications",
                                    G_BUS_NAME_OWNER_FLAGS_NONE, NULL, NULL, NULL, NULL);
      for (int i = 0; i < 20; i++)
        g_main_context_iteration (NULL, FALSE);

      notifier = escale_notifier_new ();
      before = g_get_monotonic_time ();
      escale_notifier_send (notifier, "countdown", "Êtes-vous toujours là ?", "Touchez", TRUE);
      escale_notifier_send (notifier, "helper", "Un aidant est demandé", "Poste 2", TRUE);
      g_assert_cmpint (g_get_monotonic_time () - before, <, G_USEC_PER_SEC);

      /* The main loop (the screen) keeps running while the server hangs. */
      g_timeout_add (50, count_tick, &ticks);
      until = g_get_monotonic_time () + G_USEC_PER_SEC;
      while (g_get_monotonic_time () < until)
        g_main_context_iteration (NULL, TRUE);
      g_assert_cmpuint (ticks, >=, 10);
      g_assert_cmpuint (held->len, >=, 1);
      g_assert_cmpuint (escale_notifier_get_n_sent (notifier), ==, 0);
      /* The worker is still waiting on the hung server: leave without
       * waiting for it, as the kiosk would at shutdown. */
      _exit (0);
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/escale/notifier/no-server-never-blocks", test_no_server_never_blocks);
  g_test_add_func ("/escale/notifier/hung-server-never-blocks", test_hung_server_never_blocks);
  return g_test_run ();
}
