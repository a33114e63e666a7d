/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-config"

#include <glib/gi18n-lib.h>

#include "escale-demarches-kind.h"
#include "escale-form-definition.h"
#include "escale-print-keys.h"
#include "escale-procedure.h"

/* kind=demarches: "Mes démarches", guided procedures written by the centre
 * (a folder of .ini files, kiosk-config/demarches/README.md), simple forms
 * (a folder too) printed or saved, a document scanned. GLib only: this is
 * what escale --check-config reads, and it reads every procedure file. */

static const EscaleKeySpec demarches_keys[] = {
  { "Demarches", "procedures", ESCALE_KEY_PATH },        /* folder, default "demarches" */
  { "Demarches", "forms", ESCALE_KEY_PATH },             /* folder, default "formulaires" */
  { "Demarches", "print", ESCALE_KEY_BOOL },             /* default true */
  { "Demarches", "max-prints", ESCALE_KEY_INT, 0, 50 },  /* pages a visit, lists and forms */
  { "Demarches", "printer", ESCALE_KEY_STRING },         /* a CUPS queue, else CUPS's default */
  { "Demarches", "booking-url", ESCALE_KEY_URL },        /* the centre's booking page */
  { "Demarches", "booking-address", ESCALE_KEY_STRING }, /* short, to read aloud or type */
  { "Demarches", "scanner", ESCALE_KEY_STRING },         /* a SANE device, else SANE's first */
  { "Demarches", "permanence", ESCALE_KEY_STRING },      /* ACTIVITY-ID:N, an [Entry N] of it */
  { NULL },
};

/* Per Coop category, numbers only: never a procedure, a site or a file.
 * A counter's name is COUNTER--SLUG with the slug's '_' as '-' (names are
 * [a-z0-9-]+ in the stats store): escale_demarches_counter_name (). */
static const EscaleCounterSpec demarches_counters[] = {
  { "procedures-opened--papiers-elections-citoyennete",
    N_ ("Démarches ouvertes — Papiers, élections, citoyenneté") },
  { "procedures-opened--famille-scolarite", N_ ("Démarches ouvertes — Famille, scolarité") },
  { "procedures-opened--social-sante", N_ ("Démarches ouvertes — Social, santé") },
  { "procedures-opened--travail-formation", N_ ("Démarches ouvertes — Travail, formation") },
  { "procedures-opened--logement", N_ ("Démarches ouvertes — Logement") },
  { "procedures-opened--transports-mobilite", N_ ("Démarches ouvertes — Transports, mobilité") },
  { "procedures-opened--argent-impots", N_ ("Démarches ouvertes — Argent, impôts") },
  { "procedures-opened--justice", N_ ("Démarches ouvertes — Justice") },
  { "procedures-opened--etrangers-europe", N_ ("Démarches ouvertes — Étrangers, Europe") },
  { "procedures-opened--loisirs-sports-culture",
    N_ ("Démarches ouvertes — Loisirs, sports, culture") },
  { "procedures-opened--associations", N_ ("Démarches ouvertes — Associations") },
  { "procedures-opened--autre", N_ ("Démarches ouvertes — Sans catégorie") },
  { "sites-opened--papiers-elections-citoyennete",
    N_ ("Sites officiels ouverts — Papiers, élections, citoyenneté") },
  { "sites-opened--famille-scolarite", N_ ("Sites officiels ouverts — Famille, scolarité") },
  { "sites-opened--social-sante", N_ ("Sites officiels ouverts — Social, santé") },
  { "sites-opened--travail-formation", N_ ("Sites officiels ouverts — Travail, formation") },
  { "sites-opened--logement", N_ ("Sites officiels ouverts — Logement") },
  { "sites-opened--transports-mobilite", N_ ("Sites officiels ouverts — Transports, mobilité") },
  { "sites-opened--argent-impots", N_ ("Sites officiels ouverts — Argent, impôts") },
  { "sites-opened--justice", N_ ("Sites officiels ouverts — Justice") },
  { "sites-opened--etrangers-europe", N_ ("Sites officiels ouverts — Étrangers, Europe") },
  { "sites-opened--loisirs-sports-culture",
    N_ ("Sites officiels ouverts — Loisirs, sports, culture") },
  { "sites-opened--associations", N_ ("Sites officiels ouverts — Associations") },
  { "sites-opened--autre", N_ ("Sites officiels ouverts — Sans catégorie") },
  { "checklists-printed--papiers-elections-citoyennete",
    N_ ("Listes imprimées — Papiers, élections, citoyenneté") },
  { "checklists-printed--famille-scolarite", N_ ("Listes imprimées — Famille, scolarité") },
  { "checklists-printed--social-sante", N_ ("Listes imprimées — Social, santé") },
  { "checklists-printed--travail-formation", N_ ("Listes imprimées — Travail, formation") },
  { "checklists-printed--logement", N_ ("Listes imprimées — Logement") },
  { "checklists-printed--transports-mobilite", N_ ("Listes imprimées — Transports, mobilité") },
  { "checklists-printed--argent-impots", N_ ("Listes imprimées — Argent, impôts") },
  { "checklists-printed--justice", N_ ("Listes imprimées — Justice") },
  { "checklists-printed--etrangers-europe", N_ ("Listes imprimées — Étrangers, Europe") },
  { "checklists-printed--loisirs-sports-culture",
    N_ ("Listes imprimées — Loisirs, sports, culture") },
  { "checklists-printed--associations", N_ ("Listes imprimées — Associations") },
  { "checklists-printed--autre", N_ ("Listes imprimées — Sans catégorie") },
  { "forms-completed--papiers-elections-citoyennete",
    N_ ("Formulaires remplis — Papiers, élections, citoyenneté") },
  { "forms-completed--famille-scolarite", N_ ("Formulaires remplis — Famille, scolarité") },
  { "forms-completed--social-sante", N_ ("Formulaires remplis — Social, santé") },
  { "forms-completed--travail-formation", N_ ("Formulaires remplis — Travail, formation") },
  { "forms-completed--logement", N_ ("Formulaires remplis — Logement") },
  { "forms-completed--transports-mobilite", N_ ("Formulaires remplis — Transports, mobilité") },
  { "forms-completed--argent-impots", N_ ("Formulaires remplis — Argent, impôts") },
  { "forms-completed--justice", N_ ("Formulaires remplis — Justice") },
  { "forms-completed--etrangers-europe", N_ ("Formulaires remplis — Étrangers, Europe") },
  { "forms-completed--loisirs-sports-culture",
    N_ ("Formulaires remplis — Loisirs, sports, culture") },
  { "forms-completed--associations", N_ ("Formulaires remplis — Associations") },
  { "forms-completed--autre", N_ ("Formulaires remplis — Sans catégorie") },
  { "pages-scanned--papiers-elections-citoyennete",
    N_ ("Pages scannées — Papiers, élections, citoyenneté") },
  { "pages-scanned--famille-scolarite", N_ ("Pages scannées — Famille, scolarité") },
  { "pages-scanned--social-sante", N_ ("Pages scannées — Social, santé") },
  { "pages-scanned--travail-formation", N_ ("Pages scannées — Travail, formation") },
  { "pages-scanned--logement", N_ ("Pages scannées — Logement") },
  { "pages-scanned--transports-mobilite", N_ ("Pages scannées — Transports, mobilité") },
  { "pages-scanned--argent-impots", N_ ("Pages scannées — Argent, impôts") },
  { "pages-scanned--justice", N_ ("Pages scannées — Justice") },
  { "pages-scanned--etrangers-europe", N_ ("Pages scannées — Étrangers, Europe") },
  { "pages-scanned--loisirs-sports-culture", N_ ("Pages scannées — Loisirs, sports, culture") },
  { "pages-scanned--associations", N_ ("Pages scannées — Associations") },
  { "pages-scanned--autre", N_ ("Pages scannées — Sans catégorie") },
  { "files-sent--papiers-elections-citoyennete",
    N_ ("Documents envoyés — Papiers, élections, citoyenneté") },
  { "files-sent--famille-scolarite", N_ ("Documents envoyés — Famille, scolarité") },
  { "files-sent--social-sante", N_ ("Documents envoyés — Social, santé") },
  { "files-sent--travail-formation", N_ ("Documents envoyés — Travail, formation") },
  { "files-sent--logement", N_ ("Documents envoyés — Logement") },
  { "files-sent--transports-mobilite", N_ ("Documents envoyés — Transports, mobilité") },
  { "files-sent--argent-impots", N_ ("Documents envoyés — Argent, impôts") },
  { "files-sent--justice", N_ ("Documents envoyés — Justice") },
  { "files-sent--etrangers-europe", N_ ("Documents envoyés — Étrangers, Europe") },
  { "files-sent--loisirs-sports-culture", N_ ("Documents envoyés — Loisirs, sports, culture") },
  { "files-sent--associations", N_ ("Documents envoyés — Associations") },
  { "files-sent--autre", N_ ("Documents envoyés — Sans catégorie") },
  { NULL },
};

/* The name the stats store knows for @counter of @category, e.g.
 * "procedures-opened--argent-impots"; an unknown or NULL category counts
 * under "autre". */
char *
escale_demarches_counter_name (const char *counter, const char *category)
{
  g_autofree char *slug = NULL;

  g_return_val_if_fail (counter != NULL, NULL);

  if (category == NULL || escale_procedure_category_label (category) == NULL)
    category = ESCALE_PROCEDURE_CATEGORY_OTHER;
  slug = g_strdelimit (g_strdup (category), "_", '-');
  return g_strdup_printf ("%s--%s", counter, slug);
}

/* Counts @n of @counter ("procedures-opened", "sites-opened",
 * "checklists-printed", "forms-completed", "pages-scanned", "files-sent")
 * for the Coop @category (NULL: "autre") on @visit. */
void
escale_demarches_count (EscaleVisit *visit, const char *counter, const char *category, guint n)
{
  g_autofree char *name = escale_demarches_counter_name (counter, category);

  escale_visit_count (visit, name, n);
}

/* A folder key's value as written (or @fallback), inside the config folder. */
static char *
get_relative_folder (EscaleActivity *activity, const char *key, const char *fallback)
{
  g_autofree char *relative = escale_activity_get_string (activity, "Demarches", key);

  if (relative == NULL || strstr (relative, "..") != NULL || g_path_is_absolute (relative))
    return g_strdup (fallback);
  return g_steal_pointer (&relative);
}

static char *
get_folder (EscaleActivity *activity, const char *key, const char *fallback)
{
  g_autofree char *relative = get_relative_folder (activity, key, fallback);

  return g_build_filename (escale_activity_get_config_dir (activity), relative, NULL);
}

/* The full path of [Demarches] procedures= (default: the folder "demarches"). */
char *
escale_demarches_kind_get_procedures_dir (EscaleActivity *activity)
{
  return get_folder (activity, "procedures", "demarches");
}

/* The full path of [Demarches] forms= (default: the folder "formulaires"). */
char *
escale_demarches_kind_get_forms_dir (EscaleActivity *activity)
{
  return get_folder (activity, "forms", "formulaires");
}

/* Returns: (nullable): [Demarches] booking-url=. */
char *
escale_demarches_kind_get_booking_url (EscaleActivity *activity)
{
  return escale_activity_get_string (activity, "Demarches", "booking-url");
}

/* Returns: (nullable): [Demarches] booking-address=. */
char *
escale_demarches_kind_get_booking_address (EscaleActivity *activity)
{
  return escale_activity_get_string (activity, "Demarches", "booking-address");
}

/* Returns: (nullable): [Demarches] scanner=, or NULL for SANE's first device. */
char *
escale_demarches_kind_get_scanner (EscaleActivity *activity)
{
  return escale_activity_get_string (activity, "Demarches", "scanner");
}

/* "infos:1" -> "infos" and 1; FALSE if it is not that shape. */
static gboolean
parse_permanence (const char *value, char **id, guint *entry)
{
  const char *colon = value ? strrchr (value, ':') : NULL;
  guint64 number;

  if (colon == NULL || colon == value ||
      !g_ascii_string_to_unsigned (colon + 1, 10, 1, 99, &number, NULL))
    return FALSE;
  *id = g_strndup (value, (gsize) (colon - value));
  *entry = (guint) number;
  return TRUE;
}

/* The [Entry N] group of the activity file whose [Activity] id is @id, in
 * the config folder's activities/; NULL if there is none. */
static GStrv
find_entry (const char *config_dir, const char *id, guint entry)
{
  g_autofree char *dir = g_build_filename (config_dir, "activities", NULL);
  g_autofree char *group = g_strdup_printf ("Entry %u", entry);
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GPtrArray) ignored =
                   g_ptr_array_new_with_free_func ((GDestroyNotify) escale_config_problem_free);
      g_autoptr(EscaleConfigFile) file = NULL;
      g_autofree char *file_id = NULL;
      g_autofree char *title = NULL;
      g_auto(GStrv) lines = NULL;
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      if (!g_str_has_suffix (name, ".ini") ||
          (file = escale_config_file_load (path, name, ignored, NULL)) == NULL)
        continue;
      file_id =
        escale_key_file_get_text (escale_config_file_get_key_file (file), "Activity", "id");
      if (g_strcmp0 (file_id, id) != 0)
        continue;
      title = escale_key_file_get_text (escale_config_file_get_key_file (file), group, "title");
      lines = escale_config_file_get_numbered (file, group, "line");
      if (title == NULL && lines[0] == NULL)
        return NULL;
      if (title != NULL)
        g_strv_builder_add (builder, title);
      g_strv_builder_addv (builder, (const char **) lines);
      return g_strv_builder_end (builder);
    }
  return NULL;
}

/* The permanence days ([Demarches] permanence=infos:1: the title and lines
 * of [Entry 1] of the activity "infos"), or NULL. */
GStrv
escale_demarches_kind_get_permanence (EscaleActivity *activity)
{
  g_autofree char *value = escale_activity_get_string (activity, "Demarches", "permanence");
  g_autofree char *id = NULL;
  guint entry;

  if (!parse_permanence (value, &id, &entry))
    return NULL;
  return find_entry (escale_activity_get_config_dir (activity), id, entry);
}

static void
check_permanence (EscaleActivity *activity, EscaleConfigFile *file, GPtrArray *problems)
{
  g_autofree char *value = escale_activity_get_string (activity, "Demarches", "permanence");
  g_auto(GStrv) lines = NULL;
  g_autofree char *id = NULL;
  guint entry;

  if (value == NULL)
    return;
  if (!parse_permanence (value, &id, &entry))
    {
      escale_config_file_problem (file, problems, "Demarches", "permanence",
                                  _ ("« %s » : écrivez l'id d'une activité, deux-points et le "
                                     "numéro de son [Entry N], par exemple infos:1"),
                                  value);
      return;
    }
  lines = find_entry (escale_activity_get_config_dir (activity), id, entry);
  if (lines == NULL)
    escale_config_file_problem (file, problems, "Demarches", "permanence",
                                _ ("aucune activité « %s » avec un [Entry %u] dans activities/ : "
                                   "les jours de permanence ne s'affichent pas"),
                                id, entry);
}

/* Every procedure and form file is read and checked in full. A centre
 * without forms has no formulaires/ folder: that is only a problem when
 * forms= names one. */
static void
check_demarches (EscaleActivity *activity, EscaleConfigFile *file, GPtrArray *problems)
{
  g_autofree char *dir = escale_demarches_kind_get_procedures_dir (activity);
  g_autofree char *relative = get_relative_folder (activity, "procedures", "demarches");
  g_autoptr(GPtrArray) procedures = escale_procedures_load_dir (dir, relative, problems);
  g_autofree char *forms_dir = escale_demarches_kind_get_forms_dir (activity);
  g_autofree char *forms_relative = get_relative_folder (activity, "forms", "formulaires");
  g_autofree char *forms_key = escale_activity_get_string (activity, "Demarches", "forms");

  if (forms_key != NULL || g_file_test (forms_dir, G_FILE_TEST_IS_DIR))
    g_ptr_array_unref (escale_form_definitions_load_dir (forms_dir, forms_relative, problems));

  check_permanence (activity, file, problems);
  escale_print_keys_check (activity, "Demarches", file, problems);
}

const EscaleActivityKind escale_demarches_kind = {
  .name = "demarches",
  .keys = demarches_keys,
  .check = check_demarches,
  .counters = demarches_counters,
  .view_type = escale_demarches_kind_view_type,
};
