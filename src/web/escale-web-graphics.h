/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ESCALE_DRI_DIR "/dev/dri"

char **escale_web_graphics_environ (char **envp, const char *dri_dir);
void escale_web_graphics_choose (void);

G_END_DECLS
