/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>

#include "escale-activities.h"
#include "escale-config.h"
#include "escale-demarches-kind.h"
#include "escale-procedure.h"

/* The procedure files of "Mes démarches" as a centre writes them, and the
 * kind's checks as escale --check-config runs them: every mistake is said
 * with its file, line and key, and only a usable procedure is shown. */

typedef struct
{
  char *dir;
  GPtrArray *problems;
} Fixture;

static const char good_procedure[] = "[Procedure]\n"
                                     "title=Refaire ma carte\n"
                                     "category=papiers_elections_citoyennete\n"
                                     "need=papiers\n"
                                     "purpose=Pour voyager.\n"
                                     "bring-2=Une photo\n"
                                     "bring-1=Un justificatif de domicile\n"
                                     "pitfall-1=Ne payez jamais.\n"
                                     "ask-conseiller-1=Si vous êtes perdu.\n"
                                     "site=https://ants.gouv.fr/accueil\n"
                                     "site-allow-1=https://ants.gouv.fr/\n"
                                     "site-allow-2=https://app.franceconnect.gouv.fr/\n"
                                     "[Step 2]\n"
                                     "text=Connectez-vous.\n"
                                     "picture=un.svg\n"
                                     "address=*franceconnect.gouv.fr*\n"
                                     "[Step 1]\n"
                                     "text=Ouvrez le site.\n"
                                     "picture=un.svg\n"
                                     "[Step 3]\n"
                                     "text=Remplissez.\n"
                                     "picture=un.svg\n"
                                     "address=https://ants.gouv.fr/formulaire*\n";

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autofree char *svg = NULL;

  f->dir = g_dir_make_tmp ("escale-procedure-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  svg = g_build_filename (f->dir, "un.svg", NULL);
  g_assert_true (
    g_file_set_contents (svg, "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", -1, NULL));
  f->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) escale_config_problem_free);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", f->dir);

  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
  g_ptr_array_unref (f->problems);
  g_free (f->dir);
}

static EscaleProcedure *
load (Fixture *f, const char *text)
{
  g_autofree char *path = g_build_filename (f->dir, "essai.ini", NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return escale_procedure_load (path, "demarches/essai.ini", f->problems);
}

/* The one problem found, as staff read it. */
static char *
only_problem (Fixture *f)
{
  for (guint i = 0; i < f->problems->len; i++)
    {
      g_autofree char *text = escale_config_problem_to_string (f->problems->pdata[i]);

      g_test_message ("problem: %s", text);
    }
  g_assert_cmpuint (f->problems->len, ==, 1);
  return escale_config_problem_to_string (f->problems->pdata[0]);
}

static void
test_good (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleProcedure) procedure = load (f, good_procedure);
  g_autofree char *picture = g_build_filename (f->dir, "un.svg", NULL);

  g_assert_cmpuint (f->problems->len, ==, 0);
  g_assert_nonnull (procedure);
  g_assert_cmpstr (escale_procedure_get_id (procedure), ==, "essai");
  g_assert_cmpstr (escale_procedure_get_title (procedure), ==, "Refaire ma carte");
  g_assert_cmpstr (escale_procedure_get_category (procedure), ==, "papiers_elections_citoyennete");
  g_assert_cmpstr (escale_procedure_get_need (procedure), ==, "papiers");
  g_assert_cmpstr (escale_procedure_get_purpose (procedure), ==, "Pour voyager.");
  /* In the order of their numbers, not of the file. */
  g_assert_cmpstr (escale_procedure_get_bring (procedure)[0], ==, "Un justificatif de domicile");
  g_assert_cmpstr (escale_procedure_get_bring (procedure)[1], ==, "Une photo");
  g_assert_cmpstr (escale_procedure_get_pitfalls (procedure)[0], ==, "Ne payez jamais.");
  g_assert_cmpstr (escale_procedure_get_ask_conseiller (procedure)[0], ==, "Si vous êtes perdu.");
  g_assert_cmpuint (escale_procedure_get_n_steps (procedure), ==, 3);
  g_assert_cmpstr (escale_procedure_get_step (procedure, 0)->text, ==, "Ouvrez le site.");
  g_assert_cmpstr (escale_procedure_get_step (procedure, 0)->picture, ==, picture);
  g_assert_cmpstr (escale_procedure_get_step (procedure, 1)->text, ==, "Connectez-vous.");
  g_assert_cmpstr (escale_procedure_get_site_url (procedure), ==, "https://ants.gouv.fr/accueil");
  g_assert_cmpuint (g_strv_length ((GStrv) escale_procedure_get_site_allow (procedure)), ==, 2);

  /* The page's address tells the step; nothing known keeps 0. */
  g_assert_cmpuint (escale_procedure_find_step (procedure, "https://ants.gouv.fr/accueil"), ==, 0);
  g_assert_cmpuint (escale_procedure_find_step (procedure,
                                                "https://app.franceconnect.gouv.fr/api/login"),
                    ==, 2);
  g_assert_cmpuint (escale_procedure_find_step (procedure,
                                                "https://ants.gouv.fr/formulaire/etape-2"),
                    ==, 3);
  g_assert_cmpuint (escale_procedure_find_step (procedure, NULL), ==, 0);
}

/* Replaces the first line starting with @key= in the good procedure (or
 * drops it when @value is NULL). */
static char *
good_with (const char *key, const char *value)
{
  g_auto(GStrv) lines = g_strsplit (good_procedure, "\n", -1);
  g_autofree char *prefix = g_strconcat (key, "=", NULL);
  GString *out = g_string_new (NULL);
  gboolean done = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (!done && g_str_has_prefix (lines[i], prefix))
        {
          done = TRUE;
          if (value != NULL)
            g_string_append_printf (out, "%s=%s\n", key, value);
          continue;
        }
      if (*lines[i] != '\0')
        g_string_append_printf (out, "%s\n", lines[i]);
    }
  g_assert_true (done);
  return g_string_free (out, FALSE);
}

static void
test_bad_category (Fixture *f, gconstpointer data)
{
  g_autofree char *text = good_with ("category", "impots");
  g_autoptr(EscaleProcedure) procedure = load (f, text);
  g_autofree char *problem = only_problem (f);

  g_assert_null (procedure);
  g_assert_true (g_str_has_prefix (problem, "demarches/essai.ini:3: category: « impots » n'est "
                                            "pas une catégorie de La Coop"));
  g_assert_nonnull (strstr (problem, "argent_impots"));
  /* "autre" counts what has no category; a file cannot choose it. */
  g_clear_pointer (&f->problems, g_ptr_array_unref);
  f->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) escale_config_problem_free);
  {
    g_autofree char *other = good_with ("category", "autre");
    g_autoptr(EscaleProcedure) refused = load (f, other);

    g_assert_null (refused);
    g_assert_cmpuint (f->problems->len, ==, 1);
  }
}

static void
test_missing_category (Fixture *f, gconstpointer data)
{
  g_autofree char *text = good_with ("category", NULL);
  g_autoptr(EscaleProcedure) procedure = load (f, text);
  g_autofree char *problem = only_problem (f);

  g_assert_null (procedure);
  g_assert_cmpstr (problem, ==, "demarches/essai.ini:1: category: manquante dans [Procedure]");
}

static void
test_bad_need (Fixture *f, gconstpointer data)
{
  g_autofree char *text = good_with ("need", "medecin");
  g_autoptr(EscaleProcedure) procedure = load (f, text);
  g_autofree char *problem = only_problem (f);

  g_assert_null (procedure);
  g_assert_true (g_str_has_prefix (problem, "demarches/essai.ini:4: need: « medecin » n'est pas "
                                            "un bouton de l'accueil : utilisez papiers, sante"));
}

static void
test_missing_steps (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleProcedure) procedure =
      load (f, "[Procedure]\ntitle=Sans étapes\ncategory=logement\nneed=aides\npurpose=Rien.\n");
  g_autofree char *problem = only_problem (f);

  g_assert_null (procedure);
  g_assert_cmpstr (problem, ==,
                   "demarches/essai.ini: la démarche n'a aucune étape : ajoutez un groupe "
                   "[Step 1] avec text= et picture= ; elle est ignorée");
}

/* A step without words is left out; one without its picture is kept, and
 * staff are told; a picture that is not there is named. */
static void
test_bad_steps (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleProcedure) procedure =
               load (f, "[Procedure]\ntitle=Étapes\ncategory=logement\nneed=aides\npurpose=Rien.\n"
                        "[Step 1]\npicture=un.svg\n"
                        "[Step 2]\ntext=Sans dessin.\n"
                        "[Step 3]\ntext=Dessin absent.\npicture=absent.svg\n");
  g_autofree char *p0 = NULL;
  g_autofree char *p1 = NULL;
  g_autofree char *p2 = NULL;

  g_assert_nonnull (procedure);
  g_assert_cmpuint (f->problems->len, ==, 3);
  p0 = escale_config_problem_to_string (f->problems->pdata[0]);
  p1 = escale_config_problem_to_string (f->problems->pdata[1]);
  p2 = escale_config_problem_to_string (f->problems->pdata[2]);
  g_assert_cmpstr (p0, ==,
                   "demarches/essai.ini:12: picture: « absent.svg » n'existe pas dans le dossier "
                   "de configuration");
  g_assert_cmpstr (p1, ==,
                   "demarches/essai.ini:6: text: manquante dans [Step 1] : l'étape est "
                   "ignorée");
  g_assert_cmpstr (p2, ==,
                   "demarches/essai.ini:8: picture: manquante dans [Step 2] : chaque étape a son "
                   "dessin");
  g_assert_cmpuint (escale_procedure_get_n_steps (procedure), ==, 2);
  g_assert_cmpstr (escale_procedure_get_step (procedure, 0)->text, ==, "Sans dessin.");
  g_assert_null (escale_procedure_get_step (procedure, 0)->picture);
}

/* The official site must be in its own allowlist, else it does not open. */
static void
test_site_outside_allowlist (Fixture *f, gconstpointer data)
{
  g_autofree char *text = good_with ("site", "https://faux-ants.example.com/");
  g_autoptr(EscaleProcedure) procedure = load (f, text);
  g_autofree char *problem = only_problem (f);

  g_assert_nonnull (procedure);
  g_assert_null (escale_procedure_get_site_url (procedure));
  g_assert_true (g_str_has_prefix (problem, "demarches/essai.ini:10: site: l'adresse de "
                                            "« https://faux-ants.example.com/ » n'est pas"));
}

static void
test_unknown_key (Fixture *f, gconstpointer data)
{
  g_autofree char *text = good_with ("purpose", "Pour voyager.\ncolor=rouge");
  g_autoptr(EscaleProcedure) procedure = load (f, text);
  g_autofree char *problem = only_problem (f);

  g_assert_nonnull (procedure);
  g_assert_cmpstr (problem, ==,
                   "demarches/essai.ini:6: color: clé inconnue dans [Procedure] ; elle est "
                   "ignorée");
}

/* The demo folder: seven procedures, no problem, at least four categories
 * and every picture there. */
static void
test_demo (void)
{
  g_autofree char *dir =
    g_build_filename (g_getenv ("ESCALE_SOURCE_DIR"), "kiosk-config", "demarches", NULL);
  g_autoptr(GPtrArray) problems =
               g_ptr_array_new_with_free_func ((GDestroyNotify) escale_config_problem_free);
  g_autoptr(GPtrArray) procedures = escale_procedures_load_dir (dir, "demarches", problems);
  g_autoptr(GHashTable) categories = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (procedures->len, >=, 6);
  for (guint i = 0; i < procedures->len; i++)
    {
      EscaleProcedure *procedure = procedures->pdata[i];

      g_hash_table_add (categories, (gpointer) escale_procedure_get_category (procedure));
      for (guint s = 0; s < escale_procedure_get_n_steps (procedure); s++)
        g_assert_true (
          g_file_test (escale_procedure_get_step (procedure, s)->picture, G_FILE_TEST_IS_REGULAR));
    }
  g_assert_cmpuint (g_hash_table_size (categories), >=, 4);
}

/* escale --check-config's path: the whole configuration, a bad procedure
 * named with its file and line, the [Demarches] keys checked too. */
static void
test_config_check (Fixture *f, gconstpointer data)
{
  g_autofree char *activities = g_build_filename (f->dir, "activities", NULL);
  g_autofree char *procedures = g_build_filename (f->dir, "demarches", NULL);
  g_autofree char *bad = g_build_filename (procedures, "b.ini", NULL);
  g_autofree char *good = g_build_filename (procedures, "a.ini", NULL);
  g_autofree char *ini = g_build_filename (activities, "40-demarches.ini", NULL);
  g_autofree char *picture = g_build_filename (procedures, "un.svg", NULL);
  g_autofree char *bad_text = good_with ("category", "impots");
  g_autoptr(EscaleConfig) config = NULL;
  GPtrArray *problems;
  g_autoptr(GString) all = g_string_new (NULL);

  g_assert_cmpint (g_mkdir (activities, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (procedures, 0700), ==, 0);
  g_assert_true (g_file_set_contents (picture, "<svg/>", -1, NULL));
  g_assert_true (g_file_set_contents (good, good_procedure, -1, NULL));
  g_assert_true (g_file_set_contents (bad, bad_text, -1, NULL));
  {
    g_autofree char *forms = g_build_filename (f->dir, "formulaires", NULL);
    g_autofree char *form = g_build_filename (forms, "x.ini", NULL);

    g_assert_cmpint (g_mkdir (forms, 0700), ==, 0);
    g_assert_true (g_file_set_contents (form,
                                        "[Form]\ntitle=Essai\n"
                                        "[Question 1]\nid=a\ntype=couleur\nlabel=A ?\n",
                                        -1, NULL));
  }
  g_assert_true (g_file_set_contents (ini,
                                      "[Activity]\nid=demarches\ntitle=Mes démarches\n"
                                      "icon=forms\nkind=demarches\n"
                                      "[Demarches]\nmax-prints=500\nbooking-url=rdv\n"
                                      "permanence=infos\n",
                                      -1, NULL));
  config = escale_config_load (f->dir, escale_activities_get_kinds ());
  problems = escale_config_get_problems (config);
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *text = escale_config_problem_to_string (problems->pdata[i]);

      g_string_append_printf (all, "%s\n", text);
    }
  g_test_message ("%s", all->str);
  g_assert_nonnull (strstr (all->str, "demarches/b.ini:3: category: « impots »"));
  g_assert_nonnull (strstr (all->str, "activities/40-demarches.ini:7: max-prints: 500 est hors "
                                      "limites"));
  g_assert_nonnull (strstr (all->str, "activities/40-demarches.ini:8: booking-url: « rdv »"));
  g_assert_nonnull (strstr (all->str, "activities/40-demarches.ini:9: permanence: « infos » :"));
  g_assert_null (strstr (all->str, "a.ini"));
  /* The forms are checked with the procedures. */
  g_assert_nonnull (strstr (all->str, "formulaires/x.ini:5: type: type « couleur » inconnu"));
}

/* The demo configuration is clean, and its booking screen finds the
 * permanence days in "Infos pratiques". */
static void
test_demo_config (void)
{
  g_autofree char *dir = g_build_filename (g_getenv ("ESCALE_SOURCE_DIR"), "kiosk-config", NULL);
  g_autoptr(EscaleConfig) config = escale_config_load (dir, escale_activities_get_kinds ());
  GPtrArray *activities = escale_config_get_activities (config);
  EscaleActivity *demarches = NULL;
  g_auto(GStrv) permanence = NULL;

  g_assert_cmpuint (escale_config_get_problems (config)->len, ==, 0);
  for (guint i = 0; i < activities->len; i++)
    if (escale_activity_get_kind (activities->pdata[i]) == &escale_demarches_kind)
      demarches = activities->pdata[i];
  g_assert_nonnull (demarches);
  permanence = escale_demarches_kind_get_permanence (demarches);
  g_assert_nonnull (permanence);
  g_assert_cmpstr (permanence[0], ==, "Le conseiller numérique");
  g_assert_cmpstr (permanence[1], ==, "Mardi et jeudi, de 9 h à 12 h, ici même.");
}

/* Every counter of every category is declared, named as the stats store
 * accepts ([a-z0-9-]+) and labelled with the category's French label. */
static void
test_counters (void)
{
  static const char *const counters[] = {
    "procedures-opened", "sites-opened",  "checklists-printed",
    "forms-completed",   "pages-scanned", "files-sent",
  };
  const char *const *slugs = escale_procedure_category_slugs ();
  g_autofree char *opened = escale_demarches_counter_name ("procedures-opened", "argent_impots");
  g_autofree char *other = escale_demarches_counter_name ("files-sent", NULL);
  g_autofree char *unknown = escale_demarches_counter_name ("files-sent", "n_importe_quoi");
  const EscaleCounterSpec *spec;
  guint n = 0;

  g_assert_cmpuint (g_strv_length ((GStrv) slugs), ==, 12);
  g_assert_cmpstr (opened, ==, "procedures-opened--argent-impots");
  g_assert_cmpstr (other, ==, "files-sent--autre");
  g_assert_cmpstr (unknown, ==, "files-sent--autre");
  spec = escale_activity_kind_find_counter (&escale_demarches_kind, opened);
  g_assert_nonnull (spec);
  g_assert_cmpstr (spec->label, ==, "Démarches ouvertes — Argent, impôts");
  spec = escale_activity_kind_find_counter (&escale_demarches_kind, other);
  g_assert_cmpstr (spec->label, ==, "Documents envoyés — Sans catégorie");

  for (guint c = 0; c < G_N_ELEMENTS (counters); c++)
    for (guint s = 0; slugs[s] != NULL; s++)
      {
        g_autofree char *name = escale_demarches_counter_name (counters[c], slugs[s]);

        spec = escale_activity_kind_find_counter (&escale_demarches_kind, name);
        g_assert_nonnull (spec);
        g_assert_true (g_str_has_suffix (spec->label, escale_procedure_category_label (slugs[s])));
        for (const char *p = name; *p != '\0'; p++)
          g_assert_true (g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-');
      }
  for (spec = escale_demarches_kind.counters; spec->name != NULL; spec++)
    n++;
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (counters) * 12);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func)                                                                           \
  g_test_add ("/escale/demarches/procedure/" path, Fixture, NULL, fixture_setup, func,            \
              fixture_teardown)
  ADD ("good", test_good);
  ADD ("bad-category", test_bad_category);
  ADD ("missing-category", test_missing_category);
  ADD ("bad-need", test_bad_need);
  ADD ("missing-steps", test_missing_steps);
  ADD ("bad-steps", test_bad_steps);
  ADD ("site-outside-allowlist", test_site_outside_allowlist);
  ADD ("unknown-key", test_unknown_key);
  ADD ("config-check", test_config_check);
#undef ADD
  g_test_add_func ("/escale/demarches/procedure/demo", test_demo);
  g_test_add_func ("/escale/demarches/kind/demo-config", test_demo_config);
  g_test_add_func ("/escale/demarches/kind/counters", test_counters);
  return g_test_run ();
}
