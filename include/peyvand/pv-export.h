/* pv-export.h: the graph written as an image (PNG, SVG, PDF) drawn by
 * pv_draw_graph, or as data for other tools (GEXF, GraphML, DOT, CSV, JSON)
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pv-analysis.h"
#include "pv-draw.h"
#include "pv-layout.h"

G_BEGIN_DECLS

#define PV_EXPORT_ERROR (pv_export_error_quark ())

typedef enum
{
  PV_EXPORT_ERROR_FORMAT, /* unknown format or bad option */
  PV_EXPORT_ERROR_WRITE,  /* the file could not be written */
} PvExportError;

typedef enum
{
  PV_EXPORT_PNG,
  PV_EXPORT_SVG,
  PV_EXPORT_PDF,
  PV_EXPORT_GEXF,
  PV_EXPORT_GRAPHML,
  PV_EXPORT_DOT,
  PV_EXPORT_CSV,
  PV_EXPORT_JSON,
} PvExportFormat;

/* Images (PNG, SVG, PDF) are one page: the title above (bold, centred),
 * the graph drawn by pv_draw_graph (the screen's drawing: the same
 * colours, shapes, edge styles and label placement), the legend below (one
 * marker and name per entity type shown, in Persian, English or both as
 * the labels), a margin of two font sizes all round.  Nothing is cropped:
 * the graph is fitted to the room left (pv_draw_fit: labels keep their
 * size, only distances between nodes scale); on a page too small for
 * labels of their size the whole page is drawn smaller instead.
 *
 * A device unit is a point (1/72 inch) in every image format, and a PNG
 * has dpi / 72 pixels per unit, so that a PNG, an SVG and a PDF of the
 * same physical size are the same picture (labels 13 pt by default).
 * For a PNG of a physical size, ask for pixels = inches × dpi.
 *
 * Data formats hold the nodes and edges that the drawing shows (hidden
 * types and edges lighter than draw.min_edge_weight are left out), node
 * ids as in the analysis, Persian labels, and positions from `layout`
 * (when given) in device units at `scale` (0: 100):
 * - gexf (1.3, for Gephi): nodes with label and attvalues label_en, type,
 *   count; viz:color (the type's colour), viz:size (the drawn radius),
 *   viz:position (y up), viz:shape; edges with id, source, target,
 *   weight, kind (and label = kind).  All edges undirected: networkx
 *   refuses a graph that mixes both; a typed edge reads source → target.
 * - graphml: keys label, label_en, type, count, color, size, x, y (y down)
 *   for nodes and weight, kind for edges; undirected as GEXF.
 * - dot: a digraph whose co-mentions have dir=none; attributes label,
 *   label_en, type, count, shape, fillcolor and pos in points (y up: draw
 *   with `neato -n2`); edges with kind, weight and style.
 * - csv (RFC 4180, UTF-8 without BOM, CRLF): the edge table, header
 *   source,target,source_label,target_label,kind,weight,sentences
 *   (sentences: indexes from 0 separated by spaces); a cell that starts
 *   with =, +, -, @, tab or CR gets a leading apostrophe.
 * - json: pv_analysis_to_json of the whole analysis (no filter). */
typedef struct
{
  PvExportFormat format;

  /* images: the page, pixels for PNG, points for SVG and PDF.  0 × 0: the
   * page fits the drawing at `scale`; one of them 0: the graph is fitted
   * to the other and the page grows to hold it. */
  double width;
  double height;
  double dpi;           /* PNG: pixels per inch, stored in the file (pHYs); default 96 */
  double scale;         /* device units per layout unit: at most this when fitting, 0: fit;
                         * with a 0 × 0 page this scale (0: 100) */
  gboolean transparent; /* no background (PNG: alpha 0 around the drawing) */
  gboolean svg_text;    /* SVG: the labels, title and legend as editable <text>
                         * elements (font-family the label font, direction="rtl"
                         * for Persian) instead of glyph outlines */
  gboolean legend;      /* draw the legend of entity types (default TRUE) */
  const char *title;    /* drawn above the graph (and the PDF's title), or NULL */
  PvDrawOptions draw;   /* labels fa|en|both, theme (dark), hidden types,
                         * minimum edge weight, font; its scale and offsets
                         * are ignored (the page sets them) */
} PvExportOptions;

/* Defaults: 0 × 0, 96 dpi, fit, legend, no title, pv_draw_options_init. */
void pv_export_options_init (PvExportOptions *options, PvExportFormat format);

/* The format named by a file extension or a --format value, in any case,
 * with or without a leading dot ("png", "svg", "pdf", "gexf", "graphml",
 * "dot" or "gv", "csv", "json"). */
gboolean pv_export_format_from_name (const char *name, PvExportFormat *format);

/* The format's usual name and file extension ("png", …). */
const char *pv_export_format_to_string (PvExportFormat format);

/* PNG, SVG and PDF: a picture drawn by pv_draw_graph (needs a layout). */
gboolean pv_export_format_is_image (PvExportFormat format);

/* Writes the export to `path` whole or not at all: the bytes are made in
 * memory first (pv_export_to_bytes), then written to a temporary file in
 * the same folder, synced and renamed over `path`.  Images use `layout`
 * as it is (settle it first); data formats may take NULL (no positions).
 * Errors: PV_EXPORT_ERROR_FORMAT for a bad option (no layout for an
 * image, a negative size, a PNG over 32767 pixels a side),
 * PV_EXPORT_ERROR_WRITE when the file (or cairo) failed; the message
 * names the file. */
gboolean pv_export_to_file (const PvAnalysis *analysis, const PvLayout *layout,
                            const PvExportOptions *options, const char *path, GError **error);

/* The same bytes in memory (tests, the app's preview). */
GBytes *pv_export_to_bytes (const PvAnalysis *analysis, const PvLayout *layout,
                            const PvExportOptions *options, GError **error);

GQuark pv_export_error_quark (void);

G_END_DECLS
