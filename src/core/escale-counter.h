/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A counter an activity kind declares: its name ([a-z0-9-]+, stored with
 * the kind's name) and its label for staff, in French, marked N_(). */
typedef struct
{
  const char *name;
  const char *label;
} EscaleCounterSpec;

G_END_DECLS
