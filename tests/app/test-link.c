/* test-link.c: the graph, and the selection linked between the graph and
 * the article, under a display (Xvfb)
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "peyvand"

#include "config.h"

#include <math.h>

#include "test-app-util.h"

#define PUTIN "person:vladimir-putin"
#define ROUHANI "person:hassan-rouhani"

static PvApplication *application;
static const char *sample_path;

/* One window on the sample for every test, with its graph settled. */
static PvWindow *window;
static Events events;

typedef struct
{
  int unused;
} Fixture;

static void
setup (Fixture *fixture, gconstpointer data)
{
  PvGraphView *graph;

  window = new_window (application, &events);
  open_and_wait (window, &events, sample_path);
  wait_settled (window);

  /* a clean slate: everything shown, nothing selected, the graph fitted */
  graph = pv_window_get_graph_view (window);
  for (guint t = 0; t < PV_N_ENTITY_TYPES; t++)
    gtk_toggle_button_set_active (
        pv_graph_panel_get_type_button (pv_window_get_graph_panel (window), t), TRUE);
  gtk_adjustment_set_value (
      pv_graph_panel_get_weight_adjustment (pv_window_get_graph_panel (window)), 1);
  pv_window_select_node (window, -1);
  pv_graph_view_fit (graph);
}

static void
teardown (Fixture *fixture, gconstpointer data)
{
  close_window (window, &events);
  window = NULL;
}

static char *
text_at (GtkTextBuffer *buffer, gsize start, gsize end)
{
  GtkTextIter a, b;

  gtk_text_buffer_get_iter_at_offset (buffer, &a, (int)start);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, (int)end);
  return gtk_text_buffer_get_text (buffer, &a, &b, TRUE);
}

/* `tag` covers exactly the offsets where `expected` is set. */
static void
assert_tag_covers (GtkTextBuffer *buffer, GtkTextTag *tag, const gboolean *expected)
{
  int length = gtk_text_buffer_get_char_count (buffer);

  for (int k = 0; k < length; k++)
    {
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_offset (buffer, &iter, k);
      if (gtk_text_iter_has_tag (&iter, tag) != expected[k])
        {
          const char *name = NULL;

          g_object_get (tag, "name", &name, NULL);
          g_error ("offset %d: tag %s is %s", k, name, expected[k] ? "missing" : "present");
        }
    }
}

static gboolean *
mention_offsets (GtkTextBuffer *buffer, const PvNode *node, int only)
{
  gboolean *expected = g_new0 (gboolean, gtk_text_buffer_get_char_count (buffer) + 1);

  for (guint i = 0; i < node->mentions->len; i++)
    {
      const PvMention *m = &g_array_index (node->mentions, PvMention, i);

      if (only >= 0 && (guint)only != i)
        continue;
      for (gsize k = m->start; k < m->end; k++)
        expected[k] = TRUE;
    }
  return expected;
}

/* The on-screen rectangle of offset `offset` is inside the article's
 * visible part. */
static gboolean
offset_visible (PvWindow *w, gsize offset)
{
  GtkTextView *view = pv_article_view_get_text_view (pv_window_get_article_view (w));
  GtkTextIter iter;
  GdkRectangle visible, location;

  gtk_text_buffer_get_iter_at_offset (pv_window_get_buffer (w), &iter, (int)offset);
  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_iter_location (view, &iter, &location);
  return location.y >= visible.y && location.y + location.height <= visible.y + visible.height;
}

/* How many nodes have a mention covering `offset`. */
static guint
covering_nodes (const PvAnalysis *analysis, gsize offset)
{
  guint n = 0;

  for (guint i = 0; i < analysis->nodes->len; i++)
    {
      const PvNode *node = g_ptr_array_index (analysis->nodes, i);

      for (guint j = 0; j < node->mentions->len; j++)
        {
          const PvMention *m = &g_array_index (node->mentions, PvMention, j);

          if (m->start <= offset && offset < m->end)
            {
              n++;
              break;
            }
        }
    }
  return n;
}

/* Tests --------------------------------------------------------------------- */

/* The layout settles by itself, fits the view, and is the same picture for
 * the same article. */
static void
test_graph_settles (Fixture *fixture, gconstpointer data)
{
  PvGraphView *graph = pv_window_get_graph_view (window);
  const PvAnalysis *analysis = pv_window_get_analysis (window);
  const PvLayout *layout = pv_graph_view_get_layout (graph);
  int width = gtk_widget_get_width (GTK_WIDGET (graph));
  int height = gtk_widget_get_height (GTK_WIDGET (graph));
  Events other_events = { 0 };
  PvWindow *other;
  const PvLayout *other_layout;

  g_assert_true (pv_graph_view_get_settled (graph));
  g_assert_nonnull (layout);
  g_assert_true (pv_layout_is_settled (layout));
  g_assert_cmpuint (pv_layout_n_nodes (layout), ==, analysis->nodes->len);
  g_assert_cmpint (width, >, 200);
  g_assert_cmpint (height, >, 200);

  for (guint i = 0; i < analysis->nodes->len; i++)
    {
      double x, y;

      g_assert_true (pv_graph_view_get_node_point (graph, (int)i, &x, &y));
      if (x < 0 || x > width || y < 0 || y > height)
        g_error ("node %u is drawn at (%g, %g), outside the %d×%d view", i, x, y, width, height);
      /* the node is where its hit test finds it */
      g_assert_cmpint (pv_graph_view_node_at (graph, x, y), ==, (int)i);
    }

  /* the same article in another window: the same layout */
  other = new_window (application, &other_events);
  open_and_wait (other, &other_events, sample_path);
  wait_settled (other);
  other_layout = pv_graph_view_get_layout (pv_window_get_graph_view (other));
  for (guint i = 0; i < analysis->nodes->len; i++)
    {
      double x1, y1, x2, y2;

      pv_layout_get_position (layout, i, &x1, &y1);
      pv_layout_get_position (other_layout, i, &x2, &y2);
      g_assert_cmpfloat (x1, ==, x2);
      g_assert_cmpfloat (y1, ==, y2);
    }
  close_window (other, &other_events);
}

/* At the window's size the settled graph is readable: every label inside
 * the view, no two labels overlapping, most nodes labelled. */
static void
test_labels_readable (Fixture *fixture, gconstpointer data)
{
  PvGraphView *graph = pv_window_get_graph_view (window);
  const PvAnalysis *analysis = pv_window_get_analysis (window);
  int width = gtk_widget_get_width (GTK_WIDGET (graph));
  int height = gtk_widget_get_height (GTK_WIDGET (graph));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  g_autoptr (GArray) boxes = pv_draw_get_label_boxes (
      cr, analysis, pv_graph_view_get_layout (graph), pv_graph_view_get_draw_options (graph));

  g_test_message ("%u labels for %u nodes in %d×%d", boxes->len, analysis->nodes->len, width,
                  height);
  g_assert_cmpuint (boxes->len * 2, >=, analysis->nodes->len);
  for (guint i = 0; i < boxes->len; i++)
    {
      const PvDrawLabelBox *a = &g_array_index (boxes, PvDrawLabelBox, i);

      g_assert_cmpfloat (a->x, >=, 0);
      g_assert_cmpfloat (a->y, >=, 0);
      g_assert_cmpfloat (a->x + a->width, <=, width);
      g_assert_cmpfloat (a->y + a->height, <=, height);
      for (guint j = i + 1; j < boxes->len; j++)
        {
          const PvDrawLabelBox *b = &g_array_index (boxes, PvDrawLabelBox, j);

          if (a->x < b->x + b->width && b->x < a->x + a->width && a->y < b->y + b->height &&
              b->y < a->y + a->height)
            g_error ("the labels of nodes %u and %u overlap", a->node, b->node);
        }
    }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Selecting Putin from code: every one of his mentions is highlighted,
 * «رئیس جمهور روسیه» among them, the first is the current one and in
 * view, and the graph and the panel show him. */
static void
test_select_node (Fixture *fixture, gconstpointer data)
{
  GtkTextBuffer *buffer = pv_window_get_buffer (window);
  PvArticleView *view = pv_window_get_article_view (window);
  PvGraphPanel *panel = pv_window_get_graph_panel (window);
  const PvAnalysis *analysis = pv_window_get_analysis (window);
  int putin = find_node (window, PUTIN);
  const PvNode *node = g_ptr_array_index (analysis->nodes, putin);
  g_autofree gboolean *all = mention_offsets (buffer, node, -1);
  g_autofree gboolean *first = mention_offsets (buffer, node, 0);
  gboolean role_found = FALSE;
  guint rows = 0;

  g_assert_cmpuint (node->mentions->len, >=, 5);
  pv_window_select_node (window, putin);

  assert_tag_covers (buffer, pv_article_view_get_selection_tag (view), all);
  assert_tag_covers (buffer, pv_article_view_get_current_tag (view), first);
  g_assert_cmpint (pv_article_view_get_selected_node (view), ==, putin);
  g_assert_cmpint (pv_article_view_get_current_mention (view), ==, 0);
  g_assert_cmpint (pv_graph_view_get_selected_node (pv_window_get_graph_view (window)), ==, putin);

  for (guint i = 0; i < node->mentions->len; i++)
    {
      const PvMention *m = &g_array_index (node->mentions, PvMention, i);
      g_autofree char *text = text_at (buffer, m->start, m->end);

      g_test_message ("mention %u: [%" G_GSIZE_FORMAT ", %" G_GSIZE_FORMAT ") «%s»", i, m->start,
                      m->end, text);
      if (g_str_equal (text, "رئیس جمهور روسیه"))
        role_found = TRUE;
    }
  g_assert_true (role_found);

  /* the panel lists each sentence that mentions him once */
  for (guint i = 0; i < node->mentions->len; i++)
    {
      const PvMention *m = &g_array_index (node->mentions, PvMention, i);

      if (i == 0 || m->sentence != g_array_index (node->mentions, PvMention, i - 1).sentence)
        {
          g_assert_cmpint (pv_graph_panel_get_row_sentence (panel, rows), ==, (int)m->sentence);
          rows++;
        }
    }
  g_assert_cmpuint (pv_graph_panel_get_n_rows (panel), ==, rows);

  wait_frames (window, 3);
  g_assert_true (offset_visible (window, g_array_index (node->mentions, PvMention, 0).start));
}

/* F3 and Shift+F3 (win.next-mention, win.previous-mention) walk through
 * the mentions, round the ends, scrolling each into view. */
static void
test_walk_mentions (Fixture *fixture, gconstpointer data)
{
  GtkTextBuffer *buffer = pv_window_get_buffer (window);
  PvArticleView *view = pv_window_get_article_view (window);
  const PvAnalysis *analysis = pv_window_get_analysis (window);
  int putin = find_node (window, PUTIN);
  const PvNode *node = g_ptr_array_index (analysis->nodes, putin);
  guint n = node->mentions->len;

  /* nothing selected: nothing to walk */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-mention", NULL);
  g_assert_cmpint (pv_article_view_get_selected_node (view), ==, -1);
  g_assert_cmpint (pv_article_view_get_current_mention (view), ==, -1);

  pv_window_select_node (window, putin);
  for (guint i = 1; i <= n; i++)
    {
      g_autofree gboolean *expected = NULL;
      const PvMention *m;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-mention", NULL));
      g_assert_cmpint (pv_article_view_get_current_mention (view), ==, (int)(i % n));
      expected = mention_offsets (buffer, node, (int)(i % n));
      assert_tag_covers (buffer, pv_article_view_get_current_tag (view), expected);
      wait_frames (window, 2);
      m = &g_array_index (node->mentions, PvMention, i % n);
      g_assert_true (offset_visible (window, m->start));
    }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-mention", NULL));
  g_assert_cmpint (pv_article_view_get_current_mention (view), ==, (int)n - 1);
}

/* Selecting the Rouhani–Putin edge lists the sentences behind it; choosing
 * one marks it in the article and scrolls there. */
static void
test_select_edge (Fixture *fixture, gconstpointer data)
{
  GtkTextBuffer *buffer = pv_window_get_buffer (window);
  PvArticleView *view = pv_window_get_article_view (window);
  PvGraphPanel *panel = pv_window_get_graph_panel (window);
  const PvAnalysis *analysis = pv_window_get_analysis (window);
  int index = find_edge (window, ROUHANI, PUTIN);
  const PvEdge *edge = g_ptr_array_index (analysis->edges, index);
  GtkListBox *list = pv_graph_panel_get_sentence_list (panel);
  GtkListBoxRow *row;
  const PvSpan *span;
  g_autofree gboolean *expected = NULL;
  guint last;

  g_assert_cmpuint (edge->sentences->len, >=, 1);
  pv_window_select_edge (window, index);

  g_assert_cmpint (pv_graph_view_get_selected_edge (pv_window_get_graph_view (window)), ==, index);
  g_assert_cmpint (pv_graph_view_get_selected_node (pv_window_get_graph_view (window)), ==, -1);
  g_assert_cmpint (pv_article_view_get_selected_node (view), ==, -1);
  g_assert_cmpuint (pv_graph_panel_get_n_rows (panel), ==, edge->sentences->len);

  for (guint i = 0; i < edge->sentences->len; i++)
    {
      guint sentence = g_array_index (edge->sentences, guint, i);
      const PvSpan *s = &g_array_index (analysis->sentences, PvSpan, sentence);
      g_autofree char *text = text_at (buffer, s->start, s->end);
      GtkWidget *label;

      g_assert_cmpint (pv_graph_panel_get_row_sentence (panel, i), ==, (int)sentence);
      row = gtk_list_box_get_row_at_index (list, (int)i);
      g_assert_nonnull (row);
      label = gtk_list_box_row_get_child (row);
      g_assert_true (GTK_IS_LABEL (label));
      g_test_message ("sentence %u: %s", sentence, gtk_label_get_text (GTK_LABEL (label)));
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, text);
    }

  /* the last sentence, the furthest down */
  last = edge->sentences->len - 1;
  row = gtk_list_box_get_row_at_index (list, (int)last);
  g_signal_emit_by_name (list, "row-activated", row);
  span = &g_array_index (analysis->sentences, PvSpan, g_array_index (edge->sentences, guint, last));
  g_assert_cmpint (pv_article_view_get_shown_sentence (view), ==,
                   (int)g_array_index (edge->sentences, guint, last));
  expected = g_new0 (gboolean, gtk_text_buffer_get_char_count (buffer) + 1);
  for (gsize k = span->start; k < span->end; k++)
    expected[k] = TRUE;
  assert_tag_covers (buffer, pv_article_view_get_sentence_tag (view), expected);
  wait_frames (window, 3);
  g_assert_true (offset_visible (window, span->start));
}

/* A click on a mention in the article (its text offset) selects its node
 * in the graph, with that mention the current one. */
static void
test_click_mention (Fixture *fixture, gconstpointer data)
{
  GtkTextBuffer *buffer = pv_window_get_buffer (window);
  PvArticleView *view = pv_window_get_article_view (window);
  PvGraphView *graph = pv_window_get_graph_view (window);
  const PvAnalysis *analysis = pv_window_get_analysis (window);

  for (guint n = 0; n < analysis->nodes->len; n++)
    {
      const PvNode *node = g_ptr_array_index (analysis->nodes, n);

      for (guint i = 0; i < node->mentions->len; i++)
        {
          const PvMention *m = &g_array_index (node->mentions, PvMention, i);
          gsize offsets[] = { m->start, (m->start + m->end) / 2, m->end - 1 };

          for (guint k = 0; k < G_N_ELEMENTS (offsets); k++)
            {
              /* where mentions nest («رئیس جمهور روسیه» holds «روسیه»), the
               * core says which node the character belongs to */
              int expected = covering_nodes (analysis, offsets[k]) > 1
                                 ? pv_analysis_node_at (analysis, offsets[k])
                                 : (int)n;

              g_assert_cmpint (pv_article_view_activate_offset (view, offsets[k]), ==, expected);
              g_assert_cmpint (pv_graph_view_get_selected_node (graph), ==, expected);
              g_assert_cmpint (pv_article_view_get_selected_node (view), ==, expected);
              if (expected == (int)n)
                g_assert_cmpint (pv_article_view_get_current_mention (view), ==, (int)i);
            }
        }
    }

  /* Putin's role mention «رئیس جمهور روسیه» leads to Putin */
  {
    int putin = find_node (window, PUTIN);
    const PvNode *node = g_ptr_array_index (analysis->nodes, putin);
    g_autofree gboolean *all = mention_offsets (buffer, node, -1);
    gboolean found = FALSE;

    for (guint i = 0; i < node->mentions->len && !found; i++)
      {
        const PvMention *m = &g_array_index (node->mentions, PvMention, i);
        g_autofree char *text = text_at (buffer, m->start, m->end);

        if (g_str_equal (text, "رئیس جمهور روسیه"))
          {
            found = TRUE;
            g_assert_cmpint (pv_article_view_activate_offset (view, m->start + 3), ==, putin);
            assert_tag_covers (buffer, pv_article_view_get_selection_tag (view), all);
          }
      }
    g_assert_true (found);
  }

  /* a click on plain text selects nothing and changes nothing */
  {
    int selected = pv_graph_view_get_selected_node (graph);
    gsize plain = G_MAXSIZE;

    for (gsize k = 0; k < analysis->body_end && plain == G_MAXSIZE; k++)
      if (pv_analysis_node_at (analysis, k) < 0)
        plain = k;
    g_assert_cmpuint (plain, !=, G_MAXSIZE);
    g_assert_cmpint (pv_article_view_activate_offset (view, plain), ==, -1);
    g_assert_cmpint (pv_graph_view_get_selected_node (graph), ==, selected);
  }
}

/* A click on a node in the graph highlights its mentions; on an edge lists
 * its sentences; on the background clears the selection. */
static void
test_click_graph (Fixture *fixture, gconstpointer data)
{
  PvGraphView *graph = pv_window_get_graph_view (window);
  PvArticleView *view = pv_window_get_article_view (window);
  PvGraphPanel *panel = pv_window_get_graph_panel (window);
  const PvAnalysis *analysis = pv_window_get_analysis (window);
  int putin = find_node (window, PUTIN);
  int width = gtk_widget_get_width (GTK_WIDGET (graph));
  int height = gtk_widget_get_height (GTK_WIDGET (graph));
  double x, y;
  gboolean edge_clicked = FALSE;

  g_assert_true (pv_graph_view_get_node_point (graph, putin, &x, &y));
  pv_graph_view_click (graph, x, y);
  g_assert_cmpint (pv_graph_view_get_selected_node (graph), ==, putin);
  g_assert_cmpint (pv_article_view_get_selected_node (view), ==, putin);
  g_assert_cmpint (pv_article_view_get_current_mention (view), ==, 0);

  /* an edge: at the middle of one where no node lies */
  for (guint e = 0; e < analysis->edges->len && !edge_clicked; e++)
    {
      const PvEdge *edge = g_ptr_array_index (analysis->edges, e);
      double x1, y1, x2, y2, mx, my;
      int hit;

      pv_graph_view_get_node_point (graph, (int)edge->source, &x1, &y1);
      pv_graph_view_get_node_point (graph, (int)edge->target, &x2, &y2);
      mx = (x1 + x2) / 2;
      my = (y1 + y2) / 2;
      if (pv_graph_view_node_at (graph, mx, my) >= 0)
        continue;
      hit = pv_graph_view_edge_at (graph, mx, my);
      g_assert_cmpint (hit, >=, 0);

      pv_graph_view_click (graph, mx, my);
      g_assert_cmpint (pv_graph_view_get_selected_edge (graph), ==, hit);
      g_assert_cmpint (pv_graph_view_get_selected_node (graph), ==, -1);
      g_assert_cmpint (pv_article_view_get_selected_node (view), ==, -1);
      g_assert_cmpuint (pv_graph_panel_get_n_rows (panel), ==,
                        ((const PvEdge *)g_ptr_array_index (analysis->edges, hit))->sentences->len);
      edge_clicked = TRUE;
    }
  g_assert_true (edge_clicked);

  /* the background: a corner far from every node */
  for (int cx = 2; cx < width; cx += 7)
    if (pv_graph_view_node_at (graph, cx, 2) < 0 && pv_graph_view_edge_at (graph, cx, 2) < 0)
      {
        pv_graph_view_click (graph, cx, 2);
        break;
      }
  g_assert_cmpint (pv_graph_view_get_selected_edge (graph), ==, -1);
  g_assert_cmpint (pv_graph_view_get_selected_node (graph), ==, -1);
  g_assert_cmpuint (pv_graph_panel_get_n_rows (panel), ==, 0);
  g_assert_cmpint (height, >, 0);
}

/* Dragging a node moves it there and pins it while the others settle. */
static void
test_drag_node (Fixture *fixture, gconstpointer data)
{
  PvGraphView *graph = pv_window_get_graph_view (window);
  const PvLayout *layout = pv_graph_view_get_layout (graph);
  int node = find_node (window, ROUHANI);
  double x, y, x2, y2;

  g_assert_true (pv_graph_view_get_node_point (graph, node, &x, &y));
  pv_graph_view_drag_node (graph, node, x + 40, y - 30);
  g_assert_true (pv_layout_is_pinned (layout, (guint)node));
  g_assert_true (pv_graph_view_get_node_point (graph, node, &x2, &y2));
  g_assert_cmpfloat_with_epsilon (x2, x + 40, 0.01);
  g_assert_cmpfloat_with_epsilon (y2, y - 30, 0.01);

  wait_settled (window);
  g_assert_true (pv_graph_view_get_node_point (graph, node, &x2, &y2));
  g_assert_cmpfloat_with_epsilon (x2, x + 40, 0.01);
  g_assert_cmpfloat_with_epsilon (y2, y - 30, 0.01);

  /* released, it moves with the others again */
  pv_graph_view_release_node (graph, node);
  g_assert_false (pv_layout_is_pinned (layout, (guint)node));
  wait_settled (window);
}

/* Zooming keeps the point under the pointer in place; fitting brings every
 * node back into view. */
static void
test_zoom (Fixture *fixture, gconstpointer data)
{
  PvGraphView *graph = pv_window_get_graph_view (window);
  const PvAnalysis *analysis = pv_window_get_analysis (window);
  int node = find_node (window, PUTIN);
  int width = gtk_widget_get_width (GTK_WIDGET (graph));
  int height = gtk_widget_get_height (GTK_WIDGET (graph));
  double x, y, x2, y2, other_x, other_y, other_x2, other_y2;
  int other = node == 0 ? 1 : 0;

  pv_graph_view_get_node_point (graph, node, &x, &y);
  pv_graph_view_get_node_point (graph, other, &other_x, &other_y);
  pv_graph_view_zoom (graph, 2.0, x, y);
  pv_graph_view_get_node_point (graph, node, &x2, &y2);
  pv_graph_view_get_node_point (graph, other, &other_x2, &other_y2);
  g_assert_cmpfloat_with_epsilon (x2, x, 0.01);
  g_assert_cmpfloat_with_epsilon (y2, y, 0.01);
  g_assert_cmpfloat_with_epsilon (hypot (other_x2 - x2, other_y2 - y2),
                                  2 * hypot (other_x - x, other_y - y), 0.01);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.fit-graph", NULL));
  for (guint i = 0; i < analysis->nodes->len; i++)
    {
      pv_graph_view_get_node_point (graph, (int)i, &x, &y);
      g_assert_cmpfloat (x, >=, 0);
      g_assert_cmpfloat (x, <=, width);
      g_assert_cmpfloat (y, >=, 0);
      g_assert_cmpfloat (y, <=, height);
    }
}

/* The legend's type toggles and the minimum weight filter the graph. */
static void
test_filters (Fixture *fixture, gconstpointer data)
{
  PvGraphPanel *panel = pv_window_get_graph_panel (window);
  PvGraphView *graph = pv_window_get_graph_view (window);
  GtkToggleButton *topics = pv_graph_panel_get_type_button (panel, PV_ENTITY_TOPIC);
  GtkAdjustment *weight = pv_graph_panel_get_weight_adjustment (panel);
  int topic = find_node (window, "topic:terrorism");
  double x, y;

  pv_graph_view_get_node_point (graph, topic, &x, &y);
  g_assert_cmpint (pv_graph_view_node_at (graph, x, y), ==, topic);

  gtk_toggle_button_set_active (topics, FALSE);
  g_assert_false (pv_graph_view_get_type_visible (graph, PV_ENTITY_TOPIC));
  g_assert_true (pv_graph_view_get_type_visible (graph, PV_ENTITY_PERSON));
  g_assert_true (pv_graph_view_get_draw_options (graph)->type_hidden[PV_ENTITY_TOPIC]);
  pv_graph_view_get_node_point (graph, topic, &x, &y);
  g_assert_cmpint (pv_graph_view_node_at (graph, x, y), !=, topic);
  gtk_toggle_button_set_active (topics, TRUE);
  g_assert_true (pv_graph_view_get_type_visible (graph, PV_ENTITY_TOPIC));

  /* the weight control reaches the heaviest edge */
  g_assert_cmpfloat (
      gtk_adjustment_get_upper (weight), ==,
      ((const PvEdge *)g_ptr_array_index (pv_window_get_analysis (window)->edges, 0))->weight);
  gtk_adjustment_set_value (weight, 3);
  g_assert_cmpuint (pv_graph_view_get_min_edge_weight (graph), ==, 3);
  g_assert_cmpuint (pv_graph_view_get_draw_options (graph)->min_edge_weight, ==, 3);
  gtk_adjustment_set_value (weight, 1);
}

/* The search field finds a node by its Persian or English name, whatever
 * the spelling of ی and ک, selects it and shows its mentions. */
static void
test_search (Fixture *fixture, gconstpointer data)
{
  PvGraphPanel *panel = pv_window_get_graph_panel (window);
  PvGraphView *graph = pv_window_get_graph_view (window);
  PvArticleView *view = pv_window_get_article_view (window);
  int putin = find_node (window, PUTIN);
  int russia = find_node (window, "country:RU");
  GtkWidget *focus;

  g_assert_cmpint (pv_graph_panel_find (panel, "پوتین", 0), ==, putin);
  g_assert_cmpint (pv_graph_view_get_selected_node (graph), ==, putin);
  g_assert_cmpint (pv_article_view_get_selected_node (view), ==, putin);

  pv_window_select_node (window, -1);
  g_assert_cmpint (pv_graph_panel_find (panel, "putin", 0), ==, putin);
  pv_window_select_node (window, -1);
  /* Arabic yeh */
  g_assert_cmpint (pv_graph_panel_find (panel, "پوتين", 0), ==, putin);
  /* the most mentioned first, then the next */
  g_assert_cmpint (pv_graph_panel_find (panel, "روسیه", 0), ==, russia);
  g_assert_cmpint (pv_graph_panel_find (panel, "روسیه", 1), >, russia);
  g_assert_cmpint (pv_graph_panel_find (panel, "روسیه", -1), ==, russia);
  g_assert_cmpint (pv_graph_panel_find (panel, "no such entity", 0), ==, -1);

  /* Ctrl+F (win.find) puts the keyboard focus in the search field */
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (
      focus == GTK_WIDGET (pv_graph_panel_get_search_entry (panel)) ||
      gtk_widget_is_ancestor (focus, GTK_WIDGET (pv_graph_panel_get_search_entry (panel))));
}

/* A new article replaces the graph and the selection. */
static void
test_reopen (Fixture *fixture, gconstpointer data)
{
  PvGraphView *graph = pv_window_get_graph_view (window);
  PvArticleView *view = pv_window_get_article_view (window);

  pv_window_select_node (window, find_node (window, PUTIN));
  open_and_wait (window, &events, sample_path);
  g_assert_cmpint (pv_graph_view_get_selected_node (graph), ==, -1);
  g_assert_cmpint (pv_article_view_get_selected_node (view), ==, -1);
  g_assert_true (pv_graph_view_get_analysis (graph) == pv_window_get_analysis (window));
  wait_settled (window);
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

  g_test_add ("/app/graph/settles", Fixture, NULL, setup, test_graph_settles, teardown);
  g_test_add ("/app/graph/labels-readable", Fixture, NULL, setup, test_labels_readable, teardown);
  g_test_add ("/app/link/select-node", Fixture, NULL, setup, test_select_node, teardown);
  g_test_add ("/app/link/walk-mentions", Fixture, NULL, setup, test_walk_mentions, teardown);
  g_test_add ("/app/link/select-edge", Fixture, NULL, setup, test_select_edge, teardown);
  g_test_add ("/app/link/click-mention", Fixture, NULL, setup, test_click_mention, teardown);
  g_test_add ("/app/link/click-graph", Fixture, NULL, setup, test_click_graph, teardown);
  g_test_add ("/app/graph/drag-node", Fixture, NULL, setup, test_drag_node, teardown);
  g_test_add ("/app/graph/zoom", Fixture, NULL, setup, test_zoom, teardown);
  g_test_add ("/app/graph/filters", Fixture, NULL, setup, test_filters, teardown);
  g_test_add ("/app/graph/search", Fixture, NULL, setup, test_search, teardown);
  g_test_add ("/app/link/reopen", Fixture, NULL, setup, test_reopen, teardown);

  status = g_test_run ();

  g_object_unref (application);
  return status;
}
