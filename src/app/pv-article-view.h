/* pv-article-view.h: the article's text, with its entity mentions highlighted
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pv-analysis.h"

G_BEGIN_DECLS

#define PV_TYPE_ARTICLE_VIEW (pv_article_view_get_type ())

G_DECLARE_FINAL_TYPE (PvArticleView, pv_article_view, PV, ARTICLE_VIEW, GtkWidget)

/* Names of the tags in the buffer's tag table. */
#define PV_ARTICLE_VIEW_FURNITURE_TAG "furniture"
#define PV_ARTICLE_VIEW_SELECTION_TAG "selected-mention"
#define PV_ARTICLE_VIEW_CURRENT_TAG "current-mention"
#define PV_ARTICLE_VIEW_SENTENCE_TAG "shown-sentence"

/* The text size, in points. */
#define PV_ARTICLE_VIEW_DEFAULT_FONT_SIZE 14.0
#define PV_ARTICLE_VIEW_MIN_FONT_SIZE 8.0
#define PV_ARTICLE_VIEW_MAX_FONT_SIZE 40.0

/* Signals:
 *   "mention-activated" (int node, guint mention)  the user clicked the
 *                                  `mention`-th mention of `node`
 * Properties:
 *   "font-size" (double)           the text size in points
 */

GtkWidget *pv_article_view_new (void);
GtkTextView *pv_article_view_get_text_view (PvArticleView *self);
GtkTextBuffer *pv_article_view_get_buffer (PvArticleView *self);

/* GTK's text view (Pango) breaks a paragraph into lines in time that grows
 * with the square of its longest run of characters without a space: a run
 * of 10,000 takes seconds, a 10 MB line never ends.  No article has words
 * near this long; a text that does is refused with a message instead of
 * freezing the window (peyvand-cli still analyzes it). */
#define PV_ARTICLE_VIEW_MAX_RUN 2000

/* TRUE when `text` can be shown; else sets `error` (G_IO_ERROR_INVALID_DATA)
 * naming `name`, the run's length and its line. */
gboolean pv_article_view_check_text (const char *name, const char *text, gsize length,
                                     GError **error);

/* Shows `text` exactly as given and removes every highlight. */
void pv_article_view_set_text (PvArticleView *self, const char *text, gssize length);

/* Highlights the mentions of every node of `analysis` and dims the page
 * furniture from `analysis->body_end` on; NULL removes the highlights.  The
 * analysis must be of the text shown, and outlive its use here (until the
 * next call).  Returns FALSE (and highlights nothing) when its document's
 * length differs from the buffer's. */
gboolean pv_article_view_set_analysis (PvArticleView *self, const PvAnalysis *analysis);

/* Marks every mention of `node` with the selection tag, and its `mention`-th
 * with the current-mention tag too, scrolling that one into view when
 * `scroll` is set.  -1 selects nothing. */
void pv_article_view_select_node (PvArticleView *self, int node, guint mention, gboolean scroll);
int pv_article_view_get_selected_node (PvArticleView *self);
/* The index of the current mention among the selected node's, or -1. */
int pv_article_view_get_current_mention (PvArticleView *self);
/* Moves to the next (`delta` 1) or previous (-1) mention of the selected
 * node, round the end, and scrolls to it.  FALSE when nothing is selected. */
gboolean pv_article_view_step_mention (PvArticleView *self, int delta);

/* Marks sentence `sentence` (an index into the analysis' sentences) and
 * scrolls to it; -1 removes the mark. */
void pv_article_view_show_sentence (PvArticleView *self, int sentence);
int pv_article_view_get_shown_sentence (PvArticleView *self);

/* What a click on the character at `offset` does: when a mention covers it,
 * emits "mention-activated" and returns its node; else returns -1. */
int pv_article_view_activate_offset (PvArticleView *self, gsize offset);

double pv_article_view_get_font_size (PvArticleView *self);
void pv_article_view_set_font_size (PvArticleView *self, double points);

/* The tag that highlights mentions of entities of `type`. */
GtkTextTag *pv_article_view_get_entity_tag (PvArticleView *self, PvEntityType type);
GtkTextTag *pv_article_view_get_furniture_tag (PvArticleView *self);
GtkTextTag *pv_article_view_get_selection_tag (PvArticleView *self);
GtkTextTag *pv_article_view_get_current_tag (PvArticleView *self);
GtkTextTag *pv_article_view_get_sentence_tag (PvArticleView *self);

G_END_DECLS
