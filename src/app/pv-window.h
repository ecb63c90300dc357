/* pv-window.h: a window showing one article
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pv-analysis.h"
#include "pv-application.h"
#include "pv-article-view.h"
#include "pv-graph-panel.h"

G_BEGIN_DECLS

#define PV_TYPE_WINDOW (pv_window_get_type ())

G_DECLARE_FINAL_TYPE (PvWindow, pv_window, PV, WINDOW, AdwApplicationWindow)

/* Signals:
 *   "document-loaded" ()             the text of a newly opened file is shown
 *   "load-failed" (const char *msg)  a file could not be opened; what was
 *                                    shown before stays; `msg` names the file
 *                                    and the reason
 *   "analysis-done" ()               the analysis of the shown document has
 *                                    finished, successfully or not (see
 *                                    pv_window_get_analysis_error())
 * Properties:
 *   "busy" (boolean)                 a file is being loaded or analyzed
 *   "graph-settled" (boolean)        nothing is being loaded or analyzed and
 *                                    the graph's layout has stopped moving
 */

PvWindow *pv_window_new (PvApplication *application);

/* Loads `file` in a worker thread, shows it, then analyzes it in another. */
void pv_window_open_file (PvWindow *self, GFile *file);

GFile *pv_window_get_file (PvWindow *self);
const PvDocument *pv_window_get_document (PvWindow *self);
const PvAnalysis *pv_window_get_analysis (PvWindow *self);
const GError *pv_window_get_analysis_error (PvWindow *self);
gboolean pv_window_get_busy (PvWindow *self);
gboolean pv_window_get_graph_settled (PvWindow *self);
PvArticleView *pv_window_get_article_view (PvWindow *self);
GtkTextBuffer *pv_window_get_buffer (PvWindow *self);
PvGraphPanel *pv_window_get_graph_panel (PvWindow *self);
PvGraphView *pv_window_get_graph_view (PvWindow *self);
GtkPaned *pv_window_get_paned (PvWindow *self);

/* Selects `node` in the graph, highlights its mentions in the article and
 * scrolls to the first, and lists its sentences; -1 selects nothing. */
void pv_window_select_node (PvWindow *self, int node);
/* Selects `edge` in the graph and lists the sentences behind it. */
void pv_window_select_edge (PvWindow *self, int edge);

/* What dropping `value` (a GdkFileList or a GFile) on the window does: opens
 * the (first) file.  FALSE when the value holds no file. */
gboolean pv_window_open_dropped (PvWindow *self, const GValue *value);

/* Writes a PNG of the whole window as it is drawn now.  The window must be
 * shown. */
gboolean pv_window_save_png (PvWindow *self, const char *path, GError **error);

G_END_DECLS
