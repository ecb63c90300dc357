/* test-inspector.c: the inspector's table of entities and metrics, and its
 * selection linked to the graph's, under a display (Xvfb)
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "peyvand"

#include "config.h"

#include <math.h>

#include "pv-analysis-json.h"
#include "pv-entity-style.h"
#include "pv-metrics.h"
#include "test-app-util.h"

#define PUTIN "person:vladimir-putin"

static PvApplication *application;
static const char *sample_path;

static PvWindow *window;
static Events events;

typedef struct
{
  int unused;
} Fixture;

static void
setup (Fixture *fixture, gconstpointer data)
{
  window = new_window (application, &events);
  open_and_wait (window, &events, sample_path);
  wait_settled (window);
  pv_window_select_node (window, -1);
  pv_graph_panel_set_inspector_visible (pv_window_get_graph_panel (window), TRUE);
  wait_frames (window, 3);
}

static void
teardown (Fixture *fixture, gconstpointer data)
{
  close_window (window, &events);
  window = NULL;
}

static PvInspector *
get_inspector (void)
{
  return pv_graph_panel_get_inspector (pv_window_get_graph_panel (window));
}

static PvInspectorRow *
row_at (guint position)
{
  GListModel *model = G_LIST_MODEL (pv_inspector_get_selection (get_inspector ()));
  PvInspectorRow *row = g_list_model_get_item (model, position);

  g_assert_nonnull (row);
  g_object_unref (row); /* the model keeps it */
  return row;
}

/* The row of `node` in the table as sorted, or -1. */
static int
position_of (guint node)
{
  GListModel *model = G_LIST_MODEL (pv_inspector_get_selection (get_inspector ()));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (pv_inspector_row_get_node (row_at (i)) == node)
      return (int)i;
  return -1;
}

static void
assert_same_metrics (const PvNodeMetrics *a, const PvNodeMetrics *b)
{
  g_assert_cmpuint (a->degree, ==, b->degree);
  g_assert_cmpfloat_with_epsilon (a->weighted_degree, b->weighted_degree, 1e-9);
  g_assert_cmpfloat_with_epsilon (a->pagerank, b->pagerank, 1e-9);
  g_assert_cmpfloat_with_epsilon (a->betweenness, b->betweenness, 1e-9);
  g_assert_cmpuint (a->community, ==, b->community);
}

/* What `peyvand-cli analyze --metrics` says of the sample. */
static PvAnalysis *
cli_analysis (PvMetrics **metrics)
{
  const char *cli = g_getenv ("PEYVAND_CLI");
  const char *argv[] = { cli, "analyze", "--metrics", sample_path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  PvAnalysis *analysis;
  int status = 0;

  g_assert_nonnull (cli);
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  analysis = pv_analysis_from_json_with_metrics ("cli", out, strlen (out), metrics, &error);
  g_assert_no_error (error);
  g_assert_nonnull (analysis);
  g_assert_nonnull (*metrics);
  return analysis;
}

/* A row per node, with the numbers that pv_metrics_compute and the command
 * line give. */
static void
test_rows (Fixture *fixture, gconstpointer data)
{
  const PvAnalysis *analysis = pv_window_get_analysis (window);
  PvInspector *inspector = get_inspector ();
  GListModel *model = G_LIST_MODEL (pv_inspector_get_selection (inspector));
  g_autoptr (PvMetrics) metrics = pv_metrics_compute (analysis);
  g_autoptr (PvMetrics) cli_metrics = NULL;
  g_autoptr (PvAnalysis) cli = NULL;
  gboolean *seen;

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (inspector)));
  g_assert_cmpuint (analysis->nodes->len, >, 5);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, analysis->nodes->len);
  g_assert_nonnull (metrics);
  g_assert_cmpuint (pv_inspector_get_metrics (inspector)->n_communities, ==,
                    metrics->n_communities);

  cli = cli_analysis (&cli_metrics);
  g_assert_cmpuint (cli->nodes->len, ==, analysis->nodes->len);

  seen = g_new0 (gboolean, analysis->nodes->len);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      PvInspectorRow *row = row_at (i);
      guint node = pv_inspector_row_get_node (row);
      const PvNode *n;
      g_autofree char *type_name = NULL;
      g_autofree char *label_en = NULL;
      int k = -1;

      g_assert_cmpuint (node, <, analysis->nodes->len);
      g_assert_false (seen[node]);
      seen[node] = TRUE;
      n = g_ptr_array_index (analysis->nodes, node);
      g_assert_cmpstr (pv_inspector_row_get_label (row), ==, n->label);
      g_assert_cmpuint (pv_inspector_row_get_mentions (row), ==, n->mentions->len);
      g_object_get (row, "type-name", &type_name, "label-en", &label_en, NULL);
      g_assert_cmpstr (type_name, ==, pv_entity_type_get_display_name (n->type));
      g_assert_cmpstr (label_en, ==, n->label_en != NULL ? n->label_en : "");
      assert_same_metrics (pv_inspector_row_get_metrics (row), &metrics->nodes[node]);

      /* the command line's node of the same id */
      for (guint j = 0; j < cli->nodes->len; j++)
        if (g_str_equal (((const PvNode *)g_ptr_array_index (cli->nodes, j))->id, n->id))
          k = (int)j;
      g_assert_cmpint (k, >=, 0);
      assert_same_metrics (pv_inspector_row_get_metrics (row), &cli_metrics->nodes[k]);
    }
  g_free (seen);
}

/* Sorting by a column's header: PageRank descending puts the node of the
 * highest PageRank first; ascending, last. */
static void
test_sort (Fixture *fixture, gconstpointer data)
{
  PvInspector *inspector = get_inspector ();
  const PvMetrics *metrics = pv_inspector_get_metrics (inspector);
  GtkColumnView *view = pv_inspector_get_column_view (inspector);
  GtkColumnViewColumn *column = pv_inspector_get_column (inspector, "pagerank");
  guint n = metrics->n_nodes;
  double best = -1;

  g_assert_nonnull (column);
  for (guint i = 0; i < n; i++)
    best = MAX (best, metrics->nodes[i].pagerank);

  gtk_column_view_sort_by_column (view, column, GTK_SORT_DESCENDING);
  wait_frames (window, 2);
  g_assert_cmpfloat (pv_inspector_row_get_metrics (row_at (0))->pagerank, ==, best);
  for (guint i = 1; i < n; i++)
    g_assert_cmpfloat (pv_inspector_row_get_metrics (row_at (i - 1))->pagerank, >=,
                       pv_inspector_row_get_metrics (row_at (i))->pagerank);

  gtk_column_view_sort_by_column (view, column, GTK_SORT_ASCENDING);
  g_assert_cmpfloat (pv_inspector_row_get_metrics (row_at (n - 1))->pagerank, ==, best);

  /* the names sort too */
  gtk_column_view_sort_by_column (view, pv_inspector_get_column (inspector, "label"),
                                  GTK_SORT_ASCENDING);
  for (guint i = 1; i < n; i++)
    g_assert_cmpint (g_utf8_collate (pv_inspector_row_get_label (row_at (i - 1)),
                                     pv_inspector_row_get_label (row_at (i))),
                     <=, 0);

  /* the screenshot of the issue: sorted by PageRank, the first row
   * selected, the nodes coloured by community */
  gtk_column_view_sort_by_column (view, column, GTK_SORT_DESCENDING);
  pv_inspector_set_color_by_community (inspector, TRUE);
  gtk_single_selection_set_selected (pv_inspector_get_selection (inspector), 0);
  wait_settled (window);
  if (g_getenv ("PEYVAND_INSPECTOR_SCREENSHOT") != NULL)
    {
      g_autoptr (GError) error = NULL;

      g_assert_true (
          pv_window_save_png (window, g_getenv ("PEYVAND_INSPECTOR_SCREENSHOT"), &error));
      g_assert_no_error (error);
    }
}

/* Selecting a row selects its node in the graph and the article, as a
 * click on the node does. */
static void
test_row_selects_node (Fixture *fixture, gconstpointer data)
{
  PvInspector *inspector = get_inspector ();
  GtkSingleSelection *selection = pv_inspector_get_selection (inspector);
  PvGraphView *graph = pv_window_get_graph_view (window);
  PvArticleView *article = pv_window_get_article_view (window);

  gtk_column_view_sort_by_column (pv_inspector_get_column_view (inspector),
                                  pv_inspector_get_column (inspector, "mentions"),
                                  GTK_SORT_DESCENDING);
  for (guint position = 0; position < 3; position++)
    {
      guint node = pv_inspector_row_get_node (row_at (position));

      gtk_single_selection_set_selected (selection, position);
      wait_frames (window, 1);
      g_assert_cmpint (pv_graph_view_get_selected_node (graph), ==, (int)node);
      g_assert_cmpint (pv_article_view_get_selected_node (article), ==, (int)node);
      g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, position);
    }
}

/* Selecting a node elsewhere (the graph, the window, the search) selects
 * its row; nothing selected, no row. */
static void
test_node_selects_row (Fixture *fixture, gconstpointer data)
{
  PvInspector *inspector = get_inspector ();
  GtkSingleSelection *selection = pv_inspector_get_selection (inspector);
  PvGraphView *graph = pv_window_get_graph_view (window);
  PvGraphPanel *panel = pv_window_get_graph_panel (window);
  int putin = find_node (window, PUTIN);
  guint last = pv_inspector_get_metrics (inspector)->n_nodes - 1;

  gtk_column_view_sort_by_column (pv_inspector_get_column_view (inspector),
                                  pv_inspector_get_column (inspector, "betweenness"),
                                  GTK_SORT_ASCENDING);

  pv_window_select_node (window, putin);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==,
                    (guint)position_of ((guint)putin));
  g_assert_cmpuint (pv_inspector_row_get_node (gtk_single_selection_get_selected_item (selection)),
                    ==, (guint)putin);

  pv_graph_view_activate_node (graph, (int)last);
  g_assert_cmpuint (pv_inspector_row_get_node (gtk_single_selection_get_selected_item (selection)),
                    ==, last);
  g_assert_cmpint (pv_graph_view_get_selected_node (graph), ==, (int)last);

  g_assert_cmpint (pv_graph_panel_find (panel, "پوتین", 0), ==, putin);
  g_assert_cmpuint (pv_inspector_row_get_node (gtk_single_selection_get_selected_item (selection)),
                    ==, (guint)putin);

  pv_window_select_node (window, -1);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, GTK_INVALID_LIST_POSITION);
  g_assert_cmpint (pv_graph_view_get_selected_node (graph), ==, -1);
}

/* Colour by community: the graph draws each node in its community's colour,
 * and by type again when it is turned off. */
static void
test_color_by_community (Fixture *fixture, gconstpointer data)
{
  PvInspector *inspector = get_inspector ();
  PvGraphView *graph = pv_window_get_graph_view (window);
  const PvMetrics *metrics = pv_inspector_get_metrics (inspector);
  const PvDrawOptions *options = pv_graph_view_get_draw_options (graph);

  g_assert_null (options->node_color_index);
  pv_inspector_set_color_by_community (inspector, TRUE);
  g_assert_nonnull (options->node_color_index);
  for (guint i = 0; i < metrics->n_nodes; i++)
    g_assert_cmpuint (options->node_color_index[i], ==, metrics->nodes[i].community);
  wait_frames (window, 2);

  /* a new analysis: new colours */
  open_and_wait (window, &events, sample_path);
  options = pv_graph_view_get_draw_options (graph);
  metrics = pv_inspector_get_metrics (inspector);
  g_assert_nonnull (options->node_color_index);
  for (guint i = 0; i < metrics->n_nodes; i++)
    g_assert_cmpuint (options->node_color_index[i], ==, metrics->nodes[i].community);
  wait_settled (window);

  pv_inspector_set_color_by_community (inspector, FALSE);
  g_assert_null (pv_graph_view_get_draw_options (graph)->node_color_index);
}

/* The panel.inspector action (Ctrl+I, the toolbar's button) shows and
 * hides the inspector. */
static void
test_toggle (Fixture *fixture, gconstpointer data)
{
  PvGraphPanel *panel = pv_window_get_graph_panel (window);
  GtkWidget *inspector = GTK_WIDGET (get_inspector ());

  g_assert_true (gtk_widget_get_visible (inspector));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "panel.inspector", NULL));
  g_assert_false (gtk_widget_get_visible (inspector));
  g_assert_false (pv_graph_panel_get_inspector_visible (panel));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "panel.inspector", NULL));
  g_assert_true (gtk_widget_get_visible (inspector));
  wait_frames (window, 2);
  g_assert_true (gtk_widget_get_mapped (inspector));
  g_assert_cmpint (gtk_widget_get_height (inspector), >, 100);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (pv_window_get_graph_view (window))), >, 150);
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

  g_test_add ("/app/inspector/rows", Fixture, NULL, setup, test_rows, teardown);
  g_test_add ("/app/inspector/sort", Fixture, NULL, setup, test_sort, teardown);
  g_test_add ("/app/inspector/row-selects-node", Fixture, NULL, setup, test_row_selects_node,
              teardown);
  g_test_add ("/app/inspector/node-selects-row", Fixture, NULL, setup, test_node_selects_row,
              teardown);
  g_test_add ("/app/inspector/color-by-community", Fixture, NULL, setup, test_color_by_community,
              teardown);
  g_test_add ("/app/inspector/toggle", Fixture, NULL, setup, test_toggle, teardown);

  status = g_test_run ();

  g_object_unref (application);
  return status;
}
