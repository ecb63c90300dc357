/* pv-graph-panel.h: the graph with its legend, filters, search and the
 * details of what is selected
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pv-analysis.h"
#include "pv-graph-view.h"
#include "pv-inspector.h"

G_BEGIN_DECLS

#define PV_TYPE_GRAPH_PANEL (pv_graph_panel_get_type ())

G_DECLARE_FINAL_TYPE (PvGraphPanel, pv_graph_panel, PV, GRAPH_PANEL, GtkWidget)

/* Signals:
 *   "sentence-activated" (int sentence, int mention)  a row of the sentence
 *        list was clicked: `sentence` indexes the analysis' sentences;
 *        `mention` is the first mention of the shown node in it, or -1 when
 *        an edge is shown
 */

GtkWidget *pv_graph_panel_new (void);

PvGraphView *pv_graph_panel_get_graph_view (PvGraphPanel *self);
GtkSearchEntry *pv_graph_panel_get_search_entry (PvGraphPanel *self);
GtkListBox *pv_graph_panel_get_sentence_list (PvGraphPanel *self);
GtkAdjustment *pv_graph_panel_get_weight_adjustment (PvGraphPanel *self);
GtkToggleButton *pv_graph_panel_get_type_button (PvGraphPanel *self, PvEntityType type);

/* Shows `analysis` (which must outlive its use here, until the next call)
 * in the graph, the legend and the filters; NULL shows nothing. */
void pv_graph_panel_set_analysis (PvGraphPanel *self, const PvAnalysis *analysis);
/* Shows that an analysis is running. */
void pv_graph_panel_set_busy (PvGraphPanel *self, gboolean busy);

/* The details below the graph: a node's names and the sentences that
 * mention it, with `mention` the current one; an edge's two ends and the
 * sentences behind it; or nothing. */
void pv_graph_panel_show_node (PvGraphPanel *self, int node, int mention);
void pv_graph_panel_show_edge (PvGraphPanel *self, int edge);
void pv_graph_panel_clear_details (PvGraphPanel *self);

/* The sentence index that row `row` of the sentence list shows, or -1. */
int pv_graph_panel_get_row_sentence (PvGraphPanel *self, guint row);
guint pv_graph_panel_get_n_rows (PvGraphPanel *self);

/* The table of the entities and their metrics below the graph, shown by
 * the "inspector-visible" property (boolean; the panel.inspector action,
 * Ctrl+I). */
PvInspector *pv_graph_panel_get_inspector (PvGraphPanel *self);
gboolean pv_graph_panel_get_inspector_visible (PvGraphPanel *self);
void pv_graph_panel_set_inspector_visible (PvGraphPanel *self, gboolean visible);

/* Sets the tooltips of the tool bar and the legend.  The window calls it
 * once its first frame is painted (pv-window.c, "Menus and tooltips"). */
void pv_graph_panel_set_tooltips (PvGraphPanel *self);

/* Moves the keyboard focus to the search field. */
void pv_graph_panel_focus_search (PvGraphPanel *self);
/* Finds the first node (`direction` 0: the most mentioned first), or the
 * next (1) or previous (-1) after the one last found, round the end, whose
 * Persian or English name or id contains `text` (both normalized), then
 * activates it and brings it into view.  Returns the node, or -1. */
int pv_graph_panel_find (PvGraphPanel *self, const char *text, int direction);

G_END_DECLS
