/* SPDX-License-Identifier: GPL-3.0-or-later */
/* "Form PDF generated <= 300 ms" (issue 10): from the answers of a demo
 * form to its A4 PDF in memory, as "Imprimer" or "Enregistrer" does it
 * (escale_form_document_new () then escale_document_to_pdf ()). The first
 * round is the cold one (fonts found and loaded); then the median of ROUNDS.
 *
 *   bench-forms SOURCE_DIR [ROUNDS]
 */
#include "escale-config-file.h"
#include "escale-form-definition.h"
#include "escale-form-document.h"

static const char *const transport[] = {
  "nom",
  "Jeanne Dupont",
  "telephone",
  "05 53 12 34 56",
  "email",
  "jeanne.dupont@exemple.fr",
  "commune",
  "24200 Sainte-Nathalène",
  "adresse",
  "Lieu-dit Les Granges",
  "destination",
  "Au marché de Sarlat",
  "jour",
  "05/12/2026",
  "heure",
  "9",
  "retour",
  "oui",
  "heure-retour",
  "17",
  "fauteuil",
  "non",
  "accompagne",
  "oui",
  "accompagnants",
  "1",
  NULL,
};

static const char *const letter[] = {
  "nom",
  "Jeanne Dupont",
  "adresse",
  "12 rue des Tilleuls, 24200 Sarlat-la-Canéda",
  "telephone",
  "05 53 12 34 56",
  "email",
  "jeanne.dupont@exemple.fr",
  "genre",
  "Téléphone ou internet",
  "entreprise",
  "Opérateur Exemple",
  "adresse-entreprise",
  "Service résiliation, 10 avenue de la Gare, 33000 Bordeaux",
  "client",
  "0123456789",
  "date-fin",
  "01/01/2027",
  "date",
  "30/11/2026",
  NULL,
};

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
one_pdf (EscaleFormDefinition *form, GHashTable *answers, gsize *size)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(EscaleDocument) document = escale_form_document_new (form, answers);
  g_autoptr(GBytes) pdf = escale_document_to_pdf (document, NULL);

  g_assert_nonnull (pdf);
  *size = g_bytes_get_size (pdf);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
bench (const char *source_dir, const char *file, const char *const *pairs, guint rounds)
{
  g_autofree char *path = g_build_filename (source_dir, "kiosk-config", "formulaires", file, NULL);
  g_autoptr(GPtrArray) problems =
               g_ptr_array_new_with_free_func ((GDestroyNotify) escale_config_problem_free);
  g_autoptr(EscaleFormDefinition) form = escale_form_definition_load (path, file, problems);
  g_autoptr(GHashTable) answers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  double cold;
  gsize size = 0;

  g_assert_nonnull (form);
  for (guint i = 0; pairs[i] != NULL; i += 2)
    g_hash_table_insert (answers, (gpointer) pairs[i], (gpointer) pairs[i + 1]);
  cold = one_pdf (form, answers, &size);
  for (guint i = 0; i < rounds; i++)
    {
      double ms = one_pdf (form, answers, &size);

      g_array_append_val (times, ms);
    }
  g_array_sort (times, compare_doubles);
  g_print ("%s: first %.1f ms; then median %.1f ms, min %.1f, max %.1f over %u; PDF %zu bytes\n",
           file, cold, g_array_index (times, double, rounds / 2), g_array_index (times, double, 0),
           g_array_index (times, double, rounds - 1), rounds, size);
}

int
main (int argc, char **argv)
{
  guint rounds = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 50;

  if (argc < 2 || rounds == 0)
    {
      g_printerr ("usage: %s SOURCE_DIR [ROUNDS]\n", argv[0]);
      return 2;
    }
  /* The first form pays for the fonts; the second shows a form alone. */
  bench (argv[1], "transport-a-la-demande.ini", transport, rounds);
  bench (argv[1], "resiliation-abonnement.ini", letter, rounds);
  return 0;
}
