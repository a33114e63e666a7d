/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ESCALE_TYPE_CALL_FRAME (escale_call_frame_get_type ())
G_DECLARE_FINAL_TYPE (EscaleCallFrame, escale_call_frame, ESCALE, CALL_FRAME, GtkWidget)

GtkWidget *escale_call_frame_new (GtkWidget *guide, GtkWidget *main, GtkWidget *side,
                                  GtkWidget *self_view, int self_width, int self_height);
void escale_call_frame_set_overlaid (EscaleCallFrame *self, gboolean overlaid);

G_END_DECLS
