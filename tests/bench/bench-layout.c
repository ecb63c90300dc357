/* bench-layout.c: the force layout on clustered random graphs.  Targets:
 * one animation step (pv_layout_step with STEP_ITERATIONS) at 1,000 nodes
 * in at most 4 ms, and a settled layout of 5,000 nodes and 30,000 edges
 * in at most 0.5 s.  Exits 1 when a target is missed.  Run with
 * `meson test --benchmark`.
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "pv-layout.h"

#include "bench-graph.h"

#define STEP_ITERATIONS 3
#define STEP_TARGET_MS 4.0
#define SETTLE_TARGET_MS 500.0

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

static double
median_edge_length (const PvAnalysis *analysis, const PvLayout *layout)
{
  guint n = analysis->edges->len;
  g_autofree double *lengths = g_new (double, MAX (n, 1));

  if (n == 0)
    return 0;
  for (guint i = 0; i < n; i++)
    {
      const PvEdge *edge = g_ptr_array_index (analysis->edges, i);
      double x0, y0, x1, y1;

      pv_layout_get_position (layout, edge->source, &x0, &y0);
      pv_layout_get_position (layout, edge->target, &x1, &y1);
      lengths[i] = hypot (x1 - x0, y1 - y0);
    }
  qsort (lengths, n, sizeof (double), compare_doubles);
  return lengths[n / 2];
}

/* The milliseconds one step takes, the best of a few runs of many steps. */
static double
bench_step (guint n_nodes, guint n_edges)
{
  g_autoptr (PvAnalysis) analysis = bench_clustered_graph (n_nodes, n_edges, 7);
  double best = G_MAXDOUBLE;

  for (guint round = 0; round < 3; round++)
    {
      g_autoptr (PvLayout) layout = pv_layout_new (analysis, round + 1);
      guint steps = 0;
      gint64 start = g_get_monotonic_time ();
      double x0, y0, x1, y1;

      while (steps < 30 && pv_layout_step (layout, STEP_ITERATIONS))
        steps++;
      best = MIN (best, (g_get_monotonic_time () - start) / 1000.0 / MAX (steps, 1));
      pv_layout_settle (layout);
      pv_layout_get_bounds (layout, &x0, &y0, &x1, &y1);
      if (round == 0)
        printf ("  %u nodes, %u edges settled: bounds %.1f × %.1f, median edge %.2f\n", n_nodes,
                n_edges, x1 - x0, y1 - y0, median_edge_length (analysis, layout));
    }
  return best;
}

/* The milliseconds from pv_layout_new to the end of pv_layout_settle. */
static double
bench_settle (guint n_nodes, guint n_edges)
{
  g_autoptr (PvAnalysis) analysis = bench_clustered_graph (n_nodes, n_edges, 11);
  double best = G_MAXDOUBLE;

  for (guint round = 0; round < 3; round++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr (PvLayout) layout = pv_layout_new (analysis, round + 1);
      double x0, y0, x1, y1;

      pv_layout_settle (layout);
      best = MIN (best, (g_get_monotonic_time () - start) / 1000.0);
      pv_layout_get_bounds (layout, &x0, &y0, &x1, &y1);
      if (round == 0)
        printf ("  %u nodes, %u edges settled: bounds %.1f × %.1f, median edge %.2f\n", n_nodes,
                n_edges, x1 - x0, y1 - y0, median_edge_length (analysis, layout));
    }
  return best;
}

int
main (int argc, char **argv)
{
  double step_ms, settle_ms;
  gboolean met;

  printf ("layout step (%u iterations):\n", STEP_ITERATIONS);
  for (guint n = 100; n <= 1000; n *= 10)
    printf ("  %u nodes: %.2f ms per step\n", n, bench_step (n, 3 * n));
  step_ms = bench_step (1000, 6000);
  printf ("  1000 nodes, 6000 edges: %.2f ms per step (target ≤ %.0f ms)\n", step_ms,
          STEP_TARGET_MS);

  printf ("settle:\n");
  printf ("  1000 nodes, 6000 edges: %.0f ms\n", bench_settle (1000, 6000));
  settle_ms = bench_settle (5000, 30000);
  printf ("  5000 nodes, 30000 edges: %.0f ms (target ≤ %.0f ms)\n", settle_ms, SETTLE_TARGET_MS);

  met = step_ms <= STEP_TARGET_MS && settle_ms <= SETTLE_TARGET_MS;
  printf ("targets: %s\n", met ? "met" : "MISSED");
  return met ? 0 : 1;
}
