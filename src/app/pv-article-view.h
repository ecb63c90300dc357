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

GtkWidget *pv_article_view_new (void);
GtkTextView *pv_article_view_get_text_view (PvArticleView *self);
GtkTextBuffer *pv_article_view_get_buffer (PvArticleView *self);

/* Shows `text` exactly as given and removes every highlight. */
void pv_article_view_set_text (PvArticleView *self, const char *text, gssize length);

/* Highlights the mentions of every node of `analysis` and dims the page
 * furniture from `analysis->body_end` on; NULL removes the highlights.  The
 * analysis must be of the text shown.  Returns FALSE (and highlights
 * nothing) when its document's length differs from the buffer's. */
gboolean pv_article_view_set_analysis (PvArticleView *self, const PvAnalysis *analysis);

/* The tag that highlights mentions of entities of `type`. */
GtkTextTag *pv_article_view_get_entity_tag (PvArticleView *self, PvEntityType type);
GtkTextTag *pv_article_view_get_furniture_tag (PvArticleView *self);

G_END_DECLS
