/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libsoup/soup.h>

#include "escale-test-util.h"
#include "escale-web-view.h"

G_BEGIN_DECLS

/* One test per way out of the locked web view. A local server on
 * 127.0.0.1 (port 0) plays the allowlisted museum site; a second one plays
 * a site that is not allowed. Each test acts through the page (script, or a
 * real click under Xvfb) and checks what a person would see: the kiosk's own
 * page still shown (the site or Escale's refusal page), still one window,
 * nothing saved, nothing opened. */

typedef struct
{
  SoupServer *allowed;
  SoupServer *other;
  char *base; /* http://127.0.0.1:PORT of the allowed site */
  char *other_base;
  char *dir;
  EscaleWebProfile *profile;
  EscaleWebPolicy *policy;
  GtkWindow *window;
  EscaleWebView *view;
  GString *uris_seen; /* every address the view showed, one a line */
} Fixture;

extern const char *escape_target; /* for /link pages built per test */

void fixture_setup (Fixture *f, gconstpointer data);
void fixture_teardown (Fixture *f, gconstpointer data);
void other_handler (SoupServer *server, SoupServerMessage *msg, const char *path,
                    GHashTable *query, gpointer user_data);

/* A local server on 127.0.0.1, port 0; returns its http://127.0.0.1:PORT. */
char *start_server (SoupServer **server, SoupServerCallback handler, gpointer data);
WebKitWebView *web (Fixture *f);
void wait_for (gboolean (*cond) (Fixture *), Fixture *f);
gboolean loaded (Fixture *f);
gboolean shows_site (Fixture *f);
gboolean shows_refusal (Fixture *f);
gboolean shows_salle_2 (Fixture *f);
gboolean refused_something (Fixture *f);
gboolean refused_or_moved_on (Fixture *f);
guint count_toplevels (void);
void load_and_wait (Fixture *f, const char *path);
void click_link_to (Fixture *f, const char *target);
void assert_still_kiosk (Fixture *f);
void run_js (Fixture *f, const char *script);
char *eval_page (Fixture *f, const char *body);
void real_click (Fixture *f, int button);

#define ADD(path, func, data)                                                                     \
  g_test_add ("/escale/web-escape/" path, Fixture, data, fixture_setup, func, fixture_teardown)

G_END_DECLS
