/* pv-analysis-json.h: the analysis as JSON, schema peyvand/analysis/1
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pv-analysis.h"

G_BEGIN_DECLS

#define PV_ANALYSIS_SCHEMA "peyvand/analysis/1"

/* The analysis as a NUL-terminated UTF-8 JSON text (see docs/SCHEMA.md).
 */
/* An analysis read back from the JSON `pv_analysis_to_json` writes (for
 * `peyvand-cli export`): the document carries no text beyond what the
 * mentions need, so offsets stay meaningful only against the original.
 * Errors name `source` and the reason. */
PvAnalysis *pv_analysis_from_json (const char *source, const char *json, gsize length,
                                   GError **error);

char *pv_analysis_to_json (const PvAnalysis *analysis);

G_END_DECLS
