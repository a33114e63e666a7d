/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>

#include "escale-config-file.h"
#include "escale-culture-collection.h"

/* Loading a collection of the culture corner from its folder. */

static char *
problems_text (GPtrArray *problems)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = escale_config_problem_to_string (problems->pdata[i]);

      g_string_append_printf (text, "%s\n", line);
    }
  return g_string_free (text, FALSE);
}

static void
test_demo_collection (void)
{
  g_autofree char *dir =
    g_build_filename (g_getenv ("ESCALE_SOURCE_DIR"), "kiosk-config", "culture", "perigord", NULL);
  g_autoptr(GPtrArray) problems =
               g_ptr_array_new_with_free_func ((GDestroyNotify) escale_config_problem_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleCultureCollection) collection = NULL;
  g_autofree char *text = NULL;

  collection = escale_culture_collection_load (dir, "culture/perigord", problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (collection);
  text = problems_text (problems);
  g_assert_cmpstr (text, ==, "");

  g_assert_cmpstr (escale_culture_collection_get_title (collection), ==, "Patrimoine du Périgord");
  g_assert_cmpuint (escale_culture_collection_get_n_items (collection), ==, 6);
  for (guint i = 0; i < 6; i++)
    {
      const EscaleCultureItem *item = escale_culture_collection_get_item (collection, i);

      g_assert_true (g_file_test (item->image, G_FILE_TEST_IS_REGULAR));
      g_assert_true (g_str_has_suffix (item->image, ".svg"));
      g_assert_cmpuint (g_strv_length (item->paragraphs), >=, 2);
      g_assert_nonnull (item->caption);
      g_assert_null (item->audio);
    }
  g_assert_cmpstr (escale_culture_collection_get_item (collection, 0)->title, ==,
                   "La grotte de Lascaux");
}

static void
write (const char *dir, const char *name, const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
}

static void
remove_tree (const char *dir)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);

  g_assert_true (g_spawn_command_line_sync (cmd, NULL, NULL, NULL, NULL));
}

static void
test_mistakes_name_file_and_line (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("escale-culture-XXXXXX", &error);
  g_autoptr(GPtrArray) problems =
               g_ptr_array_new_with_free_func ((GDestroyNotify) escale_config_problem_free);
  g_autoptr(EscaleCultureCollection) collection = NULL;
  g_autofree char *text = NULL;
  const EscaleCultureItem *item;

  g_assert_no_error (error);
  write (dir, "images/moulin.png", "not really a png, but it exists");
  write (dir, "sons/moulin.ogg", "sound");
  write (dir, "collection.ini",
         "[Collection]\n"                    /* 1 */
         "title=Les moulins du canton\n"     /* 2 */
         "\n"                                /* 3 */
         "[Item 2]\n"                        /* 4 */
         "title=Le moulin de la Rouquette\n" /* 5 */
         "image=images/rouquette.png\n"      /* 6: missing */
         "\n"                                /* 7 */
         "[Item 1]\n"                        /* 8 */
         "title=Le moulin du bourg\n"        /* 9 */
         "image=images/moulin.png\n"         /* 10 */
         "audio=sons/moulin.ogg\n"           /* 11 */
         "text-2=Deuxième.\n"                /* 12 */
         "text-1=Premier.\n"                 /* 13 */
         "legende=faute de frappe\n"         /* 14: unknown key */
         "\n"                                /* 15 */
         "[Item 3]\n"                        /* 16 */
         "title=Hors du dossier\n"           /* 17 */
         "image=../../etc/passwd\n");        /* 18: outside */

  collection = escale_culture_collection_load (dir, "culture/moulins", problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (collection);
  text = problems_text (problems);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "culture/moulins/collection.ini:6: image:"));
  g_assert_nonnull (strstr (text, "rouquette.png"));
  g_assert_nonnull (strstr (text, "culture/moulins/collection.ini:14: legende"));
  g_assert_nonnull (strstr (text, "culture/moulins/collection.ini:18: image:"));

  /* Only the good item is shown, its paragraphs in order, its sound found. */
  g_assert_cmpuint (escale_culture_collection_get_n_items (collection), ==, 1);
  item = escale_culture_collection_get_item (collection, 0);
  g_assert_cmpstr (item->title, ==, "Le moulin du bourg");
  g_assert_cmpstr (item->caption, ==, "Le moulin du bourg");
  g_assert_cmpstr (item->paragraphs[0], ==, "Premier.");
  g_assert_cmpstr (item->paragraphs[1], ==, "Deuxième.");
  g_assert_nonnull (item->audio);
  g_assert_true (g_path_is_absolute (item->audio));
  remove_tree (dir);
}

static void
test_missing_file (void)
{
  g_autoptr(GPtrArray) problems =
               g_ptr_array_new_with_free_func ((GDestroyNotify) escale_config_problem_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleCultureCollection) collection =
               escale_culture_collection_load ("/nonexistent/escale", NULL, problems, &error);

  g_assert_null (collection);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/escale/culture-collection/demo", test_demo_collection);
  g_test_add_func ("/escale/culture-collection/mistakes-name-file-and-line",
                   test_mistakes_name_file_and_line);
  g_test_add_func ("/escale/culture-collection/missing-file", test_missing_file);
  return g_test_run ();
}
