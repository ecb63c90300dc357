/* pv-metrics.c
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "peyvand-metrics"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "pv-igraph-private.h"
#include "pv-metrics.h"

/* Leiden's randomness in refining a partition (igraph's and the Leiden
 * authors' default). */
#define LEIDEN_BETA 0.01

/* Leiden runs until an iteration changes nothing. */
#define LEIDEN_UNTIL_STABLE (-1)

PvMetrics *
pv_metrics_new (guint n_nodes)
{
  PvMetrics *metrics = g_new0 (PvMetrics, 1);

  metrics->n_nodes = n_nodes;
  metrics->nodes = g_new0 (PvNodeMetrics, MAX (n_nodes, 1));
  metrics->modularity = NAN;
  return metrics;
}

void
pv_metrics_free (PvMetrics *metrics)
{
  if (metrics == NULL)
    return;
  g_free (metrics->nodes);
  g_free (metrics);
}

guint
pv_metrics_community_size (const PvMetrics *metrics, guint community)
{
  guint size = 0;

  g_return_val_if_fail (metrics != NULL, 0);

  for (guint i = 0; i < metrics->n_nodes; i++)
    size += metrics->nodes[i].community == community;
  return size;
}

/* The undirected graph of the analysis and its edge weights. */
static gboolean
build_graph (const PvAnalysis *analysis, igraph_t *graph, igraph_vector_t *weights)
{
  guint n_edges = analysis->edges->len;
  igraph_vector_int_t ends;
  gboolean ok;

  if (!pv_igraph_check (igraph_vector_int_init (&ends, 2 * (igraph_integer_t)n_edges),
                        "vector_int_init"))
    return FALSE;
  if (!pv_igraph_check (igraph_vector_init (weights, n_edges), "vector_init"))
    {
      igraph_vector_int_destroy (&ends);
      return FALSE;
    }
  for (guint i = 0; i < n_edges; i++)
    {
      const PvEdge *edge = g_ptr_array_index (analysis->edges, i);

      VECTOR (ends)[2 * i] = edge->source;
      VECTOR (ends)[2 * i + 1] = edge->target;
      VECTOR (*weights)[i] = edge->weight;
    }
  ok = pv_igraph_check (igraph_create (graph, &ends, analysis->nodes->len, IGRAPH_UNDIRECTED),
                        "create");
  igraph_vector_int_destroy (&ends);
  if (!ok)
    igraph_vector_destroy (weights);
  return ok;
}

static gboolean
compute_degrees (const igraph_t *graph, const igraph_vector_t *weights, PvMetrics *metrics)
{
  igraph_vector_int_t degree;
  igraph_vector_t strength;
  gboolean ok;

  if (!pv_igraph_check (igraph_vector_int_init (&degree, 0), "vector_int_init"))
    return FALSE;
  if (!pv_igraph_check (igraph_vector_init (&strength, 0), "vector_init"))
    {
      igraph_vector_int_destroy (&degree);
      return FALSE;
    }
  ok = pv_igraph_check (igraph_degree (graph, &degree, igraph_vss_all (), IGRAPH_ALL, IGRAPH_LOOPS),
                        "degree") &&
       pv_igraph_check (
           igraph_strength (graph, &strength, igraph_vss_all (), IGRAPH_ALL, IGRAPH_LOOPS, weights),
           "strength");
  for (guint i = 0; ok && i < metrics->n_nodes; i++)
    {
      metrics->nodes[i].degree = VECTOR (degree)[i];
      metrics->nodes[i].weighted_degree = VECTOR (strength)[i];
    }
  igraph_vector_int_destroy (&degree);
  igraph_vector_destroy (&strength);
  return ok;
}

static gboolean
compute_pagerank (const igraph_t *graph, const igraph_vector_t *weights, PvMetrics *metrics)
{
  igraph_vector_t rank;
  gboolean ok;

  if (!pv_igraph_check (igraph_vector_init (&rank, 0), "vector_init"))
    return FALSE;
  ok = pv_igraph_check (igraph_pagerank (graph, IGRAPH_PAGERANK_ALGO_PRPACK, &rank, NULL,
                                         igraph_vss_all (), IGRAPH_UNDIRECTED, PV_METRICS_DAMPING,
                                         weights, NULL),
                        "pagerank");
  for (guint i = 0; ok && i < metrics->n_nodes; i++)
    metrics->nodes[i].pagerank = VECTOR (rank)[i];
  igraph_vector_destroy (&rank);
  return ok;
}

static gboolean
compute_betweenness (const igraph_t *graph, PvMetrics *metrics)
{
  igraph_vector_t betweenness;
  gboolean ok;

  if (!pv_igraph_check (igraph_vector_init (&betweenness, 0), "vector_init"))
    return FALSE;
  ok = pv_igraph_check (
      igraph_betweenness (graph, &betweenness, igraph_vss_all (), IGRAPH_UNDIRECTED, NULL),
      "betweenness");
  for (guint i = 0; ok && i < metrics->n_nodes; i++)
    metrics->nodes[i].betweenness = VECTOR (betweenness)[i];
  igraph_vector_destroy (&betweenness);
  return ok;
}

typedef struct
{
  guint id; /* as Leiden numbered it */
  guint size;
  guint first; /* its first node */
} Community;

static int
compare_communities (gconstpointer a, gconstpointer b)
{
  const Community *x = a, *y = b;

  if (x->size != y->size)
    return x->size > y->size ? -1 : 1;
  return x->first < y->first ? -1 : x->first > y->first;
}

/* Numbers the communities of `membership` (any ids below n_nodes) by
 * descending size, ties by their first node, into the metrics. */
static void
renumber_communities (PvMetrics *metrics, const igraph_integer_t *membership)
{
  guint n = metrics->n_nodes;
  g_autofree Community *communities = g_new0 (Community, n);
  g_autofree guint *number = g_new0 (guint, n);
  guint n_communities = 0;

  for (guint i = 0; i < n; i++)
    {
      communities[i].id = i;
      communities[i].first = G_MAXUINT;
    }
  for (guint i = 0; i < n; i++)
    {
      Community *community = &communities[membership[i]];

      community->size++;
      community->first = MIN (community->first, i);
    }
  qsort (communities, n, sizeof (Community), compare_communities);
  for (guint c = 0; c < n && communities[c].size > 0; c++)
    {
      number[communities[c].id] = c;
      n_communities++;
    }
  for (guint i = 0; i < n; i++)
    metrics->nodes[i].community = number[membership[i]];
  metrics->n_communities = n_communities;
}

/* Leiden with node weights k_i (strengths) and resolution 1/(2m) has the
 * quality 1/(2m) Σ_ij (A_ij − k_i k_j / (2m)) δ(c_i, c_j): modularity. */
static gboolean
compute_communities (const igraph_t *graph, const igraph_vector_t *weights, PvMetrics *metrics)
{
  guint n = metrics->n_nodes;
  igraph_vector_int_t membership;
  igraph_vector_t strength;
  igraph_integer_t n_clusters = 0;
  igraph_real_t quality = 0, modularity = NAN;
  double total = igraph_vector_sum (weights);
  gboolean ok;

  if (!pv_igraph_check (igraph_vector_int_init (&membership, n), "vector_int_init"))
    return FALSE;

  if (!(total > 0))
    {
      /* no edges (or only weightless ones): every node alone, and
       * modularity is undefined */
      for (guint i = 0; i < n; i++)
        VECTOR (membership)[i] = i;
      renumber_communities (metrics, VECTOR (membership));
      metrics->modularity = NAN;
      igraph_vector_int_destroy (&membership);
      return TRUE;
    }

  if (!pv_igraph_check (igraph_vector_init (&strength, n), "vector_init"))
    {
      igraph_vector_int_destroy (&membership);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    VECTOR (strength)[i] = metrics->nodes[i].weighted_degree;

  ok = pv_igraph_check (igraph_rng_seed (igraph_rng_default (), PV_METRICS_LEIDEN_SEED),
                        "rng_seed") &&
       pv_igraph_check (igraph_community_leiden (graph, weights, &strength, 1.0 / (2.0 * total),
                                                 LEIDEN_BETA, FALSE, LEIDEN_UNTIL_STABLE,
                                                 &membership, &n_clusters, &quality),
                        "community_leiden") &&
       pv_igraph_check (
           igraph_modularity (graph, &membership, weights, 1.0, IGRAPH_UNDIRECTED, &modularity),
           "modularity");
  if (ok)
    {
      g_assert (n_clusters >= 1 && n_clusters <= n);
      for (guint i = 0; i < n; i++)
        g_assert (VECTOR (membership)[i] >= 0 && VECTOR (membership)[i] < n_clusters);
      renumber_communities (metrics, VECTOR (membership));
      metrics->modularity = modularity;
    }
  igraph_vector_destroy (&strength);
  igraph_vector_int_destroy (&membership);
  return ok;
}

PvMetrics *
pv_metrics_compute (const PvAnalysis *analysis)
{
  g_autoptr (PvMetrics) metrics = NULL;
  igraph_t graph;
  igraph_vector_t weights;
  gboolean ok;

  g_return_val_if_fail (analysis != NULL, NULL);
  for (guint i = 0; i < analysis->edges->len; i++)
    {
      const PvEdge *edge = g_ptr_array_index (analysis->edges, i);

      g_return_val_if_fail (edge->source < analysis->nodes->len, NULL);
      g_return_val_if_fail (edge->target < analysis->nodes->len, NULL);
    }

  pv_igraph_init ();

  metrics = pv_metrics_new (analysis->nodes->len);
  if (metrics->n_nodes == 0)
    return g_steal_pointer (&metrics);

  if (!build_graph (analysis, &graph, &weights))
    return NULL;
  ok = compute_degrees (&graph, &weights, metrics) &&
       compute_pagerank (&graph, &weights, metrics) && compute_betweenness (&graph, metrics) &&
       compute_communities (&graph, &weights, metrics);
  igraph_destroy (&graph);
  igraph_vector_destroy (&weights);

  return ok ? g_steal_pointer (&metrics) : NULL;
}
