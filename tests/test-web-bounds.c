/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The bounds of a page on an unattended kiosk (issue 17): a page that
 * freezes, a page that eats memory, a page that talks to third parties.
 * Local SoupServers play the allowed site and a forbidden origin; nothing
 * touches the page but the page itself. */
#include <stdio.h>
#include <unistd.h>

#include "web-escape-fixture.h"

#define ADD_BOUNDS(path, func)                                                                    \
  g_test_add ("/escale/web-bounds/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

/* A text a person can see in @root. */
static gboolean
shows_label (GtkWidget *root, const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_is_drawable (root) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (shows_label (c, text))
      return TRUE;
  return FALSE;
}

static GtkWidget *
find_button (GtkWidget *root, const char *label)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_is_drawable (root) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
shows_calm_page (Fixture *f)
{
  return escale_web_view_get_crashed (f->view) &&
         shows_label (GTK_WIDGET (f->view), "La page a rencontré un problème.");
}

static gboolean
shows_salle_1 (Fixture *f)
{
  return shows_site (f) && g_strcmp0 (webkit_web_view_get_title (web (f)), "Salle 1") == 0;
}

static gboolean
tick_cb (gpointer data)
{
  (*(guint *) data)++;
  return G_SOURCE_CONTINUE;
}

static void
home_cb (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  *(gboolean *) data = TRUE;
}

/* The next person's visit: a new session and a new view, as a reset
 * makes them; the previous view must be gone entirely. */
static void
next_visit (Fixture *f)
{
  EscaleWebView *old = g_object_ref (f->view);
  g_autoptr(GError) error = NULL;

  gtk_window_set_child (f->window, NULL);
  escale_test_drain ();
  g_assert_finalize_object (old);
  g_assert_true (escale_web_profile_renew (f->profile, &error));
  g_assert_no_error (error);
  f->view = ESCALE_WEB_VIEW (escale_web_view_new (f->profile, f->policy));
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
}

/* A KiB figure of /proc/PID/status ("VmHWM", "VmRSS"), 0 when gone. */
static guint64
status_kib (const char *pid, const char *field)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/status", pid);
  g_autofree char *text = NULL;
  const char *at;

  if (!g_file_get_contents (path, &text, NULL, NULL) || (at = strstr (text, field)) == NULL)
    return 0;
  return g_ascii_strtoull (at + strlen (field) + 1, NULL, 10);
}

static gboolean
descends_from_us (const char *pid)
{
  g_autofree char *stat = NULL;
  g_autofree char *path = g_strdup_printf ("/proc/%s/stat", pid);
  const char *close;
  int ppid = 0;

  if (!g_file_get_contents (path, &stat, NULL, NULL) || (close = strrchr (stat, ')')) == NULL ||
      sscanf (close + 2, "%*c %d", &ppid) != 1 || ppid <= 1)
    return FALSE;
  if (ppid == getpid ())
    return TRUE;
  {
    g_autofree char *parent = g_strdup_printf ("%d", ppid);

    return descends_from_us (parent);
  }
}

/* The largest peak RSS (MiB) among this test's web processes alive now. */
static guint64
web_processes_peak_mib (void)
{
  g_autoptr(GDir) proc = g_dir_open ("/proc", 0, NULL);
  const char *name;
  guint64 peak = 0;

  while ((name = g_dir_read_name (proc)) != NULL)
    {
      g_autofree char *comm_path = g_strdup_printf ("/proc/%s/comm", name);
      g_autofree char *comm = NULL;

      if (!g_ascii_isdigit (name[0]) || !g_file_get_contents (comm_path, &comm, NULL, NULL) ||
          !g_str_has_prefix (comm, "WebKitWebProces") || !descends_from_us (name))
        continue;
      peak = MAX (peak, status_kib (name, "VmHWM:") / 1024);
    }
  return peak;
}

static guint64 peak_seen;

static gboolean
sample_cb (gpointer data)
{
  peak_seen = MAX (peak_seen, web_processes_peak_mib ());
  return G_SOURCE_CONTINUE;
}

#define TEST_MEMORY_LIMIT 600 /* MiB */
#define MEMORY_MARGIN 150     /* MiB: what a page adds between two of WebKit's looks */

/* A page that takes 50 MB every 100 ms: WebKit ends its process under the
 * configured limit (plus the margin of one poll), the person sees the calm
 * page, and the kiosk's own memory did not grow with it. */
static void
test_memory_ceiling (Fixture *f, gconstpointer data)
{
  EscaleWebView *old = g_object_ref (f->view);
  guint64 kiosk_before, kiosk_after;
  guint sampler;

  /* The same view, on a profile with a small ceiling so the test is quick. */
  gtk_window_set_child (f->window, NULL);
  escale_test_drain ();
  g_assert_finalize_object (old);
  g_assert_finalize_object (g_steal_pointer (&f->profile));
  f->profile = escale_web_profile_new_with_memory_limit (TEST_MEMORY_LIMIT);
  f->view = ESCALE_WEB_VIEW (escale_web_view_new (f->profile, f->policy));
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));

  load_and_wait (f, "/");
  kiosk_before = status_kib ("self", "VmRSS:") / 1024;
  peak_seen = 0;
  sampler = g_timeout_add (20, sample_cb, NULL);
  load_and_wait (f, "/allocate");
  wait_for (shows_calm_page, f);
  g_source_remove (sampler);
  kiosk_after = status_kib ("self", "VmRSS:") / 1024;
  g_test_message ("web process peak %" G_GUINT64_FORMAT " MiB; kiosk %" G_GUINT64_FORMAT
                  " -> %" G_GUINT64_FORMAT " MiB",
                  peak_seen, kiosk_before, kiosk_after);
  g_assert_cmpuint (peak_seen, >, TEST_MEMORY_LIMIT / 2); /* the page did allocate */
  g_assert_cmpuint (peak_seen, <, TEST_MEMORY_LIMIT + MEMORY_MARGIN);
  g_assert_cmpuint (kiosk_after, <, kiosk_before + 50);
  g_assert_true (shows_label (GTK_WIDGET (f->view), "La page a rencontré un problème."));
}

/* Nobody touches the kiosk: the page loops for ever 1.5 s after it
 * showed. The calm page comes on its own (the watchdog, not input), while
 * the kiosk's own clock (the countdown, "J'ai fini") keeps ticking;
 * "Accueil" works; the next visit's page loads normally. */
static void
test_hang_without_input (Fixture *f, gconstpointer data)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) home = g_simple_action_new ("home", NULL);
  gboolean went_home = FALSE;
  guint ticks = 0, ticks_at_freeze;
  guint ticker;
  GtkWidget *button;

  g_signal_connect (home, "activate", G_CALLBACK (home_cb), &went_home);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (home));
  gtk_widget_insert_action_group (GTK_WIDGET (f->window), "win", G_ACTION_GROUP (group));

  load_and_wait (f, "/freeze");
  g_assert_false (escale_web_view_get_crashed (f->view));
  escale_test_spin (1700); /* the page's loop has started */
  ticker = g_timeout_add (100, tick_cb, &ticks);
  ticks_at_freeze = ticks;
  wait_for (shows_calm_page, f); /* 30 s ceiling; the design says < 10 s */
  g_source_remove (ticker);
  /* The kiosk's main loop never waited for the frozen page. */
  g_assert_cmpuint (ticks, >, ticks_at_freeze + 10);
  g_assert_cmpuint (escale_web_view_get_hangs (f->view), ==, 1);

  button = find_button (GTK_WIDGET (f->view), "Accueil");
  g_assert_nonnull (button);
  g_assert_nonnull (find_button (GTK_WIDGET (f->view), "Réessayer"));
  g_signal_emit_by_name (button, "clicked"); /* a touch */
  g_assert_true (went_home);

  next_visit (f);
  load_and_wait (f, "/");
  wait_for (shows_salle_1, f);
  escale_test_spin (3000); /* a few probes of a page that answers */
  g_assert_false (escale_web_view_get_crashed (f->view));
  g_assert_cmpuint (escale_web_view_get_hangs (f->view), ==, 0);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  ADD_BOUNDS ("hang-without-input-shows-calm-page", test_hang_without_input);
  ADD_BOUNDS ("memory-ceiling-ends-runaway-page", test_memory_ceiling);
  return g_test_run ();
}
