/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "escale-hello-kind.h"

/* kind=hello, a kind of activity that lives outside src/activities/ to
 * show what a kind is: one key ([Hello] greeting, at most 40 characters),
 * one counter (greetings), and a view. GLib only, like every kind's keys
 * and checks. */

#define MAX_GREETING 40

static const EscaleKeySpec hello_keys[] = {
  { "Hello", "greeting", ESCALE_KEY_STRING, 0, 0, TRUE },
  { NULL },
};

static const EscaleCounterSpec hello_counters[] = {
  { "greetings", N_ ("Bonjours dits") },
  { NULL },
};

static void
check_hello (EscaleActivity *activity, EscaleConfigFile *file, GPtrArray *problems)
{
  g_autofree char *greeting = escale_activity_get_string (activity, "Hello", "greeting");

  if (greeting != NULL && g_utf8_strlen (greeting, -1) > MAX_GREETING)
    escale_config_file_problem (file, problems, "Hello", "greeting",
                                _ ("trop long : %d caractères au plus"), MAX_GREETING);
}

/* What the goodbye screen reminds of, as the test says (NULL: nothing). */
static char *reminder;

void
escale_hello_kind_set_reminder (const char *text)
{
  g_free (reminder);
  reminder = g_strdup (text);
}

static char *
hello_goodbye_reminder (void)
{
  return g_strdup (reminder);
}

const EscaleActivityKind escale_hello_kind = {
  .name = "hello",
  .keys = hello_keys,
  .check = check_hello,
  .counters = hello_counters,
  .view_type = escale_hello_kind_view_type,
  .goodbye_reminder = hello_goodbye_reminder,
};
