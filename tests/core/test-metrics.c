/* test-metrics.c: degree, PageRank, betweenness and communities
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <cjson/cJSON.h>
#include <igraph.h>

#include "pv-analysis-json.h"
#include "pv-metrics.h"
#include "test-util.h"

/* Analyses built by hand */

static PvAnalysis *
graph_new (guint n_nodes)
{
  PvAnalysis *analysis = g_new0 (PvAnalysis, 1);

  analysis->sentences = g_array_new (FALSE, FALSE, sizeof (PvSpan));
  analysis->nodes = g_ptr_array_new_with_free_func (pv_entity_free);
  analysis->edges = g_ptr_array_new_with_free_func ((GDestroyNotify)pv_edge_free);
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
  edge->kind = PV_EDGE_CO_MENTION;
  edge->weight = weight;
  edge->sentences = g_array_new (FALSE, FALSE, sizeof (guint));
  g_ptr_array_add (analysis->edges, edge);
}

/* Every pair of nodes first .. first + size - 1, weight 1. */
static void
graph_clique (PvAnalysis *analysis, guint first, guint size)
{
  for (guint a = first; a < first + size; a++)
    for (guint b = a + 1; b < first + size; b++)
      graph_link (analysis, a, b, 1);
}

/* A small weighted graph: a triangle 0-1-2 with a tail 2-3-4, a pendant 5
 * on 1, and a lone node 6. */
static PvAnalysis *
graph_small (void)
{
  PvAnalysis *analysis = graph_new (7);

  graph_link (analysis, 0, 1, 3);
  graph_link (analysis, 1, 2, 1);
  graph_link (analysis, 0, 2, 2);
  graph_link (analysis, 2, 3, 4);
  graph_link (analysis, 3, 4, 1);
  graph_link (analysis, 1, 5, 5);
  return analysis;
}

/* The same graph made straight with igraph, independently of pv-metrics. */
static void
igraph_of (const PvAnalysis *analysis, igraph_t *graph, igraph_vector_t *weights)
{
  igraph_vector_int_t ends;

  g_assert_cmpint (igraph_vector_int_init (&ends, 0), ==, IGRAPH_SUCCESS);
  g_assert_cmpint (igraph_vector_init (weights, 0), ==, IGRAPH_SUCCESS);
  for (guint i = 0; i < analysis->edges->len; i++)
    {
      const PvEdge *edge = g_ptr_array_index (analysis->edges, i);

      g_assert_cmpint (igraph_vector_int_push_back (&ends, edge->source), ==, IGRAPH_SUCCESS);
      g_assert_cmpint (igraph_vector_int_push_back (&ends, edge->target), ==, IGRAPH_SUCCESS);
      g_assert_cmpint (igraph_vector_push_back (weights, edge->weight), ==, IGRAPH_SUCCESS);
    }
  g_assert_cmpint (igraph_create (graph, &ends, analysis->nodes->len, IGRAPH_UNDIRECTED), ==,
                   IGRAPH_SUCCESS);
  igraph_vector_int_destroy (&ends);
}

static double
pagerank_sum (const PvMetrics *metrics)
{
  double sum = 0;

  for (guint i = 0; i < metrics->n_nodes; i++)
    sum += metrics->nodes[i].pagerank;
  return sum;
}

static void
assert_same_metrics (const PvMetrics *a, const PvMetrics *b)
{
  g_assert_cmpuint (a->n_nodes, ==, b->n_nodes);
  g_assert_cmpuint (a->n_communities, ==, b->n_communities);
  g_assert_true (a->modularity == b->modularity ||
                 (isnan (a->modularity) && isnan (b->modularity)));
  for (guint i = 0; i < a->n_nodes; i++)
    {
      g_assert_cmpuint (a->nodes[i].degree, ==, b->nodes[i].degree);
      g_assert_cmpfloat (a->nodes[i].weighted_degree, ==, b->nodes[i].weighted_degree);
      g_assert_cmpfloat (a->nodes[i].pagerank, ==, b->nodes[i].pagerank);
      g_assert_cmpfloat (a->nodes[i].betweenness, ==, b->nodes[i].betweenness);
      g_assert_cmpuint (a->nodes[i].community, ==, b->nodes[i].community);
    }
}

/* Edge cases */

static void
test_empty (void)
{
  g_autoptr (PvAnalysis) analysis = graph_new (0);
  g_autoptr (PvMetrics) metrics = pv_metrics_compute (analysis);

  g_assert_nonnull (metrics);
  g_assert_cmpuint (metrics->n_nodes, ==, 0);
  g_assert_cmpuint (metrics->n_communities, ==, 0);
  g_assert_true (isnan (metrics->modularity));
}

static void
test_single (void)
{
  g_autoptr (PvAnalysis) analysis = graph_new (1);
  g_autoptr (PvMetrics) metrics = pv_metrics_compute (analysis);

  g_assert_nonnull (metrics);
  g_assert_cmpuint (metrics->n_nodes, ==, 1);
  g_assert_cmpuint (metrics->nodes[0].degree, ==, 0);
  g_assert_cmpfloat (metrics->nodes[0].weighted_degree, ==, 0);
  g_assert_cmpfloat_with_epsilon (metrics->nodes[0].pagerank, 1.0, 1e-12);
  g_assert_cmpfloat (metrics->nodes[0].betweenness, ==, 0);
  g_assert_cmpuint (metrics->nodes[0].community, ==, 0);
  g_assert_cmpuint (metrics->n_communities, ==, 1);
  g_assert_true (isnan (metrics->modularity));
}

static void
test_no_edges (void)
{
  g_autoptr (PvAnalysis) analysis = graph_new (4);
  g_autoptr (PvMetrics) metrics = pv_metrics_compute (analysis);

  g_assert_nonnull (metrics);
  for (guint i = 0; i < 4; i++)
    {
      g_assert_cmpuint (metrics->nodes[i].degree, ==, 0);
      g_assert_cmpfloat (metrics->nodes[i].weighted_degree, ==, 0);
      g_assert_cmpfloat_with_epsilon (metrics->nodes[i].pagerank, 0.25, 1e-12);
      g_assert_cmpfloat (metrics->nodes[i].betweenness, ==, 0);
      /* every node alone; equal sizes are numbered in node order */
      g_assert_cmpuint (metrics->nodes[i].community, ==, i);
    }
  g_assert_cmpuint (metrics->n_communities, ==, 4);
  g_assert_true (isnan (metrics->modularity));
}

/* Weightless edges (an analysis JSON may say weight 0): no modularity to
 * optimise, so no communities beyond the nodes themselves. */
static void
test_zero_weights (void)
{
  g_autoptr (PvAnalysis) analysis = graph_new (3);
  g_autoptr (PvMetrics) metrics = NULL;

  graph_link (analysis, 0, 1, 0);
  graph_link (analysis, 1, 2, 0);
  metrics = pv_metrics_compute (analysis);

  g_assert_nonnull (metrics);
  g_assert_cmpuint (metrics->nodes[1].degree, ==, 2);
  g_assert_cmpfloat (metrics->nodes[1].weighted_degree, ==, 0);
  g_assert_cmpfloat (metrics->nodes[1].betweenness, ==, 1);
  g_assert_cmpfloat_with_epsilon (pagerank_sum (metrics), 1.0, 1e-9);
  g_assert_cmpuint (metrics->n_communities, ==, 3);
  g_assert_true (isnan (metrics->modularity));
}

/* Degrees */

static void
test_degrees (void)
{
  static const guint degree[] = { 2, 3, 3, 2, 1, 1, 0 };
  static const double weighted[] = { 5, 9, 7, 5, 1, 5, 0 };
  g_autoptr (PvAnalysis) analysis = graph_small ();
  g_autoptr (PvMetrics) metrics = pv_metrics_compute (analysis);

  g_assert_nonnull (metrics);
  g_assert_cmpuint (metrics->n_nodes, ==, G_N_ELEMENTS (degree));
  for (guint i = 0; i < metrics->n_nodes; i++)
    {
      g_assert_cmpuint (metrics->nodes[i].degree, ==, degree[i]);
      g_assert_cmpfloat (metrics->nodes[i].weighted_degree, ==, weighted[i]);
    }
}

/* PageRank */

/* Weighted PageRank by power iteration: a walker follows an edge with
 * probability 0.85 in proportion to its weight, else jumps anywhere; a
 * node without edges sends the walker anywhere. */
static void
power_pagerank (const PvAnalysis *analysis, double *rank)
{
  guint n = analysis->nodes->len;
  g_autofree double *strength = g_new0 (double, n);
  g_autofree double *next = g_new0 (double, n);

  for (guint e = 0; e < analysis->edges->len; e++)
    {
      const PvEdge *edge = g_ptr_array_index (analysis->edges, e);

      strength[edge->source] += edge->weight;
      strength[edge->target] += edge->weight;
    }
  for (guint i = 0; i < n; i++)
    rank[i] = 1.0 / n;
  for (guint round = 0; round < 1000; round++)
    {
      double dangling = 0;

      for (guint i = 0; i < n; i++)
        if (strength[i] == 0)
          dangling += rank[i];
      for (guint i = 0; i < n; i++)
        next[i] = (1 - PV_METRICS_DAMPING) / n + PV_METRICS_DAMPING * dangling / n;
      for (guint e = 0; e < analysis->edges->len; e++)
        {
          const PvEdge *edge = g_ptr_array_index (analysis->edges, e);

          next[edge->target] +=
              PV_METRICS_DAMPING * rank[edge->source] * edge->weight / strength[edge->source];
          next[edge->source] +=
              PV_METRICS_DAMPING * rank[edge->target] * edge->weight / strength[edge->target];
        }
      memcpy (rank, next, n * sizeof (double));
    }
}

static void
test_pagerank (void)
{
  g_autoptr (PvAnalysis) analysis = graph_small ();
  g_autoptr (PvMetrics) metrics = pv_metrics_compute (analysis);
  double expected[7];
  igraph_t graph;
  igraph_vector_t weights, rank;

  g_assert_nonnull (metrics);
  g_assert_cmpfloat_with_epsilon (pagerank_sum (metrics), 1.0, 1e-12);

  /* igraph on the same graph, called here */
  igraph_of (analysis, &graph, &weights);
  g_assert_cmpint (igraph_vector_init (&rank, 0), ==, IGRAPH_SUCCESS);
  g_assert_cmpint (igraph_pagerank (&graph, IGRAPH_PAGERANK_ALGO_PRPACK, &rank, NULL,
                                    igraph_vss_all (), IGRAPH_UNDIRECTED, 0.85, &weights, NULL),
                   ==, IGRAPH_SUCCESS);
  for (guint i = 0; i < metrics->n_nodes; i++)
    g_assert_cmpfloat_with_epsilon (metrics->nodes[i].pagerank, VECTOR (rank)[i], 1e-12);
  igraph_vector_destroy (&rank);
  igraph_vector_destroy (&weights);
  igraph_destroy (&graph);

  /* and the definition, by power iteration */
  power_pagerank (analysis, expected);
  for (guint i = 0; i < metrics->n_nodes; i++)
    g_assert_cmpfloat_with_epsilon (metrics->nodes[i].pagerank, expected[i], 1e-9);

  /* the weights count: node 1 (strength 9) ranks above node 2 (7), which
   * has as many neighbours */
  g_assert_cmpfloat (metrics->nodes[1].pagerank, >, metrics->nodes[2].pagerank);
}

/* Betweenness */

static void
test_betweenness_path (void)
{
  /* 0 - 1 - 2 - 3 - 4: the middle node lies between the 2 × 2 pairs on
   * either side, node 1 between 0 and the 3 beyond it */
  static const double expected[] = { 0, 3, 4, 3, 0 };
  g_autoptr (PvAnalysis) analysis = graph_new (5);
  g_autoptr (PvMetrics) metrics = NULL;

  /* weights differ, but a path is counted in edges */
  for (guint i = 0; i < 4; i++)
    graph_link (analysis, i, i + 1, 1 + 3 * i);
  metrics = pv_metrics_compute (analysis);

  g_assert_nonnull (metrics);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpfloat (metrics->nodes[i].betweenness, ==, expected[i]);
}

static void
test_betweenness_star (void)
{
  /* the centre of a star with 5 leaves joins every pair of leaves: 10 */
  g_autoptr (PvAnalysis) analysis = graph_new (6);
  g_autoptr (PvMetrics) metrics = NULL;

  for (guint i = 1; i < 6; i++)
    graph_link (analysis, 0, i, i);
  metrics = pv_metrics_compute (analysis);

  g_assert_nonnull (metrics);
  g_assert_cmpfloat (metrics->nodes[0].betweenness, ==, 10);
  for (guint i = 1; i < 6; i++)
    g_assert_cmpfloat (metrics->nodes[i].betweenness, ==, 0);

  /* a square: two shortest paths between opposite corners, each corner
   * between them gets half of the pair */
  {
    g_autoptr (PvAnalysis) square = graph_new (4);
    g_autoptr (PvMetrics) square_metrics = NULL;

    for (guint i = 0; i < 4; i++)
      graph_link (square, i, (i + 1) % 4, 1);
    square_metrics = pv_metrics_compute (square);
    for (guint i = 0; i < 4; i++)
      g_assert_cmpfloat (square_metrics->nodes[i].betweenness, ==, 0.5);
  }
}

/* Communities */

static void
test_two_cliques (void)
{
  g_autoptr (PvAnalysis) analysis = graph_new (8);
  g_autoptr (PvMetrics) metrics = NULL;

  /* two K4 joined by one edge: m = 13, each side 6 edges inside and a
   * degree sum of 13, so Q = 2 (6/13 − (13/26)²) = 12/13 − 1/2 */
  graph_clique (analysis, 0, 4);
  graph_clique (analysis, 4, 4);
  graph_link (analysis, 3, 4, 1);
  metrics = pv_metrics_compute (analysis);

  g_assert_nonnull (metrics);
  g_assert_cmpuint (metrics->n_communities, ==, 2);
  for (guint i = 0; i < 8; i++)
    g_assert_cmpuint (metrics->nodes[i].community, ==, i < 4 ? 0 : 1);
  g_assert_cmpuint (pv_metrics_community_size (metrics, 0), ==, 4);
  g_assert_cmpuint (pv_metrics_community_size (metrics, 1), ==, 4);
  g_assert_cmpfloat_with_epsilon (metrics->modularity, 12.0 / 13.0 - 0.5, 1e-12);
}

static void
test_communities_by_size (void)
{
  g_autoptr (PvAnalysis) analysis = graph_new (10);
  g_autoptr (PvMetrics) metrics = NULL;
  igraph_t graph;
  igraph_vector_t weights;
  igraph_vector_int_t membership;
  igraph_real_t modularity;

  /* a triangle first, then a K5 joined to it by one edge, a pair, and a
   * lone node: the K5 is community 0 though its nodes come later */
  graph_clique (analysis, 0, 3);
  graph_clique (analysis, 3, 5);
  graph_link (analysis, 2, 3, 1);
  graph_link (analysis, 8, 9, 2);
  metrics = pv_metrics_compute (analysis);

  g_assert_nonnull (metrics);
  g_assert_cmpuint (metrics->n_communities, ==, 3);
  for (guint i = 0; i < 10; i++)
    g_assert_cmpuint (metrics->nodes[i].community, ==, i < 3 ? 1 : i < 8 ? 0 : 2);

  /* with a lone node */
  {
    g_autoptr (PvAnalysis) lone = graph_new (4);
    g_autoptr (PvMetrics) lone_metrics = NULL;

    graph_link (lone, 1, 2, 1);
    graph_link (lone, 2, 3, 1);
    lone_metrics = pv_metrics_compute (lone);
    g_assert_cmpuint (lone_metrics->n_communities, ==, 2);
    g_assert_cmpuint (lone_metrics->nodes[0].community, ==, 1);
    g_assert_cmpuint (lone_metrics->nodes[1].community, ==, 0);
    g_assert_cmpuint (lone_metrics->nodes[3].community, ==, 0);
  }

  /* the modularity is igraph's for this partition */
  igraph_of (analysis, &graph, &weights);
  g_assert_cmpint (igraph_vector_int_init (&membership, 10), ==, IGRAPH_SUCCESS);
  for (guint i = 0; i < 10; i++)
    VECTOR (membership)[i] = metrics->nodes[i].community;
  g_assert_cmpint (
      igraph_modularity (&graph, &membership, &weights, 1.0, IGRAPH_UNDIRECTED, &modularity), ==,
      IGRAPH_SUCCESS);
  g_assert_cmpfloat_with_epsilon (metrics->modularity, modularity, 1e-12);
  g_assert_cmpfloat (metrics->modularity, >, 0.3);
  igraph_vector_int_destroy (&membership);
  igraph_vector_destroy (&weights);
  igraph_destroy (&graph);
}

/* Leiden optimises modularity: on a graph of planted groups it does at
 * least as well as the groups themselves, and as well as Louvain
 * (igraph's multilevel, which optimises modularity by definition). */
static PvAnalysis *
graph_planted (guint32 seed)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  PvAnalysis *analysis = graph_new (60);

  for (guint a = 0; a < 60; a++)
    for (guint b = a + 1; b < 60; b++)
      {
        gboolean same = a / 12 == b / 12;

        if (g_rand_double (rand) < (same ? 0.5 : 0.03))
          graph_link (analysis, a, b, g_rand_int_range (rand, 1, 5));
      }
  return analysis;
}

static void
test_leiden_modularity (void)
{
  g_autoptr (PvAnalysis) analysis = graph_planted (7);
  g_autoptr (PvMetrics) metrics = pv_metrics_compute (analysis);
  igraph_t graph;
  igraph_vector_t weights, louvain_modularity;
  igraph_vector_int_t planted, louvain;
  igraph_real_t planted_modularity;
  guint agree = 0;

  g_assert_nonnull (metrics);
  igraph_of (analysis, &graph, &weights);
  g_assert_cmpint (igraph_vector_int_init (&planted, 60), ==, IGRAPH_SUCCESS);
  for (guint i = 0; i < 60; i++)
    VECTOR (planted)[i] = i / 12;
  g_assert_cmpint (
      igraph_modularity (&graph, &planted, &weights, 1.0, IGRAPH_UNDIRECTED, &planted_modularity),
      ==, IGRAPH_SUCCESS);
  g_assert_cmpint (igraph_vector_int_init (&louvain, 0), ==, IGRAPH_SUCCESS);
  g_assert_cmpint (igraph_vector_init (&louvain_modularity, 0), ==, IGRAPH_SUCCESS);
  g_assert_cmpint (
      igraph_community_multilevel (&graph, &weights, 1.0, &louvain, NULL, &louvain_modularity), ==,
      IGRAPH_SUCCESS);

  g_assert_cmpfloat (metrics->modularity, >=, planted_modularity - 1e-9);
  g_assert_cmpfloat (metrics->modularity, >=, igraph_vector_max (&louvain_modularity) - 0.01);
  /* the groups are found, give or take a few weakly held nodes (which a
   * better partition than the planted one may put elsewhere) */
  g_assert_cmpuint (metrics->n_communities, ==, 5);
  for (guint group = 0; group < 5; group++)
    {
      guint count[60] = { 0 }, most = 0;

      for (guint i = group * 12; i < group * 12 + 12; i++)
        most = MAX (most, ++count[metrics->nodes[i].community]);
      agree += most;
    }
  g_assert_cmpuint (agree, >=, 56);

  igraph_vector_int_destroy (&planted);
  igraph_vector_int_destroy (&louvain);
  igraph_vector_destroy (&louvain_modularity);
  igraph_vector_destroy (&weights);
  igraph_destroy (&graph);
}

static void
test_determinism (void)
{
  g_autoptr (PvAnalysis) analysis = graph_planted (11);
  g_autoptr (PvMetrics) first = pv_metrics_compute (analysis);
  g_autoptr (PvMetrics) second = NULL;

  /* whatever igraph's generator did in between */
  igraph_rng_seed (igraph_rng_default (), 12345);
  (void)igraph_rng_get_integer (igraph_rng_default (), 0, 1000);
  second = pv_metrics_compute (analysis);

  g_assert_nonnull (first);
  g_assert_nonnull (second);
  assert_same_metrics (first, second);
}

/* The seed article and its JSON */

static PvAnalysis *
seed_analysis (void)
{
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                   "000_2ad9410abe4922a4.txt", NULL);
  g_autoptr (GError) error = NULL;
  PvAnalyzeOptions options = { "2020-02-29" };
  PvDocument *document = pv_document_load_file (sample, &error);

  g_assert_no_error (error);
  return pv_analyze (document, test_knowledge (), &options);
}

static double
number (const cJSON *object, const char *name)
{
  const cJSON *item = cJSON_GetObjectItemCaseSensitive (object, name);

  g_assert_true (cJSON_IsNumber (item));
  return item->valuedouble;
}

static void
test_seed_json (void)
{
  g_autoptr (PvAnalysis) analysis = seed_analysis ();
  g_autoptr (PvMetrics) metrics = pv_metrics_compute (analysis);
  g_autoptr (PvMetrics) again = NULL;
  g_autoptr (PvAnalysis) read = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *plain = NULL;
  cJSON *root, *item, *graph;
  guint i = 0;

  g_assert_nonnull (metrics);
  g_assert_cmpuint (metrics->n_nodes, ==, analysis->nodes->len);
  g_assert_cmpuint (analysis->edges->len, >, 0);
  g_assert_cmpfloat_with_epsilon (pagerank_sum (metrics), 1.0, 1e-9);

  /* every node's figures, as written, equal the computed ones */
  json = pv_analysis_to_json_with_metrics (analysis, metrics);
  root = cJSON_Parse (json);
  g_assert_nonnull (root);
  cJSON_ArrayForEach (item, cJSON_GetObjectItemCaseSensitive (root, "nodes"))
  {
    const cJSON *object = cJSON_GetObjectItemCaseSensitive (item, "metrics");
    const PvNodeMetrics *node = &metrics->nodes[i];
    guint degree = 0;
    double weighted = 0;

    g_assert_cmpstr (cJSON_GetObjectItemCaseSensitive (item, "id")->valuestring, ==,
                     ((const PvNode *)g_ptr_array_index (analysis->nodes, i))->id);
    g_assert_true (cJSON_IsObject (object));
    g_assert_cmpfloat (number (object, "degree"), ==, node->degree);
    g_assert_cmpfloat (number (object, "weighted_degree"), ==, node->weighted_degree);
    g_assert_cmpfloat (number (object, "pagerank"), ==, node->pagerank);
    g_assert_cmpfloat (number (object, "betweenness"), ==, node->betweenness);
    g_assert_cmpfloat (number (object, "community"), ==, node->community);

    /* and degrees are those of the edges */
    for (guint e = 0; e < analysis->edges->len; e++)
      {
        const PvEdge *edge = g_ptr_array_index (analysis->edges, e);

        if (edge->source == i || edge->target == i)
          {
            degree++;
            weighted += edge->weight;
          }
      }
    g_assert_cmpuint (node->degree, ==, degree);
    g_assert_cmpfloat (node->weighted_degree, ==, weighted);
    g_assert_cmpuint (node->community, <, metrics->n_communities);
    i++;
  }
  g_assert_cmpuint (i, ==, analysis->nodes->len);
  graph = cJSON_GetObjectItemCaseSensitive (root, "metrics");
  g_assert_true (cJSON_IsObject (graph));
  g_assert_cmpfloat (number (graph, "communities"), ==, metrics->n_communities);
  g_assert_cmpfloat (number (graph, "modularity"), ==, metrics->modularity);
  cJSON_Delete (root);

  /* read back */
  read = pv_analysis_from_json_with_metrics ("seed.json", json, strlen (json), &again, &error);
  g_assert_no_error (error);
  g_assert_nonnull (read);
  g_assert_nonnull (again);
  assert_same_metrics (metrics, again);

  /* without metrics, the JSON is as before: no "metrics" anywhere */
  plain = pv_analysis_to_json (analysis);
  g_assert_null (strstr (plain, "\"metrics\""));
  g_assert_null (strstr (plain, "pagerank"));
  g_clear_pointer (&read, pv_analysis_free);
  g_clear_pointer (&again, pv_metrics_free);
  read = pv_analysis_from_json_with_metrics ("plain.json", plain, strlen (plain), &again, &error);
  g_assert_no_error (error);
  g_assert_nonnull (read);
  g_assert_null (again);

  /* metrics read back from the JSON are those computed again */
  g_clear_pointer (&again, pv_metrics_free);
  again = pv_metrics_compute (read);
  assert_same_metrics (metrics, again);
}

/* Metrics that do not cover every node are not read. */
static void
test_json_partial (void)
{
  g_autoptr (PvAnalysis) analysis = seed_analysis ();
  g_autoptr (PvMetrics) metrics = pv_metrics_compute (analysis);
  g_autofree char *json = pv_analysis_to_json_with_metrics (analysis, metrics);
  g_autofree char *broken = NULL;
  g_autoptr (PvAnalysis) read = NULL;
  g_autoptr (PvMetrics) partial = NULL;
  g_autoptr (GError) error = NULL;
  cJSON *root = cJSON_Parse (json);
  cJSON *node = cJSON_GetArrayItem (cJSON_GetObjectItemCaseSensitive (root, "nodes"), 1);
  char *printed;

  cJSON_DeleteItemFromObjectCaseSensitive (cJSON_GetObjectItemCaseSensitive (node, "metrics"),
                                           "pagerank");
  printed = cJSON_Print (root);
  broken = g_strdup (printed);
  cJSON_free (printed);
  cJSON_Delete (root);

  read = pv_analysis_from_json_with_metrics ("partial.json", broken, strlen (broken), &partial,
                                             &error);
  g_assert_no_error (error);
  g_assert_nonnull (read);
  g_assert_null (partial);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/metrics/empty", test_empty);
  g_test_add_func ("/metrics/single", test_single);
  g_test_add_func ("/metrics/no-edges", test_no_edges);
  g_test_add_func ("/metrics/zero-weights", test_zero_weights);
  g_test_add_func ("/metrics/degrees", test_degrees);
  g_test_add_func ("/metrics/pagerank", test_pagerank);
  g_test_add_func ("/metrics/betweenness/path", test_betweenness_path);
  g_test_add_func ("/metrics/betweenness/star", test_betweenness_star);
  g_test_add_func ("/metrics/communities/two-cliques", test_two_cliques);
  g_test_add_func ("/metrics/communities/by-size", test_communities_by_size);
  g_test_add_func ("/metrics/communities/modularity", test_leiden_modularity);
  g_test_add_func ("/metrics/communities/determinism", test_determinism);
  g_test_add_func ("/metrics/json/seed", test_seed_json);
  g_test_add_func ("/metrics/json/partial", test_json_partial);

  return g_test_run ();
}
