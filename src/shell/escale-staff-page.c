/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-staff"

#include <glib/gi18n.h>

#include "escale-dashboard.h"
#include "escale-staff-page-private.h"
#include "escale-workshop-form.h"

/* The staff space: a large PIN pad, then a menu (dashboard and exports,
 * warnings, reset now, change the code, leave kiosk mode). A fresh install
 * has no code: the pad then asks to choose one, twice, before anything
 * opens. It never wipes anything itself: "leave", "reset-now" and
 * "quit-kiosk" are signals the window acts on. */
enum
{
  LEAVE,
  CANCEL,
  RESET_NOW,
  QUIT_KIOSK,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (EscaleStaffPage, escale_staff_page, GTK_TYPE_WIDGET)

static gboolean idle_check_cb (gpointer user_data);
static void cancel_check (EscaleStaffPage *self);

static void
forget_typed (EscaleStaffPage *self)
{
  memset (self->typed->str, 0, self->typed->len);
  g_string_truncate (self->typed, 0);
  gtk_label_set_text (self->pin_dots, "");
}

static void
forget_first (EscaleStaffPage *self)
{
  if (self->first_entry != NULL)
    memset (self->first_entry, 0, strlen (self->first_entry));
  g_clear_pointer (&self->first_entry, g_free);
}

static void
update_dots (EscaleStaffPage *self)
{
  g_autoptr(GString) dots = g_string_new (NULL);

  for (gsize i = 0; i < self->typed->len; i++)
    g_string_append (dots, i ? " ●" : "●");
  gtk_label_set_text (self->pin_dots, dots->str);
}

static gboolean
is_staff_code (EscaleStaffPage *self)
{
  return self->target == escale_kiosk_get_staff_lock (self->kiosk);
}

static void
set_mode (EscaleStaffPage *self, PinMode mode)
{
  gboolean staff = is_staff_code (self);

  self->mode = mode;
  forget_typed (self);
  gtk_widget_set_visible (GTK_WIDGET (self->keypad), mode != PIN_RESET);
  switch (mode)
    {
    case PIN_CHECK:
    case PIN_RESET:
      gtk_label_set_text (self->pin_title,
                          staff ? _ ("Code de l'équipe") : _ ("Code des aidants"));
      break;
    case PIN_NEW:
      gtk_label_set_text (self->pin_title,
                          staff ? _ ("Choisissez le code de l'équipe\n(6 à 12 chiffres)")
                                : _ ("Choisissez le code des aidants\n(6 à 12 chiffres)"));
      break;
    case PIN_CONFIRM:
      gtk_label_set_text (self->pin_title, _ ("Tapez le même code une deuxième fois"));
      break;
    default:
      g_assert_not_reached ();
    }
}

static char *
wait_text (guint seconds)
{
  if (seconds >= 60)
    return g_strdup_printf (_ ("Trop de codes erronés. Réessayez dans %u min %02u s."),
                            seconds / 60, seconds % 60);
  return g_strdup_printf (_ ("Trop de codes erronés. Réessayez dans %u s."), seconds);
}

static gboolean
wait_tick_cb (gpointer user_data)
{
  EscaleStaffPage *self = user_data;
  guint wait = escale_code_lock_get_wait (self->target);

  if (wait == 0)
    {
      gtk_label_set_text (self->pin_message, _ ("Vous pouvez taper le code."));
      self->wait_id = 0;
      return G_SOURCE_REMOVE;
    }
  {
    g_autofree char *text = wait_text (wait);

    gtk_label_set_text (self->pin_message, text);
  }
  return G_SOURCE_CONTINUE;
}

static void
show_wait (EscaleStaffPage *self, guint seconds)
{
  g_autofree char *text = wait_text (seconds);

  gtk_label_set_text (self->pin_message, text);
  g_clear_handle_id (&self->wait_id, g_source_remove);
  self->wait_id = g_timeout_add_seconds (1, wait_tick_cb, self);
}

void
_escale_staff_page_show_menu (EscaleStaffPage *self)
{
  EscaleConfig *config = escale_kiosk_get_config (self->kiosk);
  guint n = escale_config_get_problems (config)->len +
            escale_notices_get_all (escale_kiosk_get_notices (self->kiosk))->len +
            (self->reduced ? 1 : 0);
  g_autofree char *label =
    n == 0 ? g_strdup (_ ("Avertissements : aucun"))
           : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Avertissements : %u",
                                           "Avertissements : %u", n),
                              n);

  gtk_button_set_label (GTK_BUTTON (self->warnings_button), label);
  /* Reduced: no figures to show, said calmly; the rest works. */
  gtk_widget_set_visible (self->dashboard_button, !self->reduced);
  gtk_widget_set_visible (GTK_WIDGET (self->reduced_label), self->reduced);
  self->unlocked = TRUE;
  gtk_stack_set_visible_child_name (self->stack, "menu");
}

/* The helpers' screen: start a workshop here, or end it. */
static void
show_workshop (EscaleStaffPage *self)
{
  if (self->helper_client != NULL)
    escale_help_client_helper_here (self->helper_client);
  escale_workshop_form_refresh (ESCALE_WORKSHOP_FORM (self->workshop_form));
  gtk_stack_set_visible_child_name (self->stack, "workshop");
}

/* The helper is finished: back to the visit, nothing wiped. */
static void
workshop_done_cb (EscaleStaffPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "staff.leave", NULL);
}

static void
begin_open (EscaleStaffPage *self, EscaleCodeLock *target)
{
  cancel_check (self);
  forget_first (self);
  self->unlocked = FALSE;
  self->target = target;
  gtk_label_set_text (self->pin_message, "");
  gtk_label_set_text (self->menu_status, "");
}

static void
end_open (EscaleStaffPage *self, gboolean has_code)
{
  guint wait = has_code ? escale_code_lock_get_wait (self->target) : 0;

  if (wait > 0)
    show_wait (self, wait);
  gtk_stack_set_visible_child_name (self->stack, "pin");
  self->last_input = g_get_monotonic_time ();
  if (self->idle_id == 0)
    self->idle_id = g_timeout_add_seconds (10, idle_check_cb, self);
}

/* The pad for the staff code: to type it, or to choose the first one on a
 * new install. A lost code is never chosen here (HACKING.md). A store that
 * cannot be opened does not stop staff: the pad says so in French, and the
 * space opens without the figures. */
void
escale_staff_page_open (EscaleStaffPage *self)
{
  EscaleStatsStore *store = escale_kiosk_get_store (self->kiosk);
  EscaleCodeLock *lock = escale_kiosk_get_staff_lock (self->kiosk);
  /* Before the store is opened: opening creates a missing one. */
  EscaleStaffEntry entry = escale_staff_code_get_entry (lock, store);
  g_autoptr(GError) error = NULL;

  begin_open (self, lock);
  self->reduced = !escale_stats_store_open (store, &error);
  if (self->reduced)
    g_message ("Staff space without figures: %s", error->message);
  switch (entry)
    {
    case ESCALE_STAFF_ENTRY_CODE:
    case ESCALE_STAFF_ENTRY_CHOOSE:
      set_mode (self, entry == ESCALE_STAFF_ENTRY_CODE ? PIN_CHECK : PIN_NEW);
      if (self->reduced)
        gtk_label_set_text (self->pin_message,
                            _ ("Les statistiques ne s'ouvrent pas. Tapez le code : l'espace "
                               "équipe s'ouvrira, sans les chiffres."));
      break;
    case ESCALE_STAFF_ENTRY_RESET:
      set_mode (self, PIN_RESET);
      gtk_label_set_text (self->pin_message,
                          _ ("Le code de l'équipe a disparu de ce poste. Il ne peut pas être "
                             "choisi ici. L'administrateur doit le remettre avec la commande :\n"
                             "escale-stats set-code"));
      break;
    case ESCALE_STAFF_ENTRY_DAMAGED:
    default:
      set_mode (self, PIN_RESET);
      gtk_label_set_text (self->pin_message,
                          _ ("Le fichier du code de l'équipe est abîmé. L'administrateur doit "
                             "remettre le code avec la commande :\nescale-stats set-code"));
      break;
    }
  end_open (self, entry == ESCALE_STAFF_ENTRY_CODE);
}

/* "Je suis aidant": the pad for the helpers' code; the right code opens
 * the workshop screen (start one here, or end it), never the staff menu. */
void
escale_staff_page_open_helper (EscaleStaffPage *self, EscaleHelpClient *client)
{
  EscaleCodeLock *lock = escale_kiosk_get_helper_lock (self->kiosk);
  g_autoptr(GError) error = NULL;
  gboolean has_code = escale_code_lock_has_code (lock, &error);

  g_return_if_fail (ESCALE_IS_STAFF_PAGE (self));

  begin_open (self, lock);
  g_set_object (&self->helper_client, client);
  escale_workshop_form_set_client (ESCALE_WORKSHOP_FORM (self->workshop_form), client);
  set_mode (self, has_code ? PIN_CHECK : PIN_RESET);
  if (!has_code)
    gtk_label_set_text (self->pin_message,
                        _ ("Aucun code des aidants n'est choisi sur ce poste. L'équipe le "
                           "choisit dans son espace : « Code des aidants »."));
  end_open (self, has_code);
}

#define STAFF_IDLE_SECONDS (5 * 60)

/* A staff space left open closes by itself (through the usual reset). */
static gboolean
idle_check_cb (gpointer user_data)
{
  EscaleStaffPage *self = user_data;

  if (g_get_monotonic_time () - self->last_input < STAFF_IDLE_SECONDS * G_USEC_PER_SEC)
    return G_SOURCE_CONTINUE;
  self->idle_id = 0;
  gtk_widget_activate_action (GTK_WIDGET (self), "staff.leave", NULL);
  return G_SOURCE_REMOVE;
}

/* The staff space is left without its buttons (the visit around it timed
 * out, the kiosk was reset): forget the code and stop every timer, so that
 * nothing of it can act on the next visit. */
void
escale_staff_page_close (EscaleStaffPage *self)
{
  g_return_if_fail (ESCALE_IS_STAFF_PAGE (self));

  cancel_check (self);
  forget_typed (self);
  forget_first (self);
  g_clear_handle_id (&self->wait_id, g_source_remove);
  g_clear_handle_id (&self->idle_id, g_source_remove);
  self->unlocked = FALSE;
}

/* Whether the right code was typed and the space is still open. */
gboolean
escale_staff_page_is_unlocked (EscaleStaffPage *self)
{
  g_return_val_if_fail (ESCALE_IS_STAFF_PAGE (self), FALSE);
  return self->unlocked || self->idle_id != 0;
}

static void
staff_input_cb (EscaleStaffPage *self)
{
  self->last_input = g_get_monotonic_time ();
}

static void
end_check (EscaleStaffPage *self)
{
  g_clear_object (&self->checking);
  gtk_widget_set_sensitive (GTK_WIDGET (self->keypad), TRUE);
}

/* The pad's keys go off while a code is checked: the focus (often on the
 * key last touched) moves to the page first, or GTK would drop it and the
 * physical keyboard's digits would reach nothing afterwards. */
static void
keys_off (EscaleStaffPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->keypad)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->keypad), FALSE);
}

static void
checked_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(EscaleStaffPage) self = user_data;
  g_autoptr(GError) error = NULL;
  guint wait = 0;
  EscalePinCheck check =
    escale_code_lock_check_finish (ESCALE_CODE_LOCK (source), result, &wait, &error);

  /* The pad was closed or opened again meanwhile: this answer is old. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  end_check (self);
  switch (check)
    {
    case ESCALE_PIN_CHECK_OK:
      gtk_label_set_text (self->pin_message, "");
      if (is_staff_code (self))
        _escale_staff_page_show_menu (self);
      else
        show_workshop (self);
      break;
    case ESCALE_PIN_CHECK_WRONG:
      if (wait > 0)
        show_wait (self, wait);
      else
        gtk_label_set_text (self->pin_message, _ ("Ce n'est pas le bon code. Réessayez."));
      break;
    case ESCALE_PIN_CHECK_LOCKED:
      show_wait (self, wait);
      break;
    case ESCALE_PIN_CHECK_NO_PIN:
      /* The code file went away meanwhile: ask again what may be offered. */
      if (is_staff_code (self))
        escale_staff_page_open (self);
      else
        set_mode (self, PIN_RESET);
      break;
    case ESCALE_PIN_CHECK_ERROR:
    default:
      g_message ("A code cannot be checked: %s", error ? error->message : "?");
      gtk_label_set_text (self->pin_message,
                          _ ("Le code ne peut pas être vérifié : son fichier ne se lit pas. "
                             "Prévenez l'administrateur."));
      break;
    }
}

/* The code is checked in a worker thread (a memory-hard hash takes a
 * fraction of a second): the pad says "Un instant…" and stays alive. */
static void
check_pin (EscaleStaffPage *self)
{
  if (self->checking != NULL)
    return;
  self->checking = g_cancellable_new ();
  keys_off (self);
  gtk_label_set_text (self->pin_message, _ ("Un instant…"));
  escale_code_lock_check_async (self->target, self->typed->str, self->checking, checked_cb,
                                g_object_ref (self));
  forget_typed (self);
}

static void
cancel_check (EscaleStaffPage *self)
{
  if (self->checking != NULL)
    g_cancellable_cancel (self->checking);
  end_check (self);
}

/* TRUE while a typed code is being checked or stored. */
gboolean
escale_staff_page_is_busy (EscaleStaffPage *self)
{
  g_return_val_if_fail (ESCALE_IS_STAFF_PAGE (self), FALSE);
  return self->checking != NULL;
}

static void
pin_set_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(EscaleStaffPage) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean stored = escale_code_lock_set_code_finish (ESCALE_CODE_LOCK (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  end_check (self);
  forget_first (self);
  if (!stored)
    {
      g_message ("A code cannot be stored: %s", error->message);
      set_mode (self, PIN_NEW);
      gtk_label_set_text (self->pin_message, _ ("Le code n'a pas pu être enregistré. Prévenez "
                                                "l'administrateur."));
      return;
    }
  forget_typed (self);
  gtk_label_set_text (self->pin_message, "");
  _escale_staff_page_show_menu (self);
  gtk_label_set_text (self->menu_status, is_staff_code (self)
                                           ? _ ("Le code de l'équipe est enregistré.")
                                           : _ ("Le code des aidants est enregistré."));
}

/* The new code's hash is made in a worker thread too. */
static void
set_pin (EscaleStaffPage *self)
{
  if (self->checking != NULL)
    return;
  self->checking = g_cancellable_new ();
  keys_off (self);
  gtk_label_set_text (self->pin_message, _ ("Un instant…"));
  escale_code_lock_set_code_async (self->target, self->first_entry, self->checking, pin_set_cb,
                                   g_object_ref (self));
  forget_typed (self);
}

/* Validates what was typed on the pad. */
void
escale_staff_page_validate (EscaleStaffPage *self)
{
  switch (self->mode)
    {
    case PIN_CHECK:
      check_pin (self);
      break;
    case PIN_RESET:
      forget_typed (self);
      break;
    case PIN_NEW:
      if (!escale_pin_is_acceptable (self->typed->str))
        {
          forget_typed (self);
          gtk_label_set_text (self->pin_message, _ ("Le code doit avoir de 6 à 12 chiffres."));
          break;
        }
      self->first_entry = g_strdup (self->typed->str);
      gtk_label_set_text (self->pin_message, "");
      set_mode (self, PIN_CONFIRM);
      break;
    case PIN_CONFIRM:
      if (g_strcmp0 (self->first_entry, self->typed->str) != 0)
        {
          forget_first (self);
          set_mode (self, PIN_NEW);
          gtk_label_set_text (self->pin_message,
                              _ ("Les deux codes sont différents. Recommencez."));
          break;
        }
      set_pin (self);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Types @digits on the pad, as the keys would. */
void
escale_staff_page_type (EscaleStaffPage *self, const char *digits)
{
  for (const char *p = digits; *p; p++)
    if (g_ascii_isdigit (*p) && self->typed->len < ESCALE_PIN_MAX_DIGITS)
      g_string_append_c (self->typed, *p);
  update_dots (self);
}

static void
digit_clicked_cb (GtkButton *button, EscaleStaffPage *self)
{
  escale_staff_page_type (self, gtk_button_get_label (button));
}

static void
ok_clicked_cb (EscaleStaffPage *self)
{
  escale_staff_page_validate (self);
}

static void
erase_clicked_cb (EscaleStaffPage *self)
{
  if (self->typed->len > 0)
    {
      self->typed->str[self->typed->len - 1] = '\0';
      g_string_truncate (self->typed, self->typed->len - 1);
    }
  update_dots (self);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                GdkModifierType state, EscaleStaffPage *self)
{
  guint32 c = gdk_keyval_to_unicode (keyval);

  staff_input_cb (self);
  if (!g_str_equal (gtk_stack_get_visible_child_name (self->stack), "pin"))
    return FALSE;
  if (c >= '0' && c <= '9')
    {
      char digit[2] = { (char) c, 0 };

      escale_staff_page_type (self, digit);
      return TRUE;
    }
  if (keyval == GDK_KEY_BackSpace)
    {
      erase_clicked_cb (self);
      return TRUE;
    }
  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter)
    {
      escale_staff_page_validate (self);
      return TRUE;
    }
  return FALSE;
}

static void
leave_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  EscaleStaffPage *self = ESCALE_STAFF_PAGE (widget);

  cancel_check (self);
  forget_typed (self);
  forget_first (self);
  g_clear_handle_id (&self->wait_id, g_source_remove);
  g_clear_handle_id (&self->idle_id, g_source_remove);
  /* Nobody got in (a visitor pressed long by chance): back to the visit,
   * nothing wiped. Staff who got in leave through a full reset. */
  g_signal_emit (self, signals[self->unlocked ? LEAVE : CANCEL], 0);
  self->unlocked = FALSE;
}

/* The pad, to choose a new @target code (twice). */
void
_escale_staff_page_choose_code (EscaleStaffPage *self, EscaleCodeLock *target)
{
  forget_first (self);
  self->target = target;
  set_mode (self, PIN_NEW);
  gtk_label_set_text (self->pin_message, "");
  gtk_stack_set_visible_child_name (self->stack, "pin");
}

static void
escale_staff_page_dispose (GObject *object)
{
  EscaleStaffPage *self = ESCALE_STAFF_PAGE (object);

  if (self->checking != NULL)
    g_cancellable_cancel (self->checking);
  g_clear_object (&self->checking);
  g_clear_handle_id (&self->wait_id, g_source_remove);
  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (self->typed != NULL)
    forget_typed (self);
  forget_first (self);
  gtk_widget_dispose_template (GTK_WIDGET (object), ESCALE_TYPE_STAFF_PAGE);
  g_clear_object (&self->kiosk);
  g_clear_object (&self->helper_client);
  G_OBJECT_CLASS (escale_staff_page_parent_class)->dispose (object);
}

static void
escale_staff_page_finalize (GObject *object)
{
  EscaleStaffPage *self = ESCALE_STAFF_PAGE (object);

  g_string_free (self->typed, TRUE);
  G_OBJECT_CLASS (escale_staff_page_parent_class)->finalize (object);
}

static void
escale_staff_page_class_init (EscaleStaffPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = escale_staff_page_dispose;
  object_class->finalize = escale_staff_page_finalize;

  signals[LEAVE] = g_signal_new ("leave", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 0);
  signals[CANCEL] = g_signal_new ("cancel", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 0);
  signals[RESET_NOW] = g_signal_new ("reset-now", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[QUIT_KIOSK] = g_signal_new ("quit-kiosk", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/fr/escale/Escale/ui/escale-staff-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EscaleStaffPage, stack);
  gtk_widget_class_bind_template_child (widget_class, EscaleStaffPage, pin_title);
  gtk_widget_class_bind_template_child (widget_class, EscaleStaffPage, pin_dots);
  gtk_widget_class_bind_template_child (widget_class, EscaleStaffPage, pin_message);
  gtk_widget_class_bind_template_child (widget_class, EscaleStaffPage, keypad);
  gtk_widget_class_bind_template_child (widget_class, EscaleStaffPage, menu_status);
  gtk_widget_class_bind_template_child (widget_class, EscaleStaffPage, warnings_button);
  gtk_widget_class_bind_template_child (widget_class, EscaleStaffPage, warnings_label);
  gtk_widget_class_bind_template_child (widget_class, EscaleStaffPage, dashboard_box);
  gtk_widget_class_bind_template_child (widget_class, EscaleStaffPage, dashboard_button);
  gtk_widget_class_bind_template_child (widget_class, EscaleStaffPage, reduced_label);
  gtk_widget_class_bind_template_child (widget_class, EscaleStaffPage, workshop_box);

  gtk_widget_class_install_action (widget_class, "staff.leave", NULL, leave_action);
  _escale_staff_page_class_actions_init (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "staffpage");
}

static void
escale_staff_page_init (EscaleStaffPage *self)
{
  GtkEventController *key;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->typed = g_string_new (NULL);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);

  for (guint i = 0; i < 10; i++)
    {
      /* 1 2 3 / 4 5 6 / 7 8 9 / Effacer 0 Valider */
      guint digit = i < 9 ? i + 1 : 0;
      char label[2] = { (char) ('0' + digit), 0 };
      GtkWidget *button = gtk_button_new_with_label (label);

      gtk_widget_add_css_class (button, "pin-key");
      g_signal_connect (button, "clicked", G_CALLBACK (digit_clicked_cb), self);
      gtk_grid_attach (self->keypad, button, i < 9 ? i % 3 : 1, i < 9 ? i / 3 : 3, 1, 1);
    }
  {
    GtkWidget *erase = gtk_button_new_with_label (_ ("Effacer"));
    GtkWidget *ok = gtk_button_new_with_label (_ ("Valider"));

    gtk_widget_add_css_class (erase, "pin-key");
    gtk_widget_add_css_class (ok, "pin-key");
    gtk_widget_add_css_class (ok, "suggested");
    g_signal_connect_swapped (erase, "clicked", G_CALLBACK (erase_clicked_cb), self);
    g_signal_connect_swapped (ok, "clicked", G_CALLBACK (ok_clicked_cb), self);
    gtk_grid_attach (self->keypad, erase, 0, 3, 1, 1);
    gtk_grid_attach (self->keypad, ok, 2, 3, 1, 1);
  }

  /* Capture: Enter validates the code even while a key of the pad has the
   * focus (instead of pressing that key once more). */
  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
  {
    GtkGesture *click = gtk_gesture_click_new ();

    gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
    g_signal_connect_swapped (click, "pressed", G_CALLBACK (staff_input_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  }
}

GtkWidget *
escale_staff_page_new (EscaleKiosk *kiosk)
{
  EscaleStaffPage *self = g_object_new (ESCALE_TYPE_STAFF_PAGE, NULL);

  self->kiosk = g_object_ref (kiosk);
  self->target = escale_kiosk_get_staff_lock (kiosk);
  self->dashboard = escale_dashboard_new (kiosk);
  gtk_widget_set_vexpand (self->dashboard, TRUE);
  gtk_box_append (self->dashboard_box, self->dashboard);
  self->workshop_form = escale_workshop_form_new (kiosk);
  gtk_box_append (self->workshop_box, self->workshop_form);
  g_signal_connect_object (self->workshop_form, "done", G_CALLBACK (workshop_done_cb), self,
                           G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

/* "pin", "menu", "warnings", "dashboard" or "workshop". */
const char *
escale_staff_page_get_view (EscaleStaffPage *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
escale_staff_page_get_title (EscaleStaffPage *self)
{
  return gtk_label_get_text (self->pin_title);
}

/* Whether the pad's keys are offered (not when a lost code must be reset). */
gboolean
escale_staff_page_get_keys_shown (EscaleStaffPage *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->keypad));
}

const char *
escale_staff_page_get_message (EscaleStaffPage *self)
{
  return gtk_label_get_text (self->pin_message);
}

GtkWidget *
escale_staff_page_get_dashboard (EscaleStaffPage *self)
{
  return self->dashboard;
}

GtkWidget *
escale_staff_page_get_workshop_form (EscaleStaffPage *self)
{
  return self->workshop_form;
}

/* Whether the space opened without the figures (the store is unreadable). */
gboolean
escale_staff_page_get_reduced (EscaleStaffPage *self)
{
  return self->reduced;
}
