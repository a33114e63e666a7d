/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-photo"

#include <glib/gi18n-lib.h>

#include "escale-photo.h"

struct _EscalePhoto
{
  GObject parent_instance;

  GFile *file;
  GDateTime *date; /* nullable */
};

G_DEFINE_FINAL_TYPE (EscalePhoto, escale_photo, G_TYPE_OBJECT)

static void
escale_photo_finalize (GObject *object)
{
  EscalePhoto *self = ESCALE_PHOTO (object);

  g_clear_object (&self->file);
  g_clear_pointer (&self->date, g_date_time_unref);
  G_OBJECT_CLASS (escale_photo_parent_class)->finalize (object);
}

static void
escale_photo_class_init (EscalePhotoClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = escale_photo_finalize;
}

static void
escale_photo_init (EscalePhoto *self)
{
}

EscalePhoto *
escale_photo_new (GFile *file, GDateTime *date)
{
  EscalePhoto *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (ESCALE_TYPE_PHOTO, NULL);
  self->file = g_object_ref (file);
  self->date = date ? g_date_time_ref (date) : NULL;
  return self;
}

GFile *
escale_photo_get_file (EscalePhoto *self)
{
  g_return_val_if_fail (ESCALE_IS_PHOTO (self), NULL);
  return self->file;
}

GDateTime *
escale_photo_get_date (EscalePhoto *self)
{
  g_return_val_if_fail (ESCALE_IS_PHOTO (self), NULL);
  return self->date;
}

/* Months in the catalogue, with a context: "Mars" or "Mai" alone could be
 * translated as something else elsewhere. */
static const char *const month_names[] = {
  NC_ ("month", "Janvier"), NC_ ("month", "Février"),  NC_ ("month", "Mars"),
  NC_ ("month", "Avril"),   NC_ ("month", "Mai"),      NC_ ("month", "Juin"),
  NC_ ("month", "Juillet"), NC_ ("month", "Août"),     NC_ ("month", "Septembre"),
  NC_ ("month", "Octobre"), NC_ ("month", "Novembre"), NC_ ("month", "Décembre"),
};

char *
escale_photo_month_label (GDateTime *date)
{
  int month;

  if (date == NULL)
    return g_strdup (_ ("Date inconnue"));

  month = g_date_time_get_month (date);
  g_return_val_if_fail (month >= 1 && month <= 12, NULL);
  /* TRANSLATORS: a month and its year, as "Juillet 2024". */
  return g_strdup_printf (C_ ("month year", "%s %d"),
                          g_dpgettext2 (GETTEXT_PACKAGE, "month", month_names[month - 1]),
                          g_date_time_get_year (date));
}
