/* fuzz-knowledge.c: a user's knowledge file merged over the built-in base
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pv-analysis.h"
#include "pv-knowledge.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  static const char text[] = "ولادیمیر پوتین رئیس جمهور روسیه با حسن روحانی در تهران دیدار کرد.";
  /* Built once: building it takes far longer than a copy of it, and every
   * input is merged into a copy of its own, so no input sees another's. */
  static PvKnowledge *builtin;
  g_autoptr (PvKnowledge) knowledge = NULL;
  g_autoptr (PvAnalysis) analysis = NULL;
  PvAnalyzeOptions options = { NULL };

  if (builtin == NULL)
    builtin = pv_knowledge_new_builtin ();
  knowledge = pv_knowledge_copy (builtin);

  /* valid entries are taken even when others are refused */
  pv_knowledge_merge_json (knowledge, "fuzz", (const char *)data, size, NULL);
  analysis = pv_analyze (pv_document_new_from_text ("fuzz", text, -1), knowledge, &options);
  return 0;
}
