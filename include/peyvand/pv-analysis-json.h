/* pv-analysis-json.h: the analysis as JSON, schema peyvand/analysis/1
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pv-analysis.h"
#include "pv-metrics.h"

G_BEGIN_DECLS

#define PV_ANALYSIS_SCHEMA "peyvand/analysis/1"

/* The analysis as a NUL-terminated UTF-8 JSON text (see docs/SCHEMA.md).
 */
char *pv_analysis_to_json (const PvAnalysis *analysis);

/* The same, and when `metrics` is not NULL (computed for this analysis),
 * each node carries its metrics ("metrics": degree, weighted_degree,
 * pagerank, betweenness, community) and the top level the number of
 * communities and their modularity: fields added to peyvand/analysis/1. */
char *pv_analysis_to_json_with_metrics (const PvAnalysis *analysis, const PvMetrics *metrics);

/* An analysis read back from the JSON `pv_analysis_to_json` writes (for
 * `peyvand-cli export`): the document carries no text beyond what the
 * mentions need, so offsets stay meaningful only against the original.
 * Errors name `source` and the reason. */
PvAnalysis *pv_analysis_from_json (const char *source, const char *json, gsize length,
                                   GError **error);

/* The same, and in `metrics` the nodes' metrics when every node carries
 * them (written by pv_analysis_to_json_with_metrics), else NULL: metrics
 * are optional, so missing or malformed ones are no error. */
PvAnalysis *pv_analysis_from_json_with_metrics (const char *source, const char *json, gsize length,
                                                PvMetrics **metrics, GError **error);

G_END_DECLS
