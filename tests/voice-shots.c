/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Not a test: the screenshots of "Écouter" (docs/screenshots/voice-*.png),
 * in a whole kiosk filling the Xvfb screen it runs on, at the normal text
 * size or with A+ touched twice (TEXT-SCALE 0 or 2):
 *
 *   xvfb-run -a -s '-screen 0 1024x768x24' dbus-run-session -- \
 *     _build-tests/tests/voice-shots OUTDIR 2
 *
 * (ESCALE_SOURCE_DIR set, as in the tests). The voice plays on a PulseAudio
 * server of its own (tests/sound-lab.c). */
#include "escale-countdown.h"
#include "escale-home-page.h"
#include "escale-listen-button.h"
#include "escale-test-util.h"
#include "escale-welcome-page.h"
#include "sound-lab.h"

static void
save (EscaleTestKiosk *k, const char *dir, const char *name, guint scale)
{
  GtkWidget *window = GTK_WIDGET (k->window);
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = g_strdup_printf ("%s/voice-%s-%dx%d%s.png", dir, name, width, height,
                                           scale > 0 ? "-larger" : "");

  escale_test_spin (500);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, file));
  g_print ("%s\n", file);
}

static void
touch (GtkWidget *button)
{
  g_signal_emit_by_name (button, "clicked");
}

static GtkWidget *
top_toggle (EscaleTestKiosk *k)
{
  return escale_listen_button_get_toggle (
    ESCALE_LISTEN_BUTTON (escale_window_get_listen_button (k->window)));
}

int
main (int argc, char **argv)
{
  g_autofree char *demo = NULL;
  EscaleTestKiosk k = { 0 };
  SoundLab *lab;
  GtkWidget *home, *welcome;
  guint scale;

  g_setenv ("ESCALE_AUDIO_SINK", "pulsesink", TRUE);
  lab = sound_lab_start ();
  gtk_test_init (&argc, &argv, NULL);
  if (argc != 3)
    {
      g_printerr ("usage: voice-shots OUTDIR TEXT-SCALE\n");
      return 2;
    }
  scale = (guint) g_ascii_strtoull (argv[2], NULL, 10);
  demo = escale_test_demo_config ();
  escale_test_kiosk_init (&k, demo, TRUE);
  escale_test_spin (500);
  welcome = escale_welcome_page_get_listen_button (
    ESCALE_WELCOME_PAGE (escale_window_get_welcome_page (k.window)));
  save (&k, argv[1], "welcome", 0);
  /* The welcome screen's "Écouter": a visit starts there, the voice on. */
  touch (escale_listen_button_get_toggle (ESCALE_LISTEN_BUTTON (welcome)));
  save (&k, argv[1], "welcome-on", 0);

  gtk_widget_activate_action (GTK_WIDGET (k.window), "win.start", NULL);
  touch (top_toggle (&k));
  for (guint i = 0; i < scale; i++)
    gtk_widget_activate_action (GTK_WIDGET (k.window), "win.text-larger", NULL);
  save (&k, argv[1], "home", scale);

  /* The voice on: "Arrêter" and "Plus lent" in the top bar, the widest. */
  home = escale_window_get_home_page (k.window);
  g_signal_emit_by_name (escale_home_page_get_button (ESCALE_HOME_PAGE (home), "infos"),
                         "clicked");
  touch (top_toggle (&k));
  save (&k, argv[1], "on-activity", scale);

  escale_test_kiosk_advance (&k, 180);
  save (&k, argv[1], "countdown", scale);
  touch (top_toggle (&k));

  escale_kiosk_set_goodbye_delay_ms (k.kiosk, 4000);
  gtk_widget_activate_action (GTK_WIDGET (k.window), "win.finish", NULL);
  save (&k, argv[1], "goodbye", scale);
  escale_test_wait_until (escale_test_kiosk_back_to_welcome, &k, 20000);

  escale_test_kiosk_clear (&k);
  sound_lab_stop (lab);
  return 0;
}
