/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "escale-help-client.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_HELP_BANNER (escale_help_banner_get_type ())
G_DECLARE_FINAL_TYPE (EscaleHelpBanner, escale_help_banner, ESCALE, HELP_BANNER, GtkBox)

void escale_help_banner_set_client (EscaleHelpBanner *self, EscaleHelpClient *client);
void escale_help_banner_show (EscaleHelpBanner *self);
void escale_help_banner_dismiss (EscaleHelpBanner *self);
const char *escale_help_banner_get_text (EscaleHelpBanner *self);
const char *escale_help_progress_message (EscaleHelpProgress progress);

G_END_DECLS
