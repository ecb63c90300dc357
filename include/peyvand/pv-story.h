/* pv-story.h: an article told sentence by sentence, its graph growing as
 * the text introduces entities and links (the presentation's story mode
 * and the slides that peyvand-cli exports)
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "pv-analysis.h"
#include "pv-draw.h"
#include "pv-layout.h"

G_BEGIN_DECLS

/* A story has one step per sentence of the article (at least one step:
 * an article without sentences is told in one).  At step k the graph
 * holds the nodes first mentioned in sentences 0 … k and the edges whose
 * first sentence is at most k (and whose ends are both there); the last
 * step holds the whole graph.  Every step is drawn with the layout of the
 * whole graph, fitted once, so that a node never moves from one step to
 * the next: each step is a part of the final picture.
 *
 * A story refers to its analysis, which must outlive it.  Not
 * thread-safe (it keeps the fit of its last frame). */
typedef struct _PvStory PvStory;

PvStory *pv_story_new (const PvAnalysis *analysis);
void pv_story_free (PvStory *story);

const PvAnalysis *pv_story_get_analysis (const PvStory *story);
guint pv_story_get_n_steps (const PvStory *story);

/* The step that brings a node or an edge in. */
guint pv_story_get_node_step (const PvStory *story, guint node);
guint pv_story_get_edge_step (const PvStory *story, guint edge);

/* What step `step` shows: the nodes and edges brought in so far, and
 * those of them that this very step brings.  Any argument may be NULL. */
void pv_story_count (const PvStory *story, guint step, guint *n_nodes, guint *n_edges,
                     guint *n_new_nodes, guint *n_new_edges);

/* The sentence of step `step` (white space collapsed), or NULL when the
 * article has none, or when the analysis was read back from its JSON,
 * which holds the mentions' texts but not the sentences'. */
char *pv_story_get_sentence (const PvStory *story, guint step);

/* Fills the masks that make pv_draw_graph draw step `step`: arrays of
 * the analysis's length of nodes (node_hidden, node_alpha) and of edges
 * (edge_hidden, edge_alpha), any of them NULL.  What later steps bring is
 * hidden; what this step brings has the alpha `progress` (0 … 1, its
 * fade in), the rest 1. */
void pv_story_get_masks (const PvStory *story, guint step, double progress, gboolean *node_hidden,
                         gboolean *edge_hidden, double *node_alpha, double *edge_alpha);

/* How a frame looks: the graph above, the step's sentence large below
 * it, right-aligned and wrapped for a right-to-left article, and a small
 * step counter ("۳ / ۱۱") in the top corner at the end of the lines. */
typedef struct
{
  /* labels, palette (dark, high_contrast), hidden types, minimum edge
   * weight, font; font_size 0: 28 pixels at a height of 1080, in
   * proportion at others.  Its scale, offsets, masks and label ranks are
   * the story's own. */
  PvDrawOptions draw;
  double sentence_size; /* the sentence's font size; 0: 36 at 1080 (in
                         * proportion), smaller when the longest sentence
                         * needs it, down to half that */
  gboolean sentence;    /* draw the sentence (default TRUE) */
  gboolean counter;     /* draw the step counter (default TRUE) */
} PvStoryOptions;

/* Defaults: dark and high contrast, Persian labels, sizes from the
 * frame, the sentence and the counter drawn. */
void pv_story_options_init (PvStoryOptions *options);

/* Draws step `step` onto `cr` in the box (0, 0)-(width, height) of its
 * user space, the background included; `progress` (0 … 1) fades in what
 * the step brings (1: all of it shown).  The graph keeps its place and
 * size at every step and progress (it is fitted once per size and
 * options, leaving room for the longest sentence); the layout must not
 * change while the story draws it. */
void pv_story_render_frame (PvStory *story, cairo_t *cr, const PvLayout *layout,
                            const PvStoryOptions *options, double width, double height, guint step,
                            double progress);

/* The graph's draw options at `step` for a frame of width × height
 * (scale and offsets as pv_story_render_frame draws it, masks excluded),
 * for hit tests and tests. */
void pv_story_get_draw_options (PvStory *story, cairo_t *cr, const PvLayout *layout,
                                const PvStoryOptions *options, double width, double height,
                                PvDrawOptions *draw);

/* Writes one PNG of width × height pixels per step into `dir` (made when
 * missing): frame-001.png, frame-002.png, … (more digits past 999), each
 * drawn by pv_story_render_frame at its full progress, each file whole
 * or not at all (written beside itself, synced, renamed).  `layout`:
 * settled, of the whole graph.  `options` may be NULL (defaults).
 * Errors are PV_EXPORT_ERROR's: FORMAT for a size outside 1 … 32767,
 * WRITE when the folder or a file could not be written (the message names
 * it); frames written before a failure stay. */
gboolean pv_story_export_frames (const PvAnalysis *analysis, const PvLayout *layout,
                                 const char *dir, int width, int height,
                                 const PvStoryOptions *options, GError **error);

/* The name of step `step`'s frame among `n_steps` ("frame-001.png"). */
char *pv_story_frame_name (guint step, guint n_steps);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PvStory, pv_story_free)

G_END_DECLS
