/* pv-analysis.c
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "peyvand-analysis"

#include "config.h"

#include <string.h>

#include "pv-analysis.h"
#include "pv-entities.h"
#include "pv-normalize.h"
#include "pv-recognize.h"
#include "pv-relations.h"
#include "pv-text.h"

/* A first line this short without a full stop is taken for a headline. */
#define TITLE_MAX_WORDS 20

static gboolean
is_arabic_script (gunichar ch)
{
  return (ch >= 0x0600 && ch <= 0x06FF) || (ch >= 0x0750 && ch <= 0x077F) ||
         (ch >= 0xFB50 && ch <= 0xFDFF) || (ch >= 0xFE70 && ch <= 0xFEFF);
}

static void
detect_language (PvAnalysis *analysis)
{
  const PvDocument *document = analysis->document;
  gsize arabic = 0, latin = 0;
  gsize i = 0;

  while (i < analysis->body_end)
    {
      /* in blocks, after each of which the count may already be decided:
       * the characters left cannot make up the difference */
      gsize block_end = MIN (analysis->body_end, i + 256);

      for (; i < block_end; i++)
        {
          gunichar ch = document->chars[i];

          if (ch - 0x0600 < 0x100) /* the Arabic block first: most letters of the text */
            arabic++;
          else if (ch < 0x80) /* no call for ASCII */
            latin += g_ascii_isalpha ((char)ch);
          else if (is_arabic_script (ch))
            arabic++;
          else if (ch < 0x250 && g_unichar_isalpha (ch))
            latin++;
        }
      if (arabic >= latin + (analysis->body_end - i) || latin > arabic + (analysis->body_end - i))
        break;
    }
  analysis->rtl = arabic >= latin;
  analysis->language = analysis->rtl ? "fa" : "en";
}

static char *
title_from_first_line (const PvDocument *document)
{
  const char *text = document->text;
  const char *end;
  g_autofree char *line = NULL;
  guint words = 0;
  gboolean in_word = FALSE;

  while (*text != '\0' && g_unichar_isspace (g_utf8_get_char (text)))
    text = g_utf8_next_char (text);
  end = strchr (text, '\n');
  line = g_strstrip (g_strndup (text, end != NULL ? (gsize)(end - text) : strlen (text)));
  if (*line == '\0' || end == NULL)
    return NULL;

  for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p))
    {
      gboolean word_char = g_unichar_isalnum (g_utf8_get_char (p));

      words += word_char && !in_word;
      in_word = word_char;
    }
  if (words == 0 || words > TITLE_MAX_WORDS)
    return NULL;
  if (strchr (".!?:", line[strlen (line) - 1]) != NULL || g_str_has_suffix (line, "؟"))
    return NULL;
  return g_steal_pointer (&line);
}

static guint
node_count (const PvNode *node)
{
  return node->mentions->len;
}

int
pv_node_compare (gconstpointer a, gconstpointer b)
{
  const PvNode *x = *(PvNode *const *)a, *y = *(PvNode *const *)b;

  if (node_count (x) != node_count (y))
    return node_count (x) > node_count (y) ? -1 : 1;
  return strcmp (x->id, y->id);
}

static int
compare_edges (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const PvEdge *x = *(PvEdge *const *)a, *y = *(PvEdge *const *)b;
  const PvAnalysis *analysis = user_data;
  const PvNode *xs = g_ptr_array_index (analysis->nodes, x->source);
  const PvNode *ys = g_ptr_array_index (analysis->nodes, y->source);
  const PvNode *xt = g_ptr_array_index (analysis->nodes, x->target);
  const PvNode *yt = g_ptr_array_index (analysis->nodes, y->target);
  int order;

  if (x->weight != y->weight)
    return x->weight > y->weight ? -1 : 1;
  order = strcmp (xs->id, ys->id);
  return order != 0 ? order : strcmp (xt->id, yt->id);
}

typedef struct
{
  PvNode *node;
  guint index;
} NodeAt;

static int
compare_nodes_at (gconstpointer a, gconstpointer b, gpointer user_data)
{
  return pv_node_compare (&((const NodeAt *)a)->node, &((const NodeAt *)b)->node);
}

/* Nodes in a stable order (most mentioned first), edges renumbered to it. */
static void
order_graph (PvAnalysis *analysis, PvEntitySet *set, GPtrArray *edges)
{
  guint n = set->entities->len;
  g_autofree guint *new_index = g_new (guint, n + 1);
  g_autofree NodeAt *order = g_new (NodeAt, n + 1);

  analysis->nodes = g_steal_pointer (&set->entities);
  set->entities = g_ptr_array_new ();

  /* sorted with their old indexes, then put back in that order */
  for (guint i = 0; i < n; i++)
    {
      order[i].node = g_ptr_array_index (analysis->nodes, i);
      order[i].index = i;
    }
  g_qsort_with_data (order, (gint)n, sizeof (NodeAt), compare_nodes_at, NULL);
  for (guint i = 0; i < n; i++)
    {
      analysis->nodes->pdata[i] = order[i].node;
      new_index[order[i].index] = i;
    }

  for (guint i = 0; i < edges->len; i++)
    {
      PvEdge *edge = g_ptr_array_index (edges, i);

      edge->source = new_index[edge->source];
      edge->target = new_index[edge->target];
    }
  analysis->edges = g_ptr_array_ref (edges);
  pv_analysis_sort_edges (analysis);
}

void
pv_analysis_sort_edges (PvAnalysis *analysis)
{
  g_return_if_fail (analysis != NULL);

  g_ptr_array_sort_with_data (analysis->edges, compare_edges, analysis);
}

PvAnalysis *
pv_analyze (PvDocument *document, PvKnowledge *knowledge, const PvAnalyzeOptions *options)
{
  g_autoptr (PvNormalized) normalized = NULL;
  g_autoptr (PvSegmentation) segmentation = NULL;
  g_autoptr (PvRecognition) recognition = NULL;
  g_autoptr (PvEntitySet) set = NULL;
  g_autoptr (GPtrArray) edges = NULL;
  PvAnalysis *analysis;

  g_return_val_if_fail (document != NULL, NULL);
  g_return_val_if_fail (knowledge != NULL, NULL);

  analysis = g_new0 (PvAnalysis, 1);
  analysis->document = document;
  analysis->date =
      g_strdup (options != NULL && options->date != NULL ? options->date : document->date);
  analysis->title =
      document->title != NULL ? g_strdup (document->title) : title_from_first_line (document);

  normalized = pv_normalize (document->chars, document->length);
  segmentation = pv_segment (document->chars, document->length, normalized);
  analysis->body_end = segmentation->body_end;
  analysis->sentences = g_array_ref (segmentation->sentences);
  detect_language (analysis);

  recognition = pv_recognize (knowledge, document->chars, normalized, segmentation);
  set = pv_resolve_entities (knowledge, document->chars, segmentation, recognition, analysis->date);
  edges = pv_relate (set);
  order_graph (analysis, set, edges);
  return analysis;
}

int
pv_analysis_find_node (const PvAnalysis *analysis, const char *id)
{
  g_return_val_if_fail (analysis != NULL, -1);

  for (guint i = 0; i < analysis->nodes->len; i++)
    if (g_strcmp0 (((PvNode *)g_ptr_array_index (analysis->nodes, i))->id, id) == 0)
      return i;
  return -1;
}

int
pv_analysis_node_at (const PvAnalysis *analysis, gsize offset)
{
  int best = -1;
  gsize best_length = G_MAXSIZE;

  g_return_val_if_fail (analysis != NULL, -1);

  /* The innermost mention wins: «روسیه» inside «رئیس جمهور روسیه» is Russia. */
  for (guint i = 0; i < analysis->nodes->len; i++)
    {
      const PvNode *node = g_ptr_array_index (analysis->nodes, i);

      for (guint m = 0; m < node->mentions->len; m++)
        {
          const PvMention *mention = &g_array_index (node->mentions, PvMention, m);

          if (mention->start > offset)
            break;
          if (offset < mention->end && mention->end - mention->start < best_length)
            {
              best = i;
              best_length = mention->end - mention->start;
            }
        }
    }
  return best;
}

void
pv_analysis_free (PvAnalysis *analysis)
{
  if (analysis == NULL)
    return;
  pv_document_free (analysis->document);
  g_free (analysis->title);
  g_free (analysis->date);
  g_clear_pointer (&analysis->sentences, g_array_unref);
  g_clear_pointer (&analysis->nodes, g_ptr_array_unref);
  g_clear_pointer (&analysis->edges, g_ptr_array_unref);
  g_free (analysis);
}
