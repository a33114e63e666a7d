/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>

#include "escale-config-file.h"
#include "escale-form-check.h"

/* Each kind of answer, checked as the person types it: what is taken (and
 * how it is then written), and the kind sentence said for what is not. */

static EscaleFormDefinition *form;
static GDate today;

static const char form_text[] = "[Form]\ntitle=Essai\n"
                                "[Question 1]\nid=texte\nlabel=T ?\ntype=text\n"
                                "[Question 2]\nid=nombre\nlabel=N ?\ntype=number\nmin=1\nmax=3\n"
                                "[Question 3]\nid=naissance\nlabel=D ?\ntype=date\nwhen=past\n"
                                "[Question 4]\nid=jour\nlabel=J ?\ntype=date\nwhen=future\n"
                                "[Question 5]\nid=choix\nlabel=C ?\ntype=choice\nchoice-1=Marché\n"
                                "choice-2=Gare\n"
                                "[Question 6]\nid=retour\nlabel=R ?\ntype=yes-no\n"
                                "[Question 7]\nid=cp\nlabel=CP ?\ntype=postal-code\n"
                                "[Question 8]\nid=tel\nlabel=Tel ?\ntype=phone\nrequired=false\n"
                                "[Question 9]\nid=mail\nlabel=M ?\ntype=email\n"
                                "[Communes]\ncommune-1=24200 Sarlat-la-Canéda\n"
                                "commune-2=24200 Vitrac\ncommune-3=24620 Marquay\n";

static const EscaleFormQuestion *
question (const char *id)
{
  return escale_form_definition_get_question (form,
                                              escale_form_definition_find_question (form, id));
}

static void
assert_taken (const char *id, const char *input, const char *expected)
{
  g_autofree char *value = NULL;
  g_autofree char *message = NULL;

  if (!escale_form_check (question (id), form, input, &today, &value, &message))
    g_error ("%s: « %s » refused: %s", id, input, message);
  g_assert_null (message);
  g_assert_cmpstr (value, ==, expected);
}

static void
assert_refused (const char *id, const char *input, const char *expected_message)
{
  g_autofree char *value = NULL;
  g_autofree char *message = NULL;

  g_assert_false (escale_form_check (question (id), form, input, &today, &value, &message));
  g_assert_null (value);
  g_assert_cmpstr (message, ==, expected_message);
}

static void
test_text (void)
{
  g_autofree char *long_text = g_strnfill (301, 'a');

  assert_taken ("texte", "  Jeanne Dupont ", "Jeanne Dupont");
  assert_refused ("texte", "   ", "Cette réponse est nécessaire pour continuer.");
  assert_refused ("texte", long_text, "Cette réponse est trop longue. Écrivez l'essentiel.");
}

static void
test_number (void)
{
  assert_taken ("nombre", "2", "2");
  assert_taken ("nombre", "03", "3");
  assert_refused ("nombre", "4", "Écrivez un nombre entre 1 et 3.");
  assert_refused ("nombre", "deux",
                  "Écrivez seulement des chiffres, avec les touches ci-dessous.");
}

/* 31/02 is refused kindly, with the days the month has. */
static void
test_date (void)
{
  assert_taken ("naissance", "14/07/1950", "14/07/1950");
  assert_taken ("naissance", "29021952", "29/02/1952");
  assert_refused ("naissance", "31/02/1950",
                  "Cette date n'existe pas : en février 1950, il y a 28 jours. Vérifiez le jour.");
  assert_refused ("naissance", "29/02/1951",
                  "Cette date n'existe pas : en février 1951, il y a 28 jours. Vérifiez le jour.");
  assert_refused ("naissance", "12/13/1950",
                  "Le mois s'écrit de 01 (janvier) à 12 (décembre). Vérifiez-le.");
  assert_refused ("naissance", "14/07/50",
                  "Écrivez le jour, le mois et l'année, par exemple "
                  "14 07 1950 pour le 14 juillet 1950.");
  assert_refused ("naissance", "14/07/1850",
                  "Vérifiez l'année : elle s'écrit avec 4 chiffres, par exemple 1950.");
  assert_refused ("naissance", "01/12/2026",
                  "Cette date n'est pas encore arrivée. Vérifiez l'année.");
  assert_taken ("jour", "30/11/2026", "30/11/2026");
  assert_refused ("jour", "29/11/2026", "Cette date est déjà passée. Choisissez un jour à venir.");
}

static void
test_choice (void)
{
  assert_taken ("choix", "Gare", "Gare");
  assert_refused ("choix", "", "Touchez une des réponses pour continuer.");
  assert_refused ("choix", "Piscine", "Touchez une des réponses.");
  assert_taken ("retour", "non", "non");
  assert_refused ("retour", "peut-être", "Touchez « Oui » ou « Non ».");
}

/* A code of the list, then the commune; one commune alone is taken at
 * once; an absurd code or one from elsewhere is refused calmly. */
static void
test_postal_code (void)
{
  assert_taken ("cp", "24200 Vitrac", "24200 Vitrac");
  assert_taken ("cp", "24620", "24620 Marquay");
  assert_refused ("cp", "24200", "Touchez le nom de votre commune.");
  assert_refused ("cp", "2420", "Un code postal a 5 chiffres, par exemple 24200.");
  assert_refused ("cp", "00000", "Ce code postal n'existe pas en France. Vérifiez les chiffres.");
  assert_refused ("cp", "99999", "Ce code postal n'existe pas en France. Vérifiez les chiffres.");
  assert_refused ("cp", "75001",
                  "Ce code postal n'est pas dans la liste de ce formulaire. "
                  "Vérifiez les chiffres, ou demandez à un aidant.");
}

static void
test_phone (void)
{
  static const char expected[] = "Un numéro de téléphone a 10 chiffres et commence par 0, par "
                                 "exemple 05 53 12 34 56.";

  assert_taken ("tel", "0553123456", "05 53 12 34 56");
  assert_taken ("tel", "05 53 12 34 56", "05 53 12 34 56");
  assert_taken ("tel", "+33 6 12 34 56 78", "06 12 34 56 78");
  assert_taken ("tel", "", ""); /* not required */
  assert_refused ("tel", "055312345", expected);
  assert_refused ("tel", "1553123456", expected);
  assert_refused ("tel", "05 53 12 34 5a", expected);
}

static void
test_email (void)
{
  static const char expected[] = "Cette adresse e-mail semble incomplète. Elle s'écrit comme "
                                 "jeanne.dupont@exemple.fr.";

  assert_taken ("mail", "Jeanne.Dupont@Exemple.fr", "jeanne.dupont@exemple.fr");
  assert_refused ("mail", "jeanne.dupont", expected);
  assert_refused ("mail", "jeanne@exemple", expected);
  assert_refused ("mail", "@exemple.fr", expected);
  assert_refused ("mail", "jeanne dupont@exemple.fr", expected);
  assert_refused ("mail", "", "Cette réponse est nécessaire pour continuer.");
}

int
main (int argc, char **argv)
{
  g_autofree char *dir = g_dir_make_tmp ("escale-form-check-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "f.ini", NULL);
  g_autoptr(GPtrArray) problems =
               g_ptr_array_new_with_free_func ((GDestroyNotify) escale_config_problem_free);
  int status;

  g_test_init (&argc, &argv, NULL);
  g_assert_true (g_file_set_contents (path, form_text, -1, NULL));
  form = escale_form_definition_load (path, "f.ini", problems);
  g_assert_nonnull (form);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 30, 11, 2026);
  g_test_add_func ("/escale/form-check/text", test_text);
  g_test_add_func ("/escale/form-check/number", test_number);
  g_test_add_func ("/escale/form-check/date", test_date);
  g_test_add_func ("/escale/form-check/choice", test_choice);
  g_test_add_func ("/escale/form-check/postal-code", test_postal_code);
  g_test_add_func ("/escale/form-check/phone", test_phone);
  g_test_add_func ("/escale/form-check/email", test_email);
  status = g_test_run ();
  g_object_unref (form);
  g_unlink (path);
  g_rmdir (dir);
  return status;
}
