/* pv-inspector.h: a sortable table of the entities of an analysis with
 * their mentions and graph metrics, its selection linked to the graph's
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pv-analysis.h"
#include "pv-graph-view.h"
#include "pv-metrics.h"

G_BEGIN_DECLS

#define PV_TYPE_INSPECTOR_ROW (pv_inspector_row_get_type ())
#define PV_TYPE_INSPECTOR (pv_inspector_get_type ())

/* One row of the table: a node and its metrics.
 * Properties (read-only): "node" (uint), "label", "label-en", "type-name"
 * (string), "mentions", "degree" (uint), "weighted-degree", "pagerank",
 * "betweenness" (double), "community" (uint). */
G_DECLARE_FINAL_TYPE (PvInspectorRow, pv_inspector_row, PV, INSPECTOR_ROW, GObject)

guint pv_inspector_row_get_node (PvInspectorRow *self);
const char *pv_inspector_row_get_label (PvInspectorRow *self);
guint pv_inspector_row_get_mentions (PvInspectorRow *self);
const PvNodeMetrics *pv_inspector_row_get_metrics (PvInspectorRow *self);

G_DECLARE_FINAL_TYPE (PvInspector, pv_inspector, PV, INSPECTOR, GtkWidget)

/* Properties:
 *   "color-by-community" (boolean)  the graph's nodes coloured by their
 *                                   community instead of their type
 */

GtkWidget *pv_inspector_new (void);

/* The graph whose selection the table's follows, and the reverse. */
void pv_inspector_set_graph_view (PvInspector *self, PvGraphView *graph_view);

/* Shows the nodes of `analysis` (which must outlive its use here, until
 * the next call) with their metrics, computed now (pv_metrics_compute);
 * NULL shows nothing. */
void pv_inspector_set_analysis (PvInspector *self, const PvAnalysis *analysis);

/* The metrics shown, or NULL. */
const PvMetrics *pv_inspector_get_metrics (PvInspector *self);

GtkColumnView *pv_inspector_get_column_view (PvInspector *self);
/* The rows as shown, sorted: a GtkSingleSelection of PvInspectorRow. */
GtkSingleSelection *pv_inspector_get_selection (PvInspector *self);
/* The column whose id is `id` ("label", "label-en", "type-name",
 * "mentions", "degree", "weighted-degree", "pagerank", "betweenness",
 * "community"), or NULL. */
GtkColumnViewColumn *pv_inspector_get_column (PvInspector *self, const char *id);

gboolean pv_inspector_get_color_by_community (PvInspector *self);
void pv_inspector_set_color_by_community (PvInspector *self, gboolean color_by_community);

G_END_DECLS
