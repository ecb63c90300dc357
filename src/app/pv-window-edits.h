/* pv-window-edits.h: the user's corrections of a window's analysis, with
 * undo and redo, and the project files (*.peyvand) that keep them
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pv-project.h"
#include "pv-window.h"

G_BEGIN_DECLS

/* The window keeps the analysis without edits (the base), a project and
 * its edit history; after every edit, undo and redo it shows
 * pv_project_edit_analysis() of the base.  Actions: win.undo (Ctrl+Z),
 * win.redo (Ctrl+Shift+Z), win.save (Ctrl+S), win.save-as (Ctrl+Shift+S),
 * win.reanalyze, and on the selected node win.node-release-pin,
 * win.node-rename, win.node-retype (s: a type name), win.node-hide,
 * win.node-merge; on the article's selected text win.mark-entity and
 * win.mark-alias. */

/* NULL until an analysis is shown. */
PvProject *pv_window_get_project (PvWindow *self);
const PvAnalysis *pv_window_get_base_analysis (PvWindow *self);
/* Where the project was last opened or saved, or NULL. */
const char *pv_window_get_project_path (PvWindow *self);
/* The edits changed since the project was opened or saved. */
gboolean pv_window_get_modified (PvWindow *self);

/* Makes `edit` (transfer full) and shows the result. */
void pv_window_do_edit (PvWindow *self, PvEdit *edit);
gboolean pv_window_undo (PvWindow *self);
gboolean pv_window_redo (PvWindow *self);

/* Saves the project (edits and pinned positions) to `path`. */
gboolean pv_window_save_project (PvWindow *self, const char *path, GError **error);
/* Writes the autosave now when there are unsaved edits. */
gboolean pv_window_autosave (PvWindow *self, GError **error);

G_END_DECLS
