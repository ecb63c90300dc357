/* fuzz-export.c: every export format of a random graph
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pv-entities.h"
#include "pv-export.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

/* A graph read from the bytes: a node count, labels cut from the bytes
 * (any UTF-8 made valid), and edges between byte-chosen nodes. */
static PvAnalysis *
random_analysis (const guint8 *data, size_t size)
{
  PvAnalysis *analysis = g_new0 (PvAnalysis, 1);
  guint n_nodes = size > 0 ? data[0] % 12 : 0;
  gsize at = 1;

  analysis->document = pv_document_new_from_text ("fuzz", "متن", -1);
  analysis->language = "fa";
  analysis->rtl = TRUE;
  analysis->sentences = g_array_new (FALSE, FALSE, sizeof (PvSpan));
  g_array_append_val (analysis->sentences, ((PvSpan){ 0, 3 }));
  analysis->nodes = g_ptr_array_new_with_free_func (pv_entity_free);
  analysis->edges = g_ptr_array_new_with_free_func ((GDestroyNotify)pv_edge_free);

  for (guint i = 0; i < n_nodes; i++)
    {
      PvEntity *node = g_new0 (PvEntity, 1);
      gsize length = at < size ? data[at] % 24 : 0;
      PvMention mention = { 0, 3, 0 };

      at++;
      length = MIN (length, at < size ? size - at : 0);
      node->label = g_utf8_make_valid ((const char *)data + MIN (at, size), length);
      at += length;
      node->id = g_strdup_printf ("topic:n%u", i);
      node->type = (at < size ? data[at] : i) % PV_N_ENTITY_TYPES;
      node->mentions = g_array_new (FALSE, FALSE, sizeof (PvMention));
      for (guint m = 0; m <= (at < size ? data[at] % 4 : 0); m++)
        g_array_append_val (node->mentions, mention);
      at++;
      g_ptr_array_add (analysis->nodes, node);
    }
  for (; n_nodes > 1 && at + 2 < size; at += 3)
    {
      PvEdge *edge = g_new0 (PvEdge, 1);
      guint sentence = 0;

      edge->source = data[at] % n_nodes;
      edge->target = data[at + 1] % n_nodes;
      if (edge->source == edge->target)
        edge->target = (edge->target + 1) % n_nodes;
      edge->kind = data[at + 2] % 5;
      edge->weight = 1;
      edge->sentences = g_array_new (FALSE, FALSE, sizeof (guint));
      g_array_append_val (edge->sentences, sentence);
      g_ptr_array_add (analysis->edges, edge);
    }
  return analysis;
}

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  g_autoptr (PvAnalysis) analysis = random_analysis (data, size);
  g_autoptr (PvLayout) layout = pv_layout_new (analysis, 7);

  pv_layout_settle (layout);
  for (PvExportFormat format = PV_EXPORT_PNG; format <= PV_EXPORT_JSON; format++)
    {
      PvExportOptions options;
      g_autoptr (GBytes) bytes = NULL;

      pv_export_options_init (&options, format);
      options.width = format == PV_EXPORT_PNG ? 200 : 0;
      options.height = format == PV_EXPORT_PNG ? 150 : 0;
      options.svg_text = size > 1 && data[1] % 2;
      options.title = "آزمون";
      bytes = pv_export_to_bytes (analysis, layout, &options, NULL);
    }
  return 0;
}
