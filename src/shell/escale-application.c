/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-app"

#include <glib/gi18n.h>
#include <libintl.h>
#include <malloc.h>

#include "config.h"
#include "escale-activities.h"
#include "escale-application.h"
#include "escale-help-client.h"
#include "escale-workshop-mode.h"
#include "escale-web-graphics.h"
#include "escale-web-profile.h"
#include "escale-window.h"

/* Owns the long-lived state (configuration, stats store, the kiosk and its
 * session, the web profile) and hands it to the window. Also answers the
 * command line: --version, --check-config, --config, --kiosk, --unavailable. */
struct _EscaleApplication
{
  GtkApplication parent_instance;

  /* owned */
  char *config_dir;
  char *stats_path;
  gboolean locked;
  EscaleClock *clock;                     /* NULL: the system clock (tests give a fake one) */
  char *scratch_dir;                      /* NULL: $XDG_RUNTIME_DIR/escale */
  const EscaleActivityKind *const *kinds; /* NULL: the table's */
  EscaleKiosk *kiosk;
  EscaleWebProfile *web_profile;
  EscaleHelpClient *help_client; /* calls for help: the broker, or a raised hand */
  EscaleWorkshopMode *workshop;  /* workshops started on the site's kiosks */

  guint trim_heap_source; /* the heap given back once the welcome screen settles */

  gboolean unavailable; /* --unavailable: only the calm "come back later" screen */
  gboolean left_kiosk;  /* a kiosk that ended without crashing: the staff's "Quitter" */
};

G_DEFINE_FINAL_TYPE (EscaleApplication, escale_application, GTK_TYPE_APPLICATION)

static char *
default_config_dir (void)
{
  g_autofree char *installed = g_build_filename (CONFIGDIR, NULL);

  if (g_file_test (installed, G_FILE_TEST_IS_DIR))
    return g_steal_pointer (&installed);
  return g_build_filename (PKGDATADIR, "kiosk-config", NULL);
}

static void
machine_checked_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* What only the running machine can tell (whether WebKit has WebRTC for a
 * web call), asked of each kind that has such checks. Without a display
 * the kind says so in a warning, which does not fail the check. */
static void
check_machine (EscaleConfig *config, GPtrArray *problems, GPtrArray *warnings)
{
  g_autoptr(GAsyncResult) result = NULL;

  escale_activities_check_machine (config, NULL, machine_checked_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  escale_activities_check_machine_finish (result, problems, warnings);
}

static int
check_config (const char *dir)
{
  g_autoptr(EscaleConfig) config = escale_config_load (dir, escale_activities_get_kinds ());
  g_autoptr(GPtrArray) problems =
               g_ptr_array_new_with_free_func ((GDestroyNotify) escale_config_problem_free);
  g_autoptr(GPtrArray) warnings =
               g_ptr_array_new_with_free_func ((GDestroyNotify) escale_config_problem_free);
  g_auto(GStrv) lines = escale_config_format_problems (config);
  GPtrArray *activities = escale_config_get_activities (config);

  check_machine (config, problems, warnings);
  for (guint i = 0; i < warnings->len; i++)
    {
      g_autofree char *line = escale_config_problem_to_string (warnings->pdata[i]);

      g_printerr ("%s\n", line);
    }
  for (guint i = 0; lines[i] != NULL; i++)
    g_printerr ("%s\n", lines[i]);
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = escale_config_problem_to_string (problems->pdata[i]);

      g_printerr ("%s\n", line);
    }
  if (lines[0] != NULL || problems->len > 0)
    return 1;
  g_print (g_dngettext (GETTEXT_PACKAGE, "%s : configuration correcte, %u activité\n",
                        "%s : configuration correcte, %u activités\n", activities->len),
           escale_config_get_dir (config), activities->len);
  return 0;
}

static int
escale_application_handle_local_options (GApplication *app, GVariantDict *options)
{
  EscaleApplication *self = ESCALE_APPLICATION (app);
  const char *dir = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("escale %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (g_variant_dict_lookup (options, "check-config", "^&ay", &dir))
    return check_config (dir);

  if (g_variant_dict_lookup (options, "config", "^&ay", &dir))
    {
      g_free (self->config_dir);
      self->config_dir = g_canonicalize_filename (dir, NULL);
    }
  if (g_variant_dict_lookup (options, "stats", "^&ay", &dir))
    {
      g_free (self->stats_path);
      self->stats_path = g_canonicalize_filename (dir, NULL);
    }
  /* Only ever set here: a test's application is locked from the start and
   * runs with an empty command line. */
  if (g_variant_dict_contains (options, "kiosk"))
    self->locked = TRUE;
  self->unavailable = g_variant_dict_contains (options, "unavailable");
  return -1;
}

/* The centre's language (escale.ini [Centre] language=fr|en) wins over the
 * machine's, unless LANGUAGE is set explicitly. French needs no catalogue:
 * it is the source language. */
static void
apply_language (const char *language)
{
  if (language == NULL || *language == '\0' || g_getenv ("LANGUAGE") != NULL)
    return;
  g_setenv ("LANGUAGE", language, TRUE);
  /* Setting the domain again drops gettext's cached translations. */
  textdomain (GETTEXT_PACKAGE);
}

static gboolean
renew_web_profile (gpointer user_data, GError **error)
{
  return escale_web_profile_renew (ESCALE_WEB_PROFILE (user_data), error);
}

/* Nothing should ever be added (recent files are off and kept for no time
 * from start-up), but a settings daemon may turn them on during a visit:
 * then what the visit recorded is purged, and they are off again. */
static gboolean
wipe_recent_files (gpointer user_data, GError **error)
{
  GtkSettings *settings = gtk_settings_get_default ();
  g_autoptr(GError) local_error = NULL;

  if (settings != NULL)
    g_object_set (settings, "gtk-recent-files-enabled", FALSE, "gtk-recent-files-max-age", 0,
                  NULL);
  gtk_recent_manager_purge_items (gtk_recent_manager_get_default (), &local_error);
  /* An empty list has nothing to purge: that is not a failure. */
  if (local_error != NULL &&
      !g_error_matches (local_error, GTK_RECENT_MANAGER_ERROR, GTK_RECENT_MANAGER_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* Staff see what cannot work on this machine (a web call without WebRTC)
 * on the welcome screen; what could not be checked only goes to the log. */
static void
machine_notices_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(EscaleNotices) notices = user_data;
  g_autoptr(GPtrArray) problems =
               g_ptr_array_new_with_free_func ((GDestroyNotify) escale_config_problem_free);
  g_autoptr(GPtrArray) warnings =
               g_ptr_array_new_with_free_func ((GDestroyNotify) escale_config_problem_free);

  escale_activities_check_machine_finish (result, problems, warnings);
  for (guint i = 0; i < warnings->len; i++)
    {
      EscaleConfigProblem *warning = warnings->pdata[i];

      g_message ("%s:%u: %s", warning->file, warning->line, warning->message);
    }
  for (guint i = 0; i < problems->len; i++)
    {
      EscaleConfigProblem *problem = problems->pdata[i];

      g_warning ("Configuration on this machine: %s:%u: %s", problem->file, problem->line,
                 problem->message);
      escale_notices_add (notices, problem->file, problem->line, problem->key, problem->message);
    }
}

/* A helper said "J'arrive" (or "Fait"): the visit's record says help was given. */
static void
help_given_cb (EscaleHelpClient *client, GParamSpec *pspec, EscaleKiosk *kiosk)
{
  if (escale_help_client_get_given (client))
    escale_kiosk_set_help_given (kiosk);
}

/* A request still open when the visit ends becomes "parti" on the board. */
static void
visit_ended_cb (EscaleSession *session, EscaleSessionRecord *record, EscaleHelpClient *client)
{
  escale_help_client_end_visit (client);
}

static void
start_help (EscaleApplication *self, EscaleConfig *config)
{
  self->help_client = escale_help_client_new (escale_config_get_help (config));
  g_signal_connect_object (self->help_client, "notify::given", G_CALLBACK (help_given_cb),
                           self->kiosk, 0);
  g_signal_connect_object (escale_kiosk_get_session (self->kiosk), "ended",
                           G_CALLBACK (visit_ended_cb), self->help_client, 0);
  self->workshop = escale_workshop_mode_new (self->kiosk, self->help_client);
}

static void
escale_application_startup (GApplication *app)
{
  EscaleApplication *self = ESCALE_APPLICATION (app);
  g_autoptr(EscaleConfig) config = NULL;
  g_autoptr(EscaleStatsStore) store = NULL;
  g_autoptr(EscaleScratch) scratch = NULL;
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  g_autoptr(GError) error = NULL;
  GtkSettings *settings;

  /* GL off on a PC without a GPU, before GTK starts (escale-web-graphics.c);
   * ESCALE_BENCH_GL=1 keeps it on, for bench/ to compare. */
  if (g_getenv ("ESCALE_BENCH_GL") == NULL)
    escale_web_graphics_choose ();
  G_APPLICATION_CLASS (escale_application_parent_class)->startup (app);

  settings = gtk_settings_get_default ();
  g_object_set (settings, "gtk-recent-files-enabled", FALSE, "gtk-recent-files-max-age", 0,
                "gtk-enable-animations", TRUE, NULL);
  gtk_css_provider_load_from_resource (css, "/fr/escale/Escale/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    "/fr/escale/Escale/icons");
  /* The session wrapper's screen after repeated crashes: no store, no kiosk. */
  if (self->unavailable)
    return;

  if (self->config_dir == NULL)
    self->config_dir = default_config_dir ();
  config = escale_config_load (self->config_dir,
                               self->kinds != NULL ? self->kinds : escale_activities_get_kinds ());
  apply_language (escale_config_get_language (config));
  for (guint i = 0; i < escale_config_get_problems (config)->len; i++)
    {
      g_autofree char *line =
        escale_config_problem_to_string (escale_config_get_problems (config)->pdata[i]);

      g_warning ("Configuration: %s", line);
    }

  store = escale_stats_store_new (self->stats_path ? self->stats_path
                                                   : escale_config_get_stats_path (config));
  escale_stats_store_set_max_size_mb (store, escale_config_get_stats_max_size_mb (config));
  if (!escale_stats_store_open (store, &error))
    g_warning ("Statistics store unavailable, visits are kept in memory: %s", error->message);

  scratch = escale_scratch_new (self->scratch_dir);
  self->kiosk = escale_kiosk_new (config, self->clock, store, scratch);
  escale_web_profile_sweep_sandbox_leftovers (g_get_user_cache_dir ());
  self->web_profile =
    escale_web_profile_new_with_memory_limit (escale_config_get_web_memory_limit (config));
  start_help (self, config);
}

/* glibc keeps the heap that start-up or a visit freed (a page's web view,
 * its pictures) mapped for the next malloc; the welcome screen waits, idle,
 * for as long as nobody comes: give it back to the system then. Not in
 * the first idle: the welcome screen's first frames, the accessibility
 * tree and the machine checks still allocate and free for a second or
 * two, and a trim before them left 8 MiB of free heap mapped at rest. */
#define TRIM_HEAP_SECONDS 3

static gboolean
trim_heap_cb (gpointer user_data)
{
  EscaleApplication *self = user_data;

  self->trim_heap_source = 0;
  malloc_trim (0);
  return G_SOURCE_REMOVE;
}

static void
trim_heap_soon (EscaleApplication *self)
{
  g_clear_handle_id (&self->trim_heap_source, g_source_remove);
  self->trim_heap_source =
    g_timeout_add_seconds_full (G_PRIORITY_LOW, TRIM_HEAP_SECONDS, trim_heap_cb, self, NULL);
}

/* The last step of a reset: the visit's pages are gone. */
static gboolean
trim_heap_later (gpointer user_data, GError **error)
{
  trim_heap_soon (user_data);
  return TRUE;
}

/* What can wait until the welcome screen is painted: the checks of the
 * running machine (the photo helper's --check is a fork and exec of this
 * big process; a web call asks WebKit about WebRTC), which only give staff
 * notices. */
static gboolean
welcome_painted_idle_cb (gpointer user_data)
{
  EscaleApplication *self = user_data;

  trim_heap_soon (self);
  escale_activities_check_machine (escale_kiosk_get_config (self->kiosk), NULL, machine_notices_cb,
                                   g_object_ref (escale_kiosk_get_notices (self->kiosk)));
  return G_SOURCE_REMOVE;
}

static void
first_paint_cb (GdkFrameClock *clock, EscaleApplication *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_paint_cb, self);
  g_idle_add_full (G_PRIORITY_LOW, welcome_painted_idle_cb, g_object_ref (self), g_object_unref);
}

static void
first_map_cb (GtkWidget *window, EscaleApplication *self)
{
  g_signal_handlers_disconnect_by_func (window, first_map_cb, self);
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (first_paint_cb), self, 0);
}

/* bench/ only, never set by the unit: ESCALE_BENCH_STARTUP=1 prints the
 * wall-clock time of the first painted frame, in microseconds, and quits;
 * ESCALE_BENCH_FRAMES=1 prints "escale-frame-us: PAGE TIME" for the first
 * painted frame of every page shown (welcome, home, activity, goodbye...),
 * so that a driver outside the program can time a tap to what a person
 * sees; ESCALE_BENCH_NO_GOODBYE=1 skips the "Tout est effacé" delay. */
static void
bench_frame_cb (GdkFrameClock *clock, GtkWindow *window)
{
  static char *last_page = NULL;
  const char *page = escale_window_get_page_name (ESCALE_WINDOW (window));

  if (g_getenv ("ESCALE_BENCH_STARTUP") != NULL)
    {
      g_print ("escale-first-frame-us: %" G_GINT64_FORMAT "\n", g_get_real_time ());
      g_signal_handlers_disconnect_by_func (clock, bench_frame_cb, window);
      g_application_quit (G_APPLICATION (gtk_window_get_application (window)));
      return;
    }
  if (g_strcmp0 (page, last_page) == 0)
    return;
  g_print ("escale-frame-us: %s %" G_GINT64_FORMAT "\n", page, g_get_real_time ());
  fflush (stdout);
  g_free (last_page);
  last_page = g_strdup (page);
}

static void
bench_mapped_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (bench_frame_cb), window);
}

static gboolean
refuse_close_cb (GtkWindow *window)
{
  return TRUE;
}

static gboolean
swallow_key_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                GdkModifierType state)
{
  return TRUE;
}

/* escale-kiosk-session shows this instead of starting Escale again and
 * again after repeated crashes: one calm sentence, nothing to touch, no
 * way out (every key swallowed, close refused). */
static GtkWindow *
new_unavailable_window (GtkApplication *app)
{
  GtkWindow *window = GTK_WINDOW (gtk_application_window_new (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *title = gtk_label_new (_ ("Poste momentanément indisponible"));
  GtkWidget *text = gtk_label_new (_ ("Un conseiller va passer."));
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_add_css_class (GTK_WIDGET (window), "escale");
  gtk_widget_add_css_class (box, "message-page");
  gtk_widget_add_css_class (title, "message-title");
  gtk_widget_add_css_class (text, "message-text");
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_justify (GTK_LABEL (title), GTK_JUSTIFY_CENTER);
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), text);
  gtk_window_set_child (window, box);
  gtk_window_set_title (window, _ ("Poste momentanément indisponible"));
  gtk_window_set_decorated (window, FALSE);
  gtk_window_fullscreen (window);
  g_signal_connect (window, "close-request", G_CALLBACK (refuse_close_cb), NULL);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (swallow_key_cb), NULL);
  gtk_widget_add_controller (GTK_WIDGET (window), keys);
  return window;
}

static void
escale_application_activate (GApplication *app)
{
  EscaleApplication *self = ESCALE_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL && self->unavailable)
    window = new_unavailable_window (GTK_APPLICATION (app));
  else if (window == NULL)
    {
      EscaleReset *reset = escale_kiosk_get_reset (self->kiosk);

      window = GTK_WINDOW (escale_window_new (GTK_APPLICATION (app), self->kiosk,
                                              self->web_profile, self->help_client, self->locked));
      /* After the window's own wipers: its pages (and their web views) are
       * gone before the web session they used is dropped. */
      escale_reset_register (reset, "web-data", renew_web_profile,
                             g_object_ref (self->web_profile), g_object_unref);
      escale_reset_register (reset, "recent-files", wipe_recent_files, NULL, NULL);
      escale_reset_register (reset, "heap", trim_heap_later, self, NULL);
      escale_kiosk_start (self->kiosk);
      g_signal_connect_object (window, "map", G_CALLBACK (first_map_cb), self, 0);
      if (g_getenv ("ESCALE_BENCH_STARTUP") != NULL || g_getenv ("ESCALE_BENCH_FRAMES") != NULL)
        g_signal_connect (window, "map", G_CALLBACK (bench_mapped_cb), NULL);
      if (g_getenv ("ESCALE_BENCH_NO_GOODBYE") != NULL)
        escale_kiosk_set_goodbye_delay_ms (self->kiosk, 0);
    }
  gtk_window_present (window);
}

static void
escale_application_shutdown (GApplication *app)
{
  EscaleApplication *self = ESCALE_APPLICATION (app);

  /* Leaving (developer quit, staff exit, logout) wipes like a visit's end. */
  if (self->kiosk != NULL)
    {
      escale_session_finish (escale_kiosk_get_session (self->kiosk), ESCALE_END_STAFF);
      escale_reset_run (escale_kiosk_get_reset (self->kiosk), NULL);
      /* Only the staff space quits a locked kiosk (a crash, a kill or a lost
       * display never gets here): the session wrapper must not restart it. */
      self->left_kiosk = self->locked;
    }
  /* Leaving: nothing to give back for. */
  g_clear_handle_id (&self->trim_heap_source, g_source_remove);
  G_APPLICATION_CLASS (escale_application_parent_class)->shutdown (app);
}

static void
escale_application_finalize (GObject *object)
{
  EscaleApplication *self = ESCALE_APPLICATION (object);

  g_clear_object (&self->workshop);
  g_clear_object (&self->help_client);
  g_clear_object (&self->kiosk);
  g_clear_object (&self->web_profile);
  g_clear_object (&self->clock);
  g_free (self->scratch_dir);
  g_free (self->config_dir);
  g_free (self->stats_path);
  G_OBJECT_CLASS (escale_application_parent_class)->finalize (object);
}

static void
escale_application_class_init (EscaleApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = escale_application_finalize;
  app_class->handle_local_options = escale_application_handle_local_options;
  app_class->startup = escale_application_startup;
  app_class->activate = escale_application_activate;
  app_class->shutdown = escale_application_shutdown;
}

static void
escale_application_init (EscaleApplication *self)
{
  static const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_ ("Afficher la version et quitter"), NULL },
    { "config", 'c', 0, G_OPTION_ARG_FILENAME, NULL,
      N_ ("Utiliser le dossier de configuration DOSSIER"), N_ ("DOSSIER") },
    { "kiosk", 'k', 0, G_OPTION_ARG_NONE, NULL,
      N_ ("Plein écran et verrouillé : seul le code de l'équipe permet d'en "
          "sortir"),
      NULL },
    { "check-config", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_ ("Vérifier le dossier de configuration DOSSIER, afficher chaque "
          "problème et quitter"),
      N_ ("DOSSIER") },
    { "stats", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_ ("Écrire les statistiques anonymes dans FICHIER au lieu du fichier "
          "configuré"),
      N_ ("FICHIER") },
    { "unavailable", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_ ("Afficher seulement « Poste momentanément indisponible » (après des pannes "
          "répétées)"),
      NULL },
    { NULL },
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _ ("Escale : une borne calme et sûre pour les espaces "
                                               "publics numériques."));
}

EscaleApplication *
escale_application_new (void)
{
  return g_object_new (ESCALE_TYPE_APPLICATION, "application-id", APPLICATION_ID, "flags",
                       G_APPLICATION_NON_UNIQUE, NULL);
}

/* The application as tests use it: on @config_dir, a stats file and a
 * scratch folder of the test's own, and @clock (may be NULL). No command
 * line: g_application_register () runs startup and g_application_activate ()
 * builds the window and registers every wiper, exactly as in the kiosk. */
EscaleApplication *
escale_application_new_for_test (const char *config_dir, const char *stats_path,
                                 EscaleClock *clock, const char *scratch_dir,
                                 const EscaleActivityKind *const *kinds, gboolean locked)
{
  EscaleApplication *self = escale_application_new ();

  self->kinds = kinds;

  self->config_dir = g_strdup (config_dir);
  self->stats_path = g_strdup (stats_path);
  self->clock = clock != NULL ? g_object_ref (clock) : NULL;
  self->scratch_dir = g_strdup (scratch_dir);
  self->locked = locked;
  return self;
}

/* What main () returns: @status, or ESCALE_EXIT_LEFT_KIOSK when the staff
 * left kiosk mode on purpose. */
int
escale_application_get_exit_status (EscaleApplication *self, int status)
{
  g_return_val_if_fail (ESCALE_IS_APPLICATION (self), status);
  return status == 0 && self->left_kiosk ? ESCALE_EXIT_LEFT_KIOSK : status;
}

EscaleKiosk *
escale_application_get_kiosk (EscaleApplication *self)
{
  g_return_val_if_fail (ESCALE_IS_APPLICATION (self), NULL);
  return self->kiosk;
}
