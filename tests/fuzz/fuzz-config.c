/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer: one activity file, any bytes, loaded with the whole
 * configuration and every kind's checks, as escale --check-config and the
 * kiosk's start do. Whatever the bytes, no crash, no leak, no hang. */
#include <glib/gstdio.h>

#include "escale-activities.h"
#include "escale-config.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static char *dir;
static char *activity;

static void
set_up (void)
{
  g_autofree char *activities = NULL;
  g_autofree char *main_file = NULL;

  g_log_set_always_fatal (G_LOG_FATAL_MASK);
  g_log_set_handler (NULL, G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO | G_LOG_LEVEL_DEBUG,
                     g_log_default_handler, NULL);
  dir = g_dir_make_tmp ("escale-fuzz-config-XXXXXX", NULL);
  activities = g_build_filename (dir, "activities", NULL);
  g_mkdir (activities, 0700);
  main_file = g_build_filename (dir, "escale.ini", NULL);
  g_file_set_contents (main_file, "[Centre]\nname=Fuzz\n", -1, NULL);
  activity = g_build_filename (activities, "50-fuzz.ini", NULL);
}

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  EscaleConfig *config;

  if (dir == NULL)
    set_up ();
  if (!g_file_set_contents (activity, (const char *) data, (gssize) size, NULL))
    return 0;
  config = escale_config_load (dir, escale_activities_get_kinds ());
  g_strfreev (escale_config_format_problems (config));
  g_object_unref (config);
  return 0;
}
