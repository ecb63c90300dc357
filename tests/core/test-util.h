/* test-util.h: helpers shared by the core tests
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include "pv-analysis.h"
#include "pv-knowledge.h"

static inline PvKnowledge *
test_knowledge (void)
{
  static PvKnowledge *knowledge;

  if (knowledge == NULL)
    knowledge = pv_knowledge_new_builtin ();
  return knowledge;
}

static inline PvAnalysis *
test_analyze (const char *text, const char *date)
{
  PvAnalyzeOptions options = { date };

  return pv_analyze (pv_document_new_from_text ("test", text, -1), test_knowledge (), &options);
}

static inline const PvNode *
test_node (const PvAnalysis *analysis, const char *id)
{
  int index = pv_analysis_find_node (analysis, id);

  return index >= 0 ? g_ptr_array_index (analysis->nodes, index) : NULL;
}

static inline char *
test_slice (const PvAnalysis *analysis, gsize start, gsize end)
{
  return g_ucs4_to_utf8 (analysis->document->chars + start, end - start, NULL, NULL, NULL);
}

/* The surface text of every mention of `id`, joined with '|'. */
static inline char *
test_mentions (const PvAnalysis *analysis, const char *id)
{
  const PvNode *node = test_node (analysis, id);
  GString *out = g_string_new (NULL);

  if (node == NULL)
    return g_string_free (out, FALSE);
  for (guint i = 0; i < node->mentions->len; i++)
    {
      const PvMention *mention = &g_array_index (node->mentions, PvMention, i);
      g_autofree char *text = test_slice (analysis, mention->start, mention->end);

      if (i > 0)
        g_string_append_c (out, '|');
      g_string_append (out, text);
    }
  return g_string_free (out, FALSE);
}

static inline const PvEdge *
test_edge (const PvAnalysis *analysis, const char *a, const char *b)
{
  int x = pv_analysis_find_node (analysis, a), y = pv_analysis_find_node (analysis, b);

  for (guint i = 0; x >= 0 && y >= 0 && i < analysis->edges->len; i++)
    {
      const PvEdge *edge = g_ptr_array_index (analysis->edges, i);

      if ((edge->source == (guint)x && edge->target == (guint)y) ||
          (edge->source == (guint)y && edge->target == (guint)x))
        return edge;
    }
  return NULL;
}

static inline guint
test_count_type (const PvAnalysis *analysis, PvEntityType type)
{
  guint n = 0;

  for (guint i = 0; i < analysis->nodes->len; i++)
    n += ((const PvNode *)g_ptr_array_index (analysis->nodes, i))->type == type;
  return n;
}
