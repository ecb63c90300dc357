/* pv-analysis.h: the result of analyzing one article, and the pipeline that
 * produces it
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pv-document.h"
#include "pv-knowledge.h"
#include "pv-relations.h"
#include "pv-text.h"

G_BEGIN_DECLS

/* A node of the graph is an entity of the article: id, type, labels, and
 * its mentions in text order. */
typedef PvEntity PvNode;

typedef struct
{
  PvDocument *document; /* owned */
  char *title;          /* the document's, else its first line when that reads as a title */
  char *date;           /* the article date the analysis used, or NULL */
  const char *language; /* "fa" or "en" */
  gboolean rtl;
  gsize body_end;    /* page furniture starts here (== length if none) */
  GArray *sentences; /* PvSpan */
  GPtrArray *nodes;  /* PvNode*, sorted by descending count, then id */
  GPtrArray *edges;  /* PvEdge* between node indexes, by descending weight, then ids */
} PvAnalysis;

typedef struct
{
  const char *date; /* overrides the document's date when not NULL */
} PvAnalyzeOptions;

/* Runs the whole pipeline.  Takes ownership of `document`. */
PvAnalysis *pv_analyze (PvDocument *document, PvKnowledge *knowledge,
                        const PvAnalyzeOptions *options);

/* pv_analyze()'s order, for code that changes an analysis: nodes by
 * descending mention count, then id (a GCompareFunc over PvNode **); edges
 * by descending weight, then source and target id. */
int pv_node_compare (gconstpointer a, gconstpointer b);
void pv_analysis_sort_edges (PvAnalysis *analysis);

/* The node whose mention covers `offset`, or -1. */
int pv_analysis_node_at (const PvAnalysis *analysis, gsize offset);
int pv_analysis_find_node (const PvAnalysis *analysis, const char *id);

void pv_analysis_free (PvAnalysis *analysis);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PvAnalysis, pv_analysis_free)

G_END_DECLS
