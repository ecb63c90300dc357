/* pv-knowledge-snapshot-tool.c: writes the built-in knowledge base's
 * snapshot at build time (src/core/pv-knowledge.c, "The snapshot")
 *
 * Usage: pv-knowledge-snapshot OUT
 *
 * Builds the base from its JSON files, writes it, reads the snapshot back
 * and writes that again: the two must be the same bytes, or nothing is
 * written and the build fails.
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include <glib.h>

#include "pv-knowledge-private.h"

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) snapshot = NULL;
  g_autoptr (GBytes) again = NULL;
  PvKnowledge *knowledge;
  gsize length = 0;
  const guint8 *data;

  if (argc != 2)
    {
      fprintf (stderr, "usage: pv-knowledge-snapshot OUT\n");
      return 2;
    }

  knowledge = pv_knowledge_new_builtin_from_sources ();
  snapshot = pv_knowledge_write_snapshot (knowledge);
  pv_knowledge_unref (knowledge);

  data = g_bytes_get_data (snapshot, &length);
  knowledge = pv_knowledge_new_from_snapshot (data, length);
  if (knowledge == NULL)
    {
      fprintf (stderr, "pv-knowledge-snapshot: the snapshot written cannot be read back\n");
      return 1;
    }
  again = pv_knowledge_write_snapshot (knowledge);
  pv_knowledge_unref (knowledge);
  if (!g_bytes_equal (snapshot, again))
    {
      fprintf (stderr, "pv-knowledge-snapshot: the snapshot read back is not the one written\n");
      return 1;
    }

  if (!g_file_set_contents (argv[1], (const char *)data, (gssize)length, &error))
    {
      fprintf (stderr, "pv-knowledge-snapshot: %s\n", error->message);
      return 1;
    }
  return 0;
}
