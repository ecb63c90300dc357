/* test-corpus.c: every article of ../shared/corpus goes through the whole
 * analysis with its invariants intact (the sanitizer build runs this too)
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cjson/cJSON.h>

#include "pv-analysis-json.h"
#include "test-util.h"

static char *
corpus_dir (void)
{
  const char *shared = g_getenv ("PEYVAND_SHARED_DIR");

  if (shared == NULL)
    return NULL;
  return g_build_filename (shared, "corpus", "ntrex", NULL);
}

static void
check_article (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PvAnalysis) analysis = NULL;
  g_autofree char *json = NULL;
  PvDocument *document = pv_document_load_file (path, &error);
  PvAnalyzeOptions options = { NULL };
  cJSON *root;
  gsize previous_end = 0;

  g_assert_no_error (error);
  analysis = pv_analyze (document, test_knowledge (), &options);

  /* the corpus has no page furniture: nothing may be cut */
  if (analysis->body_end != analysis->document->length)
    g_error ("%s: body cut at %zu of %zu", path, analysis->body_end, analysis->document->length);

  for (guint s = 0; s < analysis->sentences->len; s++)
    {
      const PvSpan *span = &g_array_index (analysis->sentences, PvSpan, s);

      g_assert_cmpuint (span->start, <, span->end);
      g_assert_cmpuint (span->start, >=, previous_end);
      previous_end = span->end;
    }

  for (guint i = 0; i < analysis->nodes->len; i++)
    {
      const PvNode *node = g_ptr_array_index (analysis->nodes, i);

      g_assert_true (g_str_has_prefix (node->id, pv_entity_type_to_string (node->type)));
      for (guint m = 0; m < node->mentions->len; m++)
        {
          const PvMention *mention = &g_array_index (node->mentions, PvMention, m);
          const PvSpan *span = &g_array_index (analysis->sentences, PvSpan, mention->sentence);

          g_assert_cmpuint (mention->start, >=, span->start);
          g_assert_cmpuint (mention->end, <=, span->end);
          g_assert_cmpuint (mention->start, <, mention->end);
        }
    }

  for (guint i = 0; i < analysis->edges->len; i++)
    {
      const PvEdge *edge = g_ptr_array_index (analysis->edges, i);

      g_assert_cmpuint (edge->source, !=, edge->target);
      g_assert_cmpuint (edge->weight, ==, edge->sentences->len);
      g_assert_cmpuint (edge->weight, >, 0);
      for (guint s = 0; s < edge->sentences->len; s++)
        g_assert_cmpuint (g_array_index (edge->sentences, guint, s), <, analysis->sentences->len);
    }

  json = pv_analysis_to_json (analysis);
  root = cJSON_Parse (json);
  g_assert_nonnull (root);
  cJSON_Delete (root);
}

static void
test_corpus (void)
{
  g_autofree char *dir_path = corpus_dir ();
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir_path == NULL || !g_file_test (dir_path, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("../shared/corpus is not here");
      return;
    }

  dir = g_dir_open (dir_path, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (names, g_build_filename (dir_path, name, NULL));

  g_assert_cmpuint (names->len, >, 0);
  for (guint i = 0; i < names->len; i++)
    check_article (g_ptr_array_index (names, i));
  g_test_message ("%u articles analyzed", names->len);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/corpus/all-articles", test_corpus);

  return g_test_run ();
}
