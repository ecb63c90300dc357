/* project-save-child.c: saves a large project again and again, until
 * test-project kills it in the middle of a save
 *
 * Usage: project-save-child PROJECT
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "peyvand-test"

#include "config.h"

#include <stdio.h>

#include "pv-project.h"

int
main (int argc, char **argv)
{
  g_autoptr (PvProject) project = NULL;
  g_autoptr (GError) error = NULL;

  if (argc != 2)
    {
      fprintf (stderr, "usage: %s PROJECT\n", argv[0]);
      return 2;
    }

  /* The large project test-project wrote: every save holds the same article
   * and edits, and only "generation" tells the saves apart. */
  project = pv_project_load (argv[1], &error);
  if (project == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  for (guint generation = 1;; generation++)
    {
      pv_project_set_view_double (project, "generation", generation);
      if (!pv_project_save (project, argv[1], &error))
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
    }
}
