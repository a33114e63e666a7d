/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-config"

#include <glib/gi18n-lib.h>

#include "escale-config-file.h"
#include "escale-procedure.h"

/* A guided procedure ("fiche démarche") as the centre writes it, one .ini
 * file in the procedures folder (kiosk-config/demarches/README.md):
 *
 *   [Procedure]  title, category (a Coop slug), need (a home button),
 *                purpose, bring-N, pitfall-N, ask-conseiller-N,
 *                site (the official start page), site-allow-N
 *   [Step N]     text, picture, address (a glob on the page's address)
 *
 * GLib only: escale --check-config reads every file with this. Problems are
 * "demarches/FILE.ini:LINE: key: what to do"; a file without a title, a
 * known category, a known need or a step is left out, the others are
 * shown. */
struct _EscaleProcedure
{
  GObject parent_instance;

  char *id; /* the file's name without .ini */
  char *title;
  char *category;
  char *need;
  char *purpose;
  GStrv bring;
  GStrv pitfalls;
  GStrv ask_conseiller;
  GPtrArray *steps; /* of EscaleProcedureStep */
  char *site_url;
  GStrv site_allow;
};

G_DEFINE_FINAL_TYPE (EscaleProcedure, escale_procedure, G_TYPE_OBJECT)

typedef struct
{
  const char *slug;
  const char *label;
} Named;

/* The 11 administrative categories of La Coop de la médiation numérique,
 * then "autre". Labels are French, translated where shown. */
static const Named categories[] = {
  { "papiers_elections_citoyennete", N_ ("Papiers, élections, citoyenneté") },
  { "famille_scolarite", N_ ("Famille, scolarité") },
  { "social_sante", N_ ("Social, santé") },
  { "travail_formation", N_ ("Travail, formation") },
  { "logement", N_ ("Logement") },
  { "transports_mobilite", N_ ("Transports, mobilité") },
  { "argent_impots", N_ ("Argent, impôts") },
  { "justice", N_ ("Justice") },
  { "etrangers_europe", N_ ("Étrangers, Europe") },
  { "loisirs_sports_culture", N_ ("Loisirs, sports, culture") },
  { "associations", N_ ("Associations") },
  { ESCALE_PROCEDURE_CATEGORY_OTHER, N_ ("Sans catégorie") },
};

static const char *const category_slugs[] = {
  "papiers_elections_citoyennete",
  "famille_scolarite",
  "social_sante",
  "travail_formation",
  "logement",
  "transports_mobilite",
  "argent_impots",
  "justice",
  "etrangers_europe",
  "loisirs_sports_culture",
  "associations",
  ESCALE_PROCEDURE_CATEGORY_OTHER,
  NULL,
};

static const Named needs[] = {
  { "papiers", N_ ("Mes papiers") },        { "sante", N_ ("Ma santé") },
  { "retraite", N_ ("Ma retraite") },       { "impots", N_ ("Mes impôts") },
  { "aides", N_ ("Mes aides (CAF, MSA)") }, { "deplacer", N_ ("Me déplacer") },
};

static const char *const need_ids[] = {
  "papiers", "sante", "retraite", "impots", "aides", "deplacer", NULL,
};

static const EscaleKeySpec procedure_keys[] = {
  { "Procedure", "title", ESCALE_KEY_STRING, 0, 0, TRUE },
  { "Procedure", "category", ESCALE_KEY_STRING, 0, 0, TRUE },
  { "Procedure", "need", ESCALE_KEY_STRING, 0, 0, TRUE },
  { "Procedure", "purpose", ESCALE_KEY_STRING, 0, 0, TRUE },
  { "Procedure", "bring-*", ESCALE_KEY_STRING },
  { "Procedure", "pitfall-*", ESCALE_KEY_STRING },
  { "Procedure", "ask-conseiller-*", ESCALE_KEY_STRING },
  { "Procedure", "site", ESCALE_KEY_URL },
  { "Procedure", "site-allow-*", ESCALE_KEY_URL },
  { "Step *", "text", ESCALE_KEY_STRING },
  { "Step *", "picture", ESCALE_KEY_PATH },
  { "Step *", "address", ESCALE_KEY_STRING },
  { NULL },
};

static const char *
find_label (const Named *table, gsize n, const char *slug)
{
  for (gsize i = 0; slug != NULL && i < n; i++)
    if (g_str_equal (table[i].slug, slug))
      return _ (table[i].label);
  return NULL;
}

/* Returns: (transfer none): the 11 Coop slugs, then "autre". */
const char *const *
escale_procedure_category_slugs (void)
{
  return category_slugs;
}

/* The French label of a category slug (translated), or NULL if unknown. */
const char *
escale_procedure_category_label (const char *slug)
{
  return find_label (categories, G_N_ELEMENTS (categories), slug);
}

/* TRUE for the 11 Coop slugs; "autre" is not a category a file may name. */
gboolean
escale_procedure_category_is_known (const char *slug)
{
  return slug != NULL && !g_str_equal (slug, ESCALE_PROCEDURE_CATEGORY_OTHER) &&
         escale_procedure_category_label (slug) != NULL;
}

const char *const *
escale_procedure_need_ids (void)
{
  return need_ids;
}

/* The words of a need's home button (translated), or NULL if unknown. */
const char *
escale_procedure_need_label (const char *need)
{
  return find_label (needs, G_N_ELEMENTS (needs), need);
}

static void
step_free (gpointer data)
{
  EscaleProcedureStep *step = data;

  g_free (step->text);
  g_free (step->picture);
  g_free (step->address);
  g_free (step);
}

static void
escale_procedure_finalize (GObject *object)
{
  EscaleProcedure *self = ESCALE_PROCEDURE (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->category);
  g_free (self->need);
  g_free (self->purpose);
  g_strfreev (self->bring);
  g_strfreev (self->pitfalls);
  g_strfreev (self->ask_conseiller);
  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_free (self->site_url);
  g_strfreev (self->site_allow);
  G_OBJECT_CLASS (escale_procedure_parent_class)->finalize (object);
}

static void
escale_procedure_class_init (EscaleProcedureClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = escale_procedure_finalize;
}

static void
escale_procedure_init (EscaleProcedure *self)
{
  self->steps = g_ptr_array_new_with_free_func (step_free);
}

static int
compare_step_groups (gconstpointer a, gconstpointer b)
{
  const char *ga = *(const char *const *) a;
  const char *gb = *(const char *const *) b;

  return (int) (g_ascii_strtoll (ga + 5, NULL, 10) - g_ascii_strtoll (gb + 5, NULL, 10));
}

/* "https://a.fr/x" and "https://a.fr:443/y" are the same origin. */
static char *
origin_of (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  int port;

  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return NULL;
  port = g_uri_get_port (uri);
  if (port < 0)
    port = g_str_equal (g_uri_get_scheme (uri), "https") ? 443 : 80;
  return g_strdup_printf ("%s://%s:%d", g_uri_get_scheme (uri), g_uri_get_host (uri), port);
}

static void
load_steps (EscaleProcedure *self, EscaleConfigFile *file, const char *dir, GPtrArray *problems)
{
  GKeyFile *key_file = escale_config_file_get_key_file (file);
  g_auto(GStrv) all_groups = g_key_file_get_groups (key_file, NULL);
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();

  for (guint i = 0; all_groups[i] != NULL; i++)
    if (g_str_has_prefix (all_groups[i], "Step ") && g_ascii_isdigit (all_groups[i][5]))
      g_ptr_array_add (groups, all_groups[i]);
  g_ptr_array_sort (groups, compare_step_groups);

  for (guint i = 0; i < groups->len; i++)
    {
      const char *group = groups->pdata[i];
      g_autofree char *picture = escale_key_file_get_text (key_file, group, "picture");
      EscaleProcedureStep *step = g_new0 (EscaleProcedureStep, 1);

      step->text = escale_key_file_get_text (key_file, group, "text");
      step->address = escale_key_file_get_text (key_file, group, "address");
      if (picture != NULL)
        step->picture = g_build_filename (dir, picture, NULL);
      /* A key the validation refused has its own message already. */
      if (step->picture == NULL && escale_config_file_get_line (file, group, "picture") == 0)
        escale_config_file_problem (file, problems, group, "picture",
                                    _ ("manquante dans [%s] : chaque étape a son dessin"), group);
      if (step->text == NULL)
        {
          if (escale_config_file_get_line (file, group, "text") == 0)
            escale_config_file_problem (file, problems, group, "text",
                                        _ ("manquante dans [%s] : l'étape est ignorée"), group);
          step_free (step);
          continue;
        }
      g_ptr_array_add (self->steps, step);
    }
}

static void
load_site (EscaleProcedure *self, EscaleConfigFile *file, GPtrArray *problems)
{
  GKeyFile *key_file = escale_config_file_get_key_file (file);
  g_autofree char *site_origin = NULL;

  self->site_url = escale_key_file_get_text (key_file, "Procedure", "site");
  self->site_allow = escale_config_file_get_numbered (file, "Procedure", "site-allow");
  if (self->site_url == NULL)
    {
      if (self->site_allow[0] != NULL)
        escale_config_file_problem (file, problems, "Procedure", "site-allow-1",
                                    _ ("aucun site officiel (site=) : ces adresses ne servent à "
                                       "rien"));
      return;
    }
  site_origin = origin_of (self->site_url);
  for (guint i = 0; self->site_allow[i] != NULL; i++)
    {
      g_autofree char *allowed = origin_of (self->site_allow[i]);

      if (g_strcmp0 (allowed, site_origin) == 0)
        return;
    }
  escale_config_file_problem (file, problems, "Procedure", "site",
                              _ ("l'adresse de « %s » n'est pas dans les site-allow-N : "
                                 "ajoutez-la, sinon le site officiel ne s'ouvre pas"),
                              self->site_url);
  g_clear_pointer (&self->site_url, g_free);
}

/* Checks the category and the need: both name something the code knows. */
static gboolean
check_names (EscaleProcedure *self, EscaleConfigFile *file, GPtrArray *problems)
{
  gboolean ok = TRUE;

  if (self->category != NULL && !escale_procedure_category_is_known (self->category))
    {
      g_autofree char *known = g_strjoinv (", ", (char **) category_slugs);

      /* "autre" is only for counters without a procedure. */
      known[strlen (known) - strlen (", " ESCALE_PROCEDURE_CATEGORY_OTHER)] = '\0';
      escale_config_file_problem (file, problems, "Procedure", "category",
                                  _ ("« %s » n'est pas une catégorie de La Coop de la médiation "
                                     "numérique : utilisez %s ; la démarche est ignorée"),
                                  self->category, known);
      ok = FALSE;
    }
  if (self->need != NULL && escale_procedure_need_label (self->need) == NULL)
    {
      g_autofree char *known = g_strjoinv (", ", (char **) need_ids);

      escale_config_file_problem (file, problems, "Procedure", "need",
                                  _ ("« %s » n'est pas un bouton de l'accueil : utilisez %s ; "
                                     "la démarche est ignorée"),
                                  self->need, known);
      ok = FALSE;
    }
  return ok && self->title != NULL && self->category != NULL && self->need != NULL;
}

/* Loads the procedure at @path (@display_name in messages). Returns NULL,
 * with the reason in @problems, when it cannot be shown. */
EscaleProcedure *
escale_procedure_load (const char *path, const char *display_name, GPtrArray *problems)
{
  g_autoptr(EscaleProcedure) self = g_object_new (ESCALE_TYPE_PROCEDURE, NULL);
  g_autoptr(EscaleConfigFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  const EscaleKeySpec *spec_lists[] = { procedure_keys, NULL };
  GKeyFile *key_file;
  gboolean usable;

  g_return_val_if_fail (path != NULL && problems != NULL, NULL);

  file = escale_config_file_load (path, display_name, problems, &error);
  if (file == NULL)
    {
      escale_config_problem_add (problems, display_name ? display_name : path, 0, NULL,
                                 _ ("le fichier ne se lit pas : %s"), error->message);
      return NULL;
    }
  escale_config_file_validate (file, spec_lists, dir, problems);
  key_file = escale_config_file_get_key_file (file);

  if (g_str_has_suffix (base, ".ini"))
    base[strlen (base) - 4] = '\0';
  self->id = g_steal_pointer (&base);
  self->title = escale_key_file_get_text (key_file, "Procedure", "title");
  self->category = escale_key_file_get_text (key_file, "Procedure", "category");
  self->need = escale_key_file_get_text (key_file, "Procedure", "need");
  self->purpose = escale_key_file_get_text (key_file, "Procedure", "purpose");
  self->bring = escale_config_file_get_numbered (file, "Procedure", "bring");
  self->pitfalls = escale_config_file_get_numbered (file, "Procedure", "pitfall");
  self->ask_conseiller = escale_config_file_get_numbered (file, "Procedure", "ask-conseiller");
  usable = check_names (self, file, problems);
  load_steps (self, file, dir, problems);
  load_site (self, file, problems);
  if (self->steps->len == 0)
    {
      escale_config_problem_add (problems, escale_config_file_get_name (file), 0, NULL,
                                 _ ("la démarche n'a aucune étape : ajoutez un groupe [Step 1] "
                                    "avec text= et picture= ; elle est ignorée"));
      usable = FALSE;
    }
  return usable ? g_steal_pointer (&self) : NULL;
}

/* Every .ini file of DIR, in the order of their names. Returns: (transfer full):
 * the usable ones (maybe none, then said in @problems). */
GPtrArray *
escale_procedures_load_dir (const char *dir, const char *display_dir, GPtrArray *problems)
{
  GPtrArray *procedures = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = escale_config_list_ini_names (dir, &error);

  if (names == NULL)
    {
      escale_config_problem_add (problems, display_dir ? display_dir : dir, 0, NULL,
                                 _ ("le dossier des démarches ne s'ouvre pas : %s"),
                                 error->message);
      return procedures;
    }
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, names->pdata[i], NULL);
      g_autofree char *display =
        g_build_filename (display_dir ? display_dir : dir, names->pdata[i], NULL);
      EscaleProcedure *procedure = escale_procedure_load (path, display, problems);

      if (procedure != NULL)
        g_ptr_array_add (procedures, procedure);
    }
  if (procedures->len == 0)
    escale_config_problem_add (problems, display_dir ? display_dir : dir, 0, NULL,
                               _ ("aucune démarche à montrer : ajoutez un fichier .ini (voir "
                                  "demarches/README.md)"));
  return procedures;
}

const char *
escale_procedure_get_id (EscaleProcedure *self)
{
  g_return_val_if_fail (ESCALE_IS_PROCEDURE (self), NULL);
  return self->id;
}

const char *
escale_procedure_get_title (EscaleProcedure *self)
{
  g_return_val_if_fail (ESCALE_IS_PROCEDURE (self), NULL);
  return self->title;
}

/* The Coop slug of the procedure, for its counters. */
const char *
escale_procedure_get_category (EscaleProcedure *self)
{
  g_return_val_if_fail (ESCALE_IS_PROCEDURE (self), NULL);
  return self->category;
}

const char *
escale_procedure_get_need (EscaleProcedure *self)
{
  g_return_val_if_fail (ESCALE_IS_PROCEDURE (self), NULL);
  return self->need;
}

/* Returns: (nullable): what the procedure is for. */
const char *
escale_procedure_get_purpose (EscaleProcedure *self)
{
  g_return_val_if_fail (ESCALE_IS_PROCEDURE (self), NULL);
  return self->purpose;
}

/* "Ce qu'il vous faut": the documents and identifiers to have at hand. */
const char *const *
escale_procedure_get_bring (EscaleProcedure *self)
{
  g_return_val_if_fail (ESCALE_IS_PROCEDURE (self), NULL);
  return (const char *const *) self->bring;
}

const char *const *
escale_procedure_get_pitfalls (EscaleProcedure *self)
{
  g_return_val_if_fail (ESCALE_IS_PROCEDURE (self), NULL);
  return (const char *const *) self->pitfalls;
}

const char *const *
escale_procedure_get_ask_conseiller (EscaleProcedure *self)
{
  g_return_val_if_fail (ESCALE_IS_PROCEDURE (self), NULL);
  return (const char *const *) self->ask_conseiller;
}

guint
escale_procedure_get_n_steps (EscaleProcedure *self)
{
  g_return_val_if_fail (ESCALE_IS_PROCEDURE (self), 0);
  return self->steps->len;
}

const EscaleProcedureStep *
escale_procedure_get_step (EscaleProcedure *self, guint index)
{
  g_return_val_if_fail (ESCALE_IS_PROCEDURE (self), NULL);
  g_return_val_if_fail (index < self->steps->len, NULL);
  return self->steps->pdata[index];
}

/* Returns: (nullable): the official site's first page. */
const char *
escale_procedure_get_site_url (EscaleProcedure *self)
{
  g_return_val_if_fail (ESCALE_IS_PROCEDURE (self), NULL);
  return self->site_url;
}

/* The addresses whose origins the site's web view may open. */
const char *const *
escale_procedure_get_site_allow (EscaleProcedure *self)
{
  g_return_val_if_fail (ESCALE_IS_PROCEDURE (self), NULL);
  return (const char *const *) self->site_allow;
}

/* The step (1-based) the page at @uri tells: the last step whose address
 * glob matches it, or 0 when none does. */
guint
escale_procedure_find_step (EscaleProcedure *self, const char *uri)
{
  g_return_val_if_fail (ESCALE_IS_PROCEDURE (self), 0);

  if (uri == NULL)
    return 0;
  for (guint i = self->steps->len; i > 0; i--)
    {
      const EscaleProcedureStep *step = self->steps->pdata[i - 1];

      if (step->address != NULL && g_pattern_match_simple (step->address, uri))
        return i;
    }
  return 0;
}
