/* pv-metrics.h: degree, PageRank, betweenness and communities of the
 * nodes of an analysis (igraph)
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pv-analysis.h"

G_BEGIN_DECLS

/* The graph is the analysis' nodes and edges, undirected (a typed edge
 * such as leader-of counts like a co-mention), each edge weighted by its
 * `weight`, the number of sentences behind it. */
typedef struct
{
  guint degree;           /* edges at the node: its neighbours */
  double weighted_degree; /* the sum of the weights of those edges */
  double pagerank;        /* weighted PageRank, damping 0.85; sums to 1 over the nodes */
  double betweenness;     /* shortest paths (counted in edges, weights ignored) through the
                           * node, over unordered pairs of other nodes; not normalized */
  guint community;        /* 0 for the largest community, then by descending size */
} PvNodeMetrics;

/* PageRank's damping factor: the chance of following an edge, not
 * jumping to any node. */
#define PV_METRICS_DAMPING 0.85

/* Leiden is randomized: igraph's generator is seeded with this before each
 * run, so the same analysis always gives the same communities. */
#define PV_METRICS_LEIDEN_SEED 42

typedef struct
{
  guint n_nodes;
  PvNodeMetrics *nodes; /* n_nodes, indexed like the analysis' nodes */
  guint n_communities;  /* communities are numbered 0 .. n_communities - 1 */
  double modularity;    /* of the communities, weighted; NaN when the graph has no weight */
} PvMetrics;

/* Metrics for every node of `analysis`, computed by igraph: degree and
 * strength (weighted degree); PageRank (PRPACK, weighted, lone nodes jump
 * anywhere); betweenness (igraph_betweenness, unweighted: an edge is one
 * step whatever its weight, since a weight counts sentences, not a
 * distance); communities by Leiden set up to optimise modularity (node
 * weights the strengths, resolution 1/(2m) with m the total weight; run
 * until stable, seeded) and renumbered by descending size, ties by their
 * first node.  A node without edges is a community of its own.  Returns
 * NULL (with a warning) if igraph fails, which means it ran out of
 * memory.  Not thread-safe (igraph is not): call it from one thread; it
 * reseeds igraph's global generator. */
PvMetrics *pv_metrics_compute (const PvAnalysis *analysis);

/* The number of nodes in community `community`. */
guint pv_metrics_community_size (const PvMetrics *metrics, guint community);

/* Metrics for `n_nodes` nodes, all zero, no communities, modularity NaN
 * (for readers that fill them in). */
PvMetrics *pv_metrics_new (guint n_nodes);

void pv_metrics_free (PvMetrics *metrics);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PvMetrics, pv_metrics_free)

G_END_DECLS
