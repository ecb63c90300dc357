/* pv-layout.h: positions for the nodes of an analysis (a force layout)
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pv-analysis.h"

G_BEGIN_DECLS

/* Node positions in layout units (about 1 per node spacing, edges a unit
 * or two long; the view maps them to pixels).  A layout belongs to one
 * analysis and indexes its nodes the same way.  Not thread-safe: Debian's
 * igraph is not, so every layout is used from one thread (and a step
 * reseeds igraph's global random generator). */
typedef struct _PvLayout PvLayout;

/* The seed the application and peyvand-cli lay graphs out with, so that
 * both draw the same picture of the same article. */
#define PV_LAYOUT_DEFAULT_SEED 20200229u

/* pv_layout_settle() steps this many iterations at a time, up to the cap.
 * igraph's temperature falls within each step, so a caller that animates
 * the layout steps the same way to end on the same picture. */
#define PV_LAYOUT_SETTLE_STEP 10
#define PV_LAYOUT_SETTLE_MAX_ITERATIONS 500

/* The iterations of one animation frame, the step the benchmark times:
 * a small graph settles in a few dozen such steps, none takes more than a
 * few hundred. */
#define PV_LAYOUT_FRAME_ITERATIONS 3

/* Starting positions from `seed`: the same analysis and seed give the
 * same positions after the same steps.  Nothing moves until steps are
 * asked for. */
PvLayout *pv_layout_new (const PvAnalysis *analysis, guint seed);

/* A few Fruchterman-Reingold iterations (igraph's, seeded with the
 * current positions, pinned nodes held by equal bounds; from 500 nodes on
 * a multilevel Barnes-Hut layout of the same forces, whose first step
 * replaces the starting positions of the nodes not pinned by those its
 * coarser graphs give), at a temperature that cools over the life of the
 * layout, so that it stops by itself.  Returns TRUE while the layout
 * still moves, FALSE once it has settled (no node moved more than a small
 * fraction of a unit per iteration); a settled layout stays put until a
 * node is moved or pinned. */
gboolean pv_layout_step (PvLayout *layout, guint iterations);

/* Steps until settled, or 500 iterations. */
void pv_layout_settle (PvLayout *layout);

gboolean pv_layout_is_settled (const PvLayout *layout);
guint pv_layout_n_nodes (const PvLayout *layout);

void pv_layout_get_position (const PvLayout *layout, guint node, double *x, double *y);

/* Moves a node (a drag); the layout is unsettled again and warms up a
 * little, so that its neighbours follow.  Pin the node first to keep it
 * where it is put. */
void pv_layout_set_position (PvLayout *layout, guint node, double x, double y);

/* A pinned node keeps its position while the others move. */
void pv_layout_set_pinned (PvLayout *layout, guint node, gboolean pinned);
gboolean pv_layout_is_pinned (const PvLayout *layout, guint node);

/* The box around every node position. */
void pv_layout_get_bounds (const PvLayout *layout, double *x_min, double *y_min, double *x_max,
                           double *y_max);

void pv_layout_free (PvLayout *layout);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PvLayout, pv_layout_free)

G_END_DECLS
