/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-lazy"

#include <dlfcn.h>

#include "escale-lazy-library.h"

/* WebKitGTK is a third of what the kiosk would map while it waits on its
 * welcome screen: with JavaScriptCore, flite's voices, ICU and the codecs
 * it brings, about 25 MiB of the process (bench/RESULTS.md, "The kiosk at
 * rest"), most of it the dynamic linker's relocations, before any page is
 * shown. So the `escale` executable does not link it: each WebKit function
 * the web layer calls is, in the executable, a small stand-in
 * (lazy-stubs.py) that jumps through a table. At first, every entry of
 * the table leads here: the library is loaded with its dependencies, the
 * table gets the real functions, and the call goes on as if nothing
 * happened. From then on the stand-ins cost one indirect jump.
 *
 * The test programs link WebKit as usual; tests/test-web-on-demand.py runs
 * the real executable. */

void *
escale_lazy_library_resolve (EscaleLazyLibrary *library, guint index)
{
  g_return_val_if_fail (index < library->n_symbols, NULL);

  if (g_once_init_enter (&library->loaded))
    {
      void *handle = dlopen (library->soname, RTLD_NOW | RTLD_GLOBAL);

      if (handle == NULL)
        g_error ("Escale cannot load %s: %s", library->soname, dlerror ());
      for (guint i = 0; i < library->n_symbols; i++)
        {
          void *function = dlsym (handle, library->names[i]);

          if (function == NULL)
            g_error ("%s has no %s: Escale was built against another version", library->soname,
                     library->names[i]);
          g_atomic_pointer_set (&library->slots[i], function);
        }
      g_debug ("%s loaded for %s", library->soname, library->names[index]);
      g_once_init_leave (&library->loaded, 1);
    }
  return g_atomic_pointer_get (&library->slots[index]);
}
