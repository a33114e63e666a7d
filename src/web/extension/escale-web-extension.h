/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The folder WebKit loads the extension from: $ESCALE_WEB_EXTENSIONS_DIR
 * (the build tree, for tests) or the installed one. */
#define ESCALE_WEB_EXTENSIONS_ENV "ESCALE_WEB_EXTENSIONS_DIR"
