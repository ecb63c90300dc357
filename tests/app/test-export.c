/* test-export.c: the export dialog, under a display (Xvfb)
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "peyvand"

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>

#include "pv-export-dialog.h"
#include "test-app-util.h"

static PvApplication *application;
static const char *sample_path;

/* One window on the sample for every test, with its graph settled. */
static PvWindow *window;
static Events events;

typedef struct
{
  char *dir;
} Fixture;

static void
setup (Fixture *fixture, gconstpointer data)
{
  window = new_window (application, &events);
  open_and_wait (window, &events, sample_path);
  wait_settled (window);
  fixture->dir = g_dir_make_tmp ("peyvand-export-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
}

static void
teardown (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  close_window (window, &events);
  window = NULL;
}

static GtkWindow *
find_export_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (PV_IS_EXPORT_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return toplevel;
    }
  return NULL;
}

/* Ctrl+E's action opens the dialog; it is shown and drawn. */
static PvExportDialog *
open_dialog (void)
{
  PvExportDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  wait_frames (window, 2);
  dialog = PV_EXPORT_DIALOG (find_export_dialog ());
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  return dialog;
}

static void
close_dialog (PvExportDialog *dialog)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_frames (window, 1);
}

/* The pixels of a paintable that is a texture: how many differ from the
 * first, and how many are coloured. */
static void
count_texture_pixels (GdkPaintable *paintable, PixelCounts *counts)
{
  GdkTexture *texture;
  g_autofree guchar *pixels = NULL;
  gsize stride;

  g_assert_true (GDK_IS_TEXTURE (paintable));
  texture = GDK_TEXTURE (paintable);
  memset (counts, 0, sizeof *counts);
  counts->width = gdk_texture_get_width (texture);
  counts->height = gdk_texture_get_height (texture);
  stride = (gsize)counts->width * 4;
  pixels = g_malloc (stride * (gsize)counts->height);
  gdk_texture_download (texture, pixels, stride);

  for (int y = 0; y < counts->height; y++)
    for (int x = 0; x < counts->width; x++)
      {
        const guchar *p = pixels + (gsize)y * stride + (gsize)x * 4;
        int lo = MIN (p[0], MIN (p[1], p[2]));
        int hi = MAX (p[0], MAX (p[1], p[2]));

        if (memcmp (p, pixels, 4) != 0)
          counts->different++;
        if (hi < 110 && p[3] > 200)
          counts->dark++;
        if (hi - lo > 40)
          counts->saturated++;
      }
  g_test_message ("preview %d×%d: %u pixels unlike the first, %u dark, %u saturated", counts->width,
                  counts->height, counts->different, counts->dark, counts->saturated);
}

static void
on_exported (PvExportDialog *dialog, const char *path, char **exported)
{
  g_free (*exported);
  *exported = g_strdup (path);
}

/* A test-only picture of the dialog, for people to look at: written when
 * PEYVAND_TEST_SCREENSHOT_DIR is set. */
static void
maybe_save_screenshot (GtkWidget *widget, const char *name)
{
  const char *dir = g_getenv ("PEYVAND_TEST_SCREENSHOT_DIR");
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (dir == NULL)
    return;

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("wrote %s", path);
}

/* Tests --------------------------------------------------------------------- */

/* What Save writes is the core's export of the graph as the view shows it
 * (its layout, hidden types, minimum weight) with the dialog's options:
 * the very bytes that pv_export_to_bytes gives. */
static void
test_export_png (Fixture *fixture, gconstpointer data)
{
  PvGraphView *view = pv_window_get_graph_view (window);
  PvGraphPanel *panel = pv_window_get_graph_panel (window);
  const PvAnalysis *analysis = pv_window_get_analysis (window);
  g_autofree char *path = g_build_filename (fixture->dir, "graph.png", NULL);
  g_autofree char *exported = NULL;
  g_autofree char *contents = NULL;
  g_autoptr (GBytes) expected = NULL;
  g_autoptr (GError) error = NULL;
  PvExportOptions options;
  PvExportDialog *dialog;
  PixelCounts counts;
  gsize length = 0;

  /* what the view shows: no places, no links of a single sentence,
   * labels in both languages */
  gtk_toggle_button_set_active (pv_graph_panel_get_type_button (panel, PV_ENTITY_PLACE), FALSE);
  gtk_adjustment_set_value (pv_graph_panel_get_weight_adjustment (panel), 2);
  pv_graph_view_set_labels (view, PV_LABELS_BOTH);
  g_assert_false (pv_graph_view_get_type_visible (view, PV_ENTITY_PLACE));
  g_assert_cmpuint (pv_graph_view_get_min_edge_weight (view), ==, 2);

  dialog = open_dialog ();
  g_assert_cmpuint (adw_combo_row_get_selected (pv_export_dialog_get_labels_row (dialog)), ==,
                    PV_LABELS_BOTH);
  g_assert_cmpint (pv_export_dialog_get_format (dialog), ==, PV_EXPORT_PNG);

  /* the user's choices */
  pv_export_dialog_set_size (dialog, PV_EXPORT_UNIT_PIXELS, 900, 640, 150);
  gtk_switch_set_active (pv_export_dialog_get_legend_switch (dialog), TRUE);
  adw_combo_row_set_selected (pv_export_dialog_get_theme_row (dialog), 0);
  gtk_editable_set_text (pv_export_dialog_get_title_entry (dialog), "تماس تلفنی پوتین و اردوغان");
  pv_export_dialog_update_preview (dialog);

  /* the preview is the picture, not a blank page */
  count_texture_pixels (pv_export_dialog_get_preview_paintable (dialog), &counts);
  g_assert_cmpint (counts.width, ==, 900);
  g_assert_cmpint (counts.height, ==, 640);
  g_assert_cmpuint (counts.different, >, 5000);
  g_assert_cmpuint (counts.saturated, >, 1000);
  g_assert_cmpuint (counts.dark, >, 500);
  wait_frames (window, 2);
  maybe_save_screenshot (GTK_WIDGET (dialog), "export-dialog.png");

  g_signal_connect (dialog, "exported", G_CALLBACK (on_exported), &exported);
  g_assert_true (pv_export_dialog_save_to_file (dialog, path, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (exported, ==, path);

  /* the same options, made here from what was asked for */
  pv_export_options_init (&options, PV_EXPORT_PNG);
  options.width = 900;
  options.height = 640;
  options.dpi = 150;
  options.legend = TRUE;
  options.title = "تماس تلفنی پوتین و اردوغان";
  options.draw.labels = PV_LABELS_BOTH;
  options.draw.type_hidden[PV_ENTITY_PLACE] = TRUE;
  options.draw.min_edge_weight = 2;
  expected = pv_export_to_bytes (analysis, pv_graph_view_get_layout (view), &options, &error);
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, ==, g_bytes_get_size (expected));
  g_assert_true (memcmp (contents, g_bytes_get_data (expected, NULL), length) == 0);

  /* and the file is a PNG of that size */
  count_png_pixels (path, 0, 0, G_MAXINT, G_MAXINT, &counts);
  g_assert_cmpint (counts.width, ==, 900);
  g_assert_cmpint (counts.height, ==, 640);

  close_dialog (dialog);
}

/* Centimetres at a resolution; the other formats; the suggested name. */
static void
test_sizes_and_formats (Fixture *fixture, gconstpointer data)
{
  const PvAnalysis *analysis = pv_window_get_analysis (window);
  const PvNode *first = g_ptr_array_index (analysis->nodes, 0);
  PvExportDialog *dialog = open_dialog ();
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  GtkTextBuffer *buffer;
  PvExportOptions options;
  double width, height;

  name = pv_export_dialog_get_suggested_name (dialog);
  g_assert_cmpstr (name, ==, "000_2ad9410abe4922a4.png");

  /* 17 × 12 cm at 300 dpi: pixels = size / 2.54 × dpi */
  pv_export_dialog_set_size (dialog, PV_EXPORT_UNIT_CM, 17, 12, 300);
  pv_export_dialog_get_device_size (dialog, &width, &height);
  g_assert_cmpfloat (width, ==, 2008);
  g_assert_cmpfloat (height, ==, 1417);
  pv_export_dialog_update_preview (dialog);
  g_assert_true (GDK_IS_TEXTURE (pv_export_dialog_get_preview_paintable (dialog)));

  /* the same page as a PDF: points */
  pv_export_dialog_set_format (dialog, PV_EXPORT_PDF);
  pv_export_dialog_get_device_size (dialog, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 17 / 2.54 * 72, 1e-6);
  g_assert_cmpfloat_with_epsilon (height, 12 / 2.54 * 72, 1e-6);
  g_clear_pointer (&name, g_free);
  name = pv_export_dialog_get_suggested_name (dialog);
  g_assert_cmpstr (name, ==, "000_2ad9410abe4922a4.pdf");
  pv_export_dialog_get_options (dialog, &options);
  g_assert_false (options.transparent);

  /* switching the unit keeps the size */
  pv_export_dialog_set_format (dialog, PV_EXPORT_PNG);
  pv_export_dialog_set_size (dialog, PV_EXPORT_UNIT_MM, 170, 120, 300);
  pv_export_dialog_get_device_size (dialog, &width, &height);
  g_assert_cmpfloat (width, ==, 2008);
  g_assert_cmpfloat (height, ==, 1417);

  /* data: the preview shows the start of the file */
  pv_export_dialog_set_format (dialog, PV_EXPORT_CSV);
  pv_export_dialog_update_preview (dialog);
  buffer = pv_export_dialog_get_preview_buffer (dialog);
  text = buffer_text (buffer);
  g_assert_nonnull (strstr (text, first->id));
  wait_frames (window, 2);
  maybe_save_screenshot (GTK_WIDGET (dialog), "export-dialog-csv.png");
  g_clear_pointer (&name, g_free);
  name = pv_export_dialog_get_suggested_name (dialog);
  g_assert_cmpstr (name, ==, "000_2ad9410abe4922a4.csv");

  close_dialog (dialog);
}

/* Every format is written; a file that cannot be written is reported and
 * nothing is emitted. */
static void
test_every_format (Fixture *fixture, gconstpointer data)
{
  static const char *const extensions[] = { "png",     "svg", "pdf", "gexf",
                                            "graphml", "dot", "csv", "json" };
  PvExportDialog *dialog = open_dialog ();
  g_autofree char *bad = g_build_filename (fixture->dir, "no-such-folder", "graph.png", NULL);
  g_autofree char *exported = NULL;
  g_autoptr (GError) error = NULL;

  g_signal_connect (dialog, "exported", G_CALLBACK (on_exported), &exported);
  for (guint f = PV_EXPORT_PNG; f <= PV_EXPORT_JSON; f++)
    {
      g_autofree char *basename = g_strconcat ("graph.", extensions[f], NULL);
      g_autofree char *path = g_build_filename (fixture->dir, basename, NULL);
      GStatBuf st;

      pv_export_dialog_set_format (dialog, f);
      g_assert_true (pv_export_dialog_save_to_file (dialog, path, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (exported, ==, path);
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_size, >, 100);
    }

  g_clear_pointer (&exported, g_free);
  pv_export_dialog_set_format (dialog, PV_EXPORT_PNG);
  g_assert_false (pv_export_dialog_save_to_file (dialog, bad, &error));
  g_assert_nonnull (error);
  g_test_message ("unwritable: %s", error->message);
  g_assert_null (exported);

  close_dialog (dialog);
}

/* The CLI and the app give the same picture: the view's layout, settled,
 * is the layout the CLI makes with the default seed, and the dialog's PNG
 * is the very file that `peyvand-cli export` writes with the same options. */
static void
test_same_as_cli (Fixture *fixture, gconstpointer data)
{
  PvGraphView *view = pv_window_get_graph_view (window);
  const PvAnalysis *analysis = pv_window_get_analysis (window);
  const PvLayout *shown = pv_graph_view_get_layout (view);
  g_autoptr (PvLayout) layout = pv_layout_new (analysis, PV_LAYOUT_DEFAULT_SEED);
  g_autofree char *app_png = g_build_filename (fixture->dir, "app.png", NULL);
  g_autofree char *cli_png = g_build_filename (fixture->dir, "cli.png", NULL);
  g_autofree char *app_bytes = NULL;
  g_autofree char *cli_bytes = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  const char *cli = g_getenv ("PEYVAND_CLI");
  const char *argv[] = { cli,       "export", "--width",  "700",       "--height", "500",
                         "--dpi",   "120",    "--labels", "en",        "--legend", "--title",
                         "Peyvand", "-o",     cli_png,    sample_path, NULL };
  gsize app_length = 0, cli_length = 0;
  PvExportDialog *dialog;
  int wait_status;

  pv_layout_settle (layout);
  for (guint i = 0; i < analysis->nodes->len; i++)
    {
      double x0, y0, x1, y1;

      pv_layout_get_position (shown, i, &x0, &y0);
      pv_layout_get_position (layout, i, &x1, &y1);
      g_assert_cmpfloat (x0, ==, x1);
      g_assert_cmpfloat (y0, ==, y1);
    }

  g_assert_nonnull (cli);
  dialog = open_dialog ();
  pv_export_dialog_set_size (dialog, PV_EXPORT_UNIT_PIXELS, 700, 500, 120);
  adw_combo_row_set_selected (pv_export_dialog_get_labels_row (dialog), PV_LABELS_ENGLISH);
  adw_combo_row_set_selected (pv_export_dialog_get_theme_row (dialog), 0);
  gtk_switch_set_active (pv_export_dialog_get_legend_switch (dialog), TRUE);
  gtk_editable_set_text (pv_export_dialog_get_title_entry (dialog), "Peyvand");
  g_assert_true (pv_export_dialog_save_to_file (dialog, app_png, &error));
  g_assert_no_error (error);
  close_dialog (dialog);

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &err, &wait_status,
                &error);
  g_assert_no_error (error);
  g_test_message ("peyvand-cli said: %s", err);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));

  g_assert_true (g_file_get_contents (app_png, &app_bytes, &app_length, NULL));
  g_assert_true (g_file_get_contents (cli_png, &cli_bytes, &cli_length, NULL));
  g_assert_cmpuint (app_length, ==, cli_length);
  g_assert_true (memcmp (app_bytes, cli_bytes, app_length) == 0);
}

/* Without an analysis there is nothing to export. */
static void
test_no_graph (void)
{
  Events no_events = { 0 };
  PvWindow *empty = new_window (application, &no_events);
  g_auto (GStrv) accels =
      gtk_application_get_accels_for_action (GTK_APPLICATION (application), "win.export");

  g_assert_true (g_strv_contains ((const char *const *)accels, "<Control>e"));
  wait_frames (empty, 2);
  gtk_widget_activate_action (GTK_WIDGET (empty), "win.export", NULL);
  wait_frames (empty, 2);
  g_assert_null (find_export_dialog ());

  close_window (empty, &no_events);
}

int
main (int argc, char *argv[])
{
  int status;

  application = test_app_init (&argc, &argv);
  if (application == NULL)
    {
      g_printerr ("no display: skipped (run under xvfb-run)\n");
      return 77;
    }

  sample_path = g_getenv ("PEYVAND_SAMPLE");
  g_assert_nonnull (sample_path);

  g_test_add ("/app/export/png", Fixture, NULL, setup, test_export_png, teardown);
  g_test_add ("/app/export/sizes-and-formats", Fixture, NULL, setup, test_sizes_and_formats,
              teardown);
  g_test_add ("/app/export/every-format", Fixture, NULL, setup, test_every_format, teardown);
  g_test_add ("/app/export/same-as-cli", Fixture, NULL, setup, test_same_as_cli, teardown);
  g_test_add_func ("/app/export/no-graph", test_no_graph);

  status = g_test_run ();

  g_object_unref (application);
  return status;
}
