/* pv-window-private.h: what the parts of the window class share
 * (pv-window.c, pv-window-edits.c)
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pv-project.h"
#include "pv-window.h"

G_BEGIN_DECLS

/* pv-window.c ---------------------------------------------------------------- */

/* Shows `analysis` (transfer full; NULL: none) in the article and the graph,
 * in place of the one shown. */
void pv_window_set_shown_analysis (PvWindow *self, PvAnalysis *analysis);
/* Shows `document` (transfer full) of `file` and analyzes it, as opening a
 * file does. */
void pv_window_show_document (PvWindow *self, GFile *file, PvDocument *document);
/* Reports a file that could not be opened: a toast, "load-failed". */
void pv_window_report_load_failure (PvWindow *self, const char *message);
/* A toast; `action` (may be NULL) a window action for its button. */
void pv_window_toast (PvWindow *self, const char *message, const char *button, const char *action);

/* pv-window-edits.c ---------------------------------------------------------- */

/* Installs the edit and project actions and their shortcuts. */
void pv_window_edits_class_init (GtkWidgetClass *widget_class);
void pv_window_edits_init (PvWindow *self);
/* The analysis of the shown document, without edits, has come (transfer
 * full): it is shown with the project's edits. */
void pv_window_edits_analysis_done (PvWindow *self, PvAnalysis *base);
/* Another document is shown: the project goes, unless it is the one that
 * is being opened. */
void pv_window_edits_document_changed (PvWindow *self);
/* Opens `file` when it is a project: TRUE when it was one (opened or
 * reported). */
gboolean pv_window_edits_open_project_file (PvWindow *self, GFile *file);
void pv_window_edits_update_actions (PvWindow *self);

G_END_DECLS
