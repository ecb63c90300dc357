/* pv-export-dialog.h: the graph as shown, exported to an image or to data
 * for other tools, with a preview
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pv-export.h"
#include "pv-graph-view.h"

G_BEGIN_DECLS

#define PV_TYPE_EXPORT_DIALOG (pv_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PvExportDialog, pv_export_dialog, PV, EXPORT_DIALOG, AdwWindow)

/* The units of the size rows, in the order of the unit row's items. */
typedef enum
{
  PV_EXPORT_UNIT_PIXELS, /* pixels; 1/96 inch in SVG and PDF */
  PV_EXPORT_UNIT_CM,
  PV_EXPORT_UNIT_MM,
  PV_EXPORT_UNIT_INCHES,
} PvExportUnit;

/* Signals:
 *   "exported" (const char *path)  the export was written to `path`
 *   "preview-updated" ()           the preview shows the current options
 */

/* A dialog exporting the graph that `view` shows: its layout as it is,
 * its hidden types, minimum weight and label language.  `article` (may be
 * NULL) suggests the file name and the folder. */
PvExportDialog *pv_export_dialog_new (GtkWindow *parent, PvGraphView *view, GFile *article);

/* The options the dialog's rows give, for the format chosen; the title
 * belongs to the dialog. */
void pv_export_dialog_get_options (PvExportDialog *self, PvExportOptions *options);
PvExportFormat pv_export_dialog_get_format (PvExportDialog *self);
void pv_export_dialog_set_format (PvExportDialog *self, PvExportFormat format);
/* The size in `unit`; its resolution (PNG) in dots per inch. */
void pv_export_dialog_set_size (PvExportDialog *self, PvExportUnit unit, double width,
                                double height, double dpi);
/* The page in device units (PNG pixels, or SVG and PDF points). */
void pv_export_dialog_get_device_size (PvExportDialog *self, double *width, double *height);

/* The file name offered: the article's name with the format's extension. */
char *pv_export_dialog_get_suggested_name (PvExportDialog *self);

/* What Save does once a file is chosen: writes the export there, whole or
 * not at all, and emits "exported". */
gboolean pv_export_dialog_save_to_file (PvExportDialog *self, const char *path, GError **error);

/* Draws the preview now instead of after the next pause in typing. */
void pv_export_dialog_update_preview (PvExportDialog *self);
/* The preview: a picture of the image, or the start of the data. */
GdkPaintable *pv_export_dialog_get_preview_paintable (PvExportDialog *self);
GtkTextBuffer *pv_export_dialog_get_preview_buffer (PvExportDialog *self);

/* The rows, for tests */
GtkSwitch *pv_export_dialog_get_legend_switch (PvExportDialog *self);
GtkSwitch *pv_export_dialog_get_transparent_switch (PvExportDialog *self);
GtkEditable *pv_export_dialog_get_title_entry (PvExportDialog *self);
AdwComboRow *pv_export_dialog_get_labels_row (PvExportDialog *self);
AdwComboRow *pv_export_dialog_get_theme_row (PvExportDialog *self);

G_END_DECLS
