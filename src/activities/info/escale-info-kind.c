/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "escale-info-kind.h"

/* kind=info: text written by the centre, [Entry N] groups of a title and
 * lines (who helps with what, where, when; or what an activity offers).
 * GLib only: this is what escale --check-config reads. */

static const EscaleKeySpec info_keys[] = {
  { "Entry *", "title", ESCALE_KEY_STRING, 0, 0, TRUE },
  { "Entry *", "line-*", ESCALE_KEY_STRING },
  { NULL },
};

const EscaleActivityKind escale_info_kind = {
  .name = "info",
  .keys = info_keys,
  .view_type = escale_info_kind_view_type,
};
