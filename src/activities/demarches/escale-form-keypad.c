/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-demarches"

#include <glib/gi18n-lib.h>

#include "escale-form-keypad.h"

struct _EscaleFormKeypad
{
  GtkGrid parent_instance;

  GtkEditable *target; /* borrowed: a sibling in the question's screen */
  EscaleFormFieldType type;
};

G_DEFINE_FINAL_TYPE (EscaleFormKeypad, escale_form_keypad, GTK_TYPE_GRID)

static guint
max_digits (EscaleFormFieldType type)
{
  switch (type)
    {
    case ESCALE_FORM_FIELD_DATE:
      return 8;
    case ESCALE_FORM_FIELD_POSTAL_CODE:
      return 5;
    case ESCALE_FORM_FIELD_PHONE:
      return 10;
    case ESCALE_FORM_FIELD_NUMBER:
      return 9;
    case ESCALE_FORM_FIELD_TEXT:
    case ESCALE_FORM_FIELD_CHOICE:
    case ESCALE_FORM_FIELD_YES_NO:
    case ESCALE_FORM_FIELD_EMAIL:
    default:
      return 0;
    }
}

char *
escale_form_keypad_format (EscaleFormFieldType type, const char *digits)
{
  GString *shown = g_string_new (NULL);
  guint n = 0;

  for (const char *p = digits; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        continue;
      if (type == ESCALE_FORM_FIELD_DATE && (n == 2 || n == 4))
        g_string_append_c (shown, '/');
      else if (type == ESCALE_FORM_FIELD_PHONE && n > 0 && n % 2 == 0)
        g_string_append_c (shown, ' ');
      g_string_append_c (shown, *p);
      n++;
    }
  return g_string_free (shown, FALSE);
}

static char *
target_digits (EscaleFormKeypad *self)
{
  const char *text = gtk_editable_get_text (self->target);
  GString *digits = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
  return g_string_free (digits, FALSE);
}

static void
show_digits (EscaleFormKeypad *self, const char *digits)
{
  g_autofree char *shown = escale_form_keypad_format (self->type, digits);

  gtk_editable_set_text (self->target, shown);
  gtk_editable_set_position (self->target, -1);
}

static void
digit_clicked_cb (GtkButton *button, EscaleFormKeypad *self)
{
  g_autofree char *digits = target_digits (self);
  g_autofree char *more = NULL;

  if (strlen (digits) >= max_digits (self->type))
    return;
  more = g_strconcat (digits, gtk_button_get_label (button), NULL);
  show_digits (self, more);
}

static void
erase_clicked_cb (EscaleFormKeypad *self)
{
  g_autofree char *digits = target_digits (self);

  if (digits[0] == '\0')
    return;
  digits[strlen (digits) - 1] = '\0';
  show_digits (self, digits);
}

static void
escale_form_keypad_class_init (EscaleFormKeypadClass *klass)
{
}

static void
escale_form_keypad_init (EscaleFormKeypad *self)
{
}

GtkWidget *
escale_form_keypad_new (GtkEditable *target, EscaleFormFieldType type)
{
  EscaleFormKeypad *self = g_object_new (ESCALE_TYPE_FORM_KEYPAD, NULL);
  GtkWidget *erase;

  g_return_val_if_fail (GTK_IS_EDITABLE (target), NULL);
  self->target = target;
  self->type = type;
  gtk_grid_set_row_spacing (GTK_GRID (self), 10);
  gtk_grid_set_column_spacing (GTK_GRID (self), 16);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_START);
  gtk_grid_set_column_homogeneous (GTK_GRID (self), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "form-keypad");
  for (guint i = 0; i < 10; i++)
    {
      char label[2] = { (char) ('0' + (i + 1) % 10), '\0' };
      GtkWidget *key = gtk_button_new_with_label (label);

      gtk_widget_add_css_class (key, "form-key");
      g_signal_connect (key, "clicked", G_CALLBACK (digit_clicked_cb), self);
      /* 1 2 3 / 4 5 6 / 7 8 9 / . 0 Effacer, as on a phone */
      if (i < 9)
        gtk_grid_attach (GTK_GRID (self), key, i % 3, i / 3, 1, 1);
      else
        gtk_grid_attach (GTK_GRID (self), key, 0, 3, 1, 1);
    }
  erase = gtk_button_new_with_label (_ ("Effacer"));
  gtk_widget_add_css_class (erase, "form-key");
  gtk_widget_add_css_class (erase, "form-erase");
  gtk_accessible_update_property (GTK_ACCESSIBLE (erase), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Effacer le dernier chiffre"), -1);
  g_signal_connect_swapped (erase, "clicked", G_CALLBACK (erase_clicked_cb), self);
  gtk_grid_attach (GTK_GRID (self), erase, 1, 3, 2, 1);
  return GTK_WIDGET (self);
}
