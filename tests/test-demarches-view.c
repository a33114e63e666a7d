/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <unistd.h>

#include "escale-activity-page.h"
#include "escale-app-scheme.h"
#include "escale-demarches-site.h"
#include "escale-demarches-view-private.h"
#include "escale-document-output-chooser.h"
#include "escale-home-page.h"
#include "escale-scan-page.h"
#include "escale-test-util.h"
#include "escale-web-view.h"
#include "print-lab.h"

static PrintLab *lab; /* the checklist test prints on it (root) */

/* "Mes démarches" in the whole kiosk, driven as a person drives it: the
 * demo configuration, plus one procedure whose "official site" is a local
 * server (no internet here). What the person sees, the site's own
 * allowlist, the steps that follow the page, and the counters the visit
 * leaves in the stats store, per Coop category. */

typedef struct
{
  char *dir;
  char *config_dir;
  SoupServer *server;
  char *base;
  EscaleTestKiosk k;
  EscaleDemarchesView *view; /* weak */
} Fixture;

static const char *
page_for (const char *path)
{
  if (g_str_equal (path, "/start"))
    return "<!DOCTYPE html><title>Accueil du service</title><h1>Bienvenue</h1>";
  if (g_str_equal (path, "/connexion"))
    return "<!DOCTYPE html><title>Connexion</title><h1>Identifiez-vous</h1>";
  if (g_str_equal (path, "/formulaire"))
    return "<!DOCTYPE html><title>Formulaire</title><h1>Votre demande</h1>";
  return NULL;
}

/* /ailleurs redirects to the same server under another host name: another
 * origin, outside the procedure's allowlist. */
static void
handler (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
         gpointer user_data)
{
  Fixture *f = user_data;
  const char *body = page_for (path);

  if (g_str_equal (path, "/ailleurs"))
    {
      g_autofree char *elsewhere =
        g_strdup_printf ("http://localhost:%d/start",
                         g_uri_get_port (soup_server_message_get_uri (msg)));

      (void) f;
      soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, elsewhere);
      return;
    }
  if (body == NULL)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_STATIC, body,
                                    strlen (body));
}

static void
write_test_procedure (Fixture *f)
{
  g_autofree char *path =
    g_build_filename (f->config_dir, "demarches", "zz-essai-local.ini", NULL);
  g_autofree char *text = g_strdup_printf (
    "[Procedure]\ntitle=Essai sur un site local\ncategory=logement\nneed=papiers\n"
    "purpose=Un site d'essai.\nbring-1=Un papier d'essai\n"
    "site=%sstart\nsite-allow-1=%s\n"
    "[Step 1]\ntext=Ouvrez le site d'essai.\npicture=dessins/site-officiel.svg\n"
    "[Step 2]\ntext=Identifiez-vous.\npicture=dessins/franceconnect.svg\naddress=*/connexion*\n"
    "[Step 3]\ntext=Remplissez la demande.\npicture=dessins/formulaire.svg\n"
    "address=*/formulaire*\n",
    f->base, f->base);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autofree char *demo = escale_test_demo_config ();
  g_autofree char *command = NULL;
  GSList *uris;

  f->dir = g_dir_make_tmp ("escale-demarches-view-XXXXXX", &error);
  g_assert_no_error (error);
  f->config_dir = g_build_filename (f->dir, "config", NULL);
  command = g_strdup_printf ("cp -r '%s' '%s'", demo, f->config_dir);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));

  f->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (f->server, NULL, handler, f, NULL);
  g_assert_true (soup_server_listen (f->server, address, 0, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (f->server);
  f->base = g_strdup_printf ("http://127.0.0.1:%d/", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  write_test_procedure (f);
  /* data: a CUPS queue of the lab for [Demarches] printer=. */
  if (data != NULL)
    {
      g_autofree char *ini =
        g_build_filename (f->config_dir, "activities", "40-demarches.ini", NULL);
      g_autofree char *text = NULL;
      g_autofree char *with_printer = NULL;

      g_assert_true (g_file_get_contents (ini, &text, NULL, NULL));
      {
        g_autofree char *line = g_strdup_printf ("[Demarches]\nprinter=%s\n", (char *) data);
        g_auto(GStrv) parts = g_strsplit (text, "[Demarches]\n", 2);

        with_printer = g_strjoinv (line, parts);
      }
      g_assert_true (g_file_set_contents (ini, with_printer, -1, NULL));
    }

  escale_test_kiosk_init (&f->k, f->config_dir, FALSE);
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.start", NULL);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  if (f->k.window != NULL)
    escale_test_kiosk_clear (&f->k);
  soup_server_disconnect (f->server);
  g_assert_finalize_object (g_steal_pointer (&f->server));
  g_assert_true (escale_remove_tree (f->dir, NULL));
  g_free (f->config_dir);
  g_free (f->dir);
  g_free (f->base);
}

/* --- what a person sees and touches ------------------------------------ */

/* The button on screen (its words @text) under @root: hidden stack pages
 * are not looked into. */
static GtkWidget *
find_shown_button (GtkWidget *root, const char *text)
{
  if (!gtk_widget_is_drawable (root))
    return NULL;
  if (GTK_IS_BUTTON (root))
    {
      const char *name = NULL;
      GtkWidget *child = gtk_button_get_child (GTK_BUTTON (root));

      if (GTK_IS_LABEL (child))
        name = gtk_label_get_text (GTK_LABEL (child));
      else if (child != NULL)
        for (GtkWidget *c = gtk_widget_get_first_child (child); c != NULL;
             c = gtk_widget_get_next_sibling (c))
          if (GTK_IS_LABEL (c))
            name = gtk_label_get_text (GTK_LABEL (c));
      if (g_strcmp0 (name, text) == 0)
        return root;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_shown_button (c, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
shows (Fixture *f, const char *text)
{
  g_autoptr(GString) found = g_string_new (NULL);
  GtkWidget *root = GTK_WIDGET (f->k.window);
  GPtrArray *stack = g_ptr_array_new ();
  gboolean seen = FALSE;

  g_ptr_array_add (stack, root);
  while (stack->len > 0 && !seen)
    {
      GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

      if (!gtk_widget_is_drawable (w))
        continue;
      if (GTK_IS_LABEL (w) && g_str_equal (gtk_label_get_text (GTK_LABEL (w)), text))
        seen = TRUE;
      for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL;
           c = gtk_widget_get_next_sibling (c))
        g_ptr_array_add (stack, c);
    }
  g_ptr_array_unref (stack);
  return seen;
}

static guint
count_shown (GtkWidget *root, const char *css_class)
{
  guint n;

  if (!gtk_widget_is_drawable (root))
    return 0;
  n = gtk_widget_has_css_class (root, css_class);
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    n += count_shown (c, css_class);
  return n;
}

static const char *
screen (Fixture *f)
{
  return escale_demarches_view_get_screen (f->view);
}

static void
touch (Fixture *f, const char *text)
{
  GtkWidget *button = find_shown_button (GTK_WIDGET (f->k.window), text);

  g_test_message ("touch %s on %s", text, f->view ? screen (f) : "-");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  escale_test_drain ();
}

/* Touches "Mes démarches" on the kiosk's home screen. */
static void
open_demarches (Fixture *f)
{
  GtkWidget *home = escale_window_get_home_page (f->k.window);
  GtkWidget *button = escale_home_page_get_button (ESCALE_HOME_PAGE (home), "demarches");
  GtkWidget *page;
  GtkWidget *content;

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  escale_test_drain ();
  page = escale_window_get_activity_page (f->k.window);
  content = escale_activity_page_get_content (ESCALE_ACTIVITY_PAGE (page));
  g_assert_true (ESCALE_IS_DEMARCHES_VIEW (content));
  f->view = ESCALE_DEMARCHES_VIEW (content);
  g_object_add_weak_pointer (G_OBJECT (f->view), (gpointer *) &f->view);
}

/* --- the site ---------------------------------------------------------- */

typedef struct
{
  Fixture *f;
  const char *uri; /* the address expected, loaded */
} PageWait;

static WebKitWebView *
site_web_view (Fixture *f)
{
  GtkWidget *site = escale_demarches_view_get_site (f->view);

  return escale_web_view_get_web_view (
    ESCALE_WEB_VIEW (escale_demarches_site_get_web_view (ESCALE_DEMARCHES_SITE (site))));
}

static gboolean
page_loaded (gpointer data)
{
  PageWait *wait = data;
  WebKitWebView *web = site_web_view (wait->f);

  return !webkit_web_view_is_loading (web) &&
         g_strcmp0 (webkit_web_view_get_uri (web), wait->uri) == 0;
}

/* The person follows a link of the page to @path (JavaScript stands in
 * for the finger), and the page comes. */
static void
go_to (Fixture *f, const char *path, const char *expected_uri)
{
  g_autofree char *script = g_strdup_printf ("location.href = '%s';", path);
  g_autofree char *expected = g_strconcat (f->base, path + 1, NULL);
  PageWait wait = { f, expected_uri != NULL ? expected_uri : expected };

  webkit_web_view_evaluate_javascript (site_web_view (f), script, -1, NULL, NULL, NULL, NULL,
                                       NULL);
  escale_test_wait_until (page_loaded, &wait, 20000);
  g_assert_true (page_loaded (&wait));
  escale_test_drain ();
}

static guint
current_step (Fixture *f)
{
  return escale_demarches_site_get_current_step (
    ESCALE_DEMARCHES_SITE (escale_demarches_view_get_site (f->view)));
}

/* --- tests ------------------------------------------------------------- */

/* Needs, then a need's procedures, then one procedure: everything the
 * file says is there, each step with its picture. */
static void
test_needs_to_procedure (Fixture *f, gconstpointer data)
{
  GtkWidget *window = GTK_WIDGET (f->k.window);
  EscaleActivityView *view;

  open_demarches (f);
  view = ESCALE_ACTIVITY_VIEW (f->view);
  g_assert_cmpstr (screen (f), ==, "home");
  g_assert_cmpuint (escale_activity_view_get_guide_step (view), ==, 1);
  g_assert_true (shows (f, "Que voulez-vous faire ?"));
  /* Six needs at most a screen: the demo has the six. */
  g_assert_cmpuint (count_shown (window, "demarches-need"), ==, 6);
  g_assert_nonnull (find_shown_button (window, "Mes aides (CAF, MSA)"));
  g_assert_nonnull (find_shown_button (window, "Prendre rendez-vous avec le conseiller"));

  touch (f, "Mes impôts");
  g_assert_cmpstr (screen (f), ==, "need");
  g_assert_cmpuint (escale_activity_view_get_guide_step (view), ==, 2);
  g_assert_cmpuint (count_shown (window, "demarches-procedure"), ==, 2);
  g_assert_null (find_shown_button (window, "Refaire ma carte d'identité"));
  touch (f, "Déclarer mes revenus");
  g_assert_cmpstr (screen (f), ==, "procedure");
  g_assert_cmpuint (escale_activity_view_get_guide_step (view), ==, 3);
  g_assert_true (shows (f, "Déclarer mes revenus"));
  g_assert_true (shows (f, "Ce qu'il vous faut"));
  g_assert_true (shows (f, "☐ Votre numéro fiscal (13 chiffres, en haut de votre avis d'impôt)"));
  g_assert_true (shows (f, "Les étapes"));
  g_assert_true (shows (f, "4. Touchez Signer : l'accusé de réception arrive par e-mail."));
  g_assert_cmpuint (count_shown (window, "demarches-picture"), ==, 4);
  g_assert_true (
    shows (f,
           "⚠ Ne payez jamais un site qui n'est pas en .gouv.fr : la déclaration est gratuite."));
  g_assert_true (shows (f, "Demandez au conseiller"));
  g_assert_true (shows (f, "• Si un montant vous semble faux."));
  g_assert_nonnull (find_shown_button (window, "Ouvrir le site officiel"));

  /* Retour: the need's list, then the needs. */
  touch (f, "Retour");
  g_assert_cmpstr (screen (f), ==, "need");
  touch (f, "Retour");
  g_assert_cmpstr (screen (f), ==, "home");

  /* A procedure without a site has no such button. */
  touch (f, "Me déplacer");
  touch (f, "Réserver le transport à la demande");
  g_assert_true (shows (f, "1. Appelez la communauté de communes au 05 53 00 00 10, du lundi au "
                           "vendredi."));
  g_assert_null (find_shown_button (window, "Ouvrir le site officiel"));
}

/* The official site opens in the locked view with the procedure's own
 * allowlist; the steps beside it follow the page's address; a redirect
 * outside gets the calm refusal and the steps stay. */
static void
test_site_follows_steps (Fixture *f, gconstpointer data)
{
  g_autofree char *start = g_strconcat (f->base, "start", NULL);
  PageWait first = { f, start };
  WebKitWebView *web;
  guint refusals;

  open_demarches (f);
  touch (f, "Mes papiers");
  touch (f, "Essai sur un site local");
  touch (f, "Ouvrir le site officiel");
  g_assert_cmpstr (screen (f), ==, "site");
  /* The guide panel steps aside: the procedure's steps take its place. */
  g_assert_true (escale_activity_view_get_presenting (ESCALE_ACTIVITY_VIEW (f->view)));
  g_assert_false (shows (f, "Comment faire"));
  escale_test_wait_until (page_loaded, &first, 20000);
  g_assert_true (page_loaded (&first));
  g_assert_true (shows (f, "1. Ouvrez le site d'essai."));
  g_assert_true (shows (f, "3. Remplissez la demande."));
  g_assert_cmpuint (current_step (f), ==, 1);

  go_to (f, "/connexion", NULL);
  g_assert_cmpuint (current_step (f), ==, 2);
  go_to (f, "/formulaire", NULL);
  g_assert_cmpuint (current_step (f), ==, 3);

  /* Outside the allowlist: Escale's refusal page, the steps stay. */
  web = site_web_view (f);
  refusals = escale_web_view_get_refusals (ESCALE_WEB_VIEW (escale_demarches_site_get_web_view (
    ESCALE_DEMARCHES_SITE (escale_demarches_view_get_site (f->view)))));
  go_to (f, "/ailleurs", ESCALE_WEB_REFUSED_URI);
  g_assert_cmpstr (webkit_web_view_get_uri (web), ==, ESCALE_WEB_REFUSED_URI);
  g_assert_cmpuint (escale_web_view_get_refusals (
                      ESCALE_WEB_VIEW (escale_demarches_site_get_web_view (
                        ESCALE_DEMARCHES_SITE (escale_demarches_view_get_site (f->view))))),
                    >, refusals);
  g_assert_cmpstr (screen (f), ==, "site");
  g_assert_cmpuint (current_step (f), ==, 3);
  g_assert_true (shows (f, "2. Identifiez-vous."));
  g_assert_true (shows (f, "3. Remplissez la demande."));

  /* Another procedure's site is not allowed here: the demo's ANTS file
   * allows ants.gouv.fr, this one only the local server. */
  g_assert_false (g_str_has_prefix (webkit_web_view_get_uri (web), "https://ants.gouv.fr"));

  /* A file the site asks for: Escale's chooser on the procedure's site,
   * and on nothing else. */
  {
    EscaleWebView *view = ESCALE_WEB_VIEW (escale_demarches_site_get_web_view (
      ESCALE_DEMARCHES_SITE (escale_demarches_view_get_site (f->view))));
    EscaleWebPolicy *policy = escale_web_view_get_policy (view);
    g_autofree char *form = g_strconcat (f->base, "formulaire", NULL);

    g_assert_true (escale_web_policy_may_choose_files (policy, form));
    g_assert_false (escale_web_policy_may_choose_files (policy, "https://example.org/"));
  }

  touch (f, "Fermer le site");
  g_assert_cmpstr (screen (f), ==, "procedure");
  g_assert_null (escale_demarches_view_get_site (f->view));
  g_assert_false (escale_activity_view_get_presenting (ESCALE_ACTIVITY_VIEW (f->view)));
}

/* The booking screen: the QR code of booking-url, the short address, the
 * permanence days from "Infos pratiques". */
static void
test_booking (Fixture *f, gconstpointer data)
{
  GtkWidget *window = GTK_WIDGET (f->k.window);

  open_demarches (f);
  touch (f, "Prendre rendez-vous avec le conseiller");
  g_assert_cmpstr (screen (f), ==, "booking");
  g_assert_cmpuint (count_shown (window, "demarches-qr"), ==, 1);
  g_assert_true (shows (f, "rdv.example.org/saint-cyprien"));
  g_assert_true (shows (f, "Le conseiller numérique"));
  g_assert_true (shows (f, "Mardi et jeudi, de 9 h à 12 h, ici même."));
  touch (f, "Retour");
  g_assert_cmpstr (screen (f), ==, "home");
}

static GtkWidget *
tool_page_new (EscaleDemarchesView *view, gpointer user_data)
{
  (*(guint *) user_data)++;
  return gtk_label_new ("Une page d'outil");
}

/* "Remplir un formulaire" on the home: the centre's forms by title, one
 * touched fills the width (the guide steps aside), "Précédent" from its
 * first screen leaves it, back to the list (the forms themselves are
 * tested in test-form-flow.c). */
static void
test_forms_tool (Fixture *f, gconstpointer data)
{
  EscaleActivityView *view;

  open_demarches (f);
  view = ESCALE_ACTIVITY_VIEW (f->view);
  touch (f, "Remplir un formulaire");
  g_assert_cmpstr (screen (f), ==, "tool");
  g_assert_true (shows (f, "Quel formulaire voulez-vous remplir ?"));
  g_assert_true (shows (f, "Lettre de résiliation d'abonnement"));
  g_assert_true (shows (f, "Demande de transport à la demande"));
  touch (f, "Attestation sur l'honneur");
  g_assert_true (escale_activity_view_get_presenting (view));
  g_assert_true (shows (f, "Commencer"));
  touch (f, "Précédent");
  g_assert_false (escale_activity_view_get_presenting (view));
  g_assert_true (shows (f, "Quel formulaire voulez-vous remplir ?"));
  touch (f, "Retour");
  g_assert_cmpstr (screen (f), ==, "home");
}

/* "Scanner un document" on the home: the scan page, and "Annuler" back
 * home (the scanner itself is tested in test-scan-page.c). */
static void
test_scan_tool (Fixture *f, gconstpointer data)
{
  open_demarches (f);
  touch (f, "Scanner un document");
  g_assert_cmpstr (screen (f), ==, "tool");
  g_assert_true (ESCALE_IS_SCAN_PAGE (gtk_widget_get_first_child (f->view->tool_slot)));
  touch (f, "Annuler");
  g_assert_cmpstr (screen (f), ==, "home");
}

/* The row of other things takes the integrator's buttons: a new page each
 * time, dropped when the person leaves it. */
static void
test_add_tool (Fixture *f, gconstpointer data)
{
  guint made = 0;
  GtkWidget *page;

  open_demarches (f);
  _escale_demarches_view_add_tool (f->view, "Un outil d'essai", NULL, tool_page_new, &made, NULL);
  touch (f, "Un outil d'essai");
  g_assert_cmpstr (screen (f), ==, "tool");
  g_assert_true (shows (f, "Une page d'outil"));
  g_assert_cmpuint (made, ==, 1);
  page = gtk_widget_get_first_child (f->view->tool_slot);
  g_object_add_weak_pointer (G_OBJECT (page), (gpointer *) &page);
  touch (f, "Retour");
  g_assert_cmpstr (screen (f), ==, "home");
  g_assert_null (page);
  touch (f, "Un outil d'essai");
  g_assert_cmpuint (made, ==, 2);
}

static gint64
counted (Fixture *f, const char *counter)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce (sum (value), 0) FROM session_counters "
                                          "WHERE kind = 'demarches' AND counter = '%s'",
                                          counter);

  return escale_test_kiosk_db_count (&f->k, sql);
}

/* What the visit did lands in the stats store per Coop category, as
 * numbers only, with the labels the dashboard shows. */
static void
test_counters_in_store (Fixture *f, gconstpointer data)
{
  g_autofree char *start = g_strconcat (f->base, "start", NULL);
  PageWait first = { f, start };

  open_demarches (f);
  touch (f, "Mes impôts");
  touch (f, "Déclarer mes revenus");
  touch (f, "Retour");
  touch (f, "Donner ma nouvelle adresse aux impôts");
  touch (f, "Retour");
  touch (f, "Retour");
  touch (f, "Ma santé");
  touch (f, "Avoir mon attestation de carte Vitale");
  touch (f, "Retour");
  touch (f, "Retour");
  touch (f, "Mes papiers");
  touch (f, "Essai sur un site local");
  touch (f, "Ouvrir le site officiel");
  escale_test_wait_until (page_loaded, &first, 20000);

  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.finish", NULL);
  escale_test_wait_until (escale_test_kiosk_back_to_welcome, &f->k, 10000);
  g_assert_true (escale_test_kiosk_back_to_welcome (&f->k));

  g_assert_cmpint (counted (f, "procedures-opened--argent-impots"), ==, 2);
  g_assert_cmpint (counted (f, "procedures-opened--social-sante"), ==, 1);
  g_assert_cmpint (counted (f, "procedures-opened--logement"), ==, 1);
  g_assert_cmpint (counted (f, "sites-opened--logement"), ==, 1);
  g_assert_cmpint (counted (f, "sites-opened--argent-impots"), ==, 0);
  g_assert_cmpint (escale_test_kiosk_db_count (&f->k, "SELECT count (*) FROM session_counters "
                                                      "WHERE kind = 'demarches'"),
                   ==, 4);
  g_assert_cmpint (escale_test_kiosk_db_count (
                     &f->k, "SELECT count (*) FROM counter_labels WHERE kind = 'demarches' AND "
                            "counter = 'procedures-opened--argent-impots' AND label = 'Démarches "
                            "ouvertes — Argent, impôts'"),
                   ==, 1);
  g_assert_cmpint (escale_test_kiosk_db_count (
                     &f->k, "SELECT count (*) FROM counter_labels WHERE kind = 'demarches'"),
                   ==, 72);
}

static gboolean
chooser_idle (gpointer data)
{
  Fixture *f = data;
  GtkWidget *chooser =
    g_object_get_data (G_OBJECT (gtk_widget_get_first_child (f->view->checklist_slot)), "chooser");

  return !escale_document_output_chooser_get_busy (ESCALE_DOCUMENT_OUTPUT_CHOOSER (chooser));
}

/* "Préparer ma liste": the list comes out of the centre's printer on one
 * page, with what to bring and the steps; the visit counts it under the
 * procedure's category. */
static void
test_checklist_printed (Fixture *f, gconstpointer data)
{
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;

  if (getuid () != 0)
    {
      g_test_skip ("not root: the test runs its own cupsd");
      return;
    }
  open_demarches (f);
  touch (f, "Mes impôts");
  touch (f, "Déclarer mes revenus");
  touch (f, "Préparer ma liste");
  g_assert_cmpstr (screen (f), ==, "checklist");
  g_assert_true (shows (f, "☐ Votre numéro fiscal (13 chiffres, en haut de votre avis d'impôt)"));
  touch (f, "Imprimer");
  escale_test_wait_until (chooser_idle, f, 30000);
  pdf = print_lab_wait_for_pdf (lab, data);
  g_assert_true (g_spawn_sync (NULL, (char *[]){ "pdftotext", pdf, "-", NULL }, NULL,
                               G_SPAWN_SEARCH_PATH, NULL, NULL, &text, NULL, NULL, NULL));
  g_assert_nonnull (strstr (text, "Déclarer mes revenus"));
  g_assert_nonnull (strstr (text, "Ce qu'il vous faut"));
  /* Pango ligatures make "fi" one glyph in the PDF. */
  g_assert_nonnull (strstr (text, "Vos montants de retraite de l'année"));
  g_assert_nonnull (strstr (text, "4. Touchez Signer"));
  g_assert_nonnull (strstr (text, "rdv.example.org/saint-cyprien"));
  g_assert_true (g_spawn_sync (NULL, (char *[]){ "pdfinfo", pdf, NULL }, NULL, G_SPAWN_SEARCH_PATH,
                               NULL, NULL, &info, NULL, NULL, NULL));
  g_assert_nonnull (strstr (info, "Pages:"));
  g_assert_cmpuint (g_ascii_strtoull (strstr (info, "Pages:") + strlen ("Pages:"), NULL, 10), ==,
                    1);
  g_unlink (pdf);

  /* Retour: the procedure as it was, not counted twice. */
  touch (f, "Retour");
  g_assert_cmpstr (screen (f), ==, "procedure");
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.finish", NULL);
  escale_test_wait_until (escale_test_kiosk_back_to_welcome, &f->k, 10000);
  g_assert_cmpint (counted (f, "checklists-printed--argent-impots"), ==, 1);
  g_assert_cmpint (counted (f, "procedures-opened--argent-impots"), ==, 1);
  print_lab_remove_queue (lab, data);
}

/* --- screenshots (ESCALE_DEMARCHES_SCREENSHOTS=DIR) -------------------- */

/* The window as drawn, into DIR/demarches-NAME-SIZE.png. */
static void
save_shot (Fixture *f, const char *name, const char *size)
{
  GtkWidget *window = GTK_WIDGET (f->k.window);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = g_strdup_printf ("demarches-%s-%s.png", name, size);
  g_autofree char *path = g_build_filename (g_getenv ("ESCALE_DEMARCHES_SCREENSHOTS"), file, NULL);

  escale_test_spin (300);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("%s", path);
}

static void
shoot_screens (Fixture *f, const char *size)
{
  g_autofree char *connexion = g_strconcat (f->base, "connexion", NULL);
  PageWait wait = { f, connexion };

  escale_demarches_view_show_home (f->view);
  save_shot (f, "needs", size);
  touch (f, "Mes impôts");
  save_shot (f, "need", size);
  touch (f, "Déclarer mes revenus");
  save_shot (f, "procedure", size);
  touch (f, "Préparer ma liste");
  save_shot (f, "checklist", size);
  escale_demarches_view_show_home (f->view);
  touch (f, "Mes papiers");
  touch (f, "Essai sur un site local");
  touch (f, "Ouvrir le site officiel");
  escale_web_view_load (ESCALE_WEB_VIEW (escale_demarches_site_get_web_view (
                          ESCALE_DEMARCHES_SITE (escale_demarches_view_get_site (f->view)))),
                        connexion);
  escale_test_wait_until (page_loaded, &wait, 20000);
  save_shot (f, "site", size);
  touch (f, "Fermer le site");
  escale_demarches_view_show_booking (f->view);
  save_shot (f, "booking", size);
}

/* Not a check: pictures to look at, at the screen's size (run under Xvfb
 * at 1280x800, then at 1024x768), then with the text twice larger (A+ A+). */
static void
test_screenshots (Fixture *f, gconstpointer data)
{
  g_autofree char *size = NULL;
  g_autofree char *larger = NULL;

  if (g_getenv ("ESCALE_DEMARCHES_SCREENSHOTS") == NULL)
    {
      g_test_skip ("ESCALE_DEMARCHES_SCREENSHOTS=DIR takes the screenshots");
      return;
    }
  open_demarches (f);
  escale_test_spin (500);
  size = g_strdup_printf ("%dx%d", gtk_widget_get_width (GTK_WIDGET (f->k.window)),
                          gtk_widget_get_height (GTK_WIDGET (f->k.window)));
  shoot_screens (f, size);
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.text-larger", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->k.window), "win.text-larger", NULL);
  larger = g_strconcat (size, "-larger", NULL);
  shoot_screens (f, larger);
}

int
main (int argc, char **argv)
{
  g_autoptr(PrintLab) owned_lab = NULL;

  /* Before GTK: its CUPS backend finds the lab's cupsd here. */
  g_log_set_writer_func (print_lab_log_writer_cb, NULL, NULL);
  owned_lab = lab = print_lab_new ();
  g_setenv ("CUPS_SERVER", print_lab_get_socket (lab), TRUE);
  gtk_test_init (&argc, &argv, NULL);
  if (getuid () == 0)
    {
      print_lab_start (lab);
      print_lab_add_queue (lab, "Demarches");
    }
#define ADD(path, func)                                                                           \
  g_test_add ("/escale/demarches/view/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("needs-to-procedure", test_needs_to_procedure);
  ADD ("site-follows-steps", test_site_follows_steps);
  ADD ("booking", test_booking);
  ADD ("add-tool", test_add_tool);
  ADD ("scan-tool", test_scan_tool);
  ADD ("forms-tool", test_forms_tool);
  ADD ("counters-in-store", test_counters_in_store);
#undef ADD
  g_test_add ("/escale/demarches/view/screenshots", Fixture, NULL, fixture_setup, test_screenshots,
              fixture_teardown);
  g_test_add ("/escale/demarches/view/checklist-printed", Fixture, "Demarches", fixture_setup,
              test_checklist_printed, fixture_teardown);
  return g_test_run ();
}
