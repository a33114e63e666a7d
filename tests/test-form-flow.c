/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <unistd.h>

#include "escale-config-file.h"
#include "escale-document-output.h"
#include "escale-form-flow.h"
#include "escale-test-util.h"
#include "form-test-util.h"
#include "photos-test-widgets.h"
#include "print-lab.h"

/* A form filled in as a person does it: the keypad's keys, words in the
 * entry, choices touched; the kind messages next to the field; "Précédent"
 * that loses nothing; the summary and "Modifier"; the document; and, in a
 * whole kiosk, the page printed on a private CUPS and the form counted. */

static PrintLab *lab;

typedef struct
{
  char *dir;
  GtkWidget *window;
  EscaleFormFlow *flow;
  EscaleFormDefinition *form;
  EscaleDocumentOutput *output;
  guint finished;
  guint cancelled;
} Fixture;

static void
finished_cb (EscaleFormFlow *flow, Fixture *f)
{
  f->finished++;
}

static void
cancelled_cb (EscaleFormFlow *flow, Fixture *f)
{
  f->cancelled++;
}

static void
show_flow (Fixture *f, EscaleVisit *visit)
{
  GDate today;

  f->flow = ESCALE_FORM_FLOW (escale_form_flow_new (f->form, visit, f->output));
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 30, 11, 2026);
  escale_form_flow_set_today (f->flow, &today);
  g_signal_connect (f->flow, "finished", G_CALLBACK (finished_cb), f);
  g_signal_connect (f->flow, "cancelled", G_CALLBACK (cancelled_cb), f);
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->flow));
  gtk_window_present (GTK_WINDOW (f->window));
  escale_test_drain ();
}

static void
setup (Fixture *f, gconstpointer data)
{
  f->dir = g_dir_make_tmp ("escale-form-flow-XXXXXX", NULL);
  f->form = form_test_every_type (f->dir);
  f->output = escale_document_output_new (NULL, NULL, FALSE, 0);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  if (f->window != NULL)
    {
      g_object_ref (f->flow);
      gtk_window_destroy (GTK_WINDOW (f->window));
      escale_test_drain ();
      g_assert_finalize_object (f->flow);
    }
  if (f->output != NULL)
    g_assert_finalize_object (f->output);
  g_assert_finalize_object (f->form);
  g_assert_true (escale_remove_tree (f->dir, NULL));
  g_free (f->dir);
}

static void
next (Fixture *f)
{
  photos_test_click (GTK_WIDGET (f->flow), "Suivant");
}

static void
assert_refused (Fixture *f, const char *input, const char *message)
{
  const char *id = escale_form_flow_get_question_id (f->flow);

  form_test_type (f->flow, f->form, input);
  next (f);
  g_assert_cmpstr (escale_form_flow_get_question_id (f->flow), ==, id);
  g_assert_cmpstr (escale_form_flow_get_message (f->flow), ==, message);
  g_assert_true (photos_test_shows_label (GTK_WIDGET (f->flow), message));
}

static void
erase_all (Fixture *f)
{
  while (form_test_entry_text (GTK_WIDGET (f->flow))[0] != '\0')
    photos_test_click (GTK_WIDGET (f->flow), "Effacer");
}

static char *
pdf_text_of (EscaleDocument *document, const char *dir)
{
  g_autoptr(GBytes) pdf = escale_document_to_pdf (document, NULL);
  g_autofree char *path = g_build_filename (dir, "form.pdf", NULL);
  char *text = NULL;
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  int status;

  g_assert_true (
    g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &text,
                               NULL, &status, NULL));
  g_unlink (path);
  return text;
}

/* Every type of question, with the mistakes a person makes: each one said
 * kindly next to the field, then the right answer taken. */
static void
test_every_type (Fixture *f, gconstpointer data)
{
  g_autofree char *text = NULL;

  show_flow (f, NULL);
  g_assert_cmpstr (escale_form_flow_get_screen (f->flow), ==, "intro");
  g_assert_true (photos_test_shows_label (GTK_WIDGET (f->flow), "Un formulaire d'essai."));
  photos_test_click (GTK_WIDGET (f->flow), "Commencer");

  g_assert_cmpstr (escale_form_flow_get_question_id (f->flow), ==, "texte");
  next (f);
  g_assert_cmpstr (escale_form_flow_get_message (f->flow), ==,
                   "Cette réponse est nécessaire pour continuer.");
  form_test_answer (f->flow, f->form, "Jeanne Dupont");

  g_assert_cmpstr (escale_form_flow_get_question_id (f->flow), ==, "nombre");
  form_test_answer (f->flow, f->form, "12");

  /* The keypad writes the date as on paper; 31/02 is refused kindly. */
  g_assert_cmpstr (escale_form_flow_get_question_id (f->flow), ==, "date");
  form_test_type (f->flow, f->form, "31021950");
  g_assert_cmpstr (form_test_entry_text (GTK_WIDGET (f->flow)), ==, "31/02/1950");
  next (f);
  g_assert_cmpstr (escale_form_flow_get_message (f->flow), ==,
                   "Cette date n'existe pas : en février 1950, il y a 28 jours. Vérifiez le "
                   "jour.");
  erase_all (f);
  g_assert_null (escale_form_flow_get_message (f->flow)); /* typing again hides it */
  form_test_answer (f->flow, f->form, "14071950");

  g_assert_cmpstr (escale_form_flow_get_question_id (f->flow), ==, "choix");
  next (f);
  g_assert_cmpstr (escale_form_flow_get_message (f->flow), ==,
                   "Touchez une des réponses pour continuer.");
  form_test_answer (f->flow, f->form, "Le marché");
  form_test_answer (f->flow, f->form, "oui");

  /* An absurd postal code, then one with several communes. */
  g_assert_cmpstr (escale_form_flow_get_question_id (f->flow), ==, "commune");
  assert_refused (f, "00000", "Ce code postal n'existe pas en France. Vérifiez les chiffres.");
  erase_all (f);
  assert_refused (f, "24200", "Touchez le nom de votre commune.");
  photos_test_click (GTK_WIDGET (f->flow), "Vitrac");
  next (f);

  g_assert_cmpstr (escale_form_flow_get_question_id (f->flow), ==, "telephone");
  assert_refused (f, "155312345",
                  "Un numéro de téléphone a 10 chiffres et commence par 0, par exemple 05 53 12 "
                  "34 56.");
  erase_all (f);
  form_test_type (f->flow, f->form, "0553123456");
  g_assert_cmpstr (form_test_entry_text (GTK_WIDGET (f->flow)), ==, "05 53 12 34 56");
  next (f);

  g_assert_cmpstr (escale_form_flow_get_question_id (f->flow), ==, "email");
  assert_refused (f, "jeanne.dupont",
                  "Cette adresse e-mail semble incomplète. Elle s'écrit comme "
                  "jeanne.dupont@exemple.fr.");
  form_test_answer (f->flow, f->form, "jeanne.dupont@exemple.fr");

  /* The summary shows what was answered. */
  g_assert_cmpstr (escale_form_flow_get_screen (f->flow), ==, "summary");
  g_assert_true (photos_test_shows_label (GTK_WIDGET (f->flow), "14/07/1950"));
  g_assert_true (photos_test_shows_label (GTK_WIDGET (f->flow), "24200 Vitrac"));
  g_assert_true (photos_test_shows_label (GTK_WIDGET (f->flow), "05 53 12 34 56"));
  photos_test_click (GTK_WIDGET (f->flow), "C'est bon, préparer le document");
  g_assert_cmpstr (escale_form_flow_get_screen (f->flow), ==, "output");

  text = pdf_text_of (escale_form_flow_get_document (f->flow), f->dir);
  g_assert_nonnull (strstr (text, "Toutes les questions"));
  for (const char *const *want =
         (const char *const[]){ "Jeanne Dupont", "12", "14/07/1950", "Le marché", "oui",
                                "24200 Vitrac", "05 53 12 34 56", "jeanne.dupont@exemple.fr",
                                "Signature", NULL };
       *want != NULL; want++)
    g_assert_nonnull (strstr (text, *want));
}

/* "Précédent" at every step loses nothing; "Modifier" on the summary goes
 * back to that question with its answer; from the first screen the person
 * leaves and the answers go. */
static void
test_back_and_modify (Fixture *f, gconstpointer data)
{
  show_flow (f, NULL);
  photos_test_click (GTK_WIDGET (f->flow), "Commencer");
  form_test_answer (f->flow, f->form, "Jeanne Dupont");
  form_test_type (f->flow, f->form, "4");
  photos_test_click (GTK_WIDGET (f->flow), "Précédent");
  g_assert_cmpstr (escale_form_flow_get_question_id (f->flow), ==, "texte");
  g_assert_cmpstr (form_test_entry_text (GTK_WIDGET (f->flow)), ==, "Jeanne Dupont");
  next (f);
  /* What was typed but not yet taken is there too. */
  g_assert_cmpstr (form_test_entry_text (GTK_WIDGET (f->flow)), ==, "4");
  next (f);
  form_test_answer (f->flow, f->form, "01012000");
  form_test_answer (f->flow, f->form, "Le marché");
  form_test_answer (f->flow, f->form, "non");
  form_test_answer (f->flow, f->form, "24620");
  form_test_answer (f->flow, f->form, "0612345678");
  form_test_answer (f->flow, f->form, "a@b.fr");
  g_assert_cmpstr (escale_form_flow_get_screen (f->flow), ==, "summary");
  g_assert_true (photos_test_shows_label (GTK_WIDGET (f->flow), "24620 Marquay"));

  /* Modifier the number: back on it, its answer shown. */
  g_signal_emit_by_name (photos_test_find_button (GTK_WIDGET (f->flow), "Modifier"), "clicked");
  g_assert_cmpstr (escale_form_flow_get_question_id (f->flow), ==, "texte");
  g_assert_cmpstr (form_test_entry_text (GTK_WIDGET (f->flow)), ==, "Jeanne Dupont");
  photos_test_click (GTK_WIDGET (f->flow), "Précédent");
  g_assert_cmpstr (escale_form_flow_get_screen (f->flow), ==, "intro");
  g_assert_cmpuint (f->cancelled, ==, 0);
  photos_test_click (GTK_WIDGET (f->flow), "Précédent");
  g_assert_cmpuint (f->cancelled, ==, 1);
  g_assert_cmpuint (escale_form_flow_get_n_answers (f->flow), ==, 0);
}

/* The demo transport request: "Non" to the way back skips its hour, which
 * is neither in the summary nor on the page. */
static void
test_transport_branch (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (g_getenv ("ESCALE_SOURCE_DIR"), "kiosk-config",
                                            "formulaires", "transport-a-la-demande.ini", NULL);
  g_autoptr(GPtrArray) problems =
               g_ptr_array_new_with_free_func ((GDestroyNotify) escale_config_problem_free);
  g_autofree char *text = NULL;

  g_object_unref (f->form);
  f->form = escale_form_definition_load (path, "transport", problems);
  g_assert_nonnull (f->form);
  show_flow (f, NULL);
  photos_test_click (GTK_WIDGET (f->flow), "Commencer");
  form_test_answer (f->flow, f->form, "Jeanne Dupont");
  form_test_answer (f->flow, f->form, "0553123456");
  form_test_answer (f->flow, f->form, "24220 Vézac");
  form_test_answer (f->flow, f->form, "Lieu-dit Les Granges");
  form_test_answer (f->flow, f->form, "Au marché de Sarlat");
  /* A day already gone is refused: the journey is to come. */
  assert_refused (f, "01112026", "Cette date est déjà passée. Choisissez un jour à venir.");
  erase_all (f);
  form_test_answer (f->flow, f->form, "05122026");
  assert_refused (f, "22", "Écrivez un nombre entre 7 et 19.");
  erase_all (f);
  form_test_answer (f->flow, f->form, "9");
  form_test_answer (f->flow, f->form, "non");
  g_assert_cmpstr (escale_form_flow_get_question_id (f->flow), ==, "fauteuil");
  form_test_answer (f->flow, f->form, "oui");
  form_test_answer (f->flow, f->form, "non");
  g_assert_cmpstr (escale_form_flow_get_question_id (f->flow), ==, "email");
  next (f); /* not required */
  g_assert_cmpstr (escale_form_flow_get_screen (f->flow), ==, "summary");
  g_assert_false (photos_test_shows_label (GTK_WIDGET (f->flow), "Retour vers (heure)"));
  photos_test_click (GTK_WIDGET (f->flow), "C'est bon, préparer le document");
  text = pdf_text_of (escale_form_flow_get_document (f->flow), f->dir);
  g_assert_nonnull (strstr (text, "24220 Vézac"));
  g_assert_nonnull (strstr (text, "05/12/2026"));
  g_assert_null (strstr (text, "Retour vers"));
  g_assert_null (strstr (text, "Accompagnants"));
}

typedef struct
{
  EscaleSessionRecord *record;
} Ended;

static void
ended_cb (EscaleSession *session, EscaleSessionRecord *record, Ended *ended)
{
  g_clear_pointer (&ended->record, escale_session_record_free);
  ended->record = escale_session_record_copy (record);
}

static gboolean
output_done (gpointer data)
{
  Fixture *f = data;

  return photos_test_is_drawable (GTK_WIDGET (f->flow), "J'ai terminé");
}

static gboolean
printed_again (gpointer data)
{
  return print_lab_count_pdfs (lab, "Accueil") > 0;
}

/* The form's start, every answer, then the summary's button. */
static void
fill_in_every_answer (Fixture *f)
{
  static const char *const answers[] = {
    "Jeanne Dupont",          "3",          "14071950",     "Le marché", "oui",
    "24200 Sarlat-la-Canéda", "0553123456", "j@exemple.fr", NULL,
  };

  photos_test_click (GTK_WIDGET (f->flow), "Commencer");
  for (guint i = 0; answers[i] != NULL; i++)
    form_test_answer (f->flow, f->form, answers[i]);
  photos_test_click (GTK_WIDGET (f->flow), "C'est bon, préparer le document");
}

/* Returns: the text of the page that came out of the print lab's
 * "Accueil" queue, whose PDF is then removed. */
static char *
take_printed_text (void)
{
  g_autofree char *pdf = print_lab_wait_for_pdf (lab, "Accueil");
  char *text = NULL;

  g_assert_true (g_spawn_sync (NULL, (char *[]){ "pdftotext", pdf, "-", NULL }, NULL,
                               G_SPAWN_SEARCH_PATH, NULL, NULL, &text, NULL, NULL, NULL));
  g_unlink (pdf);
  return text;
}

/* Returns: the path of a copy of the document kept in the visit's
 * documents/, for a site's file chooser: inside @scratch's folder. */
static char *
keep_in_visit (Fixture *f, EscaleScratch *scratch)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) kept =
               escale_document_output_keep_in_visit (f->output,
                                                     escale_form_flow_get_document (f->flow),
                                                     &error);
  char *kept_path;

  g_assert_no_error (error);
  kept_path = g_file_get_path (kept);
  g_assert_true (g_str_has_prefix (kept_path, escale_scratch_get_path (scratch, NULL)));
  g_assert_true (g_str_has_suffix (kept_path, "/documents/Toutes les questions.pdf"));
  g_assert_true (g_file_test (kept_path, G_FILE_TEST_IS_REGULAR));
  return kept_path;
}

/* In a whole kiosk, on the demo's "Mes démarches" activity: printed on the
 * centre's printer (the page read back), counted once as the demarches
 * kind's forms-completed--social-sante, "J'ai terminé" finishes,
 * and the end of the visit forgets every answer. */
static void
test_printed_and_counted (Fixture *f, gconstpointer data)
{
  g_autofree char *demo = escale_test_demo_config ();
  g_autofree char *text = NULL;
  g_autoptr(EscaleVisit) visit = NULL;
  g_autofree char *kept_path = NULL;
  EscaleTestKiosk k;
  Ended ended = { NULL };

  if (getuid () != 0)
    {
      g_test_skip ("not root: the print lab runs its own cupsd");
      return;
    }
  if (!print_lab_is_running (lab))
    print_lab_start (lab);
  print_lab_add_queue (lab, "Accueil");
  escale_test_kiosk_init (&k, demo, FALSE);
  g_signal_connect (escale_kiosk_get_session (k.kiosk), "ended", G_CALLBACK (ended_cb), &ended);
  gtk_widget_activate_action (GTK_WIDGET (k.window), "win.start", NULL);
  visit = escale_kiosk_new_visit (k.kiosk,
                                  escale_config_find_activity (escale_kiosk_get_config (k.kiosk),
                                                               "demarches"));
  g_object_unref (f->output);
  f->output = escale_document_output_new (visit, "Accueil", TRUE, 4);
  show_flow (f, visit);

  fill_in_every_answer (f);
  photos_test_click (GTK_WIDGET (f->flow), "Imprimer");
  escale_test_wait_until (output_done, f, 30000);
  text = take_printed_text ();
  g_assert_nonnull (strstr (text, "24200 Sarlat-la-Canéda"));

  /* A second copy comes out too, and counts no second form. */
  photos_test_click (GTK_WIDGET (f->flow), "Imprimer");
  escale_test_wait_until (printed_again, f, 30000);
  g_free (take_printed_text ());
  kept_path = keep_in_visit (f, k.scratch);

  photos_test_click (GTK_WIDGET (f->flow), "J'ai terminé");
  g_assert_cmpuint (f->finished, ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (k.window), "win.finish", NULL);
  g_assert_nonnull (ended.record);
  g_assert_cmpint (escale_session_record_get_count (ended.record, "demarches",
                                                    "forms-completed--social-sante"),
                   ==, 1);
  /* The visit's wiper forgot everything; the kept copy went with the
   * scratch folder. */
  g_assert_false (g_file_test (kept_path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (escale_form_flow_get_n_answers (f->flow), ==, 0);
  g_assert_cmpstr (escale_form_flow_get_screen (f->flow), ==, "intro");
  g_assert_false (form_test_shows_text (GTK_WIDGET (f->flow), "Jeanne Dupont"));
  g_clear_pointer (&ended.record, escale_session_record_free);
  print_lab_remove_queue (lab, "Accueil");

  g_object_ref (f->flow);
  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  escale_test_drain ();
  g_assert_finalize_object (f->flow);
  g_assert_finalize_object (g_steal_pointer (&f->output));
  g_assert_finalize_object (g_steal_pointer (&visit));
  escale_test_kiosk_clear (&k);
}

int
main (int argc, char **argv)
{
  g_autoptr(PrintLab) owned_lab = NULL;

  g_log_set_writer_func (print_lab_log_writer_cb, NULL, NULL);
  owned_lab = lab = print_lab_new ();
  g_setenv ("CUPS_SERVER", print_lab_get_socket (lab), TRUE);
  gtk_test_init (&argc, &argv, NULL);
  g_test_add ("/escale/form-flow/every-type", Fixture, NULL, setup, test_every_type, teardown);
  g_test_add ("/escale/form-flow/back-and-modify", Fixture, NULL, setup, test_back_and_modify,
              teardown);
  g_test_add ("/escale/form-flow/transport-branch", Fixture, NULL, setup, test_transport_branch,
              teardown);
  g_test_add ("/escale/form-flow/printed-and-counted", Fixture, NULL, setup,
              test_printed_and_counted, teardown);
  return g_test_run ();
}
