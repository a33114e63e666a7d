/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Not a test: the screenshots of the forms (docs/screenshots/demarches-
 * form-*.png), taken in a whole kiosk, the flow inside a real activity page
 * (top bar, guide panel, bottom bar), at the size of the Xvfb screen it
 * runs on, at the normal text size and with A+ touched twice:
 *
 *   xvfb-run -a -s '-screen 0 1024x768x24' dbus-run-session -- \
 *     _build-tests/tests/form-screenshots OUTDIR
 *
 * (ESCALE_SOURCE_DIR set, as in the tests). The printed page is the PDF the
 * printer gets, drawn by pdftoppm. */
#include <glib/gstdio.h>

#include "escale-activities.h"
#include "escale-activity-view.h"
#include "escale-demarches-kind.h"
#include "escale-document-output-chooser.h"
#include "escale-form-flow.h"
#include "escale-home-page.h"
#include "escale-test-util.h"
#include "form-test-util.h"
#include "photos-test-widgets.h"

#define ESCALE_TYPE_FORM_SHOT_VIEW (escale_form_shot_view_get_type ())
G_DECLARE_FINAL_TYPE (EscaleFormShotView, escale_form_shot_view, ESCALE, FORM_SHOT_VIEW,
                      EscaleActivityView)

struct _EscaleFormShotView
{
  EscaleActivityView parent_instance;

  GtkWidget *flow;
  EscaleFormDefinition *form;
  EscaleDocumentOutput *output;
};

G_DEFINE_FINAL_TYPE (EscaleFormShotView, escale_form_shot_view, ESCALE_TYPE_ACTIVITY_VIEW)

static EscaleFormShotView *shown;

static void
escale_form_shot_view_constructed (GObject *object)
{
  EscaleFormShotView *self = ESCALE_FORM_SHOT_VIEW (object);
  EscaleVisit *visit = escale_activity_view_get_visit (ESCALE_ACTIVITY_VIEW (self));
  g_autofree char *path = g_build_filename (g_getenv ("ESCALE_SOURCE_DIR"), "kiosk-config",
                                            "formulaires", "transport-a-la-demande.ini", NULL);
  g_autoptr(GPtrArray) problems = g_ptr_array_new ();

  G_OBJECT_CLASS (escale_form_shot_view_parent_class)->constructed (object);
  self->form = escale_form_definition_load (path, "transport", problems);
  g_assert_nonnull (self->form);
  self->output = escale_document_output_new (visit, NULL, TRUE, 10);
  self->flow = escale_form_flow_new (self->form, visit, self->output);
  gtk_widget_set_parent (self->flow, GTK_WIDGET (self));
  /* As the kind's view should: the form's screens say what to do, and the
   * keypad needs the width; "Aide" still shows the guide. */
  escale_activity_view_set_presenting (ESCALE_ACTIVITY_VIEW (self), TRUE);
  shown = self;
}

static void
escale_form_shot_view_dispose (GObject *object)
{
  EscaleFormShotView *self = ESCALE_FORM_SHOT_VIEW (object);

  g_clear_pointer (&self->flow, gtk_widget_unparent);
  g_clear_object (&self->output);
  g_clear_object (&self->form);
  G_OBJECT_CLASS (escale_form_shot_view_parent_class)->dispose (object);
}

static void
escale_form_shot_view_class_init (EscaleFormShotViewClass *klass)
{
  G_OBJECT_CLASS (klass)->constructed = escale_form_shot_view_constructed;
  G_OBJECT_CLASS (klass)->dispose = escale_form_shot_view_dispose;
}

static void
escale_form_shot_view_init (EscaleFormShotView *self)
{
}

static GType
form_shot_view_type (EscaleActivity *activity)
{
  return ESCALE_TYPE_FORM_SHOT_VIEW;
}

static EscaleActivityKind form_shot_kind = {
  .name = "formshot",
  .counters = NULL, /* set to the demarches kind's in main () */
  .view_type = form_shot_view_type,
};

static const char activity_ini[] =
  "[Activity]\nid=formulaires\ntitle=Remplir un formulaire\nicon=forms\nkind=formshot\n"
  "[Guide]\nstep-1=Lisez la question.\nstep-2=Répondez avec les grandes touches.\n"
  "step-3=Touchez <b>Suivant</b>.\n";

static void
save (EscaleTestKiosk *k, const char *dir, const char *name, const char *suffix)
{
  GtkWidget *window = GTK_WIDGET (k->window);
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = g_strdup_printf ("%s/demarches-form-%s-%s.png", dir, name, suffix);

  escale_test_spin (400);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, file));
  g_print ("%s\n", file);
}

static void
tour (EscaleTestKiosk *k, const char *dir, const char *suffix)
{
  EscaleFormFlow *flow;
  EscaleFormDefinition *form;
  GtkWidget *home = escale_window_get_home_page (k->window);

  gtk_widget_activate_action (GTK_WIDGET (k->window), "win.start", NULL);
  if (strstr (suffix, "larger") != NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (k->window), "win.text-larger", NULL);
      gtk_widget_activate_action (GTK_WIDGET (k->window), "win.text-larger", NULL);
    }
  g_signal_emit_by_name (escale_home_page_get_button (ESCALE_HOME_PAGE (home), "formulaires"),
                         "clicked");
  flow = ESCALE_FORM_FLOW (shown->flow);
  form = shown->form;
  save (k, dir, "intro", suffix);
  photos_test_click (GTK_WIDGET (flow), "Commencer");
  form_test_type (flow, form, "Jeanne Dupont");
  save (k, dir, "text", suffix);
  photos_test_click (GTK_WIDGET (flow), "Suivant");
  form_test_type (flow, form, "055312345");
  photos_test_click (GTK_WIDGET (flow), "Suivant");
  save (k, dir, "phone-message", suffix);
  form_test_answer (flow, form, "6");
  form_test_type (flow, form, "24200");
  save (k, dir, "postal-code", suffix);
  form_test_answer (flow, form, "24200 Sainte-Nathalène");
  form_test_answer (flow, form, "Lieu-dit Les Granges");
  form_test_type (flow, form, "Au marché de Sarlat");
  save (k, dir, "choice", suffix);
  photos_test_click (GTK_WIDGET (flow), "Suivant");
  form_test_type (flow, form, "31022027");
  photos_test_click (GTK_WIDGET (flow), "Suivant");
  save (k, dir, "date-message", suffix);
  while (form_test_entry_text (GTK_WIDGET (flow))[0] != '\0')
    photos_test_click (GTK_WIDGET (flow), "Effacer");
  form_test_answer (flow, form, "05122026");
  form_test_type (flow, form, "9");
  save (k, dir, "number", suffix);
  photos_test_click (GTK_WIDGET (flow), "Suivant");
  form_test_type (flow, form, "oui");
  save (k, dir, "yes-no", suffix);
  photos_test_click (GTK_WIDGET (flow), "Suivant");
  form_test_answer (flow, form, "17");
  form_test_answer (flow, form, "non");
  form_test_answer (flow, form, "non");
  form_test_type (flow, form, "jeanne.dupont@exemple.fr");
  save (k, dir, "email", suffix);
  photos_test_click (GTK_WIDGET (flow), "Suivant");
  save (k, dir, "summary", suffix);
  photos_test_click (GTK_WIDGET (flow), "C'est bon, préparer le document");
  save (k, dir, "output", suffix);

  if (g_str_equal (suffix, "1280x800"))
    {
      g_autoptr(GBytes) pdf = escale_document_to_pdf (escale_form_flow_get_document (flow), NULL);
      g_autofree char *path = g_build_filename (dir, "demarches-form-printed.pdf", NULL);
      g_autofree char *png = g_build_filename (dir, "demarches-form-printed", NULL);

      g_assert_true (
        g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL));
      g_assert_true (
        g_spawn_sync (NULL,
                      (char *[]){ "pdftoppm", "-png", "-r", "80", "-singlefile", path, png, NULL },
                      NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL));
      g_unlink (path);
      g_print ("%s.png\n", png);
    }
  gtk_widget_activate_action (GTK_WIDGET (k->window), "win.finish", NULL);
}

int
main (int argc, char **argv)
{
  g_autofree char *demo = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *config = NULL;
  g_autofree char *command = NULL;
  g_autofree char *ini = NULL;
  g_autofree char *suffix = NULL;
  const EscaleActivityKind *const *table;
  const EscaleActivityKind *kinds[16];
  EscaleTestKiosk k;
  GdkRectangle screen;
  guint n = 0;

  gtk_init ();
  if (argc != 2)
    {
      g_printerr ("usage: %s OUTDIR (under xvfb-run, the screen's size)\n", argv[0]);
      return 2;
    }
  demo = escale_test_demo_config ();
  tmp = g_dir_make_tmp ("escale-form-shots-XXXXXX", NULL);
  config = g_build_filename (tmp, "config", NULL);
  command = g_strdup_printf ("cp -r '%s' '%s'", demo, config);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
  ini = g_build_filename (config, "activities", "60-formulaires.ini", NULL);
  g_assert_true (g_file_set_contents (ini, activity_ini, -1, NULL));
  for (table = escale_activities_get_kinds (); table[n] != NULL; n++)
    kinds[n] = table[n];
  form_shot_kind.counters = escale_demarches_kind.counters;
  kinds[n] = &form_shot_kind;
  kinds[n + 1] = NULL;

  gdk_monitor_get_geometry (g_list_model_get_item (gdk_display_get_monitors (
                                                     gdk_display_get_default ()),
                                                   0),
                            &screen);
  escale_test_kiosk_init_with_kinds (&k, config, kinds, TRUE);
  escale_test_spin (500);
  suffix = g_strdup_printf ("%dx%d", screen.width, screen.height);
  tour (&k, argv[1], suffix);
  g_free (suffix);
  suffix = g_strdup_printf ("larger-%dx%d", screen.width, screen.height);
  tour (&k, argv[1], suffix);
  escale_test_kiosk_clear (&k);
  escale_remove_tree (tmp, NULL);
  return 0;
}
