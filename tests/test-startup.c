/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>

#include "escale-activities.h"
#include "escale-activity.h"
#include "escale-kind-check.h"
#include "escale-test-util.h"

/* What start-up does before the welcome screen is painted, and what waits
 * (issue 15): the checks of the running machine (the photo helper's
 * --check, a fork and exec of the kiosk; a web call asking WebKit) only
 * give staff notices, so they start once the first frame is painted. */

#define PROBLEM "cette activité ne peut pas marcher sur ce poste"

static EscaleActivityKind probe_kind;
static const EscaleActivityKind *kinds[16];
static guint painted_frames; /* by the kiosk's window */
static gboolean checked;
static guint frames_before_check;
static gboolean fragment_heap;
static gpointer heap_sentinel;
static double heap_after_free; /* MiB */

#define FREED_BLOCKS 24576 /* of 1 KiB: 24 MiB */

/* The [heap] mapping's resident size, in MiB, read line by line: reading
 * the whole of smaps at once would itself take a megabyte of heap. */
static double
heap_rss (void)
{
  static char line[512];
  FILE *smaps = fopen ("/proc/self/smaps", "r");
  gboolean in_heap = FALSE;
  double rss = -1;

  g_assert_nonnull (smaps);
  while (rss < 0 && fgets (line, sizeof line, smaps) != NULL)
    if (g_str_has_suffix (line, "[heap]\n"))
      in_heap = TRUE;
    else if (in_heap && g_str_has_prefix (line, "Rss:"))
      rss = g_ascii_strtod (line + strlen ("Rss:"), NULL) / 1024.0;
  fclose (smaps);
  g_assert_cmpfloat (rss, >=, 0);
  return rss;
}

/* What start-up's last steps do (a check's fork and exec, the
 * accessibility tree): memory taken and freed after the welcome screen is
 * painted, here 24 MiB of small blocks below a block still in use, which
 * glibc keeps mapped unless asked. */
static void
leave_freed_heap (void)
{
  g_autofree gpointer *blocks = g_new (gpointer, FREED_BLOCKS);

  for (guint i = 0; i < FREED_BLOCKS; i++)
    blocks[i] = memset (g_malloc (1024), 1, 1024);
  /* The last one, at the top of the heap, stays. */
  heap_sentinel = blocks[FREED_BLOCKS - 1];
  for (guint i = 0; i < FREED_BLOCKS - 1; i++)
    g_free (blocks[i]);
  heap_after_free = heap_rss ();
}

static void
after_paint_cb (GdkFrameClock *clock, gpointer user_data)
{
  painted_frames++;
}

/* The info kind with a machine check that notes when it runs. */
static void
probe_check_machine (GPtrArray *activities, GCancellable *cancellable,
                     GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  EscaleKindCheck *check = escale_kind_check_new (task);

  checked = TRUE;
  frames_before_check = painted_frames;
  if (fragment_heap)
    leave_freed_heap ();
  for (guint i = 0; i < activities->len; i++)
    if (escale_activity_get_kind (activities->pdata[i]) == &probe_kind)
      g_ptr_array_add (check->activities, g_object_ref (activities->pdata[i]));
  escale_kind_check_add (check, check->problems, "Activity", "kind", PROBLEM);
  g_task_return_boolean (task, TRUE);
}

static const EscaleActivityKind *const *
kinds_with_probe (void)
{
  const EscaleActivityKind *const *table = escale_activities_get_kinds ();

  for (guint n = 0; table[n] != NULL; n++)
    {
      g_assert_cmpuint (n + 1, <, G_N_ELEMENTS (kinds));
      kinds[n] = table[n];
      if (g_str_equal (table[n]->name, "info"))
        {
          probe_kind = *table[n];
          probe_kind.check_machine = probe_check_machine;
          probe_kind.check_machine_finish = escale_kind_check_finish;
          kinds[n] = &probe_kind;
        }
    }
  g_assert_nonnull (probe_kind.name);
  return kinds;
}

static void
mapped_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
}

static gboolean
checked_cb (gpointer data)
{
  return checked;
}

static gboolean
noticed (EscaleKiosk *kiosk)
{
  g_auto(GStrv) lines = escale_notices_format (escale_kiosk_get_notices (kiosk));

  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], PROBLEM) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
noticed_cb (gpointer kiosk)
{
  return noticed (kiosk);
}

/* The machine checks start after the welcome screen's first painted
 * frame, and what they find still reaches staff as a notice. */
static void
test_machine_checks_after_first_frame (void)
{
  g_autofree char *demo = escale_test_demo_config ();
  EscaleTestKiosk k = { 0 };

  escale_test_kiosk_init_with_kinds (&k, demo, kinds_with_probe (), FALSE);
  /* Start-up (register) and the window (activate) are done, nothing painted. */
  g_assert_false (checked);
  g_assert_false (noticed (k.kiosk));

  /* Counted from here: the main loop has not run yet. */
  if (gtk_widget_get_mapped (GTK_WIDGET (k.window)))
    mapped_cb (GTK_WIDGET (k.window));
  else
    g_signal_connect (k.window, "map", G_CALLBACK (mapped_cb), NULL);
  /* What cannot work on this machine goes to the log too. */
  g_test_expect_message ("escale-app", G_LOG_LEVEL_WARNING,
                         "Configuration on this machine: *" PROBLEM);
  escale_test_wait_until (checked_cb, NULL, 20000);
  g_assert_true (checked);
  g_assert_cmpuint (frames_before_check, >=, 1);
  escale_test_wait_until (noticed_cb, k.kiosk, 20000);
  g_assert_true (noticed (k.kiosk));
  g_test_assert_expected_messages ();

  escale_test_kiosk_clear (&k);
}

static gboolean
painted_cb (gpointer data)
{
  return painted_frames >= 2;
}

static gboolean
maps_library (const char *name)
{
  g_autofree char *maps = NULL;

  g_assert_true (g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL));
  return strstr (maps, name) != NULL;
}

/* The welcome screen and its icons are drawn without librsvg (6 MiB of
 * Rust mapped and relocated at start): the icons are symbolic PNG, the
 * goodbye screen's USB stick is loaded only when it is shown. */
static void
test_no_svg_library_at_rest (void)
{
  g_autofree char *demo = escale_test_demo_config ();
  EscaleTestKiosk k = { 0 };

  /* Nor did the kiosk of the test before, on the same welcome screen. */
  g_assert_false (maps_library ("librsvg"));
  painted_frames = 0;
  escale_test_kiosk_init (&k, demo, FALSE);
  g_signal_connect (k.window, "map", G_CALLBACK (mapped_cb), NULL);
  if (gtk_widget_get_mapped (GTK_WIDGET (k.window)))
    mapped_cb (GTK_WIDGET (k.window));
  escale_test_wait_until (painted_cb, NULL, 20000);
  /* The machine checks (photos: the helper's own check) run too. */
  escale_test_spin (500);
  g_assert_cmpstr (escale_window_get_page_name (k.window), ==, "welcome");
  g_assert_false (maps_library ("librsvg"));

  escale_test_kiosk_clear (&k);
}

static gboolean
heap_given_back_cb (gpointer data)
{
  return heap_rss () < heap_after_free - 16;
}

/* The heap freed after the welcome screen was painted goes back to the
 * system while the kiosk waits: the trim comes once start-up has settled,
 * not in the first idle. */
static void
test_heap_given_back_at_rest (void)
{
  g_autofree char *demo = escale_test_demo_config ();
  EscaleTestKiosk k = { 0 };

  checked = FALSE;
  fragment_heap = TRUE;
  escale_test_kiosk_init_with_kinds (&k, demo, kinds_with_probe (), FALSE);
  g_test_expect_message ("escale-app", G_LOG_LEVEL_WARNING,
                         "Configuration on this machine: *" PROBLEM);
  escale_test_wait_until (checked_cb, NULL, 20000);
  g_assert_cmpfloat (heap_after_free, >, 20);
  escale_test_wait_until (heap_given_back_cb, NULL, 10000);
  g_assert_cmpfloat (heap_rss (), <, heap_after_free - 16);
  g_test_assert_expected_messages ();

  fragment_heap = FALSE;
  g_clear_pointer (&heap_sentinel, g_free);
  escale_test_kiosk_clear (&k);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/escale/startup/machine-checks-after-first-frame",
                   test_machine_checks_after_first_frame);
  g_test_add_func ("/escale/startup/no-svg-library-at-rest", test_no_svg_library_at_rest);
  g_test_add_func ("/escale/startup/heap-given-back-at-rest", test_heap_given_back_at_rest);
  return g_test_run ();
}
