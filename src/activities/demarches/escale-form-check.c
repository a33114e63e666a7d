/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-demarches"

#include <glib/gi18n-lib.h>

#include "escale-form-check.h"

/* The checks never blame: they say what is expected, with an example. */

#define MAX_TEXT 300

static char *
digits_of (const char *input)
{
  GString *digits = g_string_new (NULL);

  for (const char *p = input; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
  return g_string_free (digits, FALSE);
}

static gboolean
only_digits_and (const char *input, const char *allowed)
{
  for (const char *p = input; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && strchr (allowed, *p) == NULL)
      return FALSE;
  return TRUE;
}

static gboolean
fail (char **message, const char *text)
{
  *message = g_strdup (text);
  return FALSE;
}

static gboolean
check_number (const EscaleFormQuestion *q, const char *input, char **value, char **message)
{
  gint64 number;

  if (!only_digits_and (input, "") || strlen (input) > 12)
    return fail (message, _ ("Écrivez seulement des chiffres, avec les touches ci-dessous."));
  number = g_ascii_strtoll (input, NULL, 10);
  if ((q->has_min && number < q->min) || (q->has_max && number > q->max))
    {
      g_autofree char *low = g_strdup_printf ("%" G_GINT64_FORMAT, q->has_min ? q->min : 0);
      g_autofree char *high =
        g_strdup_printf ("%" G_GINT64_FORMAT, q->has_max ? q->max : G_MAXINT);

      *message = g_strdup_printf (_ ("Écrivez un nombre entre %s et %s."), low, high);
      return FALSE;
    }
  *value = g_strdup_printf ("%" G_GINT64_FORMAT, number);
  return TRUE;
}

static const char *
month_name (guint month)
{
  static const char *const names[] = {
    N_ ("janvier"),   N_ ("février"), N_ ("mars"),     N_ ("avril"),
    N_ ("mai"),       N_ ("juin"),    N_ ("juillet"),  N_ ("août"),
    N_ ("septembre"), N_ ("octobre"), N_ ("novembre"), N_ ("décembre"),
  };

  return _ (names[month - 1]);
}

static gboolean
check_date (const EscaleFormQuestion *q, const char *input, GDate *today, char **value,
            char **message)
{
  g_autofree char *digits = digits_of (input);
  guint day, month, year;
  g_autoptr(GDate) date = NULL;

  if (!only_digits_and (input, "/ ") || strlen (digits) != 8)
    return fail (message, _ ("Écrivez le jour, le mois et l'année, par exemple 14 07 1950 "
                             "pour le 14 juillet 1950."));
  day = (digits[0] - '0') * 10 + (digits[1] - '0');
  month = (digits[2] - '0') * 10 + (digits[3] - '0');
  year = (guint) g_ascii_strtoull (digits + 4, NULL, 10);
  if (month < 1 || month > 12)
    return fail (message, _ ("Le mois s'écrit de 01 (janvier) à 12 (décembre). Vérifiez-le."));
  if (year < 1900 || year > 2100)
    return fail (message, _ ("Vérifiez l'année : elle s'écrit avec 4 chiffres, par exemple "
                             "1950."));
  if (day < 1 || day > g_date_get_days_in_month (month, year))
    {
      *message = g_strdup_printf (_ ("Cette date n'existe pas : en %s %u, il y a %u jours. "
                                     "Vérifiez le jour."),
                                  month_name (month), year,
                                  g_date_get_days_in_month (month, year));
      return FALSE;
    }
  date = g_date_new_dmy (day, month, year);
  if (q->when == ESCALE_FORM_WHEN_PAST && g_date_compare (date, today) > 0)
    return fail (message, _ ("Cette date n'est pas encore arrivée. Vérifiez l'année."));
  if (q->when == ESCALE_FORM_WHEN_FUTURE && g_date_compare (date, today) < 0)
    return fail (message, _ ("Cette date est déjà passée. Choisissez un jour à venir."));
  *value = g_strdup_printf ("%02u/%02u/%04u", day, month, year);
  return TRUE;
}

GPtrArray *
escale_form_communes_for (EscaleFormDefinition *definition, const char *postal_code)
{
  GPtrArray *communes = escale_form_definition_get_communes (definition);
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < communes->len; i++)
    {
      EscaleFormCommune *commune = communes->pdata[i];

      if (g_strcmp0 (commune->postal_code, postal_code) == 0)
        g_ptr_array_add (found, commune);
    }
  return found;
}

static gboolean
check_postal_code (EscaleFormDefinition *definition, const char *input, char **value,
                   char **message)
{
  g_autofree char *code = g_strndup (input, 5);
  const char *name = strlen (input) > 6 ? input + 6 : NULL;
  g_autoptr(GPtrArray) communes = NULL;

  if (!only_digits_and (code, "") || strlen (code) != 5 || (input[5] != '\0' && input[5] != ' '))
    return fail (message, _ ("Un code postal a 5 chiffres, par exemple 24200."));
  if (g_str_has_prefix (code, "00") || g_str_has_prefix (code, "96") ||
      g_str_has_prefix (code, "99"))
    return fail (message, _ ("Ce code postal n'existe pas en France. Vérifiez les chiffres."));
  communes = escale_form_communes_for (definition, code);
  if (communes->len == 0)
    return fail (message, _ ("Ce code postal n'est pas dans la liste de ce formulaire. "
                             "Vérifiez les chiffres, ou demandez à un aidant."));
  for (guint i = 0; name != NULL && i < communes->len; i++)
    {
      EscaleFormCommune *commune = communes->pdata[i];

      if (g_str_equal (commune->name, name))
        {
          *value = g_strdup_printf ("%s %s", commune->postal_code, commune->name);
          return TRUE;
        }
    }
  if (communes->len == 1)
    {
      EscaleFormCommune *commune = communes->pdata[0];

      *value = g_strdup_printf ("%s %s", commune->postal_code, commune->name);
      return TRUE;
    }
  return fail (message, _ ("Touchez le nom de votre commune."));
}

static gboolean
check_phone (const char *input, char **value, char **message)
{
  g_autofree char *digits = digits_of (input);

  if (g_str_has_prefix (input, "+33") && strlen (digits) == 11)
    {
      /* +33 5 53 … is 05 53 … */
      char *national = g_strconcat ("0", digits + 2, NULL);

      g_free (digits);
      digits = national;
    }
  else if (!only_digits_and (input, " .-"))
    digits[0] = '\0';
  if (strlen (digits) != 10 || digits[0] != '0' || digits[1] == '0')
    return fail (message, _ ("Un numéro de téléphone a 10 chiffres et commence par 0, par "
                             "exemple 05 53 12 34 56."));
  *value = g_strdup_printf ("%.2s %.2s %.2s %.2s %.2s", digits, digits + 2, digits + 4, digits + 6,
                            digits + 8);
  return TRUE;
}

static gboolean
check_email (const char *input, char **value, char **message)
{
  const char *at = strchr (input, '@');
  const char *dot = at ? strrchr (at, '.') : NULL;

  if (at == NULL || at == input || strchr (at + 1, '@') != NULL || dot == NULL || dot == at + 1 ||
      dot[1] == '\0' || strpbrk (input, " ,;<>()\"") != NULL)
    return fail (message, _ ("Cette adresse e-mail semble incomplète. Elle s'écrit comme "
                             "jeanne.dupont@exemple.fr."));
  *value = g_utf8_strdown (input, -1);
  return TRUE;
}

static gboolean
check_choice (const EscaleFormQuestion *q, const char *input, char **value, char **message)
{
  if (q->type == ESCALE_FORM_FIELD_YES_NO)
    {
      if (g_strcmp0 (input, "oui") != 0 && g_strcmp0 (input, "non") != 0)
        return fail (message, _ ("Touchez « Oui » ou « Non »."));
    }
  else if (!g_strv_contains ((const char *const *) q->choices, input))
    return fail (message, _ ("Touchez une des réponses."));
  *value = g_strdup (input);
  return TRUE;
}

gboolean
escale_form_check (const EscaleFormQuestion *question, EscaleFormDefinition *definition,
                   const char *input, GDate *today, char **value, char **message)
{
  g_autofree char *text = g_strstrip (g_strdup (input ? input : ""));

  g_return_val_if_fail (question != NULL && value != NULL && message != NULL, FALSE);
  *value = NULL;
  *message = NULL;
  if (text[0] == '\0')
    {
      if (!question->required)
        {
          *value = g_strdup ("");
          return TRUE;
        }
      if (question->type == ESCALE_FORM_FIELD_CHOICE || question->type == ESCALE_FORM_FIELD_YES_NO)
        return fail (message, _ ("Touchez une des réponses pour continuer."));
      return fail (message, _ ("Cette réponse est nécessaire pour continuer."));
    }
  switch (question->type)
    {
    case ESCALE_FORM_FIELD_TEXT:
      if (g_utf8_strlen (text, -1) > MAX_TEXT)
        return fail (message, _ ("Cette réponse est trop longue. Écrivez l'essentiel."));
      *value = g_steal_pointer (&text);
      return TRUE;
    case ESCALE_FORM_FIELD_NUMBER:
      return check_number (question, text, value, message);
    case ESCALE_FORM_FIELD_DATE:
      return check_date (question, text, today, value, message);
    case ESCALE_FORM_FIELD_CHOICE:
    case ESCALE_FORM_FIELD_YES_NO:
      return check_choice (question, text, value, message);
    case ESCALE_FORM_FIELD_POSTAL_CODE:
      return check_postal_code (definition, text, value, message);
    case ESCALE_FORM_FIELD_PHONE:
      return check_phone (text, value, message);
    case ESCALE_FORM_FIELD_EMAIL:
      return check_email (text, value, message);
    default:
      g_assert_not_reached ();
    }
}
