/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>

#include "escale-activities.h"
#include "escale-config.h"
#include "escale-scratch.h"
#include "escale-firststeps-kind.h"

/* kind=firststeps as escale --check-config reads it (GLib only, no display):
 * the villages and the picture checked, with file, line and key. */

typedef struct
{
  char *dir;
} Fixture;

static void
write_config (Fixture *f, const char *premiers_pas)
{
  g_autofree char *activities = g_build_filename (f->dir, "activities", NULL);
  g_autofree char *main_ini = g_build_filename (f->dir, "escale.ini", NULL);
  g_autofree char *ini = g_build_filename (activities, "05-premiers-pas.ini", NULL);
  g_autofree char *text =
    g_strdup_printf ("[Activity]\nid=premiers-pas\ntitle=Premiers pas\nicon=help\n"
                     "kind=firststeps\n\n[Premiers pas]\n%s\n",
                     premiers_pas);

  g_assert_cmpint (g_mkdir_with_parents (activities, 0700), ==, 0);
  g_assert_true (g_file_set_contents (main_ini, "[Centre]\nname=Test\n", -1, NULL));
  g_assert_true (g_file_set_contents (ini, text, -1, NULL));
}

static gboolean
has_problem (EscaleConfig *config, const char *line)
{
  g_auto(GStrv) lines = escale_config_format_problems (config);
  return g_strv_contains ((const char *const *) lines, line);
}

static void
setup (Fixture *f, gconstpointer data)
{
  f->dir = g_dir_make_tmp ("escale-firststeps-XXXXXX", NULL);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_assert_true (escale_remove_tree (f->dir, NULL));
  g_free (f->dir);
}

static void
test_good (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleConfig) config = NULL;
  g_auto(GStrv) villages = NULL;
  g_autofree char *picture = NULL;
  EscaleActivity *activity;

  write_config (f, "villages= Brantôme ; Saint-Front-la-Rivière;L'Isle ;\npicture=beynac.png");
  config = escale_config_load (f->dir, escale_activities_get_kinds ());
  g_assert_cmpuint (escale_config_get_problems (config)->len, ==, 1);
  /* the picture must exist (ESCALE_KEY_PATH) */
  g_assert_true (has_problem (config, "activities/05-premiers-pas.ini:9: picture: « beynac.png » "
                                      "n'existe pas dans le dossier de configuration"));
  activity = escale_activities_find_first_time (escale_config_get_activities (config));
  g_assert_nonnull (activity);
  villages = escale_firststeps_kind_get_villages (activity);
  g_assert_cmpstrv (villages, ((const char *const[]){ "Brantôme", "Saint-Front-la-Rivière",
                                                      "L'Isle", NULL }));
}

static void
test_bad (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleConfig) config = NULL;
  g_autofree char *notes = g_build_filename (f->dir, "notes.txt", NULL);
  g_auto(GStrv) villages = NULL;
  EscaleActivity *activity;

  write_config (f, "villages=A;B;C;D;E;F;G;Village 2000;Un nom beaucoup trop long pour ici\n"
                   "picture=notes.txt");
  g_assert_true (g_file_set_contents (notes, "x", -1, NULL));
  config = escale_config_load (f->dir, escale_activities_get_kinds ());
  g_assert_true (has_problem (config, "activities/05-premiers-pas.ini:8: villages: au plus 6 "
                                      "villages (un écran n'offre pas plus de six choix) ; les "
                                      "suivants sont ignorés"));
  g_assert_true (has_problem (config, "activities/05-premiers-pas.ini:8: villages: « Village "
                                      "2000 » : seulement des lettres, des espaces, des tirets "
                                      "et des apostrophes ; ce nom est ignoré"));
  g_assert_true (has_problem (config, "activities/05-premiers-pas.ini:8: villages: « Un nom "
                                      "beaucoup trop long pour ici » : au plus 24 lettres ; ce "
                                      "nom est ignoré"));
  g_assert_true (has_problem (config, "activities/05-premiers-pas.ini:9: picture: « notes.txt » "
                                      "n'est pas une image (.svg, .png ou .jpg) ; Escale dessine "
                                      "son propre paysage"));
  activity = escale_activities_find_first_time (escale_config_get_activities (config));
  villages = escale_firststeps_kind_get_villages (activity);
  g_assert_cmpuint (g_strv_length (villages), ==, 6);
  g_assert_null (escale_firststeps_kind_get_picture (activity));

  g_clear_object (&config);
  write_config (f, "villages= ; ;");
  config = escale_config_load (f->dir, escale_activities_get_kinds ());
  g_assert_true (has_problem (config, "activities/05-premiers-pas.ini:8: villages: donnez au "
                                      "moins un village (des noms séparés par ; )"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/escale/firststeps-kind/good", Fixture, NULL, setup, test_good, teardown);
  g_test_add ("/escale/firststeps-kind/bad", Fixture, NULL, setup, test_bad, teardown);
  return g_test_run ();
}
