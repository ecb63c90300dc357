/* test-analysis-json.c
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cjson/cJSON.h>

#include "pv-analysis-json.h"
#include "test-util.h"

static const char text[] = "ولادیمیر پوتین رئیس جمهور روسیه با همتای \"ترک\" خود گفت و گو کرد.\n"
                           "مسکو و تهران توافق کردند.\n";

static void
test_schema_fields (void)
{
  g_autoptr (PvAnalysis) analysis = test_analyze (text, "2020-02-29");
  g_autofree char *json = pv_analysis_to_json (analysis);
  cJSON *root = cJSON_Parse (json);
  const cJSON *document, *nodes, *node, *edges, *edge, *sentences;

  g_assert_nonnull (root);
  g_assert_cmpstr (cJSON_GetObjectItem (root, "schema")->valuestring, ==, "peyvand/analysis/1");

  document = cJSON_GetObjectItem (root, "document");
  g_assert_cmpstr (cJSON_GetObjectItem (document, "language")->valuestring, ==, "fa");
  g_assert_cmpstr (cJSON_GetObjectItem (document, "direction")->valuestring, ==, "rtl");
  g_assert_cmpstr (cJSON_GetObjectItem (document, "encoding")->valuestring, ==, "UTF-8");
  g_assert_cmpstr (cJSON_GetObjectItem (document, "date")->valuestring, ==, "2020-02-29");
  g_assert_cmpint (cJSON_GetObjectItem (document, "length")->valueint, ==,
                   g_utf8_strlen (text, -1));

  sentences = cJSON_GetObjectItem (root, "sentences");
  g_assert_cmpint (cJSON_GetArraySize (sentences), ==, 2);

  nodes = cJSON_GetObjectItem (root, "nodes");
  g_assert_cmpint (cJSON_GetArraySize (nodes), ==, analysis->nodes->len);
  cJSON_ArrayForEach (node, nodes)
  {
    const cJSON *mention;
    const char *type = cJSON_GetObjectItem (node, "type")->valuestring;
    PvEntityType parsed;

    g_assert_true (pv_entity_type_from_string (type, &parsed));
    g_assert_cmpint (cJSON_GetObjectItem (node, "count")->valueint, ==,
                     cJSON_GetArraySize (cJSON_GetObjectItem (node, "mentions")));
    cJSON_ArrayForEach (mention, cJSON_GetObjectItem (node, "mentions"))
    {
      int start = cJSON_GetObjectItem (mention, "start")->valueint;
      int end = cJSON_GetObjectItem (mention, "end")->valueint;
      int sentence = cJSON_GetObjectItem (mention, "sentence")->valueint;
      const cJSON *span = cJSON_GetArrayItem (sentences, sentence);
      g_autofree char *slice = test_slice (analysis, start, end);

      g_assert_cmpstr (slice, ==, cJSON_GetObjectItem (mention, "text")->valuestring);
      g_assert_cmpint (start, >=, cJSON_GetObjectItem (span, "start")->valueint);
      g_assert_cmpint (end, <=, cJSON_GetObjectItem (span, "end")->valueint);
    }
  }

  edges = cJSON_GetObjectItem (root, "edges");
  g_assert_cmpint (cJSON_GetArraySize (edges), ==, analysis->edges->len);
  cJSON_ArrayForEach (edge, edges)
  {
    PvEdgeKind kind;

    g_assert_true (
        pv_edge_kind_from_string (cJSON_GetObjectItem (edge, "kind")->valuestring, &kind));
    g_assert_cmpint (cJSON_GetObjectItem (edge, "weight")->valueint, ==,
                     cJSON_GetArraySize (cJSON_GetObjectItem (edge, "sentences")));
    g_assert_cmpint (
        pv_analysis_find_node (analysis, cJSON_GetObjectItem (edge, "source")->valuestring), >=, 0);
  }
  cJSON_Delete (root);
}

static void
test_node_at_prefers_innermost (void)
{
  g_autoptr (PvAnalysis) analysis = test_analyze (text, NULL);
  gsize russia = g_utf8_pointer_to_offset (text, strstr (text, "روسیه"));
  gsize role = g_utf8_pointer_to_offset (text, strstr (text, "رئیس"));
  int at_russia = pv_analysis_node_at (analysis, russia + 1);
  int at_role = pv_analysis_node_at (analysis, role);

  g_assert_cmpint (at_russia, >=, 0);
  g_assert_cmpstr (((PvNode *)g_ptr_array_index (analysis->nodes, at_russia))->id, ==,
                   "country:RU");
  g_assert_cmpint (at_role, >=, 0);
  g_assert_cmpstr (((PvNode *)g_ptr_array_index (analysis->nodes, at_role))->id, ==,
                   "person:vladimir-putin");
  g_assert_cmpint (pv_analysis_node_at (analysis, 0 + g_utf8_strlen (text, -1) - 2), ==, -1);
}

static void
test_escaping (void)
{
  g_autoptr (PvAnalysis) analysis = NULL;
  g_autofree char *json = NULL;
  cJSON *root;
  PvDocument *document = pv_document_new_from_text ("a \"quoted\"\\path\n.txt", text, -1);
  PvAnalyzeOptions options = { NULL };

  analysis = pv_analyze (document, test_knowledge (), &options);
  json = pv_analysis_to_json (analysis);
  root = cJSON_Parse (json);
  g_assert_nonnull (root);
  g_assert_cmpstr (
      cJSON_GetObjectItem (cJSON_GetObjectItem (root, "document"), "source")->valuestring, ==,
      "a \"quoted\"\\path\n.txt");
  cJSON_Delete (root);
}

/* What analyze writes, export reads back: the same JSON again. */
static void
test_round_trip (void)
{
  g_autoptr (PvAnalysis) analysis = test_analyze (text, "2020-02-29");
  g_autofree char *json = pv_analysis_to_json (analysis);
  g_autoptr (GError) error = NULL;
  g_autoptr (PvAnalysis) read = NULL;
  g_autofree char *again = NULL;

  read = pv_analysis_from_json ("a.json", json, strlen (json), &error);
  g_assert_no_error (error);
  g_assert_nonnull (read);
  g_assert_cmpuint (read->nodes->len, ==, analysis->nodes->len);
  g_assert_cmpuint (read->edges->len, ==, analysis->edges->len);
  g_assert_cmpstr (read->date, ==, "2020-02-29");
  again = pv_analysis_to_json (read);
  /* the source is the one recorded, so the texts are identical */
  g_assert_cmpstr (again, ==, json);
}

static void
assert_rejected (const char *json, const char *reason)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PvAnalysis) read = pv_analysis_from_json ("bad.json", json, strlen (json), &error);

  g_assert_null (read);
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "bad.json: "));
  if (strstr (error->message, reason) == NULL)
    g_error ("message «%s» does not say «%s»", error->message, reason);
}

static void
test_read_errors (void)
{
  assert_rejected ("{ nope", "not valid JSON");
  assert_rejected ("{\"schema\": \"other/1\"}", "not a Peyvand analysis");
  assert_rejected ("{\"schema\": \"peyvand/analysis/1\", \"document\": {}}", "length");
  assert_rejected ("{\"schema\": \"peyvand/analysis/1\", \"document\": {\"length\": 5},"
                   " \"sentences\": [{\"start\": 0, \"end\": 9}]}",
                   "sentence 0");
  assert_rejected ("{\"schema\": \"peyvand/analysis/1\", \"document\": {\"length\": 5},"
                   " \"sentences\": [], \"nodes\": [{\"id\": \"x:1\", \"type\": \"alien\","
                   " \"label\": \"l\"}]}",
                   "unknown type");
  assert_rejected ("{\"schema\": \"peyvand/analysis/1\", \"document\": {\"length\": 5},"
                   " \"sentences\": [], \"nodes\": [], \"edges\": [{\"source\": \"a\","
                   " \"target\": \"b\", \"kind\": \"co-mention\", \"weight\": 1}]}",
                   "two known nodes");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/analysis-json/schema", test_schema_fields);
  g_test_add_func ("/analysis-json/node-at", test_node_at_prefers_innermost);
  g_test_add_func ("/analysis-json/escaping", test_escaping);
  g_test_add_func ("/analysis-json/round-trip", test_round_trip);
  g_test_add_func ("/analysis-json/read-errors", test_read_errors);

  return g_test_run ();
}
