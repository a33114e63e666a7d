/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "escale-web"

#include <string.h>

#include "escale-web-graphics.h"

/* OpenGL on a PC without a GPU. GTK 4.8 brings up OpenGL when it opens the
 * display, even to draw with cairo, and WebKit asks it for GL again for its
 * pages; on a donated PC with no GPU that GL is Mesa's software renderer,
 * which loads LLVM into every process that touches it (26 MiB of
 * libLLVM-15 alone) for nothing the kiosk needs: the kiosk draws with
 * cairo and WebKit paints pages on the CPU there anyway.
 *
 * So when the PC has no GPU render node (/dev/dri/renderD*), or whoever
 * started Escale already turned GTK's GL off (GDK_DEBUG=gl-disable in the
 * unit), GL is off for both, before GTK starts:
 * - GDK_DEBUG gains gl-disable: GTK opens the display without GL;
 * - WEBKIT_DISABLE_DMABUF_RENDERER=1: WebKit composites pages without
 *   asking GTK for a GL context (asking a GTK without GL is what made it
 *   warn "Disabled hardware acceleration because GTK failed to initialize
 *   GL" at every view);
 * - WEBKIT_WEB_RENDER_DEVICE_FILE names the render node, which does not
 *   exist: otherwise WebKit opens an EGL display in the kiosk's own process
 *   (loading Mesa and LLVM there) only to ask it for the render node.
 * A variable already set is left as it is. A PC with a GPU keeps GL. */

#define NO_RENDER_NODE ESCALE_DRI_DIR "/none"

static gboolean
has_render_node (const char *dri_dir)
{
  g_autoptr(GDir) dir = g_dir_open (dri_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "renderD"))
      return TRUE;
  return FALSE;
}

/* Returns: (transfer full): @envp (consumed) with GL turned off for GTK
 * and WebKit when @dri_dir holds no render node or GDK_DEBUG already
 * turns GTK's GL off; @envp unchanged otherwise. */
char **
escale_web_graphics_environ (char **envp, const char *dri_dir)
{
  const char *debug = g_environ_getenv (envp, "GDK_DEBUG");
  gboolean gl_off = debug != NULL && strstr (debug, "gl-disable") != NULL;

  if (!gl_off && has_render_node (dri_dir))
    return envp;
  if (debug == NULL || debug[0] == '\0')
    envp = g_environ_setenv (envp, "GDK_DEBUG", "gl-disable", TRUE);
  else if (!gl_off)
    {
      g_autofree char *more = g_strconcat (debug, ",gl-disable", NULL);

      envp = g_environ_setenv (envp, "GDK_DEBUG", more, TRUE);
    }
  envp = g_environ_setenv (envp, "WEBKIT_DISABLE_DMABUF_RENDERER", "1", FALSE);
  return g_environ_setenv (envp, "WEBKIT_WEB_RENDER_DEVICE_FILE", NO_RENDER_NODE, FALSE);
}

/* Applies escale_web_graphics_environ () to this process, before GTK
 * starts (and before WebKit starts any process, which inherit it). */
void
escale_web_graphics_choose (void)
{
  g_auto(GStrv) before = g_get_environ ();
  g_auto(GStrv) after = escale_web_graphics_environ (g_get_environ (), ESCALE_DRI_DIR);
  const char *const names[] = { "GDK_DEBUG", "WEBKIT_DISABLE_DMABUF_RENDERER",
                                "WEBKIT_WEB_RENDER_DEVICE_FILE" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const char *value = g_environ_getenv (after, names[i]);

      if (value != NULL && g_strcmp0 (value, g_environ_getenv (before, names[i])) != 0)
        g_setenv (names[i], value, TRUE);
    }
  if (g_strcmp0 (g_environ_getenv (after, "GDK_DEBUG"), g_environ_getenv (before, "GDK_DEBUG")))
    g_debug ("No GPU render node: OpenGL off for GTK and WebKit");
}
