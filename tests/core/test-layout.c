/* test-layout.c: the force layout
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "pv-layout.h"
#include "test-util.h"

/* Analyses built by hand */

static void
node_free (gpointer data)
{
  PvNode *node = data;

  g_free (node->id);
  g_free (node->label);
  g_clear_pointer (&node->mentions, g_array_unref);
  g_free (node);
}

static void
edge_free (gpointer data)
{
  PvEdge *edge = data;

  g_clear_pointer (&edge->sentences, g_array_unref);
  g_free (edge);
}

static PvAnalysis *
graph_new (guint n_nodes)
{
  PvAnalysis *analysis = g_new0 (PvAnalysis, 1);

  analysis->nodes = g_ptr_array_new_with_free_func (node_free);
  analysis->edges = g_ptr_array_new_with_free_func (edge_free);
  for (guint i = 0; i < n_nodes; i++)
    {
      PvNode *node = g_new0 (PvNode, 1);

      node->id = g_strdup_printf ("topic:t%u", i);
      node->label = g_strdup_printf ("t%u", i);
      node->type = PV_ENTITY_TOPIC;
      node->mentions = g_array_new (FALSE, TRUE, sizeof (PvMention));
      g_ptr_array_add (analysis->nodes, node);
    }
  return analysis;
}

static void
graph_link (PvAnalysis *analysis, guint a, guint b, guint weight)
{
  PvEdge *edge = g_new0 (PvEdge, 1);

  edge->source = a;
  edge->target = b;
  edge->weight = weight;
  edge->sentences = g_array_new (FALSE, FALSE, sizeof (guint));
  g_ptr_array_add (analysis->edges, edge);
}

/* Two rings of 8 joined by one edge, a triangle and a path of 9 apart,
 * and 3 lone nodes. */
static PvAnalysis *
graph_components (void)
{
  PvAnalysis *analysis = graph_new (30);

  for (guint ring = 0; ring < 2; ring++)
    for (guint i = 0; i < 8; i++)
      graph_link (analysis, ring * 8 + i, ring * 8 + (i + 1) % 8, 1 + i % 3);
  graph_link (analysis, 0, 8, 2);
  graph_link (analysis, 16, 17, 1);
  graph_link (analysis, 17, 18, 1);
  graph_link (analysis, 18, 16, 4);
  for (guint i = 19; i < 27; i++)
    graph_link (analysis, i, i + 1, 1);
  return analysis; /* 27, 28, 29 are alone */
}

static PvAnalysis *
seed_analysis (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                 "000_2ad9410abe4922a4.txt", NULL);
  PvAnalyzeOptions options = { "2020-02-29" };
  PvDocument *document = pv_document_load_file (path, &error);

  g_assert_no_error (error);
  return pv_analyze (document, test_knowledge (), &options);
}

static void
assert_same_positions (const PvLayout *a, const PvLayout *b, gboolean same)
{
  gboolean all_same = TRUE;

  g_assert_cmpuint (pv_layout_n_nodes (a), ==, pv_layout_n_nodes (b));
  for (guint i = 0; i < pv_layout_n_nodes (a); i++)
    {
      double ax, ay, bx, by;

      pv_layout_get_position (a, i, &ax, &ay);
      pv_layout_get_position (b, i, &bx, &by);
      all_same = all_same && ax == bx && ay == by;
    }
  g_assert_true (all_same == same);
}

static void
assert_sane (const PvLayout *layout, double limit)
{
  double x0, y0, x1, y1;

  pv_layout_get_bounds (layout, &x0, &y0, &x1, &y1);
  for (guint i = 0; i < pv_layout_n_nodes (layout); i++)
    {
      double x, y;

      pv_layout_get_position (layout, i, &x, &y);
      g_assert_true (isfinite (x) && isfinite (y));
      g_assert_cmpfloat (fabs (x), <, limit);
      g_assert_cmpfloat (fabs (y), <, limit);
      g_assert_cmpfloat (x, >=, x0);
      g_assert_cmpfloat (x, <=, x1);
      g_assert_cmpfloat (y, >=, y0);
      g_assert_cmpfloat (y, <=, y1);
    }
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

static double
median_edge_length (const PvAnalysis *analysis, const PvLayout *layout)
{
  g_autoptr (GArray) lengths = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < analysis->edges->len; i++)
    {
      const PvEdge *edge = g_ptr_array_index (analysis->edges, i);
      double x0, y0, x1, y1, length;

      pv_layout_get_position (layout, edge->source, &x0, &y0);
      pv_layout_get_position (layout, edge->target, &x1, &y1);
      length = hypot (x1 - x0, y1 - y0);
      g_array_append_val (lengths, length);
    }
  if (lengths->len == 0)
    return 0;
  g_array_sort (lengths, compare_doubles);
  return g_array_index (lengths, double, lengths->len / 2);
}

/* Tests */

static void
test_layout_deterministic (void)
{
  g_autoptr (PvAnalysis) analysis = seed_analysis ();
  g_autoptr (PvLayout) a = pv_layout_new (analysis, 42);
  g_autoptr (PvLayout) b = pv_layout_new (analysis, 42);
  g_autoptr (PvLayout) c = pv_layout_new (analysis, 43);

  g_assert_cmpuint (pv_layout_n_nodes (a), ==, analysis->nodes->len);
  assert_same_positions (a, b, TRUE);
  assert_same_positions (a, c, FALSE);

  /* another layout stepping in between changes nothing */
  for (guint i = 0; i < 20; i++)
    {
      pv_layout_step (a, 3);
      pv_layout_step (c, 3);
      pv_layout_step (b, 3);
    }
  assert_same_positions (a, b, TRUE);
  assert_same_positions (a, c, FALSE);

  pv_layout_settle (a);
  pv_layout_settle (b);
  assert_same_positions (a, b, TRUE);
}

static void
test_layout_pinned (void)
{
  g_autoptr (PvAnalysis) analysis = seed_analysis ();
  g_autoptr (PvLayout) layout = pv_layout_new (analysis, 1);
  g_autofree double *before = g_new (double, 2 * analysis->nodes->len);
  guint moved = 0;
  double x, y;

  g_assert_cmpuint (analysis->nodes->len, >, 3);
  pv_layout_set_position (layout, 1, 3.25, -1.5);
  pv_layout_set_pinned (layout, 1, TRUE);
  g_assert_true (pv_layout_is_pinned (layout, 1));
  g_assert_false (pv_layout_is_pinned (layout, 0));
  for (guint i = 0; i < analysis->nodes->len; i++)
    pv_layout_get_position (layout, i, &before[2 * i], &before[2 * i + 1]);

  pv_layout_settle (layout);
  pv_layout_get_position (layout, 1, &x, &y);
  g_assert_cmpfloat (x, ==, 3.25);
  g_assert_cmpfloat (y, ==, -1.5);
  for (guint i = 0; i < analysis->nodes->len; i++)
    {
      pv_layout_get_position (layout, i, &x, &y);
      moved += x != before[2 * i] || y != before[2 * i + 1];
    }
  g_assert_cmpuint (moved, ==, analysis->nodes->len - 1);

  /* dragging a pinned node moves its pin; the others follow again */
  pv_layout_set_position (layout, 1, -2, 2);
  g_assert_false (pv_layout_is_settled (layout));
  pv_layout_settle (layout);
  pv_layout_get_position (layout, 1, &x, &y);
  g_assert_cmpfloat (x, ==, -2);
  g_assert_cmpfloat (y, ==, 2);

  /* unpinned, it moves with the rest */
  pv_layout_set_pinned (layout, 1, FALSE);
  g_assert_false (pv_layout_is_pinned (layout, 1));
  g_assert_false (pv_layout_is_settled (layout));
  pv_layout_settle (layout);
  assert_sane (layout, 50);
}

static void
test_layout_settles (void)
{
  g_autoptr (PvAnalysis) analysis = seed_analysis ();
  g_autoptr (PvLayout) layout = pv_layout_new (analysis, 7);
  guint steps = 0;
  double x, y;

  g_assert_false (pv_layout_is_settled (layout));
  /* an animation: a few iterations a frame, until it stops by itself */
  while (pv_layout_step (layout, PV_LAYOUT_FRAME_ITERATIONS))
    {
      steps++;
      g_assert_cmpuint (steps, <, 1000);
    }
  g_test_message ("settled after %u steps", steps);
  g_assert_true (pv_layout_is_settled (layout));
  g_assert_false (pv_layout_step (layout, 3));
  assert_sane (layout, 20);

  /* a drag wakes it up; it settles again */
  pv_layout_get_position (layout, 0, &x, &y);
  pv_layout_set_position (layout, 0, x + 1, y);
  g_assert_false (pv_layout_is_settled (layout));
  pv_layout_settle (layout);
  g_assert_true (pv_layout_is_settled (layout));
  assert_sane (layout, 20);
}

static void
test_layout_seed_article (void)
{
  g_autoptr (PvAnalysis) analysis = seed_analysis ();
  g_autoptr (PvLayout) layout = pv_layout_new (analysis, 1);
  double median, closest = G_MAXDOUBLE;

  g_assert_cmpuint (analysis->nodes->len, >=, 10);
  pv_layout_settle (layout);
  g_assert_true (pv_layout_is_settled (layout));
  assert_sane (layout, 20);

  /* edges about a unit or two long, no two nodes on top of each other */
  median = median_edge_length (analysis, layout);
  g_test_message ("median edge length %.2f", median);
  g_assert_cmpfloat (median, >, 0.5);
  g_assert_cmpfloat (median, <, 3);
  for (guint i = 0; i < analysis->nodes->len; i++)
    for (guint j = i + 1; j < analysis->nodes->len; j++)
      {
        double x0, y0, x1, y1;

        pv_layout_get_position (layout, i, &x0, &y0);
        pv_layout_get_position (layout, j, &x1, &y1);
        closest = MIN (closest, hypot (x1 - x0, y1 - y0));
      }
  g_test_message ("closest pair %.2f", closest);
  g_assert_cmpfloat (closest, >, 0.2);
}

static void
test_layout_components (void)
{
  g_autoptr (PvAnalysis) analysis = graph_components ();
  g_autoptr (PvLayout) layout = pv_layout_new (analysis, 3);
  double x0, y0, x1, y1;

  pv_layout_settle (layout);
  g_assert_true (pv_layout_is_settled (layout));
  /* nothing flies away: the lone nodes and the small components stay
   * near the rest */
  pv_layout_get_bounds (layout, &x0, &y0, &x1, &y1);
  g_test_message ("bounds %.1f x %.1f", x1 - x0, y1 - y0);
  g_assert_cmpfloat (x1 - x0, <, 20);
  g_assert_cmpfloat (y1 - y0, <, 20);
  assert_sane (layout, 20);
}

static void
test_layout_empty (void)
{
  g_autoptr (PvAnalysis) analysis = graph_new (0);
  g_autoptr (PvLayout) layout = pv_layout_new (analysis, 1);
  double x0 = 1, y0 = 1, x1 = 1, y1 = 1;

  g_assert_cmpuint (pv_layout_n_nodes (layout), ==, 0);
  g_assert_false (pv_layout_step (layout, 3));
  pv_layout_settle (layout);
  g_assert_true (pv_layout_is_settled (layout));
  pv_layout_get_bounds (layout, &x0, &y0, &x1, &y1);
  g_assert_cmpfloat (x0, ==, 0);
  g_assert_cmpfloat (x1, ==, 0);
  g_assert_cmpfloat (y0, ==, 0);
  g_assert_cmpfloat (y1, ==, 0);
}

static void
test_layout_single (void)
{
  g_autoptr (PvAnalysis) analysis = graph_new (1);
  g_autoptr (PvLayout) layout = pv_layout_new (analysis, 1);
  double x, y, x0, y0, x1, y1;

  g_assert_cmpuint (pv_layout_n_nodes (layout), ==, 1);
  g_assert_false (pv_layout_step (layout, 3));
  pv_layout_settle (layout);
  g_assert_true (pv_layout_is_settled (layout));
  pv_layout_get_position (layout, 0, &x, &y);
  g_assert_true (isfinite (x) && isfinite (y));
  pv_layout_get_bounds (layout, &x0, &y0, &x1, &y1);
  g_assert_cmpfloat (x0, ==, x);
  g_assert_cmpfloat (x1, ==, x);
  g_assert_cmpfloat (y0, ==, y);
  g_assert_cmpfloat (y1, ==, y);

  pv_layout_set_position (layout, 0, 2, 3);
  pv_layout_settle (layout);
  pv_layout_get_position (layout, 0, &x, &y);
  g_assert_cmpfloat (x, ==, 2);
  g_assert_cmpfloat (y, ==, 3);
}

static void
test_layout_same_spot (void)
{
  /* two nodes dropped on the same spot must not produce NaN */
  g_autoptr (PvAnalysis) analysis = graph_new (3);
  g_autoptr (PvLayout) layout = NULL;

  graph_link (analysis, 0, 1, 1);
  graph_link (analysis, 1, 2, 1);
  layout = pv_layout_new (analysis, 5);
  pv_layout_set_position (layout, 0, 1, 1);
  pv_layout_set_position (layout, 1, 1, 1);
  pv_layout_set_position (layout, 2, 1, 1);
  pv_layout_settle (layout);
  assert_sane (layout, 20);
}

/* Clusters of 20 nodes in rings with chords, a few edges between
 * clusters, and 10 nodes with no edge: large enough for the multilevel
 * layout of pv-force.c. */
static PvAnalysis *
graph_large (guint n_nodes)
{
  PvAnalysis *analysis = graph_new (n_nodes);
  g_autoptr (GRand) rand = g_rand_new_with_seed (3);
  guint linked = n_nodes - 10;

  for (guint i = 0; i < linked; i++)
    {
      guint cluster = i / 20 * 20, size = MIN (20, linked - cluster);

      if (size < 2)
        continue;
      graph_link (analysis, i, cluster + (i - cluster + 1) % size, 1 + i % 3);
      if (i % 4 == 0 && size > 5)
        graph_link (analysis, i, cluster + (i - cluster + 5) % size, 1);
    }
  for (guint k = 0; k < linked / 10; k++)
    {
      guint a = g_rand_int_range (rand, 0, linked), b = g_rand_int_range (rand, 0, linked);

      if (a / 20 != b / 20)
        graph_link (analysis, a, b, 1);
    }
  return analysis;
}

static void
test_layout_large_deterministic (void)
{
  g_autoptr (PvAnalysis) analysis = graph_large (800);
  g_autoptr (PvLayout) a = pv_layout_new (analysis, 42);
  g_autoptr (PvLayout) b = pv_layout_new (analysis, 42);
  g_autoptr (PvLayout) c = pv_layout_new (analysis, 43);

  /* nothing moves before the first step, then the same seed moves the
   * same way */
  pv_layout_step (a, PV_LAYOUT_SETTLE_STEP);
  pv_layout_step (c, PV_LAYOUT_SETTLE_STEP);
  pv_layout_step (b, PV_LAYOUT_SETTLE_STEP);
  assert_same_positions (a, b, TRUE);
  assert_same_positions (a, c, FALSE);
  pv_layout_settle (a);
  pv_layout_settle (b);
  pv_layout_settle (c);
  assert_same_positions (a, b, TRUE);
  assert_same_positions (a, c, FALSE);
}

static void
test_layout_large_settles (void)
{
  g_autoptr (PvAnalysis) analysis = graph_large (1000);
  g_autoptr (PvLayout) layout = pv_layout_new (analysis, PV_LAYOUT_DEFAULT_SEED);
  guint n = analysis->nodes->len, steps = 0, too_close = 0;
  double median, x0, y0, x1, y1, cx = 0, cy = 0;

  while (pv_layout_step (layout, PV_LAYOUT_SETTLE_STEP))
    steps++;
  g_test_message ("settled after %u steps of %u", steps, PV_LAYOUT_SETTLE_STEP);
  g_assert_cmpuint (steps * PV_LAYOUT_SETTLE_STEP, <, PV_LAYOUT_SETTLE_MAX_ITERATIONS);
  assert_sane (layout, 1000);

  /* edges a unit or a few long, nodes spread over about a unit each */
  median = median_edge_length (analysis, layout);
  pv_layout_get_bounds (layout, &x0, &y0, &x1, &y1);
  g_test_message ("median edge %.2f, bounds %.1f × %.1f", median, x1 - x0, y1 - y0);
  g_assert_cmpfloat (median, >, 0.5);
  g_assert_cmpfloat (median, <, 5);
  g_assert_cmpfloat ((x1 - x0) * (y1 - y0), >, n);
  for (guint i = 0; i < n; i++)
    {
      double x, y;

      pv_layout_get_position (layout, i, &x, &y);
      cx += x / n, cy += y / n;
      for (guint j = i + 1; j < n; j++)
        {
          double u, v;

          pv_layout_get_position (layout, j, &u, &v);
          too_close += hypot (u - x, v - y) < 0.05;
        }
    }
  g_test_message ("%u pairs closer than 0.05", too_close);
  g_assert_cmpuint (too_close, <, n / 100);

  /* the nodes with no edge stay near the rest, within a few radii */
  for (guint i = n - 10; i < n; i++)
    {
      double x, y;

      pv_layout_get_position (layout, i, &x, &y);
      g_assert_cmpfloat (hypot (x - cx, y - cy), <, 3 * MAX (x1 - x0, y1 - y0));
    }
  g_assert_cmpfloat (MAX (x1 - x0, y1 - y0), <, 8 * sqrt (n));
}

static void
test_layout_large_pinned (void)
{
  g_autoptr (PvAnalysis) analysis = graph_large (700);
  g_autoptr (PvLayout) layout = pv_layout_new (analysis, 9);
  double x, y, nx, ny;

  /* pinned before the first step, as a project's pins are */
  pv_layout_set_pinned (layout, 0, TRUE);
  pv_layout_set_position (layout, 0, 3.25, -1.5);
  pv_layout_settle (layout);
  pv_layout_get_position (layout, 0, &x, &y);
  g_assert_cmpfloat (x, ==, 3.25);
  g_assert_cmpfloat (y, ==, -1.5);
  /* its ring neighbour came to it */
  pv_layout_get_position (layout, 1, &nx, &ny);
  g_assert_cmpfloat (hypot (nx - x, ny - y), <, 6);

  /* pinned later, dragged: it stays, the others follow */
  pv_layout_set_pinned (layout, 300, TRUE);
  pv_layout_set_position (layout, 300, -40, 40);
  g_assert_false (pv_layout_is_settled (layout));
  pv_layout_settle (layout);
  pv_layout_get_position (layout, 300, &x, &y);
  g_assert_cmpfloat (x, ==, -40);
  g_assert_cmpfloat (y, ==, 40);
  pv_layout_get_position (layout, 0, &x, &y);
  g_assert_cmpfloat (x, ==, 3.25);
  assert_sane (layout, 1000);
}

static void
test_layout_same_spot_large (void)
{
  /* the same in a graph large enough for the multilevel layout, once it
   * has unfolded and before */
  g_autoptr (PvAnalysis) analysis = graph_new (600);
  g_autoptr (PvLayout) layout = NULL;

  for (guint i = 0; i + 1 < 600; i++)
    graph_link (analysis, i, i + 1, 1);
  layout = pv_layout_new (analysis, 5);
  for (guint i = 0; i < 10; i++)
    pv_layout_set_pinned (layout, i, TRUE), pv_layout_set_position (layout, i, 1, 1);
  pv_layout_step (layout, PV_LAYOUT_FRAME_ITERATIONS);
  for (guint i = 10; i < 30; i++)
    pv_layout_set_position (layout, i, 2, 2);
  for (guint step = 0; step < 10; step++)
    pv_layout_step (layout, PV_LAYOUT_FRAME_ITERATIONS);
  assert_sane (layout, 200);
  for (guint i = 10; i < 30; i++)
    {
      double x, y;

      pv_layout_get_position (layout, i, &x, &y);
      g_assert_false (x == 2 && y == 2);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/layout/deterministic", test_layout_deterministic);
  g_test_add_func ("/layout/pinned", test_layout_pinned);
  g_test_add_func ("/layout/settles", test_layout_settles);
  g_test_add_func ("/layout/seed-article", test_layout_seed_article);
  g_test_add_func ("/layout/components", test_layout_components);
  g_test_add_func ("/layout/empty", test_layout_empty);
  g_test_add_func ("/layout/single", test_layout_single);
  g_test_add_func ("/layout/same-spot", test_layout_same_spot);
  g_test_add_func ("/layout/same-spot-large", test_layout_same_spot_large);
  g_test_add_func ("/layout/large/deterministic", test_layout_large_deterministic);
  g_test_add_func ("/layout/large/settles", test_layout_large_settles);
  g_test_add_func ("/layout/large/pinned", test_layout_large_pinned);

  return g_test_run ();
}
