/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "escale-test-util.h"

/* The kiosk's screen is the visitor's: its own overlays (the countdown, the
 * help banner) say everything, and a desktop notification would only come
 * in small print over "J'ai fini". So a visit that calls for help and lets
 * the countdown run must send nothing to a notification server. The test
 * owns both notification services (freedesktop's, which libnotify and
 * GNotification's fallback use, and GTK's own, which GNotification prefers)
 * on a private session bus and counts what arrives. */

static const char notifications_xml[] =
  "<node><interface name='org.freedesktop.Notifications'>"
  "<method name='Notify'><arg type='s'/><arg type='u'/><arg type='s'/><arg type='s'/>"
  "<arg type='s'/><arg type='as'/><arg type='a{sv}'/><arg type='i'/>"
  "<arg type='u' direction='out'/></method>"
  "<method name='GetServerInformation'><arg type='s' direction='out'/>"
  "<arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "<arg type='s' direction='out'/></method>"
  "<method name='GetCapabilities'><arg type='as' direction='out'/></method>"
  "<method name='CloseNotification'><arg type='u'/></method>"
  "</interface>"
  "<interface name='org.gtk.Notifications'>"
  "<method name='AddNotification'><arg type='s'/><arg type='s'/><arg type='a{sv}'/></method>"
  "<method name='RemoveNotification'><arg type='s'/><arg type='s'/></method>"
  "</interface></node>";

typedef struct
{
  GTestDBus *bus;
  GDBusConnection *server;
  GDBusNodeInfo *info;
  guint shown; /* Notify and AddNotification calls */
  guint owned; /* names acquired */
  EscaleTestKiosk k;
} Fixture;

static void
server_call_cb (GDBusConnection *connection, const char *sender, const char *path,
                const char *interface, const char *method, GVariant *parameters,
                GDBusMethodInvocation *invocation, gpointer user_data)
{
  Fixture *f = user_data;

  if (g_str_equal (method, "Notify") || g_str_equal (method, "AddNotification"))
    f->shown++;
  if (g_str_equal (method, "Notify"))
    g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", f->shown));
  else if (g_str_equal (method, "GetServerInformation"))
    g_dbus_method_invocation_return_value (invocation,
                                           g_variant_new ("(ssss)", "test", "escale", "1", "1.2"));
  else if (g_str_equal (method, "GetCapabilities"))
    g_dbus_method_invocation_return_value (invocation, g_variant_new_parsed ("(['body'],)"));
  else
    g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
name_acquired_cb (GDBusConnection *connection, const char *name, gpointer user_data)
{
  ((Fixture *) user_data)->owned++;
}

static gboolean
names_owned (gpointer data)
{
  return ((Fixture *) data)->owned == 2;
}

static void
serve (Fixture *f, const char *path, GDBusInterfaceInfo *interface, const char *name)
{
  static const GDBusInterfaceVTable vtable = { server_call_cb, NULL, NULL };

  g_assert_cmpuint (g_dbus_connection_register_object (f->server, path, interface, &vtable, f,
                                                       NULL, NULL),
                    >, 0);
  g_bus_own_name_on_connection (f->server, name, G_BUS_NAME_OWNER_FLAGS_NONE, name_acquired_cb,
                                NULL, f, NULL);
}

static void
setup (Fixture *f, gconstpointer data)
{
  g_autofree char *demo = escale_test_demo_config ();

  /* A bus of the test's own: DBUS_SESSION_BUS_ADDRESS points to it, so the
   * kiosk and libnotify find this server and no other. */
  f->bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (f->bus);
  f->server =
    g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (f->bus),
                                            G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                              G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                            NULL, NULL, NULL);
  g_assert_nonnull (f->server);
  f->info = g_dbus_node_info_new_for_xml (notifications_xml, NULL);
  serve (f, "/org/freedesktop/Notifications", f->info->interfaces[0],
         "org.freedesktop.Notifications");
  serve (f, "/org/gtk/Notifications", f->info->interfaces[1], "org.gtk.Notifications");
  escale_test_wait_until (names_owned, f, 5000);

  escale_test_kiosk_init (&f->k, demo, FALSE);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  escale_test_kiosk_clear (&f->k);
  g_dbus_connection_close_sync (f->server, NULL, NULL);
  g_clear_object (&f->server);
  g_clear_pointer (&f->info, g_dbus_node_info_unref);
  g_test_dbus_down (f->bus);
  g_clear_object (&f->bus);
}

/* Lets whatever the kiosk might have sent (from a worker thread, too)
 * reach the server: a notification takes a few milliseconds here. */
static void
let_messages_arrive (void)
{
  escale_test_spin (1500);
}

static void
test_help_and_countdown_send_nothing (Fixture *f, gconstpointer data)
{
  EscaleSession *session = escale_kiosk_get_session (f->k.kiosk);

  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.start", NULL);
  g_assert_cmpstr (escale_window_get_page_name (f->k.window), ==, "home");

  /* A help request: the banner says it on the kiosk's own screen. */
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.call-helper", NULL);
  g_assert_true (escale_window_get_helper_banner_visible (f->k.window));

  /* The countdown: the kiosk's own overlay asks "Êtes-vous toujours là ?". */
  while (escale_session_get_state (session) != ESCALE_SESSION_WARNING)
    escale_test_kiosk_advance (&f->k, 10);
  escale_test_kiosk_advance (&f->k, 1);
  let_messages_arrive ();
  g_assert_cmpuint (f->shown, ==, 0);

  /* The person touches the screen, then leaves through "J'ai fini". */
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.still-here", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.finish", NULL);
  let_messages_arrive ();
  g_assert_cmpuint (f->shown, ==, 0);
}

int
main (int argc, char *argv[])
{
  /* The private bus has no accessibility bus to offer. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  g_test_add ("/escale/notifier/help-and-countdown-send-nothing", Fixture, NULL, setup,
              test_help_and_countdown_send_nothing, teardown);
  return g_test_run ();
}
