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
    {
      /* one per process: fuzzers running side by side must not share it */
      g_autofree char *name = g_strdup_printf ("peyvand-fuzz-project-%d.peyvand", (int)getpid ());

      path = g_build_filename (g_get_tmp_dir (), name, NULL);
    }

  analysis = pv_analysis_from_json ("fuzz", (const char *)data, size, NULL);

  /* no fsync (g_file_set_contents would, for each input): the file only
   * needs to be there for pv_project_load to read */
  if (!g_file_set_contents_full (path, (const char *)data, (gssize)size, G_FILE_SET_CONTENTS_NONE,
                                 0600, NULL))
    return 0;
  project = pv_project_load (path, NULL);
  if (project != NULL)
    pv_project_free (project);
  g_unlink (path);
  return 0;
}
