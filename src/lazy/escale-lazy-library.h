/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A library the kiosk loads the first time one of its functions is called
 * (see escale-lazy-library.c); made by src/lazy/lazy-stubs.py. */
typedef struct
{
  const char *soname;
  const char *const *names;
  void **slots;
  guint n_symbols;
  gsize loaded;
} EscaleLazyLibrary;

void *escale_lazy_library_resolve (EscaleLazyLibrary *library, guint index);

G_END_DECLS
