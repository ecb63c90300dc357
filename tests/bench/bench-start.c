/* bench-start.c: cold start of the application, opened on the seed
 * article, to its first painted frame that shows the analysis (the article
 * with its mentions highlighted and the graph), and its peak RSS, against
 * a bare GTK 4 window that shows the same text (bare-window.c).  Target:
 * at most 1.3 times the bare window's time and memory.
 *
 * Each program is started afresh, in pairs, ROUNDS times (after one
 * start of each that is not counted: the files are then in the page
 * cache, so "cold" is a new process, not a cold disk), the application
 * first in one pair and the bare window first in the next.  The verdict is
 * the median of the pairs' own ratios: the two starts of a pair see the
 * machine alike, so the ratio moves less with the machine's speed drifting
 * during a run than the ratio of the two medians, which is printed beside
 * it (docs/PERFORMANCE.md, "Cold start"); the memory's verdict is the ratio
 * of the medians.  The time runs from the spawn to the paint, as the
 * programs report it on the monotonic clock (PEYVAND_EXIT_AFTER_FIRST_FRAME=1,
 * see src/app/pv-application.c); the peak RSS is wait4's.  Run under Xvfb
 * with the cairo renderer by `meson test --benchmark`; exits 77 (skipped)
 * without a display.
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "bench-util.h"

#define TARGET_RATIO 1.3
/* 7 rounds left the verdict to chance at a true ratio of 1.27; 15 were
 * steadier, 21 steadier still (docs/PERFORMANCE.md, "Cold start"). */
#define ROUNDS 21
#define WINDOW_SIZE "1280x800"

typedef struct
{
  double frame_ms; /* spawn to the frame asked for */
  double first_ms; /* spawn to the first frame (the application: maybe before the analysis) */
  double peak_mib;
} Start;

/* The value of "key: value" in `output`, or -1. */
static gint64
output_value (const GString *output, const char *key)
{
  g_autofree char *prefix = g_strconcat (key, ": ", NULL);
  const char *line = output->str;

  while (line != NULL && *line != '\0')
    {
      if (g_str_has_prefix (line, prefix))
        return g_ascii_strtoll (line + strlen (prefix), NULL, 10);
      line = strchr (line, '\n');
      if (line != NULL)
        line++;
    }
  return -1;
}

static gboolean
start_once (char **argv, char **envp, const char *frame_key, Start *start)
{
  BenchRun run;
  gint64 frame, first;
  gboolean ok;

  if (!bench_run (argv, envp, BENCH_OUTPUT_KEEP, &run))
    return FALSE;
  frame = output_value (run.output, frame_key);
  first = output_value (run.output, "first-frame-monotonic-us");
  ok = run.status == 0 && frame > 0 && first > 0;
  if (!ok)
    fprintf (stderr, "bench-start: %s exited with %d and reported no %s:\n%s\n", argv[0],
             run.status, frame_key, run.output->str);
  else
    {
      start->frame_ms = (frame - run.started_usec) / 1000.0;
      start->first_ms = (first - run.started_usec) / 1000.0;
      start->peak_mib = run.peak_mib;
    }
  bench_run_clear (&run);
  return ok;
}

static double
median_of (const Start *starts, gsize offset)
{
  double values[ROUNDS];

  for (guint i = 0; i < ROUNDS; i++)
    values[i] = *(const double *)(const void *)((const char *)&starts[i] + offset);
  return bench_median (values, ROUNDS);
}

int
main (int argc, char **argv)
{
  const char *app = g_getenv ("PEYVAND_BIN");
  const char *bare = g_getenv ("PEYVAND_BARE_WINDOW");
  const char *sample = g_getenv ("PEYVAND_SAMPLE");
  g_auto (GStrv) app_env = NULL;
  Start app_starts[ROUNDS], bare_starts[ROUNDS], ignored;
  double app_ms, app_first_ms, app_mib, bare_ms, bare_mib, round_ratios[ROUNDS], time_ratio;
  gboolean time_met, memory_met;

  if (app == NULL || bare == NULL || sample == NULL)
    {
      printf ("bench-start: PEYVAND_BIN, PEYVAND_BARE_WINDOW and PEYVAND_SAMPLE are not set "
              "(run it with meson test --benchmark), skipped\n");
      return BENCH_SKIP;
    }
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      printf ("bench-start: no display (xvfb-run is not installed?), skipped\n");
      return BENCH_SKIP;
    }
  app_env = g_environ_setenv (g_get_environ (), "PEYVAND_EXIT_AFTER_FIRST_FRAME", "1", TRUE);

  {
    char *app_argv[] = { (char *)app, "--size", WINDOW_SIZE, (char *)sample, NULL };
    char *bare_argv[] = { (char *)bare, "--size", WINDOW_SIZE, (char *)sample, NULL };

    bench_print_machine ();
    printf ("renderer: GSK_RENDERER=%s, display %s\n", g_getenv ("GSK_RENDERER"),
            g_getenv ("DISPLAY"));
    if (!start_once (app_argv, app_env, "analysis-frame-monotonic-us", &ignored) ||
        !start_once (bare_argv, NULL, "first-frame-monotonic-us", &ignored))
      return 1;
    for (guint round = 0; round < ROUNDS; round++)
      {
        Start *app_start = &app_starts[round], *bare_start = &bare_starts[round];
        gboolean ok;

        if (round % 2 == 0)
          ok = start_once (app_argv, app_env, "analysis-frame-monotonic-us", app_start) &&
               start_once (bare_argv, NULL, "first-frame-monotonic-us", bare_start);
        else
          ok = start_once (bare_argv, NULL, "first-frame-monotonic-us", bare_start) &&
               start_once (app_argv, app_env, "analysis-frame-monotonic-us", app_start);
        if (!ok)
          return 1;
        printf ("  run %u: peyvand %.0f ms (first frame %.0f ms), %.1f MiB; bare window %.0f ms, "
                "%.1f MiB\n",
                round + 1, app_starts[round].frame_ms, app_starts[round].first_ms,
                app_starts[round].peak_mib, bare_starts[round].frame_ms,
                bare_starts[round].peak_mib);
      }
  }

  for (guint round = 0; round < ROUNDS; round++)
    round_ratios[round] = app_starts[round].frame_ms / bare_starts[round].frame_ms;
  app_ms = median_of (app_starts, G_STRUCT_OFFSET (Start, frame_ms));
  app_first_ms = median_of (app_starts, G_STRUCT_OFFSET (Start, first_ms));
  app_mib = median_of (app_starts, G_STRUCT_OFFSET (Start, peak_mib));
  bare_ms = median_of (bare_starts, G_STRUCT_OFFSET (Start, frame_ms));
  bare_mib = median_of (bare_starts, G_STRUCT_OFFSET (Start, peak_mib));
  time_ratio = bench_median (round_ratios, ROUNDS);
  time_met = time_ratio <= TARGET_RATIO;
  memory_met = app_mib <= TARGET_RATIO * bare_mib;

  printf ("peyvand %s on %s, to the first frame with the analysis: %.0f ms (its first frame "
          "%.0f ms), peak RSS %.1f MiB (medians of %u)\n",
          WINDOW_SIZE, sample, app_ms, app_first_ms, app_mib, ROUNDS);
  printf ("bare GTK 4 window with the same text: %.0f ms, peak RSS %.1f MiB\n", bare_ms, bare_mib);
  printf ("time: %.2f × the bare window's, the median of the %u pairs' ratios (target ≤ %.1f): "
          "%s\n",
          time_ratio, ROUNDS, TARGET_RATIO, bench_verdict (time_met));
  printf ("  (the ratio of the medians: %.2f ×)\n", app_ms / bare_ms);
  printf ("memory: %.2f × the bare window's (target ≤ %.1f): %s\n", app_mib / bare_mib,
          TARGET_RATIO, bench_verdict (memory_met));
  return time_met && memory_met ? 0 : 1;
}
