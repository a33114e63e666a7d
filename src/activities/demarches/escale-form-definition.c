/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-demarches"

#include <glib/gi18n-lib.h>

#include "escale-config-file.h"
#include "escale-form-definition.h"
#include "escale-procedure.h"

struct _EscaleFormDefinition
{
  GObject parent_instance;

  char *title;
  char *category;
  char *intro;
  char *document_title;
  GPtrArray *questions; /* of EscaleFormQuestion */
  GPtrArray *communes;  /* of EscaleFormCommune */
  GPtrArray *blocks;    /* of EscaleFormBlock */
};

G_DEFINE_FINAL_TYPE (EscaleFormDefinition, escale_form_definition, G_TYPE_OBJECT)

static const struct
{
  const char *name;
  EscaleFormFieldType type;
} field_types[] = {
  { "text", ESCALE_FORM_FIELD_TEXT },     { "number", ESCALE_FORM_FIELD_NUMBER },
  { "date", ESCALE_FORM_FIELD_DATE },     { "choice", ESCALE_FORM_FIELD_CHOICE },
  { "yes-no", ESCALE_FORM_FIELD_YES_NO }, { "postal-code", ESCALE_FORM_FIELD_POSTAL_CODE },
  { "phone", ESCALE_FORM_FIELD_PHONE },   { "email", ESCALE_FORM_FIELD_EMAIL },
};

static const EscaleKeySpec form_keys[] = {
  { "Form", "title", ESCALE_KEY_STRING, 0, 0, TRUE },
  { "Form", "category", ESCALE_KEY_STRING },
  { "Form", "intro", ESCALE_KEY_STRING },
  { "Question *", "id", ESCALE_KEY_ID },
  { "Question *", "type", ESCALE_KEY_STRING },
  { "Question *", "label", ESCALE_KEY_STRING },
  { "Question *", "short-label", ESCALE_KEY_STRING },
  { "Question *", "help", ESCALE_KEY_STRING },
  { "Question *", "required", ESCALE_KEY_BOOL },
  { "Question *", "choice-*", ESCALE_KEY_STRING },
  { "Question *", "min", ESCALE_KEY_INT, -1000000000, 1000000000 },
  { "Question *", "max", ESCALE_KEY_INT, -1000000000, 1000000000 },
  { "Question *", "when", ESCALE_KEY_STRING },
  { "Question *", "next", ESCALE_KEY_ID },
  { "Question *", "next-if-yes", ESCALE_KEY_ID },
  { "Question *", "next-if-no", ESCALE_KEY_ID },
  { "Communes", "commune-*", ESCALE_KEY_STRING },
  { "Document", "title", ESCALE_KEY_STRING },
  { "Document", "block-*", ESCALE_KEY_STRING },
  { NULL },
};

#define MAX_CHOICES 6

static void
question_free (EscaleFormQuestion *q)
{
  g_free (q->id);
  g_free (q->label);
  g_free (q->short_label);
  g_free (q->help);
  g_strfreev (q->choices);
  g_free (q->next);
  g_free (q->next_if_yes);
  g_free (q->next_if_no);
  g_free (q);
}

static void
commune_free (EscaleFormCommune *c)
{
  g_free (c->postal_code);
  g_free (c->name);
  g_free (c);
}

static void
block_free (EscaleFormBlock *b)
{
  g_free (b->text);
  g_free (b);
}

/* Parsing state: the file, the problems, and whether this form had any. */
typedef struct
{
  EscaleFormDefinition *self;
  EscaleConfigFile *file;
  GKeyFile *keys;
  GPtrArray *problems;
  GPtrArray *groups; /* the question groups, in order */
} Parse;

static guint
group_number (const char *group)
{
  return (guint) g_ascii_strtoull (group + strlen ("Question "), NULL, 10);
}

static int
compare_groups (gconstpointer a, gconstpointer b)
{
  guint na = group_number (*(const char *const *) a);
  guint nb = group_number (*(const char *const *) b);

  return na < nb ? -1 : na > nb;
}

static gboolean
parse_type (Parse *p, const char *group, EscaleFormQuestion *q)
{
  g_autofree char *type = g_key_file_get_string (p->keys, group, "type", NULL);

  if (type == NULL)
    {
      escale_config_file_problem (p->file, p->problems, group, "type",
                                  _ ("manquante dans [%s] : text, number, date, choice, yes-no, "
                                     "postal-code, phone ou email"),
                                  group);
      return FALSE;
    }
  g_strstrip (type);
  for (guint i = 0; i < G_N_ELEMENTS (field_types); i++)
    if (g_str_equal (type, field_types[i].name))
      {
        q->type = field_types[i].type;
        return TRUE;
      }
  escale_config_file_problem (p->file, p->problems, group, "type",
                              _ ("type « %s » inconnu : text, number, date, choice, yes-no, "
                                 "postal-code, phone ou email"),
                              type);
  return FALSE;
}

/* The keys "prefix-1", "prefix-2"... of @group, in numeric order (their
 * names, for the lines of problems). */
static int
compare_numbered_keys (gconstpointer a, gconstpointer b)
{
  const char *ka = strrchr (*(const char *const *) a, '-');
  const char *kb = strrchr (*(const char *const *) b, '-');
  guint64 na = g_ascii_strtoull (ka + 1, NULL, 10);
  guint64 nb = g_ascii_strtoull (kb + 1, NULL, 10);

  return na < nb ? -1 : na > nb;
}

static GStrv
numbered_keys (GKeyFile *keys, const char *group, const char *prefix)
{
  g_auto(GStrv) all = g_key_file_get_keys (keys, group, NULL, NULL);
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; all != NULL && all[i] != NULL; i++)
    {
      const char *rest = all[i] + strlen (prefix);
      gboolean number = g_str_has_prefix (all[i], prefix) && *rest != '\0';

      for (const char *c = rest; number && *c != '\0'; c++)
        number = g_ascii_isdigit (*c);
      if (number)
        g_ptr_array_add (found, all[i]);
    }
  g_ptr_array_sort (found, compare_numbered_keys);
  for (guint i = 0; i < found->len; i++)
    g_strv_builder_add (builder, found->pdata[i]);
  return g_strv_builder_end (builder);
}

static void
parse_choices (Parse *p, const char *group, EscaleFormQuestion *q)
{
  g_auto(GStrv) keys = numbered_keys (p->keys, group, "choice-");
  g_autoptr(GStrvBuilder) choices = g_strv_builder_new ();
  guint n = 0;

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      g_autofree char *text = escale_key_file_get_text (p->keys, group, keys[i]);

      if (text != NULL)
        {
          g_strv_builder_add (choices, text);
          n++;
        }
    }
  q->choices = g_strv_builder_end (choices);
  if (q->type == ESCALE_FORM_FIELD_CHOICE && (n < 2 || n > MAX_CHOICES))
    escale_config_file_problem (p->file, p->problems, group, "type",
                                _ ("une question choice a de 2 à %d réponses (choice-1=, "
                                   "choice-2=…) ; celle-ci en a %u"),
                                MAX_CHOICES, n);
  else if (q->type != ESCALE_FORM_FIELD_CHOICE && n > 0)
    escale_config_file_problem (p->file, p->problems, group, keys[0],
                                _ ("seule une question de type choice a des réponses à choisir"));
}

static void
parse_details (Parse *p, const char *group, EscaleFormQuestion *q)
{
  g_autofree char *when = g_key_file_get_string (p->keys, group, "when", NULL);
  g_autoptr(GError) error = NULL;

  q->required = TRUE;
  if (g_key_file_has_key (p->keys, group, "required", NULL))
    q->required = g_key_file_get_boolean (p->keys, group, "required", NULL);
  q->help = escale_key_file_get_text (p->keys, group, "help");
  q->short_label = escale_key_file_get_text (p->keys, group, "short-label");
  if (q->short_label == NULL)
    q->short_label = g_strdup (q->label);
  q->has_min = g_key_file_has_key (p->keys, group, "min", NULL);
  q->min = g_key_file_get_int64 (p->keys, group, "min", NULL);
  q->has_max = g_key_file_has_key (p->keys, group, "max", NULL);
  q->max = g_key_file_get_int64 (p->keys, group, "max", NULL);
  if (q->has_min && q->has_max && q->min > q->max)
    escale_config_file_problem (p->file, p->problems, group, "max",
                                _ ("le maximum est plus petit que le minimum"));
  if (when != NULL && g_str_equal (g_strstrip (when), "past"))
    q->when = ESCALE_FORM_WHEN_PAST;
  else if (when != NULL && g_str_equal (when, "future"))
    q->when = ESCALE_FORM_WHEN_FUTURE;
  else if (when != NULL && !g_str_equal (when, "any"))
    escale_config_file_problem (p->file, p->problems, group, "when",
                                _ ("« %s » : écrivez past (une date passée), future (à venir) "
                                   "ou any"),
                                when);
  q->next = g_key_file_get_string (p->keys, group, "next", NULL);
  q->next_if_yes = g_key_file_get_string (p->keys, group, "next-if-yes", NULL);
  q->next_if_no = g_key_file_get_string (p->keys, group, "next-if-no", NULL);
  if (q->type != ESCALE_FORM_FIELD_YES_NO && (q->next_if_yes != NULL || q->next_if_no != NULL))
    escale_config_file_problem (p->file, p->problems, group,
                                q->next_if_yes != NULL ? "next-if-yes" : "next-if-no",
                                _ ("seule une question yes-no peut dépendre de la réponse"));
  parse_choices (p, group, q);
}

static void
parse_question (Parse *p, const char *group)
{
  EscaleFormQuestion *q = g_new0 (EscaleFormQuestion, 1);

  q->id = g_key_file_get_string (p->keys, group, "id", NULL);
  q->label = escale_key_file_get_text (p->keys, group, "label");
  if (q->id == NULL)
    escale_config_file_problem (p->file, p->problems, group, "id",
                                _ ("manquante dans [%s] : un nom court, par exemple id=nom"),
                                group);
  else if (g_str_equal (q->id, ESCALE_FORM_END))
    escale_config_file_problem (p->file, p->problems, group, "id",
                                _ ("« fin » est réservé à next=fin : choisissez un autre nom"));
  else if (escale_form_definition_find_question (p->self, q->id) >= 0)
    escale_config_file_problem (p->file, p->problems, group, "id",
                                _ ("« %s » est déjà le nom d'une autre question"), q->id);
  if (q->label == NULL)
    escale_config_file_problem (p->file, p->problems, group, "label",
                                _ ("manquante dans [%s] : la question, telle qu'on la pose"),
                                group);
  if (!parse_type (p, group, q) || q->id == NULL || q->label == NULL)
    {
      question_free (q);
      return;
    }
  parse_details (p, group, q);
  g_ptr_array_add (p->self->questions, q);
}

static void
check_target (Parse *p, const char *group, const char *key, const char *target)
{
  if (target != NULL && !g_str_equal (target, ESCALE_FORM_END) &&
      escale_form_definition_find_question (p->self, target) < 0)
    escale_config_file_problem (p->file, p->problems, group, key,
                                _ ("aucune question ne s'appelle « %s » (id=) ; écrivez "
                                   "next=fin pour finir"),
                                target);
}

/* The "next question" logic must always move on: a question that leads
 * back to one already asked would keep the person going round. Depth-first
 * search over every way through; a way back to a question on the way is a
 * loop, reported at the key that makes it. */
typedef struct
{
  const char *key;
  const char *target;
} Edge;

static guint
edges_of (EscaleFormDefinition *self, guint index, Edge edges[3])
{
  const EscaleFormQuestion *q = self->questions->pdata[index];
  guint n = 0;

  if (q->type == ESCALE_FORM_FIELD_YES_NO && q->next_if_yes != NULL)
    edges[n++] = (Edge){ "next-if-yes", q->next_if_yes };
  if (q->type == ESCALE_FORM_FIELD_YES_NO && q->next_if_no != NULL)
    edges[n++] = (Edge){ "next-if-no", q->next_if_no };
  if (n < 2)
    edges[n++] = (Edge){ "next", q->next };
  return n;
}

static gboolean
find_loop (Parse *p, guint index, guint8 *state)
{
  Edge edges[3];
  guint n = edges_of (p->self, index, edges);

  state[index] = 1; /* on the way */
  for (guint e = 0; e < n; e++)
    {
      int next = edges[e].target == NULL
                   ? (int) index + 1
                   : escale_form_definition_find_question (p->self, edges[e].target);

      if (next < 0 || (guint) next >= p->self->questions->len || state[next] == 2)
        continue;
      if (state[next] == 1)
        {
          const EscaleFormQuestion *q = p->self->questions->pdata[index];
          const EscaleFormQuestion *back = p->self->questions->pdata[next];

          escale_config_file_problem (p->file, p->problems, p->groups->pdata[index], edges[e].key,
                                      _ ("après « %s », le formulaire revient à « %s », déjà "
                                         "posée : il tournerait en rond"),
                                      q->id, back->id);
          return TRUE;
        }
      if (find_loop (p, next, state))
        return TRUE;
    }
  state[index] = 2; /* every way from here ends */
  return FALSE;
}

static void
check_flow (Parse *p)
{
  g_autofree guint8 *state = g_new0 (guint8, p->self->questions->len + 1);

  for (guint i = 0; i < p->self->questions->len; i++)
    {
      const EscaleFormQuestion *q = p->self->questions->pdata[i];

      check_target (p, p->groups->pdata[i], "next", q->next);
      check_target (p, p->groups->pdata[i], "next-if-yes", q->next_if_yes);
      check_target (p, p->groups->pdata[i], "next-if-no", q->next_if_no);
    }
  for (guint i = 0; i < p->self->questions->len; i++)
    if (state[i] == 0 && find_loop (p, i, state))
      break;
}

static void
parse_communes (Parse *p)
{
  g_auto(GStrv) keys = numbered_keys (p->keys, "Communes", "commune-");
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      g_autofree char *value = escale_key_file_get_text (p->keys, "Communes", keys[i]);
      EscaleFormCommune *commune;
      gboolean code = value != NULL && strlen (value) > 6 && value[5] == ' ';

      for (guint c = 0; code && c < 5; c++)
        code = g_ascii_isdigit (value[c]);
      if (!code || g_strstrip (value + 6)[0] == '\0')
        {
          escale_config_file_problem (p->file, p->problems, "Communes", keys[i],
                                      _ (
                                        "« %s » : écrivez le code postal (5 chiffres), une "
                                        "espace, puis le nom, par exemple 24200 Sarlat-la-Canéda"),
                                      value ? value : "");
          continue;
        }
      if (!g_hash_table_add (seen, g_utf8_casefold (value, -1)))
        {
          escale_config_file_problem (p->file, p->problems, "Communes", keys[i],
                                      _ ("« %s » est déjà dans la liste"), value);
          continue;
        }
      commune = g_new0 (EscaleFormCommune, 1);
      commune->postal_code = g_strndup (value, 5);
      commune->name = g_strdup (g_strstrip (value + 6));
      g_ptr_array_add (p->self->communes, commune);
    }
  for (guint i = 0; i < p->self->questions->len; i++)
    {
      const EscaleFormQuestion *q = p->self->questions->pdata[i];

      if (q->type == ESCALE_FORM_FIELD_POSTAL_CODE && p->self->communes->len == 0)
        escale_config_file_problem (p->file, p->problems, p->groups->pdata[i], "type",
                                    _ ("la liste des communes manque : ajoutez un groupe "
                                       "[Communes] avec commune-1=24200 Sarlat-la-Canéda…"));
    }
}

/* Every {id} of @text names a question. */
static void
check_placeholders (Parse *p, const char *key, const char *text)
{
  for (const char *open = strchr (text, '{'); open != NULL; open = strchr (open + 1, '{'))
    {
      const char *close = strchr (open, '}');
      g_autofree char *id = close ? g_strndup (open + 1, close - open - 1) : NULL;

      if (id == NULL || escale_form_definition_find_question (p->self, id) < 0)
        escale_config_file_problem (p->file, p->problems, "Document", key,
                                    _ ("{%s} ne nomme aucune question (id=)"), id ? id : open + 1);
    }
}

static const struct
{
  const char *prefix;
  EscaleFormBlockType type;
} block_types[] = {
  { "heading:", ESCALE_FORM_BLOCK_HEADING }, { "paragraph:", ESCALE_FORM_BLOCK_PARAGRAPH },
  { "check:", ESCALE_FORM_BLOCK_CHECK },     { "field:", ESCALE_FORM_BLOCK_FIELD },
  { "answers", ESCALE_FORM_BLOCK_ANSWERS },  { "signature", ESCALE_FORM_BLOCK_SIGNATURE },
};

static void
parse_block (Parse *p, const char *key, const char *value)
{
  EscaleFormBlock *block;

  for (guint t = 0; t < G_N_ELEMENTS (block_types); t++)
    {
      const char *prefix = block_types[t].prefix;
      gboolean with_text = g_str_has_suffix (prefix, ":");

      if (with_text ? !g_str_has_prefix (value, prefix) : !g_str_equal (value, prefix))
        continue;
      block = g_new0 (EscaleFormBlock, 1);
      block->type = block_types[t].type;
      if (with_text)
        block->text = g_strstrip (g_strdup (value + strlen (prefix)));
      if (block->type == ESCALE_FORM_BLOCK_FIELD &&
          escale_form_definition_find_question (p->self, block->text) < 0)
        escale_config_file_problem (p->file, p->problems, "Document", key,
                                    _ ("« %s » ne nomme aucune question (id=)"), block->text);
      else if (block->text != NULL)
        check_placeholders (p, key, block->text);
      g_ptr_array_add (p->self->blocks, block);
      return;
    }
  escale_config_file_problem (p->file, p->problems, "Document", key,
                              _ ("« %s » : un bloc commence par heading:, paragraph:, check:, "
                                 "field: ou vaut answers ou signature"),
                              value);
}

static void
parse_document (Parse *p)
{
  g_auto(GStrv) keys = numbered_keys (p->keys, "Document", "block-");

  p->self->document_title = escale_key_file_get_text (p->keys, "Document", "title");
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      g_autofree char *value = escale_key_file_get_text (p->keys, "Document", keys[i]);

      if (value != NULL)
        parse_block (p, keys[i], value);
    }
  if (p->self->blocks->len == 0)
    {
      EscaleFormBlock *answers = g_new0 (EscaleFormBlock, 1);

      answers->type = ESCALE_FORM_BLOCK_ANSWERS;
      g_ptr_array_add (p->self->blocks, answers);
    }
}

static void
parse_form (Parse *p)
{
  g_auto(GStrv) groups = g_key_file_get_groups (p->keys, NULL);

  p->self->title = escale_key_file_get_text (p->keys, "Form", "title");
  p->self->intro = escale_key_file_get_text (p->keys, "Form", "intro");
  p->self->category = g_key_file_get_string (p->keys, "Form", "category", NULL);
  if (p->self->category != NULL &&
      !escale_procedure_category_is_known (g_strstrip (p->self->category)))
    escale_config_file_problem (p->file, p->problems, "Form", "category",
                                _ ("« %s » n'est pas une catégorie de La Coop "
                                   "(papiers_elections_citoyennete, social_sante, "
                                   "transports_mobilite, argent_impots…)"),
                                p->self->category);
  if (p->self->category == NULL)
    p->self->category = g_strdup (ESCALE_PROCEDURE_CATEGORY_OTHER);

  for (guint g = 0; groups[g] != NULL; g++)
    if (g_str_has_prefix (groups[g], "Question "))
      g_ptr_array_add (p->groups, g_strdup (groups[g]));
  g_ptr_array_sort (p->groups, compare_groups);
  for (guint g = 0; g < p->groups->len; g++)
    parse_question (p, p->groups->pdata[g]);
  if (p->groups->len == 0)
    escale_config_problem_add (p->problems, escale_config_file_get_name (p->file), 1, NULL,
                               _ ("aucune question : ajoutez un groupe [Question 1]"));
  else if (p->self->questions->len == p->groups->len)
    check_flow (p);
  parse_communes (p);
  parse_document (p);
}

EscaleFormDefinition *
escale_form_definition_load (const char *path, const char *display_name, GPtrArray *problems)
{
  g_autoptr(EscaleFormDefinition) self = g_object_new (ESCALE_TYPE_FORM_DEFINITION, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleConfigFile) file = NULL;
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (g_free);
  const EscaleKeySpec *specs[] = { form_keys, NULL };
  guint before = problems->len;
  Parse p;

  file = escale_config_file_load (path, display_name, problems, &error);
  if (file == NULL)
    {
      escale_config_problem_add (problems, display_name ? display_name : path, 0, NULL,
                                 _ ("ce formulaire ne peut pas être lu : %s"), error->message);
      return NULL;
    }
  escale_config_file_validate (file, specs, NULL, problems);
  p = (Parse){ self, file, escale_config_file_get_key_file (file), problems, groups };
  parse_form (&p);
  if (problems->len > before)
    return NULL;
  return g_steal_pointer (&self);
}

GPtrArray *
escale_form_definitions_load_dir (const char *dir, const char *display_dir, GPtrArray *problems)
{
  GPtrArray *forms = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = escale_config_list_ini_names (dir, &error);

  if (names == NULL)
    {
      escale_config_problem_add (problems, display_dir ? display_dir : dir, 0, NULL,
                                 _ ("le dossier des formulaires ne peut pas être lu : %s"),
                                 error->message);
      return forms;
    }
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, names->pdata[i], NULL);
      g_autofree char *shown =
        g_build_filename (display_dir ? display_dir : dir, names->pdata[i], NULL);
      EscaleFormDefinition *form = escale_form_definition_load (path, shown, problems);

      if (form != NULL)
        g_ptr_array_add (forms, form);
    }
  return forms;
}

int
escale_form_definition_next (EscaleFormDefinition *self, guint index, const char *answer)
{
  const EscaleFormQuestion *q;
  const char *target = NULL;

  g_return_val_if_fail (ESCALE_IS_FORM_DEFINITION (self), -1);
  g_return_val_if_fail (index < self->questions->len, -1);
  q = self->questions->pdata[index];
  if (q->type == ESCALE_FORM_FIELD_YES_NO && g_strcmp0 (answer, "oui") == 0)
    target = q->next_if_yes;
  else if (q->type == ESCALE_FORM_FIELD_YES_NO && g_strcmp0 (answer, "non") == 0)
    target = q->next_if_no;
  if (target == NULL)
    target = q->next;
  if (target == NULL)
    return index + 1 < self->questions->len ? (int) index + 1 : -1;
  return escale_form_definition_find_question (self, target); /* "fin": -1 */
}

int
escale_form_definition_find_question (EscaleFormDefinition *self, const char *id)
{
  g_return_val_if_fail (ESCALE_IS_FORM_DEFINITION (self), -1);
  for (guint i = 0; id != NULL && i < self->questions->len; i++)
    if (g_str_equal (((EscaleFormQuestion *) self->questions->pdata[i])->id, id))
      return (int) i;
  return -1;
}

const char *
escale_form_definition_get_title (EscaleFormDefinition *self)
{
  g_return_val_if_fail (ESCALE_IS_FORM_DEFINITION (self), NULL);
  return self->title;
}

const char *
escale_form_definition_get_category (EscaleFormDefinition *self)
{
  g_return_val_if_fail (ESCALE_IS_FORM_DEFINITION (self), NULL);
  return self->category;
}

const char *
escale_form_definition_get_intro (EscaleFormDefinition *self)
{
  g_return_val_if_fail (ESCALE_IS_FORM_DEFINITION (self), NULL);
  return self->intro;
}

const char *
escale_form_definition_get_document_title (EscaleFormDefinition *self)
{
  g_return_val_if_fail (ESCALE_IS_FORM_DEFINITION (self), NULL);
  return self->document_title != NULL ? self->document_title : self->title;
}

guint
escale_form_definition_get_n_questions (EscaleFormDefinition *self)
{
  g_return_val_if_fail (ESCALE_IS_FORM_DEFINITION (self), 0);
  return self->questions->len;
}

const EscaleFormQuestion *
escale_form_definition_get_question (EscaleFormDefinition *self, guint index)
{
  g_return_val_if_fail (ESCALE_IS_FORM_DEFINITION (self), NULL);
  g_return_val_if_fail (index < self->questions->len, NULL);
  return self->questions->pdata[index];
}

GPtrArray *
escale_form_definition_get_communes (EscaleFormDefinition *self)
{
  g_return_val_if_fail (ESCALE_IS_FORM_DEFINITION (self), NULL);
  return self->communes;
}

GPtrArray *
escale_form_definition_get_blocks (EscaleFormDefinition *self)
{
  g_return_val_if_fail (ESCALE_IS_FORM_DEFINITION (self), NULL);
  return self->blocks;
}

static void
escale_form_definition_finalize (GObject *object)
{
  EscaleFormDefinition *self = ESCALE_FORM_DEFINITION (object);

  g_free (self->title);
  g_free (self->category);
  g_free (self->intro);
  g_free (self->document_title);
  g_ptr_array_unref (self->questions);
  g_ptr_array_unref (self->communes);
  g_ptr_array_unref (self->blocks);
  G_OBJECT_CLASS (escale_form_definition_parent_class)->finalize (object);
}

static void
escale_form_definition_class_init (EscaleFormDefinitionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = escale_form_definition_finalize;
}

static void
escale_form_definition_init (EscaleFormDefinition *self)
{
  self->questions = g_ptr_array_new_with_free_func ((GDestroyNotify) question_free);
  self->communes = g_ptr_array_new_with_free_func ((GDestroyNotify) commune_free);
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
}
