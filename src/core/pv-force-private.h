/* pv-force-private.h: a multilevel force layout for large graphs
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Fruchterman-Reingold forces (a node pushes another with 1/d, an edge
 * pulls with pull·d²) where the push of far nodes is summed by a
 * Barnes-Hut quadtree, so that an iteration costs O(n log n + m) instead
 * of igraph's O(n²), and a coarsening of the graph into ever smaller
 * graphs (heavy-edge matching) whose layouts give the finer graphs their
 * starting positions, so that a large graph unfolds in a few dozen
 * iterations instead of hundreds. */
typedef struct _PvForce PvForce;

/* A graph of `n_nodes` nodes and `n_edges` edges from source[i] to
 * target[i] pulling with pull[i] (> 0). The arrays are copied. */
PvForce *pv_force_new (guint n_nodes, guint n_edges, const guint *source, const guint *target,
                       const double *pull);

/* Lays out the coarser graphs from `seed` and leaves in x and y (one per
 * node) the starting positions they give the graph itself.  A node with
 * pinned[i] keeps its x[i], y[i], and every coarse node holding a pinned
 * node stays where its pinned nodes are. */
void pv_force_unfold (PvForce *force, guint32 seed, const gboolean *pinned, double *x, double *y);

/* One iteration on the graph itself: every node not pinned moves by its
 * force, at most `temperature` layout units.  Returns the largest move. */
double pv_force_iterate (PvForce *force, const gboolean *pinned, double temperature, double *x,
                         double *y);

void pv_force_free (PvForce *force);

G_END_DECLS
