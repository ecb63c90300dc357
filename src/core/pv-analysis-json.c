/* pv-analysis-json.c
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "peyvand-json"

#include "config.h"

#include <math.h>

#include <cjson/cJSON.h>

#include <gio/gio.h>

#include "pv-analysis-json.h"
#include "pv-entities.h"

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

/* A real number written with the fewest digits (15 to 17) that read back
 * as exactly `value` (cJSON's own printer settles for 15 digits that come
 * close); null when it is not finite. */
static cJSON *
add_real (cJSON *object, const char *name, double value)
{
  static const char *const formats[] = { "%.15g", "%.16g", "%.17g" };
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    return cJSON_AddNullToObject (object, name);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buffer, sizeof buffer, formats[i], value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  return cJSON_AddRawToObject (object, name, buffer);
}

/* Additive to peyvand/analysis/1: a node's metrics (pv-metrics.h). */
static cJSON *
node_metrics_to_json (const PvNodeMetrics *metrics)
{
  cJSON *object = cJSON_CreateObject ();

  cJSON_AddNumberToObject (object, "degree", metrics->degree);
  add_real (object, "weighted_degree", metrics->weighted_degree);
  add_real (object, "pagerank", metrics->pagerank);
  add_real (object, "betweenness", metrics->betweenness);
  cJSON_AddNumberToObject (object, "community", metrics->community);
  return object;
}

static cJSON *
node_to_json (const PvAnalysis *analysis, const PvNode *node, const PvNodeMetrics *metrics)
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
  if (metrics != NULL)
    cJSON_AddItemToObject (object, "metrics", node_metrics_to_json (metrics));
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
  return pv_analysis_to_json_with_metrics (analysis, NULL);
}

char *
pv_analysis_to_json_with_metrics (const PvAnalysis *analysis, const PvMetrics *metrics)
{
  cJSON *root, *sentences, *nodes, *edges;
  char *printed, *result;

  g_return_val_if_fail (analysis != NULL, NULL);
  g_return_val_if_fail (metrics == NULL || metrics->n_nodes == analysis->nodes->len, NULL);

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
    cJSON_AddItemToArray (nodes, node_to_json (analysis, g_ptr_array_index (analysis->nodes, i),
                                               metrics != NULL ? &metrics->nodes[i] : NULL));

  edges = cJSON_AddArrayToObject (root, "edges");
  for (guint i = 0; i < analysis->edges->len; i++)
    cJSON_AddItemToArray (edges, edge_to_json (analysis, g_ptr_array_index (analysis->edges, i)));

  if (metrics != NULL)
    {
      /* additive to peyvand/analysis/1: the graph's communities */
      cJSON *object = cJSON_AddObjectToObject (root, "metrics");

      cJSON_AddNumberToObject (object, "communities", metrics->n_communities);
      add_real (object, "modularity", metrics->modularity);
    }

  printed = cJSON_Print (root);
  cJSON_Delete (root);
  if (printed == NULL)
    g_error ("out of memory while writing JSON");
  /* cJSON allocates with malloc; hand out GLib memory */
  result = g_strconcat (printed, "\n", NULL);
  cJSON_free (printed);
  return result;
}

/* Reading */

/* An analysis JSON holds offsets, not the text; a document this long is
 * rebuilt from the mentions' texts, blanks between them. */
#define MAX_DOCUMENT_LENGTH (512u * 1024 * 1024)

G_GNUC_PRINTF (3, 4)
static gboolean
fail (GError **error, const char *source, const char *format, ...)
{
  va_list args;
  g_autofree char *reason = NULL;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: %s", source, reason);
  return FALSE;
}

static const char *
string_member (const cJSON *object, const char *name)
{
  const cJSON *item = cJSON_GetObjectItemCaseSensitive (object, name);

  return cJSON_IsString (item) ? item->valuestring : NULL;
}

/* A whole number in [0, limit], or FALSE. */
static gboolean
offset_member (const cJSON *object, const char *name, gsize limit, gsize *value)
{
  const cJSON *item = cJSON_GetObjectItemCaseSensitive (object, name);

  if (!cJSON_IsNumber (item) || item->valuedouble < 0 || item->valuedouble > (double)limit ||
      item->valuedouble != (double)(gsize)item->valuedouble)
    return FALSE;
  *value = (gsize)item->valuedouble;
  return TRUE;
}

static PvDocument *
document_from_json (const char *source, const cJSON *object, GError **error)
{
  PvDocument *document;
  gsize length = 0;

  if (!cJSON_IsObject (object) || !offset_member (object, "length", MAX_DOCUMENT_LENGTH, &length))
    {
      fail (error, source, "the \"document\" has no valid \"length\"");
      return NULL;
    }

  document = g_new0 (PvDocument, 1);
  document->source = g_strdup (string_member (object, "source"));
  document->title = g_strdup (string_member (object, "title"));
  document->date =
      pv_parse_date (string_member (object, "date") != NULL ? string_member (object, "date") : "");
  document->encoding = "UTF-8";
  document->format = PV_DOCUMENT_FORMAT_JSON;
  document->length = length;
  document->chars = g_new (gunichar, length + 1);
  for (gsize i = 0; i < length; i++)
    document->chars[i] = ' ';
  document->chars[length] = 0;
  return document;
}

static gboolean
sentences_from_json (const char *source, const cJSON *array, gsize length, GArray *sentences,
                     GError **error)
{
  const cJSON *item;

  if (!cJSON_IsArray (array))
    return fail (error, source, "\"sentences\" is not a list");
  cJSON_ArrayForEach (item, array)
  {
    PvSpan span;

    if (!offset_member (item, "start", length, &span.start) ||
        !offset_member (item, "end", length, &span.end) || span.end < span.start)
      return fail (error, source, "sentence %u has no valid start and end", sentences->len);
    g_array_append_val (sentences, span);
  }
  return TRUE;
}

static gboolean
node_from_json (const char *source, const cJSON *item, PvDocument *document, guint n_sentences,
                GPtrArray *nodes, GHashTable *ids, GError **error)
{
  const char *id = string_member (item, "id");
  const char *label = string_member (item, "label");
  const cJSON *mention_item;
  PvEntityType type;
  PvEntity *node;

  if (id == NULL || label == NULL)
    return fail (error, source, "node %u has no \"id\" or \"label\"", nodes->len);
  if (!pv_entity_type_from_string (string_member (item, "type"), &type))
    return fail (error, source, "node \"%s\" has an unknown type", id);
  if (g_hash_table_contains (ids, id))
    return fail (error, source, "node \"%s\" appears twice", id);

  node = g_new0 (PvEntity, 1);
  node->id = g_strdup (id);
  node->type = type;
  node->label = g_strdup (label);
  node->label_en = g_strdup (string_member (item, "label_en"));
  node->country = g_strdup (string_member (item, "country"));
  node->mentions = g_array_new (FALSE, FALSE, sizeof (PvMention));
  g_ptr_array_add (nodes, node);
  g_hash_table_insert (ids, node->id, GUINT_TO_POINTER (nodes->len));

  cJSON_ArrayForEach (mention_item, cJSON_GetObjectItemCaseSensitive (item, "mentions"))
  {
    PvMention mention;
    gsize sentence = 0;
    const char *text = string_member (mention_item, "text");

    if (!offset_member (mention_item, "start", document->length, &mention.start) ||
        !offset_member (mention_item, "end", document->length, &mention.end) ||
        mention.end < mention.start ||
        !offset_member (mention_item, "sentence", n_sentences > 0 ? n_sentences - 1 : 0,
                        &sentence) ||
        n_sentences == 0)
      return fail (error, source, "node \"%s\" has a mention without valid offsets", id);
    mention.sentence = sentence;
    g_array_append_val (node->mentions, mention);

    /* put the mention's own text back where it stood */
    if (text != NULL && g_utf8_validate (text, -1, NULL) &&
        (gsize)g_utf8_strlen (text, -1) == mention.end - mention.start)
      {
        gsize i = mention.start;

        for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
          document->chars[i++] = g_utf8_get_char (p);
      }
  }
  return TRUE;
}

/* The node index + 1 of `id`, or 0. */
static gpointer
lookup_node (GHashTable *ids, const char *id)
{
  return id != NULL ? g_hash_table_lookup (ids, id) : NULL;
}

static gboolean
edge_from_json (const char *source, const cJSON *item, GHashTable *ids, guint n_sentences,
                GPtrArray *edges, GError **error)
{
  guint source_index = GPOINTER_TO_UINT (lookup_node (ids, string_member (item, "source")));
  guint target_index = GPOINTER_TO_UINT (lookup_node (ids, string_member (item, "target")));
  const cJSON *sentence_item;
  gsize weight = 0;
  PvEdgeKind kind;
  PvEdge *edge;

  if (source_index == 0 || target_index == 0 || source_index == target_index)
    return fail (error, source, "edge %u does not join two known nodes", edges->len);
  if (!pv_edge_kind_from_string (string_member (item, "kind"), &kind))
    return fail (error, source, "edge %u has an unknown kind", edges->len);
  if (!offset_member (item, "weight", G_MAXUINT, &weight))
    return fail (error, source, "edge %u has no valid weight", edges->len);

  edge = g_new0 (PvEdge, 1);
  edge->source = source_index - 1;
  edge->target = target_index - 1;
  edge->kind = kind;
  edge->weight = weight;
  edge->sentences = g_array_new (FALSE, FALSE, sizeof (guint));
  g_ptr_array_add (edges, edge);

  cJSON_ArrayForEach (sentence_item, cJSON_GetObjectItemCaseSensitive (item, "sentences"))
  {
    guint sentence;

    if (!cJSON_IsNumber (sentence_item) || sentence_item->valuedouble < 0 ||
        sentence_item->valuedouble >= n_sentences)
      return fail (error, source, "edge %u names a sentence that does not exist", edges->len - 1);
    sentence = (guint)sentence_item->valuedouble;
    g_array_append_val (edge->sentences, sentence);
  }
  return TRUE;
}

/* A number in [0, limit], or FALSE; a whole one if `whole`. */
static gboolean
number_member (const cJSON *object, const char *name, double limit, gboolean whole, double *value)
{
  const cJSON *item = cJSON_GetObjectItemCaseSensitive (object, name);

  if (!cJSON_IsNumber (item) || !(item->valuedouble >= 0 && item->valuedouble <= limit) ||
      (whole && item->valuedouble != floor (item->valuedouble)))
    return FALSE;
  *value = item->valuedouble;
  return TRUE;
}

/* The metrics written with the analysis (the top-level object, and every
 * node's), or NULL. */
static PvMetrics *
metrics_from_json (const cJSON *root, guint n_nodes)
{
  g_autoptr (PvMetrics) metrics = pv_metrics_new (n_nodes);
  const cJSON *graph = cJSON_GetObjectItemCaseSensitive (root, "metrics");
  const cJSON *modularity = cJSON_GetObjectItemCaseSensitive (graph, "modularity");
  const cJSON *item;
  guint i = 0;

  if (!cJSON_IsObject (graph))
    return NULL;
  cJSON_ArrayForEach (item, cJSON_GetObjectItemCaseSensitive (root, "nodes"))
  {
    const cJSON *object = cJSON_GetObjectItemCaseSensitive (item, "metrics");
    PvNodeMetrics *node = &metrics->nodes[i];
    double degree, community;

    if (i >= n_nodes || !cJSON_IsObject (object) ||
        !number_member (object, "degree", G_MAXUINT, TRUE, &degree) ||
        !number_member (object, "weighted_degree", G_MAXDOUBLE, FALSE, &node->weighted_degree) ||
        !number_member (object, "pagerank", G_MAXDOUBLE, FALSE, &node->pagerank) ||
        !number_member (object, "betweenness", G_MAXDOUBLE, FALSE, &node->betweenness) ||
        !number_member (object, "community", n_nodes - 1, TRUE, &community))
      return NULL;
    node->degree = (guint)degree;
    node->community = (guint)community;
    metrics->n_communities = MAX (metrics->n_communities, node->community + 1);
    i++;
  }
  if (i != n_nodes)
    return NULL;
  metrics->modularity = cJSON_IsNumber (modularity) ? modularity->valuedouble : NAN;
  return g_steal_pointer (&metrics);
}

PvAnalysis *
pv_analysis_from_json (const char *source, const char *json, gsize length, GError **error)
{
  return pv_analysis_from_json_with_metrics (source, json, length, NULL, error);
}

PvAnalysis *
pv_analysis_from_json_with_metrics (const char *source, const char *json, gsize length,
                                    PvMetrics **metrics, GError **error)
{
  g_autoptr (GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (PvAnalysis) analysis = NULL;
  cJSON *root;
  const cJSON *document, *item;
  const char *schema, *language;
  gsize body_end = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (json != NULL, NULL);

  if (metrics != NULL)
    *metrics = NULL;
  if (source == NULL)
    source = "analysis";
  root = cJSON_ParseWithLength (json, length);
  if (root == NULL || !cJSON_IsObject (root))
    {
      cJSON_Delete (root);
      fail (error, source, "not valid JSON");
      return NULL;
    }
  schema = string_member (root, "schema");
  if (g_strcmp0 (schema, PV_ANALYSIS_SCHEMA) != 0)
    {
      fail (error, source, "not a Peyvand analysis (schema \"%s\", expected \"%s\")",
            schema != NULL ? schema : "none", PV_ANALYSIS_SCHEMA);
      cJSON_Delete (root);
      return NULL;
    }

  analysis = g_new0 (PvAnalysis, 1);
  analysis->sentences = g_array_new (FALSE, FALSE, sizeof (PvSpan));
  analysis->nodes = g_ptr_array_new_with_free_func (pv_entity_free);
  analysis->edges = g_ptr_array_new_with_free_func ((GDestroyNotify)pv_edge_free);

  document = cJSON_GetObjectItemCaseSensitive (root, "document");
  analysis->document = document_from_json (source, document, error);
  if (analysis->document == NULL)
    {
      cJSON_Delete (root);
      return NULL;
    }
  analysis->title = g_strdup (string_member (document, "title"));
  analysis->date = g_strdup (analysis->document->date);
  language = string_member (document, "language");
  analysis->language = g_strcmp0 (language, "en") == 0 ? "en" : "fa";
  analysis->rtl = g_strcmp0 (string_member (document, "direction"), "ltr") != 0;
  analysis->body_end = offset_member (document, "body_end", analysis->document->length, &body_end)
                           ? body_end
                           : analysis->document->length;

  ok = sentences_from_json (source, cJSON_GetObjectItemCaseSensitive (root, "sentences"),
                            analysis->document->length, analysis->sentences, error);
  cJSON_ArrayForEach (item, cJSON_GetObjectItemCaseSensitive (root, "nodes"))
  {
    if (!ok)
      break;
    ok = node_from_json (source, item, analysis->document, analysis->sentences->len,
                         analysis->nodes, ids, error);
  }
  cJSON_ArrayForEach (item, cJSON_GetObjectItemCaseSensitive (root, "edges"))
  {
    if (!ok)
      break;
    ok = edge_from_json (source, item, ids, analysis->sentences->len, analysis->edges, error);
  }
  if (ok && metrics != NULL)
    *metrics = metrics_from_json (root, analysis->nodes->len);
  cJSON_Delete (root);
  if (!ok)
    return NULL;

  {
    glong text_bytes = 0;

    analysis->document->text = g_ucs4_to_utf8 (analysis->document->chars,
                                               analysis->document->length, NULL, &text_bytes, NULL);
    analysis->document->text_bytes = text_bytes;
  }
  return g_steal_pointer (&analysis);
}
