/* fuzz-project.c: the project file reader, and the analysis JSON reader
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <unistd.h>

#include <glib/gstdio.h>

#include "pv-analysis-json.h"
#include "pv-project.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  static char *path;
  g_autoptr (PvAnalysis) analysis = NULL;
  PvProject *project;

  if (path == NULL)
    path = g_build_filename (g_get_tmp_dir (), "peyvand-fuzz-project.peyvand", NULL);

  analysis = pv_analysis_from_json ("fuzz", (const char *)data, size, NULL);

  if (!g_file_set_contents (path, (const char *)data, (gssize)size, NULL))
    return 0;
  project = pv_project_load (path, NULL);
  if (project != NULL)
    pv_project_free (project);
  return 0;
}
