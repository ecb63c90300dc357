/* pv-graph-view.h: the graph of an analysis, laid out by force and drawn
 * by the core's pv_draw_graph()
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pv-analysis.h"
#include "pv-draw.h"
#include "pv-layout.h"

G_BEGIN_DECLS

#define PV_TYPE_GRAPH_VIEW (pv_graph_view_get_type ())
#define PV_TYPE_LABEL_LANGUAGE (pv_label_language_get_type ())

G_DECLARE_FINAL_TYPE (PvGraphView, pv_graph_view, PV, GRAPH_VIEW, GtkWidget)

/* Signals:
 *   "node-activated" (int node)  the user chose a node (a click, a search),
 *                                or -1: a click on the background or Escape
 *   "edge-activated" (int edge)  the user clicked an edge
 * Properties:
 *   "selected-node", "selected-edge" (int, -1 for none)
 *   "min-edge-weight" (uint)     lighter edges are not drawn
 *   "labels" (PvLabelLanguage)   persian, english or both
 *   "settled" (boolean, read-only) the layout has stopped moving (also TRUE
 *                                when there is nothing to lay out)
 */

GType pv_label_language_get_type (void);

GtkWidget *pv_graph_view_new (void);

/* Shows `analysis` (which must outlive the view, or be replaced first) in a
 * new layout that animates until it settles; NULL shows nothing. */
void pv_graph_view_set_analysis (PvGraphView *self, const PvAnalysis *analysis);
const PvAnalysis *pv_graph_view_get_analysis (PvGraphView *self);
const PvLayout *pv_graph_view_get_layout (PvGraphView *self);
const PvDrawOptions *pv_graph_view_get_draw_options (PvGraphView *self);

gboolean pv_graph_view_get_settled (PvGraphView *self);

int pv_graph_view_get_selected_node (PvGraphView *self);
void pv_graph_view_set_selected_node (PvGraphView *self, int node);
int pv_graph_view_get_selected_edge (PvGraphView *self);
void pv_graph_view_set_selected_edge (PvGraphView *self, int edge);

/* Selects, then emits "node-activated" / "edge-activated", as a click does. */
void pv_graph_view_activate_node (PvGraphView *self, int node);
void pv_graph_view_activate_edge (PvGraphView *self, int edge);

gboolean pv_graph_view_get_type_visible (PvGraphView *self, PvEntityType type);
void pv_graph_view_set_type_visible (PvGraphView *self, PvEntityType type, gboolean visible);
guint pv_graph_view_get_min_edge_weight (PvGraphView *self);
void pv_graph_view_set_min_edge_weight (PvGraphView *self, guint weight);
PvLabelLanguage pv_graph_view_get_labels (PvGraphView *self);
void pv_graph_view_set_labels (PvGraphView *self, PvLabelLanguage labels);
/* Per node, a colour of pv_draw_category_color (such as its community),
 * or NULL to colour by type; the caller keeps the array alive, as long as
 * the analysis' nodes, and unsets it before the analysis changes. */
void pv_graph_view_set_node_color_index (PvGraphView *self, const guint *node_color_index);

/* The whole graph in view, and the view following the layout again. */
void pv_graph_view_fit (PvGraphView *self);
/* Zooms by `factor` keeping the point (x, y) of the widget in place. */
void pv_graph_view_zoom (PvGraphView *self, double factor, double x, double y);
/* Brings `node` to the middle of the view when it is not well inside it. */
void pv_graph_view_focus_node (PvGraphView *self, int node);

/* Where `node` is drawn, in widget coordinates; FALSE when there is no such
 * node. */
gboolean pv_graph_view_get_node_point (PvGraphView *self, int node, double *x, double *y);
/* Hit tests in widget coordinates: -1 for nothing. */
int pv_graph_view_node_at (PvGraphView *self, double x, double y);
int pv_graph_view_edge_at (PvGraphView *self, double x, double y);
/* What a click at (x, y) does: a node, else an edge, else the background. */
void pv_graph_view_click (PvGraphView *self, double x, double y);
/* What dragging `node` to (x, y) does: it moves there and stays pinned. */
void pv_graph_view_drag_node (PvGraphView *self, int node, double x, double y);
/* What a right-click on a pinned node does: the layout moves it again. */
void pv_graph_view_release_node (PvGraphView *self, int node);
gboolean pv_graph_view_is_node_pinned (PvGraphView *self, int node);
/* Pins `node` at (x, y) in layout units (as a project keeps pins). */
void pv_graph_view_pin_node (PvGraphView *self, int node, double x, double y);
/* The menu a right-click on a node opens, after selecting the node (its
 * actions work on the selected node); NULL: the right-click releases a
 * pinned node instead. */
void pv_graph_view_set_node_menu (PvGraphView *self, GMenuModel *menu);
/* What a right-click on `node` at (x, y) does. */
void pv_graph_view_popup_node_menu (PvGraphView *self, int node, double x, double y);
void pv_graph_view_close_node_menu (PvGraphView *self);

G_END_DECLS
