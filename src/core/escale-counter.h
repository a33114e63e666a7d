/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A counter an activity kind declares: @name matches [a-z0-9-]+ (a counter
 * is a number under a fixed name, never a text of what was done); @label is
 * French, marked N_() by the declaring kind and shown through _(). Arrays
 * of specs end with { NULL, NULL }. */
typedef struct
{
  const char *name;
  const char *label;
} EscaleCounterSpec;

G_END_DECLS
