/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "escale-activities.h"
#include "escale-config.h"
#include "escale-scratch.h"

typedef struct
{
  char *dir;
} Fixture;

static void
write_file (Fixture *f, const char *name, const char *contents)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);

  g_mkdir_with_parents (parent, 0700);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
}

static const char *good_main = "# comment\n"
                               "[Centre]\n"
                               "name=Maison des services de Brantôme\n"
                               "\n"
                               "[Session]\n"
                               "idle-delay=240\n"
                               "countdown=45\n";

static const char *good_activity = "[Activity]\n"
                                   "id=infos\n"
                                   "title=Infos pratiques\n"
                                   "icon=info\n"
                                   "kind=info\n"
                                   "order=5\n"
                                   "[Guide]\n"
                                   "step-2=Deuxième\n"
                                   "step-1=Première\n"
                                   "step-10=Dixième\n"
                                   "[Entry 2]\n"
                                   "title=B\n"
                                   "[Entry 1]\n"
                                   "title=A\n"
                                   "line-1=Mardi\n";

static void
setup (Fixture *f, gconstpointer data)
{
  f->dir = g_dir_make_tmp ("escale-config-XXXXXX", NULL);
  write_file (f, "escale.ini", good_main);
  write_file (f, "activities/50-infos.ini", good_activity);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  escale_remove_tree (f->dir, NULL);
  g_free (f->dir);
}

/* Asserts that some problem reads exactly FILE:LINE: key: ... */
static void
assert_problem (EscaleConfig *config, const char *prefix)
{
  g_auto(GStrv) lines = escale_config_format_problems (config);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return;
  {
    g_autofree char *all = g_strjoinv ("\n  ", lines);

    g_error ("no problem starting with “%s”; problems were:\n  %s", prefix, all);
  }
}

static void
test_good (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleConfig) config = escale_config_load (f->dir, escale_activities_get_kinds ());
  EscaleActivity *activity;
  const char *const *steps;
  GPtrArray *sections;

  g_assert_cmpuint (escale_config_get_problems (config)->len, ==, 0);
  g_assert_cmpstr (escale_config_get_centre_name (config), ==, "Maison des services de Brantôme");
  g_assert_cmpuint (escale_config_get_idle_delay (config), ==, 240);
  g_assert_cmpuint (escale_config_get_countdown (config), ==, 45);
  g_assert_cmpuint (escale_config_get_retention_months (config), ==, 13);
  g_assert_cmpuint (escale_config_get_activities (config)->len, ==, 1);

  activity = escale_config_find_activity (config, "infos");
  g_assert_nonnull (activity);
  g_assert_cmpstr (escale_activity_get_kind (activity)->name, ==, "info");
  steps = escale_activity_get_steps (activity);
  g_assert_cmpstr (steps[0], ==, "Première");
  g_assert_cmpstr (steps[1], ==, "Deuxième");
  g_assert_cmpstr (steps[2], ==, "Dixième");
  sections = escale_activity_get_sections (activity);
  g_assert_cmpuint (sections->len, ==, 2);
  g_assert_cmpstr (((EscaleActivitySection *) sections->pdata[0])->title, ==, "A");
  g_assert_cmpstr (((EscaleActivitySection *) sections->pdata[0])->lines[0], ==, "Mardi");
}

static void
test_demo_config_is_clean (Fixture *f, gconstpointer data)
{
  g_autofree char *demo = g_build_filename (g_getenv ("ESCALE_SOURCE_DIR"), "kiosk-config", NULL);
  g_autoptr(EscaleConfig) config = escale_config_load (demo, escale_activities_get_kinds ());
  g_auto(GStrv) lines = escale_config_format_problems (config);

  g_assert_cmpstrv (lines, ((const char *const[]){ NULL }));
  g_assert_cmpuint (escale_config_get_activities (config)->len, >=, 5);
  g_assert_cmpuint (escale_config_get_activities (config)->len, <=, 6);
}

static void
test_unknown_key (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleConfig) config = NULL;

  write_file (f, "escale.ini", "[Centre]\nname=X\ncolour=blue\n");
  config = escale_config_load (f->dir, escale_activities_get_kinds ());
  assert_problem (config, "escale.ini:3: colour: clé inconnue dans [Centre]");
  g_assert_cmpstr (escale_config_get_centre_name (config), ==, "X");
}

static void
test_wrong_type_keeps_default (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleConfig) config = NULL;

  write_file (f, "escale.ini",
              "[Centre]\nname=X\n[Session]\nidle-delay=trois minutes\n"
              "countdown=5\n");
  config = escale_config_load (f->dir, escale_activities_get_kinds ());
  assert_problem (config,
                  "escale.ini:4: idle-delay: « trois minutes » n'est pas un nombre entier");
  assert_problem (config, "escale.ini:5: countdown: 5 est hors limites (de 10 à 600)");
  g_assert_cmpuint (escale_config_get_idle_delay (config), ==, 180);
  g_assert_cmpuint (escale_config_get_countdown (config), ==, 60);
}

/* The grant year's first month: January unless said, a bad value named
 * with its line and the default kept. */
static void
test_grant_year_start (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleConfig) plain = NULL;
  g_autoptr(EscaleConfig) april = NULL;
  g_autoptr(EscaleConfig) wrong = NULL;

  write_file (f, "escale.ini", "[Centre]\nname=X\n");
  plain = escale_config_load (f->dir, escale_activities_get_kinds ());
  g_assert_cmpuint (escale_config_get_grant_year_start (plain), ==, 1);
  write_file (f, "escale.ini", "[Centre]\nname=X\n[Staff]\ngrant-year-start=4\n");
  april = escale_config_load (f->dir, escale_activities_get_kinds ());
  g_assert_cmpuint (escale_config_get_grant_year_start (april), ==, 4);
  write_file (f, "escale.ini", "[Centre]\nname=X\n[Staff]\n\ngrant-year-start=13\n");
  wrong = escale_config_load (f->dir, escale_activities_get_kinds ());
  assert_problem (wrong, "escale.ini:5: grant-year-start: 13 est hors limites (de 1 à 12)");
  g_assert_cmpuint (escale_config_get_grant_year_start (wrong), ==, 1);
}

/* [Web] memory-limit: the web layer's default unless said; a value a
 * 4 GB PC could not honour, or below what a page needs, is named with its
 * line and ignored. */
static void
test_web_memory_limit (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleConfig) plain = NULL;
  g_autoptr(EscaleConfig) set = NULL;
  g_autoptr(EscaleConfig) wrong = NULL;

  write_file (f, "escale.ini", "[Centre]\nname=X\n");
  plain = escale_config_load (f->dir, escale_activities_get_kinds ());
  g_assert_cmpuint (escale_config_get_web_memory_limit (plain), ==, 0);
  write_file (f, "escale.ini", "[Centre]\nname=X\n[Web]\nmemory-limit=768\n");
  set = escale_config_load (f->dir, escale_activities_get_kinds ());
  g_assert_cmpuint (escale_config_get_web_memory_limit (set), ==, 768);
  write_file (f, "escale.ini", "[Centre]\nname=X\n[Web]\nmemory-limit=64\nmemoire=1\n");
  wrong = escale_config_load (f->dir, escale_activities_get_kinds ());
  assert_problem (wrong, "escale.ini:4: memory-limit: 64 est hors limites (de 256 à 16384)");
  assert_problem (wrong, "escale.ini:5: memoire: clé inconnue dans [Web]");
  g_assert_cmpuint (escale_config_get_web_memory_limit (wrong), ==, 0);
}

/* [Site N] strict= and also-allow=: a bad origin or also-allow without
 * strict=true is named with its file and line. */
static void
test_culture_strict_sites (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleConfig) config = NULL;

  write_file (f, "escale.ini", "[Centre]\nname=X\n");
  write_file (f, "activities/30-culture.ini",
              "[Activity]\nid=culture\ntitle=Culture\nicon=culture\nkind=culture\n"
              "[Site 1]\ntitle=Musée\nurl=https://musee.example/\nstrict=oui\n"
              "also-allow=https://cdn.example ftp://fichiers.example\n"
              "[Site 2]\ntitle=Ville\nurl=https://ville.example/\n"
              "also-allow=https://cdn.example\n");
  config = escale_config_load (f->dir, escale_activities_get_kinds ());
  assert_problem (config,
                  "activities/30-culture.ini:9: strict: « oui » doit valoir true ou false");
  assert_problem (config, "activities/30-culture.ini:10: also-allow: « ftp://fichiers.example » "
                          "n'est pas une origine web");
  assert_problem (config, "activities/30-culture.ini:14: also-allow: n'a d'effet qu'avec "
                          "strict=true");
  g_assert_nonnull (escale_config_find_activity (config, "culture")); /* still shown */
}

static void
test_not_key_value (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleConfig) config = NULL;

  write_file (f, "escale.ini",
              "[Centre]\nname=X\nthis line is wrong\n[Session]\n"
              "idle-delay=300\n");
  config = escale_config_load (f->dir, escale_activities_get_kinds ());
  assert_problem (config, "escale.ini:3: « this line is wrong » n'est pas une ligne clé=valeur");
  /* The rest of the file still counts. */
  g_assert_cmpuint (escale_config_get_idle_delay (config), ==, 300);
}

static void
test_bad_group_line (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleConfig) config = NULL;

  write_file (f, "escale.ini", "[Centre\nname=X\n");
  config = escale_config_load (f->dir, escale_activities_get_kinds ());
  assert_problem (config, "escale.ini:1: « [Centre » n'est pas une ligne [Groupe] valide");
  assert_problem (config, "escale.ini:2: name: cette clé est placée avant tout [Groupe]");
}

static void
test_duplicate_ids (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleConfig) config = NULL;

  write_file (f, "activities/60-copy.ini", good_activity);
  config = escale_config_load (f->dir, escale_activities_get_kinds ());
  assert_problem (config, "activities/60-copy.ini:2: id: « infos » est déjà utilisé par "
                          "activities/50-infos.ini");
  g_assert_cmpuint (escale_config_get_activities (config)->len, ==, 1);
}

static void
test_missing_icon (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleConfig) config = NULL;

  write_file (f, "activities/70-musee.ini",
              "[Activity]\nid=musee\ntitle=Musée\nkind=culture\nicon=icons/absent.png\n");
  config = escale_config_load (f->dir, escale_activities_get_kinds ());
  assert_problem (config, "activities/70-musee.ini:5: icon: pas d'icône « icons/absent.png »");
  /* Still shown, with a neutral icon. */
  g_assert_cmpstr (escale_activity_get_icon (escale_config_find_activity (config, "musee")), ==,
                   "info");
}

static void
test_bad_activity_dropped (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleConfig) config = NULL;

  write_file (f, "activities/80-bad.ini",
              "[Activity]\nid=Bad Id\ntitle=T\nicon=info\nkind=teleport\n");
  write_file (f, "activities/81-notitle.ini", "[Activity]\nid=notitle\nicon=info\nkind=info\n");
  config = escale_config_load (f->dir, escale_activities_get_kinds ());
  assert_problem (config,
                  "activities/80-bad.ini:5: kind: « teleport » n'est pas un type d'activité");
  assert_problem (config, "activities/81-notitle.ini:1: title: manquante dans [Activity]");
  g_assert_cmpuint (escale_config_get_activities (config)->len, ==, 1);
}

static void
test_bad_url_and_group (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleConfig) config = NULL;

  write_file (f, "activities/30-culture.ini",
              "[Activity]\nid=culture\ntitle=Culture\nicon=culture\nkind=culture\n"
              "[Site 1]\ntitle=Musée\nurl=ftp://example.org/\n[Sites]\ntitle=x\n");
  config = escale_config_load (f->dir, escale_activities_get_kinds ());
  assert_problem (config, "activities/30-culture.ini:8: url: « ftp://example.org/ » n'est pas une "
                          "adresse web");
  assert_problem (config, "activities/30-culture.ini:9: groupe [Sites] inconnu");
}

/* Every kind that prints tells a printer= typo at once, photos and
 * démarches alike. */
static void
test_bad_printer (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleConfig) config = NULL;

  write_file (f, "activities/20-photos.ini",
              "[Activity]\nid=photos\ntitle=Photos\nicon=info\nkind=photos\n"
              "[Photos]\nprinter=Salle 2\n");
  write_file (f, "activities/40-demarches.ini",
              "[Activity]\nid=demarches\ntitle=Démarches\nicon=info\nkind=demarches\n"
              "[Demarches]\nprinter=hp/accueil\n");
  config = escale_config_load (f->dir, escale_activities_get_kinds ());
  assert_problem (config, "activities/20-photos.ini:7: printer: « Salle 2 » n'est pas un nom "
                          "d'imprimante CUPS");
  assert_problem (config, "activities/40-demarches.ini:7: printer: « hp/accueil » n'est pas un "
                          "nom d'imprimante CUPS");
}

/* A FIFO would block start-up for ever, a link to /dev/zero fill the
 * memory, a huge file take minutes: each is a problem naming the file,
 * and the good activity is still there. */
static void
test_unreadable_files (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleConfig) config = NULL;
  g_autofree char *fifo = g_build_filename (f->dir, "activities", "60-fifo.ini", NULL);
  g_autofree char *zero = g_build_filename (f->dir, "activities", "61-zero.ini", NULL);
  g_autoptr(GString) huge = g_string_new ("[Activity]\nid=huge\ntitle=T\nicon=info\nkind=info\n");

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (symlink ("/dev/zero", zero), ==, 0);
  while (huge->len < 3 * 1024 * 1024)
    g_string_append (huge, "# a line of comment, again and again and again and again\n");
  write_file (f, "activities/62-huge.ini", huge->str);
  config = escale_config_load (f->dir, escale_activities_get_kinds ());
  assert_problem (config, "activities/60-fifo.ini: illisible (ce n'est pas un fichier ordinaire)");
  assert_problem (config, "activities/61-zero.ini: illisible (ce n'est pas un fichier ordinaire)");
  assert_problem (config, "activities/62-huge.ini: illisible (fichier trop gros");
  g_assert_cmpuint (escale_config_get_activities (config)->len, ==, 1);
}

static void
test_no_valid_activity (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleConfig) config = NULL;
  g_autofree char *path = g_build_filename (f->dir, "activities", "50-infos.ini", NULL);

  g_unlink (path);
  config = escale_config_load (f->dir, escale_activities_get_kinds ());
  g_assert_cmpuint (escale_config_get_activities (config)->len, ==, 0);
  assert_problem (config, "activities: aucune activité valide");
}

static void
test_missing_folder (Fixture *f, gconstpointer data)
{
  g_autofree char *nowhere = g_build_filename (f->dir, "nowhere", NULL);
  g_autoptr(EscaleConfig) config = escale_config_load (nowhere, escale_activities_get_kinds ());

  g_assert_cmpuint (escale_config_get_activities (config)->len, ==, 0);
  g_assert_cmpuint (escale_config_get_problems (config)->len, ==, 1);
  g_assert_cmpuint (escale_config_get_idle_delay (config), ==, 180);
}

static void
test_at_most_six (Fixture *f, gconstpointer data)
{
  g_autoptr(EscaleConfig) config = NULL;

  for (int i = 0; i < 7; i++)
    {
      g_autofree char *name = g_strdup_printf ("activities/%d.ini", i);
      g_autofree char *text = g_strdup_printf ("[Activity]\nid=a%d\ntitle=A%d\nicon=info\n"
                                               "kind=info\norder=%d\n",
                                               i, i, i);

      write_file (f, name, text);
    }
  config = escale_config_load (f->dir, escale_activities_get_kinds ());
  g_assert_cmpuint (escale_config_get_activities (config)->len, ==, 6);
  /* Sorted by order then id: infos (order 5) comes after a5 and is cut. */
  g_assert_null (escale_config_find_activity (config, "infos"));
  g_assert_nonnull (escale_config_find_activity (config, "a5"));
  assert_problem (config, "activities/6.ini: plus de 6 activités");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/escale/config/good", test_good);
  ADD ("/escale/config/demo-config-is-clean", test_demo_config_is_clean);
  ADD ("/escale/config/unknown-key", test_unknown_key);
  ADD ("/escale/config/grant-year-start", test_grant_year_start);
  ADD ("/escale/config/web-memory-limit", test_web_memory_limit);
  ADD ("/escale/config/culture-strict-sites", test_culture_strict_sites);
  ADD ("/escale/config/wrong-type-keeps-default", test_wrong_type_keeps_default);
  ADD ("/escale/config/not-key-value", test_not_key_value);
  ADD ("/escale/config/bad-group-line", test_bad_group_line);
  ADD ("/escale/config/duplicate-ids", test_duplicate_ids);
  ADD ("/escale/config/missing-icon", test_missing_icon);
  ADD ("/escale/config/bad-activity-dropped", test_bad_activity_dropped);
  ADD ("/escale/config/bad-url-and-group", test_bad_url_and_group);
  ADD ("/escale/config/bad-printer", test_bad_printer);
  ADD ("/escale/config/unreadable-files", test_unreadable_files);
  ADD ("/escale/config/no-valid-activity", test_no_valid_activity);
  ADD ("/escale/config/missing-folder", test_missing_folder);
  ADD ("/escale/config/at-most-six", test_at_most_six);
#undef ADD

  return g_test_run ();
}
