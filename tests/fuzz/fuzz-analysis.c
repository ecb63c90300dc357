/* fuzz-analysis.c: the whole analysis, and its JSON read back
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pv-analysis-json.h"
#include "pv-analysis.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  static PvKnowledge *knowledge;
  g_autoptr (PvAnalysis) analysis = NULL;
  g_autoptr (PvAnalysis) read = NULL;
  g_autofree char *json = NULL;
  PvAnalyzeOptions options = { NULL };
  PvDocument *document;

  if (knowledge == NULL)
    knowledge = pv_knowledge_new_builtin ();

  document = pv_document_load_bytes ("fuzz", data, size, NULL, NULL);
  if (document == NULL)
    return 0;
  analysis = pv_analyze (document, knowledge, &options);
  json = pv_analysis_to_json (analysis);
  read = pv_analysis_from_json ("fuzz", json, strlen (json), NULL);
  g_assert_nonnull (read);
  g_assert_cmpuint (read->nodes->len, ==, analysis->nodes->len);
  return 0;
}
