/* bench-export.c: a generated clustered graph of 1,000 nodes exported to a
 * 3840 × 2160 PNG and to an SVG of the same size with pv-export, against
 * graphviz's sfdp drawing the same graph to the same outputs.
 *
 * sfdp starts from the graph and lays it out before it renders; pv-export
 * draws a layout it is given.  Both are timed: our export of a settled
 * layout, and our layout (pv_layout_new + pv_layout_settle, as
 * peyvand-cli export does it) plus that export, which is what sfdp does.
 * Target: ours no slower than sfdp for the same output, the layout
 * included, in processor time (medians of 7 runs; wall-clock times are
 * printed too).  Exits 77 (skipped) without sfdp.  Run with
 * `meson test --benchmark`.
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "pv-export.h"
#include "pv-layout.h"

#include "bench-graph.h"
#include "bench-util.h"

#define N_NODES 1000
#define N_EDGES 6000 /* bench-layout's graph of 1,000 nodes */
#define GRAPH_SEED 7
#define WIDTH 3840
#define HEIGHT 2160
#define DPI 96.0
#define ROUNDS 7

/* The DOT of the graph: the same nodes, labels and weighted edges. */
static gboolean
write_dot (const PvAnalysis *analysis, const char *path, GError **error)
{
  g_autoptr (GString) dot = g_string_new ("graph G {\n");

  for (guint i = 0; i < analysis->nodes->len; i++)
    {
      const PvNode *node = g_ptr_array_index (analysis->nodes, i);

      g_string_append_printf (dot, "  %u [label=\"%s\"];\n", i, node->label);
    }
  for (guint i = 0; i < analysis->edges->len; i++)
    {
      const PvEdge *edge = g_ptr_array_index (analysis->edges, i);

      g_string_append_printf (dot, "  %u -- %u [weight=%u];\n", edge->source, edge->target,
                              edge->weight);
    }
  g_string_append (dot, "}\n");
  return g_file_set_contents (path, dot->str, (gssize)dot->len, error);
}

/* A PNG's size from its IHDR chunk, or FALSE when `path` is no PNG. */
static gboolean
png_size (const char *path, guint *width, guint *height)
{
  g_autofree guint8 *data = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, (char **)&data, &length, NULL) || length < 24 ||
      memcmp (data, "\x89PNG\r\n\x1a\n", 8) != 0)
    return FALSE;
  *width = (guint)data[16] << 24 | (guint)data[17] << 16 | (guint)data[18] << 8 | data[19];
  *height = (guint)data[20] << 24 | (guint)data[21] << 16 | (guint)data[22] << 8 | data[23];
  return TRUE;
}

static goffset
file_size (const char *path)
{
  GStatBuf buf;

  return g_stat (path, &buf) == 0 ? buf.st_size : -1;
}

/* Milliseconds, medians of ROUNDS runs: on the wall clock, and of
 * processor time (user and system), which the machine's other work
 * disturbs less.  The targets are checked on processor time; on an idle
 * machine the two agree (none of the programs timed uses threads). */
typedef struct
{
  double wall;
  double cpu;
} Timing;

static void
timing_set (Timing *timing, double *wall, double *cpu)
{
  timing->wall = bench_median (wall, ROUNDS);
  timing->cpu = bench_median (cpu, ROUNDS);
}

/* Layouts from the default seed; the last one is kept. */
static void
time_layout (const PvAnalysis *analysis, PvLayout **layout, Timing *timing)
{
  double wall[ROUNDS], cpu[ROUNDS];

  for (guint round = 0; round < ROUNDS; round++)
    {
      double start = bench_now (), cpu_start = bench_cpu_seconds ();

      g_clear_pointer (layout, pv_layout_free);
      *layout = pv_layout_new (analysis, PV_LAYOUT_DEFAULT_SEED);
      pv_layout_settle (*layout);
      wall[round] = (bench_now () - start) * 1000;
      cpu[round] = (bench_cpu_seconds () - cpu_start) * 1000;
    }
  timing_set (timing, wall, cpu);
}

/* Exports to `path`. */
static gboolean
time_export (const PvAnalysis *analysis, const PvLayout *layout, const PvExportOptions *options,
             const char *path, Timing *timing)
{
  double wall[ROUNDS], cpu[ROUNDS];

  for (guint round = 0; round < ROUNDS; round++)
    {
      g_autoptr (GError) error = NULL;
      double start = bench_now (), cpu_start = bench_cpu_seconds ();

      if (!pv_export_to_file (analysis, layout, options, path, &error))
        {
          fprintf (stderr, "bench-export: %s\n", error->message);
          return FALSE;
        }
      wall[round] = (bench_now () - start) * 1000;
      cpu[round] = (bench_cpu_seconds () - cpu_start) * 1000;
    }
  timing_set (timing, wall, cpu);
  return TRUE;
}

/* Runs of sfdp. */
static gboolean
time_sfdp (char **argv, Timing *timing)
{
  double wall[ROUNDS], cpu[ROUNDS];

  for (guint round = 0; round < ROUNDS; round++)
    {
      BenchRun run;

      if (!bench_run (argv, NULL, BENCH_OUTPUT_DISCARD, &run))
        return FALSE;
      if (run.status != 0)
        {
          fprintf (stderr, "bench-export: sfdp exited with %d\n", run.status);
          return FALSE;
        }
      wall[round] = run.seconds * 1000;
      cpu[round] = run.cpu_seconds * 1000;
    }
  timing_set (timing, wall, cpu);
  return TRUE;
}

static gboolean
compare (const char *format, const Timing *layout, const Timing *export, const Timing *sfdp)
{
  double ours = layout->cpu + export->cpu;
  gboolean met = ours <= sfdp->cpu;

  printf ("%s, processor time: ours %.0f ms (export of the settled layout %.0f ms + layout "
          "%.0f ms), sfdp %.0f ms (layout and render): ours / sfdp %.2f, export alone / sfdp "
          "%.2f (target: ours, layout included, ≤ sfdp): %s\n",
          format, ours, export->cpu, layout->cpu, sfdp->cpu, ours / sfdp->cpu,
          export->cpu / sfdp->cpu, bench_verdict (met));
  printf ("%s, wall clock: ours %.0f ms (export %.0f ms + layout %.0f ms), sfdp %.0f ms: "
          "ours / sfdp %.2f\n",
          format, layout->wall + export->wall, export->wall, layout->wall, sfdp->wall,
          (layout->wall + export->wall) / sfdp->wall);
  return met;
}

int
main (int argc, char **argv)
{
  g_autofree char *sfdp = g_find_program_in_path ("sfdp");
  g_autoptr (PvAnalysis) analysis = NULL;
  g_autoptr (PvLayout) layout = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *tmp_dir = NULL;
  g_autofree char *dot_path = NULL, *png_path = NULL, *svg_path = NULL;
  g_autofree char *sfdp_png_path = NULL, *sfdp_svg_path = NULL;
  /* sfdp's size is in inches: the PNG at DPI pixels an inch, the SVG in
   * points (72 an inch), both the page of our export */
  g_autofree char *png_size_arg = g_strdup_printf ("-Gsize=%g,%g!", WIDTH / DPI, HEIGHT / DPI);
  g_autofree char *svg_size_arg = g_strdup_printf ("-Gsize=%g,%g!", WIDTH / 72.0, HEIGHT / 72.0);
  g_autofree char *dpi_arg = g_strdup_printf ("-Gdpi=%g", DPI);
  PvExportOptions png_options, svg_options, svg_text_options;
  Timing layout_time, png_time, svg_time, svg_text_time, sfdp_png_time, sfdp_svg_time;
  guint width = 0, height = 0, sfdp_width = 0, sfdp_height = 0;
  gboolean met;
  int status = 1;

  if (sfdp == NULL)
    {
      printf ("bench-export: graphviz's sfdp is not installed (apt-get install graphviz), "
              "skipped\n");
      return BENCH_SKIP;
    }
  bench_print_machine ();
  tmp_dir = g_dir_make_tmp ("peyvand-bench-XXXXXX", &error);
  if (tmp_dir == NULL)
    {
      fprintf (stderr, "bench-export: %s\n", error->message);
      return 1;
    }
  dot_path = g_build_filename (tmp_dir, "graph.dot", NULL);
  png_path = g_build_filename (tmp_dir, "ours.png", NULL);
  svg_path = g_build_filename (tmp_dir, "ours.svg", NULL);
  sfdp_png_path = g_build_filename (tmp_dir, "sfdp.png", NULL);
  sfdp_svg_path = g_build_filename (tmp_dir, "sfdp.svg", NULL);

  analysis = bench_clustered_graph (N_NODES, N_EDGES, GRAPH_SEED);
  printf ("graph: %u nodes, %u edges, clustered (bench-graph.c, as bench-layout's)\n",
          analysis->nodes->len, analysis->edges->len);
  if (!write_dot (analysis, dot_path, &error))
    goto out;

  time_layout (analysis, &layout, &layout_time);
  printf ("our layout (pv_layout_new + pv_layout_settle): %.0f ms, processor %.0f ms (medians of "
          "%u)\n",
          layout_time.wall, layout_time.cpu, ROUNDS);

  pv_export_options_init (&png_options, PV_EXPORT_PNG);
  png_options.width = WIDTH;
  png_options.height = HEIGHT;
  png_options.dpi = DPI;
  pv_export_options_init (&svg_options, PV_EXPORT_SVG);
  svg_options.width = WIDTH;
  svg_options.height = HEIGHT;
  svg_text_options = svg_options;
  svg_text_options.svg_text = TRUE;
  if (!time_export (analysis, layout, &png_options, png_path, &png_time) ||
      !time_export (analysis, layout, &svg_options, svg_path, &svg_time) ||
      !time_export (analysis, layout, &svg_text_options, svg_path, &svg_text_time))
    goto out;
  if (!png_size (png_path, &width, &height))
    {
      fprintf (stderr, "bench-export: %s is no PNG\n", png_path);
      goto out;
    }
  printf ("our PNG: %u × %u, %" G_GOFFSET_FORMAT " bytes, export %.0f ms, processor %.0f ms "
          "(medians of %u)\n",
          width, height, file_size (png_path), png_time.wall, png_time.cpu, ROUNDS);
  printf ("our SVG: %u × %u pt, labels as glyph outlines (the default) %.0f ms, processor "
          "%.0f ms; as <text> (--svg-text) %.0f ms, processor %.0f ms\n",
          WIDTH, HEIGHT, svg_time.wall, svg_time.cpu, svg_text_time.wall, svg_text_time.cpu);

  {
    char *png_argv[] = { sfdp,          "-Tpng",  png_size_arg, "-Gratio=fill", dpi_arg, "-o",
                         sfdp_png_path, dot_path, NULL };
    char *svg_argv[] = { sfdp, "-Tsvg",       svg_size_arg, "-Gratio=fill",
                         "-o", sfdp_svg_path, dot_path,     NULL };

    if (!time_sfdp (png_argv, &sfdp_png_time) || !time_sfdp (svg_argv, &sfdp_svg_time))
      goto out;
  }
  if (!png_size (sfdp_png_path, &sfdp_width, &sfdp_height))
    {
      fprintf (stderr, "bench-export: sfdp wrote no PNG\n");
      goto out;
    }
  printf ("sfdp %s (%s %s -Gratio=fill %s): PNG %u × %u, %.0f ms, processor %.0f ms; SVG (%s) "
          "%.0f ms, processor %.0f ms (medians of %u)\n",
          sfdp, "-Tpng", png_size_arg, dpi_arg, sfdp_width, sfdp_height, sfdp_png_time.wall,
          sfdp_png_time.cpu, svg_size_arg, sfdp_svg_time.wall, sfdp_svg_time.cpu, ROUNDS);
  printf ("our peak RSS (the whole benchmark): %.0f MiB\n", bench_peak_rss_mib ());

  met = compare ("PNG 3840×2160", &layout_time, &png_time, &sfdp_png_time);
  met = compare ("SVG", &layout_time, &svg_time, &sfdp_svg_time) && met;
  printf ("targets: %s\n", bench_verdict (met));
  status = met ? 0 : 1;

out:
  if (error != NULL)
    fprintf (stderr, "bench-export: %s\n", error->message);
  bench_remove_dir (tmp_dir);
  return status;
}
