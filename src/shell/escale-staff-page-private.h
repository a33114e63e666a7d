/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared between escale-staff-page.c (the pad, opening and closing) and
 * escale-staff-page-actions.c (what the menu's buttons do). Not for other
 * files. */

#include "escale-staff-page.h"

G_BEGIN_DECLS

typedef enum
{
  PIN_CHECK,
  PIN_NEW,
  PIN_CONFIRM,
  PIN_RESET, /* the staff code is lost: only the administrator can set it */
} PinMode;

struct _EscaleStaffPage
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkStack *stack;
  GtkLabel *pin_title;
  GtkLabel *pin_dots;
  GtkLabel *pin_message;
  GtkGrid *keypad;
  GtkLabel *menu_status;
  GtkWidget *warnings_button;
  GtkLabel *warnings_label;
  GtkBox *dashboard_box;
  GtkWidget *dashboard_button;
  GtkLabel *reduced_label;
  GtkBox *workshop_box;

  /* owned */
  EscaleKiosk *kiosk;
  EscaleHelpClient *helper_client; /* given with "Je suis aidant" */
  GString *typed;
  char *first_entry;
  guint wait_id;
  guint idle_id;
  gint64 last_input;
  GCancellable *checking; /* while a code is being checked */

  /* borrowed */
  GtkWidget *dashboard;
  GtkWidget *workshop_form;

  /* borrowed: the code the pad checks or sets (the staff's, the helpers') */
  EscaleCodeLock *target;

  PinMode mode;
  gboolean unlocked; /* the right code was typed since the pad opened */
  gboolean reduced;  /* the store cannot be opened: no figures */
};

void _escale_staff_page_show_menu (EscaleStaffPage *self);
void _escale_staff_page_choose_code (EscaleStaffPage *self, EscaleCodeLock *target);
void _escale_staff_page_class_actions_init (GtkWidgetClass *widget_class);

G_END_DECLS
