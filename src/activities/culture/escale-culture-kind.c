/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "escale-culture-kind.h"

/* kind=culture: the centre's offline collection ([Culture] collection=, a
 * folder described in kiosk-config/culture/README.md) and a few cultural
 * sites it chose ([Site N], the only addresses the locked web view opens).
 * GLib only: this is what escale --check-config reads. */

static const EscaleKeySpec culture_keys[] = {
  { "Culture", "collection", ESCALE_KEY_PATH },
  { "Site *", "title", ESCALE_KEY_STRING, 0, 0, TRUE },
  { "Site *", "url", ESCALE_KEY_URL, 0, 0, TRUE },
  { "Site *", "description", ESCALE_KEY_STRING },
  { "Entry *", "title", ESCALE_KEY_STRING, 0, 0, TRUE },
  { "Entry *", "line-*", ESCALE_KEY_STRING },
  { NULL },
};

const EscaleActivityKind escale_culture_kind = {
  .name = "culture",
  .keys = culture_keys,
  .view_type = escale_culture_kind_view_type,
};
