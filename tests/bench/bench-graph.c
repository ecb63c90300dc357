/* bench-graph.c
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bench-graph.h"

#define CLUSTER_SIZE 25
#define INSIDE_SHARE 0.85 /* the share of edges inside a cluster */

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

/* `n_nodes` in clusters of CLUSTER_SIZE, `n_edges` distinct edges, most of
 * them inside a cluster; weights 1 to 4. */
PvAnalysis *
bench_clustered_graph (guint n_nodes, guint n_edges, guint32 seed)
{
  PvAnalysis *analysis = g_new0 (PvAnalysis, 1);
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint n_clusters = MAX (n_nodes / CLUSTER_SIZE, 1);
  g_autofree gint64 *keys = g_new (gint64, n_edges);

  analysis->nodes = g_ptr_array_new_with_free_func (node_free);
  analysis->edges = g_ptr_array_new_with_free_func (edge_free);
  for (guint i = 0; i < n_nodes; i++)
    {
      PvNode *node = g_new0 (PvNode, 1);

      node->id = g_strdup_printf ("topic:n%u", i);
      node->label = g_strdup_printf ("n%u", i);
      node->type = i % PV_N_ENTITY_TYPES;
      node->mentions = g_array_new (FALSE, TRUE, sizeof (PvMention));
      g_ptr_array_add (analysis->nodes, node);
    }
  while (analysis->edges->len < n_edges)
    {
      guint a = g_rand_int_range (rand, 0, n_nodes), b;
      PvEdge *edge;

      if (g_rand_double (rand) < INSIDE_SHARE)
        {
          guint cluster = a % n_clusters;
          guint size = (n_nodes - cluster + n_clusters - 1) / n_clusters;

          b = cluster + n_clusters * g_rand_int_range (rand, 0, size);
        }
      else
        b = g_rand_int_range (rand, 0, n_nodes);
      if (a == b)
        continue;
      keys[analysis->edges->len] = (gint64)MIN (a, b) * n_nodes + MAX (a, b);
      if (!g_hash_table_add (seen, &keys[analysis->edges->len]))
        continue;
      edge = g_new0 (PvEdge, 1);
      edge->source = MIN (a, b);
      edge->target = MAX (a, b);
      edge->weight = g_rand_int_range (rand, 1, 5);
      edge->sentences = g_array_new (FALSE, FALSE, sizeof (guint));
      g_ptr_array_add (analysis->edges, edge);
    }
  return analysis;
}
