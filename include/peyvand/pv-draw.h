/* pv-draw.h: the graph drawn onto a cairo_t: the one drawing that the graph
 * widget, the image exports and the presentation all use
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "pv-analysis.h"
#include "pv-layout.h"

G_BEGIN_DECLS

/* The labels' font when PvDrawOptions.font_family is NULL: a CSS-like
 * list, Persian faces first. */
#define PV_DRAW_FONT_FAMILY "Vazirmatn, Noto Naskh Arabic, Noto Sans Arabic, sans-serif"

typedef enum
{
  PV_LABELS_PERSIAN,
  PV_LABELS_ENGLISH,
  PV_LABELS_BOTH,
} PvLabelLanguage;

typedef struct
{
  /* device = layout * scale + offset (device units: pixels on screen,
   * points in a PDF) */
  double scale;
  double offset_x;
  double offset_y;

  PvLabelLanguage labels;
  gboolean dark;            /* the dark palette and a dark background */
  gboolean draw_background; /* fill the clip with the background first */
  const char *font_family;  /* NULL: the Persian stack (Vazirmatn, Noto Naskh Arabic, …) */
  double font_size;         /* label size in device units; 0: 13 */

  /* what is shown */
  gboolean type_hidden[PV_N_ENTITY_TYPES];
  guint min_edge_weight; /* edges lighter than this are not drawn */
  /* the labels' veils but not their text (an SVG export writes the text
   * as <text> elements, from pv_draw_get_label_lines) */
  gboolean label_text_hidden;
  /* per node and per edge: arrays as long as the analysis's nodes and
   * edges, or NULL.  A hidden node or edge is not drawn, labelled, hit or
   * fitted (an edge to a hidden node is hidden too); the others are drawn
   * at their alpha in [0, 1] (NULL: 1), a node's label with it, an edge
   * never more opaque than its ends.  The story mode grows the graph
   * with them (pv-story.h). */
  const gboolean *node_hidden;
  const gboolean *edge_hidden;
  const double *node_alpha;
  const double *edge_alpha;
  /* per node, or NULL: labels are placed by rank, lowest first, then
   * larger nodes first (the selected and the hovered node before all);
   * the story ranks nodes by the step that brings them, so that a label
   * once shown stays */
  const guint *label_rank;
  /* per node, or NULL (colour by type): each node filled with colour
   * node_color_index[i] of the categorical palette (pv_draw_category_color),
   * such as its community; shapes still tell the types */
  const guint *node_color_index;
  /* black on white (with `dark`: white on black), stronger co-mention
   * lines, thick outlines in the ink: the presentation */
  gboolean high_contrast;

  /* emphasis: -1 for none */
  int selected_node;
  int selected_edge;
  int hovered_node;
} PvDrawOptions;

/* Sensible defaults: scale 1, Persian labels, light, nothing selected. */
void pv_draw_options_init (PvDrawOptions *options);

/* Draws the visible edges, then the nodes (size by mention count, colour
 * and shape by type), then the labels, shaped by Pango.  A right-to-left
 * label goes on the node's left, a left-to-right one on its right; when
 * that place is taken, the other side, then above, then below.  A label
 * that would meet one already placed, another node or an arrowhead is
 * left out; larger nodes are labelled first, the selected and the hovered
 * node before all (their labels may cover other nodes).  Draws in the
 * current user space of `cr`: to draw at twice the size (HiDPI, print),
 * cairo_scale it first.  Labels far outside the clip are not even shaped. */
void pv_draw_graph (cairo_t *cr, const PvAnalysis *analysis, const PvLayout *layout,
                    const PvDrawOptions *options);

/* Labels shaped once and kept for the next drawings: for a view that draws
 * the same graph again and again (fitting it, then every frame).  A label
 * is shaped again only when its text, its direction, the font or the
 * drawing's font options change, so the cache stays right whatever the
 * graph becomes.  One thread at a time. */
typedef struct _PvDrawLabelCache PvDrawLabelCache;

PvDrawLabelCache *pv_draw_label_cache_new (void);
void pv_draw_label_cache_free (PvDrawLabelCache *cache);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PvDrawLabelCache, pv_draw_label_cache_free)

/* pv_draw_graph() with the labels of `cache` (may be NULL). */
void pv_draw_graph_cached (cairo_t *cr, const PvAnalysis *analysis, const PvLayout *layout,
                           const PvDrawOptions *options, PvDrawLabelCache *cache);

/* Hit tests in device units: the node under (x, y), the edge within a few
 * units of it, or -1. */
int pv_draw_node_at (const PvAnalysis *analysis, const PvLayout *layout,
                     const PvDrawOptions *options, double x, double y);
int pv_draw_edge_at (const PvAnalysis *analysis, const PvLayout *layout,
                     const PvDrawOptions *options, double x, double y);

/* A node's radius in device units. */
double pv_draw_node_radius (const PvAnalysis *analysis, guint node, const PvDrawOptions *options);

/* The box, in device units, that the drawing covers: every visible node
 * and every label that would be drawn. */
void pv_draw_get_extents (cairo_t *cr, const PvAnalysis *analysis, const PvLayout *layout,
                          const PvDrawOptions *options, double *x_min, double *y_min, double *x_max,
                          double *y_max);

/* Where pv_draw_graph puts a label: the node it names and its box in
 * device units (the text's ink and logical extents and the veil of
 * background under it). */
typedef struct
{
  guint node;
  double x;
  double y;
  double width;
  double height;
} PvDrawLabelBox;

/* The labels that pv_draw_graph would draw onto `cr` (within its clip),
 * in the order they were placed: a GArray of PvDrawLabelBox.  No two of
 * them overlap. */
GArray *pv_draw_get_label_boxes (cairo_t *cr, const PvAnalysis *analysis, const PvLayout *layout,
                                 const PvDrawOptions *options);

/* One line of a label as pv_draw_graph draws it: the node, the line's
 * text, its paragraph's direction, the line's logical extents across
 * (x0 < x1), its baseline, all in device units, and the end of the line
 * nearest to the node, where a renderer with other fonts should anchor it
 * (-1 the left end, 1 the right end, 0 the middle: a label above or
 * below its node). */
typedef struct
{
  guint node;
  char *text; /* owned by the array */
  gboolean rtl;
  double x0;
  double x1;
  double baseline;
  int anchor;
} PvDrawLabelLine;

/* The lines of the labels that pv_draw_graph would draw onto `cr`, label
 * by label in the order they were placed, each label's lines top to
 * bottom: a GArray of PvDrawLabelLine that frees their text. */
GArray *pv_draw_get_label_lines (cairo_t *cr, const PvAnalysis *analysis, const PvLayout *layout,
                                 const PvDrawOptions *options);

/* A node's marker alone (a legend's swatch): the type's shape of radius
 * `radius` around (x, y), filled and outlined as pv_draw_graph draws the
 * nodes of that type at font size `font_size` (0: 13). */
void pv_draw_type_marker (cairo_t *cr, PvEntityType type, double x, double y, double radius,
                          gboolean dark, double font_size);

/* The background and the ink (labels, selection) of the light or the dark
 * theme, as r, g, b in [0, 1]; either may be NULL. */
void pv_draw_theme_colors (gboolean dark, double *background, double *ink);

/* The same for the theme that `options` draw with (dark or light, high
 * contrast or not). */
void pv_draw_get_colors (const PvDrawOptions *options, double *background, double *ink);

/* Sets options->scale, offset_x and offset_y so that the whole drawing
 * (pv_draw_get_extents) fits a width × height area with `margin` around
 * it, centred.  Nodes and labels keep their size, only the distances
 * between nodes scale, up to 160 device units per layout unit. */
void pv_draw_fit (cairo_t *cr, const PvAnalysis *analysis, const PvLayout *layout,
                  PvDrawOptions *options, double width, double height, double margin);

/* pv_draw_fit() with the labels of `cache` (may be NULL). */
void pv_draw_fit_cached (cairo_t *cr, const PvAnalysis *analysis, const PvLayout *layout,
                         PvDrawOptions *options, double width, double height, double margin,
                         PvDrawLabelCache *cache);

/* The colour-blind-safe palette (Okabe-Ito) of each entity type, shared by
 * the graph and the article's highlights: country blue #0072B2, person
 * orange #E69F00, organization bluish green #009E73, place reddish purple
 * #CC79A7, topic vermillion #D55E00; `dark` mixes each 30 % towards white.
 * Shapes tell the types apart without colour: country circle, person
 * square, organization hexagon, place triangle, topic diamond. */
void pv_entity_type_color (PvEntityType type, gboolean dark, double *red, double *green,
                           double *blue);

/* Colour `index` of a categorical palette (Tableau 10, round again after
 * ten) for things such as communities, as r, g, b in [0, 1]; `dark` mixes
 * each 30 % towards white. */
void pv_draw_category_color (guint index, gboolean dark, double *red, double *green, double *blue);

G_END_DECLS
