/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "escale-config-file.h"
#include "form-test-util.h"
#include "photos-test-widgets.h"

static const char every_type[] = "[Form]\n"
                                 "title=Toutes les questions\n"
                                 "category=social_sante\n"
                                 "intro=Un formulaire d'essai.\n"
                                 "[Question 1]\nid=texte\ntype=text\nlabel=Votre nom ?\n"
                                 "short-label=Nom\n"
                                 "[Question 2]\nid=nombre\ntype=number\nlabel=Combien ?\n"
                                 "short-label=Nombre\n"
                                 "[Question 3]\nid=date\ntype=date\nlabel=Quel jour ?\n"
                                 "short-label=Date\n"
                                 "[Question 4]\nid=choix\ntype=choice\nlabel=Lequel ?\n"
                                 "short-label=Choix\nchoice-1=Le marché\n"
                                 "choice-2=Choix-Q7X-marqueur\n"
                                 "[Question 5]\nid=oui-non\ntype=yes-no\nlabel=Vraiment ?\n"
                                 "short-label=Oui ou non\n"
                                 "[Question 6]\nid=commune\ntype=postal-code\n"
                                 "label=Votre code postal ?\nshort-label=Commune\n"
                                 "[Question 7]\nid=telephone\ntype=phone\nlabel=Votre numéro ?\n"
                                 "short-label=Téléphone\n"
                                 "[Question 8]\nid=email\ntype=email\nlabel=Votre e-mail ?\n"
                                 "short-label=E-mail\n"
                                 "[Communes]\ncommune-1=24200 Sarlat-la-Canéda\n"
                                 "commune-2=24200 Vitrac\ncommune-3=24620 Marquay\n"
                                 "commune-4=24999 Marqueurville-Résidu\n"
                                 "[Document]\nblock-1=heading:Réponses\nblock-2=answers\n"
                                 "block-3=signature\n";

EscaleFormDefinition *
form_test_every_type (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "toutes.ini", NULL);
  g_autoptr(GPtrArray) problems =
               g_ptr_array_new_with_free_func ((GDestroyNotify) escale_config_problem_free);
  EscaleFormDefinition *form;

  g_assert_true (g_file_set_contents (path, every_type, -1, NULL));
  form = escale_form_definition_load (path, "toutes.ini", problems);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_nonnull (form);
  return form;
}

static GtkWidget *
find_entry (GtkWidget *root)
{
  if (GTK_IS_ENTRY (root) && gtk_widget_is_drawable (root))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_entry (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

const char *
form_test_entry_text (GtkWidget *root)
{
  GtkWidget *entry = find_entry (root);

  return entry != NULL ? gtk_editable_get_text (GTK_EDITABLE (entry)) : NULL;
}

gboolean
form_test_shows_text (GtkWidget *root, const char *needle)
{
  const char *text = NULL;

  if (GTK_IS_LABEL (root))
    text = gtk_label_get_text (GTK_LABEL (root));
  else if (GTK_IS_EDITABLE (root))
    text = gtk_editable_get_text (GTK_EDITABLE (root));
  if (text != NULL && strstr (text, needle) != NULL)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (form_test_shows_text (c, needle))
      return TRUE;
  return FALSE;
}

static void
press_digits (GtkWidget *root, const char *digits)
{
  for (const char *p = digits; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      {
        char key[2] = { *p, '\0' };

        photos_test_click (root, key);
      }
}

void
form_test_type (EscaleFormFlow *flow, EscaleFormDefinition *definition, const char *answer)
{
  GtkWidget *root = GTK_WIDGET (flow);
  int index =
    escale_form_definition_find_question (definition, escale_form_flow_get_question_id (flow));
  const EscaleFormQuestion *q;
  GtkWidget *entry;

  g_assert_cmpint (index, >=, 0);
  q = escale_form_definition_get_question (definition, index);
  switch (q->type)
    {
    case ESCALE_FORM_FIELD_TEXT:
    case ESCALE_FORM_FIELD_EMAIL:
      entry = find_entry (root);
      g_assert_nonnull (entry);
      gtk_editable_set_text (GTK_EDITABLE (entry), answer);
      break;
    case ESCALE_FORM_FIELD_NUMBER:
    case ESCALE_FORM_FIELD_DATE:
    case ESCALE_FORM_FIELD_PHONE:
      press_digits (root, answer);
      break;
    case ESCALE_FORM_FIELD_POSTAL_CODE:
      {
        g_autofree char *code = g_strndup (answer, 5);

        if (g_strcmp0 (form_test_entry_text (root), code) != 0)
          press_digits (root, code);
        if (strlen (answer) > 6)
          photos_test_click (root, answer + 6);
      }
      break;
    case ESCALE_FORM_FIELD_CHOICE:
      photos_test_click (root, answer);
      break;
    case ESCALE_FORM_FIELD_YES_NO:
      photos_test_click (root, g_str_equal (answer, "oui") ? "Oui" : "Non");
      break;
    default:
      g_assert_not_reached ();
    }
}

void
form_test_answer (EscaleFormFlow *flow, EscaleFormDefinition *definition, const char *answer)
{
  form_test_type (flow, definition, answer);
  photos_test_click (GTK_WIDGET (flow), "Suivant");
}
