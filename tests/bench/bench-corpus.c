/* bench-corpus.c: the analysis time of every article in ../shared/corpus
 * (target: under 50 ms each).  Run with `meson test --benchmark`.
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "pv-analysis.h"

#define TARGET_MS 50.0
#define ROUNDS 5

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

int
main (int argc, char **argv)
{
  const char *shared = g_getenv ("PEYVAND_SHARED_DIR");
  g_autofree char *dir_path = NULL;
  g_autoptr (GDir) dir = NULL;
  g_autoptr (PvKnowledge) knowledge = NULL;
  g_autoptr (GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  const char *name;
  const char *slowest = NULL;
  g_autofree char *slowest_name = NULL;
  double total = 0, worst = 0;
  gint64 start;

  if (shared == NULL)
    return 77;
  dir_path = g_build_filename (shared, "corpus", "ntrex", NULL);
  dir = g_dir_open (dir_path, 0, NULL);
  if (dir == NULL)
    {
      printf ("bench-corpus: %s is not here, skipped\n", dir_path);
      return 77;
    }

  start = g_get_monotonic_time ();
  knowledge = pv_knowledge_new_builtin ();
  printf ("knowledge base loaded in %.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      double best = G_MAXDOUBLE;

      if (!g_str_has_suffix (name, ".fa.txt"))
        continue;
      path = g_build_filename (dir_path, name, NULL);

      /* the best of a few rounds: the cost of the analysis, not of the
       * machine's other work */
      for (guint round = 0; round < ROUNDS; round++)
        {
          g_autoptr (GError) error = NULL;
          PvAnalyzeOptions options = { NULL };
          PvDocument *document;
          PvAnalysis *analysis;
          double ms;

          start = g_get_monotonic_time ();
          document = pv_document_load_file (path, &error);
          if (document == NULL)
            {
              fprintf (stderr, "%s\n", error->message);
              return 1;
            }
          analysis = pv_analyze (document, knowledge, &options);
          ms = (g_get_monotonic_time () - start) / 1000.0;
          pv_analysis_free (analysis);
          best = MIN (best, ms);
        }

      g_array_append_val (times, best);
      total += best;
      if (best > worst)
        {
          worst = best;
          g_free (slowest_name);
          slowest_name = g_strdup (name);
          slowest = slowest_name;
        }
    }

  if (times->len == 0)
    return 77;
  g_array_sort (times, compare_doubles);
  printf ("articles: %u\n", times->len);
  printf ("per article: median %.2f ms, mean %.2f ms, max %.2f ms (%s)\n",
          g_array_index (times, double, times->len / 2), total / times->len, worst, slowest);
  printf ("target: every article under %.0f ms: %s\n", TARGET_MS,
          worst < TARGET_MS ? "met" : "MISSED");
  return worst < TARGET_MS ? 0 : 1;
}
