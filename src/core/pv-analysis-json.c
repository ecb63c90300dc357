/* pv-analysis-json.c
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "peyvand-json"

#include "config.h"

#include <cjson/cJSON.h>

#include "pv-analysis-json.h"

static cJSON *
add_string_or_null (cJSON *object, const char *name, const char *value)
{
  return value != NULL ? cJSON_AddStringToObject (object, name, value)
                       : cJSON_AddNullToObject (object, name);
}

static char *
slice_text (const PvDocument *document, gsize start, gsize end)
{
  return g_ucs4_to_utf8 (document->chars + start, end - start, NULL, NULL, NULL);
}

static cJSON *
document_to_json (const PvAnalysis *analysis)
{
  const PvDocument *document = analysis->document;
  cJSON *object = cJSON_CreateObject ();

  cJSON_AddStringToObject (object, "source", document->source != NULL ? document->source : "-");
  add_string_or_null (object, "title", analysis->title);
  cJSON_AddStringToObject (object, "language", analysis->language);
  cJSON_AddStringToObject (object, "direction", analysis->rtl ? "rtl" : "ltr");
  cJSON_AddNumberToObject (object, "length", (double)document->length);
  cJSON_AddStringToObject (object, "encoding", document->encoding);
  add_string_or_null (object, "date", analysis->date);
  /* additive to peyvand/analysis/1: where page furniture begins */
  cJSON_AddNumberToObject (object, "body_end", (double)analysis->body_end);
  return object;
}

static cJSON *
node_to_json (const PvAnalysis *analysis, const PvNode *node)
{
  cJSON *object = cJSON_CreateObject ();
  cJSON *mentions;

  cJSON_AddStringToObject (object, "id", node->id);
  cJSON_AddStringToObject (object, "type", pv_entity_type_to_string (node->type));
  cJSON_AddStringToObject (object, "label", node->label);
  if (node->label_en != NULL)
    cJSON_AddStringToObject (object, "label_en", node->label_en);
  if (node->country != NULL)
    cJSON_AddStringToObject (object, "country", node->country);
  cJSON_AddNumberToObject (object, "count", node->mentions->len);

  mentions = cJSON_AddArrayToObject (object, "mentions");
  for (guint i = 0; i < node->mentions->len; i++)
    {
      const PvMention *mention = &g_array_index (node->mentions, PvMention, i);
      cJSON *item = cJSON_CreateObject ();
      g_autofree char *text = slice_text (analysis->document, mention->start, mention->end);

      cJSON_AddNumberToObject (item, "start", (double)mention->start);
      cJSON_AddNumberToObject (item, "end", (double)mention->end);
      cJSON_AddNumberToObject (item, "sentence", mention->sentence);
      cJSON_AddStringToObject (item, "text", text);
      cJSON_AddItemToArray (mentions, item);
    }
  return object;
}

static cJSON *
edge_to_json (const PvAnalysis *analysis, const PvEdge *edge)
{
  cJSON *object = cJSON_CreateObject ();
  cJSON *sentences;
  const PvNode *source = g_ptr_array_index (analysis->nodes, edge->source);
  const PvNode *target = g_ptr_array_index (analysis->nodes, edge->target);

  cJSON_AddStringToObject (object, "source", source->id);
  cJSON_AddStringToObject (object, "target", target->id);
  cJSON_AddStringToObject (object, "kind", pv_edge_kind_to_string (edge->kind));
  cJSON_AddNumberToObject (object, "weight", edge->weight);
  sentences = cJSON_AddArrayToObject (object, "sentences");
  for (guint i = 0; i < edge->sentences->len; i++)
    cJSON_AddItemToArray (sentences,
                          cJSON_CreateNumber (g_array_index (edge->sentences, guint, i)));
  return object;
}

char *
pv_analysis_to_json (const PvAnalysis *analysis)
{
  cJSON *root, *sentences, *nodes, *edges;
  char *printed, *result;

  g_return_val_if_fail (analysis != NULL, NULL);

  root = cJSON_CreateObject ();
  cJSON_AddStringToObject (root, "schema", PV_ANALYSIS_SCHEMA);
  cJSON_AddItemToObject (root, "document", document_to_json (analysis));

  sentences = cJSON_AddArrayToObject (root, "sentences");
  for (guint i = 0; i < analysis->sentences->len; i++)
    {
      const PvSpan *span = &g_array_index (analysis->sentences, PvSpan, i);
      cJSON *item = cJSON_CreateObject ();

      cJSON_AddNumberToObject (item, "start", (double)span->start);
      cJSON_AddNumberToObject (item, "end", (double)span->end);
      cJSON_AddItemToArray (sentences, item);
    }

  nodes = cJSON_AddArrayToObject (root, "nodes");
  for (guint i = 0; i < analysis->nodes->len; i++)
    cJSON_AddItemToArray (nodes, node_to_json (analysis, g_ptr_array_index (analysis->nodes, i)));

  edges = cJSON_AddArrayToObject (root, "edges");
  for (guint i = 0; i < analysis->edges->len; i++)
    cJSON_AddItemToArray (edges, edge_to_json (analysis, g_ptr_array_index (analysis->edges, i)));

  printed = cJSON_Print (root);
  cJSON_Delete (root);
  if (printed == NULL)
    g_error ("out of memory while writing JSON");
  /* cJSON allocates with malloc; hand out GLib memory */
  result = g_strconcat (printed, "\n", NULL);
  cJSON_free (printed);
  return result;
}
