/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-visit.h"

G_BEGIN_DECLS

/* The visit's documents/ folder in its scratch folder (0700): what was
 * scanned or made during the visit, the only files of the PC the web view's
 * chooser shows. It goes with the scratch folder when the visit is wiped.
 * Made if absent; NULL once the visit is over. */
char *escale_visit_documents_dir (EscaleVisit *visit, GError **error);

G_END_DECLS
