/* bench-graph.h: the generated graphs the benchmarks lay out and draw
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pv-analysis.h"

G_BEGIN_DECLS

/* A clustered random graph: `n_nodes` nodes (labels n0, n1, …, types in
 * turn) in clusters of 25, `n_edges` distinct edges, 85 % of them inside
 * a cluster, weights 1 to 4.  The same arguments give the same graph. */
PvAnalysis *bench_clustered_graph (guint n_nodes, guint n_edges, guint32 seed);

G_END_DECLS
