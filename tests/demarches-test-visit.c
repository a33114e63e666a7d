/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "demarches-test-visit.h"
#include "escale-fake-clock.h"

static const EscaleCounterSpec test_counters[] = {
  { "pages-scanned--logement", "Pages scannées — Logement" },
  { "files-sent--logement", "Fichiers envoyés — Logement" },
  { "pages-scanned--autre", "Pages scannées — Sans catégorie" },
  { NULL },
};

static const EscaleActivityKind test_kind = {
  .name = "demarches",
  .counters = test_counters,
};

static const EscaleActivityKind *const test_kinds[] = { &test_kind, NULL };

static void
ended_cb (EscaleSession *session, EscaleSessionRecord *record, DemarchesTestVisit *v)
{
  g_clear_pointer (&v->record, escale_session_record_free);
  v->record = escale_session_record_copy (record);
}

void
demarches_test_visit_init (DemarchesTestVisit *v)
{
  g_autofree char *activities = NULL;
  g_autofree char *path = NULL;
  g_autoptr(EscaleConfig) config = NULL;
  g_autoptr(EscaleScratch) scratch = NULL;
  g_autofree char *runtime = NULL;
  g_autofree char *stats = NULL;
  EscaleSession *session;

  v->dir = g_dir_make_tmp ("escale-demarches-XXXXXX", NULL);
  activities = g_build_filename (v->dir, "config", "activities", NULL);
  g_assert_cmpint (g_mkdir_with_parents (activities, 0700), ==, 0);
  path = g_build_filename (v->dir, "config", "escale.ini", NULL);
  g_assert_true (g_file_set_contents (path, "[Centre]\nname=Centre de test\n", -1, NULL));
  g_free (path);
  path = g_build_filename (activities, "demarches.ini", NULL);
  g_assert_true (g_file_set_contents (
    path, "[Activity]\nid=demarches\ntitle=Mes démarches\nicon=info\nkind=demarches\n", -1, NULL));
  g_free (path);
  path = g_build_filename (v->dir, "config", NULL);
  config = escale_config_load (path, test_kinds);
  g_assert_cmpuint (escale_config_get_problems (config)->len, ==, 0);

  stats = g_build_filename (v->dir, "stats.db", NULL);
  runtime = g_build_filename (v->dir, "runtime", NULL);
  v->clock = escale_fake_clock_new (NULL);
  v->store = escale_stats_store_new (stats);
  scratch = escale_scratch_new (runtime);
  v->kiosk = escale_kiosk_new (config, v->clock, v->store, scratch);
  escale_kiosk_set_goodbye_delay_ms (v->kiosk, 0);
  session = escale_kiosk_get_session (v->kiosk);
  g_signal_connect (session, "ended", G_CALLBACK (ended_cb), v);
  v->activity = g_object_ref (escale_config_find_activity (config, "demarches"));
  escale_session_input (session);
  v->visit = escale_kiosk_new_visit (v->kiosk, v->activity);
}

void
demarches_test_visit_finish (DemarchesTestVisit *v)
{
  EscaleSession *session = escale_kiosk_get_session (v->kiosk);

  escale_session_finish (session, ESCALE_END_FINISHED);
  g_assert_cmpint (escale_session_get_state (session), ==, ESCALE_SESSION_IDLE);
}

gint64
demarches_test_visit_count (DemarchesTestVisit *v, const char *counter)
{
  g_assert_nonnull (v->record);
  return escale_session_record_get_count (v->record, "demarches", counter);
}

void
demarches_test_visit_clear (DemarchesTestVisit *v)
{
  g_clear_pointer (&v->record, escale_session_record_free);
  g_clear_object (&v->visit);
  g_clear_object (&v->activity);
  g_assert_finalize_object (g_steal_pointer (&v->kiosk));
  g_clear_object (&v->store);
  g_clear_object (&v->clock);
  g_assert_true (escale_remove_tree (v->dir, NULL));
  g_clear_pointer (&v->dir, g_free);
}
