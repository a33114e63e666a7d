/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>

#include "escale-config-file.h"
#include "escale-form-definition.h"

/* A form written by a centre: the demo forms load whole; each mistake a
 * centre can make is said as FILE:LINE: key, and the form is not offered. */

typedef struct
{
  char *dir;
  GPtrArray *problems;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  f->dir = g_dir_make_tmp ("escale-form-XXXXXX", NULL);
  f->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) escale_config_problem_free);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_ptr_array_unref (f->problems);
}

static EscaleFormDefinition *
load (Fixture *f, const char *text)
{
  g_autofree char *path = g_build_filename (f->dir, "f.ini", NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return escale_form_definition_load (path, "formulaires/f.ini", f->problems);
}

/* The one problem found, as staff read it. */
static char *
only_problem (Fixture *f)
{
  for (guint i = 0; i < f->problems->len; i++)
    g_test_message ("%s", escale_config_problem_to_string (f->problems->pdata[i]));
  g_assert_cmpuint (f->problems->len, ==, 1);
  return escale_config_problem_to_string (f->problems->pdata[0]);
}

#define HEAD "[Form]\ntitle=Essai\n"

static void
test_demo_forms (Fixture *f, gconstpointer data)
{
  g_autofree char *dir =
    g_build_filename (g_getenv ("ESCALE_SOURCE_DIR"), "kiosk-config", "formulaires", NULL);
  g_autoptr(GPtrArray) forms = escale_form_definitions_load_dir (dir, "formulaires", f->problems);
  EscaleFormDefinition *transport;

  for (guint i = 0; i < f->problems->len; i++)
    g_test_message ("%s", escale_config_problem_to_string (f->problems->pdata[i]));
  g_assert_cmpuint (f->problems->len, ==, 0);
  g_assert_cmpuint (forms->len, ==, 3);
  g_assert_cmpstr (escale_form_definition_get_title (forms->pdata[0]), ==,
                   "Attestation sur l'honneur");
  g_assert_cmpstr (escale_form_definition_get_category (forms->pdata[1]), ==, "autre");
  transport = forms->pdata[2];
  g_assert_cmpstr (escale_form_definition_get_category (transport), ==, "transports_mobilite");
  g_assert_cmpuint (escale_form_definition_get_communes (transport)->len, ==, 13);
  /* "Non" to the way back skips its hour. */
  g_assert_cmpint (escale_form_definition_next (transport, 7, "non"), ==,
                   escale_form_definition_find_question (transport, "fauteuil"));
  g_assert_cmpint (escale_form_definition_next (transport, 7, "oui"), ==, 8);
  g_assert_cmpint (escale_form_definition_next (transport, 12, ""), ==, -1);
}

static void
test_unknown_type (Fixture *f, gconstpointer data)
{
  g_autofree char *problem = NULL;

  g_assert_null (load (f, HEAD "\n[Question 1]\nid=nom\nlabel=Votre nom ?\ntype=texte\n"));
  problem = only_problem (f);
  g_assert_true (g_str_has_prefix (problem, "formulaires/f.ini:7: type: type « texte » inconnu"));
}

static void
test_loop (Fixture *f, gconstpointer data)
{
  g_autofree char *problem = NULL;

  g_assert_null (load (f, HEAD "[Question 1]\nid=a\nlabel=A ?\ntype=text\n"
                               "[Question 2]\nid=b\nlabel=B ?\ntype=yes-no\nnext-if-no=fin\n"
                               "next-if-yes=a\n"
                               "[Question 3]\nid=c\nlabel=C ?\ntype=text\n"));
  problem = only_problem (f);
  g_assert_cmpstr (
    problem, ==,
    "formulaires/f.ini:12: next-if-yes: après « b », le formulaire revient à « a », "
    "déjà posée : il tournerait en rond");
}

/* A jump forward is no loop, even over other questions. */
static void
test_jump_forward (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleFormDefinition)
               form = load (f, HEAD "[Question 1]\nid=a\nlabel=A ?\ntype=yes-no\nnext-if-yes=c\n"
                                    "[Question 2]\nid=b\nlabel=B ?\ntype=text\nnext=fin\n"
                                    "[Question 3]\nid=c\nlabel=C ?\ntype=text\n");

  g_assert_cmpuint (f->problems->len, ==, 0);
  g_assert_nonnull (form);
  g_assert_cmpint (escale_form_definition_next (form, 0, "oui"), ==, 2);
  g_assert_cmpint (escale_form_definition_next (form, 0, "non"), ==, 1);
  g_assert_cmpint (escale_form_definition_next (form, 1, "x"), ==, -1);
}

static void
test_missing_keys (Fixture *f, gconstpointer data)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_assert_null (load (f, "[Form]\ncategory=logement\n[Question 1]\ntype=text\n"));
  for (guint i = 0; i < f->problems->len; i++)
    g_strv_builder_add (builder, escale_config_problem_to_string (f->problems->pdata[i]));
  lines = g_strv_builder_end (builder);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[0], "formulaires/f.ini:1: title: manquante dans [Form]"));
  g_assert_true (
    g_str_has_prefix (lines[1], "formulaires/f.ini:3: id: manquante dans [Question 1]"));
  g_assert_true (
    g_str_has_prefix (lines[2], "formulaires/f.ini:3: label: manquante dans [Question 1]"));
}

static void
test_bad_communes (Fixture *f, gconstpointer data)
{
  g_autofree char *problem = NULL;

  g_assert_null (load (f,
                       HEAD "[Question 1]\nid=cp\nlabel=Code ?\ntype=postal-code\n"
                            "[Communes]\ncommune-1=24200 Sarlat-la-Canéda\ncommune-2=2420 Vitrac\n"
                            "commune-3=24200 sarlat-la-canéda\n"));
  g_assert_cmpuint (f->problems->len, ==, 2);
  problem = escale_config_problem_to_string (f->problems->pdata[0]);
  g_assert_true (g_str_has_prefix (problem, "formulaires/f.ini:9: commune-2: « 2420 Vitrac » : "
                                            "écrivez le code postal (5 chiffres)"));
  g_free (problem);
  problem = escale_config_problem_to_string (f->problems->pdata[1]);
  g_assert_true (g_str_has_prefix (problem, "formulaires/f.ini:10: commune-3: « 24200 "
                                            "sarlat-la-canéda » est déjà dans la liste"));
}

static void
test_no_communes (Fixture *f, gconstpointer data)
{
  g_autofree char *problem = NULL;

  g_assert_null (load (f, HEAD "[Question 1]\nid=cp\nlabel=Code ?\ntype=postal-code\n"));
  problem = only_problem (f);
  g_assert_true (g_str_has_prefix (problem, "formulaires/f.ini:6: type: la liste des communes "
                                            "manque"));
}

static void
test_bad_references (Fixture *f, gconstpointer data)
{
  g_assert_null (load (f, HEAD "[Question 1]\nid=a\nlabel=A ?\ntype=text\nnext=z\n"
                               "[Document]\nblock-1=paragraph:Bonjour {b}\nblock-2=field:a\n"
                               "block-3=tableau:x\n[Form2]\n"));
  g_assert_cmpuint (f->problems->len, ==, 4);
}

static void
test_bad_category_and_choices (Fixture *f, gconstpointer data)
{
  g_assert_null (load (f, "[Form]\ntitle=T\ncategory=impots\n"
                          "[Question 1]\nid=a\nlabel=A ?\ntype=choice\nchoice-1=Seul\n"));
  g_assert_cmpuint (f->problems->len, ==, 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func)                                                                           \
  g_test_add ("/escale/form-definition/" path, Fixture, NULL, setup, func, teardown)
  ADD ("demo-forms", test_demo_forms);
  ADD ("unknown-type", test_unknown_type);
  ADD ("loop", test_loop);
  ADD ("jump-forward", test_jump_forward);
  ADD ("missing-keys", test_missing_keys);
  ADD ("bad-communes", test_bad_communes);
  ADD ("no-communes", test_no_communes);
  ADD ("bad-references", test_bad_references);
  ADD ("bad-category-and-choices", test_bad_category_and_choices);
#undef ADD
  return g_test_run ();
}
