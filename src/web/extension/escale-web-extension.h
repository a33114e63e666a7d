/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The folder WebKit loads the extension from: $ESCALE_WEB_EXTENSIONS_DIR
 * (the build tree, for tests) or the installed one. */
#define ESCALE_WEB_EXTENSIONS_ENV "ESCALE_WEB_EXTENSIONS_DIR"

/* Messages between the extension (in each web process) and the view, sent
 * through the web context with the page's identifier (a page waiting for
 * its first document is not yet the view's, and the context reaches it).
 *
 * ESCALE_STRICT_ORIGINS_MESSAGE, "(t)" page id, asked by a new page; the
 * view of that page replies "(bas)": strict or not, and the origins its
 * sub-resources may come from (as URL.origin writes them). Asked before
 * the page's first document is parsed, so answered before any of its
 * sub-resources is requested.
 *
 * ESCALE_BLOCKED_MESSAGE, "(t)" page id: one third-party load blocked (a
 * number, never the address). */
#define ESCALE_STRICT_ORIGINS_MESSAGE "escale-strict-origins"
#define ESCALE_BLOCKED_MESSAGE "escale-blocked"
