/* pv-layout.c
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "peyvand-layout"

#include "config.h"

#include <math.h>

#include "pv-force-private.h"
#include "pv-igraph-private.h"
#include "pv-layout.h"

/* From this many nodes on, the multilevel Barnes-Hut layout of pv-force.c
 * replaces igraph's exact Fruchterman-Reingold, whose every iteration
 * visits all pairs of nodes (and whose grid variant, pushing only at short
 * range, squeezes a large graph into a dense ball that settles slowly). */
#define LARGE_MIN_NODES 500

/* A large graph starts from its coarser graphs' layout, its nodes a
 * fraction of a unit from where they belong: a cooler start, cooled
 * faster, is enough to spread them (about 50 iterations). */
#define LARGE_START_TEMPERATURE 0.4
#define LARGE_COOLING 0.85

/* The temperature (igraph's largest move per axis in one iteration) starts
 * at sqrt(n) / 10 as in igraph, within these bounds, and cools by COOLING
 * every iteration: about 300 iterations to settle a small graph. */
#define COOLING 0.982
#define MIN_START_TEMPERATURE 0.3
#define MAX_START_TEMPERATURE 2.0

/* Settled: no node moved more than this (layout units, per iteration) in
 * the last step, or the temperature no longer lets any node move that much. */
#define SETTLE_DISPLACEMENT 0.002

/* After a drag the others follow, gently: the temperature goes back up to
 * at least this. */
#define REHEAT_TEMPERATURE 0.15

/* How much harder a typed edge pulls than a co-mention of the same weight. */
#define TYPED_PULL 3.0

/* Bounds for a node that is not pinned: none, in effect. */
#define FAR 1e7

struct _PvLayout
{
  guint n_nodes;
  guint seed;
  gboolean has_graph; /* FALSE: igraph failed, the layout stays as it is */
  igraph_t graph;
  igraph_vector_t weights;
  igraph_matrix_t positions; /* n_nodes × 2 */
  igraph_vector_t min_x, max_x, min_y, max_y;
  double *previous; /* x, y of each node before the last step */
  gboolean *pinned;
  PvForce *force;    /* a large graph: the multilevel layout instead of igraph's */
  gboolean unfolded; /* its coarser graphs gave its starting positions */
  double temperature;
  double cooling;
  guint64 iterations;
  gboolean settled;
};

static void
set_bounds (PvLayout *layout, guint node)
{
  double x = MATRIX (layout->positions, node, 0);
  double y = MATRIX (layout->positions, node, 1);
  gboolean pinned = layout->pinned[node];

  VECTOR (layout->min_x)[node] = pinned ? x : -FAR;
  VECTOR (layout->max_x)[node] = pinned ? x : FAR;
  VECTOR (layout->min_y)[node] = pinned ? y : -FAR;
  VECTOR (layout->max_y)[node] = pinned ? y : FAR;
}

static gboolean
build_graph (PvLayout *layout, const PvAnalysis *analysis)
{
  guint n_edges = analysis->edges->len;
  igraph_vector_int_t ends;
  gboolean ok;

  for (guint i = 0; i < n_edges; i++)
    {
      const PvEdge *edge = g_ptr_array_index (analysis->edges, i);

      g_return_val_if_fail (edge->source < layout->n_nodes && edge->target < layout->n_nodes,
                            FALSE);
    }
  if (!pv_igraph_check (igraph_vector_int_init (&ends, 2 * (igraph_integer_t)n_edges),
                        "vector_int_init"))
    return FALSE;
  if (!pv_igraph_check (igraph_vector_init (&layout->weights, n_edges), "vector_init"))
    {
      igraph_vector_int_destroy (&ends);
      return FALSE;
    }
  for (guint i = 0; i < n_edges; i++)
    {
      const PvEdge *edge = g_ptr_array_index (analysis->edges, i);
      /* the pull of an edge grows with the square root of its weight:
       * heavy pairs come closer without collapsing onto each other; a
       * typed edge (a leader and their country, a place and its country)
       * pulls harder, so that the pair sits together */
      double pull = sqrt (MAX (edge->weight, 1u));

      if (edge->kind != PV_EDGE_CO_MENTION)
        pull *= TYPED_PULL;
      VECTOR (ends)[2 * i] = edge->source;
      VECTOR (ends)[2 * i + 1] = edge->target;
      igraph_vector_set (&layout->weights, i, pull);
    }
  ok = pv_igraph_check (igraph_create (&layout->graph, &ends, layout->n_nodes, IGRAPH_UNDIRECTED),
                        "create");
  igraph_vector_int_destroy (&ends);
  if (!ok)
    igraph_vector_destroy (&layout->weights);
  return ok;
}

/* The same edges and pulls as the igraph graph, for pv-force.c. */
static PvForce *
large_graph_new (PvLayout *layout, const PvAnalysis *analysis)
{
  guint n_edges = analysis->edges->len;
  g_autofree guint *source = g_new (guint, MAX (n_edges, 1));
  g_autofree guint *target = g_new (guint, MAX (n_edges, 1));

  for (guint i = 0; i < n_edges; i++)
    {
      const PvEdge *edge = g_ptr_array_index (analysis->edges, i);

      source[i] = edge->source;
      target[i] = edge->target;
    }
  layout->temperature = LARGE_START_TEMPERATURE;
  layout->cooling = LARGE_COOLING;
  return pv_force_new (layout->n_nodes, n_edges, source, target, VECTOR (layout->weights));
}

static gboolean
init_vectors (PvLayout *layout)
{
  guint n = layout->n_nodes;

  if (!pv_igraph_check (igraph_matrix_init (&layout->positions, n, 2), "matrix_init"))
    return FALSE;
  if (pv_igraph_check (igraph_vector_init (&layout->min_x, n), "vector_init"))
    {
      if (pv_igraph_check (igraph_vector_init (&layout->max_x, n), "vector_init"))
        {
          if (pv_igraph_check (igraph_vector_init (&layout->min_y, n), "vector_init"))
            {
              if (pv_igraph_check (igraph_vector_init (&layout->max_y, n), "vector_init"))
                return TRUE;
              igraph_vector_destroy (&layout->min_y);
            }
          igraph_vector_destroy (&layout->max_x);
        }
      igraph_vector_destroy (&layout->min_x);
    }
  igraph_matrix_destroy (&layout->positions);
  return FALSE;
}

PvLayout *
pv_layout_new (const PvAnalysis *analysis, guint seed)
{
  PvLayout *layout;
  g_autoptr (GRand) rand = NULL;
  double side;

  g_return_val_if_fail (analysis != NULL, NULL);

  pv_igraph_init ();

  layout = g_new0 (PvLayout, 1);
  layout->n_nodes = analysis->nodes->len;
  layout->seed = seed;
  layout->pinned = g_new0 (gboolean, MAX (layout->n_nodes, 1));
  layout->previous = g_new0 (double, 2 * MAX (layout->n_nodes, 1));
  layout->temperature =
      CLAMP (sqrt (layout->n_nodes) / 10.0, MIN_START_TEMPERATURE, MAX_START_TEMPERATURE);
  layout->cooling = COOLING;

  if (!init_vectors (layout))
    g_error ("igraph: out of memory for a layout of %u nodes", layout->n_nodes);

  /* uniformly in a square of side sqrt(n) around the origin: about one
   * unit per node (a large graph's first step replaces them) */
  rand = g_rand_new_with_seed (seed);
  side = sqrt (MAX (layout->n_nodes, 1));
  for (guint i = 0; i < layout->n_nodes; i++)
    {
      MATRIX (layout->positions, i, 0) = g_rand_double_range (rand, -side / 2, side / 2);
      MATRIX (layout->positions, i, 1) = g_rand_double_range (rand, -side / 2, side / 2);
      set_bounds (layout, i);
    }

  layout->has_graph = build_graph (layout, analysis);
  if (layout->has_graph && layout->n_nodes >= LARGE_MIN_NODES)
    layout->force = large_graph_new (layout, analysis);
  layout->settled = layout->n_nodes <= 1 || !layout->has_graph;
  return layout;
}

static gboolean
small_graph_step (PvLayout *layout, guint iterations)
{
  /* igraph jitters with its global generator (seeded from the clock unless
   * told otherwise): seeding it from the layout's seed and age makes the
   * same layout move the same way every time */
  return pv_igraph_check (
             igraph_rng_seed (igraph_rng_default (),
                              (igraph_uint_t)layout->seed * 1000003u + layout->iterations),
             "rng_seed") &&
         pv_igraph_check (igraph_layout_fruchterman_reingold (
                              &layout->graph, &layout->positions, TRUE, iterations,
                              layout->temperature, IGRAPH_LAYOUT_NOGRID, &layout->weights,
                              &layout->min_x, &layout->max_x, &layout->min_y, &layout->max_y),
                          "layout_fruchterman_reingold");
}

static gboolean
large_graph_step (PvLayout *layout, guint iterations)
{
  /* igraph keeps a matrix by columns: all x, then all y */
  double *x = &MATRIX (layout->positions, 0, 0);
  double *y = &MATRIX (layout->positions, 0, 1);
  double temperature = layout->temperature;

  if (!layout->unfolded)
    {
      pv_force_unfold (layout->force, layout->seed, layout->pinned, x, y);
      layout->unfolded = TRUE;
    }
  for (guint k = 0; k < iterations; k++, temperature *= layout->cooling)
    pv_force_iterate (layout->force, layout->pinned, temperature, x, y);
  return TRUE;
}

static gboolean
all_pinned (const PvLayout *layout)
{
  for (guint i = 0; i < layout->n_nodes; i++)
    if (!layout->pinned[i])
      return FALSE;
  return TRUE;
}

gboolean
pv_layout_step (PvLayout *layout, guint iterations)
{
  double moved = 0;
  gboolean ok;

  g_return_val_if_fail (layout != NULL, FALSE);

  if (layout->settled || iterations == 0)
    return !layout->settled;
  if (layout->n_nodes <= 1 || all_pinned (layout))
    {
      layout->settled = TRUE;
      return FALSE;
    }

  for (guint i = 0; i < layout->n_nodes; i++)
    {
      layout->previous[2 * i] = MATRIX (layout->positions, i, 0);
      layout->previous[2 * i + 1] = MATRIX (layout->positions, i, 1);
    }

  if (layout->force != NULL)
    ok = large_graph_step (layout, iterations);
  else
    ok = small_graph_step (layout, iterations);

  for (guint i = 0; i < layout->n_nodes; i++)
    {
      double x0 = layout->previous[2 * i], y0 = layout->previous[2 * i + 1];
      double x = MATRIX (layout->positions, i, 0), y = MATRIX (layout->positions, i, 1);

      if (!ok || !isfinite (x) || !isfinite (y))
        {
          /* igraph failed, or two nodes on the same spot gave a division
           * by zero: step back, and nudge this one off the spot */
          x = x0 + (ok ? 1e-3 * ((i % 7) + 1) : 0);
          y = y0 + (ok ? 1e-3 * ((i % 5) + 1) : 0);
          if (layout->pinned[i])
            x = x0, y = y0;
          MATRIX (layout->positions, i, 0) = x;
          MATRIX (layout->positions, i, 1) = y;
        }
      moved = MAX (moved, hypot (x - x0, y - y0));
    }
  if (!ok)
    {
      layout->settled = TRUE;
      return FALSE;
    }

  layout->iterations += iterations;
  layout->temperature *= pow (layout->cooling, iterations);
  layout->settled = moved / iterations < SETTLE_DISPLACEMENT ||
                    layout->temperature * G_SQRT2 < SETTLE_DISPLACEMENT;
  return !layout->settled;
}

void
pv_layout_settle (PvLayout *layout)
{
  guint done = 0;

  g_return_if_fail (layout != NULL);

  while (done < PV_LAYOUT_SETTLE_MAX_ITERATIONS && pv_layout_step (layout, PV_LAYOUT_SETTLE_STEP))
    done += PV_LAYOUT_SETTLE_STEP;
  layout->settled = TRUE;
}

gboolean
pv_layout_is_settled (const PvLayout *layout)
{
  g_return_val_if_fail (layout != NULL, TRUE);
  return layout->settled;
}

guint
pv_layout_n_nodes (const PvLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);
  return layout->n_nodes;
}

void
pv_layout_get_position (const PvLayout *layout, guint node, double *x, double *y)
{
  g_return_if_fail (layout != NULL);
  g_return_if_fail (node < layout->n_nodes);

  if (x != NULL)
    *x = MATRIX (layout->positions, node, 0);
  if (y != NULL)
    *y = MATRIX (layout->positions, node, 1);
}

static void
unsettle (PvLayout *layout)
{
  layout->settled = layout->n_nodes <= 1 || !layout->has_graph;
  layout->temperature = MAX (layout->temperature, REHEAT_TEMPERATURE);
}

void
pv_layout_set_position (PvLayout *layout, guint node, double x, double y)
{
  g_return_if_fail (layout != NULL);
  g_return_if_fail (node < layout->n_nodes);
  g_return_if_fail (isfinite (x) && isfinite (y));

  MATRIX (layout->positions, node, 0) = x;
  MATRIX (layout->positions, node, 1) = y;
  set_bounds (layout, node);
  unsettle (layout);
}

void
pv_layout_set_pinned (PvLayout *layout, guint node, gboolean pinned)
{
  g_return_if_fail (layout != NULL);
  g_return_if_fail (node < layout->n_nodes);

  if (layout->pinned[node] == !!pinned)
    return;
  layout->pinned[node] = !!pinned;
  set_bounds (layout, node);
  unsettle (layout);
}

gboolean
pv_layout_is_pinned (const PvLayout *layout, guint node)
{
  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (node < layout->n_nodes, FALSE);
  return layout->pinned[node];
}

void
pv_layout_get_bounds (const PvLayout *layout, double *x_min, double *y_min, double *x_max,
                      double *y_max)
{
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;

  g_return_if_fail (layout != NULL);

  for (guint i = 0; i < layout->n_nodes; i++)
    {
      double x = MATRIX (layout->positions, i, 0), y = MATRIX (layout->positions, i, 1);

      x0 = i == 0 ? x : MIN (x0, x);
      x1 = i == 0 ? x : MAX (x1, x);
      y0 = i == 0 ? y : MIN (y0, y);
      y1 = i == 0 ? y : MAX (y1, y);
    }
  if (x_min != NULL)
    *x_min = x0;
  if (y_min != NULL)
    *y_min = y0;
  if (x_max != NULL)
    *x_max = x1;
  if (y_max != NULL)
    *y_max = y1;
}

void
pv_layout_free (PvLayout *layout)
{
  if (layout == NULL)
    return;
  pv_force_free (layout->force);
  if (layout->has_graph)
    {
      igraph_destroy (&layout->graph);
      igraph_vector_destroy (&layout->weights);
    }
  igraph_matrix_destroy (&layout->positions);
  igraph_vector_destroy (&layout->min_x);
  igraph_vector_destroy (&layout->max_x);
  igraph_vector_destroy (&layout->min_y);
  igraph_vector_destroy (&layout->max_y);
  g_free (layout->previous);
  g_free (layout->pinned);
  g_free (layout);
}
