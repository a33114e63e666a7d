/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-config"

#include <glib/gi18n-lib.h>

#include "escale-kind-check.h"
#include "escale-photo-media.h"
#include "escale-photos-kind.h"
#include "escale-print-keys.h"

/* kind=photos: "Mes photos", the pictures of a visitor's USB stick, memory
 * card or phone, seen large and printed on the centre's printer. GLib
 * only: this is what escale --check-config reads. */

static const EscaleKeySpec photos_keys[] = {
  { "Photos", "print", ESCALE_KEY_BOOL },            /* "Imprimer cette photo" (default true) */
  { "Photos", "max-prints", ESCALE_KEY_INT, 0, 50 }, /* pages per visit (default 5) */
  { "Photos", "printer", ESCALE_KEY_STRING },        /* a CUPS queue, else CUPS's default */
  { "Photos", "ports-picture", ESCALE_KEY_PATH },    /* the centre's drawing of its ports */
  { NULL },
};

/* Numbers only: never a file, folder or volume name. */
static const EscaleCounterSpec photos_counters[] = {
  { "media-opened", N_ ("Supports photo ouverts") },
  { "photos-viewed", N_ ("Photos regardées en grand") },
  { "pages-printed", N_ ("Photos imprimées") },
  /* ESCALE_CALL_PICTURE_SHOWN_COUNTER, counted by the call */
  { "photos-shown", N_ ("Photos montrées pendant un appel") },
  { NULL },
};

/* Only the printing keys need more than their type checked. */
static void
check_photos (EscaleActivity *activity, EscaleConfigFile *file, GPtrArray *problems)
{
  escale_print_keys_check (activity, "Photos", file, problems);
}

/* The full path of [Photos] ports-picture=, or NULL for Escale's own drawing. */
char *
escale_photos_kind_get_ports_picture (EscaleActivity *activity)
{
  g_autofree char *relative = escale_activity_get_string (activity, "Photos", "ports-picture");

  if (relative == NULL || strstr (relative, "..") != NULL || g_path_is_absolute (relative))
    return NULL;
  return g_build_filename (escale_activity_get_config_dir (activity), relative, NULL);
}

/* At the end of every visit, a stick, card or phone still plugged in gets
 * "N'oubliez pas votre clé !" on the goodbye screen. */
static char *
photos_goodbye_reminder (void)
{
  if (!escale_photo_media_any_plugged ())
    return NULL;
  return g_strdup (_ ("N'oubliez pas votre clé !"));
}

const EscaleActivityKind escale_photos_kind = {
  .name = "photos",
  .keys = photos_keys,
  .check = check_photos,
  .counters = photos_counters,
  .view_type = escale_photos_kind_view_type,
  .check_machine = escale_photos_kind_check_machine,
  .check_machine_finish = escale_kind_check_finish,
  .goodbye_reminder = photos_goodbye_reminder,
};
